#!/bin/bash
# Actuator crash recovery: kill -9 snowscaled in the middle of a scale-out, damage the world while
# it is down (a clone's VM dies; a VM the table no longer knows; a VM whose run dir record is
# damaged, so it cannot be adopted), restart it: clones that run are adopted and brought to
# serving, the orphan VM and the one that cannot be adopted are killed, the vanished clones are
# recorded failed and replaced, snowscale-lb gets the serving set again, and the clone table matches the
# processes that run. No lifecycle event is lost: every clone's events chain from requested to
# its state in the table.
. "$(dirname "$0")/actuator_common.sh"
act_require
command -v sqlite3 >/dev/null || { echo "1..0 # SKIP sqlite3 is not installed"; exit 0; }
act_config
act_start_lb
act_start_scaled

act_scale 3
act_wait_serving 3 120 || t_bail "pool did not reach 3 serving clones (log: $(tail -5 "$T_DIR/scaled.log"))"
read -r vanish orphan damaged <<<"$(act_ids_in serving | tr '\n' ' ')"

act_scale 5
pending() { [ "$(act_status | jq -r '.pending')" -gt 0 ]; }
t_wait_for 30 pending || t_bail "scale-out never had pending clones"
kill -KILL "$ACT_SCALED_PID"
wait "$ACT_SCALED_PID" 2>/dev/null
db=$ACT_STATE/snowscale.db
at_kill=$(sqlite3 "$db" "select id || '=' || state from clones" | tr '\n' ' ')
t_diag "clone table at kill -9: $at_kill"
t_like "$at_kill" '=(requested|cloning|resuming|checking)' "a clone was pending when snowscaled died"

# While it is down: the VM of $vanish dies; $orphan's row says retired although its VM runs.
pid=$(cat "$ACT_STATE/clones/$vanish/qemu.pid")
kill -KILL "$pid"
sqlite3 "$db" "update clones set state = 'retired' where id = '$orphan'" ||
  t_bail "cannot edit the clone table (schema changed?)"
# $damaged's VM runs, but the record its adoption reads is gone: nobody could drive that QEMU.
dpid=$(cat "$ACT_STATE/clones/$damaged/qemu.pid")
: >"$ACT_STATE/clones/$damaged/vm.json"

act_start_scaled
act_wait_serving 5 180 || t_fail "pool did not come back to 5 serving clones"
st=$(act_clones)
t_is "$(jq -r --arg id "$vanish" '.clones[] | select(.id==$id) | .state' <<<"$st")" failed "$vanish (VM died while down) is failed"
t_like "$(jq -r --arg id "$vanish" '.clones[] | select(.id==$id) | .reason' <<<"$st")" 'vanished' "$vanish's reason says it vanished"
t_is "$(jq -r --arg id "$damaged" '.clones[] | select(.id==$id) | .state' <<<"$st")" failed "$damaged (could not be adopted) is failed"
t_like "$(jq -r --arg id "$damaged" '.clones[] | select(.id==$id) | .reason' <<<"$st")" "vanished.*QEMU pid $dpid killed: it could not be adopted" \
  "$damaged's reason says its QEMU was killed because it could not be adopted"
# (a killed QEMU may linger as a zombie until its new parent reaps it: no cmdline then)
t_check "$damaged's QEMU (pid $dpid) is gone" bash -c "! grep -qs qemu /proc/$dpid/cmdline"
serving=$(act_ids_in serving | tr '\n' ' ')
t_is "$(act_running_vms | tr '\n' ' ')" "$(printf '%s\n' parent $serving | sort | tr '\n' ' ')" \
  "running VMs are exactly the parent and the serving clones (table == reality)"
running_now=$(act_running_vms)
t_check "orphan VM $orphan was destroyed" test -n "$running_now" -a -z "$(grep -x "$orphan" <<<"$running_now")"
t_is "$(act_lb_active | tr '\n' ' ')" "$(printf '%s\n' parent $serving | sort | tr '\n' ' ')" \
  "snowscale-lb has exactly the parent and the serving clones active"
ev=$(act_events)
t_like "$(jq -r '.events[] | select(.kind=="clone" and (.message|test("recovered after a restart"))) | .message' <<<"$ev")" \
  '[1-9][0-9]* clones adopted, 1 orphan VMs destroyed' "the restart is summarised in an event"
t_is "$(jq -r --arg id "$orphan" '[.events[] | select(.data.orphan=="true" and .data.id==$id)] | length' <<<"$ev")" 1 \
  "an event names the destroyed orphan"
# Clones pending at the kill were adopted, not failed.
# Clones pending at the kill were adopted, or (their start cut short) replaced without counting
# as failures of the generation: no alert.
t_is "$(act_status | jq -r '.alert')" null "no alert after the restart"
# No lost event: for every clone (but the one whose row was edited), each transition's "from" is
# the previous "to", and the last "to" is the state in the table.
cl=$(act_clones)
broken=$(for id in $(jq -r --arg skip "$orphan" '.clones[] | select(.id != $skip) | .id' <<<"$cl"); do
  jq -r --arg id "$id" --arg st "$(jq -r --arg id "$id" '.clones[] | select(.id==$id) | .state' <<<"$cl")" '
    [.events[] | select(.kind=="clone" and .data.id==$id and .data.to != null) | .data] as $t
    | if ($t|length) == 0 then "\($id): no events"
      elif $t[0].to != "requested" then "\($id): starts at \($t[0].to)"
      elif ([range(1; $t|length) | select($t[.].from != $t[.-1].to)] | length) > 0 then "\($id): gap"
      elif $t[-1].to != $st then "\($id): last event \($t[-1].to) but table says \($st)"
      else empty end' <<<"$ev"
done)
t_is "$broken" "" "every clone's event chain is complete and ends in its table state"

# Scale-in after a restart retires the newest clones first, adopted or not. Adopted clones join the
# actuator in directory order, which says nothing about their age: kill -9 once more with every
# clone serving, so that all of them are adopted, then shrink one at a time; each step must keep
# the oldest clones by creation time.
kill -KILL "$ACT_SCALED_PID"
wait "$ACT_SCALED_PID" 2>/dev/null
act_start_scaled
act_wait_serving 5 120 || t_bail "pool did not come back to 5 serving clones after the second restart"
by_age=$(act_clones | jq -r '[.clones[] | select(.state=="serving")] | sort_by(.created_us) | .[].id')
t_diag "serving clones, oldest first: $(tr '\n' ' ' <<<"$by_age")"
for k in 4 3 2 1; do
  act_scale "$k"
  act_wait_serving "$k" 120 || t_fail "pool did not shrink to $k serving clones"
  t_is "$(act_ids_in serving | tr '\n' ' ')" "$(head -n "$k" <<<"$by_age" | sort | tr '\n' ' ')" \
    "scale $k after a restart keeps the $k oldest clones"
done
t_done
