/* snowscalectl_show.c: what the operator reads: status, clones and events as tables (or the API's
 * JSON with --json), the event stream with --follow, and the value formats they share. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>

#include "snowscalectl.h"
#include "ss_util.h"

void ctl_print_json(json_object *o)
{
        printf("%s\n", json_object_to_json_string_ext(o, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED));
}

void ctl_fmt_us(char *b, size_t n, double us)
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

static void ctl_fmt_age(char *b, size_t n, double s)
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

static void ctl_fmt_bytes(char *b, size_t n, double v)
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

static void ctl_fmt_ts(char *b, size_t n, int64_t us)
{
        time_t t = (time_t)(us / 1000000);
        struct tm tm;
        gmtime_r(&t, &tm);
        strftime(b, n, "%Y-%m-%d %H:%M:%SZ", &tm);
}

int ctl_status(bool brief)
{
        json_object *o = NULL;
        char a[32], b[32], c[32];
        if (ctl_api("GET", "/api/v1/status", NULL, &o, NULL) < 0)
                return 1;
        if (brief && !ctl_json) {
                json_object *d = ctl_get(o, "desired"), *g = ctl_get(o, "generation");
                json_object *w = ctl_get(ctl_get(o, "windows"), "short");
                ctl_fmt_us(a, sizeof(a), ctl_gd(w, "p95_us"));
                if (g && !json_object_is_type(g, json_type_null))
                        snprintf(b, sizeof(b), "generation %" PRId64, ctl_gi(g, "id"));
                else
                        snprintf(b, sizeof(b), "no generation yet");
                const char *alert = ctl_gs(o, "alert", NULL);
                printf("desired %s (%s), serving %" PRId64 ", pending %" PRId64 ", draining %" PRId64
                       ", %s, p95 %s, %.1f req/s%s%s%s\n", d ? json_object_get_string(d) : "-",
                       ctl_gs(o, "desired_source", "?"), ctl_gi(o, "actual"), ctl_gi(o, "pending"), ctl_gi(o, "draining"),
                       b, a, ctl_gd(w, "rps"), json_object_get_boolean(ctl_get(o, "panic")) ? ", PANIC" : "",
                       alert ? ", ALERT: " : "", alert ? alert : "");
                json_object_put(o);
                return 0;
        }
        if (ctl_json) {
                ctl_print_json(o);
                json_object_put(o);
                return 0;
        }
        double now_s = ctl_gi(o, "now_us") / 1e6;
        ctl_fmt_age(a, sizeof(a), ctl_gd(o, "uptime_s"));
        printf("pool %s (service %s), mode %s, up %s, snowscaled %s\n", ctl_gs(o, "pool", "?"),
               ctl_gs(o, "service", "?"), ctl_gs(o, "mode", "?"), a, ctl_gs(o, "version", "?"));
        json_object *d = ctl_get(o, "desired");
        printf("desired  %s (%s)   serving %" PRId64 "   pending %" PRId64 "   draining %" PRId64
               "   panic %s\n", d ? json_object_get_string(d) : "-", ctl_gs(o, "desired_source", "?"),
               ctl_gi(o, "actual"), ctl_gi(o, "pending"), ctl_gi(o, "draining"),
               json_object_get_boolean(ctl_get(o, "panic")) ? "YES" : "no");
        json_object *p = ctl_get(o, "policy"), *ms = ctl_get(p, "metrics");
        printf("policy   ");
        for (size_t i = 0; ms && i < json_object_array_length(ms); i++) {
                json_object *m = json_object_array_get_idx(ms, i);
                const char *name = ctl_gs(m, "metric", "?");
                if (strstr(name, "latency"))
                        ctl_fmt_us(a, sizeof(a), ctl_gd(m, "target"));
                else
                        snprintf(a, sizeof(a), "%g", ctl_gd(m, "target"));
                printf("%s%s target %s", i ? ", " : "", name, a);
        }
        printf(" ±%.0f%%, clones %" PRId64 "..%" PRId64 "\n", ctl_gd(p, "tolerance") * 100,
               ctl_gi(p, "min_clones"), ctl_gi(p, "max_clones"));
        json_object *g = ctl_get(o, "generation");
        if (g && !json_object_is_type(g, json_type_null)) {
                ctl_fmt_age(a, sizeof(a), ctl_gd(g, "age_s"));
                ctl_fmt_bytes(b, sizeof(b), ctl_gd(g, "descriptor_bytes"));
                printf("gen      %" PRId64 ", %s old, descriptor %s\n", ctl_gi(g, "id"), a, b);
        } else {
                printf("gen      none yet\n");
        }
        printf("\n%-7s %9s %9s %10s %10s %10s %7s %8s\n", "window", "requests", "req/s", "p50", "p95",
               "p99", "errors", "inflight");
        json_object *ws = ctl_get(o, "windows");
        const char *names[] = { "short", "long" };
        for (int i = 0; i < 2; i++) {
                json_object *w = ctl_get(ws, names[i]);
                if (!w)
                        continue;
                ctl_fmt_us(a, sizeof(a), ctl_gd(w, "p50_us"));
                ctl_fmt_us(b, sizeof(b), ctl_gd(w, "p95_us"));
                ctl_fmt_us(c, sizeof(c), ctl_gd(w, "p99_us"));
                char label[16];
                snprintf(label, sizeof(label), "%s %.0fs", names[i], ctl_gd(w, "window_s"));
                printf("%-9s %7" PRId64 " %9.1f %10s %10s %10s %6.1f%% %8.2f\n", label, ctl_gi(w, "count"),
                       ctl_gd(w, "rps"), a, b, c, ctl_gd(w, "error_rate") * 100, ctl_gd(w, "inflight"));
        }
        json_object *ld = ctl_get(o, "last_decision");
        if (ld && !json_object_is_type(ld, json_type_null)) {
                ctl_fmt_age(a, sizeof(a), now_s - ctl_gi(ld, "ts_us") / 1e6);
                printf("\nlast decision %s ago: %s\n", a, ctl_gs(ld, "reason", ""));
        }
        const char *alert = ctl_gs(o, "alert", NULL);
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

int ctl_clones(bool metrics)
{
        json_object *o = NULL;
        if (ctl_api("GET", "/api/v1/clones", NULL, &o, NULL) < 0)
                return 1;
        if (ctl_json) {
                ctl_print_json(o);
                json_object_put(o);
                return 0;
        }
        json_object *arr = ctl_get(o, "clones");
        size_t n = arr ? json_object_array_length(arr) : 0;
        double now_s = (double)ss_wall_us() / 1e6;
        printf("%-8s %4s %-10s %-10s %-22s %7s %12s %8s %10s %6s  %s%s\n", "ID", "GEN", "STATE", "HOST", "ADDRESS", "SINCE",
               "FETCHED", "REQ/S", "P95", "HIT%", metrics ? "METRICS / " : "", "REASON");
        for (size_t i = 0; i < n; i++) {
                json_object *c = json_object_array_get_idx(arr, i), *f = ctl_get(c, "fetch"), *s = ctl_get(c, "stats");
                char age[16], fetched[32], p95[32], hit[16] = "-", m[512] = "";
                /* the hit rate exists when the app reports hits and misses (the demo app does) */
                json_object *g = ctl_get(c, "guest"), *hr = g ? ctl_get(g, "hit_rate") : NULL;
                if (hr)
                        snprintf(hit, sizeof(hit), "%.1f", json_object_get_double(hr) * 100);
                if (metrics)
                        fmt_metrics(m, sizeof(m), ctl_get(c, "metrics"));
                ctl_fmt_age(age, sizeof(age), now_s - ctl_gi(c, "state_since_us") / 1e6);
                ctl_fmt_bytes(fetched, sizeof(fetched), ctl_gd(f, "bytes"));
                ctl_fmt_us(p95, sizeof(p95), ctl_gd(s, "p95_us"));
                printf("%-8s %4" PRId64 " %-10s %-10s %-22s %7s %12s %8.1f %10s %6s  %s%s%s\n", ctl_gs(c, "id", "?"),
                       ctl_gi(c, "generation"), ctl_gs(c, "state", "?"), ctl_gs(c, "host", "-"),
                       ctl_gs(c, "address", "-"), age, fetched,
                       ctl_gd(s, "rps"), p95, hit, metrics ? (m[0] ? m : "-") : "",
                       metrics && *ctl_gs(c, "reason", "") ? " / " : "", ctl_gs(c, "reason", ""));
        }
        if (n == 0)
                printf("(no clones)\n");
        json_object_put(o);
        return 0;
}

/* snowscalectl hosts: the worker hosts of a multi-host pool, their health and capacity */
int ctl_hosts(void)
{
        json_object *o = NULL;
        if (ctl_api("GET", "/api/v1/hosts", NULL, &o, NULL) < 0)
                return 1;
        if (ctl_json) {
                ctl_print_json(o);
                json_object_put(o);
                return 0;
        }
        json_object *arr = ctl_get(o, "hosts");
        size_t n = arr ? json_object_array_length(arr) : 0;
        printf("placement: %s\n", ctl_gs(o, "placement", "?"));
        printf("%-10s %-22s %-8s %7s %9s %12s %12s  %s\n", "HOST", "HOSTD", "HEALTH", "CLONES", "MAX", "MEM USED",
               "MEMORY", "LAST ERROR");
        for (size_t i = 0; i < n; i++) {
                json_object *h = json_object_array_get_idx(arr, i);
                char used[32], mem[32] = "-", max[16] = "-";
                ctl_fmt_bytes(used, sizeof(used), ctl_gd(h, "memory_used_bytes"));
                if (ctl_gi(h, "memory_bytes"))
                        ctl_fmt_bytes(mem, sizeof(mem), ctl_gd(h, "memory_bytes"));
                if (ctl_gi(h, "max_clones"))
                        snprintf(max, sizeof(max), "%" PRId64, ctl_gi(h, "max_clones"));
                json_object *hv = ctl_get(h, "healthy");
                printf("%-10s %-22s %-8s %7" PRId64 " %9s %12s %12s  %s\n", ctl_gs(h, "name", "?"),
                       ctl_gs(h, "address", "?"), hv && json_object_get_boolean(hv) ? "healthy" : "LOST",
                       ctl_gi(h, "clones"), max, used, mem, ctl_gs(h, "error", ""));
        }
        if (n == 0)
                printf("(no hosts: a single-host pool)\n");
        json_object_put(o);
        return 0;
}

static void print_event(json_object *e)
{
        char ts[32];
        ctl_fmt_ts(ts, sizeof(ts), ctl_gi(e, "ts_us"));
        printf("%-6" PRId64 " %-21s %-10s %s\n", ctl_gi(e, "id"), ts, ctl_gs(e, "kind", "?"), ctl_gs(e, "message", ""));
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
                                if (ctl_json)
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
        snprintf(url, sizeof(url), "%s/api/v1/events/stream?since=%" PRId64, ctl_url, since);
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

int ctl_events(int argc, char **argv)
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
                        ctl_usage(stderr);
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
        if (ctl_api("GET", path, NULL, &o, NULL) < 0)
                return 1;
        int64_t next = ctl_gi(o, "next");
        json_object *arr = ctl_get(o, "events");
        size_t n = arr ? json_object_array_length(arr) : 0;
        if (ctl_json && !follow) {
                ctl_print_json(o);
        } else if (ctl_json) {
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
