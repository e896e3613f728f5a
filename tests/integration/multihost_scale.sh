#!/bin/bash
# A multi-host pool on real parts: three worker hosts as network namespaces, each with its own
# snowscale-hostd, clone bridge and QEMU clones; a front namespace with nginx + snowscale-lb +
# snowscaled and the parent VM; routed per-host subnets. Under HTTP load through nginx: scale to
# 6 clones, spread 2-2-2 over the hosts; every clone answers on its own address in its host's
# subnet and through nginx; the API, snowscalectl and the store name each clone's host. Then host
# h2's hostd and its VMs are killed: after cluster.host_timeout its clones are lost, out of
# nginx, and replaced on h1 and h3 (3 each, their max_clones); nginx sends nothing to the dead.
. "$(dirname "$0")/multihost_appliance.sh"

mh_certs
mh_backbone
for k in 1 2 3; do mh_host "$k"; mh_hostd "$k"; done

ACT_READY_TIMEOUT=60s act_config
sed -i 's/^  memory: 256M$/  memory: 128M/' "$ACT_CFG"     # small guests: TCG is slow enough
mh_config
act_start_lb
act_start_scaled
t_wait_for 20 bash -c "[ \"\$(curl -s -m 3 $ACT_API/api/v1/hosts | jq '[.hosts[] | select(.healthy)] | length')\" = 3 ]"
t_is "$(curl -s -m 3 "$ACT_API/api/v1/hosts" | jq -r '[.hosts[] | select(.healthy) | .name] | join(" ")')" "h1 h2 h3" \
  "snowscaled sees the three hosts healthy"

# HTTP load through nginx for the whole test: one request every ~50 ms, status and worker logged.
load() {
  while :; do
    curl -s -m 5 -o "$T_DIR/load.body" -w '%{http_code}\n' "$ACT_FRONT/whoami" >>"$T_DIR/load.codes" 2>/dev/null
    jq -r '.clone_id // "parent"' "$T_DIR/load.body" 2>/dev/null >>"$T_DIR/load.who"
    sleep 0.05
  done
}
t_wait_http "$ACT_FRONT/whoami" 60 || t_bail "the front does not serve (parent): $(tail -3 "$T_DIR/scaled.log")"
load & LOAD_PID=$!; T_PIDS+=("$LOAD_PID")

t0=$SECONDS
act_scale 6
act_wait_serving 6 150 || t_bail "6 clones did not serve within 150 s: $(act_clones | jq -c '[.clones[] | {id,host,state,reason}]')"
t_ok "6 clones serve across the hosts ($((SECONDS - t0)) s under TCG)"
clones=$(act_clones)
t_is "$(jq -r '[.clones[] | select(.state == "serving") | .host] | sort | group_by(.) | map("\(.[0])=\(length)") | join(" ")' <<<"$clones")" \
  "h1=2 h2=2 h3=2" "placement: spread puts 2 clones on each host"
bad=0
while read -r id host addr; do
  k=${host#h}; ip=${addr%:*}
  [[ "$ip" == 10.$MH_NET.$k.* ]] || { t_diag "$id on $host has $addr, not in 10.$MH_NET.$k.0/24"; bad=1; }
  who=$(curl -s -m 10 "http://$addr/whoami" | jq -r .clone_id 2>/dev/null)
  [ "$who" = "$id" ] || { t_diag "$id at $addr answered as '$who'"; bad=1; }
done < <(jq -r '.clones[] | select(.state == "serving") | "\(.id) \(.host) \(.address)"' <<<"$clones")
t_is "$bad" 0 "every clone answers /whoami as itself on its address in its host's routed subnet"
seen=$(act_front_workers 80 | tr '\n' ' ')
want=$(jq -r '[.clones[] | select(.state == "serving") | .id] | sort | join(" ")' <<<"$clones")
t_check "nginx sends traffic to every clone ($seen)" bash -c "for w in $want; do grep -qw \$w <<<'$seen' || exit 1; done"
t_like "$("$BIN/snowscalectl" --url "$ACT_API" clones 2>&1)" "HOST.*" "snowscalectl clones has a HOST column"
t_like "$("$BIN/snowscalectl" --url "$ACT_API" clones 2>&1 | grep -c ' h[123] ')" "^6$" "snowscalectl clones shows each clone's host"
t_is "$(sqlite3 "$ACT_STATE/snowscale.db" "SELECT count(DISTINCT host) FROM clones WHERE state = 'serving'")" 3 \
  "the store records each clone's host"
for k in 1 2 3; do
  t_is "$(mh_host_vms "$k" | grep -c .)" 2 "host h$k runs 2 QEMU clones of its own"
done

# --- host h2 dies (hostd and its VMs) ----------------------------------------------------------
dead=$(jq -r '[.clones[] | select(.state == "serving" and .host == "h2") | .id] | join(" ")' <<<"$clones")
t_diag "killing host h2 (hostd + VMs of $dead)"
mh_kill_host 2
t1=$SECONDS
t_wait_for 30 grep -q "host h2: lost" "$T_DIR/scaled.log"
t_like "$(grep 'host h2: lost' "$T_DIR/scaled.log" | head -1)" "lost: no good answer for 3.0 s" \
  "snowscaled declares h2 lost after cluster.host_timeout, in one log line"
replaced() {
  local c; c=$(act_clones)
  [ "$(jq '[.clones[] | select(.state == "serving")] | length' <<<"$c")" = 6 ] &&
    [ "$(jq '[.clones[] | select(.state == "serving" and .host == "h2")] | length' <<<"$c")" = 0 ] &&
    [ "$(jq '.pending' <<<"$(act_status)")" = 0 ]
}
t_wait_for 150 replaced || t_bail "h2's clones were not replaced: $(act_clones | jq -c '[.clones[] | {id,host,state}]')"
t_ok "h2's clones are replaced elsewhere: 6 serve again ($((SECONDS - t1)) s after the kill)"
clones=$(act_clones)
t_is "$(jq -r '[.clones[] | select(.state == "serving") | .host] | sort | group_by(.) | map("\(.[0])=\(length)") | join(" ")' <<<"$clones")" \
  "h1=3 h3=3" "the replacements fill h1 and h3 up to their max_clones"
for id in $dead; do
  t_like "$(jq -r --arg id "$id" '.clones[] | select(.id == $id) | "\(.state): \(.reason)"' <<<"$clones")" \
    "^failed: lost: host h2 stopped answering" "$id is marked lost with the reason"
done
active=$(act_lb_active | tr '\n' ' ')
t_check "snowscale-lb no longer has h2's clones ($active)" bash -c "for d in $dead; do grep -qw \$d <<<'$active' && exit 1; done; exit 0"
: >"$T_DIR/load.who.after"; n0=$(wc -l <"$T_DIR/load.who")
sleep 5
tail -n +"$((n0 + 1))" "$T_DIR/load.who" >"$T_DIR/load.who.after"
t_check "nginx sends nothing to h2's dead clones ($(sort -u "$T_DIR/load.who.after" | tr '\n' ' '))" \
  bash -c "for d in $dead; do grep -qx \$d '$T_DIR/load.who.after' && exit 1; done; exit 0"
t_like "$(curl -s -m 3 "$ACT_API/api/v1/hosts" | jq -r '.hosts[] | select(.name == "h2") | "\(.healthy) \(.clones)"')" \
  "^false 0$" "/api/v1/hosts: h2 unhealthy with no clones placed"
kill "$LOAD_PID" 2>/dev/null; wait "$LOAD_PID" 2>/dev/null
total=$(grep -c . "$T_DIR/load.codes"); ok=$(grep -c '^200$' "$T_DIR/load.codes")
t_diag "load: $ok of $total requests through nginx answered 200"
t_check "the load was served throughout ($ok of $total requests 200, at most 5% lost to the kill)" \
  awk -v o="$ok" -v t="$total" 'BEGIN{exit !(t > 50 && o >= t * 0.95)}'
t_done
