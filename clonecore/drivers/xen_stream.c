/* xen_stream: libxl/libxc migration stream splitter and synthesizer (see xen_stream.h).
 *
 * One walker reads either the real stream (from libxl's save side, pages included) or the
 * cut-down stream in a blob (pages excluded), and either collects the blob, only checks, or
 * writes a full stream again. Formats: xen.git docs/specs/libxl-migration-stream.pandoc (v2) and
 * libxc-migration-stream.pandoc (v2/v3): big-endian headers, little-endian records padded to 8. */
#include "xen_stream.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#define LIBXL_IDENT        0x4c6962786c466d74ull     /* "LibxlFmt" */
#define LIBXL_REC_END      0u
#define LIBXL_REC_LIBXC    1u
#define XC_IDENT           0x58454e46u               /* "XENF" */
#define XC_REC_END         0u
#define XC_REC_PAGE_DATA   1u
#define PFINFO_NOTAB       0x0u
#define PFINFO_BROKEN      0xdu
#define PFINFO_XALLOC      0xeu
#define PFINFO_XTAB        0xfu
#define PFN_MASK           ((1ull << 52) - 1)
#define PFN_ZERO_FLAG      (1ull << 52)              /* blob only: page was all zeroes */
#define PFN_RESERVED       (0xffull << 52)
#define REC_BODY_MAX       (16u << 20)               /* bigger than any PAGE_DATA batch */
#define BATCH_MAX          4096u                     /* libxc sends at most 1024 per record */
#define IO_BUF             (256u << 10)

enum walk_mode { W_SPLIT, W_CHECK, W_SYNTH };

struct rd {                             /* exact reads from an fd (buffered) or from memory */
        int fd;
        const uint8_t *mem;
        size_t len, pos;                /* memory: size and cursor; fd: buffer fill and cursor */
        uint8_t *buf;
        uint64_t off;                   /* bytes consumed so far, for error messages */
};

struct wr {                             /* writes to memory (blob) or to an fd (stream) */
        int fd;                         /* -1: grow buf */
        bool sock;
        uint8_t *buf;
        size_t len, cap;
        uint64_t total;
};

struct walk {
        enum walk_mode mode;
        struct rd in;
        struct wr out;
        int mem_fd;
        cc_xs_page_fn page_fn;          /* synth: tried before mem_fd (NULL = none) */
        void *page_ctx;
        unsigned flags;
        uint64_t mem_pages;             /* check/synth: limit from the header */
        struct cc_xs_stats st;
        uint64_t *pfns;
        uint8_t page[CC_XS_PAGE_SIZE];
        char *why;
        size_t why_len;
};

static const uint8_t zero_page[CC_XS_PAGE_SIZE];

static int fail(struct walk *w, int err, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int fail(struct walk *w, int err, const char *fmt, ...)
{
        va_list ap;

        if (w->why && w->why_len) {
                va_start(ap, fmt);
                vsnprintf(w->why, w->why_len, fmt, ap);
                va_end(ap);
        }
        return err;
}

static uint32_t get_le32(const uint8_t *p) { return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }
static uint64_t get_le64(const uint8_t *p) { return get_le32(p) | (uint64_t)get_le32(p + 4) << 32; }
static uint32_t get_be32(const uint8_t *p) { return (uint32_t)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3]; }
static uint64_t get_be64(const uint8_t *p) { return (uint64_t)get_be32(p) << 32 | get_be32(p + 4); }
static void put_le32(uint8_t *p, uint32_t v) { p[0] = v; p[1] = v >> 8; p[2] = v >> 16; p[3] = v >> 24; }
static void put_le64(uint8_t *p, uint64_t v) { put_le32(p, (uint32_t)v); put_le32(p + 4, (uint32_t)(v >> 32)); }

static uint32_t crc(const uint8_t *p, size_t n)
{
        uLong c = crc32(0L, Z_NULL, 0);

        while (n > 0) {                 /* zlib takes uInt lengths */
                uInt chunk = n > (1u << 30) ? (1u << 30) : (uInt)n;
                c = crc32(c, p, chunk);
                p += chunk;
                n -= chunk;
        }
        return (uint32_t)c;
}

static int rd_read(struct walk *w, void *dst, size_t n)
{
        struct rd *r = &w->in;
        uint8_t *d = dst;

        if (r->mem) {
                if (r->len - r->pos < n)
                        return fail(w, -EBADMSG, "state blob truncated at offset %llu",
                                    (unsigned long long)r->off);
                memcpy(d, r->mem + r->pos, n);
                r->pos += n;
                r->off += n;
                return 0;
        }
        while (n > 0) {
                if (r->pos == r->len) {
                        ssize_t got = read(r->fd, r->buf, IO_BUF);
                        if (got < 0 && errno == EINTR)
                                continue;
                        if (got < 0)
                                return fail(w, -errno, "reading the save stream: %s", strerror(errno));
                        if (got == 0)
                                return fail(w, -EPIPE, "save stream ended early at offset %llu",
                                            (unsigned long long)r->off);
                        r->len = (size_t)got;
                        r->pos = 0;
                }
                size_t k = r->len - r->pos < n ? r->len - r->pos : n;
                memcpy(d, r->buf + r->pos, k);
                r->pos += k;
                r->off += k;
                d += k;
                n -= k;
        }
        return 0;
}

static int wr_flush(struct walk *w)
{
        struct wr *o = &w->out;
        size_t done = 0;

        if (o->fd < 0)
                return 0;
        while (done < o->len) {
                ssize_t n = o->sock ? send(o->fd, o->buf + done, o->len - done, MSG_NOSIGNAL)
                                    : write(o->fd, o->buf + done, o->len - done);
                if (n < 0 && errno == EINTR)
                        continue;
                if (n < 0)
                        return fail(w, -errno, "writing the restore stream: %s (restore side gone)",
                                    strerror(errno));
                done += (size_t)n;
        }
        o->len = 0;
        return 0;
}

static int wr_put(struct walk *w, const void *src, size_t n)
{
        struct wr *o = &w->out;
        int r;

        if (w->mode == W_CHECK)
                return 0;
        o->total += n;
        if (o->fd < 0) {
                if (o->len + n > CC_XS_BLOB_MAX)
                        return fail(w, -EFBIG, "state blob would exceed %u bytes", CC_XS_BLOB_MAX);
                if (o->len + n > o->cap) {
                        size_t cap = o->cap ? o->cap : 1u << 20;
                        while (cap < o->len + n)
                                cap *= 2;
                        uint8_t *nb = realloc(o->buf, cap);
                        if (!nb)
                                return fail(w, -ENOMEM, "out of memory for the state blob");
                        o->buf = nb;
                        o->cap = cap;
                }
                memcpy(o->buf + o->len, src, n);
                o->len += n;
                return 0;
        }
        if (o->len + n > o->cap) {
                r = wr_flush(w);
                if (r < 0)
                        return r;
        }
        if (n > o->cap) {               /* larger than the buffer: write through */
                const uint8_t *s = src;
                while (n > 0) {
                        size_t k = n > o->cap ? o->cap : n;
                        memcpy(o->buf, s, k);
                        o->len = k;
                        r = wr_flush(w);
                        if (r < 0)
                                return r;
                        s += k;
                        n -= k;
                }
                return 0;
        }
        memcpy(o->buf + o->len, src, n);
        o->len += n;
        return 0;
}

static int put_rec_hdr(struct walk *w, uint32_t type, uint32_t len)
{
        uint8_t h[8];

        put_le32(h, type);
        put_le32(h + 4, len);
        return wr_put(w, h, sizeof(h));
}

/* A record the splitter keeps as it is: header, body, padding. */
static int copy_record(struct walk *w, uint32_t type, uint32_t len)
{
        uint8_t *body = NULL;
        uint32_t padded = (len + 7u) & ~7u;
        int r;

        if (len > REC_BODY_MAX)
                return fail(w, -EBADMSG, "record type %#x at offset %llu has length %u (limit %u)",
                            type, (unsigned long long)w->in.off, len, REC_BODY_MAX);
        body = malloc(padded ? padded : 1);
        if (!body)
                return fail(w, -ENOMEM, "out of memory for a %u-byte record", len);
        r = rd_read(w, body, padded);
        if (r < 0)
                goto out;
        r = put_rec_hdr(w, type, len);
        if (r < 0)
                goto out;
        r = wr_put(w, body, padded);
out:
        free(body);
        return r;
}

static bool type_known(uint32_t t)
{
        return t <= 4 || (t >= 9 && t <= 15);   /* 5-8 are reserved: a restorer must refuse them */
}

static bool type_has_data(uint32_t t)
{
        return t != PFINFO_XTAB && t != PFINFO_BROKEN && t != PFINFO_XALLOC;
}

static bool page_is_zero(const uint8_t *p)
{
        return p[0] == 0 && memcmp(p, p + 1, CC_XS_PAGE_SIZE - 1) == 0;
}

static int page_data(struct walk *w, uint32_t len)
{
        uint8_t h[8];
        uint32_t count, i, ndata = 0, nout = 0;
        uint64_t at = w->in.off;
        int r;

        if (len < 8)
                return fail(w, -EBADMSG, "PAGE_DATA at offset %llu too short", (unsigned long long)at);
        r = rd_read(w, h, 8);
        if (r < 0)
                return r;
        count = get_le32(h);
        if (count == 0 || count > BATCH_MAX || (uint64_t)len < 8 + 8ull * count)
                return fail(w, -EBADMSG, "PAGE_DATA at offset %llu: bad count %u for length %u",
                            (unsigned long long)at, count, len);
        for (i = 0; i < count; i++) {
                uint8_t e[8];
                r = rd_read(w, e, 8);
                if (r < 0)
                        return r;
                w->pfns[i] = get_le64(e);
                uint32_t t = (uint32_t)(w->pfns[i] >> 60);
                uint64_t pfn = w->pfns[i] & PFN_MASK;
                if (!type_known(t))
                        return fail(w, -EBADMSG, "PAGE_DATA at offset %llu: unknown page type %#x",
                                    (unsigned long long)at, t);
                if (pfn >= CC_XS_MAX_PAGES || (w->mode != W_SPLIT && pfn >= w->mem_pages))
                        return fail(w, -EBADMSG, "PAGE_DATA at offset %llu: pfn %#llx out of range",
                                    (unsigned long long)at, (unsigned long long)pfn);
                if (w->mode == W_SPLIT)         /* reserved bits: ignored on restore, reused here */
                        w->pfns[i] &= ~PFN_RESERVED;
                else if ((w->pfns[i] & PFN_RESERVED & ~PFN_ZERO_FLAG) ||
                         ((w->pfns[i] & PFN_ZERO_FLAG) && !type_has_data(t)))
                        return fail(w, -EBADMSG, "PAGE_DATA at offset %llu: bad flags on pfn %#llx",
                                    (unsigned long long)at, (unsigned long long)pfn);
                if (type_has_data(t))
                        ndata++;
        }
        uint64_t want = w->mode == W_SPLIT ? 8 + 8ull * count + (uint64_t)ndata * CC_XS_PAGE_SIZE
                                           : 8 + 8ull * count;
        if (len != want)
                return fail(w, -EBADMSG, "PAGE_DATA at offset %llu: length %u, expected %llu",
                            (unsigned long long)at, len, (unsigned long long)want);

        if (w->mode == W_SPLIT) {
                for (i = 0; i < count; i++) {
                        uint32_t t = (uint32_t)(w->pfns[i] >> 60);
                        uint64_t pfn = w->pfns[i] & PFN_MASK;
                        if (!type_has_data(t))
                                continue;
                        r = rd_read(w, w->page, CC_XS_PAGE_SIZE);
                        if (r < 0)
                                return r;
                        w->st.pages_total++;
                        if (pfn + 1 > w->st.mem_pages)
                                w->st.mem_pages = pfn + 1;
                        if (page_is_zero(w->page)) {
                                w->pfns[i] |= PFN_ZERO_FLAG;
                                w->st.pages_zero++;
                                continue;
                        }
                        ssize_t n = pwrite(w->mem_fd, w->page, CC_XS_PAGE_SIZE, (off_t)(pfn * CC_XS_PAGE_SIZE));
                        if (n != CC_XS_PAGE_SIZE)
                                return fail(w, n < 0 ? -errno : -EIO, "writing page %#llx to the memory image: %s",
                                            (unsigned long long)pfn, n < 0 ? strerror(errno) : "short write");
                }
                r = put_rec_hdr(w, XC_REC_PAGE_DATA, 8 + 8 * count);
                if (r < 0)
                        return r;
                put_le32(h, count);
                put_le32(h + 4, 0);
                r = wr_put(w, h, 8);
                for (i = 0; r == 0 && i < count; i++) {
                        uint8_t e[8];
                        put_le64(e, w->pfns[i]);
                        r = wr_put(w, e, 8);
                }
                return r;
        }

        /* check / synth: the source has no page contents */
        for (i = 0; i < count; i++) {
                uint32_t t = (uint32_t)(w->pfns[i] >> 60);
                if (!type_has_data(t))
                        continue;
                w->st.pages_total++;
                if (w->pfns[i] & PFN_ZERO_FLAG) {
                        w->st.pages_zero++;
                        if (t == PFINFO_NOTAB && !(w->flags & CC_XS_ZERO_AS_DATA)) {
                                /* allocate-only: no data in the stream, Xen scrubs new pages */
                                w->pfns[i] = (w->pfns[i] & PFN_MASK) | (uint64_t)PFINFO_XALLOC << 60;
                                continue;
                        }
                }
                nout++;
        }
        if (w->mode == W_CHECK)
                return 0;
        r = put_rec_hdr(w, XC_REC_PAGE_DATA, 8 + 8 * count + nout * CC_XS_PAGE_SIZE);
        if (r < 0)
                return r;
        put_le32(h, count);
        put_le32(h + 4, 0);
        r = wr_put(w, h, 8);
        for (i = 0; r == 0 && i < count; i++) {
                uint8_t e[8];
                put_le64(e, w->pfns[i] & ~PFN_ZERO_FLAG);
                r = wr_put(w, e, 8);
        }
        for (i = 0; r == 0 && i < count; i++) {
                uint32_t t = (uint32_t)(w->pfns[i] >> 60);
                uint64_t pfn = w->pfns[i] & PFN_MASK;
                if (!type_has_data(t))
                        continue;
                if (w->pfns[i] & PFN_ZERO_FLAG) {
                        r = wr_put(w, zero_page, CC_XS_PAGE_SIZE);
                        continue;
                }
                if (w->page_fn) {
                        r = w->page_fn(w->page_ctx, pfn, w->page);
                        if (r >= 0) {
                                if (r == 0)
                                        w->st.src_bytes_read += CC_XS_PAGE_SIZE;
                                else
                                        w->st.src_bytes_cached += CC_XS_PAGE_SIZE;
                                r = wr_put(w, w->page, CC_XS_PAGE_SIZE);
                                continue;
                        }
                        if (r != -ENOENT)
                                return fail(w, r, "reading page %#llx from the page source: %s",
                                            (unsigned long long)pfn, strerror(-r));
                        r = 0;
                }
                size_t got = 0;
                while (got < CC_XS_PAGE_SIZE) {
                        ssize_t n = pread(w->mem_fd, w->page + got, CC_XS_PAGE_SIZE - got,
                                          (off_t)(pfn * CC_XS_PAGE_SIZE + got));
                        if (n < 0 && errno == EINTR)
                                continue;
                        if (n <= 0)
                                return fail(w, n < 0 ? -errno : -EIO, "reading page %#llx from the memory image: %s",
                                            (unsigned long long)pfn, n < 0 ? strerror(errno) : "image too short");
                        got += (size_t)n;
                }
                w->st.mem_bytes_read += CC_XS_PAGE_SIZE;
                r = wr_put(w, w->page, CC_XS_PAGE_SIZE);
        }
        return r;
}

static int walk_libxc(struct walk *w)
{
        uint8_t ih[24], dh[16], rh[8];
        int r;

        r = rd_read(w, ih, sizeof(ih));
        if (r < 0)
                return r;
        uint32_t ver = get_be32(ih + 12);
        if (get_be64(ih) != ~0ull || get_be32(ih + 8) != XC_IDENT)
                return fail(w, -EBADMSG, "not a libxc stream (bad image header)");
        if (ver < 2 || ver > 3)
                return fail(w, -EPROTONOSUPPORT, "libxc stream version %u not supported (2 or 3)", ver);
        if ((ih[16] << 8 | ih[17]) & 1)
                return fail(w, -EPROTONOSUPPORT, "big-endian libxc stream not supported");
        r = rd_read(w, dh, sizeof(dh));
        if (r < 0)
                return r;
        w->st.domain_type = get_le32(dh);
        if (w->st.domain_type < 1 || w->st.domain_type > 4 || (dh[4] | dh[5] << 8) != 12)
                return fail(w, -EBADMSG, "libxc domain header: type %u page_shift %u unsupported",
                            w->st.domain_type, dh[4] | dh[5] << 8);
        r = wr_put(w, ih, sizeof(ih));
        if (r == 0)
                r = wr_put(w, dh, sizeof(dh));
        for (;;) {
                if (r < 0)
                        return r;
                r = rd_read(w, rh, sizeof(rh));
                if (r < 0)
                        return r;
                uint32_t type = get_le32(rh), len = get_le32(rh + 4);
                w->st.records++;
                if (type == XC_REC_PAGE_DATA) {
                        r = page_data(w, len);
                        continue;
                }
                r = copy_record(w, type, len);
                if (r == 0 && type == XC_REC_END)
                        return 0;
        }
}

static int walk_stream(struct walk *w)
{
        uint8_t h[16], rh[8];
        int r;

        r = rd_read(w, h, sizeof(h));
        if (r < 0)
                return r;
        if (get_be64(h) != LIBXL_IDENT)
                return fail(w, -EBADMSG, "not a libxl stream (bad ident)");
        if (get_be32(h + 8) != 2)
                return fail(w, -EPROTONOSUPPORT, "libxl stream version %u not supported (2)", get_be32(h + 8));
        if (get_be32(h + 12) & 1)
                return fail(w, -EPROTONOSUPPORT, "big-endian libxl stream not supported");
        r = wr_put(w, h, sizeof(h));
        bool seen_libxc = false;
        for (;;) {
                if (r < 0)
                        return r;
                r = rd_read(w, rh, sizeof(rh));
                if (r < 0)
                        return r;
                uint32_t type = get_le32(rh), len = get_le32(rh + 4);
                w->st.records++;
                r = copy_record(w, type, len);
                if (r < 0)
                        return r;
                if (type == LIBXL_REC_LIBXC) {
                        if (seen_libxc)
                                return fail(w, -EBADMSG, "more than one LIBXC_CONTEXT (checkpointed streams are not supported)");
                        seen_libxc = true;
                        r = walk_libxc(w);
                } else if (type == LIBXL_REC_END) {
                        break;
                }
        }
        if (!seen_libxc)
                return fail(w, -EBADMSG, "libxl stream without a LIBXC_CONTEXT record");
        if (w->in.mem && w->in.pos != w->in.len)
                return fail(w, -EBADMSG, "%zu bytes after the END record", w->in.len - w->in.pos);
        return 0;
}

static int walk_init(struct walk *w, enum walk_mode mode, char *why, size_t why_len)
{
        memset(w, 0, offsetof(struct walk, page));
        w->mode = mode;
        w->in.fd = -1;
        w->out.fd = -1;
        w->mem_fd = -1;
        w->why = why;
        w->why_len = why_len;
        w->pfns = calloc(BATCH_MAX, sizeof(*w->pfns));
        if (!w->pfns)
                return fail(w, -ENOMEM, "out of memory");
        return 0;
}

static void walk_free(struct walk *w)
{
        free(w->pfns);
        free(w->in.buf);
        free(w->out.buf);
}

void cc_xs_drain(int fd)
{
        char buf[65536];

        for (;;) {
                ssize_t n = read(fd, buf, sizeof(buf));
                if (n < 0 && errno == EINTR)
                        continue;
                if (n <= 0)
                        return;
        }
}

int cc_xs_split(int in_fd, int mem_fd, uint8_t **ret_blob, size_t *ret_len,
                struct cc_xs_stats *ret_st, char *why, size_t why_len)
{
        struct walk *w = NULL;
        uint8_t hdr[CC_XS_HDR_LEN] = {0};
        int r;

        w = malloc(sizeof(*w));
        if (!w)
                return -ENOMEM;
        r = walk_init(w, W_SPLIT, why, why_len);
        if (r < 0)
                goto out;
        w->in.fd = in_fd;
        w->in.buf = malloc(IO_BUF);
        w->mem_fd = mem_fd;
        if (!w->in.buf) {
                r = fail(w, -ENOMEM, "out of memory");
                goto out;
        }
        r = wr_put(w, hdr, sizeof(hdr));        /* header filled in once the stream is known */
        if (r < 0)
                goto out;
        r = walk_stream(w);
        if (r < 0)
                goto out;
        if (w->st.pages_total == 0) {
                r = fail(w, -EBADMSG, "save stream carried no pages");
                goto out;
        }
        struct stat sb;
        if (fstat(mem_fd, &sb) < 0 || ((uint64_t)sb.st_size < w->st.mem_pages * CC_XS_PAGE_SIZE &&
                                       ftruncate(mem_fd, (off_t)(w->st.mem_pages * CC_XS_PAGE_SIZE)) < 0)) {
                r = fail(w, -errno, "sizing the memory image: %s", strerror(errno));
                goto out;
        }
        uint8_t *b = w->out.buf;
        uint64_t slen = w->out.len - CC_XS_HDR_LEN;
        memcpy(b, "SSXENST1", 8);
        put_le32(b + 8, 1);
        put_le32(b + 12, w->st.domain_type);
        put_le64(b + 16, slen);
        put_le64(b + 24, w->st.mem_pages);
        put_le64(b + 32, w->st.pages_total);
        put_le64(b + 40, w->st.pages_zero);
        put_le32(b + 48, crc(b + CC_XS_HDR_LEN, slen));
        put_le32(b + 52, crc(b, 52));
        w->st.stream_bytes = w->in.off;
        *ret_blob = w->out.buf;
        *ret_len = w->out.len;
        w->out.buf = NULL;
        if (ret_st)
                *ret_st = w->st;
        r = 0;
out:
        walk_free(w);
        free(w);
        return r;
}

/* Header + checksums; fills w's limits. */
static int check_header(struct walk *w, const uint8_t *blob, size_t len, uint64_t mem_size)
{
        if (len < CC_XS_HDR_LEN || len > CC_XS_BLOB_MAX)
                return fail(w, -EBADMSG, "state blob of %zu bytes (must be %u..%u)", len, CC_XS_HDR_LEN, CC_XS_BLOB_MAX);
        if (memcmp(blob, "SSXENST1", 8) != 0)
                return fail(w, -EBADMSG, "not a Xen state blob (bad magic)");
        if (get_le32(blob + 52) != crc(blob, 52))
                return fail(w, -EBADMSG, "Xen state blob header checksum mismatch");
        if (get_le32(blob + 8) != 1)
                return fail(w, -EPROTONOSUPPORT, "Xen state blob version %u not supported (1)", get_le32(blob + 8));
        if (get_le64(blob + 16) != len - CC_XS_HDR_LEN)
                return fail(w, -EBADMSG, "Xen state blob: stream length %llu but %zu bytes follow",
                            (unsigned long long)get_le64(blob + 16), len - CC_XS_HDR_LEN);
        if (get_le32(blob + 48) != crc(blob + CC_XS_HDR_LEN, len - CC_XS_HDR_LEN))
                return fail(w, -EBADMSG, "Xen state blob checksum mismatch (corrupt descriptor)");
        w->mem_pages = get_le64(blob + 24);
        if (w->mem_pages == 0 || w->mem_pages > CC_XS_MAX_PAGES)
                return fail(w, -EBADMSG, "Xen state blob: %llu memory pages out of range",
                            (unsigned long long)w->mem_pages);
        if (mem_size && mem_size < w->mem_pages * CC_XS_PAGE_SIZE)
                return fail(w, -EINVAL, "memory image of %llu bytes, the state needs %llu",
                            (unsigned long long)mem_size, (unsigned long long)(w->mem_pages * CC_XS_PAGE_SIZE));
        w->in.mem = blob + CC_XS_HDR_LEN;
        w->in.len = len - CC_XS_HDR_LEN;
        w->st.mem_pages = w->mem_pages;
        return 0;
}

int cc_xs_check(const uint8_t *blob, size_t len, uint64_t mem_size, struct cc_xs_stats *ret_st,
                char *why, size_t why_len)
{
        struct walk *w = malloc(sizeof(struct walk));
        int r;

        if (!w)
                return -ENOMEM;
        r = walk_init(w, W_CHECK, why, why_len);
        if (r == 0)
                r = check_header(w, blob, len, mem_size);
        if (r == 0)
                r = walk_stream(w);
        if (r == 0 && (w->st.pages_total != get_le64(blob + 32) || w->st.pages_zero != get_le64(blob + 40)))
                r = fail(w, -EBADMSG, "Xen state blob: page counts disagree with its header");
        if (r == 0 && ret_st)
                *ret_st = w->st;
        walk_free(w);
        free(w);
        return r;
}

int cc_xs_synth(const uint8_t *blob, size_t len, int mem_fd, int out_fd, unsigned flags,
                struct cc_xs_stats *ret_st, char *why, size_t why_len)
{
        return cc_xs_synth_src(blob, len, NULL, NULL, mem_fd, out_fd, flags, ret_st, why, why_len);
}

int cc_xs_synth_src(const uint8_t *blob, size_t len, cc_xs_page_fn page_fn, void *page_ctx, int mem_fd,
                    int out_fd, unsigned flags, struct cc_xs_stats *ret_st, char *why, size_t why_len)
{
        struct walk *w = malloc(sizeof(struct walk));
        struct stat sb;
        int r;

        if (!w)
                return -ENOMEM;
        r = walk_init(w, W_SYNTH, why, why_len);
        if (r == 0)
                r = check_header(w, blob, len, 0);
        if (r < 0)
                goto out;
        w->mem_fd = mem_fd;
        w->page_fn = page_fn;
        w->page_ctx = page_ctx;
        w->flags = flags;
        w->out.fd = out_fd;
        w->out.sock = fstat(out_fd, &sb) == 0 && S_ISSOCK(sb.st_mode);
        w->out.cap = IO_BUF;
        w->out.buf = malloc(IO_BUF);
        if (!w->out.buf) {
                r = fail(w, -ENOMEM, "out of memory");
                goto out;
        }
        r = walk_stream(w);
        if (r == 0)
                r = wr_flush(w);
        w->st.stream_bytes = w->out.total;
        if (r == 0 && ret_st)
                *ret_st = w->st;
out:
        walk_free(w);
        free(w);
        return r;
}
