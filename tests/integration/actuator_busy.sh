#!/bin/bash
# Actuator: a serving clone too busy to answer its health check in time, but still answering
# requests through nginx, is busy, not dead: it keeps serving (and says so in the log) instead of
# being failed and replaced in the middle of the load that needs it. Produced for real: the demo
# app's health path is a read that takes the app's one downstream slot for 1.5 s (`?fresh=1`),
# so under 4 concurrent clients the check waits behind their requests, beyond the actuator's
# 3 s probe timeout, for longer than 5 checks in a row.
. "$(dirname "$0")/actuator_common.sh"
act_require
ACT_PARENT_SERVE=false act_config
sed -i 's|^  kind: qemu$|  kind: qemu\n  cmdline: "sf.wait=1500 sf.slots=1"|; s|^  health_interval: 100ms$|  health_interval: 100ms\n  health_path: "/item/h?fresh=1"|' "$ACT_CFG"
act_start_lb
act_start_scaled

act_scale 1
one_serving() { [ "$(act_count_in serving)" = 1 ]; }
t_wait_for 120 one_serving || t_bail "no clone serving (log: $(tail -5 "$T_DIR/scaled.log"))"
id=$(act_ids_in serving)

# 4 clients in a loop for 30 s: the slot is always taken, each request waits up to 6 s
end=$(( $(date +%s) + 30 ))
client() { local ok=0 bad=0; while [ "$(date +%s)" -lt "$end" ]; do
    if curl -sf -m 20 -o /dev/null "$ACT_FRONT/item/k$1?fresh=1"; then ok=$((ok + 1)); else bad=$((bad + 1)); fi
  done; echo "$ok $bad" >"$T_DIR/client$1"; }
pids=()
for k in 1 2 3 4; do client "$k" & pids+=($!); done
wait "${pids[@]}"
read -r ok bad < <(cat "$T_DIR"/client? | awk '{ o += $1; b += $2 } END { print o + 0, b + 0 }')
t_diag "through nginx: $ok answered, $bad failed"
t_check "requests were answered through nginx under the load" [ "$ok" -gt 10 ]
t_is "$bad" 0 "no request failed"
t_like "$(grep -F "clone $id: /item/h?fresh=1" "$T_DIR/scaled.log")" "did not answer within 3 s, but it answered a request [0-9.]+ s ago: busy, not failed" \
  "the actuator saw the health check time out and the requests answered: busy"
t_is "$(act_ids_in serving)" "$id" "the busy clone still serves, not failed and replaced"
t_is "$(act_count_in failed)" 0 "no clone failed"
# idle again: its health check answers, and it stays
sleep 8
t_is "$(act_ids_in serving)" "$id" "and it serves on once the load is gone"
t_done
