#!/bin/bash
# Memory across hosts, with real QEMU clones: host A (a network namespace) serves generation 1
# with sf-memserver; host B runs three clones of it through the engine (cc-qemu-host: what a host
# daemon calls) on one shared memtap. Every clone serves the parent's warm cache; the memserver's
# own count of pages sent to host B equals the distinct contents host B's memtap fetched (never
# a page twice, not N x); background completion then makes host B independent: the memserver
# killed, the clones keep serving. Host B's working set goes to host A's memserver; host C replays
# it first. Host C's completion is throttled: it loses the memserver before completing, and its
# clones fail fast with the reason, never hang.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/qemu_lib.sh"
. "$(dirname "$0")/multihost_lib.sh"
mh_require

mh_hosts mx A B C
head -c 32 /dev/urandom > "$T_DIR/secret"
S=$T_DIR/hostA
mh_parent "$S"
t_diag "generation 1: $MH_DISTINCT distinct non-zero pages"
mh_memserver memserver "$MH_NS_A" "$S" "$MH_IP_A:7440"

# Host B: three clones, one memtap, completion at full speed.
mh_clones hostB "$MH_NS_B" 3 --memserver "$MH_IP_A:7440" --secret-file "$T_DIR/secret" --record-ms 3000
t_like "$(grep '^ALL' "$T_DIR/hostB.log")" 'ready=3 failed=0' "three clones of generation 1 ready on host B"
for i in 0 1 2; do
  t_is "$(mh_cache "$MH_NS_B" $((18000 + i)) /item/r1)" hit "clone $i on host B serves the parent's cached item as a hit"
done
t_is "$(mh_get "$MH_NS_B" 18001 /item/r1 | md5sum)" "$(printf "%s" "$MH_ITEM" | md5sum)" "its item equals the parent's"
t_wait_for 60 grep -qs 'completed=1' "$T_DIR/hostB.stats"
t_check "host B's memtap completed in the background ($(cat "$T_DIR/hostB.stats"))" grep -qs 'completed=1' "$T_DIR/hostB.stats"
fetched=$(mh_stat "$T_DIR/hostB.stats" fetched_pages)
t_diag "host B: $(cat "$T_DIR/hostB.stats")"
# Completion closed host B's connections, so the memserver has logged its account of them.
served_ge() { [ "$(mh_served "$T_DIR/memserver.log" "$MH_IP_B")" -ge "${fetched:-1}" ]; }
t_wait_for 10 served_ge
served=$(mh_served "$T_DIR/memserver.log" "$MH_IP_B")
t_diag "memserver: $served pages to host B ($MH_IP_B); host B fetched $fetched distinct contents for 3 clones"
t_is "$served" "$fetched" "the memserver sent host B exactly the distinct contents its memtap fetched"
t_check "no content crossed twice: $served <= $MH_DISTINCT distinct pages of the generation" \
  test "${served:-999999999}" -le "${MH_DISTINCT:-0}"

# Host B recorded its clones' working set and handed it to the memserver.
t_wait_for 15 grep -qs 'took the working set of generation 1' "$T_DIR/memserver.log"
t_check "host B's working set reached host A ($(grep -o 'took the working set.*' "$T_DIR/memserver.log"))" \
  grep -qs 'took the working set of generation 1' "$T_DIR/memserver.log"

# The parent's host goes away: host B no longer needs it.
kill -KILL "$MH_MS_PID"
sleep 1
for i in 0 1 2; do
  t_is "$(mh_cache "$MH_NS_B" $((18000 + i)) /item/r2)" hit "clone $i on host B still serves after the memserver died"
done
t_check "no clone on host B failed" bash -c "! grep -q '^FAILED' '$T_DIR/hostB.log'"

# Host C: completion throttled to 1 MiB/s, so the memserver dies before it completes.
mh_memserver memserver2 "$MH_NS_A" "$S" "$MH_IP_A:7441"
mh_clones hostC "$MH_NS_C" 2 --memserver "$MH_IP_A:7441" --secret-file "$T_DIR/secret" \
  --complete-mib-s 1 --timeout-ms 3000
t_like "$(grep '^ALL' "$T_DIR/hostC.log")" 'ready=2 failed=0' "two clones ready on host C"
t_check "host C has not completed yet" bash -c "! grep -qs 'completed=1' '$T_DIR/hostC.stats'"
t_diag "host C: $(cat "$T_DIR/hostC.stats"); host B had $(mh_stat "$T_DIR/hostB.stats" demand_faults) demand faults"
t_check "host C replayed host B's working set first (prefetched $(mh_stat "$T_DIR/hostC.stats" prefetched_pages) pages)" \
  test "$(mh_stat "$T_DIR/hostC.stats" prefetched_pages)" -gt 0
kill -KILL "$MH_MS_PID"
t0=$SECONDS
two_failed() { [ "$(grep -c '^FAILED' "$T_DIR/hostC.log")" -ge 2 ]; }
t_wait_for 20 two_failed
took=$((SECONDS - t0))     # whole seconds: 0 or 1 when it is fast
t_diag "host C: $(grep '^FAILED' "$T_DIR/hostC.log" | head -2 | tr '\n' ' ')"
t_is "$(grep -c '^FAILED' "$T_DIR/hostC.log")" 2 "both clones on host C failed once the memserver died (${took}s)"
t_like "$(grep '^FAILED' "$T_DIR/hostC.log" | head -1)" 'memory fetch failed: memserver' "with the reason: the memserver"
t_check "within the fetch timeout, not a hang (${took}s <= 5)" test "$took" -le 5
t_done
