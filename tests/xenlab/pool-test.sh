#!/bin/bash
# tests/xenlab/pool-test.sh: the whole appliance on Xen, inside the lab's dom0 (run by dom0-test.sh
# after the driver and engine parts). snowscaled (driver.kind: xen), snowscale-lb and nginx run in
# dom0; the parent and its clones are PV domains whose vifs sit on xenbr0 (10.78.0.0/24, made by
# dom0-test.sh). The policy decides everything:
#   1. the parent boots, warms up, its generation is cut; min_clones 0, so no clone yet;
#   2. HTTP load through nginx (sf-loadgen) puts p95 over target: the demo app waits
#      sf.wait=100 ms on its downstream per request and the target is 50 ms, so any load is over
#      target and the pool holds at max_clones (2) while it lasts;
#   3. each clone takes its own MAC, address and hostname from the address plan through xenstore,
#      passes snowscale-lb's health checks and serves: nginx's access log counts requests per
#      backend address;
#   4. the load stops: idle windows, the pool shrinks to 0, clones are drained and destroyed;
#      snowscaled stops (--stop-vms-on-exit) and no domain but dom0 is left (`xl list`).
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
  xenstore-ls -f /local/domain 2>/dev/null | grep -E 'snowscale|/vif/.*/(mac|state|hotplug-status) '
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
  cmdline: "console=hvc0 quiet sf.cost=0 sf.wait=100 sf.slots=4"
  memory: 128M
  vcpus: 1
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
  scale_down: { max_step: unlimited, max_rate: unlimited, stabilization: 3s, drain_timeout: 5s }
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
  st=$(api /api/v1/status 2>/dev/null)
  line="status: $(jq -c '{actual, pending, generation: .generation.id}' <<<"${st:-{\}}" 2>/dev/null); log: $(tail -1 $P/snowscaled.log | cut -c1-160)"
  [ "$line" != "$last" ] && { echo "pool: $line"; last=$line; }
  [ -n "$st" ] && [ "$(jq -r '.generation.id // empty' <<<"$st")" != "" ] &&
    curl -fs -m 5 -o /dev/null "$FRONT/whoami" && { ok=1; break; }
  sleep 2
done
[ $ok = 1 ] || fail "no generation and front within ${POOL_UP_S:-300} s"
echo "pool: parent serving and generation $(jq -r .generation.id <<<"$st") cut after $(awk -v a=$T0 -v b=$(now_s) 'BEGIN{printf "%.1f", b-a}') s; $(jq -r .actual <<<"$st") clones"
[ "$(jq -r .actual <<<"$st")" = 0 ] || fail "clones before any load: $(jq -c . <<<"$st")"

step load
declare -A seen_addr seen_clone_s seen_mac seen_bytes
failed=0; sent=0; tl=$(now_s)
served_by() { awk -v a="$1" '{ n = split($1, u, ","); for (i = 1; i <= n; i++) { gsub(/ /, "", u[i]); if (u[i] == a) c++ } } END { print c + 0 }' $P/access.log 2>/dev/null; }
look() {   # every clone serving now: its identity, once
  local id addr created since domid mac who bytes
  while read -r id addr created since; do
    [ -n "$id" ] && [ -z "${seen_addr[$id]:-}" ] || continue
    domid=$(xl domid "worker-$id" 2>/dev/null) || fail "$id serves but has no domain worker-$id"
    mac=$(xenstore-read /local/domain/0/backend/vif/$domid/0/mac 2>/dev/null)
    [ -e /sys/class/net/xenbr0/brif/vif$domid.0 ] || fail "$id: vif$domid.0 is not on xenbr0"
    who=$(curl -fs -m 10 "http://$addr/whoami") || fail "$id: no answer from http://$addr/whoami"
    [ "$(jq -r .clone_id <<<"$who")/$(jq -r .hostname <<<"$who")" = "$id/worker-$id" ] ||
      fail "$id at $addr answered $who"
    bytes=$(sed -n 's/.*mem_bytes_read=\([0-9]*\).*/\1/p' $(find $P/state -path "*/$id/xen-restore.stats") 2>/dev/null | head -1)
    seen_addr[$id]=$addr; seen_mac[$id]=$mac; seen_bytes[$id]=${bytes:-0}
    seen_clone_s[$id]=$(awk -v a="$created" -v b="$since" 'BEGIN{printf "%.2f", (b-a)/1e6}')
    echo "pool: clone $id serving at $addr, domain $domid worker-$id, MAC $mac, cloned to serving ${seen_clone_s[$id]} s, $bytes page bytes streamed"
  done < <(api /api/v1/clones | jq -r '.clones[] | select(.state == "serving") | "\(.id) \(.address) \(.created_us) \(.state_since_us)"')
}
enough() {   # two clones seen, and each has served requests through nginx
  [ ${#seen_addr[@]} -ge 2 ] || return 1
  local id; for id in "${!seen_addr[@]}"; do [ "$(served_by "${seen_addr[$id]}")" -ge 5 ] || return 1; done
}
# open-loop load in 10 s rounds until the clones serve (at most 36 rounds)
for round in $(seq 36); do
  sf-loadgen --url "$FRONT/item/%d" --keys 100000 --ramp 6:10 --target-ms 50 --timeout-ms 20000 --quiet \
    >$P/loadgen.$round 2>&1 & LOADGEN_PID=$!
  while kill -0 $LOADGEN_PID 2>/dev/null; do look; sleep 1; done
  wait $LOADGEN_PID; LOADGEN_PID=
  line=$(grep '^loadgen: sent=' $P/loadgen.$round) || fail "sf-loadgen: $(tail -2 $P/loadgen.$round)"
  s=$(sed 's/.*sent=\([0-9]*\).*/\1/' <<<"$line"); f=$(sed 's/.* failed=\([0-9]*\).*/\1/' <<<"$line")
  sent=$((sent + s)); failed=$((failed + f))
  st=$(api /api/v1/status)
  echo "pool: load round $round: $line; serving clones $(jq -r .actual <<<"$st"), pending $(jq -r .pending <<<"$st")"
  look
  enough && break
done
enough || fail "two clones did not serve within $round rounds of load"
load_s=$(awk -v a=$tl -v b=$(now_s) 'BEGIN{printf "%.0f", b-a}')

step scale-in
# idle windows: the pool shrinks to min_clones 0; every clone drained, retired, its domain gone
ok=0
for _ in $(seq 180); do
  st=$(api /api/v1/status)
  live=$(api /api/v1/clones | jq -r '[.clones[] | select(.state != "retired" and .state != "failed")] | length')
  if [ "$(jq -r .actual <<<"$st")" = 0 ] && [ "$live" = 0 ] && [ "$(xl list | grep -c '^worker-')" = 0 ]; then ok=1; break; fi
  sleep 1
done
[ $ok = 1 ] || fail "clones still there 180 s after the load stopped: $(api /api/v1/clones | jq -c '[.clones[] | {id, state}]'); $(xl list | grep worker-)"
for id in "${!seen_addr[@]}"; do
  r=$(api /api/v1/clones | jq -r --arg id "$id" '.clones[] | select(.id == $id) | .state')
  [ "$r" = retired ] || fail "$id ended $r, not retired"
done
api /api/v1/events?limit=1000 | jq -r '.events[] | select(.kind == "decision" or .kind == "policy") | .message' 2>/dev/null | tail -4 | sed 's/^/pool: decision: /'

step stop
stop_all
orphans=$(xl list | awk 'NR > 1 && $1 != "Domain-0"' | grep -c .)
[ "$orphans" = 0 ] || fail "domains left after snowscaled stopped: $(xl list)"

# the figures
n=${#seen_addr[@]}
macs=$(for id in "${!seen_addr[@]}"; do echo "${seen_mac[$id]}"; done | sort -u | grep -c .)
addrs=$(for id in "${!seen_addr[@]}"; do echo "${seen_addr[$id]}"; done | sort -u | grep -c .)
by_clones=0; per=""
for id in "${!seen_addr[@]}"; do c=$(served_by "${seen_addr[$id]}"); by_clones=$((by_clones + c)); per="$per $id=$c"; done
by_parent=$(served_by 10.78.0.$RANGE_FIRST:80)
clone_s=$(for id in "${!seen_addr[@]}"; do echo "${seen_clone_s[$id]}"; done | awk '{s += $1} END {printf "%.2f", s / NR}')
bytes=$(for id in "${!seen_addr[@]}"; do echo "${seen_bytes[$id]}"; done | awk '{s += $1} END {printf "%.0f", s / NR}')
echo "pool: nginx access log: parent $by_parent, clones$per; loadgen sent $sent in $load_s s, failed $failed"
[ "$macs" = "$n" ] || fail "$n clones share MACs: $(for id in "${!seen_mac[@]}"; do echo -n "$id=${seen_mac[$id]} "; done)"
[ "$addrs" = "$n" ] || fail "$n clones share addresses"
[ "$failed" = 0 ] || fail "$failed requests failed"
echo "BENCH xen_pool clones=$n unique_macs=$macs served_by_clones=$by_clones failed_requests=$failed orphan_domains=$orphans clone_s=$clone_s bytes_streamed_per_clone=$bytes"
