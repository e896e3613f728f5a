/* lb-backend: a tiny HTTP backend for snowscale-lb's tests and benchmark.
 *   lb-backend --listen 127.0.0.1:PORT --name A [--delay-ms N | --delay-ms LO:HI]
 *              [--health-status N] [--health-delay-ms N]
 * GET /healthz answers the health status (200 unless told, after N ms if told); anything else answers "NAME\n" with
 * 200 after the delay (uniform in LO..HI ms), so a test sees which backend served it and a
 * known latency distribution. GET /stats answers "requests=N first_us=T" (served requests and
 * the wall-clock time of the first since the last GET /stats?reset=1): the benchmark times
 * how soon a new backend gets traffic. Thread per connection: delays do not serialise requests. */
#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ss_util.h"

static char name[64] = "backend";
static unsigned delay_lo, delay_hi, health = 200, health_delay;
static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned long served_n, inflight_n;
static uint64_t first_us;

static void sleep_ms(unsigned d)
{
        struct timespec ts = { d / 1000, (long)(d % 1000) * 1000000L };
        while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
                ;
}

static unsigned rnd(void)
{
        static __thread unsigned s;
        if (!s)
                s = (unsigned)ss_mono_ns() ^ (unsigned)(uintptr_t)&s;
        s ^= s << 13;
        s ^= s >> 17;
        s ^= s << 5;
        return s;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url,
                              const char *method, const char *version, const char *upload,
                              size_t *upload_size, void **con_cls)
{
        struct MHD_Response *resp;
        enum MHD_Result r;
        char body[96];
        unsigned status = 200, d;

        if (!*con_cls) {
                *con_cls = (void *)1;
                return MHD_YES;
        }
        if (*upload_size) {
                *upload_size = 0;
                return MHD_YES;
        }
        if (strcmp(url, "/healthz") == 0) {
                status = health;
                if (health_delay)
                        sleep_ms(health_delay);
                snprintf(body, sizeof(body), "%s health %u\n", name, health);
        } else if (strcmp(url, "/stats") == 0) {
                const char *reset = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "reset");
                pthread_mutex_lock(&stats_lock);
                snprintf(body, sizeof(body), "requests=%lu first_us=%llu inflight=%lu\n", served_n,
                         (unsigned long long)first_us, inflight_n);
                if (reset) {
                        served_n = 0;
                        first_us = 0;
                }
                pthread_mutex_unlock(&stats_lock);
        } else {
                pthread_mutex_lock(&stats_lock);
                if (served_n++ == 0)
                        first_us = ss_wall_us();
                inflight_n++;
                pthread_mutex_unlock(&stats_lock);
                d = delay_lo + (delay_hi > delay_lo ? rnd() % (delay_hi - delay_lo + 1) : 0);
                if (d)
                        sleep_ms(d);
                snprintf(body, sizeof(body), "%s\n", name);
                pthread_mutex_lock(&stats_lock);
                inflight_n--;
                pthread_mutex_unlock(&stats_lock);
        }
        resp = MHD_create_response_from_buffer(strlen(body), body, MHD_RESPMEM_MUST_COPY);
        if (!resp)
                return MHD_NO;
        MHD_add_response_header(resp, "Content-Type", "text/plain");
        r = MHD_queue_response(c, status, resp);
        MHD_destroy_response(resp);
        return r;
}

int main(int argc, char **argv)
{
        struct sockaddr_in sin = { .sin_family = AF_INET };
        struct MHD_Daemon *d;
        char host[64];
        unsigned port = 0;
        sigset_t set;
        int sig;

        for (int i = 1; i + 1 < argc; i += 2) {
                if (strcmp(argv[i], "--listen") == 0) {
                        if (ss_split_hostport(argv[i + 1], host, sizeof(host), &port) < 0 ||
                            inet_pton(AF_INET, host, &sin.sin_addr) != 1) {
                                fprintf(stderr, "lb-backend: bad --listen %s\n", argv[i + 1]);
                                return 2;
                        }
                } else if (strcmp(argv[i], "--name") == 0) {
                        snprintf(name, sizeof(name), "%s", argv[i + 1]);
                } else if (strcmp(argv[i], "--delay-ms") == 0) {
                        if (sscanf(argv[i + 1], "%u:%u", &delay_lo, &delay_hi) < 2)
                                delay_hi = delay_lo;
                } else if (strcmp(argv[i], "--health-status") == 0) {
                        health = (unsigned)atoi(argv[i + 1]);
                } else if (strcmp(argv[i], "--health-delay-ms") == 0) {
                        health_delay = (unsigned)atoi(argv[i + 1]);
                } else {
                        fprintf(stderr, "lb-backend: unknown option %s\n", argv[i]);
                        return 2;
                }
        }
        if (!port) {
                fprintf(stderr, "usage: lb-backend --listen 127.0.0.1:PORT [--name N] "
                        "[--delay-ms N|LO:HI] [--health-status N] [--health-delay-ms N]\n");
                return 2;
        }
        sin.sin_port = htons((uint16_t)port);
        sigemptyset(&set);
        sigaddset(&set, SIGTERM);
        sigaddset(&set, SIGINT);
        pthread_sigmask(SIG_BLOCK, &set, NULL);
        d = MHD_start_daemon(MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD,
                             (uint16_t)port, NULL, NULL, handle, NULL,
                             MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sin,
                             MHD_OPTION_CONNECTION_LIMIT, (unsigned)1000, MHD_OPTION_END);
        if (!d) {
                fprintf(stderr, "lb-backend: cannot listen on %s:%u\n", host, port);
                return 1;
        }
        fprintf(stderr, "lb-backend %s listening on %s:%u\n", name, host, port);
        sigwait(&set, &sig);
        MHD_stop_daemon(d);
        return 0;
}
