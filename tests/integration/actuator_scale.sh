#!/bin/bash
# Actuator: scale 1 -> 3 -> 1 with `snowscalectl scale` on real snowscaled + QEMU (TCG) + snowscale-lb
# + nginx. Every clone walks requested -> cloning -> resuming -> checking -> serving (and
# serving -> draining -> retired on the way down), the newest are retired first, and the workers
# answering through nginx follow the serving set.
. "$(dirname "$0")/actuator_common.sh"
act_require
act_config
act_start_lb
act_start_scaled

# The parent boots, warms up, generation 1 is cut; min_clones is 1.
act_scale 1
act_wait_serving 1 120 || t_bail "pool did not reach 1 serving clone (log: $(tail -5 "$T_DIR/scaled.log"))"
t_like "$(act_status | jq -r '.generation.id')" '^[1-9][0-9]*$' "generation 1 is published in /status"
first=$(act_ids_in serving)
t_is "$(act_trail "$first")" "requested cloning resuming checking serving" \
  "first clone $first passed every state in order"

act_scale 3
act_wait_serving 3 120 || t_fail "pool did not reach 3 serving clones"
serving=$(act_ids_in serving | tr '\n' ' ' | sed 's/ $//')
t_is "$(act_count_in serving)" 3 "3 clones serving after scale 3 ($serving)"
for id in $serving; do
  [ "$id" = "$first" ] && continue
  t_is "$(act_trail "$id")" "requested cloning resuming checking serving" "clone $id passed every state in order"
done
want=$(printf '%s\n' parent $serving | sort | tr '\n' ' ')
t_is "$(act_lb_active | tr '\n' ' ')" "$want" "snowscale-lb has exactly the parent and the serving clones active"
t_is "$(act_front_workers 60 | tr '\n' ' ')" "$want" "nginx spreads requests over exactly the parent and the 3 clones"
# The guest agent's report reaches the clone's row: the clone was born with the parent's warm
# cache (the two warm-up items), and a request straight at it for a warm item is a hit. The app's
# counters arrive as the generic metric map, whatever pairs the app reports.
addr=$(act_clones | jq -r --arg id "$first" '.clones[] | select(.id==$id) | .address')
curl -s -m 5 -o /dev/null "http://$addr/item/1"
_guest_hit() { [ "$(act_clones | jq -r --arg id "$first" '.clones[] | select(.id==$id) | .metrics.hits // 0')" -ge 1 ]; }
t_wait_for 15 _guest_hit
c=$(act_clones | jq -c --arg id "$first" '.clones[] | select(.id==$id)')
g=$(jq -c '.guest' <<<"$c"); m=$(jq -c '.metrics' <<<"$c")
t_like "$(jq -r '.items' <<<"$m")" '^([2-9]|[1-9][0-9]+)$' "$first's metrics show the parent's warm-up items in its cache ($m)"
t_like "$(jq -r '.hits' <<<"$m")" '^[1-9][0-9]*$' "a request for a warm item was a hit in the clone"
t_is "$(jq -r 'keys | join(",")' <<<"$m")" "bytes,evictions,hits,items,misses" "the metric map holds exactly the pairs the app reports"
t_like "$(jq -r '.hit_rate' <<<"$g")" '^(0?\.[0-9]+|1(\.0+)?)$' "the API derives a hit rate"
t_like "$(jq -r '.uptime_s' <<<"$g")" '^[0-9]+(\.[0-9]+)?$' "and the guest's uptime"
t_like "$("$BIN/snowscalectl" --url "$ACT_API" clones 2>&1 | head -1)" 'HIT%' "snowscalectl clones shows the hit rate column"
t_like "$("$BIN/snowscalectl" --url "$ACT_API" clones --metrics 2>&1 | grep -w "$first")" 'hits=[1-9]' \
  "snowscalectl clones --metrics shows the app's pairs"
# The policy must not count ordered capacity twice: nothing is pending once they serve.
t_is "$(act_status | jq -r '.pending')" 0 "no clone pending after scale-out"

act_scale 1
act_wait_serving 1 60 || t_fail "pool did not come back to 1 serving clone"
t_is "$(act_ids_in serving)" "$first" "the oldest clone ($first) is the one kept (newest retired first)"
for id in $serving; do
  [ "$id" = "$first" ] && continue
  t_is "$(act_trail "$id")" "requested cloning resuming checking serving draining retired" \
    "retired clone $id drained before it was retired"
done
t_is "$(act_front_workers 30 | tr '\n' ' ')" "$(printf '%s\n' parent "$first" | sort | tr '\n' ' ')" "nginx no longer sends requests to retired clones"
t_is "$(act_running_vms | tr '\n' ' ')" "$(printf '%s\n' parent "$first" | sort | tr '\n' ' ')" "the retired clones' VMs are gone"
# Each action has its cause on record.
t_like "$(act_events | jq -r '.events[] | select(.kind=="clone" and .data.to=="requested") | .data.reason' | head -1)" \
  '^scale out: desired' "a requested clone's event names its cause"
t_like "$(act_events | jq -r '.events[] | select(.kind=="clone" and .data.to=="draining") | .data.reason' | head -1)" \
  '^scale in: desired 1' "a draining clone's event names its cause"

# A serving clone whose VM dies is noticed (its app stops answering), recorded failed and replaced.
kill -KILL "$(cat "$ACT_STATE/clones/$first/qemu.pid")"
died() { [ "$(act_clones | jq -r --arg id "$first" '.clones[] | select(.id==$id) | .state')" = failed ]; }
t_check "clone $first whose VM was killed is recorded failed" t_wait_for 60 died
t_like "$(act_clones | jq -r --arg id "$first" '.clones[] | select(.id==$id) | .reason')" 'stopped answering|exited|gone' \
  "its reason says what happened"
other() { _act_serving_settled 1 && ! act_ids_in serving | grep -qx "$first"; }
t_check "a replacement serves" t_wait_for 60 other
t_done
