#!/bin/bash
# Remote fetch between two "hosts": two network namespaces joined by a veth pair. The parent
# host (namespace A) publishes a generation and runs sf-memserver; the clone host (namespace B)
# fetches the descriptor-described memory lazily through memtap with its own empty page store,
# records the working set of a first clone, and a second clone replays it. The namespaces are
# created here and removed at exit.
. "$(dirname "$0")/../lib.sh"

[ "$(id -u)" = 0 ] || { t_ok "# SKIP needs root for ip netns"; t_done; exit 0; }
command -v ip >/dev/null || t_bail "iproute2 missing"
cd "$T_DIR" || exit 1
A=sscc-a-$$; B=sscc-b-$$
ip netns add "$A" || t_bail "cannot create network namespace"
t_cleanup "ip netns del $A"
ip netns add "$B" || t_bail "cannot create network namespace"
t_cleanup "ip netns del $B"
ip link add "va$$" type veth peer name "vb$$" || t_bail "cannot create veth pair"
ip link set "va$$" netns "$A"; ip link set "vb$$" netns "$B"
ip -n "$A" addr add 10.77.0.1/24 dev "va$$"; ip -n "$B" addr add 10.77.0.2/24 dev "vb$$"
ip -n "$A" link set "va$$" up; ip -n "$B" link set "vb$$" up
ip -n "$A" link set lo up; ip -n "$B" link set lo up

ST=$T_DIR/hostA; CL=$T_DIR/hostB
mkdir -p "$ST/gen/1" "$CL"
printf 'netns-cluster-secret-0123456789\n' > secret
"$BIN/sf-maptouch" make-image "$ST/gen/1/mem.raw" --mib 32 --seed 21
head -c 1024 /dev/urandom > "$ST/gen/1/state.bin"
"$BIN/sf-descriptor" publish --state-dir "$ST" --gen-dir "$ST/gen/1" --mem "$ST/gen/1/mem.raw" \
  --state "$ST/gen/1/state.bin" --id 1 >publish.out 2>publish.log || t_bail "publish failed"

t_spawn memserver ip netns exec "$A" "$BIN/sf-memserver" --state-dir "$ST" --secret-file secret \
  --listen 10.77.0.1:7440
t_wait_for 10 grep -qs '^listening' memserver.log || t_bail "memserver did not start in namespace A"
t_check "host B reaches the memserver on host A over the veth pair" \
  ip netns exec "$B" bash -c 'exec 3<>/dev/tcp/10.77.0.1/7440'

# One clone on host B: memtap + reader in one mount namespace (ip netns exec makes its own).
# clone_on_b NAME MEMTAP_ARGS...: prints the reader's TOUCH line, then memtap's STATS line.
clone_on_b() {
  local n=$1; shift
  mkdir -p "$T_DIR/$n.mnt"
  ip netns exec "$B" bash -c '
    mt=$1; mnt=$2; shift 2
    "$mt" "$@" --mount "$mnt" >"$mnt.memtap.log" 2>&1 & pid=$!
    for _ in $(seq 100); do grep -qs "^ready" "$mnt.memtap.log" && break; sleep 0.1; done
    '"$BIN"'/sf-maptouch touch --file "$mnt/mem" --source '"$ST"'/gen/1/mem.raw --pct 20 --seed 4 \
      --pattern clustered --hugepage
    kill -TERM $pid; wait $pid
    grep "^STATS" "$mnt.memtap.log"
  ' _ "$BIN/sf-memtap" "$T_DIR/$n.mnt" "$@"
}

# Host B knows only the generation id: the descriptor comes from the memserver first (the only
# thing sent before a clone runs), then memory page by page.
common=(--memserver 10.77.0.1:7440 --secret-file secret --readahead none --timeout-ms 3000 --generation 1)
out=$(clone_on_b first --descriptor "$CL/desc1.sfd" --store "$CL/store1" "${common[@]}" \
      --record-ws "$CL/ws.bin" --lz4)
t_check "host B's copy of the descriptor is byte-identical" cmp -s "$CL/desc1.sfd" "$ST/gen/1/descriptor.sfd"
t_like "$out" 'TOUCH pages=1638 mismatches=0 ' "first clone on host B reads every byte right (LZ4 on the wire)"
faults1=$(sed -n 's/.* demand_faults=\([0-9]*\) .*/\1/p' <<<"$out")
fetched1=$(sed -n 's/.* fetched_pages=\([0-9]*\) .*/\1/p' <<<"$out")
t_check "its working set was recorded" test -s "$CL/ws.bin"
out=$(clone_on_b second --descriptor "$CL/desc2.sfd" --store "$CL/store2" "${common[@]}" \
      --replay-ws "$CL/ws.bin")
t_like "$out" 'TOUCH pages=1638 mismatches=0 ' "second clone (working-set replay) reads every byte right"
faults2=$(sed -n 's/.* demand_faults=\([0-9]*\) .*/\1/p' <<<"$out")
pf=$(sed -n 's/.* prefetched_pages=\([0-9]*\) .*/\1/p' <<<"$out")
fetched2=$(sed -n 's/.* fetched_pages=\([0-9]*\) .*/\1/p' <<<"$out")
t_diag "demand faults: first clone $faults1, replaying clone $faults2, prefetched $pf"
t_check "replay prefetched pages in bulk ($pf)" test "${pf:-0}" -gt 0
t_check "replay cut demand faults ($faults1 -> $faults2)" test "${faults2:-999999}" -lt "${faults1:-0}"
# The memserver's own account of host B (10.77.0.2): one "done after R requests, P pages" line
# per connection, written when the connection closes (the memtaps have stopped by now).
served_b() { sed -n 's/.*10\.77\.0\.2:[0-9]*: done after [0-9]* requests, \([0-9]*\) pages.*/\1/p' memserver.log |
             awk '{s+=$1} END{print s+0}'; }
want=$(( ${fetched1:-0} + ${fetched2:-0} ))
t_wait_for 10 test "$(served_b)" -ge "$want"
t_diag "memserver: $(served_b) pages to 10.77.0.2; memtaps there fetched $fetched1 + $fetched2"
t_check "the memserver served host B pages ($(served_b))" test "$(served_b)" -gt 0
t_is "$(served_b)" "$want" "the memserver served host B exactly the pages its memtaps fetched"
t_done
