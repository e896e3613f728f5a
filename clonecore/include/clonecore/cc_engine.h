/* cc_engine: generations (a parent's memory frozen at a checkpoint, published as a descriptor
 * plus page store) and clones of them, started and retired asynchronously on worker threads
 * through a driver (cc_driver.h). Errors: 0 or -errno with a sentence in (why, why_len) where
 * taken; nothing here logs: callers log once at their boundary. */
#ifndef CC_ENGINE_H
#define CC_ENGINE_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "clonecore/cc_driver.h"
#include "clonecore/cc_descriptor.h"
#include "clonecore/cc_memtap.h"

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
        char disk_layer[PATH_MAX];      /* its frozen disk layer ("" = no disk; docs/disks.md) */
        unsigned disk_depth;            /* disk layers it reads, its own included */
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
        const char *disk;               /* READY: the disk overlay it writes (NULL = no disk) */
        uint64_t disk_bytes, disk_setup_us;     /* READY: its size on the host, time to make it */
        const char *identity;           /* READY: what the guest reported it is, read back from its
                                         * interface ("mac=.. ipv4=A/P hostname=H"; "" if the
                                         * driver has none, e.g. user-net) */
        uint64_t elapsed_ns;            /* since cc_clone() */
};
/* Called on an engine thread, never with an engine lock held. Copy what you need and hand it to
 * your own thread; do not block. Calling cc_retire() from it is allowed. */
typedef void (*cc_clone_cb)(const struct cc_clone_event *ev, void *userdata);

struct cc_clone_opts {
        unsigned n;                     /* clones in this ticket (1..64) */
        const char *const *ids;         /* n clone ids, or NULL: "c<seq>" */
        /* n network attachments (cc_clone_spec.net), e.g. cc_net_user(port); NULL = none */
        const struct cc_net *nets;
        const char *driver_opts;
        /* Remote memory: memserver "host:port", NULL = map the local generation file. A fetched
         * generation (cc_generation_fetch) is always remote. */
        const char *memserver;
        struct cc_fetch_opts fetch;
        cc_clone_cb cb;
        void *userdata;
        const char *mcast;              /* remote clones: mcdist group "GROUP:PORT@LOCAL_ADDR" */
        /* Remote clones of a generation with a disk: its layer as an NBD export
         * ("nbd://HOST:PORT/NAME", cc_clone_spec.disk_uri); NULL = the local layer file. */
        const char *disk_uri;
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

struct cc_clone_stats {
        enum cc_clone_state state;
        uint64_t generation;
        bool remote;
        struct cc_vm_status vm;         /* driver status (last seen) */
        struct cc_memtap_stats fetch;   /* the generation's memtap on this host, shared by its
                                         * clones here; zero for local clones */
};
int cc_clone_stats(struct cc_engine *e, const char *clone_id, struct cc_clone_stats *ret);

#endif
