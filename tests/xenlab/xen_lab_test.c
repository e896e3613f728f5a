/* The Xen driver on a real Xen host (runs inside the lab's dom0).
 *
 *   xen-lab-test KERNEL INITRD WORKDIR
 *
 * Boots a parent PV domU from the worker image, checkpoints it while it keeps running, starts
 * three clones from that checkpoint, checks each is itself (name, clone id) and still the parent
 * (a token only the parent's memory holds), rejects a corrupt state before creating anything,
 * measures the page traffic, retires everything (part 1: the driver on its own). Part 2 does the
 * same through the clonecore engine: a generation cut from the same parent into a descriptor and
 * the page store, a corrupt descriptor refused, three clones started from the descriptor.
 * Prints "STEP <name>" before each step, "FAIL <step>: <why>" on failure, BENCH lines and
 * "XEN LAB TEST PASSED" at the end. */
#define LIBXL_API_VERSION 0x041300
#include <libxl.h>
#include <libxl_utils.h>
#include <xenstore.h>

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <pthread.h>
#include <execinfo.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "clonecore/cc.h"
#include "xen_free.h"

#define NCLONES 3
#define MEM_MB 128

static const struct cc_driver_ops *drv = &cc_xen_driver;
static const char *step_name = "start";
static struct xs_handle *xs;

/* A crash inside dom0 leaves no core: print the stack (addresses resolve with addr2line on the
 * host's copy of the binary, which is linked -no-pie). */
static void on_crash(int sig)
{
        void *frames[48];
        int n = backtrace(frames, 48);
        char msg[64];
        int l = snprintf(msg, sizeof(msg), "FAIL crash: signal %d, backtrace:\n", sig);
        if (write(1, msg, (size_t)l) < 0)
                _exit(128 + sig);
        backtrace_symbols_fd(frames, n, 1);
        _exit(128 + sig);
}

static double now_s(void)
{
        struct timespec t;
        clock_gettime(CLOCK_MONOTONIC, &t);
        return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void step(const char *name)
{
        step_name = name;
        printf("STEP %s %.2f\n", name, now_s());
        fflush(stdout);
}

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void die(const char *fmt, ...)
{
        va_list ap;
        printf("FAIL %s: ", step_name);
        va_start(ap, fmt);
        vprintf(fmt, ap);
        va_end(ap);
        printf("\n");
        fflush(stdout);
        exit(1);
}

static char *slurp(const char *path, size_t *len)
{
        FILE *f = fopen(path, "re");
        char *buf = NULL;
        size_t cap = 0, n = 0, got;
        if (!f)
                return NULL;
        do {
                if (n + 65536 + 1 > cap) {
                        cap = (n + 65536 + 1) * 2;
                        buf = realloc(buf, cap);
                        if (!buf)
                                die("out of memory");
                }
                got = fread(buf + n, 1, 65536, f);
                n += got;
        } while (got > 0);
        fclose(f);
        buf[n] = 0;
        if (len)
                *len = n;
        return buf;
}

static int count_in(const char *path, const char *needle)
{
        char *s = slurp(path, NULL);
        int n = 0;
        for (char *p = s; p && (p = strstr(p, needle)); p += strlen(needle))
                n++;
        free(s);
        return n;
}

/* Wait until a console log holds `needle` more than `more_than` times. The log is written by the
 * driver's console thread; re-reading it every 200 ms is the test's only clock. */
static void wait_console(const char *path, const char *needle, int more_than, int secs)
{
        for (int i = 0; i < secs * 5; i++) {
                if (count_in(path, needle) > more_than)
                        return;
                usleep(200000);
        }
        char *s = slurp(path, NULL);
        size_t l = s ? strlen(s) : 0;
        die("no '%s' in %s after %d s; console tail:\n%s", needle, path, secs, s ? s + (l > 1500 ? l - 1500 : 0) : "(none)");
}

/* Wait for the guest agent's ready key to equal want, on a xenstore watch. */
static void wait_ready(unsigned domid, const char *want, int secs)
{
        char path[128];
        snprintf(path, sizeof(path), "/local/domain/%u/data/snowscale/ready", domid);
        if (!xs_watch(xs, path, "ready"))
                die("xs_watch %s: %s", path, strerror(errno));
        double end = now_s() + secs;
        for (;;) {
                unsigned int len;
                char *v = xs_read(xs, XBT_NULL, path, &len);
                bool ok = v && strcmp(v, want) == 0;
                free(v);
                if (ok)
                        break;
                int left = (int)((end - now_s()) * 1000);
                if (left <= 0)
                        die("domain %u never reported ready as '%s'", domid, want);
                struct pollfd pf = { xs_fileno(xs), POLLIN, 0 };
                if (poll(&pf, 1, left) > 0) {
                        unsigned int num;
                        free(xs_read_watch(xs, &num));
                }
        }
        xs_unwatch(xs, path, "ready");
}

static uint64_t stat_field(const char *path, const char *key)
{
        char *s = slurp(path, NULL), pat[64];
        uint64_t v = UINT64_MAX;
        snprintf(pat, sizeof(pat), "%s=", key);
        char *p = s ? strstr(s, pat) : NULL;
        if (p)
                v = strtoull(p + strlen(pat), NULL, 10);
        free(s);
        if (v == UINT64_MAX)
                die("no %s in %s", key, path);
        return v;
}

static int domain_count(libxl_ctx *ctx)
{
        int n = 0;
        libxl_dominfo *l = libxl_list_domain(ctx, &n);
        libxl_dominfo_list_free(l, n);
        return n;
}

static int cmp_u64(const void *a, const void *b)
{
        uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
        return x < y ? -1 : x > y;
}

/* pages / zero pages / distinct non-zero pages of the memory image (content key: crc32+adler32) */
static void page_census(const char *mem_path, uint64_t *total, uint64_t *zero, uint64_t *distinct)
{
        int fd = open(mem_path, O_RDONLY | O_CLOEXEC);
        struct stat sb;
        static uint8_t page[4096], zpage[4096];
        if (fd < 0 || fstat(fd, &sb) < 0)
                die("open %s: %s", mem_path, strerror(errno));
        uint64_t n = (uint64_t)sb.st_size / 4096, k = 0;
        uint64_t *keys = calloc(n ? n : 1, sizeof(*keys));
        *zero = 0;
        for (uint64_t i = 0; i < n; i++) {
                if (pread(fd, page, 4096, (off_t)(i * 4096)) != 4096)
                        die("short read of %s", mem_path);
                if (!memcmp(page, zpage, 4096)) {
                        (*zero)++;
                        continue;
                }
                keys[k++] = (uint64_t)crc32(0, page, 4096) << 32 | adler32(1, page, 4096);
        }
        qsort(keys, k, sizeof(*keys), cmp_u64);
        *distinct = 0;
        for (uint64_t i = 0; i < k; i++)
                if (i == 0 || keys[i] != keys[i - 1])
                        (*distinct)++;
        *total = n;
        free(keys);
        close(fd);
}

/* ---- free pages at the cut (measurement only, docs/drivers-xen.md) ---- */

struct free_report {
        uint8_t *bitmap;                /* pfns bits */
        uint64_t pfns, pages, buddy, memfree_kib, scan_us;
        double took_s;                  /* request written -> report read */
};

static uint64_t kv_u64(const char *s, const char *key)
{
        char pat[32];
        snprintf(pat, sizeof(pat), "%s=", key);
        const char *p = s ? strstr(s, pat) : NULL;
        if (!p)
                die("no %s in the free-page report '%s'", key, s ? s : "(none)");
        return strtoull(p + strlen(pat), NULL, 10);
}

/* Ask the parent's agent for its free pfns (request "freepages"), wait for free/done, read the
 * chunks. The whole exchange ends before the caller checkpoints: a parent suspended in the middle
 * of an agent request leaves clones whose agent waits for a reply that never comes. */
static void free_report(unsigned domid, struct free_report *ret)
{
        char base[96], path[160];
        unsigned len;
        double t0 = now_s();

        memset(ret, 0, sizeof(*ret));
        snprintf(base, sizeof(base), "/local/domain/%u/data/snowscale", domid);
        snprintf(path, sizeof(path), "%s/free", base);
        xs_rm(xs, XBT_NULL, path);
        snprintf(path, sizeof(path), "%s/free/done", base);
        if (!xs_watch(xs, path, "free"))
                die("xs_watch %s: %s", path, strerror(errno));
        char req[160];
        snprintf(req, sizeof(req), "%s/request", base);
        if (!xs_write(xs, XBT_NULL, req, "freepages", 9))
                die("xs_write %s: %s", req, strerror(errno));
        char *done = NULL;
        for (;;) {
                done = xs_read(xs, XBT_NULL, path, &len);
                if (done)
                        break;
                int left = (int)((t0 + 60 - now_s()) * 1000);
                if (left <= 0)
                        die("no free-page report from domain %u after 60 s (an agent without 'freepages'?)", domid);
                struct pollfd pf = { xs_fileno(xs), POLLIN, 0 };
                if (poll(&pf, 1, left) > 0) {
                        unsigned int num;
                        free(xs_read_watch(xs, &num));
                }
        }
        xs_unwatch(xs, path, "free");
        ret->pfns = kv_u64(done, "pfns");
        ret->pages = kv_u64(done, "pages");
        ret->buddy = kv_u64(done, "buddy");
        ret->memfree_kib = kv_u64(done, "memfree_kib");
        ret->scan_us = kv_u64(done, "scan_us");
        uint64_t chunks = kv_u64(done, "chunks"), set = 0;
        if (ret->pfns == 0 || ret->pfns > (1ull << 26))
                die("free-page report over %" PRIu64 " pfns", ret->pfns);
        ret->bitmap = calloc((ret->pfns + 7) / 8, 1);
        for (uint64_t i = 0; i < chunks; i++) {
                uint64_t n;
                snprintf(path, sizeof(path), "%s/free/%" PRIu64, base, i);
                char *v = xs_read(xs, XBT_NULL, path, &len);
                int r = v ? xen_free_parse(v, ret->bitmap, ret->pfns, &n) : -ENOENT;
                if (r < 0)
                        die("free-page chunk %" PRIu64 ": %s", i, strerror(-r));
                set += n;
                free(v);
        }
        if (set != ret->pages)
                die("free-page report: %" PRIu64 " pfns in the chunks, %" PRIu64 " in free/done", set, ret->pages);
        ret->took_s = now_s() - t0;
        free(done);
        /* The agent's last write was answered before xenstored fired our watch, but the guest
         * kernel hands that reply to the agent a moment later: give it that moment before the
         * suspend, so the image holds an agent back in poll(), not one waiting for a reply. */
        usleep(500000);
}

/* Free pages at a cut (measurement only): the agent reports its free pfns, the parent is
 * checkpointed into gen_dir, the report is counted against that memory image, and a second report
 * after the parent resumed shows how much the allocator moved meanwhile. No clone is started from
 * this cut: in two lab runs where the driver part's clones came from a cut taken just after a
 * report, one clone of three hung each time (docs/drivers-xen.md). */
static void free_pages_phase(struct cc_vm *parent, unsigned domid, const char *gen_dir)
{
        char why[CC_REASON_MAX] = "";
        struct free_report fr1, fr2;
        struct cc_checkpoint ck;
        struct xen_free_census fc;

        step("free-pages-report");
        free_report(domid, &fr1);
        printf("free-page report: %" PRIu64 " of %" PRIu64 " pfns free (%" PRIu64 " flagged KPF_BUDDY), MemFree %" PRIu64
               " pages, scan %.1f ms, %.2f s in all\n", fr1.pages, fr1.pfns, fr1.buddy, fr1.memfree_kib / 4,
               (double)fr1.scan_us / 1000, fr1.took_s);
        step("free-pages-cut");
        mkdir(gen_dir, 0700);
        if (drv->checkpoint(parent, gen_dir, &ck, why, sizeof(why)) < 0)
                die("checkpoint: %s", why);
        step("free-pages-census");
        free_report(domid, &fr2);
        int fd = open(ck.mem_path, O_RDONLY | O_CLOEXEC);
        if (fd < 0 || xen_free_census(fd, fr1.bitmap, fr1.pfns, &fc) < 0)
                die("census of %s", ck.mem_path);
        close(fd);
        uint64_t churn = xen_free_changed(fr1.bitmap, fr2.bitmap, fr1.pfns < fr2.pfns ? fr1.pfns : fr2.pfns);
        printf("free pages at the cut: %" PRIu64 " non-zero pages, %" PRIu64 " reported free, of them %" PRIu64
               " non-zero; %" PRIu64 " pfns changed state between the reports before and after the cut\n",
               fc.nonzero, fc.free, fc.free_nonzero, churn);
        printf("BENCH xen_free_pages pages=%" PRIu64 " pages_nonzero=%" PRIu64 " free=%" PRIu64 " free_nonzero=%" PRIu64
               " saving_ratio=%.3f memfree_pages=%" PRIu64 " free_buddy_flagged=%" PRIu64 " churn_pages=%" PRIu64
               " scan_ms=%.1f report_s=%.2f applied=0\n", fc.pages, fc.nonzero, fc.free, fc.free_nonzero,
               fc.nonzero ? (double)fc.free_nonzero / (double)fc.nonzero : 0.0, fr1.memfree_kib / 4, fr1.buddy,
               churn, (double)fr1.scan_us / 1000, fr1.took_s);
        free(fr1.bitmap);
        free(fr2.bitmap);
}

/* ---- part 2: the engine ---- */

struct events {
        pthread_mutex_t lock;
        pthread_cond_t changed;
        int ready, retired, failed;
        double ready_s[NCLONES];
        char reason[CC_REASON_MAX];
};

static void on_clone_event(const struct cc_clone_event *ev, void *userdata)
{
        struct events *e = userdata;

        pthread_mutex_lock(&e->lock);
        if (ev->state == CC_CLONE_READY) {
                e->ready++;
                int i = ev->clone_id && (ev->clone_id[0] == 'e' || ev->clone_id[0] == 'f') ? atoi(ev->clone_id + 1) - 1 : -1;
                if (i >= 0 && i < NCLONES)
                        e->ready_s[i] = (double)ev->elapsed_ns / 1e9;
        } else if (ev->state == CC_CLONE_RETIRED) {
                e->retired++;
        } else if (ev->state == CC_CLONE_FAILED) {
                e->failed++;
                snprintf(e->reason, sizeof(e->reason), "%s: %s", ev->clone_id, ev->reason ? ev->reason : "?");
        }
        pthread_cond_broadcast(&e->changed);
        pthread_mutex_unlock(&e->lock);
}

static void wait_events(struct events *e, const int *counter, int want, int secs, const char *what)
{
        struct timespec ts;

        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_sec += secs;
        pthread_mutex_lock(&e->lock);
        while (*counter < want && e->failed == 0)
                if (pthread_cond_timedwait(&e->changed, &e->lock, &ts) == ETIMEDOUT)
                        break;
        int got = *counter, failed = e->failed;
        pthread_mutex_unlock(&e->lock);
        if (failed)
                die("clone failed: %s", e->reason);
        if (got < want)
                die("%d of %d clones %s after %d s", got, want, what, secs);
}

/* XENLAB_BRIDGE=NAME: the engine part's parent and clones sit on that bridge (dom0 made it, with
 * LAB_GW/24), each clone with the address LAB_NET.(11 + i) and a MAC from its clone id. */
#define LAB_NET "10.78.0"
static const char *lab_bridge;

static struct cc_net lab_net(unsigned host)
{
        struct cc_net n = { .kind = CC_NET_BRIDGE, .prefix_len = 24 };
        snprintf(n.bridge, sizeof(n.bridge), "%s", lab_bridge);
        snprintf(n.ipv4, sizeof(n.ipv4), LAB_NET ".%u", host);
        snprintf(n.gateway, sizeof(n.gateway), LAB_NET ".1");
        return n;
}

/* GET path from addr ("A.B.C.D:PORT") over HTTP/1.0: the body, or NULL. */
static char *http_get(const char *addr, const char *path, int secs)
{
        char ip[32], req[256], *buf = NULL;
        unsigned port = 80;
        size_t len = 0, cap = 0;

        if (sscanf(addr, "%31[0-9.]:%u", ip, &port) < 1)
                return NULL;
        struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
        inet_pton(AF_INET, ip, &sa.sin_addr);
        int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        struct timeval tv = { .tv_sec = secs };
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
        if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
                close(fd);
                return NULL;
        }
        int n = snprintf(req, sizeof(req), "GET %s HTTP/1.0\r\nHost: %s\r\n\r\n", path, ip);
        if (write(fd, req, (size_t)n) != n) {
                close(fd);
                return NULL;
        }
        for (;;) {
                if (len + 4096 + 1 > cap) {
                        cap = cap ? cap * 2 : 8192;
                        buf = realloc(buf, cap);
                }
                ssize_t k = read(fd, buf + len, cap - len - 1);
                if (k <= 0)
                        break;
                len += (size_t)k;
        }
        close(fd);
        if (!buf)
                return NULL;
        buf[len] = 0;
        char *body = strstr(buf, "\r\n\r\n");
        if (!body || strncmp(buf, "HTTP/1.", 7) || strncmp(buf + 9, "200", 3)) {
                free(buf);
                return NULL;
        }
        memmove(buf, body + 4, strlen(body + 4) + 1);
        return buf;
}

/* The MAC the toolstack gave a domain's vif (what the guest's netfront reads). */
static void vif_mac(unsigned domid, char out[32])
{
        char p[128];
        unsigned len;
        snprintf(p, sizeof(p), "/local/domain/0/backend/vif/%u/0/mac", domid);
        char *v = xs_read(xs, XBT_NULL, p, &len);
        snprintf(out, 32, "%s", v ? v : "");
        free(v);
}

/* An engine clone's restore figures (the driver's xen-restore.stats in its run dir). */
struct restore_fig {
        uint64_t restore_ns, mem_read, store_read, store_cached;
};

static struct restore_fig restore_stats(const char *sdir, const char *id)
{
        char path[4400];
        struct restore_fig f;
        snprintf(path, sizeof(path), "%s/clones/%s/xen-restore.stats", sdir, id);
        f.restore_ns = stat_field(path, "restore_ns");
        f.mem_read = stat_field(path, "mem_bytes_read");
        f.store_read = stat_field(path, "store_bytes_read");
        f.store_cached = stat_field(path, "store_bytes_cached");
        return f;
}

static void engine_phase(const char *work, struct cc_vm *parent, const char *parent_con, const char *token,
                         libxl_ctx *ctx)
{
        char why[CC_REASON_MAX] = "", sdir[4096], path[4400], needle[160];
        struct cc_engine *e = NULL;
        struct cc_generation *g = NULL;
        struct cc_generation_info gi;
        static struct events ev = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0, 0, {0}, "" };
        int r;

        step("engine-cut");
        snprintf(sdir, sizeof(sdir), "%s/engine", work);
        /* One engine worker: parallel clone starts on Xen corrupt the heap now and then (open
         * issue in docs/drivers-xen.md); the driver serialises its toolstack work anyway. */
        struct cc_engine_config ec = { .driver = drv, .state_dir = sdir, .ready_timeout_ms = 120000,
                                       .max_parallel = 1 };
        if ((r = cc_engine_new(&ec, &e, why, sizeof(why))) < 0)
                die("cc_engine_new: %s", why);
        int ticks = count_in(parent_con, "tick ");
        double t0 = now_s();
        if ((r = cc_generation_cut(e, parent, NULL, &g, why, sizeof(why))) < 0)
                die("cc_generation_cut: %s", why);
        double cut_s = now_s() - t0;
        if (cc_generation_info(g, &gi) < 0)
                die("cc_generation_info");
        printf("generation %" PRIu64 ": descriptor %" PRIu64 " bytes, %" PRIu64 " pages, %" PRIu64 " zero, %" PRIu64
               " distinct, pause %.2f s, cut %.2f s\n", gi.id, gi.descriptor_bytes, gi.pages, gi.zero_pages,
               gi.distinct_pages, (double)gi.pause_ns / 1e9, cut_s);
        wait_console(parent_con, "tick ", ticks + 1, 30);       /* the parent carries on */

        step("engine-corrupt-descriptor");
        {
                size_t len;
                char *d = slurp(gi.descriptor_path, &len), bdir[4200];
                struct cc_descriptor *bad = NULL;
                struct cc_generation *bg = NULL;
                if (!d || len < 64)
                        die("cannot read %s", gi.descriptor_path);
                d[len - len / 3] ^= 0x21;
                snprintf(bdir, sizeof(bdir), "%s/gen/77", sdir);
                mkdir(bdir, 0700);
                snprintf(path, sizeof(path), "%s/descriptor.sfd", bdir);
                FILE *f = fopen(path, "we");
                fwrite(d, 1, len, f);
                fclose(f);
                free(d);
                if (cc_descriptor_read(path, &bad, why, sizeof(why)) == 0)
                        die("a corrupt descriptor parsed");
                printf("descriptor refused: %s\n", why);
                int before = domain_count(ctx);
                if (cc_generation_get(e, 77, &bg, why, sizeof(why)) == 0)
                        die("a generation with a corrupt descriptor loaded");
                if (domain_count(ctx) != before)
                        die("a domain was created for a corrupt descriptor");
        }

        step("engine-clones");
        /* One clone per cc_clone call, as snowscaled starts them: every clone is index 0 of its
         * ticket, and must still get a MAC of its own. */
        static const char *const ids[NCLONES] = { "e1", "e2", "e3" };
        for (int i = 0; i < NCLONES; i++) {
                struct cc_net net = lab_bridge ? lab_net(11 + (unsigned)i) : (struct cc_net){ 0 };
                struct cc_clone_opts co = { .n = 1, .ids = &ids[i], .nets = &net, .cb = on_clone_event,
                                            .userdata = &ev };
                uint64_t ticket;
                if ((r = cc_clone(e, g, &co, &ticket)) < 0)
                        die("cc_clone %s: %s", ids[i], strerror(-r));
        }
        wait_events(&ev, &ev.ready, NCLONES, 240, "ready");
        double clone_sum = 0;
        char macs[NCLONES][32];
        for (int i = 0; i < NCLONES; i++) {
                struct cc_clone_stats cs;
                if (cc_clone_stats(e, ids[i], &cs) < 0 || cs.state != CC_CLONE_READY)
                        die("%s not READY", ids[i]);
                unsigned domid = (unsigned)cs.vm.pid;
                char *name = libxl_domid_to_name(ctx, domid);
                snprintf(path, sizeof(path), "%s/clones/%s/console.log", sdir, ids[i]);
                snprintf(needle, sizeof(needle), "now clone %s (hostname %s", ids[i], name ? name : "?");
                wait_console(path, needle, 0, 60);
                snprintf(needle, sizeof(needle), "token=%s", token);
                wait_console(path, needle, 0, 30);
                macs[i][0] = '\0';
                if (lab_bridge) {
                        /* a clone off the bridge has no vif, so no MAC to compare */
                        vif_mac(domid, macs[i]);
                        for (int k = 0; k < i; k++)
                                if (!strcmp(macs[k], macs[i]))
                                        die("%s and %s both have MAC %s", ids[k], ids[i], macs[i]);
                        /* its own place on the bridge: the plan's address, read back by the agent */
                        struct cc_net want = lab_net(11 + (unsigned)i);
                        char addr[64], exp[160], vif[64];
                        snprintf(addr, sizeof(addr), "%s:80", want.ipv4);
                        if (strcmp(cs.vm.address, addr))
                                die("%s: status address '%s', want %s", ids[i], cs.vm.address, addr);
                        snprintf(exp, sizeof(exp), "mac=%s ipv4=%s/24 hostname=%s", macs[i], want.ipv4,
                                 name ? name : "?");
                        if (strcmp(cs.vm.guest_identity, exp))
                                die("%s: guest identity '%s', want '%s'", ids[i], cs.vm.guest_identity, exp);
                        snprintf(vif, sizeof(vif), "/sys/class/net/%s/brif/vif%u.0", lab_bridge, domid);
                        if (access(vif, F_OK) < 0)
                                die("%s: vif%u.0 is not on %s", ids[i], domid, lab_bridge);
                        char *who = http_get(addr, "/whoami", 10);
                        snprintf(exp, sizeof(exp), "\"hostname\":\"%s\",\"clone_id\":\"%s\"", name ? name : "?", ids[i]);
                        if (!who || !strstr(who, exp))
                                die("%s: GET http://%s/whoami answered '%s', want %s", ids[i], addr, who ? who : "(nothing)", exp);
                        free(who);
                        printf("engine clone %s: %s at %s (%s), answers /whoami\n", ids[i], macs[i], addr, cs.vm.guest_identity);
                }
                printf("engine clone %s: domain %u '%s', MAC %s, ready %.2f s after cc_clone\n", ids[i], domid,
                       name ? name : "?", lab_bridge ? macs[i] : "(none: off the bridge)", ev.ready_s[i]);
                free(name);
                clone_sum += ev.ready_s[i];
        }
        if (lab_bridge) {       /* the parent still answers on its own address */
                char *who = http_get(LAB_NET ".10:80", "/whoami", 10);
                if (!who || !strstr(who, "\"clone_id\":\"parent\""))
                        die("the parent at " LAB_NET ".10 answered '%s'", who ? who : "(nothing)");
                free(who);
        }

        /* Pages through the page store (the engine's default): each distinct content read once
         * per clone, the repeats from memory, nothing from the memory image. */
        uint64_t nonzero_bytes = (gi.pages - gi.zero_pages - gi.free_pages) * 4096;
        struct restore_fig st_fig[NCLONES], fl_fig[NCLONES];
        for (int i = 0; i < NCLONES; i++) {
                st_fig[i] = restore_stats(sdir, ids[i]);
                printf("engine clone %s: restore %.2f s, %" PRIu64 " bytes from the page store, %" PRIu64
                       " repeated from memory, %" PRIu64 " from the memory image\n", ids[i],
                       (double)st_fig[i].restore_ns / 1e9, st_fig[i].store_read, st_fig[i].store_cached, st_fig[i].mem_read);
                if (st_fig[i].store_read + st_fig[i].store_cached + st_fig[i].mem_read != nonzero_bytes)
                        die("%s streamed %" PRIu64 " page bytes, the generation has %" PRIu64 " non-zero", ids[i],
                            st_fig[i].store_read + st_fig[i].store_cached + st_fig[i].mem_read, nonzero_bytes);
        }

        step("engine-retire");
        for (int i = 0; i < NCLONES; i++)
                if ((r = cc_retire(e, ids[i], 5000)) < 0)
                        die("cc_retire %s: %s", ids[i], strerror(-r));
        wait_events(&ev, &ev.retired, NCLONES, 120, "retired");

        /* The same generation, three clones reading every non-zero page from the memory image as
         * before the page store was the source (driver option pages=file): the comparison. */
        step("engine-clones-file");
        static const char *const fids[NCLONES] = { "f1", "f2", "f3" };
        static struct events fev = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0, 0, {0}, "" };
        for (int i = 0; i < NCLONES; i++) {
                struct cc_net net = lab_bridge ? lab_net(14 + (unsigned)i) : (struct cc_net){ 0 };
                struct cc_clone_opts co = { .n = 1, .ids = &fids[i], .nets = &net, .cb = on_clone_event,
                                            .userdata = &fev, .driver_opts = "pages=file" };
                uint64_t ticket;
                if ((r = cc_clone(e, g, &co, &ticket)) < 0)
                        die("cc_clone %s: %s", fids[i], strerror(-r));
        }
        wait_events(&fev, &fev.ready, NCLONES, 240, "ready");
        double fclone_sum = 0;
        for (int i = 0; i < NCLONES; i++) {
                fl_fig[i] = restore_stats(sdir, fids[i]);
                fclone_sum += fev.ready_s[i];
                printf("engine clone %s (pages=file): restore %.2f s, %" PRIu64 " bytes from the memory image, ready %.2f s"
                       " after cc_clone\n", fids[i], (double)fl_fig[i].restore_ns / 1e9, fl_fig[i].mem_read, fev.ready_s[i]);
                if (fl_fig[i].mem_read != nonzero_bytes)
                        die("%s read %" PRIu64 " bytes from the memory image, want %" PRIu64, fids[i], fl_fig[i].mem_read,
                            nonzero_bytes);
        }
        for (int i = 0; i < NCLONES; i++)
                if ((r = cc_retire(e, fids[i], 5000)) < 0)
                        die("cc_retire %s: %s", fids[i], strerror(-r));
        wait_events(&fev, &fev.retired, NCLONES, 120, "retired");
        uint64_t n_store = 0, n_cached = 0, n_file = 0, ns_store = 0, ns_file = 0;
        for (int i = 0; i < NCLONES; i++) {
                n_store += st_fig[i].store_read + st_fig[i].mem_read;
                n_cached += st_fig[i].store_cached;
                n_file += fl_fig[i].mem_read;
                ns_store += st_fig[i].restore_ns;
                ns_file += fl_fig[i].restore_ns;
        }
        /* bytes_read: read from storage files per clone (store: pages.pack, file: mem.raw);
         * host_set_bytes: the distinct bytes those reads touch, what the host's page cache holds
         * for all of a host's clones (store: the distinct pages; file: every non-zero page) */
        printf("BENCH xen_clone_store clones=%d bytes_read_store=%" PRIu64 " bytes_from_memory_store=%" PRIu64
               " bytes_read_file=%" PRIu64 " read_ratio=%.3f n3_bytes_read_store=%" PRIu64 " n3_bytes_read_file=%" PRIu64
               " host_set_bytes_store=%" PRIu64 " host_set_bytes_file=%" PRIu64 " host_set_ratio=%.3f restore_s_store=%.2f"
               " restore_s_file=%.2f restore_ratio=%.2f ready_s_store=%.2f ready_s_file=%.2f\n", NCLONES,
               n_store / NCLONES, n_cached / NCLONES, n_file / NCLONES, n_file ? (double)n_store / (double)n_file : 0.0,
               n_store, n_file, gi.distinct_pages * 4096, nonzero_bytes,
               nonzero_bytes ? (double)(gi.distinct_pages * 4096) / (double)nonzero_bytes : 0.0,
               (double)ns_store / 1e9 / NCLONES, (double)ns_file / 1e9 / NCLONES,
               ns_file ? (double)ns_store / (double)ns_file : 0.0, clone_sum / NCLONES, fclone_sum / NCLONES);
        cc_engine_free(e);
        if (domain_count(ctx) != 2)
                die("%d domains after retiring the engine's clones, want dom0 and the parent", domain_count(ctx));
        /* checkpoint_s: the whole cut (suspend, stream, resume, page store); pause_s: the parent's pause */
        printf("BENCH xen checkpoint_s=%.2f descriptor_bytes=%" PRIu64 " pages_total=%" PRIu64 " pages_zero=%" PRIu64
               " pages_distinct=%" PRIu64 " clone_s=%.2f pause_s=%.2f\n", cut_s, gi.descriptor_bytes, gi.pages,
               gi.zero_pages, gi.distinct_pages, clone_sum / NCLONES, (double)gi.pause_ns / 1e9);
}

int main(int argc, char **argv)
{
        char why[CC_REASON_MAX] = "", dir[4096], con[4400], path[4400], token[64] = "", needle[128];
        struct cc_vm *parent = NULL, *clones[NCLONES] = { NULL };
        struct cc_vm_status st;
        int r;

        if (argc != 4) {
                fprintf(stderr, "usage: %s KERNEL INITRD WORKDIR\n", argv[0]);
                return 2;
        }
        const char *kernel = argv[1], *initrd = argv[2], *work = argv[3];
        setvbuf(stdout, NULL, _IOLBF, 0);
        mkdir(work, 0700);
        xs = xs_open(0);
        if (!xs)
                die("xs_open: %s", strerror(errno));
        libxl_ctx *ctx = NULL;
        if (libxl_ctx_alloc(&ctx, LIBXL_VERSION, 0, NULL))
                die("libxl_ctx_alloc");
        /* the driver's contexts use selective reaping; libxl wants every context of a process alike */
        static const libxl_childproc_hooks hooks = { .chldowner = libxl_sigchld_owner_libxl_always_selective_reap };
        libxl_childproc_setmode(ctx, &hooks, NULL);
        void *warm[1];
        backtrace(warm, 1);             /* loads libgcc now: the crash handler must not allocate */
        signal(SIGSEGV, on_crash);
        signal(SIGABRT, on_crash);
        signal(SIGBUS, on_crash);
        /* XENLAB_PART=driver|engine: one part per process (default: both in this process) */
        const char *part = getenv("XENLAB_PART") ? getenv("XENLAB_PART") : "";
        bool engine_only = getenv("XENLAB_ENGINE_ONLY") != NULL || strcmp(part, "engine") == 0;
        bool driver_only = strcmp(part, "driver") == 0;

        step("probe");
        if ((r = drv->probe(why, sizeof(why))) < 0)
                die("probe: %s", why);

        step("parent-up");
        snprintf(dir, sizeof(dir), "%s/parent", work);
        struct cc_vm_config cfg = {
                .name = "ss-parent", .run_dir = dir, .kernel = kernel, .initrd = initrd,
                .cmdline = "console=hvc0 rdinit=/lab-init quiet", .mem_bytes = MEM_MB << 20, .vcpus = 1,
        };
        lab_bridge = getenv("XENLAB_BRIDGE");
        if (lab_bridge && (engine_only || !driver_only))
                cfg.net = lab_net(10);
        else
                lab_bridge = NULL;
        double t0 = now_s();
        if ((r = drv->boot_parent(&cfg, &parent, why, sizeof(why))) < 0)
                die("boot_parent: %s", why);
        if (drv->status(parent, &st) < 0)
                die("status");
        unsigned parent_domid = (unsigned)st.pid;
        snprintf(con, sizeof(con), "%s/console.log", dir);
        wait_ready(parent_domid, "parent", 300);
        printf("parent domid %u ready after %.1f s\n", parent_domid, now_s() - t0);
        if (drv->status(parent, &st) < 0 || st.state != CC_VM_RUNNING)
                die("parent status %d, want RUNNING", st.state);
        wait_console(con, "token=", 1, 60);    /* two ticks: it runs */
        {
                char *s = slurp(con, NULL), *p = strstr(s, "token=");
                sscanf(p + 6, "%32[0-9a-f]", token);
                free(s);
        }
        if (strlen(token) < 8)
                die("no token on the parent console");
        printf("parent token %s\n", token);

        if (engine_only)                /* XENLAB_ENGINE_ONLY=1: part 2 alone, for quicker runs */
                goto engine;
        step("checkpoint");
        snprintf(dir, sizeof(dir), "%s/gen1", work);
        mkdir(dir, 0700);
        struct cc_checkpoint ck;
        int ticks = count_in(con, "tick ");
        t0 = now_s();
        if ((r = drv->checkpoint(parent, dir, &ck, why, sizeof(why))) < 0)
                die("checkpoint: %s", why);
        double checkpoint_s = now_s() - t0;
        printf("checkpoint %.2f s (pause %.3f s), mem %" PRIu64 " bytes, config %s\n", checkpoint_s,
               (double)ck.pause_ns / 1e9, ck.mem_bytes, ck.vm_config_json);
        step("parent-keeps-running");
        wait_console(con, "tick ", count_in(con, "tick "), 30);
        if (drv->status(parent, &st) < 0 || st.state != CC_VM_RUNNING)
                die("parent status %d after checkpoint, want RUNNING", st.state);
        printf("parent ticks: %d before checkpoint, %d now\n", ticks, count_in(con, "tick "));


        char split_stats[4200];
        snprintf(split_stats, sizeof(split_stats), "%s/xen-split.stats", dir);
        uint64_t img_pages, img_zero, img_distinct;
        page_census(ck.mem_path, &img_pages, &img_zero, &img_distinct);
        uint64_t sent_pages = stat_field(split_stats, "pages_total");
        uint64_t sent_zero = stat_field(split_stats, "pages_zero");
        struct stat sb;
        if (stat(ck.state_path, &sb) < 0)
                die("no state blob");
        uint64_t desc_bytes = (uint64_t)sb.st_size;
        printf("image: %" PRIu64 " pages, %" PRIu64 " zero, %" PRIu64 " distinct non-zero; stream: %" PRIu64
               " pages, %" PRIu64 " zero; state blob %" PRIu64 " bytes\n", img_pages, img_zero, img_distinct,
               sent_pages, sent_zero, desc_bytes);
        if (sent_zero == 0 || sent_zero >= sent_pages)
                die("zero-page count %" PRIu64 " of %" PRIu64 " is implausible", sent_zero, sent_pages);

        step("corrupt-descriptor-rejected");
        {
                size_t len;
                char *blob = slurp(ck.state_path, &len);
                char bad[4200];
                snprintf(bad, sizeof(bad), "%s/corrupt.state", work);
                blob[len / 2] ^= 0x5a;
                FILE *f = fopen(bad, "we");
                fwrite(blob, 1, len, f);
                fclose(f);
                free(blob);
                int before = domain_count(ctx);
                snprintf(dir, sizeof(dir), "%s/bad", work);
                struct cc_clone_spec bs = {
                        .state_path = bad, .mem_path = ck.mem_path, .vm_config_json = ck.vm_config_json,
                        .run_dir = dir, .id = { .clone_id = "bad1", .hostname = "w-bad1" },
                };
                struct cc_vm *bvm = NULL;
                r = drv->clone(&bs, &bvm, why, sizeof(why));
                if (r != -EBADMSG)
                        die("corrupt state: clone returned %d (%s), want -EBADMSG", r, why);
                if (domain_count(ctx) != before)
                        die("a domain was created for a corrupt state");
                printf("rejected: %s\n", why);
        }

        step("clones");
        double clone_total = 0;
        uint64_t bytes_read_max = 0;
        for (int i = 0; i < NCLONES; i++) {
                char cid[16], cdir[4300];
                snprintf(cid, sizeof(cid), "c%d", i + 1);
                snprintf(cdir, sizeof(cdir), "%s/%s", work, cid);
                struct cc_clone_spec cs = {
                        .state_path = ck.state_path, .mem_path = ck.mem_path, .vm_config_json = ck.vm_config_json,
                        .run_dir = cdir,
                        .id = { .mac = { 0x02, 0x53, 0x53, 0, 0, (uint8_t)(i + 1) }, .seed = 0x1234567ull * (uint64_t)(i + 1) },
                };
                snprintf(cs.id.clone_id, sizeof(cs.id.clone_id), "%s", cid);
                snprintf(cs.id.hostname, sizeof(cs.id.hostname), "w-%s", cid);
                t0 = now_s();
                if ((r = drv->clone(&cs, &clones[i], why, sizeof(why))) < 0)
                        die("clone %s: %s", cid, why);
                double dt = now_s() - t0;
                clone_total += dt;
                if (drv->status(clones[i], &st) < 0)
                        die("status %s", cid);
                unsigned domid = (unsigned)st.pid;
                wait_ready(domid, cid, 120);
                if (drv->status(clones[i], &st) < 0 || st.state != CC_VM_RUNNING)
                        die("%s status %d, want RUNNING", cid, st.state);
                char *name = libxl_domid_to_name(ctx, domid);
                if (!name || strcmp(name, cs.id.hostname) != 0)
                        die("%s: domain %u is named '%s'", cid, domid, name ? name : "?");
                free(name);
                snprintf(con, sizeof(con), "%s/console.log", cdir);
                snprintf(needle, sizeof(needle), "now clone %s (hostname %s)", cid, cs.id.hostname);
                wait_console(con, needle, 0, 60);
                snprintf(needle, sizeof(needle), "token=%s", token);
                wait_console(con, needle, 0, 30);
                snprintf(path, sizeof(path), "%s/xen-restore.stats", cdir);
                uint64_t rd = stat_field(path, "mem_bytes_read");
                if (rd > bytes_read_max)
                        bytes_read_max = rd;
                printf("clone %s: domid %u, restore+unpause %.2f s, ready after %.2f s, %" PRIu64
                       " page bytes read\n", cid, domid, dt, now_s() - t0, rd);
        }

        step("page-bytes");
        uint64_t nonzero_bytes = (sent_pages - sent_zero) * 4096;
        if (bytes_read_max > nonzero_bytes)
                die("clone read %" PRIu64 " page bytes, parent has %" PRIu64 " non-zero", bytes_read_max, nonzero_bytes);
        printf("page bytes per clone %" PRIu64 " <= non-zero %" PRIu64 " (of %" PRIu64 " total)\n",
               bytes_read_max, nonzero_bytes, sent_pages * 4096);
        printf("BENCH xen_clone_pages bytes_read=%" PRIu64 " nonzero_bytes=%" PRIu64 " total_bytes=%" PRIu64
               " read_ratio=%.3f\n", bytes_read_max, nonzero_bytes, sent_pages * 4096,
               (double)bytes_read_max / (double)(sent_pages * 4096));

        step("destroy-all");
        for (int i = 0; i < NCLONES; i++) {
                drv->status(clones[i], &st);
                unsigned domid = (unsigned)st.pid;
                if (drv->retire(clones[i], 5000) < 0)
                        die("retire c%d", i + 1);
                if (drv->status(clones[i], &st) < 0 || st.state != CC_VM_EXITED)
                        die("c%d still there after retire", i + 1);
                libxl_dominfo di;
                libxl_dominfo_init(&di);
                int rc = libxl_domain_info(ctx, &di, domid);
                if (rc != ERROR_DOMAIN_NOTFOUND)
                        die("domain %u of c%d still exists (%s) after retire", domid, i + 1,
                            rc ? "?" : di.dying ? "dying" : di.shutdown ? "shut down" : "running");
                libxl_dominfo_dispose(&di);
                drv->destroy(clones[i]);
        }
        if (domain_count(ctx) != 2)
                die("%d domains left, want dom0 and the parent", domain_count(ctx));

        printf("BENCH xen_driver checkpoint_s=%.2f state_bytes=%" PRIu64 " pages_total=%" PRIu64 " pages_zero=%" PRIu64
               " pages_distinct=%" PRIu64 " clone_s=%.2f\n", checkpoint_s, desc_bytes, img_pages, img_zero,
               img_distinct, clone_total / NCLONES);
        snprintf(dir, sizeof(dir), "%s/gen-free", work);
        free_pages_phase(parent, parent_domid, dir);
engine:
        snprintf(con, sizeof(con), "%s/parent/console.log", work);
        if (!driver_only)
                engine_phase(work, parent, con, token, ctx);

        step("retire-parent");
        if (drv->retire(parent, 5000) < 0)
                die("retire parent");
        drv->destroy(parent);
        if (domain_count(ctx) != 1)
                die("%d domains left, want only dom0", domain_count(ctx));
        libxl_ctx_free(ctx);
        xs_close(xs);
        printf("XEN LAB TEST PASSED\n");
        return 0;
}
