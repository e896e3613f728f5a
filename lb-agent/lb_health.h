/* lb_health: health checks of new backends (GET health_path with libcurl on the loop's multi). */
#ifndef LB_HEALTH_H
#define LB_HEALTH_H

#include "lb_agent.h"

void lb_health_start(struct lb_agent *a, struct be *b);
void lb_health_done(struct lb_agent *a, struct be *b, CURLcode res);

#endif
