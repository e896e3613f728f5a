#!/bin/bash
# Install the Debian packages snowscale needs that are not installed yet.
# As root: apt-get install them (apt-get update once first). Otherwise print the exact command.
set -euo pipefail
missing=()
for p in "$@"; do
  st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$st" == "install ok installed" ]] || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "deps: all ${#} Debian packages present"
  exit 0
fi
echo "deps: missing ${#missing[@]} package(s): ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "deps: not root; run:"
  echo "  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing[*]}"
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
stamp=/var/lib/apt/periodic/snowscale-update-stamp
if [ ! -e "$stamp" ] || [ -n "$(find "$stamp" -mmin +720 2>/dev/null)" ]; then
  echo "deps: apt-get update"
  apt-get update -q >/dev/null
  mkdir -p "$(dirname "$stamp")" && touch "$stamp"
fi
echo "deps: apt-get install ${missing[*]}"
apt-get install -y -q --no-install-recommends "${missing[@]}" 2>&1 | grep -E '^(Setting up|E:)' || true
for p in "${missing[@]}"; do
  st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$st" == "install ok installed" ]] || { echo "deps: $p failed to install" >&2; exit 1; }
done
echo "deps: done"
