# shellcheck shell=bash
# Shared by tests/integration/lb_*.sh and bench/front.sh (after tests/lib.sh): start
# snowscale-lb with real nginx, tiny backends and a load generator on free loopback ports.
LB_TOOLS=$ROOT/build/tests/lb
LB_TOKEN=lb-test-token
# nginx workers run as nobody under a root master: they must reach the log socket in T_DIR.
chmod 755 "$T_DIR"

# lb_backend NAME [lb-backend options]: sets LB_PORT; the pid is in LB_BACKEND_PID[NAME].
# Not for $(...): the pid must reach T_PIDS of this shell so the exit trap kills it.
declare -A LB_BACKEND_PID
lb_backend() {
  local name=$1 port try; shift
  for try in 1 2 3; do  # a free port can be taken by someone else before we bind it
    port=$(t_free_port) || return 1
    t_spawn "backend-$name" "$LB_TOOLS/lb-backend" --listen "127.0.0.1:$port" --name "$name" "$@"
    LB_BACKEND_PID[$name]=$T_PID
    if t_wait_http "http://127.0.0.1:$port/healthz" 10 '[1-5]..' && kill -0 "$T_PID" 2>/dev/null; then
      LB_PORT=$port; return 0
    fi
    kill "$T_PID" 2>/dev/null
  done
  return 1
}

# lb_agent_start [extra snowscale-lb options]: sets LB_API, LB_FRONT, LB_PID, LB_STATE.
# LB_TOKEN_IN_CONFIG=1: the token comes from --config (lb.token), not the command line.
lb_agent_start() {
  LB_API_PORT=${LB_API_PORT:-$(t_free_port)}
  LB_FRONT_PORT=${LB_FRONT_PORT:-$(t_free_port)}
  LB_API=http://127.0.0.1:$LB_API_PORT
  LB_FRONT=http://127.0.0.1:$LB_FRONT_PORT
  LB_STATE=$T_DIR/state/lb
  local tok=(--token "$LB_TOKEN")
  [ -n "${LB_TOKEN_IN_CONFIG:-}" ] && tok=()
  t_spawn "lb-${LB_RUN:=1}" "$BIN/snowscale-lb" --state-dir "$T_DIR/state" --listen "127.0.0.1:$LB_API_PORT" \
    --front "127.0.0.1:$LB_FRONT_PORT" "${tok[@]}" "$@"
  LB_PID=$T_PID
  [ "$LB_RUN" = 1 ] && t_cleanup lb_teardown
  LB_LOG=$T_DIR/lb-$LB_RUN.log
  LB_RUN=$((LB_RUN + 1))
  t_wait_http "$LB_API/healthz" 15 200
}

# At exit: stop the agent (it stops nginx), then any nginx it left behind (an agent killed hard).
lb_teardown() {
  local p
  kill -TERM "$LB_PID" 2>/dev/null
  for _ in $(seq 100); do kill -0 "$LB_PID" 2>/dev/null || break; sleep 0.1; done
  p=$(cat "$LB_STATE/nginx/nginx.pid" 2>/dev/null) || return 0
  if [ -n "$p" ] && grep -q "$LB_STATE/nginx" "/proc/$p/cmdline" 2>/dev/null; then
    kill -QUIT "$p"
    for _ in $(seq 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
  fi
}

# lb_call METHOD PATH [BODY]: prints "CODE BODY"
lb_call() {
  local out
  out=$(curl -s -m 10 -X "$1" -H "Authorization: Bearer $LB_TOKEN" ${3:+-d "$3"} -w ' %{http_code}' "$LB_API$2")
  echo "${out##* } ${out% *}"
}
lb_add() { lb_call POST /v1/backends "{\"id\":\"$1\",\"address\":\"127.0.0.1:$2\"}"; }
lb_field() { # lb_field ID FIELD
  curl -s -m 5 "$LB_API/v1/backends/$1" | sed -n "s/.*\"$2\":\"\{0,1\}\([^\",}]*\).*/\1/p"
}
lb_is_state() { [ "$(lb_field "$1" state)" = "$2" ]; }
# lb_wait_state ID STATE SECONDS
lb_wait_state() { t_wait_for "$3" lb_is_state "$1" "$2"; }
# lb_wait_settled SECONDS: until every old nginx worker of past reloads has exited. Before that,
# a worker of the empty start-up config may still answer a connection it accepted with
# "503 no backends registered": steady load starts from a settled front.
lb_old_gone() { curl -s "$LB_API/v1/reloads" | jq -e '[.reloads[].old_workers_alive // 0] | add == 0' >/dev/null; }
lb_wait_settled() { t_wait_for "$1" lb_old_gone; }
lb_stat() { curl -s -m 5 "$LB_API/v1/stats" | sed -n "s/.*\"$1\":\([0-9-]*\).*/\1/p"; }
# lb_bodies N: the first lines of N front responses, sorted and counted ("A=3 B=2")
lb_bodies() {
  local i
  for i in $(seq "$1"); do curl -s -m 5 "$LB_FRONT/"; done | sort | uniq -c | awk '{printf "%s%s=%s", s, $2, $1; s=" "}'
}

# lb_cycles N ID PORT: under load from lb-load (already started by the caller, see
# lb_load_start), N times add ID at PORT, wait until active, remove it, wait until drained.
# Sets LB_CYCLES_OK (cycles that completed), LB_CYCLES_TIMEOUT (drains that hit the timeout).
lb_cycles() {
  local n=$1 id=$2 port=$3 i
  LB_CYCLES_OK=0; LB_CYCLES_TIMEOUT=0
  for i in $(seq "$n"); do
    lb_add "$id" "$port" >/dev/null
    lb_wait_state "$id" active 15 || { t_diag "cycle $i: $id not active: $(curl -s "$LB_API/v1/backends/$id")"; return 1; }
    lb_call DELETE "/v1/backends/$id" >/dev/null
    lb_wait_state "$id" drained 40 || { t_diag "cycle $i: $id not drained"; return 1; }
    curl -s "$LB_API/v1/backends/$id" | grep -q 'drain timeout' && LB_CYCLES_TIMEOUT=$((LB_CYCLES_TIMEOUT + 1))
    LB_CYCLES_OK=$i
  done
}

# lb_load_start [lb-load options]: load on the front until lb_load_stop; LB_LOAD_OUT is its output.
lb_load_start() {
  t_spawn load "$LB_TOOLS/lb-load" --url "$LB_FRONT/" "$@"
  LB_LOAD_PID=$T_PID; LB_LOAD_OUT=$T_DIR/load.log
}
lb_load_stop() {
  kill -TERM "$LB_LOAD_PID"; wait "$LB_LOAD_PID" 2>/dev/null
}
# lb_load_field NAME: a number from lb-load's summary line
lb_load_field() { sed -n "s/.*\b$1=\([0-9]*\).*/\1/p" "$LB_LOAD_OUT" | head -n1; }

# lb_reload_p50: median duration_ms of the successful reloads (of the last 256)
lb_reload_p50() {
  curl -s "$LB_API/v1/reloads" | grep -o '"result":"ok","duration_ms":[0-9.]*' | sed 's/.*://' |
    sort -n | awk '{v[NR]=$1} END {if (NR) printf "%.1f", v[int((NR+1)/2)]; else print "nan"}'
}
lb_stat_is() { [ "$(lb_stat "$1")" = "$2" ]; }
