#!/bin/bash
# QEMU driver: a remote clone. The parent's host publishes a generation and its memserver serves
# the pages from a network namespace (the "parent host", reached over a veth pair); the clone host
# has only the descriptor and an empty page store, mounts the generation's memory lazily with
# sf-memtap (FUSE) and starts the clone on that file. The clone serves the parent's cache as hits
# while fetching a fraction of the guest's memory. (The memserver, not memtap, lives in the
# namespace because `ip netns exec` gives its command a private mount namespace: a FUSE mount made
# there would be invisible to QEMU.)
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/qemu_lib.sh"
qemu_setup
[ "$(id -u)" = 0 ] || { t_ok "# SKIP needs root for a network namespace"; t_done; exit 0; }
[ -c /dev/fuse ] || { t_ok "# SKIP no /dev/fuse"; t_done; exit 0; }
make -C "$ROOT" -s build/tests/cc-qemu-publish "$BIN/sf-memserver" "$BIN/sf-memtap" >&2 || t_bail "cannot build memserver/memtap"
PUB=$ROOT/build/tests/cc-qemu-publish

# The parent host's network: a namespace joined to ours by a veth pair.
ns=ssq$$; vh=ssqh$$; vn=ssqn$$; net=10.$((RANDOM % 200 + 20)).$((RANDOM % 250)); 
ip netns add "$ns" || t_bail "ip netns add"
t_cleanup "ip netns del $ns"
ip link add "$vh" type veth peer name "$vn" || t_bail "veth"
t_cleanup "ip link del $vh"
ip link set "$vn" netns "$ns"
ip addr add "$net.1/24" dev "$vh"; ip link set "$vh" up
ip netns exec "$ns" ip addr add "$net.2/24" dev "$vn"
ip netns exec "$ns" ip link set "$vn" up
ip netns exec "$ns" ip link set lo up

out=$(qboot "$T_DIR/parent") || t_bail "parent boot: $out"
P0=$(sed -n 's/.* port=\([0-9]*\)$/\1/p' <<<"$out")
for k in r1 r2 r3; do hget "$P0" /item/$k >/dev/null; done
orig=$(hget "$P0" /item/r1)
S=$T_DIR/state
mkdir -p "$S/gen"
out=$("$TOOL" checkpoint --run "$T_DIR/parent" --gen "$S/gen/1" 2>&1) || t_bail "checkpoint: $out"
out=$("$PUB" publish --state-dir "$S" --gen-dir "$S/gen/1" --id 1 2>&1) || t_bail "publish: $out"
t_diag "published: $out"
head -c 32 /dev/urandom > "$T_DIR/secret"
MP=$(t_free_port)
t_spawn memserver ip netns exec "$ns" "$BIN/sf-memserver" --state-dir "$S" --secret-file "$T_DIR/secret" --listen "$net.2:$MP"
ms_pid=$T_PID
t_wait_for 10 grep -q listening "$T_DIR/memserver.log" || t_bail "memserver did not start: $(cat "$T_DIR/memserver.log")"

# Clone host: only the descriptor crosses over; an empty page store.
R=$T_DIR/remote; mkdir -p "$R/store" "$R/mnt"
cp "$S/gen/1/descriptor.sfd" "$R/"
out=$("$PUB" extract --descriptor "$R/descriptor.sfd" --out "$R/gen" 2>&1) || t_bail "extract: $out"
t_spawn memtap "$BIN/sf-memtap" --descriptor "$R/descriptor.sfd" --mount "$R/mnt" \
  --store "$R/store" --memserver "$net.2:$MP" --secret-file "$T_DIR/secret" --readahead none --stats "$R/stats"
mt_pid=$T_PID
t_wait_for 15 grep -q '^ready' "$T_DIR/memtap.log" || t_bail "memtap did not mount: $(cat "$T_DIR/memtap.log")"
t_cleanup "fusermount3 -u $R/mnt"

out=$(qclone "$R/gen" "$R/clone" rc1 --mem-path "$R/mnt/mem" --timeout 90)
t_check "remote clone on memtap reports ready ($out)" test $? -eq 0
CP=$(sed -n 's/.* port=\([0-9]*\)$/\1/p' <<<"$out")
rget() { curl -s -m 30 "$@"; }
t_is "$(rget -D - -o /dev/null "http://127.0.0.1:$CP/item/r1" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-cache"{print $2}')" hit \
  "remote clone serves the parent's cached item as a hit"
t_is "$(rget "http://127.0.0.1:$CP/item/r1" | md5sum)" "$(printf "%s" "$orig" | md5sum)" "remote clone's item equals the parent's"
t_like "$(rget "http://127.0.0.1:$CP/whoami")" '"clone_id":"rc1"' "remote clone took its identity"

# Stop in dependency order: the clone (maps the file), then memtap (prints its stats), memserver.
kill -KILL "$(cat "$R/clone/qemu.pid")" 2>/dev/null
sleep 0.5
kill -TERM "$mt_pid"
t_wait_for 10 test -s "$R/stats"
st=$(cat "$R/stats" 2>/dev/null)
t_diag "memtap: $st"
pct=$(sed -n 's/.*fetched_pct=\([0-9.]*\).*/\1/p' <<<"$st")
t_check "memory came over the network (fetched_pct=$pct > 0)" awk -v p="${pct:-0}" 'BEGIN{exit !(p > 0)}'
t_check "only part of the memory was fetched (fetched_pct=$pct < 60)" awk -v p="${pct:-100}" 'BEGIN{exit !(p < 60)}'
kill -TERM "$ms_pid"
t_done
