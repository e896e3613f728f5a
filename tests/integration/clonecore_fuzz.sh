#!/bin/bash
# Bounded libFuzzer run of the descriptor parser (tests/fuzz/cc_descriptor.c), seeded with a real
# descriptor. CC_FUZZ_SECONDS (default 15) bounds it; any crash, leak or sanitizer report fails.
. "$(dirname "$0")/../lib.sh"

command -v clang >/dev/null || { t_ok "# SKIP clang (libFuzzer) not installed"; t_done; exit 0; }
cd "$ROOT" || exit 1
make --no-print-directory -s build/tests/fuzz/cc_descriptor >"$T_DIR/build.log" 2>&1 \
  || { cat "$T_DIR/build.log"; t_bail "fuzz target does not build"; }
t_ok "fuzz target builds with ASan + UBSan"

mkdir -p "$T_DIR/gen/1" "$T_DIR/corpus"
"$BIN/sf-maptouch" make-image "$T_DIR/gen/1/mem.raw" --mib 1 --seed 2
printf 'state' > "$T_DIR/gen/1/state.bin"
"$BIN/sf-descriptor" publish --state-dir "$T_DIR" --gen-dir "$T_DIR/gen/1" --mem "$T_DIR/gen/1/mem.raw" \
  --state "$T_DIR/gen/1/state.bin" --id 1 >/dev/null 2>&1 || t_bail "cannot make a seed descriptor"
cp "$T_DIR/gen/1/descriptor.sfd" "$T_DIR/corpus/seed.sfd"
secs=${CC_FUZZ_SECONDS:-15}
build/tests/fuzz/cc_descriptor -max_total_time="$secs" -rss_limit_mb=2048 -max_len=65536 \
  -artifact_prefix="$T_DIR/" "$T_DIR/corpus" >"$T_DIR/fuzz.log" 2>&1
rc=$?
runs=$(grep -o 'Done [0-9]* runs' "$T_DIR/fuzz.log" | grep -o '[0-9]*')
t_diag "fuzzer: ${runs:-?} runs in ${secs}s"
if [ "$rc" -eq 0 ]; then t_ok "descriptor parser survives ${runs:-?} fuzzed inputs"
else tail -n 30 "$T_DIR/fuzz.log"; t_fail "descriptor parser crashed (artifact in $T_DIR)"; fi
t_done
