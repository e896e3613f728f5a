#!/bin/bash
# snowscaled's /metrics against Prometheus's own linter (promtool check metrics, Debian package
# prometheus): before any sample (empty windows) and after samples on several backends, 5xx
# answers, rejected and lost samples. Also what the linter does not check: one TYPE per family,
# the histogram's buckets cumulative and ending at _count, the lost counter.
. "$(dirname "$0")/../lib.sh"
SCALED=${SC_SNOWSCALED:-$BIN/snowscaled}
TOKEN=test-token-$RANDOM
command -v promtool >/dev/null || { echo "1..0 # SKIP promtool not installed (make deps: prometheus)"; exit 0; }
write_cfg() { t_observe_cfg "$T_DIR/snowscale.yaml"; }
t_start_scaled scaled "$T_DIR/snowscale.yaml" write_cfg

# lint NAME: promtool on the live /metrics; passes only without a single complaint
lint() {
  curl -s "$URL/metrics" >"$T_DIR/metrics"
  promtool check metrics <"$T_DIR/metrics" >"$T_DIR/lint" 2>&1
  local rc=$?
  t_is "$rc $(tr '\n' ' ' <"$T_DIR/lint")" "0 " "promtool check metrics: $1"
}
lint "no samples yet"
t_like "$(cat "$T_DIR/metrics")" 'snowscale_window_latency_seconds\{service="web",window="short",quantile="0.95"\} NaN' "an empty window's quantile is NaN"

now=$(( $(date +%s) * 1000000 ))
awk -v now="$now" 'BEGIN { for (i = 1; i <= 600; i++) printf "%s 127.0.0.1:%d %d %d\n", now, 18001 + i % 3, i * 997, (i % 20 == 0) ? 502 : 200 }' >"$T_DIR/samples.txt"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/plain' --data-binary @"$T_DIR/samples.txt" "$URL/api/v1/samples")
t_is "$code" 202 "text samples posted"
json='{"lost":7,"samples":[{"backend":"-","latency_us":20000000,"status":200},{"backend":"a:1","latency_us":-1,"status":200}]}'
out=$(curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data-binary "$json" "$URL/api/v1/samples")
t_is "$out" '{"accepted":1,"rejected":1}' "JSON samples with lost ones posted"
lint "after samples"
m=$(cat "$T_DIR/metrics")

dups=$(grep '^# TYPE ' "$T_DIR/metrics" | awk '{ print $3 }' | sort | uniq -d)
t_is "$dups" "" "one TYPE line per family"
# every sample right under its own family's TYPE line (no interleaved families)
t_check "each family's samples together under its TYPE" awk '
  /^# TYPE / { fam = $3; type = $4; next }
  /^#/ || NF == 0 { next }
  { name = $1; sub(/\{.*/, "", name)
    if (type == "histogram") sub(/_(bucket|sum|count)$/, "", name)
    if (type == "summary") sub(/_(sum|count)$/, "", name)
    if (name != fam) { print "sample " $1 " under family " fam > "/dev/stderr"; exit 1 } }' "$T_DIR/metrics"
t_like "$m" $'# TYPE snowscale_window_latency_seconds summary\n' "window latency is a summary"
t_like "$m" $'# TYPE snowscale_backend_latency_seconds summary\n' "backend latency is a summary"
t_like "$m" 'snowscale_backend_latency_seconds\{service="web",backend="127.0.0.1:18002",window="long",quantile="0.99"\} 0\.[0-9]+' "per-backend quantiles"
# the histogram: cumulative buckets, +Inf = _count = every accepted sample (601, one above 10 s)
t_check "histogram buckets never decrease" awk -F'} ' '/^snowscale_request_duration_seconds_bucket/ { if ($2 < last) exit 1; last = $2 }' "$T_DIR/metrics"
t_like "$m" 'snowscale_request_duration_seconds_bucket\{service="web",le="10"\} 600' "600 samples up to 10 s"
t_like "$m" 'snowscale_request_duration_seconds_bucket\{service="web",le="\+Inf"\} 601' "+Inf bucket holds all 601"
t_like "$m" 'snowscale_request_duration_seconds_count\{service="web"\} 601' "_count is 601"
t_like "$m" 'snowscale_request_errors_total\{service="web"\} 30' "30 errors"
t_like "$m" $'\nsnowscale_samples_rejected_total 1\n' "rejected counter"
t_like "$m" $'\nsnowscale_samples_lost_total 7\n' "lost counter"
t_is "$(curl -s "$URL/api/v1/status" | jq -r .samples_lost)" 7 "status samples_lost"

kill -TERM "$T_PID"; wait "$T_PID"; t_is "$?" 0 "SIGTERM: clean exit"
t_done
