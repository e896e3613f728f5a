/* sc_actuator_remote: clones on the other hosts of a multi-host pool (docs/multihost.md). The
 * clone's worker thread (sc_actuator_clone.c) runs the same lifecycle for every clone; for one
 * placed on a host these functions stand in for the engine: start through that host's hostd,
 * follow it in the host's inventory, retire it there. A host that goes silent past
 * cluster.host_timeout makes its clones fail with -EHOSTDOWN ("lost"): they are taken out of
 * nginx and replaced elsewhere, and not counted toward the failure alert. */
#ifndef SC_ACTUATOR_REMOTE_H
#define SC_ACTUATOR_REMOTE_H

#include "sc_actuator_int.h"

/* Starts the registry, the host plans and the memserver (cfg has hosts). Logs its failure. */
int sc_act_remote_init(struct sc_actuator *a, const struct pol_config *cfg);
void sc_act_remote_shutdown(struct sc_actuator *a);     /* after the clone workers are gone */
/* The host for a new clone (sc_place over the live clones placed so far); -ENOSPC with why.
 * Caller holds a->lock. */
int sc_act_remote_place_locked(struct sc_actuator *a, int64_t generation, char *why, size_t whylen);

int sc_act_remote_begin(struct act_clone *c, char *why, size_t whylen);
/* 0 ready (c->address, identity), -ECANCELED, -ETIMEDOUT, -ECHILD, -EHOSTDOWN (host lost). */
int sc_act_remote_wait_ready(struct act_clone *c, uint64_t deadline_ns, char *why, size_t whylen);
/* 0, -ECHILD (gone there), -EHOSTDOWN (host lost). */
int sc_act_remote_alive(struct act_clone *c, char *why, size_t whylen);
void sc_act_remote_end(struct act_clone *c);

#endif
