#!/bin/bash
# The worker's demo app (guest/sfdemo.c, a static binary that runs on the host too): a cache hit
# never waits for the simulated downstream; the cache stays within -n items and -m MiB, evicting
# the least recently used; sizes and bodies past the limits get 400/413; /stats is the key=value
# contract the guest agent forwards.
. "$(dirname "$0")/../lib.sh"
cd "$ROOT" || exit 1
SFDEMO=$ROOT/build/guest/sfdemo
make --no-print-directory build/guest/sfdemo >"$T_DIR/build.log" 2>&1 || { cat "$T_DIR/build.log"; t_bail "sfdemo does not build"; }

start() {  # start OPTIONS...: sfdemo on a free port; sets U
  local p
  p=$(t_free_port) || t_bail "no free port"
  U=http://127.0.0.1:$p
  t_spawn sfdemo "$SFDEMO" -p "$p" "$@"
  t_wait_http "$U/healthz" 10 || { cat "$T_DIR/sfdemo.log"; t_bail "sfdemo did not come up"; }
}
secs() { curl -s -o /dev/null -w '%{time_total}' "$@"; }
code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
cache() { curl -s -D - -o /dev/null "$1" | tr -d '\r' | sed -n 's/^X-Cache: //p'; }
stat() { curl -s "$U/stats" | sed -n "s/^$1=//p"; }

# --- a hit skips the 300 ms downstream wait; a miss pays it
start -c 1 -w 300 -k 2 -n 4 -m 2
miss=$(secs "$U/item/a?size=100")
hit=$(secs "$U/item/a?size=100")
t_like "$miss" '^0?\.[3-9]|^[1-9]' "a miss waits for the downstream ($miss s)"
t_like "$hit" '^0?\.0' "a hit does not ($hit s)"
t_is "$(cache "$U/item/a")" hit "and says X-Cache: hit"
fresh=$(secs "$U/item/a?size=100&fresh=1")
t_like "$fresh" '^0?\.[3-9]|^[1-9]' "a hit with fresh=1 checks with the downstream ($fresh s)"
t_is "$(cache "$U/item/a?fresh=1")" hit "and is still served from the cache"

# --- /stats: text/plain, exactly the five key=value lines
hdr=$(curl -s -D - -o "$T_DIR/stats" "$U/stats" | tr -d '\r')
t_like "$hdr" 'Content-Type: text/plain' "/stats is text/plain"
t_like "$(cat "$T_DIR/stats" | paste -sd' ')" '^items=1 bytes=100 hits=4 misses=1 evictions=0$' "/stats: items bytes hits misses evictions"
t_is "$(grep -cvE '^[a-z_]+=[0-9]+$' "$T_DIR/stats")" 0 "every /stats line is key=number"

# --- at most 4 items: least recently used go first
for k in b c d; do curl -s -o /dev/null "$U/item/$k?size=10"; done
curl -s -o /dev/null "$U/item/a"                       # a is now the most recently used
curl -s -o /dev/null "$U/item/e?size=10"               # evicts b, the least recently used
t_is "$(stat items)" 4 "at most -n 4 items"
t_is "$(stat evictions)" 1 "one eviction"
t_is "$(cache "$U/item/a")" hit "the recently used item stayed"
t_is "$(cache "$U/item/b?size=10")" miss "the least recently used one was evicted"

# --- at most 2 MiB: three 1 MiB PUTs keep two
head -c 1048576 /dev/zero >"$T_DIR/1m"
for k in m1 m2 m3; do t_is "$(code -T "$T_DIR/1m" "$U/item/$k")" 200 "PUT 1 MiB as $k"; done
t_like "$(stat bytes)" '^[0-9]+$' "bytes is a number"
[ "$(stat bytes)" -le $((2 << 20)) ] && t_ok "bytes stay within -m 2 MiB ($(stat bytes))" || t_fail "bytes $(stat bytes) > 2 MiB"
t_is "$(cache "$U/item/m3")" hit "the newest 1 MiB item is kept"
t_is "$(cache "$U/item/m1?size=10")" miss "the oldest was evicted"

# --- abuse: sizes and bodies past the limits
t_is "$(code "$U/item/x?size=abc")" 400 "size=abc: 400"
t_is "$(code "$U/item/x?size=-1")" 400 "size=-1: 400 (not the largest size there is)"
t_is "$(code "$U/item/x?size=")" 400 "size= (empty): 400"
t_is "$(code "$U/item/x?size=99999999999999999999999")" 413 "size past 64 bits: 413"
t_is "$(code "$U/item/x?size=1048577")" 413 "size past 1 MiB: 413"
head -c 1048577 /dev/zero >"$T_DIR/1m1"
t_is "$(code -T "$T_DIR/1m1" "$U/item/big")" 413 "PUT past 1 MiB: 413"
t_check "sfdemo still serves" t_wait_http "$U/healthz" 2
kill "$T_PID"; wait "$T_PID" 2>/dev/null

# --- the default bound is a quarter of the RAM, and printed
start -c 1
t_like "$(cat "$T_DIR/sfdemo.log")" "cache at most 65536 items and [0-9]+ MiB" "default bounds printed"
mib=$(sed -n 's/.*items and \([0-9]*\) MiB.*/\1/p' "$T_DIR/sfdemo.log")
ram=$(awk '/^MemTotal:/ { print int($2 / 1024) }' /proc/meminfo)
[ "$mib" -le $((ram / 4 + 1)) ] && [ "$mib" -ge $((ram / 4 - 1)) ] && t_ok "default -m is a quarter of RAM ($mib of $ram MiB)" ||
  t_fail "default -m $mib MiB, RAM $ram MiB"
t_done
