#!/bin/bash
# memtap without a VM: a process maps the memtap file MAP_PRIVATE (as QEMU does with share=off,
# with QEMU's MADV_HUGEPAGE) and touches pages in a pseudo-random order; every byte must match
# the generation's image. Pages come from the local page store, then from sf-memserver over
# loopback; then the fault injector makes the memserver lie, stall and die, and the reader must
# fail fast with the reason logged, never hang and never see a wrong page.
. "$(dirname "$0")/../lib.sh"

for b in sf-descriptor sf-memtap sf-memserver sf-maptouch; do
  [ -x "$BIN/$b" ] || t_bail "$b not built (make clonecore)"
done
[ -c /dev/fuse ] || t_bail "/dev/fuse missing"

cd "$T_DIR" || exit 1
ST=$T_DIR/parent; CL=$T_DIR/clonehost
mkdir -p "$ST/gen/1" "$CL"
printf 'integration-cluster-secret-0123\n' > secret
"$BIN/sf-maptouch" make-image "$ST/gen/1/mem.raw" --mib 32 --seed 11
head -c 4096 /dev/urandom > "$ST/gen/1/state.bin"
out=$("$BIN/sf-descriptor" publish --state-dir "$ST" --gen-dir "$ST/gen/1" --mem "$ST/gen/1/mem.raw" \
       --state "$ST/gen/1/state.bin" --id 1 --driver qemu --vm-config '{"mem_mib":32}' 2>>publish.log)
t_like "$out" "published generation 1: pages=8192 zero=[0-9]+ distinct=[0-9]+" "publish a 32 MiB generation"
distinct=$(sed -n 's/.* distinct=\([0-9]*\).*/\1/p' <<<"$out")
json=$("$BIN/sf-descriptor" inspect "$ST/gen/1/descriptor.sfd" --json)
t_like "$json" '"valid":true.*"generation":1.*"driver":"qemu"' "inspect --json describes it"
cp "$ST/gen/1/descriptor.sfd" broken.sfd
printf '\x00' | dd of=broken.sfd bs=1 seek=200 conv=notrunc status=none
msg=$("$BIN/sf-descriptor" inspect broken.sfd 2>&1); rc=$?
t_like "$rc:$msg" '^1:.*invalid descriptor: .*CRC' "a damaged descriptor is refused with the reason"

# start_memtap NAME ARGS...: mounts $T_DIR/NAME.mnt, waits for "ready"
start_memtap() {
  local n=$1; shift
  mkdir -p "$T_DIR/$n.mnt"
  t_spawn "memtap-$n" "$BIN/sf-memtap" --descriptor "$ST/gen/1/descriptor.sfd" --mount "$T_DIR/$n.mnt" "$@"
  MT_PID=$T_PID
  t_cleanup "fusermount3 -u -z '$T_DIR/$n.mnt'"
  t_wait_for 10 grep -qs '^ready' "$T_DIR/memtap-$n.log" || { cat "$T_DIR/memtap-$n.log"; return 1; }
}
stop_memtap() { kill -TERM "$MT_PID" 2>/dev/null; wait "$MT_PID" 2>/dev/null; }

# 1. local: the page store of this host holds every page
start_memtap local --store "$ST/store" || t_bail "memtap (local) did not start"
r=$("$BIN/sf-maptouch" touch --file local.mnt/mem --source "$ST/gen/1/mem.raw" --pct 40 --seed 5 --hugepage --write)
t_like "$r" '^TOUCH pages=3276 mismatches=0 ' "local: 40% of pages read back exactly, private writes stay private"
stop_memtap
stats=$(grep '^STATS' memtap-local.log)
t_like "$stats" ' fetched_pages=0 ' "local: nothing fetched over the network"

# 2. remote over loopback: an empty store on the clone host
t_spawn memserver "$BIN/sf-memserver" --state-dir "$ST" --secret-file secret --listen 127.0.0.1:0
MS_PID=$T_PID
t_wait_for 10 grep -qs '^listening' memserver.log || t_bail "memserver did not start"
port=$(sed -n 's/^listening on .*:\([0-9]*\)$/\1/p' memserver.log)
start_memtap remote --store "$CL/store" --memserver 127.0.0.1:$port --secret-file secret --readahead adaptive \
  || t_bail "memtap (remote) did not start"
r=$("$BIN/sf-maptouch" touch --file remote.mnt/mem --source "$ST/gen/1/mem.raw" --pct 25 --seed 9 --hugepage --pattern clustered)
t_like "$r" '^TOUCH pages=2048 mismatches=0 ' "remote: clustered 25% read back exactly"
stop_memtap
stats=$(grep '^STATS' memtap-remote.log)
fetched=$(sed -n 's/.* fetched_pages=\([0-9]*\) .*/\1/p' <<<"$stats")
zr=$(sed -n 's/.* zero_reads=\([0-9]*\) .*/\1/p' <<<"$stats")
t_check "remote: fetched some pages, never more than the distinct ones ($fetched <= $distinct)" \
  test "$fetched" -gt 0 -a "$fetched" -le "$distinct"
t_check "remote: zero pages answered locally ($zr)" test "$zr" -gt 0
t_like "$stats" ' speculative_rejects=[1-9]' "remote: the 4 MiB hugepage read-around was refused, not fetched"

# 3. a second clone on the same host: everything is in the host's store now
start_memtap second --store "$CL/store" --memserver 127.0.0.1:$port --secret-file secret || t_bail "memtap 2"
r=$("$BIN/sf-maptouch" touch --file second.mnt/mem --source "$ST/gen/1/mem.raw" --pct 25 --seed 9 --pattern clustered)
stop_memtap
t_like "$r $(grep '^STATS' memtap-second.log)" 'mismatches=0 .* demand_faults=0 fetched_pages=0 ' \
  "second clone on the host: the same pages come from the local store"

# 4. the wrong secret gets nothing
printf 'not-the-cluster-secret-at-all\n' > wrong
"$BIN/sf-memtap" --descriptor "$ST/gen/1/descriptor.sfd" --mount "$T_DIR/remote.mnt" --store "$CL/store2" \
  --memserver 127.0.0.1:$port --secret-file wrong >wrong.log 2>&1
t_like "$?:$(cat wrong.log)" '^1:.*refused the cluster secret' "a wrong cluster secret is refused"
t_wait_for 5 grep -q 'authentication failed' memserver.log
t_check "the memserver logs the refused client" grep -q 'authentication failed' memserver.log
kill "$MS_PID"; wait "$MS_PID" 2>/dev/null

# 5. fault injection: the memserver lies, stalls, dies; the reader fails fast (timeout 1 s)
for fault in corrupt:200 stall:200 die:200; do
  kind=${fault%%:*}
  rm -f "memserver-$kind.log"
  t_spawn "memserver-$kind" "$BIN/sf-memserver" --state-dir "$ST" --secret-file secret --listen 127.0.0.1:0 \
    --inject-fault "$fault"
  FP=$T_PID
  t_wait_for 10 grep -qs '^listening' "memserver-$kind.log" || t_bail "faulty memserver did not start"
  port=$(sed -n 's/^listening on .*:\([0-9]*\)$/\1/p' "memserver-$kind.log")
  rm -rf "$CL/store-$kind"
  start_memtap "$kind" --store "$CL/store-$kind" --memserver 127.0.0.1:$port --secret-file secret \
    --readahead none --timeout-ms 1000 || t_bail "memtap ($kind) did not start"
  start=$(date +%s%N)
  r=$(timeout 30 "$BIN/sf-maptouch" touch --file "$kind.mnt/mem" --source "$ST/gen/1/mem.raw" --pct 30 --seed 3 --hugepage)
  rc=$?
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  t_like "$rc:$r" '^3:FAULT sigbus page=' "$kind: the reader gets an I/O error, not data"
  t_check "$kind: it fails fast (${ms} ms)" test "$ms" -lt 5000
  case $kind in
    corrupt) want='wrong content \(hash mismatch\)';;
    stall) want='stalled';;
    die) want='went away|closed the connection';;
  esac
  t_like "$(grep 'memory fetch failed' "memtap-$kind.log")" "$want" "$kind: memtap logs the reason"
  stop_memtap
  kill "$FP"; wait "$FP" 2>/dev/null
done
t_done
