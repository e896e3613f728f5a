#!/bin/bash
# A disk that boots by itself (docs/disks.md, "Booting from the image"): the demo guest's kernel and
# initramfs on a FAT file system with SYSLINUX in its boot sector.
#   guest/mkbootdisk.sh OUT.raw KERNEL INITRD [CMDLINE]
# The disk is unpartitioned: its sector 0 is the FAT boot sector SYSLINUX writes, which is what
# SeaBIOS boots. No mount, no root: mkfs.fat, mtools' mcopy and the mtools-based `syslinux` all
# work on the image file. CMDLINE goes to syslinux.cfg's APPEND, because with firmware boot the
# driver passes no -append: the image's bootloader holds the kernel command line.
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: $0 OUT.raw KERNEL INITRD [CMDLINE]" >&2; exit 2; }
out=$1 kernel=$2 initrd=$3 cmdline=${4:-console=ttyS0 quiet}
for t in mkfs.fat mcopy syslinux; do
  command -v "$t" >/dev/null || { echo "mkbootdisk: $t missing (make deps: dosfstools mtools syslinux)" >&2; exit 1; }
done
# Room for both files plus 8 MiB, in whole MiB (a disk image is whole 512-byte sectors).
kib=$(( ($(stat -c %s "$kernel") + $(stat -c %s "$initrd")) / 1024 + 8192 ))
mib=$(( (kib + 1023) / 1024 ))
rm -f "$out"
truncate -s "${mib}M" "$out"
mkfs.fat -n SFBOOT "$out" >/dev/null
cfg=$(mktemp)
trap 'rm -f "$cfg"' EXIT
# SERIAL 0: the bootloader also talks on ttyS0, so its banner is in the VM's console.log.
printf 'SERIAL 0 115200\nDEFAULT worker\nPROMPT 0\nTIMEOUT 0\nLABEL worker\n  KERNEL /vmlinuz\n  INITRD /initrd.gz\n  APPEND %s\n' \
  "$cmdline" > "$cfg"
mcopy -i "$out" "$kernel" ::/vmlinuz
mcopy -i "$out" "$initrd" ::/initrd.gz
mcopy -i "$out" "$cfg" ::/syslinux.cfg
syslinux --install "$out"
