/* The page store: each distinct page once, addressed by its content hash, shared by every
 * generation and every clone on a host (the "universal buffer cache" of the Xen paper).
 *
 *   <dir>/pages.pack  raw pages; slot i at offset i * 4096
 *   <dir>/pages.idx   "SFSTORE1", u32 page size, u32 reserved, then records
 *                     (u64 hash, u32 slot, u32 check = low half of mix(hash ^ slot))
 * Both are append-only. Writers (publishers, memtap caching fetched pages, in any process) take
 * flock(pages.idx) while appending; a page is written before its index record, so a reader that
 * sees a record can read the page. Readers pick up records of other processes on a miss. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cc_internal.h"

#define STORE_PAGE 4096u
#define IDX_MAGIC "SFSTORE1"
#define IDX_HDR 16
#define IDX_REC 16

struct slot_ent {
        uint64_t hash;
        uint64_t slot1;                 /* slot + 1; 0 = empty */
};

struct cc_store {
        pthread_mutex_t lock;
        int pack_fd, idx_fd;
        uint64_t idx_seen;              /* bytes of pages.idx already loaded */
        struct slot_ent *tab;
        uint64_t cap, count;            /* cap: power of two */
};

static uint64_t mix(uint64_t h)
{
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdULL;
        h ^= h >> 33;
        return h;
}

static struct slot_ent *tab_find(struct cc_store *s, uint64_t hash)
{
        for (uint64_t i = mix(hash) & (s->cap - 1);; i = (i + 1) & (s->cap - 1))
                if (!s->tab[i].slot1 || s->tab[i].hash == hash)
                        return &s->tab[i];
}

static int tab_insert(struct cc_store *s, uint64_t hash, uint64_t slot)
{
        if ((s->count + 1) * 2 > s->cap) {
                uint64_t ncap = s->cap ? s->cap * 2 : 4096;
                struct slot_ent *old = s->tab, *n = calloc(ncap, sizeof(*n));
                uint64_t ocap = s->cap;
                if (!n)
                        return -ENOMEM;
                s->tab = n;
                s->cap = ncap;
                for (uint64_t i = 0; i < ocap; i++)
                        if (old[i].slot1)
                                *tab_find(s, old[i].hash) = old[i];
                free(old);
        }
        struct slot_ent *e = tab_find(s, hash);
        if (!e->slot1) {
                e->hash = hash;
                e->slot1 = slot + 1;
                s->count++;
        }
        return 0;
}

/* Load index records appended since the last look (by us or another process). */
static int refresh(struct cc_store *s)
{
        struct stat st;
        uint8_t buf[IDX_REC * 256];

        if (fstat(s->idx_fd, &st) < 0)
                return -errno;
        uint64_t end = (uint64_t)st.st_size - ((uint64_t)st.st_size - IDX_HDR) % IDX_REC;
        while (s->idx_seen < end) {
                size_t want = end - s->idx_seen > sizeof(buf) ? sizeof(buf) : end - s->idx_seen;
                ssize_t n = pread(s->idx_fd, buf, want, (off_t)s->idx_seen);
                if (n < 0 && errno == EINTR)
                        continue;
                if (n <= 0)
                        return n < 0 ? -errno : -EIO;
                n -= n % IDX_REC;
                for (ssize_t k = 0; k < n; k += IDX_REC) {
                        uint64_t h = cc_get64(buf + k);
                        uint32_t slot = cc_get32(buf + k + 8);
                        if (cc_get32(buf + k + 12) != (uint32_t)mix(h ^ slot))
                                continue;       /* torn record of a writer that died */
                        int r = tab_insert(s, h, slot);
                        if (r < 0)
                                return r;
                }
                s->idx_seen += (uint64_t)n;
        }
        return 0;
}

static int full_pwrite(int fd, const void *p, size_t len, off_t off)
{
        while (len) {
                ssize_t n = pwrite(fd, p, len, off);
                if (n < 0 && errno == EINTR)
                        continue;
                if (n < 0)
                        return -errno;
                p = (const uint8_t *)p + n;
                len -= (size_t)n;
                off += n;
        }
        return 0;
}

static int full_pread(int fd, void *p, size_t len, off_t off)
{
        while (len) {
                ssize_t n = pread(fd, p, len, off);
                if (n < 0 && errno == EINTR)
                        continue;
                if (n <= 0)
                        return n < 0 ? -errno : -EIO;
                p = (uint8_t *)p + n;
                len -= (size_t)n;
                off += n;
        }
        return 0;
}

int cc_store_open(const char *dir, struct cc_store **ret)
{
        struct cc_store *s = NULL;
        char path[PATH_MAX];
        struct stat st;
        int r;

        if (mkdir(dir, 0700) < 0 && errno != EEXIST)
                return -errno;
        s = calloc(1, sizeof(*s));
        if (!s)
                return -ENOMEM;
        pthread_mutex_init(&s->lock, NULL);
        s->pack_fd = s->idx_fd = -1;
        snprintf(path, sizeof(path), "%s/pages.pack", dir);
        s->pack_fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        snprintf(path, sizeof(path), "%s/pages.idx", dir);
        s->idx_fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (s->pack_fd < 0 || s->idx_fd < 0) {
                r = -errno;
                goto fail;
        }
        if (flock(s->idx_fd, LOCK_EX) < 0) {
                r = -errno;
                goto fail;
        }
        r = fstat(s->idx_fd, &st) < 0 ? -errno : 0;
        if (r == 0 && st.st_size == 0) {
                uint8_t hdr[IDX_HDR] = {0};
                memcpy(hdr, IDX_MAGIC, 8);
                cc_put32(hdr + 8, STORE_PAGE);
                r = full_pwrite(s->idx_fd, hdr, IDX_HDR, 0);
        } else if (r == 0) {
                uint8_t hdr[IDX_HDR];
                r = st.st_size < IDX_HDR ? -EBADMSG : full_pread(s->idx_fd, hdr, IDX_HDR, 0);
                if (r == 0 && (memcmp(hdr, IDX_MAGIC, 8) != 0 || cc_get32(hdr + 8) != STORE_PAGE))
                        r = -EBADMSG;
        }
        flock(s->idx_fd, LOCK_UN);
        if (r < 0)
                goto fail;
        s->idx_seen = IDX_HDR;
        r = refresh(s);
        if (r < 0)
                goto fail;
        *ret = s;
        return 0;
fail:
        cc_store_close(s);
        return r;
}

void cc_store_close(struct cc_store *s)
{
        if (!s)
                return;
        if (s->pack_fd >= 0)
                close(s->pack_fd);
        if (s->idx_fd >= 0)
                close(s->idx_fd);
        free(s->tab);
        pthread_mutex_destroy(&s->lock);
        free(s);
}

static int lookup(struct cc_store *s, uint64_t hash, uint64_t *ret_slot)
{
        struct slot_ent *e = s->cap ? tab_find(s, hash) : NULL;
        if (!e || !e->slot1) {
                int r = refresh(s);
                if (r < 0)
                        return r;
                e = s->cap ? tab_find(s, hash) : NULL;
                if (!e || !e->slot1)
                        return -ENOENT;
        }
        *ret_slot = e->slot1 - 1;
        return 0;
}

int cc_store_get(struct cc_store *s, uint64_t hash, void *buf)
{
        uint64_t slot;
        pthread_mutex_lock(&s->lock);
        int r = lookup(s, hash, &slot);
        pthread_mutex_unlock(&s->lock);
        if (r < 0)
                return r;
        return full_pread(s->pack_fd, buf, STORE_PAGE, (off_t)(slot * STORE_PAGE));
}

int cc_store_put_many(struct cc_store *s, const uint64_t *hash, const void *const *page, size_t n)
{
        uint8_t have[STORE_PAGE], *buf = NULL, *recs = NULL;
        size_t *todo = NULL, nt = 0, k = 0;
        struct stat st;
        int r = 0;

        if (n == 0)
                return 0;
        todo = malloc(n * sizeof(*todo));
        if (!todo)
                return -ENOMEM;
        pthread_mutex_lock(&s->lock);
        for (size_t i = 0; i < n && r == 0; i++) {
                struct slot_ent *e = s->cap ? tab_find(s, hash[i]) : NULL;
                if (!e || !e->slot1) {
                        todo[nt++] = i;
                        continue;
                }
                /* Same hash: it must be the same bytes, or the content address is ambiguous. */
                r = full_pread(s->pack_fd, have, STORE_PAGE, (off_t)((e->slot1 - 1) * STORE_PAGE));
                if (r == 0 && memcmp(have, page[i], STORE_PAGE) != 0)
                        r = -EEXIST;
        }
        if (r < 0 || nt == 0)
                goto out;
        buf = malloc(nt * STORE_PAGE);
        recs = malloc(nt * IDX_REC);
        if (!buf || !recs) {
                r = -ENOMEM;
                goto out;
        }
        /* One lock, one page write and one index write for the whole batch. */
        if (flock(s->idx_fd, LOCK_EX) < 0) {
                r = -errno;
                goto out;
        }
        r = refresh(s);                 /* another process may have added some meanwhile */
        if (r == 0)
                r = fstat(s->pack_fd, &st) < 0 ? -errno : 0;
        /* A writer that died mid-page leaves a partial tail: start at the next whole slot. */
        uint64_t slot0 = r == 0 ? ((uint64_t)st.st_size + STORE_PAGE - 1) / STORE_PAGE : 0;
        for (size_t j = 0; j < nt && r == 0; j++) {
                size_t i = todo[j];
                bool dup = s->cap && tab_find(s, hash[i])->slot1;
                for (size_t q = 0; q < k && !dup; q++)
                        dup = cc_get64(recs + q * IDX_REC) == hash[i];
                if (dup)
                        continue;
                uint64_t slot = slot0 + k;
                if (slot > UINT32_MAX) {
                        r = -ENOSPC;
                        break;
                }
                memcpy(buf + k * STORE_PAGE, page[i], STORE_PAGE);
                cc_put64(recs + k * IDX_REC, hash[i]);
                cc_put32(recs + k * IDX_REC + 8, (uint32_t)slot);
                cc_put32(recs + k * IDX_REC + 12, (uint32_t)mix(hash[i] ^ (uint32_t)slot));
                k++;
        }
        if (r == 0 && k)
                r = full_pwrite(s->pack_fd, buf, k * STORE_PAGE, (off_t)(slot0 * STORE_PAGE));
        if (r == 0 && k && fstat(s->idx_fd, &st) < 0)
                r = -errno;
        if (r == 0 && k) {
                /* a torn record of a dead writer is skipped by aligning to the record grid */
                uint64_t off = (uint64_t)st.st_size;
                off += (IDX_REC - (off - IDX_HDR) % IDX_REC) % IDX_REC;
                r = full_pwrite(s->idx_fd, recs, k * IDX_REC, (off_t)off);
        }
        flock(s->idx_fd, LOCK_UN);
        if (r == 0)
                r = refresh(s);
out:
        pthread_mutex_unlock(&s->lock);
        free(todo);
        free(buf);
        free(recs);
        return r;
}

int cc_store_put(struct cc_store *s, uint64_t hash, const void *page)
{
        return cc_store_put_many(s, &hash, &page, 1);
}

uint64_t cc_store_pages(struct cc_store *s)
{
        pthread_mutex_lock(&s->lock);
        refresh(s);
        uint64_t n = s->count;
        pthread_mutex_unlock(&s->lock);
        return n;
}

bool cc_store_has(struct cc_store *s, uint64_t hash)
{
        uint64_t slot;
        pthread_mutex_lock(&s->lock);
        int r = lookup(s, hash, &slot);
        pthread_mutex_unlock(&s->lock);
        return r == 0;
}
