/* sc_loop: the control tick. See sc_loop.h. */
#include "sc_loop.h"
#include "sc_json.h"

#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#include <json-c/json.h>
#include <systemd/sd-daemon.h>

#include "sc_actuator.h"
#include "sc_monitor.h"
#include "pol_capacity.h"
#include "sc_store.h"
#include "ss_log.h"
#include "ss_util.h"

#define REQUEST_WAIT_MS 5000
#define PRUNE_EVERY_US (60ull * 1000000)

enum req_kind { REQ_SCALE, REQ_RETIRE, REQ_GENERATION };

/* A request from another thread. Shared by the requester and the loop: refcounted, so that a
 * requester that gave up waiting does not free what the loop is about to answer. */
struct request {
        enum req_kind kind;
        int desired;
        char clone_id[64];
        int result;
        char why[256];
        bool done;
        int refs;
        struct request *next;
};

struct sc_loop {
        struct pol_config *cfg;
        struct sc_store *store;
        struct sc_monitor *mon;
        struct sc_actuator *act;        /* NULL in observe mode */
        sc_loop_reload_fn on_reload;
        void *on_reload_arg;
        struct pol_state *pstate;
        struct pol_capacity capacity;   /* learned per-worker capacity, fed once per tick */
        int sfd, tfd, efd;
        int xfd;                        /* eventfd: a sample batch arrived */

        /* loop-thread state */
        int manual;                     /* -1 = the policy decides */
        int last_desired;               /* -1 before the first decision */
        bool last_panic;
        bool last_stale;                /* samples missing (no batch lately) at the last tick */
        char last_alert[512];
        uint64_t last_prune_us;
        uint64_t last_eval_mono_us;     /* last evaluation, on a tick or early */

        pthread_mutex_t lock;           /* guards status, queue */
        pthread_cond_t answered;
        struct sc_loop_status status;
        struct sc_act_host hosts_tmp[SC_ACT_MAX_HOSTS];        /* loop thread only */
        struct request *queue, **queue_tail;
        bool stopping;                  /* requests are refused from now on */
};

static void request_unref_locked(struct request *r)
{
        if (--r->refs == 0)
                free(r);
}

static void status_from_config_locked(struct sc_loop *l)
{
        struct sc_loop_status *s = &l->status;
        const struct pol_config *c = l->cfg;
        snprintf(s->pool, sizeof(s->pool), "%s", c->pool ? c->pool : "");
        snprintf(s->service, sizeof(s->service), "%s", c->service.name ? c->service.name : "");
        s->observe = c->mode == POL_MODE_OBSERVE;
        s->n_metrics = c->policy.n_metrics;
        memcpy(s->metrics, c->policy.metrics, sizeof(s->metrics));
        s->tolerance = c->policy.tolerance;
        s->min_clones = c->policy.min_clones;
        s->max_clones = c->policy.max_clones;
        s->tick_us = c->tick_us;
}

static int arm_timer(struct sc_loop *l)
{
        uint64_t t = l->cfg->tick_us ? l->cfg->tick_us : 1000000;
        struct itimerspec its = {
                .it_interval = { .tv_sec = (time_t)(t / 1000000), .tv_nsec = (long)(t % 1000000) * 1000 },
                .it_value = { .tv_sec = 0, .tv_nsec = 1000000 },        /* first tick at once */
        };
        return timerfd_settime(l->tfd, 0, &its, NULL) < 0 ? -errno : 0;
}

int sc_loop_new(struct pol_config *cfg, struct sc_store *store, struct sc_monitor *mon,
                struct sc_loop **ret)
{
        struct sc_loop *l = NULL;
        sigset_t mask;
        char buf[32];
        int r;

        l = calloc(1, sizeof(*l));
        if (!l)
                return -ENOMEM;
        l->sfd = l->tfd = l->efd = l->xfd = -1;
        l->store = store;
        l->mon = mon;
        l->manual = -1;
        l->last_desired = -1;
        l->queue_tail = &l->queue;
        pthread_mutex_init(&l->lock, NULL);
        pthread_cond_init(&l->answered, NULL);

        sigemptyset(&mask);
        sigaddset(&mask, SIGTERM);
        sigaddset(&mask, SIGINT);
        sigaddset(&mask, SIGHUP);
        l->sfd = signalfd(-1, &mask, SFD_CLOEXEC | SFD_NONBLOCK);
        l->tfd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
        l->efd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
        l->xfd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
        if (l->sfd < 0 || l->tfd < 0 || l->efd < 0 || l->xfd < 0) {
                r = -errno;
                goto fail;
        }
        l->pstate = pol_state_new();
        if (!l->pstate) {
                r = -ENOMEM;
                goto fail;
        }
        /* The operator's manual desired count survives a restart. */
        if (sc_store_kv_get(store, "manual_desired", buf, sizeof(buf)) == 0) {
                l->manual = atoi(buf);
                log_info("manual desired count %d from the previous run (POST /scale {\"desired\":null} "
                         "returns control to the policy)", l->manual);
        }
        if (cfg->mode == POL_MODE_OBSERVE) {
                log_info("mode observe: decisions are computed and stored; nothing is cloned or retired");
        } else {
                r = sc_actuator_new(cfg, store, &l->act);
                if (r < 0) {
                        log_error("cannot start the actuator: %s", strerror(-r));
                        goto fail;
                }
        }
        l->cfg = cfg;
        l->status.desired = -1;
        l->status.started_us = ss_wall_us();
        status_from_config_locked(l);
        r = arm_timer(l);
        if (r < 0)
                goto fail;
        *ret = l;
        return 0;
fail:
        l->cfg = NULL;          /* still the caller's on failure */
        sc_loop_free(l, false);
        return r;
}

void sc_loop_on_reload(struct sc_loop *l, sc_loop_reload_fn fn, void *arg)
{
        l->on_reload = fn;
        l->on_reload_arg = arg;
}

void sc_loop_stop_requests(struct sc_loop *l)
{
        if (!l)
                return;
        pthread_mutex_lock(&l->lock);
        l->stopping = true;
        for (struct request *r = l->queue, *n; r; r = n) {
                n = r->next;
                r->result = -ESHUTDOWN;
                snprintf(r->why, sizeof(r->why), "snowscaled is shutting down");
                r->done = true;
                request_unref_locked(r);
        }
        l->queue = NULL;
        l->queue_tail = &l->queue;
        pthread_cond_broadcast(&l->answered);
        pthread_mutex_unlock(&l->lock);
}

void sc_loop_free(struct sc_loop *l, bool stop_vms)
{
        if (!l)
                return;
        sc_loop_stop_requests(l);
        sc_actuator_shutdown(l->act, stop_vms);
        pol_state_free(l->pstate);
        pol_config_free(l->cfg);
        if (l->sfd >= 0)
                close(l->sfd);
        if (l->tfd >= 0)
                close(l->tfd);
        if (l->efd >= 0)
                close(l->efd);
        if (l->xfd >= 0)
                close(l->xfd);
        pthread_cond_destroy(&l->answered);
        pthread_mutex_destroy(&l->lock);
        free(l);
}

void sc_loop_status(struct sc_loop *l, struct sc_loop_status *ret)
{
        pthread_mutex_lock(&l->lock);
        *ret = l->status;
        pthread_mutex_unlock(&l->lock);
}

/* ---- requests from other threads -------------------------------------------------------- */

static int submit(struct sc_loop *l, struct request *tmpl, char *why, size_t len)
{
        struct request *r = malloc(sizeof(*r));
        struct timespec deadline;
        uint64_t one = 1;
        int rc;

        if (!r)
                return -ENOMEM;
        *r = *tmpl;
        r->refs = 2;
        r->done = false;
        r->next = NULL;
        r->why[0] = 0;
        clock_gettime(CLOCK_REALTIME, &deadline);
        deadline.tv_sec += REQUEST_WAIT_MS / 1000;
        pthread_mutex_lock(&l->lock);
        if (l->stopping) {
                pthread_mutex_unlock(&l->lock);
                free(r);
                snprintf(why, len, "snowscaled is shutting down");
                return -ESHUTDOWN;
        }
        *l->queue_tail = r;
        l->queue_tail = &r->next;
        pthread_mutex_unlock(&l->lock);
        if (write(l->efd, &one, sizeof(one)) < 0 && errno != EAGAIN) {
                /* the counter cannot overflow in practice; the tick would pick it up anyway */
        }
        pthread_mutex_lock(&l->lock);
        while (!r->done)
                if (pthread_cond_timedwait(&l->answered, &l->lock, &deadline) == ETIMEDOUT)
                        break;
        if (r->done) {
                rc = r->result;
                snprintf(why, len, "%s", r->why);
        } else {
                rc = -ETIMEDOUT;
                snprintf(why, len, "the control loop did not answer within %d s", REQUEST_WAIT_MS / 1000);
        }
        request_unref_locked(r);
        pthread_mutex_unlock(&l->lock);
        return rc;
}

int sc_loop_scale(struct sc_loop *l, int desired, char *why, size_t len)
{
        struct request r = { .kind = REQ_SCALE, .desired = desired };
        return submit(l, &r, why, len);
}

int sc_loop_retire(struct sc_loop *l, const char *clone_id, char *why, size_t len)
{
        struct request r = { .kind = REQ_RETIRE };
        if (strlen(clone_id) >= sizeof(r.clone_id)) {
                snprintf(why, len, "no clone with that id");
                return -ENOENT;
        }
        snprintf(r.clone_id, sizeof(r.clone_id), "%s", clone_id);
        return submit(l, &r, why, len);
}

int sc_loop_cut_generation(struct sc_loop *l, char *why, size_t len)
{
        struct request r = { .kind = REQ_GENERATION };
        return submit(l, &r, why, len);
}

static void event_json(struct sc_loop *l, const char *kind, const char *msg, json_object *data)
{
        int r = sc_store_event_append(l->store, kind, msg,
                                      data ? json_object_to_json_string_ext(data, JSON_C_TO_STRING_PLAIN)
                                           : NULL, NULL);
        if (r < 0)
                log_error("cannot store a %s event: %s", kind, strerror(-r));
        json_object_put(data);
}

static void execute(struct sc_loop *l, struct request *q)
{
        const struct pol_policy *p = &l->cfg->policy;
        char msg[300];
        int r = 0;

        switch (q->kind) {
        case REQ_SCALE:
                if (q->desired >= 0 && (q->desired < p->min_clones || q->desired > p->max_clones)) {
                        r = -ERANGE;
                        snprintf(q->why, sizeof(q->why), "desired must be between min_clones %d and "
                                 "max_clones %d, got %d", p->min_clones, p->max_clones, q->desired);
                        break;
                }
                if (q->desired >= 0) {
                        char v[16];
                        snprintf(v, sizeof(v), "%d", q->desired);
                        r = sc_store_kv_set(l->store, "manual_desired", v);
                        snprintf(msg, sizeof(msg), "manual scale to %d clones (was %s %d)", q->desired,
                                 l->manual >= 0 ? "manual" : "policy", l->last_desired);
                } else {
                        r = sc_store_kv_set(l->store, "manual_desired", NULL);
                        snprintf(msg, sizeof(msg), "manual scale cleared: the policy decides again");
                }
                if (r < 0) {
                        snprintf(q->why, sizeof(q->why), "cannot store the manual count: %s", strerror(-r));
                        break;
                }
                l->manual = q->desired;
                log_info("%s", msg);
                json_object *d = json_object_new_object();
                json_object_object_add(d, "desired", q->desired >= 0 ? json_object_new_int(q->desired) : NULL);
                json_object_object_add(d, "previous", json_object_new_int(l->last_desired));
                event_json(l, "scale", msg, d);
                break;
        case REQ_RETIRE:
                if (!l->act) {
                        struct sc_clone c;
                        if (sc_store_clone_get(l->store, q->clone_id, &c) < 0) {
                                r = -ENOENT;
                                snprintf(q->why, sizeof(q->why), "no clone %s", q->clone_id);
                        } else {
                                r = -EOPNOTSUPP;
                                snprintf(q->why, sizeof(q->why), "mode observe: clones are not retired");
                        }
                        break;
                }
                r = sc_actuator_retire(l->act, q->clone_id);
                if (r == -ENOENT)
                        snprintf(q->why, sizeof(q->why), "no clone %s", q->clone_id);
                else if (r == -EBUSY)
                        snprintf(q->why, sizeof(q->why), "clone %s cannot be retired in its state",
                                 q->clone_id);
                else if (r < 0)
                        snprintf(q->why, sizeof(q->why), "retiring %s failed: %s", q->clone_id, strerror(-r));
                else
                        log_info("operator retires clone %s", q->clone_id);
                break;
        case REQ_GENERATION:
                if (!l->act) {
                        r = -EOPNOTSUPP;
                        snprintf(q->why, sizeof(q->why), "mode observe: no parent VM to cut a generation from");
                        break;
                }
                r = sc_actuator_cut_generation(l->act);
                if (r == -EAGAIN || r == -EBUSY)
                        snprintf(q->why, sizeof(q->why), "cannot cut a generation now: the parent VM is "
                                 "not serving yet or a cut is under way; retry later");
                else if (r < 0)
                        snprintf(q->why, sizeof(q->why), "cannot cut a generation: %s", strerror(-r));
                else
                        log_info("operator asked for a new generation");
                break;
        }
        q->result = r;
}

static void drain_requests(struct sc_loop *l)
{
        uint64_t v;
        if (read(l->efd, &v, sizeof(v)) < 0 && errno != EAGAIN)
                log_warn("request eventfd: %s", strerror(errno));
        for (;;) {
                pthread_mutex_lock(&l->lock);
                struct request *q = l->queue;
                if (q) {
                        l->queue = q->next;
                        if (!l->queue)
                                l->queue_tail = &l->queue;
                }
                pthread_mutex_unlock(&l->lock);
                if (!q)
                        return;
                execute(l, q);
                pthread_mutex_lock(&l->lock);
                q->done = true;
                request_unref_locked(q);
                pthread_cond_broadcast(&l->answered);
                pthread_mutex_unlock(&l->lock);
        }
}

/* ---- the tick --------------------------------------------------------------------------- */

/* The actuator's counts; in observe mode (no actuator) what the store lists. */
static void clone_counts(struct sc_loop *l, struct pol_clones *c)
{
        struct sc_clone *v = NULL;
        size_t n = 0;

        if (l->act) {
                sc_actuator_counts(l->act, c);
                return;
        }
        memset(c, 0, sizeof(*c));
        if (sc_store_clone_list(l->store, true, &v, &n) < 0)
                return;
        for (size_t i = 0; i < n; i++) {
                if (v[i].state == SC_CLONE_SERVING)
                        c->serving++;
                else if (v[i].state == SC_CLONE_DRAINING)
                        c->draining++;
                else if (sc_clone_state_pending(v[i].state))
                        c->pending++;
        }
        free(v);
}

/* early: a sample batch arrived between ticks; the evaluation runs only if it shows the short
 * window over target (pol_over_target), else nothing happens. */
static void tick(struct sc_loop *l, bool early)
{
        uint64_t wall = ss_wall_us(), mono_us = ss_mono_ns() / 1000;
        struct sc_monitor_snapshot snap;
        struct pol_stats st = {0};
        struct pol_clones c;
        struct pol_decision d = {0};
        bool have_snap;
        int desired;

        st.panic.stale = st.stable.stale = true;
        have_snap = sc_monitor_snapshot(l->mon, wall, &snap) == 0;
        if (have_snap) {
                st.panic = snap.short_w;
                st.stable = snap.long_w;
                st.completed = snap.total;
                st.completed_latency_us = snap.total_latency_us;
                if (snap.front.known) {
                        st.arrived = snap.front.arrived;
                        st.front_inflight = snap.front.inflight;
                        st.front_us = snap.front.ts_us;
                }
                sc_monitor_snapshot_free(&snap);
        }
        clone_counts(l, &c);
        if (early && (!have_snap || !pol_over_target(&l->cfg->policy, &st.panic, c.serving)))
                return;
        l->last_eval_mono_us = mono_us;
        if (have_snap) {
                if (st.stable.stale != l->last_stale)
                        log_info(st.stable.stale ? "no latency samples lately: holding the clone count until they return"
                                                 : "latency samples arriving again");
                l->last_stale = st.stable.stale;
        }
        c.base_workers = l->cfg->parent.serve ? 1 : 0;         /* the parent serves too */
        {
                struct sc_generation g;
                if (sc_store_generation_latest(l->store, &g) == 0)
                        c.generation = g.id;
        }
        if (have_snap)
                pol_capacity_observe(&l->cfg->policy, &l->capacity, &st, &c, mono_us);
        st.capacity = &l->capacity;
        pol_decide(&l->cfg->policy, l->pstate, &st, &c, mono_us, wall / 1000000, &d);
        if (l->manual >= 0 && (l->manual < l->cfg->policy.min_clones || l->manual > l->cfg->policy.max_clones)) {
                /* a reload (or restart) narrowed min..max below/above the operator's count */
                int m = l->manual < l->cfg->policy.min_clones ? l->cfg->policy.min_clones : l->cfg->policy.max_clones;
                log_warn("manual desired count %d is outside min_clones..max_clones %d..%d now; using %d",
                         l->manual, l->cfg->policy.min_clones, l->cfg->policy.max_clones, m);
                l->manual = m;
        }
        desired = l->manual >= 0 ? l->manual : d.desired;

        if (desired != l->last_desired || d.panic != l->last_panic) {
                char msg[700];
                /* The policy's reason already names the old and new counts. */
                if (l->manual >= 0)
                        snprintf(msg, sizeof(msg), "manual: %d clones (the policy would say %d: %s)",
                                 l->manual, d.desired, d.reason);
                else
                        snprintf(msg, sizeof(msg), "%s", d.reason);
                log_info("decision: %s%s%s", msg, d.panic ? " (panic)" : "",
                         early ? " [between ticks: a sample batch showed the short window over target]" : "");
                json_object *data = json_object_new_object();
                json_object_object_add(data, "desired", json_object_new_int(desired));
                json_object_object_add(data, "previous", json_object_new_int(l->last_desired));
                json_object_object_add(data, "policy_desired", json_object_new_int(d.desired));
                json_object_object_add(data, "source", json_object_new_string(l->manual >= 0 ? "manual" : "policy"));
                json_object_object_add(data, "panic", json_object_new_boolean(d.panic));
                json_object_object_add(data, "early", json_object_new_boolean(early));
                json_object *cl = json_object_new_object();
                json_object_object_add(cl, "serving", json_object_new_int(c.serving));
                json_object_object_add(cl, "pending", json_object_new_int(c.pending));
                json_object_object_add(cl, "draining", json_object_new_int(c.draining));
                json_object_object_add(data, "clones", cl);
                json_object *w = json_object_new_object();
                json_object_object_add(w, "short", sc_window_json(&st.panic));
                json_object_object_add(w, "long", sc_window_json(&st.stable));
                json_object_object_add(data, "windows", w);
                event_json(l, "decision", msg, data);
                pthread_mutex_lock(&l->lock);
                l->status.last_decision_us = wall;
                l->status.last_decision_desired = desired;
                snprintf(l->status.last_reason, sizeof(l->status.last_reason), "%.500s", msg);
                pthread_mutex_unlock(&l->lock);
                l->last_desired = desired;
                l->last_panic = d.panic;
        }

        const char *alert = NULL, *placement = NULL;
        size_t n_hosts = 0;
        if (l->act) {
                sc_actuator_tick(l->act, desired, mono_us);
                sc_actuator_counts(l->act, &c);
                alert = sc_actuator_alert(l->act);
                n_hosts = sc_actuator_hosts(l->act, l->hosts_tmp, SC_ACT_MAX_HOSTS, &placement);
        }
        /* not logged here: the actuator logged the failure that raised it, and the re-arm that
         * cleared it, where it decided */
        snprintf(l->last_alert, sizeof(l->last_alert), "%s", alert ? alert : "");

        struct sc_history_point hp = {
                .ts_us = wall, .p50_us = st.panic.p50_us, .p95_us = st.panic.p95_us,
                .p99_us = st.panic.p99_us, .rps = st.panic.rps, .desired = desired, .actual = c.serving,
        };
        int r = sc_store_history_append(l->store, &hp);
        if (r < 0)
                log_error("cannot store the metric history point: %s", strerror(-r));

        if (wall - l->last_prune_us >= PRUNE_EVERY_US && l->cfg->retention_us) {
                uint64_t rows = 0;
                l->last_prune_us = wall;
                r = sc_store_prune(l->store, wall > l->cfg->retention_us ? wall - l->cfg->retention_us : 0, &rows);
                if (r < 0)
                        log_error("retention pruning failed: %s", strerror(-r));
                else if (rows)
                        log_info("retention: pruned %llu rows older than %llu s", (unsigned long long)rows,
                                 (unsigned long long)(l->cfg->retention_us / 1000000));
        }

        pthread_mutex_lock(&l->lock);
        l->status.desired = desired;
        l->status.manual = l->manual >= 0;
        l->status.actual = c.serving;
        l->status.pending = c.pending;
        l->status.draining = c.draining;
        l->status.panic = d.panic;
        snprintf(l->status.alert, sizeof(l->status.alert), "%s", l->last_alert);
        memcpy(l->status.hosts, l->hosts_tmp, n_hosts * sizeof(l->hosts_tmp[0]));
        l->status.n_hosts = n_hosts;
        snprintf(l->status.placement, sizeof(l->status.placement), "%s", placement ? placement : "spread");
        if (early)
                l->status.early_evaluations++;
        else
                l->status.ticks++;
        pthread_mutex_unlock(&l->lock);

        sd_notifyf(0, "STATUS=desired %d, serving %d, pending %d, p95 %.1f ms, %.1f req/s",
                   desired, c.serving, c.pending, st.panic.p95_us / 1000.0, st.panic.rps);
}

/* A sample batch arrived: evaluate now if the short window is over target (tick() checks) and
 * the last evaluation is at least EARLY_GAP_US old. Manual counts and missing data wait for the tick. */
#define EARLY_GAP_US 100000
static void early_look(struct sc_loop *l)
{
        uint64_t v;

        if (read(l->xfd, &v, sizeof(v)) < 0 && errno != EAGAIN)
                log_debug("samples eventfd: %s", strerror(errno));
        if (l->manual < 0 && ss_mono_ns() / 1000 - l->last_eval_mono_us >= EARLY_GAP_US)
                tick(l, true);
}

void sc_loop_samples_arrived(struct sc_loop *l)
{
        uint64_t one = 1;

        if (l && write(l->xfd, &one, sizeof(one)) < 0 && errno != EAGAIN)
                log_debug("samples eventfd: %s", strerror(errno));
}

/* ---- reload ------------------------------------------------------------------------------ */

void sc_loop_log_diags(const struct pol_diags *d, const char *prefix)
{
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        if (!f)
                return;
        pol_diags_print(d, f);
        fclose(f);
        for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n"))
                log_error("%s%s", prefix, line);
        free(buf);
}

static bool str_differs(const char *a, const char *b)
{
        return strcmp(a ? a : "", b ? b : "") != 0;
}

/* hosts: and cluster: are read once, when the actuator starts (host registry, memserver, disk
 * exports): a reload that changes them changes nothing until a restart. */
static bool cluster_differs(const struct pol_config *a, const struct pol_config *b)
{
        if (a->n_hosts != b->n_hosts || a->placement != b->placement ||
            a->cluster.host_timeout_us != b->cluster.host_timeout_us)
                return true;
        for (size_t i = 0; i < a->n_hosts; i++)
                if (str_differs(a->hosts[i].name, b->hosts[i].name) ||
                    str_differs(a->hosts[i].address, b->hosts[i].address) ||
                    a->hosts[i].max_clones != b->hosts[i].max_clones)
                        return true;
        return str_differs(a->cluster.ca, b->cluster.ca) || str_differs(a->cluster.cert, b->cluster.cert) ||
               str_differs(a->cluster.key, b->cluster.key) ||
               str_differs(a->cluster.memserver_listen, b->cluster.memserver_listen) ||
               str_differs(a->cluster.secret, b->cluster.secret) ||
               str_differs(a->cluster.nbd_listen, b->cluster.nbd_listen) ||
               str_differs(a->cluster.mcast, b->cluster.mcast);
}

static void reload(struct sc_loop *l)
{
        struct pol_config *nc = NULL;
        struct pol_diags diags = {0};
        char path[4096], msg[8192];
        int r;

        /* a copy: the old config (and its path) is freed once the new one is in place */
        snprintf(path, sizeof(path), "%s", l->cfg->path);

        log_info("SIGHUP: reloading %s", path);
        r = pol_config_load(path, &nc, &diags);
        if (r < 0) {
                sc_loop_log_diags(&diags, "reload: ");
                snprintf(msg, sizeof(msg), "reload of %s refused (%zu problem%s, first: %s%s%s); the running "
                         "configuration stays", path, diags.n, diags.n == 1 ? "" : "s",
                         diags.n ? (diags.v[0].path ? diags.v[0].path : "") : strerror(-r),
                         diags.n && diags.v[0].path ? ": " : "", diags.n ? diags.v[0].msg : "");
                log_error("%s", msg);
                json_object *data = json_object_new_object();
                json_object *arr = json_object_new_array();
                for (size_t i = 0; i < diags.n && i < 50; i++) {
                        json_object *o = json_object_new_object();
                        json_object_object_add(o, "line", json_object_new_int(diags.v[i].line));
                        json_object_object_add(o, "col", json_object_new_int(diags.v[i].col));
                        json_object_object_add(o, "path", diags.v[i].path ? json_object_new_string(diags.v[i].path) : NULL);
                        json_object_object_add(o, "message", json_object_new_string(diags.v[i].msg ? diags.v[i].msg : ""));
                        json_object_array_add(arr, o);
                }
                json_object_object_add(data, "diagnostics", arr);
                event_json(l, "config", msg, data);
                pol_diags_free(&diags);
                return;
        }
        pol_diags_free(&diags);

        /* What cannot change while running: keep the old value and say so. */
        if (str_differs(nc->state_dir, l->cfg->state_dir))
                log_warn("reload: state_dir changes only on restart; keeping %s", l->cfg->state_dir);
        if (str_differs(nc->api.listen, l->cfg->api.listen))
                log_warn("reload: api.listen changes only on restart; keeping %s", l->cfg->api.listen);
        if (nc->mode != l->cfg->mode)
                log_warn("reload: mode changes only on restart; keeping %s",
                         l->cfg->mode == POL_MODE_OBSERVE ? "observe" : "active");
        if (cluster_differs(nc, l->cfg))
                log_warn("reload: hosts: and cluster: change only on restart; the pool keeps its %zu host%s "
                         "and cluster settings", l->cfg->n_hosts, l->cfg->n_hosts == 1 ? "" : "s");
        free(nc->state_dir);
        nc->state_dir = l->cfg->state_dir ? strdup(l->cfg->state_dir) : NULL;
        free(nc->api.listen);
        nc->api.listen = l->cfg->api.listen ? strdup(l->cfg->api.listen) : NULL;
        nc->mode = l->cfg->mode;

        struct sc_monitor_config mc = sc_monitor_config_from(nc), oc = sc_monitor_config_from(l->cfg);
        r = sc_monitor_reconfigure(l->mon, &mc);
        if (r < 0)
                log_warn("reload: monitor windows unchanged: %s", strerror(-r));
        else if (mc.short_us != oc.short_us || mc.long_us != oc.long_us)
                log_info("reload: monitor windows now %.1f s / %.1f s; they restart empty",
                         mc.short_us / 1e6, mc.long_us / 1e6);
        if (l->on_reload)
                l->on_reload(nc, l->on_reload_arg);
        ss_log_set_level(nc->log_level);
        if (l->act)
                sc_actuator_set_config(l->act, nc);
        struct pol_config *old = l->cfg;
        l->cfg = nc;
        if (nc->tick_us != old->tick_us && arm_timer(l) < 0)
                log_warn("reload: cannot change the tick: %s", strerror(errno));
        pol_config_free(old);
        pthread_mutex_lock(&l->lock);
        status_from_config_locked(l);
        pthread_mutex_unlock(&l->lock);
        snprintf(msg, sizeof(msg), "configuration %s reloaded: policy %d..%d clones, tick %.1f s",
                 path, nc->policy.min_clones, nc->policy.max_clones, nc->tick_us / 1e6);
        log_info("%s", msg);
        event_json(l, "reload", msg, NULL);
}

int sc_loop_run(struct sc_loop *l)
{
        struct pollfd pfd[4] = {
                { .fd = l->sfd, .events = POLLIN },
                { .fd = l->tfd, .events = POLLIN },
                { .fd = l->efd, .events = POLLIN },
                { .fd = l->xfd, .events = POLLIN },
        };
        /* The watchdog proves this thread is alive: pinged at half its period, independent of the
         * tick (which may be longer than WatchdogSec allows). */
        uint64_t wd_usec = 0, last_wd = 0;
        if (sd_watchdog_enabled(0, &wd_usec) <= 0)
                wd_usec = 0;
        int timeout_ms = wd_usec ? (int)(wd_usec / 2000 ? wd_usec / 2000 : 1) : -1;
        for (;;) {
                if (wd_usec) {
                        uint64_t now = ss_mono_ns() / 1000;
                        if (now - last_wd >= wd_usec / 2) {
                                sd_notify(0, "WATCHDOG=1");
                                last_wd = now;
                        }
                }
                if (poll(pfd, 4, timeout_ms) < 0) {
                        if (errno == EINTR)
                                continue;
                        log_error("poll: %s", strerror(errno));
                        return SIGTERM;
                }
                if (pfd[0].revents & POLLIN) {
                        struct signalfd_siginfo si;
                        while (read(l->sfd, &si, sizeof(si)) == sizeof(si)) {
                                if (si.ssi_signo == SIGHUP) {
                                        sd_notify(0, "RELOADING=1");
                                        reload(l);
                                        sd_notify(0, "READY=1");
                                } else {
                                        log_info("%s: shutting down", strsignal((int)si.ssi_signo));
                                        return (int)si.ssi_signo;
                                }
                        }
                }
                if (pfd[2].revents & POLLIN)
                        drain_requests(l);
                if (pfd[1].revents & POLLIN) {
                        uint64_t n;
                        if (read(l->tfd, &n, sizeof(n)) == sizeof(n) && n > 1)
                                log_debug("control tick late: %llu ticks missed", (unsigned long long)(n - 1));
                        tick(l, false);
                } else if (pfd[3].revents & POLLIN) {
                        early_look(l);
                }
        }
}
