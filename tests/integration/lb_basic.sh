#!/bin/bash
# snowscale-lb with real nginx: registration through the API moves traffic without reloading
# nginx, health checks gate adds, retire drains, bad input is refused, a config nginx rejects is
# never loaded, nginx and the agent itself restart without losing the upstream set.
. "$(dirname "$0")/../lib.sh"
. "$ROOT/lb-agent/tools/lb_env.sh"

lb_backend A || t_bail "backend A did not start"; pa=$LB_PORT
lb_backend B || t_bail "backend B did not start"; pb=$LB_PORT
lb_backend BAD --health-status 500 || t_bail "backend BAD did not start"; pbad=$LB_PORT
lb_backend D || t_bail "backend D did not start"; pd=$LB_PORT
lb_backend E --health-delay-ms 150 || t_bail "backend E did not start"; pe=$LB_PORT
pnone=$(t_free_port)
cp "$ROOT/etc/nginx/front.conf.in" "$T_DIR/front.conf.in"
lb_agent_start --template "$T_DIR/front.conf.in" --coalesce-ms 250 --min-reload-interval-ms 100 --health-attempts 4 \
  --health-interval-ms 50 --drain-timeout-ms 20000 || t_bail "snowscale-lb did not come up"
t_like "$(curl -s "$LB_API/healthz")" '"ok":true,"nginx":"running"' "healthz reports nginx running"

r=$(curl -s -w ' %{http_code}' "$LB_FRONT/")
t_is "${r##* }" 503 "front answers 503 with no backend registered"

# --- add: health-checked, then in nginx, traffic goes there
t_like "$(lb_add a "$pa")" '^202 .*"state":"checking"' "add a -> 202 checking"
lb_wait_state a active 10; t_is "$(lb_field a state)" active "a becomes active"
t_is "$(lb_bodies 10)" "A=10" "all traffic to A"
t_like "$(lb_add b "$pb")" '^202 ' "add b -> 202"
lb_wait_state b active 10; t_is "$(lb_field b state)" active "b becomes active"
t_like "$(lb_bodies 20)" '^A=[0-9]+ B=[0-9]+$' "traffic spread over A and B"
grep -qx "127.0.0.1:$pb" "$LB_STATE/nginx/peers"; t_is $? 0 "peers file lists b"

# --- membership is a write into nginx's shared dict: no reload, the same master and workers.
# d is healthy at once, e after 150 ms; both POSTs go out from one curl, back to back.
lb_wait_settled 10
ok_reloads() { curl -s "$LB_API/v1/reloads" | jq '[.reloads[] | select(.result == "ok")] | length'; }
ngx_procs() { local m; m=$(cat "$LB_STATE/nginx/nginx.pid"); echo "$m $(ps -o pid= --ppid "$m" | sort -n | tr -d ' ' | tr '\n' ' ')"; }
procs0=$(ngx_procs); v0=$(lb_stat set_version)
curl -s -o /dev/null -H "Authorization: Bearer $LB_TOKEN" -d "{\"id\":\"e\",\"address\":\"127.0.0.1:$pe\"}" "$LB_API/v1/backends" \
  --next -s -o /dev/null -H "Authorization: Bearer $LB_TOKEN" -d "{\"id\":\"d\",\"address\":\"127.0.0.1:$pd\"}" "$LB_API/v1/backends"
lb_wait_state d active 10; lb_wait_state e active 10
t_is "$(lb_field d state) $(lb_field e state)" "active active" "d and e active"
t_is "$(ok_reloads)" 0 "no reload added them"
t_check "nginx's set version grew ($v0 -> $(lb_stat set_version))" test "$(lb_stat set_version)" -gt "$v0"
t_like "$(lb_bodies 40)" '^A=[0-9]+ B=[0-9]+ D=[0-9]+ E=[0-9]+$' "traffic spread over A, B, D, E"
# snowscale-lb reads nginx's view once a second: wait for the first one that knows d.
view_d() { curl -s "$LB_API/v1/backends" | jq -c '[.nginx_members, (.backends[] | select(.id == "d") | .inflight)]'; }
t_wait_for 5 eval '[[ "$(view_d)" =~ ^\[4,[0-9]+\]$ ]]'
t_like "$(view_d)" '^\[4,[0-9]+\]$' "nginx holds 4 members; d's in-flight count is shown"
lb_call DELETE /v1/backends/d >/dev/null & p1=$!; lb_call DELETE /v1/backends/e >/dev/null & p2=$!; wait "$p1" "$p2"
lb_wait_state d drained 20; lb_wait_state e drained 20
t_like "$(curl -s "$LB_API/v1/backends/d")" '"reason":"removed from nginx.s set; in-flight requests reached 0' "d drained once nothing was in flight to it"
t_is "$(ok_reloads)" 0 "no reload removed them"
# --- the same backend again: one more write, still no reload
t_like "$(lb_add d "$pd")" '^202 ' "d registered again -> 202"
lb_wait_state d active 10
t_is "$(lb_bodies 30 | grep -o 'D=[0-9]*' | cut -c1)" D "d serves again"
lb_call DELETE /v1/backends/d >/dev/null; lb_wait_state d drained 20
t_is "$(ok_reloads) $(ngx_procs)" "0 $procs0" "no reload at all: nginx master and workers unchanged"

# --- health-failing and unreachable backends are never added
t_like "$(lb_add bad "$pbad")" '^202 ' "add bad -> 202"
t_like "$(lb_add none "$pnone")" '^202 ' "add none (nobody listening) -> 202"
lb_wait_state bad unhealthy 10; lb_wait_state none unhealthy 10
t_like "$(curl -s "$LB_API/v1/backends/bad")" '"state":"unhealthy".*HTTP 500, want 200' "bad is unhealthy: HTTP 500"
t_like "$(curl -s "$LB_API/v1/backends/none")" '"state":"unhealthy","since_us":[0-9]+,"created_us":[0-9]+,"reason":"health check .*failed 4 times' "none is unhealthy after 4 attempts"
grep -q "$pbad\|$pnone" "$LB_STATE/nginx/peers"; t_is $? 1 "neither is in nginx's set"
t_like "$(lb_bodies 20)" '^A=[0-9]+ B=[0-9]+$' "traffic still only A and B"

# --- bad and duplicate requests
t_like "$(lb_add a "$pa")" '^200 .*"state":"active"' "same add again -> 200, unchanged"
t_like "$(lb_add a "$pnone")" "^409 .*registered with address" "same id, other address -> 409"
t_like "$(lb_add a2 "$pa")" "^409 .*already registered as backend 'a'" "other id, same address -> 409"
t_like "$(lb_call POST /v1/backends '{"id":"x"')" '^400 .*JSON object' "truncated JSON -> 400"
t_like "$(lb_call POST /v1/backends '{"id":"x","address":"1.2.3.4:80; server evil:1"}')" '^400 .*address' "address with ';' -> 400"
t_like "$(lb_call POST /v1/backends '{"id":"../x","address":"1.2.3.4:80"}')" '^400 .*id' "bad id -> 400"
t_like "$(curl -s -w ' %{http_code}' -X POST -d '{}' "$LB_API/v1/backends")" '401$' "no token -> 401"
t_like "$(curl -s -w ' %{http_code}' -X DELETE -H 'Authorization: Bearer nope' "$LB_API/v1/backends/a")" '401$' "wrong token -> 401"
t_like "$(lb_call DELETE /v1/backends/ghost)" '^404 ' "delete unknown -> 404"
t_like "$(lb_call DELETE '/v1/backends/a?drain_timeout_ms=-5')" '^400 ' "negative drain timeout -> 400"
t_like "$(curl -s -w ' %{http_code}' "$LB_API/v1/backends/ghost")" '404$' "get unknown -> 404"
t_like "$(head -c 100000 /dev/zero | tr '\0' x | curl -s -w ' %{http_code}' -X POST -H "Authorization: Bearer $LB_TOKEN" --data-binary @- "$LB_API/v1/backends")" '413$' "oversized body -> 413"

# --- retire: remove + reload, drained once the old workers are gone; traffic leaves A
t_like "$(lb_call DELETE /v1/backends/a)" '^202 .*"state":"draining"' "delete a -> 202 draining"
lb_wait_state a drained 20; t_like "$(curl -s "$LB_API/v1/backends/a")" '"state":"drained".*in-flight requests reached 0' "a drained after its in-flight requests ended"
t_is "$(lb_bodies 10)" "B=10" "all traffic to B"
t_like "$(lb_call DELETE /v1/backends/a)" '^200 .*"state":"drained"' "delete again -> 200 drained"

# --- garbage on the access-log socket: counted, nothing else happens
g0=$(lb_stat garbage_lines)
printf '%s\n' 'hello' '<190>Nov 22 02:13:22 snowscale: ss1|x|y|z' \
  '<190>Nov 22 02:13:22 snowscale: ss1|1.0|9999.0|200|1.2.3.4:5|0.1|200' \
  '<190>Nov 22 02:13:22 snowscale: ss1|1.0|0.1|200|1.2.3.4:5, |0.1|200' '<190>' |
  "$LB_TOOLS/lb-load" --send-dgram "$LB_STATE/lb-access.sock" >/dev/null
t_wait_for 5 lb_stat_is garbage_lines $((g0 + 5)); t_is "$(lb_stat garbage_lines)" $((g0 + 5)) "5 garbage lines counted"
t_like "$(curl -s "$LB_API/healthz")" '"ok":true' "agent healthy after garbage"

# --- a config nginx rejects is never loaded (reloads are for configuration: SIGHUP re-renders
# nginx.conf from the template); the previous text is restored, the error reported
cp "$LB_STATE/nginx/upstreams.conf" "$T_DIR/include.before"
cp "$LB_STATE/nginx/nginx.conf" "$T_DIR/nginx.conf.good"
cp "$T_DIR/front.conf.in" "$T_DIR/front.conf.good"
echo 'this_is_not_a_directive on;' >>"$T_DIR/front.conf.in"
kill -HUP "$LB_PID"
t_wait_for 10 eval "curl -s '$LB_API/v1/reloads' | grep -q test_failed"
t_like "$(curl -s "$LB_API/v1/reloads")" '"result":"test_failed".*unknown directive' "failed reload recorded with nginx -t's error"
cmp -s "$LB_STATE/nginx/nginx.conf" "$T_DIR/nginx.conf.good"; t_is $? 0 "previous nginx.conf restored"
cmp -s "$LB_STATE/nginx/upstreams.conf" "$T_DIR/include.before"; t_is $? 0 "previous generation include restored"
t_is "$(lb_bodies 10)" "B=10" "running nginx unaffected: all traffic to B"
t_like "$(lb_add c "$pa")" '^202 ' "add c after the failed reload -> 202"
lb_wait_state c active 10; t_is "$(lb_field c state)" active "c active (membership needs no reload)"
{ cat "$T_DIR/front.conf.good"; echo '# edited'; } >"$T_DIR/front.conf.in"
kill -HUP "$LB_PID"
t_wait_for 10 eval "curl -s '$LB_API/v1/reloads' | grep -q '\"result\":\"ok\"'"
t_like "$(curl -s "$LB_API/v1/reloads")" '"result":"ok","duration_ms":[0-9.]+' "fixed template: reload recorded with durations"
t_like "$(tail -n 3 "$LB_STATE/nginx/nginx.conf")" '# edited' "nginx.conf holds the edit"
t_like "$(lb_bodies 20)" '^A=[0-9]+ B=[0-9]+$' "after the reload nginx still serves b and c"

# --- nginx master dies: restarted, same upstream set
old=$(curl -s "$LB_API/healthz" | sed 's/.*"nginx_pid":\([0-9]*\).*/\1/')
kill -KILL "$old"
t_wait_for 30 eval "curl -s '$LB_API/healthz' | grep -q '\"ok\":true,\"nginx\":\"running\",\"nginx_pid\":[0-9]*' && ! curl -s '$LB_API/healthz' | grep -q '\"nginx_pid\":$old,'"
t_like "$(curl -s "$LB_API/healthz")" '"ok":true' "nginx restarted after SIGKILL"
t_like "$(lb_bodies 20)" '^A=[0-9]+ B=[0-9]+$' "restarted nginx serves b and c"

# --- agent restarts: clean stop stops nginx; the next start rebuilds the same set
kill -TERM "$LB_PID"; t_wait_for 15 eval "! kill -0 $LB_PID 2>/dev/null"
t_is "$(curl -s -o /dev/null -w '%{http_code}' "$LB_FRONT/")" 000 "nginx stopped with the agent"
lb_agent_start --coalesce-ms 50 --min-reload-interval-ms 100 || t_bail "restart failed"
t_is "$(lb_field b state) $(lb_field c state) $(lb_field a state) $(lb_field bad state)" "active active drained unhealthy" "states restored from lb-state.json"
t_like "$(lb_bodies 20)" '^A=[0-9]+ B=[0-9]+$' "traffic to b and c after restart"
# killed hard: nginx keeps serving meanwhile and the next agent adopts it
kill -KILL "$LB_PID"
t_like "$(lb_bodies 6)" '^A=[0-9]+ B=[0-9]+$' "nginx keeps serving while the agent is down"
lb_agent_start --coalesce-ms 50 --min-reload-interval-ms 100 || t_bail "restart after SIGKILL failed"
t_wait_for 5 grep -q 'adopted the running nginx master' "$LB_LOG"
t_like "$(cat "$LB_LOG")" 'adopted the running nginx master' "running nginx adopted"
t_like "$(lb_bodies 10)" '^A=[0-9]+ B=[0-9]+$' "traffic unchanged after adoption"
# the adopted master is not our child: stop it through the agent (SIGTERM -> graceful stop)
kill -TERM "$LB_PID"; t_wait_for 15 eval "! kill -0 $LB_PID 2>/dev/null"
t_is "$(curl -s -o /dev/null -w '%{http_code}' "$LB_FRONT/")" 000 "adopted nginx stopped with the agent"

# --- no nginx to run: a clear error, the registrations untouched
cp "$LB_STATE/lb-state.json" "$T_DIR/state.copy"
"$BIN/snowscale-lb" --state-dir "$T_DIR/state" --listen "127.0.0.1:$(t_free_port)" --front "127.0.0.1:$(t_free_port)" \
  --nginx /nonexistent/nginx >"$T_DIR/nonginx.log" 2>&1
t_is "$?" 1 "agent without an nginx binary exits 1"
t_like "$(cat "$T_DIR/nonginx.log")" 'cannot run /nonexistent/nginx -t: No such file' "and names the binary"
cmp -s "$LB_STATE/lb-state.json" "$T_DIR/state.copy"; t_is $? 0 "registrations untouched"

# --- a corrupt state file is never overwritten
echo '{"format":"snowscale-lb-state","version":1,"backends":[{"id":' >"$LB_STATE/lb-state.json"
cp "$LB_STATE/lb-state.json" "$T_DIR/corrupt.copy"
"$BIN/snowscale-lb" --state-dir "$T_DIR/state" --listen "127.0.0.1:$(t_free_port)" --front "127.0.0.1:$(t_free_port)" >"$T_DIR/corrupt.log" 2>&1
t_is "$?" 1 "agent refuses to start on a corrupt state file"
t_like "$(cat "$T_DIR/corrupt.log")" 'lb-state.json is corrupt' "and says which file"
cmp -s "$LB_STATE/lb-state.json" "$T_DIR/corrupt.copy"; t_is $? 0 "corrupt file left untouched"
t_done
