/* cc-qemu-host: one host's side of a multi-host pool, through the engine's public API (what a
 * host daemon calls), for tests/integration/multihost_*.sh and bench/multihost.sh.
 *
 *   cc-qemu-host --state-dir S --generation G --n N --base-port P [--ids PREFIX]
 *                [--memserver HOST:PORT --secret-file F] [--mcast GROUP:PORT@ADDR]
 *                [--complete-mib-s N] [--no-complete] [--stats FILE] [--timeout-ms N]
 *                [--disk-uri nbd://HOST:PORT/NAME]   (the generation's disk layer over NBD)
 *                [--record-ms N]   (working-set recording window of the host's first memtap)
 *
 * Without --memserver the generation is this host's own (S/gen/G, published here): local clones
 * map its memory file. With it, the descriptor comes from that memserver and the clones share one
 * memtap of this host. Clone i forwards 127.0.0.1:P+i to the guest (user-net). Prints one line
 * per clone event ("READY id=.. port=.. ms=.." / "FAILED id=.. reason=.."), then "ALL n=.. ms=..";
 * writes "STATS ..." (the generation's memtap on this host) to --stats every 100 ms; on SIGTERM
 * retires the clones and exits. Exit status 1 when a clone could not start. */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "clonecore/cc.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static unsigned n_ready, n_failed, n_final;
static uint64_t t0_ns;

static uint64_t mono_ns(void)
{
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static void on_event(const struct cc_clone_event *ev, void *userdata)
{
        unsigned base = *(unsigned *)userdata;
        pthread_mutex_lock(&lock);
        if (ev->state == CC_CLONE_READY) {
                n_ready++;
                printf("READY id=%s port=%u ms=%.0f\n", ev->clone_id, base + ev->index,
                       (double)ev->elapsed_ns / 1e6);
        } else if (ev->state == CC_CLONE_FAILED) {
                n_failed++;
                n_final++;
                printf("FAILED id=%s after_ms=%.0f reason=%s\n", ev->clone_id,
                       (double)(mono_ns() - t0_ns) / 1e6, ev->reason ? ev->reason : "");
        } else if (ev->state == CC_CLONE_RETIRED) {
                n_final++;
        }
        fflush(stdout);
        pthread_cond_broadcast(&cond);
        pthread_mutex_unlock(&lock);
}

/* The memtap is the generation's on this host: any live clone's stats are everyone's. */
static void write_stats(struct cc_engine *e, const char *const *ids, unsigned n, const char *path)
{
        struct cc_clone_stats s;
        char tmp[4096 + 8];
        FILE *f;
        unsigned i = 0;

        while (i < n && cc_clone_stats(e, ids[i], &s) < 0)
                i++;
        if (!path || i == n)
                return;
        snprintf(tmp, sizeof(tmp), "%s.tmp", path);
        f = fopen(tmp, "we");
        if (!f)
                return;
        fprintf(f, "STATS ready=%u failed=%u remote=%d pages=%" PRIu64 " fetched_pages=%" PRIu64
                   " fetched_pct=%.2f prefetched_pages=%" PRIu64 " background_pages=%" PRIu64
                   " demand_faults=%" PRIu64 " mcast_pages=%" PRIu64 " bytes=%" PRIu64 " local_hits=%" PRIu64
                   " completed=%d complete_us=%" PRIu64 " failed_memtap=%d\n",
                n_ready, n_failed, s.remote, s.fetch.pages, s.fetch.fetched_pages, s.fetch.fetched_pct,
                s.fetch.prefetched_pages, s.fetch.background_pages, s.fetch.demand_faults, s.fetch.mcast_pages,
                s.fetch.bytes, s.fetch.local_hits, s.fetch.completed, s.fetch.complete_us, s.fetch.failed);
        fclose(f);
        rename(tmp, path);
}

int main(int argc, char **argv)
{
        static const struct option lo[] = {
                { "state-dir", 1, 0, 's' }, { "generation", 1, 0, 'g' }, { "n", 1, 0, 'n' },
                { "base-port", 1, 0, 'p' }, { "ids", 1, 0, 'i' }, { "memserver", 1, 0, 'm' },
                { "secret-file", 1, 0, 'k' }, { "mcast", 1, 0, 'c' }, { "complete-mib-s", 1, 0, 'r' },
                { "no-complete", 0, 0, 'N' }, { "stats", 1, 0, 'S' }, { "timeout-ms", 1, 0, 't' },
                { "disk-uri", 1, 0, 'd' }, { "record-ms", 1, 0, 'R' },
                { 0, 0, 0, 0 } };
        const char *state_dir = NULL, *memserver = NULL, *secret_file = NULL, *mcast = NULL;
        const char *stats = NULL, *prefix = "c", *disk_uri = NULL;
        unsigned long long gen = 0;
        unsigned n = 1, base = 0, timeout_ms = 0;
        struct cc_fetch_opts fetch = { .readahead = CC_RA_NONE };
        char why[CC_REASON_MAX] = "";
        uint8_t secret[256];
        size_t secret_len = 0;
        int opt, rc = 1;

        while ((opt = getopt_long(argc, argv, "", lo, NULL)) != -1) {
                switch (opt) {
                case 's': state_dir = optarg; break;
                case 'g': gen = strtoull(optarg, NULL, 10); break;
                case 'n': n = (unsigned)strtoul(optarg, NULL, 10); break;
                case 'p': base = (unsigned)strtoul(optarg, NULL, 10); break;
                case 'i': prefix = optarg; break;
                case 'm': memserver = optarg; break;
                case 'k': secret_file = optarg; break;
                case 'c': mcast = optarg; break;
                case 'r': fetch.complete_mib_s = (unsigned)strtoul(optarg, NULL, 10); break;
                case 'N': fetch.complete_off = true; break;
                case 'S': stats = optarg; break;
                case 't': timeout_ms = (unsigned)strtoul(optarg, NULL, 10); break;
                case 'd': disk_uri = optarg; break;
                case 'R': fetch.record_ms = (unsigned)strtoul(optarg, NULL, 10); break;
                default: return 2;
                }
        }
        if (!state_dir || !gen || !base || n == 0 || n > 32 || (memserver && !secret_file)) {
                fprintf(stderr, "usage: cc-qemu-host --state-dir S --generation G --n N --base-port P "
                                "[--memserver HOST:PORT --secret-file F] ...\n");
                return 2;
        }
        /* read as the memserver reads it: a secret ending in a CR byte must match */
        if (secret_file && cc_secret_read(secret_file, secret, sizeof(secret), &secret_len) < 0) {
                fprintf(stderr, "cc-qemu-host: cannot use secret file %s (need at least 16 bytes)\n", secret_file);
                return 2;
        }
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, SIGINT);
        sigaddset(&set, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &set, NULL);

        struct cc_engine_config ec = { .driver = &cc_qemu_driver, .state_dir = state_dir, .secret = secret,
                                       .secret_len = secret_len, .ready_timeout_ms = 120000,
                                       .fetch_timeout_ms = timeout_ms };
        struct cc_engine *e = NULL;
        struct cc_generation *g = NULL;
        if (cc_engine_new(&ec, &e, why, sizeof(why)) < 0) {
                fprintf(stderr, "engine: %s\n", why);
                return 1;
        }
        t0_ns = mono_ns();
        int r = memserver ? cc_generation_fetch(e, memserver, gen, &g, why, sizeof(why))
                          : cc_generation_get(e, gen, &g, why, sizeof(why));
        if (r < 0) {
                fprintf(stderr, "generation %llu: %s\n", gen, why);
                goto out;
        }
        struct cc_net nets[32];
        char idbuf[32][64];
        const char *ids[32];
        for (unsigned i = 0; i < n; i++) {
                nets[i] = cc_net_user(base + i);
                snprintf(idbuf[i], sizeof(idbuf[i]), "%s%u", prefix, i);
                ids[i] = idbuf[i];
        }
        struct cc_clone_opts o = { .n = n, .ids = ids, .nets = nets, .memserver = memserver, .fetch = fetch,
                                   .cb = on_event, .userdata = &base, .mcast = mcast,
                                   .disk_uri = disk_uri };
        uint64_t ticket;
        r = cc_clone(e, g, &o, &ticket);
        if (r < 0) {
                fprintf(stderr, "clone: %s\n", strerror(-r));
                goto out;
        }
        pthread_mutex_lock(&lock);
        while (n_ready + n_failed < n)
                pthread_cond_wait(&cond, &lock);
        printf("ALL n=%u ready=%u failed=%u ms=%.0f\n", n, n_ready, n_failed, (double)(mono_ns() - t0_ns) / 1e6);
        fflush(stdout);
        pthread_mutex_unlock(&lock);
        rc = n_failed ? 1 : 0;
        for (;;) {
                struct timespec ts = { 0, 100 * 1000000L };
                write_stats(e, ids, n, stats);
                if (sigtimedwait(&set, NULL, &ts) > 0)
                        break;
        }
        for (unsigned i = 0; i < n; i++)
                cc_retire(e, ids[i], 2000);
        pthread_mutex_lock(&lock);
        struct timespec dl;
        clock_gettime(CLOCK_REALTIME, &dl);
        dl.tv_sec += 15;
        while (n_final < n && pthread_cond_timedwait(&cond, &lock, &dl) == 0)
                ;
        pthread_mutex_unlock(&lock);
out:
        cc_engine_free(e);
        explicit_bzero(secret, sizeof(secret));
        return rc;
}
