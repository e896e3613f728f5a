# Inside dom0: start the toolstack (xenstored, xenconsoled), then the driver's lab test.
fail() { echo "FAIL $*"; xl dmesg 2>/dev/null | tail -30; exit 1; }
K=/lib/modules/$(uname -r)/kernel/drivers/xen
for m in xen-evtchn xen-privcmd xenfs/xenfs xen-gntdev xen-gntalloc; do insmod $K/$m.ko || echo "insmod $m failed"; done
mount -t xenfs xenfs /proc/xen || fail "toolstack: mount xenfs"
# the clones' bridge (xenbr0-style): netback + bridge; vif-bridge puts each vif on it
KN=/lib/modules/$(uname -r)/kernel
for m in net/llc/llc net/802/stp net/bridge/bridge drivers/net/xen-netback/xen-netback; do
  insmod $KN/$m.ko || fail "network: insmod $m"
done
# the clones' disks: blkback and device-mapper thin provisioning on loop devices
. /etc/lab-disk.conf
for m in $DISK_MODS; do insmod $KN/$m.ko || fail "disks: insmod $m"; done
ip link set lo up
brctl addbr xenbr0 && echo 0 > /sys/class/net/xenbr0/bridge/forward_delay && ip addr add 10.78.0.1/24 dev xenbr0 &&
  ip link set xenbr0 up || fail "network: bridge xenbr0"
xenstored --pid-file /run/xenstored.pid || fail "toolstack: xenstored"
xen-init-dom0 || fail "toolstack: xen-init-dom0"
xenconsoled --pid-file=/run/xenconsoled.pid || fail "toolstack: xenconsoled"
echo "MARK toolstack-ready $(cut -d' ' -f1 /proc/uptime)"
xl info | grep -E '^(xen_version|total_memory|free_memory|xen_caps)' || fail "toolstack: xl info"
. /etc/lab.conf
# The driver part and the engine part run as two processes (each boots its own parent): in one
# process, the engine's first clone once crashed in malloc after the driver part had run (see
# "Open issue" in docs/drivers-xen.md); XENLAB_ONE_PROCESS=1 runs both in one process.
run_test() {  # PART WORKDIR
  if [ -n "${XENLAB_PRELOAD:-}" ]; then
    XENLAB_PART=$1 LD_PRELOAD=$XENLAB_PRELOAD MALLOC_CHECK_=3 MALLOC_PERTURB_=165 /root/xen-lab-test /root/vmlinuz /root/initrd.gz $2
  else
    XENLAB_PART=$1 /root/xen-lab-test /root/vmlinuz /root/initrd.gz $2
  fi
}
if [ -n "${XENLAB_POOL_ONLY:-}" ]; then
  true
elif [ -n "${XENLAB_ENGINE_ONLY:-}" ]; then
  if [ -n "${XENLAB_ENGINE_BRIDGE:-}" ]; then export XENLAB_BRIDGE=xenbr0; fi; run_test engine /tmp/lab
elif [ -n "${XENLAB_ONE_PROCESS:-}" ]; then
  run_test "" /tmp/lab
else
  # the engine part on xenbr0 is opt-in (XENLAB_ENGINE_BRIDGE=1): its clones' vifs fail to attach in
  # the lab so far (libxl "unable to add vif devices"), docs/drivers-xen.md
  if [ -n "${XENLAB_ENGINE_BRIDGE:-}" ]; then export XENLAB_BRIDGE=xenbr0; fi
  run_test driver /tmp/lab && run_test engine /tmp/lab/e
fi
rc=$?
if [ $rc -ne 0 ]; then
  for f in $(find /tmp/lab -name xen.log); do echo "--- $f"; tail -25 "$f"; done
  for f in $(find /tmp/lab -name console.log); do echo "--- $f"; grep -v '^tick ' "$f" | tail -15; tail -1 "$f"; done
  xenstore-ls -f /local/domain 2>/dev/null | grep -E 'snowscale|/vif/.*/(mac|state|hotplug-status) '
  brctl show
  ps; xl list; xl dmesg | tail -20
  exit $rc
fi
if [ -n "${XENLAB_CAPTURE:-}" ]; then   # a real state blob for the host's unit tests
  f=$(ls /tmp/lab/gen1/xen.state /tmp/lab/engine/gen/*/xen.state /tmp/lab/e/engine/gen/*/xen.state 2>/dev/null | head -1)
  echo "CAPTURE-BEGIN $f"; gzip -9c "$f" | base64; echo "CAPTURE-END"
fi
# dom0's files live in its memory (the initramfs): the parts' generations (a 128 MiB memory
# image each, the page store) go before the pool part, which needs that memory for its own.
rm -rf /tmp/lab
# The pool part (skipped with XENLAB_POOL=0): snowscaled + snowscale-lb + nginx in dom0 scale a
# pool of PV clones on xenbr0 (pool-test.sh).
if [ "${XENLAB_POOL:-1}" != 0 ]; then
  mkdir -p /var/log/nginx /var/lib/nginx
  /bin/bash /pool-test.sh || exit 1
fi
echo "XENLAB-PASS"
