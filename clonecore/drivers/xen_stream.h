/* xen_stream: split a libxl migration stream into records + a memory image, and rebuild one.
 *
 * libxl_domain_suspend() writes a libxl stream (docs/specs/libxl-migration-stream.pandoc) whose
 * LIBXC_CONTEXT record is followed inline by a libxc stream (libxc-migration-stream.pandoc). Almost
 * all of its bytes are PAGE_DATA page contents. The splitter keeps every record but the page
 * contents, which it writes into a pfn-indexed memory image (zero pages left as holes). The
 * records, with each PAGE_DATA body cut down to its pfn list, form the state blob:
 *
 *   0  magic "SSXENST1"        16 u64 stream_len          40 u64 pages_zero
 *   8  u32 version (1)         24 u64 mem_pages           48 u32 crc32(stream)
 *   12 u32 libxc domain type   32 u64 pages_total         52 u32 crc32(bytes 0..51)
 *   56 the cut-down stream (stream_len bytes)
 * all little-endian. A pfn entry in the blob has bit 52 (reserved in the spec) set when the page
 * was all zeroes, so the synthesizer never reads zero pages from the memory image.
 *
 * The synthesizer re-emits a valid stream: header and records from the blob, page contents from a
 * page source when it is given one (the host's page store, by content: cc_xs_synth_src) and from a
 * memory image (the generation file or a lazy memtap file) for the rest. Zero normal pages go out as
 * XALLOC entries without data: the restorer allocates them and Xen hands out scrubbed pages.
 *
 * All functions return 0 or -errno and fill why with a sentence on failure. */
#ifndef CC_XEN_STREAM_H
#define CC_XEN_STREAM_H

#include <stddef.h>
#include <stdint.h>

#define CC_XS_PAGE_SIZE   4096u
#define CC_XS_HDR_LEN     56u
#define CC_XS_BLOB_MAX    (256u << 20)  /* a blob is ~8 bytes per page + vCPU state */
#define CC_XS_MAX_PAGES   (1ull << 26)  /* 256 GiB of guest memory */

struct cc_xs_stats {
        uint64_t pages_total;           /* PAGE_DATA entries with contents in the source stream */
        uint64_t pages_zero;            /* of those, all-zero pages */
        uint64_t mem_pages;             /* highest pfn + 1: the memory image's size in pages */
        uint64_t mem_bytes_read;        /* synthesizer: bytes read from the memory image */
        uint64_t src_bytes_read;        /* synthesizer: bytes the page source read from storage */
        uint64_t src_bytes_cached;      /* synthesizer: bytes the page source had in memory */
        uint64_t stream_bytes;          /* bytes consumed (split) or produced (synth) */
        uint64_t records;               /* libxl + libxc records seen */
        uint32_t domain_type;           /* libxc domain header type: 1 PV, 2 HVM, 3 PVH */
};

enum cc_xs_flags {
        CC_XS_ZERO_AS_DATA = 1 << 0,    /* synth: send zero pages as data, not XALLOC */
};

/* Read a libxl stream from in_fd until its END record. Writes non-zero pages into mem_fd at
 * pfn * 4096 (and extends it to mem_pages * 4096); returns the state blob in *ret_blob
 * (malloc'd, *ret_len bytes). On error the caller should keep reading in_fd to EOF so the
 * writer never blocks (cc_xs_drain). */
int cc_xs_split(int in_fd, int mem_fd, uint8_t **ret_blob, size_t *ret_len,
                struct cc_xs_stats *ret_st, char *why, size_t why_len);

/* Check a blob completely (size, magic, version, checksums, every record, pfn range) without
 * touching any memory image. mem_size: the image's size in bytes, or 0 to skip that check. */
int cc_xs_check(const uint8_t *blob, size_t len, uint64_t mem_size, struct cc_xs_stats *ret_st,
                char *why, size_t why_len);

/* Write the rebuilt libxl stream to out_fd (a socket: send() with MSG_NOSIGNAL, or any fd),
 * reading page contents from mem_fd. The blob must have passed cc_xs_check. */
int cc_xs_synth(const uint8_t *blob, size_t len, int mem_fd, int out_fd, unsigned flags,
                struct cc_xs_stats *ret_st, char *why, size_t why_len);

/* A page source for the synthesizer (e.g. the host's page store through the page map): fills buf
 * with page pfn and returns 0 (read from storage), 1 (from memory: a repeat of a content it read
 * already), -ENOENT (it has no copy: the synthesizer reads mem_fd) or another -errno (fail). */
typedef int (*cc_xs_page_fn)(void *ctx, uint64_t pfn, void *buf);

/* cc_xs_synth with page contents from page_fn first, mem_fd for what it does not have. */
int cc_xs_synth_src(const uint8_t *blob, size_t len, cc_xs_page_fn page_fn, void *page_ctx, int mem_fd,
                    int out_fd, unsigned flags, struct cc_xs_stats *ret_st, char *why, size_t why_len);

/* Read fd to EOF and discard: keeps a writer from blocking after a failed split. */
void cc_xs_drain(int fd);

#endif
