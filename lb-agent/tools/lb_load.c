/* lb-load: bounded HTTP load with libcurl for snowscale-lb's tests and benchmark.
 *   lb-load --url URL [--concurrency N] [--duration-s S] [--retry 0|1]
 *                                          (until SIGTERM/SIGINT without -s)
 *   lb-load --send-dgram SOCKET_PATH   (each stdin line becomes one datagram; for fault tests)
 * Prints "requests=N failed=M p50_us=.. p95_us=.. p99_us=.. mean_us=.." and one
 * "served BODY=COUNT" line per distinct first body line, so a test sees where traffic went.
 * A request fails on any transport error or a status other than 200. Connections are kept
 * alive; a GET whose reused connection was closed by the server before any response byte is
 * sent again once, as every HTTP client does, and counted as retried (see idempotent_retry);
 * --retry 0 makes that a failure too (a front that never closes a connection under a request
 * needs no client help). */
#include <curl/curl.h>
#include <errno.h>
#include <stdbool.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "ss_util.h"

#define MAX_CONC 256
#define MAX_NAMES 32

static volatile sig_atomic_t stop;
static bool allow_retry = true;
static void on_signal(int s) { stop = 1; }

struct slot {
        CURL *c;
        bool retried;
        char body[128];
        size_t len;
        uint64_t start_ns;
};

static struct { char name[64]; unsigned long n; } served[MAX_NAMES];
static size_t n_served;
static uint32_t *lat;
static size_t n_lat, cap_lat;

static size_t on_body(char *p, size_t size, size_t n, void *cls)
{
        struct slot *s = cls;
        size_t len = size * n, c = len < sizeof(s->body) - 1 - s->len ? len : sizeof(s->body) - 1 - s->len;
        memcpy(s->body + s->len, p, c);
        s->len += c;
        s->body[s->len] = 0;
        return len;
}

static void count_body(const char *b)
{
        char name[64];
        size_t i;

        snprintf(name, sizeof(name), "%.*s", (int)strcspn(b, "\n"), b);
        for (i = 0; i < n_served; i++)
                if (strcmp(served[i].name, name) == 0)
                        break;
        if (i == n_served) {
                if (n_served == MAX_NAMES)
                        return;
                snprintf(served[n_served++].name, sizeof(served[0].name), "%s", name);
        }
        served[i].n++;
}

/* RFC 9112 9.3.1: a client may retry an idempotent request once when a kept-alive connection
 * closed before any byte of the response arrived. That is the keepalive race every HTTP/1.1
 * client meets when a server closes an idle connection (nginx does so for its old workers on a
 * reload) just as the next request is sent; browsers and libraries retry it. Counted apart. */
static bool idempotent_retry(struct slot *s, CURLcode res)
{
        long connects = 1;
        curl_off_t down = 1;
        long header = 1;

        if (!allow_retry || s->retried || (res != CURLE_RECV_ERROR && res != CURLE_GOT_NOTHING && res != CURLE_SEND_ERROR))
                return false;
        curl_easy_getinfo(s->c, CURLINFO_NUM_CONNECTS, &connects);
        curl_easy_getinfo(s->c, CURLINFO_SIZE_DOWNLOAD_T, &down);
        curl_easy_getinfo(s->c, CURLINFO_HEADER_SIZE, &header);
        return connects == 0 && down == 0 && header == 0;
}

static int cmp_u32(const void *a, const void *b)
{
        uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
        return x < y ? -1 : x > y;
}

static int send_dgrams(const char *path)
{
        struct sockaddr_un sun = { .sun_family = AF_UNIX };
        char line[8192];
        int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0), sent = 0;

        snprintf(sun.sun_path, sizeof(sun.sun_path), "%s", path);
        while (fgets(line, sizeof(line), stdin)) {
                size_t n = strlen(line);
                if (n && line[n - 1] == '\n')
                        line[--n] = 0;
                if (sendto(fd, line, n, 0, (struct sockaddr *)&sun, sizeof(sun)) < 0) {
                        fprintf(stderr, "lb-load: sendto %s: %s\n", path, strerror(errno));
                        return 1;
                }
                sent++;
        }
        printf("sent=%d\n", sent);
        return 0;
}

int main(int argc, char **argv)
{
        const char *url = NULL;
        unsigned conc = 4;
        double duration = 0;
        struct slot slots[MAX_CONC];
        unsigned long requests = 0, failed = 0, retried = 0;
        uint64_t end_ns = 0;
        CURLM *m;
        int running;

        for (int i = 1; i + 1 < argc; i += 2) {
                if (strcmp(argv[i], "--url") == 0)
                        url = argv[i + 1];
                else if (strcmp(argv[i], "--concurrency") == 0)
                        conc = (unsigned)atoi(argv[i + 1]);
                else if (strcmp(argv[i], "--retry") == 0)
                        allow_retry = atoi(argv[i + 1]) != 0;
                else if (strcmp(argv[i], "--duration-s") == 0)
                        duration = atof(argv[i + 1]);
                else if (strcmp(argv[i], "--send-dgram") == 0)
                        return send_dgrams(argv[i + 1]);
                else {
                        fprintf(stderr, "lb-load: unknown option %s\n", argv[i]);
                        return 2;
                }
        }
        if (!url || conc == 0 || conc > MAX_CONC) {
                fprintf(stderr, "usage: lb-load --url URL [--concurrency 1..%d] [--duration-s S]\n", MAX_CONC);
                return 2;
        }
        signal(SIGTERM, on_signal);
        signal(SIGINT, on_signal);
        curl_global_init(CURL_GLOBAL_DEFAULT);
        m = curl_multi_init();
        if (duration > 0)
                end_ns = ss_mono_ns() + (uint64_t)(duration * 1e9);
        for (unsigned i = 0; i < conc; i++) {
                struct slot *s = &slots[i];
                s->c = curl_easy_init();
                curl_easy_setopt(s->c, CURLOPT_URL, url);
                curl_easy_setopt(s->c, CURLOPT_NOPROXY, "*");
                curl_easy_setopt(s->c, CURLOPT_WRITEFUNCTION, on_body);
                curl_easy_setopt(s->c, CURLOPT_WRITEDATA, s);
                curl_easy_setopt(s->c, CURLOPT_TIMEOUT_MS, 15000L);
                curl_easy_setopt(s->c, CURLOPT_NOSIGNAL, 1L);
                curl_easy_setopt(s->c, CURLOPT_PRIVATE, s);
                s->len = 0;
                s->start_ns = ss_mono_ns();
                curl_multi_add_handle(m, s->c);
        }
        for (;;) {
                CURLMsg *msg;
                int left;
                bool done;
                curl_multi_perform(m, &running);
                while ((msg = curl_multi_info_read(m, &left))) {
                        struct slot *s;
                        long code = 0;
                        uint64_t now = ss_mono_ns();
                        if (msg->msg != CURLMSG_DONE)
                                continue;
                        curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **)&s);
                        curl_easy_getinfo(s->c, CURLINFO_RESPONSE_CODE, &code);
                        if (idempotent_retry(s, msg->data.result)) {
                                retried++;
                                curl_multi_remove_handle(m, s->c);
                                s->retried = true;
                                s->len = 0;
                                curl_multi_add_handle(m, s->c);
                                continue;
                        }
                        requests++;
                        if (msg->data.result != CURLE_OK || code != 200) {
                                failed++;
                                if (failed <= 10)
                                        fprintf(stderr, "lb-load: request failed: %s, HTTP %ld: %.60s\n",
                                                curl_easy_strerror(msg->data.result), code, s->body);
                        } else {
                                count_body(s->body);
                        }
                        if (n_lat == cap_lat) {
                                cap_lat = cap_lat ? cap_lat * 2 : 65536;
                                lat = realloc(lat, cap_lat * sizeof(*lat));
                                if (!lat)
                                        return 1;
                        }
                        lat[n_lat++] = (uint32_t)((now - s->start_ns) / 1000);
                        curl_multi_remove_handle(m, s->c);
                        if (stop || (end_ns && now >= end_ns))
                                continue;       /* finish what is in flight, start nothing new */
                        s->len = 0;
                        s->body[0] = 0;
                        s->start_ns = now;
                        s->retried = false;
                        curl_multi_add_handle(m, s->c);
                        running++;
                }
                done = stop || (end_ns && ss_mono_ns() >= end_ns);
                if (done && running == 0)
                        break;
                curl_multi_poll(m, NULL, 0, 100, NULL);
        }
        qsort(lat, n_lat, sizeof(*lat), cmp_u32);
        {
                double sum = 0;
                for (size_t i = 0; i < n_lat; i++)
                        sum += lat[i];
#define Q(q) (n_lat ? lat[(size_t)((double)(n_lat - 1) * (q))] : 0)
                printf("requests=%lu failed=%lu retried=%lu p50_us=%u p95_us=%u p99_us=%u mean_us=%.0f\n",
                       requests, failed, retried, Q(0.50), Q(0.95), Q(0.99),
                       n_lat ? sum / (double)n_lat : 0.0);
#undef Q
        }
        for (size_t i = 0; i < n_served; i++)
                printf("served %s=%lu\n", served[i].name, served[i].n);
        for (unsigned i = 0; i < conc; i++)
                curl_easy_cleanup(slots[i].c);
        curl_multi_cleanup(m);
        curl_global_cleanup();
        free(lat);
        return 0;
}
