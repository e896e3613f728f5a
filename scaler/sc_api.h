/* sc_api: the JSON endpoints of snowscaled (docs/api.md): status, clones, events, history, and
 * the POSTs (samples, scale, retire, generation). Served by sc_http.c. */
#ifndef SC_API_H
#define SC_API_H

#include <stdbool.h>
#include <stddef.h>

#include <json-c/json.h>

struct sc_http;
struct sc_reply;
struct sc_body;
struct MHD_Connection;
struct sc_event;

enum sc_api_post { SC_POST_NONE, SC_POST_SAMPLES, SC_POST_SCALE, SC_POST_GENERATION, SC_POST_RETIRE };

/* GET/HEAD of url, in MHD's thread (reads snapshots only, never waits). false: not an API url. */
bool sc_api_get(struct sc_http *h, struct MHD_Connection *c, const char *url, struct sc_reply *r);
/* Which POST endpoint url is; for retire the clone id goes to id ("" if it cannot be one). */
enum sc_api_post sc_api_post_endpoint(const char *url, char *id, size_t idlen);
/* NULL when ep takes a body of media type ctype, else the types it takes (for the 415). */
const char *sc_api_post_refuses(enum sc_api_post ep, const char *ctype);
/* Runs a POST with its whole body. May wait up to 5 s for the control loop: runs on a job thread. */
void sc_api_post(struct sc_http *h, enum sc_api_post ep, const char *id, const struct sc_body *b,
                 struct sc_reply *r);

/* Views also streamed by sc_dashboard.c. */
json_object *sc_api_status_json(struct sc_http *h);
/* GET /api/v1/hosts: the worker hosts, their health and capacity (docs/multihost.md) */
json_object *sc_api_hosts_json(struct sc_http *h);
json_object *sc_api_clones_json(struct sc_http *h, int *err);
json_object *sc_api_event_json(const struct sc_event *e);

#endif
