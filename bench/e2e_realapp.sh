#!/bin/bash
# The elastic web-server experiment on a real application: DokuWiki (Debian 12, nginx, php-fpm
# with OPcache; `make guest-debian`) as the worker, the same load spike three ways in one run.
#
#   clone    new workers forked from the warmed parent's generation (driver.boot: clone)
#   cold     new workers booted fresh from the same image, warming up on their first requests
#   restore  new workers restored from the generation's saved whole memory, as `virsh restore`
#            would (driver.boot: restore; docs/drivers.md)
#
# Load (sf-loadgen, open loop): Zipf(ZIPF) over ALL the wiki's pages (the keys are page names,
# most popular first: the pages the example warms up -- etc/examples/dokuwiki.yaml's start pages
# and most-linked pages -- then the rest by how often they are linked), so the warm-up covers the
# head of the popularity, not the keyspace. Every request carries the Host the warm-up used (a
# site has one public name; DokuWiki keys its render cache by it). Per mode: BASE_RPS for BASE_S,
# then SPIKE_RPS for SPIKE_S, then BASE_RPS for TAIL_S. SPIKE_RPS is SPIKE_X times the pool's
# capacity, measured in the first mode's steady phase from nginx's log (1 / the parent's mean
# upstream time: one TCG vCPU serves one request at a time) unless given.
#
# Latency per backend per second comes from nginx's own access log, which this benchmark adds to
# the front's template ($upstream_addr, $upstream_response_time); the client side from
# sf-loadgen's per-second p95. Per mode it reports
#   breach_to_serving_s      snowscaled's first over-target evaluation in the spike -> the first
#                            new worker serving through nginx
#   onset_to_p95_ok_s        the client's first over-target second in the spike -> the first second
#                            from which 5 in a row are under target ("nan": never in the spike)
#   over_target, failed      requests over target at the client (slow, failed or not started) and
#                            failed requests (timeout 30 s)
#   first10s_p95_ratio       each new worker's p95 (nginx's upstream time) over its first 10 s of
#                            traffic, divided by the parent's p95 in the same seconds (mean over the
#                            new workers), and first10s_tput_ratio the same for requests served
# Memory: clone-ready and restore-ready (ordered -> serving, idle pool, one worker) at 1 GiB and
# 4 GiB of guest RAM, the parent's RAM filled to at least 3/4 before its generation is cut: the
# image's in-memory media cache (kernel option sf.media_mib=N: N MiB of incompressible media
# files on a tmpfs, filled at boot, docs/guest-image.md), the wiki's files in the page cache and
# OPcache from the warm-up; the guest's /proc/meminfo (/meminfo.php) is printed and checked.
# Each size runs on an appliance of its own (clone, then restore), with no load before.
#
# Prints
#   BENCH realapp clone_s=S boot_s=S restore_s=S speedup=X clone_first10s_p95_ratio=R
#         cold_first10s_p95_ratio=R over_target=N failed_requests=N     (over/failed: clone mode)
#   BENCH realapp_modes ...  (every mode's figures)
#   BENCH realapp_mem clone_1g_s=S clone_4g_s=S restore_1g_s=S restore_4g_s=S clone_4g_over_1g=R
#         clone_vs_restore_4g=R
# and plots client p95 and workers over time for the three modes: bench/out/realapp.png.
#
# Knobs (env): TARGET_MS=5000 ZIPF=1.0 BASE_RPS=0.5 SPIKE_X=1.5 SPIKE_RPS=(measured) BASE_S=40
#   SPIKE_S=120 TAIL_S=10 MODES="clone cold restore" MEM_SIZES="1024 4096" MAX_CLONES=3
#   FILL=0.75 (share of RAM used before the cut). About 25 min on 2 shared TCG cores.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$ROOT/build/bin
OUT=$ROOT/bench/out
IMG=$ROOT/build/guest/debian
EX=$ROOT/etc/examples/dokuwiki.yaml
mkdir -p "$OUT"
TARGET_MS=${TARGET_MS:-5000}; ZIPF=${ZIPF:-1.0}
# The spike: SPIKE_X times what the parent alone serves. On 2 host cores a pool of TCG workers
# (one core each at most) serves at most about 2x one worker whatever its size, so a larger
# spike is never served and no recovery exists to measure; on a host with a core per worker,
# SPIKE_X=3.
BASE_RPS=${BASE_RPS:-0.5}; SPIKE_X=${SPIKE_X:-1.5}; SPIKE_RPS=${SPIKE_RPS:-}
BASE_S=${BASE_S:-40}; SPIKE_S=${SPIKE_S:-120}; TAIL_S=${TAIL_S:-10}
MODES=${MODES:-clone cold restore}; MEM_SIZES=${MEM_SIZES:-1024 4096}; MAX_CLONES=${MAX_CLONES:-3}
FILL=${FILL:-0.75}
TOKEN=bench-token
T0=$(date +%s)
progress() { echo "realapp[+$(( $(date +%s) - T0 ))s]: $*"; }

. "$ROOT/bench/lib.sh"   # bench_workdir, bench_stop, t_free_port
bench_workdir
trap 'bench_stop; exit 130' INT TERM
bench_on_exit bench_stop
for t in snowscaled snowscale-lb snowscalectl sf-loadgen; do
  [ -x "$BIN/$t" ] || { echo "realapp: $BIN/$t missing: run make" >&2; exit 1; }
done
for t in jq python3 gnuplot; do command -v $t >/dev/null || { echo "realapp: $t missing: run make deps" >&2; exit 1; }; done
if [ ! -r "$IMG/dokuwiki.qcow2" ]; then
  progress "the DokuWiki image is missing: make guest-debian (a few minutes)"
  make -C "$ROOT" -s guest-debian || { echo "realapp: make guest-debian failed" >&2; exit 1; }
fi

# --- the keys: every page, the warm-up's first --------------------------------------------------
mapfile -t WARM < <(sed -n 's|^    - "\(/[^"]*\)"$|\1|p' "$EX")
sed -n 's|^/doku.php?id=\([a-z0-9_:]*\)$|\1|p' < <(printf '%s\n' "${WARM[@]}") >"$D/head.txt"
awk -F'\t' 'NR == FNR { head[$1] = 1; next } !($1 in head) { print $4 "\t" $1 }' "$D/head.txt" "$IMG/wiki-manifest.tsv" |
  sort -t$'\t' -k1,1nr -k2,2 | cut -f2 | cat "$D/head.txt" - >"$D/pages.txt"
NPAGES=$(wc -l <"$D/pages.txt"); NHEAD=$(wc -l <"$D/head.txt")
python3 - "$NPAGES" "$NHEAD" "$ZIPF" <<'PY'
import sys
n, h, s = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
w = [1 / (k + 1) ** s for k in range(n)]
print("realapp: %d pages, the warm-up's %d take %.0f %% of requests under Zipf(%.2f)" % (n, h, 100 * sum(w[:h]) / sum(w), s))
PY

api() { curl -fsS -m 10 "http://127.0.0.1:$API$1"; }

# cfg FILE MODE MEM_MIB FILL_MIB
cfg() {
  local file=$1 mode=$2 mem=$3 fill=$4 u cmdline="root=/dev/vda rw console=ttyS0 net.ifnames=0 quiet"
  [ "$fill" -gt 0 ] && cmdline="$cmdline sf.media_mib=$fill"
  {
    bench_cfg_head realapp "$file" "$mode"
    echo "  disk: $IMG/dokuwiki.qcow2"
    echo "  kernel: $IMG/vmlinuz"
    echo "  initrd: $IMG/initrd.img"
    echo "  cmdline: \"$cmdline\""
    echo "  memory: ${mem}M"
    echo "  vcpus: 1"
    echo "  port_base: $pb"
    echo "  ready_timeout: 300s"
    echo "lb: { listen: 127.0.0.1:$lb, health_path: /healthz, health_interval: 250ms, health_attempts: 120 }"
    echo "parent:"
    echo "  serve: true"
    echo "  warmup_urls:"
    for u in "${WARM[@]}"; do echo "    - \"$u\""; done
    echo "  generation_every: 0s"
    echo "clones: { max_consecutive_failures: 3, backoff: 2s }"
    echo "policy:"
    echo "  metric: p95_latency"
    echo "  target: ${TARGET_MS}ms"
    echo "  min_clones: 0"
    echo "  max_clones: $MAX_CLONES"
    echo "  missing_metrics: hold"
    echo "  scale_up: { max_step: 2, max_rate: unlimited, stabilization: 0s, max_concurrent_clones: 2 }"
    echo "  scale_down: { max_step: 1, stabilization: 10m }"
  } >"$file"
}

# nginx's access log with the upstream's address and time: the front template plus two lines
front_template() {
  sed -e 's|^    include @INCLUDE@;|&\n    log_format realapp '"'"'$msec $upstream_addr $upstream_response_time $status $request_time'"'"';|' \
      -e 's|^        log_by_lua_block { snowscale.log() }|&\n        access_log '"$1"' realapp;|' \
      "$ROOT/etc/nginx/front.conf.in" >"$2"
  grep -q 'access_log .* realapp;' "$2" || { echo "realapp: the front template changed: cannot add the access log" >&2; return 1; }
}

# up DIR MODE: start the appliance and wait until the parent is warmed (and, cloning or restoring,
# generation 1 is cut) and the front answers
up() {
  local dir=$1 mode=$2 st line last="" ev
  front_template "$dir/access.log" "$dir/front.conf.in" || return 1
  "$BIN/snowscalectl" config check "$dir/snowscale.yaml" >/dev/null || { "$BIN/snowscalectl" config check "$dir/snowscale.yaml"; return 1; }
  "$BIN/snowscale-lb" --config "$dir/snowscale.yaml" --template "$dir/front.conf.in" >"$dir/lb.log" 2>&1 & PIDS+=($!)
  "$BIN/snowscaled" --config "$dir/snowscale.yaml" --foreground --stop-vms-on-exit >"$dir/snowscaled.log" 2>&1 & PIDS+=($!)
  for ((i = 0; i < 900; i++)); do
    st=$(api /api/v1/status 2>/dev/null) || { sleep 1; continue; }
    ev=$(grep -oE 'parent ready at [^ ]*|warm-up[^;]*|generation 1 ready[^;]*' "$dir/snowscaled.log" | tail -n 1)
    line="generation=$(jq -r '.generation.id // "none"' <<<"$st") ${ev:-parent booting}"
    [ "$line" != "$last" ] && { progress "$mode: $line"; last=$line; }
    if grep -q 'parent warmed up' "$dir/snowscaled.log" && curl -fs -m 5 "http://127.0.0.1:$front/healthz" >/dev/null &&
       { [ "$mode" = cold ] || [ "$(jq -r '.generation.id // empty' <<<"$st")" = 1 ]; }; then
      return 0
    fi
    kill -0 "${PIDS[1]}" 2>/dev/null || { progress "$mode: snowscaled exited"; tail -n 15 "$dir/snowscaled.log"; return 1; }
    sleep 1
  done
  progress "$mode: the appliance did not come up in 900 s"; tail -n 15 "$dir/snowscaled.log"; return 1
}

# meminfo NAME: the parent's /proc/meminfo -> "used_pct cached_mib shmem_mib total_mib" (used:
# MemTotal - MemFree, i.e. page cache included) and a line of it into the log
meminfo() {
  curl -fs -m 30 "http://127.0.0.1:$pb/meminfo.php" >"$dir/meminfo.txt" || { echo "nan nan nan nan"; return; }
  awk '{ v[$1] = $2 } END { t = v["MemTotal:"]; f = v["MemFree:"];
        printf "%.1f %d %d %d", 100 * (t - f) / t, v["Cached:"] / 1024, v["Shmem:"] / 1024, t / 1024 }' "$dir/meminfo.txt"
}

# order_one: one more worker through the API, idle pool; prints ordered -> serving in seconds
order_one() {
  local n t_order id ts
  n=$(api /api/v1/status | jq -r '.actual')
  if [ "$n" -ge "$MAX_CLONES" ]; then   # room for one: retire one first, and wait until it is gone
    n=$((n - 1))
    "$BIN/snowscalectl" --url "http://127.0.0.1:$API" --token "$TOKEN" scale "$n" >/dev/null || return 1
    for ((i = 0; i < 240; i++)); do
      [ "$(api /api/v1/status | jq -r '.actual == '"$n"' and .pending == 0 and .draining == 0')" = true ] && break
      sleep 0.5
    done
  fi
  api /api/v1/clones | jq -r '.clones[] | .id' | sort >"$dir/ids.before"
  t_order=$(date +%s%6N)
  "$BIN/snowscalectl" --url "http://127.0.0.1:$API" --token "$TOKEN" scale $((n + 1)) >/dev/null || return 1
  for ((i = 0; i < 600; i++)); do
    id=$(api /api/v1/clones | jq -r '.clones[] | select(.state == "serving") | .id' | sort | comm -13 "$dir/ids.before" - | head -n 1)
    [ -n "$id" ] && break
    sleep 0.5
  done
  [ -n "$id" ] || { echo nan; return 1; }
  ts=$(curl -fsS -m 10 "http://127.0.0.1:$API/api/v1/events?since=0&limit=1000" |
       jq -r --arg id "$id" '[.events[] | select(.kind == "clone" and .data.to == "serving" and .data.id == $id)] | .[0].ts_us // empty')
  # the serving event's time, else when it was seen serving
  [ -n "$ts" ] || ts=$(date +%s%6N)
  awk -v a="$t_order" -v b="$ts" 'BEGIN { printf "%.2f", (b - a) / 1e6 }'
}

fill_mib() { awk -v m="$1" -v f="$FILL" 'BEGIN { x = m * f - 120; printf "%d", (x > 0 ? x : 0) }'; }

# run_mode MODE MEM_MIB: one appliance, the spike; leaves $OUT/realapp-MODE.{summary,csv,history}
run_mode() {
  # The three modes run the same guest without the media fill: a fill sized for the readiness
  # figures leaves a loaded 1 GiB worker too little room for php-fpm, and cold boot (which has
  # nothing to fill) would face a different guest.
  local mode=$1 mem=$2 fill=0
  dir=$(mktemp -d "$D/$mode.XXXX")
  front=$(t_free_port); API=$(t_free_port); lb=$(t_free_port); pb=$(( 10000 + RANDOM % 9000 ))
  cfg "$dir/snowscale.yaml" "$mode" "$mem" "$fill"
  progress "$mode: starting the appliance (${mem} MiB workers${fill:+, media cache $fill MiB}) in $dir"
  up "$dir" "$mode" || { bench_stop; return 1; }
  read -r used cached shmem total < <(meminfo)
  progress "$mode: parent ready; guest memory used ${used} % of ${total} MiB (page cache ${cached} MiB, of it tmpfs ${shmem} MiB)"
  local host="127.0.0.1:$pb" t_base t_spike base_line
  base_line=$(cat "$dir/access.log" 2>/dev/null | wc -l)   # the steady phase's requests: the log's lines after it
  t_base=$(date +%s%6N)
  progress "$mode: steady load ${BASE_RPS} rps for ${BASE_S} s, Zipf($ZIPF) over $NPAGES pages"
  "$BIN/sf-loadgen" --url "http://127.0.0.1:$front/doku.php?id=%s" --keys-file "$D/pages.txt" --zipf "$ZIPF" \
      --host "$host" --ramp "$BASE_RPS:$BASE_S" --target-ms "$TARGET_MS" --timeout-ms 30000 \
      --csv "$dir/steady.csv" --quiet >"$dir/steady.out" 2>&1
  if [ -z "$SPIKE_RPS" ]; then
    # capacity: the steady rate over the share of the steady phase the parent was busy (the union
    # of its requests' upstream intervals: one vCPU, requests in php-fpm share it)
    read -r busy nreq < <(awk -v p="$host" -v a="$base_line" 'NR > a && $2 == p && $3 ~ /^[0-9.]+$/ { printf "%.3f %.3f\n", $1 - $3, $1 }' "$dir/access.log" |
      LC_ALL=C sort -n | awk '{ if ($1 > e) { b += e - s; s = $1; e = $2 } else if ($2 > e) e = $2; n++ } END { b += e - s; printf "%.3f %d\n", b, n }')
    SPIKE_RPS=$(awk -v b="$busy" -v n="$nreq" -v d="$BASE_S" -v r="$BASE_RPS" -v x="$SPIKE_X" \
      'BEGIN { u = b / d; if (u > 1) u = 1; c = (u > 0) ? r / u : r; s = x * c; printf "%.1f", (s < 0.5 ? 0.5 : s) }')
    progress "$mode: the parent was busy ${busy} s of the steady ${BASE_S} s ($nreq requests): capacity" \
             "~$(awk -v r="$SPIKE_RPS" -v x="$SPIKE_X" 'BEGIN { printf "%.2f", r / x }') rps, spike ${SPIKE_RPS} rps"
  fi
  api /api/v1/clones | jq -r '.clones[] | select(.state == "serving") | .id' >"$dir/initial_ids"
  t_spike=$(date +%s%6N)
  progress "$mode: spike ${SPIKE_RPS} rps for ${SPIKE_S} s, then ${BASE_RPS} rps for ${TAIL_S} s"
  ( while sleep 10; do
      st=$(api /api/v1/status 2>/dev/null) && progress "$mode: +$(( ($(date +%s%6N) - t_spike) / 1000000 ))s serving clones=$(jq -r .actual <<<"$st") pending=$(jq -r .pending <<<"$st") p95=$(jq -r '(.windows.short.p95_us // 0) / 1000 | floor' <<<"$st" 2>/dev/null)ms"
    done ) & local ticker=$!
  "$BIN/sf-loadgen" --url "http://127.0.0.1:$front/doku.php?id=%s" --keys-file "$D/pages.txt" --zipf "$ZIPF" \
      --host "$host" --ramp "$SPIKE_RPS:$SPIKE_S,$BASE_RPS:$TAIL_S" --target-ms "$TARGET_MS" --timeout-ms 30000 \
      --csv "$dir/spike.csv" --quiet >"$dir/spike.out" 2>&1
  kill "$ticker" 2>/dev/null; wait "$ticker" 2>/dev/null
  cat "$dir/spike.out"
  api "/api/v1/events?since=0&limit=1000" >"$dir/events.json"
  api "/api/v1/metrics/history?window=3600" >"$dir/history.json"
  api /api/v1/clones >"$dir/clones.json"
  bench_stop
  cp "$dir/snowscaled.log" "$OUT/realapp-$mode.snowscaled.log"; cp "$dir/access.log" "$OUT/realapp-$mode.access.log"
  analyze "$mode" "$t_base" "$t_spike" | tee "$OUT/realapp-$mode.summary"
}

# mem_only MODE MEM_MIB: boot, fill, warm, cut; one worker ordered on the idle pool
mem_only() {
  local mode=$1 mem=$2 fill
  dir=$(mktemp -d "$D/mem-$mode.XXXX")
  front=$(t_free_port); API=$(t_free_port); lb=$(t_free_port); pb=$(( 10000 + RANDOM % 9000 ))
  fill=$(fill_mib "$mem")
  cfg "$dir/snowscale.yaml" "$mode" "$mem" "$fill"
  progress "mem $mode ${mem} MiB: starting (media cache $fill MiB)"
  up "$dir" "$mode" || { bench_stop; return 1; }
  read -r used cached shmem total < <(meminfo)
  progress "mem $mode ${mem} MiB: guest memory used ${used} % of ${total} MiB (page cache ${cached} MiB, of it tmpfs ${shmem} MiB)"
  local ready
  ready=$(order_one)
  progress "mem $mode ${mem} MiB: ordered -> serving ${ready} s"
  echo "mem mode=$mode mem_mib=$mem ready_s=$ready used_pct=$used total_mib=$total cached_mib=$cached shmem_mib=$shmem" \
    | tee "$OUT/realapp-mem-$mode-$mem.summary"
  cp "$dir/snowscaled.log" "$OUT/realapp-mem-$mode-$mem.snowscaled.log"
  bench_stop
}

# analyze MODE T_BASE T_SPIKE: the mode's summary line from its files in $dir
analyze() {
  python3 - "$1" "$2" "$3" "$dir" "$TARGET_MS" "127.0.0.1:$pb" "$OUT" "$BASE_S" <<'PY'
import csv, json, math, sys
mode, t_base, t_spike, d, tgt, parent, out, base_s = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], float(sys.argv[5]), sys.argv[6], sys.argv[7], int(sys.argv[8])
def p95(v):
    v = sorted(v)
    return v[max(0, math.ceil(0.95 * len(v)) - 1)] if v else float('nan')
ev = json.load(open(d + '/events.json'))['events']
hist = json.load(open(d + '/history.json'))['points']
initial = set(open(d + '/initial_ids').read().split())
clones = {c['id']: c for c in json.load(open(d + '/clones.json'))['clones']}
# snowscaled's breach: the first evaluation in the spike over target
breach = next((p['ts_us'] for p in hist if p['ts_us'] >= t_spike and p.get('p95_us', 0) > tgt * 1000), None)
serv = sorted(e['ts_us'] for e in ev if e['kind'] == 'clone' and e.get('data', {}).get('to') == 'serving' and e['ts_us'] >= t_spike)
first = next((s for s in serv if breach is not None and s >= breach), None)
b2s = (first - breach) / 1e6 if first and breach else float('nan')
# the controller's first order in the spike -> that worker serving (the breach may precede it)
req1 = min(((e['ts_us'], e['data'].get('id')) for e in ev if e['kind'] == 'clone' and e.get('data', {}).get('to') == 'requested' and e['ts_us'] >= t_spike), default=None)
o2s = float('nan')
if req1:
    s1 = [e['ts_us'] for e in ev if e['kind'] == 'clone' and e.get('data', {}).get('to') == 'serving' and e['data'].get('id') == req1[1]]
    if s1: o2s = (min(s1) - req1[0]) / 1e6
# the client: per-second rows of the spike run (seconds since t_spike)
rows = list(csv.DictReader(open(d + '/spike.csv')))
def pv(r):
    try: return float(r['p95_ms'])
    except ValueError: return float('inf')
onset = next((int(r['second']) for r in rows if pv(r) > tgt), None)
ok = float('nan')
if onset is not None:
    secs = [int(r['second']) for r in rows]
    bad = {int(r['second']) for r in rows if pv(r) > tgt or int(r['failed']) > 0}
    for s in secs:
        if s > onset and all((s + k) not in bad and (s + k) in secs for k in range(5)):
            ok = s - onset; break
req = sum(int(r['sent']) + int(r['late']) for r in rows)
over = sum(int(r['above_target']) + int(r['failed']) + int(r['late']) for r in rows)
failed = sum(int(r['failed']) for r in rows)
steady = list(csv.DictReader(open(d + '/steady.csv')))
req += sum(int(r['sent']) + int(r['late']) for r in steady)
over += sum(int(r['above_target']) + int(r['failed']) + int(r['late']) for r in steady)
failed += sum(int(r['failed']) for r in steady)
# nginx's view: (start s, upstream, upstream time s) per request
log = []
for line in open(d + '/access.log'):
    f = line.split()
    if len(f) < 5: continue
    addr, ut = f[1].split(',')[-1].strip(), f[2].split(',')[-1].strip()
    try: log.append((float(f[0]) - float(f[4]), addr, float(ut)))
    except ValueError: pass
# per backend per second since the spike: p95 of upstream time (plot data)
with open('%s/realapp-%s.backends' % (out, mode), 'w') as o:
    per = {}
    for t, a, u in log:
        per.setdefault((int(t - t_spike / 1e6 + 1000) - 1000, a), []).append(u)
    for (s, a), v in sorted(per.items()):
        o.write('%d %s %d %.3f\n' % (s, a, len(v), p95(v)))
ratios, tputs = [], []
for cid, c in clones.items():
    if cid in initial or not c.get('address'): continue
    mine = [(t, u) for t, a, u in log if a == c['address']]
    if not mine: continue
    t0 = min(t for t, u in mine)
    w = [u for t, u in mine if t0 <= t < t0 + 10]
    pw = [u for t, a, u in log if a == parent and t0 <= t < t0 + 10]
    if len(w) < 3 or len(pw) < 3: continue
    r, q = p95(w) / p95(pw), len(w) / len(pw)
    print('realapp[%s]: worker %s first 10 s: %d requests, p95 %.2f s; parent %d requests, p95 %.2f s (p95 x%.2f, throughput x%.2f)'
          % (mode, cid, len(w), p95(w), len(pw), p95(pw), r, q), file=sys.stderr)
    ratios.append(r); tputs.append(q)
mean = lambda v: sum(v) / len(v) if v else float('nan')
# client p95 per second since the spike (plot), and serving clones from snowscaled's history
with open('%s/realapp-%s.client' % (out, mode), 'w') as o:
    for r in steady:
        o.write('%d %s\n' % (int(r['second']) - base_s, r['p95_ms']))
    for r in rows:
        o.write('%s %s\n' % (r['second'], r['p95_ms']))
with open('%s/realapp-%s.history' % (out, mode), 'w') as o:
    for p in hist:
        if p['ts_us'] >= t_base: o.write('%.1f %d\n' % ((p['ts_us'] - t_spike) / 1e6, p['actual']))
nw = len([c for c in clones if c not in initial])
print('%s breach_to_serving_s=%.2f order_to_serving_s=%.2f onset_to_p95_ok_s=%s requests=%d over_target=%d failed=%d first10s_p95_ratio=%.2f first10s_tput_ratio=%.2f new_workers=%d'
      % (mode, b2s, o2s, 'nan' if ok != ok else '%d' % ok, req, over, failed, mean(ratios), mean(tputs), nw))
PY
}

progress "modes: $MODES; memory: $MEM_SIZES MiB; target ${TARGET_MS} ms; spike x$SPIKE_X of the pool's capacity"
rm -f "$OUT"/realapp-*.summary
for m in $MODES; do run_mode "$m" 1024 || echo "realapp[$m]: run failed"; done
for size in $MEM_SIZES; do
  for m in clone restore; do
    mem_only "$m" "$size" || echo "realapp: memory run $m $size MiB failed"
  done
done

get() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" "$OUT/realapp-$1.summary" 2>/dev/null; }
ratio() { awk -v a="${1:-nan}" -v b="${2:-nan}" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.1f", a / b; else print "nan" }'; }
ratio2() { awk -v a="${1:-nan}" -v b="${2:-nan}" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.2f", a / b; else print "nan" }'; }
c=$(get clone breach_to_serving_s); b=$(get cold breach_to_serving_s); r=$(get restore breach_to_serving_s)
echo "BENCH realapp clone_s=${c:-nan} boot_s=${b:-nan} restore_s=${r:-nan} speedup=$(ratio "$b" "$c")" \
     "clone_first10s_p95_ratio=$(get clone first10s_p95_ratio) cold_first10s_p95_ratio=$(get cold first10s_p95_ratio)" \
     "over_target=$(get clone over_target) failed_requests=$(get clone failed)"
line="BENCH realapp_modes target_ms=$TARGET_MS spike_x=$SPIKE_X spike_rps=${SPIKE_RPS:-nan} base_rps=$BASE_RPS pages=$NPAGES warmed=$NHEAD zipf=$ZIPF"
for m in clone cold restore; do
  for k in order_to_serving_s onset_to_p95_ok_s requests over_target failed first10s_p95_ratio first10s_tput_ratio new_workers; do
    line="$line ${m}_$k=$(get "$m" "$k")"
  done
done
echo "$line"
mg() { sed -n "s/.* $3=\([^ ]*\).*/\1/p" "$OUT/realapp-mem-$1-$2.summary" 2>/dev/null; }
c1=$(mg clone 1024 ready_s); c4=$(mg clone 4096 ready_s); r1=$(mg restore 1024 ready_s); r4=$(mg restore 4096 ready_s)
echo "BENCH realapp_mem clone_1g_s=${c1:-nan} clone_4g_s=${c4:-nan} restore_1g_s=${r1:-nan} restore_4g_s=${r4:-nan}" \
     "clone_4g_over_1g=$(ratio2 "$c4" "$c1") clone_vs_restore_4g=$(ratio "$r4" "$c4")" \
     "used_pct_1g=$(mg clone 1024 used_pct)/$(mg restore 1024 used_pct) used_pct_4g=$(mg clone 4096 used_pct)/$(mg restore 4096 used_pct)"

if [ -s "$OUT/realapp-clone.client" ]; then
  plot=""
  for m in clone cold restore; do
    [ -s "$OUT/realapp-$m.client" ] || continue
    case $m in clone) col="#1f77b4"; t="clone";; cold) col="#d62728"; t="cold boot";; restore) col="#2ca02c"; t="full restore";; esac
    plot="$plot \"$OUT/realapp-$m.client\" using 1:(\$2 > 0 ? \$2 : 1/0) with lines lw 2 lc rgb \"$col\" title \"client p95, $t\","
    plot="$plot \"$OUT/realapp-$m.history\" using 1:2 axes x1y2 with steps lw 1 dt 2 lc rgb \"$col\" title \"new workers serving, $t\","
  done
  gnuplot <<EOF
set terminal pngcairo size 1100,520 font "DejaVu Sans,10"
set output "$OUT/realapp.png"
set title "DokuWiki under a ${SPIKE_X}x load spike: clone vs cold boot vs full restore (p95 target ${TARGET_MS} ms)"
set xlabel "seconds since the spike started"
set ylabel "client p95 latency per second (ms, log scale)"; set y2label "new workers serving"
set logscale y; set yrange [10:100000]; set xrange [-$BASE_S:*]
set ytics nomirror; set y2tics 1; set y2range [0:$((MAX_CLONES + 2))]; set grid
set key top right
plot $plot ${TARGET_MS} with lines lc rgb "#555555" dt 3 title "target"
EOF
  progress "plot $OUT/realapp.png"
fi
progress "done"
