/* Ingest benchmark for snowscaled's monitor.
 *
 *   build/bench/scaler_ingest [--samples N] [--url URL --token T [--seconds S]]
 *
 * In-process, on one core (this thread): the exact path POST /api/v1/samples runs after the body
 * is read — sc_monitor_parse_text (or _json) + sc_monitor_ingest — in batches of 1000 samples over
 * 16 backends, with log-normal latencies. The p95 the monitor reports is compared with the exact
 * nearest-rank p95 of the same samples. With --url it also POSTs text batches to a running
 * snowscaled over HTTP (one keep-alive client) and reports that rate.
 *
 * Prints:
 *   BENCH ingest samples_per_s=N p95_err_pct=X            (text parse + ingest, in-process)
 *   BENCH ingest_monitor_only samples_per_s=N             (ingest of parsed samples)
 *   BENCH ingest_json samples_per_s=N                     (JSON parse + ingest)
 *   BENCH ingest_http samples_per_s=N batch=1000          (with --url) */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <math.h>
#include <sched.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "sc_monitor.h"
#include "ss_util.h"

#define BATCH 1000
#define BACKENDS 16

static uint64_t rng = 0x2545F4914F6CDD1Dull;
static double urand(void)
{
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        return ((double)(rng >> 11) + 0.5) / 9007199254740992.0;
}

/* log-normal around 3 ms with a heavy tail, like a web app's latencies */
static int64_t latency(void)
{
        double z = sqrt(-2 * log(urand())) * cos(2 * M_PI * urand());
        double v = exp(log(3000.0) + 0.9 * z);
        return v > 3.0e9 ? 3000000000ll : (int64_t)v;
}

static int cmp_i64(const void *a, const void *b)
{
        int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
        return (x > y) - (x < y);
}

struct body {
        char *text;
        size_t len;
};

/* Batches of BATCH samples as text bodies; the same latencies in lat[]. */
static int make_bodies(size_t n, uint64_t now, int64_t *lat, struct body **ret, size_t *nb)
{
        size_t batches = (n + BATCH - 1) / BATCH;
        struct body *b = calloc(batches, sizeof(*b));
        if (!b)
                return -ENOMEM;
        for (size_t k = 0; k < batches; k++) {
                size_t cap = BATCH * 64, len = 0;
                char *t = malloc(cap);
                if (!t)
                        return -ENOMEM;
                for (size_t i = k * BATCH; i < n && i < (k + 1) * BATCH; i++) {
                        lat[i] = latency();
                        len += (size_t)snprintf(t + len, cap - len, "%" PRIu64 " 10.0.0.%zu:8080 %" PRId64 " %d\n",
                                                now, i % BACKENDS, lat[i], i % 97 ? 200 : 503);
                }
                b[k].text = t;
                b[k].len = len;
        }
        *ret = b;
        *nb = batches;
        return 0;
}

static struct sc_monitor *new_monitor(void)
{
        struct sc_monitor *m = NULL;
        /* windows long enough that every sample of the run is still in them at the end */
        struct sc_monitor_config c = { .short_us = 600ull * 1000000, .long_us = 3600ull * 1000000 };
        if (sc_monitor_new(&c, &m) < 0) {
                fprintf(stderr, "cannot create the monitor\n");
                exit(1);
        }
        return m;
}

static size_t discard(char *p, size_t s, size_t n, void *u)
{
        (void)p;
        (void)u;
        return s * n;
}

int main(int argc, char **argv)
{
        static const struct option opts[] = {
                { "samples", required_argument, NULL, 'n' },
                { "url", required_argument, NULL, 'u' },
                { "token", required_argument, NULL, 't' },
                { "seconds", required_argument, NULL, 's' },
                { 0 },
        };
        size_t n = 2000000;
        const char *url = NULL, *token = "";
        double seconds = 3;
        int opt;

        while ((opt = getopt_long(argc, argv, "n:u:t:s:", opts, NULL)) != -1) {
                switch (opt) {
                case 'n': n = strtoull(optarg, NULL, 10); break;
                case 'u': url = optarg; break;
                case 't': token = optarg; break;
                case 's': seconds = atof(optarg); break;
                default:
                        fprintf(stderr, "usage: scaler_ingest [--samples N] [--url URL --token T "
                                        "[--seconds S]]\n");
                        return 2;
                }
        }
        if (n < BATCH)
                n = BATCH;

        /* one core: the figure is per core, whatever else the machine runs */
        cpu_set_t set;
        CPU_ZERO(&set);
        CPU_SET(sched_getcpu() >= 0 ? sched_getcpu() : 0, &set);
        sched_setaffinity(0, sizeof(set), &set);

        uint64_t now = ss_wall_us();
        int64_t *lat = malloc(n * sizeof(*lat));
        struct body *bodies = NULL;
        size_t nb = 0;
        if (!lat || make_bodies(n, now, lat, &bodies, &nb) < 0) {
                fprintf(stderr, "out of memory\n");
                return 1;
        }
        fprintf(stderr, "scaler_ingest: %zu samples in %zu text batches of %d, %d backends\n", n, nb,
                BATCH, BACKENDS);

        /* --- text parse + ingest, in-process */
        struct sc_monitor *m = new_monitor();
        size_t acc_total = 0;
        uint64_t t0 = ss_mono_ns();
        for (size_t k = 0; k < nb; k++) {
                struct sc_sample *v = NULL;
                size_t cnt = 0, acc = 0, rej = 0;
                char err[200];
                if (sc_monitor_parse_text(bodies[k].text, bodies[k].len, BATCH, &v, &cnt, err, sizeof(err)) < 0) {
                        fprintf(stderr, "parse: %s\n", err);
                        return 1;
                }
                sc_monitor_ingest(m, v, cnt, now, &acc, &rej);
                acc_total += acc;
                free(v);
        }
        double text_s = (double)(ss_mono_ns() - t0) / 1e9;
        if (acc_total != n) {
                fprintf(stderr, "only %zu of %zu samples accepted\n", acc_total, n);
                return 1;
        }
        struct sc_monitor_snapshot snap;
        sc_monitor_snapshot(m, now, &snap);
        qsort(lat, n, sizeof(*lat), cmp_i64);
        size_t rank = (size_t)ceil(0.95 * (double)n);
        double exact = (double)lat[rank - 1];
        double err_pct = fabs(snap.long_w.p95_us - exact) / exact * 100;
        fprintf(stderr, "scaler_ingest: p95 monitor %.1f µs, exact %.1f µs; p50 %.1f µs; p99 %.1f µs\n",
                snap.long_w.p95_us, exact, snap.long_w.p50_us, snap.long_w.p99_us);
        sc_monitor_snapshot_free(&snap);
        sc_monitor_free(m);
        printf("BENCH ingest samples_per_s=%.0f p95_err_pct=%.3f\n", (double)n / text_s, err_pct);
        fflush(stdout);

        /* --- ingest only (parsing excluded) */
        m = new_monitor();
        struct sc_sample *all = NULL;
        size_t total = 0;
        all = malloc(n * sizeof(*all));
        for (size_t k = 0; k < nb && all; k++) {
                struct sc_sample *v = NULL;
                size_t cnt = 0;
                char err[200];
                sc_monitor_parse_text(bodies[k].text, bodies[k].len, BATCH, &v, &cnt, err, sizeof(err));
                memcpy(all + total, v, cnt * sizeof(*v));
                total += cnt;
                free(v);
        }
        t0 = ss_mono_ns();
        for (size_t off = 0; all && off < total; off += BATCH) {
                size_t cnt = total - off < BATCH ? total - off : BATCH;
                sc_monitor_ingest(m, all + off, cnt, now, NULL, NULL);
        }
        double ing_s = (double)(ss_mono_ns() - t0) / 1e9;
        printf("BENCH ingest_monitor_only samples_per_s=%.0f\n", (double)total / ing_s);
        fflush(stdout);
        free(all);
        sc_monitor_free(m);

        /* --- JSON parse + ingest on a fifth of the samples (json-c is the slow part) */
        m = new_monitor();
        size_t jn = nb / 5 ? nb / 5 : 1, jtotal = 0;
        char **jb = calloc(jn, sizeof(*jb));
        for (size_t k = 0; k < jn; k++) {
                size_t cap = BATCH * 110, len = 0;
                jb[k] = malloc(cap);
                len += (size_t)snprintf(jb[k] + len, cap - len, "{\"samples\":[");
                for (size_t i = 0; i < BATCH; i++)
                        len += (size_t)snprintf(jb[k] + len, cap - len,
                                                "%s{\"backend\":\"10.0.0.%zu:8080\",\"latency_us\":%" PRId64
                                                ",\"status\":200,\"ts_us\":%" PRIu64 "}", i ? "," : "",
                                                i % BACKENDS, latency(), now);
                snprintf(jb[k] + len, cap - len, "]}");
        }
        t0 = ss_mono_ns();
        for (size_t k = 0; k < jn; k++) {
                struct sc_sample *v = NULL;
                size_t cnt = 0;
                char err[200];
                if (sc_monitor_parse_json(jb[k], strlen(jb[k]), BATCH, &v, &cnt, err, sizeof(err)) < 0) {
                        fprintf(stderr, "json: %s\n", err);
                        return 1;
                }
                sc_monitor_ingest(m, v, cnt, now, NULL, NULL);
                jtotal += cnt;
                free(v);
        }
        double json_s = (double)(ss_mono_ns() - t0) / 1e9;
        printf("BENCH ingest_json samples_per_s=%.0f\n", (double)jtotal / json_s);
        fflush(stdout);
        for (size_t k = 0; k < jn; k++)
                free(jb[k]);
        free(jb);
        sc_monitor_free(m);

        /* --- over HTTP to a running snowscaled */
        if (url) {
                char full[1024], auth[600];
                CURL *c;
                struct curl_slist *hdr = NULL;
                size_t sent = 0, k = 0;
                long code = 0;
                curl_global_init(CURL_GLOBAL_DEFAULT);
                c = curl_easy_init();
                snprintf(full, sizeof(full), "%s/api/v1/samples", url);
                snprintf(auth, sizeof(auth), "Authorization: Bearer %s", token);
                hdr = curl_slist_append(hdr, auth);
                hdr = curl_slist_append(hdr, "Content-Type: text/plain");
                curl_easy_setopt(c, CURLOPT_URL, full);
                curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdr);
                curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, discard);
                curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, 10000L);
                /* the bodies' timestamps are seconds old: well inside the daemon's long window */
                size_t usable = nb < 200 ? nb : 200;
                t0 = ss_mono_ns();
                while ((double)(ss_mono_ns() - t0) / 1e9 < seconds) {
                        curl_easy_setopt(c, CURLOPT_POSTFIELDS, bodies[k].text);
                        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)bodies[k].len);
                        CURLcode cr = curl_easy_perform(c);
                        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
                        if (cr != CURLE_OK || code != 202) {
                                fprintf(stderr, "POST %s: %s, HTTP %ld\n", full, curl_easy_strerror(cr), code);
                                return 1;
                        }
                        sent += BATCH;
                        k = (k + 1) % usable;
                }
                double http_s = (double)(ss_mono_ns() - t0) / 1e9;
                printf("BENCH ingest_http samples_per_s=%.0f batch=%d\n", (double)sent / http_s, BATCH);
                curl_slist_free_all(hdr);
                curl_easy_cleanup(c);
                curl_global_cleanup();
        }
        for (size_t k = 0; k < nb; k++)
                free(bodies[k].text);
        free(bodies);
        free(lat);
        return 0;
}
