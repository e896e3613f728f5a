/* cc: the SnowFlock engine — descriptors, generations, the page store, the clone engine,
 * memtap (lazy memory on a clone host) and the memserver (pages over TCP).
 *
 * A generation is a parent's memory frozen at a checkpoint. Publishing one turns the driver's
 * checkpoint (state blob + raw memory image) into a descriptor file — small: metadata, the state
 * blob, a page map saying per page "zero", "free" or "content hash #i", an identity template —
 * and puts every distinct non-zero page once into the host's content-addressed page store.
 * Clones start from the descriptor; their memory is the generation file itself (local clone,
 * mapped MAP_PRIVATE) or a memtap file that fetches pages lazily from the memserver (remote).
 *
 * Errors: every function returns 0 or -errno; the ones that take (why, why_len) also write a
 * sentence there on failure. Nothing here logs: callers log once at their boundary.
 * Formats: docs/descriptor.md, heuristics: docs/memtap.md. */
#ifndef CC_H
#define CC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "clonecore/cc_driver.h"

/* ------------------------------------------------------------------------------------------ */
/* Descriptor file                                                                             */

#define CC_DESC_VERSION_MAJOR 1
#define CC_DESC_VERSION_MINOR 0
/* Checked with fstat before a byte is parsed: 64 MiB covers the page map of a 64 GiB guest. */
#define CC_DESC_MAX_BYTES (64u << 20)

struct cc_descriptor;                   /* parsed, immutable, opaque */

struct cc_desc_info {
        uint16_t version_major, version_minor;
        uint64_t generation;            /* id, unique per state dir (1, 2, ...) */
        uint64_t parent_generation;     /* 0: cut from a booted parent */
        char driver[32];                /* "qemu", "xen": which ops table made the state blob */
        uint64_t created_us;            /* wall clock */
        uint64_t mem_bytes;
        uint32_t page_size;
        uint64_t pages, zero_pages, free_pages, distinct_pages;
        uint64_t pause_ns;              /* the parent's pause at checkpoint */
        uint64_t file_bytes;            /* descriptor size on disk */
        uint64_t state_bytes, pagemap_bytes;
};

/* Read and validate (size limit, magic, version, CRCs, section bounds, page-map consistency). */
int cc_descriptor_read(const char *path, struct cc_descriptor **ret, char *why, size_t why_len);
/* Same on a buffer (the fuzz target's entry point). */
int cc_descriptor_parse(const void *buf, size_t len, struct cc_descriptor **ret,
                        char *why, size_t why_len);
void cc_descriptor_free(struct cc_descriptor *d);               /* NULL-tolerant */
const struct cc_desc_info *cc_descriptor_info(const struct cc_descriptor *d);
const char *cc_descriptor_vm_config(const struct cc_descriptor *d);     /* driver's JSON */
const char *cc_descriptor_metadata(const struct cc_descriptor *d);      /* whole metadata JSON */
/* The driver's state blob (borrowed, valid while d lives), and as a file for clone(). */
const void *cc_descriptor_state(const struct cc_descriptor *d, size_t *ret_len);
int cc_descriptor_extract_state(const struct cc_descriptor *d, const char *path);
/* The identity of clone number `index` of this generation: id "<prefix><index>", hostname from
 * the template, a locally administered MAC derived from (generation, index), a fresh seed. */
int cc_descriptor_identity(const struct cc_descriptor *d, unsigned index, const char *id_prefix,
                           struct cc_identity *ret);
/* `snowscalectl descriptor inspect FILE [--json]`: validates, then prints a human summary or
 * one JSON object. Returns 0, or -errno with a one-line reason printed to out. */
int cc_descriptor_inspect(FILE *out, const char *path, bool json);

/* ------------------------------------------------------------------------------------------ */
/* Page store: content-addressed, one copy of each distinct page, shared by every generation and  */
/* every clone of a host (files <dir>/pages.pack + <dir>/pages.idx, append-only, multi-process).  */

struct cc_store;
int cc_store_open(const char *dir, struct cc_store **ret);
void cc_store_close(struct cc_store *s);                        /* NULL-tolerant */
/* Copy of the page with this content hash into buf (page_size bytes): 0, or -ENOENT. */
int cc_store_get(struct cc_store *s, uint64_t hash, void *buf);
/* Insert (no-op when present; -EEXIST if a different page has the same hash). */
int cc_store_put(struct cc_store *s, uint64_t hash, const void *page);
uint64_t cc_store_pages(struct cc_store *s);
/* The page hash the page map uses (XXH3 64-bit). */
uint64_t cc_page_hash(const void *page, size_t len);

/* ------------------------------------------------------------------------------------------ */
/* Engine: generations and clones                                                              */

struct cc_engine;
struct cc_generation;                   /* owned by the engine */

struct cc_engine_config {
        const struct cc_driver_ops *driver;     /* NULL: publish/fetch only (tools), no clones */
        const char *state_dir;          /* gen/<id>/, clones/<id>/, store/ live below */
        unsigned max_parallel;          /* clone/retire jobs at once (threads); 0 = 8 */
        const void *secret;             /* cluster secret for the memserver (remote clones) */
        size_t secret_len;
        unsigned ready_timeout_ms;      /* clone start -> guest ready; 0 = 60000 */
        unsigned fetch_timeout_ms;      /* memserver silence that fails a clone; 0 = 5000 */
};

int cc_engine_new(const struct cc_engine_config *cfg, struct cc_engine **ret,
                  char *why, size_t why_len);
/* Stops the worker threads (a start in progress stops waiting for readiness) and the clones'
 * memtaps; VMs keep running unless retired before (a new engine adopts them). NULL-tolerant. */
void cc_engine_free(struct cc_engine *e);
const struct cc_driver_ops *cc_engine_driver(const struct cc_engine *e);

struct cc_generation_info {
        uint64_t id, parent;
        char dir[PATH_MAX];             /* <state_dir>/gen/<id> */
        char descriptor_path[PATH_MAX];
        char mem_path[PATH_MAX];        /* the frozen memory image (local clones map it) */
        uint64_t descriptor_bytes, mem_bytes;
        uint32_t page_size;
        uint64_t pages, zero_pages, free_pages, distinct_pages;
        uint64_t new_store_pages;       /* distinct pages the store did not hold before */
        uint64_t pause_ns, publish_ns, created_us;
        unsigned clones;                /* live clones using it */
};

struct cc_publish_opts {
        uint64_t id;                    /* 0 = next free id */
        uint64_t parent;                /* generation the parent itself was cloned from, or 0 */
        const char *hostname_prefix;    /* identity template; NULL = "worker-" */
        const char *driver_name;        /* recorded in the descriptor; NULL = the engine's driver */
        /* Optional: progress while hashing the memory image (called every 64 MiB or so). */
        void (*progress)(uint64_t done_bytes, uint64_t total_bytes, void *userdata);
        void *userdata;
};

/* Checkpoint a running parent into <state_dir>/gen/<id>/ (driver->checkpoint) and publish it. */
int cc_generation_cut(struct cc_engine *e, struct cc_vm *parent, const struct cc_publish_opts *opts,
                      struct cc_generation **ret, char *why, size_t why_len);
/* Publish an existing checkpoint whose files are in gen_dir: page map + store + descriptor
 * (<gen_dir>/descriptor.sfd). The memory image must stay where cp->mem_path says. */
int cc_generation_publish(struct cc_engine *e, const char *gen_dir, const struct cc_checkpoint *cp,
                          const struct cc_publish_opts *opts, struct cc_generation **ret,
                          char *why, size_t why_len);
/* A generation published earlier (after a restart), by id; loaded from disk on first use. */
int cc_generation_get(struct cc_engine *e, uint64_t id, struct cc_generation **ret,
                      char *why, size_t why_len);
/* A generation of another host: fetches its descriptor from the memserver (host:port) into
 * <state_dir>/gen/<id>/; its clones fetch memory lazily from that memserver. */
int cc_generation_fetch(struct cc_engine *e, const char *memserver, uint64_t id,
                        struct cc_generation **ret, char *why, size_t why_len);
int cc_generation_info(const struct cc_generation *g, struct cc_generation_info *ret);
const struct cc_descriptor *cc_generation_descriptor(const struct cc_generation *g);
/* Delete a generation's files: -EBUSY while clones use it. */
int cc_generation_drop(struct cc_engine *e, uint64_t id);

enum cc_clone_state {
        CC_CLONE_CLONING,               /* preparing files / memtap, driver->clone running */
        CC_CLONE_RESUMING,              /* VMM started, waiting for the guest to say ready */
        CC_CLONE_READY,                 /* guest ready (driver status RUNNING) */
        CC_CLONE_FAILED,                /* final: reason set; the VM is already destroyed */
        CC_CLONE_RETIRED,               /* final: cc_retire finished */
};
const char *cc_clone_state_name(enum cc_clone_state s);

struct cc_clone_event {
        uint64_t ticket;                /* from cc_clone() */
        unsigned index;                 /* 0..n-1 within the ticket */
        const char *clone_id;
        enum cc_clone_state state;
        const char *reason;             /* FAILED: why; otherwise NULL */
        const char *address;            /* READY: where the app answers ("127.0.0.1:18003") */
        uint64_t elapsed_ns;            /* since cc_clone() */
};
/* Called on an engine thread, never with an engine lock held. Copy what you need and hand it to
 * your own thread; do not block. Calling cc_retire() from it is allowed. */
typedef void (*cc_clone_cb)(const struct cc_clone_event *ev, void *userdata);

enum cc_readahead {
        CC_RA_ADAPTIVE = 0,             /* grow on sequential faults, shrink on random */
        CC_RA_NONE,                     /* exactly the faulting page */
        CC_RA_FIXED,                    /* always readahead_pages */
};

struct cc_fetch_opts {                  /* how a remote clone's memory is fetched (memtap) */
        enum cc_readahead readahead;
        unsigned readahead_pages;       /* FIXED: window; ADAPTIVE: upper bound (0 = 64) */
        /* Working set. In cc_clone(), both false = automatic: the first remote clone of a
         * generation on this host records, later ones replay (ws_off disables that). */
        bool record_ws;                 /* record the working set (first clone of a generation) */
        bool replay_ws;                 /* prefetch a recorded working set in bulk at start */
        unsigned record_ms;             /* recording window; 0 = 10000 */
        bool lz4;                       /* ask the memserver for LZ4-compressed pages */
        bool ws_off;                    /* cc_clone(): no automatic record/replay */
};

struct cc_clone_opts {
        unsigned n;                     /* clones in this ticket (1..64) */
        const char *const *ids;         /* n clone ids, or NULL: "c<seq>" */
        const unsigned *host_ports;     /* n user-net ports (cc_clone_spec.host_port), or NULL */
        const char *driver_opts;
        /* Remote memory: memserver "host:port", NULL = map the local generation file. A fetched
         * generation (cc_generation_fetch) is always remote. */
        const char *memserver;
        struct cc_fetch_opts fetch;
        cc_clone_cb cb;
        void *userdata;
        const char *mcast;              /* remote clones: mcdist group "GROUP:PORT@LOCAL_ADDR" */
};

/* Start n clones of g asynchronously; state changes arrive through opts->cb. Returns at once:
 * 0 and the ticket, or -errno (bad opts, engine shutting down, -EEXIST clone id in use). */
int cc_clone(struct cc_engine *e, struct cc_generation *g, const struct cc_clone_opts *opts,
             uint64_t *ret_ticket);
/* Stop a clone asynchronously (driver retire with timeout, memtap stop): RETIRED or FAILED
 * arrives through the clone's callback. -ENOENT unknown or already final. A clone still
 * CLONING is retired as soon as its start finishes. */
int cc_retire(struct cc_engine *e, const char *clone_id, unsigned timeout_ms);
/* Take over a clone of a previous run (driver->adopt on <state_dir>/clones/<id>): it becomes
 * READY under cb. Remote (memtap) clones cannot outlive their engine: -ESTALE. */
int cc_adopt(struct cc_engine *e, const char *clone_id, uint64_t generation, cc_clone_cb cb,
             void *userdata, char *why, size_t why_len);

#define CC_STALL_BUCKETS 16             /* bucket i: stalls in [2^i, 2^(i+1)) µs; last open */

struct cc_memtap_stats {
        uint64_t pages;                 /* of the generation */
        uint64_t demand_faults;         /* reads that waited for a fetch */
        uint64_t fetched_pages;         /* pages received (demand + readahead + prefetch) */
        uint64_t prefetched_pages;      /* of which by working-set replay */
        uint64_t readahead_pages;       /* of which by readahead */
        uint64_t zero_reads;            /* pages answered locally as zero/free (avoidance) */
        uint64_t local_hits;            /* pages found in the host's page store */
        uint64_t bytes;                 /* received from the network (after LZ4) */
        uint64_t speculative_rejects;   /* kernel read-around refused (see docs/memtap.md) */
        uint64_t stall_hist[CC_STALL_BUCKETS];
        uint64_t first_touch_us_p50;    /* of demand faults */
        double fetched_pct;             /* fetched_pages / pages * 100 */
        bool failed;
        char reason[CC_REASON_MAX];
        uint64_t mcast_pages;           /* pages taken from the memserver's multicast (mcdist) */
};

struct cc_clone_stats {
        enum cc_clone_state state;
        uint64_t generation;
        bool remote;
        struct cc_vm_status vm;         /* driver status (last seen) */
        struct cc_memtap_stats fetch;   /* zero for local clones */
};
int cc_clone_stats(struct cc_engine *e, const char *clone_id, struct cc_clone_stats *ret);

/* ------------------------------------------------------------------------------------------ */
/* memtap: a generation's memory as a lazily filled file (libfuse3), usable on its own         */

struct cc_memtap;

struct cc_memtap_opts {
        const char *mountpoint;         /* empty dir; the file is <mountpoint>/mem */
        const struct cc_descriptor *desc;       /* must outlive the memtap */
        struct cc_store *store;         /* host page store: local source and cache; required */
        const char *memserver;          /* "host:port"; NULL = pages come from store only */
        const void *secret;
        size_t secret_len;
        unsigned timeout_ms;            /* memserver silence -> EIO; 0 = 5000 */
        struct cc_fetch_opts fetch;
        const char *ws_path;            /* working-set file to record to / replay from */
        /* Kernel read-around of absent pages (QEMU's MADV_HUGEPAGE: 4 MiB per fault):
         * false = refuse it (EIO on the speculative read; the kernel then reads the one page
         * it needs), true = serve it (fetches the whole window). */
        bool serve_readaround;
        /* Called once, on a memtap thread, when the memtap fails (EIO from then on). */
        void (*on_fail)(const char *reason, void *userdata);
        void *userdata;
        /* mcdist: also accept pages multicast by the memserver, "GROUP:PORT@LOCAL_ADDR"
         * (e.g. "239.192.7.1:7441@10.0.0.5"); NULL = TCP only. docs/memtap.md */
        const char *mcast;
};

int cc_memtap_start(const struct cc_memtap_opts *opts, struct cc_memtap **ret,
                    char *why, size_t why_len);
const char *cc_memtap_path(const struct cc_memtap *m);  /* give it to the driver as mem_path */
int cc_memtap_stats(struct cc_memtap *m, struct cc_memtap_stats *ret);
/* Unmount, stop threads, write the recorded working set (if recording). NULL-tolerant. */
int cc_memtap_stop(struct cc_memtap *m);

/* ------------------------------------------------------------------------------------------ */
/* memserver: pages (and descriptors) of the generations under gen_root, over TCP             */

struct cc_memserver;

struct cc_memserver_opts {
        const char *listen;             /* "127.0.0.1:0" (0 = any free port) */
        const char *gen_root;           /* <state_dir>/gen: <id>/descriptor.sfd */
        const char *store_dir;          /* <state_dir>/store */
        const void *secret;             /* required, >= 16 bytes */
        size_t secret_len;
        unsigned max_conns;             /* 0 = 64 */
        unsigned max_request_pages;     /* 0 = 1024 */
        unsigned io_timeout_ms;         /* idle/slow client cut-off; 0 = 30000 */
        const char *inject_fault;       /* fault injector for tests: "corrupt:N", "stall:N",
                                         * "die:N" (after N pages), "delay:US" (every reply
                                         * US µs late: a slower network), NULL = none */
        /* Log lines (decisions: auth failures, limits); NULL = silent. */
        void (*log)(int level, const char *msg, void *userdata);
        void *userdata;
        /* mcdist: multicast every page served over TCP once to "GROUP:PORT@LOCAL_ADDR", so
         * the other clones of the generation receive it without asking; NULL = off. */
        const char *mcast;
};

int cc_memserver_start(const struct cc_memserver_opts *opts, struct cc_memserver **ret,
                       char *why, size_t why_len);
unsigned cc_memserver_port(const struct cc_memserver *s);
void cc_memserver_stop(struct cc_memserver *s);         /* NULL-tolerant; closes every client */

#endif
