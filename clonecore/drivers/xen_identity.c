/* drivers/xen_identity.c: a clone's identity and readiness through xenstore. The driver writes
 * data/snowscale/identity under the clone's domain path before it is unpaused; the guest agent
 * (guest/agent_xen.c) applies it and answers in data/snowscale/ready with the clone id. */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "xen_int.h"

int xen_identity_write(struct cc_vm *vm, const struct cc_identity *id, const char *name, bool fail_ready,
                       char *why, size_t why_len)
{
        char path[256], val[256];

        snprintf(path, sizeof(path), "/local/domain/%u/" XEN_AGENT_DIR "/identity", vm->domid);
        int n = snprintf(val, sizeof(val), "clone_id=%s hostname=%s seed=%016" PRIx64 " fail_ready=%d",
                         id->clone_id, name, id->seed, fail_ready);
        if (!xs_write(vm->xs, XBT_NULL, path, val, (unsigned)n))
                return cc_why(why, why_len, -EIO, "cannot write %s: %s", path, strerror(errno));
        return 0;
}

/* A clone is ready once its agent has applied this clone's identity; a parent once its agent
 * has written anything there. */
bool xen_identity_ready(struct cc_vm *vm)
{
        char path[128];
        unsigned int len;

        snprintf(path, sizeof(path), "/local/domain/%u/" XEN_AGENT_DIR "/ready", vm->domid);
        xen_op_begin(vm);
        char *v = xs_read(vm->xs, XBT_NULL, path, &len);
        xen_op_end();
        bool ready = v && (vm->clone_id[0] ? strcmp(v, vm->clone_id) == 0 : len > 0);
        free(v);
        return ready;
}
