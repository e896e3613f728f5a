#!/bin/bash
# Memory across hosts, measured with real QEMU clones (TCG, 256 MiB guest). Host A (a network
# namespace) is the parent's host: it publishes generation 1 and serves it with sf-memserver;
# hosts B, C and D are clone hosts (namespaces on one bridge in A), each running clones through
# the engine (cc-qemu-host) on one shared memtap per generation, background completion on.
#   local  one clone on host A (maps the generation file)              -> local_clone_s
#   one    one clone on host B alone, the first anywhere (no working   -> remote_clone_first_s,
#          set yet), memserver unicast                                   fetched_pct_first, one_clone_bytes
#   two    one clone on host C alone, replaying the working set B's     -> remote_clone_s, fetched_pct
#          memtap handed to the memserver (every host after the first)
#   uni    8 clones at once, 3 + 3 + 2 on B, C, D, unicast             -> unicast bytes
#   mc     the same 8 with mcdist (memserver multicasts, hosts listen) -> ready_all_s, completion_s,
#                                                                        bytes_from_parent_host
# Each run starts from empty page stores. Bytes are what host A's bridge interface sent (TCP and
# multicast, headers included): what the parent's host put on the wire. fetched_pct: non-zero
# pages the lone remote clone's memtap fetched for the clone itself (demand faults and working-set
# replay, not background completion) once it had served its requests, over guest RAM. completion_s: memtap
# start -> every non-zero page on the host (the slowest host of the mc run). failed_requests:
# HTTP requests to the clones (10 each) that did not answer 200.
#   BENCH multihost hosts=3 clones=8 local_clone_s=S remote_clone_s=S fetched_pct=P completion_s=S
#         bytes_from_parent_host=B mcdist_vs_unicast_bytes=R failed_requests=0 ready_all_s=S
#         one_clone_bytes=B bytes_vs_one_clone=R completion_s_one=S remote_clone_first_s=S
#         fetched_pct_first=P
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$ROOT/build/bin
skip() { echo "BENCH multihost SKIP ($*)"; exit 0; }
command -v qemu-system-x86_64 >/dev/null || skip "needs qemu-system-x86_64"
[ -c /dev/fuse ] || skip "needs /dev/fuse"
[ "$(id -u)" = 0 ] || skip "needs root for network namespaces"
. "$ROOT/bench/lib.sh"
bench_workdir
bench_build build/tests/cc-qemu-tool build/tests/cc-qemu-publish build/tests/cc-qemu-host "$BIN/sf-memserver" || exit 1
# The tests' helpers, on the bench's directory: t_bail/t_diag print, t_cleanup runs at exit.
T_DIR=$D
t_bail() { echo "bench: $*" >&2; exit 1; }
t_diag() { echo "bench: $*"; }
t_cleanup() { bench_on_exit "$*"; }
t_spawn() { local n=$1; shift; "$@" >"$T_DIR/$n.log" 2>&1 & T_PID=$!; PIDS+=("$T_PID"); }
PIDS=()
bench_on_exit 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done; sleep 1'
TOOL=$ROOT/build/tests/cc-qemu-tool
hget() { curl -s -m 30 "http://127.0.0.1:$1$2"; }
qboot() {
  local run=$1 out p; shift
  for _ in 1 2 3; do
    p=$(t_free_port) || return 1
    out=$("$TOOL" boot --run "$run" --port "$p" "$@" 2>&1) && { echo "$out port=$p"; return 0; }
    rm -rf "$run"
  done
  echo "$out"; return 1
}
. "$ROOT/tests/integration/multihost_lib.sh"

mh_hosts mx A B C D
head -c 32 /dev/urandom > "$D/secret"
echo "bench: booting the parent (256 MiB, TCG), warming it, publishing generation 1"
mh_parent "$D/hostA"
GROUP=239.192.$((RANDOM % 250)).$((RANDOM % 250 + 1)):7441
mh_memserver ms_uni "$MH_NS_A" "$D/hostA" "$MH_IP_A:7440"
UNI_PID=$MH_MS_PID
mh_memserver ms_mc "$MH_NS_A" "$D/hostA" "$MH_IP_A:7442" --mcast "$GROUP@$MH_IP_A"
txa() { ip netns exec "$MH_NS_A" cat /sys/class/net/br0/statistics/tx_bytes; }
ms() { sed -n "s/^READY .* ms=\([0-9]*\)$/\1/p" "$D/$1.log"; }
FAILED_REQ=0
# serve NS N: 10 requests to each of N clones in NS; failures counted
serve() {
  local ns=$1 n=$2 i k c
  for i in $(seq 0 $((n - 1))); do
    for k in $(seq 1 10); do
      c=$(ip netns exec "$ns" curl -s -m 30 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$((18000 + i))/item/r$((k % 3 + 1))")
      [ "$c" = 200 ] || FAILED_REQ=$((FAILED_REQ + 1))
    done
  done
}
stop_host() { kill -TERM "$1" 2>/dev/null; wait "$1" 2>/dev/null; }
completed() { grep -qs 'completed=1' "$D/$1.stats"; }
# run NAME MEMSERVER [mc]: 3 + 3 + 2 clones on B, C, D at once; sets BYTES, READY_ALL, COMPL
run8() {
  local tag=$1 addr=$2 mc=${3:-} h n t0 pids=() a b
  a=$(txa); t0=$(date +%s%N)
  for h in B:3 C:3 D:2; do
    n=${h#*:}; h=${h%:*}
    local ns_var=MH_NS_$h ip_var=MH_IP_$h
    t_spawn "$tag$h" ip netns exec "${!ns_var}" "$MH_HOST" --state-dir "$D/$tag$h" --generation 1 --n "$n" \
      --base-port 18000 --ids "$tag$h-" --stats "$D/$tag$h.stats" --memserver "$addr" --secret-file "$D/secret" \
      ${mc:+--mcast "$GROUP@${!ip_var}"}
    pids+=("$T_PID")
  done
  for h in B C D; do
    t_wait_for 240 grep -qs '^ALL' "$D/$tag$h.log" || t_bail "clones on $h did not start: $(tail -3 "$D/$tag$h.log")"
  done
  READY_ALL=$(awk -v a="$t0" -v b="$(date +%s%N)" 'BEGIN{printf "%.2f", (b - a) / 1e9}')
  # the slowest clone's own ready time, and a precise one: the READY lines
  READY_ALL=$(cat "$D/$tag"[BCD].log | sed -n 's/^READY .* ms=\([0-9]*\)$/\1/p' | sort -n | tail -1 |
              awk '{printf "%.2f", $1 / 1000}')
  serve "$MH_NS_B" 3; serve "$MH_NS_C" 3; serve "$MH_NS_D" 2
  for h in B C D; do t_wait_for 120 completed "$tag$h" || t_bail "host $h did not complete: $(cat "$D/$tag$h.stats")"; done
  b=$(txa)
  BYTES=$((b - a))
  COMPL=$(for h in B C D; do mh_stat "$D/$tag$h.stats" complete_us; done | sort -n | tail -1 | awk '{printf "%.2f", $1 / 1e6}')
  for h in B C D; do echo "bench: $tag host $h: $(cat "$D/$tag$h.stats")"; done
  for p in "${pids[@]}"; do stop_host "$p"; done
  grep -h '^FAILED' "$D/$tag"[BCD].log && FAILED_REQ=$((FAILED_REQ + 1000))
}

exec 9>/tmp/snowscale-bench.lock
echo "bench: waiting for the bench lock"
flock 9
# demand_pct STATS: the share of the generation's pages fetched on demand (not in the background)
demand_pct() {
  awk '{for(i=1;i<=NF;i++){split($i,kv,"="); v[kv[1]]=kv[2]}}
    END{printf "%.2f", 100 * (v["fetched_pages"] - v["background_pages"]) / v["pages"]}' "$1"
}

echo "bench: local clone on host A"
MH_STATE=$D/hostA mh_clones local "$MH_NS_A" 1
LOCAL_S=$(ms local | awk '{printf "%.2f", $1 / 1000}')
serve "$MH_NS_A" 1
stop_host "$MH_PID"

echo "bench: one remote clone on host B"
a=$(txa)
mh_clones one "$MH_NS_B" 1 --memserver "$MH_IP_A:7440" --secret-file "$D/secret"
REMOTE_S=$(ms one | awk '{printf "%.2f", $1 / 1000}')
serve "$MH_NS_B" 1
sleep 0.3
FETCHED_PCT=$(demand_pct "$D/one.stats")
t_wait_for 120 completed one || t_bail "host B did not complete alone: $(cat "$D/one.stats")"
ONE_BYTES=$(( $(txa) - a ))
COMPL_ONE=$(mh_stat "$D/one.stats" complete_us | awk '{printf "%.2f", $1 / 1e6}')
echo "bench: one: $(cat "$D/one.stats")"
stop_host "$MH_PID"

echo "bench: one remote clone on host C, replaying the working set host B handed to host A"
mh_clones two "$MH_NS_C" 1 --memserver "$MH_IP_A:7440" --secret-file "$D/secret"
REMOTE_WS_S=$(ms two | awk '{printf "%.2f", $1 / 1000}')
serve "$MH_NS_C" 1
sleep 0.3
FETCHED_PCT_WS=$(demand_pct "$D/two.stats")
echo "bench: two: $(cat "$D/two.stats")"
stop_host "$MH_PID"

echo "bench: 8 clones on B, C, D at once, unicast"
run8 uni "$MH_IP_A:7440"
UNI_BYTES=$BYTES
echo "bench: 8 clones on B, C, D at once, mcdist"
run8 mc "$MH_IP_A:7442" mc
flock -u 9
MC_BYTES=$BYTES
echo "bench: bytes from host A: one clone $ONE_BYTES, 8 unicast $UNI_BYTES, 8 mcdist $MC_BYTES"
echo "BENCH multihost hosts=3 clones=8 local_clone_s=$LOCAL_S remote_clone_s=$REMOTE_WS_S fetched_pct=$FETCHED_PCT_WS" \
     "completion_s=$COMPL bytes_from_parent_host=$MC_BYTES" \
     "mcdist_vs_unicast_bytes=$(awk -v a="$MC_BYTES" -v b="$UNI_BYTES" 'BEGIN{printf "%.2f", a / b}')" \
     "failed_requests=$FAILED_REQ ready_all_s=$READY_ALL one_clone_bytes=$ONE_BYTES" \
     "bytes_vs_one_clone=$(awk -v a="$MC_BYTES" -v b="$ONE_BYTES" 'BEGIN{printf "%.2f", a / b}')" \
     "completion_s_one=$COMPL_ONE remote_clone_first_s=$REMOTE_S fetched_pct_first=$FETCHED_PCT"
