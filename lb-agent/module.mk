# lb-agent/: snowscale-lb, the agent beside nginx (prefix lb_). See docs/lb-agent.md.
LB_LIB_SRCS := lb-agent/lb_parse.c lb-agent/lb_ring.c lb-agent/lb_conf.c lb-agent/lb_store.c
LB_SRCS := lb-agent/lb_main.c lb-agent/lb_agent.c lb-agent/lb_reload.c lb-agent/lb_super.c \
           lb-agent/lb_health.c lb-agent/lb_ship.c lb-agent/lb_peers.c lb-agent/lb_setup.c \
           lb-agent/lb_api.c lb-agent/lb_nginx.c $(BUILD)/gen/lb_template.c $(BUILD)/gen/lb_lua.c
LB_PKGS := libcurl json-c libmicrohttpd
LB_CFLAGS := $(call pc_cflags,$(LB_PKGS))
LB_LDLIBS := $(call pc_libs,$(LB_PKGS))

# The configuration loader comes from policies/; without it --config is refused (command-line
# options still work), so the agent builds on its own.
ifneq ($(strip $(POL_LIB)),)
LB_POL_CFLAGS := -DLB_HAVE_POL=1
else
LB_POL_CFLAGS := -DLB_HAVE_POL=0
endif

$(eval $(call LIBRARY,lbcore,$(LB_LIB_SRCS),$(LB_CFLAGS)))
LB_CORE_LIB := $(LIBDIR)/liblbcore.a
$(eval $(call PROGRAM,snowscale-lb,$(LB_SRCS),$(LB_CORE_LIB) $(POL_LIB) $(COMMON_LIB),$(LB_LDLIBS) $(POL_LDLIBS),$(LB_CFLAGS) $(LB_POL_CFLAGS)))

# etc/nginx/front.conf.in compiled in as a C string (the default template).
$(BUILD)/gen/lb_template.c: etc/nginx/front.conf.in lb-agent/module.mk
	@mkdir -p $(@D)
	$(if $(filter 1,$(V)),,@echo "  GEN     $@")
	$(Q){ echo '#include "lb.h"'; echo 'const char lb_builtin_template[] ='; \
	  sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' $<; echo ';'; } >$@.tmp && mv $@.tmp $@

# etc/nginx/snowscale_lb.lua (the balancer) compiled in the same way.
$(BUILD)/gen/lb_lua.c: etc/nginx/snowscale_lb.lua lb-agent/module.mk
	@mkdir -p $(@D)
	$(if $(filter 1,$(V)),,@echo "  GEN     $@")
	$(Q){ echo '#include "lb.h"'; echo 'const char lb_builtin_lua[] ='; \
	  sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' $<; echo ';'; } >$@.tmp && mv $@.tmp $@

$(eval $(call UNIT_TEST,test_lb_parse,tests/unit/test_lb_parse.c,$(LB_CORE_LIB) $(COMMON_LIB),$(LB_LDLIBS),$(LB_CFLAGS)))
$(eval $(call UNIT_TEST,test_lb_state,tests/unit/test_lb_state.c,$(LB_CORE_LIB) $(COMMON_LIB),$(LB_LDLIBS),$(LB_CFLAGS)))

# Test and benchmark helpers (not installed): a tiny backend and a libcurl load generator.
LB_TOOLS := $(TESTBIN)/lb/lb-backend $(TESTBIN)/lb/lb-load
$(TESTBIN)/lb/lb-backend: $(OBJ)/lb-agent/tools/lb_backend.o $(COMMON_LIB)
	@mkdir -p $(@D)
	$(if $(filter 1,$(V)),,@echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(call pc_libs,libmicrohttpd)
$(TESTBIN)/lb/lb-load: $(OBJ)/lb-agent/tools/lb_load.o $(COMMON_LIB)
	@mkdir -p $(@D)
	$(if $(filter 1,$(V)),,@echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(call pc_libs,libcurl) -lm
$(OBJ)/lb-agent/tools/lb_backend.o: EXTRA_CFLAGS += $(call pc_cflags,libmicrohttpd)
$(OBJ)/lb-agent/tools/lb_load.o: EXTRA_CFLAGS += $(call pc_cflags,libcurl)
ALL_DEPS += $(OBJ)/lb-agent/tools/lb_backend.d $(OBJ)/lb-agent/tools/lb_load.d
all: $(LB_TOOLS)

# The front's balancer runs in nginx's Lua module (Debian's, with lua-resty-core).
DEB_PKGS += nginx-light jq libnginx-mod-http-lua lua-resty-core
BENCH_PROGS += bench/front.sh
# The whole appliance (QEMU clones; needs make guest): the pool flipped 1<->6 under load.
BENCH_PROGS += bench/flap.sh

.PHONY: lb-agent
lb-agent: $(BIN)/snowscale-lb $(LB_TOOLS) $(TESTBIN)/unit/test_lb_parse $(TESTBIN)/unit/test_lb_state
