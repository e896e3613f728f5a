# shellcheck shell=bash
# Shared setup of the actuator tests and benchmark (sourced, not run): a real snowscale-lb with its
# nginx, a real snowscaled with the QEMU driver (TCG) booting the worker image, all on free
# loopback ports in the test's temp dir.
#
#   . "$(dirname "$0")/actuator_common.sh"
#   act_config [EXTRA_YAML_LINES...]      # writes $ACT_CFG
#   act_start_lb; act_start_scaled [ENV=VALUE...]
#   act_scale 3; act_wait_serving 3 120
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

ACT_TOKEN=act-test-token
chmod o+x "$T_DIR"      # nginx's workers (user nobody) must reach the agent's files below it
ACT_STATE=$T_DIR/state
ACT_CFG=$T_DIR/snowscale.yaml
ACT_SCALED_PID=
ACT_LB_PID=

act_require() {
  local m
  for m in "$BIN/snowscaled" "$BIN/snowscale-lb" "$ROOT/build/guest/vmlinuz" "$ROOT/build/guest/initrd.gz"; do
    [ -e "$m" ] || { echo "1..0 # SKIP $m is not built"; exit 0; }
  done
  command -v jq >/dev/null || { echo "1..0 # SKIP jq is not installed"; exit 0; }
  [ -x /usr/sbin/nginx ] || { echo "1..0 # SKIP nginx is not installed"; exit 0; }
}

# A run of host ports for the VMs at a random base that nobody listens on now: 10000-19999 is
# below both t_free_port's range and the kernel's ephemeral ports (outgoing connections).
act_free_port_base() {
  local base p ok
  for _ in $(seq 50); do
    base=$(( 10000 + (RANDOM % 99) * 100 )); ok=1
    for ((p = base; p < base + 20; p++)); do
      ss -Hltn "sport = :$p" 2>/dev/null | grep -q . && { ok=0; break; }
    done
    [ $ok = 1 ] && { echo "$base"; return 0; }
  done
  return 1
}

# A free port below the kernel's ephemeral range (outgoing connections cannot take it meanwhile).
act_free_port() {
  local p
  for _ in $(seq 200); do
    p=$(( 20000 + RANDOM % 12000 ))
    ss -Hltn "sport = :$p" 2>/dev/null | grep -q . && continue
    echo "$p"; return 0
  done
  return 1
}

# act_config [YAML lines appended at the top level]: the policy never moves the count on its own
# (no traffic, missing metrics hold); tests set it with `snowscalectl scale`.
act_config() {
  ACT_API_PORT=$(act_free_port); ACT_LB_PORT=$(act_free_port); ACT_FRONT_PORT=$(act_free_port)
  ACT_PORT_BASE=$(act_free_port_base)
  ACT_API=http://127.0.0.1:$ACT_API_PORT
  ACT_LB=http://127.0.0.1:$ACT_LB_PORT
  ACT_FRONT=http://127.0.0.1:$ACT_FRONT_PORT
  local drv_boot=${ACT_BOOT:-clone} ready=${ACT_READY_TIMEOUT:-40s} serve=${ACT_PARENT_SERVE:-true}
  cat >"$ACT_CFG" <<EOF
pool: web
mode: active
service:
  front_listen: 127.0.0.1:$ACT_FRONT_PORT
api:
  listen: 127.0.0.1:$ACT_API_PORT
  token: $ACT_TOKEN
state_dir: $ACT_STATE
log_level: debug
tick: 500ms
driver:
  kind: qemu
  accel: tcg
  boot: $drv_boot
  kernel: $ROOT/build/guest/vmlinuz
  initrd: $ROOT/build/guest/initrd.gz
  memory: 256M
  vcpus: 1
  port_base: $ACT_PORT_BASE
  ready_timeout: $ready
lb:
  listen: 127.0.0.1:$ACT_LB_PORT
  health_interval: 100ms
  health_attempts: 100
  coalesce: 50ms
  min_reload_interval: 100ms
parent:
  serve: $serve
  warmup_urls: ["/item/1", "/item/2"]
clones:
  max_consecutive_failures: ${ACT_MAX_FAILURES:-3}
  backoff: ${ACT_BACKOFF:-1s}
policy:
  metric: p95_latency
  target: 150ms
  min_clones: 1
  max_clones: 8
  scale_down:
    drain_timeout: 2s
EOF
  local l
  for l in "$@"; do echo "$l" >>"$ACT_CFG"; done
}

# _act_up PID URL: the daemon answers, or it died (then stop waiting at once).
_act_up() { kill -0 "$1" 2>/dev/null || return 0; curl -sf -m 2 -o /dev/null "$2"; }

act_start_lb() {
  local try np
  for try in 1 2 3; do
    t_spawn lb "$BIN/snowscale-lb" --config "$ACT_CFG" --log-level debug
    ACT_LB_PID=$T_PID
    t_wait_for 20 _act_up "$ACT_LB_PID" "$ACT_LB/healthz"
    curl -sf -m 2 -o /dev/null "$ACT_LB/healthz" && return 0
    # Another program took one of our ports meanwhile: new ports, once more.
    t_diag "snowscale-lb did not come up (try $try): $(tail -1 "$T_DIR/lb.log")"
    kill -KILL "$ACT_LB_PID" 2>/dev/null; wait "$ACT_LB_PID" 2>/dev/null
    np=$(act_free_port); sed -i "s/127.0.0.1:$ACT_FRONT_PORT\$/127.0.0.1:$np/" "$ACT_CFG"
    ACT_FRONT_PORT=$np; ACT_FRONT=http://127.0.0.1:$np
    np=$(act_free_port); sed -i "s/127.0.0.1:$ACT_LB_PORT\$/127.0.0.1:$np/" "$ACT_CFG"
    ACT_LB_PORT=$np; ACT_LB=http://127.0.0.1:$np
  done
  t_bail "snowscale-lb did not come up (log: $(tail -3 "$T_DIR/lb.log"))"
}

# act_start_scaled [ENV=VALUE...]: (re)start snowscaled; its log accumulates in scaled.log.
act_start_scaled() {
  env "$@" "$BIN/snowscaled" --config "$ACT_CFG" --foreground >>"$T_DIR/scaled.log" 2>&1 &
  ACT_SCALED_PID=$!; T_PIDS+=("$ACT_SCALED_PID")
  t_wait_for 20 _act_up "$ACT_SCALED_PID" "$ACT_API/healthz"
  curl -sf -m 2 -o /dev/null "$ACT_API/healthz" || t_bail "snowscaled did not come up (log: $(tail -3 "$T_DIR/scaled.log"))"
}

# Every QEMU of this test (parent and clones) is stopped at exit, whatever happened. snowscaled
# goes first: alive, it would boot a new parent as soon as it saw this one killed.
act_kill_vms() {
  local f pid
  if [ -n "${ACT_SCALED_PID:-}" ] && kill -0 "$ACT_SCALED_PID" 2>/dev/null; then
    kill -TERM "$ACT_SCALED_PID" 2>/dev/null
    for _ in $(seq 100); do kill -0 "$ACT_SCALED_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$ACT_SCALED_PID" 2>/dev/null
  fi
  for f in "$ACT_STATE"/parent/qemu.pid "$ACT_STATE"/clones/*/qemu.pid "$ACT_STATE"/cold/*/qemu.pid; do
    [ -f "$f" ] || continue
    pid=$(cat "$f" 2>/dev/null)
    [ -n "$pid" ] && grep -qs "$ACT_STATE" "/proc/$pid/cmdline" && kill -KILL "$pid" 2>/dev/null
  done
  return 0
}
t_cleanup act_kill_vms

act_status() { curl -s -m 5 "$ACT_API/api/v1/status"; }
act_clones() { curl -s -m 5 "$ACT_API/api/v1/clones"; }
# Every event so far as one {"events":[...]} document (the API pages by 1000).
act_events() {
  local since=0 page n
  while :; do
    page=$(curl -s -m 5 "$ACT_API/api/v1/events?since=$since&limit=1000") || break
    n=$(jq '.events | length' <<<"$page" 2>/dev/null) || break
    [ "${n:-0}" -gt 0 ] || break
    jq -c '.events[]' <<<"$page"
    since=$(jq '.next' <<<"$page")
    [ "$n" -lt 1000 ] && break
  done | jq -s '{events: .}'
}

# act_scale N: the operator's command (snowscalectl), else the API it wraps.
act_scale() {
  if [ -x "$BIN/snowscalectl" ] && "$BIN/snowscalectl" --help 2>&1 | grep -q scale; then
    "$BIN/snowscalectl" --url "$ACT_API" --token "$ACT_TOKEN" scale "$1" >/dev/null
  else
    curl -sf -m 5 -X POST -H "Authorization: Bearer $ACT_TOKEN" -H 'Content-Type: application/json' \
      -d "{\"desired\":$1}" "$ACT_API/api/v1/scale" >/dev/null
  fi
}

# The clones in state S (ids, sorted).
act_ids_in() { act_clones | jq -r --arg s "$1" '.clones[] | select(.state == $s) | .id' | sort; }
act_count_in() { act_ids_in "$1" | grep -c . ; }

_act_serving_settled() {
  local want=$1 s
  s=$(act_status) || return 1
  [ "$(jq -r '.actual' <<<"$s")" = "$want" ] && [ "$(jq -r '.pending' <<<"$s")" = 0 ] &&
    [ "$(jq -r '.draining' <<<"$s")" = 0 ]
}
# act_wait_serving N SECONDS: until exactly N serve and nothing is pending or draining.
act_wait_serving() { t_wait_for "$2" _act_serving_settled "$1"; }

# Distinct workers answering /whoami through nginx in N requests (sorted, one per line).
act_front_workers() {
  local n=${1:-40}
  for _ in $(seq "$n"); do curl -s -m 3 "$ACT_FRONT/whoami"; echo; done |
    jq -r 'select(.clone_id != null) | .clone_id' 2>/dev/null | sort -u
}

# Backends snowscale-lb has active (ids, sorted).
act_lb_active() { curl -s -m 5 "$ACT_LB/v1/backends" | jq -r '.backends[] | select(.state == "active") | .id' | sort; }

# The "to" states of clone ID's lifecycle events, in order, space separated.
act_trail() {
  act_events | jq -r --arg id "$1" \
    '.events[] | select(.kind == "clone" and .data != null and .data.id == $id and .data.to != null) | .data.to' |
    tr '\n' ' ' | sed 's/ $//'
}

# QEMU processes of this test that run now, by the name the driver gives them (parent, c1, ...),
# sorted. Found from the process table, not from any file snowscale keeps.
act_running_vms() {
  local pid
  for pid in $(pgrep qemu-system 2>/dev/null); do
    tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "^.*$ACT_STATE" || continue
    tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -A1 -x -- '-name' | tail -1 | sed 's/^snowscale-//'
  done | sort -u
}
