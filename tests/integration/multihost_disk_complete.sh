#!/bin/bash
# A remote clone's disk completes in the background and survives its export: host h1's hostd
# runs with --disk-complete-mib-s, so the clone's overlay copies the generation's layer from
# snowscaled's NBD export and then stands alone. snowscaled is killed (-9) and started again,
# which stops the previous run's exports: the clone is adopted anyway (its disk no longer reads
# from there) and serves a file no VM had read, whole, with no export running.
. "$(dirname "$0")/multihost_appliance.sh"
mh_disk_image           # cold.bin: read by nobody until the end

mh_certs
mh_backbone
mh_host 1; MH_HOSTD_ARGS="--disk-complete-mib-s 16" mh_hostd 1
t_like "$("$BIN/snowscale-hostd" --name x --listen 127.0.0.1:1 --state-dir "$T_DIR/x" --secret-file "$T_DIR/cluster.secret" \
  --ca x --cert x --key x --disk-complete-mib-s fast 2>&1; echo "exit $?")" "disk-complete-mib-s: a number of MiB/s.*exit 2" \
  "hostd refuses a rate that is not a number, saying why"
t_like "$(cat "$T_DIR/hostd1.log")" "copied here in the background at 16 MiB/s" "hostd says it copies disks in the background"

NBD_PORT=10950
ACT_READY_TIMEOUT=60s act_config
sed -i "s|^  memory: 256M$|  disk: $T_DIR/img/base.qcow2\n  memory: 128M|" "$ACT_CFG"
MH_MAX_CLONES=2 mh_config 1
sed -i "s|^  host_timeout: .*|&\n  nbd_listen: $(mh_front_ip):$NBD_PORT|" "$ACT_CFG"
act_start_lb
act_start_scaled
listening() { ss -Hltn "sport = :$1" | grep -q .; }

act_wait_serving 1 150 || t_bail "no clone served: $(act_clones | jq -c '[.clones[] | {id,host,state,reason}]')"
c1=$(act_ids_in serving)
t_wait_for 60 grep -q "clone $c1: its disk is complete on host h1" "$T_DIR/scaled.log" ||
  t_bail "the disk of $c1 did not complete: $(tail -3 "$T_DIR/scaled.log")"
t_ok "snowscaled logs that $c1's disk is complete on h1"
OV=$T_DIR/h1/clones/$c1/disk-1.qcow2
t_is "$(qemu-img info -U "$OV" 2>&1 | grep -c 'backing file:')" 0 "its overlay stands alone (no backing file)"
vm=$(mh_host_vms 1)

kill -KILL "$ACT_SCALED_PID"; wait "$ACT_SCALED_PID" 2>/dev/null
t_check "the export outlives snowscaled's kill -9" listening $NBD_PORT
act_start_scaled
t_wait_for 30 grep -q "recovered after a restart" "$T_DIR/scaled.log" || t_bail "no recovery summary"
t_like "$(grep "recovered after a restart" "$T_DIR/scaled.log" | tail -1)" "1 clones adopted" "the restart adopts the clone"
t_check "the restart stopped the previous run's export" bash -c "! ss -Hltn 'sport = :$NBD_PORT' | grep -q ."
serving_again() { [ "$(act_ids_in serving)" = "$c1" ] && _act_serving_settled 1; }
t_wait_for 60 serving_again || t_fail "$c1 serves again: $(act_clones | jq -c '[.clones[] | {id,state,reason}]')"
t_is "$(mh_host_vms 1)" "$vm" "the same VM runs on h1"
addr=$(act_clones | jq -r --arg id "$c1" '.clones[] | select(.id == $id) | .address')
want=$(md5sum <"$T_DIR/img/root/cold.bin" | cut -d' ' -f1)
t_is "$(curl -s -m 60 "http://$addr/file/cold.bin" | md5sum | cut -d' ' -f1)" "$want" \
  "$c1 serves a file no VM had read, whole, with no export running"
t_is "$(grep -c "clone c[0-9]*: requested (" "$T_DIR/scaled.log")" 1 "no clone was made to replace it"
t_done
