#!/bin/bash
# snowscaled with driver.disk (docs/disks.md): the parent runs on an overlay of the operator's
# image, generation 1 freezes a disk layer, a clone writes its own overlay; a generation's layer
# is kept while a clone uses it and while a later generation reads it (generation 2 is cut on top
# of it), and the GC deletes it once neither holds: generation 4's cut streams the parent's chain
# (the bound of 4 files), so after the clones move to generation 4, generations 3, 2 and 1 go.
. "$(dirname "$0")/actuator_common.sh"
act_require
command -v qemu-img >/dev/null || t_bail "qemu-img missing (make deps: qemu-utils)"
command -v mkfs.ext4 >/dev/null || t_bail "mkfs.ext4 missing (e2fsprogs)"
mkdir -p "$T_DIR/img/root"
echo from-the-image > "$T_DIR/img/root/seed.txt"
truncate -s 64M "$T_DIR/img/fs.raw"
mkfs.ext4 -q -F -d "$T_DIR/img/root" "$T_DIR/img/fs.raw" || t_bail "mkfs.ext4 -d"
qemu-img convert -O qcow2 "$T_DIR/img/fs.raw" "$T_DIR/img/base.qcow2" || t_bail "qemu-img convert"
rm -f "$T_DIR/img/fs.raw"
act_config
sed -i "s|^  memory: 256M|  disk: $T_DIR/img/base.qcow2\n  memory: 256M|" "$ACT_CFG"
t_check "the config with driver.disk is valid" "$BIN/snowscalectl" config check "$ACT_CFG"
act_start_lb
act_start_scaled
ctl() { "$BIN/snowscalectl" --url "$ACT_API" --token "$ACT_TOKEN" "$@"; }
gen_is() { [ "$(act_status | jq -r '.generation.id')" = "$1" ]; }
serving_on() {  # serving_on GEN: one clone serves, it is not $old, and it runs generation GEN
  local s; s=$(act_ids_in serving)
  _act_serving_settled 1 && [ -n "$s" ] && [ "$s" != "$old" ] &&
    [ "$(act_clones | jq -r --arg id "$s" '.clones[] | select(.id==$id) | .generation')" = "$1" ]
}

act_scale 1
act_wait_serving 1 150 || t_bail "pool did not reach 1 serving clone (log: $(tail -5 "$T_DIR/scaled.log"))"
old=$(act_ids_in serving)
t_check "generation 1 froze a disk layer" [ -f "$ACT_STATE/gen/1/disk.qcow2" ]
t_check "the clone writes its own overlay" [ -f "$ACT_STATE/clones/$old/disk-1.qcow2" ]
t_like "$(grep "clone $old: runs on its disk overlay" "$T_DIR/scaled.log")" "clones/$old/disk-1.qcow2" \
  "snowscaled logs the overlay the clone runs on"
addr=$(act_clones | jq -r --arg id "$old" '.clones[] | select(.id==$id) | .address')
t_is "$(curl -s -m 30 "http://$addr/file/seed.txt")" from-the-image "the clone reads the image's files on /data"

ctl generation cut >/dev/null || t_fail "snowscalectl generation cut"
t_check "generation 2 is published" t_wait_for 60 gen_is 2
t_like "$(cat "$ACT_STATE/gen/2/layers")" "gen/2/disk.qcow2.*gen/1/disk.qcow2" "generation 2 reads generation 1's layer"
ctl retire "$old" >/dev/null || t_fail "snowscalectl retire $old"
t_check "a replacement from generation 2 serves" t_wait_for 120 serving_on 2
old=$(act_ids_in serving)
sleep 12        # more than one GC period (10 s): generation 1 has no clone now
t_check "generation 1's layer is kept while generation 2 reads it" [ -f "$ACT_STATE/gen/1/disk.qcow2" ]

ctl generation cut >/dev/null || t_fail "cut 3"
t_check "generation 3 is published" t_wait_for 60 gen_is 3
ctl generation cut >/dev/null || t_fail "cut 4"
t_check "generation 4 is published" t_wait_for 60 gen_is 4
t_is "$(grep -c . "$ACT_STATE/gen/4/layers")" 1 "generation 4 reads its own layer alone (the chain was streamed)"
t_check "generation 2's layer is kept while its clone $old runs" [ -f "$ACT_STATE/gen/2/disk.qcow2" ]
ctl retire "$old" >/dev/null || t_fail "snowscalectl retire $old"
t_check "a replacement from generation 4 serves" t_wait_for 120 serving_on 4
gone() { [ ! -e "$ACT_STATE/gen/1" ] && [ ! -e "$ACT_STATE/gen/2" ] && [ ! -e "$ACT_STATE/gen/3" ]; }
t_check "generations 3, 2 and 1 and their layers are deleted once nothing reads them" t_wait_for 60 gone
t_check "the retired clones' overlays are deleted" bash -c "! ls $ACT_STATE/clones/*/disk-*.qcow2 2>/dev/null | grep -v '/$(act_ids_in serving)/'"
new=$(act_ids_in serving)
addr=$(act_clones | jq -r --arg id "$new" '.clones[] | select(.id==$id) | .address')
t_is "$(curl -s -m 30 "http://$addr/file/seed.txt")" from-the-image "a clone of generation 4 still reads the image's files"
t_done
