# guest/: the worker guest image (make guest). Static guest programs are built with their own rules
# (not PROGRAM: they run inside the VM, not on the host, and must not be installed as host tools).
# Outputs: build/guest/vmlinuz, build/guest/initrd.gz; downloads cached under build/guest/dl.
GUEST_DIR      := $(BUILD)/guest
GUEST_KERNEL   := $(GUEST_DIR)/vmlinuz
GUEST_INITRD   := $(GUEST_DIR)/initrd.gz
GUEST_CFLAGS   := -std=gnu11 -O2 -D_GNU_SOURCE -Wall -Wextra -Werror -Wshadow -Wno-unused-parameter \
                  -Wmissing-prototypes -Wno-missing-field-initializers -pthread
# Every transport guest/agent_*.c is linked into sf-guestd (agent.h); a transport needing a library
# appends it to GUEST_AGENT_LDLIBS (static).
GUEST_AGENT_SRCS := guest/agent.c $(sort guest/agent_proto.c $(wildcard guest/agent_*.c))
GUEST_AGENT_LDLIBS ?=
DEB_PKGS += busybox-static cpio qemu-system-x86 qemu-utils
# The agent's Debian package and the Debian/DokuWiki worker image (guest/debian/, docs/guest-image.md).
DEB_PKGS += mmdebstrap e2fsprogs python3 socat jq file
# A worker disk that boots by its own bootloader (guest/mkbootdisk.sh, tests/integration/qemu_firmware.sh).
DEB_PKGS += syslinux syslinux-common mtools dosfstools
GUEST_AGENT_VERSION ?= 0.1.0
GUEST_AGENT_DEB := $(GUEST_DIR)/snowscale-guest-agent_$(GUEST_AGENT_VERSION)_amd64.deb
GUEST_DEBIAN_DIR := $(GUEST_DIR)/debian

$(GUEST_DIR)/sfdemo: guest/sfdemo.c
	@mkdir -p $(@D)
	$(if $(filter 1,$(V)),,@echo "  CC      $@ (static)")
	$(Q)$(CC) $(GUEST_CFLAGS) -static -o $@ $^

$(GUEST_DIR)/sf-guestd: $(GUEST_AGENT_SRCS) guest/agent.h
	@mkdir -p $(@D)
	$(if $(filter 1,$(V)),,@echo "  CC      $@ (static)")
	$(Q)$(CC) $(GUEST_CFLAGS) -Iguest -static -o $@ $(GUEST_AGENT_SRCS) $(GUEST_AGENT_LDLIBS)

$(GUEST_INITRD): $(GUEST_DIR)/sfdemo $(GUEST_DIR)/sf-guestd guest/init guest/modules.list guest/mkimage.sh
	$(Q)guest/mkimage.sh $(GUEST_DIR) $(GUEST_DIR)/sfdemo $(GUEST_DIR)/sf-guestd

$(GUEST_KERNEL): $(GUEST_INITRD)

$(GUEST_AGENT_DEB): $(GUEST_DIR)/sf-guestd guest/debian/mkdeb.sh $(wildcard guest/debian/agent/*)
	$(Q)guest/debian/mkdeb.sh $(GUEST_DIR)/sf-guestd $(GUEST_AGENT_VERSION) $(GUEST_DIR)

.PHONY: guest
guest: $(GUEST_INITRD)
	@echo "  GUEST   image ready: $(GUEST_KERNEL) $(GUEST_INITRD)"

# The agent's line parsing, tested on the host (tests/unit/test_cc_qemu_agent.c).
$(eval $(call UNIT_TEST,test_cc_qemu_agent,tests/unit/test_cc_qemu_agent.c guest/agent_proto.c,,,-Iguest))
