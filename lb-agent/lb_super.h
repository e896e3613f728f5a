/* lb_super: nginx supervision: start or adopt the master, restart it with backoff when it
 * exits, reap workers orphaned by a master that died (we are their subreaper). */
#ifndef LB_SUPER_H
#define LB_SUPER_H

#include "lb_agent.h"

void lb_super_start(struct lb_agent *a);
/* The master's pidfd is readable. */
void lb_super_exited(struct lb_agent *a);
void lb_super_reap(struct lb_agent *a);

#endif
