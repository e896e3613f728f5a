/* clonecore internals shared by the engine's .c files and its unit tests. Not a public API. */
#ifndef CC_INTERNAL_H
#define CC_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "clonecore/cc.h"

/* Explicit little-endian encoding: formats never depend on the host's struct layout. */
static inline void cc_put16(uint8_t *p, uint16_t v) { p[0] = v; p[1] = v >> 8; }
static inline void cc_put32(uint8_t *p, uint32_t v)
{
        for (int i = 0; i < 4; i++)
                p[i] = (uint8_t)(v >> (8 * i));
}
static inline void cc_put64(uint8_t *p, uint64_t v)
{
        for (int i = 0; i < 8; i++)
                p[i] = (uint8_t)(v >> (8 * i));
}
static inline uint16_t cc_get16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }
static inline uint32_t cc_get32(const uint8_t *p)
{
        uint32_t v = 0;
        for (int i = 3; i >= 0; i--)
                v = v << 8 | p[i];
        return v;
}
static inline uint64_t cc_get64(const uint8_t *p)
{
        uint64_t v = 0;
        for (int i = 7; i >= 0; i--)
                v = v << 8 | p[i];
        return v;
}

/* Growable byte buffer for building formats. -ENOMEM sticks: check err once at the end. */
struct cc_buf {
        uint8_t *data;
        size_t len, cap;
        int err;
};
void cc_buf_put(struct cc_buf *b, const void *p, size_t n);
void cc_buf_u8(struct cc_buf *b, uint8_t v);
void cc_buf_u32(struct cc_buf *b, uint32_t v);
void cc_buf_u64(struct cc_buf *b, uint64_t v);
void cc_buf_varint(struct cc_buf *b, uint64_t v);
void cc_buf_free(struct cc_buf *b);
/* Read a LEB128 varint from [*p, end): 0 or -EBADMSG (truncated, > 64 bits). */
int cc_read_varint(const uint8_t **p, const uint8_t *end, uint64_t *ret);

/* Write a reason sentence (no-op when why is NULL); returns err so callers can `return cc_why(...)`. */
int cc_why(char *why, size_t why_len, int err, const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));

/* Wait until fd is readable (0), stop_fd (a stop pipe's read end) is readable (-ECANCELED),
 * timeout_ms passed (-ETIMEDOUT; < 0 = no limit) or poll failed (-errno). EINTR is retried. */
int cc_poll_stop(int fd, int stop_fd, int timeout_ms);

/* A bridge attachment every driver can use: bridge name, IPv4 address, prefix 1..30, gateway and
 * DNS; 0 or -EINVAL with the reason, prefixed by what. */
int cc_net_bridge_check(const char *what, const struct cc_net *net, char *why, size_t why_len);

/* snprintf that is allowed to truncate (paths in sentences). */
#define cc_fmt(buf, len, ...) ((void)cc_why(buf, len, 0, __VA_ARGS__))

bool cc_page_is_zero(const void *page, size_t len);

/* ---- page map ------------------------------------------------------------------------------ */
/* In memory: one 32-bit entry per page. On disk: a hash table (8 bytes per distinct page) and a
 * run-length stream (docs/descriptor.md). */
#define CC_PM_ZERO 0u                   /* all-zero page: answered locally, never stored/sent */
#define CC_PM_FREE 1u                   /* guest reported unused: never fetched, reads as zero */
#define CC_PM_DATA 2u                   /* entry - CC_PM_DATA = index into the hash table */
#define CC_PM_MAX_DISTINCT (UINT32_MAX - CC_PM_DATA)

struct cc_pagemap {
        uint32_t page_size;
        uint64_t pages;
        uint32_t *entry;                /* pages entries */
        uint64_t *hash;                 /* distinct hashes */
        uint64_t distinct, hash_cap;
        uint64_t zero_pages, free_pages;
};
/* Empty map of `pages` pages, all zero. */
int cc_pagemap_init(struct cc_pagemap *pm, uint64_t pages, uint32_t page_size);
void cc_pagemap_dispose(struct cc_pagemap *pm);
/* Append a hash to the table, returning its index (no dedup here: the caller dedups). */
int cc_pagemap_add_hash(struct cc_pagemap *pm, uint64_t hash, uint32_t *ret_idx);
/* Recount zero/free pages from the entries. */
void cc_pagemap_count(struct cc_pagemap *pm);
int cc_pagemap_encode(const struct cc_pagemap *pm, struct cc_buf *out);
int cc_pagemap_decode(const uint8_t *p, size_t len, struct cc_pagemap *ret, char *why, size_t why_len);
static inline bool cc_pm_is_data(uint32_t e) { return e >= CC_PM_DATA; }

/* ---- descriptor (builder side) ------------------------------------------------------------- */
struct cc_desc_spec {
        uint64_t generation, parent_generation, created_us, pause_ns, mem_bytes;
        const char *driver;
        const char *vm_config_json;
        const char *mem_file;           /* memory image name relative to the descriptor's dir */
        const char *hostname_prefix;
        const void *state;
        size_t state_len;
        const struct cc_pagemap *pm;
};
/* Serialize; *ret is malloc'd. */
int cc_descriptor_build(const struct cc_desc_spec *spec, uint8_t **ret, size_t *ret_len);
const struct cc_pagemap *cc_descriptor_pagemap(const struct cc_descriptor *d);
const char *cc_descriptor_mem_file(const struct cc_descriptor *d);

/* cc_store_put for n pages at once: one lock and two writes (publishing a generation). */
int cc_store_put_many(struct cc_store *s, const uint64_t *hash, const void *const *page, size_t n);
/* Is a page with this hash in the store (no I/O unless the index grew)? */
bool cc_store_has(struct cc_store *s, uint64_t hash);

/* ---- memserver wire protocol (proto.c) ------------------------------------------------------ */
#define CC_PROTO_VERSION 1
#define CC_NONCE_LEN 32
#define CC_MAC_LEN 32
#define CC_REQ_PAGES 1u                 /* u64 gen, u32 flags, u32 nranges, nranges*(u64,u32) */
#define CC_REQ_DESC 2u                  /* u64 gen */
#define CC_REQ_WS 3u                    /* u64 gen: the generation's recorded working set */
#define CC_REQ_WS_PUT 4u                /* u64 gen, u32 length, then a working-set file */
#define CC_WS_MAX_BYTES (16u << 20)     /* 4 M pages: a 16 GiB guest touching all of it */
#define CC_REQ_FLAG_LZ4 1u
#define CC_MAX_RANGES 256u

struct cc_range {
        uint64_t first;
        uint32_t count;
};

/* Blocking I/O with a deadline (monotonic ns): -ETIMEDOUT, -ECONNRESET at EOF, -errno. */
int cc_io_read(int fd, void *buf, size_t len, uint64_t deadline_ns);
int cc_io_write(int fd, const void *buf, size_t len, uint64_t deadline_ns);
/* HMAC-SHA256(secret, label || a || b) */
int cc_auth_mac(const void *secret, size_t secret_len, const char *label,
                const uint8_t *a, const uint8_t *b, uint8_t mac[CC_MAC_LEN]);

struct cc_client;
/* Connect + mutual HMAC challenge. */
int cc_client_connect(const char *hostport, const void *secret, size_t secret_len,
                      unsigned timeout_ms, struct cc_client **ret, char *why, size_t why_len);
void cc_client_close(struct cc_client *c);
/* Make a fetch blocked on this connection fail now (another thread stops the memtap). */
void cc_client_abort(struct cc_client *c);
/* Fetch the data pages of the given ranges (zero/free pages are skipped by both sides, following
 * pm). Each page is verified against pm's hash before deliver() sees it. */
typedef int (*cc_page_sink)(uint64_t page, const void *data, void *userdata);
int cc_client_fetch(struct cc_client *c, uint64_t gen, const struct cc_pagemap *pm,
                    const struct cc_range *ranges, unsigned nranges, bool lz4,
                    cc_page_sink deliver, void *userdata, uint64_t *ret_bytes,
                    char *why, size_t why_len);
int cc_client_get_descriptor(struct cc_client *c, uint64_t gen, uint8_t **ret, size_t *ret_len,
                             char *why, size_t why_len);
/* The working set another host recorded for gen (-ENOENT: none yet), and ours for the others
 * (-EEXIST: one is there already). Format: docs/memtap.md ("SFWS"). */
int cc_client_get_ws(struct cc_client *c, uint64_t gen, uint8_t **ret, size_t *ret_len,
                     char *why, size_t why_len);
int cc_client_put_ws(struct cc_client *c, uint64_t gen, const void *buf, size_t len,
                     char *why, size_t why_len);
/* Check a working-set file of gen with `pages` pages: 0 and its page list (malloc'd), or
 * -EBADMSG (magic, version, generation, length, CRC, a page out of range). */
int cc_ws_parse(const uint8_t *b, size_t len, uint64_t gen, uint64_t pages, uint32_t **ret, size_t *ret_n);

/* ---- mcdist: one datagram per page (proto.c) ----------------------------------------------- */
/* "SFMD", u16 version, u16 0, u64 generation, u64 page, 4096 bytes of page,
 * 16 bytes HMAC-SHA256(secret, everything before) truncated. */
#define CC_MC_HDR 24
#define CC_MC_MAC 16
#define CC_MC_LEN (CC_MC_HDR + 4096 + CC_MC_MAC)
struct cc_mcast_addr {
        uint32_t group, local;          /* network order */
        uint16_t port;                  /* network order */
};
/* Parse "GROUP:PORT@LOCAL_ADDR" (IPv4; the group must be multicast). */
int cc_mcast_parse(const char *spec, struct cc_mcast_addr *ret);
void cc_mc_seal(const void *secret, size_t secret_len, uint64_t gen, uint64_t page,
                const void *data, uint8_t out[CC_MC_LEN]);
/* 0 and the page number if the datagram is a well-formed, authentic page of gen. */
int cc_mc_open(const void *secret, size_t secret_len, uint64_t gen, const uint8_t *dg, size_t len,
               uint64_t *ret_page);

#endif
