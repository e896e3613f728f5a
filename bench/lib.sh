# Start-up shared by the benchmarks, sourced once ROOT is set:
#   bench_workdir  D, a scratch directory removed at exit with every QEMU started under it killed
#   bench_on_exit  CMD... run (eval) at exit before that, e.g. to stop a server or unmount a FUSE
#   bench_build    TARGET...: make them, and the guest image when it is missing
#   bench_ws_compare RECORDED TOUCHED FAULTS_NONE FAULTS_REPLAY: two working-set files (ws.bin) ->
#                  "overlap_pct fault_reduction_pct recorded_pages touched_pages"
#   bench_appliance_cfg FILE BOOT WARM_KEYS: an appliance's config up to its policy: (see below)
#   bench_appliance_start DIR: snowscale-lb and snowscaled on DIR/snowscale.yaml, into PIDS
#   bench_appliance_ready: the pool serves, nothing pending, the parent warmed up, the front answers
#   bench_stop     stop every process in PIDS: TERM, up to 30 s to exit (snowscaled retires its
#                  VMs first), then KILL; PIDS is emptied
# and the tests' port helpers (t_free_port, t_free_port_run) without their test directory or traps.
T_LIB_NO_SETUP=1 . "$ROOT/tests/lib.sh"
export SNOWSCALE_ROOT=$ROOT
BENCH_EXIT=()
bench_on_exit() { BENCH_EXIT+=("$*"); }
bench_build() {
  [ $# -eq 0 ] || make -C "$ROOT" -s "$@" || return 1
  [ -f "$ROOT/build/guest/initrd.gz" ] || make -C "$ROOT" -s guest
}
_bench_cleanup() {
  local f h
  for f in $(find "$D" -name qemu.pid 2>/dev/null); do kill -KILL "$(cat "$f")" 2>/dev/null; done
  for h in "${BENCH_EXIT[@]}"; do eval "$h"; done
  rm -rf "$D"
}
bench_workdir() {
  D=$(mktemp -d "${TMPDIR:-/tmp}/snowscale-bench.XXXXXX")
  trap _bench_cleanup EXIT
}
# ws.bin: "SFWS", u32 version, u64 generation, u64 count, count x u32 page, u32 CRC-32.
# overlap_pct: share of the pages TOUCHED holds that RECORDED holds too.
bench_ws_compare() {
  python3 - "$@" <<'PY'
import struct, sys
def pages(path):
    b = open(path, 'rb').read()
    n = struct.unpack_from('<Q', b, 16)[0]
    return set(struct.unpack_from('<%dI' % n, b, 24))
a, b = pages(sys.argv[1]), pages(sys.argv[2])
base, rep = int(sys.argv[3]), int(sys.argv[4])
print("%.1f %.1f %d %d" % (100.0 * len(a & b) / max(len(b), 1), 100.0 * (base - rep) / base if base else 0.0,
                           len(a), len(b)))
PY
}
# bench_cfg_head POOL FILE BOOT: a config's first lines, up to the QEMU driver's boot mode (the
# front on $front, the API on $API with $TOKEN, state beside FILE, 1 s ticks)
bench_cfg_head() {
  echo "pool: $1"
  echo "mode: active"
  echo "service: { front_listen: 127.0.0.1:$front }"
  echo "api: { listen: 127.0.0.1:$API, token: $TOKEN }"
  echo "state_dir: $(dirname "$2")/state"
  echo "tick: 1s"
  echo "driver:"
  echo "  kind: qemu"
  echo "  boot: $3"
}
# bench_appliance_cfg FILE BOOT WARM_KEYS: QEMU workers (driver.boot BOOT) running the demo app
# with $MISS_MS, $WAIT_MS and $SLOTS, the front on $front, the API on $API with $TOKEN,
# snowscale-lb on $lb, clone ports from $pb, state beside FILE, the parent serving and warmed on
# /item/0 .. WARM_KEYS-1. The caller appends policy:.
bench_appliance_cfg() {
  local file=$1 boot=$2 warm=$3
  {
    bench_cfg_head bench "$file" "$boot"
    echo "  kernel: $ROOT/build/guest/vmlinuz"
    echo "  initrd: $ROOT/build/guest/initrd.gz"
    echo "  cmdline: \"sf.cost=$MISS_MS sf.wait=$WAIT_MS sf.slots=$SLOTS\""
    echo "  memory: 256M"
    echo "  port_base: $pb"
    echo "  ready_timeout: 90s"
    echo "lb: { listen: 127.0.0.1:$lb }"
    echo "parent:"
    echo "  serve: true"
    echo "  warmup_urls: [\"/item/{0..$((warm - 1))}\"]"
  } >"$file"
}
bench_appliance_start() {
  "$BIN/snowscale-lb" --config "$1/snowscale.yaml" >"$1/lb.log" 2>&1 & PIDS+=($!)
  "$BIN/snowscaled" --config "$1/snowscale.yaml" --foreground --stop-vms-on-exit >"$1/snowscaled.log" 2>&1 & PIDS+=($!)
}
# bench_appliance_ready [STATUS]: STATUS is /api/v1/status's answer (fetched when not given)
bench_appliance_ready() {
  local st=${1:-$(curl -fsS -m 5 "http://127.0.0.1:$API/api/v1/status")}
  [ "$(jq -r '.actual >= 1 and .pending == 0' <<<"$st")" = true ] &&
    curl -fsS -m 5 "http://127.0.0.1:$API/api/v1/events?since=0&limit=1000" |
      jq -e '[.events[] | select(.message | startswith("parent warmed up"))] | length > 0' >/dev/null &&
    curl -fs -m 2 "http://127.0.0.1:$front/healthz" >/dev/null
}
PIDS=()
bench_stop() {
  local p
  for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null; done
  for p in "${PIDS[@]}"; do
    for _ in $(seq 300); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$p" 2>/dev/null
  done
  PIDS=()
}
