/* The drivers compiled into this build (module.mk defines CC_REG_* for each driver source it
 * builds). The engine only ever sees the ops table. */
#include <string.h>

#include "clonecore/cc_driver.h"

static const struct cc_driver_ops *const drivers[] = {
#ifdef CC_REG_QEMU
        &cc_qemu_driver,
#endif
#ifdef CC_REG_XEN
        &cc_xen_driver,
#endif
        NULL,
};

const struct cc_driver_ops *cc_driver_find(const char *name)
{
        if (!name)
                return NULL;
        for (size_t i = 0; drivers[i]; i++)
                if (strcmp(drivers[i]->name, name) == 0)
                        return drivers[i];
        return NULL;
}
