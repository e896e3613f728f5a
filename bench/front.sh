#!/bin/bash
# BENCH front: 50 add/remove cycles of one backend under steady keep-alive load (lb-load,
# 8 in flight, no client retries: a reset, a timeout or a non-2xx answer is a client error).
# Membership is a write into nginx's shared dict (no reload). Prints the client errors, the
# latency samples that did not reach the agent (requests answered minus samples received),
# and the median time from the add request to the first request reaching the new backend
# (health check + set write + the balancer picking it).
. "$(dirname "$0")/../tests/lib.sh"
. "$ROOT/lb-agent/tools/lb_env.sh"
CYCLES=${LB_CYCLES:-50}

lb_backend A --delay-ms 2 || t_bail "backend A did not start"; pa=$LB_PORT
lb_backend B --delay-ms 2 || t_bail "backend B did not start"; pb=$LB_PORT
lb_agent_start --drain-timeout-ms 30000 || t_bail "snowscale-lb did not come up"
lb_add a "$pa" >/dev/null; lb_wait_state a active 10 || t_bail "a not active"
procs() { local m; m=$(cat "$LB_STATE/nginx/nginx.pid"); echo "$m $(ps -o pid= --ppid "$m" | sort -n | tr -d ' ' | tr '\n' ' ')"; }
procs0=$(procs)
sleep 0.5   # samples of the set-up requests shipped
s0=$(lb_stat samples)
lb_load_start --concurrency 8 --retry 0
start=$SECONDS
changes=()
for i in $(seq "$CYCLES"); do
  curl -s -o /dev/null "http://127.0.0.1:$pb/stats?reset=1"
  t0=$(date +%s%6N)
  lb_add b "$pb" >/dev/null
  lb_wait_state b active 15 || t_bail "cycle $i: b not active"
  t_wait_for 5 eval "curl -s 'http://127.0.0.1:$pb/stats' | grep -q 'first_us=[1-9]'" || t_bail "cycle $i: no request reached b"
  first=$(curl -s "http://127.0.0.1:$pb/stats" | sed -n 's/.*first_us=\([0-9]*\).*/\1/p')
  changes+=("$(( (first - t0) / 1000 ))")
  lb_call DELETE /v1/backends/b >/dev/null
  lb_wait_state b drained 40 || t_bail "cycle $i: b not drained"
done
lb_load_stop
sleep 1     # the last samples fetched from nginx
s1=$(lb_stat samples)
req=$(lb_load_field requests)
lost=$(( req - (s1 - s0) )); [ "$lost" -lt 0 ] && lost=0
echo "# $(head -n1 "$LB_LOAD_OUT") in $((SECONDS - start)) s; agent lost counter $(lb_stat lost); reloads $(curl -s "$LB_API/v1/reloads" | jq '[.reloads[] | select(.result != "start")] | length'); nginx processes $([ "$(procs)" = "$procs0" ] && echo unchanged || echo CHANGED)"
p50=$(printf '%s\n' "${changes[@]}" | sort -n | awk '{v[NR]=$1} END {if (NR) print v[int((NR+1)/2)]; else print "nan"}')
echo "BENCH front cycles=$CYCLES requests=$req client_errors=$(lb_load_field failed) lost_samples=$lost change_ms_p50=$p50"
