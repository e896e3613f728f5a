#!/bin/bash
# Bridged networking with a real identity per clone, on real parts inside a network namespace
# made for the test: snowscale creates the bridge, a tap per VM, and gives every clone its own
# MAC, IPv4 address and hostname (applied by the guest agent before the clone counts as ready)
# and fresh entropy. Checks: each of 6 clones and the parent answers /whoami on its own address
# with its own hostname; 16 bytes of /random all differ; the bridge's FDB and the neighbour table
# hold no MAC or IP twice and agree with the address plan; nginx (snowscale-lb's front) serves
# through all of them; kill -9 of snowscaled mid-scale-out and a restart leave no address held
# twice or leaked (the store's plan equals the live VMs). Bad input: a missing bridge with
# create: false stops snowscaled at start with the reason.
. "$(dirname "$0")/net_common.sh"
net_enter_ns "$0" "$@"
. "$(dirname "$0")/actuator_common.sh"
act_require
net_require
command -v bridge >/dev/null || { echo "1..0 # SKIP iproute2's bridge tool is missing"; exit 0; }

ACT_READY_TIMEOUT=60s act_config
sed -i 's/max_clones: 8/max_clones: 10/' "$ACT_CFG"

# --- bad input: the bridge must exist when snowscale is not to create it ---------------------
net_config false
"$BIN/snowscaled" --config "$ACT_CFG" --foreground >"$T_DIR/nobridge.log" 2>&1 &
pid=$!
t_wait_for 20 bash -c "! kill -0 $pid 2>/dev/null"
if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid"; t_fail "snowscaled without its bridge stops at start"
else t_ok "snowscaled without its bridge stops at start"; fi
wait "$pid" 2>/dev/null
t_like "$(cat "$T_DIR/nobridge.log")" "network.bridge $NET_BR does not exist and network.create is false" \
  "the reason names the missing bridge and the key"
t_is "$(ip link show "$NET_BR" 2>/dev/null | grep -c .)" 0 "nothing was created"
sed -i 's/^  create: false$/  create: true/' "$ACT_CFG"

# --- 6 clones and the parent on the bridge ---------------------------------------------------
act_start_lb
act_start_scaled
t_check "snowscale created the bridge with the gateway address" \
  bash -c "ip -4 addr show dev $NET_BR | grep -q 'inet 10.77.0.1/24'"
# /random of each worker the moment it serves (the parent as soon as it answers)
declare -A rnd_of
act_scale 6
end=$((SECONDS + 150))
while [ $SECONDS -le $end ]; do
  while read -r id addr; do
    [ -n "$id" ] && [ -z "${rnd_of[$id]:-}" ] && rnd_of[$id]=$(curl -sf -m 5 "http://$addr/random")
  done < <(echo "parent 10.77.0.10:80"; net_serving)
  _act_serving_settled 6 && [ "${#rnd_of[@]}" -ge 7 ] && break
  sleep 0.2
done
_act_serving_settled 6 || t_bail "6 clones did not serve within 150 s (log: $(tail -3 "$T_DIR/scaled.log"))"
t_ok "6 clones serve"

mapfile -t serving < <(net_serving)
workers=("parent 10.77.0.10:80")
for l in "${serving[@]}"; do workers+=("$l"); done
t_is "${#workers[@]}" 7 "7 workers: the parent and 6 clones"
randoms=(); ips=(); bad=0
for w in "${workers[@]}"; do
  id=${w%% *}; addr=${w#* }; ip=${addr%:*}
  ips+=("$ip")
  who=$(curl -s -m 5 "http://$addr/whoami")
  randoms+=("${rnd_of[$id]:-}")
  want_host=worker-$id; [ "$id" = parent ] && want_host=sfworker
  if [ "$(jq -r .clone_id <<<"$who")" != "$id" ] || [ "$(jq -r .hostname <<<"$who")" != "$want_host" ]; then
    t_diag "$id at $addr answered $who"; bad=$((bad + 1))
  fi
done
t_is "$bad" 0 "every worker answers /whoami on its own address with its own id and hostname"
t_is "$(printf '%s\n' "${ips[@]}" | sort -u | grep -c '^10\.77\.0\.')" 7 "7 distinct addresses from the plan"
t_is "$(printf '%s\n' "${randoms[@]}" | grep -cE '^[0-9a-f]{32}$')" 7 "16 random bytes from each, read as it began to serve"
t_is "$(printf '%s\n' "${randoms[@]}" | sort -u | grep -c .)" 7 "no two workers return the same random bytes"

# The plan, the neighbour table and the bridge's FDB agree, and none holds anything twice.
plan=$(net_store_addrs)
t_is "$(grep -c . <<<"$plan")" 7 "the address plan holds 7 addresses"
t_is "$(awk '{print $3}' <<<"$plan" | sort -u | grep -c .)" 7 "7 distinct MACs in the plan"
for ip in "${ips[@]}"; do ping -c 1 -W 2 "$ip" >/dev/null 2>&1; done
neigh=$(ip neigh show dev "$NET_BR" | awk '$1 ~ /^10\.77\.0\./ && $2 == "lladdr" {print $1, $3}')
t_is "$(grep -c . <<<"$neigh")" 7 "the host's neighbour table knows all 7 workers"
t_is "$(awk '{print $1}' <<<"$neigh" | sort | uniq -d | grep -c .)" 0 "no IP twice in the neighbour table"
t_is "$(awk '{print $2}' <<<"$neigh" | sort | uniq -d | grep -c .)" 0 "no MAC twice in the neighbour table"
mismatch=0; seen=0
while read -r ip owner mac; do
  seen=$((seen + 1))
  got=$(awk -v ip="$ip" '$1 == ip {print $2}' <<<"$neigh")
  [ "$got" = "$mac" ] || { t_diag "$owner $ip: plan $mac, neighbour table '${got}'"; mismatch=$((mismatch + 1)); }
done <<<"$plan"
t_is "$mismatch/$seen" "0/7" "each address answers with the MAC the plan gave it"
fdb=$(bridge fdb show br "$NET_BR" | awk '$0 !~ /permanent/ && $0 ~ /master/ {print $1, $3}')
t_is "$(awk '{print $1}' <<<"$fdb" | sort | uniq -d | grep -c .)" 0 "no MAC on two ports of the bridge"
missing=0; seen=0
while read -r ip owner mac; do
  seen=$((seen + 1))
  grep -qx "$mac sst$owner" <<<"$fdb" || { t_diag "$owner $mac: fdb says '$(grep "^$mac " <<<"$fdb")'"; missing=$((missing + 1)); }
done <<<"$plan"
t_is "$missing/$seen" "0/7" "every planned MAC is learnt on the bridge, on its own VM's tap"
t_is "$(grep -c '^52:54:00:12:34:56 ' <<<"$fdb")" 0 "QEMU's default MAC is nowhere on the bridge"

# nginx (the front, through snowscale-lb) serves through all of them.
front=$(act_front_workers 120 | tr '\n' ' ')
t_is "$(wc -w <<<"$front")" 7 "nginx serves through all 7 workers ($front)"

# --- kill -9 mid-scale-out, restart: no address twice, none leaked ---------------------------
act_scale 9
t_wait_for 60 bash -c "[ \$(sqlite3 '$ACT_STATE/snowscale.db' 'SELECT COUNT(*) FROM addresses') -gt 7 ]"
kill -KILL "$ACT_SCALED_PID"; wait "$ACT_SCALED_PID" 2>/dev/null
t_diag "killed snowscaled with $(sqlite3 "$ACT_STATE/snowscale.db" 'SELECT COUNT(*) FROM addresses') addresses held"
act_start_scaled
act_wait_serving 9 180 || t_fail "9 clones serve after the restart"
plan=$(net_store_addrs)
t_is "$(awk '{print $1}' <<<"$plan" | sort | uniq -d | grep -c .)" 0 "no address held twice after the restart"
t_is "$(awk '{print $2}' <<<"$plan" | sort -u | tr '\n' ' ')" "$(act_running_vms | tr '\n' ' ')" \
  "the plan's holders are exactly the live VMs (nothing leaked)"
live=$( (echo parent; act_clones | jq -r '.clones[] | select(.state == "serving" or .state == "checking" or .state == "resuming" or .state == "cloning") | .id') | sort -u | tr '\n' ' ')
t_is "$(awk '{print $2}' <<<"$plan" | sort -u | tr '\n' ' ')" "$live" "the plan's holders are exactly the live clones in the store"

# Scale back in: retired clones give their addresses back.
act_scale 2
act_wait_serving 2 90 || t_fail "the pool shrinks to 2"
t_is "$(net_store_addrs | grep -c .)" 3 "after retiring, the plan holds the parent's and 2 clones' addresses"
t_done
