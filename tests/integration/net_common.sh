# shellcheck shell=bash
# Shared by tests/integration/net_bridge.sh and bench/identity.sh (sourced): the bridge network
# runs inside a network namespace made for the run, so the bridge, the taps, nginx, snowscale-lb,
# snowscaled and every QEMU see only that namespace and nothing leaves it.
#
#   net_enter_ns "$0" "$@"    # re-runs the calling script inside a fresh namespace (then exits)
#   act_config; net_config    # adds network: bridge to $ACT_CFG
NET_BR=ssbr0
NET_SUBNET=10.77.0.0/24

# net_enter_ns SCRIPT ARGS...: outside the namespace, make it, run SCRIPT inside with
# NET_IN_NS=1, remove it, exit with SCRIPT's status. Inside, returns at once.
net_enter_ns() {
  [ "${NET_IN_NS:-0}" = 1 ] && return 0
  local script=$1 ns rc; shift
  if [ "$(id -u)" != 0 ] || ! command -v ip >/dev/null; then
    echo "1..0 # SKIP needs root and iproute2 for a network namespace"; exit 0
  fi
  ns=ssnet-$$
  ip netns add "$ns" || { echo "1..0 # SKIP cannot create a network namespace"; exit 0; }
  ip -n "$ns" link set lo up
  ip netns exec "$ns" env NET_IN_NS=1 NET_NS="$ns" bash "$script" "$@"
  rc=$?
  # a QEMU left behind would keep its tap (and the namespace's interfaces) alive
  for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null; done
  ip netns del "$ns"
  exit $rc
}

# net_require: skips the test (TAP "1..0 # SKIP") without what every bridged test needs past
# act_require: sqlite3 to read the store's address plan, and /dev/net/tun for the taps.
net_require() {
  command -v sqlite3 >/dev/null || { echo "1..0 # SKIP sqlite3 is not installed"; exit 0; }
  [ -c /dev/net/tun ] || { echo "1..0 # SKIP /dev/net/tun is missing"; exit 0; }
}

# net_config [create=true]: the bridge network in $ACT_CFG (7 workers fit with room to spare).
net_config() {
  cat >>"$ACT_CFG" <<EOF2
network:
  mode: bridge
  bridge: $NET_BR
  create: ${1:-true}
  subnet: $NET_SUBNET
  gateway: 10.77.0.1
  range: ${NET_RANGE:-10.77.0.10-10.77.0.40}
EOF2
}

# The address plan in the store: "IP OWNER MAC" lines, sorted by owner.
net_store_addrs() {
  sqlite3 -separator ' ' "$ACT_STATE/snowscale.db" \
    "SELECT printf('%d.%d.%d.%d', ip>>24, (ip>>16)&255, (ip>>8)&255, ip&255), owner, mac FROM addresses ORDER BY owner"
}

# "ID ADDRESS" of serving clones (and the parent, with its plan address).
net_serving() {
  act_clones | jq -r '.clones[] | select(.state == "serving") | "\(.id) \(.address)"' | sort
}
