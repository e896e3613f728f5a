#!/bin/bash
# BENCH reload: 50 add/remove cycles of one backend under steady load (lb-load, 8 in flight,
# backends answering in 2 ms) with snowscale-lb's default coalescing (200 ms) and reload rate
# cap (500 ms). Prints failed requests and the median time from starting a reload to nginx
# serving the new upstream set (nginx -t + SIGHUP + confirmation on the control socket).
. "$(dirname "$0")/../tests/lib.sh"
. "$ROOT/lb-agent/tools/lb_env.sh"
CYCLES=${LB_CYCLES:-50}

lb_backend A --delay-ms 2 || t_bail "backend A did not start"; pa=$LB_PORT
lb_backend B --delay-ms 2 || t_bail "backend B did not start"; pb=$LB_PORT
lb_agent_start --drain-timeout-ms 30000 || t_bail "snowscale-lb did not come up"
lb_add a "$pa" >/dev/null; lb_wait_state a active 10 || t_bail "a not active"
lb_wait_settled 20 || t_bail "old nginx workers of the start-up config did not exit"
lb_load_start --concurrency 8
start=$SECONDS
lb_cycles "$CYCLES" b "$pb" || t_bail "cycles stopped after $LB_CYCLES_OK"
lb_load_stop
echo "# $(head -n1 "$LB_LOAD_OUT") in $((SECONDS - start)) s"
echo "BENCH reload cycles=$LB_CYCLES_OK failed_requests=$(lb_load_field failed) retried_requests=$(lb_load_field retried) reload_ms_p50=$(lb_reload_p50) requests=$(lb_load_field requests) drain_timeouts=$LB_CYCLES_TIMEOUT"
