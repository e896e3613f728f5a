#!/bin/bash
# A host that comes back never doubles a clone: two worker hosts (network namespaces, a hostd
# each), 2 clones spread 1-1. Host h2's hostd is frozen (SIGSTOP: its VM keeps running, its
# hostd answers nothing) past cluster.host_timeout: its clone is lost and replaced on h1. Then it
# is thawed (SIGCONT): its inventory still lists the old clone, which snowscaled destroys there
# (one log line), so the VMs running on all hosts are exactly the serving clones again.
. "$(dirname "$0")/multihost_appliance.sh"
# a frozen hostd must not stay frozen past the test (kill -KILL works on it, but be explicit)
t_cleanup 'for k in 1 2; do kill -CONT "${MH_HOSTD_PID[$k]}" 2>/dev/null; done'

mh_pool_two
act_scale 2
act_wait_serving 2 150 || t_bail "2 clones did not serve: $(act_clones | jq -c '[.clones[] | {id,host,state,reason}]')"
clones=$(act_clones)
t_is "$(jq -r '[.clones[] | select(.state == "serving") | .host] | sort | join(" ")' <<<"$clones")" "h1 h2" \
  "spread: one clone on each host"
old=$(jq -r '.clones[] | select(.state == "serving" and .host == "h2") | .id' <<<"$clones")
oldvm=$(mh_host_vms 2)
t_check "h2 runs $old's VM (pid $oldvm)" test -n "$oldvm"

kill -STOP "${MH_HOSTD_PID[2]}"
t_wait_for 30 grep -q "host h2: lost" "$T_DIR/scaled.log" || t_bail "h2 was not declared lost"
t_ok "a frozen hostd is declared lost after cluster.host_timeout"
back_on_h1() {
  local c; c=$(act_clones)
  [ "$(jq '[.clones[] | select(.state == "serving" and .host == "h1")] | length' <<<"$c")" = 2 ]
}
t_wait_for 90 back_on_h1 || t_bail "the lost clone was not replaced on h1: $(act_clones | jq -c '[.clones[] | {id,host,state}]')"
t_ok "$old is replaced on h1"
t_check "meanwhile $old's VM still runs on h2 (the host was only silent)" kill -0 "$oldvm"

kill -CONT "${MH_HOSTD_PID[2]}"
h2_back() { sed -n '/host h2: lost/,$p' "$T_DIR/scaled.log" | grep -q "host h2: healthy"; }
t_wait_for 20 h2_back || t_bail "h2 did not come back"
t_wait_for 20 grep -q "host h2: clone $old runs there but is not ours any more" "$T_DIR/scaled.log"
t_like "$(grep "clone $old runs there" "$T_DIR/scaled.log" | head -1)" "destroying it" \
  "snowscaled destroys what h2 still runs of the lost clone, in one log line"
t_wait_for 30 bash -c "! kill -0 $oldvm 2>/dev/null"
t_check "$old's VM on h2 is gone" bash -c "! kill -0 $oldvm 2>/dev/null"
t_is "$(jq -r --arg id "$old" '.clones[] | select(.id == $id) | .state' <<<"$(act_clones)")" failed \
  "$old stays failed (lost), never serving twice"
serving=$(jq '[.clones[] | select(.state == "serving")] | length' <<<"$(act_clones)")
vms=$(( $(mh_host_vms 1 | grep -c .) + $(mh_host_vms 2 | grep -c .) ))
t_is "$vms" "$serving" "VMs running on the hosts = serving clones ($serving): none doubled"
t_done
