/* sc_dashboard: what the web dashboard reads besides the JSON API: the Server-Sent Events stream
 * (GET /api/v1/events/stream) and the embedded static assets. Served by sc_http.c.
 *
 * A stream never holds a thread: its connection is suspended while there is nothing to send, and
 * one notifier thread (started with the first stream) resumes it when the store changes or its
 * 15 s ping is due. */
#ifndef SC_DASHBOARD_H
#define SC_DASHBOARD_H

#include <stdbool.h>

struct sc_http;
struct sc_reply;
struct sc_dashboard;
struct MHD_Connection;

int sc_dashboard_new(struct sc_http *h, struct sc_dashboard **ret);
/* Ends every stream (resuming the suspended ones: MHD must not stop with one suspended) and the
 * notifier; the store's waiters must have been shut down. NULL-tolerant; frees nothing. */
void sc_dashboard_stop(struct sc_dashboard *d);
/* After MHD stopped. NULL-tolerant. */
void sc_dashboard_free(struct sc_dashboard *d);

/* GET /api/v1/events/stream (?since=, Last-Event-ID). */
void sc_dashboard_stream(struct sc_http *h, struct MHD_Connection *c, struct sc_reply *r);
/* A dashboard file at url; false when there is none (or the daemon is built without it). */
bool sc_dashboard_asset(const char *url, struct sc_reply *r);

#endif
