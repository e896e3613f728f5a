/* sc_actuator_clone: one clone's life on a worker thread of its own: the VM (cloned by clonecore
 * from a generation, or cold-booted by the driver), registration and health behind snowscale-lb,
 * the watch while it serves, drain and retire, and failure accounting (backoff, the alert).
 * Internal to the actuator; the loop thread decides, the worker carries it out. */
#ifndef SC_ACTUATOR_CLONE_H
#define SC_ACTUATOR_CLONE_H

#include "sc_actuator_int.h"

/* Starts c's worker (c->thread); c must be in a->clones before or right after, under a->lock. */
int sc_act_clone_start(struct act_clone *c);
/* clonecore's callback for c (userdata); also what an adopted clone is handed to cc_adopt(). */
void sc_act_clone_engine_cb(const struct cc_clone_event *ev, void *userdata);
/* Persists and mirrors c's state; logs the transition (a failure is logged by the worker, once,
 * with what is done about it). */
void sc_act_clone_set_state(struct act_clone *c, enum sc_clone_state st, const char *reason);

#endif
