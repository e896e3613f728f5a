#!/bin/bash
# BENCH identity: N clones (default 6) of one parent on the bridge network, inside a network
# namespace made for the run, on real snowscaled + QEMU (TCG here) + snowscale-lb + nginx. Right
# after each clone serves: its MAC (the host's neighbour table), its IPv4 address (the one it
# answers /whoami on) and 16 bytes of its /random. All distinct is the point.
#   BENCH identity clones=N unique_macs=N unique_ips=N distinct_random=N
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
N=${IDENTITY_BENCH_N:-6}
. "$HERE/../tests/integration/net_common.sh"
net_enter_ns "$0" "$@"
. "$HERE/../tests/integration/actuator_common.sh" >&2
act_require >&2
ACT_READY_TIMEOUT=120s act_config >&2
sed -i "s/max_clones: 8/max_clones: $((N > 8 ? N : 8))/" "$ACT_CFG"
net_config >&2
act_start_lb >&2
act_start_scaled >&2
act_scale "$N"
act_wait_serving "$N" 300 || { echo "# the pool never reached $N serving clones" >&2; exit 1; }
macs=(); ips=(); rnd=()
while read -r id addr; do
  ip=${addr%:*}
  who=$(curl -s -m 5 "http://$addr/whoami")
  [ "$(jq -r .clone_id <<<"$who" 2>/dev/null)" = "$id" ] && ips+=("$ip")
  rnd+=("$(curl -s -m 5 "http://$addr/random")")
  mac=$(ip neigh show "$ip" dev "$NET_BR" | awk '$2 == "lladdr" {print $3}')
  [ -n "$mac" ] && macs+=("$mac")
done < <(net_serving)
u() { printf '%s\n' "$@" | grep . | sort -u | grep -c .; }
echo "BENCH identity clones=$N unique_macs=$(u "${macs[@]}") unique_ips=$(u "${ips[@]}") distinct_random=$(u "${rnd[@]}")"
