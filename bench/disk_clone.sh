#!/bin/bash
# Disk clones (docs/disks.md), QEMU under TCG, 256 MiB guest, one run, both cases side by side:
# a parent on a 64 MiB ext4 qcow2 (demo kernel + initramfs, the disk on /data) and one without a
# disk; each is cut once and cloned N times one after another.
#   BENCH disk_clone overlay_ms=M overlay_bytes=B clone_ready_s=S clone_ready_nodisk_s=S pause_ms=P pause_nodisk_ms=Q
# overlay_ms: creating a clone's qcow2 overlay (qemu-img create, median); overlay_bytes: its size on
# the host once the clone is ready; clone_ready_s: clone() to the guest agent's "ready" (median),
# with and without the disk; pause_ms: the parent's pause at the cut (the disk's layer swap
# included), with and without the disk.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TOOL=$ROOT/build/tests/cc-qemu-tool
N=${BENCH_CLONES:-5}
. "$ROOT/bench/lib.sh"
bench_workdir
bench_build build/tests/cc-qemu-tool || exit 1
median() { sort -n | awk '{v[NR]=$1} END {if (NR) print v[int((NR+1)/2)]; else print "nan"}'; }
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }

mkdir -p "$D/img/root"
echo bench > "$D/img/root/seed.txt"
truncate -s 64M "$D/img/fs.raw"
mkfs.ext4 -q -F -d "$D/img/root" "$D/img/fs.raw" || exit 1
qemu-img convert -O qcow2 "$D/img/fs.raw" "$D/img/base.qcow2" || exit 1

declare -A pause
for kind in disk nodisk; do
  args=(); [ "$kind" = disk ] && args=(--disk "$D/img/base.qcow2")
  mkdir -p "$D/$kind"
  echo "bench: booting the $kind parent (256 MiB, TCG)"
  P=$(t_free_port) || exit 1
  "$TOOL" boot --run "$D/$kind/parent" --port "$P" "${args[@]}" --timeout 180 >/dev/null || exit 1
  [ "$kind" = disk ] && curl -s -o /dev/null -X PUT --data-binary "written before the cut" "http://127.0.0.1:$P/file/a"
  out=$("$TOOL" checkpoint --run "$D/$kind/parent" --gen "$D/$kind/gen") || exit 1
  pause[$kind]=$(field pause_ms <<<"$out")
  for i in $(seq 1 "$N"); do
    P=$(t_free_port) || exit 1
    "$TOOL" clone --gen "$D/$kind/gen" --run "$D/$kind/c$i" --port "$P" --id "c$i" --timeout 120 >> "$D/$kind.clones" || exit 1
    "$TOOL" retire --run "$D/$kind/c$i" >/dev/null 2>&1
  done
done
om=$(field disk_setup_ms < "$D/disk.clones" | median)
ob=$(field disk_bytes < "$D/disk.clones" | median)
rd=$(field ready_s < "$D/disk.clones" | median)
rn=$(field ready_s < "$D/nodisk.clones" | median)
echo "BENCH disk_clone overlay_ms=$om overlay_bytes=$ob clone_ready_s=$rd clone_ready_nodisk_s=$rn" \
     "pause_ms=${pause[disk]} pause_nodisk_ms=${pause[nodisk]}"
