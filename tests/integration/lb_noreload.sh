#!/bin/bash
# snowscale-lb: membership changes never reload nginx. Real nginx with the Lua balancer, real
# backends, a keep-alive load without client retries while a backend is added and removed 50
# times: every request 2xx, no connection error, each removed backend drained to zero requests
# in flight before the agent calls it drained, nginx's master and workers the same processes
# throughout. Then: a restarted nginx holds the set before it accepts a connection, and an
# nginx without the Lua module is refused at start with a clear message.
. "$(dirname "$0")/../lib.sh"
. "$ROOT/lb-agent/tools/lb_env.sh"
CYCLES=${LB_CYCLES:-50}

lb_backend A --delay-ms 2 || t_bail "backend A did not start"; pa=$LB_PORT
# B answers slowly (20..80 ms): a removal always finds requests in flight to it.
lb_backend B --delay-ms 20:80 || t_bail "backend B did not start"; pb=$LB_PORT
lb_agent_start --drain-timeout-ms 20000 || t_bail "snowscale-lb did not come up"
lb_add a "$pa" >/dev/null; lb_wait_state a active 10 || t_bail "a not active"

ngx_procs() { local m; m=$(cat "$LB_STATE/nginx/nginx.pid"); echo "$m $(ps -o pid= --ppid "$m" | sort -n | tr -d ' ' | tr '\n' ' ')"; }
procs0=$(ngx_procs)
lb_load_start --concurrency 8 --retry 0

ok=0; bad_drain=0; busy_drain=0
for i in $(seq "$CYCLES"); do
  lb_add b "$pb" >/dev/null
  lb_wait_state b active 15 || { t_diag "cycle $i: b not active: $(curl -s "$LB_API/v1/backends/b")"; break; }
  # let the load reach it, so the removal has requests in flight to drain
  t_wait_for 5 eval "curl -s 'http://127.0.0.1:$pb/stats' | grep -q 'inflight=[1-9]'"
  lb_call DELETE /v1/backends/b >/dev/null
  lb_wait_state b drained 30 || { t_diag "cycle $i: b not drained"; break; }
  # drained means nothing in flight: the backend itself must agree
  st=$(curl -s "http://127.0.0.1:$pb/stats")
  case "$st" in *inflight=0*) ;; *) busy_drain=$((busy_drain + 1)); t_diag "cycle $i: drained but backend says $st" ;; esac
  curl -s "$LB_API/v1/backends/b" | grep -q 'in-flight requests reached 0' ||
    { bad_drain=$((bad_drain + 1)); t_diag "cycle $i: $(curl -s "$LB_API/v1/backends/b")"; }
  ok=$i
done
procs1=$(ngx_procs)
lb_load_stop
t_diag "$(cat "$LB_LOAD_OUT")"
t_is "$ok" "$CYCLES" "$CYCLES add/remove cycles completed"
t_is "$(lb_load_field failed)" 0 "every request 2xx, no connection error (client does not retry)"
t_like "$(lb_load_field requests)" '^[0-9]{3,}$' "load generator made requests"
t_like "$(cat "$LB_LOAD_OUT")" 'served B=[0-9]+' "traffic reached B while it was in"
t_is "$bad_drain" 0 "every drain ended by nginx counting 0 in flight (never the timeout)"
t_is "$busy_drain" 0 "the backend had nothing in flight whenever the agent said drained"
t_is "$procs1" "$procs0" "nginx master and workers unchanged (no reload happened)"
t_is "$(curl -s "$LB_API/v1/reloads" | jq '[.reloads[] | select(.result != "start")] | length')" 0 "no reload recorded"
t_is "$(lb_stat lost)" 0 "no sample lost"

# --- nginx restarted: the peers file is loaded by the master (init_by_lua) before any worker
# accepts, so no request is ever answered "no backends registered" while it comes back.
t_spawn probe bash -c "while :; do curl -s -o /dev/null -w '%{http_code}\n' -m 2 '$LB_FRONT/'; done >'$T_DIR/codes'"
probe=$T_PID
sleep 0.3
kill -KILL "$(cat "$LB_STATE/nginx/nginx.pid")"
t_wait_for 15 eval "curl -s '$LB_API/healthz' | grep -q '\"ok\":true'" || t_diag "nginx not back"
t_wait_for 10 eval "[ \$(grep -c '^200' '$T_DIR/codes') -gt \$(( \$(grep -c . '$T_DIR/codes') / 2 )) ] && tail -n 1 '$T_DIR/codes' | grep -q 200"
sleep 0.5
kill "$probe"; wait "$probe" 2>/dev/null
codes=$(sort "$T_DIR/codes" | uniq -c | awk '{printf "%s%s=%s", s, $2, $1; s=" "}')
t_diag "front answers around the restart: $codes"
t_like "$codes" '200=[0-9]+' "restarted nginx serves"
t_is "$(grep -c '^503' "$T_DIR/codes")" 0 "no request answered 503: the set was there before the first connection"
t_is "$(lb_bodies 10)" "A=10" "restarted nginx holds the registered set (a)"

# --- an IPv6 backend (python3's http.server on ::1; its / answers 200, so the health check
# uses / through a second agent) is picked and served by the balancer
if python3 -c 'import socket; socket.socket(socket.AF_INET6).bind(("::1", 0))' 2>/dev/null; then
  p6=$(t_free_port)
  t_spawn v6 python3 -m http.server --bind ::1 "$p6"
  t_wait_http "http://[::1]:$p6/" 10 200 || t_diag "python3 http.server on ::1 did not answer"
  LB_API_PORT=$(t_free_port); LB_FRONT_PORT=$(t_free_port)
  t_spawn lb-v6 "$BIN/snowscale-lb" --state-dir "$T_DIR/v6" --listen "127.0.0.1:$LB_API_PORT" \
    --front "127.0.0.1:$LB_FRONT_PORT" --token "$LB_TOKEN" --health-path /
  v6pid=$T_PID
  t_wait_http "http://127.0.0.1:$LB_API_PORT/healthz" 15 200
  curl -s -o /dev/null -H "Authorization: Bearer $LB_TOKEN" -d "{\"id\":\"six\",\"address\":\"[::1]:$p6\"}" "http://127.0.0.1:$LB_API_PORT/v1/backends"
  t_wait_for 10 eval "curl -s 'http://127.0.0.1:$LB_API_PORT/v1/backends/six' | grep -q '\"state\":\"active\"'"
  t_is "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$LB_FRONT_PORT/")" 200 "an IPv6 backend is served through the balancer"
  kill -TERM "$v6pid"; t_wait_for 15 eval "! kill -0 $v6pid 2>/dev/null"
else
  echo "ok $((T_N + 1)) # SKIP no IPv6 loopback"; T_N=$((T_N + 1))
fi

# --- nginx without the Lua module: the start-up check says what is missing
"$BIN/snowscale-lb" --state-dir "$T_DIR/nolua" --listen "127.0.0.1:$(t_free_port)" --front "127.0.0.1:$(t_free_port)" \
  --nginx-modules /nonexistent >"$T_DIR/nolua.log" 2>&1
t_is "$?" 1 "agent without nginx's Lua module exits 1"
t_like "$(cat "$T_DIR/nolua.log")" 'nginx lacks the Lua module .*libnginx-mod-http-lua' "and names the package"
t_done
