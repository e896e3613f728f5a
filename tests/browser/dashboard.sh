#!/bin/bash
# The dashboard in a real browser against a real snowscaled.
#
# snowscaled runs in `mode: observe` (decisions computed and stored, no VM cloned), so the clone
# rows the table shows are SEEDED: written with sqlite3 into the daemon's own store, whose schema
# the daemon itself created on a first start, before the second start reads them. Latency samples
# are fed over HTTP the way snowscale-lb ships them; everything else (status, history, decisions,
# events, SSE, the token check) is the daemon's real behaviour. tests/browser/dashboard.mjs drives
# Debian's chromium through playwright-core and reports each check; this script turns that into TAP.
# DASHBOARD_WARMUP_S=N feeds N seconds of traffic before the checks (docs/dashboard.png is taken so).
. "$(dirname "$0")/../lib.sh"

SNOWSCALED=$BIN/snowscaled
PW=$ROOT/web-ui/node_modules/playwright-core
CHROMIUM=/usr/bin/chromium
[ -x "$SNOWSCALED" ] || t_bail "build/bin/snowscaled is missing (make build/bin/snowscaled)"
[ -d "$PW" ] || t_bail "playwright-core is missing (make web-ui runs npm ci)"
[ -x "$CHROMIUM" ] || t_bail "chromium is missing (make deps)"
command -v node >/dev/null || t_bail "node is missing (node >= 20)"
command -v sqlite3 >/dev/null || t_bail "sqlite3 is missing (make deps)"

token=dash-$RANDOM-$RANDOM
state=$T_DIR/state
mkdir -p "$state" "$ROOT/build/test-out"
write_config() {
  cat >"$T_DIR/snowscale.yaml" <<EOF
pool: web
mode: observe
service:
  name: web
api:
  listen: 127.0.0.1:$port
  token: $token
state_dir: $state
tick: 500ms
policy:
  metric: p95_latency
  target: 150ms
  tolerance: 10%
  min_clones: 1
  max_clones: 8
EOF
  base=http://127.0.0.1:$port
}
# Ready = our pid owns the listening socket and answers /healthz (not someone else on that port).
daemon_ready() {
  kill -0 "$pid" 2>/dev/null && ss -Hltnp "sport = :$port" 2>/dev/null | grep -q "pid=$pid," &&
    curl -sf -m 2 "$base/healthz" >/dev/null
}
# start_daemon NAME: snowscaled on a free port; if another program takes the port between the
# check and the bind, try again on another one.
start_daemon() {
  local try
  for try in 1 2 3; do
    write_config
    t_spawn "$1" "$SNOWSCALED" --foreground --config "$T_DIR/snowscale.yaml"
    pid=$T_PID
    t_wait_for 15 daemon_ready && return 0
    kill -0 "$pid" 2>/dev/null && { kill -KILL "$pid"; cat "$T_DIR/$1.log"; return 1; }
    grep -q "cannot listen" "$T_DIR/$1.log" || { cat "$T_DIR/$1.log"; return 1; }
    t_diag "port $port was taken meanwhile (try $try)"
    port=$(t_free_port) || return 1
  done
  return 1
}
port=$(t_free_port) || t_bail "no free port"

# 1. First start: the daemon creates and migrates its store, then stops.
start_daemon snowscaled-init || t_bail "snowscaled did not come up"
kill -TERM "$pid"; wait "$pid" 2>/dev/null
db=$(ls "$state"/*.db 2>/dev/null | head -n1)
[ -f "$db" ] || t_bail "no SQLite store under $state"
t_diag "store: $db (schema version $(sqlite3 "$db" 'PRAGMA user_version'))"

# 2. Seeded rows: one generation, clones in five states, and lifecycle events for them.
now=$(($(date +%s%N) / 1000))
s=1000000
sqlite3 "$db" <<EOF || t_bail "seeding the store failed"
BEGIN;
INSERT INTO generations(id, created_us, descriptor, descriptor_bytes, pause_us, deleted)
  VALUES (1, $((now - 900 * s)), '$state/gen-1.desc', 368640, 11200, 0);
INSERT INTO clones(id, generation, driver, host, address, state, created_us, state_since_us, reason,
                   fetch_bytes, fetch_pct, demand_faults, prefetched_pages) VALUES
  ('c1', 1, 'qemu', 'localhost', '127.0.0.1:18001', 'serving',  $((now - 600 * s)), $((now - 590 * s)), '', 7340032, 2.7, 1585, 312),
  ('c2', 1, 'qemu', 'localhost', '127.0.0.1:18002', 'serving',  $((now - 300 * s)), $((now - 292 * s)), '', 5242880, 1.9, 1203, 0),
  ('c3', 1, 'qemu', 'localhost', '127.0.0.1:18003', 'checking', $((now - 4 * s)),   $((now - 1 * s)),   '', 65536, 0.1, 16, 0),
  ('c4', 1, 'qemu', 'localhost', '127.0.0.1:18004', 'failed',   $((now - 120 * s)), $((now - 100 * s)),
     'memserver 127.0.0.1:7301 closed the connection after 12 pages; clone stopped', 49152, 0.02, 12, 0),
  ('c5', 1, 'qemu', 'localhost', '127.0.0.1:18005', 'retired',  $((now - 1800 * s)), $((now - 1500 * s)), 'scale down', 9437184, 3.4, 2210, 0);
UPDATE clones SET guest_ts_us = $((now - 2 * s)), guest_uptime_s = 590, guest_load1 = 0.2,
  guest_mem_avail_kib = 201344 WHERE id IN ('c1', 'c2');
-- the demo app's cache counters for c1; c2 runs an app that reports other pairs (no hit rate)
INSERT INTO clone_metrics(clone_id, key, value, updated) VALUES
  ('c1', 'items', 64, $((now - 2 * s))), ('c1', 'hits', 1830, $((now - 2 * s))),
  ('c1', 'misses', 170, $((now - 2 * s))),
  ('c2', 'queue.depth', 3, $((now - 2 * s))), ('c2', 'temp_c', 41.5, $((now - 2 * s)));
INSERT INTO events(ts_us, kind, message, data) VALUES
  ($((now - 900 * s)), 'generation', 'generation 1 cut: 360 KiB descriptor, parent paused 11 ms', '{"id":1}'),
  ($((now - 590 * s)), 'clone', 'c1: checking -> serving', '{"id":"c1","from":"checking","to":"serving"}'),
  ($((now - 100 * s)), 'clone', 'c4: cloning -> failed: memserver closed the connection', '{"id":"c4","from":"cloning","to":"failed"}');
COMMIT;
EOF

# 3. Second start on the seeded store; the browser takes it from here.
start_daemon snowscaled || t_bail "snowscaled did not come up again"
t_is "$(curl -s -o /dev/null -w '%{http_code} %{content_type}' "$base/")" "200 text/html; charset=utf-8" \
  "snowscaled serves the dashboard at /"
t_like "$(curl -s "$base/app.js" | head -c 300)" "snowscale dashboard" "snowscaled serves app.js"

clones='[
 {"id":"c1","state":"serving","address":"127.0.0.1:18001","fetched_text":"7.0 MiB","demand_faults":1585,"hit_text":"91.5 %",
  "metrics_text":"hits=1,830 items=64 misses=170"},
 {"id":"c2","state":"serving","address":"127.0.0.1:18002","fetched_text":"5.0 MiB","demand_faults":1203,
  "metrics_text":"queue.depth=3 temp_c=41.5"},
 {"id":"c3","state":"checking","address":"127.0.0.1:18003"},
 {"id":"c4","state":"failed","address":"127.0.0.1:18004",
  "reason":"memserver 127.0.0.1:7301 closed the connection after 12 pages; clone stopped"},
 {"id":"c5","state":"retired","address":"127.0.0.1:18005"}]'
events='["c1: checking -> serving", "generation 1 cut: 360 KiB descriptor, parent paused 11 ms"]'

out=$ROOT/build/test-out
SS_BASE=$base SS_TOKEN=$token SS_PID=$pid SS_OUT=$out SS_PROFILE=$T_DIR/chromium-profile \
SS_CLONES=$clones SS_EVENTS=$events SS_ROOT=$ROOT SS_WARMUP_S=${DASHBOARD_WARMUP_S:-0} \
  timeout -k 5 $((120 + ${DASHBOARD_WARMUP_S:-0})) node "$ROOT/tests/browser/dashboard.mjs" >"$T_DIR/browser.out" 2>&1
rc=$?
while IFS= read -r line; do
  case $line in
    "PASS "*) t_ok "${line#PASS }";;
    "FAIL "*) t_fail "${line#FAIL }";;
    "#"*) echo "$line";;
    *) echo "# $line";;
  esac
done <"$T_DIR/browser.out"
[ "$rc" -eq 0 ] || t_fail "browser checks exited with status $rc"
[ -s "$out/dashboard.png" ] && t_diag "screenshots: $out/dashboard.png $out/dashboard-stale.png"
t_done
