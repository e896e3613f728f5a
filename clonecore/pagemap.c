/* The page map: per page zero / free / content hash, encoded as a hash table plus a run stream.
 *
 * Why this encoding: the descriptor budget is 0.5 MB per GB of guest RAM (2 bytes per 4 KiB page).
 * A flat table of 64-bit hashes would cost 8 bytes per page. Guest memory is mostly runs of zero
 * pages and of pages seen for the first time, so the stream says "n zero pages", "n new pages"
 * (their hashes are the next n entries of the table, 0 bytes per page in the stream) and only
 * duplicates carry an explicit (delta-coded) table index. Cost: 8 bytes per distinct page plus a
 * few bytes per run. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cc_internal.h"

#define PM_HDR_LEN 48
#define PM_HASH_XXH3_64 1u
#define PM_MAX_PAGES (1ull << 26)       /* 256 GiB of 4 KiB pages: bounds the in-memory map */

enum { RUN_ZERO = 0, RUN_FREE = 1, RUN_NEW = 2, RUN_REF = 3 };

int cc_pagemap_init(struct cc_pagemap *pm, uint64_t pages, uint32_t page_size)
{
        memset(pm, 0, sizeof(*pm));
        if (pages > PM_MAX_PAGES)
                return -EFBIG;
        pm->page_size = page_size;
        pm->pages = pages;
        pm->entry = calloc(pages ? pages : 1, sizeof(*pm->entry));
        if (!pm->entry)
                return -ENOMEM;
        pm->zero_pages = pages;
        return 0;
}

void cc_pagemap_dispose(struct cc_pagemap *pm)
{
        if (!pm)
                return;
        free(pm->entry);
        free(pm->hash);
        memset(pm, 0, sizeof(*pm));
}

int cc_pagemap_add_hash(struct cc_pagemap *pm, uint64_t hash, uint32_t *ret_idx)
{
        if (pm->distinct >= CC_PM_MAX_DISTINCT)
                return -EFBIG;
        if (pm->distinct == pm->hash_cap) {
                uint64_t cap = pm->hash_cap ? pm->hash_cap * 2 : 1024;
                uint64_t *h = realloc(pm->hash, cap * sizeof(*h));
                if (!h)
                        return -ENOMEM;
                pm->hash = h;
                pm->hash_cap = cap;
        }
        pm->hash[pm->distinct] = hash;
        *ret_idx = (uint32_t)pm->distinct++;
        return 0;
}

void cc_pagemap_count(struct cc_pagemap *pm)
{
        pm->zero_pages = pm->free_pages = 0;
        for (uint64_t i = 0; i < pm->pages; i++) {
                if (pm->entry[i] == CC_PM_ZERO)
                        pm->zero_pages++;
                else if (pm->entry[i] == CC_PM_FREE)
                        pm->free_pages++;
        }
}

static int run_kind(const struct cc_pagemap *pm, uint64_t i, uint64_t next_new)
{
        uint32_t e = pm->entry[i];
        if (e == CC_PM_ZERO)
                return RUN_ZERO;
        if (e == CC_PM_FREE)
                return RUN_FREE;
        return e - CC_PM_DATA == next_new ? RUN_NEW : RUN_REF;
}

int cc_pagemap_encode(const struct cc_pagemap *pm, struct cc_buf *out)
{
        struct cc_buf runs = {0};
        uint64_t next_new = 0, prev = UINT64_MAX, zero = 0, freep = 0;
        int r = 0;

        for (uint64_t i = 0; i < pm->pages;) {
                int kind = run_kind(pm, i, next_new);
                uint64_t j = i;
                if (kind == RUN_ZERO || kind == RUN_FREE) {
                        while (j < pm->pages && run_kind(pm, j, next_new) == kind)
                                j++;
                        cc_buf_u8(&runs, (uint8_t)kind);
                        cc_buf_varint(&runs, j - i);
                        if (kind == RUN_ZERO)
                                zero += j - i;
                        else
                                freep += j - i;
                } else if (kind == RUN_NEW) {
                        while (j < pm->pages && run_kind(pm, j, next_new) == RUN_NEW) {
                                next_new++;
                                j++;
                        }
                        cc_buf_u8(&runs, RUN_NEW);
                        cc_buf_varint(&runs, j - i);
                        prev = next_new - 1;
                } else {
                        while (j < pm->pages && run_kind(pm, j, next_new) == RUN_REF)
                                j++;
                        cc_buf_u8(&runs, RUN_REF);
                        cc_buf_varint(&runs, j - i);
                        for (uint64_t k = i; k < j; k++) {
                                uint64_t idx = pm->entry[k] - CC_PM_DATA;
                                if (idx >= next_new) {
                                        /* hashes must be numbered in order of first appearance */
                                        r = -EINVAL;
                                        goto out;
                                }
                                int64_t d = (int64_t)(idx - (prev + 1));
                                cc_buf_varint(&runs, ((uint64_t)d << 1) ^ (uint64_t)(d >> 63));
                                prev = idx;
                        }
                }
                i = j;
        }
        if (next_new != pm->distinct) {
                r = -EINVAL;
                goto out;
        }
        cc_buf_u32(out, pm->page_size);
        cc_buf_u32(out, PM_HASH_XXH3_64);
        cc_buf_u64(out, pm->pages);
        cc_buf_u64(out, pm->distinct);
        cc_buf_u64(out, zero);
        cc_buf_u64(out, freep);
        cc_buf_u64(out, 0);             /* reserved */
        for (uint64_t k = 0; k < pm->distinct; k++)
                cc_buf_u64(out, pm->hash[k]);
        cc_buf_put(out, runs.data, runs.len);
        r = runs.err ? runs.err : out->err;
out:
        cc_buf_free(&runs);
        return r;
}

/* Walk the run stream; with entry == NULL only validate (so a hostile map is rejected before the
 * per-page array is allocated). */
static int walk_runs(const uint8_t *p, const uint8_t *end, uint64_t pages, uint64_t distinct,
                     uint32_t *entry, uint64_t *ret_zero, uint64_t *ret_free,
                     char *why, size_t why_len)
{
        uint64_t page = 0, next_new = 0, prev = UINT64_MAX, zero = 0, freep = 0, n;
        while (p < end) {
                uint8_t kind = *p++;
                if (kind > RUN_REF)
                        return cc_why(why, why_len, -EBADMSG, "page map: unknown run kind %u", kind);
                if (cc_read_varint(&p, end, &n) < 0 || n == 0 || n > pages - page)
                        return cc_why(why, why_len, -EBADMSG,
                                      "page map: bad run length at page %llu", (unsigned long long)page);
                switch (kind) {
                case RUN_ZERO:
                case RUN_FREE:
                        if (entry)
                                for (uint64_t k = 0; k < n; k++)
                                        entry[page + k] = kind == RUN_ZERO ? CC_PM_ZERO : CC_PM_FREE;
                        if (kind == RUN_ZERO)
                                zero += n;
                        else
                                freep += n;
                        break;
                case RUN_NEW:
                        if (n > distinct - next_new)
                                return cc_why(why, why_len, -EBADMSG,
                                              "page map: more new pages than hashes");
                        if (entry)
                                for (uint64_t k = 0; k < n; k++)
                                        entry[page + k] = (uint32_t)(CC_PM_DATA + next_new + k);
                        next_new += n;
                        prev = next_new - 1;
                        break;
                case RUN_REF:
                        for (uint64_t k = 0; k < n; k++) {
                                uint64_t z;
                                if (cc_read_varint(&p, end, &z) < 0)
                                        return cc_why(why, why_len, -EBADMSG,
                                                      "page map: truncated reference run");
                                int64_t d = (int64_t)(z >> 1) ^ -(int64_t)(z & 1);
                                uint64_t idx = prev + 1 + (uint64_t)d;
                                if (idx >= next_new)
                                        return cc_why(why, why_len, -EBADMSG,
                                                      "page map: page %llu refers to an unknown hash",
                                                      (unsigned long long)(page + k));
                                if (entry)
                                        entry[page + k] = (uint32_t)(CC_PM_DATA + idx);
                                prev = idx;
                        }
                        break;
                }
                page += n;
        }
        if (page != pages)
                return cc_why(why, why_len, -EBADMSG, "page map covers %llu of %llu pages",
                              (unsigned long long)page, (unsigned long long)pages);
        if (next_new != distinct)
                return cc_why(why, why_len, -EBADMSG, "page map uses %llu of %llu hashes",
                              (unsigned long long)next_new, (unsigned long long)distinct);
        *ret_zero = zero;
        *ret_free = freep;
        return 0;
}

int cc_pagemap_decode(const uint8_t *p, size_t len, struct cc_pagemap *ret, char *why, size_t why_len)
{
        struct cc_pagemap pm;
        uint64_t zero, freep;
        int r;

        memset(ret, 0, sizeof(*ret));
        if (len < PM_HDR_LEN)
                return cc_why(why, why_len, -EBADMSG, "page map section too short");
        uint32_t page_size = cc_get32(p), algo = cc_get32(p + 4);
        uint64_t pages = cc_get64(p + 8), distinct = cc_get64(p + 16);
        uint64_t want_zero = cc_get64(p + 24), want_free = cc_get64(p + 32);
        /* bytes 40..47: reserved */
        if (page_size != 4096)
                return cc_why(why, why_len, -EBADMSG, "page size %u not supported (4096)", page_size);
        if (algo != PM_HASH_XXH3_64)
                return cc_why(why, why_len, -EBADMSG, "unknown page hash algorithm %u", algo);
        if (pages > PM_MAX_PAGES)
                return cc_why(why, why_len, -EFBIG, "page map of %llu pages exceeds the limit",
                              (unsigned long long)pages);
        if (distinct > pages || distinct > (len - PM_HDR_LEN) / 8)
                return cc_why(why, why_len, -EBADMSG, "page map: %llu hashes do not fit",
                              (unsigned long long)distinct);
        const uint8_t *runs = p + PM_HDR_LEN + distinct * 8, *end = p + len;
        r = walk_runs(runs, end, pages, distinct, NULL, &zero, &freep, why, why_len);
        if (r < 0)
                return r;
        if (zero != want_zero || freep != want_free)
                return cc_why(why, why_len, -EBADMSG, "page map counters disagree with its runs");
        r = cc_pagemap_init(&pm, pages, page_size);
        if (r < 0)
                return cc_why(why, why_len, r, "page map: out of memory");
        pm.hash = malloc((distinct ? distinct : 1) * sizeof(uint64_t));
        if (!pm.hash) {
                cc_pagemap_dispose(&pm);
                return cc_why(why, why_len, -ENOMEM, "page map: out of memory");
        }
        pm.hash_cap = pm.distinct = distinct;
        for (uint64_t k = 0; k < distinct; k++)
                pm.hash[k] = cc_get64(p + PM_HDR_LEN + k * 8);
        r = walk_runs(runs, end, pages, distinct, pm.entry, &zero, &freep, why, why_len);
        if (r < 0) {
                cc_pagemap_dispose(&pm);
                return r;
        }
        pm.zero_pages = zero;
        pm.free_pages = freep;
        *ret = pm;
        return 0;
}
