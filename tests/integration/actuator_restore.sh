#!/bin/bash
# Actuator with `driver.boot: restore`: generation 1 is cut from the warmed parent as for clones,
# and its whole memory is saved beside it (full.state, a migration stream with RAM included);
# every new worker is a fresh QEMU on RAM of its own that reads that stream in before it runs
# (what `virsh restore` does), then takes its identity and serves through the same lifecycle.
# A generation without the saved state refuses restores with the reason.
. "$(dirname "$0")/actuator_common.sh"
act_require
ACT_BOOT=restore act_config
sed -i "s/min_clones: 1/min_clones: 0/" "$ACT_CFG"
act_start_lb
act_start_scaled
gen1() { [ "$(act_status | jq -r '.generation.id // empty')" = 1 ]; }
t_wait_for 180 gen1 || t_bail "generation 1 was not cut (log: $(tail -5 "$T_DIR/scaled.log"))"
t_like "$(grep -m1 'workers, state in' "$T_DIR/scaled.log")" "restored \(whole memory\) workers" \
  "snowscaled says how its workers start"
full=$ACT_STATE/gen/1/full.state
t_check "generation 1 holds the whole-memory state beside its memory image" [ -s "$full" ]
mem_kib=$(du -k "$ACT_STATE/gen/1/mem" | cut -f1); full_kib=$(du -k "$full" | cut -f1)
t_check "the saved state carries the memory's pages ($full_kib KiB; generation memory $mem_kib KiB on disk)" \
  [ "$full_kib" -ge $((mem_kib / 2)) ]
t_check "no saver is left behind" [ ! -e "$ACT_STATE/gen/1/saver" ]

act_scale 1
act_wait_serving 1 120 || t_bail "pool did not reach 1 serving worker (log: $(tail -5 "$T_DIR/scaled.log"))"
id=$(act_ids_in serving)
t_is "$(act_trail "$id")" "requested cloning resuming checking serving" "restored worker $id passed every state in order"
t_is "$(act_clones | jq -r --arg id "$id" '.clones[] | select(.id==$id) | .generation')" 1 "it comes from generation 1"
pid=$(cat "$ACT_STATE/clones/$id/qemu.pid")
args=$(tr '\0' ' ' <"/proc/$pid/cmdline")
t_like "$args" "mem-path=$ACT_STATE/clones/$id/ram,share=off" "its RAM is its own, not the generation's file"
t_check "it maps nothing of the generation" bash -c "! grep -q \"mem-path=$ACT_STATE/gen/\" <<<\"$args\""
addr=$(act_clones | jq -r --arg id "$id" '.clones[] | select(.id==$id) | .address')
t_like "$(curl -s -m 10 "http://$addr/stats")" "items=[1-9]" "its app holds the parent's warmed items (restored, not asked of it)"

# the saved state gone: the next restore fails with the reason, nothing hangs
mv "$full" "$full.moved"
act_scale 2
failed() { [ "$(act_clones | jq '[.clones[] | select(.state=="failed")] | length')" -gt 0 ]; }
t_wait_for 60 failed
t_like "$(act_clones | jq -r '[.clones[] | select(.state=="failed") | .reason][0]')" \
  "no whole-memory state" "a restore without the saved state fails and says why"
mv "$full.moved" "$full"
act_scale 0
act_wait_serving 0 60 || t_fail "the worker was not retired"
t_check "the retired worker's RAM file is gone" [ ! -e "$ACT_STATE/clones/$id/ram" ]
t_done
