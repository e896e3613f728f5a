#!/bin/bash
# QEMU driver, a disk with its own bootloader and no kernel given (docs/disks.md, "Booting from the
# image"): real VMs under TCG. The demo worker's kernel and initramfs go on a FAT qcow2 with
# SYSLINUX (guest/mkbootdisk.sh); the kernel command line is in its syslinux.cfg. SeaBIOS boots it
# (bootindex=1, no -kernel), the app serves and the agent reports ready; a generation cut from that
# parent clones, and the clone serves with its own identity, still without a kernel. Then the same
# image through snowscaled (driver.disk, no kernel key): its pool serves through nginx from a clone.
. "$(dirname "$0")/actuator_common.sh"
. "$(dirname "$0")/qemu_lib.sh"
qemu_setup
command -v qemu-img >/dev/null || t_bail "qemu-img missing (make deps: qemu-utils)"
for t in mkfs.fat mcopy syslinux; do
  command -v "$t" >/dev/null || t_bail "$t missing (make deps: dosfstools mtools syslinux)"
done
mkdir -p "$T_DIR/img"
# sf.hostname= is only in syslinux.cfg: the parent's hostname proves the bootloader's APPEND is
# the command line the kernel got.
"$ROOT/guest/mkbootdisk.sh" "$T_DIR/img/boot.raw" "$ROOT/build/guest/vmlinuz" "$ROOT/build/guest/initrd.gz" \
  "console=ttyS0 quiet sf.hostname=fwboot" >&2 || t_bail "guest/mkbootdisk.sh"
qemu-img convert -O qcow2 "$T_DIR/img/boot.raw" "$T_DIR/img/boot.qcow2" || t_bail "qemu-img convert"
rm -f "$T_DIR/img/boot.raw"
img_sum=$(sha256sum < "$T_DIR/img/boot.qcow2")
# argv of a VM's QEMU, one argument per line
qargv() { tr '\0' '\n' < "/proc/$(cat "$1/qemu.pid")/cmdline"; }

# --kernel "" --initrd "": the tool's defaults would name the demo kernel; empty means none.
out=$(qboot "$T_DIR/parent" --kernel "" --initrd "" --disk "$T_DIR/img/boot.qcow2" --timeout 120) ||
  t_bail "parent boot from the disk: $out"
P0=$(sed -n 's/.* port=\([0-9]*\)$/\1/p' <<<"$out")
t_diag "parent: $out"
t_like "$out" "^ready_s=[0-9.]+ .* disk=$T_DIR/parent/disk-1.qcow2" "the parent booted from its disk and is ready"
argv=$(qargv "$T_DIR/parent")
t_is "$(grep -cx -e -kernel -e -initrd -e -append <<<"$argv")" 0 "the parent's QEMU gets no -kernel, -initrd or -append"
t_like "$argv" "virtio-blk-pci,id=vd0,drive=disk1,bootindex=1" "the disk is the first boot device"
t_like "$(grep -a -m1 SYSLINUX "$T_DIR/parent/console.log")" "^SYSLINUX [0-9]" "SYSLINUX from the disk's boot sector ran"
t_like "$(grep -a 'sf-guestd: reported ready' "$T_DIR/parent/console.log")" "ready as parent" "the agent reported ready"
t_is "$(hget "$P0" /healthz)" ok "the parent's app serves /healthz"
t_is "$(hget "$P0" /whoami)" '{"hostname":"fwboot","clone_id":"parent"}' \
  "the parent got syslinux.cfg's command line (sf.hostname=fwboot)"

out=$("$TOOL" checkpoint --run "$T_DIR/parent" --gen "$T_DIR/gen1" 2>&1) || t_bail "checkpoint: $out"
t_diag "cut: $out"
t_like "$out" 'layers=1$' "the generation froze the boot disk's layer"
t_is "$(hget "$P0" /healthz)" ok "the parent serves after the cut"

out=$(qclone "$T_DIR/gen1" "$T_DIR/c1" c1) || t_bail "clone c1: $out"
CP=$(sed -n 's/.* port=\([0-9]*\)$/\1/p' <<<"$out")
t_diag "clone: $out"
t_like "$out" "state=running disk=$T_DIR/c1/disk-1.qcow2" "the clone runs on its own overlay"
t_is "$(grep -cx -e -kernel -e -initrd -e -append <<<"$(qargv "$T_DIR/c1")")" 0 "the clone's QEMU gets no -kernel either"
t_is "$(hget "$CP" /healthz)" ok "the clone serves /healthz"
t_is "$(hget "$CP" /whoami)" '{"hostname":"w-c1","clone_id":"c1"}' "the clone took its own identity"
t_is "$(hget "$P0" /whoami)" '{"hostname":"fwboot","clone_id":"parent"}' "the parent kept its own"
t_is "$("$TOOL" retire --run "$T_DIR/c1" 2>&1)" retired "retire the clone"
for f in $(find "$T_DIR/parent" "$T_DIR/c1" -name qemu.pid 2>/dev/null); do kill -KILL "$(cat "$f")" 2>/dev/null; done

# The operator's case: snowscaled with driver.disk and no kernel key.
act_require
act_config
sed -i -e '/^  kernel: /d' -e '/^  initrd: /d' -e "s|^  memory: 256M|  disk: $T_DIR/img/boot.qcow2\n  memory: 256M|" "$ACT_CFG"
t_check "a config with driver.disk and no kernel is valid" "$BIN/snowscalectl" config check "$ACT_CFG"
act_start_lb
act_start_scaled
act_scale 1
act_wait_serving 1 120 || t_bail "pool did not reach 1 serving clone (log: $(tail -5 "$T_DIR/scaled.log"))"
t_like "$(grep -m1 'booting the parent from' "$T_DIR/scaled.log")" \
  "booting the parent from its disk's bootloader, disk $T_DIR/img/boot.qcow2" "snowscaled boots the parent from the disk"
t_is "$(tr '\0' '\n' < "/proc/$(cat "$ACT_STATE/parent/qemu.pid")/cmdline" | grep -cx -e -kernel -e -append)" 0 \
  "snowscaled's parent QEMU gets no -kernel"
id=$(act_ids_in serving)
addr=$(act_clones | jq -r --arg id "$id" '.clones[] | select(.id==$id) | .address')
t_like "$(curl -s -m 30 "http://$addr/whoami")" "\"clone_id\":\"$id\"" "snowscaled's clone $id serves as itself"
t_like "$(act_front_workers 10)" "$id" "the front (nginx) reaches the clone"
t_is "$(sha256sum < "$T_DIR/img/boot.qcow2")" "$img_sum" "the operator's image was never written"
t_done
