/* memtap: a generation's memory as one lazily filled file, <mountpoint>/mem (libfuse3).
 *
 * Every clone of the generation on this host maps the same file MAP_PRIVATE (the engine shares
 * one memtap per generation per host). The kernel page cache holds what was read (keep_cache),
 * once for all of them; memtap keeps every page it fetched in the host's page store, and tracks
 * contents rather than page numbers, so a distinct page crosses the network at most once per
 * host. Heuristics (docs/memtap.md):
 *   - avoidance: zero and free pages are answered locally, never fetched;
 *   - the kernel's read-around (QEMU's MADV_HUGEPAGE reads 4 MiB around each fault on a file
 *     mapping, whatever max_readahead says) is refused when it covers pages not yet here: the read
 *     fails, the kernel then reads exactly the page that faulted (filemap_fault -> read_folio) and
 *     memtap applies its own readahead policy instead;
 *   - adaptive readahead: the window doubles on sequential faults and halves on random ones;
 *   - working-set record & replay: the pages a first clone faults on are written to a file;
 *     later clones fetch that set in bulk on a second connection while they run;
 *   - background completion (memtap_bg.c): after the working set, the remaining contents are
 *     fetched at low priority, and then the memtap no longer needs the memserver at all.
 * Every fetched page is checked against the page map's hash (proto.c). A memserver that dies,
 * stalls past timeout_ms or lies fails the memtap: EIO from then on, on_fail() told once. */
#define FUSE_USE_VERSION 312

#include <errno.h>
#include <fcntl.h>
#include <fuse.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "memtap_int.h"
#include "ss_util.h"

#define MAX_SAMPLES (1u << 20)

void cc_mt_present(struct cc_memtap *m, uint64_t p)
{
        if (MT_STATE(m, p) != PG_PRESENT && m->absent)
                m->absent--;
        MT_STATE(m, p) = PG_PRESENT;
}

size_t cc_mt_pick(struct cc_memtap *m, uint64_t from, uint64_t end, uint64_t *list, size_t max)
{
        size_t k = 0;
        for (uint64_t p = from; p < end && k < max; p++) {
                if (!cc_pm_is_data(m->pm->entry[p]) || MT_STATE(m, p) != PG_ABSENT)
                        continue;
                if (cc_store_has(m->o.store, m->pm->hash[m->pm->entry[p] - CC_PM_DATA])) {
                        cc_mt_present(m, p);
                        m->st.local_hits++;
                        continue;
                }
                MT_STATE(m, p) = PG_FETCHING;
                list[k++] = p;
        }
        return k;
}

void cc_mt_fail(struct cc_memtap *m, const char *reason)
{
        bool first;
        pthread_mutex_lock(&m->lock);
        first = !m->failed;
        if (first) {
                m->failed = true;
                m->st.failed = true;
                snprintf(m->st.reason, sizeof(m->st.reason), "%s", reason);
        }
        pthread_cond_broadcast(&m->cond);
        pthread_mutex_unlock(&m->lock);
        if (first && m->o.on_fail && !m->stopping)
                m->o.on_fail(reason, m->o.userdata);
}

static int sink(uint64_t page, const void *data, void *userdata)
{
        struct cc_mt_sink *x = userdata;
        struct cc_memtap *m = x->m;
        int r = cc_store_put(m->o.store, m->pm->hash[m->pm->entry[page] - CC_PM_DATA], data);
        if (r < 0)
                return r;
        pthread_mutex_lock(&m->lock);
        cc_mt_present(m, page);
        m->st.fetched_pages++;
        if (x->background)
                m->st.background_pages++;
        else if (x->prefetch)
                m->st.prefetched_pages++;
        else if (page < x->need_lo || page >= x->need_hi)
                m->st.readahead_pages++;
        pthread_cond_broadcast(&m->cond);
        pthread_mutex_unlock(&m->lock);
        return 0;
}

/* Fetch the pages marked FETCHING by the caller (list, ascending) over one connection. */
int cc_mt_fetch_list(struct cc_memtap *m, struct cc_client *cl, const uint64_t *list, size_t n,
                      struct cc_mt_sink *x, char *why, size_t why_len)
{
        struct cc_range ranges[CC_MAX_RANGES];
        uint64_t bytes = 0;
        size_t i = 0;
        int r = 0;

        while (i < n && r == 0) {
                unsigned nr = 0;
                while (i < n && nr < CC_MAX_RANGES) {
                        if (nr && ranges[nr - 1].first + ranges[nr - 1].count == list[i] &&
                            ranges[nr - 1].count < 1024)
                                ranges[nr - 1].count++;
                        else {
                                ranges[nr].first = list[i];
                                ranges[nr].count = 1;
                                nr++;
                        }
                        i++;
                }
                r = cc_client_fetch(cl, m->gen, m->pm, ranges, nr, m->o.fetch.lz4, sink, x, &bytes,
                                    why, why_len);
        }
        pthread_mutex_lock(&m->lock);
        m->st.bytes += bytes;
        if (r < 0)                      /* hand unfinished pages back */
                for (size_t k = 0; k < n; k++)
                        if (MT_STATE(m, list[k]) == PG_FETCHING)
                                MT_STATE(m, list[k]) = PG_ABSENT;
        pthread_cond_broadcast(&m->cond);
        pthread_mutex_unlock(&m->lock);
        return r;
}

static unsigned ra_max(const struct cc_memtap *m)
{
        return m->o.fetch.readahead_pages ? m->o.fetch.readahead_pages : 64;
}

/* Make pages [lo, hi) present (demand), plus the readahead window. Called without the lock. */
static int demand(struct cc_memtap *m, uint64_t lo, uint64_t hi)
{
        char why[CC_REASON_MAX] = "";
        uint64_t *list = NULL, end;
        size_t n = 0;
        int r = 0;

        pthread_mutex_lock(&m->lock);
        switch (m->o.fetch.readahead) {
        case CC_RA_NONE:
                m->window = 1;
                break;
        case CC_RA_FIXED:
                m->window = ra_max(m);
                break;
        case CC_RA_ADAPTIVE:
                /* sequential: this fault starts where the last window ended (or inside it) */
                if (lo >= m->last_end - (m->last_end > m->window ? m->window : m->last_end) &&
                    lo <= m->last_end)
                        m->window = m->window * 2 > ra_max(m) ? ra_max(m) : m->window * 2;
                else
                        m->window = m->window / 2 ? m->window / 2 : 1;
                break;
        }
        end = hi > lo + m->window ? hi : lo + m->window;
        if (end > m->pm->pages)
                end = m->pm->pages;
        m->last_end = end;
        list = malloc((end - lo) * sizeof(*list));
        if (!list) {
                pthread_mutex_unlock(&m->lock);
                return -ENOMEM;
        }
        n = cc_mt_pick(m, lo, end, list, end - lo);
        if (n)
                m->demand_active++;
        pthread_mutex_unlock(&m->lock);

        if (n) {
                struct cc_mt_sink x = { .m = m, .need_lo = lo, .need_hi = hi };
                pthread_mutex_lock(&m->conn_lock);
                if (!m->demand)
                        r = cc_why(why, sizeof(why), -EIO, "page %" PRIu64 " is not in the local page store "
                                   "and no memserver is configured", list[0]);
                else
                        r = cc_mt_fetch_list(m, m->demand, list, n, &x, why, sizeof(why));
                pthread_mutex_unlock(&m->conn_lock);
                pthread_mutex_lock(&m->lock);
                m->demand_active--;
                pthread_cond_broadcast(&m->cond);
                pthread_mutex_unlock(&m->lock);
                if (r < 0)
                        cc_mt_fail(m, why);
        }
        free(list);
        /* Pages another thread is fetching: wait for them (its timeout bounds the wait). */
        pthread_mutex_lock(&m->lock);
        for (uint64_t p = lo; p < hi && !m->failed; p++)
                while (cc_pm_is_data(m->pm->entry[p]) && MT_STATE(m, p) != PG_PRESENT && !m->failed) {
                        if (MT_STATE(m, p) == PG_ABSENT) {
                                /* a failed fetch handed it back: no one is on it */
                                break;
                        }
                        pthread_cond_wait(&m->cond, &m->lock);
                }
        r = m->failed ? -EIO : 0;
        for (uint64_t p = lo; p < hi && r == 0; p++)
                if (cc_pm_is_data(m->pm->entry[p]) && MT_STATE(m, p) != PG_PRESENT)
                        r = -EIO;
        pthread_mutex_unlock(&m->lock);
        return r;
}

/* ---- FUSE ---- */

static struct cc_memtap *self(void) { return fuse_get_context()->private_data; }

static void *mt_init(struct fuse_conn_info *conn, struct fuse_config *cfg)
{
        struct cc_memtap *m = self();
        /* Kernel readahead off: memtap decides what to fetch ahead (it must be set here). */
        conn->max_readahead = m->o.serve_readaround ? 128 * 1024 : 0;
        cfg->kernel_cache = 1;
        cfg->attr_timeout = 86400;
        cfg->entry_timeout = 86400;
        cfg->direct_io = 0;             /* mmap needs the page cache */
        return m;
}

static int mt_getattr(const char *path, struct stat *st, struct fuse_file_info *fi)
{
        struct cc_memtap *m = self();
        memset(st, 0, sizeof(*st));
        if (strcmp(path, "/") == 0) {
                st->st_mode = S_IFDIR | 0700;
                st->st_nlink = 2;
        } else if (strcmp(path, "/mem") == 0) {
                st->st_mode = S_IFREG | 0600;
                st->st_nlink = 1;
                st->st_size = (off_t)m->mem_bytes;
                st->st_blocks = (blkcnt_t)(m->mem_bytes / 512);
        } else {
                return -ENOENT;
        }
        st->st_uid = getuid();
        st->st_gid = getgid();
        return 0;
}

static int mt_readdir(const char *path, void *buf, fuse_fill_dir_t fill, off_t off,
                      struct fuse_file_info *fi, enum fuse_readdir_flags flags)
{
        if (strcmp(path, "/") != 0)
                return -ENOENT;
        fill(buf, ".", NULL, 0, 0);
        fill(buf, "..", NULL, 0, 0);
        fill(buf, "mem", NULL, 0, 0);
        return 0;
}

static int mt_open(const char *path, struct fuse_file_info *fi)
{
        if (strcmp(path, "/mem") != 0)
                return -ENOENT;
        /* QEMU opens mem-path O_RDWR even with share=off: accept, refuse the writes themselves. */
        fi->keep_cache = 1;
        fi->direct_io = 0;
        return 0;
}

static int mt_write(const char *path, const char *buf, size_t size, off_t off, struct fuse_file_info *fi)
{
        return -EROFS;
}

static int mt_truncate(const char *path, off_t size, struct fuse_file_info *fi)
{
        return size == (off_t)self()->mem_bytes ? 0 : -EROFS;
}

static void add_sample(struct cc_memtap *m, uint64_t ns)
{
        uint64_t us = ns / 1000;
        unsigned b = 0;
        while (b + 1 < CC_STALL_BUCKETS && us >= (2ull << b))
                b++;
        m->st.stall_hist[b]++;
        m->st.demand_faults++;
        if (m->nsamples < MAX_SAMPLES)
                m->samples[m->nsamples++] = us > UINT32_MAX ? UINT32_MAX : (uint32_t)us;
}

/* Working-set recording: data pages the clone really touched (demand reads, and single-page
 * reads of pages readahead brought in), once each, in first-touch order. Lock held. */
static void record(struct cc_memtap *m, uint64_t lo, uint64_t hi)
{
        if (ss_mono_ns() - m->t_start >= (uint64_t)m->o.fetch.record_ms * 1000000ull)
                return;
        for (uint64_t p = lo; p < hi; p++) {
                if (!cc_pm_is_data(m->pm->entry[p]) || m->rec[p])
                        continue;
                if (m->ws_n == m->ws_cap) {
                        size_t cap = m->ws_cap ? m->ws_cap * 2 : 1024;
                        uint32_t *w = realloc(m->ws, cap * sizeof(*w));
                        if (!w)
                                return;
                        m->ws = w;
                        m->ws_cap = cap;
                }
                m->rec[p] = 1;
                m->ws[m->ws_n++] = (uint32_t)p;
        }
}

static int mt_read(const char *path, char *buf, size_t size, off_t off, struct fuse_file_info *fi)
{
        struct cc_memtap *m = self();
        uint8_t page[4096];
        uint64_t absent = 0;
        int r;

        if ((uint64_t)off >= m->mem_bytes)
                return 0;
        if (size > m->mem_bytes - (uint64_t)off)
                size = m->mem_bytes - (uint64_t)off;
        uint64_t lo = (uint64_t)off / 4096, hi = ((uint64_t)off + size + 4095) / 4096;

        pthread_mutex_lock(&m->lock);
        if (m->failed) {
                pthread_mutex_unlock(&m->lock);
                return -EIO;
        }
        for (uint64_t p = lo; p < hi; p++)
                if (cc_pm_is_data(m->pm->entry[p]) && MT_STATE(m, p) != PG_PRESENT)
                        absent++;
        if (absent && hi - lo > 1 && !m->o.serve_readaround) {
                /* Speculative read-around over pages not here yet: refuse it; the kernel comes
                 * back for the one page that faulted. */
                m->st.speculative_rejects++;
                pthread_mutex_unlock(&m->lock);
                return -EIO;
        }
        if (m->recording && (absent || hi - lo == 1))
                record(m, lo, hi);
        pthread_mutex_unlock(&m->lock);

        if (absent) {
                uint64_t t0 = ss_mono_ns();
                r = demand(m, lo, hi);
                pthread_mutex_lock(&m->lock);
                add_sample(m, ss_mono_ns() - t0);
                pthread_mutex_unlock(&m->lock);
                if (r < 0)
                        return -EIO;
        }
        size_t done = 0;
        uint64_t zero = 0;
        for (uint64_t p = lo; p < hi; p++) {
                uint32_t e = m->pm->entry[p];
                size_t in = p == lo ? (size_t)((uint64_t)off % 4096) : 0;
                size_t n = 4096 - in < size - done ? 4096 - in : size - done;
                if (!cc_pm_is_data(e)) {
                        memset(buf + done, 0, n);
                        zero++;
                } else {
                        r = cc_store_get(m->o.store, m->pm->hash[e - CC_PM_DATA], page);
                        if (r < 0) {
                                char why[128];
                                snprintf(why, sizeof(why), "page %" PRIu64 " vanished from the page store: %s",
                                         p, strerror(-r));
                                cc_mt_fail(m, why);
                                return -EIO;
                        }
                        memcpy(buf + done, page + in, n);
                }
                done += n;
        }
        pthread_mutex_lock(&m->lock);
        m->st.zero_reads += zero;
        pthread_mutex_unlock(&m->lock);
        return (int)done;
}

static const struct fuse_operations mt_ops = {
        .init = mt_init,
        .getattr = mt_getattr,
        .readdir = mt_readdir,
        .open = mt_open,
        .read = mt_read,
        .write = mt_write,
        .truncate = mt_truncate,
};

static void *loop_main(void *arg)
{
        struct cc_memtap *m = arg;
        struct fuse_loop_config *lc = fuse_loop_cfg_create();
        if (!lc)
                return NULL;
        fuse_loop_cfg_set_idle_threads(lc, 4);
        fuse_loop_cfg_set_max_threads(lc, 16);
        fuse_loop_mt(m->fuse, lc);
        fuse_loop_cfg_destroy(lc);
        return NULL;
}

/* ---- start and stop ---- */

int cc_memtap_start(const struct cc_memtap_opts *opts, struct cc_memtap **ret, char *why, size_t why_len)
{
        struct cc_memtap *m = NULL;
        struct stat st;
        int r;

        if (!opts->mountpoint || !opts->desc || !opts->store)
                return cc_why(why, why_len, -EINVAL, "memtap needs a mountpoint, a descriptor and a page store");
        m = calloc(1, sizeof(*m));
        if (!m)
                return -ENOMEM;
        pthread_mutex_init(&m->lock, NULL);
        pthread_mutex_init(&m->conn_lock, NULL);
        pthread_cond_init(&m->cond, NULL);
        m->o = *opts;
        m->mc_fd = m->mc_stop[0] = m->mc_stop[1] = -1;
        if (!m->o.timeout_ms)
                m->o.timeout_ms = 5000;
        if (!m->o.fetch.record_ms)
                m->o.fetch.record_ms = 10000;
        m->pm = cc_descriptor_pagemap(opts->desc);
        m->gen = cc_descriptor_info(opts->desc)->generation;
        m->mem_bytes = cc_descriptor_info(opts->desc)->mem_bytes;
        m->window = 1;
        snprintf(m->mnt, sizeof(m->mnt), "%s", opts->mountpoint);
        snprintf(m->path, sizeof(m->path), "%s/mem", m->mnt);
        if (opts->ws_path)
                snprintf(m->ws_path, sizeof(m->ws_path), "%s", opts->ws_path);
        if (opts->memserver)
                snprintf(m->memserver, sizeof(m->memserver), "%s", opts->memserver);
        m->o.mountpoint = m->mnt;
        m->o.memserver = NULL;
        m->o.ws_path = NULL;
        m->o.mcast = NULL;
        m->state = calloc(m->pm->distinct ? m->pm->distinct : 1, 1);
        m->samples = malloc(MAX_SAMPLES * sizeof(*m->samples));
        if (!m->state || !m->samples) {
                r = -ENOMEM;
                goto fail;
        }
        m->st.pages = m->pm->pages;
        m->absent = m->pm->distinct;
        /* Contents already on this host (an earlier clone fetched them, another generation holds
         * them, or the generation was published here) are never fetched again. */
        for (uint64_t p = 0; p < m->pm->pages; p++)
                if (cc_pm_is_data(m->pm->entry[p]) && MT_STATE(m, p) != PG_PRESENT &&
                    cc_store_has(opts->store, m->pm->hash[m->pm->entry[p] - CC_PM_DATA])) {
                        cc_mt_present(m, p);
                        m->st.local_hits++;
                }
        /* Everything here already: complete, and no memserver needed (its host may be gone). */
        if (m->absent == 0) {
                m->st.completed = true;
                m->o.fetch.replay_ws = false;
                m->o.fetch.complete = false;
        }
        if (opts->memserver && m->absent) {
                r = cc_client_connect(opts->memserver, opts->secret, opts->secret_len, m->o.timeout_ms,
                                      &m->demand, why, why_len);
                if (r == 0 && ((opts->fetch.replay_ws && m->ws_path[0]) || opts->fetch.complete))
                        r = cc_client_connect(opts->memserver, opts->secret, opts->secret_len,
                                              m->o.timeout_ms, &m->prefetch, why, why_len);
                if (r < 0)
                        goto fail;
        }
        /* A mount left by a process that died answers ENOTCONN: detach it first. */
        if (stat(m->mnt, &st) < 0 && errno == ENOTCONN)
                umount2(m->mnt, MNT_DETACH);
        char *argv[] = { "memtap", "-o", "fsname=memtap,subtype=snowscale", NULL };
        struct fuse_args args = FUSE_ARGS_INIT(3, argv);
        m->fuse = fuse_new(&args, &mt_ops, sizeof(mt_ops), m);
        fuse_opt_free_args(&args);
        if (!m->fuse) {
                r = cc_why(why, why_len, -EIO, "memtap: fuse_new failed");
                goto fail;
        }
        if (fuse_mount(m->fuse, m->mnt) != 0) {
                r = cc_why(why, why_len, -EIO, "memtap: cannot mount FUSE on %s (is /dev/fuse usable?)", m->mnt);
                goto fail;
        }
        m->mounted = true;
        m->t_start = ss_mono_ns();
        m->recording = opts->fetch.record_ws && m->ws_path[0];
        if (m->recording && !(m->rec = calloc(m->pm->pages ? m->pm->pages : 1, 1))) {
                r = -ENOMEM;
                goto fail;
        }
        r = -pthread_create(&m->loop_thread, NULL, loop_main, m);
        if (r < 0)
                goto fail;
        m->loop_started = true;
        if (opts->mcast) {
                r = cc_mt_mc_join(m, opts->mcast, why, why_len);
                if (r < 0)
                        goto fail;
        }
        if (m->recording) {
                r = -pthread_create(&m->ws_thread, NULL, cc_mt_ws_main, m);
                if (r < 0)
                        goto fail;
                m->ws_started = true;
        }
        if (m->prefetch) {
                r = -pthread_create(&m->pf_thread, NULL, cc_mt_prefetch_main, m);
                if (r < 0)
                        goto fail;
                m->pf_started = true;
        }
        *ret = m;
        return 0;
fail:
        cc_memtap_stop(m);
        return r;
}

const char *cc_memtap_path(const struct cc_memtap *m) { return m->path; }

static int cmp_u32(const void *a, const void *b)
{
        uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
        return x < y ? -1 : x > y;
}

int cc_memtap_stats(struct cc_memtap *m, struct cc_memtap_stats *ret)
{
        pthread_mutex_lock(&m->lock);
        *ret = m->st;
        if (m->nsamples) {
                uint32_t *c = malloc(m->nsamples * sizeof(*c));
                if (c) {
                        memcpy(c, m->samples, m->nsamples * sizeof(*c));
                        qsort(c, m->nsamples, sizeof(*c), cmp_u32);
                        ret->first_touch_us_p50 = c[m->nsamples / 2];
                        free(c);
                }
        }
        pthread_mutex_unlock(&m->lock);
        ret->fetched_pct = ret->pages ? 100.0 * (double)ret->fetched_pages / (double)ret->pages : 0;
        return 0;
}

int cc_memtap_stop(struct cc_memtap *m)
{
        int r = 0;
        if (!m)
                return 0;
        pthread_mutex_lock(&m->lock);
        m->stopping = true;
        pthread_cond_broadcast(&m->cond);
        pthread_mutex_unlock(&m->lock);
        cc_client_abort(m->demand);
        cc_client_abort(m->prefetch);
        if (m->pf_started)
                pthread_join(m->pf_thread, NULL);
        if (m->mc_started) {
                (void)!write(m->mc_stop[1], "x", 1);
                pthread_join(m->mc_thread, NULL);
        }
        for (int i = 0; i < 2; i++)
                if (m->mc_stop[i] >= 0)
                        close(m->mc_stop[i]);
        if (m->mc_fd >= 0)
                close(m->mc_fd);
        if (m->ws_started)
                pthread_join(m->ws_thread, NULL);       /* saves a working set still recording */
        r = m->ws_err;
        if (m->fuse) {
                fuse_exit(m->fuse);
                if (m->mounted)
                        fuse_unmount(m->fuse);
        }
        if (m->loop_started)
                pthread_join(m->loop_thread, NULL);
        if (m->fuse)
                fuse_destroy(m->fuse);
        if (!m->ws_started && m->recording && m->ws_n)
                r = cc_mt_ws_save(m);
        cc_client_close(m->demand);
        cc_client_close(m->prefetch);
        free(m->state);
        free(m->samples);
        free(m->ws);
        free(m->rec);
        pthread_cond_destroy(&m->cond);
        pthread_mutex_destroy(&m->lock);
        pthread_mutex_destroy(&m->conn_lock);
        free(m);
        return r;
}
