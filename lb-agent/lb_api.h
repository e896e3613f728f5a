/* lb_api: the agent's HTTP API (docs/api.md, section snowscale-lb) on libmicrohttpd without
 * threads; it wires itself into the agent's loop with lb_agent_set_io(), so handlers run on the
 * loop thread. The API calls into the agent, never the reverse. */
#ifndef LB_API_H
#define LB_API_H

#include "lb.h"

struct lb_api;
int  lb_api_start(struct lb_agent *a, const char *listen, const char *token, struct lb_api **ret);
void lb_api_stop(struct lb_api *api);

#endif
