#!/bin/bash
# `snowscalectl config check` on the tricky-config corpus (tests/data/config/tricky, see its
# README): every file ends in a clean verdict (exit 0 or 1, never a signal, never a hang) and
# every diagnostic is where the file's "# expect:" line (or FILE.expect) says, and nowhere else.
. "$(dirname "$0")/../lib.sh"
cd "$ROOT" || exit 1
CTL=$BIN/snowscalectl
make --no-print-directory build/bin/snowscalectl >"$T_DIR/build.log" 2>&1 || t_diag "could not rebuild snowscalectl; using the existing binary"
[ -x "$CTL" ] || t_bail "snowscalectl is not built (make build/bin/snowscalectl)"
D=tests/data/config/tricky

n=$(ls "$D"/*.yaml | wc -l)
t_like "$n" '^([4-9][0-9]|[1-9][0-9][0-9]+)$' "at least 40 tricky configs ($n)"

expectations() {  # one per line, from FILE.expect or the first "# expect:" line
  if [ -f "${1%.yaml}.expect" ]; then cat "${1%.yaml}.expect"; return; fi
  LC_ALL=C sed -n '1{s/^\xef\xbb\xbf//;s/^# expect: //p;q}' "$1" | sed 's/; /\n/g'
}

for f in "$D"/*.yaml; do
  name=${f#"$D"/}
  exp=$(expectations "$f")
  [ -n "$exp" ] || { t_fail "$name: no expectation (first line '# expect: ...' or ${name%.yaml}.expect)"; continue; }
  out=$(timeout 10 "$CTL" config check "$f" 2>&1); rc=$?
  if [ "$rc" -ge 124 ]; then
    t_fail "$name: exit $rc ($([ "$rc" = 124 ] && echo "hung for 10 s" || echo "killed by signal $((rc - 128))"))"
    continue
  fi
  if [ "$exp" = ok ]; then
    [ "$rc" = 0 ] && t_ok "$name: valid, exit 0" || { t_fail "$name: expected valid, exit $rc"; sed 's/^/# /' <<<"$out"; }
    continue
  fi
  # the diagnostics as "LINE:COL PATH" ("-" when absent), in the order printed
  got=$(grep -aF "$f:" <<<"$out" | grep -av ' problems\?; not valid$' | LC_ALL=C awk -v f="$f:" '{
          s = substr($0, length(f) + 1); pos = "-"
          if (match(s, /^[0-9]+:[0-9]+: /)) { pos = substr(s, 1, RLENGTH - 2); s = substr(s, RLENGTH + 1) }
          else sub(/^ /, "", s)
          path = "-"
          if (match(s, /^[^ :]+: /)) path = substr(s, 1, RLENGTH - 2)
          else if (match(s, /^[^ :]+:$/)) path = substr(s, 1, RLENGTH - 1)
          print pos " " path }')
  if [ "$rc" = 1 ] && [ "$got" == "$exp" ]; then
    t_ok "$name: exit 1, $(wc -l <<<"$exp") diagnostic(s) at $(cut -d' ' -f1 <<<"$exp" | head -n 4 | paste -sd' ')"
  else
    t_fail "$name: exit $rc, diagnostics differ from the expectation"
    diff <(echo "$exp") <(echo "$got") | sed 's/^/# /'
    sed 's/^/# | /' <<<"$out" | head -n 10
  fi
done
t_done
