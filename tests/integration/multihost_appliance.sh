# shellcheck shell=bash
# Sourced first by the tests of a multi-host appliance (snowscaled + hostd on namespace hosts):
# the script runs again inside a network namespace of its own, with the actuator's and the
# hosts' helpers, skips when hostd is not built, and kills every host's processes at exit.
. "$(dirname "${BASH_SOURCE[0]}")/multihost_common.sh"
mh_enter_ns "$0" "$@"
. "$(dirname "${BASH_SOURCE[0]}")/actuator_common.sh"
. "$(dirname "${BASH_SOURCE[0]}")/multihost_common.sh"
act_require
[ -x "$BIN/snowscale-hostd" ] || { echo "1..0 # SKIP snowscale-hostd is not built"; exit 0; }
t_cleanup mh_kill_all

# mh_pool_two: hosts h1 and h2 (a hostd each, at most 2 clones of 128 MiB), snowscale-lb and
# snowscaled started, both hosts healthy.
mh_pool_two() {
  mh_certs
  mh_backbone
  for k in 1 2; do mh_host "$k"; mh_hostd "$k"; done
  ACT_READY_TIMEOUT=60s act_config
  sed -i 's/^  memory: 256M$/  memory: 128M/' "$ACT_CFG"
  MH_MAX_CLONES=2 mh_config 1 2
  act_start_lb
  act_start_scaled
  mh_healthy() { [ "$(curl -s -m 3 "$ACT_API/api/v1/hosts" | jq '[.hosts[] | select(.healthy)] | length')" = 2 ]; }
  t_wait_for 20 mh_healthy || t_bail "the hosts did not turn healthy: $(tail -3 "$T_DIR/scaled.log")"
}

# mh_disk_image [BULK_MIB]: $T_DIR/img/base.qcow2, a 64 MiB ext4 image with seed.txt
# ("from-the-image"), cold.bin (768 KiB nobody reads until a test does) and BULK_MIB of other data.
mh_disk_image() {
  command -v qemu-nbd >/dev/null || t_bail "qemu-nbd missing (make deps: qemu-utils)"
  command -v mkfs.ext4 >/dev/null || t_bail "mkfs.ext4 missing (e2fsprogs)"
  mkdir -p "$T_DIR/img/root"
  echo from-the-image > "$T_DIR/img/root/seed.txt"
  [ "${1:-0}" -gt 0 ] && head -c $(($1 << 20)) /dev/urandom > "$T_DIR/img/root/bulk.bin"
  head -c $((768 << 10)) /dev/urandom > "$T_DIR/img/root/cold.bin"
  truncate -s 64M "$T_DIR/img/fs.raw"
  mkfs.ext4 -q -F -d "$T_DIR/img/root" "$T_DIR/img/fs.raw" || t_bail "mkfs.ext4 -d"
  qemu-img convert -O qcow2 "$T_DIR/img/fs.raw" "$T_DIR/img/base.qcow2" || t_bail "qemu-img convert"
  rm -f "$T_DIR/img/fs.raw"
}
