#!/bin/bash
# The snowscale.yaml loader under libFuzzer (ASan + UBSan): first every file of the broken-config
# corpus, the tricky-config corpus and the annotated example, then a bounded fuzzing run:
# POL_FUZZ_RUNS inputs (default 200000, about 40 s on one busy core), capped at POL_FUZZ_SECONDS
# (default 50). The execution count is printed ("# N executions"): a fuzzer that ran 2 s is not
# a test. Any crash, leak, sanitizer report or timeout fails the test and keeps the reproducer.
. "$(dirname "$0")/../lib.sh"
cd "$ROOT" || exit 1
SECS=${POL_FUZZ_SECONDS:-50}
RUNS=${POL_FUZZ_RUNS:-200000}
MIN_RUNS=20000    # below this the run did not matter (a machine far slower than any CI's)
FUZZ=$ROOT/build/tests/fuzz/pol_config_fuzz

if ! command -v clang >/dev/null; then
  echo "ok 1 - fuzz the config loader # SKIP clang is not installed"; echo "1..1"; exit 0
fi
if make --no-print-directory pol-fuzz >"$T_DIR/build.log" 2>&1; then
  t_ok "fuzz target builds (clang -fsanitize=fuzzer,address,undefined)"
else
  sed 's/^/# /' "$T_DIR/build.log" | tail -n 20
  t_bail "fuzz target does not build"
fi

mkdir -p "$T_DIR/corpus" "$T_DIR/artifacts"
cp tests/data/config/*.yaml etc/snowscale.yaml "$T_DIR/corpus/"
for f in tests/data/config/tricky/*.yaml; do cp "$f" "$T_DIR/corpus/tricky-${f##*/}"; done
n_seeds=$(ls "$T_DIR/corpus" | wc -l)

# 1. the seed corpus, each file once
if "$FUZZ" -runs=0 -artifact_prefix="$T_DIR/artifacts/" "$T_DIR/corpus" >"$T_DIR/seeds.log" 2>&1; then
  t_ok "all $n_seeds corpus files load without a sanitizer report"
else
  tail -n 30 "$T_DIR/seeds.log" | sed 's/^/# /'
  t_fail "a corpus file crashes the loader (log: $T_DIR/seeds.log)"
fi

# 2. bounded fuzzing from the corpus
start=$SECONDS
if "$FUZZ" -runs="$RUNS" -max_total_time="$SECS" -max_len=4096 -timeout=10 -rss_limit_mb=1024 \
     -dict=tests/fuzz/pol_config.dict -print_final_stats=1 \
     -artifact_prefix="$T_DIR/artifacts/" "$T_DIR/corpus" >"$T_DIR/fuzz.log" 2>&1; then
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$T_DIR/fuzz.log")
  cov=$(grep -o 'cov: [0-9]*' "$T_DIR/fuzz.log" | tail -n 1)
  echo "# ${runs:-0} executions in $((SECONDS - start)) s (${cov:-cov ?}; asked for $RUNS, at most ${SECS} s)"
  t_ok "no crash in ${runs:-?} fuzzed inputs"
  t_like "${runs:-0}" '^[0-9]+$' "the fuzzer reported its execution count"
  [ "${runs:-0}" -ge "$MIN_RUNS" ] && t_ok "at least $MIN_RUNS executions (${runs})" ||
    t_fail "only ${runs:-0} executions: not enough to mean anything (at least $MIN_RUNS)"
else
  grep -E 'ERROR|SUMMARY|Test unit written' "$T_DIR/fuzz.log" | head -n 10 | sed 's/^/# /'
  t_fail "the fuzzer found a crash; reproducer in $T_DIR/artifacts (log: $T_DIR/fuzz.log)"
fi
t_is "$(ls "$T_DIR/artifacts" | wc -l)" "0" "no crash artifacts left"
t_done
