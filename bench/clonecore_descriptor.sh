#!/bin/bash
# Descriptor size against the goal of <= 0.5 MB per GB of guest RAM, on real QEMU workers (TCG):
# boot a parent with 256 MiB and with 1024 MiB, warm it (a few HTTP requests), checkpoint it
# through the QEMU driver (build/tests/cc-qemu-tool), publish the generation, and print
#   BENCH descriptor driver=qemu mem_mib=N bytes=B mb_per_gb=X pagemap_bytes=P state_bytes=S ...
# Needs the guest image (make guest) and qemu-system-x86_64; prints a SKIP line otherwise.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$ROOT/build/bin
TOOL=$ROOT/build/tests/cc-qemu-tool
export SNOWSCALE_ROOT=$ROOT
if ! command -v qemu-system-x86_64 >/dev/null || [ ! -x "$TOOL" ] || [ ! -f "$ROOT/build/guest/initrd.gz" ]; then
  echo "BENCH descriptor driver=qemu SKIP (needs qemu-system-x86_64, build/tests/cc-qemu-tool, make guest)"
  exit 0
fi
W=$(mktemp -d "${TMPDIR:-/tmp}/snowscale-bench.XXXXXX")
cleanup() {
  for p in "$W"/*/qemu.pid; do [ -f "$p" ] && kill -KILL "$(cat "$p")" 2>/dev/null; done
  rm -rf "$W"
}
trap cleanup EXIT
port=$(( 20000 + RANDOM % 12000 ))   # below the ephemeral range
for mib in 256 1024; do
  run=$W/parent-$mib; st=$W/state-$mib; gen=$st/gen/1
  mkdir -p "$st/gen"
  echo "# booting a $mib MiB parent (TCG) ..." >&2
  "$TOOL" boot --run "$run" --port "$port" --mem "$mib" >"$W/boot-$mib.log" 2>&1 \
    || { echo "bench: boot failed: $(tail -3 "$W/boot-$mib.log")"; exit 1; }
  for k in a b c d; do curl -s -m 10 "http://127.0.0.1:$port/item/$k" >/dev/null; done
  out=$("$TOOL" checkpoint --run "$run" --gen "$gen" 2>&1) || { echo "bench: checkpoint failed: $out"; exit 1; }
  state=$(sed -n 's/.* state=\([^ ]*\).*/\1/p' <<<"$out"); mem=$(sed -n 's/.* mem=\([^ ]*\).*/\1/p' <<<"$out")
  pause=$(sed -n 's/.*pause_ms=\([0-9.]*\).*/\1/p' <<<"$out")
  pub=$("$BIN/sf-descriptor" publish --state-dir "$st" --gen-dir "$gen" --mem "$mem" --state "$state" \
        --id 1 --driver qemu 2>/dev/null) || { echo "bench: publish failed"; exit 1; }
  json=$("$BIN/sf-descriptor" inspect "$gen/descriptor.sfd" --json)
  kill -KILL "$(cat "$run/qemu.pid")" 2>/dev/null
  python3 - "$mib" "$pause" "$json" "$pub" <<'PY'
import json, re, sys
mib, pause, d, pub = int(sys.argv[1]), sys.argv[2], json.loads(sys.argv[3]), sys.argv[4]
ms = re.search(r"publish_ms=([0-9.]+)", pub).group(1)
print("BENCH descriptor driver=qemu mem_mib=%d bytes=%d mb_per_gb=%.2f pagemap_bytes=%d pagemap_mb_per_gb=%.2f "
      "state_bytes_lz4=%d zero_pct=%.1f distinct_pct=%.1f pause_ms=%s publish_ms=%s" % (
      mib, d["bytes"], d["mb_per_gb_ram"], d["pagemap_bytes"], d["pagemap_bytes"] / 1048576 / (mib / 1024),
      [s["length"] for s in d["sections"] if s["type"] == "state"][0],
      100 * d["zero_pages"] / d["pages"], 100 * d["distinct_pages"] / d["pages"], pause, ms))
PY
  port=$((port + 1))
done
