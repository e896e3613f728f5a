# clonecore/: the SnowFlock engine (descriptor, generations, page store, memserver, memtap) and
# its hypervisor drivers. Driver fragments append to CC_DRIVER_SRCS / CC_DRIVER_CFLAGS / CC_LDLIBS.
CC_DRIVER_SRCS   :=
CC_DRIVER_CFLAGS :=
CC_LDLIBS        :=
-include clonecore/drivers/qemu.mk clonecore/drivers/xen.mk
# A fragment may name a source that is not written yet: build what exists, register what is built.
CC_DRIVER_SRCS := $(filter $(wildcard $(CC_DRIVER_SRCS)),$(CC_DRIVER_SRCS))
CC_REGISTRY_CFLAGS := $(if $(filter clonecore/drivers/qemu.c,$(CC_DRIVER_SRCS)),-DCC_REG_QEMU) \
                      $(if $(filter clonecore/drivers/xen.c,$(CC_DRIVER_SRCS)),-DCC_REG_XEN)

DEB_PKGS += libfuse3-dev fuse3 libxxhash-dev liblz4-dev libssl-dev zlib1g-dev libjson-c-dev \
            iproute2 clang

CC_PKGS := json-c libxxhash liblz4 fuse3 libcrypto zlib
CC_SRCS := clonecore/registry.c clonecore/sys.c clonecore/util.c clonecore/descriptor.c clonecore/pagemap.c \
           clonecore/store.c clonecore/engine.c clonecore/generation.c clonecore/clone.c clonecore/genmem.c clonecore/pagesrc.c clonecore/proto.c clonecore/memserver.c \
           clonecore/memtap.c clonecore/memtap_bg.c clonecore/psk.c

$(eval $(call LIBRARY,clonecore,$(CC_SRCS) $(CC_DRIVER_SRCS),$(call pc_cflags,$(CC_PKGS)) $(CC_DRIVER_CFLAGS) $(CC_REGISTRY_CFLAGS)))
CC_LIB    := $(LIBDIR)/libclonecore.a
CC_LDLIBS += $(call pc_libs,$(CC_PKGS))

CC_TOOLS := $(patsubst clonecore/tools/sf_%.c,sf-%,$(wildcard clonecore/tools/sf_*.c))
$(foreach t,$(CC_TOOLS),$(eval $(call PROGRAM,$(t),clonecore/tools/$(subst -,_,$(t)).c,$(CC_LIB) $(COMMON_LIB),$(CC_LDLIBS),-Iclonecore $(call pc_cflags,$(CC_PKGS)))))

CC_UNIT := $(patsubst tests/unit/%.c,%,$(filter-out tests/unit/test_cc_qemu% tests/unit/test_cc_xen%,$(wildcard tests/unit/test_cc_*.c)))
$(foreach t,$(CC_UNIT),$(eval $(call UNIT_TEST,$(t),tests/unit/$(t).c,$(CC_LIB) $(COMMON_LIB),$(CC_LDLIBS),-Iclonecore)))

# Fuzz target (libFuzzer, clang): built on demand by tests/integration/clonecore_fuzz.sh
# (`make build/tests/fuzz/cc_descriptor`, then run it on a directory of descriptors).
CC_FUZZ := $(TESTBIN)/fuzz/cc_descriptor
$(CC_FUZZ): tests/fuzz/cc_descriptor.c clonecore/descriptor.c clonecore/pagemap.c clonecore/util.c clonecore/sys.c \
            common/ss_util.c
	@mkdir -p $(@D)
	$(if $(filter 1,$(V)),,@echo "  FUZZ    $@")
	$(Q)clang $(CPPFLAGS) -std=gnu11 -g -O1 -fsanitize=fuzzer,address,undefined -Iclonecore \
	  $(call pc_cflags,$(CC_PKGS)) -o $@ $^ $(call pc_libs,json-c libxxhash liblz4 zlib)

BENCH_PROGS += $(wildcard bench/clonecore_*.sh) bench/multihost.sh

.PHONY: clonecore
clonecore: $(CC_LIB) $(addprefix $(BIN)/,$(CC_TOOLS)) $(addprefix $(TESTBIN)/unit/,$(CC_UNIT))

# The registry's -DCC_REG_* flags follow which driver sources exist: rebuild it when they change.
$(OBJ)/clonecore/registry.o: clonecore/module.mk $(wildcard clonecore/drivers/*.mk)

# snowscale-hostd: a worker host of a multi-host pool (clonecore/hostd/, docs/multihost.md).
HD_SRCS := $(wildcard clonecore/hostd/hd_*.c)
$(eval $(call PROGRAM,snowscale-hostd,$(HD_SRCS),$(CC_LIB) $(COMMON_LIB),$(CC_LDLIBS) $(call pc_libs,libmicrohttpd gnutls json-c) -lpthread,-Iclonecore -Iclonecore/hostd $(call pc_cflags,$(CC_PKGS) libmicrohttpd gnutls)))
DEB_PKGS += libgnutls28-dev libmicrohttpd-dev
$(eval $(call UNIT_TEST,test_hd_req,tests/unit/test_hd_req.c clonecore/hostd/hd_req.c,$(COMMON_LIB),$(call pc_libs,json-c),-Iclonecore -Iclonecore/hostd $(call pc_cflags,$(CC_PKGS) libmicrohttpd gnutls)))
