# clonecore/drivers/qemu.mk: the QEMU driver (included by clonecore/module.mk).
CC_QEMU_SRCS   := clonecore/drivers/qemu.c clonecore/drivers/qemu_vm.c clonecore/drivers/qmp.c \
                  clonecore/drivers/qemu_sock.c clonecore/drivers/qemu_filecopy.c \
                  clonecore/drivers/qemu_accel.c clonecore/drivers/qemu_disk.c clonecore/drivers/qemu_net.c \
                  clonecore/drivers/qemu_full.c
CC_DRIVER_SRCS += $(CC_QEMU_SRCS)
CC_LDLIBS      += $(call pc_libs,json-c)
DEB_PKGS       += qemu-system-x86 qemu-utils e2fsprogs   # e2fsprogs: mkfs.ext4 -d for the disk tests and bench

# cc-qemu-tool: the driver's ops from shell (tests/integration/qemu_*.sh, bench/qemu_*.sh). Linked
# with the driver's objects alone (and sys.o) so it does not wait for the rest of libclonecore.
CC_QEMU_TOOL := $(TESTBIN)/cc-qemu-tool
$(CC_QEMU_TOOL): $(OBJ)/tests/integration/qemu_tool.o $(call objs,$(CC_QEMU_SRCS) clonecore/sys.c) $(COMMON_LIB)
	@mkdir -p $(@D)
	$(if $(filter 1,$(V)),,@echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(call pc_libs,json-c)
$(OBJ)/tests/integration/qemu_tool.o: EXTRA_CFLAGS += $(call pc_cflags,json-c)
ALL_DEPS += $(OBJ)/tests/integration/qemu_tool.d $(OBJ)/tests/integration/qemu_publish.d

$(eval $(call UNIT_TEST,test_cc_qemu,tests/unit/test_cc_qemu.c clonecore/sys.c,$(COMMON_LIB),$(call pc_libs,json-c),$(call pc_cflags,json-c)))

BENCH_PROGS += $(wildcard bench/qemu_*.sh) bench/disk_clone.sh

.PHONY: qemu-driver
qemu-driver: $(CC_QEMU_TOOL) $(TESTBIN)/unit/test_cc_qemu guest
# The integration scripts need the tool; `all` builds it (the guest image is built on demand by them).
all: $(CC_QEMU_TOOL)

# cc-qemu-publish: descriptor publish/extract around a QEMU checkpoint (remote-clone test).
CC_QEMU_PUBLISH := $(TESTBIN)/cc-qemu-publish
$(CC_QEMU_PUBLISH): $(OBJ)/tests/integration/qemu_publish.o $(LIBDIR)/libclonecore.a $(COMMON_LIB)
	@mkdir -p $(@D)
	$(if $(filter 1,$(V)),,@echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(CC_LDLIBS)

# cc-qemu-host: one host of a multi-host pool through the engine's API (tests/integration/multihost_*.sh,
# bench/multihost.sh).
CC_QEMU_HOST := $(TESTBIN)/cc-qemu-host
$(CC_QEMU_HOST): $(OBJ)/tests/integration/qemu_host.o $(LIBDIR)/libclonecore.a $(COMMON_LIB)
	@mkdir -p $(@D)
	$(if $(filter 1,$(V)),,@echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(CC_LDLIBS)
ALL_DEPS += $(OBJ)/tests/integration/qemu_host.d
all: $(CC_QEMU_HOST)
