/* lb_peers: membership without reloads. The desired set goes into nginx's shared dict through
 * the control socket (POST /snowscale/peers) and into the peers file nginx's init_by_lua reads
 * at start and reload; in-flight counts per peer come back from GET /snowscale/peers and end
 * drains. */
#ifndef LB_PEERS_H
#define LB_PEERS_H

#include "lb_agent.h"

/* Starts a set write when the desired set differs from nginx's and none is in flight. */
void lb_peers_schedule(struct lb_agent *a);
void lb_peers_sync_done(struct lb_agent *a, CURLcode res);
/* Writes the peers file with the desired set as a new version (before nginx starts). */
int  lb_peers_write_file(struct lb_agent *a);
/* Reads nginx's view (version, members, in-flight counts) when due. */
void lb_peers_view(struct lb_agent *a);
void lb_peers_view_done(struct lb_agent *a, CURLcode res);
/* When the loop must wake for the next write retry or view (ns, 0 = none). */
uint64_t lb_peers_next_ns(struct lb_agent *a);

#endif
