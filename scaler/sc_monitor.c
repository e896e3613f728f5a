/* sc_monitor: sliding-window latency statistics. See sc_monitor.h (batch parsing: sc_ingest.c). */
#include "sc_monitor.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define SUB_BITS 7                      /* 128 sub-buckets per power of two */
#define SUB (1u << SUB_BITS)
#define SHORT_SLOTS 6
#define LONG_SLOTS 12
#define INDEX_SIZE 256                  /* open-addressing index, > 2 x max backends */
#define FUTURE_SKEW_US 60000000ll       /* timestamps further ahead are rejected */

_Static_assert(SC_HIST_BUCKETS == ((32 - SUB_BITS) << SUB_BITS) + SUB, "bucket count");
_Static_assert(SC_MONITOR_MAX_LATENCY_US < (1ull << 32), "latency fits the histogram");
_Static_assert(INDEX_SIZE >= 2 * (SC_MONITOR_MAX_BACKENDS + 1), "index load");

/* Prometheus bucket bounds in µs (le, seconds = /1e6). */
static const uint64_t prom_le_us[] = {
        500, 1000, 2500, 5000, 10000, 25000, 50000, 100000, 250000, 500000,
        1000000, 2500000, 5000000, 10000000,
};
#define PROM_N (sizeof(prom_le_us) / sizeof(prom_le_us[0]))

unsigned sc_hist_bucket(uint64_t v)
{
        if (v < SUB)
                return (unsigned)v;
        unsigned e = 63u - (unsigned)__builtin_clzll(v);        /* v in [2^e, 2^(e+1)) */
        return ((e - SUB_BITS) << SUB_BITS) + (unsigned)(v >> (e - SUB_BITS));
}

double sc_hist_value(unsigned b)
{
        if (b < SUB)
                return b;
        unsigned e = (b >> SUB_BITS) + SUB_BITS - 1;
        uint64_t m = (b & (SUB - 1)) + SUB;
        uint64_t width = 1ull << (e - SUB_BITS);
        return (double)(m << (e - SUB_BITS)) + (double)(width - 1) / 2.0;
}

struct slot {
        uint32_t b[SC_HIST_BUCKETS];
        uint64_t count, errors, sum_us;
        int64_t epoch;                  /* which slot_us-long interval this holds */
        unsigned lo, hi;                /* touched bucket range, so clearing is cheap */
};

struct window {
        uint64_t len_us, slot_us;
        unsigned nslots;
        int64_t head;                   /* epoch of the newest slot; -1 before the first use */
        uint64_t started_us;
        struct slot *slots;
        uint64_t b[SC_HIST_BUCKETS];    /* sum of the slots */
        uint64_t count, errors, sum_us;
};

struct series {
        char name[SC_MONITOR_BACKEND_MAX + 1];
        size_t name_len;
        uint64_t hash;
        uint64_t last_us;               /* newest sample, for eviction */
        struct window w[2];             /* short, long */
};

struct sc_monitor {
        pthread_mutex_t lock;
        struct sc_monitor_config cfg;
        struct series service;
        struct series **backends;       /* max_backends pointers, allocated on first use */
        size_t n_backends;
        uint16_t index[INDEX_SIZE];     /* backend idx + 1, 0 = empty */
        struct series *last;            /* cache: consecutive samples often share a backend */
        uint64_t total, errors, rejected, overflow, sum_us;
        uint64_t prom[PROM_N];
        uint64_t last_batch_us;         /* newest batch, even an empty one (collector heartbeat) */
        struct sc_front front;          /* newest front counters */
        uint64_t front_rx_us;           /* when they came */
};

static int window_init(struct window *w, uint64_t len_us, unsigned nslots)
{
        memset(w, 0, sizeof(*w));
        w->len_us = len_us;
        w->nslots = nslots;
        w->slot_us = len_us / nslots ? len_us / nslots : 1;
        w->head = -1;
        w->slots = calloc(nslots, sizeof(*w->slots));
        return w->slots ? 0 : -ENOMEM;
}

static void window_free(struct window *w)
{
        free(w->slots);
        w->slots = NULL;
}

static void slot_clear(struct window *w, struct slot *s)
{
        if (s->count) {
                for (unsigned i = s->lo; i <= s->hi; i++) {
                        w->b[i] -= s->b[i];
                        s->b[i] = 0;
                }
                w->count -= s->count;
                w->errors -= s->errors;
                w->sum_us -= s->sum_us;
        }
        s->count = s->errors = s->sum_us = 0;
        s->lo = SC_HIST_BUCKETS;
        s->hi = 0;
}

/* Moves the ring so that its newest slot covers now_us. */
static void window_advance(struct window *w, uint64_t now_us)
{
        int64_t e = (int64_t)(now_us / w->slot_us);
        if (w->head < 0) {
                w->head = e;
                w->started_us = now_us;
                for (unsigned k = 0; k < w->nslots; k++) {
                        int64_t ep = e - k;
                        struct slot *s = &w->slots[(uint64_t)ep % w->nslots];
                        s->epoch = ep;
                        s->lo = SC_HIST_BUCKETS;
                }
                return;
        }
        if (e <= w->head)               /* same slot, or the wall clock stepped back */
                return;
        int64_t from = w->head + 1;
        if (e - from >= (int64_t)w->nslots)
                from = e - w->nslots + 1;
        for (int64_t k = from; k <= e; k++) {
                struct slot *s = &w->slots[(uint64_t)k % w->nslots];
                slot_clear(w, s);
                s->epoch = k;
        }
        w->head = e;
}

static inline void window_add(struct window *w, int64_t ts_us, unsigned b, uint64_t lat, bool err)
{
        int64_t e = ts_us / (int64_t)w->slot_us;
        if (e > w->head)
                e = w->head;
        else if (e <= w->head - (int64_t)w->nslots)
                return;                 /* older than this window */
        struct slot *s = &w->slots[(uint64_t)e % w->nslots];
        s->b[b]++;
        s->count++;
        s->errors += err;
        s->sum_us += lat;
        if (b < s->lo)
                s->lo = b;
        if (b > s->hi)
                s->hi = b;
        w->b[b]++;
        w->count++;
        w->errors += err;
        w->sum_us += lat;
}

static void window_stats(const struct window *w, uint64_t now_us, struct pol_window_stats *st)
{
        memset(st, 0, sizeof(*st));
        st->window_us = w->len_us;
        st->count = w->count;
        if (w->head < 0 || w->count == 0)
                return;
        /* Time covered: full older slots plus the elapsed part of the newest one, but never more
         * than the monitor has been running (so the first seconds do not understate the rate). */
        uint64_t head_start = (uint64_t)w->head * w->slot_us;
        uint64_t covered = (w->nslots - 1) * w->slot_us + (now_us > head_start ? now_us - head_start : 0);
        if (now_us > w->started_us && now_us - w->started_us < covered)
                covered = now_us - w->started_us;
        if (covered < 1000000 && covered < w->len_us)
                covered = w->len_us < 1000000 ? w->len_us : 1000000;
        st->rps = (double)w->count * 1e6 / (double)covered;
        st->error_rate = (double)w->errors / (double)w->count;
        st->inflight = st->rps * ((double)w->sum_us / (double)w->count) / 1e6;

        /* Nearest-rank percentiles: the value at rank ceil(q * n) lies in the bucket found. */
        const double qs[3] = { 0.50, 0.95, 0.99 };
        double *outs[3] = { &st->p50_us, &st->p95_us, &st->p99_us };
        uint64_t ranks[3], cum = 0;
        for (int i = 0; i < 3; i++) {
                ranks[i] = (uint64_t)ceil(qs[i] * (double)w->count);
                if (ranks[i] < 1)
                        ranks[i] = 1;
        }
        int qi = 0;
        for (unsigned b = 0; b < SC_HIST_BUCKETS && qi < 3; b++) {
                cum += w->b[b];
                while (qi < 3 && cum >= ranks[qi])
                        *outs[qi++] = sc_hist_value(b);
        }
}

static int series_init(struct series *s, const struct sc_monitor_config *cfg)
{
        int r = window_init(&s->w[0], cfg->short_us, SHORT_SLOTS);
        if (r == 0)
                r = window_init(&s->w[1], cfg->long_us, LONG_SLOTS);
        if (r < 0) {
                window_free(&s->w[0]);
                window_free(&s->w[1]);
        }
        return r;
}

static void series_free(struct series *s)
{
        if (!s)
                return;
        window_free(&s->w[0]);
        window_free(&s->w[1]);
}

struct sc_monitor_config sc_monitor_config_from(const struct pol_config *c)
{
        uint64_t stale = 5 * c->tick_us > 5000000 ? 5 * c->tick_us : 5000000;

        return (struct sc_monitor_config){
                .short_us = c->policy.panic_window_us ? c->policy.panic_window_us : 6000000,
                .long_us = c->policy.stable_window_us ? c->policy.stable_window_us : 60000000,
                .stale_after_us = stale,
        };
}

static int check_config(struct sc_monitor_config *c)
{
        if (c->short_us < 1000 || c->long_us < 1000 || c->short_us > 3600ull * 1000000 ||
            c->long_us > 24ull * 3600 * 1000000)
                return -EINVAL;
        if (c->max_backends == 0)
                c->max_backends = SC_MONITOR_MAX_BACKENDS;
        if (c->max_backends > SC_MONITOR_MAX_BACKENDS)
                return -EINVAL;
        return 0;
}

int sc_monitor_new(const struct sc_monitor_config *cfg, struct sc_monitor **ret)
{
        struct sc_monitor *m = NULL;
        struct sc_monitor_config c = *cfg;
        int r = check_config(&c);
        if (r < 0)
                return r;
        m = calloc(1, sizeof(*m));
        if (!m)
                return -ENOMEM;
        m->cfg = c;
        m->backends = calloc(c.max_backends, sizeof(*m->backends));
        if (!m->backends) {
                free(m);
                return -ENOMEM;
        }
        r = series_init(&m->service, &c);
        if (r < 0) {
                free(m->backends);
                free(m);
                return r;
        }
        pthread_mutex_init(&m->lock, NULL);
        *ret = m;
        return 0;
}

void sc_monitor_free(struct sc_monitor *m)
{
        if (!m)
                return;
        series_free(&m->service);
        for (size_t i = 0; i < m->n_backends; i++) {
                series_free(m->backends[i]);
                free(m->backends[i]);
        }
        free(m->backends);
        pthread_mutex_destroy(&m->lock);
        free(m);
}

int sc_monitor_reconfigure(struct sc_monitor *m, const struct sc_monitor_config *cfg)
{
        struct sc_monitor_config c = *cfg;
        int r = check_config(&c);
        if (r < 0)
                return r;
        pthread_mutex_lock(&m->lock);
        m->cfg.stale_after_us = c.stale_after_us;
        if (c.short_us == m->cfg.short_us && c.long_us == m->cfg.long_us) {
                pthread_mutex_unlock(&m->lock);
                return 0;
        }
        /* Build every new series first so that a failure leaves the old ones intact. */
        struct series fresh;
        r = series_init(&fresh, &c);
        if (r < 0)
                goto out;
        series_free(&m->service);
        m->service.w[0] = fresh.w[0];
        m->service.w[1] = fresh.w[1];
        /* Backend series restart too; dropping them is cheaper than resizing each. */
        for (size_t i = 0; i < m->n_backends; i++) {
                series_free(m->backends[i]);
                free(m->backends[i]);
                m->backends[i] = NULL;
        }
        m->n_backends = 0;
        memset(m->index, 0, sizeof(m->index));
        m->last = NULL;
        m->cfg.short_us = c.short_us;
        m->cfg.long_us = c.long_us;
out:
        pthread_mutex_unlock(&m->lock);
        return r;
}

static uint64_t hash_name(const char *p, size_t n)
{
        uint64_t h = 1469598103934665603ull;            /* FNV-1a */
        for (size_t i = 0; i < n; i++) {
                h ^= (unsigned char)p[i];
                h *= 1099511628211ull;
        }
        return h;
}

static void index_put(struct sc_monitor *m, size_t idx)
{
        unsigned pos = (unsigned)(m->backends[idx]->hash & (INDEX_SIZE - 1));
        while (m->index[pos])
                pos = (pos + 1) & (INDEX_SIZE - 1);
        m->index[pos] = (uint16_t)(idx + 1);
}

/* The series for a backend, creating (or recycling an idle one) when needed; NULL when the
 * table is full of active backends. Caller holds the lock. */
static struct series *backend_series(struct sc_monitor *m, const char *name, size_t len,
                                     uint64_t now_us)
{
        uint64_t h = hash_name(name, len);
        unsigned pos = (unsigned)(h & (INDEX_SIZE - 1));
        struct series *s;

        while (m->index[pos]) {
                s = m->backends[m->index[pos] - 1];
                if (s->hash == h && s->name_len == len && memcmp(s->name, name, len) == 0)
                        return s;
                pos = (pos + 1) & (INDEX_SIZE - 1);
        }
        if (m->n_backends < m->cfg.max_backends) {
                s = calloc(1, sizeof(*s));
                if (!s || series_init(s, &m->cfg) < 0) {
                        free(s);
                        return NULL;
                }
                m->backends[m->n_backends] = s;
                m->n_backends++;
        } else {
                /* Recycle the backend idle the longest, if it has left the long window. */
                size_t victim = 0;
                for (size_t i = 1; i < m->n_backends; i++)
                        if (m->backends[i]->last_us < m->backends[victim]->last_us)
                                victim = i;
                s = m->backends[victim];
                if (s->last_us + m->cfg.long_us > now_us)
                        return NULL;
                series_free(s);
                if (series_init(s, &m->cfg) < 0) {
                        /* Keep the table consistent: drop the slot entirely. */
                        free(s);
                        m->backends[victim] = m->backends[--m->n_backends];
                        s = NULL;
                }
                memset(m->index, 0, sizeof(m->index));
                for (size_t i = 0; i < m->n_backends; i++)
                        if (m->backends[i] != s)
                                index_put(m, i);
                if (!s)
                        return NULL;
                if (m->last == s)
                        m->last = NULL;
                memcpy(s->name, name, len);
                s->name[len] = 0;
                s->name_len = len;
                s->hash = h;
                s->last_us = now_us;
                index_put(m, victim);
                return s;
        }
        memcpy(s->name, name, len);
        s->name[len] = 0;
        s->name_len = len;
        s->hash = h;
        s->last_us = now_us;
        index_put(m, m->n_backends - 1);
        return s;
}

static bool backend_ok(const char *p, size_t n)
{
        if (n == 0 || n > SC_MONITOR_BACKEND_MAX)
                return false;
        for (size_t i = 0; i < n; i++)
                if ((unsigned char)p[i] <= ' ' || p[i] == '"' || p[i] == '\\' || p[i] == 0x7f)
                        return false;
        return true;
}

void sc_monitor_ingest(struct sc_monitor *m, const struct sc_sample *v, size_t n, uint64_t now_us,
                       size_t *accepted, size_t *rejected)
{
        size_t acc = 0, rej = 0;

        pthread_mutex_lock(&m->lock);
        m->last_batch_us = now_us;
        window_advance(&m->service.w[0], now_us);
        window_advance(&m->service.w[1], now_us);
        for (size_t i = 0; i < n; i++) {
                const struct sc_sample *x = &v[i];
                int64_t ts = x->ts_us ? x->ts_us : (int64_t)now_us;
                if (x->latency_us < 0 || (uint64_t)x->latency_us > SC_MONITOR_MAX_LATENCY_US ||
                    x->status < 100 || x->status > 599 || x->ts_us < 0 ||
                    ts > (int64_t)now_us + FUTURE_SKEW_US || ts + (int64_t)m->cfg.long_us < (int64_t)now_us ||
                    !backend_ok(x->backend, x->backend_len)) {
                        rej++;
                        continue;
                }
                uint64_t lat = (uint64_t)x->latency_us;
                unsigned b = sc_hist_bucket(lat);
                bool err = x->status >= 500;
                acc++;
                m->total++;
                m->errors += err;
                m->sum_us += lat;
                for (size_t k = 0; k < PROM_N; k++)
                        if (lat <= prom_le_us[k]) {
                                m->prom[k]++;
                                break;
                        }
                window_add(&m->service.w[0], ts, b, lat, err);
                window_add(&m->service.w[1], ts, b, lat, err);
                m->service.last_us = now_us;

                if (x->backend_len == 1 && x->backend[0] == '-')
                        continue;       /* nginx answered itself: no backend to account */
                struct series *s = m->last;
                if (!s || s->name_len != x->backend_len ||
                    memcmp(s->name, x->backend, x->backend_len) != 0) {
                        s = backend_series(m, x->backend, x->backend_len, now_us);
                        if (!s) {
                                m->overflow++;
                                continue;
                        }
                        m->last = s;
                        window_advance(&s->w[0], now_us);
                        window_advance(&s->w[1], now_us);
                }
                s->last_us = now_us;
                window_add(&s->w[0], ts, b, lat, err);
                window_add(&s->w[1], ts, b, lat, err);
        }
        m->rejected += rej;
        /* The cache must not survive into a later batch without advancing that series. */
        m->last = NULL;
        pthread_mutex_unlock(&m->lock);
        if (accepted)
                *accepted = acc;
        if (rejected)
                *rejected = rej;
}

int sc_monitor_snapshot(struct sc_monitor *m, uint64_t now_us, struct sc_monitor_snapshot *ret)
{
        memset(ret, 0, sizeof(*ret));
        pthread_mutex_lock(&m->lock);
        for (int k = 0; k < 2; k++)
                window_advance(&m->service.w[k], now_us);
        window_stats(&m->service.w[0], now_us, &ret->short_w);
        window_stats(&m->service.w[1], now_us, &ret->long_w);
        /* Missing data must never read as an idle service (HPA's rule: it never causes a
         * scale-down): no batch at all lately means the collector is gone, not the load. */
        if (m->cfg.stale_after_us &&
            (m->last_batch_us == 0 || now_us > m->last_batch_us + m->cfg.stale_after_us))
                ret->short_w.stale = ret->long_w.stale = true;
        ret->total = m->total;
        ret->total_latency_us = m->sum_us;
        ret->errors = m->errors;
        ret->rejected = m->rejected;
        ret->last_batch_us = m->last_batch_us;
        if (m->front.known && (!m->cfg.stale_after_us || now_us <= m->front_rx_us + m->cfg.stale_after_us))
                ret->front = m->front;
        ret->backends_overflow = m->overflow;
        if (m->n_backends) {
                ret->backends = calloc(m->n_backends, sizeof(*ret->backends));
                if (!ret->backends) {
                        pthread_mutex_unlock(&m->lock);
                        return -ENOMEM;
                }
        }
        for (size_t i = 0; i < m->n_backends; i++) {
                struct series *s = m->backends[i];
                struct sc_backend_stats *b = &ret->backends[ret->n_backends];
                for (int k = 0; k < 2; k++)
                        window_advance(&s->w[k], now_us);
                if (s->w[1].count == 0)
                        continue;       /* left the long window: nothing to say */
                memcpy(b->backend, s->name, s->name_len + 1);
                window_stats(&s->w[0], now_us, &b->short_w);
                window_stats(&s->w[1], now_us, &b->long_w);
                ret->n_backends++;
        }
        pthread_mutex_unlock(&m->lock);
        return 0;
}

void sc_monitor_front(struct sc_monitor *m, const struct sc_front *f, uint64_t now_us)
{
        pthread_mutex_lock(&m->lock);
        m->front = *f;
        m->front.known = true;
        m->front_rx_us = now_us;
        pthread_mutex_unlock(&m->lock);
}

void sc_monitor_snapshot_free(struct sc_monitor_snapshot *s)
{
        if (!s)
                return;
        free(s->backends);
        s->backends = NULL;
        s->n_backends = 0;
}

void sc_monitor_totals(struct sc_monitor *m, struct sc_monitor_totals *ret)
{
        _Static_assert(PROM_N == SC_MONITOR_PROM_BUCKETS, "bucket count");
        memcpy(ret->le_us, prom_le_us, sizeof(ret->le_us));
        pthread_mutex_lock(&m->lock);
        memcpy(ret->bucket, m->prom, sizeof(ret->bucket));
        ret->count = m->total;
        ret->sum_us = m->sum_us;
        pthread_mutex_unlock(&m->lock);
}
