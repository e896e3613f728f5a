#!/bin/bash
# Ingest benchmark: the monitor in-process on one core, then over HTTP against a real snowscaled
# (observe mode, loopback, temp state dir). Prints the BENCH lines of bench/scaler_ingest.c.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$ROOT/build/bin
dir=$(mktemp -d "${TMPDIR:-/tmp}/snowscale-bench.XXXXXX")
pid=
cleanup() {
  [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$dir"
}
trap cleanup EXIT
token=bench-$RANDOM
T_LIB_NO_SETUP=1 . "$ROOT/tests/lib.sh"
# A free port can be taken by someone else between the check and the bind: try a few.
up=0
for attempt in 1 2 3; do
  port=$(t_free_port) || { echo "scaler_ingest: no free port" >&2; exit 1; }
  cat >"$dir/snowscale.yaml" <<YAML
pool: bench
mode: observe
api:
  listen: 127.0.0.1:$port
  token: $token
state_dir: state
log_level: warn
policy:
  metric: p95_latency
  target: 150ms
YAML
  "$BIN/snowscaled" --config "$dir/snowscale.yaml" --foreground >"$dir/scaled.log" 2>&1 &
  pid=$!
  for _ in $(seq 100); do
    curl -s -o /dev/null "http://127.0.0.1:$port/healthz" && { up=1; break; }
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  [ "$up" = 1 ] && break
  kill -TERM "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; pid=
done
if [ "$up" != 1 ]; then
  echo "scaler_ingest: snowscaled did not come up:" >&2; tail -n 5 "$dir/scaled.log" >&2; exit 1
fi
"$ROOT/build/bench/scaler_ingest" --url "http://127.0.0.1:$port" --token "$token" --seconds 3
rc=$?
echo "scaler_ingest: snowscaled counted $(curl -s "http://127.0.0.1:$port/api/v1/status" | jq -r .samples_total) samples, rejected $(curl -s "http://127.0.0.1:$port/api/v1/status" | jq -r .samples_rejected)" >&2
exit $rc
