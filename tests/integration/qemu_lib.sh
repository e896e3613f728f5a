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
# Free ports are only free until someone else (other tests on this machine) takes one: a clone
# whose hostfwd port was taken in between fails at start with "host forwarding"; try new ports.
# qclone GEN RUN ID [tool args...]: prints the tool's line plus " port=P".
qclone() {
  local gen=$1 run=$2 id=$3 out; shift 3
  for _ in 1 2 3; do
    QPORT=$(t_free_port) || return 1
    out=$("$TOOL" clone --gen "$gen" --run "$run" --port "$QPORT" --id "$id" "$@" 2>&1) && { echo "$out port=$QPORT"; return 0; }
    [[ "$out" == *"host forwarding"* ]] || { echo "$out"; return 1; }
    rm -rf "$run"
  done
  echo "$out"; return 1
}
# qclones GEN RUN N: N clones in parallel on consecutive ports; prints the tool's line plus
# " base_port=P".
qclones() {
  local gen=$1 run=$2 n=$3 out p i ok f
  for _ in 1 2 3; do
    for _ in $(seq 50); do
      p=$(t_free_port) || return 1; ok=1
      for i in $(seq 0 "$n"); do ss -Hltn "sport = :$((p+i))" | grep -q . && { ok=0; break; }; done
      [ $ok = 1 ] && break
    done
    QBASE=$p
    out=$("$TOOL" clones --gen "$gen" --run "$run" --port "$QBASE" --n "$n" 2>&1) && { echo "$out base_port=$QBASE"; return 0; }
    for f in $(find "$run" -name qemu.pid 2>/dev/null); do kill -KILL "$(cat "$f")" 2>/dev/null; done
    rm -rf "$run"
    [[ "$out" == *"host forwarding"* ]] || { echo "$out"; return 1; }
  done
  echo "$out"; return 1
}
# qboot RUN [tool args...]: boot a parent on a free port (retried like qclone); prints the tool's
# line plus " port=P".
qboot() {
  local run=$1 out p; shift
  for _ in 1 2 3; do
    p=$(t_free_port) || return 1
    out=$("$TOOL" boot --run "$run" --port "$p" "$@" 2>&1) && { echo "$out port=$p"; return 0; }
    [[ "$out" == *"host forwarding"* ]] || { echo "$out"; return 1; }
    rm -rf "$run"
  done
  echo "$out"; return 1
}
