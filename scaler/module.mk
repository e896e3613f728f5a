# scaler/: snowscaled (monitor, store, control loop, HTTP API, SSE, /metrics) and snowscalectl.
SC_PKGS   := sqlite3 json-c libmicrohttpd libsystemd libcurl
SC_CFLAGS := $(call pc_cflags,$(SC_PKGS))
SC_LDLIBS := $(call pc_libs,sqlite3 json-c libmicrohttpd libsystemd libcurl) -lm

# libscaler: the parts unit tests and the benchmark link without the daemon.
SC_LIB_SRCS := scaler/sc_store.c scaler/sc_monitor.c
$(eval $(call LIBRARY,scaler,$(SC_LIB_SRCS),$(SC_CFLAGS)))
SC_LIB := $(LIBDIR)/libscaler.a

# The actuator (and its snowscale-lb client) drive clonecore; linked into the daemon only.
SC_ACT_SRCS := $(wildcard scaler/sc_actuator.c scaler/sc_actuator_lb.c)

# The dashboard is embedded from web-ui (its fragment comes later; the path is fixed).
# SC_WEBUI=0 builds a daemon without it (the API alone).
SC_WEBUI ?= 1
SC_WEBUI_LIB := $(if $(filter 1,$(SC_WEBUI)),$(LIBDIR)/libwebui.a)
SC_WEBUI_CFLAGS := $(if $(filter 1,$(SC_WEBUI)),-DSC_HAVE_WEBUI -Iweb-ui)

SCALED_SRCS := scaler/snowscaled.c scaler/sc_loop.c scaler/sc_http.c $(SC_ACT_SRCS)
$(eval $(call PROGRAM,snowscaled,$(SCALED_SRCS),$(SC_LIB) $(SC_WEBUI_LIB) $(CC_LIB) $(POL_LIB) $(COMMON_LIB),$(SC_LDLIBS) $(CC_LDLIBS) $(POL_LDLIBS),$(SC_CFLAGS) $(SC_WEBUI_CFLAGS)))

# snowscalectl: the API over libcurl, plus offline checks (config, descriptors).
$(eval $(call PROGRAM,snowscalectl,scaler/snowscalectl.c,$(CC_LIB) $(POL_LIB) $(COMMON_LIB),$(call pc_libs,libcurl json-c) $(CC_LDLIBS) $(POL_LDLIBS),$(call pc_cflags,libcurl json-c)))

$(eval $(call UNIT_TEST,test_sc_monitor,tests/unit/test_sc_monitor.c,$(SC_LIB) $(COMMON_LIB),$(SC_LDLIBS),$(SC_CFLAGS)))
$(eval $(call UNIT_TEST,test_sc_store,tests/unit/test_sc_store.c,$(SC_LIB) $(COMMON_LIB),$(SC_LDLIBS),$(SC_CFLAGS)))

# The ingest benchmark: the same parse + monitor code the HTTP handler runs, in-process.
$(eval $(call PROGRAM,scaler_ingest_bench,bench/scaler_ingest.c,$(SC_LIB) $(COMMON_LIB),$(SC_LDLIBS),$(SC_CFLAGS)))
BENCH_PROGS += bench/scaler_ingest.sh

.PHONY: scaler
scaler: $(SC_LIB) $(BIN)/snowscaled $(BIN)/snowscalectl $(TESTBIN)/unit/test_sc_monitor \
        $(TESTBIN)/unit/test_sc_store $(BIN)/scaler_ingest_bench
