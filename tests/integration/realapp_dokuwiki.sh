#!/bin/bash
# The real web application as the worker, through the whole appliance: etc/examples/dokuwiki.yaml
# (the Debian 12 DokuWiki image of `make guest-debian` as driver.disk, bridge networking) run by
# a real snowscale-lb (nginx front) and snowscaled inside a network namespace made for the test.
# The parent boots from the image, is warmed on the wiki's hot pages, generation 1 is cut; the
# pool is scaled to 2 clones through the API. Checks: DokuWiki pages render through nginx and
# nginx sent requests to both clones (snowscale-lb's per-backend counts, from nginx's own samples);
# each clone renders pages on its own address; each clone's OPcache is warm the moment it serves
# (cached scripts and hits it inherited from the parent); a real DokuWiki edit (the edit form's
# sectok, a POST of the page) on one clone is seen there and not on the other (each clone's disk
# is its own overlay); scaling to 0 retires both clones and deletes their overlays. Prints the
# boot-to-generation, cut pause, clone-ready and first-render figures.
# Builds the image first when it is missing (outside the namespace: mmdebstrap needs the mirror).
HERE=$(cd "$(dirname "$0")" && pwd)
if [ "${NET_IN_NS:-0}" != 1 ] && [ "$(id -u)" = 0 ]; then
  build_log=$(mktemp)
  t0=$SECONDS
  if ! make -s -C "$HERE/../.." guest-debian >"$build_log" 2>&1; then
    tail -20 "$build_log" | sed 's/^/# /'; rm -f "$build_log"
    echo "not ok 1 - make guest-debian builds the worker image"; echo "1..1"; exit 1
  fi
  export REALAPP_BUILD="$(grep -E 'IMAGE' "$build_log" | tail -1 | sed 's/^ *//') ($((SECONDS - t0)) s)"
  rm -f "$build_log"
fi
. "$HERE/net_common.sh"
net_enter_ns "$0" "$@"
. "$HERE/actuator_common.sh"
act_require
[ -c /dev/net/tun ] || { echo "1..0 # SKIP /dev/net/tun is missing"; exit 0; }
command -v qemu-img >/dev/null || t_bail "qemu-img missing (make deps: qemu-utils)"
D=$ROOT/build/guest/debian
t_ok "the worker image is there: ${REALAPP_BUILD:-?}"

# --- the example, with this test's ports, state dir and token; everything else as shipped ------
EX=$ROOT/etc/examples/dokuwiki.yaml
ACT_API_PORT=$(act_free_port); ACT_LB_PORT=$(act_free_port); ACT_FRONT_PORT=$(act_free_port)
ACT_API=http://127.0.0.1:$ACT_API_PORT; ACT_LB=http://127.0.0.1:$ACT_LB_PORT; ACT_FRONT=http://127.0.0.1:$ACT_FRONT_PORT
sed -e "s|^  front_listen: .*|  front_listen: 127.0.0.1:$ACT_FRONT_PORT|" \
    -e "s|^  listen: 127.0.0.1:8900.*|  listen: 127.0.0.1:$ACT_API_PORT|" \
    -e "s|^  listen: 127.0.0.1:8901.*|  listen: 127.0.0.1:$ACT_LB_PORT|" \
    -e "s|^  token: .*|  token: $ACT_TOKEN|" \
    -e "s|^state_dir: .*|state_dir: $ACT_STATE|" \
    -e "s|\.\./\.\./build/|$ROOT/build/|" \
    -e "s|^  min_clones: .*|  min_clones: 0|" "$EX" >"$ACT_CFG"
t_is "$(diff "$EX" "$ACT_CFG" | grep -c '^>')" 9 \
  "the test runs the example with only its ports, state dir, token, absolute paths and min_clones 0 changed"
t_check "the example config is valid" "$BIN/snowscalectl" config check "$ACT_CFG"
t_is "$("$BIN/snowscalectl" config get network.mode --config "$ACT_CFG")" bridge "the example uses bridge networking"
BR=$("$BIN/snowscalectl" config get network.bridge --config "$ACT_CFG")
pages=$(awk -F'\t' '$1 !~ /start$/' "$D/wiki-manifest.tsv" | wc -l)
ctl() { "$BIN/snowscalectl" --url "$ACT_API" --token "$ACT_TOKEN" "$@"; }

# --- the parent boots from the image, is warmed, generation 1 is cut ----------------------------
act_start_lb
t0=$SECONDS
act_start_scaled
gen1() { [ "$(act_status | jq -r '.generation.id // empty')" = 1 ]; }
if ! t_wait_for 400 gen1; then
  tail -20 "$T_DIR/scaled.log" | sed 's/^/#   /'
  t_bail "generation 1 was not cut within 400 s"
fi
gen_s=$((SECONDS - t0))
t_ok "the parent booted from the image, was warmed and generation 1 was cut (${gen_s}s)"
ready_line=$(grep -m1 'actuator: parent ready at' "$T_DIR/scaled.log")
t_like "$ready_line" "parent ready at 10\.78\.0\.10:80" "the parent serves on its planned bridge address"
warm_line=$(grep -m1 'actuator: warm-up done\|warm-up .*URLs.*ok\|warmed' "$T_DIR/scaled.log")
t_diag "${warm_line#*actuator: }"
cut_line=$(grep -m1 'generation 1 ready for clones' "$T_DIR/scaled.log")
t_like "$cut_line" "parent paused [0-9.]+ ms" "snowscaled logs the generation cut and its pause"
pause_ms=$(sed -n 's/.*parent paused \([0-9.]*\) ms.*/\1/p' <<<"$cut_line")
t_check "generation 1 froze a disk layer" [ -f "$ACT_STATE/gen/1/disk.qcow2" ]

# --- 2 clones through the API ------------------------------------------------------------------
t1=$SECONDS
act_scale 2
act_wait_serving 2 180 || { tail -20 "$T_DIR/scaled.log" | sed 's/^/#   /'; t_bail "2 clones did not serve within 180 s"; }
clone_s=$((SECONDS - t1))
mapfile -t serving < <(net_serving | grep -v '^parent ')
t_is "${#serving[@]}" 2 "2 clones serve (${clone_s}s after the order)"
ca=${serving[0]%% *}; aa=${serving[0]#* }; cb=${serving[1]%% *}; ab=${serving[1]#* }

# OPcache right after resume, on each clone's own address, before any page is asked of it.
for w in "$ca $aa" "$cb $ab"; do
  id=${w%% *}; addr=${w#* }
  op=$(curl -s -m 30 "http://$addr/opcache-status.php")
  t_check "clone $id ($addr): OPcache is warm at once ($(jq -r .cached_scripts <<<"$op") scripts cached, $(jq -r .hits <<<"$op") hits)" \
    bash -c "[ \"\$(jq -r .cached_scripts <<<'$op')\" -gt 20 ] && [ \"\$(jq -r .hits <<<'$op')\" -gt 0 ]"
done
t_is "$(ls "$ACT_STATE"/clones/"$ca"/disk-1.qcow2 "$ACT_STATE"/clones/"$cb"/disk-1.qcow2 2>/dev/null | wc -l)" 2 \
  "each clone writes its own overlay (clones/ID/disk-1.qcow2)"

# Pages on each clone's own address: the title is the page's first heading; links resolve.
render_ok() {  # render_ok ADDR PAGE_ID -> "code time" and checks the title
  local r title
  r=$(curl -s -m 60 -o "$T_DIR/page.html" -w '%{http_code} %{time_total}' "http://$1/doku.php?id=$2")
  title=$(awk -F'\t' -v id="$2" '$1 == id {print $2}' "$D/wiki-manifest.tsv")
  echo "$r"
  [ "${r%% *}" = 200 ] && grep -q "<title>$title " "$T_DIR/page.html" &&
    [ "$(grep -o 'class="wikilink1"' "$T_DIR/page.html" | wc -l)" -ge 1 ]
}
hot=$(sed -n 's|^    - "/doku.php?id=\([a-z_:]*\)"$|\1|p' "$EX" | grep -v start | head -1)
cold=$(awk -F'\t' '$1 !~ /start$/ {print $1}' "$D/wiki-manifest.tsv" | grep -vxF -f <(sed -n 's|^    - "/doku.php?id=\([a-z_:]*\)"$|\1|p' "$EX") | sed -n 500p)
for w in "$ca $aa" "$cb $ab"; do
  id=${w%% *}; addr=${w#* }
  r1=$(render_ok "$addr" "$hot"); ok1=$?
  t_check "clone $id renders a warmed page on its own address ($hot: ${r1})" [ $ok1 = 0 ]
  r2=$(render_ok "$addr" "$cold"); ok2=$?
  t_check "clone $id renders a page the warm-up never asked for ($cold: ${r2})" [ $ok2 = 0 ]
  t_diag "RENDER clone=$id warmed_first_s=${r1#* } unwarmed_first_s=${r2#* }"
done

# --- through nginx (the front): pages render, and both clones served ---------------------------
req_of() { curl -s -m 5 "$ACT_LB/v1/backends" | jq -r --arg id "$1" '.backends[] | select(.id == $id) | .requests'; }
ra0=$(req_of "$ca"); rb0=$(req_of "$cb")
front_bad=0; front_n=0; first_front=
for id in $(awk -F'\t' '$1 !~ /start$/ {print $1}' "$D/wiki-manifest.tsv" | sed -n '1~97p' | head -12) start; do
  front_n=$((front_n + 1))
  r=$(curl -s -m 60 -o "$T_DIR/front.html" -w '%{http_code} %{time_total}' "$ACT_FRONT/doku.php?id=$id")
  [ -z "$first_front" ] && first_front=${r#* }
  title=$(awk -F'\t' -v id="$id" '$1 == id {print $2}' "$D/wiki-manifest.tsv")
  if [ "${r%% *}" != 200 ] || ! grep -q "<title>$title " "$T_DIR/front.html"; then
    t_diag "front: $id answered ${r} $(grep -o '<title>[^<]*</title>' "$T_DIR/front.html")"; front_bad=$((front_bad + 1))
  fi
done
t_is "$front_bad/$front_n" "0/$front_n" "DokuWiki pages render through nginx with their titles"
# nginx's samples reach snowscale-lb every 250 ms
both() { [ "$(req_of "$ca")" -gt "${ra0:-0}" ] && [ "$(req_of "$cb")" -gt "${rb0:-0}" ]; }
t_wait_for 10 both
t_check "nginx sent page requests to both clones ($ca: $(( $(req_of "$ca") - ${ra0:-0} )), $cb: $(( $(req_of "$cb") - ${rb0:-0} )) requests)" both

# --- a real DokuWiki edit on clone A: seen on A, not on B ---------------------------------------
pid=realapp:edited; marker="edited-on-$ca-$RANDOM$RANDOM"
jar=$T_DIR/cookies
curl -s -m 60 -c "$jar" -b "$jar" -o "$T_DIR/edit.html" "http://$aa/doku.php?id=$pid&do=edit"
# DokuWiki fills sectok (its CSRF token) for logged-in users only; this wiki has no ACL, so the
# form carries it empty, and the save below posts it as the form would.
t_check "the edit form carries its sectok and changecheck fields" bash -c \
  "grep -q 'name=\"sectok\" value=\"[0-9a-f]*\"' '$T_DIR/edit.html' && grep -q 'name=\"changecheck\"' '$T_DIR/edit.html'"
# every hidden field of the form, as DokuWiki's own form would post them
form=()
while read -r n v; do form+=(--data-urlencode "$n=$v"); done < <(
  grep -o '<input type="hidden" name="[^"]*" value="[^"]*"' "$T_DIR/edit.html" |
    sed 's/.*name="\([^"]*\)" value="\([^"]*\)"/\1 \2/')
code=$(curl -s -m 60 -c "$jar" -b "$jar" -o "$T_DIR/save.html" -w '%{http_code}' "${form[@]}" \
  --data-urlencode "id=$pid" --data-urlencode "wikitext======= Edited page ======
This page was written on clone $ca: $marker" --data-urlencode "summary=realapp test" \
  --data-urlencode "do[save]=Save" "http://$aa/doku.php")
t_like "$code" "^(200|302|303)$" "the page save is accepted (HTTP $code)"
curl -s -m 60 -o "$T_DIR/a.html" "http://$aa/doku.php?id=$pid"
curl -s -m 60 -o "$T_DIR/b.html" "http://$ab/doku.php?id=$pid"
t_check "the edit is visible on clone $ca, where it was made" grep -q "$marker" "$T_DIR/a.html"
t_check "the edit is not on clone $cb (its disk is its own overlay)" bash -c \
  "! grep -q '$marker' '$T_DIR/b.html' && grep -qi 'does not exist yet' '$T_DIR/b.html'"
t_check "nor on the parent" bash -c "! curl -s -m 60 'http://10.78.0.10/doku.php?id=$pid' | grep -q '$marker'"

# --- back to 0 clones: retired, their overlays deleted -----------------------------------------
ovl_a=$ACT_STATE/clones/$ca/disk-1.qcow2; ovl_b=$ACT_STATE/clones/$cb/disk-1.qcow2
t2=$SECONDS
act_scale 0
act_wait_serving 0 120 || t_fail "the pool shrinks to 0 clones"
t_diag "RETIRE both clones in $((SECONDS - t2))s"
t_is "$(act_running_vms | tr '\n' ' ')" "parent " "only the parent's QEMU runs"
t_check "the retired clones' overlays are deleted" t_wait_for 30 bash -c "[ ! -e '$ovl_a' ] && [ ! -e '$ovl_b' ]"
t_is "$(ip -o link show master "$BR" 2>/dev/null | wc -l)" 1 "the bridge holds only the parent's tap"

t_diag "REALAPP gen1_s=$gen_s cut_pause_ms=$pause_ms clones2_ready_s=$clone_s front_first_s=$first_front pages=$pages"
act_kill_vms
no_vms() { [ -z "$(act_running_vms)" ]; }
t_check "no QEMU of this test is left" t_wait_for 20 no_vms
t_done
