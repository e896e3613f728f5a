/* drivers/qemu_filecopy.c: the freeze copy of a parent's RAM file into a generation: a sparse
 * copy while the parent runs, then a page diff while it is stopped (docs/drivers.md). */
#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "qemu_int.h"

/* Copy [off, off+len) from in to out at the same offset: in-kernel where it can, else through a
 * buffer (copy_file_range refuses some filesystem pairs, e.g. tmpfs -> ext4, with EXDEV). */
static int copy_range(int in, int out, off_t off, size_t len)
{
        enum { BUF = 1 << 20 };
        off_t o_in = off, o_out = off;
        char *buf = NULL;
        int rc = 0;

        while (len) {
                ssize_t n = copy_file_range(in, &o_in, out, &o_out, len, 0);
                if (n > 0) {
                        len -= (size_t)n;
                        continue;
                }
                if (n == 0)
                        return -EIO;
                if (errno != EXDEV && errno != EINVAL && errno != EOPNOTSUPP && errno != ENOSYS)
                        return -errno;
                buf = malloc(BUF);
                if (!buf)
                        return -ENOMEM;
                while (len) {
                        size_t k = len < BUF ? len : BUF;
                        ssize_t r = pread(in, buf, k, o_in);
                        if (r <= 0) {
                                rc = r < 0 ? -errno : -EIO;
                                break;
                        }
                        if (pwrite(out, buf, (size_t)r, o_out) != r) {
                                rc = -errno;
                                break;
                        }
                        o_in += r;
                        o_out += r;
                        len -= (size_t)r;
                }
                free(buf);
                return rc;
        }
        return 0;
}

/* Calls fn(start, end, ctx) for each data extent of fd below size, in order; holes are skipped,
 * so a sparse RAM file stays sparse and is never read where it has nothing. Stops at fn's first
 * non-zero return and returns it. */
static int for_each_data_extent(int fd, uint64_t size, int (*fn)(off_t start, off_t end, void *ctx),
                                void *ctx)
{
        off_t pos = 0;

        while ((uint64_t)pos < size) {
                off_t data = lseek(fd, pos, SEEK_DATA), hole;
                int rc;

                if (data < 0)
                        break;                  /* ENXIO: only holes remain */
                hole = lseek(fd, data, SEEK_HOLE);
                if (hole < 0)
                        return -errno;
                if ((uint64_t)hole > size)
                        hole = (off_t)size;
                rc = fn(data, hole, ctx);
                if (rc)
                        return rc;
                pos = hole;
        }
        return 0;
}

static int copy_extent(off_t start, off_t end, void *ctx)
{
        const int *fds = ctx;                   /* { in, out } */
        return copy_range(fds[0], fds[1], start, (size_t)(end - start));
}

struct diff_ctx {
        const uint8_t *s;
        uint8_t *d;
        uint64_t changed;
};

static int diff_extent(off_t start, off_t end, void *ctx)
{
        struct diff_ctx *dc = ctx;

        for (uint64_t o = (uint64_t)start & ~4095ull; o < (uint64_t)end; o += 4096)
                if (memcmp(dc->s + o, dc->d + o, 4096)) {
                        memcpy(dc->d + o, dc->s + o, 4096);
                        dc->changed++;
                }
        return 0;
}

/* Copy src to dst (new file), keeping holes: only SEEK_DATA extents are copied, in-kernel. */
int qemu_copy_sparse(const char *src, const char *dst, uint64_t size)
{
        int in = -1, out = -1, rc = 0;

        in = open(src, O_RDONLY | O_CLOEXEC);
        if (in < 0)
                return -errno;
        out = open(dst, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (out < 0) {
                rc = -errno;
                goto out;
        }
        if (ftruncate(out, (off_t)size) < 0) {
                rc = -errno;
                goto out;
        }
        if (ioctl(out, FICLONE, in) == 0)       /* reflink where the filesystem can (btrfs, xfs) */
                goto out;
        rc = for_each_data_extent(in, size, copy_extent, (int[]){ in, out });
out:
        if (in >= 0)
                close(in);
        if (out >= 0 && close(out) < 0 && !rc)
                rc = -errno;
        return rc;
}

/* The second half of the freeze copy. The whole RAM file was copied to dst while the parent ran;
 * now, with the parent stopped, bring dst up to date by comparing page by page and writing only
 * the pages that differ. Comparing needs no help from the kernel (soft-dirty tracking is not
 * built into every kernel) and is right by construction; it reads what the parent has touched
 * twice, from the page cache, and writes only what changed during the pre-copy. */
int qemu_copy_diff(const char *src, const char *dst, uint64_t size, uint64_t *ret_pages)
{
        uint8_t *s = MAP_FAILED, *d = MAP_FAILED;
        int in = -1, out = -1, rc = 0;

        in = open(src, O_RDONLY | O_CLOEXEC);
        out = open(dst, O_RDWR | O_CLOEXEC);
        if (in < 0 || out < 0) {
                rc = -errno;
                goto out;
        }
        s = mmap(NULL, size, PROT_READ, MAP_SHARED, in, 0);
        d = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, out, 0);
        if (s == MAP_FAILED || d == MAP_FAILED) {
                rc = -errno;
                goto out;
        }
        struct diff_ctx dc = { .s = s, .d = d };
        rc = for_each_data_extent(in, size, diff_extent, &dc);
        if (rc == 0)
                *ret_pages = dc.changed;
out:
        if (s != MAP_FAILED)
                munmap(s, size);
        if (d != MAP_FAILED)
                munmap(d, size);
        if (in >= 0)
                close(in);
        if (out >= 0)
                close(out);
        return rc;
}
