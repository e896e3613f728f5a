/* sc_http: the HTTP server of snowscaled: libmicrohttpd set-up and limits, request bodies, routing,
 * and the job threads for handlers that may wait. See sc_http.h; the endpoints are in sc_api.c,
 * sc_metrics.c and sc_dashboard.c. */
#include "sc_http.h"

#include <errno.h>
#include <netdb.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include "sc_api.h"
#include "sc_dashboard.h"
#include "sc_http_int.h"
#include "sc_metrics.h"
#include "ss_log.h"
#include "ss_util.h"

/* Memory for request bodies across all connections: a flood of concurrent uploads gets 503s
 * instead of the daemon's memory (at least one body of api.max_body always fits). */
#define BODY_BUDGET (64u << 20)
/* POST handlers run on job threads, off MHD's threads, which go on serving everybody else
 * meanwhile. Two queues, so that a control loop slow to answer (up to 5 s) never holds up the
 * samples: ingest threads parse batches (also the bound on batches parsed at once: a parsed batch
 * costs up to 10x its body in sample structs), control threads wait for the loop. Beyond the queue
 * bound: 503. */
#define INGEST_THREADS 2
#define CONTROL_THREADS 2
#define JOB_QUEUE_MAX 256
/* MHD's own threads, each with an epoll set: a connection costs a socket and its buffer, never a
 * thread, so idle or slow clients cannot starve the API. */
#define MHD_THREADS 2
/* File descriptors kept for the rest of the daemon (SQLite, QMP sockets, memtap, VMs' pipes). */
#define FD_RESERVE 1024

/* ---- replies ------------------------------------------------------------------------------ */

void sc_reply_buf(struct sc_reply *r, unsigned status, const char *ctype, char *buf, size_t len)
{
        r->status = status;
        r->resp = MHD_create_response_from_buffer(len, buf, MHD_RESPMEM_MUST_FREE);
        if (!r->resp) {
                free(buf);
                return;
        }
        MHD_add_response_header(r->resp, "Content-Type", ctype);
        MHD_add_response_header(r->resp, "Cache-Control", "no-store");
}

void sc_reply_json(struct sc_reply *r, unsigned status, json_object *o)
{
        char *s = strdup(o ? json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE) : "null");
        json_object_put(o);
        r->status = status;
        r->resp = NULL;
        if (!s)
                return;
        size_t n = strlen(s);
        char *t = realloc(s, n + 2);            /* a trailing newline reads better in curl */
        if (t) {
                s = t;
                s[n++] = '\n';
                s[n] = 0;
        }
        sc_reply_buf(r, status, "application/json", s, n);
}

/* Length of the valid UTF-8 sequence at s (RFC 3629: no overlongs, no surrogates, <= U+10FFFF),
 * 0 if there is none. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
        size_t need;
        unsigned lo = 0x80, hi = 0xbf;
        if (s[0] < 0x80)
                return 1;
        if (s[0] >= 0xc2 && s[0] <= 0xdf)
                need = 2;
        else if (s[0] >= 0xe0 && s[0] <= 0xef) {
                need = 3;
                lo = s[0] == 0xe0 ? 0xa0 : 0x80;
                hi = s[0] == 0xed ? 0x9f : 0xbf;
        } else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
                need = 4;
                lo = s[0] == 0xf0 ? 0x90 : 0x80;
                hi = s[0] == 0xf4 ? 0x8f : 0xbf;
        } else
                return 0;
        if (n < need || s[1] < lo || s[1] > hi)
                return 0;
        for (size_t i = 2; i < need; i++)
                if (s[i] < 0x80 || s[i] > 0xbf)
                        return 0;
        return need;
}

void sc_reply_error(struct sc_reply *r, unsigned status, const char *fmt, ...)
{
        char msg[512], clean[sizeof(msg) * 4];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(msg, sizeof(msg), fmt, ap);
        va_end(ap);
        /* Messages quote the client's input (a URL, a field name): JSON text is UTF-8 (RFC 8259
         * 8.1), so bytes that are not are written as \xHH instead of passed on. */
        size_t n = strlen(msg), o = 0;
        for (size_t i = 0; i < n;) {
                size_t l = utf8_len((const unsigned char *)msg + i, n - i);
                if (l) {
                        memcpy(clean + o, msg + i, l);
                        o += l;
                        i += l;
                } else {
                        o += (size_t)sprintf(clean + o, "\\x%02X", (unsigned char)msg[i]);
                        i++;
                }
        }
        clean[o] = 0;
        json_object *e = json_object_new_object();
        json_object_object_add(e, "error", json_object_new_string(clean));
        sc_reply_json(r, status, e);
}

static enum MHD_Result queue_reply(struct MHD_Connection *c, struct sc_reply *r)
{
        if (!r->resp)
                return MHD_NO;
        enum MHD_Result res = MHD_queue_response(c, r->status, r->resp);
        MHD_destroy_response(r->resp);
        r->resp = NULL;
        return res;
}

static enum MHD_Result send_error(struct MHD_Connection *c, unsigned status, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
static enum MHD_Result send_error(struct MHD_Connection *c, unsigned status, const char *fmt, ...)
{
        char msg[512];
        struct sc_reply r = { 0 };
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(msg, sizeof(msg), fmt, ap);
        va_end(ap);
        sc_reply_error(&r, status, "%s", msg);
        return queue_reply(c, &r);
}

/* ---- requests ----------------------------------------------------------------------------- */

struct req {                            /* per-request state across MHD calls */
        bool post;
        bool too_big;
        bool over_budget;
        bool suspended;                 /* waiting for a job thread */
        enum sc_api_post ep;
        char id[64];                    /* retire: the clone id */
        char ctype[64];
        char *body;
        size_t len, cap, limit;
        size_t reserved;                /* counted in h->body_bytes */
        struct MHD_Connection *conn;
        struct sc_reply reply;          /* set by the job thread */
        struct req *next;               /* job queue */
};

struct sc_jobs {                        /* one queue and its threads */
        struct sc_http *h;
        pthread_mutex_t lock;
        pthread_cond_t more;
        struct req *head, **tail;
        size_t queued;
        bool stopping;
        pthread_t threads[4];
        size_t n_threads;
};

static void *job_thread(void *arg)
{
        struct sc_jobs *j = arg;
        struct sc_http *h = j->h;

        pthread_mutex_lock(&j->lock);
        for (;;) {
                while (!j->head && !j->stopping)
                        pthread_cond_wait(&j->more, &j->lock);
                struct req *q = j->head;
                if (!q)
                        break;          /* stopping and nothing left */
                j->head = q->next;
                if (!j->head)
                        j->tail = &j->head;
                j->queued--;
                pthread_mutex_unlock(&j->lock);
                struct sc_body b = { q->body ? q->body : "", q->len, q->ctype };
                sc_api_post(h, q->ep, q->id, &b, &q->reply);
                /* The connection was suspended before the job was queued: resuming it is
                 * always valid, and MHD then calls the handler, which queues the reply. */
                MHD_resume_connection(q->conn);
                pthread_mutex_lock(&j->lock);
        }
        pthread_mutex_unlock(&j->lock);
        return NULL;
}

/* Suspends the connection and hands its request to a job thread; false when the queue is full or
 * the server is stopping (nothing suspended then). */
static bool job_submit(struct sc_http *h, struct MHD_Connection *c, struct req *q)
{
        struct sc_jobs *j = q->ep == SC_POST_SAMPLES ? h->ingest : h->control;
        pthread_mutex_lock(&j->lock);
        if (j->stopping || j->queued >= JOB_QUEUE_MAX) {
                pthread_mutex_unlock(&j->lock);
                return false;
        }
        q->conn = c;
        q->suspended = true;
        q->next = NULL;
        MHD_suspend_connection(c);
        *j->tail = q;
        j->tail = &q->next;
        j->queued++;
        pthread_cond_signal(&j->more);
        pthread_mutex_unlock(&j->lock);
        return true;
}

static void jobs_stop(struct sc_jobs **jp)
{
        struct sc_jobs *j = *jp;
        if (!j)
                return;
        pthread_mutex_lock(&j->lock);
        j->stopping = true;
        pthread_cond_broadcast(&j->more);
        pthread_mutex_unlock(&j->lock);
        /* Queued jobs still run (the loop answers -ESHUTDOWN at once by now) and resume their
         * connections: MHD must not be stopped with a connection suspended. */
        for (size_t i = 0; i < j->n_threads; i++)
                pthread_join(j->threads[i], NULL);
        pthread_cond_destroy(&j->more);
        pthread_mutex_destroy(&j->lock);
        free(j);
        *jp = NULL;
}

static int jobs_start(struct sc_http *h, struct sc_jobs **jp, size_t threads)
{
        struct sc_jobs *j = calloc(1, sizeof(*j));
        if (!j)
                return -ENOMEM;
        j->h = h;
        pthread_mutex_init(&j->lock, NULL);
        pthread_cond_init(&j->more, NULL);
        j->tail = &j->head;
        *jp = j;
        for (; j->n_threads < threads && j->n_threads < sizeof(j->threads) / sizeof(j->threads[0]);
             j->n_threads++) {
                int r = pthread_create(&j->threads[j->n_threads], NULL, job_thread, j);
                if (r) {
                        jobs_stop(jp);
                        return -r;
                }
        }
        return 0;
}

int sc_query_int(struct MHD_Connection *c, const char *name, int64_t lo, int64_t hi, int64_t *ret)
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

/* The media type of Content-Type, lower case, parameters dropped ("" when absent or too long). */
static void media_type(struct MHD_Connection *c, char *out, size_t len)
{
        const char *ct = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
        size_t n = 0;
        out[0] = 0;
        if (!ct)
                return;
        while (*ct == ' ' || *ct == '\t')
                ct++;
        while (ct[n] && ct[n] != ';' && ct[n] != ' ' && ct[n] != '\t')
                n++;
        if (n >= len)
                return;
        for (size_t i = 0; i < n; i++)
                out[i] = (char)(ct[i] >= 'A' && ct[i] <= 'Z' ? ct[i] + 32 : ct[i]);
        out[n] = 0;
}

static void route_get(struct sc_http *h, struct MHD_Connection *c, const char *url, struct sc_reply *r)
{
        if (strcmp(url, "/metrics") == 0)
                sc_metrics_reply(h, r);
        else if (strcmp(url, SC_API "/events/stream") == 0)
                sc_dashboard_stream(h, c, r);
        else if (!sc_api_get(h, c, url, r) && !sc_dashboard_asset(url, r))
                sc_reply_error(r, MHD_HTTP_NOT_FOUND, "no such endpoint: GET %.100s", url);
}

/* First call of a request: headers only. Refuses early what will be refused anyway, before a
 * byte of the body is read. */
static enum MHD_Result first_call(struct sc_http *h, struct MHD_Connection *c, const char *url,
                                  const char *method, struct req *q)
{
        q->post = strcmp(method, MHD_HTTP_METHOD_POST) == 0;
        if (!q->post && strcmp(method, MHD_HTTP_METHOD_GET) != 0 && strcmp(method, MHD_HTTP_METHOD_HEAD) != 0)
                return send_error(c, MHD_HTTP_METHOD_NOT_ALLOWED, "method %.16s not allowed", method);
        pthread_mutex_lock(&h->lock);
        q->limit = q->post ? h->max_body : 0;
        pthread_mutex_unlock(&h->lock);
        /* MHD would otherwise read (and throw away) whatever Content-Length announces. Lengths
         * beyond 2^64 never get here: MHD refuses those itself. */
        const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (!q->post) {
                if (cl && strtoull(cl, NULL, 10) > 0)
                        return send_error(c, MHD_HTTP_CONTENT_TOO_LARGE, "a %s request takes no body",
                                          method);
                return MHD_YES;
        }
        q->ep = sc_api_post_endpoint(url, q->id, sizeof(q->id));
        if (q->ep == SC_POST_NONE)
                return send_error(c, MHD_HTTP_NOT_FOUND, "no such endpoint: POST %.100s", url);
        bool no_token;
        if (!authorized(h, c, &no_token)) {
                if (no_token)
                        return send_error(c, MHD_HTTP_FORBIDDEN, "no api.token is configured; "
                                          "mutating endpoints are disabled");
                return send_error(c, MHD_HTTP_UNAUTHORIZED, "missing or invalid bearer token");
        }
        if (cl && strtoull(cl, NULL, 10) > q->limit)
                return send_error(c, MHD_HTTP_CONTENT_TOO_LARGE, "body of %.20s bytes exceeds "
                                  "the limit of %zu bytes (api.max_body)", cl, q->limit);
        media_type(c, q->ctype, sizeof(q->ctype));
        const char *want = sc_api_post_refuses(q->ep, q->ctype);
        if (want)
                return send_error(c, MHD_HTTP_UNSUPPORTED_MEDIA_TYPE, "Content-Type must be %s, got %.60s",
                                  want, q->ctype[0] ? q->ctype : "none");
        return MHD_YES;
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

/* Keeps an upload chunk; chunked bodies have no Content-Length: counted as they come, nothing kept
 * beyond the limit. */
static enum MHD_Result body_chunk(struct sc_http *h, struct req *q, const char *upload, size_t n)
{
        if (!q->too_big && q->len + n > q->limit) {
                q->too_big = true;
                drop_body(h, q);
        }
        if (q->too_big || q->over_budget)
                return MHD_YES;
        if (q->len + n + 1 > q->cap) {
                size_t ncap = q->cap ? q->cap : 4096;
                while (ncap < q->len + n + 1)
                        ncap *= 2;
                size_t more = ncap - q->cap;
                size_t budget = q->limit > BODY_BUDGET ? q->limit : BODY_BUDGET;
                if (atomic_fetch_add(&h->body_bytes, more) + more > budget) {
                        atomic_fetch_sub(&h->body_bytes, more);
                        q->over_budget = true;
                        drop_body(h, q);
                        return MHD_YES;
                }
                q->reserved += more;
                char *nb = realloc(q->body, ncap);
                if (!nb)
                        return MHD_NO;
                q->body = nb;
                q->cap = ncap;
        }
        memcpy(q->body + q->len, upload, n);
        q->len += n;
        q->body[q->len] = 0;
        return MHD_YES;
}

static enum MHD_Result handler(void *cls, struct MHD_Connection *c, const char *url,
                               const char *method, const char *version, const char *upload,
                               size_t *upload_size, void **con_cls)
{
        struct sc_http *h = cls;
        struct req *q = *con_cls;
        struct sc_reply r = { 0 };

        (void)version;
        if (!q) {
                q = calloc(1, sizeof(*q));
                if (!q)
                        return MHD_NO;
                *con_cls = q;
                return first_call(h, c, url, method, q);
        }
        if (q->suspended) {             /* resumed: the job thread's reply */
                q->suspended = false;
                return queue_reply(c, &q->reply);
        }
        if (!q->post) {
                route_get(h, c, url, &r);
                return queue_reply(c, &r);
        }
        if (*upload_size) {
                enum MHD_Result res = body_chunk(h, q, upload, *upload_size);
                *upload_size = 0;
                return res;
        }
        if (q->too_big)
                return send_error(c, MHD_HTTP_CONTENT_TOO_LARGE, "body exceeds the limit of %zu bytes "
                                  "(api.max_body)", q->limit);
        if (q->over_budget)
                return send_error(c, MHD_HTTP_SERVICE_UNAVAILABLE, "too many uploads at once; retry "
                                  "shortly");
        if (!job_submit(h, c, q))
                return send_error(c, MHD_HTTP_SERVICE_UNAVAILABLE, "too many requests waiting for the "
                                  "control loop; retry shortly");
        return MHD_YES;
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
                if (q->reply.resp)
                        MHD_destroy_response(q->reply.resp);
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

/* Connections allowed: SC_HTTP_MAX_CONNECTIONS if the file limit allows it (raised to its hard
 * limit first; the default soft limit of 1024 would cap the API far below that). */
static unsigned connection_limit(void)
{
        struct rlimit rl;
        if (getrlimit(RLIMIT_NOFILE, &rl) < 0)
                return 256;
        if (rl.rlim_cur < rl.rlim_max && rl.rlim_cur < SC_HTTP_MAX_CONNECTIONS + FD_RESERVE) {
                rlim_t want = SC_HTTP_MAX_CONNECTIONS + FD_RESERVE;
                rl.rlim_cur = rl.rlim_max < want ? rl.rlim_max : want;
                setrlimit(RLIMIT_NOFILE, &rl);
                getrlimit(RLIMIT_NOFILE, &rl);
        }
        if (rl.rlim_cur >= SC_HTTP_MAX_CONNECTIONS + FD_RESERVE)
                return SC_HTTP_MAX_CONNECTIONS;
        return rl.rlim_cur > FD_RESERVE + 64 ? (unsigned)(rl.rlim_cur - FD_RESERVE) : 64;
}

static void free_http(struct sc_http *h)
{
        sc_dashboard_free(h->dash);
        free(h->token);
        pthread_mutex_destroy(&h->lock);
        free(h);
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
        h->store = store;
        h->mon = mon;
        h->loop = loop;
        r = sc_http_configure(h, cfg->token, cfg->max_body);
        if (r == 0)
                r = sc_dashboard_new(h, &h->dash);
        if (r == 0)
                r = jobs_start(h, &h->ingest, INGEST_THREADS);
        if (r == 0)
                r = jobs_start(h, &h->control, CONTROL_THREADS);
        if (r < 0) {
                snprintf(err, errlen, "cannot set up the HTTP server: %s", strerror(-r));
                goto fail;
        }
        unsigned limit = connection_limit();
        unsigned flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG |
                         (ai->ai_family == AF_INET6 ? MHD_USE_IPv6 : 0);
        h->d = MHD_start_daemon(flags, (uint16_t)port, NULL, NULL, handler, h,
                                MHD_OPTION_EXTERNAL_LOGGER, mhd_log, h,
                                MHD_OPTION_SOCK_ADDR, ai->ai_addr,
                                MHD_OPTION_THREAD_POOL_SIZE, (unsigned)MHD_THREADS,
                                MHD_OPTION_CONNECTION_LIMIT, limit,
                                MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)SC_HTTP_MAX_PER_IP,
                                MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)SC_HTTP_IDLE_TIMEOUT_S,
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
        log_info("http: at most %u connections (%u per client address), idle ones closed after %u s",
                 limit, (unsigned)SC_HTTP_MAX_PER_IP, (unsigned)SC_HTTP_IDLE_TIMEOUT_S);
        *ret = h;
        return 0;
fail:
        freeaddrinfo(ai);
        jobs_stop(&h->ingest);
        jobs_stop(&h->control);
        free_http(h);
        return r;
}

void sc_http_stop(struct sc_http *h)
{
        if (!h)
                return;
        /* Every suspended connection is resumed first (MHD_stop_daemon must not find one):
         * streams end, jobs finish. */
        sc_dashboard_stop(h->dash);
        jobs_stop(&h->ingest);
        jobs_stop(&h->control);
        MHD_stop_daemon(h->d);
        free_http(h);
}
