#!/bin/bash
# A real snowscaled gets SIGHUP with configs that once crashed the loader (a warm-up range up to
# 2^64-1 wrapped its count, the next one never ended; an escaped NUL; bad UTF-8): the daemon
# stays up, keeps the running config (the API answers with the old values) and logs each
# problem with file:line:col.
. "$(dirname "$0")/../lib.sh"
TOKEN=tok-$RANDOM
CFG=$T_DIR/snowscale.yaml
write_cfg() { t_observe_cfg "$CFG" metric= min_clones= max_clones="$1"; }  # write_cfg MAX_CLONES
status() { curl -s "$URL/api/v1/status"; }
refusals() {
  curl -s "$URL/api/v1/events?limit=1000" |
    jq -r '[.events[] | select(.kind == "config" and (.message | test("refused")))] | length'
}

t_start_scaled scaled "$CFG" "write_cfg 7"
pid=$T_PID
t_is "$(status | jq -r .policy.max_clones)" 7 "started with max_clones 7"

# bad_reload NAME LINE:COL PATTERN: CFG holds a bad config; SIGHUP and check what happened
n=0
bad_reload() {
  local name=$1 pos=$2 pat=$3
  n=$((n + 1))
  kill -HUP "$pid"
  if t_wait_for 10 bash -c "[ \"\$(curl -s '$URL/api/v1/events?limit=1000' | jq -r '[.events[] | select(.kind == \"config\" and (.message | test(\"refused\")))] | length')\" -ge $n ]"; then
    t_ok "$name: reload refused (config event $n)"
  else
    t_fail "$name: reload refused (config event $n; have $(refusals))"
  fi
  t_check "$name: daemon still running" kill -0 "$pid"
  t_is "$(status | jq -r .policy.max_clones)" 7 "$name: old config kept (API answers max_clones 7)"
  t_like "$(grep -F 'reload: ' "$T_DIR/scaled.log" | grep -F "$CFG:$pos: ")" "$pat" \
    "$name: logged at snowscale.yaml:$pos"
}

# 1. {0..2^64-1}: B-A+1 wrapped to 0 (SIGSEGV in the loader)
write_cfg 9
printf 'parent:\n  warmup_urls: ["/item/{0..18446744073709551615}"]\n' >>"$CFG"
bad_reload "range to 2^64-1" "12:17" "parent.warmup_urls\\[0\\]: a range expands to at most 100000 paths"

# 2. {2^64-2..2^64-1}: two paths, but x <= B never ended (free(): invalid pointer)
write_cfg 9
printf 'parent:\n  warmup_urls: ["/i/{18446744073709551614..18446744073709551615}", "/{0..99999}"]\n' >>"$CFG"
bad_reload "range at the top of 64 bits" "12:68" "parent.warmup_urls\\[1\\]: expands the warm-up set past 100000 paths"

# 3. an escaped NUL in a string
write_cfg 9
printf 'service:\n  name: "a\\0b"\n' >>"$CFG"
bad_reload "escaped NUL" "12:9" "service.name: must not contain a NUL byte"

# 4. a byte that is not UTF-8
write_cfg 9
printf 'log_level: inf\xffo\n' >>"$CFG"
bad_reload "bad UTF-8" "11:15" "not UTF-8 text"

# a good config still reloads afterwards
write_cfg 11
kill -HUP "$pid"
t_wait_for 10 bash -c "curl -s '$URL/api/v1/status' | jq -e '.policy.max_clones == 11' >/dev/null" \
  && t_ok "a good config afterwards is applied (max_clones 11)" || t_fail "a good config afterwards is applied"
kill -TERM "$pid"; wait "$pid"; t_is "$?" 0 "SIGTERM: clean exit"
t_done
