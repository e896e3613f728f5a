#!/bin/bash
# snowscale-lb latency shipping: per-request samples from real nginx traffic reach a real
# snowscaled (observe mode: no VMs), whose p95 matches what the client measured; while
# snowscaled is unreachable the agent buffers, then drops the oldest with a counter, and
# catches up once it is back. Both daemons read one snowscale.yaml. The front's arrival counters
# reach snowscaled too: every request counted once, and requests still waiting on a slow worker
# are seen before any of them completes.
. "$(dirname "$0")/../lib.sh"
. "$ROOT/lb-agent/tools/lb_env.sh"
SCALED=$BIN/snowscaled
[ -x "$SCALED" ] || { echo "ok 1 # SKIP snowscaled not built"; echo "1..1"; exit 0; }
TOKEN=samples-$RANDOM
sport=$(t_free_port); LB_API_PORT=$(t_free_port); LB_FRONT_PORT=$(t_free_port)
cat >"$T_DIR/snowscale.yaml" <<YAML
pool: web
mode: observe
service:
  front_listen: 127.0.0.1:$LB_FRONT_PORT
api:
  listen: 127.0.0.1:$sport
  token: $TOKEN
state_dir: state
tick: 100ms
lb:
  listen: 127.0.0.1:$LB_API_PORT
  token: $LB_TOKEN
  coalesce: 20ms
  min_reload_interval: 50ms
policy:
  metric: p95_latency
  target: 150ms
  panic: { threshold: 200%, window: 6s }
YAML
scaled_start() {
  t_spawn scaled "$SCALED" --config "$T_DIR/snowscale.yaml" --foreground
  SCALED_PID=$T_PID
  t_wait_http "http://127.0.0.1:$sport/healthz" 15
}
scaled_start || t_bail "snowscaled did not come up"
LB_TOKEN_IN_CONFIG=1
# Latency spread 10..50 ms uniformly: p95 is about 48 ms.
lb_backend A --delay-ms 10:50 || t_bail "backend did not start"; pa=$LB_PORT
lb_agent_start --config "$T_DIR/snowscale.yaml" || t_bail "snowscale-lb did not come up"
t_like "$(cat "$LB_LOG")" "samples -> http://127.0.0.1:$sport" "agent ships to api.listen from the config"
lb_add a "$pa" >/dev/null; lb_wait_state a active 10 || t_bail "a not active"

# 8 s of steady load; snowscaled's short window (6 s) then holds only this traffic.
"$LB_TOOLS/lb-load" --url "$LB_FRONT/" --concurrency 4 --duration-s 8 >"$T_DIR/load1.out"
cat "$T_DIR/load1.out" | sed 's/^/# client: /'
client_p95=$(sed -n 's/.*p95_us=\([0-9]*\).*/\1/p' "$T_DIR/load1.out")
requests=$(sed -n 's/^requests=\([0-9]*\).*/\1/p' "$T_DIR/load1.out")
t_wait_for 5 lb_stat_is buffered 0
t_is "$(lb_stat shipped)" "$(lb_stat samples)" "every sample shipped"
t_is "$(lb_stat samples)" "$requests" "one sample per client request"
status=$(curl -s "http://127.0.0.1:$sport/api/v1/status")
server_p95=$(jq -r .windows.short.p95_us <<<"$status")
t_diag "status: $(jq -c .windows <<<"$status")"
t_diag "client p95 ${client_p95} us, snowscaled short-window p95 ${server_p95} us, count $(jq -r .windows.short.count <<<"$status")"
t_check "snowscaled p95 within 3 ms of the client's" awk -v a="$client_p95" -v b="$server_p95" \
  'BEGIN { d = a - b; if (d < 0) d = -d; exit !(b > 0 && d <= 3000) }'
t_like "$(curl -s "http://127.0.0.1:$sport/metrics")" "127.0.0.1:$pa" "snowscaled knows the backend by its address"
t_is "$(lb_stat dropped) $(lb_stat rejected_by_scaler)" "0 0" "nothing dropped or rejected"
front_is() { [ "$(curl -s "http://127.0.0.1:$sport/api/v1/status" | jq -r "$1")" = "$2" ]; }
t_wait_for 5 front_is .front.arrived "$requests"
t_is "$(curl -s "http://127.0.0.1:$sport/api/v1/status" | jq -c '[.front.arrived, .front.inflight]')" "[$requests,0]" \
  "the front counted every request as it arrived, none in flight after the load"
t_like "$(curl -s "http://127.0.0.1:$sport/metrics")" "snowscale_front_arrivals_total $requests" \
  "arrivals in /metrics"
# Idle nginx: the agent's empty batches keep snowscaled's data fresh (idle, not missing).
sleep 6
t_is "$(curl -s "http://127.0.0.1:$sport/api/v1/status" | jq -r '.windows.short.stale')" false \
  "6 s without requests: snowscaled's windows are idle, not stale (heartbeat batches)"

# --- snowscaled unreachable: buffer (restart the agent with a small buffer), drop oldest, count
kill -TERM "$SCALED_PID"; t_wait_for 10 eval "! kill -0 $SCALED_PID 2>/dev/null"
kill -TERM "$LB_PID"; t_wait_for 15 eval "! kill -0 $LB_PID 2>/dev/null"
lb_agent_start --config "$T_DIR/snowscale.yaml" --buffer-samples 100 || t_bail "agent restart failed"
lb_wait_state a active 10
"$LB_TOOLS/lb-load" --url "$LB_FRONT/" --concurrency 4 --duration-s 2 >"$T_DIR/load2.out"
n2=$(sed -n 's/^requests=\([0-9]*\).*/\1/p' "$T_DIR/load2.out")
t_wait_for 5 lb_stat_is samples "$n2"
t_is "$(lb_stat buffered)" 100 "buffer holds its capacity"
t_is "$(lb_stat dropped)" $((n2 - 100)) "the rest dropped and counted"
t_check "failed shipments counted" test "$(lb_stat ship_failures)" -gt 0
t_is "$(lb_stat scaler_last_status)" 0 "scaler reported unreachable"
t_like "$(curl -s "$LB_API/healthz")" '"ok":true' "agent healthy meanwhile"
t_is "$(grep -c 'error\|not ok' "$T_DIR/load2.out")" 0 "clients unaffected"
# --- back: the buffered samples arrive
scaled_start || t_bail "snowscaled did not come back"
t_wait_for 10 lb_stat_is buffered 0
t_is "$(lb_stat shipped)" 100 "the 100 buffered samples arrived after snowscaled came back"
# the overwritten ones are lost samples: counted, and told snowscaled with the next batch
# ("lost" in a JSON body) -- or, by a snowscaled that refuses the field, kept here
t_is "$(lb_stat lost)" $((n2 - 100)) "dropped samples counted as lost"
t_wait_for 10 eval '[ $(( $(lb_stat lost_shipped) + $(lb_stat lost_unshipped) )) = $((n2 - 100)) ] && { [ "$(lb_stat lost_unshipped)" = 0 ] || grep -q "does not take the .lost." "$LB_LOG"; }'
t_diag "lost shipped $(lb_stat lost_shipped), kept $(lb_stat lost_unshipped), scaler takes it: $(curl -s "$LB_API/v1/stats" | jq .scaler_takes_lost)"
t_check "the lost count went to snowscaled or snowscaled refused the field (logged)" \
  eval '[ "$(lb_stat lost_shipped)" = $((n2 - 100)) ] || grep -q "does not take the .lost." "$LB_LOG"'
t_is "$(curl -s "$LB_API/v1/backends" | jq .lost)" $((n2 - 100)) "and shown in GET /v1/backends"

# --- SIGHUP reloads the file: a new token applies; a broken file leaves the running config
sed -i "s/token: $LB_TOKEN/token: rotated-$LB_TOKEN/" "$T_DIR/snowscale.yaml"
kill -HUP "$LB_PID"; t_wait_for 5 grep -q 'configuration reloaded' "$LB_LOG"
t_like "$(lb_call DELETE /v1/backends/a)" '^401 ' "old token refused after SIGHUP"
LB_TOKEN=rotated-$LB_TOKEN
echo 'lb: { bogus_key: 1 }' >>"$T_DIR/snowscale.yaml"
kill -HUP "$LB_PID"; t_wait_for 5 grep -q 'configuration not reloaded' "$LB_LOG"
t_like "$(cat "$LB_LOG")" 'configuration not reloaded; the running one stays' "broken file refused on SIGHUP"
t_like "$(lb_call DELETE /v1/backends/a)" '^202 ' "new token still works"
t_like "$(curl -s "$LB_API/healthz")" '"ok":true' "agent healthy after the refused reload"

# --- waiting requests are arrivals before they are completions: a worker that takes 4 s
lb_backend S --delay-ms 4000 || t_bail "slow backend did not start"
lb_add s "$LB_PORT" >/dev/null; lb_wait_state s active 10 || t_bail "s not active"
lb_wait_state a drained 10
before=$(curl -s "http://127.0.0.1:$sport/api/v1/status" | jq -r '.front.arrived')
done_before=$(curl -s "http://127.0.0.1:$sport/api/v1/status" | jq -r '.samples_total')
slow=()
for i in 1 2 3 4 5 6; do curl -s -o /dev/null -m 10 "$LB_FRONT/" & slow+=($!); done
t_wait_for 3 front_is .front.inflight 6
st=$(curl -s "http://127.0.0.1:$sport/api/v1/status")
t_is "$(jq -c '[.front.arrived - '"$before"', .front.inflight, .samples_total - '"$done_before"']' <<<"$st")" "[6,6,0]" \
  "6 requests waiting on a slow worker: 6 arrivals, 6 in flight, 0 completions"
wait "${slow[@]}"
t_wait_for 5 front_is .front.inflight 0
t_is "$(curl -s "http://127.0.0.1:$sport/api/v1/status" | jq -r '.samples_total - '"$done_before")" 6 \
  "and 6 completions once the worker answered"
t_done
