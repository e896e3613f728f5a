#!/bin/bash
# Working-set replay with real QEMU clones (TCG, 256 MiB guest) serving *different* traffic.
# A parent is booted and warmed with 40 cached items, checkpointed and published; its pages are
# served by sf-memserver on loopback. Three remote clones, each on its own sf-memtap with an
# empty page store (as on a fresh host), one after the other:
#   A  records its working set while it starts and serves traffic A (items w1..w20 of the
#      parent's cache, 20 new items a1..a20);
#   B0 serves traffic B (w21..w40, b1..b20) by plain demand paging; it records too, only to
#      learn which pages traffic B touches;
#   B1 serves traffic B while replaying A's recording.
# overlap_pct: share of the pages B touched (B0's recording) that A's recording holds.
# fault_reduction_pct: B0's demand faults against B1's. Neither is 100 % by construction: A and
# B share the boot/restore path and the server code, not the requests.
#   BENCH prefetch overlap_pct=P fault_reduction_pct=R demand_faults_none=N demand_faults_replay=M
#         prefetched_pages=K recorded_pages=A touched_pages=B serve_s_none=X serve_s_replay=Y
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$ROOT/build/bin
TOOL=$ROOT/build/tests/cc-qemu-tool
PUB=$ROOT/build/tests/cc-qemu-publish
skip() { echo "BENCH prefetch SKIP ($*)"; exit 0; }
command -v qemu-system-x86_64 >/dev/null || skip "needs qemu-system-x86_64"
[ -c /dev/fuse ] || skip "needs /dev/fuse"
. "$ROOT/bench/lib.sh"
bench_workdir
bench_build build/tests/cc-qemu-tool build/tests/cc-qemu-publish "$BIN/sf-memserver" "$BIN/sf-memtap" || exit 1
bench_on_exit 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done'
bench_on_exit 'for m in "$D"/*/mnt; do [ -d "$m" ] && fusermount3 -u -z "$m" 2>/dev/null; done'
get() { curl -s -m 30 -o /dev/null -w '%{http_code}\n' "http://127.0.0.1:$1$2"; }

echo "bench: booting the parent (256 MiB, TCG) and warming 40 items"
P=$(t_free_port) || exit 1
"$TOOL" boot --run "$D/parent" --port "$P" --mem 256 >/dev/null || exit 1
for k in $(seq 1 40); do get "$P" "/item/w$k?size=16384" >/dev/null; done
mkdir -p "$D/state/gen"
"$TOOL" checkpoint --run "$D/parent" --gen "$D/state/gen/1" >/dev/null || exit 1
kill -KILL "$(cat "$D/parent/qemu.pid")" 2>/dev/null
"$PUB" publish --state-dir "$D/state" --gen-dir "$D/state/gen/1" --id 1 >/dev/null || exit 1
head -c 32 /dev/urandom > "$D/secret"
"$BIN/sf-memserver" --state-dir "$D/state" --secret-file "$D/secret" --listen 127.0.0.1:0 \
  >"$D/memserver.out" 2>"$D/memserver.log" &
PIDS+=($!)
for _ in $(seq 100); do grep -qs '^listening' "$D/memserver.out" && break; sleep 0.05; done
MP=$(sed -n 's/^listening on .*:\([0-9]*\)$/\1/p' "$D/memserver.out")
[ -n "$MP" ] || { echo "bench: memserver did not start"; exit 1; }

# clone NAME TRAFFIC MEMTAP_ARGS...: a clone on a fresh memtap, serves TRAFFIC ("A" or "B"), is
# stopped; sets STATS (memtap's) and SERVE_S (clone start -> all of its traffic answered).
clone() {
  local n=$1 traffic=$2 port k t0 mt; shift 2
  mkdir -p "$D/$n/store" "$D/$n/mnt"
  "$BIN/sf-memtap" --descriptor "$D/state/gen/1/descriptor.sfd" --mount "$D/$n/mnt" --store "$D/$n/store" \
    --memserver "127.0.0.1:$MP" --secret-file "$D/secret" --readahead none --stats "$D/$n/stats" "$@" \
    >"$D/$n/memtap.log" 2>&1 &
  mt=$!; PIDS+=($mt)
  for _ in $(seq 150); do grep -qs '^ready' "$D/$n/memtap.log" && break; sleep 0.1; done
  port=$(t_free_port) || exit 1
  t0=$(date +%s.%N)
  "$TOOL" clone --gen "$D/state/gen/1" --run "$D/$n/vm" --port "$port" --id "$n" --mem-path "$D/$n/mnt/mem" \
    --timeout 120 >/dev/null || { echo "bench: clone $n failed: $(tail -3 "$D/$n/memtap.log")"; exit 1; }
  if [ "$traffic" = A ]; then
    for k in $(seq 1 20); do get "$port" "/item/w$k" >/dev/null; get "$port" "/item/a$k?size=16384" >/dev/null; done
  else
    for k in $(seq 21 40); do get "$port" "/item/w$k" >/dev/null; done
    for k in $(seq 1 20); do get "$port" "/item/b$k?size=16384" >/dev/null; done
  fi
  SERVE_S=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.2f", b-a}')
  kill -KILL "$(cat "$D/$n/vm/qemu.pid")" 2>/dev/null
  sleep 0.3
  kill -TERM "$mt"; wait "$mt" 2>/dev/null
  STATS=$(cat "$D/$n/stats" 2>/dev/null)
}
field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<" $2"; }

echo "bench: clone A records while serving traffic A"
clone A A --record-ws "$D/wsA.bin" --record-ms 600000
echo "bench: clone B0 serves traffic B by demand paging"
clone B0 B --record-ws "$D/wsB.bin" --record-ms 600000
base=$(field demand_faults "$STATS"); base_s=$SERVE_S
echo "bench: clone B1 serves traffic B replaying A's working set"
clone B1 B --replay-ws "$D/wsA.bin"
rep=$(field demand_faults "$STATS"); rep_s=$SERVE_S; pf=$(field prefetched_pages "$STATS")
read -r overlap reduction recorded touched < <(bench_ws_compare "$D/wsA.bin" "$D/wsB.bin" "$base" "$rep")
[ -n "${touched:-}" ] || exit 1
echo "BENCH prefetch overlap_pct=$overlap fault_reduction_pct=$reduction demand_faults_none=$base" \
     "demand_faults_replay=$rep prefetched_pages=$pf recorded_pages=$recorded touched_pages=$touched" \
     "serve_s_none=$base_s serve_s_replay=$rep_s"
