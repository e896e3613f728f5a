#!/bin/bash
# Xen driver figures from the nested Xen lab (tests/xenlab/run.sh): checkpoint time, state size,
# zero / distinct pages, clone time, page bytes a clone reads. Needs the worker image (make guest).
set -uo pipefail
cd "$(dirname "$0")/.."
out=$(tests/xenlab/run.sh 2>&1); rc=$?
grep '^BENCH ' <<<"$out"
[ $rc -eq 0 ] || { tail -40 <<<"$out"; exit 1; }
