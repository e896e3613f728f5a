#!/bin/bash
# tests/xenlab/pool-test.sh: the whole appliance on Xen, inside the lab's dom0 (run by dom0-test.sh
# after the driver and engine parts). snowscaled (driver.kind: xen), snowscale-lb and nginx run in
# dom0; the parent and its clones are PV domains whose vifs sit on xenbr0 (10.78.0.0/24, made by
# dom0-test.sh). The policy decides everything:
#   1. the parent boots, warms up, its generation is cut; min_clones 0, so no clone yet;
#   2. HTTP load through nginx (sf-loadgen) puts p95 over target: the demo app waits
#      sf.wait=400 ms on its downstream per miss and the target is 50 ms, so the load is over
#      target and the pool holds at max_clones (2) while it lasts (scale-down waits 60 s: a
#      guest's clock has been seen running fast after a cut, which shortens its waits); a clone
#      that leaves the pool during the load (fails, or is drained) is said, with the reason,
#      and its place is taken by the next;
#   3. each clone takes its own MAC, address and hostname from the address plan through xenstore,
#      passes snowscale-lb's health checks and serves: nginx's access log counts requests per
#      backend address;
#   4. the load stops: idle windows, the pool shrinks to 0, clones are drained and destroyed;
#      snowscaled stops (--stop-vms-on-exit) and no domain but dom0 is left (`xl list`).
# Disks (driver.disk, a raw ext4 image the demo guest mounts on /data): the parent runs on a thin
# copy of it; a file it writes before a cut (generation 2, asked through the API) is in every
# clone, one written after the cut in none; each clone's writes are its own (neither the other
# clone nor the parent sees them); no clone's device is left at the end.
# Prints "STEP pool-..." lines, "FAIL pool-<step>: why" or the BENCH xen_pool line.
# no set -u: bash 5.2 calls an empty associative array unbound
P=/tmp/pool
API=http://127.0.0.1:8081
FRONT=http://127.0.0.1:8080
RANGE_FIRST=20                   # the plan's range: the parent takes 10.78.0.20, clones 21..
step_name=start
step() { step_name=$1; echo "STEP pool-$1 $(cut -d' ' -f1 /proc/uptime)"; }
fail() {
  echo "FAIL pool-$step_name: $*"
  echo "--- snowscaled.log"; tail -40 $P/snowscaled.log
  echo "--- lb.log"; tail -15 $P/lb.log
  for f in $(find $P/state -name console.log 2>/dev/null); do echo "--- $f"; tail -12 "$f"; done
  for f in $(find $P/state -name xen.log 2>/dev/null); do echo "--- $f"; grep -E 'snowscale:|error' "$f" | tail -5; done
  xenstore-ls -f /local/domain 2>/dev/null | grep -E 'snowscale|/vif/.*/(mac|state|hotplug-status) |/vbd/.*/(state|hotplug-status|hotplug-error|physical-device|params) '
  [ -s /var/log/xen/xen-hotplug.log ] && { echo "--- xen-hotplug.log"; tail -20 /var/log/xen/xen-hotplug.log; }
  echo "--- dmesg"; dmesg | grep -v 'Out of memory' | tail -12
  brctl show; xl list
  stop_all
  exit 1
}
stop_all() {
  for pid in ${LOADGEN_PID:-} ${SCALED_PID:-} ${LB_PID:-}; do kill -TERM "$pid" 2>/dev/null; done
  for pid in ${SCALED_PID:-} ${LB_PID:-}; do
    for _ in $(seq 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null
  done
  SCALED_PID=; LB_PID=
}
api() { curl -fsS -m 10 "$API$1"; }
now_s() { cut -d' ' -f1 /proc/uptime; }
# jq, run again if it dies of a signal: in the lab's dom0 jq once aborted while parsing its own
# builtins ("Assertion '!nerrors' failed") on a correct answer, in a run where the earlier parts'
# files still held much of dom0's memory (dom0-test.sh now removes them). Said on the log.
jqx() {
  local in out rc try; in=$(cat)
  for try in 1 2 3; do
    out=$(jq "$@" <<<"$in"); rc=$?
    [ $rc -lt 128 ] && { [ -n "$out" ] && printf '%s\n' "$out"; return $rc; }
    echo "pool: jq died (exit $rc, try $try) on $(head -c 120 <<<"$in")" >&2
  done
  return $rc
}

mkdir -p $P && chmod 755 $P      # nginx's workers (nobody) read below it
cat >$P/snowscale.yaml <<EOF
pool: xenlab
mode: active
service: { front_listen: 127.0.0.1:8080 }
api: { listen: 127.0.0.1:8081, token: lab }
state_dir: $P/state
tick: 1s
driver:
  kind: xen
  kernel: /root/vmlinuz
  initrd: /root/initrd.gz
  cmdline: "console=hvc0 quiet sf.cost=0 sf.wait=400 sf.slots=4"
  memory: 128M
  vcpus: 1
  disk: /root/data.img
  ready_timeout: 180s
lb: { listen: 127.0.0.1:8082, health_interval: 250ms, health_attempts: 400 }
network:
  mode: bridge
  bridge: xenbr0
  create: false
  subnet: 10.78.0.0/24
  gateway: 10.78.0.1
  range: 10.78.0.$RANGE_FIRST-10.78.0.40
parent:
  serve: true
  warmup_urls: ["/item/{0..9}"]
policy:
  metric: p95_latency
  target: 50ms
  min_clones: 0
  max_clones: 2
  stable_window: 8s
  panic: { window: 3s }
  scale_up: { max_step: 2, stabilization: 0s }
  scale_down: { max_step: unlimited, max_rate: unlimited, stabilization: 60s, drain_timeout: 5s }
EOF

step appliance-up
T0=$(now_s)
snowscale-lb --config $P/snowscale.yaml --template /root/front.conf.in >$P/lb.log 2>&1 & LB_PID=$!
snowscaled --config $P/snowscale.yaml --foreground --stop-vms-on-exit >$P/snowscaled.log 2>&1 & SCALED_PID=$!
ok=0; last=
end=$(( $(cut -d. -f1 /proc/uptime) + ${POOL_UP_S:-300} ))
while [ "$(cut -d. -f1 /proc/uptime)" -lt $end ]; do   # parent boot + warm-up + generation
  kill -0 $SCALED_PID 2>/dev/null || fail "snowscaled exited"
  kill -0 $LB_PID 2>/dev/null || fail "snowscale-lb exited"
  # the parent's libxl log as it boots (a boot again starts from an empty run dir)
  cp $P/state/parent/xen.log $P/parent-xen.log 2>/dev/null
  [ "$(grep -c 'parent did not come up' $P/snowscaled.log)" -lt 2 ] || {
    echo "--- the parent's xen.log, first boot"; grep -v 'Out of memory' $P/parent-xen.log | tail -45 | cut -c1-260
    fail "the parent failed to boot twice"; }
  st=$(api /api/v1/status 2>/dev/null)
  line="status: $(jqx -c '{actual, pending, generation: .generation.id}' <<<"${st:-{\}}" 2>/dev/null); log: $(tail -1 $P/snowscaled.log | cut -c1-160)"
  [ "$line" != "$last" ] && { echo "pool: $line"; last=$line; }
  [ -n "$st" ] && [ "$(jqx -r '.generation.id // empty' <<<"$st")" != "" ] &&
    curl -fs -m 5 -o /dev/null "$FRONT/whoami" && { ok=1; break; }
  sleep 2
done
[ $ok = 1 ] || fail "no generation and front within ${POOL_UP_S:-300} s"
echo "pool: parent serving and generation $(jqx -r .generation.id <<<"$st") cut after $(awk -v a=$T0 -v b=$(now_s) 'BEGIN{printf "%.1f", b-a}') s; $(jqx -r .actual <<<"$st") clones"
[ "$(jqx -r .actual <<<"$st")" = 0 ] || fail "clones before any load: $(jqx -c . <<<"$st")"

step disk-cut
# before the cut, the cut (generation 2), after the cut: all written by the parent on its disk
PARENT=10.78.0.$RANGE_FIRST
TOKEN=$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')
SEED=$(cat /root/seed)
put() { curl -fsS -m 10 -X PUT --data-binary "$2" -o /dev/null "http://$1/file/$3"; }
get() { curl -sS -m 10 -o /tmp/pool/got -w '%{http_code}' "http://$1/file/$2"; }  # code; body in /tmp/pool/got
[ "$(get $PARENT seed)" = 200 ] && [ "$(cat /tmp/pool/got)" = "$SEED" ] ||
  fail "the parent does not read the image's /data/seed: $(cat /tmp/pool/got 2>/dev/null | head -c 200)"
put $PARENT "before $TOKEN" before || fail "PUT /file/before on the parent"
curl -fsS -m 10 -X POST -H "Authorization: Bearer lab" -o /dev/null "$API/api/v1/generation" || fail "POST /api/v1/generation"
for _ in $(seq 120); do
  [ "$(api /api/v1/status | jqx -r '.generation.id // 0')" = 2 ] && break
  sleep 1
done
[ "$(api /api/v1/status | jqx -r '.generation.id // 0')" = 2 ] || fail "no generation 2 within 120 s of asking"
put $PARENT "after $TOKEN" after || fail "PUT /file/after on the parent"
grep -h 'snowscale: disk' $(find $P/state -name xen.log) | head -1 | sed 's/^/pool: parent /'
echo "pool: generation 2 cut between /data/before and /data/after"

step load
declare -A seen_addr seen_clone_s seen_mac seen_bytes seen_disk_ms seen_end
left=""
failed=0; sent=0; tl=$(now_s)
served_by() { awk -v a="$1" '{ n = split($1, u, ","); for (i = 1; i <= n; i++) { gsub(/ /, "", u[i]); if (u[i] == a) c++ } } END { print c + 0 }' $P/access.log 2>/dev/null; }
look() {   # every clone serving now: its identity, once
  local id addr created since domid mac who bytes
  while read -r id addr created since; do
    [ -n "$id" ] && [ -z "${seen_addr[$id]:-}" ] && [ -z "${seen_end[$id]:-}" ] || continue
    domid=$(xl domid "worker-$id" 2>/dev/null) || fail "$id serves but has no domain worker-$id"
    mac=$(xenstore-read /local/domain/0/backend/vif/$domid/0/mac 2>/dev/null)
    [ -e /sys/class/net/xenbr0/brif/vif$domid.0 ] || fail "$id: vif$domid.0 is not on xenbr0"
    who=$(curl -fs -m 10 "http://$addr/whoami") || fail "$id: no answer from http://$addr/whoami"
    [ "$(jqx -r .clone_id <<<"$who")/$(jqx -r .hostname <<<"$who")" = "$id/worker-$id" ] ||
      fail "$id at $addr answered $who"
    # its disk: the generation's (seed, before), not what the parent wrote after the cut
    [ "$(get $addr seed)" = 200 ] && [ "$(cat $P/got)" = "$SEED" ] || fail "$id: /data/seed: $(head -c 200 $P/got)"
    [ "$(get $addr before)" = 200 ] && [ "$(cat $P/got)" = "before $TOKEN" ] ||
      fail "$id: /data/before (written before the cut) is not in the clone: $(head -c 200 $P/got)"
    c=$(get $addr after); [ "$c" = 404 ] || fail "$id: /data/after (written after the cut) answers $c in the clone"
    put ${addr%:80} "mine $id" "own-$id" || fail "$id: PUT /file/own-$id"
    gen=$(api /api/v1/clones | jqx -r --arg id "$id" '.clones[] | select(.id == $id) | .generation')
    [ "$gen" = 2 ] || fail "$id is of generation $gen, not 2"
    stats=$(find $P/state -path "*/$id/xen-restore.stats" | head -1)
    seen_disk_ms[$id]=$(sed -n 's/.*disk_setup_us=\([0-9]*\).*/\1/p' $stats 2>/dev/null | awk '{printf "%.1f", $1 / 1000}')
    # page bytes streamed into the domain: from the memory image, the page store and repeats
    bytes=$(tr ' ' '\n' < "${stats:-/dev/null}" | awk -F= '$1 ~ /^(mem_bytes_read|store_bytes_read|store_bytes_cached)$/ {s += $2} END {print s + 0}')
    seen_addr[$id]=$addr; seen_mac[$id]=$mac; seen_bytes[$id]=${bytes:-0}
    seen_clone_s[$id]=$(awk -v a="$created" -v b="$since" 'BEGIN{printf "%.2f", (b-a)/1e6}')
    echo "pool: clone $id serving at $addr, domain $domid worker-$id, MAC $mac, cloned to serving ${seen_clone_s[$id]} s, $bytes page bytes streamed"
  done < <(api /api/v1/clones | jqx -r '.clones[] | select(.state == "serving") | "\(.id) \(.address) \(.created_us) \(.state_since_us)"')
}
ended() {   # a clone that left the pool during the load, and why (once each)
  local id state reason
  while IFS=$'\t' read -r id state reason; do
    [ -n "$id" ] && [ -z "${seen_end[$id]:-}" ] || continue
    seen_end[$id]=$state
    echo "pool: clone $id $state during the load: $reason"
    if [ -n "${seen_addr[$id]:-}" ]; then   # it served: counted apart, no longer checked
      left="$left $id"; unset "seen_addr[$id]"
    fi
  done < <(api /api/v1/clones | jqx -r '.clones[] | select(.state == "failed" or .state == "retired" or .state == "draining") | [.id, .state, (.reason // "-")] | @tsv')
}
enough() {   # two clones seen, and each has served requests through nginx
  [ ${#seen_addr[@]} -ge 2 ] || return 1
  local id; for id in "${!seen_addr[@]}"; do [ "$(served_by "${seen_addr[$id]}")" -ge 5 ] || return 1; done
}
# open-loop load in 10 s rounds until the clones serve (at most 36 rounds)
for round in $(seq 36); do
  sf-loadgen --url "$FRONT/item/%d" --keys 100000 --ramp 6:10 --target-ms 50 --timeout-ms 20000 --quiet \
    >$P/loadgen.$round 2>&1 & LOADGEN_PID=$!
  while kill -0 $LOADGEN_PID 2>/dev/null; do look; ended; sleep 1; done
  wait $LOADGEN_PID; LOADGEN_PID=
  line=$(grep '^loadgen: sent=' $P/loadgen.$round) || fail "sf-loadgen: $(tail -2 $P/loadgen.$round)"
  s=$(sed 's/.*sent=\([0-9]*\).*/\1/' <<<"$line"); f=$(sed 's/.* failed=\([0-9]*\).*/\1/' <<<"$line")
  sent=$((sent + s)); failed=$((failed + f))
  st=$(api /api/v1/status)
  echo "pool: load round $round: $line; serving clones $(jqx -r .actual <<<"$st"), pending $(jqx -r .pending <<<"$st")"
  look
  enough && break
done
enough || fail "two clones did not serve within $round rounds of load"
# each clone's writes are its own: no other clone and not the parent sees them
isolated=0
for id in "${!seen_addr[@]}"; do
  a=${seen_addr[$id]%:80}
  [ "$(get $a own-$id)" = 200 ] && [ "$(cat $P/got)" = "mine $id" ] || fail "$id lost its own /data/own-$id"
  for o in "${!seen_addr[@]}" parent; do
    [ "$o" = "$id" ] && continue
    oa=${seen_addr[$o]:-$PARENT}; c=$(get ${oa%:80} own-$id)
    [ "$c" = 404 ] || fail "$o sees $id's /data/own-$id ($c)"
  done
  isolated=$((isolated + 1))
done
echo "pool: disks: $isolated clones each read the generation's files, not the parent's later one, and only their own writes"
load_s=$(awk -v a=$tl -v b=$(now_s) 'BEGIN{printf "%.0f", b-a}')

step scale-in
# idle windows: the pool shrinks to min_clones 0; every clone drained, retired, its domain gone
ok=0
for _ in $(seq 180); do
  st=$(api /api/v1/status)
  live=$(api /api/v1/clones | jqx -r '[.clones[] | select(.state != "retired" and .state != "failed")] | length')
  if [ "$(jqx -r .actual <<<"$st")" = 0 ] && [ "$live" = 0 ] && [ "$(xl list | grep -c '^worker-')" = 0 ]; then ok=1; break; fi
  sleep 1
done
[ $ok = 1 ] || fail "clones still there 180 s after the load stopped: $(api /api/v1/clones | jqx -c '[.clones[] | {id, state}]'); $(xl list | grep worker-)"
for id in "${!seen_addr[@]}"; do
  r=$(api /api/v1/clones | jqx -r --arg id "$id" '.clones[] | select(.id == $id) | .state')
  [ "$r" = retired ] || fail "$id ended $r, not retired"
done
api /api/v1/events?limit=1000 | jqx -r '.events[] | select(.kind == "decision" or .kind == "policy") | .message' 2>/dev/null | tail -4 | sed 's/^/pool: decision: /'

step stop
stop_all
orphans=$(xl list | awk 'NR > 1 && $1 != "Domain-0"' | grep -c .)
[ "$orphans" = 0 ] || fail "domains left after snowscaled stopped: $(xl list)"
# the thin devices: the pool stays, no VM's device is active (generations' are never activated)
devs=$(cat /sys/block/dm-*/dm/name 2>/dev/null | grep -v '^ssthin-[0-9a-f]*$' | tr '\n' ' ')
[ -z "$devs" ] || fail "disk devices left after snowscaled stopped: $devs"

# the figures
n=${#seen_addr[@]}
macs=$(for id in "${!seen_addr[@]}"; do echo "${seen_mac[$id]}"; done | sort -u | grep -c .)
addrs=$(for id in "${!seen_addr[@]}"; do echo "${seen_addr[$id]}"; done | sort -u | grep -c .)
by_clones=0; per=""
for id in "${!seen_addr[@]}"; do c=$(served_by "${seen_addr[$id]}"); by_clones=$((by_clones + c)); per="$per $id=$c"; done
by_parent=$(served_by 10.78.0.$RANGE_FIRST:80)
clone_s=$(for id in "${!seen_addr[@]}"; do echo "${seen_clone_s[$id]}"; done | awk '{s += $1} END {printf "%.2f", s / NR}')
bytes=$(for id in "${!seen_addr[@]}"; do echo "${seen_bytes[$id]}"; done | awk '{s += $1} END {printf "%.0f", s / NR}')
echo "pool: nginx access log: parent $by_parent, clones$per; loadgen sent $sent in $load_s s, failed $failed${left:+; clones that left the pool during the load:$left}"
[ "$macs" = "$n" ] || fail "$n clones share MACs: $(for id in "${!seen_mac[@]}"; do echo -n "$id=${seen_mac[$id]} "; done)"
[ "$addrs" = "$n" ] || fail "$n clones share addresses"
[ "$failed" = 0 ] || fail "$failed requests failed"
disk_ms=$(for id in "${!seen_addr[@]}"; do echo "${seen_disk_ms[$id]}"; done | awk '{s += $1} END {printf "%.1f", s / NR}')
import=$(grep -h 'snowscale: disk' $(find $P/state -name xen.log) | head -1 | sed -n 's/.* \([0-9]*\) KiB of it copied .* in \([0-9.]*\) ms$/copied_kib=\1 import_ms=\2/p')
echo "BENCH xen_disk clones_isolated=$isolated clone_setup_ms=$disk_ms parent_$import"
echo "BENCH xen_pool clones=$n unique_macs=$macs served_by_clones=$by_clones failed_requests=$failed orphan_domains=$orphans clone_s=$clone_s bytes_streamed_per_clone=$bytes"
