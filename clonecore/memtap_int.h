/* memtap_int.h: a memtap's state, shared by memtap.c (FUSE reads, demand fetches, start/stop)
 * and memtap_bg.c (its background threads: working-set record and replay, background completion,
 * mcdist receiver). Not an API.
 *
 * Page states are kept per *content* (the page map's distinct-hash index), not per page number:
 * pages with equal content are fetched once, whichever of them is touched first (the Xen paper's
 * content-indexed cache), and the host's page store makes that hold across generations too. */
#ifndef CC_MEMTAP_INT_H
#define CC_MEMTAP_INT_H

#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "cc_internal.h"

enum { PG_ABSENT = 0, PG_FETCHING = 1, PG_PRESENT = 2 };

struct cc_memtap {
        struct cc_memtap_opts o;
        const struct cc_pagemap *pm;
        uint64_t gen, mem_bytes;
        char mnt[PATH_MAX], path[PATH_MAX + 8], ws_path[PATH_MAX];
        char memserver[256];            /* "" = pages from the store only */
        struct fuse *fuse;
        pthread_t loop_thread, pf_thread, ws_thread, mc_thread;
        bool mounted, loop_started, pf_started, ws_started, mc_started;
        int mc_fd, mc_stop[2];          /* mcdist receiver */

        pthread_mutex_t lock;           /* content states, stats, window, recording */
        pthread_cond_t cond;            /* content became present / failed / demand idle / stop */
        uint8_t *state;                 /* per distinct content (pm->distinct entries) */
        uint64_t absent;                /* distinct contents not PRESENT yet */
        unsigned demand_active;         /* demand fetches in flight: background work yields */
        struct cc_memtap_stats st;
        uint32_t *samples;              /* demand-fault stall times, µs */
        size_t nsamples;
        bool failed, stopping;
        unsigned window;
        uint64_t last_end;
        uint64_t t_start;

        pthread_mutex_t conn_lock;      /* the demand connection */
        struct cc_client *demand, *prefetch;

        uint8_t *rec;                   /* recording: page already in ws */
        uint32_t *ws;                   /* recording */
        size_t ws_n, ws_cap;
        bool recording;
        int ws_err;
};

/* The state of page p's content (p must be a data page). */
#define MT_STATE(m, p) ((m)->state[(m)->pm->entry[p] - CC_PM_DATA])

/* Mark page p's content present (lock held): counts it once. */
void cc_mt_present(struct cc_memtap *m, uint64_t p);
/* Up to max absent contents of pages from..end-1 into list, marked FETCHING; contents another
 * generation or clone brought to this host's store meanwhile are marked present instead. Lock
 * held. */
size_t cc_mt_pick(struct cc_memtap *m, uint64_t from, uint64_t end, uint64_t *list, size_t max);
/* Fail the memtap: EIO from now on, on_fail() told once. */
void cc_mt_fail(struct cc_memtap *m, const char *reason);

struct cc_mt_sink {
        struct cc_memtap *m;
        bool prefetch, background, readahead;
        uint64_t need_lo, need_hi;      /* pages that are demand, not readahead */
};
/* Fetch the pages marked FETCHING by the caller (list ascending) over one connection; unfinished
 * pages go back to ABSENT on failure. */
int cc_mt_fetch_list(struct cc_memtap *m, struct cc_client *cl, const uint64_t *list, size_t n,
                     struct cc_mt_sink *x, char *why, size_t why_len);

/* memtap_bg.c */
void *cc_mt_prefetch_main(void *arg);   /* replay the working set, then background completion */
void *cc_mt_ws_main(void *arg);         /* write the working set when the recording window closes */
int cc_mt_ws_save(struct cc_memtap *m);
int cc_mt_mc_join(struct cc_memtap *m, const char *spec, char *why, size_t why_len);

#endif
