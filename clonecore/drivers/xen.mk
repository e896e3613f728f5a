# clonecore/drivers/xen.mk: the Xen driver (libxenlight). Included by clonecore/module.mk.
# The stream splitter/synthesizer is plain C and always built (and unit-tested); the driver
# itself only where libxl's headers exist (Debian: libxen-dev), which then defines CC_HAVE_XEN.
# XEN_PREFIX points at another root holding usr/include/libxl.h (the lab's unpacked libxen-dev).
XEN_PREFIX ?=
# make deps installs libxl's headers so the driver is built and unit-tested; without them the
# project still builds, minus the driver.
# Disks: device-mapper thin pools through libdevmapper (xen_disk.c).
DEB_PKGS += libxen-dev libdevmapper-dev
CC_XEN_HEADERS := $(wildcard $(XEN_PREFIX)/usr/include/libxl.h)

CC_DRIVER_SRCS += clonecore/drivers/xen_stream.c clonecore/drivers/xen_free.c
CC_LDLIBS      += -lz
ifneq ($(CC_XEN_HEADERS),)
# xen.c is the ops table (clonecore/module.mk registers the driver when it is built); the
# others are its parts (drivers/xen_int.h).
CC_XEN_SRCS      := clonecore/drivers/xen.c clonecore/drivers/xen_vm.c clonecore/drivers/xen_console.c \
                    clonecore/drivers/xen_domain.c clonecore/drivers/xen_gen.c clonecore/drivers/xen_identity.c \
                    clonecore/drivers/xen_net.c clonecore/drivers/xen_disk.c
CC_DRIVER_SRCS   += $(CC_XEN_SRCS)
CC_DRIVER_CFLAGS += -DCC_HAVE_XEN $(if $(XEN_PREFIX),-isystem $(XEN_PREFIX)/usr/include)
CC_LDLIBS        += $(if $(XEN_PREFIX),-L$(XEN_PREFIX)/usr/lib/x86_64-linux-gnu) -lxenlight -lxenstore -lxentoollog -ldevmapper
# The driver's refusals that need no Xen (corrupt state, short image, bad identity), on any host.
$(eval $(call UNIT_TEST,test_cc_xen_driver,tests/unit/test_cc_xen_driver.c $(CC_XEN_SRCS) clonecore/drivers/xen_stream.c clonecore/sys.c,$(COMMON_LIB),$(if $(XEN_PREFIX),-L$(XEN_PREFIX)/usr/lib/x86_64-linux-gnu) -lxenlight -lxenstore -lxentoollog -ldevmapper $(call pc_libs,json-c) -lz,-Iclonecore/drivers -DCC_HAVE_XEN $(if $(XEN_PREFIX),-isystem $(XEN_PREFIX)/usr/include)))
endif

# A clone's MAC, identity line and the agent's report, checked without Xen.
$(eval $(call UNIT_TEST,test_cc_xen_net,tests/unit/test_cc_xen_net.c clonecore/drivers/xen_net.c clonecore/sys.c,$(COMMON_LIB),,-Iclonecore/drivers))

# Round trips of the stream splitter/synthesizer: synthetic streams and a state blob captured
# from a real save (tests/xenlab/pv-128m.state.gz). No Xen needed.
$(eval $(call UNIT_TEST,test_cc_xen_stream,tests/unit/test_cc_xen_stream.c clonecore/drivers/xen_stream.c,,-lz -lpthread,-Iclonecore/drivers))

# The free-page report's parsing and census (measurement only, docs/drivers-xen.md). No Xen needed.
$(eval $(call UNIT_TEST,test_cc_xen_free,tests/unit/test_cc_xen_free.c clonecore/drivers/xen_free.c,,,-Iclonecore/drivers))

# The lab prints the driver's BENCH lines (tests/xenlab/run.sh, about 2 min).
BENCH_PROGS += bench/xen_lab.sh
