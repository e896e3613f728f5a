#!/bin/bash
# Actuator with `driver.boot: cold`: workers boot the image instead of cloning a generation, through
# the same lifecycle (requested -> cloning -> resuming -> checking -> serving -> draining -> retired),
# and no generation is cut.
. "$(dirname "$0")/actuator_common.sh"
act_require
ACT_BOOT=cold ACT_READY_TIMEOUT=180s act_config
sed -i "s/min_clones: 1/min_clones: 0/" "$ACT_CFG"    # so that the worker can be retired
act_start_lb
act_start_scaled

act_scale 1
act_wait_serving 1 240 || t_bail "pool did not reach 1 serving worker (log: $(tail -5 "$T_DIR/scaled.log"))"
id=$(act_ids_in serving)
t_is "$(act_trail "$id")" "requested cloning resuming checking serving" "cold worker $id passed every state in order"
t_is "$(act_clones | jq -r --arg id "$id" '.clones[] | select(.id==$id) | .generation')" 0 "it belongs to no generation"
t_is "$(act_status | jq -r '.generation')" null "no generation is cut in cold mode"
t_check "it runs from its own cold run dir" [ -f "$ACT_STATE/cold/$id/qemu.pid" ]
# The parent boots and warms up alongside the cold worker; either may become ready first.
want="$(printf '%s\n' parent "$id" | sort | tr '\n' ' ')"
_lb_has_both() { [ "$(act_lb_active | tr '\n' ' ')" = "$want" ]; }
t_wait_for 120 _lb_has_both
t_is "$(act_lb_active | tr '\n' ' ')" "$want" "snowscale-lb has the parent and the worker"

act_scale 0
act_wait_serving 0 60 || t_fail "the worker was not retired"
t_is "$(act_trail "$id")" "requested cloning resuming checking serving draining retired" "$id drained, then retired"
t_is "$(act_running_vms | tr '\n' ' ')" "parent " "its VM is gone"
t_done
