/* sc_actuator_lb: the actuator's client for snowscale-lb's /v1 API (docs/api.md), over libcurl.
 *
 * Blocking calls with short timeouts (connect 1 s, whole request 5 s): an agent that is down or
 * hangs fails the call fast, never the caller's thread. Safe to use from several threads at once
 * (one curl easy handle per call). Every call returns 0 or -errno and fills why with a sentence. */
#ifndef SC_ACTUATOR_LB_H
#define SC_ACTUATOR_LB_H

#include <stddef.h>
#include <stdint.h>

struct sc_alb;

struct sc_alb_backend {
        char id[32];
        char address[64];
        char state[16];                 /* checking active unhealthy draining drained */
};

/* listen: "127.0.0.1:8901"; token may be NULL. */
int sc_alb_new(const char *listen, const char *token, struct sc_alb **ret);
void sc_alb_free(struct sc_alb *l);
/* POST /v1/backends. */
int sc_alb_add(struct sc_alb *l, const char *id, const char *address, char *why, size_t whylen);
/* GET /v1/backends/{id} -> state, and (last_ok_us not NULL) when it last answered a request
 * with a status below 500 through nginx (µs since the epoch, 0 = never or unknown); -ENOENT
 * when the agent does not know id. */
int sc_alb_state(struct sc_alb *l, const char *id, char *state, size_t statelen, uint64_t *last_ok_us,
                 char *why, size_t whylen);
/* DELETE /v1/backends/{id}?drain_timeout_ms=N; -ENOENT when unknown. */
int sc_alb_delete(struct sc_alb *l, const char *id, unsigned drain_timeout_ms, char *why,
                  size_t whylen);
/* GET /v1/backends; *ret malloc'd (free()), at most 4096 entries. */
int sc_alb_list(struct sc_alb *l, struct sc_alb_backend **ret, size_t *n, char *why, size_t whylen);

#endif
