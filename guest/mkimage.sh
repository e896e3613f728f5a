#!/bin/bash
# Build the worker guest image: build/guest/vmlinuz + build/guest/initrd.gz.
#   guest/mkimage.sh OUTDIR SFDEMO SF_GUESTD
# Kernel and busybox come from Debian's archive (apt-get download, cached in OUTDIR/dl, extracted
# with dpkg-deb -x); nothing else is fetched. A second run with the same inputs reuses the cache.
set -euo pipefail
out=$1 sfdemo=$2 guestd=$3
src=$(cd "$(dirname "$0")" && pwd)
dl=$out/dl; mkdir -p "$dl"
step() { echo "  GUEST   $*"; }

# Debian names the current cloud kernel through a meta-package; remember which one we resolved so
# that later builds do not depend on apt's lists.
if [ ! -s "$dl/kernel.pkg" ]; then
  pkg=$(apt-cache depends linux-image-cloud-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/{print $2; exit}')
  [ -n "$pkg" ] || { echo "guest: cannot resolve linux-image-cloud-amd64 (apt-get update?)" >&2; exit 1; }
  echo "$pkg" > "$dl/kernel.pkg"
fi
kpkg=$(cat "$dl/kernel.pkg")
fetch() {  # fetch PKG: download into the cache unless a .deb for it is already there
  local p=$1
  if ! ls "$dl/${p}_"*.deb >/dev/null 2>&1; then
    step "apt-get download $p"
    (cd "$dl" && apt-get download -q "$p" 2>&1 | grep -v '^W: Download is performed unsandboxed' >&2 || true)
    ls "$dl/${p}_"*.deb >/dev/null 2>&1 || { echo "guest: download of $p failed" >&2; exit 1; }
  fi
}
fetch "$kpkg"
fetch busybox-static

kx=$dl/kernel-x
if [ ! -f "$kx/.done" ]; then
  step "extract $(basename "$dl/${kpkg}_"*.deb)"
  rm -rf "$kx"; mkdir -p "$kx"; dpkg-deb -x "$dl/${kpkg}_"*.deb "$kx"; touch "$kx/.done"
fi
bx=$dl/busybox-x
if [ ! -f "$bx/.done" ]; then
  step "extract busybox-static"
  rm -rf "$bx"; mkdir -p "$bx"; dpkg-deb -x "$dl/busybox-static_"*.deb "$bx"; touch "$bx/.done"
fi

root=$(mktemp -d "$out/root.XXXXXX")
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/{bin,sbin,etc,lib/modules,proc,sys,dev,run,tmp}
cp "$bx/bin/busybox" "$root/bin/busybox"
cp "$src/init" "$root/init"; chmod 755 "$root/init"
install -m755 "$sfdemo" "$root/sbin/sfdemo"
install -m755 "$guestd" "$root/sbin/sf-guestd"
kmods=$(echo "$kx"/lib/modules/*/kernel)
n=0
while read -r m; do
  f=$(find "$kmods" -name "$m.ko" -o -name "$m.ko.xz" | head -n1)
  [ -n "$f" ] || { echo "guest: module $m not in $kpkg" >&2; exit 1; }
  case "$f" in *.xz) xz -dc "$f" > "$root/lib/modules/$m.ko";; *) cp "$f" "$root/lib/modules/$m.ko";; esac
  echo "$m" >> "$root/etc/modules"; n=$((n+1))
done < "$src/modules.list"
echo "root:x:0:0:root:/:/bin/sh" > "$root/etc/passwd"
step "initramfs: busybox, sfdemo, sf-guestd, $n modules"
# Reproducible: fixed mtimes and sorted names, so the same inputs give the same bytes.
find "$root" -exec touch -h -d @0 {} +
(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc --reproducible -R 0:0 --quiet) | gzip -9n > "$out/initrd.gz.tmp"
mv "$out/initrd.gz.tmp" "$out/initrd.gz"
cp "$kx"/boot/vmlinuz-* "$out/vmlinuz.tmp" && mv "$out/vmlinuz.tmp" "$out/vmlinuz"
step "$out/vmlinuz ($(du -k "$out/vmlinuz" | cut -f1) KiB), $out/initrd.gz ($(du -k "$out/initrd.gz" | cut -f1) KiB)"
