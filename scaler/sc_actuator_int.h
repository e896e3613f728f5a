/* sc_actuator_int: the state the actuator's modules share, for them only (the control loop sees
 * sc_actuator.h). Modules: sc_actuator.c the facade, reconcile and configuration;
 * sc_actuator_clone.c one clone's life; sc_actuator_gen.c generations; sc_actuator_parent.c the
 * parent; sc_actuator_recover.c adoption after a restart; sc_actuator_lb.c snowscale-lb's client.
 *
 * Locking: one mutex (a->lock) over everything below that is not in act_fixed; a->cond
 * (CLOCK_MONOTONIC) is broadcast on every change. Nothing slow runs under the lock. */
#ifndef SC_ACTUATOR_INT_H
#define SC_ACTUATOR_INT_H

#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "clonecore/cc.h"
#include "clonecore/cc_driver.h"
#include "pol.h"
#include "sc_addrplan.h"
#include "sc_hosts.h"
#include "sc_nbd.h"
#include "sc_store.h"
#include "ss_util.h"

#define ACT_MAX_CLONES          256     /* hard cap on live VMs, whatever desired says */
/* Status polls. The driver ops (cc_driver.h) offer status() only, no callback, for a cold-booted
 * VM and the parent; snowscale-lb's /v1 API (docs/api.md) has no event, stream or long poll: a
 * backend's turn to active or drained shows only in GET /v1/backends/{id}. That daemon is not the
 * actuator's to change, so asking every 50 ms is the only way to notice within a reload. */
#define ACT_POLL_NS             50000000ull
#define ACT_BACKOFF_MAX_US      (300ull * 1000000)
#define ACT_RETIRE_GRACE_MS     3000u
#define ACT_RETIRE_WAIT_NS      (15ull * 1000000000)    /* engine's RETIRED after cc_retire */
#define ACT_PORT_SPAN           1000u   /* clone ports: port_base+1 .. port_base+ACT_PORT_SPAN */
#define ACT_GC_EVERY_NS         (10ull * 1000000000)
#define ACT_SERVING_MISSES      5       /* failed direct health checks (3 s apart) that end a clone */
#define ACT_BUSY_US             10000000ull     /* ... unless it answered a request this recently */

/* What cannot change on a reload: copied once, read by every thread without a lock. */
struct act_fixed {
        char state_dir[PATH_MAX];
        char clones_dir[PATH_MAX];      /* the engine's <state_dir>/clones/<id> */
        char cold_dir[PATH_MAX];        /* cold-booted workers: <state_dir>/cold/<id> */
        char parent_dir[PATH_MAX];      /* <state_dir>/parent */
        char kernel[PATH_MAX], initrd[PATH_MAX], binary[PATH_MAX];
        char disk[PATH_MAX];            /* driver.disk ("" = none): the parent runs on an overlay */
        char cmdline[1024];
        char accel[8];
        char driver_opts[256];
        char driver_name[16];
        char health_path[256];          /* lb.health_path, for probing adopted clones */
        int health_status;
        uint64_t mem_bytes;
        unsigned vcpus, guest_port, port_base;
        unsigned ready_timeout_ms;      /* the engine's, fixed at start */
        enum pol_boot_mode boot;
        bool parent_serve;
        char net_sig[256];              /* network.* as given: a reload that changes it warns */
        char **warmup;
        size_t n_warmup;
};

/* What a reload may change: read under a->lock. */
struct act_live {
        uint64_t ready_timeout_us;
        uint64_t drain_timeout_us;
        uint64_t backoff_us;
        uint64_t generation_every_us;
        int max_failures;
        bool observe;
};

struct act_gen {
        int64_t id;
        struct cc_generation *g;        /* owned by the engine */
};

struct act_clone {
        struct act_clone *next;
        struct sc_actuator *a;
        char id[32];
        int64_t generation;             /* 0 for a cold-booted worker */
        unsigned port;
        struct cc_net net;              /* the attachment it was given (bridge: its planned identity) */
        char run_dir[PATH_MAX];
        char address[64];
        enum sc_clone_state state;      /* mirror of the store row */
        bool retire;                    /* retire requested (loop thread or API) */
        char retire_reason[256];
        bool recovered;                 /* adopted from a previous run */
        uint64_t created_us;            /* the row's created_us: retire order, whatever list order */
        struct cc_vm *vm;               /* cold-booted workers: driver handle owned by the worker */
        /* what the engine reported (its callback thread writes, under a->lock) */
        bool ev_resuming, ev_ready, ev_final;
        enum cc_clone_state ev_final_state;
        char ev_address[64];
        char ev_identity[160];          /* READY: the identity the guest reported */
        char ev_reason[CC_REASON_MAX];
        bool engine_owned;              /* the engine knows this clone (cc_clone/cc_adopt succeeded) */
        uint64_t guest_stats_us;        /* the last guest report stored */
        int host;                       /* index in a->hosts (a hostd runs it), -1 = this host */
        bool host_lost;                 /* its host stopped answering: nothing to retire there now */
        bool disk_remote;               /* its host last said its disk reads from our export */
        pthread_t thread;
        bool thread_started, thread_done;
};

enum act_parent_state { PARENT_OFF, PARENT_BOOTING, PARENT_READY, PARENT_FAILED };

struct sc_actuator {
        struct sc_store *store;
        const struct cc_driver_ops *drv;
        struct cc_engine *engine;
        struct sc_alb *lb;
        struct act_fixed fx;
        struct sc_addrplan *plan;       /* network.mode bridge: addresses and MACs; NULL = user-net */

        pthread_mutex_t lock;
        pthread_cond_t cond;            /* CLOCK_MONOTONIC; broadcast on every change below */
        struct act_live live;
        struct act_clone *clones;       /* new ones at the head; adopted ones in directory order */
        bool shutting_down, stop_vms;

        int consecutive_failures;
        uint64_t backoff_until_ns;
        bool stopped;
        char alert[512];
        char alert_out[512];            /* sc_actuator_alert()'s copy, loop thread only */
        char blocked[256];              /* why the last tick could not clone (logged on change) */

        /* generations: newest first; [0] is what new clones use */
        struct act_gen *gens;
        size_t n_gens;
        uint64_t last_cut_ns;
        uint64_t last_gc_ns;

        enum act_parent_state parent_state;
        char parent_address[64];
        bool cut_requested, gc_requested;
        bool warmup_changed;            /* a reload changed parent.warmup_urls */
        char cut_cause[64];
        pthread_t parent_thread;
        bool parent_started;

        bool curl_inited;

        /* multi-host pools (hosts:, sc_actuator_remote.c); NULL/0 = every clone on this host */
        struct sc_hosts *hosts;
        struct sc_addrplan **host_plans;        /* per host: its routed subnet's addresses */
        char (*host_bridges)[16];
        char **host_names;
        int *host_health;               /* loop thread: 0 unknown, 1 lost, 2 healthy (last recorded) */
        size_t n_hosts;
        enum pol_placement placement;
        struct cc_memserver *memserver; /* serves this host's generations to the others */
        char memserver_addr[64];
        char mcast[64];                 /* cluster.mcast "GROUP:PORT" ("" = unicast) */
        struct sc_nbd *nbd;             /* generations' disk layers for the hosts; NULL = no disk */
        bool recovering;                /* a restart's recovery has not read the clone table yet:
                                         * the hosts' registry destroys nothing */
        char place_why[256];            /* why the last placement found no host */
};

/* Bounded copy, always NUL-terminated; truncation is intended (fixed-size fields). */
static inline void copy_str(char *dst, size_t len, const char *src)
{
        size_t n = 0;

        if (len == 0)
                return;
        for (; src && n + 1 < len && src[n]; n++)
                dst[n] = src[n];
        dst[n] = 0;
}

/* snprintf whose truncation is intended (sentences and paths bounded by their buffers). */
static inline void sfmt(char *buf, size_t len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static inline void sfmt(char *buf, size_t len, const char *fmt, ...)
{
        va_list ap;

        va_start(ap, fmt);
        vsnprintf(buf, len, fmt, ap);
        va_end(ap);
}

static inline uint64_t now_ns(void)
{
        return ss_mono_ns();
}

/* Waits on a->cond until deadline_ns (monotonic) or a broadcast; caller holds a->lock. */
static inline void wait_until(struct sc_actuator *a, uint64_t deadline_ns)
{
        struct timespec ts = {
                .tv_sec = (time_t)(deadline_ns / 1000000000ull),
                .tv_nsec = (long)(deadline_ns % 1000000000ull),
        };

        pthread_cond_timedwait(&a->cond, &a->lock, &ts);
}

/* Sleeps up to ns unless woken; returns with the lock released. */
static inline void pause_for(struct sc_actuator *a, uint64_t ns)
{
        pthread_mutex_lock(&a->lock);
        wait_until(a, now_ns() + ns);
        pthread_mutex_unlock(&a->lock);
}


/* An event in the store; data is a JSON object of the NULL-ended key/value string pairs. */
void sc_act_emit(struct sc_actuator *a, const char *kind, const char *message, ...);
void sc_act_rm_rf(const char *path);
bool sc_act_dir_exists(const char *path);
/* A libcurl write callback that drops the body. */
size_t sc_act_discard(char *p, size_t s, size_t n, void *u);
/* Asks a VM to power off (then kills it) and frees its handle. NULL-tolerant. */
void sc_act_vm_stop(struct sc_actuator *a, struct cc_vm *vm);
/* The attachment owner ("parent" or a clone id) gets: its address-plan claim on a bridge, else
 * user-net on port. -errno with why (-ENOSPC: the range is exhausted; an alert is raised). */
int sc_act_net_for(struct sc_actuator *a, const char *owner, unsigned port, struct cc_net *ret,
                   char *why, size_t whylen);
/* Lifts the stop after repeated failures (new generation, reload). Caller holds a->lock. */
bool sc_act_rearm_locked(struct sc_actuator *a);

#endif
