/* sc_actuator: the control loop's desired clone count made real (see sc_actuator.h).
 *
 * Shape: the loop thread owns the decisions (how many to start, which to retire); every VM has
 * one worker thread that owns its driver handle for the VM's whole life and walks it through the
 * lifecycle, persisting each transition in the store (which is thread-safe) the moment it
 * happens:
 *
 *   requested -> cloning -> resuming -> checking -> serving -> draining -> retired
 *        \__________\___________\___________\__________\__________\-----> failed (reason)
 *
 * requested is written by the loop thread before the worker exists, so every VM on disk has a
 * row first: after a crash, a run dir the table does not know is an orphan and is destroyed.
 * The parent has a thread of its own (boot, warm-up, generation cuts, garbage collection).
 * The loop thread and the workers share one mutex (a->lock) over the in-memory table; nothing
 * slow ever runs under it.
 *
 * Retire order: pending clones first (they are not capacity yet), then serving clones newest
 * first: the newest clone has the coldest caches and the fewest long-lived connections to drain,
 * while the oldest ones have been proven healthy under load (docs/operations.md). */
#include "sc_actuator.h"

#include <curl/curl.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <json-c/json.h>
#include <limits.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "clonecore/cc.h"
#include "clonecore/cc_driver.h"
#include "sc_actuator_lb.h"
#include "sc_store.h"
#include "ss_log.h"
#include "ss_util.h"

#define ACT_MAX_CLONES          256     /* hard cap on live VMs, whatever desired says */
#define ACT_POLL_NS             50000000ull     /* driver/agent status poll: no event exists */
#define ACT_BACKOFF_MAX_US      (300ull * 1000000)
#define ACT_RETIRE_GRACE_MS     3000u
#define ACT_RETIRE_WAIT_NS      (15ull * 1000000000)    /* engine's RETIRED after cc_retire */
#define ACT_PORT_SPAN           1000u   /* clone ports: port_base+1 .. port_base+ACT_PORT_SPAN */
#define ACT_GC_EVERY_NS         (10ull * 1000000000)
#define ACT_SERVING_MISSES      5       /* failed direct health checks (3 s apart) that end a clone */

/* What cannot change on a reload: copied once, read by every thread without a lock. */
struct act_fixed {
        char state_dir[PATH_MAX];
        char clones_dir[PATH_MAX];      /* the engine's <state_dir>/clones/<id> */
        char cold_dir[PATH_MAX];        /* cold-booted workers: <state_dir>/cold/<id> */
        char parent_dir[PATH_MAX];      /* <state_dir>/parent */
        char kernel[PATH_MAX], initrd[PATH_MAX], binary[PATH_MAX];
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
        char ev_reason[CC_REASON_MAX];
        bool engine_owned;              /* the engine knows this clone (cc_clone/cc_adopt succeeded) */
        uint64_t guest_stats_us;        /* the last guest report stored */
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
};

/* ---- small helpers ---------------------------------------------------------------------- */

/* Bounded copy, always NUL-terminated; truncation is intended (fixed-size fields). */
static void copy_str(char *dst, size_t len, const char *src)
{
        size_t n = 0;

        if (len == 0)
                return;
        for (; src && n + 1 < len && src[n]; n++)
                dst[n] = src[n];
        dst[n] = 0;
}

/* snprintf whose truncation is intended (sentences and paths bounded by their buffers). */
static void sfmt(char *buf, size_t len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void sfmt(char *buf, size_t len, const char *fmt, ...)
{
        va_list ap;

        va_start(ap, fmt);
        vsnprintf(buf, len, fmt, ap);
        va_end(ap);
}

static uint64_t now_ns(void)
{
        return ss_mono_ns();
}

/* Waits on a->cond until deadline_ns (monotonic) or a broadcast; caller holds a->lock. */
static void wait_until(struct sc_actuator *a, uint64_t deadline_ns)
{
        struct timespec ts = {
                .tv_sec = (time_t)(deadline_ns / 1000000000ull),
                .tv_nsec = (long)(deadline_ns % 1000000000ull),
        };

        pthread_cond_timedwait(&a->cond, &a->lock, &ts);
}

/* Sleeps up to ns unless woken; returns with the lock released. */
static void pause_for(struct sc_actuator *a, uint64_t ns)
{
        pthread_mutex_lock(&a->lock);
        wait_until(a, now_ns() + ns);
        pthread_mutex_unlock(&a->lock);
}

/* An event whose data is a small JSON object built from key/value string pairs (NULL-ended). */
static void emit(struct sc_actuator *a, const char *kind, const char *message, ...)
{
        struct json_object *o = json_object_new_object();
        const char *k, *v;
        va_list ap;
        int r;

        va_start(ap, message);
        while ((k = va_arg(ap, const char *))) {
                v = va_arg(ap, const char *);
                if (o)
                        json_object_object_add(o, k, v ? json_object_new_string(v) : NULL);
        }
        va_end(ap);
        r = sc_store_event_append(a->store, kind, message, o ? json_object_to_json_string(o) : NULL, NULL);
        if (r < 0)
                log_error("actuator: could not store %s event \"%s\": %s", kind, message, strerror(-r));
        json_object_put(o);
}

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
        (void)st; (void)flag; (void)ftw;
        remove(path);
        return 0;
}

static void rm_rf(const char *path)
{
        nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static bool dir_exists(const char *path)
{
        struct stat st;

        return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool port_bindable(unsigned port)
{
        struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port),
                                  .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
        int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), ok;

        if (fd < 0)
                return false;
        ok = bind(fd, (struct sockaddr *)&sa, sizeof(sa)) == 0;
        close(fd);
        return ok;
}

static size_t discard(char *p, size_t s, size_t n, void *u)
{
        (void)p; (void)u;
        return s * n;
}

/* ---- state transitions ------------------------------------------------------------------ */

static void set_state(struct act_clone *c, enum sc_clone_state st, const char *reason)
{
        struct sc_actuator *a = c->a;
        int r;

        r = sc_store_clone_set_state(a->store, c->id, st, reason);
        if (r < 0)
                log_error("actuator: %s: could not persist state %s: %s", c->id,
                          sc_clone_state_name(st), strerror(-r));
        pthread_mutex_lock(&a->lock);
        /* a failure is logged once, by clone_fail, with what is done about it */
        if (st != c->state && st != SC_CLONE_FAILED)
                log_info("clone %s: %s -> %s%s%s", c->id, sc_clone_state_name(c->state),
                         sc_clone_state_name(st), reason && *reason ? ": " : "", reason ? reason : "");
        c->state = st;
        pthread_cond_broadcast(&a->cond);
        pthread_mutex_unlock(&a->lock);
}

/* Counts a failure toward the alert; the next clone waits backoff * 2^(n-1). The one log line of
 * a clone's failure: the transition, the reason and what is done about it. */
static void note_failure(struct sc_actuator *a, const char *who, const char *from, const char *reason)
{
        char msg[768];
        bool raise = false;
        uint64_t delay;
        int n;

        pthread_mutex_lock(&a->lock);
        n = ++a->consecutive_failures;
        delay = a->live.backoff_us;
        for (int i = 1; i < a->consecutive_failures && delay < ACT_BACKOFF_MAX_US; i++)
                delay *= 2;
        if (delay > ACT_BACKOFF_MAX_US)
                delay = ACT_BACKOFF_MAX_US;
        a->backoff_until_ns = now_ns() + delay * 1000;
        if (!a->stopped && a->live.max_failures > 0 && a->consecutive_failures >= a->live.max_failures) {
                a->stopped = true;
                raise = true;
                sfmt(a->alert, sizeof(a->alert),
                         "cloning stopped after %d consecutive failures; last: %s: %.300s",
                         a->consecutive_failures, who, reason);
                copy_str(msg, sizeof(msg), a->alert);
        }
        pthread_mutex_unlock(&a->lock);
        if (raise) {
                log_error("clone %s: %s -> failed: %s; cloning stopped after %d consecutive failures "
                          "(alert)", who, from, reason, n);
                emit(a, "alert", msg, "reason", reason, "clone", who, NULL);
        } else {
                log_warn("clone %s: %s -> failed: %s; next clone in %.1f s (%d failure%s in a row)",
                         who, from, reason, delay / 1e6, n, n == 1 ? "" : "s");
        }
}

static void note_success(struct sc_actuator *a)
{
        pthread_mutex_lock(&a->lock);
        a->consecutive_failures = 0;
        a->backoff_until_ns = 0;
        pthread_mutex_unlock(&a->lock);
}

/* Lifts the stop after repeated failures (new generation, reload). Caller holds a->lock. */
static bool rearm_locked(struct sc_actuator *a)
{
        if (!a->stopped)
                return false;
        a->stopped = false;
        a->alert[0] = 0;
        a->consecutive_failures = 0;
        a->backoff_until_ns = 0;
        return true;
}

/* ---- a VM under a clone: the engine (clones of a generation) or the driver (cold boot) ---- */

static bool clone_cancelled(struct act_clone *c)
{
        bool r;

        pthread_mutex_lock(&c->a->lock);
        r = c->retire || c->a->shutting_down;
        pthread_mutex_unlock(&c->a->lock);
        return r;
}

/* The engine's callback, on an engine thread: record and wake the clone's worker. */
static void engine_cb(const struct cc_clone_event *ev, void *userdata)
{
        struct act_clone *c = userdata;
        struct sc_actuator *a = c->a;

        pthread_mutex_lock(&a->lock);
        switch (ev->state) {
        case CC_CLONE_CLONING:
                break;
        case CC_CLONE_RESUMING:
                c->ev_resuming = true;
                break;
        case CC_CLONE_READY:
                c->ev_resuming = c->ev_ready = true;
                copy_str(c->ev_address, sizeof(c->ev_address), ev->address);
                break;
        case CC_CLONE_FAILED:
        case CC_CLONE_RETIRED:
                c->ev_final = true;
                c->ev_final_state = ev->state;
                copy_str(c->ev_reason, sizeof(c->ev_reason), ev->reason);
                break;
        }
        pthread_cond_broadcast(&a->cond);
        pthread_mutex_unlock(&a->lock);
}

/* Starts the VM: cc_clone of the generation, or a cold boot of the image. */
static int vm_begin(struct act_clone *c, char *why, size_t whylen)
{
        struct sc_actuator *a = c->a;
        const struct act_fixed *fx = &a->fx;
        int r;

        if (c->generation == 0) {
                struct cc_vm_config vc = {
                        .name = c->id, .run_dir = c->run_dir, .kernel = fx->kernel, .initrd = fx->initrd,
                        .cmdline = fx->cmdline, .mem_bytes = fx->mem_bytes, .vcpus = fx->vcpus,
                        .accel = fx->accel, .binary = fx->binary[0] ? fx->binary : NULL,
                        .guest_port = fx->guest_port, .host_port = c->port,
                        .driver_opts = fx->driver_opts[0] ? fx->driver_opts : NULL,
                };

                rm_rf(c->run_dir);
                r = ss_mkdir_p(c->run_dir, 0700);
                if (r < 0) {
                        sfmt(why, whylen, "cannot create %s: %s", c->run_dir, strerror(-r));
                        return r;
                }
                return a->drv->boot_parent(&vc, &c->vm, why, whylen);
        }

        struct cc_generation *g = NULL;
        const char *ids[1] = { c->id };
        unsigned ports[1] = { c->port };
        uint64_t ticket;

        pthread_mutex_lock(&a->lock);
        for (size_t i = 0; i < a->n_gens; i++)
                if (a->gens[i].id == c->generation)
                        g = a->gens[i].g;
        pthread_mutex_unlock(&a->lock);
        if (!g) {
                sfmt(why, whylen, "generation %lld is gone", (long long)c->generation);
                return -ENOENT;
        }
        struct cc_clone_opts o = {
                .n = 1, .ids = ids, .host_ports = ports,
                .driver_opts = fx->driver_opts[0] ? fx->driver_opts : NULL,
                .cb = engine_cb, .userdata = c,
        };
        /* owned before the call: its callbacks may come before cc_clone returns */
        pthread_mutex_lock(&a->lock);
        c->engine_owned = true;
        pthread_mutex_unlock(&a->lock);
        r = cc_clone(a->engine, g, &o, &ticket);
        if (r < 0) {
                pthread_mutex_lock(&a->lock);
                c->engine_owned = false;
                pthread_mutex_unlock(&a->lock);
                sfmt(why, whylen, "clonecore refused the clone: %s", strerror(-r));
                return r;
        }
        return 0;
}

/* Waits until the guest is ready; moves the row to resuming on the way. Fills c->address.
 * 0, -ECANCELED, -ETIMEDOUT, -ECHILD (failed/exited; why says how). */
static int vm_wait_ready(struct act_clone *c, uint64_t deadline_ns, char *why, size_t whylen)
{
        struct sc_actuator *a = c->a;
        struct cc_vm_status st;
        int r;

        if (c->generation > 0) {
                bool resumed = c->state == SC_CLONE_RESUMING || c->recovered;

                for (;;) {
                        bool ready, final, resuming, cancel;

                        pthread_mutex_lock(&a->lock);
                        if (!c->ev_ready && !c->ev_final && !(c->ev_resuming && !resumed) &&
                            !c->retire && !a->shutting_down)
                                wait_until(a, deadline_ns);
                        ready = c->ev_ready;
                        final = c->ev_final;
                        resuming = c->ev_resuming;
                        cancel = c->retire || a->shutting_down;
                        if (ready)
                                copy_str(c->address, sizeof(c->address), c->ev_address);
                        if (final)
                                sfmt(why, whylen, "%s", c->ev_reason[0] ? c->ev_reason : "clonecore gave up on it");
                        pthread_mutex_unlock(&a->lock);
                        if (final) {
                                c->engine_owned = false;        /* the engine destroyed the VM */
                                return -ECHILD;
                        }
                        if (resuming && !resumed) {
                                set_state(c, SC_CLONE_RESUMING, NULL);
                                resumed = true;
                        }
                        if (ready)
                                return 0;
                        if (cancel)
                                return -ECANCELED;
                        if (now_ns() >= deadline_ns) {
                                sfmt(why, whylen, "guest not ready within driver.ready_timeout");
                                return -ETIMEDOUT;
                        }
                }
        }
        if (c->state != SC_CLONE_RESUMING && !c->recovered)
                set_state(c, SC_CLONE_RESUMING, NULL);
        for (;;) {
                memset(&st, 0, sizeof(st));
                r = a->drv->status(c->vm, &st);
                if (r < 0) {
                        sfmt(why, whylen, "driver status: %s", strerror(-r));
                        return r;
                }
                if (st.state == CC_VM_RUNNING) {
                        copy_str(c->address, sizeof(c->address), st.address);
                        return 0;
                }
                if (st.state == CC_VM_EXITED) {
                        sfmt(why, whylen, "VM exited: %s", st.reason[0] ? st.reason : "no reason given");
                        return -ECHILD;
                }
                if (clone_cancelled(c))
                        return -ECANCELED;
                if (now_ns() >= deadline_ns) {
                        sfmt(why, whylen, "guest not ready within driver.ready_timeout");
                        return -ETIMEDOUT;
                }
                pause_for(a, ACT_POLL_NS);
        }
}

/* A new report of the guest agent goes to the clone's row (the API and dashboard show it). */
static void note_guest_stats(struct act_clone *c, const struct cc_vm_status *st)
{
        struct sc_guest_report g;

        if (!st->guest_stats_us || st->guest_stats_us == c->guest_stats_us)
                return;
        c->guest_stats_us = st->guest_stats_us;
        if (sc_guest_stats_parse(st->guest_stats, st->guest_stats_us, &g) < 0) {
                log_debug("clone %s: unreadable guest stats '%s'", c->id, st->guest_stats);
                return;
        }
        sc_store_clone_set_guest(c->a->store, c->id, &g);
}

/* Is the VM of a serving clone still there? 0, or -ECHILD with why. */
static int vm_alive(struct act_clone *c, char *why, size_t whylen)
{
        struct sc_actuator *a = c->a;
        struct cc_vm_status st = {0};

        if (c->generation > 0) {
                struct cc_clone_stats cs;
                bool final;

                pthread_mutex_lock(&a->lock);
                final = c->ev_final;
                if (final)
                        sfmt(why, whylen, "VM gone: %s", c->ev_reason[0] ? c->ev_reason : "clonecore reported it final");
                pthread_mutex_unlock(&a->lock);
                if (final) {
                        c->engine_owned = false;
                        return -ECHILD;
                }
                memset(&cs, 0, sizeof(cs));
                if (cc_clone_stats(a->engine, c->id, &cs) == 0) {
                        if (cs.vm.state == CC_VM_EXITED) {
                                sfmt(why, whylen, "VM exited: %s", cs.vm.reason[0] ? cs.vm.reason : "no reason given");
                                return -ECHILD;
                        }
                        note_guest_stats(c, &cs.vm);
                        if (cs.remote) {
                                struct sc_fetch_stats f = {
                                        .bytes = cs.fetch.bytes, .pct = cs.fetch.fetched_pct,
                                        .demand_faults = cs.fetch.demand_faults,
                                        .prefetched_pages = cs.fetch.prefetched_pages,
                                };
                                sc_store_clone_set_fetch(a->store, c->id, &f);
                        }
                }
                return 0;
        }
        if (a->drv->status(c->vm, &st) == 0) {
                if (st.state == CC_VM_EXITED) {
                        sfmt(why, whylen, "VM exited: %s", st.reason[0] ? st.reason : "no reason given");
                        return -ECHILD;
                }
                note_guest_stats(c, &st);
        }
        return 0;
}

/* Stops and forgets the VM (whatever state it is in). */
static void vm_end(struct act_clone *c)
{
        struct sc_actuator *a = c->a;
        uint64_t deadline;

        if (c->generation == 0) {
                if (c->vm) {
                        a->drv->retire(c->vm, ACT_RETIRE_GRACE_MS);
                        a->drv->destroy(c->vm);
                        c->vm = NULL;
                }
                rm_rf(c->run_dir);
                return;
        }
        if (!c->engine_owned)
                return;
        /* -ENOENT: the engine is already failing it on its own; its final event comes anyway */
        cc_retire(a->engine, c->id, ACT_RETIRE_GRACE_MS);
        deadline = now_ns() + ACT_RETIRE_WAIT_NS;
        pthread_mutex_lock(&a->lock);
        while (!c->ev_final && now_ns() < deadline)
                wait_until(a, deadline);
        if (c->ev_final)
                c->engine_owned = false;        /* else reap keeps c until the event arrives */
        else
                log_warn("clone %s: clonecore did not confirm the retire within %llu s", c->id,
                         (unsigned long long)(ACT_RETIRE_WAIT_NS / 1000000000));
        pthread_mutex_unlock(&a->lock);
}

/* Registers with snowscale-lb and waits for its health check to make the backend active.
 * An agent that does not answer is retried until the deadline: it may be restarting. */
static int wait_lb_active(struct act_clone *c, uint64_t deadline_ns, char *why, size_t whylen)
{
        struct sc_actuator *a = c->a;
        char state[16] = "";
        bool added = false;
        uint64_t start = now_ns();
        int r = 0;

        for (;;) {
                if (!added) {
                        r = sc_alb_add(a->lb, c->id, c->address, why, whylen);
                        added = r == 0 || r == -EEXIST;
                }
                if (added) {
                        r = sc_alb_state(a->lb, c->id, state, sizeof(state), why, whylen);
                        if (r == 0 && !strcmp(state, "active"))
                                return 0;
                        if (r == 0 && !strcmp(state, "unhealthy")) {
                                sfmt(why, whylen, "snowscale-lb health check of %s failed", c->address);
                                return -EHOSTUNREACH;
                        }
                        if (r == -ENOENT)
                                added = false;  /* the agent restarted and forgot it */
                }
                if (r == -EACCES)
                        return r;               /* wrong token: waiting will not fix it */
                if (clone_cancelled(c))
                        return -ECANCELED;
                if (now_ns() >= deadline_ns) {
                        if (r == 0)
                                sfmt(why, whylen, "not healthy behind snowscale-lb within driver.ready_timeout "
                                     "(last state %s)", state);
                        return -ETIMEDOUT;
                }
                /* a healthy guest is usually active within one reload (~0.1 s): look often at
                 * first, since serving capacity is what the scale-out waits for */
                pause_for(a, now_ns() - start < 2000000000ull ? ACT_POLL_NS / 2 : ACT_POLL_NS * 2);
        }
}

/* Deregisters and waits until in-flight requests are done (or the drain timeout). Best effort:
 * an agent that is gone cannot send it traffic either. */
static void lb_drain(struct act_clone *c, uint64_t drain_timeout_us, bool wait)
{
        struct sc_actuator *a = c->a;
        char why[CC_REASON_MAX], state[16];
        uint64_t deadline;
        int r;

        r = sc_alb_delete(a->lb, c->id, (unsigned)(drain_timeout_us / 1000), why, sizeof(why));
        if (r == -ENOENT)
                return;
        if (r < 0) {
                log_warn("clone %s: deregistering: %s", c->id, why);
                return;
        }
        if (!wait)
                return;
        /* The agent ends the drain by its timeout; give it a little more before not waiting. */
        deadline = now_ns() + (drain_timeout_us + 5000000ull) * 1000;
        for (;;) {
                r = sc_alb_state(a->lb, c->id, state, sizeof(state), why, sizeof(why));
                if (r == -ENOENT || (r == 0 && !strcmp(state, "drained")))
                        return;
                if (r < 0 || now_ns() >= deadline) {
                        log_warn("clone %s: drain not confirmed (%s); destroying anyway", c->id,
                                 r < 0 ? why : "agent still draining after the drain timeout");
                        return;
                }
                pause_for(a, ACT_POLL_NS * 2);
        }
}


/* One GET of lb.health_path straight at the clone (not through nginx): 0 when it answers
 * lb.health_status within timeout_ms. */
static int probe_once(struct act_clone *c, long timeout_ms)
{
        char url[512];
        long code = 0;
        CURL *h = curl_easy_init();

        if (!h)
                return -ENOMEM;
        sfmt(url, sizeof(url), "http://%s%s", c->address, c->a->fx.health_path);
        curl_easy_setopt(h, CURLOPT_URL, url);
        curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard);
        curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, timeout_ms);
        curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
        if (curl_easy_perform(h) == CURLE_OK)
                curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
        curl_easy_cleanup(h);
        return code == c->a->fx.health_status ? 0 : -EHOSTDOWN;
}

/* Asks the app in an adopted clone directly whether it answers: a clone whose start a crash
 * interrupted may sit paused or half-restored, and waiting the whole ready timeout behind
 * snowscale-lb for it would only delay its replacement. 0, -ECANCELED or -EHOSTDOWN. */
static int probe_health(struct act_clone *c)
{
        for (int i = 0; i < 3; i++) {
                if (probe_once(c, 2000) == 0)
                        return 0;
                if (clone_cancelled(c))
                        return -ECANCELED;
                pause_for(c->a, 500000000ull);
        }
        return -EHOSTDOWN;
}

/* Is a serving clone still good? Its app must answer (directly, *misses counts failures in a
 * row) and snowscale-lb must not call it unhealthy; an agent that forgot the backend (it
 * restarted) gets it again. 0, or -EHOSTDOWN with why. */
static int lb_watch(struct act_clone *c, unsigned *misses, char *why, size_t whylen)
{
        char state[16], w[CC_REASON_MAX];
        int r;

        /* snowscale-lb health-checks a backend only until it is active, and the engine stops
         * watching a clone once it is ready: a VM that dies while serving is found here */
        if (probe_once(c, 3000) == 0) {
                *misses = 0;
        } else if (++*misses >= ACT_SERVING_MISSES) {
                sfmt(why, whylen, "stopped answering %s (%u checks in a row failed)", c->a->fx.health_path,
                     *misses);
                return -EHOSTDOWN;
        }

        r = sc_alb_state(c->a->lb, c->id, state, sizeof(state), w, sizeof(w));
        if (r == -ENOENT) {
                log_warn("clone %s: snowscale-lb forgot it; registering it again", c->id);
                sc_alb_add(c->a->lb, c->id, c->address, w, sizeof(w));
                return 0;
        }
        if (r == 0 && !strcmp(state, "unhealthy")) {
                sfmt(why, whylen, "snowscale-lb health checks of %s fail while serving", c->address);
                return -EHOSTDOWN;
        }
        return 0;
}

/* ---- a clone's life --------------------------------------------------------------------- */

static void clone_fail(struct act_clone *c, bool registered, const char *reason, bool count)
{
        struct sc_actuator *a = c->a;
        const char *from = sc_clone_state_name(c->state);

        if (registered)
                lb_drain(c, 0, false);
        vm_end(c);
        set_state(c, SC_CLONE_FAILED, reason);
        if (count)
                note_failure(a, c->id, from, reason);
        else
                log_warn("clone %s: %s -> failed: %s; replaced, not counted toward the alert", c->id,
                         from, reason);
}

static void clone_retire(struct act_clone *c, bool registered)
{
        struct sc_actuator *a = c->a;
        char reason[256];
        uint64_t drain_us;

        pthread_mutex_lock(&a->lock);
        copy_str(reason, sizeof(reason), c->retire_reason[0] ? c->retire_reason : "retired");
        drain_us = a->live.drain_timeout_us;
        pthread_mutex_unlock(&a->lock);
        set_state(c, SC_CLONE_DRAINING, reason);
        if (registered)
                lb_drain(c, drain_us, true);
        vm_end(c);
        set_state(c, SC_CLONE_RETIRED, NULL);
}

static void *clone_main(void *arg)
{
        struct act_clone *c = arg;
        struct sc_actuator *a = c->a;
        char why[CC_REASON_MAX] = "";
        uint64_t deadline;
        bool registered = false, leave = false, was_serving = c->state == SC_CLONE_SERVING;
        int r;

        pthread_mutex_lock(&a->lock);
        deadline = now_ns() + a->live.ready_timeout_us * 1000;
        pthread_mutex_unlock(&a->lock);

        if (c->recovered && c->state == SC_CLONE_DRAINING) {
                clone_retire(c, true);
                goto out;
        }
        if (!c->recovered) {
                set_state(c, SC_CLONE_CLONING, NULL);
                if (clone_cancelled(c)) {
                        clone_retire(c, false);
                        goto out;
                }
                r = vm_begin(c, why, sizeof(why));
                if (r < 0) {
                        clone_fail(c, false, why[0] ? why : strerror(-r), true);
                        goto out;
                }
        }
        r = vm_wait_ready(c, deadline, why, sizeof(why));
        if (r == -ECANCELED)
                goto cancelled;
        if (r < 0) {
                clone_fail(c, false, why, true);
                goto out;
        }
        sc_store_clone_set_address(a->store, c->id, c->address);
        if (c->recovered && !was_serving) {
                r = probe_health(c);
                if (r == -ECANCELED)
                        goto cancelled;
                if (r < 0) {
                        /* not the generation's fault: does not count toward the alert */
                        clone_fail(c, false, "its start was interrupted by a restart and its guest "
                                   "does not answer", false);
                        goto out;
                }
        }
        if (!was_serving)
                set_state(c, SC_CLONE_CHECKING, NULL);
        registered = true;
        /* an adopted serving clone gets a fresh deadline to be re-registered */
        r = wait_lb_active(c, was_serving ? now_ns() + a->live.ready_timeout_us * 1000 : deadline,
                           why, sizeof(why));
        if (r == -ECANCELED)
                goto cancelled;
        if (r < 0) {
                clone_fail(c, true, why, true);
                goto out;
        }
        set_state(c, SC_CLONE_SERVING, "");
        note_success(a);

        /* Serving: watch the VM (every second) and its backend (every 3 s) until asked to
         * retire or to let go. The condition variable is shared, so wake-ups are not ticks. */
        uint64_t next_vm = now_ns() + 1000000000ull, next_lb = now_ns() + 3000000000ull;
        unsigned misses = 0;
        for (;;) {
                bool retire;

                pthread_mutex_lock(&a->lock);
                if (!c->retire && !a->shutting_down && !c->ev_final)
                        wait_until(a, next_vm < next_lb ? next_vm : next_lb);
                retire = c->retire || (a->shutting_down && a->stop_vms);
                leave = a->shutting_down && !a->stop_vms;
                pthread_mutex_unlock(&a->lock);
                if (retire)
                        break;
                if (leave)
                        goto out;
                if (c->ev_final || now_ns() >= next_vm) {
                        next_vm = now_ns() + 1000000000ull;
                        if (vm_alive(c, why, sizeof(why)) < 0) {
                                clone_fail(c, true, why, true);
                                goto out;
                        }
                }
                if (now_ns() >= next_lb) {
                        next_lb = now_ns() + 3000000000ull;
                        if (lb_watch(c, &misses, why, sizeof(why)) < 0) {
                                clone_fail(c, true, why, true);
                                goto out;
                        }
                }
        }
cancelled:
        pthread_mutex_lock(&a->lock);
        leave = a->shutting_down && !a->stop_vms && !c->retire;
        pthread_mutex_unlock(&a->lock);
        if (leave)
                goto out;       /* the next start adopts it and carries on */
        clone_retire(c, registered);
out:
        if (leave && c->vm) {
                a->drv->destroy(c->vm);         /* the handle only: the VM keeps running */
                c->vm = NULL;
        }
        pthread_mutex_lock(&a->lock);
        c->thread_done = true;
        pthread_cond_broadcast(&a->cond);
        pthread_mutex_unlock(&a->lock);
        return NULL;
}

/* ---- generations ------------------------------------------------------------------------ */

static void vm_stop(struct sc_actuator *a, struct cc_vm *vm)
{
        if (!vm)
                return;
        a->drv->retire(vm, ACT_RETIRE_GRACE_MS);
        a->drv->destroy(vm);
}

/* Cuts and publishes a generation from the running parent (parent thread). The store's id and
 * the engine's id are the same number: the next one after every id the store ever gave. */
static int gen_cut(struct sc_actuator *a, struct cc_vm *parent, const char *cause)
{
        struct sc_generation sg = {0}, *list = NULL;
        struct cc_generation_info info;
        struct cc_generation *g = NULL;
        struct act_gen *ng;
        char why[CC_REASON_MAX] = "", msg[768], idbuf[24];
        size_t n = 0;
        int64_t next = 1;
        int r;

        r = sc_store_generation_list(a->store, true, &list, &n);
        if (r < 0) {
                sfmt(why, sizeof(why), "cannot read the generation table: %s", strerror(-r));
                goto fail;
        }
        for (size_t i = 0; i < n; i++)
                if (list[i].id >= next)
                        next = list[i].id + 1;
        free(list);
        /* a cut that crashed before it was recorded left a directory: never reuse its id */
        {
                char gdir[PATH_MAX];
                DIR *d;
                struct dirent *de;

                sfmt(gdir, sizeof(gdir), "%s/gen", a->fx.state_dir);
                d = opendir(gdir);
                while (d && (de = readdir(d))) {
                        char *end;
                        long long v = strtoll(de->d_name, &end, 10);

                        if (*end == 0 && end != de->d_name && v >= next)
                                next = v + 1;
                }
                if (d)
                        closedir(d);
        }
        struct cc_publish_opts po = { .id = (uint64_t)next };
        log_info("actuator: cutting generation %lld (%s)", (long long)next, cause);
        r = cc_generation_cut(a->engine, parent, &po, &g, why, sizeof(why));
        if (r < 0) {
                char dir[PATH_MAX];

                /* what a failed cut left behind is no generation */
                sfmt(dir, sizeof(dir), "%s/gen/%lld", a->fx.state_dir, (long long)next);
                if (r != -EEXIST)
                        rm_rf(dir);
                goto fail;
        }
        r = cc_generation_info(g, &info);
        if (r < 0) {
                sfmt(why, sizeof(why), "clonecore has no info on it: %s", strerror(-r));
                goto fail;
        }
        sg.id = (int64_t)info.id;
        copy_str(sg.descriptor, sizeof(sg.descriptor), info.descriptor_path);
        sg.descriptor_bytes = info.descriptor_bytes;
        sg.pause_us = info.pause_ns / 1000;
        r = sc_store_generation_insert(a->store, &sg);
        if (r < 0) {
                sfmt(why, sizeof(why), "cannot record it: %s", strerror(-r));
                cc_generation_drop(a->engine, info.id);
                goto fail;
        }
        pthread_mutex_lock(&a->lock);
        ng = realloc(a->gens, (a->n_gens + 1) * sizeof(*ng));
        if (ng) {
                a->gens = ng;
                memmove(a->gens + 1, a->gens, a->n_gens * sizeof(*ng));
                a->gens[0] = (struct act_gen){ .id = sg.id, .g = g };
                a->n_gens++;
                a->last_cut_ns = now_ns();
                /* a new generation is a fresh chance after repeated failures */
                if (rearm_locked(a))
                        log_info("actuator: generation %lld re-arms cloning", (long long)sg.id);
        }
        pthread_cond_broadcast(&a->cond);
        pthread_mutex_unlock(&a->lock);
        if (!ng)
                return -ENOMEM;
        sfmt(msg, sizeof(msg), "generation %lld ready for clones (%s): parent paused %.1f ms, "
             "descriptor %llu KiB, %llu of %llu pages distinct", (long long)sg.id, cause,
             info.pause_ns / 1e6, (unsigned long long)(info.descriptor_bytes >> 10),
             (unsigned long long)info.distinct_pages, (unsigned long long)info.pages);
        log_info("actuator: %s", msg);
        sfmt(idbuf, sizeof(idbuf), "%lld", (long long)sg.id);
        emit(a, "generation", msg, "generation", idbuf, "cause", cause, NULL);
        return 0;
fail:
        sfmt(msg, sizeof(msg), "cutting a generation failed (%s): %s", cause,
             why[0] ? why : strerror(-r));
        log_error("actuator: %s", msg);
        emit(a, "error", msg, "cause", cause, NULL);
        return r;
}

/* Drops generations that are not the newest and that no live clone uses (parent thread). */
static void gen_gc(struct sc_actuator *a)
{
        for (size_t i = 1;; i++) {
                struct act_gen victim;
                bool used = false;
                char msg[256], idbuf[24];
                int r;

                pthread_mutex_lock(&a->lock);
                if (i >= a->n_gens) {
                        pthread_mutex_unlock(&a->lock);
                        return;
                }
                victim = a->gens[i];
                for (struct act_clone *c = a->clones; c; c = c->next)
                        if (c->generation == victim.id && sc_clone_state_live(c->state))
                                used = true;
                pthread_mutex_unlock(&a->lock);
                if (used)
                        continue;
                r = cc_generation_drop(a->engine, (uint64_t)victim.id);
                if (r == -EBUSY)
                        continue;
                pthread_mutex_lock(&a->lock);
                for (size_t k = 0; k < a->n_gens; k++)
                        if (a->gens[k].id == victim.id) {
                                memmove(a->gens + k, a->gens + k + 1, (a->n_gens - k - 1) * sizeof(*a->gens));
                                a->n_gens--;
                                break;
                        }
                pthread_mutex_unlock(&a->lock);
                i--;
                sc_store_generation_mark_deleted(a->store, victim.id);
                sfmt(idbuf, sizeof(idbuf), "%lld", (long long)victim.id);
                if (r < 0)
                        sfmt(msg, sizeof(msg), "generation %lld forgotten; deleting its files failed: %s",
                             (long long)victim.id, strerror(-r));
                else
                        sfmt(msg, sizeof(msg), "generation %lld deleted: a newer one exists and no clone uses it",
                             (long long)victim.id);
                log_info("actuator: %s", msg);
                emit(a, "generation", msg, "generation", idbuf, NULL);
        }
}

/* ---- the parent ------------------------------------------------------------------------- */


/* GETs every warm-up path through the parent so that the generation carries warm caches. */
static bool parent_should_stop(struct sc_actuator *a);

static void parent_warmup(struct sc_actuator *a, const char *address)
{
        /* A few requests in flight on kept-alive connections: a warm-up set of thousands of cache
         * keys should take seconds, not a connection setup per key. */
        enum { WARMUP_PARALLEL = 4 };
        char **urls = NULL, msg[256];
        size_t n = 0, ok = 0, next = 0, done = 0, shown = 0;
        CURL *h[WARMUP_PARALLEL] = { NULL };
        char buf[WARMUP_PARALLEL][1024];
        CURLM *m = NULL;
        int running = 0;

        /* a reload may swap the list (set_config): work on a copy */
        pthread_mutex_lock(&a->lock);
        urls = a->fx.n_warmup ? calloc(a->fx.n_warmup, sizeof(*urls)) : NULL;
        for (size_t i = 0; urls && i < a->fx.n_warmup; i++)
                if ((urls[n] = strdup(a->fx.warmup[i])))
                        n++;
        pthread_mutex_unlock(&a->lock);
        if (n == 0 || !(m = curl_multi_init()))
                goto out;
        for (int k = 0; k < WARMUP_PARALLEL; k++) {
                if (!(h[k] = curl_easy_init()))
                        goto out;
                curl_easy_setopt(h[k], CURLOPT_WRITEFUNCTION, discard);
                curl_easy_setopt(h[k], CURLOPT_TIMEOUT_MS, 10000L);
                curl_easy_setopt(h[k], CURLOPT_NOSIGNAL, 1L);
                curl_easy_setopt(h[k], CURLOPT_PRIVATE, (char *)buf[k]);
        }
        log_info("actuator: warming up the parent: %zu URLs, %d at a time", n, WARMUP_PARALLEL);
        for (int k = 0; k < WARMUP_PARALLEL && next < n; k++, next++) {
                sfmt(buf[k], sizeof(buf[k]), "http://%s%s%s", address, urls[next][0] == '/' ? "" : "/", urls[next]);
                curl_easy_setopt(h[k], CURLOPT_URL, buf[k]);
                curl_multi_add_handle(m, h[k]);
        }
        while (done < n) {
                CURLMsg *msgp;
                int left;

                if (curl_multi_perform(m, &running) != CURLM_OK)
                        break;
                while ((msgp = curl_multi_info_read(m, &left))) {
                        CURL *e = msgp->easy_handle;
                        char *url = NULL;
                        long code = 0;

                        if (msgp->msg != CURLMSG_DONE)
                                continue;
                        curl_easy_getinfo(e, CURLINFO_PRIVATE, &url);
                        curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &code);
                        if (msgp->data.result == CURLE_OK && code / 100 == 2)
                                ok++;
                        else
                                log_warn("actuator: warm-up GET %s did not answer 2xx (%ld)", url, code);
                        done++;
                        curl_multi_remove_handle(m, e);
                        if (next < n) {
                                sfmt(url, sizeof(buf[0]), "http://%s%s%s", address,
                                     urls[next][0] == '/' ? "" : "/", urls[next]);
                                next++;
                                curl_easy_setopt(e, CURLOPT_URL, url);
                                curl_multi_add_handle(m, e);
                        }
                }
                if (n >= 100 && done * 10 / n > shown) {
                        shown = done * 10 / n;
                        log_info("actuator: warm-up %zu/%zu URLs", done, n);
                }
                if (parent_should_stop(a))
                        break;
                if (done < n)
                        curl_multi_poll(m, NULL, 0, 100, NULL);
        }
        sfmt(msg, sizeof(msg), "parent warmed up: %zu of %zu URLs answered", ok, n);
        log_info("actuator: %s", msg);
        emit(a, "generation", msg, NULL);
out:
        for (int k = 0; k < WARMUP_PARALLEL; k++) {
                if (h[k] && m)
                        curl_multi_remove_handle(m, h[k]);
                curl_easy_cleanup(h[k]);
        }
        curl_multi_cleanup(m);
        for (size_t i = 0; i < n; i++)
                free(urls[i]);
        free(urls);
}

/* Deregisters backends snowscale-lb still has from a previous run that are not live here. A
 * "parent" entry is live only when the parent VM was adopted: a parent about to boot afresh
 * (often on the same address) must not get traffic before it is ready and warm. */
static void lb_forget_stale(struct sc_actuator *a, bool parent_adopted)
{
        struct sc_alb_backend *v = NULL;
        char why[CC_REASON_MAX];
        size_t n = 0;

        if (sc_alb_list(a->lb, &v, &n, why, sizeof(why)) < 0) {
                log_warn("actuator: cannot list snowscale-lb backends: %s", why);
                return;
        }
        for (size_t i = 0; i < n; i++) {
                bool known = !strcmp(v[i].id, "parent") && a->fx.parent_serve && parent_adopted;

                pthread_mutex_lock(&a->lock);
                for (struct act_clone *c = a->clones; c && !known; c = c->next)
                        if (!strcmp(c->id, v[i].id) && sc_clone_state_live(c->state))
                                known = true;
                pthread_mutex_unlock(&a->lock);
                if (known)
                        continue;
                if (sc_alb_delete(a->lb, v[i].id, 0, why, sizeof(why)) == 0)
                        log_info("actuator: removed stale backend %s (%s) from snowscale-lb", v[i].id,
                                 v[i].address);
        }
        free(v);
}

struct parent_arg {
        struct sc_actuator *a;
        struct cc_vm *vm;               /* adopted from a previous run, or NULL */
};

static bool parent_should_stop(struct sc_actuator *a)
{
        bool r;

        pthread_mutex_lock(&a->lock);
        r = a->shutting_down;
        pthread_mutex_unlock(&a->lock);
        return r;
}

static void parent_set(struct sc_actuator *a, enum act_parent_state st, const char *address)
{
        pthread_mutex_lock(&a->lock);
        a->parent_state = st;
        if (address)
                copy_str(a->parent_address, sizeof(a->parent_address), address);
        pthread_cond_broadcast(&a->cond);
        pthread_mutex_unlock(&a->lock);
}

/* Boots (or takes the adopted) parent and waits until its guest is ready. */
static int parent_up(struct sc_actuator *a, struct cc_vm **vm, struct cc_vm_status *st, char *why,
                     size_t whylen)
{
        const struct act_fixed *fx = &a->fx;
        const char *run_dir = fx->parent_dir;
        uint64_t deadline, timeout_us;
        int r;

        if (!*vm) {
                struct cc_vm_config vc = {
                        .name = "parent", .run_dir = run_dir, .kernel = fx->kernel, .initrd = fx->initrd,
                        .cmdline = fx->cmdline, .mem_bytes = fx->mem_bytes, .vcpus = fx->vcpus,
                        .accel = fx->accel, .binary = fx->binary[0] ? fx->binary : NULL,
                        .guest_port = fx->guest_port, .host_port = fx->port_base,
                };
                rm_rf(run_dir);
                r = ss_mkdir_p(run_dir, 0700);
                if (r < 0) {
                        sfmt(why, whylen, "cannot create %s: %s", run_dir, strerror(-r));
                        return r;
                }
                log_info("actuator: booting the parent from %s (port %u)", fx->kernel, fx->port_base);
                r = a->drv->boot_parent(&vc, vm, why, whylen);
                if (r < 0)
                        return r;
        }
        pthread_mutex_lock(&a->lock);
        timeout_us = a->live.ready_timeout_us;
        pthread_mutex_unlock(&a->lock);
        /* a cold boot takes longer than a clone's resume: at least a minute */
        if (timeout_us < 60000000ull)
                timeout_us = 60000000ull;
        deadline = now_ns() + timeout_us * 1000;
        for (;;) {
                memset(st, 0, sizeof(*st));
                r = a->drv->status(*vm, st);
                if (r < 0) {
                        sfmt(why, whylen, "driver status: %s", strerror(-r));
                        break;
                }
                if (st->state == CC_VM_RUNNING)
                        return 0;
                if (st->state == CC_VM_EXITED) {
                        sfmt(why, whylen, "parent VM exited: %s", st->reason);
                        r = -ECHILD;
                        break;
                }
                if (parent_should_stop(a))
                        return -ECANCELED;      /* *vm stays: shutdown decides its fate */
                if (now_ns() >= deadline) {
                        sfmt(why, whylen, "parent guest not ready within %.0f s", timeout_us / 1e6);
                        r = -ETIMEDOUT;
                        break;
                }
                pause_for(a, ACT_POLL_NS * 2);
        }
        vm_stop(a, *vm);
        *vm = NULL;
        return r;
}

static void *parent_main(void *arg)
{
        struct parent_arg *pa = arg;
        struct sc_actuator *a = pa->a;
        struct cc_vm *vm = pa->vm;
        struct cc_vm_status st;
        char why[CC_REASON_MAX], msg[768];
        bool registered = false, stop_vms;
        int failures = 0, r;

        free(pa);
        lb_forget_stale(a, vm != NULL);
        while (!parent_should_stop(a)) {
                bool adopted = vm != NULL;

                parent_set(a, PARENT_BOOTING, NULL);
                why[0] = 0;
                r = parent_up(a, &vm, &st, why, sizeof(why));
                if (r == -ECANCELED)
                        break;
                if (r < 0) {
                        uint64_t delay;

                        failures++;
                        sfmt(msg, sizeof(msg), "parent did not come up: %s", why[0] ? why : strerror(-r));
                        log_error("actuator: %s", msg);
                        emit(a, "error", msg, NULL);
                        pthread_mutex_lock(&a->lock);
                        if (a->live.max_failures > 0 && failures == a->live.max_failures) {
                                sfmt(a->alert, sizeof(a->alert), "%.500s", msg);
                                a->stopped = true;
                                pthread_mutex_unlock(&a->lock);
                                emit(a, "alert", msg, NULL);
                                pthread_mutex_lock(&a->lock);
                        }
                        delay = a->live.backoff_us << (failures < 8 ? failures - 1 : 7);
                        if (delay > ACT_BACKOFF_MAX_US)
                                delay = ACT_BACKOFF_MAX_US;
                        a->parent_state = PARENT_FAILED;
                        if (!a->shutting_down)
                                wait_until(a, now_ns() + delay * 1000);
                        pthread_mutex_unlock(&a->lock);
                        continue;
                }
                failures = 0;
                log_info("actuator: parent %s at %s", adopted ? "adopted" : "ready", st.address);
                if (!adopted)
                        parent_warmup(a, st.address);
                pthread_mutex_lock(&a->lock);
                bool need_gen = a->fx.boot == POL_BOOT_CLONE && (a->n_gens == 0 || !adopted);
                pthread_mutex_unlock(&a->lock);
                /* a rebooted parent has fresh memory: clones keep using the old generation files,
                 * but the newest generation should reflect the parent that serves now */
                uint64_t retry_cut_ns = 0, next_status = 0, retry_delay_ns = 5000000000ull;
                int cut_failures = 0;
                unsigned status_checks = 0;

                if (need_gen && gen_cut(a, vm, adopted ? "parent adopted without a usable generation" :
                                        "parent booted and warmed up") < 0)
                        retry_cut_ns = now_ns() + retry_delay_ns;
                parent_set(a, PARENT_READY, st.address);
                if (a->fx.parent_serve) {
                        r = sc_alb_add(a->lb, "parent", st.address, why, sizeof(why));
                        if (r < 0 && r != -EEXIST) {
                                /* the periodic check below registers it once the agent answers */
                                log_warn("actuator: registering the parent with snowscale-lb: %s", why);
                                emit(a, "error", why, NULL);
                        }
                        registered = true;
                }

                /* Serve requests from the loop until the parent dies or shutdown. */
                for (;;) {
                        bool cut, gc, stop, rewarm;
                        char cause[64];

                        pthread_mutex_lock(&a->lock);
                        if (!a->cut_requested && !a->gc_requested && !a->warmup_changed && !a->shutting_down)
                                wait_until(a, next_status > now_ns() ? next_status : now_ns() + 1000000000ull);
                        rewarm = a->warmup_changed;
                        a->warmup_changed = false;
                        cut = a->cut_requested;
                        gc = a->gc_requested;
                        copy_str(cause, sizeof(cause), a->cut_cause);
                        stop = a->shutting_down;
                        a->cut_requested = a->gc_requested = false;
                        pthread_mutex_unlock(&a->lock);
                        if (stop)
                                goto out;
                        /* without any generation nothing can be cloned: keep trying */
                        if (retry_cut_ns && now_ns() >= retry_cut_ns) {
                                if (retry_delay_ns < ACT_BACKOFF_MAX_US * 1000 / 2)
                                        retry_delay_ns *= 2;
                                retry_cut_ns = gen_cut(a, vm, "retry after a failed cut") < 0 ?
                                               now_ns() + retry_delay_ns : 0;
                                if (retry_cut_ns && ++cut_failures == a->live.max_failures) {
                                        sfmt(msg, sizeof(msg), "no generation to clone from: cutting one "
                                             "failed %d times (see the error events)", cut_failures + 1);
                                        pthread_mutex_lock(&a->lock);
                                        sfmt(a->alert, sizeof(a->alert), "%s", msg);
                                        a->stopped = true;
                                        pthread_mutex_unlock(&a->lock);
                                        log_error("actuator: %s", msg);
                                        emit(a, "alert", msg, NULL);
                                }
                        }
                        if (rewarm && a->fx.boot == POL_BOOT_CLONE) {
                                parent_warmup(a, a->parent_address);
                                if (gen_cut(a, vm, "warm-up set changed") == 0)
                                        gc = true;
                        }
                        if (cut && a->fx.boot == POL_BOOT_CLONE)
                                gen_cut(a, vm, cause[0] ? cause : "requested");
                        if (gc || cut)
                                gen_gc(a);
                        if (now_ns() < next_status)
                                continue;
                        next_status = now_ns() + 1000000000ull;
                        /* a restarted snowscale-lb forgot the parent: give it back */
                        if (registered && ++status_checks % 5 == 0) {
                                char lbstate[16];

                                if (sc_alb_state(a->lb, "parent", lbstate, sizeof(lbstate), why, sizeof(why)) == -ENOENT &&
                                    sc_alb_add(a->lb, "parent", a->parent_address, why, sizeof(why)) == 0)
                                        log_info("actuator: registered the parent with snowscale-lb again");
                        }
                        memset(&st, 0, sizeof(st));
                        if (a->drv->status(vm, &st) == 0 && st.state == CC_VM_EXITED) {
                                sfmt(msg, sizeof(msg), "parent VM exited (%s); booting a new one",
                                         st.reason);
                                log_error("actuator: %s", msg);
                                emit(a, "error", msg, NULL);
                                a->drv->destroy(vm);
                                vm = NULL;
                                break;
                        }
                }
        }
out:
        pthread_mutex_lock(&a->lock);
        stop_vms = a->stop_vms;
        pthread_mutex_unlock(&a->lock);
        if (stop_vms) {
                if (registered)
                        sc_alb_delete(a->lb, "parent", 0, why, sizeof(why));
                vm_stop(a, vm);
        } else if (vm) {
                a->drv->destroy(vm);    /* handle only: the next start adopts the VM */
        }
        parent_set(a, PARENT_OFF, NULL);
        return NULL;
}

/* ---- reconcile (loop thread) ------------------------------------------------------------ */

static unsigned alloc_port_locked(struct sc_actuator *a)
{
        for (unsigned p = a->fx.port_base + 1; p <= a->fx.port_base + ACT_PORT_SPAN && p < 65536; p++) {
                bool used = false;

                for (struct act_clone *c = a->clones; c && !used; c = c->next)
                        if (c->port == p && (sc_clone_state_live(c->state) || !c->thread_done))
                                used = true;
                if (!used && port_bindable(p))
                        return p;
        }
        return 0;
}

/* Inserts the requested row, then starts the worker. Caller holds a->lock. */
static int start_clone_locked(struct sc_actuator *a, const char *cause)
{
        struct act_clone *c = NULL;
        struct sc_clone row = {0};
        int r;

        c = calloc(1, sizeof(*c));
        if (!c)
                return -ENOMEM;
        c->a = a;
        c->port = alloc_port_locked(a);
        if (!c->port) {
                r = -EADDRINUSE;
                goto fail;
        }
        r = sc_store_next_clone_id(a->store, c->id, sizeof(c->id));
        if (r < 0)
                goto fail;
        c->generation = a->fx.boot == POL_BOOT_CLONE && a->n_gens ? a->gens[0].id : 0;
        sfmt(c->run_dir, sizeof(c->run_dir), "%s/%s", c->generation ? a->fx.clones_dir : a->fx.cold_dir,
             c->id);
        c->state = SC_CLONE_REQUESTED;
        copy_str(row.id, sizeof(row.id), c->id);
        row.generation = c->generation;
        copy_str(row.driver, sizeof(row.driver), a->fx.driver_name);
        copy_str(row.host, sizeof(row.host), "localhost");
        row.state = SC_CLONE_REQUESTED;
        row.created_us = c->created_us = ss_wall_us();
        copy_str(row.reason, sizeof(row.reason), cause);
        r = sc_store_clone_insert(a->store, &row);
        if (r < 0)
                goto fail;
        log_info("clone %s: requested (%s), generation %lld, port %u", c->id, cause,
                 (long long)c->generation, c->port);
        r = -pthread_create(&c->thread, NULL, clone_main, c);
        if (r < 0) {
                sc_store_clone_set_state(a->store, c->id, SC_CLONE_FAILED, "cannot start a worker thread");
                goto fail;
        }
        c->thread_started = true;
        c->next = a->clones;
        a->clones = c;
        return 0;
fail:
        free(c);
        return r;
}

static bool retiring(const struct act_clone *c)
{
        return c->retire || c->state == SC_CLONE_DRAINING;
}

/* Is x newer than y? By creation time, then by id number (c9 < c10) for clones of one µs. */
static bool newer(const struct act_clone *x, const struct act_clone *y)
{
        if (x->created_us != y->created_us)
                return x->created_us > y->created_us;
        return strlen(x->id) != strlen(y->id) ? strlen(x->id) > strlen(y->id) : strcmp(x->id, y->id) > 0;
}

/* Picks the clone to retire next: pending before serving, newest first by creation time. Not
 * list order: clones adopted after a restart join the list in directory order. */
static struct act_clone *pick_victim_locked(struct sc_actuator *a)
{
        struct act_clone *pending = NULL, *serving = NULL;

        for (struct act_clone *c = a->clones; c; c = c->next) {
                if (retiring(c))
                        continue;
                if (sc_clone_state_pending(c->state) && (!pending || newer(c, pending)))
                        pending = c;
                else if (c->state == SC_CLONE_SERVING && (!serving || newer(c, serving)))
                        serving = c;
        }
        return pending ? pending : serving;
}

static void reap_locked(struct sc_actuator *a)
{
        struct act_clone **pp = &a->clones;

        while (*pp) {
                struct act_clone *c = *pp;

                if (c->thread_done && c->thread_started) {
                        pthread_mutex_unlock(&a->lock);
                        pthread_join(c->thread, NULL);
                        pthread_mutex_lock(&a->lock);
                        c->thread_started = false;
                }
                /* the engine's callback still holds c until its final event */
                if (!c->thread_started && !sc_clone_state_live(c->state) &&
                    !(c->engine_owned && !c->ev_final)) {
                        *pp = c->next;
                        free(c);
                        continue;
                }
                pp = &c->next;
        }
}

static void set_blocked_locked(struct sc_actuator *a, const char *why)
{
        if (!strcmp(a->blocked, why))
                return;
        copy_str(a->blocked, sizeof(a->blocked), why);
        if (*why)
                log_info("actuator: not cloning now: %s", why);
}

void sc_actuator_tick(struct sc_actuator *a, int desired, uint64_t now_us)
{
        int live = 0, serving = 0, pending = 0;
        uint64_t t = now_ns();
        char cause[256];

        (void)now_us;
        if (!a)
                return;
        pthread_mutex_lock(&a->lock);
        reap_locked(a);
        /* started in observe mode: no driver, engine or parent exist; leaving observe mode
         * takes a restart (set_config says so) */
        if (a->live.observe || !a->drv || a->shutting_down || desired < 0)
                goto out;
        if (desired > ACT_MAX_CLONES)
                desired = ACT_MAX_CLONES;
        if (a->fx.boot == POL_BOOT_CLONE && a->parent_state == PARENT_READY) {
                if (a->live.generation_every_us && t - a->last_cut_ns >= a->live.generation_every_us * 1000) {
                        a->cut_requested = true;
                        copy_str(a->cut_cause, sizeof(a->cut_cause), "scheduled by parent.generation_every");
                        a->last_cut_ns = t;     /* one request per period even if the cut fails */
                        pthread_cond_broadcast(&a->cond);
                }
                if (a->n_gens > 1 && t - a->last_gc_ns >= ACT_GC_EVERY_NS) {
                        a->gc_requested = true;
                        a->last_gc_ns = t;
                        pthread_cond_broadcast(&a->cond);
                }
        }
        for (struct act_clone *c = a->clones; c; c = c->next) {
                if (retiring(c) || !sc_clone_state_live(c->state))
                        continue;
                live++;
                if (c->state == SC_CLONE_SERVING)
                        serving++;
                else
                        pending++;
        }
        if (live < desired) {
                if (a->stopped) {
                        set_blocked_locked(a, a->alert);
                        goto out;
                }
                if (t < a->backoff_until_ns) {
                        set_blocked_locked(a, "backing off after a failure");
                        goto out;
                }
                if (a->fx.boot == POL_BOOT_CLONE && a->n_gens == 0) {
                        set_blocked_locked(a, "waiting for the parent's first generation");
                        goto out;
                }
                set_blocked_locked(a, "");
                sfmt(cause, sizeof(cause), "scale out: desired %d, have %d serving + %d pending",
                         desired, serving, pending);
                /* after a failure, one clone in flight at a time until one serves again */
                if (a->consecutive_failures && pending > 0)
                        goto out;
                int n = a->consecutive_failures ? 1 : desired - live;
                for (int i = 0; i < n; i++) {
                        int r = start_clone_locked(a, cause);

                        if (r < 0) {
                                char msg[256];

                                sfmt(msg, sizeof(msg), "cannot request a clone: %s",
                                     r == -EADDRINUSE ? "no free host port above driver.port_base" : strerror(-r));
                                if (strcmp(a->blocked, msg)) {
                                        copy_str(a->blocked, sizeof(a->blocked), msg);
                                        pthread_mutex_unlock(&a->lock);
                                        log_error("actuator: %s", msg);
                                        emit(a, "error", msg, NULL);
                                        pthread_mutex_lock(&a->lock);
                                }
                                break;
                        }
                }
        } else if (live > desired) {
                sfmt(cause, sizeof(cause), "scale in: desired %d, have %d serving + %d pending",
                         desired, serving, pending);
                for (int i = live - desired; i > 0; i--) {
                        struct act_clone *c = pick_victim_locked(a);

                        if (!c)
                                break;
                        c->retire = true;
                        copy_str(c->retire_reason, sizeof(c->retire_reason), cause);
                        log_info("clone %s: retiring (%s)", c->id, cause);
                }
                pthread_cond_broadcast(&a->cond);
        }
out:
        pthread_mutex_unlock(&a->lock);
}

void sc_actuator_counts(struct sc_actuator *a, struct pol_clones *ret)
{
        memset(ret, 0, sizeof(*ret));
        if (!a)
                return;
        pthread_mutex_lock(&a->lock);
        for (struct act_clone *c = a->clones; c; c = c->next) {
                if (!sc_clone_state_live(c->state))
                        continue;
                if (retiring(c))
                        ret->draining++;
                else if (c->state == SC_CLONE_SERVING)
                        ret->serving++;
                else
                        ret->pending++;
        }
        pthread_mutex_unlock(&a->lock);
}

int sc_actuator_retire(struct sc_actuator *a, const char *clone_id)
{
        int r = -ENOENT;

        if (!a || !clone_id)
                return -EINVAL;
        pthread_mutex_lock(&a->lock);
        for (struct act_clone *c = a->clones; c; c = c->next) {
                if (strcmp(c->id, clone_id))
                        continue;
                if (!sc_clone_state_live(c->state) || retiring(c)) {
                        r = -EBUSY;
                        break;
                }
                c->retire = true;
                copy_str(c->retire_reason, sizeof(c->retire_reason), "retired on request (API)");
                pthread_cond_broadcast(&a->cond);
                r = 0;
                break;
        }
        pthread_mutex_unlock(&a->lock);
        if (r == 0)
                log_info("clone %s: retiring on request", clone_id);
        return r;
}

int sc_actuator_cut_generation(struct sc_actuator *a)
{
        int r = 0;

        if (!a)
                return -EINVAL;
        pthread_mutex_lock(&a->lock);
        if (a->live.observe || a->fx.boot != POL_BOOT_CLONE)
                r = -EOPNOTSUPP;
        else if (a->parent_state == PARENT_OFF || a->parent_state == PARENT_FAILED)
                r = -EAGAIN;
        else {
                a->cut_requested = true;
                copy_str(a->cut_cause, sizeof(a->cut_cause), "requested by an operator");
                pthread_cond_broadcast(&a->cond);
        }
        pthread_mutex_unlock(&a->lock);
        return r;
}

const char *sc_actuator_alert(struct sc_actuator *a)
{
        if (!a)
                return NULL;
        /* workers write a->alert; the caller (loop thread) gets a copy that holds until its
         * next call */
        pthread_mutex_lock(&a->lock);
        copy_str(a->alert_out, sizeof(a->alert_out), a->alert);
        pthread_mutex_unlock(&a->lock);
        return a->alert_out[0] ? a->alert_out : NULL;
}

/* ---- configuration ---------------------------------------------------------------------- */

static void live_from_cfg(struct act_live *l, const struct pol_config *cfg)
{
        l->ready_timeout_us = cfg->driver.ready_timeout_us ? cfg->driver.ready_timeout_us : 30000000ull;
        l->drain_timeout_us = cfg->policy.drain_timeout_us;
        l->backoff_us = cfg->clones.backoff_us ? cfg->clones.backoff_us : 2000000ull;
        l->generation_every_us = cfg->parent.generation_every_us;
        l->max_failures = cfg->clones.max_consecutive_failures;
        l->observe = cfg->mode == POL_MODE_OBSERVE;
}

static const char *accel_name(enum pol_accel acc)
{
        return acc == POL_ACCEL_KVM ? "kvm" : acc == POL_ACCEL_TCG ? "tcg" : "auto";
}

static int fixed_from_cfg(struct act_fixed *fx, const struct pol_config *cfg)
{
        const char *sd = cfg->state_dir ? cfg->state_dir : "/var/lib/snowscale";
        const char *opts = getenv("SNOWSCALE_DRIVER_OPTS");

        if (strlen(sd) + 16 >= PATH_MAX)
                return -ENAMETOOLONG;
        copy_str(fx->state_dir, sizeof(fx->state_dir), sd);
        sfmt(fx->clones_dir, sizeof(fx->clones_dir), "%s/clones", sd);
        sfmt(fx->cold_dir, sizeof(fx->cold_dir), "%s/cold", sd);
        sfmt(fx->parent_dir, sizeof(fx->parent_dir), "%s/parent", sd);
        copy_str(fx->kernel, sizeof(fx->kernel), cfg->driver.kernel);
        copy_str(fx->initrd, sizeof(fx->initrd), cfg->driver.initrd);
        copy_str(fx->binary, sizeof(fx->binary), cfg->driver.qemu_binary);
        copy_str(fx->cmdline, sizeof(fx->cmdline), cfg->driver.cmdline);
        copy_str(fx->accel, sizeof(fx->accel), accel_name(cfg->driver.accel));
        /* SNOWSCALE_DRIVER_OPTS overrides driver.opts: fault injection without editing the file */
        if (!opts)
                opts = cfg->driver.opts;
        copy_str(fx->driver_opts, sizeof(fx->driver_opts), opts);
        copy_str(fx->driver_name, sizeof(fx->driver_name), cfg->driver.kind == POL_DRIVER_XEN ? "xen" : "qemu");
        fx->mem_bytes = cfg->driver.memory_bytes ? cfg->driver.memory_bytes : 256ull << 20;
        fx->vcpus = cfg->driver.vcpus > 0 ? (unsigned)cfg->driver.vcpus : 1;
        fx->guest_port = cfg->driver.guest_port > 0 ? (unsigned)cfg->driver.guest_port : 80;
        fx->port_base = cfg->driver.port_base > 0 ? (unsigned)cfg->driver.port_base : 18000;
        fx->boot = cfg->driver.boot;
        copy_str(fx->health_path, sizeof(fx->health_path), cfg->lb.health_path ? cfg->lb.health_path : "/healthz");
        fx->health_status = cfg->lb.health_status > 0 ? cfg->lb.health_status : 200;
        fx->ready_timeout_ms = (unsigned)((cfg->driver.ready_timeout_us ? cfg->driver.ready_timeout_us :
                                           30000000ull) / 1000);
        fx->parent_serve = cfg->parent.serve;
        if (cfg->parent.n_warmup_urls) {
                fx->warmup = calloc(cfg->parent.n_warmup_urls, sizeof(char *));
                if (!fx->warmup)
                        return -ENOMEM;
                for (size_t i = 0; i < cfg->parent.n_warmup_urls; i++) {
                        fx->warmup[i] = strdup(cfg->parent.warmup_urls[i]);
                        if (!fx->warmup[i])
                                return -ENOMEM;
                        fx->n_warmup++;
                }
        }
        return 0;
}

static void fixed_dispose(struct act_fixed *fx)
{
        for (size_t i = 0; i < fx->n_warmup; i++)
                free(fx->warmup[i]);
        free(fx->warmup);
        fx->warmup = NULL;
        fx->n_warmup = 0;
}

void sc_actuator_set_config(struct sc_actuator *a, const struct pol_config *cfg)
{
        struct act_fixed nf = {0};
        bool rearmed, loaded, same = true;

        if (!a || !cfg)
                return;
        loaded = fixed_from_cfg(&nf, cfg) == 0;
        if (loaded) {
                if (strcmp(nf.state_dir, a->fx.state_dir) || strcmp(nf.kernel, a->fx.kernel) ||
                    strcmp(nf.initrd, a->fx.initrd) || nf.mem_bytes != a->fx.mem_bytes ||
                    nf.vcpus != a->fx.vcpus || nf.port_base != a->fx.port_base || nf.boot != a->fx.boot ||
                    nf.parent_serve != a->fx.parent_serve || strcmp(nf.driver_name, a->fx.driver_name))
                        log_warn("actuator: driver, state_dir and parent settings change only on restart; "
                                 "keeping the running ones");
        }
        /* a new warm-up set is worth a new generation: the parent warms up again and cuts one */
        pthread_mutex_lock(&a->lock);
        if (loaded) {
                same = nf.n_warmup == a->fx.n_warmup;
                for (size_t i = 0; same && i < nf.n_warmup; i++)
                        same = !strcmp(nf.warmup[i], a->fx.warmup[i]);
        }
        if (!same) {
                char **w = a->fx.warmup;
                size_t n = a->fx.n_warmup;

                a->fx.warmup = nf.warmup;
                a->fx.n_warmup = nf.n_warmup;
                nf.warmup = w;
                nf.n_warmup = n;
                a->warmup_changed = true;
                pthread_cond_broadcast(&a->cond);
        }
        pthread_mutex_unlock(&a->lock);
        if (!same)
                log_info("actuator: parent.warmup_urls changed; the parent warms up again and a new generation is cut");
        fixed_dispose(&nf);
        if (!a->drv && cfg->mode != POL_MODE_OBSERVE)
                log_warn("actuator: snowscaled started in observe mode; restart it to clone and retire");
        pthread_mutex_lock(&a->lock);
        live_from_cfg(&a->live, cfg);
        rearmed = rearm_locked(a);
        pthread_cond_broadcast(&a->cond);
        pthread_mutex_unlock(&a->lock);
        if (rearmed) {
                log_info("actuator: configuration reloaded; cloning re-armed after the failure alert");
                emit(a, "alert", "cloning re-armed by a configuration reload", NULL);
        }
}

/* ---- start and recovery ----------------------------------------------------------------- */

static void recover_generations(struct sc_actuator *a)
{
        struct sc_generation *list = NULL;
        char why[CC_REASON_MAX];
        size_t n = 0;

        if (sc_store_generation_list(a->store, false, &list, &n) < 0)
                return;
        a->gens = calloc(n ? n : 1, sizeof(*a->gens));
        for (size_t i = n; i-- > 0 && a->gens;) {         /* newest first */
                struct cc_generation *g = NULL;

                why[0] = 0;
                if (a->fx.boot == POL_BOOT_CLONE &&
                    cc_generation_get(a->engine, (uint64_t)list[i].id, &g, why, sizeof(why)) == 0) {
                        a->gens[a->n_gens++] = (struct act_gen){ .id = list[i].id, .g = g };
                        continue;
                }
                sc_store_generation_mark_deleted(a->store, list[i].id);
                log_info("actuator: generation %lld is not usable any more (%s); marked deleted",
                         (long long)list[i].id, why[0] ? why : "cold boot mode");
        }
        free(list);
        /* generation directories the table does not list as live: a cut that crashed half-way,
         * or a deletion that did not finish */
        char gdir[PATH_MAX], path[PATH_MAX];
        DIR *d;
        struct dirent *de;

        sfmt(gdir, sizeof(gdir), "%s/gen", a->fx.state_dir);
        d = opendir(gdir);
        while (d && (de = readdir(d))) {
                char *end;
                long long v = strtoll(de->d_name, &end, 10);
                bool live = false;

                if (*end != 0 || end == de->d_name)
                        continue;
                for (size_t i = 0; i < a->n_gens; i++)
                        live = live || a->gens[i].id == v;
                if (live)
                        continue;
                if (snprintf(path, sizeof(path), "%s/%s", gdir, de->d_name) < (int)sizeof(path)) {
                        log_info("actuator: removing %s: no live generation of the table uses it", path);
                        rm_rf(path);
                }
        }
        if (d)
                closedir(d);
}

/* A VM under dir that nobody wants: stop it and remove its files. True if one was running. */
static bool kill_orphan(struct sc_actuator *a, const char *dir)
{
        struct cc_vm *vm = NULL;
        char why[CC_REASON_MAX];
        bool alive = false;

        if (a->drv->adopt(dir, &vm, why, sizeof(why)) == 0 && vm) {
                struct cc_vm_status st = {0};

                alive = a->drv->status(vm, &st) == 0 && st.state != CC_VM_EXITED;
                vm_stop(a, vm);
        }
        rm_rf(dir);
        return alive;
}

static struct act_clone *recovered_clone(struct sc_actuator *a, const struct sc_clone *row,
                                         const char *dir)
{
        struct act_clone *c = calloc(1, sizeof(*c));
        const char *colon;

        if (!c)
                return NULL;
        c->a = a;
        copy_str(c->id, sizeof(c->id), row->id);
        c->generation = row->generation;
        copy_str(c->run_dir, sizeof(c->run_dir), dir);
        copy_str(c->address, sizeof(c->address), row->address);
        c->state = row->state;
        c->created_us = row->created_us;
        c->recovered = true;
        colon = strrchr(c->address, ':');
        c->port = colon ? (unsigned)atoi(colon + 1) : 0;
        return c;
}

/* One run dir of a previous run: adopt it for its row, or destroy it as an orphan. */
static void recover_dir(struct sc_actuator *a, const char *dir, const char *name, bool engine,
                        struct sc_clone *rows, size_t n, int *adopted, int *orphans, int *vanished)
{
        struct sc_clone *row = NULL;
        struct act_clone *c;
        char why[CC_REASON_MAX] = "", msg[768];
        int r;

        for (size_t i = 0; i < n; i++)
                if (!strcmp(rows[i].id, name) && sc_clone_state_live(rows[i].state))
                        row = &rows[i];
        /* a row of the other kind (cold vs clone) cannot own this dir */
        if (row && (row->generation > 0) != engine)
                row = NULL;
        if (!row) {
                if (kill_orphan(a, dir)) {
                        (*orphans)++;
                        sfmt(msg, sizeof(msg), "destroyed orphan VM %s: the clone table does not know it", name);
                        log_warn("actuator: %s", msg);
                        emit(a, "clone", msg, "id", name, "orphan", "true", NULL);
                }
                return;
        }
        c = recovered_clone(a, row, dir);
        if (!c)
                return;
        if (engine) {
                r = cc_adopt(a->engine, c->id, (uint64_t)c->generation, engine_cb, c, why, sizeof(why));
                if (r == 0) {
                        struct cc_clone_stats cs = {0};

                        /* an adopted clone is ready as it is: the engine has seen its guest */
                        c->engine_owned = true;
                        c->ev_resuming = c->ev_ready = true;
                        copy_str(c->ev_address, sizeof(c->ev_address), c->address);
                        if (cc_clone_stats(a->engine, c->id, &cs) == 0 && cs.vm.address[0])
                                copy_str(c->ev_address, sizeof(c->ev_address), cs.vm.address);
                }
        } else {
                struct cc_vm_status st = {0};

                r = a->drv->adopt(dir, &c->vm, why, sizeof(why));
                if (r == 0 && (!c->vm || a->drv->status(c->vm, &st) < 0 || st.state == CC_VM_EXITED)) {
                        a->drv->destroy(c->vm);
                        c->vm = NULL;
                        r = -ESRCH;
                }
        }
        row->state = SC_CLONE_RETIRED;          /* handled */
        if (r < 0) {
                sfmt(msg, sizeof(msg), "vanished: its VM did not survive the restart%s%.300s",
                     why[0] ? ": " : "", why);
                if (engine)
                        kill_orphan(a, dir);
                else
                        rm_rf(dir);
                sc_store_clone_set_state(a->store, c->id,
                                         c->state == SC_CLONE_DRAINING ? SC_CLONE_RETIRED : SC_CLONE_FAILED, msg);
                free(c);
                (*vanished)++;
                return;
        }
        if (c->state == SC_CLONE_REQUESTED || c->state == SC_CLONE_CLONING)
                set_state(c, SC_CLONE_RESUMING, "adopted after a restart");
        c->next = a->clones;
        a->clones = c;
        (*adopted)++;
}

static void recover_tree(struct sc_actuator *a, const char *root, bool engine, struct sc_clone *rows,
                         size_t n, int *adopted, int *orphans, int *vanished)
{
        DIR *d = opendir(root);
        struct dirent *de;
        char path[PATH_MAX];

        while (d && (de = readdir(d))) {
                if (de->d_name[0] == '.')
                        continue;
                if (snprintf(path, sizeof(path), "%s/%s", root, de->d_name) >= (int)sizeof(path) ||
                    !dir_exists(path))
                        continue;
                recover_dir(a, path, de->d_name, engine, rows, n, adopted, orphans, vanished);
        }
        if (d)
                closedir(d);
}

/* Adopts what runs, matches it with the table, cleans up the rest. */
static int recover(struct sc_actuator *a, struct cc_vm **parent_vm)
{
        struct sc_clone *rows = NULL;
        char why[CC_REASON_MAX], msg[512];
        size_t n = 0;
        int r, adopted = 0, orphans = 0, vanished = 0;

        if (dir_exists(a->fx.parent_dir)) {
                struct cc_vm *vm = NULL;
                struct cc_vm_status st = {0};

                if (a->drv->adopt(a->fx.parent_dir, &vm, why, sizeof(why)) == 0 && vm &&
                    a->drv->status(vm, &st) == 0 && st.state != CC_VM_EXITED) {
                        log_info("actuator: the parent of the previous run is alive; adopting it");
                        /* a crash during a generation cut leaves it paused */
                        a->drv->resume(vm);
                        *parent_vm = vm;
                } else {
                        a->drv->destroy(vm);
                }
        }
        r = sc_store_clone_list(a->store, true, &rows, &n);
        if (r < 0)
                return r;
        recover_tree(a, a->fx.clones_dir, true, rows, n, &adopted, &orphans, &vanished);
        recover_tree(a, a->fx.cold_dir, false, rows, n, &adopted, &orphans, &vanished);
        /* rows whose VM was not found at all */
        for (size_t i = 0; i < n; i++) {
                if (!sc_clone_state_live(rows[i].state))
                        continue;
                if (rows[i].state == SC_CLONE_DRAINING)
                        sc_store_clone_set_state(a->store, rows[i].id, SC_CLONE_RETIRED,
                                                 "its VM was already gone after a restart");
                else
                        sc_store_clone_set_state(a->store, rows[i].id, SC_CLONE_FAILED,
                                                 rows[i].state == SC_CLONE_REQUESTED ?
                                                 "interrupted by a restart before its VM started" :
                                                 "vanished: no VM found after a restart");
                vanished++;
        }
        free(rows);
        if (adopted || orphans || vanished) {
                sfmt(msg, sizeof(msg), "recovered after a restart: %d clones adopted, %d orphan VMs destroyed, "
                     "%d clones vanished", adopted, orphans, vanished);
                log_info("actuator: %s", msg);
                emit(a, "clone", msg, NULL);
        }
        /* each adopted clone's worker re-registers it with snowscale-lb (the serving set) */
        for (struct act_clone *c = a->clones; c; c = c->next) {
                if (pthread_create(&c->thread, NULL, clone_main, c) == 0)
                        c->thread_started = true;
                else
                        c->thread_done = true;
        }
        return 0;
}

int sc_actuator_new(const struct pol_config *cfg, struct sc_store *store, struct sc_actuator **ret)
{
        struct sc_actuator *a = NULL;
        struct parent_arg *pa = NULL;
        struct cc_vm *parent_vm = NULL;
        pthread_condattr_t ca;
        char why[CC_REASON_MAX] = "";
        int r;

        if (!cfg || !store || !ret)
                return -EINVAL;
        a = calloc(1, sizeof(*a));
        if (!a)
                return -ENOMEM;
        a->store = store;
        pthread_mutex_init(&a->lock, NULL);
        pthread_condattr_init(&ca);
        pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
        pthread_cond_init(&a->cond, &ca);
        pthread_condattr_destroy(&ca);
        live_from_cfg(&a->live, cfg);
        r = fixed_from_cfg(&a->fx, cfg);
        if (r < 0)
                goto fail;
        if (a->live.observe) {
                /* a dry run touches no VM, not even to recover */
                log_info("actuator: observe mode: no VM is booted, cloned, adopted or retired");
                *ret = a;
                return 0;
        }
        a->drv = cc_driver_find(a->fx.driver_name);
        if (!a->drv) {
                log_error("actuator: driver %s is not compiled in", a->fx.driver_name);
                r = -ENODEV;
                goto fail;
        }
        if (a->drv->probe && a->drv->probe(why, sizeof(why)) < 0) {
                log_error("actuator: driver %s cannot run VMs here: %s", a->fx.driver_name, why);
                r = -ENODEV;
                goto fail;
        }
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
                r = -ENOMEM;
                goto fail;
        }
        a->curl_inited = true;
        r = sc_alb_new(cfg->lb.listen ? cfg->lb.listen : "127.0.0.1:8901",
                       cfg->lb.token ? cfg->lb.token : cfg->api.token, &a->lb);
        if (r < 0)
                goto fail;
        if ((r = ss_mkdir_p(a->fx.clones_dir, 0700)) < 0 || (r = ss_mkdir_p(a->fx.cold_dir, 0700)) < 0)
                goto fail;
        struct cc_engine_config ec = {
                .driver = a->drv, .state_dir = a->fx.state_dir,
                .ready_timeout_ms = a->fx.ready_timeout_ms,
        };
        r = cc_engine_new(&ec, &a->engine, why, sizeof(why));
        if (r < 0) {
                log_error("actuator: clonecore: %s", why);
                goto fail;
        }
        recover_generations(a);
        r = recover(a, &parent_vm);
        if (r < 0)
                goto fail;
        pa = calloc(1, sizeof(*pa));
        if (!pa) {
                r = -ENOMEM;
                goto fail;
        }
        pa->a = a;
        pa->vm = parent_vm;
        parent_vm = NULL;
        a->parent_state = PARENT_BOOTING;
        r = -pthread_create(&a->parent_thread, NULL, parent_main, pa);
        if (r < 0) {
                parent_vm = pa->vm;
                free(pa);
                goto fail;
        }
        a->parent_started = true;
        log_info("actuator: driver %s, %s workers, state in %s", a->fx.driver_name,
                 a->fx.boot == POL_BOOT_CLONE ? "cloned" : "cold-booted", a->fx.state_dir);
        *ret = a;
        return 0;
fail:
        if (parent_vm && a->drv)
                a->drv->destroy(parent_vm);
        sc_actuator_shutdown(a, false);
        return r;
}

void sc_actuator_shutdown(struct sc_actuator *a, bool stop_vms)
{
        if (!a)
                return;
        pthread_mutex_lock(&a->lock);
        a->shutting_down = true;
        a->stop_vms = stop_vms;
        pthread_cond_broadcast(&a->cond);
        pthread_mutex_unlock(&a->lock);
        if (stop_vms && (a->clones || a->parent_started))
                log_info("actuator: retiring every clone and the parent");
        for (struct act_clone *c = a->clones; c; c = c->next)
                if (c->thread_started) {
                        pthread_join(c->thread, NULL);
                        c->thread_started = false;
                }
        if (a->parent_started)
                pthread_join(a->parent_thread, NULL);
        /* after the workers: no engine callback may reach a freed clone */
        cc_engine_free(a->engine);
        while (a->clones) {
                struct act_clone *c = a->clones;

                a->clones = c->next;
                free(c);
        }
        free(a->gens);
        sc_alb_free(a->lb);
        fixed_dispose(&a->fx);
        if (a->curl_inited)
                curl_global_cleanup();
        pthread_cond_destroy(&a->cond);
        pthread_mutex_destroy(&a->lock);
        free(a);
}
