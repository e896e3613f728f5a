#!/bin/bash
# QEMU driver benchmark (TCG, 256 MiB guest): descriptor pause and size, 8 parallel clones to ready,
# memory per clone, and a cold boot of the same image, measured side by side in one run.
#   BENCH checkpoint mem_mib=256 pause_ms=X state_bytes=N
#   BENCH clone n=8 first_ready_s=X all_ready_s=Y pss_mib_per_clone=P private_mib_per_clone=Z guest_private_mib_per_clone=G
#   BENCH boot cold_ready_s=X clone_ready_s=Y ratio=R
# state_bytes is the driver's device/vCPU state blob alone; the descriptor around it (and its MB
# per GB of RAM) is bench/clonecore_descriptor.sh's "BENCH descriptor". first_ready_s is the
# earliest clone's, all_ready_s the last one's. pss_mib_per_clone (Pss of each clone's QEMU from
# /proc/PID/smaps_rollup: private pages plus a share of the shared ones) is the host memory a
# clone costs, the figure that says how many fit; guest_private_mib_per_clone is the guest RAM
# copied on write.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TOOL=$ROOT/build/tests/cc-qemu-tool
N=${BENCH_CLONES:-8}
. "$ROOT/bench/lib.sh"
bench_workdir
bench_build build/tests/cc-qemu-tool || exit 1
P=$(t_free_port_run $((N + 2))) || exit 1

echo "bench: booting the parent (256 MiB, TCG)"
"$TOOL" boot --run "$D/parent" --port "$P" --mem 256 >/dev/null || exit 1
for k in $(seq 1 20); do curl -s -o /dev/null "http://127.0.0.1:$P/item/warm$k"; done
echo "bench: checkpoint"
out=$("$TOOL" checkpoint --run "$D/parent" --gen "$D/gen") || exit 1
pause=$(sed -n 's/.*pause_ms=\([0-9.]*\).*/\1/p' <<<"$out")
size=$(sed -n 's/.*state_bytes=\([0-9]*\).*/\1/p' <<<"$out")
echo "BENCH checkpoint mem_mib=256 pause_ms=$pause state_bytes=$size"

echo "bench: $N clones in parallel"
out=$("$TOOL" clones --gen "$D/gen" --run "$D/clones" --port "$((P+1))" --n "$N" --timeout 120) || exit 1
first=$(sed -n 's/.*first_ready_s=\([0-9.]*\).*/\1/p' <<<"$out")
all=$(sed -n 's/.*all_ready_s=\([0-9.]*\).*/\1/p' <<<"$out")
priv=$(sed -n 's/.* private_mib_per_clone=\([0-9.]*\).*/\1/p' <<<"$out")
pss=$(sed -n 's/.*pss_mib_per_clone=\([0-9.]*\).*/\1/p' <<<"$out")
# Private memory of the guest-RAM mapping alone (copy-on-write pages of the generation file).
gpriv=0
for f in "$D"/clones/*/qemu.pid; do
  kb=$(awk -v m="$D/gen/mem" '$NF==m{on=1;next} /^[0-9a-f]+-[0-9a-f]+ /{on=0} on&&/^Private_(Clean|Dirty):/{s+=$2} END{print s+0}' "/proc/$(cat "$f")/smaps")
  gpriv=$((gpriv + kb))
done
echo "BENCH clone n=$N first_ready_s=$first all_ready_s=$all pss_mib_per_clone=$pss private_mib_per_clone=$priv guest_private_mib_per_clone=$(awk -v k="$gpriv" -v n="$N" 'BEGIN{printf "%.1f", k/1024/n}')"
for f in "$D"/clones/*/qemu.pid; do kill -KILL "$(cat "$f")" 2>/dev/null; done

echo "bench: one clone alone, then a cold boot of the same image"
one=$("$TOOL" clone --gen "$D/gen" --run "$D/one" --port "$((P+N+1))" --id one | sed -n 's/.*ready_s=\([0-9.]*\).*/\1/p') || exit 1
kill -KILL "$(cat "$D/one/qemu.pid")" 2>/dev/null
cold=$("$TOOL" boot --run "$D/cold" --port "$((P+N+2))" --mem 256 | sed -n 's/^ready_s=\([0-9.]*\).*/\1/p') || exit 1
echo "BENCH boot cold_ready_s=$cold clone_ready_s=$one ratio=$(awk -v a="$cold" -v b="$one" 'BEGIN{printf "%.1f", a/b}')"
