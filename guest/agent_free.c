/* agent_free.c: which page frames of this guest are free in the buddy allocator, for the host's
 * free-page measurement at a Xen cut (docs/drivers-xen.md, "Free pages at the cut").
 *
 * Source: /proc/kpageflags (CONFIG_PROC_PAGE_MONITOR; Debian's cloud kernel has it), one u64 of
 * KPF_* bits per pfn; in a PV guest the pfns are the save stream's. Linux 6.1 sets KPF_BUDDY on
 * every page of a free block (fs/proc/page.c: PageBuddy, or page_count 0 and is_free_buddy_page);
 * older kernels marked only the block's first page, so a page without any flag that follows a
 * marked one inside the largest block its alignment allows (MAX_ORDER_NR_PAGES, 1024 on x86) is
 * counted too. Pages on the per-cpu free lists carry no mark and are not reported. The totals
 * carry MemFree for comparison. A snapshot of a running allocator: pages change state while it
 * is taken, and after. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "agent.h"

#define KPF_BUDDY       10
#define MAX_BLOCK       1024u           /* pages in the largest buddy block (order 10) */

struct report {
        const struct sfg_channel_ops *ops;
        struct sfg_chan *ch;
        char chunk[SFG_FREE_CHUNK + 1];
        size_t len;
        unsigned chunks, runs;
};

static int flush_chunk(struct report *rp)
{
        char key[32];

        if (!rp->len)
                return 0;
        snprintf(key, sizeof(key), "free/%u", rp->chunks++);
        rp->len = 0;
        return rp->ops->send(rp->ch, key, rp->chunk);
}

static int add_run(struct report *rp, uint64_t first, uint64_t count)
{
        char pair[48];
        int n = snprintf(pair, sizeof(pair), "%s%" PRIx64 "+%" PRIx64, rp->len ? " " : "", first, count);

        if (rp->len + (size_t)n > SFG_FREE_CHUNK) {
                int rc = flush_chunk(rp);
                if (rc < 0)
                        return rc;
                n = snprintf(pair, sizeof(pair), "%" PRIx64 "+%" PRIx64, first, count);
        }
        memcpy(rp->chunk + rp->len, pair, (size_t)n + 1);
        rp->len += (size_t)n;
        rp->runs++;
        return 0;
}

static uint64_t mem_free_kib(void)
{
        char line[128];
        unsigned long long v = 0;
        FILE *f = fopen("/proc/meminfo", "re");

        if (!f)
                return 0;
        while (fgets(line, sizeof(line), f))
                if (sscanf(line, "MemFree: %llu kB", &v) == 1)
                        break;
        fclose(f);
        return v;
}

int sfg_free_report(const struct sfg_channel_ops *ops, struct sfg_chan *ch)
{
        struct report rp = { .ops = ops, .ch = ch };
        static uint64_t flags[1024];
        uint64_t pfn = 0, block_end = 0, run_first = 0, run_len = 0, buddy = 0, pages = 0;
        struct timespec t0, t1;
        char done[160];
        int fd, rc = 0;

        clock_gettime(CLOCK_MONOTONIC, &t0);
        fd = open("/proc/kpageflags", O_RDONLY | O_CLOEXEC);
        if (fd < 0)
                return -errno;
        for (;;) {
                ssize_t n = read(fd, flags, sizeof(flags));
                if (n < 0 && errno == EINTR)
                        continue;
                if (n < 0) {
                        rc = -errno;
                        goto out;
                }
                if (n == 0)
                        break;
                for (size_t i = 0; i < (size_t)n / 8; i++, pfn++) {
                        uint64_t f = flags[i];
                        bool is_free;
                        if (f & (1ull << KPF_BUDDY)) {
                                uint64_t align = pfn ? pfn & -pfn : MAX_BLOCK;
                                block_end = pfn + (align < MAX_BLOCK ? align : MAX_BLOCK);
                                buddy++;
                                is_free = true;
                        } else {
                                is_free = f == 0 && pfn < block_end;
                                if (!is_free)
                                        block_end = 0;
                        }
                        if (is_free) {
                                if (!run_len)
                                        run_first = pfn;
                                run_len++;
                                pages++;
                        } else if (run_len) {
                                rc = add_run(&rp, run_first, run_len);
                                if (rc < 0)
                                        goto out;
                                run_len = 0;
                        }
                }
        }
        if (run_len)
                rc = add_run(&rp, run_first, run_len);
        if (rc == 0)
                rc = flush_chunk(&rp);
        if (rc < 0)
                goto out;
        clock_gettime(CLOCK_MONOTONIC, &t1);
        snprintf(done, sizeof(done), "chunks=%u runs=%u pages=%" PRIu64 " buddy=%" PRIu64 " pfns=%" PRIu64
                 " memfree_kib=%" PRIu64 " scan_us=%lld", rp.chunks, rp.runs, pages, buddy, pfn, mem_free_kib(),
                 (long long)((t1.tv_sec - t0.tv_sec) * 1000000LL + (t1.tv_nsec - t0.tv_nsec) / 1000));
        rc = ops->send(ch, "free/done", done);   /* last: the host reads the chunks once it is there */
out:
        close(fd);
        return rc;
}
