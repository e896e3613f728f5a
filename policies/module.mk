# policies/: the snowscale.yaml model, its loader (libyaml) and the pure decision engine.
POL_SRCS := policies/pol_config.c policies/pol_schema.c policies/pol_values.c policies/pol_check.c \
	policies/pol_diag.c policies/pol_parse.c policies/pol_decide.c policies/pol_history.c policies/pol_disk.c \
	policies/pol_capacity.c policies/pol_preset.c policies/pol_hosts.c
$(eval $(call LIBRARY,pol,$(POL_SRCS),$(call pc_cflags,yaml-0.1) $(call pc_cflags,json-c)))
POL_LIB := $(LIBDIR)/libpol.a
# Users link $(POL_LIB) $(POL_LDLIBS) and, as every program does, $(COMMON_LIB) last.
POL_LDLIBS := $(call pc_libs,yaml-0.1) $(call pc_libs,json-c) -lm
# driver.disk is judged by qemu-img (pol_disk.c)
DEB_PKGS += qemu-utils

$(eval $(call UNIT_TEST,test_pol_config,tests/unit/test_pol_config.c,$(POL_LIB) $(COMMON_LIB),$(POL_LDLIBS)))
$(eval $(call UNIT_TEST,test_pol_decide,tests/unit/test_pol_decide.c,$(POL_LIB) $(COMMON_LIB),$(POL_LDLIBS)))
$(eval $(call UNIT_TEST,test_pol_capacity,tests/unit/test_pol_capacity.c,$(POL_LIB) $(COMMON_LIB),$(POL_LDLIBS)))
$(eval $(call UNIT_TEST,test_pol_preset,tests/unit/test_pol_preset.c,$(POL_LIB) $(COMMON_LIB),$(POL_LDLIBS)))

# libFuzzer target for the loader (clang only; not part of `all`).
POL_FUZZ := $(TESTBIN)/fuzz/pol_config_fuzz
$(POL_FUZZ): tests/fuzz/pol_config_fuzz.c $(POL_SRCS) common/ss_util.c common/ss_img.c policies/pol.h policies/pol_internal.h policies/pol_load.h
	@mkdir -p $(@D)
	$(if $(filter 1,$(V)),,@echo "  FUZZ    $@")
	$(Q)clang -std=gnu11 -g -O1 -D_GNU_SOURCE -Icommon -Ipolicies -fsanitize=fuzzer,address,undefined \
		-fno-sanitize-recover=undefined -o $@ tests/fuzz/pol_config_fuzz.c $(POL_SRCS) common/ss_util.c common/ss_img.c \
		$(call pc_cflags,yaml-0.1) $(call pc_cflags,json-c) $(POL_LDLIBS)

.PHONY: policies fuzz pol-fuzz
policies: $(POL_LIB) $(TESTBIN)/unit/test_pol_config $(TESTBIN)/unit/test_pol_decide $(BIN)/pol-bench
pol-fuzz: $(POL_FUZZ)
fuzz: pol-fuzz

# Benchmark: decision and load cost (make bench).
$(eval $(call PROGRAM,pol-bench,bench/policies_decide.c,$(POL_LIB) $(COMMON_LIB),$(POL_LDLIBS)))
BENCH_PROGS += $(BIN)/pol-bench
