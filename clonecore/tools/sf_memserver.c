/* sf-memserver: serve the pages of the generations published under a state directory.
 *
 *   sf-memserver --state-dir DIR --secret-file FILE [--listen HOST:PORT] [--max-conns N]
 *                [--max-request-pages N] [--io-timeout-ms N] [--inject-fault KIND:N] [--log-level L]
 *                [--mcast GROUP:PORT@LOCAL_ADDR]   (mcdist: multicast every page served once)
 * --inject-fault is the test suite's fault injector (corrupt:N, stall:N, die:N: misbehave after N
 * pages; delay:US: answer every request US µs late); never use it in production. Prints "listening on HOST:PORT" once ready. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cc_internal.h"
#include "ss_log.h"

static void log_cb(int level, const char *msg, void *userdata)
{
        ss_log(level, "%s", msg);
}

static void usage(void)
{
        fprintf(stderr, "usage: sf-memserver --state-dir DIR --secret-file FILE [--listen HOST:PORT]\n"
                        "       [--max-conns N] [--max-request-pages N] [--io-timeout-ms N]\n"
                        "       [--inject-fault corrupt:N|stall:N|die:N|delay:US] [--log-level LEVEL]\n"
                        "       [--mcast GROUP:PORT@LOCAL_ADDR]\n");
}

int main(int argc, char **argv)
{
        static const struct option lo[] = {
                { "state-dir", required_argument, NULL, 's' }, { "secret-file", required_argument, NULL, 'k' },
                { "listen", required_argument, NULL, 'l' }, { "max-conns", required_argument, NULL, 'c' },
                { "max-request-pages", required_argument, NULL, 'p' },
                { "io-timeout-ms", required_argument, NULL, 't' },
                { "inject-fault", required_argument, NULL, 'f' }, { "mcast", required_argument, NULL, 'C' }, { "log-level", required_argument, NULL, 'v' },
                { "help", no_argument, NULL, 'h' }, { 0 },
        };
        struct cc_memserver_opts o = { .listen = "127.0.0.1:7440" };
        const char *state_dir = NULL, *secret_file = NULL;
        uint8_t secret[4096];
        size_t secret_len = 0;
        char gen_root[PATH_MAX], store[PATH_MAX], why[CC_REASON_MAX] = "";
        struct cc_memserver *s = NULL;
        int c, r;

        ss_log_init("sf-memserver", LOG_INFO);
        while ((c = getopt_long(argc, argv, "h", lo, NULL)) != -1) {
                switch (c) {
                case 's': state_dir = optarg; break;
                case 'k': secret_file = optarg; break;
                case 'l': o.listen = optarg; break;
                case 'c': o.max_conns = (unsigned)strtoul(optarg, NULL, 10); break;
                case 'p': o.max_request_pages = (unsigned)strtoul(optarg, NULL, 10); break;
                case 't': o.io_timeout_ms = (unsigned)strtoul(optarg, NULL, 10); break;
                case 'f': o.inject_fault = optarg; break;
                case 'C': o.mcast = optarg; break;
                case 'v':
                        r = ss_log_parse_level(optarg);
                        if (r < 0) {
                                usage();
                                return 2;
                        }
                        ss_log_set_level(r);
                        break;
                default: usage(); return c == 'h' ? 0 : 2;
                }
        }
        if (!state_dir || !secret_file) {
                usage();
                return 2;
        }
        r = cc_secret_read(secret_file, secret, sizeof(secret), &secret_len);
        if (r < 0) {
                log_error("cannot use secret file %s: %s (need at least 16 bytes)", secret_file, strerror(-r));
                return 1;
        }
        snprintf(gen_root, sizeof(gen_root), "%s/gen", state_dir);
        snprintf(store, sizeof(store), "%s/store", state_dir);
        o.gen_root = gen_root;
        o.store_dir = store;
        o.secret = secret;
        o.secret_len = secret_len;
        o.log = log_cb;

        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, SIGINT);
        sigaddset(&set, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &set, NULL);     /* server threads inherit the mask */
        r = cc_memserver_start(&o, &s, why, sizeof(why));
        if (r < 0) {
                log_error("cannot start: %s", why);
                return 1;
        }
        if (o.inject_fault)
                log_warn("fault injector active: %s", o.inject_fault);
        const char *colon = strrchr(o.listen, ':');
        printf("listening on %.*s:%u\n", (int)(colon - o.listen), o.listen, cc_memserver_port(s));
        fflush(stdout);
        log_info("serving generations under %s on port %u", gen_root, cc_memserver_port(s));
        int sig;
        sigwait(&set, &sig);
        log_info("signal %d: stopping", sig);
        cc_memserver_stop(s);
        explicit_bzero(secret, sizeof(secret));
        return 0;
}
