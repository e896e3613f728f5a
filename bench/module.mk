# bench/: benchmarks. Modules append executables (one path each, no arguments) to BENCH_PROGS; `make bench` runs each in turn and
# shows every BENCH line it prints (and keeps the full output under bench/out/).
.PHONY: bench
bench: all
	$(Q)mkdir -p bench/out && rm -f bench/out/bench.log
	$(Q)set -o pipefail; fails=0; for b in $(BENCH_PROGS); do \
	  echo "== bench: $$b"; \
	  if ! $$b 2>&1 | tee -a bench/out/bench.log; then echo "bench: $$b FAILED"; fails=$$((fails+1)); fi; \
	done; echo "== BENCH summary"; grep -h '^BENCH ' bench/out/bench.log | tail -n 50; [ $$fails -eq 0 ]

# sf-loadgen: open-loop load for the elastic web-server experiment (bench/e2e_scaleout.sh, make run LOAD=1)
$(eval $(call PROGRAM,sf-loadgen,bench/sf_loadgen.c,$(COMMON_LIB),$(call pc_libs,libcurl) -lm))

# The elastic web-server experiment (clone vs cold boot), the headline figures.
DEB_PKGS += jq gnuplot-nox wrk python3   # python3: bench/clonecore_descriptor.sh
BENCH_PROGS += bench/e2e_scaleout.sh
BENCH_PROGS += bench/actuator_scale.sh
BENCH_PROGS += bench/controllers.sh   # three controllers, four load shapes, judged at the client
# DokuWiki as the worker: clone vs cold boot vs full restore, and memory scaling (~25 min; builds
# the Debian image first when it is missing)
BENCH_PROGS += bench/e2e_realapp.sh
