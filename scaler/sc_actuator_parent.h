/* sc_actuator_parent: the parent worker that generations are cut from: boot (or adopt) it, warm
 * its caches through parent.warmup_urls, serve it behind snowscale-lb (parent.serve), cut and
 * collect generations on request, and boot a new one when it dies. Internal to the actuator. */
#ifndef SC_ACTUATOR_PARENT_H
#define SC_ACTUATOR_PARENT_H

#include "sc_actuator_int.h"

/* Starts the parent's thread (a->parent_thread), with the VM adopted from a previous run or
 * NULL to boot one; the thread owns adopted from then on. On failure adopted stays the caller's. */
int sc_act_parent_start(struct sc_actuator *a, struct cc_vm *adopted);

#endif
