#!/bin/bash
# QEMU driver with the operator's disk (docs/disks.md), real VMs under TCG: a small ext4 qcow2 made
# with mkfs.ext4 -d, mounted by the demo guest on /data (root stays the initramfs). The disk
# freezes with memory at a cut: a file written before the cut is in every clone, one written after
# in none; clones' writes stay their own and never reach the generation's layer (checked in the
# qcow2 files themselves: data clusters hold the bytes as written); clone of a clone; the chain
# bound (block-stream before the cut that would pass 4 files); a cut that fails after the disk swap
# leaves a consistent chain; retire deletes the overlay; the
# engine keeps a generation's layer while another generation reads it, and deletes it after.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/qemu_lib.sh"
qemu_setup
command -v qemu-img >/dev/null || t_bail "qemu-img missing (make deps: qemu-utils)"
command -v mkfs.ext4 >/dev/null || t_bail "mkfs.ext4 missing (e2fsprogs)"
make -C "$ROOT" -s build/tests/cc-qemu-publish >&2 || t_bail "cannot build cc-qemu-publish"
PUB=$ROOT/build/tests/cc-qemu-publish
S=$T_DIR/state                  # engine state dir: generations are S/gen/ID
mkdir -p "$S/gen" "$T_DIR/img/root"

# The operator's image: ext4 from a directory, converted to qcow2.
echo seed-content > "$T_DIR/img/root/seed.txt"
truncate -s 64M "$T_DIR/img/fs.raw"
mkfs.ext4 -q -F -d "$T_DIR/img/root" "$T_DIR/img/fs.raw" || t_bail "mkfs.ext4 -d"
qemu-img convert -O qcow2 "$T_DIR/img/fs.raw" "$T_DIR/img/base.qcow2" || t_bail "qemu-img convert"
rm -f "$T_DIR/img/fs.raw"
img_sum=$(sha256sum < "$T_DIR/img/base.qcow2")
hfile() { curl -s -m 30 "http://127.0.0.1:$1/file/$2"; }
hfile_code() { curl -s -m 30 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/file/$2"; }
pfile() { curl -s -m 30 -X PUT --data-binary "$3" "http://127.0.0.1:$1/file/$2"; }
# in FILE: how many times a marker's bytes appear (qcow2 data clusters are stored as written)
holds() { grep -c -a -F "$2" "$1" 2>/dev/null || true; }
gcut() {  # gcut SRC_RUN ID: checkpoint + publish, prints the checkpoint line
  local o
  o=$("$TOOL" checkpoint --run "$1" --gen "$S/gen/$2" 2>&1) || { echo "$o"; return 1; }
  "$PUB" publish --state-dir "$S" --gen-dir "$S/gen/$2" --id "$2" >/dev/null 2>&1 || { echo "publish $2 failed"; return 1; }
  echo "$o"
}
chain_len() { qemu-img info -U --backing-chain "$1" | grep -c '^image:'; }

out=$(qboot "$T_DIR/parent" --disk "$T_DIR/img/base.qcow2" --timeout 120) || t_bail "parent boot: $out"
P0=$(sed -n 's/.* port=\([0-9]*\)$/\1/p' <<<"$out")
t_diag "parent: $out"
t_like "$out" "disk=$T_DIR/parent/disk-1.qcow2" "parent runs on an overlay in its run dir"
t_is "$(hfile "$P0" seed.txt)" seed-content "guest mounted the image's ext4 on /data"
A=A-before-cut-$RANDOM$RANDOM; B=B-after-cut-$RANDOM$RANDOM
t_is "$(pfile "$P0" A "$A")" stored "parent writes file A before the cut"

out=$(gcut "$T_DIR/parent" 1) || t_bail "cut 1: $out"
t_diag "cut 1: $out"
t_like "$out" 'layers=1$' "generation 1 reads one disk layer, its own"
t_check "the parent's overlay became generation 1's layer" test -f "$S/gen/1/disk.qcow2"
t_check "generation 1's layer holds A" test "$(holds "$S/gen/1/disk.qcow2" "$A")" -ge 1
t_like "$(qemu-img info -U "$T_DIR/parent/disk-2.qcow2" | grep 'backing file:')" "$S/gen/1/disk.qcow2" \
  "the parent continues on a fresh overlay over generation 1's layer"
t_is "$(pfile "$P0" B "$B")" stored "parent writes file B after the cut"
t_is "$(holds "$S/gen/1/disk.qcow2" "$B")" 0 "B is not in generation 1's layer"
t_check "B is in the parent's new overlay" test "$(holds "$T_DIR/parent/disk-2.qcow2" "$B")" -ge 1

out=$(qclones "$S/gen/1" "$T_DIR/clones" 2) || t_bail "clone 2: $out"
base=$(sed -n 's/.*base_port=\([0-9]*\).*/\1/p' <<<"$out")
t_diag "clones: $out"
for i in 0 1; do
  p=$((base+i))
  t_is "$(hfile "$p" A)" "$A" "clone c$i has A"
  t_is "$(hfile_code "$p" B)" 404 "clone c$i does not have B"
  t_like "$("$TOOL" status --run "$T_DIR/clones/c$i")" "disk=$T_DIR/clones/c$i/disk-1.qcow2" "clone c$i reports its own overlay"
done
C0=C0-only-$RANDOM$RANDOM
t_is "$(pfile "$base" C0 "$C0")" stored "clone c0 writes C0"
t_is "$(hfile_code "$((base+1))" C0)" 404 "clone c1 does not see c0's write"
t_is "$(holds "$S/gen/1/disk.qcow2" "$C0")" 0 "c0's write is not in generation 1's layer"
t_check "c0's write is in c0's overlay" test "$(holds "$T_DIR/clones/c0/disk-1.qcow2" "$C0")" -ge 1
t_is "$(hfile_code "$P0" C0)" 404 "the parent does not see c0's write"
t_is "$(pfile "$P0" B2 after-clones)" stored "the parent keeps writing after the cut"
t_is "$(hfile "$P0" B2)" after-clones "the parent reads back its later write"
out=$(qclone "$S/gen/1" "$T_DIR/late" late) || t_fail "late clone: $out"
t_diag "late clone: $out"
LP=$(sed -n 's/.* port=\([0-9]*\)$/\1/p' <<<"$out")
t_like "$out" 'disk_setup_ms=[0-9.]+ disk_bytes=[0-9]+' "a clone reports how long its overlay took and its size"
t_is "$(hfile "$LP" A)" "$A" "a fresh clone has A"
t_is "$(hfile_code "$LP" C0)" 404 "a fresh clone does not have c0's write"
t_is "$(hfile_code "$LP" B2)" 404 "a fresh clone does not have the parent's later write"

# Clone of a clone: c0's overlay becomes generation 2's layer (over generation 1's).
out=$(gcut "$T_DIR/clones/c0" 2) || t_bail "cut 2 from c0: $out"
t_diag "cut 2 (from c0): $out"
t_like "$out" 'layers=2$' "generation 2 reads its layer and generation 1's"
t_is "$(pfile "$base" C0late late)" stored "c0 keeps writing after its cut"
out=$(qclone "$S/gen/2" "$T_DIR/cc" cc) || t_bail "clone of clone: $out"
CC=$(sed -n 's/.* port=\([0-9]*\)$/\1/p' <<<"$out")
t_is "$(hfile "$CC" A)" "$A" "clone of a clone has A"
t_is "$(hfile "$CC" C0)" "$C0" "clone of a clone has c0's write before its cut"
t_is "$(hfile_code "$CC" C0late)" 404 "clone of a clone does not have c0's later write"
t_is "$(hfile_code "$CC" B)" 404 "clone of a clone does not have the parent's B"

# The chain bound (4 qcow2 files from the image up): the parent is at 2 (gen1 layer + overlay).
out=$(gcut "$T_DIR/parent" 3) || t_bail "cut 3: $out"
t_like "$out" 'layers=2$' "generation 3 reads its layer and generation 1's"
out=$(gcut "$T_DIR/parent" 4) || t_bail "cut 4: $out"
t_like "$out" 'layers=3$' "generation 4 reads three layers"
t_is "$(chain_len "$T_DIR/parent/disk-4.qcow2")" 5 "parent chain: image + 3 layers + overlay"
out=$(gcut "$T_DIR/parent" 5) || t_bail "cut 5: $out"
t_like "$out" 'layers=1$' "the cut that would pass the bound streams first: generation 5 reads its layer alone"
t_is "$(chain_len "$T_DIR/parent/disk-5.qcow2")" 3 "parent chain after the stream: image + generation 5 layer + overlay"
t_is "$(hfile "$P0" B2)" after-clones "the parent's data survived the stream"
t_is "$(sha256sum < "$T_DIR/img/base.qcow2")" "$img_sum" "the operator's image was never written"

# A cut that fails after the disk swap (the generation on another file system, so the layer cannot
# be renamed into it): the parent goes on on its new overlay, whose header is rewritten to name
# the old overlay where it stayed; the next cut streams that layer of its own away first.
F=/dev/shm/snowscale-failcut.$$
if [ "$(stat -c %d /dev/shm 2>/dev/null)" != "$(stat -c %d "$T_DIR")" ] && [ -w /dev/shm ]; then
  out=$("$TOOL" checkpoint --run "$T_DIR/parent" --gen "$F" 2>&1); rc=$?
  rm -rf "$F"
  t_is "$rc" 1 "a cut whose layer cannot move into the generation fails"
  t_like "$out" "move disk layer" "the failed cut says why"
  t_is "$(hfile "$P0" B2)" after-clones "the parent still reads its data after the failed cut"
  t_is "$(pfile "$P0" D after-failed-cut)" stored "the parent keeps writing after the failed cut"
  t_like "$(qemu-img info -U "$T_DIR/parent/disk-6.qcow2" | grep 'backing file:')" "$T_DIR/parent/disk-5.qcow2" \
    "the new overlay's header names the old overlay where it stayed"
  out=$(gcut "$T_DIR/parent" 6) || t_bail "cut 6: $out"
  t_like "$out" 'layers=1$' "the next cut streams the parent's own layer away first: generation 6 reads its layer alone"
  t_check "the streamed-away overlay is deleted" test ! -e "$T_DIR/parent/disk-5.qcow2"
  out=$(qclone "$S/gen/6" "$T_DIR/g6" g6) || t_bail "clone of generation 6: $out"
  t_is "$(hfile "$(sed -n 's/.* port=\([0-9]*\)$/\1/p' <<<"$out")" D)" after-failed-cut "a clone of generation 6 has the write made after the failed cut"
  "$TOOL" retire --run "$T_DIR/g6" >/dev/null 2>&1
else
  t_ok "failed-cut recovery # SKIP /dev/shm is on the test dir's file system (no cross-device rename)"
fi

# Retire deletes a clone's overlay.
out=$("$TOOL" retire --run "$T_DIR/clones/c1" 2>&1)
t_is "$out" retired "retire c1"
t_check "c1's overlay is deleted" test ! -e "$T_DIR/clones/c1/disk-1.qcow2"

# A generation's layer is deleted only when no other generation reads it (the engine's count).
for r in clones/c0 late cc; do "$TOOL" retire --run "$T_DIR/$r" >/dev/null 2>&1; done
out=$("$PUB" drop --state-dir "$S" --id 1 2>&1); rc=$?
t_is "$out/$rc" busy/3 "generation 1 is kept: generations 2, 3 and 4 read its layer"
t_check "generation 1's layer is still there" test -f "$S/gen/1/disk.qcow2"
t_is "$("$PUB" drop --state-dir "$S" --id 3 2>&1)" busy "generation 3 is kept: generation 4 reads it"
t_is "$("$PUB" drop --state-dir "$S" --id 4 2>&1)" dropped "generation 4 is dropped: nothing reads it"
t_is "$("$PUB" drop --state-dir "$S" --id 3 2>&1)" dropped "then generation 3"
t_is "$("$PUB" drop --state-dir "$S" --id 2 2>&1)" dropped "then generation 2"
t_is "$("$PUB" drop --state-dir "$S" --id 1 2>&1)" dropped "then generation 1"
t_check "generation 1's layer is deleted" test ! -e "$S/gen/1/disk.qcow2"
out=$(qclone "$S/gen/5" "$T_DIR/g5" g5) || t_fail "clone of generation 5: $out"
t_is "$(hfile "$(sed -n 's/.* port=\([0-9]*\)$/\1/p' <<<"$out")" B2)" after-clones "generation 5 still serves clones: the stream made it independent"
t_done
