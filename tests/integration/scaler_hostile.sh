#!/bin/bash
# snowscaled's API under hostile clients: 10,000 idle connections (from 40 loopback addresses,
# below the per-address limit, so they really reach the daemon) plus slowloris clients that send
# a header line every 5 s. Meanwhile /healthz, /api/v1/status and /metrics must answer within 1 s,
# a sample batch must be taken, an event stream must flow and the control loop must keep ticking.
# Bounded: the flood ends by itself after 45 s; every wait has a limit.
. "$(dirname "$0")/../lib.sh"
SCALED=${SC_SNOWSCALED:-$BIN/snowscaled}
FLOOD=${SC_FLOOD:-$ROOT/build/tests/scaler_flood}
TOKEN=test-token-$RANDOM
IDLE=10000
[ -x "$FLOOD" ] || t_bail "no $FLOOD (make)"
# root may raise its own hard limit (CAP_SYS_RESOURCE); anyone else gets what they have
hard=$(ulimit -Hn)
if [ "$hard" != unlimited ] && [ "$hard" -lt $((IDLE + 2048)) ] && [ "$(id -u)" = 0 ]; then
  ulimit -Hn $((IDLE + 8192)) 2>/dev/null; hard=$(ulimit -Hn)
fi
[ "$hard" = unlimited ] || [ "$hard" -ge $((IDLE + 2048)) ] || { echo "1..0 # SKIP RLIMIT_NOFILE hard limit $hard is below $((IDLE + 2048))"; exit 0; }
write_cfg() { t_observe_cfg "$T_DIR/snowscale.yaml" tick=200ms; }
t_start_scaled scaled "$T_DIR/snowscale.yaml" write_cfg
scaled_pid=$T_PID

# within_1s NAME URL: the URL answers 200 within one second (curl gives up after 1 s).
within_1s() {
  local out
  out=$(curl -s -o /dev/null -m 1 -w '%{http_code} %{time_total}' "$2")
  t_like "$out" '^200 0\.[0-9]+$' "$1 answers within 1 s ($out)"
}
ticks() { curl -s -m 1 "$URL/metrics" | awk '$1 == "snowscale_ticks_total" { print $2 }'; }
sockets() { find "/proc/$scaled_pid/fd" -lname 'socket:*' 2>/dev/null | wc -l; }

t_diag "baseline: $(sockets) sockets"
"$FLOOD" "$port" "$IDLE" 250 8 45 >"$T_DIR/flood.out" 2>&1 &
flood_pid=$!; T_PIDS+=("$flood_pid")
t_wait_for 30 grep -q '^READY' "$T_DIR/flood.out" || t_bail "the flood did not get its connections up: $(cat "$T_DIR/flood.out")"
t_diag "flood: $(head -n 1 "$T_DIR/flood.out")"
# The daemon must really hold them (accepted, not refused at the door): one socket each.
t_wait_for 10 bash -c "[ \$(find /proc/$scaled_pid/fd -lname 'socket:*' | wc -l) -ge $IDLE ]"
held=$(sockets)
t_check "snowscaled holds the $IDLE idle connections ($held sockets)" [ "$held" -ge "$IDLE" ]
t_like "$(head -n 1 "$T_DIR/flood.out")" "^READY idle=$IDLE slow=8 " "every flood connection is open"
t_diag "snowscaled $(grep VmRSS "/proc/$scaled_pid/status") with $held sockets"

t0=$(ticks)
for round in 1 2 3; do
  within_1s "healthz (round $round)" "$URL/healthz"
  within_1s "status (round $round)" "$URL/api/v1/status"
  within_1s "metrics (round $round)" "$URL/metrics"
done
now=$(( $(date +%s) * 1000000 ))
out=$(curl -s -m 2 -w ' %{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/plain' \
      --data-binary "$now 127.0.0.1:18001 1500 200" "$URL/api/v1/samples")
t_is "$out" '{"accepted":1,"rejected":0}
 202' "a sample batch is taken during the flood"
curl -sN -m 2 "$URL/api/v1/events/stream" >"$T_DIR/sse" 2>/dev/null
t_like "$(grep -c '^event: status' "$T_DIR/sse")" '^([2-9]|[1-9][0-9]+)$' "the event stream flows during the flood"
t1=$(ticks)
t_check "the control loop ticks during the flood ($t0 -> $t1)" [ "${t1:-0}" -gt "${t0:-0}" ]

# Past the idle timeout (10 s): the idle ones are closed, the slowloris ones cost a socket each
# but nobody else anything.
sleep 12
within_1s "healthz after the idle timeout" "$URL/healthz"
after=$(sockets)
t_check "idle connections closed after the idle timeout ($after sockets left)" [ "$after" -lt 100 ]

kill -TERM "$flood_pid" 2>/dev/null; wait "$flood_pid" 2>/dev/null
within_1s "healthz after the flood" "$URL/healthz"

# One address gets SC_HTTP_MAX_PER_IP (256) connections; the rest are closed at once.
"$FLOOD" "$port" 400 400 0 3 >"$T_DIR/flood1.out" 2>&1
open1=$(sed -n 's/^END idle_open=\([0-9]*\).*/\1/p' "$T_DIR/flood1.out")
t_check "one address holds at most 256 connections (${open1:-?} of 400)" [ "${open1:-999}" -le 256 ] && [ "${open1:-0}" -ge 200 ]
within_1s "healthz from another address meanwhile" "$URL/healthz"

# Stopping with a live event stream and a held connection: prompt and clean.
curl -sN -m 20 "$URL/api/v1/events/stream" >/dev/null 2>&1 &
sse_pid=$!; T_PIDS+=("$sse_pid")
exec 5<>"/dev/tcp/127.0.0.1/$port"
t_wait_for 5 bash -c "[ \$(find /proc/$scaled_pid/fd -lname 'socket:*' | wc -l) -ge 3 ]"
start=$SECONDS
kill -TERM "$scaled_pid"; wait "$scaled_pid"; t_is "$?" 0 "SIGTERM with a stream open: clean exit"
t_check "... within 5 s ($((SECONDS - start)) s)" [ $((SECONDS - start)) -le 5 ]
exec 5>&-
t_done
