#!/bin/bash
# Missing latency data is not an idle service: with no sample batch for five ticks (at least 5 s)
# snowscaled marks its windows stale and the policy holds the clone count; an empty batch (what
# snowscale-lb sends every second while nginx is idle) keeps the data fresh.
. "$(dirname "$0")/../lib.sh"
TOKEN=stale-token-$RANDOM
write_cfg() {
  cat >"$T_DIR/snowscale.yaml" <<YAML
pool: web
mode: observe
api: { listen: 127.0.0.1:$port, token: $TOKEN }
state_dir: state
tick: 200ms
policy: { metric: p95_latency, target: 150ms, min_clones: 1, max_clones: 8 }
YAML
}
t_start_scaled scaled "$T_DIR/snowscale.yaml" write_cfg
stale() { curl -s "$URL/api/v1/status" | jq -r '"\(.windows.short.stale) \(.windows.long.stale)"'; }
batch() { curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
            -H 'Content-Type: text/plain' --data-binary "$1" "$URL/api/v1/samples"; }

t_is "$(stale)" "true true" "no batch yet: both windows stale"
t_is "$(batch '')" 202 "an empty batch is accepted"
t_is "$(stale)" "false false" "an empty batch makes the data fresh (an idle service, not missing data)"
t_is "$(batch "$(date +%s%6N) 127.0.0.1:9 4000 200")" 202 "a real sample"
t_wait_for 8 bash -c "[ \"\$(curl -s '$URL/api/v1/status' | jq -r .windows.short.stale)\" = true ]" &&
  t_ok "five seconds without a batch: stale again" || t_fail "five seconds without a batch: stale again"
t_check "the daemon says it holds the count" grep -q 'no latency samples lately: holding the clone count' "$T_DIR/scaled.log"
t_like "$(curl -s "$URL/api/v1/status" | jq -r .last_decision.reason)" 'no data for p95_latency' \
  "the decision names the missing data"
t_is "$(batch '')" 202 "the collector is back"
t_wait_for 3 grep -q 'latency samples arriving again' "$T_DIR/scaled.log" &&
  t_ok "the daemon says samples arrive again" || t_fail "the daemon says samples arrive again"
t_done
