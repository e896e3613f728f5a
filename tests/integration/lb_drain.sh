#!/bin/bash
# snowscale-lb: a backend added and retired 50 times under steady load loses no request.
# Backend A stays; B is added (health check, a write into nginx's shared dict) and removed (a
# write, drain until nginx counts nothing in flight to it) in a loop while lb-load keeps 4
# requests in flight.
. "$(dirname "$0")/../lib.sh"
. "$ROOT/lb-agent/tools/lb_env.sh"
CYCLES=${LB_CYCLES:-50}

lb_backend A --delay-ms 2 || t_bail "backend A did not start"; pa=$LB_PORT
lb_backend B --delay-ms 2 || t_bail "backend B did not start"; pb=$LB_PORT
lb_agent_start --coalesce-ms 50 --min-reload-interval-ms 100 --drain-timeout-ms 20000 ||
  t_bail "snowscale-lb did not come up"
lb_add a "$pa" >/dev/null; lb_wait_state a active 10 || t_bail "a not active"
lb_wait_settled 20 || t_bail "old nginx workers of the start-up config did not exit"

lb_load_start --concurrency 4
lb_cycles "$CYCLES" b "$pb"; t_is "$LB_CYCLES_OK" "$CYCLES" "$CYCLES add/remove cycles completed"
lb_load_stop
t_diag "$(cat "$LB_LOAD_OUT")"
t_diag "reload p50 $(lb_reload_p50) ms"
t_is "$(lb_load_field failed)" 0 "no failed request under $CYCLES cycles"
t_like "$(lb_load_field requests)" '^[0-9]{3,}$' "load generator made requests"
t_like "$(cat "$LB_LOAD_OUT")" 'served B=[0-9]+' "traffic reached B while it was in"
t_is "$LB_CYCLES_TIMEOUT" 0 "every drain ended by its in-flight count reaching 0, not the timeout"
t_is "$(curl -s "$LB_API/v1/reloads" | grep -o '"failures":[0-9]*')" '"failures":0' "no failed reload"
t_is "$(lb_load_field retried)" 0 "no kept-alive client connection was closed under a request"
t_is "$(curl -s "$LB_API/v1/reloads" | jq '[.reloads[] | select(.result == "ok")] | length')" 0 "no reload for $((2 * CYCLES)) membership changes"
t_check "one set write per add and per remove ($(lb_stat set_writes) >= $((2 * CYCLES + 1)))" test "$(lb_stat set_writes)" -ge $((2 * CYCLES + 1))
t_done
