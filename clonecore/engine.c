/* The clone engine: publishes generations and turns cc_clone() tickets into running clones.
 *
 * Threading: a fixed pool of worker threads takes jobs (start a clone, retire a clone) from one
 * queue. The engine lock guards the lists and the clone states; driver ops, memtap start/stop and
 * user callbacks always run without it (they are slow, or may call back into the engine).
 * A clone handle is freed once it reached a final state (FAILED/RETIRED), its final event was
 * delivered and nobody holds a reference (cc_clone_stats). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <libgen.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cc_internal.h"
#include "ss_util.h"

#define MAX_TICKET_CLONES 64
#define MAX_STATE_BYTES (256u << 20)
#define READY_POLL_MS 10                /* driver ops have no readiness event: poll status */

struct cc_generation {
        struct cc_generation *next;
        struct cc_engine *engine;
        struct cc_descriptor *desc;
        struct cc_generation_info info;
        char state_path[PATH_MAX];      /* state blob extracted for clone() */
        char ws_path[PATH_MAX];         /* recorded working set */
        char memserver[256];            /* remote generation: where its pages live */
        bool remote, state_ready, recording;
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
        struct cc_memtap *mt;
        bool remote, recording;
        char memserver[256];
        char *mcast;
        char *driver_opts;
        struct cc_fetch_opts fetch;
        unsigned host_port;
        enum job job;                   /* queued job */
        bool busy;                      /* a worker runs a job on it */
        bool retire_wanted, fail_wanted, final;
        unsigned retire_timeout_ms;
        unsigned refs;
        uint64_t t0;
        struct cc_vm_status status;
};

struct cc_engine {
        struct cc_engine_config cfg;
        char *state_dir;
        uint8_t *secret;
        struct cc_store *store;
        pthread_mutex_t lock;
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

/* ---- helpers ---- */

static struct clone *clone_alloc(void)
{
        struct clone *c = calloc(1, sizeof(*c));
        if (c)
                pthread_mutex_init(&c->vm_lock, NULL);
        return c;
}

static void clone_free(struct clone *c)
{
        pthread_mutex_destroy(&c->vm_lock);
        free(c->mcast);
        free(c->driver_opts);
        free(c);
}

static struct clone *find_clone(struct cc_engine *e, const char *id)
{
        for (struct clone *c = e->clones; c; c = c->next)
                if (strcmp(c->id, id) == 0)
                        return c;
        return NULL;
}

static void unlink_clone(struct cc_engine *e, struct clone *c)
{
        for (struct clone **p = &e->clones; *p; p = &(*p)->next)
                if (*p == c) {
                        *p = c->next;
                        return;
                }
}

/* Called with the lock held; drops the clone when it is final and unreferenced. */
static void clone_put(struct cc_engine *e, struct clone *c)
{
        if (--c->refs == 0 && c->final) {
                unlink_clone(e, c);
                clone_free(c);
        }
}

static void enqueue(struct cc_engine *e, struct clone *c, enum job j)
{
        c->job = j;
        c->qnext = NULL;
        if (e->qtail)
                e->qtail->qnext = c;
        else
                e->qhead = c;
        e->qtail = c;
        c->refs++;
        pthread_cond_signal(&e->cond);
}

/* Set the state and deliver the event (lock NOT held by the caller). */
static void emit(struct cc_engine *e, struct clone *c, enum cc_clone_state st, const char *reason)
{
        struct cc_clone_event ev = {0};

        pthread_mutex_lock(&e->lock);
        c->state = st;
        if (reason)
                cc_fmt(c->reason, sizeof(c->reason), "%s", reason);
        pthread_mutex_unlock(&e->lock);
        ev.ticket = c->ticket;
        ev.index = c->index;
        ev.clone_id = c->id;
        ev.state = st;
        ev.reason = st == CC_CLONE_FAILED ? c->reason : NULL;
        ev.address = st == CC_CLONE_READY ? c->address : NULL;
        ev.elapsed_ns = ss_mono_ns() - c->t0;
        if (c->cb)
                c->cb(&ev, c->userdata);
}

static void memtap_failed(const char *reason, void *userdata);

/* ---- engine ---- */

static void *worker(void *arg);

int cc_engine_new(const struct cc_engine_config *cfg, struct cc_engine **ret, char *why, size_t why_len)
{
        struct cc_engine *e = NULL;
        char path[PATH_MAX];
        int r;

        if (!cfg->state_dir)
                return cc_why(why, why_len, -EINVAL, "no state directory given");
        e = calloc(1, sizeof(*e));
        if (!e)
                return -ENOMEM;
        e->cfg = *cfg;
        pthread_mutex_init(&e->lock, NULL);
        pthread_cond_init(&e->cond, NULL);
        pthread_cond_init(&e->changed, NULL);
        e->state_dir = strdup(cfg->state_dir);
        if (!e->state_dir) {
                r = -ENOMEM;
                goto fail;
        }
        e->cfg.state_dir = e->state_dir;
        if (cfg->secret_len) {
                e->secret = malloc(cfg->secret_len);
                if (!e->secret) {
                        r = -ENOMEM;
                        goto fail;
                }
                memcpy(e->secret, cfg->secret, cfg->secret_len);
        }
        e->cfg.secret = e->secret;
        if (!e->cfg.max_parallel)
                e->cfg.max_parallel = 8;
        if (e->cfg.max_parallel > 64)
                e->cfg.max_parallel = 64;
        if (e->cfg.driver && e->cfg.driver->max_parallel && e->cfg.max_parallel > e->cfg.driver->max_parallel)
                e->cfg.max_parallel = e->cfg.driver->max_parallel;
        if (!e->cfg.ready_timeout_ms)
                e->cfg.ready_timeout_ms = 60000;
        if (!e->cfg.fetch_timeout_ms)
                e->cfg.fetch_timeout_ms = 5000;
        e->next_ticket = 1;
        e->next_seq = 1;
        const char *sub[] = { "", "/gen", "/clones" };
        for (size_t i = 0; i < sizeof(sub) / sizeof(sub[0]); i++) {
                snprintf(path, sizeof(path), "%s%s", cfg->state_dir, sub[i]);
                r = ss_mkdir_p(path, 0700);
                if (r < 0) {
                        cc_why(why, why_len, r, "cannot create %s: %s", path, strerror(-r));
                        goto fail;
                }
        }
        snprintf(path, sizeof(path), "%s/store", cfg->state_dir);
        r = cc_store_open(path, &e->store);
        if (r < 0) {
                cc_why(why, why_len, r, "cannot open the page store %s: %s", path, strerror(-r));
                goto fail;
        }
        e->threads = calloc(e->cfg.max_parallel, sizeof(pthread_t));
        if (!e->threads) {
                r = -ENOMEM;
                goto fail;
        }
        if (cfg->driver) {
                for (unsigned i = 0; i < e->cfg.max_parallel; i++) {
                        r = -pthread_create(&e->threads[i], NULL, worker, e);
                        if (r < 0) {
                                cc_why(why, why_len, r, "cannot start engine threads");
                                goto fail;
                        }
                        e->nthreads++;
                }
        }
        *ret = e;
        return 0;
fail:
        cc_engine_free(e);
        return r;
}

const struct cc_driver_ops *cc_engine_driver(const struct cc_engine *e) { return e->cfg.driver; }

void cc_engine_free(struct cc_engine *e)
{
        if (!e)
                return;
        pthread_mutex_lock(&e->lock);
        e->stopping = true;
        pthread_cond_broadcast(&e->cond);
        pthread_cond_broadcast(&e->changed);
        pthread_mutex_unlock(&e->lock);
        for (unsigned i = 0; i < e->nthreads; i++)
                pthread_join(e->threads[i], NULL);
        /* Jobs still queued never ran: drop their references. VMs of live clones keep running
         * (a restarted engine adopts them); memtaps cannot outlive the process. */
        while (e->qhead) {
                struct clone *c = e->qhead;
                e->qhead = c->qnext;
                c->refs--;
        }
        while (e->clones) {
                struct clone *c = e->clones;
                e->clones = c->next;
                cc_memtap_stop(c->mt);
                if (c->vm && e->cfg.driver)
                        e->cfg.driver->destroy(c->vm);
                clone_free(c);
        }
        while (e->gens) {
                struct cc_generation *g = e->gens;
                e->gens = g->next;
                cc_descriptor_free(g->desc);
                free(g);
        }
        cc_store_close(e->store);
        free(e->threads);
        free(e->secret);
        free(e->state_dir);
        pthread_cond_destroy(&e->cond);
        pthread_cond_destroy(&e->changed);
        pthread_mutex_destroy(&e->lock);
        free(e);
}

/* ---- generations ---- */

static struct cc_generation *find_gen(struct cc_engine *e, uint64_t id)
{
        for (struct cc_generation *g = e->gens; g; g = g->next)
                if (g->info.id == id)
                        return g;
        return NULL;
}

static uint64_t next_gen_id(struct cc_engine *e)
{
        char path[PATH_MAX];
        uint64_t max = 0;
        DIR *d;

        for (struct cc_generation *g = e->gens; g; g = g->next)
                if (g->info.id > max)
                        max = g->info.id;
        snprintf(path, sizeof(path), "%s/gen", e->state_dir);
        d = opendir(path);
        if (d) {
                struct dirent *de;
                while ((de = readdir(d))) {
                        char *end;
                        uint64_t v = strtoull(de->d_name, &end, 10);
                        if (*end == 0 && v > max)
                                max = v;
                }
                closedir(d);
        }
        return max + 1;
}

static void fill_info(struct cc_generation *g, const char *dir, const char *desc_path)
{
        const struct cc_desc_info *i = cc_descriptor_info(g->desc);
        g->info.id = i->generation;
        g->info.parent = i->parent_generation;
        snprintf(g->info.dir, sizeof(g->info.dir), "%s", dir);
        snprintf(g->info.descriptor_path, sizeof(g->info.descriptor_path), "%s", desc_path);
        snprintf(g->info.mem_path, sizeof(g->info.mem_path), "%s/%s", dir, cc_descriptor_mem_file(g->desc));
        g->info.descriptor_bytes = i->file_bytes;
        g->info.mem_bytes = i->mem_bytes;
        g->info.page_size = i->page_size;
        g->info.pages = i->pages;
        g->info.zero_pages = i->zero_pages;
        g->info.free_pages = i->free_pages;
        g->info.distinct_pages = i->distinct_pages;
        g->info.pause_ns = i->pause_ns;
        g->info.created_us = i->created_us;
        snprintf(g->state_path, sizeof(g->state_path), "%s/clone-state.bin", dir);
        snprintf(g->ws_path, sizeof(g->ws_path), "%s/ws.bin", dir);
}

/* Generation-local dedup: hash -> page map index (open addressing). */
struct dedup {
        uint64_t *key;
        uint32_t *val;                  /* index + 1; 0 = empty */
        uint64_t cap, n;
};

static int dedup_find_or_add(struct dedup *d, uint64_t h, uint32_t idx, uint32_t *ret, bool *added)
{
        if ((d->n + 1) * 2 > d->cap) {
                uint64_t ncap = d->cap ? d->cap * 2 : 65536;
                uint64_t *k = calloc(ncap, sizeof(*k));
                uint32_t *v = calloc(ncap, sizeof(*v));
                if (!k || !v) {
                        free(k);
                        free(v);
                        return -ENOMEM;
                }
                for (uint64_t i = 0; i < d->cap; i++) {
                        if (!d->val[i])
                                continue;
                        uint64_t j = (d->key[i] * 0x9e3779b97f4a7c15ULL) & (ncap - 1);
                        while (v[j])
                                j = (j + 1) & (ncap - 1);
                        k[j] = d->key[i];
                        v[j] = d->val[i];
                }
                free(d->key);
                free(d->val);
                d->key = k;
                d->val = v;
                d->cap = ncap;
        }
        uint64_t j = (h * 0x9e3779b97f4a7c15ULL) & (d->cap - 1);
        while (d->val[j] && d->key[j] != h)
                j = (j + 1) & (d->cap - 1);
        if (d->val[j]) {
                *ret = d->val[j] - 1;
                *added = false;
                return 0;
        }
        d->key[j] = h;
        d->val[j] = idx + 1;
        d->n++;
        *ret = idx;
        *added = true;
        return 0;
}

static int read_small_file(const char *path, size_t max, uint8_t **ret, size_t *ret_len)
{
        char *buf;
        size_t len;
        int r = ss_read_file(path, max, &buf, &len);
        if (r < 0)
                return r;
        *ret = (uint8_t *)buf;
        *ret_len = len;
        return 0;
}

int cc_generation_publish(struct cc_engine *e, const char *gen_dir, const struct cc_checkpoint *cp,
                          const struct cc_publish_opts *opts, struct cc_generation **ret,
                          char *why, size_t why_len)
{
        static const struct cc_publish_opts none = {0};
        struct cc_pagemap pm = {0};
        struct dedup dd = {0};
        struct cc_generation *g = NULL;
        uint8_t *state = NULL, *desc = NULL, *chunk = NULL;
        size_t state_len = 0, desc_len = 0;
        char desc_path[PATH_MAX], dir_copy[PATH_MAX], mem_copy[PATH_MAX];
        uint64_t t0 = ss_mono_ns(), store_before;
        int fd = -1, r;
        struct stat st;

        if (!opts)
                opts = &none;
        const char *driver = opts->driver_name ? opts->driver_name :
                             e->cfg.driver ? e->cfg.driver->name : NULL;
        if (!driver)
                return cc_why(why, why_len, -EINVAL, "publish: no driver name");
        if (cp->page_size != 4096 || cp->mem_bytes == 0 || cp->mem_bytes % 4096)
                return cc_why(why, why_len, -EINVAL, "publish: memory of %" PRIu64 " bytes in %u-byte pages "
                              "is not supported (4096-byte pages)", cp->mem_bytes, cp->page_size);
        /* The descriptor names the memory image relative to itself: it must be in gen_dir. */
        snprintf(dir_copy, sizeof(dir_copy), "%s", cp->mem_path);
        snprintf(mem_copy, sizeof(mem_copy), "%s", cp->mem_path);
        char *mdir = dirname(dir_copy), *mfile = basename(mem_copy);
        char real_a[PATH_MAX], real_b[PATH_MAX];
        if (!realpath(mdir, real_a) || !realpath(gen_dir, real_b) || strcmp(real_a, real_b) != 0)
                return cc_why(why, why_len, -EINVAL, "publish: memory image %s is not in %s",
                              cp->mem_path, gen_dir);
        uint64_t id = opts->id;
        pthread_mutex_lock(&e->lock);
        if (!id)
                id = next_gen_id(e);
        bool taken = find_gen(e, id) != NULL;
        pthread_mutex_unlock(&e->lock);
        if (taken)
                return cc_why(why, why_len, -EEXIST, "generation %" PRIu64 " exists already", id);

        r = read_small_file(cp->state_path, MAX_STATE_BYTES, &state, &state_len);
        if (r < 0) {
                cc_why(why, why_len, r, "publish: cannot read state blob %s: %s", cp->state_path, strerror(-r));
                goto out;
        }
        fd = open(cp->mem_path, O_RDONLY | O_CLOEXEC);
        if (fd < 0 || fstat(fd, &st) < 0) {
                r = cc_why(why, why_len, -errno, "publish: cannot open memory image %s: %s",
                           cp->mem_path, strerror(errno));
                goto out;
        }
        if ((uint64_t)st.st_size < cp->mem_bytes) {
                r = cc_why(why, why_len, -EINVAL, "publish: memory image %s has %lld of %" PRIu64 " bytes",
                           cp->mem_path, (long long)st.st_size, cp->mem_bytes);
                goto out;
        }
        r = cc_pagemap_init(&pm, cp->mem_bytes / 4096, 4096);
        if (r < 0) {
                cc_why(why, why_len, r, "publish: memory of %" PRIu64 " bytes is too large", cp->mem_bytes);
                goto out;
        }
        const size_t CH = 1u << 20;
        uint64_t new_hash[(1u << 20) / 4096];
        const void *new_page[(1u << 20) / 4096];
        size_t nnew = 0;
        chunk = malloc(CH);
        if (!chunk) {
                r = -ENOMEM;
                goto out;
        }
        store_before = cc_store_pages(e->store);
        for (uint64_t off = 0; off < cp->mem_bytes; off += CH) {
                size_t want = cp->mem_bytes - off < CH ? (size_t)(cp->mem_bytes - off) : CH;
                for (size_t got = 0; got < want;) {
                        ssize_t n = pread(fd, chunk + got, want - got, (off_t)(off + got));
                        if (n < 0 && errno == EINTR)
                                continue;
                        if (n <= 0) {
                                r = cc_why(why, why_len, n < 0 ? -errno : -EIO,
                                           "publish: reading %s failed", cp->mem_path);
                                goto out;
                        }
                        got += (size_t)n;
                }
                for (size_t p = 0; p < want; p += 4096) {
                        uint64_t page = (off + p) / 4096;
                        if (cc_page_is_zero(chunk + p, 4096))
                                continue;       /* entries start as CC_PM_ZERO */
                        uint64_t h = cc_page_hash(chunk + p, 4096);
                        uint32_t idx;
                        bool added;
                        r = dedup_find_or_add(&dd, h, (uint32_t)pm.distinct, &idx, &added);
                        if (r == 0 && added) {
                                uint32_t got_idx;
                                r = cc_pagemap_add_hash(&pm, h, &got_idx);
                                new_hash[nnew] = h;
                                new_page[nnew++] = chunk + p;
                        }
                        if (r < 0) {
                                cc_why(why, why_len, r, "publish: page %" PRIu64 ": %s", page, strerror(-r));
                                goto out;
                        }
                        pm.entry[page] = CC_PM_DATA + idx;
                }
                /* this chunk's new pages go to the store in one batch */
                r = cc_store_put_many(e->store, new_hash, new_page, nnew);
                if (r < 0) {
                        cc_why(why, why_len, r, "publish: storing pages at %" PRIu64 " MiB: %s", off >> 20,
                               r == -EEXIST ? "content hash collision in the page store" : strerror(-r));
                        goto out;
                }
                nnew = 0;
                if (opts->progress && ((off + want) % (64u << 20) == 0 || off + want == cp->mem_bytes))
                        opts->progress(off + want, cp->mem_bytes, opts->userdata);
        }
        cc_pagemap_count(&pm);

        struct cc_desc_spec spec = {
                .generation = id, .parent_generation = opts->parent, .created_us = ss_wall_us(),
                .pause_ns = cp->pause_ns, .mem_bytes = cp->mem_bytes, .driver = driver,
                .vm_config_json = cp->vm_config_json, .mem_file = mfile,
                .hostname_prefix = opts->hostname_prefix, .state = state, .state_len = state_len,
                .pm = &pm,
        };
        r = cc_descriptor_build(&spec, &desc, &desc_len);
        if (r < 0) {
                cc_why(why, why_len, r, "publish: cannot build the descriptor: %s", strerror(-r));
                goto out;
        }
        snprintf(desc_path, sizeof(desc_path), "%s/descriptor.sfd", gen_dir);
        r = ss_write_file_atomic(desc_path, desc, desc_len, 0600);
        if (r < 0) {
                cc_why(why, why_len, r, "publish: cannot write %s: %s", desc_path, strerror(-r));
                goto out;
        }
        g = calloc(1, sizeof(*g));
        if (!g) {
                r = -ENOMEM;
                goto out;
        }
        /* Parse what was written: the generation is exactly what a clone host will read. */
        r = cc_descriptor_parse(desc, desc_len, &g->desc, why, why_len);
        if (r < 0)
                goto out;
        fill_info(g, gen_dir, desc_path);
        g->engine = e;
        g->info.new_store_pages = cc_store_pages(e->store) - store_before;
        g->info.publish_ns = ss_mono_ns() - t0;
        pthread_mutex_lock(&e->lock);
        if (find_gen(e, id)) {
                pthread_mutex_unlock(&e->lock);
                r = cc_why(why, why_len, -EEXIST, "generation %" PRIu64 " was published concurrently", id);
                goto out;
        }
        g->next = e->gens;
        e->gens = g;
        pthread_mutex_unlock(&e->lock);
        *ret = g;
        g = NULL;
        r = 0;
out:
        if (g) {
                cc_descriptor_free(g->desc);
                free(g);
        }
        if (fd >= 0)
                close(fd);
        free(dd.key);
        free(dd.val);
        free(chunk);
        free(state);
        free(desc);
        cc_pagemap_dispose(&pm);
        return r;
}

int cc_generation_cut(struct cc_engine *e, struct cc_vm *parent, const struct cc_publish_opts *opts,
                      struct cc_generation **ret, char *why, size_t why_len)
{
        struct cc_publish_opts o = opts ? *opts : (struct cc_publish_opts){0};
        struct cc_checkpoint *cp = NULL;
        char dir[PATH_MAX];
        int r;

        if (!e->cfg.driver)
                return cc_why(why, why_len, -ENODEV, "no driver configured");
        pthread_mutex_lock(&e->lock);
        if (!o.id)
                o.id = next_gen_id(e);
        pthread_mutex_unlock(&e->lock);
        snprintf(dir, sizeof(dir), "%s/gen/%" PRIu64, e->state_dir, o.id);
        if (mkdir(dir, 0700) < 0) {
                char desc[PATH_MAX + 32];
                int err = errno;
                snprintf(desc, sizeof(desc), "%s/descriptor.sfd", dir);
                /* a directory left by a cut that failed half-way is reused; a published one not */
                if (err != EEXIST || access(desc, F_OK) == 0)
                        return cc_why(why, why_len, err == EEXIST ? -EEXIST : -err, "cannot create %s: %s", dir,
                                      err == EEXIST ? "generation exists already" : strerror(err));
        }
        cp = calloc(1, sizeof(*cp));
        if (!cp)
                return -ENOMEM;
        r = e->cfg.driver->checkpoint(parent, dir, cp, why, why_len);
        if (r == 0)
                r = cc_generation_publish(e, dir, cp, &o, ret, why, why_len);
        free(cp);
        return r;
}

static int load_gen(struct cc_engine *e, uint64_t id, const char *memserver, struct cc_generation **ret,
                    char *why, size_t why_len)
{
        struct cc_generation *g = calloc(1, sizeof(*g));
        char dir[PATH_MAX], path[PATH_MAX + 32];
        int r;

        if (!g)
                return -ENOMEM;
        snprintf(dir, sizeof(dir), "%s/gen/%" PRIu64, e->state_dir, id);
        snprintf(path, sizeof(path), "%s/descriptor.sfd", dir);
        r = cc_descriptor_read(path, &g->desc, why, why_len);
        if (r == 0 && cc_descriptor_info(g->desc)->generation != id)
                r = cc_why(why, why_len, -EBADMSG, "%s describes generation %" PRIu64 ", not %" PRIu64,
                           path, cc_descriptor_info(g->desc)->generation, id);
        if (r < 0) {
                cc_descriptor_free(g->desc);
                free(g);
                return r;
        }
        fill_info(g, dir, path);
        g->engine = e;
        if (memserver) {
                g->remote = true;
                snprintf(g->memserver, sizeof(g->memserver), "%s", memserver);
        } else {
                /* A generation fetched from another host leaves a note of where its pages live. */
                char note[PATH_MAX + 32], *buf = NULL;
                size_t len;
                snprintf(note, sizeof(note), "%s/memserver", dir);
                if (ss_read_file(note, 255, &buf, &len) == 0) {
                        g->remote = true;
                        snprintf(g->memserver, sizeof(g->memserver), "%s", buf);
                        free(buf);
                }
        }
        pthread_mutex_lock(&e->lock);
        struct cc_generation *old = find_gen(e, id);
        if (old) {
                pthread_mutex_unlock(&e->lock);
                cc_descriptor_free(g->desc);
                free(g);
                *ret = old;
                return 0;
        }
        g->next = e->gens;
        e->gens = g;
        pthread_mutex_unlock(&e->lock);
        *ret = g;
        return 0;
}

int cc_generation_get(struct cc_engine *e, uint64_t id, struct cc_generation **ret, char *why, size_t why_len)
{
        pthread_mutex_lock(&e->lock);
        struct cc_generation *g = find_gen(e, id);
        pthread_mutex_unlock(&e->lock);
        if (g) {
                *ret = g;
                return 0;
        }
        return load_gen(e, id, NULL, ret, why, why_len);
}

int cc_generation_fetch(struct cc_engine *e, const char *memserver, uint64_t id,
                        struct cc_generation **ret, char *why, size_t why_len)
{
        struct cc_client *cl = NULL;
        struct cc_descriptor *d = NULL;
        uint8_t *buf = NULL;
        size_t len = 0;
        char dir[PATH_MAX], path[PATH_MAX + 32];
        int r;

        pthread_mutex_lock(&e->lock);
        struct cc_generation *g = find_gen(e, id);
        pthread_mutex_unlock(&e->lock);
        if (g) {
                *ret = g;
                return 0;
        }
        r = cc_client_connect(memserver, e->secret, e->cfg.secret_len, e->cfg.fetch_timeout_ms, &cl,
                              why, why_len);
        if (r < 0)
                goto out;
        r = cc_client_get_descriptor(cl, id, &buf, &len, why, why_len);
        if (r < 0)
                goto out;
        r = cc_descriptor_parse(buf, len, &d, why, why_len);
        if (r < 0)
                goto out;
        snprintf(dir, sizeof(dir), "%s/gen/%" PRIu64, e->state_dir, id);
        r = ss_mkdir_p(dir, 0700);
        if (r == 0) {
                snprintf(path, sizeof(path), "%s/memserver", dir);
                r = ss_write_file_atomic(path, memserver, strlen(memserver), 0600);
        }
        if (r == 0) {
                snprintf(path, sizeof(path), "%s/descriptor.sfd", dir);
                r = ss_write_file_atomic(path, buf, len, 0600);
        }
        if (r < 0) {
                cc_why(why, why_len, r, "cannot store the descriptor in %s: %s", dir, strerror(-r));
                goto out;
        }
        r = load_gen(e, id, memserver, ret, why, why_len);
out:
        cc_descriptor_free(d);
        free(buf);
        cc_client_close(cl);
        return r;
}

int cc_generation_info(const struct cc_generation *g, struct cc_generation_info *ret)
{
        pthread_mutex_lock(&g->engine->lock);   /* clones changes under it */
        *ret = g->info;
        pthread_mutex_unlock(&g->engine->lock);
        return 0;
}

const struct cc_descriptor *cc_generation_descriptor(const struct cc_generation *g) { return g->desc; }

static int rm_tree(const char *path)
{
        struct stat st;
        if (lstat(path, &st) < 0)
                return -errno;
        if (S_ISDIR(st.st_mode)) {
                DIR *d = opendir(path);
                struct dirent *de;
                if (!d)
                        return -errno;
                while ((de = readdir(d))) {
                        char sub[PATH_MAX];
                        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
                                continue;
                        snprintf(sub, sizeof(sub), "%s/%s", path, de->d_name);
                        rm_tree(sub);
                }
                closedir(d);
                return rmdir(path) < 0 ? -errno : 0;
        }
        return unlink(path) < 0 ? -errno : 0;
}

int cc_generation_drop(struct cc_engine *e, uint64_t id)
{
        struct cc_generation *g;
        pthread_mutex_lock(&e->lock);
        g = find_gen(e, id);
        if (g && g->info.clones) {
                pthread_mutex_unlock(&e->lock);
                return -EBUSY;
        }
        if (g)
                for (struct cc_generation **p = &e->gens; *p; p = &(*p)->next)
                        if (*p == g) {
                                *p = g->next;
                                break;
                        }
        pthread_mutex_unlock(&e->lock);
        char dir[PATH_MAX];
        snprintf(dir, sizeof(dir), "%s/gen/%" PRIu64, e->state_dir, id);
        int r = rm_tree(dir);
        if (g) {
                cc_descriptor_free(g->desc);
                free(g);
        }
        return r == -ENOENT && g ? 0 : r;
}

/* ---- clones ---- */

static bool valid_id(const char *id)
{
        size_t n = strlen(id);
        if (n == 0 || n >= 64 || id[0] == '.')
                return false;
        for (size_t i = 0; i < n; i++)
                if (!(id[i] == '-' || id[i] == '_' || id[i] == '.' ||
                      (id[i] >= '0' && id[i] <= '9') || (id[i] >= 'a' && id[i] <= 'z') ||
                      (id[i] >= 'A' && id[i] <= 'Z')))
                        return false;
        return true;
}

int cc_clone(struct cc_engine *e, struct cc_generation *g, const struct cc_clone_opts *opts,
             uint64_t *ret_ticket)
{
        struct clone *made[MAX_TICKET_CLONES] = {0};
        int r = 0;

        if (!e->cfg.driver)
                return -ENODEV;
        if (!g || !opts || opts->n == 0 || opts->n > MAX_TICKET_CLONES)
                return -EINVAL;
        if ((opts->memserver || g->remote) && !e->cfg.secret_len)
                return -ENOKEY;
        pthread_mutex_lock(&e->lock);
        if (e->stopping) {
                r = -ESHUTDOWN;
                goto out;
        }
        uint64_t ticket = e->next_ticket++;
        for (unsigned i = 0; i < opts->n; i++) {
                struct clone *c = clone_alloc();
                if (!c) {
                        r = -ENOMEM;
                        goto undo;
                }
                made[i] = c;
                if (opts->ids)
                        snprintf(c->id, sizeof(c->id), "%s", opts->ids[i] ? opts->ids[i] : "");
                else
                        snprintf(c->id, sizeof(c->id), "c%" PRIu64, e->next_seq++);
                if (!valid_id(c->id)) {
                        r = -EINVAL;
                        goto undo;
                }
                bool dup = find_clone(e, c->id) != NULL;
                for (unsigned k = 0; k < i; k++)
                        dup = dup || strcmp(made[k]->id, c->id) == 0;
                if (dup) {
                        r = -EEXIST;
                        goto undo;
                }
                c->engine = e;
                c->ticket = ticket;
                c->index = i;
                c->g = g;
                c->cb = opts->cb;
                c->userdata = opts->userdata;
                c->fetch = opts->fetch;
                c->host_port = opts->host_ports ? opts->host_ports[i] : 0;
                c->remote = opts->memserver || g->remote;
                snprintf(c->memserver, sizeof(c->memserver), "%s",
                         opts->memserver ? opts->memserver : g->memserver);
                if ((opts->driver_opts && !(c->driver_opts = strdup(opts->driver_opts))) ||
                    (opts->mcast && !(c->mcast = strdup(opts->mcast)))) {
                        r = -ENOMEM;
                        goto undo;
                }
                c->state = CC_CLONE_CLONING;
                c->t0 = ss_mono_ns();
        }
        for (unsigned i = 0; i < opts->n; i++) {
                made[i]->next = e->clones;
                e->clones = made[i];
                g->info.clones++;
                enqueue(e, made[i], JOB_START);
        }
        *ret_ticket = ticket;
        goto out;
undo:
        for (unsigned i = 0; i < opts->n; i++)
                if (made[i])
                        clone_free(made[i]);
out:
        pthread_mutex_unlock(&e->lock);
        return r;
}

static int prepare_state(struct cc_engine *e, struct cc_generation *g, char *why, size_t why_len)
{
        int r = 0;
        /* One extraction per generation; concurrent starters wait on the lock for it. */
        pthread_mutex_lock(&e->lock);
        if (!g->state_ready) {
                r = cc_descriptor_extract_state(g->desc, g->state_path);
                if (r == 0)
                        g->state_ready = true;
                else
                        cc_why(why, why_len, r, "cannot write %s: %s", g->state_path, strerror(-r));
        }
        pthread_mutex_unlock(&e->lock);
        return r;
}

static void do_start(struct cc_engine *e, struct clone *c)
{
        const struct cc_driver_ops *drv = e->cfg.driver;
        struct cc_generation *g = c->g;
        char why[CC_REASON_MAX] = "", run_dir[PATH_MAX], mnt[PATH_MAX + 8];
        struct cc_clone_spec spec = {0};
        const char *mem_path = g->info.mem_path;
        struct cc_vm *vm = NULL;
        int r;

        snprintf(run_dir, sizeof(run_dir), "%s/clones/%s", e->state_dir, c->id);
        r = ss_mkdir_p(run_dir, 0700);
        if (r < 0) {
                cc_fmt(why, sizeof(why), "cannot create %s: %s", run_dir, strerror(-r));
                goto fail;
        }
        r = prepare_state(e, g, why, sizeof(why));
        if (r < 0)
                goto fail;
        r = cc_descriptor_identity(g->desc, c->index, NULL, &spec.id);
        if (r < 0) {
                cc_fmt(why, sizeof(why), "cannot make an identity: %s", strerror(-r));
                goto fail;
        }
        snprintf(spec.id.clone_id, sizeof(spec.id.clone_id), "%s", c->id);
        cc_fmt(spec.id.hostname, sizeof(spec.id.hostname), "worker-%s", c->id);
        if (c->remote) {
                struct cc_memtap_opts mo = {0};
                bool record = false, replay = false;
                bool autows = !c->fetch.ws_off && !c->fetch.record_ws && !c->fetch.replay_ws;
                pthread_mutex_lock(&e->lock);
                if ((c->fetch.replay_ws || autows) && access(g->ws_path, R_OK) == 0)
                        replay = true;
                else if ((c->fetch.record_ws || autows) && !g->recording && access(g->ws_path, R_OK) != 0)
                        record = g->recording = c->recording = true;
                pthread_mutex_unlock(&e->lock);
                snprintf(mnt, sizeof(mnt), "%s/mt", run_dir);
                if (mkdir(mnt, 0700) < 0 && errno != EEXIST) {
                        r = -errno;
                        cc_fmt(why, sizeof(why), "cannot create %s: %s", mnt, strerror(errno));
                        goto fail;
                }
                mo.mountpoint = mnt;
                mo.desc = g->desc;
                mo.store = e->store;
                mo.memserver = c->memserver;
                mo.secret = e->secret;
                mo.secret_len = e->cfg.secret_len;
                mo.timeout_ms = e->cfg.fetch_timeout_ms;
                mo.fetch = c->fetch;
                mo.fetch.record_ws = record;
                mo.fetch.replay_ws = replay;
                mo.ws_path = (record || replay) ? g->ws_path : NULL;
                mo.on_fail = memtap_failed;
                mo.mcast = c->mcast;
                mo.userdata = c;
                r = cc_memtap_start(&mo, &c->mt, why, sizeof(why));
                if (r < 0)
                        goto fail;
                mem_path = cc_memtap_path(c->mt);
        } else if (access(mem_path, R_OK) != 0) {
                /* QEMU would silently create a missing mem-path as a zero file. */
                r = -errno;
                cc_fmt(why, sizeof(why), "generation memory %s is missing: %s", mem_path, strerror(errno));
                goto fail;
        }
        spec.state_path = g->state_path;
        spec.mem_path = mem_path;
        spec.mem_is_lazy = c->remote;
        spec.vm_config_json = cc_descriptor_vm_config(g->desc);
        spec.run_dir = run_dir;
        spec.host_port = c->host_port;
        spec.driver_opts = c->driver_opts;
        r = drv->clone(&spec, &vm, why, sizeof(why));
        if (r < 0) {
                if (!why[0])
                        cc_fmt(why, sizeof(why), "driver %s: clone failed: %s", drv->name, strerror(-r));
                goto fail;
        }
        pthread_mutex_lock(&e->lock);
        c->vm = vm;
        pthread_mutex_unlock(&e->lock);
        emit(e, c, CC_CLONE_RESUMING, NULL);

        uint64_t deadline = ss_mono_ns() + (uint64_t)e->cfg.ready_timeout_ms * 1000000ull;
        for (;;) {
                struct cc_vm_status st = {0};
                pthread_mutex_lock(&c->vm_lock);
                r = drv->status(vm, &st);
                pthread_mutex_unlock(&c->vm_lock);
                pthread_mutex_lock(&e->lock);
                if (r == 0)
                        c->status = st;
                bool stop = c->retire_wanted || c->fail_wanted || e->stopping;
                pthread_mutex_unlock(&e->lock);
                if (r == 0 && st.state == CC_VM_EXITED) {
                        cc_fmt(why, sizeof(why), "VM exited while resuming: %s",
                                 st.reason[0] ? st.reason : "no reason given");
                        r = -ECHILD;
                        goto fail;
                }
                if (r == 0 && st.state == CC_VM_RUNNING) {
                        pthread_mutex_lock(&e->lock);
                        snprintf(c->address, sizeof(c->address), "%s", st.address);
                        pthread_mutex_unlock(&e->lock);
                        emit(e, c, CC_CLONE_READY, NULL);
                        return;
                }
                if (stop)
                        return;         /* the retire/fail job that follows cleans up */
                if (ss_mono_ns() > deadline) {
                        cc_fmt(why, sizeof(why), "guest not ready within %u ms", e->cfg.ready_timeout_ms);
                        r = -ETIMEDOUT;
                        goto fail;
                }
                struct timespec ts;
                clock_gettime(CLOCK_REALTIME, &ts);
                ts.tv_nsec += READY_POLL_MS * 1000000L;
                if (ts.tv_nsec >= 1000000000L) {
                        ts.tv_sec++;
                        ts.tv_nsec -= 1000000000L;
                }
                pthread_mutex_lock(&e->lock);
                if (!c->retire_wanted && !c->fail_wanted && !e->stopping)
                        pthread_cond_timedwait(&e->changed, &e->lock, &ts);
                pthread_mutex_unlock(&e->lock);
        }
fail:
        pthread_mutex_lock(&e->lock);
        if (!c->fail_wanted) {
                c->fail_wanted = true;
                cc_fmt(c->reason, sizeof(c->reason), "%s", why[0] ? why : strerror(-r));
        }
        pthread_mutex_unlock(&e->lock);
}

/* Tear a clone down: VM, memtap, working-set bookkeeping. Then the final event. */
static void do_stop(struct cc_engine *e, struct clone *c)
{
        const struct cc_driver_ops *drv = e->cfg.driver;
        char reason[CC_REASON_MAX];
        bool failed;

        pthread_mutex_lock(&c->vm_lock);
        pthread_mutex_lock(&e->lock);
        struct cc_vm *vm = c->vm;
        struct cc_memtap *mt = c->mt;
        c->vm = NULL;
        c->mt = NULL;
        failed = c->fail_wanted;
        snprintf(reason, sizeof(reason), "%s", c->reason);
        unsigned timeout = c->retire_timeout_ms ? c->retire_timeout_ms : 10000;
        pthread_mutex_unlock(&e->lock);
        if (vm) {
                drv->retire(vm, failed ? 0 : timeout);
                drv->destroy(vm);
        }
        pthread_mutex_unlock(&c->vm_lock);
        cc_memtap_stop(mt);             /* writes the recorded working set, if recording */
        pthread_mutex_lock(&e->lock);
        if (c->recording)
                c->g->recording = false;
        if (c->g->info.clones)
                c->g->info.clones--;    /* before the final event: the generation may go now */
        c->final = true;
        pthread_mutex_unlock(&e->lock);
        emit(e, c, failed ? CC_CLONE_FAILED : CC_CLONE_RETIRED, failed ? reason : NULL);
}

static void *worker(void *arg)
{
        struct cc_engine *e = arg;

        pthread_mutex_lock(&e->lock);
        for (;;) {
                while (!e->qhead && !e->stopping)
                        pthread_cond_wait(&e->cond, &e->lock);
                if (e->stopping)
                        break;
                struct clone *c = e->qhead;
                e->qhead = c->qnext;
                if (!e->qhead)
                        e->qtail = NULL;
                enum job j = c->job;
                c->job = JOB_NONE;
                if (c->busy || c->final) {
                        /* another worker is on it (it rechecks the flags when done) */
                        clone_put(e, c);
                        continue;
                }
                c->busy = true;
                bool skip = c->retire_wanted || c->fail_wanted;
                pthread_mutex_unlock(&e->lock);
                if (j == JOB_START && !skip)
                        do_start(e, c);
                pthread_mutex_lock(&e->lock);
                /* Flags are checked and busy cleared under one lock hold: a retire/fail that
                 * comes later finds the clone idle and queues its own job. */
                while (!c->final && (c->retire_wanted || c->fail_wanted)) {
                        pthread_mutex_unlock(&e->lock);
                        do_stop(e, c);
                        pthread_mutex_lock(&e->lock);
                }
                c->busy = false;
                clone_put(e, c);
        }
        pthread_mutex_unlock(&e->lock);
        return NULL;
}

/* On a memtap thread. The clone stays valid: do_stop stops its memtap (joining this thread)
 * before the clone can become final. */
static void memtap_failed(const char *reason, void *userdata)
{
        struct clone *c = userdata;
        struct cc_engine *e = c->engine;

        pthread_mutex_lock(&e->lock);
        if (!c->final && !c->fail_wanted) {
                c->fail_wanted = true;
                cc_fmt(c->reason, sizeof(c->reason), "memory fetch failed: %s", reason);
                pthread_cond_broadcast(&e->changed);
                if (!c->busy && c->job == JOB_NONE)
                        enqueue(e, c, JOB_RETIRE);
        }
        pthread_mutex_unlock(&e->lock);
}

int cc_retire(struct cc_engine *e, const char *clone_id, unsigned timeout_ms)
{
        int r = 0;
        pthread_mutex_lock(&e->lock);
        struct clone *c = find_clone(e, clone_id);
        if (!c || c->final || c->retire_wanted || c->fail_wanted) {
                r = -ENOENT;
                goto out;
        }
        c->retire_wanted = true;
        c->retire_timeout_ms = timeout_ms;
        pthread_cond_broadcast(&e->changed);
        if (!c->busy && c->job == JOB_NONE)
                enqueue(e, c, JOB_RETIRE);
out:
        pthread_mutex_unlock(&e->lock);
        return r;
}

int cc_adopt(struct cc_engine *e, const char *clone_id, uint64_t generation, cc_clone_cb cb,
             void *userdata, char *why, size_t why_len)
{
        struct cc_generation *g = NULL;
        struct cc_vm *vm = NULL;
        struct cc_vm_status st = {0};
        char run_dir[PATH_MAX], mnt[PATH_MAX + 8];
        int r;

        if (!e->cfg.driver)
                return cc_why(why, why_len, -ENODEV, "no driver configured");
        if (!valid_id(clone_id))
                return cc_why(why, why_len, -EINVAL, "bad clone id");
        r = cc_generation_get(e, generation, &g, why, why_len);
        if (r < 0)
                return r;
        snprintf(run_dir, sizeof(run_dir), "%s/clones/%s", e->state_dir, clone_id);
        snprintf(mnt, sizeof(mnt), "%s/mt", run_dir);
        if (g->remote || access(mnt, F_OK) == 0)
                return cc_why(why, why_len, -ESTALE,
                              "clone %s fetched memory through this engine's memtap, which ended with it",
                              clone_id);
        r = e->cfg.driver->adopt(run_dir, &vm, why, why_len);
        if (r < 0)
                return r;
        r = e->cfg.driver->status(vm, &st);
        if (r < 0 || st.state == CC_VM_EXITED) {
                e->cfg.driver->destroy(vm);
                return cc_why(why, why_len, r < 0 ? r : -ECHILD, "clone %s is not running: %s", clone_id,
                              st.reason[0] ? st.reason : "status unavailable");
        }
        struct clone *c = clone_alloc();
        if (!c) {
                e->cfg.driver->destroy(vm);
                return -ENOMEM;
        }
        snprintf(c->id, sizeof(c->id), "%s", clone_id);
        c->engine = e;
        c->g = g;
        c->cb = cb;
        c->userdata = userdata;
        c->vm = vm;
        c->status = st;
        c->state = CC_CLONE_READY;
        c->t0 = ss_mono_ns();
        snprintf(c->address, sizeof(c->address), "%s", st.address);
        pthread_mutex_lock(&e->lock);
        if (find_clone(e, clone_id)) {
                pthread_mutex_unlock(&e->lock);
                e->cfg.driver->destroy(vm);
                clone_free(c);
                return cc_why(why, why_len, -EEXIST, "clone %s is known already", clone_id);
        }
        c->ticket = e->next_ticket++;
        c->next = e->clones;
        e->clones = c;
        g->info.clones++;
        pthread_mutex_unlock(&e->lock);
        return 0;
}

int cc_clone_stats(struct cc_engine *e, const char *clone_id, struct cc_clone_stats *ret)
{
        struct cc_clone_stats s = {0};
        struct cc_vm_status st = {0};
        int r = -ENOENT;

        pthread_mutex_lock(&e->lock);
        struct clone *c = find_clone(e, clone_id);
        if (!c || c->final) {
                pthread_mutex_unlock(&e->lock);
                return -ENOENT;
        }
        c->refs++;
        pthread_mutex_unlock(&e->lock);
        /* A fresh driver status (the VM may have exited since it became ready); vm_lock keeps
         * do_stop from destroying the VM under the call. */
        pthread_mutex_lock(&c->vm_lock);
        if (c->vm)
                r = e->cfg.driver->status(c->vm, &st);
        pthread_mutex_unlock(&c->vm_lock);
        pthread_mutex_lock(&e->lock);
        if (r == 0)
                c->status = st;
        s.state = c->state;
        s.generation = c->g->info.id;
        s.remote = c->remote;
        s.vm = c->status;
        /* the memtap is taken away only under this lock (do_stop) */
        if (c->mt)
                cc_memtap_stats(c->mt, &s.fetch);
        clone_put(e, c);
        pthread_mutex_unlock(&e->lock);
        *ret = s;
        return 0;
}
