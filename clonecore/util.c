/* Small helpers of the engine: byte buffers, varints, reasons, page tests. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "cc_internal.h"
#include "ss_util.h"

void cc_buf_put(struct cc_buf *b, const void *p, size_t n)
{
        if (b->err)
                return;
        if (b->len + n > b->cap) {
                size_t cap = b->cap ? b->cap : 4096;
                while (cap < b->len + n)
                        cap *= 2;
                uint8_t *d = realloc(b->data, cap);
                if (!d) {
                        b->err = -ENOMEM;
                        return;
                }
                b->data = d;
                b->cap = cap;
        }
        if (n)
                memcpy(b->data + b->len, p, n);
        b->len += n;
}

void cc_buf_u8(struct cc_buf *b, uint8_t v) { cc_buf_put(b, &v, 1); }

void cc_buf_u32(struct cc_buf *b, uint32_t v)
{
        uint8_t t[4];
        cc_put32(t, v);
        cc_buf_put(b, t, 4);
}

void cc_buf_u64(struct cc_buf *b, uint64_t v)
{
        uint8_t t[8];
        cc_put64(t, v);
        cc_buf_put(b, t, 8);
}

void cc_buf_varint(struct cc_buf *b, uint64_t v)
{
        uint8_t t[10];
        size_t n = 0;
        do {
                t[n] = v & 0x7f;
                v >>= 7;
                if (v)
                        t[n] |= 0x80;
                n++;
        } while (v);
        cc_buf_put(b, t, n);
}

void cc_buf_free(struct cc_buf *b)
{
        free(b->data);
        b->data = NULL;
        b->len = b->cap = 0;
        b->err = 0;
}

int cc_read_varint(const uint8_t **p, const uint8_t *end, uint64_t *ret)
{
        uint64_t v = 0;
        const uint8_t *q = *p;
        for (unsigned shift = 0; shift < 64; shift += 7) {
                if (q >= end)
                        return -EBADMSG;
                uint8_t c = *q++;
                if (shift == 63 && (c & 0x7e))
                        return -EBADMSG;
                v |= (uint64_t)(c & 0x7f) << shift;
                if (!(c & 0x80)) {
                        *p = q;
                        *ret = v;
                        return 0;
                }
        }
        return -EBADMSG;
}

bool cc_page_is_zero(const void *page, size_t len)
{
        const uint64_t *w = page;
        for (size_t i = 0; i < len / 8; i++)
                if (w[i])
                        return false;
        return true;
}

uint64_t cc_page_hash(const void *page, size_t len)
{
        return XXH3_64bits(page, len);
}

const char *cc_clone_state_name(enum cc_clone_state s)
{
        switch (s) {
        case CC_CLONE_CLONING: return "cloning";
        case CC_CLONE_RESUMING: return "resuming";
        case CC_CLONE_READY: return "ready";
        case CC_CLONE_FAILED: return "failed";
        case CC_CLONE_RETIRED: return "retired";
        }
        return "unknown";
}

int cc_secret_read(const char *path, uint8_t *buf, size_t max, size_t *ret_len)
{
        char *data = NULL;
        size_t len;
        int r = ss_read_file(path, max, &data, &len);
        if (r < 0)
                return r;
        while (len && (data[len - 1] == '\n' || data[len - 1] == '\r'))
                len--;
        if (len < 16) {
                free(data);
                return -EINVAL;
        }
        memcpy(buf, data, len);
        explicit_bzero(data, len);
        free(data);
        *ret_len = len;
        return 0;
}
