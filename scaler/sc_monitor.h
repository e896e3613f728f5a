/* sc_monitor: per-request latency observations -> sliding-window statistics, service-wide and per
 * backend: p50/p95/p99, request rate, error rate, in-flight estimate.
 *
 * Histograms are log-bucketed (HDR style: exact below 128 µs, then 128 linear sub-buckets per
 * power of two), so any percentile is within 1/256 (0.4 %) of the exact sorted value. A window
 * is a ring of slot histograms plus their running sum: ingest touches a few counters, a query
 * scans one histogram, rotation subtracts the slot that falls out.
 *
 * Memory is bounded whatever the input: latency is capped at SC_MONITOR_MAX_LATENCY_US (larger is
 * rejected), backends beyond max_backends share the service series only (idle ones are evicted
 * first), a parsed batch is bounded by the body limit.
 *
 * Threading: ingest and queries may run on any thread; one mutex inside, held once per batch. */
#ifndef SC_MONITOR_H
#define SC_MONITOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "pol.h"

struct sc_monitor;

#define SC_MONITOR_MAX_LATENCY_US 3600000000ull        /* 1 h: anything above is a bug upstream */
#define SC_MONITOR_BACKEND_MAX 63                       /* chars of a backend name */
#define SC_MONITOR_MAX_BACKENDS 64                      /* default per-backend series kept */

struct sc_sample {
        int64_t ts_us;                  /* request end, µs since the epoch; 0 = arrival time */
        int64_t latency_us;             /* signed so that a negative input can be rejected */
        int status;
        const char *backend;            /* not NUL-terminated; "-" = nginx answered itself */
        size_t backend_len;
};

struct sc_monitor_config {
        uint64_t short_us;              /* panic window, e.g. 6 s */
        uint64_t long_us;               /* stable window, e.g. 60 s */
        size_t max_backends;            /* 0 = SC_MONITOR_MAX_BACKENDS */
        uint64_t stale_after_us;        /* no batch for this long: both windows are stale (data
                                         * missing, not an idle service); 0 = never stale */
};
/* The monitor configuration a snowscale.yaml implies (windows from the policy; stale after five
 * control ticks, at least 5 s: snowscale-lb sends a batch every second even when idle). */
struct sc_monitor_config sc_monitor_config_from(const struct pol_config *c);

int sc_monitor_new(const struct sc_monitor_config *cfg, struct sc_monitor **ret);
void sc_monitor_free(struct sc_monitor *m);
/* New window lengths (config reload): windows of a changed length restart empty. */
int sc_monitor_reconfigure(struct sc_monitor *m, const struct sc_monitor_config *cfg);

/* Adds valid samples, counts invalid ones (negative or > 1 h latency, status outside 100..599,
 * empty or too long backend, timestamp more than a minute in the future or older than the long
 * window) in *rejected. now_us: wall clock. A sample older than the short window counts in the
 * long one only. */
void sc_monitor_ingest(struct sc_monitor *m, const struct sc_sample *v, size_t n, uint64_t now_us,
                       size_t *accepted, size_t *rejected);

struct sc_backend_stats {
        char backend[SC_MONITOR_BACKEND_MAX + 1];
        struct pol_window_stats short_w, long_w;
};
/* What the front counted (POST /api/v1/samples "front"): requests that reached its balancer since
 * it started -- arrivals, including those still waiting for a worker -- and how many of them were
 * unfinished, at ts_us. known = false: no front reported them within the stale time. */
struct sc_front {
        bool known;
        uint64_t arrived, inflight;
        uint64_t ts_us;                 /* when the front read them, µs since the epoch */
};
/* Keeps the front's newest counters (a batch's "front"); now_us: wall clock at receipt. */
void sc_monitor_front(struct sc_monitor *m, const struct sc_front *f, uint64_t now_us);

struct sc_monitor_snapshot {
        struct pol_window_stats short_w, long_w;        /* service-wide */
        struct sc_backend_stats *backends;              /* malloc'd, n_backends */
        size_t n_backends;
        uint64_t total, errors, rejected;               /* since start */
        uint64_t total_latency_us;                      /* sum of the total's latencies */
        uint64_t backends_overflow;                     /* samples not given a backend series */
        uint64_t last_batch_us;                         /* newest batch (0 = none yet); the
                                                         * collector sends empty ones while idle */
        struct sc_front front;                          /* the front's arrival counters */
};
/* Rotates windows to now_us and fills *ret; free with sc_monitor_snapshot_free(). */
int sc_monitor_snapshot(struct sc_monitor *m, uint64_t now_us, struct sc_monitor_snapshot *ret);
void sc_monitor_snapshot_free(struct sc_monitor_snapshot *s);
/* The service-wide request histogram since start, at the fixed /metrics bucket bounds (sc_metrics.c
 * writes it, with the snapshot's counters and windows). */
#define SC_MONITOR_PROM_BUCKETS 14
struct sc_monitor_totals {
        uint64_t le_us[SC_MONITOR_PROM_BUCKETS];        /* bucket upper bounds, ascending */
        uint64_t bucket[SC_MONITOR_PROM_BUCKETS];       /* requests in (le_us[i-1], le_us[i]] */
        uint64_t count, sum_us;                         /* all requests (also beyond the last bound) */
};
void sc_monitor_totals(struct sc_monitor *m, struct sc_monitor_totals *ret);

/* ---- batch parsing (POST /api/v1/samples; sc_ingest.c) --------------------------------- */
/* Both parse a whole body into *ret (one malloc'd block, free()). Text samples' backend names
 * point into buf (keep it while using them); JSON ones into the same block. A malformed body is -EINVAL with a sentence in err naming the
 * line or sample; nothing is returned then. Value checks (negative latency …) are left to ingest.
 * max_samples bounds the array (-E2BIG beyond it). */
/* Text: one sample per line, "TS_US BACKEND LATENCY_US STATUS", blank lines ignored. */
int sc_monitor_parse_text(const char *buf, size_t len, size_t max_samples,
                          struct sc_sample **ret, size_t *n, char *err, size_t errlen);
/* JSON: {"samples":[{"backend":"…","latency_us":N,"status":N,"ts_us":N}, …]}; unknown fields and
 * wrong types are errors, except the top-level "lost" and "front", which are the caller's (the
 * HTTP API). buf must be NUL-terminated at len. */
int sc_monitor_parse_json(const char *buf, size_t len, size_t max_samples,
                          struct sc_sample **ret, size_t *n, char *err, size_t errlen);

/* ---- histogram internals, exposed for tests and the benchmark --------------------------- */
#define SC_HIST_BUCKETS 3328
unsigned sc_hist_bucket(uint64_t v);            /* v < 2^32 */
double sc_hist_value(unsigned bucket);          /* representative value (bucket midpoint) */

#endif
