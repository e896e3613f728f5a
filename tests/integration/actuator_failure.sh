#!/bin/bash
# Actuator: clones whose guest never reports ready (driver option fail_ready=1) are destroyed,
# recorded failed with the reason and replaced with exponential backoff; after
# clones.max_consecutive_failures cloning stops with an alert while the parent keeps serving;
# cutting a new generation re-arms cloning.
. "$(dirname "$0")/actuator_common.sh"
act_require
ACT_READY_TIMEOUT=4s ACT_BACKOFF=1s ACT_MAX_FAILURES=3 act_config
act_start_lb
# The fault is produced for real inside the guest: its agent is told never to say ready.
act_start_scaled SNOWSCALE_DRIVER_OPTS=fail_ready=1

act_scale 1
alert_set() { [ "$(act_status | jq -r '.alert // empty')" != "" ]; }
t_wait_for 150 alert_set || t_bail "no alert after repeated failures (log: $(tail -5 "$T_DIR/scaled.log"))"

t_like "$(act_status | jq -r '.alert')" 'cloning stopped after 3 consecutive failures' "/status shows the alert"
t_is "$(act_count_in failed)" 3 "exactly 3 clones failed"
t_is "$(act_clones | jq -r '[.clones[] | select(.state=="failed") | .reason | test("not ready")] | all')" true \
  "every failed clone says why (guest not ready)"
for id in $(act_ids_in failed); do
  t_like "$(act_trail "$id")" '^requested cloning resuming( checking)? failed$' "failed clone $id went requested..failed"
done
ev=$(act_events)
t_is "$(jq '[.events[] | select(.kind=="alert")] | length' <<<"$ev")" 1 "one alert event"

# Backoff: the n-th retry waits backoff * 2^(n-1) after the failure before it (1 s, then 2 s).
gaps=$(jq -r '[.events[] | select(.kind=="clone" and .data.to=="failed" or .kind=="clone" and .data.to=="requested")
               | {to: .data.to, ts: .ts_us}] as $e
              | [range(1; $e|length) | select($e[.].to=="requested" and $e[.-1].to=="failed")
                 | ($e[.].ts - $e[.-1].ts)] | map(tostring) | join(" ")' <<<"$ev")
t_diag "retry gaps (µs): $gaps"
read -r g1 g2 <<<"$gaps"
t_check "first retry waited >= 1 s after the failure (${g1:-none} µs)" [ "${g1:-0}" -ge 950000 ]
t_check "second retry waited >= 2 s after the failure (${g2:-none} µs)" [ "${g2:-0}" -ge 1950000 ]

# Stopped: no new clone is ordered, the VMs of the failed ones are gone, the parent still serves.
sleep 4
t_is "$(act_clones | jq '.clones | length')" 3 "no clone ordered while the alert stands"
t_is "$(act_running_vms | tr '\n' ' ')" "parent " "failed clones' VMs were destroyed"
t_is "$(act_front_workers 10 | tr '\n' ' ')" "parent " "the parent keeps serving through nginx"

# The operator's way out: a new generation re-arms cloning (it fails again here: the fault stays).
if [ -x "$BIN/snowscalectl" ]; then
  "$BIN/snowscalectl" --url "$ACT_API" --token "$ACT_TOKEN" generation cut >/dev/null
else
  curl -sf -X POST -H "Authorization: Bearer $ACT_TOKEN" "$ACT_API/api/v1/generation" >/dev/null
fi
more_clones() { [ "$(act_clones | jq '.clones | length')" -gt 3 ]; }
t_check "a new generation re-arms cloning" t_wait_for 60 more_clones
t_done
