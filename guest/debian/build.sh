#!/bin/bash
# guest/debian/build.sh: a Debian 12 worker image for snowscale from Debian's registry only:
# systemd, the cloud kernel, nginx-light + php-fpm (OPcache) + DokuWiki with a generated wiki,
# and the snowscale-guest-agent package (enabled). Run by `make guest-debian`.
#
#   guest/debian/build.sh OUTDIR AGENT_DEB
#
# Outputs in OUTDIR: dokuwiki.qcow2 (ext4 on the whole disk, no partition table), vmlinuz and
# initrd.img for direct-kernel boot, cmdline (the kernel command line to boot with, root= in it),
# wiki-manifest.tsv (the generated pages: id, title, bytes, links), inputs.sha256.
# Cached: the image is rebuilt only when the hash of its inputs (this directory's files, the
# package list, the agent package) differs from OUTDIR/inputs.sha256.
# MIRROR= an apt sources file or mirror URL (default: the host's Debian sources, else deb.debian.org).
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 OUTDIR AGENT_DEB" >&2; exit 2; }
out=$1 deb=$(realpath "$2")
here=$(cd "$(dirname "$0")" && pwd)
img=$out/dokuwiki.qcow2
CMDLINE="root=/dev/vda rw console=ttyS0 net.ifnames=0 quiet"
mkdir -p "$out"
out=$(realpath "$out")

# One build at a time per OUTDIR (make and a test may both ask for it).
exec 9>"$out/.lock"
flock 9

hash=$( { (cd "$here" && find . -type f ! -name '*.pyc' -print0 | sort -z | xargs -0 sha256sum);
          sha256sum <"$deb"; echo "$CMDLINE"; } | sha256sum | cut -c1-16)
if [ -f "$out/inputs.sha256" ] && [ "$(cat "$out/inputs.sha256")" = "$hash" ] &&
   [ -f "$img" ] && [ -f "$out/vmlinuz" ] && [ -f "$out/initrd.img" ]; then
	echo "  IMAGE   $img up to date (inputs $hash, $(du -m "$img" | cut -f1) MiB)"
	exit 0
fi
for t in mmdebstrap mkfs.ext4 qemu-img python3; do
	command -v "$t" >/dev/null || { echo "build.sh: $t missing (make deps installs it)" >&2; exit 1; }
done
[ "$(id -u)" = 0 ] || { echo "build.sh: mmdebstrap's root mode needs root" >&2; exit 1; }

start=$(date +%s)
step() { echo "  IMAGE   [$1/5 +$(( $(date +%s) - start ))s] $2"; }
work=$out/work
# --one-file-system: if a killed mmdebstrap left /proc or /dev mounted in the old root, remove
# nothing of them (rm fails instead, and says where).
rm -rf --one-file-system "$work" "$out/inputs.sha256"
mkdir -p "$work"
trap 'rm -rf --one-file-system "$work"' EXIT

step 1 "generating the wiki (guest/debian/mkwiki.py)"
python3 "$here/mkwiki.py" "$work/wiki"
echo "          $(wc -l <"$work/wiki/manifest.tsv") pages, $(du -sm "$work/wiki/pages" | cut -f1) MiB"

step 2 "mmdebstrap bookworm ($(grep -cv '^#' "$here/packages.list") packages and their dependencies)"
if [ -z "${MIRROR:-}" ]; then
	MIRROR=/etc/apt/sources.list.d/debian.sources
	[ -f "$MIRROR" ] || MIRROR="deb http://deb.debian.org/debian bookworm main"
fi
pkgs=$(grep -v '^#' "$here/packages.list" | xargs | tr ' ' ,)
# Downloaded .debs are kept in OUTDIR/apt-cache (not an input: apt checks their hashes) so a
# rebuild after a script change does not download again.
mkdir -p "$out/apt-cache"
# No docs, man pages or translations in a worker; apt's lists and cache are removed by mmdebstrap.
# The initrd only needs what finds the root disk (virtio, Xen PV) and mounts it: a small initrd
# unpacks faster on a TCG worker than "MODULES=most".
mmdebstrap --variant=minbase --include="$pkgs" --skip=download/empty --skip=essential/unlink \
	--setup-hook='mkdir -p "$1/var/cache/apt/archives"' \
	--setup-hook="sync-in '$out/apt-cache' /var/cache/apt/archives" \
	--dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/info/*' \
	--dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
	--dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-include=/usr/share/locale/locale.alias' \
	--dpkgopt='path-exclude=/usr/share/lintian/*' \
	--essential-hook='mkdir -p "$1/etc/initramfs-tools/conf.d" "$1/usr/share/initramfs-tools/modules.d"' \
	--essential-hook='printf "MODULES=list\n" >"$1/etc/initramfs-tools/conf.d/snowscale.conf"' \
	--essential-hook='printf "virtio_pci\nvirtio_blk\nvirtio_net\nvirtio_console\next4\nxen_blkfront\nxen_netfront\n" >"$1/usr/share/initramfs-tools/modules.d/snowscale"' \
	--customize-hook="sync-out /var/cache/apt/archives '$out/apt-cache'" \
	--customize-hook="sync-in '$here/rootfs' /" \
	--customize-hook='mkdir -p "$1/tmp/wiki-pages"' \
	--customize-hook="sync-in '$work/wiki/pages' /tmp/wiki-pages" \
	--customize-hook="copy-in '$deb' /tmp" \
	--customize-hook="chroot \"\$1\" sh -c 'mv /tmp/snowscale-guest-agent_*.deb /tmp/snowscale-guest-agent.deb'" \
	--customize-hook="copy-in '$here/setup.sh' /tmp" \
	--customize-hook='chroot "$1" /bin/sh /tmp/setup.sh' \
	bookworm "$work/root" "$MIRROR"
echo "          root filesystem $(du -sm "$work/root" | cut -f1) MiB"

step 3 "kernel and initrd for direct-kernel boot"
cp "$(ls "$work"/root/boot/vmlinuz-* | sort -V | tail -1)" "$work/vmlinuz"
cp "$(ls "$work"/root/boot/initrd.img-* | sort -V | tail -1)" "$work/initrd.img"
echo "          vmlinuz $(du -k "$work/vmlinuz" | cut -f1) KiB, initrd.img $(du -k "$work/initrd.img" | cut -f1) KiB"

step 4 "ext4 filesystem (mkfs.ext4 -d, no mount)"
used=$(du -sm "$work/root" | cut -f1)
# Room for DokuWiki's render cache of every page and for logs; sparse on the host.
size=$(( used * 2 > 2048 ? used * 2 : 2048 ))
mkfs.ext4 -q -F -L snowscale-root -m 1 -d "$work/root" "$work/root.raw" "${size}M"

step 5 "qcow2"
qemu-img convert -O qcow2 "$work/root.raw" "$work/dokuwiki.qcow2"
mv "$work/dokuwiki.qcow2" "$img"
mv "$work/vmlinuz" "$work/initrd.img" "$out/"
cp "$work/wiki/manifest.tsv" "$out/wiki-manifest.tsv"
echo "$CMDLINE" >"$out/cmdline"
echo "$hash" >"$out/inputs.sha256"
echo "  IMAGE   $img: $(du -m "$img" | cut -f1) MiB on disk (${size} MiB virtual), built in $(( $(date +%s) - start ))s"
echo "          boot: -kernel $out/vmlinuz -initrd $out/initrd.img -append \"$CMDLINE\""
