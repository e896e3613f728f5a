#!/bin/bash
# The Debian 12 DokuWiki worker image (make guest-debian, docs/guest-image.md) booted for real
# under QEMU TCG: built once and then a cache hit; the booted worker's agent reports ready over the
# virtio-serial port and forwards the app's stats; DokuWiki renders generated pages through nginx
# and php-fpm with OPcache on; the agent's package is installed and its unit enabled; "quit" powers
# the VM off; the image file is untouched (snapshot=on). Prints the build and boot-to-ready times.
. "$(dirname "$0")/../lib.sh"
cd "$ROOT" || exit 1
OUT=$ROOT/build/guest/debian
IMG=$OUT/dokuwiki.qcow2
command -v qemu-system-x86_64 >/dev/null || t_bail "qemu-system-x86_64 missing (make deps)"
for t in socat jq debugfs; do command -v $t >/dev/null || t_bail "$t missing (make deps)"; done

# --- build, then again from the cache
t0=$SECONDS
make -s guest-debian >"$T_DIR/build1.log" 2>&1
rc=$?; b1=$((SECONDS - t0))
grep -E 'IMAGE|DEB' "$T_DIR/build1.log" | sed 's/^/# /'
[ $rc -eq 0 ] || { tail -30 "$T_DIR/build1.log"; t_bail "make guest-debian failed"; }
t_ok "make guest-debian builds the image (${b1}s)"
t0=$SECONDS
make -s guest-debian >"$T_DIR/build2.log" 2>&1
b2=$((SECONDS - t0))
t_like "$(cat "$T_DIR/build2.log")" "up to date" "a second make guest-debian is a cache hit (${b2}s)"
t_diag "BUILD first=${b1}s cached=${b2}s image_mib=$(du -m "$IMG" | cut -f1)"
CMDLINE=$(cat "$OUT/cmdline")
t_like "$CMDLINE" "root=/dev/vda" "the image names its root= for direct-kernel boot"
pages=$(wc -l <"$OUT/wiki-manifest.tsv")
t_check "the generated wiki has >= 2000 pages ($pages)" [ "$pages" -ge 2000 ]
before=$(stat -c '%s %Y' "$IMG")

# --- the agent package: what it holds, and a unit systemd accepts
DEB=$(ls build/guest/snowscale-guest-agent_*_amd64.deb)
t_like "$(dpkg-deb -f "$DEB" Package Architecture | tr '\n' ' ')" "Package: snowscale-guest-agent Architecture: amd64" \
  "the agent .deb's control file ($(basename "$DEB"))"
dpkg-deb -x "$DEB" "$T_DIR/deb"
t_check "the .deb holds a static sf-guestd, the unit, the udev rule, the options and on-clone.d" \
  bash -c "file -L '$T_DIR/deb/usr/sbin/sf-guestd' | grep -q 'statically linked' &&
    test -f '$T_DIR/deb/usr/lib/systemd/system/snowscale-guest-agent.service' &&
    test -f '$T_DIR/deb/usr/lib/udev/rules.d/60-snowscale-guest-agent.rules' &&
    test -f '$T_DIR/deb/etc/default/snowscale-guest-agent' && test -d '$T_DIR/deb/etc/snowscale/on-clone.d'"
sed "s|/usr/sbin/sf-guestd|$T_DIR/deb/usr/sbin/sf-guestd|" \
  "$T_DIR/deb/usr/lib/systemd/system/snowscale-guest-agent.service" >"$T_DIR/snowscale-guest-agent.service"
v=$(systemd-analyze verify --man=no "$T_DIR/snowscale-guest-agent.service" 2>&1)
t_is "$v" "" "systemd-analyze verify accepts the agent's unit"

# --- what is installed, read from the image offline (a raw copy; debugfs reads ext4 unmounted)
qemu-img convert -O raw "$IMG" "$T_DIR/root.raw" || t_bail "qemu-img convert"
dbg() { debugfs -R "$1" "$T_DIR/root.raw" 2>/dev/null; }
t_like "$(dbg 'cat /var/lib/dpkg/status' | grep -A1 '^Package: snowscale-guest-agent$')" \
  "Status: install ok installed" "the agent package is installed"
t_like "$(dbg 'stat /etc/systemd/system/multi-user.target.wants/snowscale-guest-agent.service')" \
  "Type: symlink" "the agent's unit is enabled (multi-user.target.wants)"
t_like "$(dbg 'ls -p /etc/snowscale/on-clone.d')" "README" "the on-clone.d directory is there"
t_like "$(dbg 'cat /etc/network/interfaces')" "address 10.0.2.15/24" "a static default network (ifupdown)"
t_like "$(dbg 'cat /etc/resolv.conf')" "nameserver 10.0.2.3" "a static default resolver"
# "ls -p" lines: /inode/mode/uid/gid/name/size/
t_is "$(dbg 'ls -p /usr/share/man' | awk -F/ 'NF > 5 && $6 != "." && $6 != ".."' | wc -l)" "0" \
  "no man pages in the image"
t_is "$(dbg 'ls -p /usr/share/doc/nginx-light' | awk -F/ 'NF > 5 && $6 != "." && $6 != ".."' | cut -d/ -f6)" \
  "copyright" "no package docs in the image (only copyright files)"
t_check "the image is small ($(du -m "$IMG" | cut -f1) MiB on disk, < 700)" [ "$(du -m "$IMG" | cut -f1)" -lt 700 ]
t_is "$(dbg 'ls /var/lib/apt/lists' | grep -c '_Packages')" "0" "apt lists cleaned"
rm -f "$T_DIR/root.raw"

# --- the operator guide names what the image and the package really use
doc=$(cat docs/guest-image.md)
for s in snowscale-guest-agent.service /etc/default/snowscale-guest-agent /etc/snowscale/on-clone.d \
         "$CMDLINE" "make guest-debian" /healthz /stats; do
  [[ "$doc" == *"$s"* ]] || t_fail "docs/guest-image.md does not mention '$s'"
done
t_ok "docs/guest-image.md names the unit, its options, the hooks, the health/stats paths and the cmdline"

# --- boot (TCG, the image read-only underneath, the agent's port on a unix socket)
sock=$T_DIR/agent.sock
boot() {
  port=$(t_free_port) || t_bail "no free port"
  rm -f "$sock"
  t_spawn qemu qemu-system-x86_64 -accel tcg -m 1024 -smp 1 -display none -monitor none -no-reboot \
    -kernel "$OUT/vmlinuz" -initrd "$OUT/initrd.img" -append "$CMDLINE" \
    -drive "file=$IMG,if=virtio,format=qcow2,snapshot=on" \
    -netdev "user,id=n0,hostfwd=tcp:127.0.0.1:$port-:80" -device virtio-net-pci,netdev=n0 \
    -device virtio-serial-pci -chardev "socket,id=ag,path=$sock,server=on,wait=off" \
    -device virtserialport,chardev=ag,name=org.snowscale.agent \
    -serial "file:$T_DIR/console.log"
  QPID=$T_PID
}
for attempt in 1 2 3; do
  boot_t0=$SECONDS; boot
  t_wait_for 20 test -S "$sock" && break
  grep -q "host forwarding" "$T_DIR/qemu.log" || { cat "$T_DIR/qemu.log"; t_bail "QEMU did not start"; }
  t_diag "port $port taken meanwhile; another one"
done
coproc AG { exec socat - "UNIX-CONNECT:$sock"; }
T_PIDS+=("$AG_PID")
echo hello >&"${AG[1]}"
# agent_line WORD SECONDS: the next line from the agent starting with WORD (others are skipped)
agent_line() {
  local line end=$((SECONDS + $2))
  while [ $SECONDS -lt $end ] && read -r -t $((end - SECONDS)) line <&"${AG[0]}"; do
    echo "$line" >>"$T_DIR/agent.log"
    [[ "$line" == "$1"* ]] && { echo "$line"; return 0; }
  done
  return 1
}
ready=$(agent_line ready 300)
ready_s=$((SECONDS - boot_t0))
if [ "$ready" != "ready parent" ]; then
  t_diag "console:"; tail -40 "$T_DIR/console.log" | sed 's/^/#   /'
  t_bail "the agent did not report ready within 300 s (got '$ready')"
fi
t_ok "the agent reports 'ready parent' over virtio-serial (${ready_s}s after QEMU started)"
t_diag "BOOT boot_to_ready_s=$ready_s"

# --- DokuWiki through nginx and php-fpm
base=http://127.0.0.1:$port
get() { curl -s -m 60 -o "$T_DIR/page.html" -w '%{http_code} %{time_total}' "$base$1"; }
t_like "$(get /healthz)" "^200 " "GET /healthz answers 200 once ready"
page=$(awk -F'\t' '$1 ~ /^networking:[a-z]/ && $1 !~ /:start$/ {print $1; exit}' "$OUT/wiki-manifest.tsv")
ptitle=$(awk -F'\t' -v id="$page" '$1 == id {print $2}' "$OUT/wiki-manifest.tsv")
r1=$(get "/doku.php?id=$page")
t_like "$r1" "^200 " "a generated page renders (HTTP 200, first render ${r1#* }s)"
t_like "$(grep -o '<title>[^<]*</title>' "$T_DIR/page.html")" "<title>$ptitle " "its title is the page's first heading ($ptitle)"
r2=$(get "/doku.php?id=$page")
t_diag "RENDER first_s=${r1#* } again_s=${r2#* } (page $page)"
# DokuWiki's render cache and OPcache: the second render is much cheaper (4.4 s vs 0.1-0.2 s measured)
t_check "the same page again is served from the caches (${r2#* }s < half of ${r1#* }s)" \
  awk -v a="${r2#* }" -v b="${r1#* }" 'BEGIN { exit !(a < b / 2) }'
lid=$(sort -t$'\t' -k4,4nr "$OUT/wiki-manifest.tsv" | awk -F'\t' '$1 !~ /start$/ {print $1; exit}')
nlinks=$(awk -F'\t' -v id="$lid" '$1 == id {print $4}' "$OUT/wiki-manifest.tsv")
r3=$(get "/doku.php?id=$lid")
n1=$(grep -o 'class="wikilink1"' "$T_DIR/page.html" | wc -l)
t_like "$r3" "^200 " "the page with the most links renders ($lid, $nlinks links, ${r3#* }s)"
t_check "its internal links resolve to existing pages ($n1 wikilink1 anchors)" [ "$n1" -ge 10 ]
nh=$(grep -Eo '<h[2-4][ >]' "$T_DIR/page.html" | wc -l)
t_check "its markup renders: headings ($nh) and a list or a table" \
  bash -c "[ $nh -ge 2 ] && grep -Eq '<(ul|ol|table)[ >]' '$T_DIR/page.html'"
t_like "$(get '/doku.php?id=start')" "^200 " "the start page renders"
t_like "$(grep -o '<title>[^<]*</title>' "$T_DIR/page.html")" "Welcome to the snowscale wiki" "the start page has its title"

# --- OPcache (test-only page of the image)
get /opcache-status.php >/dev/null
op=$(cat "$T_DIR/page.html")
t_is "$(jq -r .enabled <<<"$op")" "true" "OPcache is enabled in php-fpm"
t_check "OPcache holds DokuWiki's scripts ($(jq -r .cached_scripts <<<"$op") cached, $(jq -r .hits <<<"$op") hits)" \
  [ "$(jq -r .cached_scripts <<<"$op")" -gt 20 ]

# --- stats through the agent: its own pairs and the app's /stats (the unit's -s option)
echo stats >&"${AG[1]}"
st=$(agent_line stats 30)
t_like "$st" "^stats uptime_s=[0-9.]+ load1=[0-9.]+ mem_avail_kib=[0-9]+ .*opcache\.hits=[0-9]+" \
  "the agent forwards the app's stats (opcache.hits) with its own"

# --- retire: "quit" powers the VM off; the image underneath is unchanged
echo quit >&"${AG[1]}"
t_check "'quit' powers the VM off (QEMU exits)" t_wait_for 60 bash -c "! kill -0 $QPID 2>/dev/null"
t_is "$(stat -c '%s %Y' "$IMG")" "$before" "the image file is untouched (snapshot=on)"
t_done
