/* sc_actuator: placeholder being replaced by the full reconciler. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sc_actuator.h"

struct sc_actuator {
        const struct pol_config *cfg;
        struct sc_store *store;
};

int sc_actuator_new(const struct pol_config *cfg, struct sc_store *store, struct sc_actuator **ret)
{
        struct sc_actuator *a = calloc(1, sizeof(*a));

        if (!a)
                return -ENOMEM;
        a->cfg = cfg;
        a->store = store;
        *ret = a;
        return 0;
}

void sc_actuator_set_config(struct sc_actuator *a, const struct pol_config *cfg)
{
        a->cfg = cfg;
}

void sc_actuator_tick(struct sc_actuator *a, int desired, uint64_t now_us)
{
}

void sc_actuator_counts(struct sc_actuator *a, struct pol_clones *ret)
{
        memset(ret, 0, sizeof(*ret));
}

int sc_actuator_retire(struct sc_actuator *a, const char *clone_id)
{
        return -ENOENT;
}

int sc_actuator_cut_generation(struct sc_actuator *a)
{
        return -EAGAIN;
}

const char *sc_actuator_alert(struct sc_actuator *a)
{
        return NULL;
}

void sc_actuator_shutdown(struct sc_actuator *a, bool stop_vms)
{
        free(a);
}
