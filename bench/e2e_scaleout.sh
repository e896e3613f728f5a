#!/bin/bash
# The elastic web-server experiment, measured side by side in one run.
#
# The same open-loop load ramp (sf-loadgen) hits the same appliance twice:
#   1. clone: new workers are forked from the parent's warm generation (driver.boot: clone);
#   2. cold:  the same policy, but new workers boot cold from the image (driver.boot: cold).
# Per run it reports the time from the SLO breach (first evaluation of snowscaled whose p95 is
# over target after the spike starts: a tick, or a sample batch between ticks) to the first new
# worker serving through nginx -- and the same from the client's view (the start of the first
# second whose requests' p95 is over target, so the detection delay counts too) -- the time until p95 is
# back under target, requests over target, failed requests, and each new worker's cache hit rate
# and throughput in its first 10 s relative to the parent's over the same 10 s. Prints
#   BENCH scaleout clone_s=X boot_s=Y speedup=Z
#   BENCH scaleout_client clone_s=X boot_s=Y speedup=Z
#   BENCH warmcache clone_first10s_ratio=A cold_first10s_ratio=B
# and plots p95 and worker count over time for both runs: bench/out/scaleout.png.
#
# The demo app models a service whose per-worker capacity is bounded by a downstream pool that
# only cache misses reach (sfdemo -w/-k: a miss waits WAIT_MS for one of SLOTS slots, so a worker
# serves at most SLOTS*1000/WAIT_MS misses/s without using host CPU; a hit is answered at once)
# and whose misses also cost MISS_MS of CPU. With ~22 % of requests beyond the warm head, the
# 260 requests/s spike sends ~57 misses/s downstream: more than parent + 1 clone take at
# 25 misses/s each. Workers start at 2 (parent + min_clones 1); the spike needs 3-4.
#
# Clients ask for KEYS keys with a Zipf(ZIPF) popularity (key 0 the most popular), and the parent
# warms only the head of that keyspace, WARM_KEYS of them, before its generation is cut. So a
# clone starts with the popular keys but not the tail, the parent has kept filling its cache from
# the base load, and the warm-cache ratio (a new worker's first-10-s hit rate over the parent's)
# measures what inheriting the generation buys -- it is not 1.0 by construction, as it was when
# the warm set was the whole keyspace.
#
# Knobs (env): TARGET_MS=150 KEYS=20000 WARM_KEYS=2000 ZIPF=1.0 BASE_RPS=40 SPIKE_RPS=260
#              BASE_S=20 SPIKE_S=60 TAIL_S=10 MISS_MS=20 WAIT_MS=40 SLOTS=1 MODES="clone cold"
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$ROOT/build/bin
OUT=$ROOT/bench/out
mkdir -p "$OUT"
TARGET_MS=${TARGET_MS:-150}; KEYS=${KEYS:-20000}; WARM_KEYS=${WARM_KEYS:-2000}; ZIPF=${ZIPF:-1.0}
MISS_MS=${MISS_MS:-20}
WAIT_MS=${WAIT_MS:-40}; SLOTS=${SLOTS:-1}
BASE_RPS=${BASE_RPS:-40}; SPIKE_RPS=${SPIKE_RPS:-260}
BASE_S=${BASE_S:-20}; SPIKE_S=${SPIKE_S:-60}; TAIL_S=${TAIL_S:-10}
MODES=${MODES:-clone cold}
TOKEN=bench-token
[ "$WARM_KEYS" -lt "$KEYS" ] || { echo "e2e: WARM_KEYS ($WARM_KEYS) must be fewer than KEYS ($KEYS)" >&2; exit 2; }

. "$ROOT/bench/lib.sh"   # bench_stop, t_free_port
trap 'bench_stop; exit 130' INT TERM

for t in snowscaled snowscale-lb sf-loadgen; do
  [ -x "$BIN/$t" ] || { echo "e2e: $BIN/$t missing: run make" >&2; exit 1; }
done
[ -r "$ROOT/build/guest/vmlinuz" ] || { echo "e2e: worker image missing: run make guest" >&2; exit 1; }

api() { curl -fsS -m 5 "http://127.0.0.1:$API$1"; }

# run_one MODE: one appliance, one ramp; leaves $OUT/scaleout-MODE.{csv,history.csv,summary}
run_one() {
  local mode=$1 dir front lb pb t_start t_spike
  dir=$(mktemp -d "${TMPDIR:-/tmp}/snowscale-bench.XXXXXX")
  front=$(t_free_port); API=$(t_free_port); lb=$(t_free_port); pb=$(( 10000 + RANDOM % 9000 ))
  bench_appliance_cfg "$dir/snowscale.yaml" "$mode" "$WARM_KEYS"   # the head of the keyspace only
  {
    echo "policy:"
    echo "  metric: p95_latency"
    echo "  target: ${TARGET_MS}ms"
    echo "  min_clones: 1"
    echo "  max_clones: 3"
    echo "  scale_up: { max_step: 2, max_rate: unlimited, stabilization: 0s }"
    echo "  scale_down: { max_step: 1, stabilization: 10m }"
    echo "  panic: { threshold: 200%, window: 6s }"
  } >>"$dir/snowscale.yaml"

  echo "e2e[$mode]: starting snowscale-lb, nginx and snowscaled in $dir"
  bench_appliance_start "$dir"
  local ok=0 last=""
  for ((i = 0; i < 600; i++)); do   # parent boot + warm-up of $WARM_KEYS misses + generation + min_clones
    st=$(api /api/v1/status 2>/dev/null) || { sleep 1; continue; }
    line=$(jq -r '"actual=\(.actual) pending=\(.pending) generation=\(.generation.id // "none")"' <<<"$st")
    [ "$line" != "$last" ] && { echo "e2e[$mode]: $line"; last=$line; }
    # ready: min_clones serving and the parent warmed up (in cold mode no generation waits for it)
    if bench_appliance_ready "$st"; then ok=1; break; fi
    sleep 1
  done
  if [ $ok != 1 ]; then
    echo "e2e[$mode]: pool did not come up in 600 s; last log lines:"; tail -n 20 "$dir/snowscaled.log"
    bench_stop; return 1
  fi

  # Watch new workers: hit rate and requests in their first 10 s serving, and the parent's
  # over the same 10 s (sfdemo's /stats counters are cumulative; clones inherit the parent's).
  : >"$dir/workers.txt"
  (
    declare -A seen
    stats() {   # "HITS MISSES" from sfdemo's key=value /stats
      curl -fs -m 2 "http://$1/stats" | awk -F= '$1 == "hits" { h = $2 } $1 == "misses" { m = $2 } END { print h + 0, m + 0 }'
    }
    while :; do
      api /api/v1/clones 2>/dev/null | jq -r '.clones[] | select(.state=="serving") | "\(.id) \(.address)"' |
      while read -r id addr; do
        [ -n "${seen[$id]:-}" ] && continue
        [ -e "$dir/seen.$id" ] && continue; touch "$dir/seen.$id"
        ( a0=$(stats "$addr"); p0=$(stats "127.0.0.1:$pb"); sleep 10
          a1=$(stats "$addr"); p1=$(stats "127.0.0.1:$pb")
          echo "$id $addr $a0 $a1 $p0 $p1" >>"$dir/workers.txt" ) &
      done
      sleep 0.5
    done
  ) & local watcher=$!

  # workers serving before the spike (the parent's first clones) are not "new workers"
  api /api/v1/clones | jq -r '.clones[] | select(.state=="serving") | .id' >"$dir/initial_ids"
  t_start=$(date +%s%6N)
  t_spike=$(( t_start + BASE_S * 1000000 ))
  echo "e2e[$mode]: load ${BASE_RPS} rps for ${BASE_S}s, ${SPIKE_RPS} rps for ${SPIKE_S}s, ${BASE_RPS} rps for ${TAIL_S}s;" \
       "keys Zipf($ZIPF) over $KEYS, $WARM_KEYS warmed"
  "$BIN/sf-loadgen" --url "http://127.0.0.1:$front/item/%d" --keys "$KEYS" --zipf "$ZIPF" \
      --ramp "$BASE_RPS:$BASE_S,$SPIKE_RPS:$SPIKE_S,$BASE_RPS:$TAIL_S" --target-ms "$TARGET_MS" \
      --csv "$OUT/scaleout-$mode.csv" --quiet 2>&1 | tee "$dir/loadgen.out"
  sleep 11   # let the last worker's 10 s window close
  kill "$watcher" 2>/dev/null; pkill -P "$watcher" 2>/dev/null

  local since=0 page
  : >"$dir/events.pages"
  while page=$(api "/api/v1/events?since=$since&limit=1000") && [ "$(jq '.events | length' <<<"$page")" -gt 0 ]; do
    echo "$page" >>"$dir/events.pages"; since=$(jq '.next' <<<"$page")
  done
  jq -s '{events: [.[].events[]]}' "$dir/events.pages" >"$dir/events.json"
  api "/api/v1/metrics/history?window=3600" >"$dir/history.json"
  api /api/v1/clones >"$dir/clones.json"
  jq -r --argjson t0 "$t_spike" '.points[] | "\((.ts_us - $t0) / 1e6) \(.p95_us / 1000) \(.actual)"' \
      "$dir/history.json" >"$OUT/scaleout-$mode.history"

  # first_serving_after TS_US: when the first clone after TS turned serving; secs A B: (B-A) in s
  first_serving_after() {
    jq -r --argjson b "$1" \
      '[.events[] | select(.kind=="clone" and .data.to=="serving" and .ts_us >= $b) | .ts_us] | min // empty' "$dir/events.json"
  }
  secs() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", (b-a)/1e6}'; }
  local breach serving recover
  breach=$(jq -r --argjson t0 "$t_spike" --argjson tgt "$TARGET_MS" \
      '[.points[] | select(.ts_us >= $t0 and .p95_us > $tgt * 1000) | .ts_us] | min // empty' "$dir/history.json")
  serving=""; recover=""
  if [ -n "$breach" ]; then
    serving=$(first_serving_after "$breach")
  fi
  if [ -n "$serving" ]; then
    # back under target: the first tick after the first new worker from which 5 ticks stay under
    recover=$(jq -r --argjson s "$serving" --argjson tgt "$TARGET_MS" '
      [.points[] | select(.ts_us >= $s)] as $p
      | [range(0; ($p|length) - 4) | select([$p[.:.+5][] | .p95_us <= $tgt * 1000] | all) | $p[.].ts_us] | min // empty' \
      "$dir/history.json")
  fi
  # the client's view: the first second of the spike whose p95 (of requests started in it) is over
  # target, taken from its start: this also counts how long the monitor took to see the breach
  local cbreach="" cserving="" s_client=nan
  cbreach=$(awk -F, -v from="$BASE_S" -v tgt="$TARGET_MS" -v t0="$t_start" \
      'NR > 1 && $1 >= from && $8 > tgt { printf "%.0f", t0 + $1 * 1000000; exit }' "$OUT/scaleout-$mode.csv")
  local s_serving=nan s_recover=nan
  [ -n "$serving" ] && s_serving=$(secs "$breach" "$serving")
  if [ -n "$cbreach" ] && [ -n "$breach" ]; then
    cserving=$(first_serving_after "$cbreach")
    [ -n "$cserving" ] && s_client=$(secs "$cbreach" "$cserving")
  fi
  [ -n "$recover" ] && s_recover=$(secs "$breach" "$recover")
  local above failed sent
  above=$(sed -n 's/.*above_target=\([0-9]*\).*/\1/p' "$dir/loadgen.out")
  failed=$(sed -n 's/.*failed=\([0-9]*\).*/\1/p' "$dir/loadgen.out")
  sent=$(sed -n 's/.*sent=\([0-9]*\).*/\1/p' "$dir/loadgen.out")
  # per new worker: hit rate and requests in its first 10 s, relative to the parent's
  local ratio
  ratio=$(awk -v init="$(tr '\n' ' ' <"$dir/initial_ids")" 'BEGIN { n0 = split(init, ids, " "); for (i = 1; i <= n0; i++) initial[ids[i]] = 1 }
               ($1 in initial) { next } { wh=$5-$3; wm=$6-$4; ph=$9-$7; pm=$10-$8; wn=wh+wm; pn=ph+pm;
                 if (wn <= 0 || pn <= 0 || ph <= 0) next;
                 hr=wh/wn; phr=ph/pn; tr=wn/pn;
                 printf "e2e: worker %s first 10 s: %d requests (parent %d, x%.2f), hit rate %.3f (parent %.3f)\n", $1, wn, pn, tr, hr, phr > "/dev/stderr";
                 s += hr/phr; a += hr; n++ }
               END { if (n) printf "%.3f %.3f", s/n, a/n; else printf "nan nan" }' "$dir/workers.txt")
  # relative to the parent, and absolute: in cold mode the "parent" (the first worker) is no
  # warmer than the rest, so only the absolute rate compares the two modes
  local hit
  read -r ratio hit <<<"$ratio"
  echo "$mode breach_to_serving_s=$s_serving client_breach_to_serving_s=$s_client breach_to_p95_ok_s=$s_recover requests=$sent over_target=$above failed=$failed first10s_hit_ratio=$ratio first10s_hit_rate=$hit" \
      | tee "$OUT/scaleout-$mode.summary"
  bench_stop
  cp "$dir/snowscaled.log" "$OUT/scaleout-$mode.snowscaled.log"; cp "$dir/lb.log" "$OUT/scaleout-$mode.lb.log"
  if [ -n "$(pgrep -f -- "qemu-system.*$dir" || true)" ]; then
    echo "e2e[$mode]: QEMU left behind under $dir: killing"; pkill -KILL -f -- "qemu-system.*$dir"
  fi
  rm -rf "$dir"
}

for m in $MODES; do run_one "$m" || echo "e2e[$m]: run failed"; done

get() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" "$OUT/scaleout-$1.summary" 2>/dev/null; }
c=$(get clone breach_to_serving_s); b=$(get cold breach_to_serving_s)
speedup() { awk -v c="${1:-nan}" -v b="${2:-nan}" 'BEGIN{ if (c+0 > 0 && b+0 > 0) printf "%.1f", b/c; else print "nan" }'; }
echo "BENCH scaleout clone_s=${c:-nan} boot_s=${b:-nan} speedup=$(speedup "$c" "$b")"
cc=$(get clone client_breach_to_serving_s); cb=$(get cold client_breach_to_serving_s)
echo "BENCH scaleout_client clone_s=${cc:-nan} boot_s=${cb:-nan} speedup=$(speedup "$cc" "$cb")"
echo "BENCH warmcache clone_first10s_ratio=$(get clone first10s_hit_ratio) cold_first10s_ratio=$(get cold first10s_hit_ratio)" \
     "clone_first10s_hit=$(get clone first10s_hit_rate) cold_first10s_hit=$(get cold first10s_hit_rate) keys=$KEYS warm_keys=$WARM_KEYS zipf=$ZIPF"

if command -v gnuplot >/dev/null && [ -s "$OUT/scaleout-clone.history" ]; then
  gnuplot <<EOF
set terminal pngcairo size 1100,520 font "DejaVu Sans,10"
set output "$OUT/scaleout.png"
set title "Scale-out under a load spike: cloning vs cold boot (p95 target ${TARGET_MS} ms)"
set xlabel "seconds since the spike started"
set ylabel "p95 latency, 6 s window (ms, log scale)"; set y2label "clones serving (besides the parent)"
set logscale y; set yrange [1:20000]; set xrange [-$BASE_S:*]
set ytics nomirror; set y2tics 1; set y2range [0:5]; set grid
set key top right
plot "$OUT/scaleout-clone.history" using 1:2 with lines lw 2 lc rgb "#1f77b4" title "p95, clone", \
     "$OUT/scaleout-cold.history" using 1:2 with lines lw 2 lc rgb "#d62728" title "p95, cold boot", \
     "$OUT/scaleout-clone.history" using 1:3 axes x1y2 with steps lw 1 dt 2 lc rgb "#1f77b4" title "clones, clone", \
     "$OUT/scaleout-cold.history" using 1:3 axes x1y2 with steps lw 1 dt 2 lc rgb "#d62728" title "clones, cold boot", \
     ${TARGET_MS} with lines lc rgb "#555555" dt 3 title "target"
EOF
  echo "e2e: plot $OUT/scaleout.png"
fi
