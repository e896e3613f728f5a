/* cc_memtap: a generation's memory as a lazily filled file (libfuse3) on a clone host, one per
 * generation per host, shared by its clones there: zero pages answered locally, present pages
 * from the page store, the rest fetched from a memserver (each distinct content once), with
 * readahead, working-set record/replay and background completion. Heuristics and failure:
 * docs/memtap.md.
 * Errors: 0 or -errno with a sentence in (why, why_len); nothing here logs. */
#ifndef CC_MEMTAP_H
#define CC_MEMTAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "clonecore/cc_driver.h"

struct cc_descriptor;
struct cc_store;

enum cc_readahead {
        CC_RA_ADAPTIVE = 0,             /* grow on sequential faults, shrink on random */
        CC_RA_NONE,                     /* exactly the faulting page */
        CC_RA_FIXED,                    /* always readahead_pages */
};

struct cc_fetch_opts {                  /* how a remote clone's memory is fetched (memtap) */
        enum cc_readahead readahead;
        unsigned readahead_pages;       /* FIXED: window; ADAPTIVE: upper bound (0 = 64) */
        /* Working set. In cc_clone(), both false = automatic: the first remote clone of a
         * generation on this host records, later ones replay (ws_off disables that). */
        bool record_ws;                 /* record the working set (first clone of a generation) */
        bool replay_ws;                 /* prefetch a recorded working set in bulk at start */
        unsigned record_ms;             /* recording window; 0 = 10000 */
        bool lz4;                       /* ask the memserver for LZ4-compressed pages */
        bool ws_off;                    /* cc_clone(): no automatic record/replay */
        /* Recording: also hand the working set to the memserver when the window closes, so the
         * first memtap of the generation on another host replays it (cc_clone() sets it). */
        bool ws_share;
        /* Background completion: after the working set, fetch every remaining non-zero page at
         * low priority (demand faults go first; at most complete_mib_s), so that the clone no
         * longer depends on the memserver's host. Takes at least complete_delay_ms + (non-zero
         * bytes not yet here) / complete_mib_s, more on a busy link. In cc_clone() on by default
         * (complete_off disables it); for a bare memtap only when complete is set. */
        bool complete;
        bool complete_off;              /* cc_clone(): no background completion */
        unsigned complete_delay_ms;     /* after the working-set replay; 0 = 1000 */
        unsigned complete_mib_s;        /* rate cap; 0 = 64 MiB/s */
};

#define CC_STALL_BUCKETS 16             /* bucket i: stalls in [2^i, 2^(i+1)) µs; last open */

struct cc_memtap_stats {
        uint64_t pages;                 /* of the generation */
        uint64_t demand_faults;         /* reads that waited for a fetch */
        uint64_t fetched_pages;         /* pages received (demand + readahead + prefetch) */
        uint64_t prefetched_pages;      /* of which by working-set replay */
        uint64_t readahead_pages;       /* of which by readahead */
        uint64_t zero_reads;            /* pages answered locally as zero/free (avoidance) */
        uint64_t local_hits;            /* pages found in the host's page store */
        uint64_t bytes;                 /* received from the network (after LZ4) */
        uint64_t speculative_rejects;   /* kernel read-around refused (see docs/memtap.md) */
        uint64_t stall_hist[CC_STALL_BUCKETS];
        uint64_t first_touch_us_p50;    /* of demand faults */
        double fetched_pct;             /* fetched_pages / pages * 100 */
        bool failed;
        char reason[CC_REASON_MAX];
        uint64_t mcast_pages;           /* pages taken from the memserver's multicast (mcdist) */
        uint64_t background_pages;      /* of fetched_pages, by background completion */
        bool completed;                 /* every non-zero page is on this host: the memserver
                                         * is no longer needed */
        uint64_t complete_us;           /* memtap start -> completed (0 = not yet) */
};


struct cc_memtap;

struct cc_memtap_opts {
        const char *mountpoint;         /* empty dir; the file is <mountpoint>/mem */
        const struct cc_descriptor *desc;       /* must outlive the memtap */
        struct cc_store *store;         /* host page store: local source and cache; required */
        const char *memserver;          /* "host:port"; NULL = pages come from store only */
        const void *secret;
        size_t secret_len;
        unsigned timeout_ms;            /* memserver silence -> EIO; 0 = 5000 */
        struct cc_fetch_opts fetch;
        const char *ws_path;            /* working-set file to record to / replay from */
        /* Kernel read-around of absent pages (QEMU's MADV_HUGEPAGE: 4 MiB per fault):
         * false = refuse it (EIO on the speculative read; the kernel then reads the one page
         * it needs), true = serve it (fetches the whole window). */
        bool serve_readaround;
        /* Called once, on a memtap thread, when the memtap fails (EIO from then on). */
        void (*on_fail)(const char *reason, void *userdata);
        void *userdata;
        /* mcdist: also accept pages multicast by the memserver, "GROUP:PORT@LOCAL_ADDR"
         * (e.g. "239.192.7.1:7441@10.0.0.5"); NULL = TCP only. docs/memtap.md */
        const char *mcast;
};

int cc_memtap_start(const struct cc_memtap_opts *opts, struct cc_memtap **ret,
                    char *why, size_t why_len);
const char *cc_memtap_path(const struct cc_memtap *m);  /* give it to the driver as mem_path */
int cc_memtap_stats(struct cc_memtap *m, struct cc_memtap_stats *ret);
/* Unmount, stop threads, write the recorded working set (if recording). NULL-tolerant. */
int cc_memtap_stop(struct cc_memtap *m);

#endif
