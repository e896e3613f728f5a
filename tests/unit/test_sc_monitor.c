/* sc_monitor: histogram accuracy against exact sorted percentiles, window rotation, bounded
 * backends, sample validation, batch parsing (sc_ingest.c) and the totals /metrics reads. */
#include <errno.h>
#include <inttypes.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

#include <cmocka.h>

#include "sc_monitor.h"

#define SEC 1000000ull
#define T0 (1763776800ull * SEC)        /* a fixed wall time: tests use synthetic clocks */

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;
static uint64_t rnd(void)
{
        rng_state ^= rng_state << 13;
        rng_state ^= rng_state >> 7;
        rng_state ^= rng_state << 17;
        return rng_state;
}

static int cmp_i64(const void *a, const void *b)
{
        int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
        return (x > y) - (x < y);
}

static double exact_pct(const int64_t *sorted, size_t n, double q)
{
        size_t rank = (size_t)ceil(q * (double)n);
        if (rank < 1)
                rank = 1;
        return (double)sorted[rank - 1];
}

static struct sc_monitor *new_mon(uint64_t short_us, uint64_t long_us)
{
        struct sc_monitor *m = NULL;
        struct sc_monitor_config c = { .short_us = short_us, .long_us = long_us };
        assert_int_equal(sc_monitor_new(&c, &m), 0);
        return m;
}

static void ingest_one(struct sc_monitor *m, const char *backend, int64_t lat, int status,
                       uint64_t ts, uint64_t now)
{
        struct sc_sample s = { .ts_us = (int64_t)ts, .latency_us = lat, .status = status,
                               .backend = backend, .backend_len = strlen(backend) };
        size_t a, r;
        sc_monitor_ingest(m, &s, 1, now, &a, &r);
}

static void test_bucket_roundtrip(void **state)
{
        (void)state;
        /* Every value maps into a bucket whose representative is within 0.4 %. */
        for (uint64_t v = 0; v < 2000000; v += 1 + v / 1000) {
                unsigned b = sc_hist_bucket(v);
                assert_true(b < SC_HIST_BUCKETS);
                double r = sc_hist_value(b);
                assert_true(fabs(r - (double)v) <= (double)v / 256.0 + 1e-9);
        }
        assert_true(sc_hist_bucket(SC_MONITOR_MAX_LATENCY_US) < SC_HIST_BUCKETS);
        assert_int_equal(sc_hist_bucket((1ull << 32) - 1), SC_HIST_BUCKETS - 1);
        /* monotonic */
        for (uint64_t v = 1; v < 100000; v++)
                assert_true(sc_hist_bucket(v) >= sc_hist_bucket(v - 1));
}

/* Several distributions; each percentile within 1 % of the exact sorted value. */
static void check_distribution(int kind)
{
        enum { N = 200000 };
        struct sc_monitor *m = new_mon(10 * SEC, 60 * SEC);
        int64_t *vals = malloc(N * sizeof(*vals));
        struct sc_sample *batch = malloc(N * sizeof(*batch));
        assert_non_null(vals);
        assert_non_null(batch);
        for (size_t i = 0; i < N; i++) {
                double u = (double)(rnd() >> 11) / 9007199254740992.0;
                int64_t v;
                switch (kind) {
                case 0: v = 100 + (int64_t)(u * 100000); break;                    /* uniform */
                case 1: v = (int64_t)(-log(1 - u) * 20000); break;                  /* exponential */
                case 2: v = (int64_t)exp(5 + 8 * u); break;                         /* log-uniform */
                default: v = (i % 100 == 0) ? 2000000 + (int64_t)(u * 1e6) : 800 + (int64_t)(u * 50); /* bimodal */
                }
                vals[i] = v;
                batch[i] = (struct sc_sample){ .ts_us = (int64_t)(T0 - 2 * SEC + i * 10), .latency_us = v,
                                               .status = 200, .backend = "b1", .backend_len = 2 };
        }
        size_t acc, rej;
        sc_monitor_ingest(m, batch, N, T0, &acc, &rej);
        assert_int_equal(acc, N);
        assert_int_equal(rej, 0);
        qsort(vals, N, sizeof(*vals), cmp_i64);
        struct sc_monitor_snapshot s;
        assert_int_equal(sc_monitor_snapshot(m, T0, &s), 0);
        assert_int_equal(s.short_w.count, N);
        const double qs[3] = { 0.5, 0.95, 0.99 };
        const double got[3] = { s.short_w.p50_us, s.short_w.p95_us, s.short_w.p99_us };
        for (int i = 0; i < 3; i++) {
                double want = exact_pct(vals, N, qs[i]);
                double rel = fabs(got[i] - want) / (want > 0 ? want : 1);
                if (rel > 0.01)
                        fail_msg("kind %d q %.2f: got %.1f want %.1f (%.3f%%)", kind, qs[i], got[i],
                                 want, rel * 100);
        }
        assert_int_equal(s.n_backends, 1);
        assert_string_equal(s.backends[0].backend, "b1");
        assert_true(fabs(s.backends[0].short_w.p95_us - s.short_w.p95_us) < 1e-6);
        sc_monitor_snapshot_free(&s);
        sc_monitor_free(m);
        free(vals);
        free(batch);
}

static void test_accuracy(void **state)
{
        (void)state;
        for (int k = 0; k < 4; k++)
                check_distribution(k);
}

static void test_window_rotation(void **state)
{
        (void)state;
        struct sc_monitor *m = new_mon(6 * SEC, 60 * SEC);
        struct sc_monitor_snapshot s;

        /* 10 slow requests now, 10 fast ones 20 s later. */
        for (int i = 0; i < 10; i++)
                ingest_one(m, "a", 100000, 200, T0, T0);
        for (int i = 0; i < 10; i++)
                ingest_one(m, "a", 1000, i < 5 ? 503 : 200, T0 + 20 * SEC, T0 + 20 * SEC);
        assert_int_equal(sc_monitor_snapshot(m, T0 + 20 * SEC, &s), 0);
        /* short window: only the fast ones; long: both */
        assert_int_equal(s.short_w.count, 10);
        assert_true(fabs(s.short_w.p95_us - 1000) <= 1000 * 0.01);
        assert_true(fabs(s.short_w.error_rate - 0.5) < 1e-9);
        assert_int_equal(s.long_w.count, 20);
        assert_true(fabs(s.long_w.p95_us - 100000) <= 100000 * 0.01);
        /* rate over the long window: 20 requests over the 20 s it has been running */
        assert_true(s.long_w.rps > 0.9 && s.long_w.rps < 1.1);
        sc_monitor_snapshot_free(&s);

        /* 70 s later everything has left both windows. */
        assert_int_equal(sc_monitor_snapshot(m, T0 + 90 * SEC, &s), 0);
        assert_int_equal(s.short_w.count, 0);
        assert_int_equal(s.long_w.count, 0);
        assert_true(s.short_w.p95_us == 0);
        assert_int_equal(s.n_backends, 0);      /* idle backends are not reported */
        assert_int_equal(s.total, 20);
        assert_int_equal(s.errors, 5);
        sc_monitor_snapshot_free(&s);

        /* a sample older than the short window lands only in the long one */
        ingest_one(m, "a", 5000, 200, T0 + 80 * SEC, T0 + 90 * SEC);
        assert_int_equal(sc_monitor_snapshot(m, T0 + 90 * SEC, &s), 0);
        assert_int_equal(s.short_w.count, 0);
        assert_int_equal(s.long_w.count, 1);
        sc_monitor_snapshot_free(&s);
        sc_monitor_free(m);
}

static void test_rate_and_inflight(void **state)
{
        (void)state;
        struct sc_monitor *m = new_mon(6 * SEC, 60 * SEC);
        struct sc_monitor_snapshot s;
        /* 100 rps of 50 ms requests for 30 s: Little's law gives 5 in flight. */
        for (uint64_t t = 0; t < 30 * SEC; t += 10000)
                ingest_one(m, "x", 50000, 200, T0 + t, T0 + t);
        assert_int_equal(sc_monitor_snapshot(m, T0 + 30 * SEC, &s), 0);
        assert_true(fabs(s.short_w.rps - 100) < 10);
        assert_true(fabs(s.long_w.rps - 100) < 10);
        assert_true(fabs(s.short_w.inflight - 5) < 0.6);
        sc_monitor_snapshot_free(&s);
        sc_monitor_free(m);
}

static void test_validation(void **state)
{
        (void)state;
        struct sc_monitor *m = new_mon(6 * SEC, 60 * SEC);
        struct sc_sample v[] = {
                { .latency_us = -1, .status = 200, .backend = "a", .backend_len = 1 },
                { .latency_us = 3600000001ll, .status = 200, .backend = "a", .backend_len = 1 },
                { .latency_us = 10, .status = 99, .backend = "a", .backend_len = 1 },
                { .latency_us = 10, .status = 600, .backend = "a", .backend_len = 1 },
                { .latency_us = 10, .status = 200, .backend = "", .backend_len = 0 },
                { .latency_us = 10, .status = 200, .backend = "a b", .backend_len = 3 },
                { .ts_us = -5, .latency_us = 10, .status = 200, .backend = "a", .backend_len = 1 },
                { .ts_us = (int64_t)(T0 + 3600 * SEC), .latency_us = 10, .status = 200, .backend = "a", .backend_len = 1 },
                { .ts_us = (int64_t)(T0 - 61 * SEC), .latency_us = 10, .status = 200, .backend = "a", .backend_len = 1 },
                { .latency_us = 10, .status = 200, .backend = "-", .backend_len = 1 },
                { .latency_us = 0, .status = 599, .backend = "a", .backend_len = 1 },
        };
        size_t acc, rej;
        sc_monitor_ingest(m, v, sizeof(v) / sizeof(v[0]), T0, &acc, &rej);
        assert_int_equal(acc, 2);
        assert_int_equal(rej, 9);
        struct sc_monitor_snapshot s;
        assert_int_equal(sc_monitor_snapshot(m, T0, &s), 0);
        assert_int_equal(s.short_w.count, 2);
        assert_int_equal(s.rejected, 9);
        assert_int_equal(s.n_backends, 1);      /* "-" has no backend series */
        sc_monitor_snapshot_free(&s);
        sc_monitor_free(m);
}

static void test_backend_bound(void **state)
{
        (void)state;
        struct sc_monitor *m = new_mon(6 * SEC, 60 * SEC);
        char name[32];
        for (int i = 0; i < 200; i++) {
                snprintf(name, sizeof(name), "10.0.0.%d:80", i);
                ingest_one(m, name, 1000, 200, T0, T0);
        }
        struct sc_monitor_snapshot s;
        assert_int_equal(sc_monitor_snapshot(m, T0, &s), 0);
        assert_int_equal(s.n_backends, SC_MONITOR_MAX_BACKENDS);
        assert_int_equal(s.short_w.count, 200);
        assert_int_equal(s.backends_overflow, 200 - SC_MONITOR_MAX_BACKENDS);
        sc_monitor_snapshot_free(&s);
        /* once the old ones are idle for a long window, new backends recycle their series */
        ingest_one(m, "new:1", 1000, 200, T0 + 61 * SEC, T0 + 61 * SEC);
        assert_int_equal(sc_monitor_snapshot(m, T0 + 61 * SEC, &s), 0);
        assert_int_equal(s.n_backends, 1);
        assert_string_equal(s.backends[0].backend, "new:1");
        sc_monitor_snapshot_free(&s);
        sc_monitor_free(m);
}

static void test_parse_text(void **state)
{
        (void)state;
        const char *ok = "1763776800000000 127.0.0.1:18001 1234 200\n"
                         "\n"
                         "1763776800000001\t-\t-5\t502\r\n"
                         "0 b 99999999999999999999999 200";
        struct sc_sample *v = NULL;
        size_t n = 0;
        char err[256] = "";
        assert_int_equal(sc_monitor_parse_text(ok, strlen(ok), 100, &v, &n, err, sizeof(err)), 0);
        assert_int_equal(n, 3);
        assert_int_equal(v[0].ts_us, 1763776800000000ll);
        assert_int_equal(v[0].backend_len, 15);
        assert_memory_equal(v[0].backend, "127.0.0.1:18001", 15);
        assert_int_equal(v[0].latency_us, 1234);
        assert_int_equal(v[0].status, 200);
        assert_int_equal(v[1].latency_us, -5);  /* a value check, not a syntax error */
        assert_int_equal(v[2].latency_us, INT64_MAX);
        free(v);

        const char *bad[] = { "1 a 2\n", "1 a 2 3 4\n", "x a 2 3\n", "1 a 2.5 200\n", "1 a 2 3\n1 b 3\n" };
        for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
                v = NULL;
                err[0] = 0;
                assert_int_equal(sc_monitor_parse_text(bad[i], strlen(bad[i]), 100, &v, &n, err,
                                                       sizeof(err)), -EINVAL);
                assert_null(v);
                assert_true(strncmp(err, "line ", 5) == 0);
        }
        const char *many = "1 a 2 200\n1 a 2 200\n1 a 2 200\n";
        assert_int_equal(sc_monitor_parse_text(many, strlen(many), 2, &v, &n, err, sizeof(err)), -E2BIG);
}

static void test_parse_json(void **state)
{
        (void)state;
        const char *ok = "{\"samples\":[{\"backend\":\"127.0.0.1:18001\",\"latency_us\":1234,"
                         "\"status\":200,\"ts_us\":1763776800000000},"
                         "{\"backend\":\"-\",\"latency_us\":-3,\"status\":404}]}";
        struct sc_sample *v = NULL;
        size_t n = 0;
        char err[256] = "";
        assert_int_equal(sc_monitor_parse_json(ok, strlen(ok), 100, &v, &n, err, sizeof(err)), 0);
        assert_int_equal(n, 2);
        assert_int_equal(v[0].latency_us, 1234);
        assert_string_equal(v[0].backend, "127.0.0.1:18001");
        assert_int_equal(v[0].ts_us, 1763776800000000ll);
        assert_int_equal(v[1].latency_us, -3);
        assert_int_equal(v[1].ts_us, 0);
        free(v);

        static const struct { const char *body; const char *want; } bad[] = {
                { "{\"samples\":[", "malformed JSON" },
                { "[]", "expected a JSON object" },
                { "{\"samples\":{}}", "\"samples\" must be an array" },
                { "{\"samples\":[],\"x\":1}", "unknown field \"x\"" },
                { "{\"samples\":[{\"backend\":\"a\",\"latency_us\":\"12\",\"status\":200}]}",
                  "samples[0].latency_us: expected an integer" },
                { "{\"samples\":[{\"backend\":\"a\",\"latency_us\":1.5,\"status\":200}]}",
                  "samples[0].latency_us: expected an integer" },
                { "{\"samples\":[{\"backend\":\"a\",\"latency_us\":1,\"status\":200,\"foo\":1}]}",
                  "samples[0]: unknown field \"foo\"" },
                { "{\"samples\":[{\"backend\":\"a\",\"status\":200}]}", "samples[0]: missing \"latency_us\"" },
                { "{\"samples\":[]} x", "trailing data" },
                { "{\"samples\":[[[[[[[[[[1]]]]]]]]]]}", "malformed JSON" },
        };
        for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
                v = NULL;
                err[0] = 0;
                int r = sc_monitor_parse_json(bad[i].body, strlen(bad[i].body), 100, &v, &n, err, sizeof(err));
                if (r != -EINVAL || !strstr(err, bad[i].want))
                        fail_msg("body %s: r=%d err=%s (want %s)", bad[i].body, r, err, bad[i].want);
                assert_null(v);
        }
}

/* What /metrics (sc_metrics.c) exposes comes from sc_monitor_totals() (the request histogram since
 * start) and sc_monitor_snapshot() (counters and windows): check both as that code reads them. */
static uint64_t cum_le(const struct sc_monitor_totals *t, uint64_t le_us)
{
        uint64_t cum = 0;
        for (size_t k = 0; k < SC_MONITOR_PROM_BUCKETS; k++) {
                cum += t->bucket[k];
                if (t->le_us[k] == le_us)
                        return cum;
        }
        fail_msg("no bucket bound %" PRIu64 " us", le_us);
        return 0;
}

static void test_metrics_totals(void **state)
{
        (void)state;
        struct sc_monitor *m = new_mon(6 * SEC, 60 * SEC);
        ingest_one(m, "a", 700, 200, T0, T0);           /* le 0.001 */
        ingest_one(m, "a", 30000, 500, T0, T0);         /* le 0.05 */
        ingest_one(m, "a", 20000000, 200, T0, T0);      /* only +Inf */
        struct sc_monitor_totals t;
        sc_monitor_totals(m, &t);
        for (size_t k = 1; k < SC_MONITOR_PROM_BUCKETS; k++)
                assert_true(t.le_us[k - 1] < t.le_us[k]);
        assert_int_equal(t.le_us[0], 500);
        assert_int_equal(t.le_us[SC_MONITOR_PROM_BUCKETS - 1], 10000000);
        assert_int_equal(cum_le(&t, 500), 0);
        assert_int_equal(cum_le(&t, 1000), 1);
        assert_int_equal(cum_le(&t, 50000), 2);
        assert_int_equal(cum_le(&t, 10000000), 2);     /* the 20 s request is in +Inf only */
        assert_int_equal(t.count, 3);
        assert_int_equal(t.sum_us, 20030700);

        struct sc_monitor_snapshot s;
        assert_int_equal(sc_monitor_snapshot(m, T0, &s), 0);
        assert_int_equal(s.total, 3);
        assert_int_equal(s.errors, 1);
        assert_int_equal(s.n_backends, 1);
        assert_string_equal(s.backends[0].backend, "a");
        assert_true(s.backends[0].short_w.rps > 0);
        sc_monitor_snapshot_free(&s);
        sc_monitor_free(m);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
                cmocka_unit_test(test_bucket_roundtrip),
                cmocka_unit_test(test_accuracy),
                cmocka_unit_test(test_window_rotation),
                cmocka_unit_test(test_rate_and_inflight),
                cmocka_unit_test(test_validation),
                cmocka_unit_test(test_backend_bound),
                cmocka_unit_test(test_parse_text),
                cmocka_unit_test(test_parse_json),
                cmocka_unit_test(test_metrics_totals),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
