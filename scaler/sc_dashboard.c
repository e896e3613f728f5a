/* sc_dashboard: the event stream and the dashboard's files. See sc_dashboard.h. */
#include "sc_dashboard.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sc_api.h"
#include "sc_http_int.h"
#include "sc_store.h"
#include "ss_log.h"
#include "ss_util.h"
#ifdef SC_HAVE_WEBUI
#include "sc_webui.h"
#endif

#define STREAM_PING_US (15ull * 1000000)
#define STREAM_EVENTS_BATCH 200
#define STREAM_RECENT 50                /* events a client without a resume point gets */

struct stream {
        struct sc_dashboard *d;
        struct MHD_Connection *conn;
        struct sc_store_seq seen;
        int64_t last_event;
        char *buf;
        size_t len, off;
        bool started;
        bool suspended;                 /* under d->lock */
        uint64_t ping_due_us;           /* monotonic */
        struct stream *prev, *next;
};

struct sc_dashboard {
        struct sc_http *h;
        pthread_mutex_t lock;           /* guards the list, suspended flags, stopping */
        struct stream *streams;
        int n_streams;
        bool stopping;
        bool notifier_running;
        pthread_t notifier;
};

/* ---- the stream's text -------------------------------------------------------------------- */

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

static void stream_text(struct stream *s, const char *text)
{
        size_t n = strlen(text);
        char *nb = realloc(s->buf, s->len + n);
        if (nb) {
                memcpy(nb + s->len, text, n);
                s->buf = nb;
                s->len += n;
        }
}

static void stream_events(struct stream *s)
{
        struct sc_event *v = NULL;
        size_t n = 0;
        if (sc_store_event_list(s->d->h->store, s->last_event, STREAM_EVENTS_BATCH, &v, &n) < 0)
                return;
        for (size_t i = 0; i < n; i++) {
                stream_add(s, "event", v[i].id, sc_api_event_json(&v[i]));
                s->last_event = v[i].id;
        }
        sc_store_events_free(v, n);
}

static void stream_clones(struct stream *s)
{
        int err;
        json_object *o = sc_api_clones_json(s->d->h, &err);
        if (o)
                stream_add(s, "clones", 0, o);
}

static bool seq_equal(const struct sc_store_seq *a, const struct sc_store_seq *b)
{
        return a->last_event == b->last_event && a->clones == b->clones && a->history == b->history;
}

/* Fills s->buf with what is new; false when there is nothing (not even a ping due). */
static bool stream_fill(struct stream *s, const struct sc_store_seq *now)
{
        struct sc_http *h = s->d->h;
        if (!s->started) {
                s->started = true;
                stream_text(s, "retry: 2000\n\n");
                stream_add(s, "status", 0, sc_api_status_json(h));
                stream_clones(s);
                stream_events(s);
                s->seen = *now;
        } else if (!seq_equal(now, &s->seen)) {
                if (now->history != s->seen.history)
                        stream_add(s, "status", 0, sc_api_status_json(h));
                if (now->clones != s->seen.clones)
                        stream_clones(s);
                if (now->last_event > s->last_event)
                        stream_events(s);
                s->seen = *now;
        } else if ((ss_mono_ns() / 1000) >= s->ping_due_us) {
                stream_text(s, ": ping\n\n");
        } else {
                return false;
        }
        s->ping_due_us = (ss_mono_ns() / 1000) + STREAM_PING_US;
        return true;
}

/* MHD's content reader, in MHD's thread: sends what is buffered, else what changed, else suspends
 * the connection (returning 0 without suspending would make MHD spin). */
static ssize_t stream_read(void *cls, uint64_t pos, char *out, size_t max)
{
        struct stream *s = cls;
        struct sc_dashboard *d = s->d;
        struct sc_store_seq now;

        (void)pos;
        while (s->off >= s->len) {
                s->off = s->len = 0;
                pthread_mutex_lock(&d->lock);
                if (d->stopping) {
                        pthread_mutex_unlock(&d->lock);
                        return MHD_CONTENT_READER_END_OF_STREAM;
                }
                /* Read the sequence and suspend under the lock the notifier resumes under: a
                 * change between the two cannot be missed. */
                sc_store_seq_get(d->h->store, &now);
                if (s->started && seq_equal(&now, &s->seen) && (ss_mono_ns() / 1000) < s->ping_due_us) {
                        s->suspended = true;
                        MHD_suspend_connection(s->conn);
                        pthread_mutex_unlock(&d->lock);
                        return 0;
                }
                pthread_mutex_unlock(&d->lock);
                if (!stream_fill(s, &now))
                        continue;
                if (!s->buf)
                        return MHD_CONTENT_READER_END_WITH_ERROR;
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
        struct sc_dashboard *d = s->d;
        pthread_mutex_lock(&d->lock);
        if (s->prev)
                s->prev->next = s->next;
        else
                d->streams = s->next;
        if (s->next)
                s->next->prev = s->prev;
        d->n_streams--;
        pthread_mutex_unlock(&d->lock);
        free(s->buf);
        free(s);
}

/* Resumes suspended streams: all of them (changed), or those whose ping is due. Under d->lock. */
static void resume_streams(struct sc_dashboard *d, bool all, uint64_t now_mono)
{
        for (struct stream *s = d->streams; s; s = s->next)
                if (s->suspended && (all || now_mono >= s->ping_due_us)) {
                        s->suspended = false;
                        MHD_resume_connection(s->conn);
                }
}

static void *notifier(void *arg)
{
        struct sc_dashboard *d = arg;
        struct sc_store_seq seen, now;

        sc_store_seq_get(d->h->store, &seen);
        for (;;) {
                /* Sleep until the store changes or the earliest ping is due. */
                uint64_t mono = (ss_mono_ns() / 1000), wake = mono + STREAM_PING_US;
                pthread_mutex_lock(&d->lock);
                if (d->stopping) {
                        pthread_mutex_unlock(&d->lock);
                        break;
                }
                for (struct stream *s = d->streams; s; s = s->next)
                        if (s->suspended && s->ping_due_us < wake)
                                wake = s->ping_due_us;
                pthread_mutex_unlock(&d->lock);
                int timeout_ms = wake > mono ? (int)((wake - mono + 999) / 1000) : 0;
                int r = sc_store_wait(d->h->store, &seen, timeout_ms, &now);
                pthread_mutex_lock(&d->lock);
                if (r == -ESHUTDOWN)
                        d->stopping = true;
                resume_streams(d, r != -ETIMEDOUT, (ss_mono_ns() / 1000));
                pthread_mutex_unlock(&d->lock);
                seen = now;
        }
        return NULL;
}

void sc_dashboard_stream(struct sc_http *h, struct MHD_Connection *c, struct sc_reply *r)
{
        struct sc_dashboard *d = h->dash;
        int64_t since = -1;
        const char *lei = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Last-Event-ID");

        if (sc_query_int(c, "since", 0, INT64_MAX, &since) == -EINVAL) {
                sc_reply_error(r, MHD_HTTP_BAD_REQUEST, "since must be a non-negative event id");
                return;
        }
        if (lei) {
                char *end;
                long long v = strtoll(lei, &end, 10);
                if (end != lei && !*end && v >= 0)
                        since = v;
        }
        struct stream *s = calloc(1, sizeof(*s));
        if (!s) {
                r->resp = NULL;
                return;
        }
        s->d = d;
        s->conn = c;
        sc_store_seq_get(h->store, &s->seen);
        /* Without a resume point a new client gets the recent past, not all history. */
        s->last_event = since >= 0 ? since
                                   : (s->seen.last_event > STREAM_RECENT ? s->seen.last_event - STREAM_RECENT : 0);
        pthread_mutex_lock(&d->lock);
        if (d->stopping || d->n_streams >= SC_HTTP_MAX_STREAMS) {
                bool stopping = d->stopping;
                pthread_mutex_unlock(&d->lock);
                free(s);
                if (stopping)
                        sc_reply_error(r, MHD_HTTP_SERVICE_UNAVAILABLE, "snowscaled is stopping");
                else
                        sc_reply_error(r, MHD_HTTP_SERVICE_UNAVAILABLE, "too many event streams (limit %d)",
                                       SC_HTTP_MAX_STREAMS);
                return;
        }
        if (!d->notifier_running) {
                int e = pthread_create(&d->notifier, NULL, notifier, d);
                if (e) {
                        pthread_mutex_unlock(&d->lock);
                        free(s);
                        sc_reply_error(r, MHD_HTTP_SERVICE_UNAVAILABLE, "cannot start the event stream "
                                       "notifier: %s", strerror(e));
                        return;
                }
                d->notifier_running = true;
        }
        s->next = d->streams;
        if (s->next)
                s->next->prev = s;
        d->streams = s;
        d->n_streams++;
        pthread_mutex_unlock(&d->lock);

        r->status = MHD_HTTP_OK;
        r->resp = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 16384, stream_read, s, stream_free);
        if (!r->resp) {
                stream_free(s);
                return;
        }
        MHD_add_response_header(r->resp, "Content-Type", "text/event-stream");
        MHD_add_response_header(r->resp, "Cache-Control", "no-store");
        MHD_add_response_header(r->resp, "X-Accel-Buffering", "no");
}

bool sc_dashboard_asset(const char *url, struct sc_reply *r)
{
#ifdef SC_HAVE_WEBUI
        const struct sc_webui_asset *a = sc_webui_find(url);
        if (!a)
                return false;
        r->status = MHD_HTTP_OK;
        r->resp = MHD_create_response_from_buffer(a->len, (void *)a->data, MHD_RESPMEM_PERSISTENT);
        if (r->resp) {
                MHD_add_response_header(r->resp, "Content-Type", a->content_type);
                MHD_add_response_header(r->resp, "Cache-Control", "no-cache");
        }
        return true;
#else
        (void)url;
        (void)r;
        return false;
#endif
}

int sc_dashboard_new(struct sc_http *h, struct sc_dashboard **ret)
{
        struct sc_dashboard *d = calloc(1, sizeof(*d));
        if (!d)
                return -ENOMEM;
        d->h = h;
        pthread_mutex_init(&d->lock, NULL);
        *ret = d;
        return 0;
}

void sc_dashboard_stop(struct sc_dashboard *d)
{
        if (!d)
                return;
        pthread_mutex_lock(&d->lock);
        d->stopping = true;
        resume_streams(d, true, 0);
        bool join = d->notifier_running;
        d->notifier_running = false;
        pthread_mutex_unlock(&d->lock);
        if (join)
                pthread_join(d->notifier, NULL);
}

void sc_dashboard_free(struct sc_dashboard *d)
{
        if (!d)
                return;
        pthread_mutex_destroy(&d->lock);
        free(d);
}
