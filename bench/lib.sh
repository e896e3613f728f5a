# Start-up shared by the QEMU benchmarks, sourced once ROOT is set:
#   D              a scratch directory, removed at exit with every QEMU started under it killed
#   bench_on_exit  CMD... run (eval) at exit before that, e.g. to stop a server or unmount a FUSE
#   bench_build    TARGET...: make them, and the guest image when it is missing
# and the tests' port helpers (t_free_port, t_free_port_run) without their test directory or traps.
T_LIB_NO_SETUP=1 . "$ROOT/tests/lib.sh"
export SNOWSCALE_ROOT=$ROOT
BENCH_EXIT=()
bench_on_exit() { BENCH_EXIT+=("$*"); }
bench_build() {
  [ $# -eq 0 ] || make -C "$ROOT" -s "$@" || return 1
  [ -f "$ROOT/build/guest/initrd.gz" ] || make -C "$ROOT" -s guest
}
_bench_cleanup() {
  local f h
  for f in $(find "$D" -name qemu.pid 2>/dev/null); do kill -KILL "$(cat "$f")" 2>/dev/null; done
  for h in "${BENCH_EXIT[@]}"; do eval "$h"; done
  rm -rf "$D"
}
D=$(mktemp -d "${TMPDIR:-/tmp}/snowscale-bench.XXXXXX")
trap _bench_cleanup EXIT
