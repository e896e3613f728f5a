/* sc_actuator_recover: crash recovery. After a restart (also after kill -9) adopt the parent and
 * the clones that still run, bring them back to serving with workers of their own, destroy VMs
 * the clone table does not know, record the vanished ones, and make snowscale-lb forget backends
 * nobody owns any more. Internal to the actuator. */
#ifndef SC_ACTUATOR_RECOVER_H
#define SC_ACTUATOR_RECOVER_H

#include "sc_actuator_int.h"

/* At start, after sc_act_gen_recover(): adopts what runs into a->clones and starts their
 * workers; *parent_vm gets the previous run's parent when it is alive. 0 or -errno. */
int sc_act_recover(struct sc_actuator *a, struct cc_vm **parent_vm);
/* Deregisters snowscale-lb's backends that are not live here. "parent" is live only when the
 * parent VM was adopted: a parent about to boot afresh must not get traffic before it is warm. */
void sc_act_recover_lb(struct sc_actuator *a, bool parent_adopted);

#endif
