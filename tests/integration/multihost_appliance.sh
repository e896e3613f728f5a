# shellcheck shell=bash
# Sourced first by the tests of a multi-host appliance (snowscaled + hostd on namespace hosts):
# the script runs again inside a network namespace of its own, with the actuator's and the
# hosts' helpers, skips when hostd is not built, and kills every host's processes at exit.
. "$(dirname "${BASH_SOURCE[0]}")/multihost_common.sh"
mh_enter_ns "$0" "$@"
. "$(dirname "${BASH_SOURCE[0]}")/actuator_common.sh"
. "$(dirname "${BASH_SOURCE[0]}")/multihost_common.sh"
act_require
[ -x "$BIN/snowscale-hostd" ] || { echo "1..0 # SKIP snowscale-hostd is not built"; exit 0; }
t_cleanup mh_kill_all
