#!/bin/bash
# A multi-host pool with driver.disk, end to end: snowscaled (front namespace) exports each
# generation's disk layer read-only with qemu-nbd on cluster.nbd_listen and names the export in
# its clone requests; host h1's hostd makes the clone's thin overlay back onto it, so the clone
# reads its disk lazily over NBD (and its memory with mcdist on: cluster.mcast). The clone serves
# the image's file and, after a new generation, the parent's file written before the cut; the
# old generation's export stops once nothing uses it, and every export stops with snowscaled.
. "$(dirname "$0")/multihost_appliance.sh"
mh_disk_image 4         # cold.bin: read by nobody before the cut

mh_certs
mh_backbone
mh_host 1; mh_hostd 1

NBD_PORT=10900
ACT_READY_TIMEOUT=60s act_config
sed -i "s|^  memory: 256M$|  disk: $T_DIR/img/base.qcow2\n  memory: 128M|" "$ACT_CFG"
MH_MAX_CLONES=2 mh_config 1
sed -i "s|^  host_timeout: .*|&\n  nbd_listen: $(mh_front_ip):$NBD_PORT\n  mcast: 239.192.77.$((MH_NET % 200 + 1)):7441|" "$ACT_CFG"
t_check "the config with driver.disk, hosts:, cluster.nbd_listen and cluster.mcast is valid" \
  "$BIN/snowscalectl" config check "$ACT_CFG"
act_start_lb
act_start_scaled
ctl() { "$BIN/snowscalectl" --url "$ACT_API" --token "$ACT_TOKEN" "$@"; }
listening() { ss -Hltn "sport = :$1" | grep -q .; }
# nbd_sent PORT: bytes the export on PORT sent to its clients (their connections, acked)
nbd_sent() { ss -Hti "sport = :$1" | sed -n 's/.*bytes_acked:\([0-9]*\).*/\1/p' | awk '{s+=$1} END{print s+0}'; }

act_wait_serving 1 150 || t_bail "no clone served: $(act_clones | jq -c '[.clones[] | {id,host,state,reason}]')"
clones=$(act_clones)
c1=$(jq -r '.clones[] | select(.state == "serving") | .id' <<<"$clones")
t_is "$(jq -r --arg id "$c1" '.clones[] | select(.id == $id) | "\(.host) \(.generation)"' <<<"$clones")" "h1 1" \
  "the clone of generation 1 runs on host h1"
uri1=nbd://$(mh_front_ip):$NBD_PORT/gen-1
t_like "$(grep "generation 1's disk layer exported" "$T_DIR/scaled.log")" "$uri1" \
  "snowscaled exports generation 1's disk layer on cluster.nbd_listen"
t_check "qemu-nbd listens there (in the front namespace)" listening $NBD_PORT
t_like "$(grep "hostd: clone $c1 of generation 1 starting" "$T_DIR/hostd1.log")" \
  "mcdist 239\.192\.77\.[0-9]*:7441@$(mh_host_ip 1).*disk from $uri1" \
  "hostd starts it with the disk's URI and the mcdist group (joined on its own address)"
OV=$T_DIR/h1/clones/$c1/disk-1.qcow2
t_like "$(qemu-img info -U "$OV" 2>&1 | grep 'backing file:')" \
  "\"host\":\"$(mh_front_ip)\",\"port\":\"$NBD_PORT\"\\},\"export\":\"gen-1\",\"tls-creds\":\"nbd-tls\"" \
  "its overlay on host h1 backs onto the front's export, over TLS"
t_check "the export refuses a client without the cluster's key" \
  bash -c "! ip netns exec '$(mh_ns 1)' qemu-img info -f raw '$uri1' >/dev/null 2>&1"
addr=$(jq -r --arg id "$c1" '.clones[] | select(.id == $id) | .address' <<<"$clones")
t_is "$(curl -s -m 30 "http://$addr/file/seed.txt")" from-the-image \
  "the clone on h1 serves the image's file, read over NBD"
lazy=$(nbd_sent $NBD_PORT)
t_check "it read a small part of its disk over NBD so far ($lazy bytes; the image holds 4.8 MiB of files)" \
  test "$lazy" -gt 0 -a "$lazy" -lt $((4 << 20))
want=$(md5sum <"$T_DIR/img/root/cold.bin" | cut -d' ' -f1)
t_is "$(curl -s -m 60 "http://$addr/file/cold.bin" | md5sum | cut -d' ' -f1)" "$want" \
  "a file no VM read before comes whole to the clone on h1"
more=$(( $(nbd_sent $NBD_PORT) - lazy ))
t_diag "DISK nbd_bytes_at_ready=$lazy nbd_bytes_for_768KiB_file=$more"
t_check "its blocks came over NBD when the guest read them ($more bytes >= 768 KiB)" test "$more" -ge $((768 << 10))

# The parent writes a file, a new generation is cut; the replacement reads it on host h1.
MARK=before-cut-$RANDOM$RANDOM
paddr=$(curl -s -m 5 "$ACT_LB/v1/backends" | jq -r '.backends[] | select(.id == "parent") | .address')
t_is "$(curl -s -m 30 -X PUT --data-binary "$MARK" "http://$paddr/file/A")" stored "the parent writes a file"
ctl generation cut >/dev/null || t_fail "snowscalectl generation cut"
gen_is() { [ "$(act_status | jq -r '.generation.id')" = "$1" ]; }
t_check "generation 2 is published" t_wait_for 60 gen_is 2
ctl retire "$c1" >/dev/null || t_fail "snowscalectl retire $c1"
on_gen2() {
  local s; s=$(act_ids_in serving)
  _act_serving_settled 1 && [ -n "$s" ] && [ "$s" != "$c1" ] &&
    [ "$(act_clones | jq -r --arg id "$s" '.clones[] | select(.id==$id) | .generation')" = 2 ]
}
t_wait_for 150 on_gen2 || t_bail "no replacement of generation 2 served: $(act_clones | jq -c '[.clones[] | {id,host,state,reason}]')"
clones=$(act_clones)
c2=$(jq -r '.clones[] | select(.state == "serving") | .id' <<<"$clones")
addr=$(jq -r --arg id "$c2" '.clones[] | select(.id == $id) | .address' <<<"$clones")
t_is "$(jq -r --arg id "$c2" '.clones[] | select(.id == $id) | .host' <<<"$clones")" h1 "the replacement runs on h1"
t_like "$(grep "hostd: clone $c2 of generation 2 starting" "$T_DIR/hostd1.log")" "disk from nbd://$(mh_front_ip):$((NBD_PORT + 1))/gen-2" \
  "generation 2 has its own export, on the next port"
t_is "$(curl -s -m 30 "http://$addr/file/A")" "$MARK" "the replacement reads the parent's file written before the cut"
t_is "$(curl -s -m 30 "http://$addr/file/seed.txt")" from-the-image "and the image's file under it"
t_check "generation 1's export stops once nothing uses it" \
  t_wait_for 60 bash -c "grep -q \"generation 1's disk export stopped: no clone uses it\" '$T_DIR/scaled.log' && ! ss -Hltn 'sport = :$NBD_PORT' | grep -q ."
t_check "generation 2's export still serves" listening $((NBD_PORT + 1))

kill -TERM "$ACT_SCALED_PID"
t_wait_for 30 bash -c "! kill -0 $ACT_SCALED_PID 2>/dev/null"
t_check "snowscaled stops its disk exports when it stops" bash -c "! ss -Hltn 'sport = :$((NBD_PORT + 1))' | grep -q ."
t_done
