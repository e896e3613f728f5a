#!/bin/bash
# memtap benchmark: the same clustered first-touch trace (20% of a 64 MiB guest-like image, with
# QEMU's MADV_HUGEPAGE on the mapping) read through memtap with pages in the local store, and
# fetched from sf-memserver over loopback with each readahead policy (as is, and with every reply
# 500 µs late: a LAN round trip, via the memserver's delay injector); then working-set replay
# against plain demand paging, the set recorded on one trace and replayed on another (a
# different seed: independent synthetic traces share only what chance gives them, so this is a
# floor; bench/clonecore_replay.sh measures real clones serving different traffic). All figures
# come from this one run.
#   BENCH descriptor_synthetic mb_per_gb=... ; BENCH memtap mode=... ;
#   BENCH prefetch_synthetic overlap_pct=... fault_reduction_pct=...
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$ROOT/build/bin
. "$ROOT/bench/lib.sh"
bench_workdir; W=$D
bench_on_exit 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done'
bench_on_exit 'for m in "$W"/*.mnt; do [ -d "$m" ] && fusermount3 -u -z "$m" 2>/dev/null; done'
cd "$W" || exit 1
MIB=${CC_BENCH_MIB:-64}; PCT=${CC_BENCH_PCT:-20}
mkdir -p st/gen/1
printf 'bench-cluster-secret-0123456789\n' > secret
"$BIN/sf-maptouch" make-image st/gen/1/mem.raw --mib "$MIB" --seed 17 || exit 1
head -c 4096 /dev/urandom > st/gen/1/state.bin
pub=$("$BIN/sf-descriptor" publish --state-dir st --gen-dir st/gen/1 --mem st/gen/1/mem.raw \
      --state st/gen/1/state.bin --id 1 2>/dev/null) || exit 1
bytes=$(sed -n 's/.* descriptor_bytes=\([0-9]*\).*/\1/p' <<<"$pub")
pages=$(sed -n 's/.* pages=\([0-9]*\) .*/\1/p' <<<"$pub")
zero=$(sed -n 's/.* zero=\([0-9]*\) .*/\1/p' <<<"$pub")
distinct=$(sed -n 's/.* distinct=\([0-9]*\) .*/\1/p' <<<"$pub")
awk -v b="$bytes" -v m="$MIB" -v p="$pages" -v z="$zero" -v d="$distinct" 'BEGIN {
  printf "BENCH descriptor_synthetic mb_per_gb=%.2f bytes=%d pages=%d zero_pct=%.1f distinct_pct=%.1f (synthetic image, denser than a guest)\n",
         b / 1048576 / (m / 1024), b, p, 100 * z / p, 100 * d / p }'

# start_ms NAME [ARGS...]: a memserver on a free loopback port; sets PORT
start_ms() {
  local n=$1; shift
  "$BIN/sf-memserver" --state-dir st --secret-file secret --listen 127.0.0.1:0 "$@" >"$n.out" 2>"$n.log" &
  PIDS+=($!)
  for _ in $(seq 100); do grep -qs '^listening' "$n.out" && break; sleep 0.05; done
  PORT=$(sed -n 's/^listening on .*:\([0-9]*\)$/\1/p' "$n.out")
  [ -n "$PORT" ] || { echo "bench: memserver did not start"; exit 1; }
}
start_ms ms; port=$PORT
start_ms msd --inject-fault delay:500; dport=$PORT

# run NAME TOUCH_EXTRA -- MEMTAP_ARGS...: sets TOUCH and STATS (the trace: seed $SEED)
SEED=23
run() {
  local n=$1 extra=$2; shift 3
  mkdir -p "$n.mnt"
  "$BIN/sf-memtap" --descriptor st/gen/1/descriptor.sfd --mount "$n.mnt" "$@" >"$n.out" 2>"$n.log" &
  local pid=$!
  for _ in $(seq 100); do grep -qs '^ready' "$n.out" && break; sleep 0.05; done
  TOUCH=$("$BIN/sf-maptouch" touch --file "$n.mnt/mem" --source st/gen/1/mem.raw --pct "$PCT" --seed "$SEED" \
          --pattern clustered $extra)
  kill -TERM $pid; wait $pid
  STATS=$(grep '^STATS' "$n.out")
}
field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<" $2"; }
line() {  # MODE READAHEAD RTT_US
  # first_touch_us_p50: every first touch as the clone sees it (zero and present pages too);
  # fault_stall_us_p50: only the touches that waited for the network (memtap's demand faults)
  printf 'BENCH memtap mode=%s readahead=%s rtt_us=%s fetched_pct=%s demand_faults=%s first_touch_us_p50=%s fault_stall_us_p50=%s total_ms=%s mismatches=%s\n' \
    "$1" "$2" "$3" "$(field fetched_pct "$STATS")" "$(field demand_faults "$STATS")" \
    "$(field first_touch_us_p50 "$TOUCH")" "$(field first_touch_us_p50 "$STATS")" \
    "$(field total_ms "$TOUCH")" "$(field mismatches "$TOUCH")"
}
run local --hugepage -- --store st/store --readahead none
line local none 0
for rtt in 0 500; do
  if [ "$rtt" = 0 ]; then remote=(--memserver 127.0.0.1:$port --secret-file secret)
  else remote=(--memserver 127.0.0.1:$dport --secret-file secret); fi
  for ra in none adaptive 16 64; do
    run "ra-$ra-$rtt" --hugepage -- --store "cl-$ra-$rtt" "${remote[@]}" --readahead "$ra"
    line remote "$ra" "$rtt"
  done
  # what QEMU's 4 MiB hugepage read-around costs when it is served instead of refused
  run "serve-$rtt" --hugepage -- --store "cl-serve-$rtt" "${remote[@]}" --readahead none --serve-readaround
  line remote "kernel-4MiB-readaround" "$rtt"
done

# Working-set record & replay across traces: a first clone records on trace 23; then trace 29
# runs twice, each on a fresh store (as on another host): once by demand paging (recording too,
# only to know which pages trace 29 touches), once replaying trace 23's recording. Demand
# faults are the ones the clone had to wait for.
remote=(--memserver 127.0.0.1:$dport --secret-file secret)      # with the 500 µs round trip
run rec --hugepage -- --store cl-rec "${remote[@]}" --readahead none --record-ws ws.bin
SEED=29
run base --hugepage -- --store cl-base "${remote[@]}" --readahead none --record-ws ws-base.bin
base=$(field demand_faults "$STATS"); base_ms=$(field total_ms "$TOUCH")
run rep --hugepage -- --store cl-rep "${remote[@]}" --readahead none --replay-ws ws.bin
rep=$(field demand_faults "$STATS"); rep_ms=$(field total_ms "$TOUCH"); pf=$(field prefetched_pages "$STATS")
read -r overlap reduction _ touched < <(bench_ws_compare ws.bin ws-base.bin "$base" "$rep")
[ -n "${touched:-}" ] || exit 1
echo "BENCH prefetch_synthetic overlap_pct=$overlap fault_reduction_pct=$reduction rtt_us=500 record_seed=23" \
     "replay_seed=29 demand_faults_none=$base demand_faults_replay=$rep prefetched_pages=$pf" \
     "touch_ms_none=$base_ms touch_ms_replay=$rep_ms"
