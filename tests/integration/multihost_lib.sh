# shellcheck shell=bash
# Shared by tests/integration/multihost_*.sh and bench/multihost.sh: hosts as network namespaces
# on one bridge (in host A's namespace, multicast snooping off so mcdist reaches every host), a
# parent VM whose generation host A publishes and serves with sf-memserver, and cc-qemu-host on
# the clone hosts. Needs tests/lib.sh and qemu_lib.sh sourced first (t_*, qboot, $TOOL).
MH_HOST=$ROOT/build/tests/cc-qemu-host
MH_PUB=$ROOT/build/tests/cc-qemu-publish

# mh_require: a test's QEMU setup, or a skip (said as such) without root or /dev/fuse
mh_require() {
  qemu_setup
  [ "$(id -u)" = 0 ] || { t_ok "# SKIP needs root for network namespaces"; t_done; exit 0; }
  [ -c /dev/fuse ] || { t_ok "# SKIP no /dev/fuse"; t_done; exit 0; }
}

# mh_hosts PREFIX NAME...: one namespace per name ("${PREFIX}NAME"), addresses 10.X.Y.2, .3, ...
# in the order given; sets MH_NS_<NAME>, MH_IP_<NAME>, MH_IF_<NAME> (host A's end of its link).
# The first name is host A: the bridge lives there and carries 10.X.Y.1 too.
mh_hosts() {
  local prefix=$1 i=2 first="" n ns; shift
  MH_NET=10.$((RANDOM % 200 + 20)).$((RANDOM % 250))
  for n in "$@"; do
    ns=$prefix$n$$
    ip netns add "$ns" || t_bail "cannot create network namespace $ns"
    t_cleanup "ip netns del $ns"
    ip -n "$ns" link set lo up
    printf -v "MH_NS_$n" '%s' "$ns"
    if [ -z "$first" ]; then
      first=$ns
      ip -n "$ns" link add br0 type bridge mcast_snooping 0 || t_bail "cannot create a bridge"
      ip -n "$ns" addr add "$MH_NET.1/24" dev br0; ip -n "$ns" link set br0 up
      printf -v "MH_IP_$n" '%s' "$MH_NET.1"
      continue
    fi
    ip link add "${prefix}h$i$$" type veth peer name "${prefix}n$i$$" || t_bail "cannot create veth"
    ip link set "${prefix}h$i$$" netns "$first"; ip link set "${prefix}n$i$$" netns "$ns"
    ip -n "$first" link set "${prefix}h$i$$" master br0; ip -n "$first" link set "${prefix}h$i$$" up
    ip -n "$ns" addr add "$MH_NET.$i/24" dev "${prefix}n$i$$"; ip -n "$ns" link set "${prefix}n$i$$" up
    printf -v "MH_IP_$n" '%s' "$MH_NET.$i"
    printf -v "MH_IF_$n" '%s' "${prefix}h$i$$"
    i=$((i + 1))
  done
}

# mh_parent STATE_DIR [BOOT_ARGS...]: boot a parent (root namespace), warm its cache (and run
# mh_warm PORT if defined), checkpoint and publish generation 1 into STATE_DIR; sets MH_DISTINCT
# (distinct non-zero pages of the generation).
mh_parent() {
  local s=$1 out p0 k; shift
  make -C "$ROOT" -s build/tests/cc-qemu-host build/tests/cc-qemu-publish build/bin/sf-memserver >&2 || t_bail "cannot build the host tools"
  out=$(qboot "$T_DIR/parent" "$@") || t_bail "parent boot: $out"
  p0=$(sed -n 's/.* port=\([0-9]*\)$/\1/p' <<<"$out")
  for k in r1 r2 r3; do hget "$p0" /item/$k >/dev/null; done
  if declare -F mh_warm >/dev/null; then mh_warm "$p0"; fi
  MH_ITEM=$(hget "$p0" /item/r1)
  mkdir -p "$s/gen"
  out=$("$TOOL" checkpoint --run "$T_DIR/parent" --gen "$s/gen/1" 2>&1) || t_bail "checkpoint: $out"
  kill -KILL "$(cat "$T_DIR/parent/qemu.pid")" 2>/dev/null
  out=$("$MH_PUB" publish --state-dir "$s" --gen-dir "$s/gen/1" --id 1 2>&1) || t_bail "publish: $out"
  MH_DISTINCT=$(sed -n 's/.*distinct_pages=\([0-9]*\).*/\1/p' <<<"$out")
}

# mh_memserver NAME NS STATE_DIR LISTEN [ARGS...]: sf-memserver in NS; sets MH_MS_PID.
mh_memserver() {
  local name=$1 ns=$2 s=$3 listen=$4; shift 4
  t_spawn "$name" ip netns exec "$ns" "$BIN/sf-memserver" --state-dir "$s" --secret-file "$T_DIR/secret" \
    --listen "$listen" "$@"
  MH_MS_PID=$T_PID        # ip netns exec execs the program: this is the memserver's pid
  t_wait_for 10 grep -qs '^listening' "$T_DIR/$name.log" || t_bail "memserver did not start: $(cat "$T_DIR/$name.log")"
}

# mh_clones NAME NS N [cc-qemu-host args...]: N clones in NS (ports 18000+i there); waits for
# its "ALL" line; sets MH_PID. State dir $T_DIR/NAME, or $MH_STATE (a local generation's host).
mh_clones() {
  local name=$1 ns=$2 n=$3; shift 3
  t_spawn "$name" ip netns exec "$ns" "$MH_HOST" --state-dir "${MH_STATE:-$T_DIR/$name}" --generation 1 --n "$n" \
    --base-port 18000 --ids "$name-" --stats "$T_DIR/$name.stats" "$@"
  MH_PID=$T_PID
  mh_started() { grep -qs '^ALL' "$T_DIR/$name.log" || ! kill -0 "$MH_PID" 2>/dev/null; }
  t_wait_for 180 mh_started
  grep -qs '^ALL' "$T_DIR/$name.log" || t_bail "clones on $name did not start: $(tail -5 "$T_DIR/$name.log")"
}

# mh_get NS PORT PATH: GET from inside NS.
mh_get() { ip netns exec "$1" curl -s -m 30 "http://127.0.0.1:$2$3"; }
mh_cache() {
  ip netns exec "$1" curl -s -m 30 -D - -o /dev/null "http://127.0.0.1:$2$3" | tr -d '\r' |
    awk -F': ' 'tolower($1)=="x-cache"{print $2}'
}
# mh_stat FILE KEY: a value of the last STATS line cc-qemu-host wrote.
mh_stat() { sed -n "s/.* $2=\([0-9.]*\).*/\1/p" "$1" 2>/dev/null; }
# mh_served LOG IP: pages the memserver sent to IP over closed connections (its own account).
mh_served() {
  sed -n "s/.*$2:[0-9]*: done after [0-9]* requests, \([0-9]*\) pages.*/\1/p" "$1" | awk '{s+=$1} END{print s+0}'
}
