#!/bin/bash
# An address range too small for the pool, on the bridge network inside a namespace made for the
# test: the parent and 2 clones fit, the third clone fails with the reason and an alert event,
# holds nothing, and snowscaled keeps running and serving the others.
. "$(dirname "$0")/net_common.sh"
net_enter_ns "$0" "$@"
. "$(dirname "$0")/actuator_common.sh"
act_require
net_require

ACT_MAX_FAILURES=10 act_config
NET_RANGE=10.77.0.10-10.77.0.12 net_config
act_start_lb
act_start_scaled
act_scale 3
exhausted() { act_clones | jq -e '[.clones[] | select(.state == "failed" and (.reason | test("network.range exhausted")))] | length > 0' >/dev/null; }
t_wait_for 150 exhausted || t_bail "no clone failed for the exhausted range (log: $(tail -3 "$T_DIR/scaled.log"))"
t_like "$(act_clones | jq -r '[.clones[] | select(.state == "failed")][0].reason')" \
  '^network.range exhausted: all 2 addresses 10.77.0.11-10.77.0.12 are held by live VMs$' "the failed clone says why"
t_wait_for 120 _act_serving_settled 2 || t_wait_for 60 bash -c "[ \$(act_ids_in serving | grep -c .) = 2 ]"
t_is "$(act_ids_in serving | grep -c .)" 2 "the 2 clones that fit serve"
t_is "$(act_events | jq '[.events[] | select(.kind == "alert" and (.message | test("network.range exhausted")))] | length > 0')" \
  true "an alert event names the exhausted range"
t_is "$(net_store_addrs | grep -c .)" 3 "the plan holds the parent's and the 2 serving clones' addresses, nothing for the failed"
failed_ids=$(act_ids_in failed | tr '\n' '|'); failed_ids=${failed_ids%|}
t_is "$(net_store_addrs | awk -v re="^(${failed_ids})\$" '$2 ~ re' | grep -c .)" 0 "no failed clone holds an address"
t_check "snowscaled is still running" kill -0 "$ACT_SCALED_PID"
t_done
