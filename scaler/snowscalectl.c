/* snowscalectl: the operator's command line for snowscaled (its HTTP API over libcurl) and for
 * offline checks (config files, descriptors).
 *
 *   snowscalectl [--url URL] [--token T | --token-file F] [--config FILE] [--json] COMMAND
 *
 * Exit status: 0 success, 1 the operation failed (the daemon's or the checker's reason is
 * printed), 2 usage error. */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>
#include <json-c/json.h>

#include "clonecore/cc.h"
#include "pol.h"
#include "ss_util.h"

#define DEFAULT_URL "http://127.0.0.1:8900"
#define MAX_RESPONSE (64u << 20)

static const char *base_url = NULL;
static char *token = NULL;
static bool as_json = false;

static void usage(FILE *f)
{
        fprintf(f,
                "usage: snowscalectl [OPTIONS] COMMAND\n"
                "\n"
                "commands:\n"
                "  status [--brief]           the pool at a glance (--brief: one line)\n"
                "  clones [--metrics]         clones and their state (--metrics: every pair the app in\n"
                "                             each guest reports, e.g. items=64 hits=1830)\n"
                "  events [--since ID] [--limit N] [--follow]   the newest events (or those after ID),\n"
                "                             oldest first; --follow keeps printing new ones\n"
                "  scale N | scale policy     set a manual desired count, or return control to the policy\n"
                "  retire ID                  drain and retire one clone\n"
                "  generation cut             cut a new generation from the parent now\n"
                "  config check FILE          validate a snowscale.yaml (every problem, file:line:col)\n"
                "  config get KEY [--config FILE | FILE]   one resolved value, e.g. state_dir, api.listen\n"
                "  descriptor inspect FILE    describe a generation descriptor file\n"
                "\n"
                "options:\n"
                "  --url URL          snowscaled API (default $SNOWSCALE_URL or " DEFAULT_URL ")\n"
                "  --token TOKEN      bearer token for scale/retire/generation (default $SNOWSCALE_TOKEN)\n"
                "  --token-file FILE  read the token from FILE\n"
                "  --config FILE      take api.listen and api.token from a snowscale.yaml\n"
                "  --json             print the API's JSON instead of tables\n");
}

/* ---- HTTP ------------------------------------------------------------------------------- */

struct buf {
        char *p;
        size_t n;
        bool overflow;
};

static size_t on_data(char *data, size_t size, size_t nmemb, void *ud)
{
        struct buf *b = ud;
        size_t n = size * nmemb;
        if (b->n + n > MAX_RESPONSE) {
                b->overflow = true;
                return 0;
        }
        char *np = realloc(b->p, b->n + n + 1);
        if (!np)
                return 0;
        b->p = np;
        memcpy(b->p + b->n, data, n);
        b->n += n;
        b->p[b->n] = 0;
        return n;
}

/* Performs a request; on a 2xx answer *ret is the parsed JSON (or NULL with raw text in *raw).
 * Prints the reason and returns -1 otherwise. */
static int api(const char *method, const char *path, const char *body, json_object **ret, char **raw)
{
        CURL *c = curl_easy_init();
        struct curl_slist *hdr = NULL;
        struct buf b = {0};
        char url[2048], auth[1100];
        long status = 0;
        int rc = -1;

        if (!c) {
                fprintf(stderr, "snowscalectl: cannot initialise libcurl\n");
                return -1;
        }
        snprintf(url, sizeof(url), "%s%s", base_url, path);
        curl_easy_setopt(c, CURLOPT_URL, url);
        curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
        curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, 2000L);
        curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, 15000L);
        curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
        curl_easy_setopt(c, CURLOPT_WRITEDATA, &b);
        if (body) {
                curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
                hdr = curl_slist_append(hdr, "Content-Type: application/json");
        } else if (strcmp(method, "POST") == 0) {
                curl_easy_setopt(c, CURLOPT_POSTFIELDS, "");
        }
        if (token && *token) {
                snprintf(auth, sizeof(auth), "Authorization: Bearer %s", token);
                hdr = curl_slist_append(hdr, auth);
        }
        curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdr);
        CURLcode cr = curl_easy_perform(c);
        if (cr != CURLE_OK) {
                fprintf(stderr, "snowscalectl: %s %s: %s%s\n", method, url,
                        b.overflow ? "response too large" : curl_easy_strerror(cr),
                        cr == CURLE_COULDNT_CONNECT ? " (is snowscaled running? --url)" : "");
                goto out;
        }
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
        json_object *o = b.p ? json_tokener_parse(b.p) : NULL;
        if (status < 200 || status > 299) {
                json_object *e = NULL;
                if (o && json_object_object_get_ex(o, "error", &e))
                        fprintf(stderr, "snowscalectl: %s (HTTP %ld)\n", json_object_get_string(e), status);
                else
                        fprintf(stderr, "snowscalectl: %s %s: HTTP %ld\n", method, url, status);
                json_object_put(o);
                goto out;
        }
        if (ret)
                *ret = o;
        else
                json_object_put(o);
        if (raw) {
                *raw = b.p;
                b.p = NULL;
        }
        rc = 0;
out:
        free(b.p);
        curl_slist_free_all(hdr);
        curl_easy_cleanup(c);
        return rc;
}

static void print_json(json_object *o)
{
        printf("%s\n", json_object_to_json_string_ext(o, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED));
}

/* ---- formatting ------------------------------------------------------------------------- */

static json_object *get(json_object *o, const char *k)
{
        json_object *v = NULL;
        return o && json_object_object_get_ex(o, k, &v) ? v : NULL;
}

static const char *gs(json_object *o, const char *k, const char *dflt)
{
        json_object *v = get(o, k);
        return v && json_object_is_type(v, json_type_string) ? json_object_get_string(v) : dflt;
}

static double gd(json_object *o, const char *k)
{
        json_object *v = get(o, k);
        return v ? json_object_get_double(v) : 0;
}

static int64_t gi(json_object *o, const char *k)
{
        json_object *v = get(o, k);
        return v ? json_object_get_int64(v) : 0;
}

static void fmt_us(char *b, size_t n, double us)
{
        if (us <= 0)
                snprintf(b, n, "-");
        else if (us < 1000)
                snprintf(b, n, "%.0f µs", us);
        else if (us < 1e6)
                snprintf(b, n, "%.1f ms", us / 1e3);
        else
                snprintf(b, n, "%.2f s", us / 1e6);
}

static void fmt_age(char *b, size_t n, double s)
{
        if (s < 0)
                s = 0;
        if (s < 120)
                snprintf(b, n, "%.0fs", s);
        else if (s < 7200)
                snprintf(b, n, "%.0fm", s / 60);
        else if (s < 172800)
                snprintf(b, n, "%.1fh", s / 3600);
        else
                snprintf(b, n, "%.1fd", s / 86400);
}

static void fmt_bytes(char *b, size_t n, double v)
{
        if (v < 1024)
                snprintf(b, n, "%.0f B", v);
        else if (v < 1024 * 1024)
                snprintf(b, n, "%.1f KiB", v / 1024);
        else if (v < 1024.0 * 1024 * 1024)
                snprintf(b, n, "%.1f MiB", v / 1048576);
        else
                snprintf(b, n, "%.2f GiB", v / 1073741824);
}

static void fmt_ts(char *b, size_t n, int64_t us)
{
        time_t t = (time_t)(us / 1000000);
        struct tm tm;
        gmtime_r(&t, &tm);
        strftime(b, n, "%Y-%m-%d %H:%M:%SZ", &tm);
}

static int cmd_status(bool brief)
{
        json_object *o = NULL;
        char a[32], b[32], c[32];
        if (api("GET", "/api/v1/status", NULL, &o, NULL) < 0)
                return 1;
        if (brief && !as_json) {
                json_object *d = get(o, "desired"), *g = get(o, "generation");
                json_object *w = get(get(o, "windows"), "short");
                fmt_us(a, sizeof(a), gd(w, "p95_us"));
                if (g && !json_object_is_type(g, json_type_null))
                        snprintf(b, sizeof(b), "generation %" PRId64, gi(g, "id"));
                else
                        snprintf(b, sizeof(b), "no generation yet");
                const char *alert = gs(o, "alert", NULL);
                printf("desired %s (%s), serving %" PRId64 ", pending %" PRId64 ", draining %" PRId64
                       ", %s, p95 %s, %.1f req/s%s%s%s\n", d ? json_object_get_string(d) : "-",
                       gs(o, "desired_source", "?"), gi(o, "actual"), gi(o, "pending"), gi(o, "draining"),
                       b, a, gd(w, "rps"), json_object_get_boolean(get(o, "panic")) ? ", PANIC" : "",
                       alert ? ", ALERT: " : "", alert ? alert : "");
                json_object_put(o);
                return 0;
        }
        if (as_json) {
                print_json(o);
                json_object_put(o);
                return 0;
        }
        double now_s = gi(o, "now_us") / 1e6;
        fmt_age(a, sizeof(a), gd(o, "uptime_s"));
        printf("pool %s (service %s), mode %s, up %s, snowscaled %s\n", gs(o, "pool", "?"),
               gs(o, "service", "?"), gs(o, "mode", "?"), a, gs(o, "version", "?"));
        json_object *d = get(o, "desired");
        printf("desired  %s (%s)   serving %" PRId64 "   pending %" PRId64 "   draining %" PRId64
               "   panic %s\n", d ? json_object_get_string(d) : "-", gs(o, "desired_source", "?"),
               gi(o, "actual"), gi(o, "pending"), gi(o, "draining"),
               json_object_get_boolean(get(o, "panic")) ? "YES" : "no");
        json_object *p = get(o, "policy"), *ms = get(p, "metrics");
        printf("policy   ");
        for (size_t i = 0; ms && i < json_object_array_length(ms); i++) {
                json_object *m = json_object_array_get_idx(ms, i);
                const char *name = gs(m, "metric", "?");
                if (strstr(name, "latency"))
                        fmt_us(a, sizeof(a), gd(m, "target"));
                else
                        snprintf(a, sizeof(a), "%g", gd(m, "target"));
                printf("%s%s target %s", i ? ", " : "", name, a);
        }
        printf(" ±%.0f%%, clones %" PRId64 "..%" PRId64 "\n", gd(p, "tolerance") * 100,
               gi(p, "min_clones"), gi(p, "max_clones"));
        json_object *g = get(o, "generation");
        if (g && !json_object_is_type(g, json_type_null)) {
                fmt_age(a, sizeof(a), gd(g, "age_s"));
                fmt_bytes(b, sizeof(b), gd(g, "descriptor_bytes"));
                printf("gen      %" PRId64 ", %s old, descriptor %s\n", gi(g, "id"), a, b);
        } else {
                printf("gen      none yet\n");
        }
        printf("\n%-7s %9s %9s %10s %10s %10s %7s %8s\n", "window", "requests", "req/s", "p50", "p95",
               "p99", "errors", "inflight");
        json_object *ws = get(o, "windows");
        const char *names[] = { "short", "long" };
        for (int i = 0; i < 2; i++) {
                json_object *w = get(ws, names[i]);
                if (!w)
                        continue;
                fmt_us(a, sizeof(a), gd(w, "p50_us"));
                fmt_us(b, sizeof(b), gd(w, "p95_us"));
                fmt_us(c, sizeof(c), gd(w, "p99_us"));
                char label[16];
                snprintf(label, sizeof(label), "%s %.0fs", names[i], gd(w, "window_s"));
                printf("%-9s %7" PRId64 " %9.1f %10s %10s %10s %6.1f%% %8.2f\n", label, gi(w, "count"),
                       gd(w, "rps"), a, b, c, gd(w, "error_rate") * 100, gd(w, "inflight"));
        }
        json_object *ld = get(o, "last_decision");
        if (ld && !json_object_is_type(ld, json_type_null)) {
                fmt_age(a, sizeof(a), now_s - gi(ld, "ts_us") / 1e6);
                printf("\nlast decision %s ago: %s\n", a, gs(ld, "reason", ""));
        }
        const char *alert = gs(o, "alert", NULL);
        if (alert)
                printf("\nALERT: %s\n", alert);
        json_object_put(o);
        return 0;
}

/* The app's pairs of one clone, "k=v k=v", bounded by buf (a long map ends in "…"). */
static void fmt_metrics(char *buf, size_t len, json_object *m)
{
        size_t used = 0;

        buf[0] = 0;
        if (!m || !json_object_is_type(m, json_type_object))
                return;
        json_object_object_foreach(m, k, v) {
                int n = snprintf(buf + used, len - used, "%s%s=%s", used ? " " : "", k,
                                 json_object_to_json_string_ext(v, JSON_C_TO_STRING_PLAIN));
                if (n < 0 || (size_t)n >= len - used) {
                        snprintf(buf + used, len - used, "%s", used + 4 < len ? " …" : "");
                        return;
                }
                used += (size_t)n;
        }
}

static int cmd_clones(bool metrics)
{
        json_object *o = NULL;
        if (api("GET", "/api/v1/clones", NULL, &o, NULL) < 0)
                return 1;
        if (as_json) {
                print_json(o);
                json_object_put(o);
                return 0;
        }
        json_object *arr = get(o, "clones");
        size_t n = arr ? json_object_array_length(arr) : 0;
        double now_s = (double)ss_wall_us() / 1e6;
        printf("%-8s %4s %-10s %-22s %7s %12s %8s %10s %6s  %s%s\n", "ID", "GEN", "STATE", "ADDRESS", "SINCE",
               "FETCHED", "REQ/S", "P95", "HIT%", metrics ? "METRICS / " : "", "REASON");
        for (size_t i = 0; i < n; i++) {
                json_object *c = json_object_array_get_idx(arr, i), *f = get(c, "fetch"), *s = get(c, "stats");
                char age[16], fetched[32], p95[32], hit[16] = "-", m[512] = "";
                /* the hit rate exists when the app reports hits and misses (the demo app does) */
                json_object *g = get(c, "guest"), *hr = g ? get(g, "hit_rate") : NULL;
                if (hr)
                        snprintf(hit, sizeof(hit), "%.1f", json_object_get_double(hr) * 100);
                if (metrics)
                        fmt_metrics(m, sizeof(m), get(c, "metrics"));
                fmt_age(age, sizeof(age), now_s - gi(c, "state_since_us") / 1e6);
                fmt_bytes(fetched, sizeof(fetched), gd(f, "bytes"));
                fmt_us(p95, sizeof(p95), gd(s, "p95_us"));
                printf("%-8s %4" PRId64 " %-10s %-22s %7s %12s %8.1f %10s %6s  %s%s%s\n", gs(c, "id", "?"),
                       gi(c, "generation"), gs(c, "state", "?"), gs(c, "address", "-"), age, fetched,
                       gd(s, "rps"), p95, hit, metrics ? (m[0] ? m : "-") : "",
                       metrics && *gs(c, "reason", "") ? " / " : "", gs(c, "reason", ""));
        }
        if (n == 0)
                printf("(no clones)\n");
        json_object_put(o);
        return 0;
}

static void print_event(json_object *e)
{
        char ts[32];
        fmt_ts(ts, sizeof(ts), gi(e, "ts_us"));
        printf("%-6" PRId64 " %-21s %-10s %s\n", gi(e, "id"), ts, gs(e, "kind", "?"), gs(e, "message", ""));
}

/* --follow: the SSE stream, printing each `event: event` as it comes. */
struct follow {
        char line[65536];
        size_t len;
        bool is_event;
};

static size_t on_stream(char *data, size_t size, size_t nmemb, void *ud)
{
        struct follow *f = ud;
        size_t n = size * nmemb;
        for (size_t i = 0; i < n; i++) {
                if (data[i] != '\n') {
                        if (f->len < sizeof(f->line) - 1)
                                f->line[f->len++] = data[i];
                        continue;
                }
                f->line[f->len] = 0;
                if (strncmp(f->line, "event: ", 7) == 0) {
                        f->is_event = strcmp(f->line + 7, "event") == 0;
                } else if (f->is_event && strncmp(f->line, "data: ", 6) == 0) {
                        json_object *e = json_tokener_parse(f->line + 6);
                        if (e) {
                                if (as_json)
                                        printf("%s\n", json_object_to_json_string_ext(e, JSON_C_TO_STRING_PLAIN));
                                else
                                        print_event(e);
                                fflush(stdout);
                                json_object_put(e);
                        }
                } else if (f->len == 0) {
                        f->is_event = false;
                }
                f->len = 0;
        }
        return n;
}

static int follow_events(int64_t since)
{
        CURL *c = curl_easy_init();
        struct follow *f = calloc(1, sizeof(*f));
        char url[2048];
        int rc = 1;
        if (!c || !f)
                goto out;
        snprintf(url, sizeof(url), "%s/api/v1/events/stream?since=%" PRId64, base_url, since);
        curl_easy_setopt(c, CURLOPT_URL, url);
        curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, 2000L);
        /* the daemon pings every 15 s: 40 s of silence means it is gone */
        curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
        curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, 40L);
        curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_stream);
        curl_easy_setopt(c, CURLOPT_WRITEDATA, f);
        CURLcode cr = curl_easy_perform(c);
        fprintf(stderr, "snowscalectl: event stream ended: %s\n",
                cr == CURLE_OK ? "snowscaled closed it" : curl_easy_strerror(cr));
out:
        free(f);
        curl_easy_cleanup(c);
        return rc;
}

static int cmd_events(int argc, char **argv)
{
        long long since = -1, limit = 50;
        bool follow = false;
        char path[128];
        for (int i = 0; i < argc; i++) {
                bool is_since = strcmp(argv[i], "--since") == 0, is_limit = strcmp(argv[i], "--limit") == 0;
                if (strcmp(argv[i], "--follow") == 0 || strcmp(argv[i], "-f") == 0) {
                        follow = true;
                        continue;
                }
                if (!(is_since || is_limit) || i + 1 == argc) {
                        usage(stderr);
                        return 2;
                }
                char *end = NULL;
                long long v = strtoll(argv[++i], &end, 10);
                if (!*argv[i] || *end || (is_since && v < 0) || (is_limit && (v < 1 || v > 1000))) {
                        fprintf(stderr, "snowscalectl: --since takes an event id, --limit 1..1000\n");
                        return 2;
                }
                if (is_since)
                        since = v;
                else
                        limit = v;
        }
        /* without --since: the newest events, like tail */
        if (since >= 0)
                snprintf(path, sizeof(path), "/api/v1/events?since=%lld&limit=%lld", since, limit);
        else
                snprintf(path, sizeof(path), "/api/v1/events?last=%lld", limit);
        json_object *o = NULL;
        if (api("GET", path, NULL, &o, NULL) < 0)
                return 1;
        int64_t next = gi(o, "next");
        json_object *arr = get(o, "events");
        size_t n = arr ? json_object_array_length(arr) : 0;
        if (as_json && !follow) {
                print_json(o);
        } else if (as_json) {
                for (size_t i = 0; i < n; i++)
                        printf("%s\n", json_object_to_json_string_ext(json_object_array_get_idx(arr, i),
                                                                      JSON_C_TO_STRING_PLAIN));
        } else {
                printf("%-6s %-21s %-10s %s\n", "ID", "TIME", "KIND", "MESSAGE");
                for (size_t i = 0; i < n; i++)
                        print_event(json_object_array_get_idx(arr, i));
                if (since >= 0 && n == (size_t)limit && !follow)
                        printf("(more: snowscalectl events --since %" PRId64 ")\n", next);
        }
        json_object_put(o);
        fflush(stdout);
        return follow ? follow_events(next) : 0;
}

static int cmd_scale(const char *arg)
{
        char body[64], *end;
        if (strcmp(arg, "policy") == 0 || strcmp(arg, "auto") == 0) {
                snprintf(body, sizeof(body), "{\"desired\":null}");
        } else {
                long v = strtol(arg, &end, 10);
                if (!*arg || *end || v < 0 || v > 100000) {
                        fprintf(stderr, "snowscalectl: scale takes a clone count or \"policy\"\n");
                        return 2;
                }
                snprintf(body, sizeof(body), "{\"desired\":%ld}", v);
        }
        json_object *o = NULL;
        if (api("POST", "/api/v1/scale", body, &o, NULL) < 0)
                return 1;
        if (as_json)
                print_json(o);
        else if (json_object_is_type(get(o, "desired"), json_type_int))
                printf("desired count set to %" PRId64 " (manual; \"snowscalectl scale policy\" undoes it)\n",
                       gi(o, "desired"));
        else
                printf("the policy decides the desired count again\n");
        json_object_put(o);
        return 0;
}

static int cmd_retire(const char *id)
{
        char path[160];
        for (const char *p = id; *p; p++)
                if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
                      *p == '-' || *p == '_') || p - id > 60) {
                        fprintf(stderr, "snowscalectl: \"%s\" is not a clone id\n", id);
                        return 2;
                }
        snprintf(path, sizeof(path), "/api/v1/clones/%s/retire", id);
        json_object *o = NULL;
        if (api("POST", path, NULL, &o, NULL) < 0)
                return 1;
        if (as_json)
                print_json(o);
        else
                printf("%s is draining; it retires when its requests are done\n", id);
        json_object_put(o);
        return 0;
}

static int cmd_generation_cut(void)
{
        json_object *o = NULL;
        if (api("POST", "/api/v1/generation", NULL, &o, NULL) < 0)
                return 1;
        if (as_json)
                print_json(o);
        else
                printf("a new generation is being cut; `snowscalectl events` shows when it is ready\n");
        json_object_put(o);
        return 0;
}

static int cmd_config_check(const char *file)
{
        struct pol_config *c = NULL;
        struct pol_diags d = {0};
        int r = pol_config_load(file, &c, &d);
        if (r < 0) {
                pol_diags_print(&d, stderr);
                if (d.n == 0)
                        fprintf(stderr, "%s: %s\n", file, strerror(-r));
                fprintf(stderr, "%s: %zu problem%s; not valid\n", file, d.n, d.n == 1 ? "" : "s");
                pol_diags_free(&d);
                return 1;
        }
        if (d.n)                        /* warnings on a valid file */
                pol_diags_print(&d, stderr);
        pol_diags_free(&d);
        if (as_json) {
                json_object *o = json_object_new_object();
                json_object_object_add(o, "file", json_object_new_string(file));
                json_object_object_add(o, "ok", json_object_new_boolean(true));
                json_object_object_add(o, "pool", json_object_new_string(c->pool ? c->pool : ""));
                json_object_object_add(o, "mode", json_object_new_string(c->mode == POL_MODE_OBSERVE ? "observe" : "active"));
                print_json(o);
                json_object_put(o);
        } else {
                char tgt[32];
                if (c->policy.metrics[0].metric <= POL_METRIC_P99_LATENCY)
                        fmt_us(tgt, sizeof(tgt), c->policy.metrics[0].target);
                else
                        snprintf(tgt, sizeof(tgt), "%g", c->policy.metrics[0].target);
                printf("%s: ok (pool %s, mode %s, %s target %s%s, clones %d..%d, api %s)\n", file,
                       c->pool ? c->pool : "?", c->mode == POL_MODE_OBSERVE ? "observe" : "active",
                       pol_metric_name(c->policy.metrics[0].metric), tgt,
                       c->policy.n_metrics > 1 ? " and more" : "",
                       c->policy.min_clones, c->policy.max_clones, c->api.listen ? c->api.listen : "?");
        }
        pol_config_free(c);
        return 0;
}

/* `config get KEY`: one resolved value (relative paths already resolved against the file's
 * directory), for scripts such as the appliance launcher. */
static int cmd_config_get(const char *key, const char *file)
{
        struct pol_config *c = NULL;
        struct pol_diags d = {0};
        char num[64];
        const char *v = NULL;
        bool known = true;
        int rc = 0;

        if (pol_config_load(file, &c, &d) < 0) {
                pol_diags_print(&d, stderr);
                fprintf(stderr, "snowscalectl: %s is not valid (snowscalectl config check %s)\n", file, file);
                pol_diags_free(&d);
                return 1;
        }
        pol_diags_free(&d);
        if (strcmp(key, "pool") == 0) v = c->pool;
        else if (strcmp(key, "mode") == 0) v = c->mode == POL_MODE_OBSERVE ? "observe" : "active";
        else if (strcmp(key, "service.name") == 0) v = c->service.name;
        else if (strcmp(key, "service.front_listen") == 0) v = c->service.front_listen;
        else if (strcmp(key, "service.upstream") == 0) v = c->service.upstream;
        else if (strcmp(key, "api.listen") == 0) v = c->api.listen;
        else if (strcmp(key, "api.token") == 0) v = c->api.token;
        else if (strcmp(key, "state_dir") == 0) v = c->state_dir;
        else if (strcmp(key, "driver.kind") == 0) v = c->driver.kind == POL_DRIVER_XEN ? "xen" : "qemu";
        else if (strcmp(key, "driver.kernel") == 0) v = c->driver.kernel;
        else if (strcmp(key, "driver.initrd") == 0) v = c->driver.initrd;
        else if (strcmp(key, "driver.qemu_binary") == 0) v = c->driver.qemu_binary;
        else if (strcmp(key, "lb.listen") == 0) v = c->lb.listen;
        else if (strcmp(key, "lb.token") == 0) v = c->lb.token ? c->lb.token : c->api.token;
        else if (strcmp(key, "lb.nginx_binary") == 0) v = c->lb.nginx_binary;
        else if (strcmp(key, "policy.min_clones") == 0) {
                snprintf(num, sizeof(num), "%d", c->policy.min_clones);
                v = num;
        } else if (strcmp(key, "policy.max_clones") == 0) {
                snprintf(num, sizeof(num), "%d", c->policy.max_clones);
                v = num;
        } else if (strcmp(key, "tick_us") == 0) {
                snprintf(num, sizeof(num), "%llu", (unsigned long long)c->tick_us);
                v = num;
        } else
                known = false;
        if (!known) {
                fprintf(stderr, "snowscalectl: config get: unknown key \"%s\" (pool mode service.name "
                                "service.front_listen service.upstream api.listen api.token state_dir "
                                "driver.kind driver.kernel driver.initrd driver.qemu_binary lb.listen "
                                "lb.token lb.nginx_binary policy.min_clones policy.max_clones tick_us)\n", key);
                rc = 2;
        } else if (!v) {
                rc = 1;                 /* unset: nothing printed, a script can tell */
        } else {
                printf("%s\n", v);
        }
        pol_config_free(c);
        return rc;
}

static int cmd_descriptor_inspect(int argc, char **argv)
{
        const char *file = NULL;
        bool j = as_json;
        for (int i = 0; i < argc; i++) {
                if (strcmp(argv[i], "--json") == 0)
                        j = true;
                else if (!file)
                        file = argv[i];
                else {
                        usage(stderr);
                        return 2;
                }
        }
        if (!file) {
                usage(stderr);
                return 2;
        }
        return cc_descriptor_inspect(stdout, file, j) < 0 ? 1 : 0;
}

/* --config: where the daemon listens and its token, from the same file it reads. */
static int use_config(const char *file, char **url_out)
{
        struct pol_config *c = NULL;
        struct pol_diags d = {0};
        if (pol_config_load(file, &c, &d) < 0) {
                pol_diags_print(&d, stderr);
                fprintf(stderr, "snowscalectl: cannot use %s\n", file);
                pol_diags_free(&d);
                return -1;
        }
        pol_diags_free(&d);
        if (asprintf(url_out, "http://%s", c->api.listen ? c->api.listen : "127.0.0.1:8900") < 0)
                *url_out = NULL;
        if (!token && c->api.token)
                token = strdup(c->api.token);
        pol_config_free(c);
        return 0;
}

int main(int argc, char **argv)
{
        static const struct option opts[] = {
                { "url", required_argument, NULL, 'u' },
                { "token", required_argument, NULL, 't' },
                { "token-file", required_argument, NULL, 'T' },
                { "config", required_argument, NULL, 'c' },
                { "json", no_argument, NULL, 'j' },
                { "help", no_argument, NULL, 'h' },
                { 0 },
        };
        const char *config = NULL;
        char *cfg_url = NULL;
        int opt, rc;

        /* Options may follow the command too ("descriptor inspect F --json"): stop at the first
         * non-option so that subcommands parse their own. */
        while ((opt = getopt_long(argc, argv, "+u:t:T:c:jh", opts, NULL)) != -1) {
                switch (opt) {
                case 'u': base_url = optarg; break;
                case 't': free(token); token = strdup(optarg); break;
                case 'T': {
                        size_t len;
                        free(token);
                        token = NULL;
                        int r = ss_read_file(optarg, 4096, &token, &len);
                        if (r < 0) {
                                fprintf(stderr, "snowscalectl: cannot read token file %s: %s\n", optarg,
                                        strerror(-r));
                                return 1;
                        }
                        while (len && (token[len - 1] == '\n' || token[len - 1] == '\r'))
                                token[--len] = 0;
                        break;
                }
                case 'c': config = optarg; break;
                case 'j': as_json = true; break;
                case 'h': usage(stdout); return 0;
                default: usage(stderr); return 2;
                }
        }
        argc -= optind;
        argv += optind;
        /* a trailing --json after the command is accepted too */
        while (argc > 0 && strcmp(argv[argc - 1], "--json") == 0 &&
               !(argc >= 2 && strcmp(argv[0], "descriptor") == 0)) {
                as_json = true;
                argc--;
        }
        if (argc < 1) {
                usage(stderr);
                return 2;
        }
        if (strcmp(argv[0], "config") == 0) {
                if (argc == 3 && strcmp(argv[1], "check") == 0)
                        return cmd_config_check(argv[2]);
                if (argc >= 3 && strcmp(argv[1], "get") == 0) {
                        const char *file = config;
                        if (argc == 5 && strcmp(argv[3], "--config") == 0)
                                file = argv[4];
                        else if (argc == 4)
                                file = argv[3];
                        else if (argc != 3)
                                file = NULL;
                        if (file)
                                return cmd_config_get(argv[2], file);
                }
                usage(stderr);
                return 2;
        }
        if (strcmp(argv[0], "descriptor") == 0) {
                if (argc < 3 || strcmp(argv[1], "inspect") != 0) {
                        usage(stderr);
                        return 2;
                }
                return cmd_descriptor_inspect(argc - 2, argv + 2);
        }

        if (!token && getenv("SNOWSCALE_TOKEN"))
                token = strdup(getenv("SNOWSCALE_TOKEN"));
        if (config && use_config(config, &cfg_url) < 0)
                return 1;
        if (!base_url)
                base_url = cfg_url ? cfg_url : getenv("SNOWSCALE_URL") ? getenv("SNOWSCALE_URL") : DEFAULT_URL;
        curl_global_init(CURL_GLOBAL_DEFAULT);
        if (strcmp(argv[0], "status") == 0 && argc == 1)
                rc = cmd_status(false);
        else if (strcmp(argv[0], "status") == 0 && argc == 2 && strcmp(argv[1], "--brief") == 0)
                rc = cmd_status(true);
        else if (strcmp(argv[0], "clones") == 0 && argc == 1)
                rc = cmd_clones(false);
        else if (strcmp(argv[0], "clones") == 0 && argc == 2 && strcmp(argv[1], "--metrics") == 0)
                rc = cmd_clones(true);
        else if (strcmp(argv[0], "events") == 0)
                rc = cmd_events(argc - 1, argv + 1);
        else if (strcmp(argv[0], "scale") == 0 && argc == 2)
                rc = cmd_scale(argv[1]);
        else if (strcmp(argv[0], "retire") == 0 && argc == 2)
                rc = cmd_retire(argv[1]);
        else if (strcmp(argv[0], "generation") == 0 && argc == 2 && strcmp(argv[1], "cut") == 0)
                rc = cmd_generation_cut();
        else {
                usage(stderr);
                rc = 2;
        }
        curl_global_cleanup();
        free(cfg_url);
        free(token);
        return rc;
}
