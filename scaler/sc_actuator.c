/* sc_actuator: the control loop's desired clone count made real (see sc_actuator.h).
 *
 * Shape: the loop thread owns the decisions (how many to start, which to retire): this file, with
 * the configuration and the actuator's start and stop. The work runs elsewhere, each part on
 * threads of its own: one clone's life (sc_actuator_clone.c), the parent and its generations
 * (sc_actuator_parent.c, sc_actuator_gen.c), adoption after a restart (sc_actuator_recover.c).
 * They share the state in sc_actuator_int.h under one mutex; nothing slow runs under it.
 *
 * A clone's row is written (requested) by the loop thread before its worker or VM exists, so
 * that after a crash a run dir the table does not know is an orphan and is destroyed.
 *
 * Retire order: pending clones first (they are not capacity yet), then serving clones newest
 * first by creation time: the newest clone has the coldest caches and the fewest long-lived
 * connections to drain, while the oldest ones have been proven healthy under load
 * (docs/operations.md). */
#include "sc_actuator.h"

#include <curl/curl.h>
#include <errno.h>
#include <ftw.h>
#include <json-c/json.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sc_actuator_clone.h"
#include "sc_actuator_gen.h"
#include "sc_actuator_int.h"
#include "sc_actuator_lb.h"
#include "sc_actuator_parent.h"
#include "sc_actuator_recover.h"
#include "sc_actuator_remote.h"
#include "ss_log.h"

/* ---- shared helpers (sc_actuator_int.h) ------------------------------------------------- */

/* An event whose data is a small JSON object built from key/value string pairs (NULL-ended). */
void sc_act_emit(struct sc_actuator *a, const char *kind, const char *message, ...)
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

void sc_act_rm_rf(const char *path)
{
        nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

bool sc_act_dir_exists(const char *path)
{
        struct stat st;

        return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

size_t sc_act_discard(char *p, size_t s, size_t n, void *u)
{
        (void)p; (void)u;
        return s * n;
}

/* Lifts the stop after repeated failures (new generation, reload). Caller holds a->lock. */
bool sc_act_rearm_locked(struct sc_actuator *a)
{
        if (!a->stopped)
                return false;
        a->stopped = false;
        a->alert[0] = 0;
        a->consecutive_failures = 0;
        a->backoff_until_ns = 0;
        return true;
}

void sc_act_vm_stop(struct sc_actuator *a, struct cc_vm *vm)
{
        if (!vm)
                return;
        a->drv->retire(vm, ACT_RETIRE_GRACE_MS);
        a->drv->destroy(vm);
}

/* ---- reconcile (loop thread) ------------------------------------------------------------ */

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
        c->host = -1;
        c->port = alloc_port_locked(a);
        if (!c->port) {
                r = -EADDRINUSE;
                goto fail;
        }
        r = sc_store_next_clone_id(a->store, c->id, sizeof(c->id));
        if (r < 0)
                goto fail;
        c->generation = POL_BOOT_FROM_GENERATION(a->fx.boot) && a->n_gens ? a->gens[0].id : 0;
        sfmt(c->run_dir, sizeof(c->run_dir), "%s/%s", c->generation ? a->fx.clones_dir : a->fx.cold_dir,
             c->id);
        if (a->n_hosts) {
                char why[256];
                r = sc_act_remote_place_locked(a, c->generation, why, sizeof(why));
                if (r < 0) {
                        copy_str(a->place_why, sizeof(a->place_why), why);
                        goto fail;
                }
                c->host = r;
        }
        c->state = SC_CLONE_REQUESTED;
        copy_str(row.id, sizeof(row.id), c->id);
        row.generation = c->generation;
        copy_str(row.driver, sizeof(row.driver), a->fx.driver_name);
        copy_str(row.host, sizeof(row.host), c->host >= 0 ? a->host_names[c->host] : "localhost");
        row.state = SC_CLONE_REQUESTED;
        row.created_us = c->created_us = ss_wall_us();
        copy_str(row.reason, sizeof(row.reason), cause);
        r = sc_store_clone_insert(a->store, &row);
        if (r < 0)
                goto fail;
        if (c->host >= 0)
                log_info("clone %s: requested (%s), generation %lld, placed on host %s", c->id, cause,
                         (long long)c->generation, a->host_names[c->host]);
        else
                log_info("clone %s: requested (%s), generation %lld, port %u", c->id, cause,
                         (long long)c->generation, c->port);
        r = sc_act_clone_start(c);
        if (r < 0) {
                sc_store_clone_set_state(a->store, c->id, SC_CLONE_FAILED, "cannot start a worker thread");
                goto fail;
        }
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
        if (POL_BOOT_FROM_GENERATION(a->fx.boot) && a->parent_state == PARENT_READY) {
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
                if (POL_BOOT_FROM_GENERATION(a->fx.boot) && a->n_gens == 0) {
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
                                     r == -EADDRINUSE ? "no free host port above driver.port_base" :
                                     r == -ENOSPC ? a->place_why : strerror(-r));
                                if (strcmp(a->blocked, msg)) {
                                        copy_str(a->blocked, sizeof(a->blocked), msg);
                                        pthread_mutex_unlock(&a->lock);
                                        log_error("actuator: %s", msg);
                                        sc_act_emit(a, "error", msg, NULL);
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
        if (a->live.observe || !POL_BOOT_FROM_GENERATION(a->fx.boot))
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
        copy_str(fx->disk, sizeof(fx->disk), cfg->driver.disk);
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
        sfmt(fx->net_sig, sizeof(fx->net_sig), "%d %s %d %u %u %u %u %u %d", (int)cfg->network.mode,
             cfg->network.bridge ? cfg->network.bridge : "", (int)cfg->network.create, cfg->network.net_addr,
             cfg->network.gw_addr, cfg->network.first_addr, cfg->network.last_addr, cfg->network.dns_addr,
             cfg->network.prefix_len);
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
                if (strcmp(nf.net_sig, a->fx.net_sig))
                        log_warn("actuator: network settings change only on restart; keeping the running ones");
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
        rearmed = sc_act_rearm_locked(a);
        pthread_cond_broadcast(&a->cond);
        pthread_mutex_unlock(&a->lock);
        if (rearmed) {
                log_info("actuator: configuration reloaded; cloning re-armed after the failure alert");
                sc_act_emit(a, "alert", "cloning re-armed by a configuration reload", NULL);
        }
}

/* ---- start and stop --------------------------------------------------------------------- */

int sc_actuator_new(const struct pol_config *cfg, struct sc_store *store, struct sc_actuator **ret)
{
        struct sc_actuator *a = NULL;
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
        if (cfg->network.mode == POL_NET_BRIDGE) {
                struct sc_addrplan_cfg pc = {
                        .create = cfg->network.create, .gateway = cfg->network.gw_addr,
                        .first = cfg->network.first_addr, .last = cfg->network.last_addr,
                        .dns = cfg->network.dns_addr, .prefix_len = (unsigned)cfg->network.prefix_len,
                };
                copy_str(pc.bridge, sizeof(pc.bridge), cfg->network.bridge);
                r = sc_addrplan_new(store, &pc, &a->plan);
                if (r == 0)
                        r = sc_addrplan_bridge_ensure(a->plan, why, sizeof(why));
                if (r < 0) {
                        log_error("actuator: %s", why[0] ? why : strerror(-r));
                        goto fail;
                }
                log_info("actuator: bridge network on %s: %s..%s", pc.bridge,
                         cfg->network.range ? cfg->network.range : "(the subnet)", cfg->network.subnet);
        }
        if (cfg->n_hosts && (r = sc_act_remote_init(a, cfg)) < 0)
                goto fail;
        sc_act_gen_recover(a);
        r = sc_act_recover(a, &parent_vm);
        if (r < 0)
                goto fail;
        if (a->plan || a->n_hosts) {
                /* After a crash: addresses held by clones that are no longer live (their VM
                 * vanished, or the claim was made and the VM never started) go back, on every
                 * host's subnet (the plans share one table). */
                struct sc_addrplan *plan = a->plan ? a->plan : a->host_plans[0];
                const char *live[ACT_MAX_CLONES];
                size_t nl = 0;
                unsigned released = 0;
                pthread_mutex_lock(&a->lock);
                for (struct act_clone *c = a->clones; c && nl < ACT_MAX_CLONES; c = c->next)
                        if (sc_clone_state_live(c->state))
                                live[nl++] = c->id;
                pthread_mutex_unlock(&a->lock);
                r = sc_addrplan_reconcile(plan, live, nl, true, &released);
                if (r < 0) {
                        log_error("actuator: cannot reconcile the address plan: %s", strerror(-r));
                        goto fail;
                }
                if (released) {
                        char msg[160];
                        sfmt(msg, sizeof(msg), "address plan: %u addresses of VMs gone before the restart "
                             "released", released);
                        log_info("actuator: %s", msg);
                        sc_act_emit(a, "clone", msg, NULL);
                }
        }
        r = sc_act_parent_start(a, parent_vm);
        if (r < 0)
                goto fail;
        parent_vm = NULL;               /* the parent's thread owns it now */
        log_info("actuator: driver %s, %s workers, state in %s", a->fx.driver_name,
                 a->fx.boot == POL_BOOT_CLONE     ? "cloned"
                 : a->fx.boot == POL_BOOT_RESTORE ? "restored (whole memory)"
                                                  : "cold-booted",
                 a->fx.state_dir);
        *ret = a;
        return 0;
fail:
        if (parent_vm && a->drv)
                a->drv->destroy(parent_vm);
        sc_actuator_shutdown(a, false);
        return r;
}

int sc_act_net_for(struct sc_actuator *a, const char *owner, unsigned port, struct cc_net *ret,
                   char *why, size_t whylen)
{
        int r;

        if (!a->plan) {
                *ret = cc_net_user(port);
                return 0;
        }
        r = sc_addrplan_claim(a->plan, owner, ret, why, whylen);
        if (r == -ENOSPC) {
                log_error("actuator: %s: %s (alert)", owner, why);
                sc_act_emit(a, "alert", why, "clone", owner, NULL);
        }
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
        sc_act_remote_shutdown(a);
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
        sc_addrplan_free(a->plan);
        free(a);
}

