/* sc_http_int: what the parts of snowscaled's HTTP server share (sc_http.c the server, sc_api.c
 * the endpoints, sc_metrics.c /metrics, sc_dashboard.c the event stream and the dashboard).
 * Not a public header: only those files include it. */
#ifndef SC_HTTP_INT_H
#define SC_HTTP_INT_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include <json-c/json.h>
#include <microhttpd.h>

#include "sc_http.h"

#define SC_API "/api/v1"

struct sc_dashboard;
struct sc_jobs;

struct sc_http {
        struct MHD_Daemon *d;
        struct sc_store *store;
        struct sc_monitor *mon;
        struct sc_loop *loop;
        pthread_mutex_t lock;           /* guards token, max_body */
        char *token;
        size_t max_body;
        char address[300];
        atomic_size_t body_bytes;       /* reserved by bodies being received */
        atomic_uint_fast64_t samples_lost;      /* "lost" of every accepted batch, since start */
        struct sc_jobs *ingest;         /* job threads for sample batches */
        struct sc_jobs *control;        /* job threads for requests to the control loop */
        struct sc_dashboard *dash;      /* event streams */
};

/* A response being prepared: a handler fills it, the server queues it (from MHD's thread). */
struct sc_reply {
        unsigned status;
        struct MHD_Response *resp;      /* NULL: out of memory, the connection is closed */
};

/* The request body of a POST, complete. ctype: the Content-Type's media type, lower case, without
 * parameters ("" when absent). */
struct sc_body {
        const char *data;               /* NUL-terminated at len; "" when empty */
        size_t len;
        const char *ctype;
};

void sc_reply_buf(struct sc_reply *r, unsigned status, const char *ctype, char *buf /* freed */,
                  size_t len);
/* o is consumed. */
void sc_reply_json(struct sc_reply *r, unsigned status, json_object *o);
void sc_reply_error(struct sc_reply *r, unsigned status, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

/* A query argument as a bounded integer: 0, -ENOENT absent, -EINVAL present but not one. */
int sc_query_int(struct MHD_Connection *c, const char *name, int64_t lo, int64_t hi, int64_t *ret);

#endif
