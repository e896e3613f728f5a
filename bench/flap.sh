#!/bin/bash
# BENCH flap: the whole appliance (snowscale-lb + nginx, snowscaled, QEMU clones under TCG or
# KVM) while the pool is flipped between 1 and 6 clones through the API (snowscalectl scale N)
# FLIPS times under a steady keep-alive load without client retries (lb-load --retry 0: a reset,
# a timeout or a non-2xx answer is a client error). Each flip waits until the pool serves the
# asked count and nothing drains (bounded: FLIP_TIMEOUT_S per flip). Prints
#   BENCH flap flips=N requests=N client_errors=N lost_samples=N
# lost_samples: requests the client got answers to minus latency samples snowscale-lb received
# from nginx for them (the front serves only this load).
#
# Knobs (env): FLIPS=10 LOW=1 HIGH=6 CONC=4 FLIP_TIMEOUT_S=180
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$ROOT/build/bin
TOOLS=$ROOT/build/tests/lb
FLIPS=${FLIPS:-10}; LOW=${LOW:-1}; HIGH=${HIGH:-6}; CONC=${CONC:-4}; FLIP_TIMEOUT_S=${FLIP_TIMEOUT_S:-180}
TOKEN=flap-token

for t in "$BIN/snowscaled" "$BIN/snowscalectl" "$BIN/snowscale-lb" "$TOOLS/lb-load"; do
  [ -x "$t" ] || { echo "flap: $t missing: run make" >&2; exit 1; }
done
[ -r "$ROOT/build/guest/vmlinuz" ] || { echo "flap: worker image missing: run make guest" >&2; exit 1; }

. "$ROOT/bench/lib.sh"   # bench_stop, t_free_port
trap 'bench_stop; exit 130' INT TERM
trap bench_stop EXIT

dir=$(mktemp -d "${TMPDIR:-/tmp}/snowscale-flap.XXXXXX")
front=$(t_free_port); API=$(t_free_port); LB=$(t_free_port); pb=$(( 10000 + RANDOM % 9000 ))
cat >"$dir/snowscale.yaml" <<YAML
pool: flap
mode: active
service: { front_listen: 127.0.0.1:$front }
api: { listen: 127.0.0.1:$API, token: $TOKEN }
state_dir: $dir/state
tick: 1s
driver:
  kind: qemu
  boot: clone
  kernel: $ROOT/build/guest/vmlinuz
  initrd: $ROOT/build/guest/initrd.gz
  memory: 256M
  port_base: $pb
  ready_timeout: 90s
lb: { listen: 127.0.0.1:$LB }
parent:
  serve: false
  warmup_urls: ["/item/{0..63}"]
policy:
  metric: p95_latency
  target: 150ms
  min_clones: $LOW
  max_clones: $HIGH
  scale_up: { max_step: $HIGH, max_rate: unlimited, stabilization: 0s }
  scale_down: { max_step: $HIGH, stabilization: 0s }
YAML
api() { curl -fsS -m 5 -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$API$1"; }
lbstat() { curl -fsS -m 5 "http://127.0.0.1:$LB/v1/stats" | jq -r ".$1"; }
ctl() { "$BIN/snowscalectl" --config "$dir/snowscale.yaml" "$@"; }

echo "flap: appliance in $dir"
"$BIN/snowscale-lb" --config "$dir/snowscale.yaml" >"$dir/lb.log" 2>&1 & PIDS+=($!)
"$BIN/snowscaled" --config "$dir/snowscale.yaml" --foreground --stop-vms-on-exit >"$dir/snowscaled.log" 2>&1 & PIDS+=($!)

# at_count N: the pool serves N clones, none pending or draining, and snowscale-lb agrees
at_count() {
  local st
  st=$(api /api/v1/status 2>/dev/null) || return 1
  [ "$(jq -r --argjson n "$1" '.actual == $n and .pending == 0 and .draining == 0' <<<"$st")" = true ] || return 1
  [ "$(curl -fsS -m 5 "http://127.0.0.1:$LB/v1/backends" | jq '[.backends[] | select(.state == "active" or .state == "checking" or .state == "draining")] | length')" = "$1" ]
}
wait_count() {   # wait_count N SECONDS
  local end=$((SECONDS + $2))
  while [ $SECONDS -lt $end ]; do at_count "$1" && return 0; sleep 0.5; done
  return 1
}
wait_count "$LOW" 600 || { echo "flap: pool did not reach $LOW clones; last log lines:"; tail -n 20 "$dir/snowscaled.log"; exit 1; }
curl -fs -m 5 "http://127.0.0.1:$front/item/1" >/dev/null || { echo "flap: front does not serve"; exit 1; }
sleep 1
s0=$(lbstat samples)
"$TOOLS/lb-load" --url "http://127.0.0.1:$front/item/1" --concurrency "$CONC" --retry 0 >"$dir/load.out" 2>"$dir/load.err" &
load=$!; PIDS+=($load)
t0=$SECONDS; done_flips=0
for i in $(seq "$FLIPS"); do
  n=$(( i % 2 == 1 ? HIGH : LOW ))
  ctl scale "$n" >/dev/null || { echo "flap: snowscalectl scale $n failed"; break; }
  s=$SECONDS
  if ! wait_count "$n" "$FLIP_TIMEOUT_S"; then
    echo "flap: flip $i to $n did not settle in ${FLIP_TIMEOUT_S}s: $(api /api/v1/status | jq -c '{actual, pending, draining}')"
    break
  fi
  echo "flap: flip $i -> $n clones in $((SECONDS - s)) s"
  done_flips=$i
done
kill -TERM "$load"; wait "$load" 2>/dev/null
sleep 2   # the last samples fetched from nginx
s1=$(lbstat samples)
req=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' "$dir/load.out" | head -n1)
fail=$(sed -n 's/.*failed=\([0-9]*\).*/\1/p' "$dir/load.out" | head -n1)
lost=$(( req - (s1 - s0) )); [ "$lost" -lt 0 ] && lost=0
echo "# $(head -n1 "$dir/load.out") in $((SECONDS - t0)) s; agent lost counter $(lbstat lost); reloads $(curl -fsS "http://127.0.0.1:$LB/v1/reloads" | jq '[.reloads[] | select(.result != "start")] | length')"
[ -s "$dir/load.err" ] && sed 's/^/# /' "$dir/load.err" | head -n 10
echo "# nginx: $(grep -c 'timed out' "$dir/state/lb/nginx/error.log" 2>/dev/null) upstream timeouts, $(grep -c 'ejected' "$dir/state/lb/nginx/error.log" 2>/dev/null) ejections (retried on another peer)"
ctl scale policy >/dev/null 2>&1
echo "BENCH flap flips=$done_flips requests=${req:-0} client_errors=${fail:-0} lost_samples=$lost"
[ "$done_flips" = "$FLIPS" ]
