#!/bin/bash
# A guest without the agent: the worker image repacked without sf-guestd (its app still serves).
# Nothing answers on the virtio-serial port, so the VM can never take an identity or report
# ready: snowscaled must say exactly that - "no agent answered on the virtio-serial port within
# N s" - and stop the VM, not wait forever or blame the app.
. "$(dirname "$0")/actuator_common.sh"
act_require
command -v cpio >/dev/null || { echo "1..0 # SKIP cpio is not installed"; exit 0; }

mkdir -p "$T_DIR/img"
(cd "$T_DIR/img" && gzip -dc "$ROOT/build/guest/initrd.gz" | cpio -id --quiet) || t_bail "cannot unpack the image"
[ -e "$T_DIR/img/sbin/sf-guestd" ] || t_bail "the image has no sbin/sf-guestd to remove"
rm -f "$T_DIR/img/sbin/sf-guestd"
(cd "$T_DIR/img" && find . | LC_ALL=C sort | cpio -o -H newc --quiet | gzip -n) >"$T_DIR/noagent.gz"

act_config
sed -i "s|initrd: .*|initrd: $T_DIR/noagent.gz|" "$ACT_CFG"
act_start_lb
act_start_scaled
# the parent's boot allows at least a minute (a cold boot under TCG)
t_wait_for 100 grep -q 'no agent answered' "$T_DIR/scaled.log" || t_bail "no verdict within 100 s"
line=$(grep -m1 'no agent answered' "$T_DIR/scaled.log")
t_like "$line" 'no agent answered on the virtio-serial port within 60 s' "the reason names the missing agent and the time"
ev=$(act_events)
t_is "$(jq '[.events[] | select(.message | test("no agent answered"))] | length > 0' <<<"$ev")" true \
  "the verdict is an event the dashboard shows"
t_done
