# scaler/: snowscaled (monitor, store, control loop, HTTP API, SSE, /metrics) and snowscalectl.
SC_PKGS   := sqlite3 json-c libmicrohttpd libsystemd libcurl
SC_CFLAGS := $(call pc_cflags,$(SC_PKGS))
SC_LDLIBS := $(call pc_libs,sqlite3 json-c libmicrohttpd libsystemd libcurl) -lm
# jq: the integration tests read the API's JSON with it; prometheus: promtool checks /metrics;
# iproute2: the bridge network's tests (ip netns, bridge fdb) and the operator's view of it.
DEB_PKGS  += libsqlite3-dev sqlite3 libjson-c-dev libmicrohttpd-dev libsystemd-dev \
             libcurl4-openssl-dev jq prometheus iproute2

# libscaler: the parts unit tests and the benchmark link without the daemon.
SC_LIB_SRCS := scaler/sc_store.c $(wildcard scaler/sc_store_*.c) scaler/sc_monitor.c scaler/sc_ingest.c scaler/sc_addrplan.c \
               scaler/sc_hosts.c scaler/sc_nbd.c
$(eval $(call LIBRARY,scaler,$(SC_LIB_SRCS),$(SC_CFLAGS)))
SC_LIB := $(LIBDIR)/libscaler.a

# The actuator (and its parts, e.g. the snowscale-lb client) drive clonecore; daemon only.
SC_ACT_SRCS := scaler/sc_actuator.c $(wildcard scaler/sc_actuator_*.c)

# The dashboard is embedded from web-ui (its fragment comes later; the path is fixed).
# SC_WEBUI=0 builds a daemon without it (the API alone).
SC_WEBUI ?= 1
SC_WEBUI_LIB := $(if $(filter 1,$(SC_WEBUI)),$(LIBDIR)/libwebui.a)
SC_WEBUI_CFLAGS := $(if $(filter 1,$(SC_WEBUI)),-DSC_HAVE_WEBUI -Iweb-ui)

SCALED_SRCS := scaler/snowscaled.c scaler/sc_loop.c scaler/sc_http.c $(SC_ACT_SRCS) \
               scaler/sc_api.c scaler/sc_metrics.c scaler/sc_dashboard.c scaler/sc_json.c
$(eval $(call PROGRAM,snowscaled,$(SCALED_SRCS),$(SC_LIB) $(SC_WEBUI_LIB) $(CC_LIB) $(POL_LIB) $(COMMON_LIB),$(SC_LDLIBS) $(CC_LDLIBS) $(POL_LDLIBS),$(SC_CFLAGS) $(SC_WEBUI_CFLAGS)))

# snowscalectl: the API over libcurl, plus offline checks (config, descriptors).
CTL_SRCS := scaler/snowscalectl.c scaler/snowscalectl_http.c scaler/snowscalectl_show.c \
            scaler/snowscalectl_act.c scaler/snowscalectl_offline.c
$(eval $(call PROGRAM,snowscalectl,$(CTL_SRCS),$(CC_LIB) $(POL_LIB) $(COMMON_LIB),$(call pc_libs,libcurl json-c) $(CC_LDLIBS) $(POL_LDLIBS),$(call pc_cflags,libcurl json-c)))

$(eval $(call UNIT_TEST,test_sc_monitor,tests/unit/test_sc_monitor.c,$(SC_LIB) $(COMMON_LIB),$(SC_LDLIBS),$(SC_CFLAGS)))
$(eval $(call UNIT_TEST,test_sc_place,tests/unit/test_sc_place.c,$(SC_LIB) $(POL_LIB) $(COMMON_LIB),$(SC_LDLIBS) $(POL_LDLIBS),$(SC_CFLAGS)))
$(eval $(call UNIT_TEST,test_sc_nbd,tests/unit/test_sc_nbd.c,$(SC_LIB) $(CC_LIB) $(COMMON_LIB),$(SC_LDLIBS) $(CC_LDLIBS),$(SC_CFLAGS)))
$(eval $(call UNIT_TEST,test_sc_addrplan,tests/unit/test_sc_addrplan.c,$(SC_LIB) $(COMMON_LIB),$(SC_LDLIBS),$(SC_CFLAGS)))
$(eval $(call UNIT_TEST,test_sc_store,tests/unit/test_sc_store.c,$(SC_LIB) $(COMMON_LIB),$(SC_LDLIBS),$(SC_CFLAGS)))
# The guest agent's half of the generic metrics contract (what it forwards of the app's /stats).
$(eval $(call UNIT_TEST,test_sc_guest_metrics,tests/unit/test_sc_guest_metrics.c guest/agent_proto.c,,,-Iguest))

# The ingest benchmark: the same parse + monitor code the HTTP handler runs, in-process (built
# under build/bench, not installed).
SC_BENCH := $(BUILD)/bench/scaler_ingest
$(SC_BENCH): $(OBJ)/bench/scaler_ingest.o $(SC_LIB) $(COMMON_LIB)
	@mkdir -p $(@D)
	$(if $(filter 1,$(V)),,@echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(SC_LDLIBS)
$(OBJ)/bench/scaler_ingest.o: EXTRA_CFLAGS += $(SC_CFLAGS)
ALL_DEPS += $(OBJ)/bench/scaler_ingest.d
all: $(SC_BENCH)
BENCH_PROGS += bench/scaler_ingest.sh

.PHONY: scaler
scaler: $(SC_LIB) $(BIN)/snowscaled $(BIN)/snowscalectl $(TESTBIN)/unit/test_sc_monitor \
        $(TESTBIN)/unit/test_sc_store $(TESTBIN)/unit/test_sc_addrplan $(TESTBIN)/unit/test_sc_guest_metrics $(SC_BENCH)

# Test tool (not installed): stands in for systemd's notify socket.
SC_NOTIFY_LISTEN := $(TESTBIN)/scaler_notify_listen
$(SC_NOTIFY_LISTEN): $(OBJ)/tests/integration/scaler_notify_listen.o
	@mkdir -p $(@D)
	$(if $(filter 1,$(V)),,@echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $^
ALL_DEPS += $(OBJ)/tests/integration/scaler_notify_listen.d
all: $(SC_NOTIFY_LISTEN)
scaler: $(SC_NOTIFY_LISTEN)

# Test tool (not installed): idle and slowloris connections for scaler_hostile.sh.
SC_FLOOD := $(TESTBIN)/scaler_flood
$(SC_FLOOD): $(OBJ)/tests/integration/scaler_flood.o
	@mkdir -p $(@D)
	$(if $(filter 1,$(V)),,@echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $^
ALL_DEPS += $(OBJ)/tests/integration/scaler_flood.d
all: $(SC_FLOOD)
scaler: $(SC_FLOOD)
BENCH_PROGS += bench/identity.sh
