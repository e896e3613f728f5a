/* sf-memtap: present a generation's memory as <mount>/mem, fetched lazily (one clone's memtap).
 *
 *   sf-memtap --descriptor FILE --mount DIR --store DIR [--memserver HOST:PORT --secret-file FILE]
 *             [--generation N]   (fetch the descriptor of generation N from the memserver into FILE)
 *             [--mcast GROUP:PORT@LOCAL_ADDR]   (also take pages the memserver multicasts)
 *             [--readahead none|adaptive|N] [--max-readahead N] [--record-ws FILE | --replay-ws FILE]
 *             [--record-ms N] [--timeout-ms N] [--serve-readaround] [--lz4] [--stats FILE]
 *             [--complete-mib-s N]   (background completion at most N MiB/s after the working set)
 * Runs until SIGINT/SIGTERM, then unmounts and prints one "STATS ..." line (also to --stats).
 * A failed fetch is logged once with its reason; reads of the file fail with EIO from then on. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cc_internal.h"
#include "ss_log.h"
#include "ss_util.h"

static void on_fail(const char *reason, void *userdata)
{
        log_error("memory fetch failed, the file now answers EIO: %s", reason);
}

static void usage(void)
{
        fprintf(stderr, "usage: sf-memtap --descriptor FILE --mount DIR --store DIR\n"
                        "       [--memserver HOST:PORT --secret-file FILE] [--readahead none|adaptive|N]\n"
                        "       [--max-readahead N] [--record-ws FILE | --replay-ws FILE] [--record-ms N]\n"
                        "       [--timeout-ms N] [--serve-readaround] [--lz4] [--stats FILE] [--generation N]\n"
                        "       [--mcast GROUP:PORT@LOCAL_ADDR] [--complete-mib-s N]\n");
}

static void print_stats(FILE *f, const struct cc_memtap_stats *s)
{
        fprintf(f, "STATS pages=%llu demand_faults=%llu fetched_pages=%llu prefetched_pages=%llu "
                   "readahead_pages=%llu zero_reads=%llu local_hits=%llu bytes=%llu speculative_rejects=%llu "
                   "first_touch_us_p50=%llu fetched_pct=%.2f mcast_pages=%llu failed=%d "
                   "background_pages=%llu completed=%d complete_us=%llu",
                (unsigned long long)s->pages, (unsigned long long)s->demand_faults,
                (unsigned long long)s->fetched_pages, (unsigned long long)s->prefetched_pages,
                (unsigned long long)s->readahead_pages, (unsigned long long)s->zero_reads,
                (unsigned long long)s->local_hits, (unsigned long long)s->bytes,
                (unsigned long long)s->speculative_rejects, (unsigned long long)s->first_touch_us_p50,
                s->fetched_pct, (unsigned long long)s->mcast_pages, s->failed,
                (unsigned long long)s->background_pages, s->completed, (unsigned long long)s->complete_us);
        fprintf(f, " stall_hist=");
        for (int i = 0; i < CC_STALL_BUCKETS; i++)
                fprintf(f, "%s%llu", i ? "," : "", (unsigned long long)s->stall_hist[i]);
        fprintf(f, "\n");
}

int main(int argc, char **argv)
{
        static const struct option lo[] = {
                { "descriptor", required_argument, NULL, 'd' }, { "mount", required_argument, NULL, 'm' },
                { "store", required_argument, NULL, 's' }, { "memserver", required_argument, NULL, 'M' },
                { "secret-file", required_argument, NULL, 'k' }, { "readahead", required_argument, NULL, 'r' },
                { "max-readahead", required_argument, NULL, 'x' },
                { "record-ws", required_argument, NULL, 'R' }, { "replay-ws", required_argument, NULL, 'P' },
                { "record-ms", required_argument, NULL, 'w' }, { "timeout-ms", required_argument, NULL, 't' },
                { "serve-readaround", no_argument, NULL, 'a' }, { "lz4", no_argument, NULL, 'z' },
                { "stats", required_argument, NULL, 'S' }, { "generation", required_argument, NULL, 'g' },
                { "mcast", required_argument, NULL, 'C' }, { "complete-mib-s", required_argument, NULL, 'B' }, { "help", no_argument, NULL, 'h' }, { 0 },
        };
        struct cc_memtap_opts o = {0};
        const char *desc_path = NULL, *store_dir = NULL, *secret_file = NULL, *stats_path = NULL;
        uint8_t secret[4096];
        size_t secret_len = 0;
        char why[CC_REASON_MAX] = "";
        struct cc_descriptor *d = NULL;
        struct cc_store *store = NULL;
        struct cc_memtap *m = NULL;
        unsigned long long fetch_gen = 0;
        int c, r, rc = 1;

        ss_log_init("sf-memtap", LOG_INFO);
        o.fetch.readahead = CC_RA_ADAPTIVE;
        while ((c = getopt_long(argc, argv, "h", lo, NULL)) != -1) {
                switch (c) {
                case 'd': desc_path = optarg; break;
                case 'm': o.mountpoint = optarg; break;
                case 's': store_dir = optarg; break;
                case 'M': o.memserver = optarg; break;
                case 'k': secret_file = optarg; break;
                case 'r':
                        if (strcmp(optarg, "none") == 0)
                                o.fetch.readahead = CC_RA_NONE;
                        else if (strcmp(optarg, "adaptive") == 0)
                                o.fetch.readahead = CC_RA_ADAPTIVE;
                        else {
                                o.fetch.readahead = CC_RA_FIXED;
                                o.fetch.readahead_pages = (unsigned)strtoul(optarg, NULL, 10);
                                if (!o.fetch.readahead_pages) {
                                        usage();
                                        return 2;
                                }
                        }
                        break;
                case 'x': o.fetch.readahead_pages = (unsigned)strtoul(optarg, NULL, 10); break;
                case 'R': o.ws_path = optarg; o.fetch.record_ws = true; break;
                case 'P': o.ws_path = optarg; o.fetch.replay_ws = true; break;
                case 'w': o.fetch.record_ms = (unsigned)strtoul(optarg, NULL, 10); break;
                case 't': o.timeout_ms = (unsigned)strtoul(optarg, NULL, 10); break;
                case 'a': o.serve_readaround = true; break;
                case 'z': o.fetch.lz4 = true; break;
                case 'S': stats_path = optarg; break;
                case 'g': fetch_gen = strtoull(optarg, NULL, 10); break;
                case 'C': o.mcast = optarg; break;
                case 'B': o.fetch.complete = true; o.fetch.complete_mib_s = (unsigned)strtoul(optarg, NULL, 10); break;
                default: usage(); return c == 'h' ? 0 : 2;
                }
        }
        if (!desc_path || !o.mountpoint || !store_dir || (o.memserver && !secret_file) ||
            (fetch_gen && !o.memserver)) {
                usage();
                return 2;
        }
        if (secret_file) {
                r = cc_secret_read(secret_file, secret, sizeof(secret), &secret_len);
                if (r < 0) {
                        log_error("cannot use secret file %s: %s (need at least 16 bytes)", secret_file,
                                  strerror(-r));
                        return 1;
                }
                o.secret = secret;
                o.secret_len = secret_len;
        }
        if (fetch_gen) {
                struct cc_client *cl = NULL;
                uint8_t *buf = NULL;
                size_t len = 0;
                r = cc_client_connect(o.memserver, o.secret, o.secret_len, o.timeout_ms, &cl, why, sizeof(why));
                if (r == 0)
                        r = cc_client_get_descriptor(cl, fetch_gen, &buf, &len, why, sizeof(why));
                cc_client_close(cl);
                if (r == 0) {
                        r = ss_write_file_atomic(desc_path, buf, len, 0600);
                        if (r < 0)
                                cc_fmt(why, sizeof(why), "cannot write %s: %s", desc_path, strerror(-r));
                }
                free(buf);
                if (r < 0) {
                        log_error("cannot get the descriptor of generation %llu: %s", fetch_gen, why);
                        goto out;
                }
                log_info("descriptor of generation %llu from %s: %zu bytes", fetch_gen, o.memserver, len);
        }
        r = cc_descriptor_read(desc_path, &d, why, sizeof(why));
        if (r < 0) {
                log_error("%s", why);
                goto out;
        }
        r = cc_store_open(store_dir, &store);
        if (r < 0) {
                log_error("cannot open page store %s: %s", store_dir, strerror(-r));
                goto out;
        }
        o.desc = d;
        o.store = store;
        o.on_fail = on_fail;

        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, SIGINT);
        sigaddset(&set, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &set, NULL);
        r = cc_memtap_start(&o, &m, why, sizeof(why));
        if (r < 0) {
                log_error("cannot start: %s", why);
                goto out;
        }
        const struct cc_desc_info *di = cc_descriptor_info(d);
        log_info("generation %llu (%llu pages, %llu zero, %llu distinct) at %s, pages from %s",
                 (unsigned long long)di->generation, (unsigned long long)di->pages,
                 (unsigned long long)di->zero_pages, (unsigned long long)di->distinct_pages,
                 cc_memtap_path(m), o.memserver ? o.memserver : "the local page store");
        printf("ready %s\n", cc_memtap_path(m));
        fflush(stdout);
        int sig;
        sigwait(&set, &sig);
        struct cc_memtap_stats st;
        cc_memtap_stats(m, &st);
        r = cc_memtap_stop(m);
        m = NULL;
        if (r < 0)
                log_warn("cannot write the working set %s: %s", o.ws_path, strerror(-r));
        print_stats(stdout, &st);
        fflush(stdout);
        if (stats_path) {
                FILE *f = fopen(stats_path, "we");
                if (f) {
                        print_stats(f, &st);
                        fclose(f);
                }
        }
        rc = 0;
out:
        cc_memtap_stop(m);
        cc_store_close(store);
        cc_descriptor_free(d);
        explicit_bzero(secret, sizeof(secret));
        return rc;
}
