#!/bin/bash
# Actuator generations: generation 1 is cut from the warmed-up parent at start; `snowscalectl
# generation cut` publishes generation 2 and new clones use it; `snowscalectl retire` drains a clone
# and a replacement comes from the newest generation; generation 1 is deleted once no clone uses it.
. "$(dirname "$0")/actuator_common.sh"
act_require
act_config
act_start_lb
act_start_scaled
ctl() { "$BIN/snowscalectl" --url "$ACT_API" --token "$ACT_TOKEN" "$@"; }

act_scale 1
act_wait_serving 1 120 || t_bail "pool did not reach 1 serving clone (log: $(tail -5 "$T_DIR/scaled.log"))"
old=$(act_ids_in serving)
t_is "$(act_clones | jq -r --arg id "$old" '.clones[] | select(.id==$id) | .generation')" 1 "first clone $old runs generation 1"
t_check "generation 1 is on disk" [ -f "$ACT_STATE/gen/1/descriptor.sfd" ]
t_like "$(act_events | jq -r '.events[] | select(.kind=="generation") | .message' | tr '\n' '|')" \
  'warmed up: 2 of 2 URLs' "the parent was warmed up before generation 1"

ctl generation cut >/dev/null || t_fail "snowscalectl generation cut"
gen2() { [ "$(act_status | jq -r '.generation.id')" = 2 ]; }
t_check "generation 2 is published" t_wait_for 60 gen2

ctl retire "$old" >/dev/null || t_fail "snowscalectl retire $old"
replaced() {
  local s; s=$(act_ids_in serving)
  _act_serving_settled 1 && [ -n "$s" ] && [ "$s" != "$old" ] && act_ids_in retired | grep -qx "$old"
}
t_check "a replacement serves after the retire" t_wait_for 90 replaced
new=$(act_ids_in serving)
t_is "$(act_clones | jq -r --arg id "$new" '.clones[] | select(.id==$id) | .generation')" 2 "replacement $new runs generation 2"
t_is "$(act_trail "$old")" "requested cloning resuming checking serving draining retired" "$old drained, then retired"
t_like "$(act_events | jq -r --arg id "$old" '.events[] | select(.kind=="clone" and .data.id==$id and .data.to=="draining") | .data.reason')" \
  'request' "the drain names the operator's request"
gc1() { [ ! -e "$ACT_STATE/gen/1" ]; }
t_check "generation 1 is deleted once no clone uses it" t_wait_for 40 gc1
t_like "$(act_events | jq -r '.events[] | select(.kind=="generation") | .message' | tr '\n' '|')" \
  'generation 1 deleted' "its deletion is an event"
t_check "generation 2 stays" [ -f "$ACT_STATE/gen/2/descriptor.sfd" ]

# A reload that changes the warm-up set: the parent warms up again and generation 3 is cut.
sed -i 's|warmup_urls: \["/item/1", "/item/2"\]|warmup_urls: ["/item/1", "/item/2", "/item/3"]|' "$ACT_CFG"
kill -HUP "$ACT_SCALED_PID"
gen3() { [ "$(act_status | jq -r '.generation.id')" = 3 ]; }
t_check "a changed warm-up set cuts generation 3" t_wait_for 60 gen3
t_like "$(act_events | jq -r '.events[] | select(.kind=="generation") | .message' | tr '\n' '|')" \
  'warmed up: 3 of 3 URLs[^|]*\|.*warm-up set changed' "the parent warmed up with the new set before the cut"
t_done
