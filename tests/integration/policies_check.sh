#!/bin/bash
# `snowscalectl config check` end to end: the annotated example is valid (exit 0); every file of
# the broken-config corpus exits 1 and prints exactly the diagnostics in its .expected file
# (file:line:col: path: message), all of them.
. "$(dirname "$0")/../lib.sh"
cd "$ROOT" || exit 1
CTL=$BIN/snowscalectl
# relink against the current policies library; an older binary is still a fair test if the
# program's own sources are mid-change elsewhere
make --no-print-directory build/bin/snowscalectl >"$T_DIR/build.log" 2>&1 || t_diag "could not rebuild snowscalectl; using the existing binary"
[ -x "$CTL" ] || t_bail "snowscalectl is not built (make build/bin/snowscalectl)"

out=$("$CTL" config check etc/snowscale.yaml 2>&1); rc=$?
t_is "$rc" "0" "etc/snowscale.yaml is valid"
t_like "$out" "ok \(pool web" "config check says ok for the example"

# the same example copied elsewhere: relative paths follow the file, so the kernel path changes
mkdir -p "$T_DIR/etc"
cp etc/snowscale.yaml "$T_DIR/etc/"
"$CTL" config check "$T_DIR/etc/snowscale.yaml" >/dev/null 2>&1
t_is "$?" "0" "a copy of the example elsewhere is still valid"

D=tests/data/config
for f in "$D"/*.yaml; do
  name=$(basename "$f")
  want=$(sed "s|^|$D/|" "${f%.yaml}.expected")
  got=$("$CTL" config check "$f" 2>&1 >/dev/null | grep -v ' not valid$' | sed "s|$(cd "$D" && pwd -P)/||g")
  "$CTL" config check "$f" >/dev/null 2>&1; rc=$?
  if [ "$rc" = 1 ] && [ "$got" == "$want" ]; then
    t_ok "$name: exit 1 and the expected $(wc -l <"${f%.yaml}.expected") diagnostic(s)"
  else
    t_fail "$name: rc=$rc"
    diff <(echo "$want") <(echo "$got") | sed 's/^/# /'
  fi
done

# a file that is not there, and a directory
"$CTL" config check "$T_DIR/nope.yaml" >"$T_DIR/nope.out" 2>&1
t_is "$?" "1" "a missing file exits 1"
t_like "$(cat "$T_DIR/nope.out")" "nope.yaml: cannot read: No such file or directory" "and says why"
"$CTL" config check "$T_DIR" >"$T_DIR/dir.out" 2>&1
t_is "$?" "1" "a directory exits 1"
t_like "$(cat "$T_DIR/dir.out")" "not a regular file" "and says why"
t_done
