#!/bin/bash
# QEMU driver: a generation cut from a running clone, three levels deep (parent -> c1 -> c2 -> c3).
# Each level adds an item; the deepest clone serves all of them as hits, each level keeps serving,
# and a level's later writes do not reach the generation cut from it.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/qemu_lib.sh"
qemu_setup

out=$(qboot "$T_DIR/parent") || t_bail "parent boot: $out"
P0=$(sed -n 's/.* port=\([0-9]*\)$/\1/p' <<<"$out")
hput "$P0" /item/level0 L0 >/dev/null
out=$("$TOOL" checkpoint --run "$T_DIR/parent" --gen "$T_DIR/gen0" 2>&1) || t_bail "checkpoint parent: $out"
src=gen0; prev=$P0
for lvl in 1 2 3; do
  out=$(qclone "$T_DIR/$src" "$T_DIR/c$lvl" "c$lvl") || t_bail "clone level $lvl: $out"
  p=$(sed -n 's/.*address=127.0.0.1:\([0-9]*\).*/\1/p' <<<"$out"); ports[$lvl]=$p
  t_diag "level $lvl clone: $out"
  for l in $(seq 0 $((lvl-1))); do
    t_is "$(hcache "$p" /item/level$l)" hit "level $lvl clone serves level $l's item as a hit"
  done
  t_like "$(hget "$p" /whoami)" "\"clone_id\":\"c$lvl\"" "level $lvl clone has its own identity"
  hput "$p" /item/level$lvl "L$lvl" >/dev/null
  if [ "$lvl" -lt 3 ]; then
    out=$("$TOOL" checkpoint --run "$T_DIR/c$lvl" --gen "$T_DIR/gen$lvl" 2>&1) || t_bail "checkpoint clone level $lvl: $out"
    t_diag "cut from level $lvl: $out"
    t_is "$(hget "$p" /item/level$lvl)" "L$lvl" "level $lvl clone keeps serving after its generation was cut"
    hput "$p" /item/after$lvl late >/dev/null
    src=gen$lvl
  fi
done
t_is "$(hcache "${ports[3]}" /item/after2)" miss "a write after the cut does not reach the next level"
t_is "$(hget "${ports[3]}" /item/level0)" L0 "deepest clone has the parent's data"
t_done
