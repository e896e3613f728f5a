/* lb_reload: the reload pipeline (one at a time): the desired set differs from what nginx has
 * loaded -> coalescing window and rate cap -> render the upstream include with the next
 * generation, write it atomically (previous text kept) -> `nginx -t` -> SIGHUP with the old
 * workers snapshotted -> confirmed when nginx's control socket serves the new generation. */
#ifndef LB_RELOAD_H
#define LB_RELOAD_H

#include "lb_agent.h"

/* Schedules a reload when a configuration change is pending. */
void lb_reload_schedule(struct lb_agent *a);
/* Its time came: write nginx.conf and the include and start `nginx -t`. */
void lb_reload_start(struct lb_agent *a);
/* The `nginx -t` pipe is readable. */
void lb_reload_test_done(struct lb_agent *a);
/* Asks the control socket for the generation (also after a (re)start). */
void lb_reload_probe(struct lb_agent *a);
void lb_reload_probe_done(struct lb_agent *a, CURLcode res);
/* Records the failure and restores the previous texts; give_up drops the pending change
 * (nginx rejected it), else it is retried with backoff. */
void lb_reload_failed(struct lb_agent *a, const char *result, const char *err, bool give_up);
void lb_reload_restore(struct lb_agent *a);
void lb_reload_end(struct lb_agent *a);
/* The include with generation gen. */
int  lb_reload_write_include(struct lb_agent *a, uint64_t gen);
/* The record of reload id, NULL when too old. */
struct reload_rec *lb_reload_record(struct lb_agent *a, uint64_t id);
void lb_append_id(char *list, size_t len, const char *id);

#endif
