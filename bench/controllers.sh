#!/bin/bash
# Three controllers on the cloning appliance, the same load shapes, judged at the client.
#
# For each load shape and each controller this boots the real appliance (snowscale-lb + nginx +
# snowscaled + QEMU parent and clones, as bench/e2e_scaleout.sh does), drives it with sf-loadgen
# and reads the load generator's own per-second buckets (p95 of the requests started in each
# second), on /item/KEY?fresh=1: every request takes one of the worker's SLOTS downstream slots
# for WAIT_MS, so a worker completes at most SLOTS / WAIT_MS requests per second (50 by default).
# Controllers:
#   snowscale  the default policy (no preset): capacity sizing, clone-era limits
#   hpa        policy.preset: hpa     on the same p95 target (HPA's ratio rule on a latency)
#   knative    policy.preset: knative on concurrency per clone, target SLOTS x 70 % (Knative's
#              containerConcurrency x target utilization default)
#   snowscale_cold  the default policy with driver.boot: cold, for reference, on COLD_SHAPES
#              (step3x by default; COLD_SHAPES= skips it)
# Shapes: step3x and step8x (BASE_RPS, then x3 / x8 for HIGH_S, then back), ramp (BASE_RPS to
# x6 over RAMP_S in ten steps), steady (x2.5 with +-10 % noise every 5 s for STEADY_S).
# Per run:
#   over_slo    requests over the target at the client (above target + failed + late)
#   recovery_s  client-side onset (the first second of the high phase; for the ramp and the
#               steady shape, the first second over target) -> the first second from which the
#               per-second p95 stays under target to the end of the high phase; 0 if it never
#               went over; the phase length if it never came back
#   max_p95     the worst per-second p95 (ms)
#   clone_s     clone-seconds: serving clones integrated over the load (snowscaled's history)
#   changes     scale changes while the load was steady (steady shape: the whole run after its
#               first 20 s; steps: the last half of the high phase)
# Plots, per shape (gnuplot): bench/out/controllers/controllers-SHAPE.png, the per-second
# p95 at the client and the serving pool of each controller.
# Prints one line per shape:
#   BENCH controllers shape=step3x snowscale_over_slo=N hpa_over_slo=N knative_over_slo=N
#         snowscale_recovery_s=S ... snowscale_clone_s=N ... (and max_p95, changes)
# Knobs (env): SHAPES="step3x step8x ramp steady" CONTROLLERS="snowscale hpa knative"
#   TARGET_MS=150 BASE_RPS=40 BASE_S=15 HIGH_S=45 TAIL_S=10 RAMP_S=90 STEADY_S=90 KEYS=200
#   SLOTS=2 WAIT_MS=40 MISS_MS=10 MAX_CLONES=10. Defaults: 12 runs, about 25 min on 2 TCG cores.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$ROOT/build/bin
OUT=$ROOT/bench/out/controllers
mkdir -p "$OUT"
SHAPES=${SHAPES:-step3x step8x ramp steady}
CONTROLLERS=${CONTROLLERS:-snowscale hpa knative}
TARGET_MS=${TARGET_MS:-150}; BASE_RPS=${BASE_RPS:-40}
BASE_S=${BASE_S:-15}; HIGH_S=${HIGH_S:-45}; TAIL_S=${TAIL_S:-10}
RAMP_S=${RAMP_S:-90}; STEADY_S=${STEADY_S:-90}
KEYS=${KEYS:-200}; SLOTS=${SLOTS:-2}; WAIT_MS=${WAIT_MS:-40}; MISS_MS=${MISS_MS:-10}
MAX_CLONES=${MAX_CLONES:-10}
COLD_SHAPES=${COLD_SHAPES-step3x}
TOKEN=bench-token
T0=$(date +%s)

for t in snowscaled snowscale-lb sf-loadgen; do
  [ -x "$BIN/$t" ] || { echo "controllers: $BIN/$t missing: run make" >&2; exit 1; }
done
[ -r "$ROOT/build/guest/vmlinuz" ] || { echo "controllers: worker image missing: run make guest" >&2; exit 1; }
command -v jq >/dev/null || { echo "controllers: jq missing: run make deps" >&2; exit 1; }

. "$ROOT/bench/lib.sh"   # bench_stop, t_free_port
trap 'bench_stop; exit 130' INT TERM

api() { curl -fsS -m 5 "http://127.0.0.1:$API$1"; }
progress() { echo "controllers[+$(( $(date +%s) - T0 ))s]: $*"; }

# ramp_of SHAPE -> "RPS:SECS,..." for sf-loadgen; HIGH_FROM/HIGH_TO: the high phase (seconds)
ramp_of() {
  local shape=$1 r="" i rps
  case $shape in
    step3x|step8x)
      local k=${shape#step}; k=${k%x}
      HIGH_FROM=$BASE_S; HIGH_TO=$(( BASE_S + HIGH_S ))
      echo "$BASE_RPS:$BASE_S,$(( BASE_RPS * k )):$HIGH_S,$BASE_RPS:$TAIL_S" ;;
    ramp)
      local step=$(( RAMP_S / 10 > 0 ? RAMP_S / 10 : 1 ))
      r="$BASE_RPS:$BASE_S"
      for i in $(seq 1 10); do r="$r,$(( BASE_RPS + BASE_RPS * 5 * i / 10 )):$step"; done
      HIGH_FROM=$BASE_S; HIGH_TO=$(( BASE_S + step * 10 ))
      echo "$r,$BASE_RPS:$TAIL_S" ;;
    steady)
      local n=$(( STEADY_S / 5 > 0 ? STEADY_S / 5 : 1 )) mid=$(( BASE_RPS * 5 / 2 ))
      r="$BASE_RPS:$BASE_S"
      for i in $(seq 1 "$n"); do
        rps=$(( mid + (RANDOM % 21 - 10) * mid / 100 )); r="$r,$rps:5"
      done
      HIGH_FROM=$BASE_S; HIGH_TO=$(( BASE_S + n * 5 ))
      echo "$r" ;;
    *) echo "controllers: unknown shape $shape" >&2; return 1 ;;
  esac
}

policy_of() {
  case $1 in
    snowscale|snowscale_cold)
      echo "  metric: p95_latency"; echo "  target: ${TARGET_MS}ms" ;;
    hpa)
      echo "  preset: hpa"; echo "  metric: p95_latency"; echo "  target: ${TARGET_MS}ms" ;;
    knative)
      echo "  preset: knative"; echo "  metric: inflight_per_clone"
      echo "  target: $(awk -v s="$SLOTS" 'BEGIN { printf "%.2f", s * 0.7 }')" ;;
  esac
  echo "  min_clones: 1"
  echo "  max_clones: $MAX_CLONES"
}

# run_one CONTROLLER SHAPE: leaves $OUT/CONTROLLER-SHAPE.{csv,summary}
run_one() {
  local ctl=$1 shape=$2 dir front lb pb boot=clone ramp
  ramp=$(ramp_of "$shape") || return 1
  ramp_of "$shape" >/dev/null; local hf=$HIGH_FROM ht=$HIGH_TO
  [ "$ctl" = snowscale_cold ] && boot=cold
  dir=$(mktemp -d "${TMPDIR:-/tmp}/snowscale-ctl.XXXXXX")
  front=$(t_free_port); API=$(t_free_port); lb=$(t_free_port); pb=$(( 10000 + RANDOM % 9000 ))
  bench_appliance_cfg "$dir/snowscale.yaml" "$boot" "$KEYS"
  { echo "policy:"; policy_of "$ctl"; } >>"$dir/snowscale.yaml"

  progress "$ctl/$shape: starting the appliance in $dir"
  bench_appliance_start "$dir"
  local ok=0 st
  for ((i = 0; i < 300; i++)); do
    st=$(api /api/v1/status 2>/dev/null) || { sleep 1; continue; }
    if bench_appliance_ready "$st"; then ok=1; break; fi
    sleep 1
  done
  if [ $ok != 1 ]; then
    progress "$ctl/$shape: the pool did not come up in 300 s; last log lines:"; tail -n 15 "$dir/snowscaled.log"
    bench_stop; rm -rf "$dir"; return 1
  fi
  progress "$ctl/$shape: pool up; load $ramp"
  local t_start
  t_start=$(date +%s%6N)
  "$BIN/sf-loadgen" --url "http://127.0.0.1:$front/item/%d?fresh=1" --keys "$KEYS" --ramp "$ramp" \
      --target-ms "$TARGET_MS" --csv "$OUT/$ctl-$shape.csv" --quiet >"$dir/loadgen.out" 2>&1
  cat "$dir/loadgen.out"
  api "/api/v1/metrics/history?window=3600" >"$dir/history.json"
  cp "$dir/snowscaled.log" "$OUT/$ctl-$shape.snowscaled.log"; cp "$dir/history.json" "$OUT/$ctl-$shape.history.json"
  bench_stop
  # the pool over the run, for the plot: seconds since the load started, serving clones
  jq -r --argjson t0 "$t_start" '.points[] | select(.ts_us >= $t0) | "\((.ts_us - $t0) / 1e6) \(.actual)"' \
      "$dir/history.json" >"$OUT/$ctl-$shape.pool"

  # the client's per-second buckets: second,target_rps,sent,ok,failed,late,p50_ms,p95_ms,above_target
  local over maxp rec
  over=$(awk -F, 'NR > 1 { n += $5 + $6 + $9 } END { print n + 0 }' "$OUT/$ctl-$shape.csv")
  # a second whose requests all failed has no p95 ("nan"): it counts as over target, not as a figure
  maxp=$(awk -F, 'NR > 1 && $8 ~ /^[0-9.]+$/ && $8 + 0 > m { m = $8 + 0 } END { printf "%.0f", m }' "$OUT/$ctl-$shape.csv")
  rec=$(awk -F, -v hf="$hf" -v ht="$ht" -v tgt="$TARGET_MS" -v shape="$shape" '
    NR == 1 { next }
    { p[$1] = ($8 ~ /^[0-9.]+$/) ? $8 + 0 : 1e9 }
    END {
      onset = -1
      if (shape ~ /^step/) onset = hf
      else for (s = hf; s < ht; s++) if ((s in p) && p[s] > tgt) { onset = s; break }
      if (onset < 0) { print 0; exit }
      last_bad = -1
      for (s = onset; s < ht; s++) if ((s in p) && p[s] > tgt) last_bad = s
      if (last_bad < 0) print 0; else if (last_bad == ht - 1) print ht - onset; else print last_bad + 1 - onset
    }' "$OUT/$ctl-$shape.csv")
  # clone-seconds and steady-phase changes from snowscaled's per-tick history
  local cs ch steady_from
  if [ "$shape" = steady ]; then steady_from=$(( hf + 20 )); else steady_from=$(( hf + (ht - hf) / 2 )); fi
  cs=$(jq -r --argjson t0 "$t_start" --argjson stop "$(( ht + TAIL_S ))" '
        [.points[] | select(.ts_us >= $t0 and .ts_us <= $t0 + $stop * 1000000)] as $p
        | [range(1; $p | length) | ($p[.].ts_us - $p[. - 1].ts_us) / 1e6 * $p[. - 1].actual] | add // 0
        | floor' "$dir/history.json")
  ch=$(jq -r --argjson t0 "$t_start" --argjson a "$steady_from" --argjson b "$ht" '
        [.points[] | select(.ts_us >= $t0 + $a * 1000000 and .ts_us < $t0 + $b * 1000000) | .desired] as $d
        | [range(1; $d | length) | select($d[.] != $d[. - 1])] | length' "$dir/history.json")
  echo "$ctl $shape over_slo=$over recovery_s=$rec max_p95=$maxp clone_s=$cs changes=$ch" | tee "$OUT/$ctl-$shape.summary"
  progress "$ctl/$shape: done"
  rm -rf "$dir"
}

# plot SHAPE CONTROLLERS...: per-second p95 at the client (log scale) and serving clones
plot() {
  local shape=$1 cmd="" ctl color i=0
  shift
  command -v gnuplot >/dev/null || { progress "gnuplot missing: no plot for $shape"; return 0; }
  local colors=("#1f77b4" "#d62728" "#2ca02c" "#7f7f7f")
  for ctl in "$@"; do
    [ -s "$OUT/$ctl-$shape.csv" ] || continue
    color=${colors[$((i++ % 4))]}
    awk -F, 'NR > 1 && $8 ~ /^[0-9.]+$/ { print $1, $8 }' "$OUT/$ctl-$shape.csv" >"$OUT/$ctl-$shape.p95"
    cmd="$cmd \"$OUT/$ctl-$shape.p95\" using 1:2 with lines lw 2 lc rgb \"$color\" title \"p95, $ctl\","
    cmd="$cmd \"$OUT/$ctl-$shape.pool\" using 1:2 axes x1y2 with steps lw 1 dt 2 lc rgb \"$color\" title \"clones, $ctl\","
  done
  [ -n "$cmd" ] || return 0
  ramp_of "$shape" >/dev/null
  gnuplot <<EOF
set terminal pngcairo size 1100,520 font "DejaVu Sans,10"
set output "$OUT/controllers-$shape.png"
set title "$shape: per-second p95 at the client and serving clones (target ${TARGET_MS} ms)"
set xlabel "seconds since the load started (high phase ${HIGH_FROM}-${HIGH_TO} s)"
set ylabel "p95 per second at the client (ms, log scale)"; set y2label "clones serving (besides the parent)"
set logscale y; set yrange [10:20000]; set xrange [0:*]
set ytics nomirror; set y2tics 1; set y2range [0:$(( MAX_CLONES + 1 ))]; set grid
set key top left
plot $cmd ${TARGET_MS} with lines lc rgb "#555555" dt 3 title "target"
EOF
  progress "plot $OUT/controllers-$shape.png"
}

for shape in $SHAPES; do
  ctls=$CONTROLLERS
  case " $COLD_SHAPES " in *" $shape "*) ctls="$ctls snowscale_cold" ;; esac
  for ctl in $ctls; do
    run_one "$ctl" "$shape" || echo "controllers: $ctl/$shape failed"
  done
  line="BENCH controllers shape=$shape"
  for key in over_slo recovery_s clone_s max_p95 changes; do
    for ctl in $ctls; do
      v=$(sed -n "s/.* $key=\([^ ]*\).*/\1/p" "$OUT/$ctl-$shape.summary" 2>/dev/null)
      line="$line ${ctl}_$key=${v:-nan}"
    done
  done
  echo "$line" | tee "$OUT/bench-$shape.txt"
  # shellcheck disable=SC2086
  plot "$shape" $CONTROLLERS
done
progress "all done"
