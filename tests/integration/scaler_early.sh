#!/bin/bash
# A spike is answered when the samples show it, not a tick later: with a 60 s tick, a sample batch
# that puts the short window over target makes snowscaled evaluate at once (a decision event with
# "early": true); a batch under target does not.
. "$(dirname "$0")/../lib.sh"
TOKEN=early-token-$RANDOM
write_cfg() {
  cat >"$T_DIR/snowscale.yaml" <<YAML
pool: web
mode: observe
api: { listen: 127.0.0.1:$port, token: $TOKEN }
state_dir: state
tick: 60s
policy: { metric: p95_latency, target: 150ms, min_clones: 1, max_clones: 8, panic: { window: 60s }, stable_window: 2m }
YAML
}
t_start_scaled scaled "$T_DIR/snowscale.yaml" write_cfg
# batch N LATENCY_US: N samples of that latency, now
batch() {
  local now i; now=$(date +%s%6N)
  for ((i = 0; i < $1; i++)); do echo "$now 127.0.0.1:9 $2 200"; done |
    curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
      -H 'Content-Type: text/plain' --data-binary @- "$URL/api/v1/samples"
}
early() { curl -s "$URL/metrics" | sed -n 's/^snowscale_early_evaluations_total \([0-9]*\)$/\1/p'; }
early_decisions() {
  curl -s "$URL/api/v1/events?since=0&limit=100" |
    jq '[.events[] | select(.kind == "decision" and .data.early == true)] | length'
}

t_wait_for 5 eval '[ -n "$(early)" ]'
t_is "$(early)" 0 "no early evaluation before any sample"
t_is "$(batch 50 20000)" 202 "a batch under target (20 ms) is accepted"
sleep 0.5
t_is "$(early)" 0 "a batch under target does not trigger an evaluation"
t_is "$(batch 200 900000)" 202 "a batch far over target (900 ms) is accepted"
t_wait_for 5 eval '[ "$(early_decisions)" -ge 1 ]'
t_is "$(early_decisions)" 1 "it is evaluated at once: one decision marked early"
t_like "$(early)" '^[1-9][0-9]*$' "the early evaluation is counted in /metrics"
ev=$(curl -s "$URL/api/v1/events?since=0&limit=100" | jq -c '[.events[] | select(.kind == "decision" and .data.early == true)] | last')
t_like "$(jq -r .message <<<"$ev")" 'p95 .* > target 150ms' "the decision names the breach"
t_is "$(jq -r .data.panic <<<"$ev")" true "and enters panic mode (x6 the target)"
t_check "the daemon logs why it did not wait for the tick" grep -q 'between ticks: a sample batch showed' "$T_DIR/scaled.log"
t_is "$(curl -s "$URL/metrics" | sed -n 's/^snowscale_ticks_total \([0-9]*\)$/\1/p')" 1 "and no regular tick ran meanwhile (60 s tick)"
t_done
