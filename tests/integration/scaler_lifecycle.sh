#!/bin/bash
# snowscaled's life: SIGHUP with a good and a bad config, restart on the same state DB (history
# and events kept, ids continue), refusal of a newer-schema or corrupt DB (file untouched), an
# unwritable state dir, a bad config at start, detaching without --foreground.
. "$(dirname "$0")/../lib.sh"
SCALED=${SC_SNOWSCALED:-$BIN/snowscaled}
CTL=${SC_SNOWSCALECTL:-$BIN/snowscalectl}
TOKEN=tok-$RANDOM
CFG=$T_DIR/snowscale.yaml
write_cfg() { t_observe_cfg "$CFG" max_clones="$1" state_dir="${2:-state}"; }  # write_cfg MAX_CLONES [STATE_DIR]
status() { curl -s "$URL/api/v1/status"; }
jqe() { jq -e "$@" >/dev/null; }
start() {
  t_spawn "scaled$1" "$SCALED" --config "$CFG" --foreground
  t_wait_http "$URL/healthz" 10 || { cat "$T_DIR/scaled$1.log"; t_bail "snowscaled did not come up"; }
}

t_start_scaled scaled1 "$CFG" "write_cfg 8"
pid=$T_PID
now=$(( $(date +%s) * 1000000 ))
printf '%s 127.0.0.1:18001 40000 200\n' "$now" "$now" "$now" |
  curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/plain' --data-binary @- "$URL/api/v1/samples"
t_wait_for 5 bash -c "curl -s '$URL/api/v1/metrics/history?window=60' | jq -e '[.points[] | select(.p95_us > 39000)] | length > 0' >/dev/null" \
  && t_ok "history point with the fed p95" || t_fail "history point with the fed p95"

# --- SIGHUP, good config: the new policy is in force, a reload event says so
write_cfg 12
kill -HUP "$pid"
t_wait_for 5 bash -c "curl -s '$URL/api/v1/status' | jq -e '.policy.max_clones == 12' >/dev/null" \
  && t_ok "SIGHUP applied max_clones 12" || t_fail "SIGHUP applied max_clones 12"
t_is "$(curl -s "$URL/api/v1/events?limit=1000" | jq -r '[.events[] | select(.kind == "reload")] | length')" 1 "reload event"

# --- SIGHUP, bad config: the running one stays, every diagnostic is logged and stored
cat >"$CFG" <<YAML
pool: web
api:
  listen: 127.0.0.1:$port
policy:
  metric: p95_latency
  target: fast
  min_clones: 5
  max_clones: 2
  colour: blue
YAML
kill -HUP "$pid"
t_wait_for 5 bash -c "curl -s '$URL/api/v1/events?limit=1000' | jq -e '[.events[] | select(.kind == \"config\" and (.message | test(\"refused\")))] | length == 1' >/dev/null" \
  && t_ok "refused reload stored as a config event" || t_fail "refused reload stored as a config event"
t_check "daemon still running" kill -0 "$pid"
t_is "$(status | jq -r .policy.max_clones)" 12 "old config kept"
t_like "$(grep -c 'reload: .*snowscale.yaml:[0-9]*:[0-9]*:' "$T_DIR/scaled1.log")" '^[2-9]' "every diagnostic logged with file:line:col"
t_like "$(curl -s "$URL/api/v1/events?limit=1000" | jq -r '[.events[] | select(.kind == "config")][-1].data.diagnostics | length')" '^[2-9]' "diagnostics in the event data"
t_like "$(status | jq -r .policy.min_clones)" '^1$' "min_clones unchanged"

# --- one daemon per state dir
write_cfg 12
"$SCALED" --config "$CFG" --foreground >"$T_DIR/second.log" 2>&1; rc=$?
t_is "$rc" 1 "a second snowscaled on the same state dir exits 1"
t_like "$(cat "$T_DIR/second.log")" "another snowscaled \\(pid $pid\\) uses the state directory" "... naming the running one"

last_event=$(curl -s "$URL/api/v1/events?limit=1000" | jq -r .next)
points=$(curl -s "$URL/api/v1/metrics/history?window=600" | jq -r '.points | length')
kill -TERM "$pid"; wait "$pid"; t_is "$?" 0 "SIGTERM: clean exit"

# --- restart on the same DB: history and events kept, ids continue
write_cfg 12
start 2
pid=$T_PID
h=$(curl -s "$URL/api/v1/metrics/history?window=600")
t_like "$(jq -r '.points | length' <<<"$h")" '^[0-9]+$' "history after restart"
t_check "history after restart has the old points ($points+)" test "$(jq -r '.points | length' <<<"$h")" -ge "$points"
t_check "old p95 point still there" jqe '[.points[] | select(.p95_us > 39000)] | length > 0' <<<"$h"
ev=$(curl -s "$URL/api/v1/events?since=0&limit=1000")
t_check "old reload event still there" jqe '[.events[] | select(.kind == "reload")] | length == 1' <<<"$ev"
t_check "new events continue after id $last_event" jqe --argjson l "$last_event" '[.events[] | select(.id > $l and (.message | test("started")))] | length == 1' <<<"$ev"
kill -TERM "$pid"; wait "$pid"

# --- systemd notify protocol: READY=1, STATUS=, WATCHDOG=1, RELOADING=1, STOPPING=1
LISTEN=${SC_NOTIFY_LISTEN:-$ROOT/build/tests/scaler_notify_listen}
sock=$T_DIR/notify.sock
"$LISTEN" "$sock" 6 >"$T_DIR/notify.out" 2>&1 &
lpid=$!; T_PIDS+=("$lpid")
t_wait_for 5 test -S "$sock" || t_fail "notify listener up"
# no --foreground: under systemd (NOTIFY_SOCKET set) snowscaled must not detach
NOTIFY_SOCKET=$sock WATCHDOG_USEC=400000 "$SCALED" --config "$CFG" >"$T_DIR/notify-scaled.log" 2>&1 &
pid=$!; T_PIDS+=("$pid")
t_wait_for 5 grep -q '^READY=1' "$T_DIR/notify.out" && t_ok "READY=1 sent" || t_fail "READY=1 sent"
t_wait_for 5 bash -c "[ \$(grep -c '^WATCHDOG=1' '$T_DIR/notify.out') -ge 3 ]" && t_ok "WATCHDOG=1 sent within WATCHDOG_USEC/2" || t_fail "WATCHDOG=1 sent within WATCHDOG_USEC/2"
t_check "STATUS= with desired and p95" grep -q '^STATUS=desired [0-9]*, serving 0, pending 0, p95' "$T_DIR/notify.out"
kill -HUP "$pid"
t_wait_for 5 grep -q '^RELOADING=1' "$T_DIR/notify.out" && t_ok "RELOADING=1 on SIGHUP" || t_fail "RELOADING=1 on SIGHUP"
kill -TERM "$pid"; wait "$pid"; t_is "$?" 0 "stopped under the notify protocol"
t_wait_for 5 grep -q '^STOPPING=1' "$T_DIR/notify.out" && t_ok "STOPPING=1 sent" || t_fail "STOPPING=1 sent"
kill "$lpid" 2>/dev/null; wait "$lpid" 2>/dev/null

# --- a newer schema: refused with a clear message, file untouched
db=$T_DIR/state/snowscale.db
sqlite3 "$db" 'PRAGMA user_version=99' >/dev/null
sum=$(sha256sum "$db" | cut -d' ' -f1)
"$SCALED" --config "$CFG" --foreground >"$T_DIR/newer.log" 2>&1; rc=$?
t_is "$rc" 1 "newer schema: exit 1"
schema=$(sed -n 's/^#define SC_STORE_SCHEMA_VERSION \([0-9]*\).*/\1/p' "$ROOT/scaler/sc_store.h")
t_like "$(cat "$T_DIR/newer.log")" "schema version 99 but this snowscaled knows only up to $schema" "newer schema: says why"
t_is "$(sha256sum "$db" | cut -d' ' -f1)" "$sum" "newer schema: file untouched"

# --- a corrupt file
head -c 20000 /dev/urandom >"$T_DIR/state/snowscale.db"; rm -f "$T_DIR/state/snowscale.db-wal" "$T_DIR/state/snowscale.db-shm"
sum=$(sha256sum "$db" | cut -d' ' -f1)
"$SCALED" --config "$CFG" --foreground >"$T_DIR/corrupt.log" 2>&1; rc=$?
t_is "$rc" 1 "corrupt DB: exit 1"
t_like "$(cat "$T_DIR/corrupt.log")" 'not a snowscale state database' "corrupt DB: says why"
t_is "$(sha256sum "$db" | cut -d' ' -f1)" "$sum" "corrupt DB: file untouched"

# --- unwritable state dir (a regular file where the dir should be)
touch "$T_DIR/notadir"
write_cfg 12 notadir/state
"$SCALED" --config "$CFG" --foreground >"$T_DIR/unwritable.log" 2>&1; rc=$?
t_is "$rc" 1 "unwritable state dir: exit 1"
t_like "$(cat "$T_DIR/unwritable.log")" 'cannot create the state directory' "unwritable state dir: says why"

# --- a bad config at start
printf 'pool: web\npolicy:\n  metric: p95_latency\n' >"$T_DIR/bad.yaml"
"$SCALED" --config "$T_DIR/bad.yaml" --foreground >"$T_DIR/bad.log" 2>&1; rc=$?
t_is "$rc" 1 "bad config at start: exit 1"
t_like "$(cat "$T_DIR/bad.log")" 'bad.yaml:[0-9]+:[0-9]+: .*target' "bad config at start: file:line:col of the problem"

# --- detaching: the starting process returns once the daemon serves
write_cfg 12 state2
"$SCALED" --config "$CFG" >"$T_DIR/detach.log" 2>&1; rc=$?
t_is "$rc" 0 "detached start returns 0"
t_is "$(curl -s -m 2 "$URL/healthz")" '{"ok":true}' "detached daemon serves at once"
dpid=$(ss -Hltnp "sport = :$port" | grep -o 'pid=[0-9]*' | head -n1 | cut -d= -f2)
if [ -n "$dpid" ]; then
  T_PIDS+=("$dpid")
  kill -TERM "$dpid"
  t_wait_for 5 bash -c "! kill -0 $dpid 2>/dev/null" && t_ok "detached daemon stops on SIGTERM" || t_fail "detached daemon stops on SIGTERM"
else
  t_fail "detached daemon's pid found"
fi
t_done
