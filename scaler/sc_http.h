/* sc_http: snowscaled's HTTP API (docs/api.md) on libmicrohttpd: JSON via json-c, Prometheus
 * /metrics, Server-Sent Events, the embedded dashboard.
 *
 * Hostile or broken clients must not stop /healthz, /metrics or the control loop: MHD's epoll
 * threads serve every connection (a connection costs a socket and a buffer, never a thread), with
 * a high global connection cap, a per-address cap and an idle timeout; event streams and POST
 * handlers that wait for the control loop are suspended connections, not blocked threads.
 * Handlers only read snapshots (store, monitor, sc_loop_status) and queue mutations to the control
 * loop. Bodies beyond max_body are refused with 413 before they are read; mutating endpoints need
 * "Authorization: Bearer <api.token>" (compared in constant time). */
#ifndef SC_HTTP_H
#define SC_HTTP_H

#include <stddef.h>

struct sc_http;
struct sc_store;
struct sc_monitor;
struct sc_loop;

#define SC_HTTP_MAX_CONNECTIONS 16384   /* lowered to what RLIMIT_NOFILE allows */
#define SC_HTTP_MAX_PER_IP 256          /* connections from one client address */
#define SC_HTTP_IDLE_TIMEOUT_S 10       /* a connection silent this long is closed (streams ping) */
#define SC_HTTP_MAX_STREAMS 32          /* concurrent /events/stream clients */

struct sc_http_config {
        const char *listen;             /* "127.0.0.1:8900", "[::1]:8900" */
        const char *token;              /* NULL or "": mutating endpoints are refused */
        size_t max_body;
};

/* Starts serving. On failure err says why (e.g. the address is in use). Raises RLIMIT_NOFILE
 * towards SC_HTTP_MAX_CONNECTIONS and logs the limits it got. */
int sc_http_start(const struct sc_http_config *cfg, struct sc_store *store, struct sc_monitor *mon,
                  struct sc_loop *loop, struct sc_http **ret, char *err, size_t errlen);
/* Reloaded token and body limit; the listen address changes only on restart. */
int sc_http_configure(struct sc_http *h, const char *token, size_t max_body);
/* The address actually bound ("127.0.0.1:8900"). */
const char *sc_http_address(struct sc_http *h);
/* Ends streams, closes every connection, frees h. NULL-tolerant. Call sc_store_shutdown_waiters()
 * and sc_loop_stop_requests() first so that nothing waits. */
void sc_http_stop(struct sc_http *h);

#endif
