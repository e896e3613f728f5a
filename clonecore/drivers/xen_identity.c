/* drivers/xen_identity.c: a clone's identity and readiness through xenstore. The driver writes
 * data/snowscale/identity under the clone's domain path before it is unpaused; the guest agent
 * (guest/agent_xen.c) applies it and answers in data/snowscale/ready with the clone id. On a
 * bridge the agent first takes the MAC, address, route and hostname with its vif still off the
 * bridge and reports them in data/snowscale/applied; the driver compares, puts the vif on the
 * bridge and writes "online" to data/snowscale/request; the agent then announces its address and
 * reports "ready <id> mac=.. ipv4=.. hostname=..". */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "xen_int.h"

int xen_identity_write(struct cc_vm *vm, const struct cc_identity *id, const char *name, bool fail_ready,
                       char *why, size_t why_len)
{
        char path[256], val[512];

        snprintf(path, sizeof(path), "/local/domain/%u/" XEN_AGENT_DIR "/identity", vm->domid);
        if (xen_net_identity(id, name, fail_ready, &vm->net, vm->mac, val, sizeof(val), vm->expect_net,
                             sizeof(vm->expect_net)) < 0)
                return cc_why(why, why_len, -ENAMETOOLONG, "identity of %s does not fit xenstore's value", id->clone_id);
        if (!xs_write(vm->xs, XBT_NULL, path, val, (unsigned)strlen(val)))
                return cc_why(why, why_len, -EIO, "cannot write %s: %s", path, strerror(errno));
        return 0;
}

static char *agent_read(struct cc_vm *vm, const char *key)
{
        char path[128];
        unsigned int len;

        snprintf(path, sizeof(path), "/local/domain/%u/" XEN_AGENT_DIR "/%s", vm->domid, key);
        return xs_read(vm->xs, XBT_NULL, path, &len);
}

/* A clone on a bridge said "applied": if it carries exactly the identity it was given, its vif
 * goes on the bridge and the agent hears "online". A wrong report leaves it off (never ready). */
static void bring_online(struct cc_vm *vm)
{
        char *applied = agent_read(vm, "applied"), why[256], path[128];

        if (!applied)
                return;
        if (xen_net_report_matches(applied, vm->clone_id, vm->expect_net)) {
                if (xen_net_vif_bridge(vm->vif, vm->net.bridge, true, why, sizeof(why)) == 0) {
                        snprintf(path, sizeof(path), "/local/domain/%u/" XEN_AGENT_DIR "/request", vm->domid);
                        vm->online = xs_write(vm->xs, XBT_NULL, path, "online", 6);
                        if (vm->logf)
                                fprintf(vm->logf, "snowscale: agent applied '%s': %s on %s, online\n", applied,
                                        vm->vif, vm->net.bridge);
                } else if (vm->logf) {
                        fprintf(vm->logf, "snowscale: %s\n", why);
                }
        } else {
                const char *sp = strchr(applied, ' ');
                if (vm->logf && strcmp(vm->guest_identity, sp ? sp + 1 : ""))
                        fprintf(vm->logf, "snowscale: agent applied '%s', expected '%s %s': vif stays off %s\n",
                                applied, vm->clone_id, vm->expect_net, vm->net.bridge);
                snprintf(vm->guest_identity, sizeof(vm->guest_identity), "%s", sp ? sp + 1 : "");
        }
        free(applied);
}

/* A clone is ready once its agent has applied this clone's identity (on a bridge: and read it
 * back from its interface); a parent once its agent has written anything there. */
bool xen_identity_ready(struct cc_vm *vm)
{
        xen_op_begin(vm);
        if (vm->clone_id[0] && vm->expect_net[0] && !vm->online)
                bring_online(vm);
        char *v = agent_read(vm, "ready");
        xen_op_end();
        bool ready = false;
        if (v && vm->clone_id[0]) {
                size_t il = strlen(vm->clone_id);
                ready = !strncmp(v, vm->clone_id, il) && (v[il] == 0 || v[il] == ' ');
                if (ready && vm->expect_net[0]) {
                        ready = vm->online && xen_net_report_matches(v, vm->clone_id, vm->expect_net);
                        snprintf(vm->guest_identity, sizeof(vm->guest_identity), "%s", v[il] ? v + il + 1 : "");
                }
        } else if (v) {
                ready = v[0] != 0;
        }
        free(v);
        return ready;
}

/* Where the app answers: the VM's own address on a bridge, "" otherwise (the driver knows no
 * address for a VM whose network it did not configure). */
void xen_address(const struct cc_vm *vm, char *out, size_t len)
{
        if (vm->net.kind == CC_NET_BRIDGE)
                snprintf(out, len, "%s:%u", vm->net.ipv4, vm->guest_port ? vm->guest_port : 80);
        else
                out[0] = 0;
}
