# snowscale — one non-recursive Makefile.
#
#   make            build everything into build/
#   make deps       install missing Debian packages (apt-get as root, else print the command)
#   make check      deps + build + all tests; ends with "N passed, N failed, N skipped"
#   make check-xen  the Xen driver in the nested Xen lab
#   make run        the whole appliance on the QEMU driver (CONFIG=FILE: etc/examples/...); prints the dashboard URL
#   make bench      every benchmark; prints BENCH lines
#   make install    DESTDIR=, PREFIX=
#   make guest-agent   the guest agent as a Debian package (build/guest/*.deb)
#   make guest-debian  a Debian 12 DokuWiki worker image (build/guest/debian/; docs/guest-image.md)
#
# Knobs: V=1 (loud), SANITIZE=address|undefined, CC=clang, TESTS=pattern (check subset).
# Each folder contributes a module.mk fragment; all rules live in this one make process.

.DEFAULT_GOAL := all
SHELL := /bin/bash

V ?= 0
ifeq ($(V),1)
Q :=
else
Q := @
endif

BUILD   := build
BIN     := $(BUILD)/bin
OBJ     := $(BUILD)/obj
LIBDIR  := $(BUILD)/lib
TESTBIN := $(BUILD)/tests
PREFIX  ?= /usr/local
DESTDIR ?=

CC ?= cc
WARN := -Wall -Wextra -Werror -Wshadow -Wformat=2 -Wundef -Wpointer-arith \
        -Wmissing-prototypes -Wstrict-prototypes -Wvla -Wno-unused-parameter \
        -Wno-missing-field-initializers
CPPFLAGS := -D_GNU_SOURCE -Icommon -Ipolicies -Iscaler -Iclonecore/include -Ilb-agent
CFLAGS ?= -O2 -g
CFLAGS += -std=gnu11 $(WARN) -fno-strict-aliasing -pthread -MMD -MP
LDFLAGS += -pthread

ifneq ($(SANITIZE),)
CFLAGS  += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer
LDFLAGS += -fsanitize=$(SANITIZE)
endif

# pkg-config names -> flags; missing packages show up at `make deps`, not as cryptic errors here.
pc_cflags = $(shell pkg-config --cflags $(1) 2>/dev/null)
pc_libs   = $(shell pkg-config --libs $(1) 2>/dev/null)

# Debian packages needed to build, test and run. Fragments append to it.
DEB_PKGS := build-essential pkg-config make gcc clang curl procps iproute2 psmisc \
            libyaml-dev libjson-c-dev libsqlite3-dev sqlite3 libmicrohttpd-dev \
            libcurl4-openssl-dev libsystemd-dev libcmocka-dev

ALL_BINS   :=
ALL_LIBS   :=
UNIT_TESTS :=
ALL_DEPS   :=

# $(call objs,SOURCES)
objs = $(patsubst %.c,$(OBJ)/%.o,$(1))

# $(eval $(call LIBRARY,name,SOURCES,EXTRA_CFLAGS)) -> $(LIBDIR)/libname.a
define LIBRARY
$(LIBDIR)/lib$(1).a: $(call objs,$(2))
	@mkdir -p $$(@D)
	$$(if $$(filter 1,$$(V)),,@echo "  AR      $$@")
	$$(Q)rm -f $$@ && ar rcs $$@ $$^
$(call objs,$(2)): EXTRA_CFLAGS += $(3)
ALL_LIBS += $(LIBDIR)/lib$(1).a
ALL_DEPS += $(patsubst %.o,%.d,$(call objs,$(2)))
endef

# $(eval $(call PROGRAM,name,SOURCES,STATIC_LIBS,LDLIBS,EXTRA_CFLAGS)) -> $(BIN)/name
define PROGRAM
$(BIN)/$(1): $(call objs,$(2)) $(3)
	@mkdir -p $$(@D)
	$$(if $$(filter 1,$$(V)),,@echo "  LD      $$@")
	$$(Q)$$(CC) $$(LDFLAGS) -o $$@ $(call objs,$(2)) $(3) $(4)
$(call objs,$(2)): EXTRA_CFLAGS += $(5)
ALL_BINS += $(BIN)/$(1)
ALL_DEPS += $(patsubst %.o,%.d,$(call objs,$(2)))
endef

# $(eval $(call UNIT_TEST,name,SOURCES,STATIC_LIBS,LDLIBS,EXTRA_CFLAGS)) -> $(TESTBIN)/unit/name (cmocka)
define UNIT_TEST
$(TESTBIN)/unit/$(1): $(call objs,$(2)) $(3)
	@mkdir -p $$(@D)
	$$(if $$(filter 1,$$(V)),,@echo "  LD      $$@")
	$$(Q)$$(CC) $$(LDFLAGS) -o $$@ $(call objs,$(2)) $(3) $(4) $$(call pc_libs,cmocka)
$(call objs,$(2)): EXTRA_CFLAGS += $(5) $$(call pc_cflags,cmocka)
UNIT_TESTS += $(TESTBIN)/unit/$(1)
ALL_DEPS += $(patsubst %.o,%.d,$(call objs,$(2)))
endef

$(OBJ)/%.o: %.c
	@mkdir -p $(@D)
	$(if $(filter 1,$(V)),,@echo "  CC      $<")
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) $(EXTRA_CFLAGS) -c -o $@ $<

# Fragments, in dependency order (libraries first).
include common/module.mk
include policies/module.mk
include clonecore/module.mk
include scaler/module.mk
include lb-agent/module.mk
include guest/module.mk
include web-ui/module.mk
include tests/module.mk
include bench/module.mk

.PHONY: all deps check check-unit check-xen run bench install clean distclean
all: $(ALL_LIBS) $(ALL_BINS) $(UNIT_TESTS)

deps:
	$(Q)tests/deps.sh $(sort $(DEB_PKGS))

# Tests run in dependency order of cost: unit, then integration, then browser.
check: deps
	$(Q)$(MAKE) --no-print-directory all guest
	$(Q)tests/run $(if $(TESTS),-k '$(TESTS)')

check-unit: all
	$(Q)tests/run --unit $(if $(TESTS),-k '$(TESTS)')

# The whole appliance in the foreground (Ctrl-C stops it); LOAD=1 adds a bounded load ramp.
# CONFIG=FILE runs another configuration (etc/examples/); one whose disk is the Debian worker
# image gets it built first (`make guest-debian`: a cache hit when it is up to date).
run: deps
	$(Q)$(MAKE) --no-print-directory all guest
	$(Q)if [ -n "$(CONFIG)" ] && grep -Eq '^[[:space:]]*disk:.*guest/debian/dokuwiki\.qcow2' "$(CONFIG)"; then \
		$(MAKE) --no-print-directory guest-debian || exit 1; fi
	$(Q)scaler/snowscale-appliance $(if $(CONFIG),--config "$(CONFIG)") $(if $(filter 1,$(LOAD)),--load)

# The guest agent as a Debian package, and a Debian 12 + nginx + php-fpm + DokuWiki worker image
# built from Debian's registry (docs/guest-image.md); the image is cached by a hash of its inputs.
.PHONY: guest-agent guest-debian
guest-agent: $(GUEST_AGENT_DEB)
guest-debian: $(GUEST_AGENT_DEB)
	$(Q)guest/debian/build.sh $(GUEST_DEBIAN_DIR) $(GUEST_AGENT_DEB)

# What an operator runs; test and benchmark tools stay in build/bin.
INSTALL_BINS := snowscaled snowscalectl snowscale-lb snowscale-hostd sf-memserver sf-memtap sf-descriptor
# systemd units go where systemd looks for units of this prefix (/usr/local/lib/systemd/system
# is on its default search path), naming the binaries where this install puts them.
SYSTEMD_UNITS := $(wildcard etc/systemd/*.service)
SYSTEMDUNITDIR ?= $(PREFIX)/lib/systemd/system
DEB_PKGS += systemd   # systemd-analyze verify (tests/integration/install_units.sh)
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/snowscale $(DESTDIR)$(SYSTEMDUNITDIR)
	install -m755 $(addprefix $(BIN)/,$(INSTALL_BINS)) $(DESTDIR)$(PREFIX)/bin/
	cp -r etc docs $(DESTDIR)$(PREFIX)/share/snowscale/
	for u in $(SYSTEMD_UNITS); do \
		sed -e 's|/usr/local/bin/|$(PREFIX)/bin/|g' -e 's|/usr/local/share/snowscale/|$(PREFIX)/share/snowscale/|g' \
			"$$u" >"$(DESTDIR)$(SYSTEMDUNITDIR)/$${u##*/}" && chmod 644 "$(DESTDIR)$(SYSTEMDUNITDIR)/$${u##*/}" || exit 1; \
	done

clean:
	rm -rf $(BUILD)

# Tests name build products by absolute path ("$ROOT/build/tests/..."): the same targets.
$(CURDIR)/$(BUILD)/%: $(BUILD)/% ;

-include $(ALL_DEPS)
