#!/bin/bash
# A snowscaled restart keeps the clones other hosts run: two worker hosts (network namespaces, a
# hostd each), 2 clones spread 1-1, their memory complete. snowscaled is killed (-9) and started
# again: it adopts both (same ids, same VMs on the hosts, no new clone), nginx serves through
# them again, and they keep their addresses. Killed once more, with h2's VM killed while it is
# down: the clone on h1 is adopted, the one on h2 is failed as vanished and replaced, and the VMs
# on the hosts are exactly the serving clones.
. "$(dirname "$0")/multihost_appliance.sh"

mh_pool_two
act_scale 2
act_wait_serving 2 150 || t_bail "2 clones did not serve: $(act_clones | jq -c '[.clones[] | {id,host,state,reason}]')"
# background completion done: the bytes fetched stop growing (every non-zero page is there)
fetched() { act_clones | jq -c '[.clones[] | select(.state == "serving") | .fetch.bytes]'; }
complete() { local a; a=$(fetched); sleep 3; [ "$(fetched)" = "$a" ]; }
t_wait_for 90 complete || t_bail "the clones' memory did not complete: $(act_clones | jq -c '[.clones[] | {id,fetch}]')"
serving_ids() { act_clones | jq -r '[.clones[] | select(.state == "serving") | "\(.id)@\(.host)=\(.address)"] | sort | join(" ")'; }
before=$(serving_ids)
vms_before="$(mh_host_vms 1) $(mh_host_vms 2)"
t_diag "serving before the restart: $before (VMs $vms_before)"
next_id() { sqlite3 "$ACT_STATE/snowscale.db" "SELECT MAX(CAST(SUBSTR(id, 2) AS INTEGER)) FROM clones"; }
last=$(next_id)

# --- kill -9 and restart: both adopted ------------------------------------------------------
kill -KILL "$ACT_SCALED_PID"; wait "$ACT_SCALED_PID" 2>/dev/null
act_start_scaled
t_wait_for 30 grep -q "recovered after a restart" "$T_DIR/scaled.log" ||
  t_bail "no recovery summary: $(tail -3 "$T_DIR/scaled.log")"
t_like "$(grep "recovered after a restart" "$T_DIR/scaled.log" | tail -1)" "2 clones adopted, 0 orphan VMs destroyed, 0 clones vanished" \
  "the restart adopts both remote clones"
act_wait_serving 2 60 || t_fail "2 clones serve after the restart"
t_is "$(serving_ids)" "$before" "the same clones serve, on the same hosts, at the same addresses"
t_is "$(mh_host_vms 1) $(mh_host_vms 2)" "$vms_before" "the same VMs run on the hosts (none destroyed, none added)"
t_is "$(next_id)" "$last" "no clone was made to replace them"
want=$(act_ids_in serving | tr '\n' ' ')
t_is "$(act_lb_active | grep -vx parent | tr '\n' ' ')" "$want" "snowscale-lb has both clones active again"
t_is "$(act_front_workers 60 | grep -vx parent | tr '\n' ' ')" "$want" "nginx serves through both clones again"
t_is "$(grep -c "not ours any more" "$T_DIR/scaled.log")" 0 "the hosts' registry destroyed nothing"

# --- again, with h2's VM killed while snowscaled is down -------------------------------------
gone=$(act_clones | jq -r '.clones[] | select(.state == "serving" and .host == "h2") | .id')
kept=$(act_clones | jq -r '.clones[] | select(.state == "serving" and .host == "h1") | .id')
kill -KILL "$ACT_SCALED_PID"; wait "$ACT_SCALED_PID" 2>/dev/null
kill -KILL $(mh_host_vms 2)
act_start_scaled
t_wait_for 60 bash -c "[ \"\$(curl -s -m 3 $ACT_API/api/v1/clones | jq -r '.clones[] | select(.id == \"$gone\") | .state')\" = failed ]" ||
  t_fail "$gone (its VM killed while snowscaled was down) is failed"
t_like "$(act_clones | jq -r --arg id "$gone" '.clones[] | select(.id == $id) | .reason')" "vanished: .*host h2" \
  "$gone's reason says it vanished and names its host"
t_is "$(act_status | jq -r '.alert')" null "no alert: what a restart found gone is not a failure of the generation"
t_like "$(grep "clone $gone: .* -> failed" "$T_DIR/scaled.log" | tail -1)" "replaced, not counted toward the alert" \
  "$gone's end is logged as replaced, not counted as a failure"
# (the status's count lags the clone table by up to a tick: ask both)
back_to_two() { [ "$(act_count_in serving)" = 2 ] && _act_serving_settled 2; }
t_wait_for 150 back_to_two || t_fail "the pool is back to 2 serving clones"
t_like "$(act_ids_in serving | tr '\n' ' ')" "(^| )$kept( |$)" "$kept (on h1) was adopted and serves"
t_is "$(act_clones | jq -r --arg id "$gone" '[.clones[] | select(.state == "serving" and .id != $id and (.id | ltrimstr("c") | tonumber) > '"$last"')] | length')" 1 \
  "one new clone replaces $gone"
serving=$(act_clones | jq '[.clones[] | select(.state == "serving")] | length')
t_wait_for 20 bash -c "[ \$(( \$(mh_host_vms 1 | grep -c .) + \$(mh_host_vms 2 | grep -c .) )) = $serving ]"
t_is "$(( $(mh_host_vms 1 | grep -c .) + $(mh_host_vms 2 | grep -c .) ))" "$serving" "VMs running on the hosts = serving clones ($serving)"
t_done
