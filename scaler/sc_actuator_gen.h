/* sc_actuator_gen: the parent's generations: cut and publish one (the store's id and the engine's
 * are the same number, never reused), drop the ones no live clone uses, and after a restart take
 * back those the table lists and remove what a crash left half-done. Internal to the actuator. */
#ifndef SC_ACTUATOR_GEN_H
#define SC_ACTUATOR_GEN_H

#include "sc_actuator_int.h"

/* From the parent's thread, with the running parent. 0, or -errno (logged and stored as an
 * `error` event here, the boundary that knows the cause). */
int sc_act_gen_cut(struct sc_actuator *a, struct cc_vm *parent, const char *cause);
/* Drops generations that are not the newest and that no live clone uses (parent's thread). */
void sc_act_gen_gc(struct sc_actuator *a);
/* At start, before any thread: fills a->gens from the store and the engine. */
void sc_act_gen_recover(struct sc_actuator *a);

#endif
