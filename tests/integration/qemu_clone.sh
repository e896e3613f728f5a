#!/bin/bash
# QEMU driver, real VMs under TCG: boot a parent, warm its cache, checkpoint, clone 4. Clones answer
# on their own ports with the parent's cache warm, diverge independently, never see the parent's
# later writes (generation freeze); a killed clone is reported with a reason; retire cleans up;
# fail_ready withholds readiness.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/qemu_lib.sh"
qemu_setup

out=$(qboot "$T_DIR/parent" --accel auto) || t_bail "parent boot: $out"
P0=$(sed -n 's/.* port=\([0-9]*\)$/\1/p' <<<"$out")
t_diag "parent: $out"
t_like "$(grep -o '"accel": *"[a-z]*"' "$T_DIR/parent/vm.json")" 'tcg' "accel auto does not pick the software-only kvm here"
t_is "$(hcache "$P0" /item/w1)" miss "parent: first GET is a miss"
for k in w2 w3 w4 w5; do hget "$P0" /item/$k >/dev/null; done
t_is "$(hcache "$P0" /item/w1)" hit "parent: second GET is a hit"
orig_w2=$(hget "$P0" /item/w2)

out=$("$TOOL" checkpoint --run "$T_DIR/parent" --gen "$T_DIR/gen1" 2>&1) || t_bail "checkpoint: $out"
t_diag "checkpoint: $out"
t_like "$out" 'pause_ms=[0-9.]+ state_bytes=[0-9]+' "checkpoint reports pause and state size"
sb=$(sed -n 's/.*state_bytes=\([0-9]*\).*/\1/p' <<<"$out")
t_check "device state is small (< 2 MiB, RAM excluded): $sb bytes" test "$sb" -lt 2097152
t_is "$(hget "$P0" /healthz)" ok "parent keeps serving after checkpoint"

out=$(qclones "$T_DIR/gen1" "$T_DIR/clones" 4) || t_bail "clone 4: $out"
base=$(sed -n 's/.*base_port=\([0-9]*\).*/\1/p' <<<"$out")
t_diag "clones: $out"
for i in 0 1 2 3; do
  p=$((base+i))
  t_is "$(hcache "$p" /item/w1)" hit "clone c$i: parent's cached item is a hit on first request"
  t_like "$(hget "$p" /whoami)" "\"hostname\":\"w-c$i\",\"clone_id\":\"c$i\"" "clone c$i took its identity"
done

# The guest RNG was reseeded: no two clones (nor the parent) produce the same random bytes.
rands=$(for p in "$P0" "$base" "$((base+1))" "$((base+2))" "$((base+3))"; do hget "$p" /random; done)
t_is "$(sort -u <<<"$rands" | grep -c .)" 5 "parent and 4 clones give 5 different random values"

# Divergence: each clone's writes stay its own.
hput "$base" /item/d zero >/dev/null
hput "$((base+1))" /item/d one >/dev/null
t_is "$(hget "$base" /item/d)" zero "clone c0 keeps its own write"
t_is "$(hget "$((base+1))" /item/d)" one "clone c1 keeps its own write"
t_is "$(hcache "$((base+2))" /item/d)" miss "clone c2 never saw c0/c1 writes"
t_is "$(hcache "$P0" /item/d)" miss "parent never saw the clones' writes"

# Freeze regression: the parent overwrites w2 in place (same pages) and dirties more memory; a
# clone that already read w2, one that did not, and a clone started afterwards all see the original.
hget "$base" /item/w2 >/dev/null
newv=$(printf 'P%.0s' $(seq 4096))
t_is "$(hput "$P0" /item/w2 "$newv")" stored "parent overwrites w2 after the checkpoint"
for k in $(seq 1 40); do hget "$P0" "/item/dirty$k?size=65536" >/dev/null; done
t_is "$(hget "$P0" /item/w2)" "$newv" "parent serves its new w2"
t_is "$(hget "$base" /item/w2)" "$orig_w2" "clone c0 (had read w2) still sees the generation's w2"
t_is "$(hget "$((base+3))" /item/w2)" "$orig_w2" "clone c3 (had not read w2) still sees the generation's w2"
out=$(qclone "$T_DIR/gen1" "$T_DIR/late" late) || t_fail "late clone: $out"
QPORT=$(sed -n 's/.* port=\([0-9]*\)$/\1/p' <<<"$out")
t_is "$(hget "$QPORT" /item/w2)" "$orig_w2" "a clone started after the parent's writes sees the generation's w2"

# A clone whose QEMU is killed is reported exited, with the reason.
kill -9 "$(cat "$T_DIR/clones/c3/qemu.pid")"
out=$("$TOOL" status --run "$T_DIR/clones/c3" 2>&1)
t_like "$out" '^state=exited .*reason=QEMU exited' "killed clone reported exited with a reason"
out=$("$TOOL" status --run "$T_DIR/clones/c2" 2>&1)
t_like "$out" '^state=running .*private_mib=' "live clone reported running"

# A hung QEMU (stopped process) is reported as such within QMP's 10 s bound, not waited on forever.
pid=$(cat "$T_DIR/clones/c1/qemu.pid")
kill -STOP "$pid"
start=$SECONDS
out=$("$TOOL" status --run "$T_DIR/clones/c1" 2>&1)
t_like "$out" 'hung' "a stopped QEMU is reported as hung"
t_check "the hang is detected within 20 s ($((SECONDS - start)) s)" test $((SECONDS - start)) -le 20
kill -KILL "$pid"

# Retire: QEMU gone, run dir cleaned, port closed.
pid=$(cat "$T_DIR/clones/c2/qemu.pid")
out=$("$TOOL" retire --run "$T_DIR/clones/c2" 2>&1)
t_is "$out" retired "retire c2"
t_check "retired clone's QEMU is gone" bash -c "! kill -0 $pid 2>/dev/null || grep -q '^State:.*Z' /proc/$pid/status"
t_check "retired clone's run dir is removed" test ! -e "$T_DIR/clones/c2"

# fail_ready: the guest runs but never reports ready.
out=$(qclone "$T_DIR/gen1" "$T_DIR/noready" nr --opts fail_ready=1 --no-wait)
t_check "fail_ready clone starts" test $? -eq 0
QPORT=$(sed -n 's/.* port=\([0-9]*\)$/\1/p' <<<"$out")
t_is "$(hget "$QPORT" /healthz)" ok "fail_ready clone's app still answers"
out=$("$TOOL" status --run "$T_DIR/noready" --timeout 3 2>&1)
t_like "$out" '^state=starting' "fail_ready clone never reports ready"
t_done
