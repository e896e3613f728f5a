/* engine_int.h: the engine's state, shared by engine.c (lifetime, job queue), generation.c
 * (publish, load, fetch, drop) and clone.c (clone jobs, retire, adopt, stats). Not an API.
 *
 * Threading: a fixed pool of worker threads takes jobs (start a clone, retire a clone) from one
 * queue. The engine lock guards the lists and the clone states; driver ops, memtap start/stop and
 * user callbacks always run without it (they are slow, or may call back into the engine).
 * A clone handle is freed once it reached a final state (FAILED/RETIRED), its final event was
 * delivered and nobody holds a reference (cc_clone_stats). */
#ifndef CC_ENGINE_INT_H
#define CC_ENGINE_INT_H

#include <limits.h>
#include <pthread.h>

#include "cc_internal.h"

struct cc_generation {
        struct cc_generation *next;
        struct cc_engine *engine;
        struct cc_descriptor *desc;
        struct cc_generation_info info;
        char state_path[PATH_MAX];      /* state blob extracted for clone() */
        char ws_path[PATH_MAX];         /* recorded working set */
        char memserver[256];            /* remote generation: where its pages live */
        bool remote, state_ready;
        struct genmem *gm;              /* remote: its memtap on this host (genmem.c), NULL = none */
        /* <dir>/layers: the disk layers it reads, newest (its own) first, one a line ("" = no disk) */
        char disk_layers[4096];
};

/* A remote generation's memtap on this host, shared by its clones here (genmem.c). */
struct genmem {
        struct cc_generation *g;
        struct cc_memtap *mt;
        unsigned users;                 /* clones holding it; the last release stops it */
        bool failed;                    /* its clones failed; new clones start a fresh one */
        char mnt[PATH_MAX];             /* <gen dir>/mt.<n> */
};

enum job { JOB_NONE, JOB_START, JOB_RETIRE };

struct clone {
        struct cc_engine *engine;
        struct clone *next;             /* engine->clones */
        struct clone *qnext;            /* engine job queue */
        char id[64];
        uint64_t ticket;
        unsigned index;
        struct cc_generation *g;
        enum cc_clone_state state;
        char reason[CC_REASON_MAX];
        char address[64];
        cc_clone_cb cb;
        void *userdata;
        pthread_mutex_t vm_lock;        /* serialises driver calls on vm (status vs retire) */
        struct cc_vm *vm;
        struct genmem *gm;              /* remote: the generation's shared memtap */
        bool remote;
        char memserver[256];
        char *mcast;
        char *disk_uri;                 /* the generation's disk layer over NBD, or NULL */
        char *driver_opts;
        struct cc_fetch_opts fetch;
        struct cc_net net;              /* the clone's network attachment */
        enum job job;                   /* queued job */
        bool busy;                      /* a worker runs a job on it */
        bool retire_wanted, fail_wanted, final;
        unsigned retire_timeout_ms;
        unsigned refs;
        uint64_t t0;
        struct cc_vm_status status;
        int wake_fd;                    /* eventfd: wakes do_start's readiness wait; -1 = none */
};

struct cc_engine {
        struct cc_engine_config cfg;
        char *state_dir;
        uint8_t *secret;
        struct cc_store *store;
        pthread_mutex_t lock;
        pthread_mutex_t gm_lock;        /* serialises memtap starts (genmem.c); before lock */
        uint64_t next_mt;               /* memtap mount number */
        pthread_cond_t cond;            /* job queued / stopping */
        pthread_cond_t changed;         /* a clone's retire/fail flag was set */
        struct cc_generation *gens;
        struct clone *clones;
        struct clone *qhead, *qtail;
        pthread_t *threads;
        unsigned nthreads;
        bool stopping;
        uint64_t next_ticket, next_seq;
};


/* clone.c */
void *cc_engine_worker(void *arg);              /* a worker thread's body */
void cc_engine_clone_free(struct clone *c);
/* Wake a clone's readiness wait (retire, failure, engine stop); lock held. */
void cc_engine_clone_wake(struct clone *c);
/* Fail a clone with reason (its memory went away); lock held. */
void cc_engine_clone_fail_locked(struct cc_engine *e, struct clone *c, const char *reason);

/* genmem.c */
int cc_genmem_acquire(struct cc_engine *e, struct clone *c, char *why, size_t why_len);
void cc_genmem_release(struct cc_engine *e, struct clone *c);   /* NULL-tolerant on c->gm */
const char *cc_genmem_path(const struct clone *c);

/* pagesrc.c: a clone's page source through the page map and the page store (cc_driver.h's
 * struct cc_page_source). pm and store must outlive it. */
struct cc_pagesrc;
int cc_pagesrc_new(const struct cc_pagemap *pm, struct cc_store *store, struct cc_pagesrc **ret);
const struct cc_page_source *cc_pagesrc_ops(const struct cc_pagesrc *s);
void cc_pagesrc_free(struct cc_pagesrc *s);     /* NULL-tolerant */

#endif
