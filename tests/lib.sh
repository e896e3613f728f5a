# shellcheck shell=bash
# Helpers for snowscale integration tests: TAP output, a temp dir per test, free loopback ports,
# processes started in the background and killed by pid at exit, waiting without sleep-guessing.
#
#   . "$(dirname "$0")/../lib.sh"
#   t_plan_begin
#   port=$(t_free_port); t_spawn mydaemon build/bin/x --listen 127.0.0.1:$port
#   t_wait_http "http://127.0.0.1:$port/healthz" 10 || t_bail "daemon did not come up"
#   t_is "$(curl -s ...)" "expected" "name of check"
#   t_done
set -uo pipefail
ROOT=${SNOWSCALE_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
BIN=$ROOT/build/bin
T_N=0; T_FAILED=0; T_PIDS=(); T_CLEANUP=()
T_KEEP=${T_KEEP:-0}

_t_exit() {
  local rc=$? i
  for ((i=${#T_CLEANUP[@]}-1; i>=0; i--)); do eval "${T_CLEANUP[$i]}" >/dev/null 2>&1 || true; done
  for pid in "${T_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${T_PIDS[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  if [ "$T_FAILED" -gt 0 ] || [ "$T_KEEP" = 1 ]; then echo "# test dir kept: $T_DIR"; else rm -rf "$T_DIR"; fi
  exit $rc
}
# T_LIB_NO_SETUP=1: only the helpers (t_free_port, t_wait_*), no test directory and no traps;
# for scripts that are not tests (bench/) and keep their own cleanup.
if [ "${T_LIB_NO_SETUP:-0}" != 1 ]; then
  T_DIR=$(mktemp -d "${TMPDIR:-/tmp}/snowscale-test.XXXXXX")
  trap _t_exit EXIT
  trap 'exit 130' INT TERM
fi

t_ok()   { T_N=$((T_N+1)); echo "ok $T_N - $*"; }
t_fail() { T_N=$((T_N+1)); T_FAILED=$((T_FAILED+1)); echo "not ok $T_N - $*"; }
t_diag() { echo "# $*"; }
# t_check NAME CMD...: ok when CMD succeeds
t_check() { local n=$1; shift; if "$@"; then t_ok "$n"; else t_fail "$n"; fi; }
# t_is GOT WANT NAME
t_is() { if [ "$1" == "$2" ]; then t_ok "$3"; else t_fail "$3 (got '$1', want '$2')"; fi; }
# t_like GOT REGEX NAME
t_like() { if [[ "$1" =~ $2 ]]; then t_ok "$3"; else t_fail "$3 (got '$1', want /$2/)"; fi; }
# t_bail REASON: a failure that makes the rest meaningless
t_bail() { t_fail "$*"; exit 1; }
t_done() { echo "1..$T_N"; [ "$T_FAILED" -eq 0 ]; }
t_cleanup() { T_CLEANUP+=("$*"); }

# A TCP port on 127.0.0.1 nobody listens on now (random, checked with ss).
# Below the kernel's ephemeral range (ip_local_port_range, 32768.. by default): a port there can be
# taken at any moment by somebody's outgoing connection, which makes a later listen() fail.
t_free_port() {
  local p lo
  lo=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null); lo=${lo:-32768}
  [ "$lo" -gt 22000 ] || lo=32768
  for _ in $(seq 200); do
    p=$(( 20000 + RANDOM % (lo - 20000) ))   # 10000-19999: VM port runs (actuator_common.sh)
    ss -Htan "sport = :$p" 2>/dev/null | grep -q . && continue
    echo "$p"; return 0
  done
  return 1
}

# t_free_port_run N: a base port with N more free ports after it (for VMs that take a port each)
t_free_port_run() {
  local p i lo
  lo=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null); lo=${lo:-32768}
  [ "$lo" -gt 22000 ] || lo=32768
  for _ in $(seq 200); do
    p=$(( 20000 + RANDOM % (lo - 20000 - $1) ))
    for i in $(seq 0 "$1"); do ss -Htan "sport = :$((p+i))" 2>/dev/null | grep -q . && continue 2; done
    echo "$p"; return 0
  done
  return 1
}

# t_observe_cfg FILE [KEY=VALUE...]: an observe-mode (no VMs) snowscaled config for pool "web" with
# its API on 127.0.0.1:$port and $TOKEN, the shape the scaler tests start from. Keys: tick (100ms),
# max_clones (8), state_dir (state), metric (p95_latency) and min_clones (1), both left out when
# empty; api_extra and top_extra: one more YAML line under api: and at the top.
t_observe_cfg() {
  local file=$1 kv tick=100ms max_clones=8 state_dir=state metric=p95_latency min_clones=1 api_extra= top_extra=
  shift
  for kv in "$@"; do
    case ${kv%%=*} in
      tick|max_clones|state_dir|metric|min_clones|api_extra|top_extra) local "${kv%%=*}=${kv#*=}" ;;
      *) t_bail "t_observe_cfg: unknown key in '$kv'" ;;
    esac
  done
  {
    printf 'pool: web\nmode: observe\napi:\n  listen: 127.0.0.1:%s\n  token: %s\n' "$port" "$TOKEN"
    [ -z "$api_extra" ] || printf '  %s\n' "$api_extra"
    printf 'state_dir: %s\n' "$state_dir"
    [ -z "$top_extra" ] || printf '%s\n' "$top_extra"
    printf 'tick: %s\npolicy:\n' "$tick"
    [ -z "$metric" ] || printf '  metric: %s\n' "$metric"
    printf '  target: 150ms\n'
    [ -z "$min_clones" ] || printf '  min_clones: %s\n' "$min_clones"
    printf '  max_clones: %s\n' "$max_clones"
  } >"$file"
}

# t_start_scaled NAME CONFIG WRITER [snowscaled options]: snowscaled --config CONFIG --foreground
# on a free loopback port ($SCALED, else build/bin/snowscaled). WRITER, a command run with eval,
# writes CONFIG using $port. A port somebody takes between the check and the bind gets another
# try (3 in all). Sets port, URL and T_PID; bails if the daemon does not come up.
t_start_scaled() {
  local name=$1 cfg=$2 writer=$3 attempt; shift 3
  for attempt in 1 2 3; do
    port=$(t_free_port) || t_bail "no free port"
    URL=http://127.0.0.1:$port
    eval "$writer"
    t_spawn "$name" "${SCALED:-$BIN/snowscaled}" --config "$cfg" --foreground "$@"
    t_wait_http "$URL/healthz" 10 && return 0
    grep -q 'cannot listen' "$T_DIR/$name.log" || { cat "$T_DIR/$name.log"; t_bail "snowscaled did not come up"; }
    t_diag "port $port taken meanwhile; another one"
  done
  t_bail "snowscaled did not come up: 3 ports were taken"
}

# t_spawn NAME CMD...: start CMD in the background, output to $T_DIR/NAME.log; sets T_PID.
t_spawn() {
  local n=$1; shift
  "$@" >"$T_DIR/$n.log" 2>&1 &
  T_PID=$!; T_PIDS+=("$T_PID")
}

# t_wait_http URL SECONDS [EXPECTED_STATUS]: poll until URL answers (default any 2xx).
t_wait_http() {
  local url=$1 secs=$2 want=${3:-2..} code end=$((SECONDS + $2))
  while [ $SECONDS -le $end ]; do
    code=$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$url" 2>/dev/null)
    [[ "$code" =~ ^$want$ ]] && return 0
    sleep 0.1
  done
  return 1
}

# t_wait_for SECONDS CMD...: poll until CMD succeeds.
t_wait_for() {
  local end=$((SECONDS + $1)); shift
  while [ $SECONDS -le $end ]; do "$@" && return 0; sleep 0.1; done
  return 1
}
