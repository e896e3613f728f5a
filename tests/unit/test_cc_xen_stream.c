/* Xen migration stream splitter/synthesizer: round trips and rejection of bad input, on streams
 * built here byte by byte after the libxl/libxc stream specs. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>
#include <zlib.h>

#include "xen_stream.h"

struct buf {
        uint8_t *p;
        size_t len, cap;
};

static void put(struct buf *b, const void *src, size_t n)
{
        if (b->len + n > b->cap) {
                b->cap = (b->len + n) * 2;
                b->p = realloc(b->p, b->cap);
                assert_non_null(b->p);
        }
        memcpy(b->p + b->len, src, n);
        b->len += n;
}

static void le32(struct buf *b, uint32_t v)
{
        uint8_t x[4] = { v, v >> 8, v >> 16, v >> 24 };
        put(b, x, 4);
}

static void le64(struct buf *b, uint64_t v) { le32(b, (uint32_t)v); le32(b, (uint32_t)(v >> 32)); }
static void be32(struct buf *b, uint32_t v)
{
        uint8_t x[4] = { v >> 24, v >> 16, v >> 8, v };
        put(b, x, 4);
}

static void fill_page(uint8_t *p, unsigned seed)
{
        for (unsigned i = 0; i < 4096; i++)
                p[i] = (uint8_t)(seed * 31 + i * 7 + 1);
}

struct page_spec {
        uint64_t pfn;
        unsigned type;          /* PFINFO type */
        int seed;               /* -1: all zero; else fill_page(seed) */
};

static void page_record(struct buf *b, const struct page_spec *ps, unsigned n)
{
        unsigned ndata = 0;
        uint8_t page[4096];

        for (unsigned i = 0; i < n; i++)
                ndata += ps[i].type != 0xd && ps[i].type != 0xe && ps[i].type != 0xf;
        le32(b, 1);
        le32(b, 8 + 8 * n + 4096 * ndata);
        le32(b, n);
        le32(b, 0);
        for (unsigned i = 0; i < n; i++)
                le64(b, ps[i].pfn | (uint64_t)ps[i].type << 60);
        for (unsigned i = 0; i < n; i++) {
                if (ps[i].type == 0xd || ps[i].type == 0xe || ps[i].type == 0xf)
                        continue;
                memset(page, 0, sizeof(page));
                if (ps[i].seed >= 0)
                        fill_page(page, (unsigned)ps[i].seed);
                put(b, page, sizeof(page));
        }
}

/* A PV save stream as libxl 4.17 writes one, in miniature. */
static const struct page_spec batch1[] = {
        { 0, 0x0, 1 },          /* normal page */
        { 1, 0x0, -1 },         /* zero page */
        { 5, 0xf, 0 },          /* invalid: no data */
        { 3, 0x1, -1 },         /* zero L1 page table: must stay data */
        { 7, 0x0, 1 },          /* duplicate contents of pfn 0 */
};
static const struct page_spec batch2[] = {
        { 10, 0x9, 2 },         /* pinned L1 */
};

static struct buf make_stream(unsigned libxl_version, unsigned bad_type)
{
        struct buf b = {0};
        static const uint8_t ident[8] = "LibxlFmt", marker[8] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

        put(&b, ident, 8);
        be32(&b, libxl_version);
        be32(&b, 0);
        le32(&b, 1);            /* LIBXC_CONTEXT */
        le32(&b, 0);
        put(&b, marker, 8);
        be32(&b, 0x58454e46);
        be32(&b, 3);
        be32(&b, 0);            /* options + reserved */
        be32(&b, 0);
        le32(&b, 1);            /* domain header: PV, page_shift 12, Xen 4.17 */
        le32(&b, 12);
        le32(&b, 4);
        le32(&b, 17);
        le32(&b, 2);            /* X86_PV_INFO */
        le32(&b, 8);
        le64(&b, 0x0408);
        le32(&b, 0x80000001);   /* optional record, odd length: padded */
        le32(&b, 5);
        put(&b, "abcde\0\0\0", 8);
        page_record(&b, batch1, 5);
        if (bad_type) {
                struct page_spec bad = { 12, bad_type, 3 };
                page_record(&b, &bad, 1);
        }
        page_record(&b, batch2, 1);
        le32(&b, 0);            /* libxc END */
        le32(&b, 0);
        le32(&b, 0);            /* libxl END */
        le32(&b, 0);
        return b;
}

static int tmpfile_fd(void)
{
        char path[] = "/tmp/test_cc_xen_stream.XXXXXX";
        int fd = mkstemp(path);
        assert_true(fd >= 0);
        unlink(path);
        return fd;
}

static int fd_of(const struct buf *b)
{
        int fd = tmpfile_fd();
        assert_int_equal(pwrite(fd, b->p, b->len, 0), (ssize_t)b->len);
        assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
        return fd;
}

static struct buf read_all(int fd)
{
        struct buf b = {0};
        uint8_t tmp[65536];
        ssize_t n;

        assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
        while ((n = read(fd, tmp, sizeof(tmp))) > 0)
                put(&b, tmp, (size_t)n);
        return b;
}

struct writer {
        int fd;
        struct buf *b;
};

static void *write_thread(void *arg)
{
        struct writer *w = arg;
        size_t done = 0;

        while (done < w->b->len) {
                ssize_t n = write(w->fd, w->b->p + done, w->b->len - done);
                if (n <= 0)
                        break;
                done += (size_t)n;
        }
        close(w->fd);
        return NULL;
}

static void test_split_through_pipe(void **state)
{
        struct buf s = make_stream(2, 0);
        int p[2], mem = tmpfile_fd();
        uint8_t *blob = NULL, page[4096], want[4096];
        size_t blen = 0;
        struct cc_xs_stats st;
        char why[256] = "";
        pthread_t t;

        assert_int_equal(pipe(p), 0);
        struct writer w = { p[1], &s };
        assert_int_equal(pthread_create(&t, NULL, write_thread, &w), 0);
        int r = cc_xs_split(p[0], mem, &blob, &blen, &st, why, sizeof(why));
        pthread_join(t, NULL);
        close(p[0]);
        assert_int_equal(r, 0);
        assert_int_equal(st.pages_total, 5);
        assert_int_equal(st.pages_zero, 2);
        assert_int_equal(st.mem_pages, 11);
        assert_int_equal(st.domain_type, 1);
        assert_int_equal(st.stream_bytes, s.len);
        assert_true(blen < s.len - 4 * 4096);   /* page contents are not in the blob */

        struct stat sb;
        assert_int_equal(fstat(mem, &sb), 0);
        assert_int_equal(sb.st_size, 11 * 4096);
        fill_page(want, 1);
        assert_int_equal(pread(mem, page, 4096, 0), 4096);
        assert_memory_equal(page, want, 4096);
        assert_int_equal(pread(mem, page, 4096, 7 * 4096), 4096);
        assert_memory_equal(page, want, 4096);
        fill_page(want, 2);
        assert_int_equal(pread(mem, page, 4096, 10 * 4096), 4096);
        assert_memory_equal(page, want, 4096);
        memset(want, 0, sizeof(want));
        assert_int_equal(pread(mem, page, 4096, 1 * 4096), 4096);
        assert_memory_equal(page, want, 4096);

        assert_int_equal(cc_xs_check(blob, blen, (uint64_t)sb.st_size, &st, why, sizeof(why)), 0);
        assert_int_equal(st.pages_total, 5);
        assert_int_equal(st.pages_zero, 2);
        free(blob);
        free(s.p);
        close(mem);
}

static void split_file(const struct buf *s, int mem, uint8_t **blob, size_t *blen, struct cc_xs_stats *st)
{
        char why[256] = "";
        int in = fd_of(s);
        int r = cc_xs_split(in, mem, blob, blen, st, why, sizeof(why));
        if (r)
                print_error("split: %s\n", why);
        assert_int_equal(r, 0);
        close(in);
}

static void test_synth_exact_round_trip(void **state)
{
        struct buf s = make_stream(2, 0);
        int mem = tmpfile_fd(), out = tmpfile_fd();
        uint8_t *blob = NULL;
        size_t blen;
        struct cc_xs_stats st;
        char why[256] = "";

        split_file(&s, mem, &blob, &blen, &st);
        /* zero pages as data: the rebuilt stream is the original, byte for byte */
        assert_int_equal(cc_xs_synth(blob, blen, mem, out, CC_XS_ZERO_AS_DATA, &st, why, sizeof(why)), 0);
        struct buf o = read_all(out);
        assert_int_equal(o.len, s.len);
        assert_memory_equal(o.p, s.p, s.len);
        /* only the non-zero pages were read from the memory image */
        assert_int_equal(st.mem_bytes_read, 3 * 4096);
        free(o.p);
        free(blob);
        free(s.p);
        close(mem);
        close(out);
}

static void test_synth_zero_pages_allocate_only(void **state)
{
        struct buf s = make_stream(2, 0);
        int mem = tmpfile_fd(), out = tmpfile_fd(), mem2 = tmpfile_fd();
        uint8_t *blob = NULL, *blob2 = NULL;
        size_t blen, blen2;
        struct cc_xs_stats st, st2;
        char why[256] = "";

        split_file(&s, mem, &blob, &blen, &st);
        assert_int_equal(cc_xs_synth(blob, blen, mem, out, 0, &st, why, sizeof(why)), 0);
        struct buf o = read_all(out);
        /* the zero normal page travels as XALLOC without data; the zero L1 table stays data */
        assert_int_equal(o.len, s.len - 4096);
        assert_int_equal(st.mem_bytes_read, 3 * 4096);
        /* what we emit is itself a valid stream: split it again */
        split_file(&o, mem2, &blob2, &blen2, &st2);
        assert_int_equal(st2.pages_total, 4);
        assert_int_equal(st2.pages_zero, 1);
        uint8_t a[4096], b[4096];
        for (unsigned pfn = 0; pfn < 11; pfn++) {
                assert_int_equal(pread(mem, a, 4096, pfn * 4096), 4096);
                assert_int_equal(pread(mem2, b, 4096, pfn * 4096), 4096);
                assert_memory_equal(a, b, 4096);
        }
        free(o.p);
        free(blob);
        free(blob2);
        free(s.p);
        close(mem);
        close(mem2);
        close(out);
}

/* A page source that has pfn 0 and 7 (same contents: the second is "from memory"), refuses
 * pfn 10 (-ENOENT: read from the image), or fails one pfn with -EIO. */
struct fake_src {
        int calls, fail_pfn;
};

static int fake_read(void *ctx, uint64_t pfn, void *buf)
{
        struct fake_src *f = ctx;
        f->calls++;
        if ((int)pfn == f->fail_pfn)
                return -EIO;
        if (pfn != 0 && pfn != 7)
                return -ENOENT;
        fill_page(buf, 1);
        return pfn == 7;
}

static void test_synth_page_source(void **state)
{
        struct buf s = make_stream(2, 0);
        int mem = tmpfile_fd(), out = tmpfile_fd(), out2 = tmpfile_fd();
        uint8_t *blob = NULL;
        size_t blen;
        struct cc_xs_stats st;
        struct fake_src f = { .fail_pfn = -1 };
        char why[256] = "";

        split_file(&s, mem, &blob, &blen, &st);
        /* the same stream, byte for byte, with pages from the source where it has them */
        assert_int_equal(cc_xs_synth_src(blob, blen, fake_read, &f, mem, out, CC_XS_ZERO_AS_DATA, &st, why,
                                         sizeof(why)), 0);
        struct buf o = read_all(out);
        assert_int_equal(o.len, s.len);
        assert_memory_equal(o.p, s.p, s.len);
        assert_int_equal(f.calls, 3);                   /* never asked for a zero page */
        assert_int_equal(st.src_bytes_read, 4096);      /* pfn 0 */
        assert_int_equal(st.src_bytes_cached, 4096);    /* pfn 7, a repeat */
        assert_int_equal(st.mem_bytes_read, 4096);      /* pfn 10 from the image */
        /* a source that fails (not -ENOENT) fails the stream, with the page named */
        f.fail_pfn = 7;
        assert_int_equal(cc_xs_synth_src(blob, blen, fake_read, &f, mem, out2, 0, &st, why, sizeof(why)), -EIO);
        assert_non_null(strstr(why, "page source"));
        free(o.p);
        free(blob);
        free(s.p);
        close(mem);
        close(out);
        close(out2);
}

static void test_corrupt_blob_rejected(void **state)
{
        struct buf s = make_stream(2, 0);
        int mem = tmpfile_fd();
        uint8_t *blob = NULL;
        size_t blen;
        struct cc_xs_stats st;
        char why[256] = "";

        split_file(&s, mem, &blob, &blen, &st);
        assert_int_equal(cc_xs_check(blob, blen, 0, NULL, why, sizeof(why)), 0);
        for (size_t off = 0; off < blen; off += 13) {   /* any flipped byte is caught */
                blob[off] ^= 0x40;
                why[0] = 0;
                assert_int_not_equal(cc_xs_check(blob, blen, 0, NULL, why, sizeof(why)), 0);
                assert_true(why[0] != 0);
                blob[off] ^= 0x40;
        }
        assert_int_equal(cc_xs_check(blob, blen - 8, 0, NULL, why, sizeof(why)), -EBADMSG);
        assert_int_equal(cc_xs_check(blob, 10, 0, NULL, why, sizeof(why)), -EBADMSG);
        assert_int_equal(cc_xs_check(blob, blen, 4096, NULL, why, sizeof(why)), -EINVAL);
        assert_non_null(strstr(why, "memory image"));
        free(blob);
        free(s.p);
        close(mem);
}

static void test_bad_streams_rejected(void **state)
{
        int mem = tmpfile_fd();
        uint8_t *blob = NULL;
        size_t blen;
        char why[256] = "";
        struct buf s;
        int in;

        s = make_stream(2, 0);          /* truncated: the writer died */
        s.len -= 4096 + 100;
        in = fd_of(&s);
        assert_int_equal(cc_xs_split(in, mem, &blob, &blen, NULL, why, sizeof(why)), -EPIPE);
        assert_non_null(strstr(why, "ended early"));
        close(in);
        free(s.p);

        s = make_stream(2, 0);          /* not a libxl stream */
        s.p[0] = 'X';
        in = fd_of(&s);
        assert_int_equal(cc_xs_split(in, mem, &blob, &blen, NULL, why, sizeof(why)), -EBADMSG);
        close(in);
        free(s.p);

        s = make_stream(1, 0);          /* legacy libxl version */
        in = fd_of(&s);
        assert_int_equal(cc_xs_split(in, mem, &blob, &blen, NULL, why, sizeof(why)), -EPROTONOSUPPORT);
        close(in);
        free(s.p);

        s = make_stream(2, 0x5);        /* reserved page type */
        in = fd_of(&s);
        assert_int_equal(cc_xs_split(in, mem, &blob, &blen, NULL, why, sizeof(why)), -EBADMSG);
        assert_non_null(strstr(why, "page type"));
        close(in);
        free(s.p);
        close(mem);
}

static void test_synth_peer_gone_fails_fast(void **state)
{
        struct buf s = make_stream(2, 0);
        int mem = tmpfile_fd(), sp[2];
        uint8_t *blob = NULL;
        size_t blen;
        struct cc_xs_stats st;
        char why[256] = "";

        split_file(&s, mem, &blob, &blen, &st);
        assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sp), 0);
        close(sp[1]);                   /* the restore side died: no SIGPIPE, an error */
        assert_int_equal(cc_xs_synth(blob, blen, mem, sp[0], 0, &st, why, sizeof(why)), -EPIPE);
        close(sp[0]);
        free(blob);
        free(s.p);
        close(mem);
}

/* A state blob the splitter cut from a real Xen 4.17 save stream (128 MiB PV worker, captured in
 * the Xen lab with XENLAB_CAPTURE): rebuild the stream with zero pages as data and split it again;
 * the blob must come back byte for byte, and only the non-zero pages may be read. */
#define CAPTURED "tests/xenlab/pv-128m.state.gz"

static struct buf load_captured(void)
{
        struct buf b = {0};
        char path[4096];
        const char *root = getenv("SNOWSCALE_ROOT");
        uint8_t tmp[65536];
        int n;

        snprintf(path, sizeof(path), "%s/%s", root ? root : ".", CAPTURED);
        gzFile f = gzopen(path, "rb");
        if (!f)
                fail_msg("cannot open %s", path);
        while ((n = gzread(f, tmp, sizeof(tmp))) > 0)
                put(&b, tmp, (size_t)n);
        gzclose(f);
        return b;
}

static void test_captured_stream_round_trip(void **state)
{
        struct buf blob = load_captured();
        struct cc_xs_stats st, st1, st2;
        char why[256] = "";
        uint8_t page[4096];

        assert_int_equal(cc_xs_check(blob.p, blob.len, 0, &st, why, sizeof(why)), 0);
        assert_int_equal(st.domain_type, 1);            /* x86 PV */
        assert_true(st.pages_total > 1000 && st.pages_zero < st.pages_total);
        /* every page of the image non-zero: pages that were zero are sent from the zero page */
        int mem = tmpfile_fd();
        for (uint64_t pfn = 0; pfn < st.mem_pages; pfn++) {
                fill_page(page, (unsigned)pfn);
                page[0] |= 1;
                assert_int_equal(pwrite(mem, page, 4096, (off_t)(pfn * 4096)), 4096);
        }
        int out = tmpfile_fd();
        assert_int_equal(cc_xs_synth(blob.p, blob.len, mem, out, CC_XS_ZERO_AS_DATA, &st1, why, sizeof(why)), 0);
        assert_int_equal(st1.mem_bytes_read, (st.pages_total - st.pages_zero) * 4096);
        struct buf s1 = read_all(out);
        assert_int_equal(s1.len, st1.stream_bytes);

        int mem2 = tmpfile_fd();
        uint8_t *blob2 = NULL;
        size_t blen2;
        split_file(&s1, mem2, &blob2, &blen2, &st2);
        assert_int_equal(blen2, blob.len);
        assert_memory_equal(blob2, blob.p, blob.len);
        assert_int_equal(st2.pages_total, st.pages_total);
        assert_int_equal(st2.pages_zero, st.pages_zero);

        /* allocate-only zero pages: a shorter stream that is still valid */
        int out3 = tmpfile_fd();
        struct cc_xs_stats st3;
        assert_int_equal(cc_xs_synth(blob.p, blob.len, mem, out3, 0, &st3, why, sizeof(why)), 0);
        assert_true(st3.stream_bytes < st1.stream_bytes);
        assert_int_equal(st3.mem_bytes_read, st1.mem_bytes_read);
        struct buf s3 = read_all(out3);
        int mem3 = tmpfile_fd();
        uint8_t *blob3 = NULL;
        size_t blen3;
        struct cc_xs_stats st4;
        split_file(&s3, mem3, &blob3, &blen3, &st4);
        assert_int_equal(st4.pages_total, st.pages_total - (st1.stream_bytes - st3.stream_bytes) / 4096);

        free(blob.p);
        free(s1.p);
        free(s3.p);
        free(blob2);
        free(blob3);
        close(mem);
        close(mem2);
        close(mem3);
        close(out);
        close(out3);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
                cmocka_unit_test(test_split_through_pipe),
                cmocka_unit_test(test_synth_exact_round_trip),
                cmocka_unit_test(test_synth_zero_pages_allocate_only),
                cmocka_unit_test(test_synth_page_source),
                cmocka_unit_test(test_corrupt_blob_rejected),
                cmocka_unit_test(test_bad_streams_rejected),
                cmocka_unit_test(test_synth_peer_gone_fails_fast),
                cmocka_unit_test(test_captured_stream_round_trip),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
