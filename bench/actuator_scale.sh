#!/bin/bash
# BENCH actuator: from `POST /api/v1/scale {"desired":8}` until 8 clones serve through nginx
# (snowscaled counts 8 serving and snowscale-lb has all 8 active in the upstream), on real
# snowscaled + QEMU (TCG here) + snowscale-lb + nginx. The same run with `driver.boot: cold`
# (every worker boots the image) gives the ratio that cloning buys.
#   bench/actuator_scale.sh            both modes, BENCH lines
#   bench/actuator_scale.sh clone|cold one mode, prints the seconds
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
N=${ACT_BENCH_N:-8}

if [ $# -eq 0 ]; then
  clone_s=$("$0" clone | tail -1) || { echo "bench actuator: clone run failed" >&2; exit 1; }
  cold_s=$("$0" cold | tail -1) || { echo "bench actuator: cold run failed" >&2; exit 1; }
  echo "BENCH actuator scale_1_to_${N}_s=$clone_s"
  echo "BENCH actuator scale_1_to_${N}_cold_s=$cold_s"
  echo "BENCH actuator scale_1_to_${N}_cold_over_clone=$(awk -v a="$cold_s" -v b="$clone_s" 'BEGIN{printf "%.1f", a/b}')"
  exit 0
fi

mode=$1
. "$HERE/../tests/integration/actuator_common.sh" >&2
act_require >&2
ACT_BOOT=$mode ACT_READY_TIMEOUT=600s act_config >&2
sed -i "s/max_clones: 8/max_clones: $((N > 8 ? N : 8))/" "$ACT_CFG"
act_start_lb >&2
act_start_scaled >&2
act_scale 1
act_wait_serving 1 300 || { echo "# $mode: pool never reached 1 serving clone" >&2; exit 1; }

_all_serving() {
  [ "$(act_status | jq -r '.actual')" = "$N" ] &&
    [ "$(act_lb_active | grep -vcx parent)" = "$N" ]
}
t0=$(date +%s.%N)
curl -sf -m 5 -X POST -H "Authorization: Bearer $ACT_TOKEN" -H 'Content-Type: application/json' \
  -d "{\"desired\":$N}" "$ACT_API/api/v1/scale" >/dev/null || { echo "# POST /scale failed" >&2; exit 1; }
while ! _all_serving; do
  sleep 0.05
  if (( $(date +%s) - ${t0%.*} > 900 )); then echo "# $mode: $N clones never served" >&2; exit 1; fi
done
t1=$(date +%s.%N)
# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.2f\n", b-a}'
