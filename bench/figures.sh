#!/bin/bash
# Render the README's figures (the elastic web-server block and table, and the "Parts" table) as
# Markdown from the output of the last `make bench`: the BENCH lines in bench/out/bench.log and the
# per-run summary lines of bench/e2e_scaleout.sh (also in bench/out/scaleout-{clone,cold}.summary),
# and the real application's (bench/e2e_realapp.sh: its tables and the issue's goals, met or not).
# A figure the log does not have is shown as "–" (its benchmark did not run or skipped).
# It prints; pasting into README.md is a person's call.
#
#   bench/figures.sh [BENCH_LOG]        (default bench/out/bench.log)
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$ROOT/bench/out
LOG=${1:-$OUT/bench.log}
[ -r "$LOG" ] || { echo "figures: no $LOG: run make bench first" >&2; exit 1; }

# val NAME KEY [REGEX]: KEY's value in the last "BENCH NAME ..." line (matching REGEX); "" if none
val() {
  grep -aE "^BENCH $1( |$)" "$LOG" | grep -aE -- "${3:-.}" | grep -aoE " $2=[^ ]*" | tail -n 1 | cut -d= -f2-
}
# or_dash VALUE [SUFFIX]: the value with its unit, or "–" when it is missing or nan
or_dash() { case "${1:-}" in ""|nan|-nan) echo "–";; *) echo "$1${2:-}";; esac; }
# thousands 1234567 -> 1,234,567
thousands() { [ -n "${1:-}" ] && awk -v n="$1" 'BEGIN { s = sprintf("%d", n); o = "";
  while (length(s) > 3) { o = "," substr(s, length(s) - 2) o; s = substr(s, 1, length(s) - 3) } print s o }'; }
# summary MODE KEY: from e2e_scaleout's per-run line ("clone breach_to_serving_s=..."), which it
# prints into the log and keeps in bench/out/scaleout-MODE.summary
summary() {
  { grep -aE "^$1 breach_to_serving_s=" "$LOG" || cat "$OUT/scaleout-$1.summary" 2>/dev/null; } |
    tail -n 1 | sed -n "s/.* $2=\([^ ]*\).*/\1/p"
}

echo "Measured on $(date -u -r "$LOG" +%F) ($(nproc) cores), from ${LOG#"$ROOT"/}."
echo
echo '```'
echo '$ bench/e2e_scaleout.sh'
for name in scaleout scaleout_client warmcache; do grep -aE "^BENCH $name " "$LOG" | tail -n 1; done
echo '```'
echo
echo "| run | SLO breach → first new worker serving through nginx | same, from the client's first slow second | → p95 back under target | requests over target | failed requests | new workers' cache hit rate in their first 10 s, relative to the parent |"
echo "|---|---|---|---|---|---|---|"
for mode in clone cold; do
  label=$mode; [ "$mode" = cold ] && label="cold boot"
  over=$(summary "$mode" over_target); req=$(summary "$mode" requests)
  if [ -n "$over" ] && [ -n "$req" ]; then overs="$(thousands "$over") of $(thousands "$req")"; else overs="–"; fi
  ratio=$(summary "$mode" first10s_hit_ratio)
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$label" \
    "$(or_dash "$(summary "$mode" breach_to_serving_s)" " s")" "$(or_dash "$(summary "$mode" client_breach_to_serving_s)" " s")" \
    "$(or_dash "$(summary "$mode" breach_to_p95_ok_s)" " s")" "$overs" "$(or_dash "$(thousands "$(summary "$mode" failed)")")" \
    "$(or_dash "$( [ -n "$ratio" ] && [ "$ratio" != nan ] && printf '%.2f' "$ratio")")"
done
keys=$(val warmcache keys); warm=$(val warmcache warm_keys); zipf=$(val warmcache zipf)
[ -n "$keys" ] && echo && echo "Keys: Zipf($zipf) over $(thousands "$keys"), the parent warmed the $(thousands "$warm") most popular." \
  "New workers' own hit rate in their first 10 s: $(or_dash "$(val warmcache clone_first10s_hit)") cloned," \
  "$(or_dash "$(val warmcache cold_first10s_hit)") cold-booted."


# --- the real application (bench/e2e_realapp.sh) ---------------------------------------------------
# rv KEY: from the last "BENCH realapp_modes" line; met GOAL_OK: "met" / "missed" / "–"
rv() { val realapp_modes "$1"; }
met() { case "$1" in 1) echo "met";; 0) echo "**missed**";; *) echo "–";; esac; }
# cmp A OP B: 1 when A OP B holds, 0 when not, "" when A is missing
cmp() { awk -v a="${1:-nan}" -v b="$3" -v op="$2" 'BEGIN { if (a !~ /^[0-9.]+$/) exit;
  print (op == "<=" ? a + 0 <= b + 0 : a + 0 >= b + 0) ? 1 : 0 }'; }
if grep -aqE '^BENCH realapp ' "$LOG"; then
  echo
  echo "**A real application** (\`bench/e2e_realapp.sh\`): DokuWiki on Debian 12 (nginx, php-fpm with"
  echo "OPcache, $(or_dash "$(rv pages)") generated pages), 1 GiB workers; load Zipf($(rv zipf)) over every page, the parent"
  echo "warmed the $(or_dash "$(rv warmed)") most popular; $(rv base_rps) → $(rv spike_rps) requests/s (×$(rv spike_x) the parent's measured"
  echo "capacity), p95 target $(rv target_ms) ms; the same spike three ways in one run."
  echo
  echo '```'
  echo '$ bench/e2e_realapp.sh'
  for name in realapp realapp_mem; do grep -aE "^BENCH $name " "$LOG" | tail -n 1; done
  echo '```'
  echo
  echo "| new workers by | SLO breach → first new worker serving | controller's first order → that worker serving | client's first slow second → p95 back under target | requests over target | failed requests | new workers' first-10 s p95 / the parent's (nginx's upstream time) | their throughput / the parent's |"
  echo "|---|---|---|---|---|---|---|---|"
  for m in clone cold restore; do
    case $m in clone) label="clone"; b=$(val realapp clone_s);; cold) label="cold boot"; b=$(val realapp boot_s);;
                restore) label="full restore"; b=$(val realapp restore_s);; esac
    ok=$(rv "${m}_onset_to_p95_ok_s"); [ "$ok" = nan ] && ok="not within the spike"
    req=$(rv "${m}_requests"); ov=$(rv "${m}_over_target")
    printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$label" "$(or_dash "$b" " s")" "$(or_dash "$(rv "${m}_order_to_serving_s")" " s")" "$(or_dash "$ok" "$([ "$ok" = "not within the spike" ] || echo " s")")" \
      "$( [ -n "$ov" ] && echo "$(thousands "$ov") of $(thousands "$req")" || echo "–")" "$(or_dash "$(rv "${m}_failed")")" \
      "$(or_dash "$(rv "${m}_first10s_p95_ratio")")" "$(or_dash "$(rv "${m}_first10s_tput_ratio")")"
  done
  echo
  echo "| ready (ordered → serving, idle pool), parent's RAM ≥ 3/4 used | 1 GiB | 4 GiB | 4 GiB / 1 GiB |"
  echo "|---|---|---|---|"
  c1=$(val realapp_mem clone_1g_s); c4=$(val realapp_mem clone_4g_s); r1=$(val realapp_mem restore_1g_s); r4=$(val realapp_mem restore_4g_s)
  q() { awk -v a="${1:-nan}" -v b="${2:-nan}" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.2f", b / a; else print "–" }'; }
  echo "| clone | $(or_dash "$c1" " s") | $(or_dash "$c4" " s") | $(q "$c1" "$c4") |"
  echo "| full restore | $(or_dash "$r1" " s") | $(or_dash "$r4" " s") | $(q "$r1" "$r4") |"
  echo "| guest memory used (MemTotal − MemFree, clone / restore run) | $(or_dash "$(val realapp_mem used_pct_1g)" " %") | $(or_dash "$(val realapp_mem used_pct_4g)" " %") | |"
  echo
  echo "| goal | measured | |"
  echo "|---|---|---|"
  cs=$(val realapp clone_s); sp=$(val realapp speedup); r41=$(val realapp_mem clone_4g_over_1g); cvr=$(val realapp_mem clone_vs_restore_4g)
  cr=$(val realapp clone_first10s_p95_ratio); kr=$(val realapp cold_first10s_p95_ratio); fr=$(val realapp failed_requests)
  echo "| breach → first clone serving ≤ 1.5 s under TCG | $(or_dash "$cs" " s") | $(met "$(cmp "$cs" "<=" 1.5)") |"
  echo "| clone vs cold boot (breach → serving) ≥ 30× faster | ×$(or_dash "$sp") | $(met "$(cmp "$sp" ">=" 30)") |"
  echo "| clone ready 4 GiB / 1 GiB ≤ 1.2 | $(or_dash "$r41") | $(met "$(cmp "$r41" "<=" 1.2)") |"
  echo "| clone vs full restore at 4 GiB ≥ 5× faster | ×$(or_dash "$cvr") | $(met "$(cmp "$cvr" ">=" 5)") |"
  echo "| new worker's first-10 s p95 / parent's: clone ≤ 1.2 (cold boot reported) | clone $(or_dash "$cr"), cold boot $(or_dash "$kr") | $(met "$(cmp "$cr" "<=" 1.2)") |"
  echo "| failed requests 0 (clone run) | $(or_dash "$fr") | $(met "$(cmp "$fr" "<=" 0)") |"
fi
echo
echo "**Parts**"
echo
echo "| what | figure | command |"
echo "|---|---|---|"
row() { printf '| %s | %s | `%s` |\n' "$1" "$2" "$3"; }

pause=$(val checkpoint pause_ms)
row "parent pause to cut a generation (256 MiB)" "$(or_dash "$pause" " ms")" "bench/qemu_clone.sh"

d256=$(val descriptor bytes 'driver=qemu mem_mib=256 '); g256=$(val descriptor mb_per_gb 'driver=qemu mem_mib=256 ')
d1g=$(val descriptor bytes 'driver=qemu mem_mib=1024 '); g1g=$(val descriptor mb_per_gb 'driver=qemu mem_mib=1024 ')
desc="–"
[ -n "$d256" ] && desc="$(thousands "$d256") B = $g256 MB/GB (256 MiB guest)"
[ -n "$d1g" ] && desc="${desc/#–/}${d256:+, }$(thousands "$d1g") B = $g1g MB/GB (1 GiB)"
row "descriptor size" "$desc" "bench/clonecore_descriptor.sh"

cr=$(val boot clone_ready_s); cb=$(val boot cold_ready_s); bx=$(val boot ratio)
if [ -n "$cr" ]; then boot="$cr s vs $cb s (×$bx)"; else boot="–"; fi
row "clone ready vs cold boot ready (guest agent)" "$boot" "bench/qemu_clone.sh"

n=$(val clone n); fr=$(val clone first_ready_s); ar=$(val clone all_ready_s); gp=$(val clone guest_private_mib_per_clone)
pss=$(val clone pss_mib_per_clone)
if [ -n "$n" ]; then many="first ready $fr s, all ready $ar s; per clone $gp MiB guest RAM copied, $(or_dash "$pss" " MiB") host memory (PSS, QEMU included)"; else many="–"; n=8; fi
row "$n clones at once" "$many" "bench/qemu_clone.sh"

line=$(grep -aE '^BENCH actuator scale_1_to_[0-9]+_s=' "$LOG" | tail -n 1)
if [ -n "$line" ]; then
  an=$(sed -E 's/.*scale_1_to_([0-9]+)_s=.*/\1/' <<<"$line"); as=$(sed -E 's/.*_s=([^ ]*).*/\1/' <<<"$line")
  ac=$(val actuator "scale_1_to_${an}_cold_s")
  row "\`POST /scale\` 1 → $an serving through nginx" "$as s cloned, $(or_dash "$ac" " s") cold-booted" "bench/actuator_scale.sh"
else
  row "\`POST /scale\` 1 → 8 serving through nginx" "–" "bench/actuator_scale.sh"
fi

ov=$(val prefetch overlap_pct); fr=$(val prefetch fault_reduction_pct)
if [ -n "$fr" ]; then pf="the recording holds $ov % of the pages the other clone touched; $fr % fewer demand faults"; else pf="–"; fi
row "working-set replay (remote memtap): recorded on one clone, replayed on another serving other requests" "$pf" "bench/clonecore_replay.sh"

ml=$(val multihost local_clone_s); mr=$(val multihost remote_clone_s)
if [ -n "$mr" ]; then mh="remote clone ready $mr s vs local $ml s (goal ≤ 1.5×); $(val multihost fetched_pct) % of RAM fetched before background completion (goal ≤ 15 %), complete after $(val multihost completion_s_one) s; 8 clones on 3 hosts all ready $(val multihost ready_all_s) s (goal ≤ 2 s); parent's host sent $(val multihost bytes_vs_one_clone)× one clone's bytes (goal ≤ 3×; mcdist vs unicast $(val multihost mcdist_vs_unicast_bytes))"; else mh="–"; fi
row "memory across hosts (netns hosts, per-host shared memtap, mcdist)" "$mh" "bench/multihost.sh"

om=$(val disk_clone overlay_ms); ob=$(val disk_clone overlay_bytes); dr=$(val disk_clone clone_ready_s); nr=$(val disk_clone clone_ready_nodisk_s)
if [ -n "$om" ]; then dk="overlay $om ms and $(thousands "$ob") B; clone ready $dr s with a disk, $nr s without"; else dk="–"; fi
row "copy-on-write disk per clone" "$dk" "bench/disk_clone.sh"

ic=$(val identity clones)
if [ -n "$ic" ]; then idn="$ic clones: $(val identity unique_macs) MACs, $(val identity unique_ips) addresses, $(val identity distinct_random) distinct /dev/urandom reads"; else idn="–"; fi
row "identity on the bridge" "$idn" "bench/identity.sh"

fc=$(val front cycles); fe=$(val front client_errors); fq=$(val front requests); fl=$(val front lost_samples); fm=$(val front change_ms_p50)
if [ -n "$fc" ]; then fr2="$(thousands "$fe") client errors of $(thousands "$fq") requests, $fl lost samples, change → first request p50 $fm ms"; else fr2="–"; fc=50; fi
row "front membership changes under keep-alive load, $fc add/remove cycles (no reload)" "$fr2" "bench/front.sh"

ff=$(val flap flips)
if [ -n "$ff" ]; then fp="$(thousands "$(val flap client_errors)") client errors of $(thousands "$(val flap requests)") requests, $(val flap lost_samples) lost samples"; else fp="–"; ff=10; fi
row "pool flipped 1 ↔ 6 clones $ff times through the appliance" "$fp" "bench/flap.sh"

sps=$(val ingest samples_per_s); se=$(val ingest p95_err_pct)
if [ -n "$sps" ]; then ing="$(awk -v s="$sps" 'BEGIN { printf "%.1f", s / 1e6 }') M samples/s, p95 error $se %"; else ing="–"; fi
row "sample ingest, one core" "$ing" "bench/scaler_ingest.sh"

pd=$(val pol_decide plain_per_s)
[ -n "$pd" ] && row "policy decisions, one core" "$(thousands "$pd")/s ($(thousands "$(val pol_decide schedules32x7d_per_s)")/s with 32 week-long schedules)" "build/bin/pol-bench"

xc=$(val xen checkpoint_s); xk=$(val xen clone_s); xr=$(val xen_clone_pages read_ratio)
if [ -n "$xc" ]; then xen="$xc s / $xk s; a clone receives $(awk -v r="$xr" 'BEGIN { printf "%.0f", r * 100 }') % of the pages (the non-zero ones), all before it runs"; else xen="–"; fi
row "Xen (nested lab, PV, 128 MiB): checkpoint / clone" "$xen" "bench/xen_lab.sh (make check-xen)"

# bench/controllers.sh: one BENCH controllers line per shape
if grep -qaE "^BENCH controllers " "$LOG"; then
  echo
  echo "**Three controllers on the cloning appliance** (\`bench/controllers.sh\`; per-second p95 at the client)"
  echo
  echo '```'
  for shape in step3x step8x ramp steady; do grep -aE "^BENCH controllers shape=$shape " "$LOG" | tail -n 1; done
  echo '```'
  echo
  echo "| shape | requests over target (snowscale / hpa / knative) | onset → p95 under target, s | max p95, ms | clone-seconds | steady-phase scale changes | snowscale on cold boot: over target, onset → under target |"
  echo "|---|---|---|---|---|---|---|"
  for shape in step3x step8x ramp steady; do
    k="shape=$shape "
    [ -n "$(val controllers snowscale_over_slo "$k")" ] || continue
    tri() { printf '%s / %s / %s' "$(or_dash "$(val controllers "snowscale_$1" "$k")")" \
              "$(or_dash "$(val controllers "hpa_$1" "$k")")" "$(or_dash "$(val controllers "knative_$1" "$k")")"; }
    cold="–"; co=$(val controllers snowscale_cold_over_slo "$k")
    [ -n "$co" ] && cold="$co, $(val controllers snowscale_cold_recovery_s "$k") s"
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$shape" "$(tri over_slo)" "$(tri recovery_s)" "$(tri max_p95)" \
      "$(tri clone_s)" "$(tri changes)" "$cold"
  done
  # the goals, as ratios within one line
  ratio() { awk -v a="${1:-}" -v b="${2:-}" -v c="${3:-}" 'BEGIN { m = (b + 0 < c + 0) ? b : c;
    if (a == "" || b == "" || c == "" || m + 0 <= 0) print "–"; else printf "%.2f", a / m }'; }
  s3="shape=step3x "; s8="shape=step8x "; st="shape=steady "
  echo
  echo "Goals (ratios within one line): requests over target ≤ 1/3 of the better preset's —" \
    "step3x $(ratio "$(val controllers snowscale_over_slo "$s3")" "$(val controllers hpa_over_slo "$s3")" "$(val controllers knative_over_slo "$s3")")," \
    "step8x $(ratio "$(val controllers snowscale_over_slo "$s8")" "$(val controllers hpa_over_slo "$s8")" "$(val controllers knative_over_slo "$s8")");" \
    "onset → under target on step3x ≤ 3 s — $(or_dash "$(val controllers snowscale_recovery_s "$s3")" " s");" \
    "clone-seconds ≤ 1.5 × the cheaper preset's —" \
    "$(for sh in step3x step8x ramp steady; do printf '%s %s ' "$sh" "$(ratio "$(val controllers snowscale_clone_s "shape=$sh ")" "$(val controllers hpa_clone_s "shape=$sh ")" "$(val controllers knative_clone_s "shape=$sh ")")"; done | sed 's/ $//');" \
    "steady-phase changes ≤ the steadier preset's — $(val controllers snowscale_changes "$st") vs" \
    "$(val controllers hpa_changes "$st") / $(val controllers knative_changes "$st")."
fi
