#!/bin/bash
# The on-clone hook contract (docs/networking.md), with hooks in a real worker image on the bridge
# network inside a namespace made for the test: executable files in /etc/snowscale/on-clone.d run
# in name order with the identity in SNOWSCALE_* before the clone reports ready; a file that is not
# executable is skipped; a hook that fails keeps its clone from ever serving (it is failed and
# replaced), and the other clones are unaffected.
. "$(dirname "$0")/net_common.sh"
net_enter_ns "$0" "$@"
. "$(dirname "$0")/actuator_common.sh"
act_require
net_require
command -v cpio >/dev/null || { echo "1..0 # SKIP cpio is not installed"; exit 0; }

img=$T_DIR/img; hooks=$img/etc/snowscale/on-clone.d
mkdir -p "$img"
(cd "$img" && gzip -dc "$ROOT/build/guest/initrd.gz" | cpio -id --quiet) || t_bail "cannot unpack the image"
mkdir -p "$hooks"
# 10-identity: what the hook saw, where /whoami shows it (the clone id file the app reads)
cat >"$hooks/10-identity" <<'EOS'
#!/bin/sh
echo "${SNOWSCALE_CLONE_ID}_${SNOWSCALE_HOSTNAME}_${SNOWSCALE_IPV4}_${SNOWSCALE_PREFIX}_${SNOWSCALE_MAC}_${SNOWSCALE_GATEWAY}_$(cat /run/sf/order 2>/dev/null)" >/run/sf/clone_id
EOS
# 05-first runs before it (name order); 07-skipped is not executable and must not run
printf '#!/bin/sh\necho 05 >/run/sf/order\n' >"$hooks/05-first"
printf '#!/bin/sh\necho 07 >>/run/sf/order\nexit 1\n' >"$hooks/07-skipped"
# 20-refuse: fails for clone c2 only
printf '#!/bin/sh\n[ "$SNOWSCALE_CLONE_ID" != c2 ]\n' >"$hooks/20-refuse"
chmod 755 "$hooks/10-identity" "$hooks/05-first" "$hooks/20-refuse"; chmod 644 "$hooks/07-skipped"
(cd "$img" && find . | LC_ALL=C sort | cpio -o -H newc --quiet | gzip -n) >"$T_DIR/hooks.gz"

ACT_READY_TIMEOUT=15s ACT_MAX_FAILURES=5 act_config
sed -i "s|initrd: .*|initrd: $T_DIR/hooks.gz|" "$ACT_CFG"
net_config
act_start_lb
act_start_scaled
act_scale 2
act_wait_serving 2 120 || t_bail "2 clones did not serve (log: $(tail -3 "$T_DIR/scaled.log"))"
t_like "$(act_clones | jq -r '.clones[] | select(.id == "c2") | "\(.state) \(.reason)"')" '^failed .*not ready' \
  "the clone whose hook failed never served (failed: not ready)"
plan=$(net_store_addrs)
t_is "$(awk '$2 == "c2"' <<<"$plan" | grep -c .)" 0 "its address went back to the plan"
ok=0
while read -r id addr; do
  ip=${addr%:*}
  mac=$(awk -v o="$id" '$2 == o {print $3}' <<<"$plan")
  got=$(curl -s -m 5 "http://$addr/whoami" | jq -r .clone_id)
  t_is "$got" "${id}_worker-${id}_${ip}_24_${mac}_10.77.0.1_05" "hook of $id saw its identity, ran after 05-first, 07-skipped did not run"
  ok=$((ok + 1))
done < <(net_serving)
t_is "$ok" 2 "both serving clones checked"
t_done
