# shellcheck shell=bash
# Shared by tests/integration/qemu_*.sh: the guest image, the driver tool, VM cleanup by pid.
TOOL=$ROOT/build/tests/cc-qemu-tool
qemu_setup() {
  [ -x "$TOOL" ] || make -C "$ROOT" -s build/tests/cc-qemu-tool >&2 || t_bail "cannot build cc-qemu-tool"
  if [ ! -f "$ROOT/build/guest/initrd.gz" ]; then
    make -C "$ROOT" -s guest >&2 || t_bail "cannot build the guest image (make guest)"
  fi
  command -v qemu-system-x86_64 >/dev/null || t_bail "qemu-system-x86_64 missing (make deps)"
}
# Kill every QEMU started under $T_DIR at exit, by the pids in its run dirs.
qemu_kill_all() {
  local f
  for f in $(find "$T_DIR" -name qemu.pid 2>/dev/null); do
    kill -KILL "$(cat "$f")" 2>/dev/null || true
  done
}
t_cleanup qemu_kill_all
# http GET: body only
hget() { curl -s -m 30 "http://127.0.0.1:$1$2"; }
# X-Cache header of a GET
hcache() { curl -s -m 30 -D - -o /dev/null "http://127.0.0.1:$1$2" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-cache"{print $2}'; }
hput() { curl -s -m 30 -X PUT --data-binary "$3" "http://127.0.0.1:$1$2"; }
