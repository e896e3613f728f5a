# clonecore/drivers/qemu.mk: the QEMU driver (included by clonecore/module.mk).
CC_DRIVER_SRCS += clonecore/drivers/qemu.c
CC_LDLIBS      += $(call pc_libs,json-c)
DEB_PKGS       += qemu-system-x86 qemu-utils

# cc-qemu-tool: the driver's ops from shell (tests/integration/qemu_*.sh, bench/qemu_*.sh). Linked
# with the driver object alone so it does not wait for the rest of libclonecore.
CC_QEMU_TOOL := $(TESTBIN)/cc-qemu-tool
$(CC_QEMU_TOOL): $(OBJ)/tests/integration/qemu_tool.o $(OBJ)/clonecore/drivers/qemu.o
	@mkdir -p $(@D)
	$(if $(filter 1,$(V)),,@echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(call pc_libs,json-c)
$(OBJ)/tests/integration/qemu_tool.o: EXTRA_CFLAGS += $(call pc_cflags,json-c)

$(eval $(call UNIT_TEST,test_cc_qemu,tests/unit/test_cc_qemu.c,,$(call pc_libs,json-c),$(call pc_cflags,json-c)))

BENCH_PROGS += $(wildcard bench/qemu_*.sh)

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
