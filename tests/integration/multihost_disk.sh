#!/bin/bash
# Disks across hosts: host A exports generation 1's disk layer read-only with QEMU's NBD server
# (qemu-nbd --read-only: it opens the layer's whole qcow2 chain and serves the guest's view);
# a clone on host B gets its memory from host A's memserver and its disk through a thin qcow2
# overlay whose backing file is that export (nbd://A:PORT/gen1, over TLS with the cluster secret
# as pre-shared key: a client without it is refused), read lazily. The clone sees
# the parent's file written before the cut; its own writes stay in its overlay on host B. The
# figures that decide lazy against a host-local copy: bytes the clone read over NBD, against
# bytes and time of copying the export to host B once (qemu-img convert).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/qemu_lib.sh"
. "$(dirname "$0")/multihost_lib.sh"
mh_require
command -v qemu-nbd >/dev/null || t_bail "qemu-nbd missing (make deps: qemu-utils)"
command -v mkfs.ext4 >/dev/null || t_bail "mkfs.ext4 missing (e2fsprogs)"

mh_hosts mx A B
head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$T_DIR/secret"
# the export's TLS key: the secret as keys.psk (clonecore/psk.c writes the same for the clones)
mkdir -p "$T_DIR/nbd-tls"
echo "snowscale:$(od -An -tx1 < "$T_DIR/secret" | tr -d ' \n')" > "$T_DIR/nbd-tls/keys.psk"
TLS_OBJ="tls-creds-psk,id=tls0,endpoint=client,dir=$T_DIR/nbd-tls,username=snowscale"
# The operator's image: 64 MiB ext4 with a seed file and 8 MiB of other data, as qcow2.
mkdir -p "$T_DIR/img/root"
echo seed-content > "$T_DIR/img/root/seed.txt"
head -c $((8 << 20)) /dev/urandom > "$T_DIR/img/root/bulk.bin"
truncate -s 64M "$T_DIR/img/fs.raw"
mkfs.ext4 -q -F -d "$T_DIR/img/root" "$T_DIR/img/fs.raw" || t_bail "mkfs.ext4 -d"
qemu-img convert -O qcow2 "$T_DIR/img/fs.raw" "$T_DIR/img/base.qcow2" || t_bail "qemu-img convert"
rm -f "$T_DIR/img/fs.raw"
MARK=before-cut-$RANDOM$RANDOM
mh_warm() { curl -s -m 30 -X PUT --data-binary "$MARK" "http://127.0.0.1:$1/file/A" >/dev/null; }
S=$T_DIR/hostA
mh_parent "$S" --disk "$T_DIR/img/base.qcow2" --timeout 120
t_check "generation 1 has its own disk layer" test -f "$S/gen/1/disk.qcow2"
mh_memserver memserver "$MH_NS_A" "$S" "$MH_IP_A:7440"
t_spawn nbd ip netns exec "$MH_NS_A" qemu-nbd --read-only --persistent --shared=0 --format=qcow2 \
  --object "tls-creds-psk,id=tls0,endpoint=server,dir=$T_DIR/nbd-tls" --tls-creds tls0 \
  --bind "$MH_IP_A" --port 10809 --export-name gen1 "$S/gen/1/disk.qcow2"
nbd_up() { ip netns exec "$MH_NS_A" ss -Hltn "sport = :10809" | grep -q .; }
t_wait_for 10 nbd_up || t_bail "qemu-nbd did not listen: $(cat "$T_DIR/nbd.log")"

mh_clones hostB "$MH_NS_B" 1 --memserver "$MH_IP_A:7440" --secret-file "$T_DIR/secret" \
  --disk-uri "nbd://$MH_IP_A:10809/gen1"
t_like "$(grep '^ALL' "$T_DIR/hostB.log")" 'ready=1 failed=0' "a clone on host B with its disk over NBD is ready"
OV=$T_DIR/hostB/clones/hostB-0/disk-1.qcow2
t_like "$(qemu-img info -U "$OV" | grep 'backing file:')" \
  "\"driver\":\"nbd\",\"server\":\\{\"type\":\"inet\",\"host\":\"$MH_IP_A\",\"port\":\"10809\"\\},\"export\":\"gen1\",\"tls-creds\":\"nbd-tls\"" \
  "its overlay on host B backs onto host A's export, over TLS"
t_check "a client without the key is refused by the export" \
  bash -c "! ip netns exec '$MH_NS_B' qemu-img info -f raw 'nbd://$MH_IP_A:10809/gen1' >/dev/null 2>&1"
t_is "$(mh_get "$MH_NS_B" 18000 /file/A)" "$MARK" "the clone reads the parent's file written before the cut"
t_is "$(mh_get "$MH_NS_B" 18000 /file/seed.txt)" seed-content "and the operator's image under it"
C=clone-write-$RANDOM$RANDOM
t_is "$(ip netns exec "$MH_NS_B" curl -s -m 30 -X PUT --data-binary "$C" http://127.0.0.1:18000/file/C)" stored \
  "the clone writes a file"
t_is "$(mh_get "$MH_NS_B" 18000 /file/C)" "$C" "and reads it back"
t_check "its write is in its overlay on host B" test "$(grep -c -a -F "$C" "$OV")" -ge 1
t_is "$(grep -c -a -F "$C" "$S/gen/1/disk.qcow2")" 0 "and not in the generation's layer"

# Figures: what the clone read lazily, against a whole copy of the export to host B.
lazy=$(ip netns exec "$MH_NS_A" ss -Hti "sport = :10809" | sed -n 's/.*bytes_acked:\([0-9]*\).*/\1/p' |
       awk '{s+=$1} END{print s+0}')
t0=$(date +%s%N)
ip netns exec "$MH_NS_B" qemu-img convert --object "$TLS_OBJ" --image-opts -O qcow2 \
  "driver=raw,file.driver=nbd,file.server.type=inet,file.server.host=$MH_IP_A,file.server.port=10809,file.export=gen1,file.tls-creds=tls0" \
  "$T_DIR/copy.qcow2" ||
  t_fail "qemu-img convert from the export"
copy_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
copy_bytes=$(qemu-img info --output=json "$T_DIR/copy.qcow2" | sed -n 's/.*"actual-size": \([0-9]*\).*/\1/p')
ready_ms=$(sed -n 's/^READY .* ms=\([0-9]*\)$/\1/p' "$T_DIR/hostB.log")
t_diag "DISK lazy_nbd_bytes=$lazy copy_bytes=$copy_bytes copy_ms=$copy_ms clone_ready_ms=$ready_ms virtual_bytes=$((64 << 20))"
t_check "the clone read part of the disk lazily ($lazy bytes > 0)" test "${lazy:-0}" -gt 0
t_check "less than a whole copy ($lazy < $copy_bytes)" test "${lazy:-0}" -lt "${copy_bytes:-0}"
t_done
