/* xen_free: free-page reports as bitmaps and their census against a memory image (xen_free.h). */
#include "xen_free.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PAGE 4096u

static bool hex_u64(const char **p, uint64_t *ret)
{
        const char *s = *p;
        uint64_t v = 0;
        int n = 0;

        for (; n < 16; n++, s++) {
                int d = *s >= '0' && *s <= '9' ? *s - '0' : *s >= 'a' && *s <= 'f' ? *s - 'a' + 10 : -1;
                if (d < 0)
                        break;
                v = v << 4 | (uint64_t)d;
        }
        if (n == 0 || (*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f'))
                return false;           /* empty, or more than 64 bits */
        *p = s;
        *ret = v;
        return true;
}

int xen_free_parse(const char *runs, uint8_t *bitmap, uint64_t pages, uint64_t *ret_set)
{
        const char *p = runs;
        uint64_t set = 0;

        while (*p) {
                uint64_t first, count;
                if (!hex_u64(&p, &first) || *p++ != '+' || !hex_u64(&p, &count) || count == 0)
                        return -EINVAL;
                if (*p == ' ')
                        p++;
                else if (*p)
                        return -EINVAL;
                if (first >= pages || count > pages - first)
                        return -ERANGE;
                for (uint64_t i = first; i < first + count; i++) {
                        set += !(bitmap[i / 8] & (1u << (i % 8)));
                        bitmap[i / 8] |= (uint8_t)(1u << (i % 8));
                }
        }
        if (ret_set)
                *ret_set = set;
        return 0;
}

static bool is_zero(const uint8_t *p)
{
        return p[0] == 0 && memcmp(p, p + 1, PAGE - 1) == 0;
}

int xen_free_census(int mem_fd, const uint8_t *bitmap, uint64_t pages, struct xen_free_census *ret)
{
        struct xen_free_census c = {0};
        struct stat sb;
        uint8_t *buf;
        const size_t chunk = 256;       /* pages per read */
        int r = 0;

        if (fstat(mem_fd, &sb) < 0)
                return -errno;
        c.pages = (uint64_t)sb.st_size / PAGE < pages ? (uint64_t)sb.st_size / PAGE : pages;
        buf = malloc(chunk * PAGE);
        if (!buf)
                return -ENOMEM;
        for (uint64_t at = 0; at < c.pages && r == 0; at += chunk) {
                size_t n = c.pages - at < chunk ? (size_t)(c.pages - at) : chunk;
                size_t got = 0;
                while (got < n * PAGE) {
                        ssize_t k = pread(mem_fd, buf + got, n * PAGE - got, (off_t)(at * PAGE + got));
                        if (k < 0 && errno == EINTR)
                                continue;
                        if (k <= 0) {
                                r = k < 0 ? -errno : -EIO;
                                break;
                        }
                        got += (size_t)k;
                }
                for (size_t i = 0; i < n && r == 0; i++) {
                        uint64_t pfn = at + i;
                        bool nz = !is_zero(buf + i * PAGE), fr = bitmap[pfn / 8] & (1u << (pfn % 8));
                        c.nonzero += nz;
                        c.free += fr;
                        c.free_nonzero += nz && fr;
                }
        }
        free(buf);
        if (r == 0)
                *ret = c;
        return r;
}

uint64_t xen_free_changed(const uint8_t *a, const uint8_t *b, uint64_t pages)
{
        uint64_t n = 0;

        for (uint64_t i = 0; i < (pages + 7) / 8; i++) {
                uint8_t x = a[i] ^ b[i];
                if (i == pages / 8 && pages % 8)
                        x &= (uint8_t)((1u << (pages % 8)) - 1);
                n += (uint64_t)__builtin_popcount(x);
        }
        return n;
}
