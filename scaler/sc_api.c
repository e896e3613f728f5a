/* sc_api: the JSON endpoints of snowscaled. See sc_api.h and docs/api.md. */
#include "sc_api.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pol.h"
#include "sc_http_int.h"
#include "sc_json.h"
#include "sc_loop.h"
#include "sc_monitor.h"
#include "sc_store.h"
#include "ss_log.h"
#include "ss_util.h"

#define MAX_SAMPLES_PER_REQUEST 1000000
#define RETIRED_SHOWN_US (3600ull * 1000000)    /* /clones lists retired ones of the last hour */
#define HISTORY_MAX_WINDOW_S (7 * 24 * 3600)

/* ---- JSON views ------------------------------------------------------------------------- */

json_object *sc_api_status_json(struct sc_http *h)
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
                json_object_object_add(m, "metric", json_object_new_string(pol_metric_name(ls.metrics[i].metric)));
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
                json_object_object_add(w, "short", sc_window_json(&snap.short_w));
                json_object_object_add(w, "long", sc_window_json(&snap.long_w));
                json_object_object_add(o, "samples_total", json_object_new_int64((int64_t)snap.total));
                json_object_object_add(o, "samples_rejected", json_object_new_int64((int64_t)snap.rejected));
                json_object_object_add(o, "samples_lost", json_object_new_int64(
                        (int64_t)atomic_load(&h->samples_lost)));
                if (snap.front.known) {
                        json_object *fo = json_object_new_object();
                        json_object_object_add(fo, "arrived", json_object_new_int64((int64_t)snap.front.arrived));
                        json_object_object_add(fo, "inflight", json_object_new_int64((int64_t)snap.front.inflight));
                        json_object_object_add(fo, "ts_us", json_object_new_int64((int64_t)snap.front.ts_us));
                        json_object_object_add(o, "front", fo);
                } else {
                        json_object_object_add(o, "front", NULL);
                }
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

/* GET /api/v1/hosts: the worker hosts and their capacity (multi-host pools; [] otherwise) */
json_object *sc_api_hosts_json(struct sc_http *h)
{
        struct sc_loop_status *ls = malloc(sizeof(*ls));
        json_object *o = json_object_new_object(), *arr = json_object_new_array();

        if (!ls)
                return o;
        sc_loop_status(h->loop, ls);
        json_object_object_add(o, "placement", json_object_new_string(ls->n_hosts ? ls->placement : "single-host"));
        for (size_t i = 0; i < ls->n_hosts; i++) {
                const struct sc_act_host *x = &ls->hosts[i];
                json_object *j = json_object_new_object();
                json_object_object_add(j, "name", json_object_new_string(x->name));
                json_object_object_add(j, "address", json_object_new_string(x->address));
                json_object_object_add(j, "healthy", json_object_new_boolean(x->healthy));
                json_object_object_add(j, "error", x->error[0] ? json_object_new_string(x->error) : NULL);
                json_object_object_add(j, "last_seen_us", x->last_ok_us ? json_object_new_int64((int64_t)x->last_ok_us) : NULL);
                json_object_object_add(j, "max_clones", x->max_clones ? json_object_new_int(x->max_clones) : NULL);
                json_object_object_add(j, "memory_bytes", x->memory_bytes ? json_object_new_int64((int64_t)x->memory_bytes) : NULL);
                json_object_object_add(j, "clones", json_object_new_int((int)x->clones));
                json_object_object_add(j, "memory_used_bytes", json_object_new_int64((int64_t)x->memory_used_bytes));
                json_object_object_add(j, "running", json_object_new_int((int)x->running));
                json_object_array_add(arr, j);
        }
        json_object_object_add(o, "hosts", arr);
        free(ls);
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

json_object *sc_api_clones_json(struct sc_http *h, int *err)
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

json_object *sc_api_event_json(const struct sc_event *e)
{
        json_object *o = json_object_new_object();
        json_object_object_add(o, "id", json_object_new_int64(e->id));
        json_object_object_add(o, "ts_us", json_object_new_int64((int64_t)e->ts_us));
        json_object_object_add(o, "kind", json_object_new_string(e->kind));
        json_object_object_add(o, "message", json_object_new_string(e->message));
        json_object_object_add(o, "data", e->data ? json_tokener_parse(e->data) : NULL);
        return o;
}


/* ---- GET ---------------------------------------------------------------------------------- */

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

static void get_events(struct sc_http *h, struct MHD_Connection *c, struct sc_reply *r)
{
        int64_t since = 0, limit = 100, last = 0;
        struct sc_event *v = NULL;
        size_t n = 0;

        if (sc_query_int(c, "since", 0, INT64_MAX, &since) == -EINVAL) {
                sc_reply_error(r, MHD_HTTP_BAD_REQUEST, "since must be a non-negative event id");
                return;
        }
        if (sc_query_int(c, "limit", 1, 1000, &limit) == -EINVAL) {
                sc_reply_error(r, MHD_HTTP_BAD_REQUEST, "limit must be an integer in 1..1000");
                return;
        }
        int lr = sc_query_int(c, "last", 1, 1000, &last);
        if (lr == -EINVAL) {
                sc_reply_error(r, MHD_HTTP_BAD_REQUEST, "last must be an integer in 1..1000");
                return;
        }
        if (lr == 0) {
                /* ids are consecutive apart from pruning at the old end */
                struct sc_store_seq seq;
                sc_store_seq_get(h->store, &seq);
                since = seq.last_event > last ? seq.last_event - last : 0;
                limit = last;
        }
        int err = sc_store_event_list(h->store, since, (size_t)limit, &v, &n);
        if (err < 0) {
                sc_reply_error(r, MHD_HTTP_INTERNAL_SERVER_ERROR, "cannot read events: %s",
                               strerror(-err));
                return;
        }
        json_object *arr = json_object_new_array();
        for (size_t i = 0; i < n; i++)
                json_object_array_add(arr, sc_api_event_json(&v[i]));
        json_object *o = json_object_new_object();
        json_object_object_add(o, "events", arr);
        json_object_object_add(o, "next", json_object_new_int64(n ? v[n - 1].id : since));
        sc_store_events_free(v, n);
        sc_reply_json(r, MHD_HTTP_OK, o);
}

static void get_history(struct sc_http *h, struct MHD_Connection *c, struct sc_reply *r)
{
        int64_t window = 600;
        struct sc_history_point *v = NULL;
        size_t n = 0;

        if (sc_query_int(c, "window", 1, HISTORY_MAX_WINDOW_S, &window) == -EINVAL) {
                sc_reply_error(r, MHD_HTTP_BAD_REQUEST, "window must be seconds in 1..%d",
                               HISTORY_MAX_WINDOW_S);
                return;
        }
        uint64_t now = ss_wall_us(), span = (uint64_t)window * 1000000;
        int err = sc_store_history_list(h->store, now > span ? now - span : 0, 0, &v, &n);
        if (err < 0) {
                sc_reply_error(r, MHD_HTTP_INTERNAL_SERVER_ERROR, "cannot read history: %s",
                               strerror(-err));
                return;
        }
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
        sc_reply_json(r, MHD_HTTP_OK, o);
}

bool sc_api_get(struct sc_http *h, struct MHD_Connection *c, const char *url, struct sc_reply *r)
{
        int err = 0;

        if (strcmp(url, "/healthz") == 0) {
                json_object *o = json_object_new_object();
                json_object_object_add(o, "ok", json_object_new_boolean(true));
                sc_reply_json(r, MHD_HTTP_OK, o);
        } else if (strcmp(url, SC_API "/status") == 0) {
                sc_reply_json(r, MHD_HTTP_OK, sc_api_status_json(h));
        } else if (strcmp(url, SC_API "/hosts") == 0) {
                sc_reply_json(r, MHD_HTTP_OK, sc_api_hosts_json(h));
        } else if (strcmp(url, SC_API "/clones") == 0) {
                json_object *o = sc_api_clones_json(h, &err);
                if (o)
                        sc_reply_json(r, MHD_HTTP_OK, o);
                else
                        sc_reply_error(r, MHD_HTTP_INTERNAL_SERVER_ERROR, "cannot read clones: %s",
                                       strerror(-err));
        } else if (strncmp(url, SC_API "/clones/", sizeof(SC_API "/clones/") - 1) == 0) {
                const char *id = url + sizeof(SC_API "/clones/") - 1;
                struct sc_clone cl;
                struct sc_monitor_snapshot snap;
                if (!valid_id(id, strlen(id)) || sc_store_clone_get(h->store, id, &cl) < 0) {
                        sc_reply_error(r, MHD_HTTP_NOT_FOUND, "no clone %.40s", id);
                        return true;
                }
                bool hs = sc_monitor_snapshot(h->mon, ss_wall_us(), &snap) == 0;
                json_object *o = clone_json(h->store, &cl, hs ? &snap : NULL);
                if (hs)
                        sc_monitor_snapshot_free(&snap);
                sc_reply_json(r, MHD_HTTP_OK, o);
        } else if (strcmp(url, SC_API "/events") == 0) {
                get_events(h, c, r);
        } else if (strcmp(url, SC_API "/metrics/history") == 0) {
                get_history(h, c, r);
        } else {
                return false;
        }
        return true;
}

/* ---- POST --------------------------------------------------------------------------------- */

enum sc_api_post sc_api_post_endpoint(const char *url, char *id, size_t idlen)
{
        static const char pfx[] = SC_API "/clones/", sfx[] = "/retire";
        size_t pl = sizeof(pfx) - 1, sl = sizeof(sfx) - 1, ul = strlen(url);

        id[0] = 0;
        if (strcmp(url, SC_API "/samples") == 0)
                return SC_POST_SAMPLES;
        if (strcmp(url, SC_API "/scale") == 0)
                return SC_POST_SCALE;
        if (strcmp(url, SC_API "/generation") == 0)
                return SC_POST_GENERATION;
        if (strncmp(url, pfx, pl) == 0 && ul > pl + sl && strcmp(url + ul - sl, sfx) == 0) {
                size_t il = ul - pl - sl;
                if (valid_id(url + pl, il) && il < idlen) {
                        memcpy(id, url + pl, il);
                        id[il] = 0;
                }
                return SC_POST_RETIRE;
        }
        return SC_POST_NONE;
}

const char *sc_api_post_refuses(enum sc_api_post ep, const char *ctype)
{
        bool json = strcmp(ctype, "application/json") == 0;
        switch (ep) {
        case SC_POST_SAMPLES:
                return json || strcmp(ctype, "text/plain") == 0 ? NULL : "application/json or text/plain";
        case SC_POST_SCALE:
                return json ? NULL : "application/json";
        default:
                return NULL;            /* no body: any type (curl -d '' sends a form type) */
        }
}

/* Keys written in the text of a valid JSON document (every ':' outside strings follows one). */
static size_t keys_written(const char *s, size_t n)
{
        size_t keys = 0;
        bool str = false;
        for (size_t i = 0; i < n; i++) {
                if (str) {
                        if (s[i] == '\\')
                                i++;
                        else if (s[i] == '"')
                                str = false;
                } else if (s[i] == '"') {
                        str = true;
                } else if (s[i] == ':') {
                        keys++;
                }
        }
        return keys;
}

/* Keys json-c kept: a duplicate key replaces the earlier one, so fewer than were written. */
static size_t keys_kept(json_object *o)
{
        size_t keys = 0;
        if (json_object_is_type(o, json_type_object)) {
                json_object_object_foreach(o, k, v) {
                        (void)k;
                        keys += 1 + keys_kept(v);
                }
        } else if (json_object_is_type(o, json_type_array)) {
                for (size_t i = 0; i < json_object_array_length(o); i++)
                        keys += keys_kept(json_object_array_get_idx(o, i));
        }
        return keys;
}

/* The body as one JSON object, strictly (RFC 8259): no trailing commas or other json-c leniency,
 * nothing but whitespace after it, no key twice in an object. NULL with a sentence in err. */
static json_object *parse_object(const struct sc_body *b, int depth, char *err, size_t errlen)
{
        json_tokener *tok = json_tokener_new_ex(depth);
        json_object *o = NULL;

        if (!tok) {
                snprintf(err, errlen, "out of memory");
                return NULL;
        }
        json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
        if (b->len > INT_MAX) {
                snprintf(err, errlen, "body too large");
                goto out;
        }
        o = json_tokener_parse_ex(tok, b->data, (int)b->len);
        enum json_tokener_error e = json_tokener_get_error(tok);
        if (!o || e != json_tokener_success) {
                if (e == json_tokener_continue || e == json_tokener_success)
                        snprintf(err, errlen, "malformed JSON: the body ends inside a value");
                else
                        snprintf(err, errlen, "malformed JSON at offset %zu: %s",
                                 json_tokener_get_parse_end(tok), json_tokener_error_desc(e));
                json_object_put(o);
                o = NULL;
                goto out;
        }
        for (size_t i = json_tokener_get_parse_end(tok); i < b->len; i++)
                if (b->data[i] != ' ' && b->data[i] != '\n' && b->data[i] != '\r' && b->data[i] != '\t') {
                        snprintf(err, errlen, "malformed JSON: data after the value at offset %zu", i);
                        goto bad;
                }
        if (!json_object_is_type(o, json_type_object)) {
                snprintf(err, errlen, "expected a JSON object");
                goto bad;
        }
        if (keys_written(b->data, b->len) != keys_kept(o)) {
                snprintf(err, errlen, "malformed JSON: a key appears twice in one object");
                goto bad;
        }
        goto out;
bad:
        json_object_put(o);
        o = NULL;
out:
        json_tokener_free(tok);
        return o;
}

/* "front": {"arrived":N,"inflight":N,"ts_us":N}, all three non-negative integers, nothing else. */
static bool parse_front(json_object *o, struct sc_front *f, char *err, size_t errlen)
{
        int have = 0;

        if (!json_object_is_type(o, json_type_object)) {
                snprintf(err, errlen, "\"front\" must be an object {\"arrived\",\"inflight\",\"ts_us\"}");
                return false;
        }
        json_object_object_foreach(o, k, x) {
                uint64_t *dst = !strcmp(k, "arrived") ? &f->arrived : !strcmp(k, "inflight") ? &f->inflight :
                                !strcmp(k, "ts_us") ? &f->ts_us : NULL;
                if (!dst) {
                        snprintf(err, errlen, "front: unknown field \"%.40s\"", k);
                        return false;
                }
                if (!json_object_is_type(x, json_type_int) || json_object_get_int64(x) < 0) {
                        snprintf(err, errlen, "front.%s must be a non-negative integer", k);
                        return false;
                }
                *dst = json_object_get_uint64(x);
                have++;
        }
        if (have != 3) {
                snprintf(err, errlen, "front: \"arrived\", \"inflight\" and \"ts_us\" are all required");
                return false;
        }
        return true;
}

static void post_samples(struct sc_http *h, const struct sc_body *b, struct sc_reply *r)
{
        struct sc_sample *v = NULL;
        size_t n = 0, acc = 0, rej = 0;
        uint64_t lost = 0;
        struct sc_front front = {0};
        char err[300] = "";
        int rc;

        bool json = strcmp(b->ctype, "application/json") == 0;
        if (json) {
                /* Strictness and "lost" here; the monitor turns the samples into its structs. The
                 * object is gone before that parse starts (two trees at once would double the
                 * memory a batch costs). */
                json_object *root = parse_object(b, 8, err, sizeof(err)), *x;
                if (!root) {
                        sc_reply_error(r, MHD_HTTP_BAD_REQUEST, "%s; nothing of this batch was kept", err);
                        return;
                }
                if (json_object_object_get_ex(root, "lost", &x)) {
                        if (!json_object_is_type(x, json_type_int) || json_object_get_int64(x) < 0) {
                                json_object_put(root);
                                sc_reply_error(r, MHD_HTTP_BAD_REQUEST, "\"lost\" must be a non-negative "
                                               "integer; nothing of this batch was kept");
                                return;
                        }
                        lost = json_object_get_uint64(x);
                }
                if (json_object_object_get_ex(root, "front", &x)) {
                        if (!parse_front(x, &front, err, sizeof(err))) {
                                json_object_put(root);
                                sc_reply_error(r, MHD_HTTP_BAD_REQUEST, "%s; nothing of this batch was kept", err);
                                return;
                        }
                        front.known = true;
                }
                json_object_put(root);
        }
        if (json)
                rc = sc_monitor_parse_json(b->data, b->len, MAX_SAMPLES_PER_REQUEST, &v, &n, err, sizeof(err));
        else
                rc = sc_monitor_parse_text(b->data, b->len, MAX_SAMPLES_PER_REQUEST, &v, &n, err, sizeof(err));
        if (rc == 0)
                sc_monitor_ingest(h->mon, v, n, ss_wall_us(), &acc, &rej);
        free(v);
        if (rc == -E2BIG) {
                sc_reply_error(r, MHD_HTTP_CONTENT_TOO_LARGE, "%s", err);
                return;
        }
        if (rc == -ENOMEM) {
                sc_reply_error(r, MHD_HTTP_SERVICE_UNAVAILABLE, "out of memory");
                return;
        }
        if (rc < 0) {
                sc_reply_error(r, MHD_HTTP_BAD_REQUEST, "%s; nothing of this batch was kept", err);
                return;
        }
        atomic_fetch_add(&h->samples_lost, lost);
        if (front.known)
                sc_monitor_front(h->mon, &front, ss_wall_us());
        if (acc || front.known)
                sc_loop_samples_arrived(h->loop);
        if (rej || lost)
                log_debug("samples: %zu accepted, %zu rejected, %" PRIu64 " lost by the collector",
                          acc, rej, lost);
        json_object *o = json_object_new_object();
        json_object_object_add(o, "accepted", json_object_new_int64((int64_t)acc));
        json_object_object_add(o, "rejected", json_object_new_int64((int64_t)rej));
        sc_reply_json(r, MHD_HTTP_ACCEPTED, o);
}

static void post_scale(struct sc_http *h, const struct sc_body *b, struct sc_reply *r)
{
        json_object *root, *d = NULL;
        bool have = false;
        char why[300];
        int desired = -1;

        root = parse_object(b, 4, why, sizeof(why));
        if (!root) {
                sc_reply_error(r, MHD_HTTP_BAD_REQUEST, "body must be a JSON object {\"desired\":N} "
                               "or {\"desired\":null}: %s", why);
                return;
        }
        json_object_object_foreach(root, k, val) {
                if (strcmp(k, "desired") != 0) {
                        sc_reply_error(r, MHD_HTTP_BAD_REQUEST, "unknown field \"%.40s\"", k);
                        goto out;
                }
                d = val;
                have = true;
        }
        if (!have) {
                sc_reply_error(r, MHD_HTTP_BAD_REQUEST, "missing \"desired\"");
                goto out;
        }
        if (d) {
                if (!json_object_is_type(d, json_type_int) || json_object_get_int64(d) < 0 ||
                    json_object_get_int64(d) > INT_MAX) {
                        sc_reply_error(r, MHD_HTTP_BAD_REQUEST, "\"desired\" must be a non-negative integer or null");
                        goto out;
                }
                desired = (int)json_object_get_int64(d);
        }
        int rc = sc_loop_scale(h->loop, desired, why, sizeof(why));
        if (rc == -ERANGE)
                sc_reply_error(r, MHD_HTTP_UNPROCESSABLE_CONTENT, "%s", why);
        else if (rc < 0)
                sc_reply_error(r, MHD_HTTP_SERVICE_UNAVAILABLE, "%s", why);
        else {
                json_object *o = json_object_new_object();
                json_object_object_add(o, "desired", desired >= 0 ? json_object_new_int(desired) : NULL);
                sc_reply_json(r, MHD_HTTP_OK, o);
        }
out:
        json_object_put(root);
}

/* The control loop's answer to a request: -errno to a status (see sc_loop.h). */
static unsigned loop_status(int rc)
{
        switch (rc) {
        case -ENOENT:
                return MHD_HTTP_NOT_FOUND;
        case -EBUSY:
        case -EAGAIN:
        case -EOPNOTSUPP:
                return MHD_HTTP_CONFLICT;
        default:
                return MHD_HTTP_SERVICE_UNAVAILABLE;
        }
}

static void post_generation(struct sc_http *h, struct sc_reply *r)
{
        char why[300];
        int rc = sc_loop_cut_generation(h->loop, why, sizeof(why));
        if (rc < 0) {
                sc_reply_error(r, loop_status(rc), "%s", why);
                return;
        }
        json_object *o = json_object_new_object();
        json_object_object_add(o, "accepted", json_object_new_boolean(true));
        sc_reply_json(r, MHD_HTTP_ACCEPTED, o);
}

static void post_retire(struct sc_http *h, const char *id, struct sc_reply *r)
{
        char why[300];
        if (!id[0]) {
                sc_reply_error(r, MHD_HTTP_NOT_FOUND, "no such clone");
                return;
        }
        int rc = sc_loop_retire(h->loop, id, why, sizeof(why));
        if (rc < 0) {
                sc_reply_error(r, loop_status(rc), "%s", why);
                return;
        }
        json_object *o = json_object_new_object();
        json_object_object_add(o, "id", json_object_new_string(id));
        json_object_object_add(o, "state", json_object_new_string("draining"));
        sc_reply_json(r, MHD_HTTP_ACCEPTED, o);
}

void sc_api_post(struct sc_http *h, enum sc_api_post ep, const char *id, const struct sc_body *b,
                 struct sc_reply *r)
{
        switch (ep) {
        case SC_POST_SAMPLES:
                post_samples(h, b, r);
                break;
        case SC_POST_SCALE:
                post_scale(h, b, r);
                break;
        case SC_POST_GENERATION:
                post_generation(h, r);
                break;
        case SC_POST_RETIRE:
                post_retire(h, id, r);
                break;
        case SC_POST_NONE:
                sc_reply_error(r, MHD_HTTP_NOT_FOUND, "no such endpoint");
                break;
        }
}
