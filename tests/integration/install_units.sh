#!/bin/bash
# `make install DESTDIR=... PREFIX=...` installs the binaries, the docs and the systemd units,
# the units naming the binaries under that PREFIX; `systemd-analyze verify` (no systemd as PID 1
# needed) accepts the installed units without a single warning, and does catch a broken one.
. "$(dirname "$0")/../lib.sh"
cd "$ROOT" || exit 1
command -v systemd-analyze >/dev/null || { echo "1..0 # SKIP systemd-analyze is not installed (Debian package systemd)"; exit 0; }
UNITS=$(cd etc/systemd && ls *.service)
BINS="snowscaled snowscalectl snowscale-lb snowscale-hostd sf-memserver sf-memtap sf-descriptor"

# verify ROOT UNIT-PATH...: systemd-analyze verify inside ROOT; prints its complaints. The units'
# own directory goes first on the search path: only /usr/local/lib/systemd/system is there already.
verify() {
  local root=$1; shift
  SYSTEMD_UNIT_PATH="$(dirname "$1"):" systemd-analyze verify --man=no --root="$root" "$@" 2>&1
}
# What the units need from the host and not from us: the targets they order against, /bin/kill.
prepare_root() {
  mkdir -p "$1/usr/lib/systemd/system" "$1/bin"
  cp /lib/systemd/system/*.target "$1/usr/lib/systemd/system/"
  cp /bin/kill "$1/bin/kill"
}

for prefix in /usr/local /opt/snowscale; do
  R=$T_DIR/root${prefix//\//_}
  if make --no-print-directory install DESTDIR="$R" PREFIX="$prefix" >"$T_DIR/install.log" 2>&1; then
    t_ok "make install DESTDIR=... PREFIX=$prefix"
  else
    tail -n 20 "$T_DIR/install.log" | sed 's/^/# /'; t_bail "make install PREFIX=$prefix failed"
  fi
  missing=""; for b in $BINS; do [ -x "$R$prefix/bin/$b" ] || missing+=" $b"; done
  t_is "$missing" "" "PREFIX=$prefix: every binary in $prefix/bin"
  UD=$prefix/lib/systemd/system
  paths=()
  for u in $UNITS; do
    paths+=("$UD/$u")
    [ -f "$R$UD/$u" ] && t_ok "PREFIX=$prefix: $u installed in $UD" || t_fail "PREFIX=$prefix: $u installed in $UD"
  done
  execs=$(grep -h '^Exec[A-Za-z]*=' "${paths[@]/#/$R}" | grep -v '/bin/kill' | sed -E 's/^[^=]+=-?([^ ]+).*/\1/' | sort -u)
  t_like "$(echo $execs)" "^$prefix/bin/snowscale" "PREFIX=$prefix: the units run $(echo $execs)"
  t_is "$(echo "$execs" | grep -cv "^$prefix/bin/")" 0 "PREFIX=$prefix: no unit names a binary outside $prefix/bin"
  prepare_root "$R"
  out=$(verify "$R" "${paths[@]}"); rc=$?
  t_is "$rc:$out" "0:" "PREFIX=$prefix: systemd-analyze verify: no error, no warning"
done

# The check itself can fail: a misspelt key, a bad Type=, a binary that is not there.
R=$T_DIR/root_usr_local
UD=/usr/local/lib/systemd/system
cp "$R$UD/snowscaled.service" "$T_DIR/snowscaled.orig"
for breakage in 's/^Restart=/Restrat=/' 's/^Type=notify/Type=notifyy/' 's|^ExecStart=/usr/local/bin/snowscaled|ExecStart=/usr/local/bin/snowscaledd|'; do
  sed "$breakage" "$T_DIR/snowscaled.orig" >"$R$UD/snowscaled.service"
  out=$(verify "$R" "$UD/snowscaled.service"); rc=$?
  [ "$rc" != 0 ] || [ -n "$out" ] && t_ok "a broken unit ($breakage) is caught: $(head -n 1 <<<"$out" | sed "s|$R||")" ||
    t_fail "a broken unit ($breakage) passes verify"
done
cp "$T_DIR/snowscaled.orig" "$R$UD/snowscaled.service"
t_done
