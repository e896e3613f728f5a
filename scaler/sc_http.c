/* sc_http: the HTTP API of snowscaled. See sc_http.h and docs/api.md. */
#include "sc_http.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <netdb.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <json-c/json.h>
#include <microhttpd.h>

#include "sc_loop.h"
#include "sc_monitor.h"
#include "sc_store.h"
#include "ss_log.h"
#include "ss_util.h"
#ifdef SC_HAVE_WEBUI
#include "sc_webui.h"
#endif

#define API "/api/v1"
#define STREAM_PING_MS 15000
#define STREAM_EVENTS_BATCH 200
#define MAX_SAMPLES_PER_REQUEST 1000000
#define RETIRED_SHOWN_US (3600ull * 1000000)    /* /clones lists retired ones of the last hour */
#define HISTORY_MAX_WINDOW_S (7 * 24 * 3600)
/* Memory for request bodies across all connections: a flood of concurrent uploads gets 503s
 * instead of the daemon's memory (at least one body of api.max_body always fits). */
#define BODY_BUDGET (64u << 20)
/* Sample batches parsed at once: each parsed batch costs up to 10x its body in sample structs. */
#define MAX_PARSERS 2

struct sc_http {
        struct MHD_Daemon *d;
        struct sc_store *store;
        struct sc_monitor *mon;
        struct sc_loop *loop;
        pthread_mutex_t lock;           /* guards token, max_body */
        char *token;
        size_t max_body;
        char address[300];
        atomic_int streams;
        atomic_size_t body_bytes;       /* reserved by bodies being received */
        sem_t parsers;
};

struct req {                            /* per-request state across MHD calls */
        bool post;
        bool too_big;
        bool over_budget;
        char *body;
        size_t len, cap, limit;
        size_t reserved;                /* counted in h->body_bytes */
};

/* ---- responses ------------------------------------------------------------------------- */

static enum MHD_Result send_buf(struct MHD_Connection *c, unsigned status, const char *ctype,
                                char *buf, size_t len)
{
        struct MHD_Response *resp = MHD_create_response_from_buffer(len, buf, MHD_RESPMEM_MUST_FREE);
        if (!resp) {
                free(buf);
                return MHD_NO;
        }
        MHD_add_response_header(resp, "Content-Type", ctype);
        MHD_add_response_header(resp, "Cache-Control", "no-store");
        enum MHD_Result r = MHD_queue_response(c, status, resp);
        MHD_destroy_response(resp);
        return r;
}

/* Sends o (consumed) as JSON. */
static enum MHD_Result send_json(struct MHD_Connection *c, unsigned status, json_object *o)
{
        char *s = strdup(o ? json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN) : "null");
        json_object_put(o);
        if (!s)
                return MHD_NO;
        size_t n = strlen(s);
        char *t = realloc(s, n + 2);            /* a trailing newline reads better in curl */
        if (t) {
                s = t;
                s[n++] = '\n';
                s[n] = 0;
        }
        return send_buf(c, status, "application/json", s, n);
}

static enum MHD_Result send_error(struct MHD_Connection *c, unsigned status, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
static enum MHD_Result send_error(struct MHD_Connection *c, unsigned status, const char *fmt, ...)
{
        char msg[512];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(msg, sizeof(msg), fmt, ap);
        va_end(ap);
        json_object *o = json_object_new_object();
        json_object_object_add(o, "error", json_object_new_string(msg));
        return send_json(c, status, o);
}

/* ---- JSON views ------------------------------------------------------------------------- */

static const char *metric_name(enum pol_metric m)
{
        switch (m) {
        case POL_METRIC_P50_LATENCY: return "p50_latency";
        case POL_METRIC_P95_LATENCY: return "p95_latency";
        case POL_METRIC_P99_LATENCY: return "p99_latency";
        case POL_METRIC_RPS_PER_CLONE: return "rps_per_clone";
        case POL_METRIC_INFLIGHT_PER_CLONE: return "inflight_per_clone";
        }
        return "unknown";
}

static json_object *window_json(const struct pol_window_stats *w)
{
        json_object *o = json_object_new_object();
        json_object_object_add(o, "window_s", json_object_new_double(w->window_us / 1e6));
        json_object_object_add(o, "count", json_object_new_int64((int64_t)w->count));
        json_object_object_add(o, "rps", json_object_new_double(w->rps));
        json_object_object_add(o, "p50_us", json_object_new_double(w->p50_us));
        json_object_object_add(o, "p95_us", json_object_new_double(w->p95_us));
        json_object_object_add(o, "p99_us", json_object_new_double(w->p99_us));
        json_object_object_add(o, "error_rate", json_object_new_double(w->error_rate));
        json_object_object_add(o, "inflight", json_object_new_double(w->inflight));
        json_object_object_add(o, "stale", json_object_new_boolean(w->stale));
        return o;
}

static json_object *status_json(struct sc_http *h)
{
        struct sc_loop_status ls;
        struct sc_monitor_snapshot snap;
        struct sc_generation g;
        uint64_t now = ss_wall_us();
        json_object *o = json_object_new_object(), *p, *arr, *w;

        sc_loop_status(h->loop, &ls);
        json_object_object_add(o, "pool", json_object_new_string(ls.pool));
        json_object_object_add(o, "service", json_object_new_string(ls.service));
        json_object_object_add(o, "version", json_object_new_string(SC_VERSION));
        json_object_object_add(o, "mode", json_object_new_string(ls.observe ? "observe" : "active"));
        json_object_object_add(o, "uptime_s", json_object_new_double((now - ls.started_us) / 1e6));
        json_object_object_add(o, "now_us", json_object_new_int64((int64_t)now));
        p = json_object_new_object();
        arr = json_object_new_array();
        for (size_t i = 0; i < ls.n_metrics; i++) {
                json_object *m = json_object_new_object();
                json_object_object_add(m, "metric", json_object_new_string(metric_name(ls.metrics[i].metric)));
                json_object_object_add(m, "target", json_object_new_double(ls.metrics[i].target));
                json_object_array_add(arr, m);
        }
        json_object_object_add(p, "metrics", arr);
        json_object_object_add(p, "tolerance", json_object_new_double(ls.tolerance));
        json_object_object_add(p, "min_clones", json_object_new_int(ls.min_clones));
        json_object_object_add(p, "max_clones", json_object_new_int(ls.max_clones));
        json_object_object_add(o, "policy", p);
        json_object_object_add(o, "desired", ls.desired >= 0 ? json_object_new_int(ls.desired) : NULL);
        json_object_object_add(o, "desired_source", json_object_new_string(ls.manual ? "manual" : "policy"));
        json_object_object_add(o, "actual", json_object_new_int(ls.actual));
        json_object_object_add(o, "pending", json_object_new_int(ls.pending));
        json_object_object_add(o, "draining", json_object_new_int(ls.draining));
        json_object_object_add(o, "panic", json_object_new_boolean(ls.panic));
        if (sc_store_generation_latest(h->store, &g) == 0) {
                json_object *go = json_object_new_object();
                json_object_object_add(go, "id", json_object_new_int64(g.id));
                json_object_object_add(go, "created_us", json_object_new_int64((int64_t)g.created_us));
                json_object_object_add(go, "age_s", json_object_new_double(
                        now > g.created_us ? (now - g.created_us) / 1e6 : 0));
                json_object_object_add(go, "descriptor_bytes", json_object_new_int64((int64_t)g.descriptor_bytes));
                json_object_object_add(go, "pause_us", json_object_new_int64((int64_t)g.pause_us));
                json_object_object_add(o, "generation", go);
        } else {
                json_object_object_add(o, "generation", NULL);
        }
        w = json_object_new_object();
        if (sc_monitor_snapshot(h->mon, now, &snap) == 0) {
                json_object_object_add(w, "short", window_json(&snap.short_w));
                json_object_object_add(w, "long", window_json(&snap.long_w));
                json_object_object_add(o, "samples_total", json_object_new_int64((int64_t)snap.total));
                json_object_object_add(o, "samples_rejected", json_object_new_int64((int64_t)snap.rejected));
                sc_monitor_snapshot_free(&snap);
        }
        json_object_object_add(o, "windows", w);
        if (ls.last_decision_us) {
                json_object *d = json_object_new_object();
                json_object_object_add(d, "ts_us", json_object_new_int64((int64_t)ls.last_decision_us));
                json_object_object_add(d, "desired", json_object_new_int(ls.last_decision_desired));
                json_object_object_add(d, "reason", json_object_new_string(ls.last_reason));
                json_object_object_add(o, "last_decision", d);
        } else {
                json_object_object_add(o, "last_decision", NULL);
        }
        json_object_object_add(o, "alert", ls.alert[0] ? json_object_new_string(ls.alert) : NULL);
        return o;
}

static json_object *clone_json(struct sc_store *st, const struct sc_clone *c,
                               const struct sc_monitor_snapshot *snap)
{
        struct sc_metric m[SC_METRICS_MAX];
        size_t nm = 0;
        const double *hits = NULL, *misses = NULL;

        json_object *o = json_object_new_object(), *f, *s;
        json_object_object_add(o, "id", json_object_new_string(c->id));
        json_object_object_add(o, "generation", json_object_new_int64(c->generation));
        json_object_object_add(o, "driver", json_object_new_string(c->driver));
        json_object_object_add(o, "host", json_object_new_string(c->host));
        json_object_object_add(o, "address", c->address[0] ? json_object_new_string(c->address) : NULL);
        json_object_object_add(o, "state", json_object_new_string(sc_clone_state_name(c->state)));
        json_object_object_add(o, "state_since_us", json_object_new_int64((int64_t)c->state_since_us));
        json_object_object_add(o, "created_us", json_object_new_int64((int64_t)c->created_us));
        json_object_object_add(o, "reason", c->reason[0] ? json_object_new_string(c->reason) : NULL);
        f = json_object_new_object();
        json_object_object_add(f, "bytes", json_object_new_int64((int64_t)c->fetch.bytes));
        json_object_object_add(f, "pct", json_object_new_double(c->fetch.pct));
        json_object_object_add(f, "demand_faults", json_object_new_int64((int64_t)c->fetch.demand_faults));
        json_object_object_add(f, "prefetched_pages", json_object_new_int64((int64_t)c->fetch.prefetched_pages));
        json_object_object_add(o, "fetch", f);
        /* the app's pairs as it reported them; the demo's cache counters give the hit rate */
        json_object *mo = json_object_new_object();
        if (sc_store_clone_metrics(st, c->id, m, SC_METRICS_MAX, &nm) < 0)
                nm = 0;
        for (size_t i = 0; i < nm; i++) {
                double v = m[i].value;
                json_object_object_add(mo, m[i].key, v > -9e15 && v < 9e15 && v == (double)(int64_t)v ?
                                       json_object_new_int64((int64_t)v) : json_object_new_double(v));
                if (!strcmp(m[i].key, "hits"))
                        hits = &m[i].value;
                else if (!strcmp(m[i].key, "misses"))
                        misses = &m[i].value;
        }
        if (c->guest.ts_us) {
                const struct sc_guest_stats *g = &c->guest;
                double lookups = hits && misses ? *hits + *misses : 0;
                json_object *x = json_object_new_object();
                json_object_object_add(x, "ts_us", json_object_new_int64((int64_t)g->ts_us));
                json_object_object_add(x, "uptime_s", json_object_new_double(g->uptime_s));
                json_object_object_add(x, "load1", json_object_new_double(g->load1));
                json_object_object_add(x, "mem_avail_kib", json_object_new_int64((int64_t)g->mem_avail_kib));
                json_object_object_add(x, "hit_rate", lookups > 0 ? json_object_new_double(*hits / lookups) : NULL);
                json_object_object_add(o, "guest", x);
        } else {
                json_object_object_add(o, "guest", NULL);
        }
        json_object_object_add(o, "metrics", mo);
        s = json_object_new_object();
        double rps = 0, p95 = 0;
        for (size_t i = 0; snap && c->address[0] && i < snap->n_backends; i++)
                if (strcmp(snap->backends[i].backend, c->address) == 0) {
                        rps = snap->backends[i].short_w.rps;
                        p95 = snap->backends[i].short_w.p95_us;
                }
        json_object_object_add(s, "rps", json_object_new_double(rps));
        json_object_object_add(s, "p95_us", json_object_new_double(p95));
        json_object_object_add(o, "stats", s);
        return o;
}

static json_object *clones_json(struct sc_http *h, int *err)
{
        struct sc_clone *v = NULL;
        struct sc_monitor_snapshot snap;
        size_t n = 0;
        uint64_t now = ss_wall_us();
        bool have_snap;

        *err = sc_store_clone_list(h->store, false, &v, &n);
        if (*err < 0)
                return NULL;
        have_snap = sc_monitor_snapshot(h->mon, now, &snap) == 0;
        json_object *arr = json_object_new_array();
        for (size_t i = 0; i < n; i++) {
                if (!sc_clone_state_live(v[i].state) && v[i].state_since_us + RETIRED_SHOWN_US < now)
                        continue;
                json_object_array_add(arr, clone_json(h->store, &v[i], have_snap ? &snap : NULL));
        }
        if (have_snap)
                sc_monitor_snapshot_free(&snap);
        free(v);
        json_object *o = json_object_new_object();
        json_object_object_add(o, "clones", arr);
        return o;
}

static json_object *event_json(const struct sc_event *e)
{
        json_object *o = json_object_new_object();
        json_object_object_add(o, "id", json_object_new_int64(e->id));
        json_object_object_add(o, "ts_us", json_object_new_int64((int64_t)e->ts_us));
        json_object_object_add(o, "kind", json_object_new_string(e->kind));
        json_object_object_add(o, "message", json_object_new_string(e->message));
        json_object_object_add(o, "data", e->data ? json_tokener_parse(e->data) : NULL);
        return o;
}

/* ---- request utilities ------------------------------------------------------------------ */

/* A query argument as a bounded integer; -EINVAL when present but not one. */
static int query_int(struct MHD_Connection *c, const char *name, int64_t lo, int64_t hi, int64_t *ret)
{
        const char *s = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, name);
        char *end;
        if (!s)
                return -ENOENT;
        errno = 0;
        long long v = strtoll(s, &end, 10);
        if (errno || end == s || *end || v < lo || v > hi)
                return -EINVAL;
        *ret = v;
        return 0;
}

static bool authorized(struct sc_http *h, struct MHD_Connection *c, bool *no_token)
{
        const char *a = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
        bool ok = false;
        pthread_mutex_lock(&h->lock);
        *no_token = !h->token || !h->token[0];
        if (!*no_token && a && strncmp(a, "Bearer ", 7) == 0) {
                const char *got = a + 7;
                size_t gl = strlen(got), tl = strlen(h->token);
                /* constant time in the token's content */
                unsigned char diff = gl != tl;
                for (size_t i = 0; i < tl; i++)
                        diff |= (unsigned char)(h->token[i] ^ (i < gl ? got[i] : 0));
                ok = diff == 0;
        }
        pthread_mutex_unlock(&h->lock);
        return ok;
}

static bool valid_id(const char *s, size_t n)
{
        if (n == 0 || n >= sizeof(((struct sc_clone *)0)->id))
                return false;
        for (size_t i = 0; i < n; i++)
                if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
                      (s[i] >= '0' && s[i] <= '9') || s[i] == '-' || s[i] == '_'))
                        return false;
        return true;
}

/* ---- Server-Sent Events ----------------------------------------------------------------- */

struct stream {
        struct sc_http *h;
        struct sc_store_seq seen;
        int64_t last_event;
        char *buf;
        size_t len, off;
        bool started;
};

static void stream_add(struct stream *s, const char *event, int64_t id, json_object *data)
{
        char *chunk = NULL;
        const char *js = json_object_to_json_string_ext(data, JSON_C_TO_STRING_PLAIN);
        int n = id > 0 ? asprintf(&chunk, "id: %" PRId64 "\nevent: %s\ndata: %s\n\n", id, event, js)
                       : asprintf(&chunk, "event: %s\ndata: %s\n\n", event, js);
        json_object_put(data);
        if (n < 0)
                return;
        char *nb = realloc(s->buf, s->len + (size_t)n);
        if (nb) {
                memcpy(nb + s->len, chunk, (size_t)n);
                s->buf = nb;
                s->len += (size_t)n;
        }
        free(chunk);
}

static void stream_events(struct stream *s)
{
        struct sc_event *v = NULL;
        size_t n = 0;
        if (sc_store_event_list(s->h->store, s->last_event, STREAM_EVENTS_BATCH, &v, &n) < 0)
                return;
        for (size_t i = 0; i < n; i++) {
                stream_add(s, "event", v[i].id, event_json(&v[i]));
                s->last_event = v[i].id;
        }
        sc_store_events_free(v, n);
}

static void stream_clones(struct stream *s)
{
        int err;
        json_object *o = clones_json(s->h, &err);
        if (o)
                stream_add(s, "clones", 0, o);
}

static ssize_t stream_read(void *cls, uint64_t pos, char *out, size_t max)
{
        struct stream *s = cls;
        struct sc_store_seq now;

        (void)pos;
        while (s->off >= s->len) {
                s->off = s->len = 0;
                if (!s->started) {
                        static const char hello[] = "retry: 2000\n\n";
                        s->started = true;
                        s->buf = realloc(s->buf, sizeof(hello));
                        if (!s->buf)
                                return MHD_CONTENT_READER_END_WITH_ERROR;
                        memcpy(s->buf, hello, sizeof(hello) - 1);
                        s->len = sizeof(hello) - 1;
                        stream_add(s, "status", 0, status_json(s->h));
                        stream_clones(s);
                        stream_events(s);
                        break;
                }
                int r = sc_store_wait(s->h->store, &s->seen, STREAM_PING_MS, &now);
                if (r == -ESHUTDOWN)
                        return MHD_CONTENT_READER_END_OF_STREAM;
                if (r == -ETIMEDOUT) {
                        static const char ping[] = ": ping\n\n";
                        char *nb = realloc(s->buf, sizeof(ping));
                        if (!nb)
                                return MHD_CONTENT_READER_END_WITH_ERROR;
                        s->buf = nb;
                        memcpy(s->buf, ping, sizeof(ping) - 1);
                        s->len = sizeof(ping) - 1;
                        break;
                }
                if (now.history != s->seen.history)
                        stream_add(s, "status", 0, status_json(s->h));
                if (now.clones != s->seen.clones)
                        stream_clones(s);
                if (now.last_event > s->last_event)
                        stream_events(s);
                s->seen = now;
        }
        size_t n = s->len - s->off;
        if (n > max)
                n = max;
        memcpy(out, s->buf + s->off, n);
        s->off += n;
        return (ssize_t)n;
}

static void stream_free(void *cls)
{
        struct stream *s = cls;
        atomic_fetch_sub(&s->h->streams, 1);
        free(s->buf);
        free(s);
}

static enum MHD_Result handle_stream(struct sc_http *h, struct MHD_Connection *c)
{
        int64_t since = -1;
        const char *lei = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Last-Event-ID");
        if (query_int(c, "since", 0, INT64_MAX, &since) == -EINVAL)
                return send_error(c, MHD_HTTP_BAD_REQUEST, "since must be a non-negative event id");
        if (lei) {
                char *end;
                long long v = strtoll(lei, &end, 10);
                if (end != lei && !*end && v >= 0)
                        since = v;
        }
        if (atomic_fetch_add(&h->streams, 1) >= SC_HTTP_MAX_STREAMS) {
                atomic_fetch_sub(&h->streams, 1);
                return send_error(c, MHD_HTTP_SERVICE_UNAVAILABLE, "too many event streams (limit %d)",
                                  SC_HTTP_MAX_STREAMS);
        }
        struct stream *s = calloc(1, sizeof(*s));
        if (!s) {
                atomic_fetch_sub(&h->streams, 1);
                return MHD_NO;
        }
        s->h = h;
        sc_store_seq_get(h->store, &s->seen);
        /* Without a resume point a new client gets the recent past, not all history. */
        s->last_event = since >= 0 ? since : (s->seen.last_event > 50 ? s->seen.last_event - 50 : 0);
        struct MHD_Response *resp = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 16384,
                                                                      stream_read, s, stream_free);
        if (!resp) {
                stream_free(s);
                return MHD_NO;
        }
        MHD_add_response_header(resp, "Content-Type", "text/event-stream");
        MHD_add_response_header(resp, "Cache-Control", "no-store");
        MHD_add_response_header(resp, "X-Accel-Buffering", "no");
        enum MHD_Result r = MHD_queue_response(c, MHD_HTTP_OK, resp);
        MHD_destroy_response(resp);
        return r;
}

/* ---- handlers --------------------------------------------------------------------------- */

static enum MHD_Result handle_samples(struct sc_http *h, struct MHD_Connection *c, struct req *q)
{
        const char *ct = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
        struct sc_sample *v = NULL;
        size_t n = 0, acc = 0, rej = 0;
        char err[300] = "";
        int r;

        bool json = ct && strncasecmp(ct, "application/json", 16) == 0;
        if (!json && !(ct && strncasecmp(ct, "text/plain", 10) == 0))
                return send_error(c, MHD_HTTP_UNSUPPORTED_MEDIA_TYPE,
                                  "Content-Type must be application/json or text/plain, got %s",
                                  ct ? ct : "none");
        sem_wait(&h->parsers);
        if (json)
                r = sc_monitor_parse_json(q->body ? q->body : "", q->len, MAX_SAMPLES_PER_REQUEST, &v, &n,
                                          err, sizeof(err));
        else
                r = sc_monitor_parse_text(q->body ? q->body : "", q->len, MAX_SAMPLES_PER_REQUEST, &v, &n,
                                          err, sizeof(err));
        if (r == 0)
                sc_monitor_ingest(h->mon, v, n, ss_wall_us(), &acc, &rej);
        sem_post(&h->parsers);
        if (r == 0 && acc)
                sc_loop_samples_arrived(h->loop);
        if (r == -E2BIG)
                return send_error(c, MHD_HTTP_CONTENT_TOO_LARGE, "%s", err);
        if (r == -ENOMEM)
                return send_error(c, MHD_HTTP_SERVICE_UNAVAILABLE, "out of memory");
        if (r < 0)
                return send_error(c, MHD_HTTP_BAD_REQUEST, "%s; nothing of this batch was kept", err);
        free(v);
        if (rej)
                log_debug("samples: %zu accepted, %zu rejected", acc, rej);
        json_object *o = json_object_new_object();
        json_object_object_add(o, "accepted", json_object_new_int64((int64_t)acc));
        json_object_object_add(o, "rejected", json_object_new_int64((int64_t)rej));
        return send_json(c, MHD_HTTP_ACCEPTED, o);
}

static enum MHD_Result handle_scale(struct sc_http *h, struct MHD_Connection *c, struct req *q)
{
        json_tokener *tok = json_tokener_new_ex(4);
        json_object *root = NULL, *d = NULL;
        bool have = false;
        char why[300];
        enum MHD_Result res;
        int desired = -1;

        if (!tok)
                return MHD_NO;
        root = json_tokener_parse_ex(tok, q->body ? q->body : "", (int)q->len);
        if (!root || json_tokener_get_error(tok) != json_tokener_success ||
            !json_object_is_type(root, json_type_object)) {
                res = send_error(c, MHD_HTTP_BAD_REQUEST, "body must be a JSON object {\"desired\":N} "
                                 "or {\"desired\":null}");
                goto out;
        }
        json_object_object_foreach(root, k, val) {
                if (strcmp(k, "desired") != 0) {
                        res = send_error(c, MHD_HTTP_BAD_REQUEST, "unknown field \"%.40s\"", k);
                        goto out;
                }
                d = val;
                have = true;
        }
        if (!have) {
                res = send_error(c, MHD_HTTP_BAD_REQUEST, "missing \"desired\"");
                goto out;
        }
        if (d) {
                if (!json_object_is_type(d, json_type_int) || json_object_get_int64(d) < 0 ||
                    json_object_get_int64(d) > INT_MAX) {
                        res = send_error(c, MHD_HTTP_BAD_REQUEST,
                                         "\"desired\" must be a non-negative integer or null");
                        goto out;
                }
                desired = (int)json_object_get_int64(d);
        }
        int r = sc_loop_scale(h->loop, desired, why, sizeof(why));
        if (r == -ERANGE)
                res = send_error(c, MHD_HTTP_UNPROCESSABLE_CONTENT, "%s", why);
        else if (r < 0)
                res = send_error(c, MHD_HTTP_SERVICE_UNAVAILABLE, "%s", why);
        else {
                json_object *o = json_object_new_object();
                json_object_object_add(o, "desired", desired >= 0 ? json_object_new_int(desired) : NULL);
                res = send_json(c, MHD_HTTP_OK, o);
        }
out:
        json_object_put(root);
        json_tokener_free(tok);
        return res;
}

static enum MHD_Result handle_get(struct sc_http *h, struct MHD_Connection *c, const char *url)
{
        int err = 0;

        if (strcmp(url, "/healthz") == 0) {
                json_object *o = json_object_new_object();
                json_object_object_add(o, "ok", json_object_new_boolean(true));
                return send_json(c, MHD_HTTP_OK, o);
        }
        if (strcmp(url, API "/status") == 0)
                return send_json(c, MHD_HTTP_OK, status_json(h));
        if (strcmp(url, API "/clones") == 0) {
                json_object *o = clones_json(h, &err);
                if (!o)
                        return send_error(c, MHD_HTTP_INTERNAL_SERVER_ERROR, "cannot read clones: %s",
                                          strerror(-err));
                return send_json(c, MHD_HTTP_OK, o);
        }
        if (strncmp(url, API "/clones/", sizeof(API "/clones/") - 1) == 0) {
                const char *id = url + sizeof(API "/clones/") - 1;
                struct sc_clone cl;
                struct sc_monitor_snapshot snap;
                if (!valid_id(id, strlen(id)) || sc_store_clone_get(h->store, id, &cl) < 0)
                        return send_error(c, MHD_HTTP_NOT_FOUND, "no clone %.40s", id);
                bool hs = sc_monitor_snapshot(h->mon, ss_wall_us(), &snap) == 0;
                json_object *o = clone_json(h->store, &cl, hs ? &snap : NULL);
                if (hs)
                        sc_monitor_snapshot_free(&snap);
                return send_json(c, MHD_HTTP_OK, o);
        }
        if (strcmp(url, API "/events") == 0) {
                int64_t since = 0, limit = 100;
                struct sc_event *v = NULL;
                size_t n = 0;
                if (query_int(c, "since", 0, INT64_MAX, &since) == -EINVAL)
                        return send_error(c, MHD_HTTP_BAD_REQUEST, "since must be a non-negative event id");
                if (query_int(c, "limit", 1, 1000, &limit) == -EINVAL)
                        return send_error(c, MHD_HTTP_BAD_REQUEST, "limit must be an integer in 1..1000");
                int64_t last = 0;
                int lr = query_int(c, "last", 1, 1000, &last);
                if (lr == -EINVAL)
                        return send_error(c, MHD_HTTP_BAD_REQUEST, "last must be an integer in 1..1000");
                if (lr == 0) {
                        /* ids are consecutive apart from pruning at the old end */
                        struct sc_store_seq seq;
                        sc_store_seq_get(h->store, &seq);
                        since = seq.last_event > last ? seq.last_event - last : 0;
                        limit = last;
                }
                err = sc_store_event_list(h->store, since, (size_t)limit, &v, &n);
                if (err < 0)
                        return send_error(c, MHD_HTTP_INTERNAL_SERVER_ERROR, "cannot read events: %s",
                                          strerror(-err));
                json_object *arr = json_object_new_array();
                for (size_t i = 0; i < n; i++)
                        json_object_array_add(arr, event_json(&v[i]));
                json_object *o = json_object_new_object();
                json_object_object_add(o, "events", arr);
                json_object_object_add(o, "next", json_object_new_int64(n ? v[n - 1].id : since));
                sc_store_events_free(v, n);
                return send_json(c, MHD_HTTP_OK, o);
        }
        if (strcmp(url, API "/metrics/history") == 0) {
                int64_t window = 600;
                struct sc_history_point *v = NULL;
                size_t n = 0;
                if (query_int(c, "window", 1, HISTORY_MAX_WINDOW_S, &window) == -EINVAL)
                        return send_error(c, MHD_HTTP_BAD_REQUEST, "window must be seconds in 1..%d",
                                          HISTORY_MAX_WINDOW_S);
                uint64_t now = ss_wall_us(), span = (uint64_t)window * 1000000;
                err = sc_store_history_list(h->store, now > span ? now - span : 0, 0, &v, &n);
                if (err < 0)
                        return send_error(c, MHD_HTTP_INTERNAL_SERVER_ERROR, "cannot read history: %s",
                                          strerror(-err));
                json_object *arr = json_object_new_array_ext((int)n);
                for (size_t i = 0; i < n; i++) {
                        json_object *p = json_object_new_object();
                        json_object_object_add(p, "ts_us", json_object_new_int64((int64_t)v[i].ts_us));
                        json_object_object_add(p, "p50_us", json_object_new_double(v[i].p50_us));
                        json_object_object_add(p, "p95_us", json_object_new_double(v[i].p95_us));
                        json_object_object_add(p, "p99_us", json_object_new_double(v[i].p99_us));
                        json_object_object_add(p, "rps", json_object_new_double(v[i].rps));
                        json_object_object_add(p, "desired", json_object_new_int(v[i].desired));
                        json_object_object_add(p, "actual", json_object_new_int(v[i].actual));
                        json_object_array_add(arr, p);
                }
                free(v);
                json_object *o = json_object_new_object();
                json_object_object_add(o, "points", arr);
                return send_json(c, MHD_HTTP_OK, o);
        }
        if (strcmp(url, API "/events/stream") == 0)
                return handle_stream(h, c);
        if (strcmp(url, "/metrics") == 0) {
                char *buf = NULL;
                size_t len = 0;
                struct sc_loop_status ls;
                FILE *f = open_memstream(&buf, &len);
                if (!f)
                        return MHD_NO;
                sc_loop_status(h->loop, &ls);
                err = sc_monitor_write_prometheus(h->mon, ss_wall_us(), ls.service, f);
                fprintf(f, "# HELP snowscale_clones Clones by lifecycle group.\n# TYPE snowscale_clones gauge\n"
                           "snowscale_clones{state=\"serving\"} %d\nsnowscale_clones{state=\"pending\"} %d\n"
                           "snowscale_clones{state=\"draining\"} %d\n", ls.actual, ls.pending, ls.draining);
                fprintf(f, "# HELP snowscale_desired_clones The count the control loop steers to.\n"
                           "# TYPE snowscale_desired_clones gauge\nsnowscale_desired_clones %d\n",
                        ls.desired < 0 ? 0 : ls.desired);
                fprintf(f, "# HELP snowscale_panic 1 while the policy is in panic mode.\n"
                           "# TYPE snowscale_panic gauge\nsnowscale_panic %d\n", ls.panic);
                fprintf(f, "# HELP snowscale_alert 1 while cloning is stopped after repeated failures.\n"
                           "# TYPE snowscale_alert gauge\nsnowscale_alert %d\n", ls.alert[0] != 0);
                fprintf(f, "# HELP snowscale_ticks_total Control loop ticks run.\n"
                           "# TYPE snowscale_ticks_total counter\nsnowscale_ticks_total %" PRIu64 "\n", ls.ticks);
                fprintf(f, "# HELP snowscale_early_evaluations_total Evaluations between ticks: a sample batch showed the short window over target.\n"
                           "# TYPE snowscale_early_evaluations_total counter\nsnowscale_early_evaluations_total %" PRIu64 "\n",
                        ls.early_evaluations);
                fprintf(f, "# HELP snowscale_uptime_seconds Time since snowscaled started.\n"
                           "# TYPE snowscale_uptime_seconds gauge\nsnowscale_uptime_seconds %.3f\n",
                        (ss_wall_us() - ls.started_us) / 1e6);
                fprintf(f, "# HELP snowscale_build_info Version of snowscaled.\n"
                           "# TYPE snowscale_build_info gauge\nsnowscale_build_info{version=\"%s\"} 1\n",
                        SC_VERSION);
                if (fclose(f) != 0 || err < 0) {
                        free(buf);
                        return send_error(c, MHD_HTTP_INTERNAL_SERVER_ERROR, "cannot render metrics");
                }
                return send_buf(c, MHD_HTTP_OK, "text/plain; version=0.0.4; charset=utf-8", buf, len);
        }
#ifdef SC_HAVE_WEBUI
        const struct sc_webui_asset *a = sc_webui_find(url);
        if (a) {
                struct MHD_Response *resp = MHD_create_response_from_buffer(
                        a->len, (void *)a->data, MHD_RESPMEM_PERSISTENT);
                if (!resp)
                        return MHD_NO;
                MHD_add_response_header(resp, "Content-Type", a->content_type);
                MHD_add_response_header(resp, "Cache-Control", "no-cache");
                enum MHD_Result r = MHD_queue_response(c, MHD_HTTP_OK, resp);
                MHD_destroy_response(resp);
                return r;
        }
#endif
        return send_error(c, MHD_HTTP_NOT_FOUND, "no such endpoint: GET %.100s", url);
}

static enum MHD_Result handle_post(struct sc_http *h, struct MHD_Connection *c, const char *url,
                                   struct req *q)
{
        char why[300];
        int r;

        if (strcmp(url, API "/samples") == 0)
                return handle_samples(h, c, q);
        if (strcmp(url, API "/scale") == 0)
                return handle_scale(h, c, q);
        if (strcmp(url, API "/generation") == 0) {
                r = sc_loop_cut_generation(h->loop, why, sizeof(why));
                if (r == -EOPNOTSUPP || r == -EAGAIN || r == -EBUSY)
                        return send_error(c, MHD_HTTP_CONFLICT, "%s", why);
                if (r < 0)
                        return send_error(c, MHD_HTTP_SERVICE_UNAVAILABLE, "%s", why);
                json_object *o = json_object_new_object();
                json_object_object_add(o, "accepted", json_object_new_boolean(true));
                return send_json(c, MHD_HTTP_ACCEPTED, o);
        }
        size_t pl = sizeof(API "/clones/") - 1, ul = strlen(url), sl = sizeof("/retire") - 1;
        if (strncmp(url, API "/clones/", pl) == 0 && ul > pl + sl && strcmp(url + ul - sl, "/retire") == 0) {
                char id[64];
                size_t il = ul - pl - sl;
                if (!valid_id(url + pl, il))
                        return send_error(c, MHD_HTTP_NOT_FOUND, "no such clone");
                memcpy(id, url + pl, il);
                id[il] = 0;
                r = sc_loop_retire(h->loop, id, why, sizeof(why));
                if (r == -ENOENT)
                        return send_error(c, MHD_HTTP_NOT_FOUND, "%s", why);
                if (r == -EBUSY || r == -EOPNOTSUPP)
                        return send_error(c, MHD_HTTP_CONFLICT, "%s", why);
                if (r < 0)
                        return send_error(c, MHD_HTTP_SERVICE_UNAVAILABLE, "%s", why);
                json_object *o = json_object_new_object();
                json_object_object_add(o, "id", json_object_new_string(id));
                json_object_object_add(o, "state", json_object_new_string("draining"));
                return send_json(c, MHD_HTTP_ACCEPTED, o);
        }
        return send_error(c, MHD_HTTP_NOT_FOUND, "no such endpoint: POST %.100s", url);
}

static bool is_post_endpoint(const char *url)
{
        return strcmp(url, API "/samples") == 0 || strcmp(url, API "/scale") == 0 ||
               strcmp(url, API "/generation") == 0 ||
               (strncmp(url, API "/clones/", sizeof(API "/clones/") - 1) == 0 &&
                strlen(url) > sizeof(API "/clones//retire") - 1 &&
                strcmp(url + strlen(url) - 7, "/retire") == 0);
}

/* A body that will be refused: free it and give its bytes back to the budget. */
static void drop_body(struct sc_http *h, struct req *q)
{
        atomic_fetch_sub(&h->body_bytes, q->reserved);
        q->reserved = 0;
        free(q->body);
        q->body = NULL;
        q->cap = 0;
}

static enum MHD_Result handler(void *cls, struct MHD_Connection *c, const char *url,
                               const char *method, const char *version, const char *upload,
                               size_t *upload_size, void **con_cls)
{
        struct sc_http *h = cls;
        struct req *q = *con_cls;

        (void)version;
        if (!q) {
                /* First call: headers only. Refuse early what will be refused anyway, before
                 * reading a byte of the body. */
                q = calloc(1, sizeof(*q));
                if (!q)
                        return MHD_NO;
                *con_cls = q;
                q->post = strcmp(method, MHD_HTTP_METHOD_POST) == 0;
                if (!q->post && strcmp(method, MHD_HTTP_METHOD_GET) != 0 &&
                    strcmp(method, MHD_HTTP_METHOD_HEAD) != 0)
                        return send_error(c, MHD_HTTP_METHOD_NOT_ALLOWED, "method %.16s not allowed", method);
                if (!q->post)
                        return MHD_YES;
                if (!is_post_endpoint(url))
                        return send_error(c, MHD_HTTP_NOT_FOUND, "no such endpoint: POST %.100s", url);
                bool no_token;
                if (!authorized(h, c, &no_token)) {
                        if (no_token)
                                return send_error(c, MHD_HTTP_FORBIDDEN, "no api.token is configured; "
                                                  "mutating endpoints are disabled");
                        return send_error(c, MHD_HTTP_UNAUTHORIZED, "missing or invalid bearer token");
                }
                pthread_mutex_lock(&h->lock);
                q->limit = h->max_body;
                pthread_mutex_unlock(&h->lock);
                const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                                             MHD_HTTP_HEADER_CONTENT_LENGTH);
                if (cl && strtoull(cl, NULL, 10) > q->limit)
                        return send_error(c, MHD_HTTP_CONTENT_TOO_LARGE, "body of %.20s bytes exceeds "
                                          "the limit of %zu bytes (api.max_body)", cl, q->limit);
                return MHD_YES;
        }
        if (!q->post)
                return handle_get(h, c, url);
        if (*upload_size) {
                /* Chunked bodies have no Content-Length: count as they come, keep nothing beyond. */
                if (!q->too_big && q->len + *upload_size > q->limit) {
                        q->too_big = true;
                        drop_body(h, q);
                }
                if (!q->too_big && !q->over_budget) {
                        if (q->len + *upload_size + 1 > q->cap) {
                                size_t ncap = q->cap ? q->cap : 4096;
                                while (ncap < q->len + *upload_size + 1)
                                        ncap *= 2;
                                size_t more = ncap - q->cap;
                                size_t budget = q->limit > BODY_BUDGET ? q->limit : BODY_BUDGET;
                                if (atomic_fetch_add(&h->body_bytes, more) + more > budget) {
                                        atomic_fetch_sub(&h->body_bytes, more);
                                        q->over_budget = true;
                                        drop_body(h, q);
                                        *upload_size = 0;
                                        return MHD_YES;
                                }
                                q->reserved += more;
                                char *nb = realloc(q->body, ncap);
                                if (!nb)
                                        return MHD_NO;
                                q->body = nb;
                                q->cap = ncap;
                        }
                        memcpy(q->body + q->len, upload, *upload_size);
                        q->len += *upload_size;
                        q->body[q->len] = 0;
                }
                *upload_size = 0;
                return MHD_YES;
        }
        if (q->too_big)
                return send_error(c, MHD_HTTP_CONTENT_TOO_LARGE, "body exceeds the limit of %zu bytes "
                                  "(api.max_body)", q->limit);
        if (q->over_budget)
                return send_error(c, MHD_HTTP_SERVICE_UNAVAILABLE, "too many uploads at once; retry "
                                  "shortly");
        return handle_post(h, c, url, q);
}

static void request_done(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
        struct sc_http *h = cls;
        struct req *q = *con_cls;
        (void)c;
        (void)toe;
        if (q) {
                atomic_fetch_sub(&h->body_bytes, q->reserved);
                free(q->body);
                free(q);
                *con_cls = NULL;
        }
}

static void mhd_log(void *cls, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
static void mhd_log(void *cls, const char *fmt, va_list ap)
{
        char msg[512];
        (void)cls;
        vsnprintf(msg, sizeof(msg), fmt, ap);
        size_t n = strlen(msg);
        while (n && msg[n - 1] == '\n')
                msg[--n] = 0;
        log_debug("http: %s", msg);
}

int sc_http_configure(struct sc_http *h, const char *token, size_t max_body)
{
        char *t = token ? strdup(token) : NULL;
        if (token && !t)
                return -ENOMEM;
        pthread_mutex_lock(&h->lock);
        free(h->token);
        h->token = t;
        h->max_body = max_body ? max_body : 4u << 20;
        pthread_mutex_unlock(&h->lock);
        return 0;
}

const char *sc_http_address(struct sc_http *h)
{
        return h->address;
}

int sc_http_start(const struct sc_http_config *cfg, struct sc_store *store, struct sc_monitor *mon,
                  struct sc_loop *loop, struct sc_http **ret, char *err, size_t errlen)
{
        struct sc_http *h = NULL;
        struct addrinfo hints = { .ai_flags = AI_NUMERICHOST | AI_PASSIVE, .ai_socktype = SOCK_STREAM };
        struct addrinfo *ai = NULL;
        char host[200], port_s[16];
        unsigned port;
        int r;

        r = ss_split_hostport(cfg->listen, host, sizeof(host), &port);
        if (r < 0) {
                snprintf(err, errlen, "api.listen \"%s\" is not HOST:PORT", cfg->listen);
                return r;
        }
        snprintf(port_s, sizeof(port_s), "%u", port);
        r = getaddrinfo(host, port_s, &hints, &ai);
        if (r != 0) {
                snprintf(err, errlen, "api.listen \"%s\": %s (use a numeric address)", cfg->listen,
                         gai_strerror(r));
                return -EINVAL;
        }
        h = calloc(1, sizeof(*h));
        if (!h) {
                freeaddrinfo(ai);
                return -ENOMEM;
        }
        pthread_mutex_init(&h->lock, NULL);
        sem_init(&h->parsers, 0, MAX_PARSERS);
        h->store = store;
        h->mon = mon;
        h->loop = loop;
        r = sc_http_configure(h, cfg->token, cfg->max_body);
        if (r < 0)
                goto fail;
        unsigned flags = MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD |
                         MHD_USE_ERROR_LOG | (ai->ai_family == AF_INET6 ? MHD_USE_IPv6 : 0);
        /* A request that sends nothing for 60 s is dropped; streams send a ping every 15 s. */
        h->d = MHD_start_daemon(flags, (uint16_t)port, NULL, NULL, handler, h,
                                MHD_OPTION_EXTERNAL_LOGGER, mhd_log, h,
                                MHD_OPTION_SOCK_ADDR, ai->ai_addr,
                                MHD_OPTION_CONNECTION_LIMIT, (unsigned)SC_HTTP_MAX_CONNECTIONS,
                                MHD_OPTION_CONNECTION_TIMEOUT, 60u,
                                MHD_OPTION_NOTIFY_COMPLETED, request_done, h,
                                MHD_OPTION_END);
        freeaddrinfo(ai);
        ai = NULL;
        if (!h->d) {
                /* MHD does not say why; a plain bind to the same address does. */
                r = -EADDRINUSE;
                struct addrinfo *probe = NULL;
                if (getaddrinfo(host, port_s, &hints, &probe) == 0) {
                        int fd = socket(probe->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0), one = 1;
                        if (fd >= 0) {
                                setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
                                if (bind(fd, probe->ai_addr, probe->ai_addrlen) < 0)
                                        r = -errno;
                                close(fd);
                        }
                        freeaddrinfo(probe);
                }
                snprintf(err, errlen, "cannot listen on %s: %s", cfg->listen, strerror(-r));
                goto fail;
        }
        const union MHD_DaemonInfo *di = MHD_get_daemon_info(h->d, MHD_DAEMON_INFO_BIND_PORT);
        unsigned bound = di ? di->port : port;
        if (strchr(host, ':'))
                snprintf(h->address, sizeof(h->address), "[%s]:%u", host, bound);
        else
                snprintf(h->address, sizeof(h->address), "%s:%u", host, bound);
        *ret = h;
        return 0;
fail:
        freeaddrinfo(ai);
        free(h->token);
        sem_destroy(&h->parsers);
        pthread_mutex_destroy(&h->lock);
        free(h);
        return r;
}

void sc_http_stop(struct sc_http *h)
{
        if (!h)
                return;
        MHD_stop_daemon(h->d);
        free(h->token);
        sem_destroy(&h->parsers);
        pthread_mutex_destroy(&h->lock);
        free(h);
}
