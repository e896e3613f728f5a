#!/bin/bash
# guest/debian/mkdeb.sh: the snowscale-guest-agent Debian package, with dpkg-deb only (no debhelper).
#   guest/debian/mkdeb.sh SF_GUESTD VERSION OUTDIR   -> OUTDIR/snowscale-guest-agent_VERSION_amd64.deb
# Reproducible: every file gets the mtime of SOURCE_DATE_EPOCH (by default the last commit that
# changed the agent or this packaging, else 0), root owns everything,
# so the same sources give the same bytes (the image cache hashes its inputs).
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 SF_GUESTD VERSION OUTDIR" >&2; exit 2; }
bin=$1 version=$2 out=$3
src=$(cd "$(dirname "$0")" && pwd)/agent

deb=$out/snowscale-guest-agent_${version}_amd64.deb
stage=$out/pkg-agent
top=$(cd "$src/../../.." && pwd)
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$top" log -1 --format=%ct -- guest/debian/agent \
	guest/debian/mkdeb.sh 'guest/agent*' 2>/dev/null || true)}
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-0}

rm -rf "$stage"
install -d "$stage/DEBIAN" "$stage/usr/sbin" "$stage/usr/lib/systemd/system" "$stage/usr/lib/udev/rules.d" \
	"$stage/etc/default" "$stage/etc/snowscale/on-clone.d" "$stage/usr/share/doc/snowscale-guest-agent"
install -m755 "$bin" "$stage/usr/sbin/sf-guestd"
install -m644 "$src/snowscale-guest-agent.service" "$stage/usr/lib/systemd/system/"
install -m644 "$src/60-snowscale-guest-agent.rules" "$stage/usr/lib/udev/rules.d/"
install -m644 "$src/default" "$stage/etc/default/snowscale-guest-agent"
install -m644 "$src/on-clone.README" "$stage/etc/snowscale/on-clone.d/README"
cat >"$stage/usr/share/doc/snowscale-guest-agent/copyright" <<EOT
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: snowscale
Source: the snowscale source tree (guest/)

Files: *
Copyright: snowscale developers
License: see the snowscale source tree
EOT
for f in postinst prerm postrm; do install -m755 "$src/$f" "$stage/DEBIAN/$f"; done
printf '%s\n' /etc/default/snowscale-guest-agent /etc/snowscale/on-clone.d/README >"$stage/DEBIAN/conffiles"
size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@SIZE@/$size/" "$src/control.in" >"$stage/DEBIAN/control"
(cd "$stage" && find usr etc -type f -print0 | sort -z | xargs -0 md5sum) >"$stage/DEBIAN/md5sums"
find "$stage" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
rm -rf "$stage"
echo "  DEB     $deb ($(du -k "$deb" | cut -f1) KiB)"
