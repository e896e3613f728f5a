/* memtap_bg: a memtap's background work. Working-set record (the pages the first clones touch,
 * written when the window closes and handed to the memserver for other hosts) and replay (that
 * set fetched in bulk on a second connection while the clones run, and read into the page
 * cache), then background completion: every content still missing, fetched on
 * the same connection at low priority — it waits while demand faults are in flight and keeps
 * under complete_mib_s — after which both connections are closed and the memtap needs nothing
 * from the memserver's host. Also the mcdist receiver. docs/memtap.md. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "memtap_int.h"
#include "ss_util.h"

#define WS_MAGIC "SFWS"
#define WS_VERSION 1u
#define PREFETCH_BATCH 256u
#define COMPLETE_BATCH 64u              /* 256 KiB: a demand fault waits at most that on the link */

int cc_ws_parse(const uint8_t *b, size_t len, uint64_t gen, uint64_t pages, uint32_t **ret, size_t *ret_n)
{
        if (len < 24 + 4 || len > CC_WS_MAX_BYTES || memcmp(b, WS_MAGIC, 4) != 0 ||
            cc_get32(b + 4) != WS_VERSION || cc_get64(b + 8) != gen)
                return -EBADMSG;
        uint64_t n = cc_get64(b + 16);
        if (n > (len - 28) / 4 || 24 + n * 4 + 4 != len ||
            cc_get32(b + len - 4) != (uint32_t)crc32(0, b, (uInt)(len - 4)))
                return -EBADMSG;
        uint32_t *w = malloc((n ? n : 1) * sizeof(*w));
        if (!w)
                return -ENOMEM;
        for (uint64_t i = 0; i < n; i++) {
                w[i] = cc_get32(b + 24 + i * 4);
                if (w[i] >= pages) {
                        free(w);
                        return -EBADMSG;
                }
        }
        *ret = w;
        *ret_n = n;
        return 0;
}

static int ws_load(struct cc_memtap *m, uint32_t **ret, size_t *ret_n)
{
        char *buf = NULL;
        size_t len;
        int r = ss_read_file(m->ws_path, CC_WS_MAX_BYTES, &buf, &len);
        if (r < 0)
                return r;
        r = cc_ws_parse((const uint8_t *)buf, len, m->gen, m->pm->pages, ret, ret_n);
        free(buf);
        return r;
}

int cc_mt_ws_save(struct cc_memtap *m)
{
        struct cc_buf b = {0};
        cc_buf_put(&b, WS_MAGIC, 4);
        cc_buf_u32(&b, WS_VERSION);
        cc_buf_u64(&b, m->gen);
        cc_buf_u64(&b, m->ws_n);
        for (size_t i = 0; i < m->ws_n; i++)
                cc_buf_u32(&b, m->ws[i]);
        if (!b.err)
                cc_buf_u32(&b, (uint32_t)crc32(0, b.data, (uInt)b.len));
        int r = b.err ? b.err : ss_write_file_atomic(m->ws_path, b.data, b.len, 0600);
        cc_buf_free(&b);
        return r;
}

static void sort_list(uint64_t *list, size_t k)
{
        for (size_t a = 1; a < k; a++)          /* ranges want ascending order within a batch */
                for (size_t b = a; b > 0 && list[b - 1] > list[b]; b--) {
                        uint64_t t = list[b];
                        list[b] = list[b - 1];
                        list[b - 1] = t;
                }
}

/* Sleep until deadline_ns (monotonic) or the memtap stops/fails: false when it did. Lock held. */
static bool nap(struct cc_memtap *m, uint64_t deadline_ns)
{
        while (!m->failed && !m->stopping && ss_mono_ns() < deadline_ns) {
                uint64_t left = deadline_ns - ss_mono_ns();
                struct timespec ts;
                clock_gettime(CLOCK_REALTIME, &ts);
                left = left > 50000000ull ? 50000000ull : left;
                ts.tv_nsec += (long)left;
                if (ts.tv_nsec >= 1000000000L) {
                        ts.tv_sec++;
                        ts.tv_nsec -= 1000000000L;
                }
                pthread_cond_timedwait(&m->cond, &m->lock, &ts);
        }
        return !m->failed && !m->stopping;
}

/* Read pages of list (ascending) through our own file, runs of neighbours in one read: the
 * kernel's page cache of the file then holds them, and a clone touching one maps it without a
 * FUSE round trip (max_readahead is 0, so each read asks for exactly its range, which is all
 * present). Best effort: an error only means the clone pays the FUSE read itself. */
static void warm(int fd, const uint64_t *list, size_t k)
{
        static __thread uint8_t buf[64 * 4096];
        for (size_t i = 0; i < k;) {
                size_t j = i + 1;
                while (j < k && list[j] == list[j - 1] + 1 && j - i < 64)
                        j++;
                if (pread(fd, buf, (j - i) * 4096, (off_t)(list[i] * 4096)) < 0)
                        return;
                i = j;
        }
}

static void replay(struct cc_memtap *m)
{
        char why[CC_REASON_MAX] = "";
        uint32_t *ws = NULL;
        size_t n = 0;
        uint64_t list[PREFETCH_BATCH];

        if (!m->ws_path[0] || !m->o.fetch.replay_ws || ws_load(m, &ws, &n) < 0)
                return;                 /* no usable working set: demand paging only */
        int fd = open(m->path, O_RDONLY | O_CLOEXEC);
        for (size_t i = 0; i < n;) {
                size_t k = 0;
                pthread_mutex_lock(&m->lock);
                if (m->failed || m->stopping) {
                        pthread_mutex_unlock(&m->lock);
                        break;
                }
                for (; i < n && k < PREFETCH_BATCH; i++) {
                        uint32_t p = ws[i];
                        if (cc_pm_is_data(m->pm->entry[p]) && MT_STATE(m, p) == PG_ABSENT) {
                                MT_STATE(m, p) = PG_FETCHING;
                                list[k++] = p;
                        }
                }
                pthread_mutex_unlock(&m->lock);
                sort_list(list, k);
                struct cc_mt_sink x = { .m = m, .prefetch = true };
                if (k && cc_mt_fetch_list(m, m->prefetch, list, k, &x, why, sizeof(why)) < 0) {
                        cc_mt_fail(m, why);
                        break;
                }
                if (fd >= 0)
                        warm(fd, list, k);
        }
        if (fd >= 0)
                close(fd);
        free(ws);
}

/* Background completion: the contents not here yet, in batches of COMPLETE_BATCH, never while a
 * demand fetch is in flight, paced to complete_mib_s. Each batch starts at a random page (and
 * runs on from there): hosts completing at the same time with mcdist then ask for different
 * pages and take the rest from the multicast group, instead of walking the same order and all
 * asking for each page. */
static void complete(struct cc_memtap *m)
{
        char why[CC_REASON_MAX] = "";
        uint64_t list[COMPLETE_BATCH];
        unsigned mib_s = m->o.fetch.complete_mib_s ? m->o.fetch.complete_mib_s : 64;
        uint64_t ns_per_page = 4096ull * 1000000000ull / ((uint64_t)mib_s << 20);
        uint64_t rnd = ss_mono_ns() ^ (uint64_t)getpid() * 0x9e3779b97f4a7c15ull, next = 0;

        pthread_mutex_lock(&m->lock);
        if (!m->pm->pages || !nap(m, ss_mono_ns() + (uint64_t)(m->o.fetch.complete_delay_ms ?
                                              m->o.fetch.complete_delay_ms : 1000) * 1000000ull)) {
                pthread_mutex_unlock(&m->lock);
                return;
        }
        while (m->absent) {
                /* low priority: demand faults first, then the rate cap */
                while (m->demand_active && !m->failed && !m->stopping)
                        pthread_cond_wait(&m->cond, &m->lock);
                if (!nap(m, next))
                        break;
                rnd ^= rnd << 13;       /* xorshift64 */
                rnd ^= rnd >> 7;
                rnd ^= rnd << 17;
                size_t k = cc_mt_pick(m, rnd % m->pm->pages, m->pm->pages, list, COMPLETE_BATCH);
                if (k == 0)
                        k = cc_mt_pick(m, 0, m->pm->pages, list, COMPLETE_BATCH);
                if (k == 0) {
                        /* the rest is being fetched by demand faults or mcdist: wait for it */
                        if (!m->absent || !nap(m, ss_mono_ns() + 10000000ull))
                                break;
                        continue;
                }
                pthread_mutex_unlock(&m->lock);
                struct cc_mt_sink x = { .m = m, .background = true };
                int r = cc_mt_fetch_list(m, m->prefetch, list, k, &x, why, sizeof(why));
                pthread_mutex_lock(&m->lock);
                if (r < 0) {
                        pthread_mutex_unlock(&m->lock);
                        cc_mt_fail(m, why);
                        return;
                }
                next = ss_mono_ns() + k * ns_per_page;
        }
        bool done = !m->absent && !m->failed;
        if (done) {
                m->st.completed = true;
                m->st.complete_us = (ss_mono_ns() - m->t_start) / 1000;
        }
        pthread_mutex_unlock(&m->lock);
        if (done) {
                /* Nothing left to ask: end both connections now, so the memserver's host can go. */
                cc_client_abort(m->demand);
                cc_client_abort(m->prefetch);
        }
}

void *cc_mt_prefetch_main(void *arg)
{
        struct cc_memtap *m = arg;

        replay(m);
        if (m->o.fetch.complete)
                complete(m);
        return NULL;
}

/* Hand the recording to the memserver, so that the first memtap of the generation on another
 * host replays it too (best effort: another host's may be there first). */
static void ws_share(struct cc_memtap *m)
{
        struct cc_client *cl = NULL;
        char *buf = NULL;
        size_t len = 0;
        if (ss_read_file(m->ws_path, CC_WS_MAX_BYTES, &buf, &len) == 0 &&
            cc_client_connect(m->memserver, m->o.secret, m->o.secret_len, m->o.timeout_ms, &cl, NULL, 0) == 0)
                cc_client_put_ws(cl, m->gen, buf, len, NULL, 0);
        cc_client_close(cl);
        free(buf);
}

/* Write the working set when the recording window closes, so later clones can replay it while
 * this one keeps running (at the latest it is written when the memtap stops). */
void *cc_mt_ws_main(void *arg)
{
        struct cc_memtap *m = arg;
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_sec += m->o.fetch.record_ms / 1000;
        ts.tv_nsec += (long)(m->o.fetch.record_ms % 1000) * 1000000L;
        if (ts.tv_nsec >= 1000000000L) {
                ts.tv_sec++;
                ts.tv_nsec -= 1000000000L;
        }
        pthread_mutex_lock(&m->lock);
        while (!m->stopping && pthread_cond_timedwait(&m->cond, &m->lock, &ts) != ETIMEDOUT)
                ;
        bool save = m->recording && !m->failed && m->ws_n;
        m->recording = false;
        pthread_mutex_unlock(&m->lock);
        /* after recording stopped nobody appends to ws: it is ours to read */
        if (save)
                m->ws_err = cc_mt_ws_save(m);
        if (save && m->ws_err == 0 && m->o.fetch.ws_share && m->memserver[0])
                ws_share(m);
        return NULL;
}

/* mcdist receiver: pages another clone's fault made the memserver multicast. Best effort: a
 * datagram that is not authentic, not of this generation or not matching the page map is
 * dropped (the TCP path stays the authority and fetches whatever did not arrive). */
static void *mc_main(void *arg)
{
        struct cc_memtap *m = arg;
        uint8_t *dg = malloc(CC_MC_LEN + 1);
        while (dg && cc_poll_stop(m->mc_fd, m->mc_stop[0], -1) == 0) {
                ssize_t n = recv(m->mc_fd, dg, CC_MC_LEN + 1, MSG_DONTWAIT);
                uint64_t page;
                if (n < 0 || cc_mc_open(m->o.secret, m->o.secret_len, m->gen, dg, (size_t)n, &page) < 0 ||
                    page >= m->pm->pages || !cc_pm_is_data(m->pm->entry[page]))
                        continue;
                uint64_t h = m->pm->hash[m->pm->entry[page] - CC_PM_DATA];
                pthread_mutex_lock(&m->lock);
                bool want = MT_STATE(m, page) == PG_ABSENT && !m->failed;
                if (want)
                        MT_STATE(m, page) = PG_FETCHING;
                pthread_mutex_unlock(&m->lock);
                if (!want)
                        continue;
                bool ok = cc_page_hash(dg + CC_MC_HDR, 4096) == h &&
                          cc_store_put(m->o.store, h, dg + CC_MC_HDR) == 0;
                pthread_mutex_lock(&m->lock);
                if (ok)
                        cc_mt_present(m, page);
                else
                        MT_STATE(m, page) = PG_ABSENT;
                if (ok) {
                        m->st.mcast_pages++;
                        m->st.bytes += (uint64_t)n;
                }
                pthread_cond_broadcast(&m->cond);
                pthread_mutex_unlock(&m->lock);
        }
        free(dg);
        return NULL;
}

int cc_mt_mc_join(struct cc_memtap *m, const char *spec, char *why, size_t why_len)
{
        struct cc_mcast_addr ma;
        struct sockaddr_in sa = { .sin_family = AF_INET };
        struct ip_mreq mr;
        int one = 1, rcvbuf = 4 << 20;

        if (cc_mcast_parse(spec, &ma) < 0)
                return cc_why(why, why_len, -EINVAL, "bad multicast spec '%s' (GROUP:PORT@LOCAL_ADDR)", spec);
        if (!m->o.secret || !m->o.secret_len)
                return cc_why(why, why_len, -ENOKEY, "multicast needs the cluster secret");
        sa.sin_addr.s_addr = ma.group;  /* bound to the group: other traffic on the port stays out */
        sa.sin_port = ma.port;
        mr.imr_multiaddr.s_addr = ma.group;
        mr.imr_interface.s_addr = ma.local;
        m->mc_fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (m->mc_fd < 0 || setsockopt(m->mc_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) < 0 ||
            bind(m->mc_fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 ||
            setsockopt(m->mc_fd, IPPROTO_IP, IP_ADD_MEMBERSHIP, &mr, sizeof(mr)) < 0)
                return cc_why(why, why_len, -errno, "cannot join multicast %s: %s", spec, strerror(errno));
        setsockopt(m->mc_fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf));  /* best effort */
        if (pipe2(m->mc_stop, O_CLOEXEC) < 0)
                return -errno;
        int r = -pthread_create(&m->mc_thread, NULL, mc_main, m);
        if (r == 0)
                m->mc_started = true;
        return r;
}

