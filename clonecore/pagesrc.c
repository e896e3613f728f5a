/* pagesrc: one clone's page source through the page map and the host's page store
 * (struct cc_page_source, cc_driver.h), for drivers that read every page before the VM runs.
 *
 * Why: a Xen PV clone is restored from a stream that carries every non-zero page. Read from the
 * generation's memory image, each clone reads every non-zero page, duplicates included (in the
 * lab 16,175 pages of 11,868 distinct contents). Read by content hash from the page store, it
 * reads each distinct content once: a content that occurs more than once in the page map is kept
 * in memory after its first read (bounded), and every clone and generation of the host reads
 * the same store file, so the host's page cache holds one copy of each distinct page.
 * A page the store lacks (a remote generation whose memtap has not fetched it yet), or whose
 * bytes no longer match their hash, is answered -ENOENT: the driver reads its memory path. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "engine_int.h"

#define SRC_CACHE_MAX 8192u             /* repeated contents kept in memory: at most 32 MiB */

struct cc_pagesrc {
        struct cc_page_source ops;
        const struct cc_pagemap *pm;
        struct cc_store *store;
        uint32_t *slot;                 /* per distinct hash: SLOT_ONCE, SLOT_REPEATED (not cached
                                         * yet), else cache slot + 1 */
        uint8_t *cache;                 /* cap pages, grown as repeated contents arrive */
        uint32_t used, cap;
};

#define SLOT_ONCE     0u               /* (or unused) */
#define SLOT_SEEN     (UINT32_MAX - 1)  /* while counting: seen once so far */
#define SLOT_REPEATED UINT32_MAX

/* Which contents occur more than once: only those are worth keeping. Done on the first read, so a
 * driver that never reads through the source (one that maps memory) costs nothing. */
static int src_count(struct cc_pagesrc *s)
{
        const struct cc_pagemap *pm = s->pm;

        s->slot = calloc(pm->distinct ? pm->distinct : 1, sizeof(*s->slot));
        if (!s->slot)
                return -ENOMEM;
        for (uint64_t i = 0; i < pm->pages; i++) {
                if (!cc_pm_is_data(pm->entry[i]) || pm->entry[i] - CC_PM_DATA >= pm->distinct)
                        continue;
                uint32_t *sl = &s->slot[pm->entry[i] - CC_PM_DATA];
                *sl = *sl == SLOT_ONCE ? SLOT_SEEN : SLOT_REPEATED;
        }
        for (uint64_t k = 0; k < pm->distinct; k++)
                if (s->slot[k] == SLOT_SEEN)
                        s->slot[k] = SLOT_ONCE;
        return 0;
}

static int src_read(void *ctx, uint64_t pfn, void *buf)
{
        struct cc_pagesrc *s = ctx;

        if (pfn >= s->pm->pages || !cc_pm_is_data(s->pm->entry[pfn]))
                return -ENOENT;         /* zero or free: not a page the store keeps */
        uint32_t idx = s->pm->entry[pfn] - CC_PM_DATA;
        if (idx >= s->pm->distinct)
                return -ENOENT;
        if (!s->slot) {
                int r = src_count(s);
                if (r < 0)
                        return r;
        }
        uint32_t sl = s->slot[idx];
        if (sl != SLOT_ONCE && sl != SLOT_REPEATED) {
                memcpy(buf, s->cache + (size_t)(sl - 1) * 4096, 4096);
                return 1;
        }
        /* the memory path holds every page: any trouble with the store falls back to it */
        if (cc_store_get(s->store, s->pm->hash[idx], buf) < 0)
                return -ENOENT;
        if (cc_page_hash(buf, 4096) != s->pm->hash[idx])
                return -ENOENT;         /* a damaged store never reaches a guest */
        if (sl == SLOT_REPEATED && s->used < SRC_CACHE_MAX) {
                if (s->used == s->cap) {
                        uint32_t cap = s->cap ? s->cap * 2 : 64;
                        uint8_t *c = realloc(s->cache, (size_t)cap * 4096);
                        if (!c)
                                return 0;       /* no room to keep it: the next repeat reads again */
                        s->cache = c;
                        s->cap = cap;
                }
                memcpy(s->cache + (size_t)s->used * 4096, buf, 4096);
                s->slot[idx] = ++s->used;
        }
        return 0;
}

int cc_pagesrc_new(const struct cc_pagemap *pm, struct cc_store *store, struct cc_pagesrc **ret)
{
        struct cc_pagesrc *s;

        if (!pm || !store || pm->page_size != 4096)
                return -EINVAL;
        s = calloc(1, sizeof(*s));
        if (!s)
                return -ENOMEM;
        s->pm = pm;
        s->store = store;
        s->ops.read = src_read;
        s->ops.ctx = s;
        *ret = s;
        return 0;
}

const struct cc_page_source *cc_pagesrc_ops(const struct cc_pagesrc *s)
{
        return &s->ops;
}

void cc_pagesrc_free(struct cc_pagesrc *s)
{
        if (!s)
                return;
        free(s->cache);
        free(s->slot);
        free(s);
}
