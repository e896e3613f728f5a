/* Clones: cc_clone() tickets become start jobs that worker threads run (state blob, memtap for
 * remote memory, driver clone, wait for the guest's readiness); retire and failure become stop
 * jobs; cc_adopt takes over a previous run's clone; cc_clone_stats reads one. */
#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "clonecore/cc_psk.h"
#include "engine_int.h"
#include "ss_util.h"

#define MAX_TICKET_CLONES 64
#define READY_POLL_MS 10                /* readiness of a driver without wait(): status() interval */

/* ---- helpers ---- */

static struct clone *clone_alloc(void)
{
        struct clone *c = calloc(1, sizeof(*c));
        if (!c)
                return NULL;
        pthread_mutex_init(&c->vm_lock, NULL);
        /* Without it (fd exhaustion) readiness is polled as for a driver without wait(). */
        c->wake_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
        return c;
}

void cc_engine_clone_free(struct clone *c)
{
        pthread_mutex_destroy(&c->vm_lock);
        if (c->wake_fd >= 0)
                close(c->wake_fd);
        free(c->mcast);
        free(c->disk_uri);
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
                cc_engine_clone_free(c);
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
        if (st == CC_CLONE_READY && c->status.disk[0]) {
                ev.disk = c->status.disk;
                ev.disk_bytes = c->status.disk_bytes;
                ev.disk_setup_us = c->status.disk_setup_us;
        }
        ev.identity = st == CC_CLONE_READY ? c->status.guest_identity : NULL;
        ev.elapsed_ns = ss_mono_ns() - c->t0;
        if (c->cb)
                c->cb(&ev, c->userdata);
}


void cc_engine_clone_wake(struct clone *c)
{
        uint64_t one = 1;

        if (c->wake_fd >= 0)
                (void)!write(c->wake_fd, &one, sizeof(one));    /* full counter: already woken */
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
                if (opts->nets)
                        c->net = opts->nets[i];
                c->remote = opts->memserver || g->remote;
                snprintf(c->memserver, sizeof(c->memserver), "%s",
                         opts->memserver ? opts->memserver : g->memserver);
                if ((opts->driver_opts && !(c->driver_opts = strdup(opts->driver_opts))) ||
                    (opts->mcast && !(c->mcast = strdup(opts->mcast))) ||
                    (opts->disk_uri && !(c->disk_uri = strdup(opts->disk_uri)))) {
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
                        cc_engine_clone_free(made[i]);
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
        char why[CC_REASON_MAX] = "", run_dir[PATH_MAX], tls_dir[PATH_MAX];
        struct cc_clone_spec spec = {0};
        const char *mem_path = g->info.mem_path;
        struct cc_vm *vm = NULL;
        struct cc_pagesrc *src = NULL;
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
                /* the generation's memtap on this host, shared with its other clones here; the
                 * "remote" mark tells cc_adopt that this clone cannot outlive the engine */
                char mark[PATH_MAX + 8];
                cc_fmt(mark, sizeof(mark), "%s/remote", run_dir);
                r = ss_write_file_atomic(mark, "", 0, 0600);
                if (r == 0)
                        r = cc_genmem_acquire(e, c, why, sizeof(why));
                if (r < 0)
                        goto fail;
                mem_path = cc_genmem_path(c);
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
        spec.net = c->net;
        spec.driver_opts = c->driver_opts;
        spec.disk_uri = c->disk_uri;
        if (c->disk_uri && e->cfg.secret) {
                /* the export takes TLS with the cluster's key (cc_psk.h) */
                cc_fmt(tls_dir, sizeof(tls_dir), "%s/nbd-tls", e->state_dir);
                r = cc_psk_dir_write(tls_dir, e->cfg.secret, e->cfg.secret_len, why, sizeof(why));
                if (r < 0)
                        goto fail;
                spec.disk_tls_dir = tls_dir;
        }
        /* pages by content from the host's page store; without one the driver reads mem_path */
        if (cc_pagesrc_new(cc_descriptor_pagemap(g->desc), e->store, &src) == 0)
                spec.pages = cc_pagesrc_ops(src);
        r = drv->clone(&spec, &vm, why, sizeof(why));
        cc_pagesrc_free(src);
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
                int64_t left_ms = ((int64_t)deadline - (int64_t)ss_mono_ns()) / 1000000;
                if (left_ms <= 0) {
                        pthread_mutex_lock(&e->lock);
                        bool silent = c->status.agent_silent;
                        pthread_mutex_unlock(&e->lock);
                        /* A guest without the agent (an image that lacks it, a broken port) never
                         * takes its identity: say so rather than "not ready". */
                        if (silent)
                                cc_fmt(why, sizeof(why), "no agent answered on the virtio-serial port within %u s",
                                       (e->cfg.ready_timeout_ms + 999) / 1000);
                        else
                                cc_fmt(why, sizeof(why), "guest not ready within %u ms", e->cfg.ready_timeout_ms);
                        r = -ETIMEDOUT;
                        goto fail;
                }
                if (drv->wait && c->wake_fd >= 0) {
                        /* The driver's event: the guest spoke or the VMM exited; cc_retire,
                         * a memtap failure and the engine's stop write wake_fd. */
                        drv->wait(vm, c->wake_fd, (unsigned)left_ms);
                        continue;
                }
                /* A driver without wait() gives no event for readiness: ask its status() again
                 * after READY_POLL_MS, or at once when a retire/fail flag is set. */
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
        c->vm = NULL;
        failed = c->fail_wanted;
        snprintf(reason, sizeof(reason), "%s", c->reason);
        unsigned timeout = c->retire_timeout_ms ? c->retire_timeout_ms : 10000;
        pthread_mutex_unlock(&e->lock);
        if (vm) {
                drv->retire(vm, failed ? 0 : timeout);
                drv->destroy(vm);
        }
        pthread_mutex_unlock(&c->vm_lock);
        cc_genmem_release(e, c);        /* the last clone of the generation here stops it */
        pthread_mutex_lock(&e->lock);
        if (c->g->info.clones)
                c->g->info.clones--;    /* before the final event: the generation may go now */
        c->final = true;
        pthread_mutex_unlock(&e->lock);
        emit(e, c, failed ? CC_CLONE_FAILED : CC_CLONE_RETIRED, failed ? reason : NULL);
}

void *cc_engine_worker(void *arg)
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

void cc_engine_clone_fail_locked(struct cc_engine *e, struct clone *c, const char *reason)
{
        if (!c->final && !c->fail_wanted) {
                c->fail_wanted = true;
                cc_fmt(c->reason, sizeof(c->reason), "%s", reason);
                pthread_cond_broadcast(&e->changed);
                cc_engine_clone_wake(c);
                if (!c->busy && c->job == JOB_NONE)
                        enqueue(e, c, JOB_RETIRE);
        }
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
        cc_engine_clone_wake(c);
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
        snprintf(mnt, sizeof(mnt), "%s/remote", run_dir);
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
                cc_engine_clone_free(c);
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
        /* the memtap is taken away only under this lock (cc_genmem_release) */
        if (c->gm)
                cc_memtap_stats(c->gm->mt, &s.fetch);
        clone_put(e, c);
        pthread_mutex_unlock(&e->lock);
        *ret = s;
        return 0;
}

