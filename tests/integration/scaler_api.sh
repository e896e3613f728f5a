#!/bin/bash
# snowscaled's HTTP API against the real daemon (observe mode: no VMs) on a free loopback port:
# samples in JSON and text, percentiles read back, the bad-input answers, auth, manual scale,
# events, history, Prometheus /metrics, Server-Sent Events and snowscalectl.
. "$(dirname "$0")/../lib.sh"
SCALED=${SC_SNOWSCALED:-$BIN/snowscaled}
CTL=${SC_SNOWSCALECTL:-$BIN/snowscalectl}
TOKEN=test-token-$RANDOM
write_cfg() { t_observe_cfg "$T_DIR/snowscale.yaml" "api_extra=max_body: 64K" "top_extra=log_level: debug"; }
t_start_scaled scaled "$T_DIR/snowscale.yaml" write_cfg --stop-vms-on-exit
t_is "$(curl -s "$URL/healthz")" '{"ok":true}' "healthz"

auth=(-H "Authorization: Bearer $TOKEN")
post() {  # post PATH CONTENT-TYPE BODY -> "STATUS BODY"
  curl -s -o "$T_DIR/resp" -w '%{http_code}' "${auth[@]}" -H "Content-Type: $2" --data-binary "$3" "$URL$1"
  printf ' %s' "$(cat "$T_DIR/resp")"
}

# --- samples: text, 1000 values 1 ms .. 1 s on two backends; JSON, 100 more at 2 ms
now=$(( $(date +%s) * 1000000 ))
awk -v now="$now" 'BEGIN { for (i = 1; i <= 1000; i++) printf "%s 127.0.0.1:%d %d %d\n", now, 18001 + i % 2, i * 1000, (i % 10 == 0) ? 503 : 200 }' >"$T_DIR/samples.txt"
t_is "$(post /api/v1/samples text/plain "$(cat "$T_DIR/samples.txt")")" '202 {"accepted":1000,"rejected":0}' "text samples accepted"
status=$(curl -s "$URL/api/v1/status")
# exact nearest-rank percentiles of 1..1000 ms are 500, 950 and 990 ms; 1 % error allowed
for q in 50:500000 95:950000 99:990000; do
  got=$(jq -r ".windows.short.p${q%%:*}_us" <<<"$status")
  t_check "p${q%%:*} $got within 1% of ${q#*:}" awk -v g="$got" -v w="${q#*:}" 'BEGIN { d = g - w; if (d < 0) d = -d; exit !(d <= w * 0.01) }'
done
t_is "$(jq -r .windows.short.count <<<"$status")" 1000 "short window count"
t_like "$(jq -r .windows.short.error_rate <<<"$status")" '^0\.1' "error rate 10 %"
json=$(jq -cn --argjson now "$now" '{samples: [range(100) | {backend: "127.0.0.1:18003", latency_us: 2000, status: 200, ts_us: $now}]}')
t_is "$(post /api/v1/samples application/json "$json")" '202 {"accepted":100,"rejected":0}' "JSON samples accepted"
t_is "$(curl -s "$URL/api/v1/status" | jq -r .windows.long.count)" 1100 "long window has both batches"

# one by one rejection: negative and absurd values are counted, the rest kept
mixed='{"samples":[{"backend":"a:1","latency_us":-5,"status":200},{"backend":"a:1","latency_us":99999999999,"status":200},{"backend":"a:1","latency_us":10,"status":700},{"backend":"a:1","latency_us":10,"status":200}]}'
t_is "$(post /api/v1/samples application/json "$mixed")" '202 {"accepted":1,"rejected":3}' "bad values rejected one by one"

# "lost": samples the collector knows it lost, counted apart
t_is "$(post /api/v1/samples application/json '{"samples":[],"lost":5}')" '202 {"accepted":0,"rejected":0}' "a batch with lost samples"
for bad in '-1' '"5"' '1.5' 'null'; do
  t_like "$(post /api/v1/samples application/json "{\"lost\":$bad,\"samples\":[]}")" '^400 .*"lost\\" must be a non-negative integer' "lost $bad is 400"
done
t_is "$(curl -s "$URL/api/v1/status" | jq -r .samples_lost)" 5 "status counts lost samples"
t_like "$(curl -s "$URL/metrics")" $'\nsnowscale_samples_lost_total 5\n' "metrics count lost samples"
# "front": the front's arrival counters, kept as sent; anything malformed is 400 and not kept
t_is "$(curl -s "$URL/api/v1/status" | jq -c .front)" null "no front counters yet"
t_is "$(post /api/v1/samples application/json '{"samples":[],"front":{"arrived":40,"inflight":3,"ts_us":1763776800000000}}')" \
  '202 {"accepted":0,"rejected":0}' "a batch with the front's counters"
for bad in '{"arrived":-1,"inflight":0,"ts_us":1}' '{"arrived":1,"inflight":0}' '{"arrived":1,"inflight":0,"ts_us":1,"x":2}' \
           '[1,2,3]' '{"arrived":"1","inflight":0,"ts_us":1}'; do
  t_like "$(post /api/v1/samples application/json "{\"samples\":[],\"front\":$bad}")" '^400 .*front' "front $bad is 400"
done
t_is "$(curl -s "$URL/api/v1/status" | jq -c '[.front.arrived, .front.inflight]')" "[40,3]" "status shows the front's counters"
t_like "$(curl -s "$URL/metrics")" $'\nsnowscale_front_inflight 3\n' "and /metrics"

# --- malformed input: 4xx with a JSON reason, nothing of the batch kept
before=$(curl -s "$URL/api/v1/status" | jq -r .samples_total)
r=$(post /api/v1/samples application/json '{"samples":[{"backend":"a","latency_us":1,"status":200},')
t_like "$r" '^400 \{"error":"malformed JSON' "truncated JSON is 400"
r=$(post /api/v1/samples application/json '{"samples":[{"backend":"a","latency_us":1,"status":200,"color":"red"}]}')
t_like "$r" '^400 .*unknown field \\"color\\"' "unknown field is 400"
r=$(post /api/v1/samples application/json '{"samples":[{"backend":"a","latency_us":"fast","status":200}]}')
t_like "$r" '^400 .*latency_us: expected an integer' "wrong type is 400"
r=$(post /api/v1/samples text/plain $'1 a 100 200\n1 a 100\n')
t_like "$r" '^400 .*line 2' "malformed text line is 400 naming the line"
t_is "$(curl -s "$URL/api/v1/status" | jq -r .samples_total)" "$before" "rejected batches kept nothing"
head -c 100000 /dev/zero | tr '\0' 'x' >"$T_DIR/big"
code=$(curl -s -o "$T_DIR/resp" -w '%{http_code}' "${auth[@]}" -H 'Content-Type: text/plain' --data-binary @"$T_DIR/big" "$URL/api/v1/samples")
t_is "$code" 413 "oversized body is 413"
t_like "$(cat "$T_DIR/resp")" 'exceeds the limit of 65536 bytes' "413 names the limit"
code=$(curl -s -o "$T_DIR/resp" -w '%{http_code}' "${auth[@]}" -H 'Content-Type: text/plain' -H 'Transfer-Encoding: chunked' --data-binary @"$T_DIR/big" "$URL/api/v1/samples")
t_is "$code" 413 "oversized chunked body is 413"
r=$(post /api/v1/samples application/xml '<x/>')
t_like "$r" '^415 ' "unknown content type is 415"

# --- auth
code=$(curl -s -o "$T_DIR/resp" -w '%{http_code}' -H 'Content-Type: text/plain' --data-binary '1 a 1 200' "$URL/api/v1/samples")
t_is "$code $(cat "$T_DIR/resp")" '401 {"error":"missing or invalid bearer token"}' "no token is 401"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer ${TOKEN}x" -d '{"desired":2}' "$URL/api/v1/scale")
t_is "$code" 401 "wrong token is 401"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer ${TOKEN:0:5}" -d '{"desired":2}' "$URL/api/v1/scale")
t_is "$code" 401 "token prefix is 401"

# --- SSE: a stream opened now sees the scale event below
curl -sN -m 4 "$URL/api/v1/events/stream" >"$T_DIR/sse" 2>/dev/null &
sse_pid=$!
t_wait_for 5 grep -q '^event: status' "$T_DIR/sse" || t_fail "stream sends status first"

# --- manual scale, retire, generation
t_is "$(post /api/v1/scale application/json '{"desired":3}')" '200 {"desired":3}' "manual scale"
t_like "$(post /api/v1/scale application/json '{"desired":30}')" '^422 .*between min_clones 1 and max_clones 8' "scale beyond max is 422"
t_like "$(post /api/v1/scale application/json '{"desired":"3"}')" '^400 ' "scale with a string is 400"
t_like "$(post /api/v1/scale application/json '{"wanted":3}')" '^400 .*unknown field' "scale with an unknown field is 400"
# strict bodies: what json-c would let through by default is 400 with a reason, nothing applied
r=$(post /api/v1/scale application/json '{"desired":2,}')
t_like "$r" '^400 \{"error":".*malformed JSON at offset 13' "scale with a trailing comma is 400"
r=$(post /api/v1/scale application/json '{"desired":2}garbage')
t_like "$r" '^400 \{"error":".*malformed JSON at offset 13' "scale with trailing garbage is 400"
r=$(post /api/v1/scale application/json '{"desired":2,"desired":3}')
t_like "$r" '^400 \{"error":".*a key appears twice' "scale with a duplicate key is 400"
t_is "$(post /api/v1/samples application/json $'{"samples":[]} \n')" '202 {"accepted":0,"rejected":0}' "... trailing whitespace is fine"
r=$(post /api/v1/scale text/plain '{"desired":2}')
t_like "$r" '^415 \{"error":"Content-Type must be application/json, got text/plain"\}' "scale as text/plain is 415 with a JSON reason"
r=$(post /api/v1/samples application/json '{"samples":[],}')
t_like "$r" '^400 .*malformed JSON' "samples with a trailing comma is 400"
r=$(post /api/v1/samples application/json '{"samples":[{"backend":"a:1","latency_us":1,"latency_us":2,"status":200}]}')
t_like "$r" '^400 .*a key appears twice' "a sample with a duplicate key is 400"
# a URL with bytes that are not UTF-8: the reason quotes them escaped, the body stays valid UTF-8
code=$(curl -s -o "$T_DIR/resp" -w '%{http_code}' "$URL/api/v1/clones/%ff%fe")
t_is "$code" 404 "clone id with raw %ff%fe is 404"
t_check "... and its JSON body is valid UTF-8" iconv -f UTF-8 -t UTF-8 "$T_DIR/resp" -o /dev/null
t_like "$(jq -r .error "$T_DIR/resp")" '^no clone \\xFF\\xFE$' "... naming the bytes as \\xHH"
# an oversized Content-Length is refused from the header, as JSON, for every method
code=$(curl -s -o "$T_DIR/resp" -w '%{http_code}' -m 5 "${auth[@]}" -H 'Content-Type: application/json' \
       -H 'Content-Length: 18446744073709551615' --data-binary '{}' "$URL/api/v1/scale")
t_is "$code $(jq -r .error "$T_DIR/resp")" '413 body of 18446744073709551615 bytes exceeds the limit of 65536 bytes (api.max_body)' "huge Content-Length is a JSON 413"
code=$(curl -s -o "$T_DIR/resp" -w '%{http_code}' -m 5 -X GET -H 'Content-Length: 10000000000' "$URL/healthz")
t_is "$code $(jq -c . "$T_DIR/resp" 2>/dev/null)" '413 {"error":"a GET request takes no body"}' "GET with a 10 GB Content-Length is a JSON 413 at once"
t_wait_for 5 bash -c "curl -s '$URL/api/v1/status' | jq -e '.desired == 3 and .desired_source == \"manual\"' >/dev/null" \
  && t_ok "status shows the manual desired count" || t_fail "status shows the manual desired count"
t_like "$(post /api/v1/clones/c99/retire application/json '')" '^404 .*no clone c99' "retire unknown clone is 404"
t_like "$(post /api/v1/generation application/json '')" '^409 .*observe' "generation in observe mode is 409"
code=$(curl -s -o /dev/null -w '%{http_code}' "$URL/api/v1/clones/c99")
t_is "$code" 404 "unknown clone is 404"
t_is "$(curl -s "$URL/api/v1/clones")" '{"clones":[]}' "no clones in observe mode"
wait "$sse_pid" 2>/dev/null
t_check "stream delivered the scale event" grep -q '"kind":"scale"' "$T_DIR/sse"
t_check "stream events carry ids" grep -q '^id: [0-9]' "$T_DIR/sse"
t_like "$(grep -c '^event: status' "$T_DIR/sse")" '^([5-9]|[1-9][0-9]+)$' "stream sends status every tick"
# resuming: only events after Last-Event-ID
last=$(grep '^id: ' "$T_DIR/sse" | tail -n 1 | cut -d' ' -f2)
curl -sN -m 1 -H "Last-Event-ID: $((last - 1))" "$URL/api/v1/events/stream" >"$T_DIR/sse2" 2>/dev/null
t_is "$(grep '^id: ' "$T_DIR/sse2" | head -n 1 | cut -d' ' -f2)" "$last" "Last-Event-ID resumes after that event"

# --- events, history
ev=$(curl -s "$URL/api/v1/events?since=0&limit=1000")
t_is "$(jq -r '[.events[] | select(.kind == "scale")] | length' <<<"$ev")" 1 "one scale event"
t_is "$(jq -r '[.events[] | select(.kind == "decision")][-1].data.desired' <<<"$ev")" 3 "decision event after the manual scale"
next=$(jq -r .next <<<"$ev")
t_is "$(curl -s "$URL/api/v1/events?since=$next" | jq -r '.events | length')" 0 "events since the last id: none"
t_like "$(curl -s -o /dev/null -w '%{http_code}' "$URL/api/v1/events?since=abc")" 400 "bad since is 400"
hist=$(curl -s "$URL/api/v1/metrics/history?window=60")
t_like "$(jq -r '.points | length' <<<"$hist")" '^[1-9][0-9]*$' "history has points"
t_is "$(jq -r '.points[-1].desired' <<<"$hist")" 3 "history records desired"

# --- Prometheus
m=$(curl -s "$URL/metrics")
t_like "$m" 'snowscale_request_duration_seconds_bucket\{service="web",le="\+Inf"\} 1101' "histogram +Inf bucket counts every sample"
t_like "$m" 'snowscale_request_duration_seconds_count\{service="web"\} 1101' "histogram _count"
t_like "$m" '# TYPE snowscale_request_duration_seconds histogram' "histogram TYPE line"
t_like "$m" 'snowscale_desired_clones 3' "desired gauge"
t_like "$m" 'snowscale_backend_requests_per_second\{service="web",backend="127.0.0.1:18003",window="short"\}' "per-backend gauges"

# --- snowscalectl against it
out=$("$CTL" --url "$URL" status 2>&1)
t_like "$out" 'pool web \(service web\), mode observe' "snowscalectl status header"
t_like "$out" 'desired  3 \(manual\)' "snowscalectl status desired"
t_like "$out" 'long 60s +1101 ' "snowscalectl status window table"
t_is "$("$CTL" --url "$URL" --json status | jq -r .desired)" 3 "snowscalectl --json status"
t_like "$("$CTL" --url "$URL" status --brief)" '^desired 3 \(manual\), serving 0, pending 0, draining 0, no generation yet, p95 .*req/s' "snowscalectl status --brief"
t_is "$("$CTL" config get state_dir --config "$T_DIR/snowscale.yaml")" "$T_DIR/state" "config get resolves state_dir against the file"
t_is "$("$CTL" config get api.listen "$T_DIR/snowscale.yaml")" "127.0.0.1:$port" "config get api.listen"
"$CTL" config get no.such.key "$T_DIR/snowscale.yaml" 2>/dev/null; t_is "$?" 2 "config get of an unknown key exits 2"
t_like "$("$CTL" --url "$URL" events)" 'scale +manual scale to 3' "snowscalectl events"
t_is "$("$CTL" --url "$URL" events --limit 2 | tail -n +2 | wc -l)" 2 "snowscalectl events --limit 2: the newest two"
t_is "$(curl -s "$URL/api/v1/events?last=1" | jq -r '.events[0].id')" "$(curl -s "$URL/api/v1/events?since=0&limit=1000" | jq -r '.events[-1].id')" "events?last=1 is the newest"
"$CTL" --url "$URL" --json events --follow >"$T_DIR/follow" 2>&1 &
fpid=$!; T_PIDS+=("$fpid")
t_wait_for 5 grep -q '"kind"' "$T_DIR/follow" || true
post /api/v1/scale application/json '{"desired":4}' >/dev/null
t_wait_for 5 grep -q 'manual scale to 4' "$T_DIR/follow" && t_ok "events --follow prints new events" || t_fail "events --follow prints new events"
kill "$fpid" 2>/dev/null; wait "$fpid" 2>/dev/null
post /api/v1/scale application/json '{"desired":3}' >/dev/null
t_like "$("$CTL" --url "$URL" clones)" 'no clones' "snowscalectl clones"
"$CTL" --url "$URL" scale 2 >/dev/null 2>&1; t_is "$?" 1 "snowscalectl scale without a token fails"
t_like "$("$CTL" --url "$URL" scale 2 2>&1)" 'missing or invalid bearer token' "... and says why"
t_like "$("$CTL" --config "$T_DIR/snowscale.yaml" scale policy)" 'policy decides' "snowscalectl scale policy (token from --config)"
t_wait_for 5 bash -c "curl -s '$URL/api/v1/status' | jq -e '.desired_source == \"policy\"' >/dev/null" \
  && t_ok "control back to the policy" || t_fail "control back to the policy"
"$CTL" --url "http://127.0.0.1:1" status >/dev/null 2>"$T_DIR/err"; t_is "$?" 1 "snowscalectl against nothing fails"
t_like "$(cat "$T_DIR/err")" 'is snowscaled running' "... with a hint"
t_like "$("$CTL" config check "$T_DIR/snowscale.yaml")" ': ok \(pool web, mode observe' "config check of a good file"
printf 'pool: web\npolicy:\n  metric: p95_latency\n  target: -3ms\n  bogus: 1\n' >"$T_DIR/bad.yaml"
"$CTL" config check "$T_DIR/bad.yaml" >/dev/null 2>"$T_DIR/err"; t_is "$?" 1 "config check of a bad file exits 1"
t_like "$(cat "$T_DIR/err")" 'bad.yaml:[0-9]+:[0-9]+: ' "config check names file:line:col"

"$CTL" descriptor inspect "$T_DIR/nothing-here" >"$T_DIR/out" 2>&1; t_is "$?" 1 "descriptor inspect of a missing file exits 1"
head -c 4096 /dev/urandom >"$T_DIR/junk.desc"
t_like "$("$CTL" descriptor inspect "$T_DIR/junk.desc" --json)" '"valid":false' "descriptor inspect --json of junk says invalid"

kill -TERM "$T_PID"; wait "$T_PID"; t_is "$?" 0 "SIGTERM: clean exit"
t_like "$(tail -n 1 "$T_DIR/scaled.log")" 'stopped$' "logged the stop"
t_done
