#!/bin/bash
# mcdist: the memserver multicasts every page it serves; clones of the same generation on other
# hosts take verified pages from the group instead of asking. Three network namespaces: A (the
# parent host: memserver, a bridge) and clone hosts B and C on that bridge. Clone B touches a
# trace; clone C, listening meanwhile, touches the same trace afterwards and must find most of
# it already fetched. (Datagram authentication itself: tests/unit/test_cc_store.c.)
. "$(dirname "$0")/../lib.sh"

[ "$(id -u)" = 0 ] || { t_ok "# SKIP needs root for ip netns"; t_done; exit 0; }
cd "$T_DIR" || exit 1
A=sscm-a-$$; B=sscm-b-$$; C=sscm-c-$$
for n in "$A" "$B" "$C"; do ip netns add "$n" || t_bail "cannot create network namespace"; t_cleanup "ip netns del $n"; done
ip -n "$A" link add br0 type bridge mcast_snooping 0 || t_bail "cannot create a bridge"
ip -n "$A" addr add 10.78.0.1/24 dev br0; ip -n "$A" link set br0 up; ip -n "$A" link set lo up
i=2
for n in "$B" "$C"; do
  ip link add "m$i-$$" type veth peer name "p$i-$$" || t_bail "cannot create veth"
  ip link set "m$i-$$" netns "$A"; ip link set "p$i-$$" netns "$n"
  ip -n "$A" link set "m$i-$$" master br0; ip -n "$A" link set "m$i-$$" up
  ip -n "$n" addr add "10.78.0.$i/24" dev "p$i-$$"; ip -n "$n" link set "p$i-$$" up; ip -n "$n" link set lo up
  i=$((i + 1))
done
ST=$T_DIR/hostA
mkdir -p "$ST/gen/1"
printf 'mcdist-cluster-secret-0123456789\n' > secret
"$BIN/sf-maptouch" make-image "$ST/gen/1/mem.raw" --mib 16 --seed 31
printf 'state' > "$ST/gen/1/state.bin"
"$BIN/sf-descriptor" publish --state-dir "$ST" --gen-dir "$ST/gen/1" --mem "$ST/gen/1/mem.raw" \
  --state "$ST/gen/1/state.bin" --id 1 >/dev/null 2>publish.log || t_bail "publish failed"
GROUP=239.192.77.1:7441
t_spawn memserver ip netns exec "$A" "$BIN/sf-memserver" --state-dir "$ST" --secret-file secret \
  --listen 10.78.0.1:7440 --mcast "$GROUP@10.78.0.1"
MS_PID=$T_PID       # ip netns exec execs the program: this is the memserver's pid
t_wait_for 10 grep -qs '^listening' memserver.log || t_bail "memserver did not start"

# clone NS ADDR NAME SECRET [WAIT_FILE]: memtap + reader in NS; prints TOUCH and STATS lines
clone() {
  local ns=$1 addr=$2 n=$3 sec=$4 wait=${5:-}
  mkdir -p "$T_DIR/$n.mnt"
  ip netns exec "$ns" bash -c '
    bin=$1 st=$2 mnt=$3 addr=$4 group=$5 sec=$6 wait=$7
    "$bin/sf-memtap" --descriptor "$st/gen/1/descriptor.sfd" --mount "$mnt" --store "$mnt.store" \
      --memserver 10.78.0.1:7440 --secret-file "$sec" --readahead none --timeout-ms 3000 \
      --mcast "$group@$addr" >"$mnt.log" 2>&1 & pid=$!
    for _ in $(seq 100); do grep -qs "^ready" "$mnt.log" && break; sleep 0.1; done
    echo up >"$mnt.up"
    if [ -n "$wait" ]; then for _ in $(seq 300); do [ -e "$wait" ] && break; sleep 0.1; done; fi
    "$bin/sf-maptouch" touch --file "$mnt/mem" --source "$st/gen/1/mem.raw" --pct 20 --seed 8 --hugepage
    kill -TERM $pid; wait $pid
    grep "^STATS" "$mnt.log"
  ' _ "$BIN" "$ST" "$T_DIR/$n.mnt" "$addr" "$GROUP" "$sec" "$wait"
}

# C listens first (its memtap is up before B faults), reads only after B is done.
clone "$C" 10.78.0.3 hostc secret "$T_DIR/b.done" >c.out 2>&1 &
cpid=$!
t_wait_for 15 test -e hostc.mnt.up || t_bail "clone host C did not come up"
outb=$(clone "$B" 10.78.0.2 hostb secret)
touch b.done
wait "$cpid"
outc=$(cat c.out)
t_like "$outb" 'TOUCH pages=819 mismatches=0 ' "clone on B reads every byte right"
t_like "$outc" 'TOUCH pages=819 mismatches=0 ' "clone on C reads every byte right"
fb=$(sed -n 's/.* demand_faults=\([0-9]*\) .*/\1/p' <<<"$outb")
fc=$(sed -n 's/.* demand_faults=\([0-9]*\) .*/\1/p' <<<"$outc")
mc=$(sed -n 's/.* mcast_pages=\([0-9]*\) .*/\1/p' <<<"$outc")
t_diag "demand faults: B $fb, C $fc; C took $mc pages from the multicast group"
t_check "C received B's pages by multicast ($mc)" test "${mc:-0}" -gt 0
t_check "C waited for far fewer pages than B ($fc < $fb / 2)" test "${fc:-99999}" -lt $(( ${fb:-0} / 2 ))

# a receiver with another secret drops every datagram (and then cannot even talk TCP)
printf 'some-other-secret-xxxxxxxxxxxxx\n' > other
ip netns exec "$C" "$BIN/sf-memtap" --descriptor "$ST/gen/1/descriptor.sfd" --mount "$T_DIR/hostc.mnt" \
  --store "$T_DIR/x.store" --memserver 10.78.0.1:7440 --secret-file other >bad.log 2>&1
t_like "$(cat bad.log)" 'refused the cluster secret' "a host without the cluster secret gets nothing"
kill -TERM "$MS_PID" 2>/dev/null
t_wait_for 5 grep -qs 'mcdist: [0-9]* pages multicast' memserver.log
t_like "$(grep 'mcdist:' memserver.log)" 'mcdist: [1-9][0-9]* pages multicast' "the memserver reports what it multicast"
t_done
