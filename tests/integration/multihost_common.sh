# shellcheck shell=bash
# Shared by the multihost_* tests (sourced): a multi-host pool on one machine. The script re-runs
# itself inside a "front" network namespace (nginx, snowscale-lb, snowscaled and the parent VM);
# each worker host is a namespace of its own with its clone bridge, reached from the front over a
# backbone bridge in the front namespace. Routed per-host subnets (docs/multihost.md): host K's
# clones live in 10.$MH_NET.K.0/24 behind its bridge (gateway .1), the front routes that subnet
# to host K's backbone address 10.$MH_NET.0.(10+K); hosts forward.
#
#   mh_enter_ns "$0" "$@"          # outside: make the front namespace, run the script in it
#   mh_certs                        # cluster CA + certificates (openssl, docs/multihost.md)
#   mh_host K                       # namespace, backbone link, bridge and routes of host K
#   mh_hostd K [CERT_PREFIX]        # starts host K's snowscale-hostd (sets MH_HOSTD_PID[K])
#   mh_config                       # hosts:/cluster: for $ACT_CFG (after act_config)

# mh_enter_ns SCRIPT ARGS...: as net_enter_ns, plus the host namespaces are removed at the end.
mh_enter_ns() {
  [ "${MH_IN_NS:-0}" = 1 ] && return 0
  local script=$1 ns rc h; shift
  if [ "$(id -u)" != 0 ] || ! command -v ip >/dev/null || ! command -v openssl >/dev/null; then
    echo "1..0 # SKIP needs root, iproute2 and openssl"; exit 0
  fi
  [ -c /dev/fuse ] && [ -c /dev/net/tun ] || { echo "1..0 # SKIP needs /dev/fuse and /dev/net/tun"; exit 0; }
  ns=mhf$$
  ip netns add "$ns" || { echo "1..0 # SKIP cannot create a network namespace"; exit 0; }
  ip -n "$ns" link set lo up
  ip netns exec "$ns" env MH_IN_NS=1 MH_FRONT="$ns" MH_ID=$$ bash "$script" "$@"
  rc=$?
  for h in "$ns" mhh$$-1 mhh$$-2 mhh$$-3; do
    for pid in $(ip netns pids "$h" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null; done
  done
  sleep 0.2
  for h in mhh$$-1 mhh$$-2 mhh$$-3 "$ns"; do ip netns del "$h" 2>/dev/null; done
  exit $rc
}

MH_NET=$(( (${MH_ID:-$$} % 150) + 100 ))        # 10.MH_NET.0.0/16 for this run
MH_BB=mhbb${MH_ID:-$$}
MH_BB=${MH_BB:0:15}
declare -A MH_HOSTD_PID MH_HOSTD_PORT
MH_CERTS=$T_DIR/tls

mh_front_ip() { echo "10.$MH_NET.0.1"; }
mh_host_ip() { echo "10.$MH_NET.0.$((10 + $1))"; }
mh_ns() { echo "mhh${MH_ID}-$1"; }
mh_br() { echo "mhbr$1"; }       # inside the host's own namespace: no clash with anybody's

# mh_ca NAME; mh_cert CA NAME IP: openssl, exactly as docs/multihost.md shows it
mh_ca() {
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 \
    -subj "/CN=$1" -keyout "$MH_CERTS/$1.key" -out "$MH_CERTS/$1.pem" 2>/dev/null
}
mh_cert() {
  local ca=$1 name=$2 ip=$3
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=$name" \
    -keyout "$MH_CERTS/$name.key" -out "$MH_CERTS/$name.csr" 2>/dev/null
  printf 'subjectAltName=IP:%s\nextendedKeyUsage=serverAuth,clientAuth\n' "$ip" >"$MH_CERTS/$name.ext"
  openssl x509 -req -in "$MH_CERTS/$name.csr" -CA "$MH_CERTS/$ca.pem" -CAkey "$MH_CERTS/$ca.key" \
    -CAcreateserial -days 825 -extfile "$MH_CERTS/$name.ext" -out "$MH_CERTS/$name.pem" 2>/dev/null
}
mh_certs() {
  mkdir -p "$MH_CERTS"
  mh_ca cluster-ca && mh_ca other-ca || t_bail "openssl cannot make a CA"
  mh_cert cluster-ca snowscaled "$(mh_front_ip)"
  for k in 1 2 3; do mh_cert cluster-ca "host$k" "$(mh_host_ip "$k")"; done
  mh_cert other-ca rogue3 "$(mh_host_ip 3)"       # a host certificate from another CA
  mh_cert other-ca rogue-client "$(mh_front_ip)"  # a client certificate from another CA
  printf 'multihost-test-cluster-secret-0123456789\n' >"$T_DIR/cluster.secret"
}

# The backbone: a bridge in the front namespace with the front's address (multicast snooping off:
# mcdist reaches every host whether or not the bridge heard its IGMP reports).
mh_backbone() {
  ip link add "$MH_BB" type bridge mcast_snooping 0 && ip link set "$MH_BB" up &&
    ip addr add "$(mh_front_ip)/24" dev "$MH_BB" || t_bail "cannot make the backbone bridge"
}

mh_host() {
  local k=$1 ns v
  ns=$(mh_ns "$k"); v=mhv${MH_ID}k$k; v=${v:0:13}
  ip netns add "$ns" || t_bail "ip netns add $ns"
  ip link add "${v}a" type veth peer name "${v}b" netns "$ns" || t_bail "veth for host $k"
  ip link set "${v}a" master "$MH_BB" up
  ip -n "$ns" link set lo up
  ip -n "$ns" addr add "$(mh_host_ip "$k")/24" dev "${v}b"
  ip -n "$ns" link set "${v}b" up
  ip -n "$ns" link add "$(mh_br "$k")" type bridge
  ip -n "$ns" addr add "10.$MH_NET.$k.1/24" dev "$(mh_br "$k")"
  ip -n "$ns" link set "$(mh_br "$k")" up
  ip netns exec "$ns" sysctl -qw net.ipv4.ip_forward=1
  ip route add "10.$MH_NET.$k.0/24" via "$(mh_host_ip "$k")" || t_bail "route to host $k"
}

# mh_hostd K [CERT] [PORT]: host K's hostd inside its namespace (own mount namespace: its memtaps'
# FUSE mounts and its QEMUs see each other). CERT: certificate name (default hostK).
mh_hostd() {
  local k=$1 cert=${2:-host$1} port=${3:-${MH_HOSTD_PORT[$1]:-8950}}
  MH_HOSTD_PORT[$k]=$port
  mkdir -p "$T_DIR/h$k"
  ip netns exec "$(mh_ns "$k")" "$BIN/snowscale-hostd" --name "h$k" --listen "$(mh_host_ip "$k"):$port" \
    --state-dir "$T_DIR/h$k" --secret-file "$T_DIR/cluster.secret" --ca "$MH_CERTS/cluster-ca.pem" \
    --cert "$MH_CERTS/$cert.pem" --key "$MH_CERTS/$cert.key" --log-level debug ${MH_HOSTD_ARGS:-} \
    >>"$T_DIR/hostd$k.log" 2>&1 &
  MH_HOSTD_PID[$k]=$!; T_PIDS+=("$!"); disown "$!"
  t_wait_for 10 grep -qs "listening on $(mh_host_ip "$k"):$port" "$T_DIR/hostd$k.log" ||
    t_bail "hostd $k did not start: $(tail -2 "$T_DIR/hostd$k.log")"
}

# The QEMUs hostd K started (pids), from their pid files.
mh_host_vms() {
  local f pid
  for f in "$T_DIR/h$1"/clones/*/qemu.pid; do
    [ -f "$f" ] || continue
    pid=$(cat "$f" 2>/dev/null)
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -qs "$T_DIR/h$1" "/proc/$pid/cmdline" && echo "$pid"
  done
}
mh_kill_host() {
  kill -KILL "${MH_HOSTD_PID[$1]}" 2>/dev/null
  for pid in $(mh_host_vms "$1"); do kill -KILL "$pid" 2>/dev/null; done
}
mh_kill_all() { for k in 1 2 3; do [ -n "${MH_HOSTD_PID[$k]:-}" ] && mh_kill_host "$k"; done; return 0; }

# mh_config [HOSTS...]: the parent's bridge in the front namespace (a clone restores the parent's
# devices: user-net state would not restore on a bridge) and the hosts (default 1 2 3; "3x" = host 3 on the rogue hostd's port 8951)
mh_config() {
  local k hosts=("${@:-1 2 3}")
  [ $# -eq 0 ] && hosts=(1 2 3)
  cat >>"$ACT_CFG" <<EOF2
network:
  mode: bridge
  bridge: mhfbr
  subnet: 10.$MH_NET.250.0/24
placement: spread
cluster:
  ca: $MH_CERTS/cluster-ca.pem
  cert: $MH_CERTS/snowscaled.pem
  key: $MH_CERTS/snowscaled.key
  memserver_listen: $(mh_front_ip):${MH_MS_PORT:-7440}
  secret_file: $T_DIR/cluster.secret
  host_timeout: ${MH_HOST_TIMEOUT:-3s}
hosts:
EOF2
  for k in "${hosts[@]}"; do
    local n=${k%x} port=8950
    [ "$k" != "$n" ] && port=8951
    cat >>"$ACT_CFG" <<EOF2
  - name: h$k
    address: $(mh_host_ip "$n"):$port
    max_clones: ${MH_MAX_CLONES:-3}
    memory: 1G
    network: { bridge: $(mh_br "$n"), subnet: 10.$MH_NET.$n.0/24 }
EOF2
  done
}
