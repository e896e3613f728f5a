/* sf-maptouch: touch a memory file the way a clone's VMM does and check every byte.
 * Used by the integration tests and benchmarks of memtap (no VM needed).
 *
 *   sf-maptouch make-image FILE --mib N [--seed S]
 *       a guest-like image: about half zero pages, some duplicated pages, the rest pseudo-random
 *   sf-maptouch touch --file F --source S [--pct P | --count N] [--seed S]
 *                     [--pattern random|sequential|clustered] [--hugepage] [--write]
 *       maps F MAP_PRIVATE read-write (like QEMU's share=off), touches pages in the pattern and
 *       compares each with S. Prints "TOUCH pages=N mismatches=M first_touch_us_p50=X
 *       first_touch_us_p99=Y total_ms=Z". A SIGBUS (memtap answered EIO) prints
 *       "FAULT sigbus page=N after_ms=T" and exits 3. --write then checks that private writes
 *       never reach F. --hugepage sets MADV_HUGEPAGE on the mapping as QEMU does. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <inttypes.h>
#include <setjmp.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ss_util.h"

#define PAGE 4096u

static uint64_t rng_state;
static uint64_t rnd(void)
{
        uint64_t x = rng_state;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        return rng_state = x;
}

static int make_image(int argc, char **argv)
{
        uint64_t mib = 0, seed = 1;
        for (int i = 3; i + 1 < argc; i += 2) {
                if (strcmp(argv[i], "--mib") == 0)
                        mib = strtoull(argv[i + 1], NULL, 10);
                else if (strcmp(argv[i], "--seed") == 0)
                        seed = strtoull(argv[i + 1], NULL, 10);
        }
        if (!mib)
                return 2;
        rng_state = seed * 0x9e3779b97f4a7c15ULL | 1;
        FILE *f = fopen(argv[2], "we");
        if (!f)
                return 1;
        uint64_t pages = mib * 256, *page = malloc(PAGE), *dup = calloc(1, PAGE);
        for (uint64_t p = 0; p < pages; p++) {
                uint64_t kind = rnd() % 100;
                /* zero runs like a guest's untouched RAM, a few repeated pages (dedup), data */
                if (kind < 50)
                        memset(page, 0, PAGE);
                else if (kind < 60 && p > 0)
                        memcpy(page, dup, PAGE);
                else
                        for (unsigned w = 0; w < PAGE / 8; w++)
                                page[w] = rnd();
                if (kind >= 60 && rnd() % 16 == 0)
                        memcpy(dup, page, PAGE);
                if (fwrite(page, PAGE, 1, f) != 1) {
                        fclose(f);
                        return 1;
                }
        }
        free(page);
        free(dup);
        return fclose(f) == 0 ? 0 : 1;
}

static sigjmp_buf fault_jmp;
static void on_sigbus(int sig) { siglongjmp(fault_jmp, 1); }

/* The loop state lives in globals so a SIGBUS longjmp cannot clobber it. */
static volatile uint64_t g_cur, g_touched, g_mismatches;

static int touch_loop(uint8_t *m, const uint8_t *src, const uint64_t *order, uint64_t count,
                      bool do_write, uint64_t *lat, uint64_t *ret_touched, uint64_t *ret_mismatches)
{
        struct sigaction sa = { .sa_handler = on_sigbus };
        sigaction(SIGBUS, &sa, NULL);
        g_touched = g_mismatches = 0;
        if (sigsetjmp(fault_jmp, 1)) {
                *ret_touched = g_touched;
                return -EIO;
        }
        for (uint64_t i = g_touched; i < count; i = g_touched) {
                g_cur = order[i];
                uint64_t a = ss_mono_ns();
                volatile uint8_t b = m[g_cur * PAGE];       /* the first touch: a page fault */
                (void)b;
                lat[i] = ss_mono_ns() - a;
                if (memcmp(m + g_cur * PAGE, src + g_cur * PAGE, PAGE) != 0)
                        g_mismatches++;
                if (do_write)
                        memset(m + g_cur * PAGE, 0xa5, 64); /* copy-on-write into this process only */
                g_touched = i + 1;
        }
        *ret_touched = g_touched;
        *ret_mismatches = g_mismatches;
        return 0;
}

static int cmp_u64(const void *a, const void *b)
{
        uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
        return x < y ? -1 : x > y;
}

static int touch(int argc, char **argv)
{
        static const struct option lo[] = {
                { "file", required_argument, NULL, 'f' }, { "source", required_argument, NULL, 's' },
                { "pct", required_argument, NULL, 'p' }, { "count", required_argument, NULL, 'n' },
                { "seed", required_argument, NULL, 'S' }, { "pattern", required_argument, NULL, 'P' },
                { "hugepage", no_argument, NULL, 'H' }, { "write", no_argument, NULL, 'w' }, { 0 },
        };
        const char *file = NULL, *source = NULL, *pattern = "random";
        double pct = 10;
        uint64_t count = 0, seed = 1;
        bool hugepage = false, do_write = false;
        int c;

        optind = 1;
        while ((c = getopt_long(argc, argv, "", lo, NULL)) != -1) {
                switch (c) {
                case 'f': file = optarg; break;
                case 's': source = optarg; break;
                case 'p': pct = strtod(optarg, NULL); break;
                case 'n': count = strtoull(optarg, NULL, 10); break;
                case 'S': seed = strtoull(optarg, NULL, 10); break;
                case 'P': pattern = optarg; break;
                case 'H': hugepage = true; break;
                case 'w': do_write = true; break;
                default: return 2;
                }
        }
        if (!file || !source)
                return 2;
        int fd = open(file, O_RDWR | O_CLOEXEC), sfd = open(source, O_RDONLY | O_CLOEXEC);
        struct stat st, sst;
        if (fd < 0 || sfd < 0 || fstat(fd, &st) < 0 || fstat(sfd, &sst) < 0) {
                fprintf(stderr, "sf-maptouch: cannot open %s / %s: %s\n", file, source, strerror(errno));
                return 1;
        }
        if (st.st_size != sst.st_size) {
                fprintf(stderr, "sf-maptouch: %s has %lld bytes, %s %lld\n", file, (long long)st.st_size,
                        source, (long long)sst.st_size);
                return 1;
        }
        uint64_t pages = (uint64_t)st.st_size / PAGE;
        uint8_t *m = mmap(NULL, (size_t)st.st_size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
        uint8_t *src = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, sfd, 0);
        if (m == MAP_FAILED || src == MAP_FAILED) {
                fprintf(stderr, "sf-maptouch: mmap: %s\n", strerror(errno));
                return 1;
        }
        if (hugepage)
                madvise(m, (size_t)st.st_size, MADV_HUGEPAGE);
        if (!count)
                count = (uint64_t)((double)pages * pct / 100.0);
        if (count > pages)
                count = pages;
        uint64_t *order = malloc(pages * sizeof(*order)), *lat = malloc((count ? count : 1) * sizeof(*lat));
        for (uint64_t i = 0; i < pages; i++)
                order[i] = i;
        rng_state = seed * 0x9e3779b97f4a7c15ULL | 1;
        if (strcmp(pattern, "sequential") == 0) {
                uint64_t start = rnd() % pages;
                for (uint64_t i = 0; i < pages; i++)
                        order[i] = (start + i) % pages;
        } else if (strcmp(pattern, "clustered") == 0) {
                /* runs of 1-32 consecutive pages at random places: a guest walking structures */
                uint64_t i = 0;
                while (i < pages) {
                        uint64_t at = rnd() % pages, len = 1 + rnd() % 32;
                        for (uint64_t k = 0; k < len && i < pages; k++)
                                order[i++] = (at + k) % pages;
                }
        } else {
                for (uint64_t i = pages - 1; i > 0; i--) {
                        uint64_t j = rnd() % (i + 1), t = order[i];
                        order[i] = order[j];
                        order[j] = t;
                }
        }
        uint64_t t0 = ss_mono_ns(), mismatches = 0, touched = 0;
        if (touch_loop(m, src, order, count, do_write, lat, &touched, &mismatches) < 0) {
                printf("FAULT sigbus page=%" PRIu64 " after_ms=%.1f touched=%" PRIu64 "\n", g_cur,
                       (double)(ss_mono_ns() - t0) / 1e6, touched);
                return 3;
        }
        uint64_t total = ss_mono_ns() - t0;
        if (do_write) {
                uint8_t page[PAGE];
                for (uint64_t i = 0; i < count; i++) {
                        if (pread(fd, page, PAGE, (off_t)(order[i] * PAGE)) != PAGE ||
                            memcmp(page, src + order[i] * PAGE, PAGE) != 0) {
                                mismatches++;
                                fprintf(stderr, "sf-maptouch: page %" PRIu64 " of %s changed under a private write\n",
                                        order[i], file);
                        }
                }
        }
        qsort(lat, touched, sizeof(*lat), cmp_u64);
        printf("TOUCH pages=%" PRIu64 " mismatches=%" PRIu64 " first_touch_us_p50=%" PRIu64
               " first_touch_us_p99=%" PRIu64 " total_ms=%.1f\n", touched, mismatches,
               touched ? lat[touched / 2] / 1000 : 0, touched ? lat[touched * 99 / 100] / 1000 : 0,
               (double)total / 1e6);
        return mismatches ? 1 : 0;
}

int main(int argc, char **argv)
{
        if (argc >= 3 && strcmp(argv[1], "make-image") == 0)
                return make_image(argc, argv);
        if (argc >= 2 && strcmp(argv[1], "touch") == 0)
                return touch(argc - 1, argv + 1);
        fprintf(stderr, "usage: sf-maptouch make-image FILE --mib N [--seed S]\n"
                        "       sf-maptouch touch --file F --source S [--pct P|--count N] [--seed S]\n"
                        "                   [--pattern random|sequential|clustered] [--hugepage] [--write]\n");
        return 2;
}
