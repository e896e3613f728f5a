/* lb_ship: latency samples in (nginx's shared-memory ring; optional access-log datagrams), out
 * to snowscaled (batched POSTs to /api/v1/samples, lost samples counted and reported). */
#ifndef LB_SHIP_H
#define LB_SHIP_H

#include "lb_agent.h"

/* Binds the access-log socket (a->log_sock_path) into a->logfd. */
int  lb_ship_bind_log(struct lb_agent *a);
/* Where samples go and with which token (again on SIGHUP). */
int  lb_ship_setup(struct lb_agent *a);
void lb_ship_read_log(struct lb_agent *a);
/* Drains samples from nginx's shared memory (GET /snowscale/samples). */
void lb_ship_fetch(struct lb_agent *a);
void lb_ship_fetch_done(struct lb_agent *a, CURLcode res);
void lb_ship_start(struct lb_agent *a);
void lb_ship_done(struct lb_agent *a, CURLcode res);

#endif
