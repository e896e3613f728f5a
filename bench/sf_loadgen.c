/* sf-loadgen: an open-loop HTTP load generator for the elastic web-server experiment.
 *
 * Requests are scheduled at the rate the ramp asks for, whether or not earlier ones have answered
 * (open loop: a closed-loop generator slows down when the server does and hides the latency
 * spike that scaling must answer). libcurl's multi interface keeps up to --max-inflight requests
 * going; a request that cannot be started because of that cap is counted as "late", not hidden.
 * Every second it writes one CSV row (second, target rps, sent, ok, failed, late, p50, p95,
 * above-target) and at the end a summary line. Bounded: it stops when the ramp ends.
 *
 * Keys are uniform over 0..N-1, or with --zipf S Zipf-distributed: key k (rank k+1) is asked
 * with probability proportional to 1/(k+1)^S, so key 0 is the most popular and the head of the
 * keyspace takes most requests, as real caches see (web objects follow Zipf with S near 1:
 * Breslau et al., "Web caching and Zipf-like distributions", INFOCOM 1999).
 *
 * With --keys-file FILE the keys are the file's lines (key k is line k+1, so the file's order is
 * the popularity rank) and the URL's "%s" is replaced by the line, e.g. a wiki's page names.
 * --host NAME sends that Host header (one public name for every request, as a site has).
 *
 *   sf-loadgen --url http://127.0.0.1:8080/item/%d --keys 200 --ramp 20:10,80:30,10:20 \
 *              --target-ms 150 --csv out.csv [--zipf 1.0]
 *   sf-loadgen --url 'http://127.0.0.1:8080/doku.php?id=%s' --keys-file pages.txt --zipf 1 ...
 */
#include <curl/curl.h>
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ss_util.h"

#define MAX_PHASES 32
#define MAX_SECONDS 3600
#define MAX_KEYS 10000000u              /* the Zipf table is 8 bytes a key */
#define MAX_KEY_LEN 256                 /* a --keys-file line */

struct phase { double rps; unsigned secs; };

struct second {
        unsigned sent, ok, failed, late, above;
        double *lat_ms;                 /* latencies of requests that *started* in this second */
        size_t n_lat, cap_lat;
};

struct req {
        CURL *h;
        uint64_t start_ns;
        unsigned sec;
        char url[512];
};

static struct second secs[MAX_SECONDS];

static size_t discard(char *p, size_t sz, size_t n, void *u) { (void)p; (void)u; return sz * n; }

static int parse_ramp(const char *s, struct phase *ph, size_t *n)
{
        char *dup = strdup(s), *save = NULL, *tok;
        int r = 0;

        *n = 0;
        for (tok = strtok_r(dup, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
                char *colon = strchr(tok, ':'), *end;
                if (!colon || *n >= MAX_PHASES) { r = -EINVAL; break; }
                ph[*n].rps = strtod(tok, &end);
                if (end != colon || ph[*n].rps < 0) { r = -EINVAL; break; }
                ph[*n].secs = (unsigned)strtoul(colon + 1, &end, 10);
                if (*end || ph[*n].secs == 0) { r = -EINVAL; break; }
                (*n)++;
        }
        free(dup);
        return r < 0 ? r : (*n ? 0 : -EINVAL);
}

/* splitmix64: 53 good bits per draw, where the old 32-bit LCG's low bits would bias the tail. */
static double uniform01(uint64_t *state)
{
        uint64_t z = (*state += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        z ^= z >> 31;
        return (double)(z >> 11) * 0x1.0p-53;
}

/* Cumulative Zipf(s) probabilities over keys 0..n-1; NULL when out of memory. */
static double *zipf_cdf(unsigned n, double s)
{
        double *cdf = malloc((size_t)n * sizeof(*cdf)), sum = 0;

        if (!cdf)
                return NULL;
        for (unsigned k = 0; k < n; k++)
                cdf[k] = (sum += pow((double)k + 1, -s));
        for (unsigned k = 0; k < n; k++)
                cdf[k] /= sum;
        cdf[n - 1] = 1.0;
        return cdf;
}

/* The key whose CDF interval holds u: the first k with cdf[k] > u (binary search). */
static unsigned zipf_key(const double *cdf, unsigned n, double u)
{
        unsigned lo = 0, hi = n - 1;

        while (lo < hi) {
                unsigned mid = lo + (hi - lo) / 2;
                if (cdf[mid] > u)
                        hi = mid;
                else
                        lo = mid + 1;
        }
        return lo;
}

static int cmp_double(const void *a, const void *b)
{
        double x = *(const double *)a, y = *(const double *)b;
        return x < y ? -1 : x > y;
}

static double pct(double *v, size_t n, double p)
{
        if (n == 0)
                return NAN;
        qsort(v, n, sizeof(*v), cmp_double);
        size_t i = (size_t)ceil(p * (double)n) - 1;
        return v[i < n ? i : n - 1];
}

static void record_latency(struct second *s, double ms)
{
        if (s->n_lat == s->cap_lat) {
                size_t cap = s->cap_lat ? s->cap_lat * 2 : 256;
                double *nv = realloc(s->lat_ms, cap * sizeof(*nv));
                if (!nv)
                        return;
                s->lat_ms = nv;
                s->cap_lat = cap;
        }
        s->lat_ms[s->n_lat++] = ms;
}

/* The URL's first "%d" becomes the key's number, or its first "%s" the key's name (names given);
 * a URL with neither is used as is. */
static void format_url(char *out, size_t len, const char *tmpl, unsigned key, char *const *names)
{
        const char *p = strstr(tmpl, names ? "%s" : "%d");
        if (!p)
                snprintf(out, len, "%s", tmpl);
        else if (names)
                snprintf(out, len, "%.*s%s%s", (int)(p - tmpl), tmpl, names[key], p + 2);
        else
                snprintf(out, len, "%.*s%u%s", (int)(p - tmpl), tmpl, key, p + 2);
}

/* The lines of path (empty lines skipped), at most MAX_KEYS of at most MAX_KEY_LEN bytes of
 * URL-safe characters; a count of 0 with the reason printed on a bad file. */
static char **read_keys(const char *path, unsigned *ret_n)
{
        FILE *f = fopen(path, "re");
        char line[MAX_KEY_LEN + 2], **v = NULL;
        unsigned n = 0, cap = 0, lineno = 0;

        *ret_n = 0;
        if (!f) {
                fprintf(stderr, "sf-loadgen: cannot read --keys-file %s: %s\n", path, strerror(errno));
                return NULL;
        }
        while (fgets(line, sizeof(line), f)) {
                size_t l = strcspn(line, "\r\n");
                lineno++;
                if (line[l] == 0 && !feof(f)) {
                        fprintf(stderr, "sf-loadgen: %s:%u: key longer than %d bytes\n", path, lineno, MAX_KEY_LEN);
                        goto fail;
                }
                line[l] = 0;
                if (l == 0)
                        continue;
                if (strspn(line, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/%") != l) {
                        fprintf(stderr, "sf-loadgen: %s:%u: key '%s' has characters a URL must escape\n", path,
                                lineno, line);
                        goto fail;
                }
                if (n == MAX_KEYS) {
                        fprintf(stderr, "sf-loadgen: %s: more than %u keys\n", path, MAX_KEYS);
                        goto fail;
                }
                if (n == cap) {
                        char **nv = realloc(v, (cap = cap ? cap * 2 : 1024) * sizeof(*v));
                        if (!nv)
                                goto oom;
                        v = nv;
                }
                if (!(v[n] = strdup(line)))
                        goto oom;
                n++;
        }
        fclose(f);
        if (n == 0)
                fprintf(stderr, "sf-loadgen: --keys-file %s holds no keys\n", path);
        *ret_n = n;
        return v;
oom:
        fprintf(stderr, "sf-loadgen: out of memory reading %s\n", path);
fail:
        fclose(f);
        while (n)
                free(v[--n]);
        free(v);
        return NULL;
}

static void usage(void)
{
        fprintf(stderr, "usage: sf-loadgen --url URL[%%d|%%s] [--keys N | --keys-file FILE] [--zipf S]\n"
                        "                  --ramp RPS:SECS[,RPS:SECS…] [--target-ms MS] [--csv FILE]\n"
                        "                  [--max-inflight N] [--timeout-ms MS] [--host NAME] [--quiet]\n"
                        "  --zipf S         key k asked with probability ~ 1/(k+1)^S (S > 0; default: uniform)\n"
                        "  --keys-file F    the keys are F's lines, most popular first; %%s in the URL takes one\n"
                        "  --host NAME      the Host header of every request\n");
}

int main(int argc, char **argv)
{
        static const struct option opts[] = {
                { "url", required_argument, NULL, 'u' }, { "keys", required_argument, NULL, 'k' },
                { "ramp", required_argument, NULL, 'r' }, { "target-ms", required_argument, NULL, 't' },
                { "csv", required_argument, NULL, 'c' }, { "max-inflight", required_argument, NULL, 'm' },
                { "timeout-ms", required_argument, NULL, 'T' }, { "quiet", no_argument, NULL, 'q' },
                { "zipf", required_argument, NULL, 'z' }, { "help", no_argument, NULL, 'h' },
                { "keys-file", required_argument, NULL, 'K' }, { "host", required_argument, NULL, 'H' }, {}
        };
        const char *url = NULL, *csv_path = NULL, *keys_file = NULL, *host = NULL;
        char **names = NULL;
        struct curl_slist *headers = NULL;
        unsigned keys = 100, max_inflight = 256, timeout_ms = 5000;
        double target_ms = 150, zipf_s = 0;
        double *cdf = NULL;
        bool quiet = false;
        struct phase ph[MAX_PHASES];
        size_t n_ph = 0, total_secs = 0;
        int c;

        while ((c = getopt_long(argc, argv, "u:k:r:t:c:m:T:qz:hK:H:", opts, NULL)) != -1) {
                switch (c) {
                case 'u': url = optarg; break;
                case 'k': keys = (unsigned)strtoul(optarg, NULL, 10); break;
                case 'r':
                        if (parse_ramp(optarg, ph, &n_ph) < 0) {
                                fprintf(stderr, "sf-loadgen: bad --ramp '%s': want RPS:SECS[,RPS:SECS…]\n", optarg);
                                return 2;
                        }
                        break;
                case 't': target_ms = strtod(optarg, NULL); break;
                case 'c': csv_path = optarg; break;
                case 'm': max_inflight = (unsigned)strtoul(optarg, NULL, 10); break;
                case 'T': timeout_ms = (unsigned)strtoul(optarg, NULL, 10); break;
                case 'q': quiet = true; break;
                case 'K': keys_file = optarg; break;
                case 'H': host = optarg; break;
                case 'z': {
                        char *end;
                        zipf_s = strtod(optarg, &end);
                        if (*end || !(zipf_s > 0 && zipf_s <= 10)) {
                                fprintf(stderr, "sf-loadgen: bad --zipf '%s': want an exponent in (0, 10], e.g. 1.0\n",
                                        optarg);
                                return 2;
                        }
                        break;
                }
                default: usage(); return c == 'h' ? 0 : 2;
                }
        }
        if (!url || n_ph == 0 || keys == 0 || max_inflight == 0) {
                usage();
                return 2;
        }
        if (keys_file) {
                if (!strstr(url, "%s")) {
                        fprintf(stderr, "sf-loadgen: --keys-file needs a %%s in --url for the key\n");
                        return 2;
                }
                if (!(names = read_keys(keys_file, &keys)))
                        return 2;
        }
        if (host) {
                char h[300];
                if (strlen(host) > 255 || strpbrk(host, "\r\n ")) {
                        fprintf(stderr, "sf-loadgen: bad --host '%s'\n", host);
                        return 2;
                }
                snprintf(h, sizeof(h), "Host: %s", host);
                headers = curl_slist_append(NULL, h);
        }
        if (keys > MAX_KEYS) {
                fprintf(stderr, "sf-loadgen: at most %u keys\n", MAX_KEYS);
                return 2;
        }
        if (zipf_s > 0 && !(cdf = zipf_cdf(keys, zipf_s))) {
                fprintf(stderr, "sf-loadgen: out of memory for the Zipf table\n");
                return 1;
        }
        for (size_t i = 0; i < n_ph; i++)
                total_secs += ph[i].secs;
        if (total_secs > MAX_SECONDS) {
                fprintf(stderr, "sf-loadgen: ramp longer than %d s\n", MAX_SECONDS);
                return 2;
        }

        FILE *csv = NULL;
        if (csv_path) {
                csv = fopen(csv_path, "we");
                if (!csv) {
                        fprintf(stderr, "sf-loadgen: cannot write %s: %s\n", csv_path, strerror(errno));
                        return 1;
                }
                fprintf(csv, "second,target_rps,sent,ok,failed,late,p50_ms,p95_ms,above_target\n");
        }

        curl_global_init(CURL_GLOBAL_DEFAULT);
        CURLM *multi = curl_multi_init();
        curl_multi_setopt(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, (long)max_inflight);
        struct req *reqs = calloc(max_inflight, sizeof(*reqs));
        unsigned inflight = 0, reported = 0;
        uint64_t t0 = ss_mono_ns(), seq = 0;
        double due = 0;                 /* requests due so far (fractional) */
        uint64_t rng = 0x9e3779b97f4a7c15ull;

        for (;;) {
                uint64_t now = ss_mono_ns();
                double el = (double)(now - t0) / 1e9;
                unsigned sec = (unsigned)el;
                bool ramp_over = sec >= total_secs;

                /* how many requests the ramp wants started by now */
                if (!ramp_over) {
                        double acc = 0, rps = 0, base = 0;
                        for (size_t i = 0; i < n_ph; i++) {
                                if (el < acc + ph[i].secs) { rps = ph[i].rps; base += rps * (el - acc); break; }
                                base += ph[i].rps * ph[i].secs;
                                acc += ph[i].secs;
                        }
                        (void)rps;
                        due = base;
                }
                while (!ramp_over && (double)seq < due) {
                        seq++;
                        if (inflight >= max_inflight) {
                                secs[sec].late++;
                                continue;
                        }
                        struct req *r = NULL;
                        for (unsigned i = 0; i < max_inflight; i++)
                                if (!reqs[i].h) { r = &reqs[i]; break; }
                        double u = uniform01(&rng);
                        unsigned key = cdf ? zipf_key(cdf, keys, u) : (unsigned)(u * keys);
                        format_url(r->url, sizeof(r->url), url, key < keys ? key : keys - 1, names);
                        r->h = curl_easy_init();
                        curl_easy_setopt(r->h, CURLOPT_URL, r->url);
                        curl_easy_setopt(r->h, CURLOPT_WRITEFUNCTION, discard);
                        curl_easy_setopt(r->h, CURLOPT_TIMEOUT_MS, (long)timeout_ms);
                        curl_easy_setopt(r->h, CURLOPT_NOSIGNAL, 1L);
                        curl_easy_setopt(r->h, CURLOPT_PRIVATE, r);
                        if (headers)
                                curl_easy_setopt(r->h, CURLOPT_HTTPHEADER, headers);
                        r->start_ns = ss_mono_ns();
                        r->sec = sec;
                        curl_multi_add_handle(multi, r->h);
                        inflight++;
                        secs[sec].sent++;
                }

                int running = 0;
                curl_multi_perform(multi, &running);
                CURLMsg *m;
                int left;
                while ((m = curl_multi_info_read(multi, &left))) {
                        if (m->msg != CURLMSG_DONE)
                                continue;
                        struct req *r;
                        long code = 0;
                        curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&r);
                        curl_easy_getinfo(m->easy_handle, CURLINFO_RESPONSE_CODE, &code);
                        double ms = (double)(ss_mono_ns() - r->start_ns) / 1e6;
                        struct second *s = &secs[r->sec];
                        if (m->data.result == CURLE_OK && code >= 200 && code < 400) {
                                s->ok++;
                                record_latency(s, ms);
                                if (ms > target_ms)
                                        s->above++;
                        } else {
                                s->failed++;
                        }
                        curl_multi_remove_handle(multi, r->h);
                        curl_easy_cleanup(r->h);
                        r->h = NULL;
                        inflight--;
                }

                /* a second is reported once every request started in it has finished or timed out */
                while (reported < total_secs && reported + (timeout_ms / 1000) + 2 <= sec) {
                        struct second *s = &secs[reported];
                        double target_rps = 0, acc = 0;
                        for (size_t i = 0; i < n_ph; i++) {
                                if (reported < acc + ph[i].secs) { target_rps = ph[i].rps; break; }
                                acc += ph[i].secs;
                        }
                        double p50 = pct(s->lat_ms, s->n_lat, 0.50), p95 = pct(s->lat_ms, s->n_lat, 0.95);
                        if (csv)
                                fprintf(csv, "%u,%.1f,%u,%u,%u,%u,%.2f,%.2f,%u\n", reported, target_rps, s->sent,
                                        s->ok, s->failed, s->late, p50, p95, s->above);
                        if (!quiet)
                                fprintf(stderr, "loadgen: t=%us rps=%.0f sent=%u ok=%u failed=%u late=%u p95=%.1fms\n",
                                        reported, target_rps, s->sent, s->ok, s->failed, s->late, p95);
                        reported++;
                }
                if (ramp_over && inflight == 0)
                        break;
                if (ramp_over && reported >= total_secs)
                        break;
                curl_multi_poll(multi, NULL, 0, 2, NULL);
        }
        /* flush the seconds not yet reported (everything has finished now) */
        unsigned long long sent = 0, ok = 0, failed = 0, late = 0, above = 0;
        for (unsigned i = 0; i < total_secs; i++) {
                struct second *s = &secs[i];
                if (i >= reported && csv) {
                        double target_rps = 0, acc = 0;
                        for (size_t k = 0; k < n_ph; k++) {
                                if (i < acc + ph[k].secs) { target_rps = ph[k].rps; break; }
                                acc += ph[k].secs;
                        }
                        fprintf(csv, "%u,%.1f,%u,%u,%u,%u,%.2f,%.2f,%u\n", i, target_rps, s->sent, s->ok,
                                s->failed, s->late, pct(s->lat_ms, s->n_lat, 0.5), pct(s->lat_ms, s->n_lat, 0.95),
                                s->above);
                }
                sent += s->sent; ok += s->ok; failed += s->failed; late += s->late; above += s->above;
                free(s->lat_ms);
        }
        printf("loadgen: sent=%llu ok=%llu failed=%llu late=%llu above_target=%llu target_ms=%.0f keys=%u dist=%s",
               sent, ok, failed, late, above, target_ms, keys, cdf ? "zipf" : "uniform");
        if (cdf)
                printf(" zipf_s=%.2f", zipf_s);
        printf("\n");
        free(cdf);
        for (unsigned i = 0; names && i < keys; i++)
                free(names[i]);
        free(names);
        if (csv)
                fclose(csv);
        for (unsigned i = 0; i < max_inflight; i++)
                if (reqs[i].h) {
                        curl_multi_remove_handle(multi, reqs[i].h);
                        curl_easy_cleanup(reqs[i].h);
                }
        free(reqs);
        curl_multi_cleanup(multi);
        curl_slist_free_all(headers);
        curl_global_cleanup();
        return 0;
}
