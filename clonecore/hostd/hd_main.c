/* snowscale-hostd: runs clonecore on one worker host for snowscaled (docs/multihost.md).
 *
 *   snowscale-hostd --name NAME --listen HOST:PORT --state-dir DIR --secret-file FILE
 *                   --ca CA.pem --cert HOST.pem --key HOST.key [--ready-timeout-ms N]
 *                   [--disk-complete-mib-s N] [--log-level LEVEL]
 *
 * --disk-complete-mib-s N: a clone whose disk comes over NBD from snowscaled's host copies it
 * here in the background at N MiB/s and then no longer reads from there (default 0: lazy for
 * its whole life).
 *
 * Start order: TLS files, engine (QEMU driver), clone table, HTTPS API; "listening on" once it
 * serves. Stop (SIGTERM/SIGINT) in reverse: the API, then the engine, which stops the memtaps of
 * this host's clones: a remote clone cannot outlive its memtap, so snowscaled sees them gone and
 * replaces them elsewhere (no clone runs twice). */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

#include "cc_internal.h"
#include "hd.h"
#include "ss_log.h"
#include "ss_util.h"

static void usage(void)
{
        fprintf(stderr, "usage: snowscale-hostd --name NAME --listen HOST:PORT --state-dir DIR --secret-file FILE\n"
                        "       --ca CA.pem --cert HOST.pem --key HOST.key [--ready-timeout-ms N]\n"
                        "       [--disk-complete-mib-s N] [--log-level LEVEL]\n");
}

int main(int argc, char **argv)
{
        static const struct option lo[] = {
                { "name", required_argument, NULL, 'n' }, { "listen", required_argument, NULL, 'l' },
                { "state-dir", required_argument, NULL, 's' }, { "secret-file", required_argument, NULL, 'k' },
                { "ca", required_argument, NULL, 'a' }, { "cert", required_argument, NULL, 'c' },
                { "key", required_argument, NULL, 'K' }, { "ready-timeout-ms", required_argument, NULL, 'r' },
                { "log-level", required_argument, NULL, 'v' }, { "help", no_argument, NULL, 'h' },
                { "disk-complete-mib-s", required_argument, NULL, 'd' }, { 0 },
        };
        const char *name = NULL, *listen = NULL, *state_dir = NULL, *secret_file = NULL;
        const char *ca = NULL, *cert = NULL, *key = NULL;
        unsigned ready_ms = 0, disk_mib_s = 0;
        uint8_t secret[4096];
        size_t secret_len = 0;
        char why[CC_REASON_MAX] = "";
        struct hd_tls tls = { 0 };
        struct cc_engine *e = NULL;
        struct hd_clones *clones = NULL;
        struct hd_api *api = NULL;
        const struct cc_driver_ops *drv;
        sigset_t ss;
        int c, r, sig, rc = 1;

        ss_log_init("snowscale-hostd", LOG_INFO);
        while ((c = getopt_long(argc, argv, "h", lo, NULL)) != -1) {
                switch (c) {
                case 'n': name = optarg; break;
                case 'l': listen = optarg; break;
                case 's': state_dir = optarg; break;
                case 'k': secret_file = optarg; break;
                case 'a': ca = optarg; break;
                case 'c': cert = optarg; break;
                case 'K': key = optarg; break;
                case 'r': ready_ms = (unsigned)strtoul(optarg, NULL, 10); break;
                case 'd': {
                        char *end;
                        unsigned long v = strtoul(optarg, &end, 10);
                        if (!*optarg || *end || v > 100000) {
                                fprintf(stderr, "snowscale-hostd: --disk-complete-mib-s: a number of MiB/s "
                                                "(0 = off, at most 100000), not '%s'\n", optarg);
                                return 2;
                        }
                        disk_mib_s = (unsigned)v;
                        break;
                }
                case 'v':
                        if ((r = ss_log_parse_level(optarg)) < 0) {
                                fprintf(stderr, "snowscale-hostd: --log-level: error, warn, info or debug\n");
                                return 2;
                        }
                        ss_log_set_level(r);
                        break;
                default: usage(); return c == 'h' ? 0 : 2;
                }
        }
        if (!name || !listen || !state_dir || !secret_file || !ca || !cert || !key) {
                usage();
                return 2;
        }
        /* the control channel is TLS or nothing: no file, no start */
        r = hd_tls_load(ca, cert, key, &tls, why, sizeof(why));
        if (r < 0) {
                log_error("hostd: %s (the control channel needs the cluster CA, this host's certificate "
                          "and key: docs/multihost.md)", why);
                return 1;
        }
        r = cc_secret_read(secret_file, secret, sizeof(secret), &secret_len);
        if (r < 0) {
                log_error("hostd: cannot use secret file %s: %s (need at least 16 bytes)", secret_file,
                          strerror(-r));
                goto out;
        }
        drv = cc_driver_find("qemu");
        if (!drv) {
                log_error("hostd: this build has no qemu driver");
                goto out;
        }
        if (drv->probe && drv->probe(why, sizeof(why)) < 0) {
                log_error("hostd: the qemu driver cannot run here: %s", why);
                goto out;
        }
        if ((r = ss_mkdir_p(state_dir, 0700)) < 0) {
                log_error("hostd: cannot create %s: %s", state_dir, strerror(-r));
                goto out;
        }
        struct cc_engine_config ec = {
                .driver = drv, .state_dir = state_dir, .secret = secret, .secret_len = secret_len,
                .ready_timeout_ms = ready_ms,
        };
        r = cc_engine_new(&ec, &e, why, sizeof(why));
        if (r < 0) {
                log_error("hostd: clonecore: %s", why);
                goto out;
        }
        if ((r = hd_clones_new(e, name, disk_mib_s, &clones)) < 0) {
                log_error("hostd: %s", strerror(-r));
                goto out;
        }
        sigemptyset(&ss);
        sigaddset(&ss, SIGTERM);
        sigaddset(&ss, SIGINT);
        sigaddset(&ss, SIGHUP);
        pthread_sigmask(SIG_BLOCK, &ss, NULL);  /* before any thread starts: they inherit it */
        signal(SIGPIPE, SIG_IGN);
        r = hd_api_start(listen, &tls, clones, &api, why, sizeof(why));
        if (r < 0) {
                log_error("hostd: %s", why);
                goto out;
        }
        log_info("hostd %s: listening on %s (TLS, clients need a certificate of the cluster CA %s)", name,
                 listen, ca);
        if (disk_mib_s)
                log_info("hostd %s: a clone's disk read over NBD is copied here in the background at %u MiB/s",
                         name, disk_mib_s);
        for (;;) {
                if (sigwait(&ss, &sig) != 0)
                        continue;
                if (sig == SIGHUP)
                        continue;       /* nothing to reload: every setting is an option */
                log_info("hostd %s: %s: stopping (its clones stop with their memtaps)", name, strsignal(sig));
                break;
        }
        rc = 0;
out:
        hd_api_stop(api);
        cc_engine_free(e);
        hd_clones_free(clones);
        hd_tls_dispose(&tls);
        explicit_bzero(secret, sizeof(secret));
        return rc;
}
