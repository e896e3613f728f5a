/* sc_actuator_clone: one clone's life (see sc_actuator_clone.h).
 *
 * Each clone has one worker thread that owns its driver handle for the VM's whole life and walks
 * it through the lifecycle, persisting each transition in the store (which is thread-safe) the
 * moment it happens:
 *
 *   requested -> cloning -> resuming -> checking -> serving -> draining -> retired
 *        \__________\___________\___________\__________\__________\-----> failed (reason)
 *
 * requested is written by the loop thread before the worker exists (sc_actuator.c), so every VM
 * on disk has a row first. */
#include "sc_actuator_clone.h"

#include <curl/curl.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sc_actuator_lb.h"
#include "sc_actuator_remote.h"
#include "ss_log.h"
#include "ss_util.h"

/* ---- state transitions ------------------------------------------------------------------ */

void sc_act_clone_set_state(struct act_clone *c, enum sc_clone_state st, const char *reason)
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
                sc_act_emit(a, "alert", msg, "reason", reason, "clone", who, NULL);
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
void sc_act_clone_engine_cb(const struct cc_clone_event *ev, void *userdata)
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
                if (ev->disk)
                        log_info("clone %s: runs on its disk overlay %s (%llu KiB, made in %.1f ms)",
                                 ev->clone_id, ev->disk, (unsigned long long)(ev->disk_bytes >> 10),
                                 ev->disk_setup_us / 1e3);
                copy_str(c->ev_identity, sizeof(c->ev_identity), ev->identity ? ev->identity : "");
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
        struct cc_net net;
        int r;

        if (c->host >= 0)
                return sc_act_remote_begin(c, why, whylen);
        /* the address is held before the VM exists and released after it is gone (vm_end) */
        r = sc_act_net_for(a, c->id, c->port, &net, why, whylen);
        if (r < 0)
                return r;
        c->net = net;
        if (c->generation == 0) {
                struct cc_disk disk = { .path = fx->disk };     /* a cold worker: its own overlay */
                struct cc_vm_config vc = {
                        .name = c->id, .run_dir = c->run_dir,
                        .kernel = fx->kernel[0] ? fx->kernel : NULL, .initrd = fx->initrd,
                        .disks = fx->disk[0] ? &disk : NULL, .ndisks = fx->disk[0] ? 1 : 0,
                        .cmdline = fx->cmdline, .mem_bytes = fx->mem_bytes, .vcpus = fx->vcpus,
                        .accel = fx->accel, .binary = fx->binary[0] ? fx->binary : NULL,
                        .guest_port = fx->guest_port, .net = net,
                        .driver_opts = fx->driver_opts[0] ? fx->driver_opts : NULL,
                };

                sc_act_rm_rf(c->run_dir);
                r = ss_mkdir_p(c->run_dir, 0700);
                if (r < 0) {
                        sfmt(why, whylen, "cannot create %s: %s", c->run_dir, strerror(-r));
                        return r;
                }
                return a->drv->boot_parent(&vc, &c->vm, why, whylen);
        }

        struct cc_generation *g = NULL;
        const char *ids[1] = { c->id };
        struct cc_net nets[1] = { net };
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
        /* restore: the driver reads the generation's whole saved memory into the new VM */
        char opts[sizeof(fx->driver_opts) + 16];
        sfmt(opts, sizeof(opts), "%s%s%s", fx->boot == POL_BOOT_RESTORE ? "restore=full" : "",
             fx->boot == POL_BOOT_RESTORE && fx->driver_opts[0] ? "," : "", fx->driver_opts);
        struct cc_clone_opts o = {
                .n = 1, .ids = ids, .nets = nets,
                .driver_opts = opts[0] ? opts : NULL,
                .cb = sc_act_clone_engine_cb, .userdata = c,
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

        if (c->host >= 0)
                return sc_act_remote_wait_ready(c, deadline_ns, why, whylen);
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
                                sc_act_clone_set_state(c, SC_CLONE_RESUMING, NULL);
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
                sc_act_clone_set_state(c, SC_CLONE_RESUMING, NULL);
        for (;;) {
                memset(&st, 0, sizeof(st));
                r = a->drv->status(c->vm, &st);
                if (r < 0) {
                        sfmt(why, whylen, "driver status: %s", strerror(-r));
                        return r;
                }
                if (st.state == CC_VM_RUNNING) {
                        copy_str(c->address, sizeof(c->address), st.address);
                        if (st.disk[0])
                                log_info("clone %s: runs on its disk overlay %s (%llu KiB, made in %.1f ms)",
                                         c->id, st.disk, (unsigned long long)(st.disk_bytes >> 10),
                                         st.disk_setup_us / 1e3);
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

        if (c->host >= 0)
                return sc_act_remote_alive(c, why, whylen);
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

        if (c->host >= 0) {
                sc_act_remote_end(c);
                return;
        }
        if (c->generation == 0) {
                if (c->vm) {
                        a->drv->retire(c->vm, ACT_RETIRE_GRACE_MS);
                        a->drv->destroy(c->vm);
                        c->vm = NULL;
                }
                sc_act_rm_rf(c->run_dir);
                sc_addrplan_release(a->plan, c->id);
                return;
        }
        if (!c->engine_owned) {
                sc_addrplan_release(a->plan, c->id);    /* never started, or already final */
                return;
        }
        /* -ENOENT: the engine is already failing it on its own; its final event comes anyway */
        cc_retire(a->engine, c->id, ACT_RETIRE_GRACE_MS);
        deadline = now_ns() + ACT_RETIRE_WAIT_NS;
        pthread_mutex_lock(&a->lock);
        while (!c->ev_final && now_ns() < deadline)
                wait_until(a, deadline);
        if (c->ev_final)
                c->engine_owned = false;        /* else reap keeps c until the event arrives */
        else                                    /* its address stays held: the VM may live */
                log_warn("clone %s: clonecore did not confirm the retire within %llu s", c->id,
                         (unsigned long long)(ACT_RETIRE_WAIT_NS / 1000000000));
        bool gone = c->ev_final;
        pthread_mutex_unlock(&a->lock);
        if (gone)
                sc_addrplan_release(a->plan, c->id);
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
                        r = sc_alb_state(a->lb, c->id, state, sizeof(state), NULL, why, whylen);
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
                 * first, since serving capacity is what the scale-out waits for (a poll: see
                 * ACT_POLL_NS for why snowscale-lb offers nothing else) */
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
                r = sc_alb_state(a->lb, c->id, state, sizeof(state), NULL, why, sizeof(why));
                if (r == -ENOENT || (r == 0 && !strcmp(state, "drained")))
                        return;
                if (r < 0 || now_ns() >= deadline) {
                        log_warn("clone %s: drain not confirmed (%s); destroying anyway", c->id,
                                 r < 0 ? why : "agent still draining after the drain timeout");
                        return;
                }
                pause_for(a, ACT_POLL_NS * 2);          /* a poll: see ACT_POLL_NS */
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
        curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, sc_act_discard);
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
 * restarted) gets it again. A clone that does not answer its health check but answered
 * requests through nginx within ACT_BUSY_US is busy, not dead: a saturated worker (a spike on a
 * small VM) is what the pool needs most, and failing it would hand its queue to the others. 0,
 * or -EHOSTDOWN with why. */
static int lb_watch(struct act_clone *c, unsigned *misses, bool *busy, char *why, size_t whylen)
{
        char state[16], w[CC_REASON_MAX];
        uint64_t last_ok = 0, now, ago;
        bool answered = probe_once(c, 3000) == 0;
        int r;

        r = sc_alb_state(c->a->lb, c->id, state, sizeof(state), &last_ok, w, sizeof(w));
        now = ss_wall_us();
        ago = now > last_ok ? now - last_ok : 0;        /* nginx's clock is this host's */
        /* snowscale-lb health-checks a backend only until it is active, and the engine stops
         * watching a clone once it is ready: a VM that dies while serving is found here */
        if (answered) {
                *misses = 0;
                *busy = false;
        } else if (r == 0 && last_ok && ago < ACT_BUSY_US) {
                if (!*busy)
                        log_info("clone %s: %s did not answer within 3 s, but it answered a request %.1f s ago: "
                                 "busy, not failed", c->id, c->a->fx.health_path, (double)ago / 1e6);
                *busy = true;
        } else if (++*misses >= ACT_SERVING_MISSES) {
                sfmt(why, whylen, "stopped answering %s (%u checks in a row failed)%s", c->a->fx.health_path,
                     *misses, *busy ? ", nor any request lately" : "");
                return -EHOSTDOWN;
        }

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
        sc_act_clone_set_state(c, SC_CLONE_FAILED, reason);
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
        sc_act_clone_set_state(c, SC_CLONE_DRAINING, reason);
        if (registered)
                lb_drain(c, drain_us, true);
        vm_end(c);
        sc_act_clone_set_state(c, SC_CLONE_RETIRED, NULL);
}

/* A clone on the bridge is registered only if the guest reported the identity it was given: one
 * still answering as its parent (MAC, address) would take the parent's traffic, or reset it. The
 * driver waits for exactly this before READY; checked again here, where registration is decided. */
static int identity_check(struct act_clone *c, char *why, size_t whylen)
{
        char want[2][48], got[160];
        const struct cc_net *n = &c->net;

        if (n->kind != CC_NET_BRIDGE)
                return 0;
        pthread_mutex_lock(&c->a->lock);
        copy_str(got, sizeof(got), c->ev_identity);
        pthread_mutex_unlock(&c->a->lock);
        sfmt(want[0], sizeof(want[0]), "mac=%02x:%02x:%02x:%02x:%02x:%02x", n->mac[0], n->mac[1], n->mac[2],
             n->mac[3], n->mac[4], n->mac[5]);
        sfmt(want[1], sizeof(want[1]), "ipv4=%s/%u", n->ipv4, n->prefix_len);
        for (int i = 0; i < 2; i++) {
                const char *p = got;
                size_t len = strlen(want[i]);
                bool found = false;
                while (!found && (p = strstr(p, want[i]))) {
                        found = (p == got || p[-1] == ' ') && (p[len] == 0 || p[len] == ' ');
                        p += len;
                }
                if (!found) {
                        sfmt(why, whylen, "guest reported identity \"%s\", not the assigned %s %s: not registered",
                             got[0] ? got : "(none)", want[0], want[1]);
                        return -EPROTO;
                }
        }
        return 0;
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
                sc_act_clone_set_state(c, SC_CLONE_CLONING, NULL);
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
                /* a lost host is not the clone's fault, nor is what a restart found gone; an
                 * adopted clone may still be snowscale-lb's backend from the previous run */
                clone_fail(c, c->recovered, why, r != -EHOSTDOWN && !c->recovered);
                goto out;
        }
        if (!c->recovered && c->generation > 0 && identity_check(c, why, sizeof(why)) < 0) {
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
                sc_act_clone_set_state(c, SC_CLONE_CHECKING, NULL);
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
        sc_act_clone_set_state(c, SC_CLONE_SERVING, "");
        note_success(a);

        /* Serving: watch the VM (every second) and its backend (every 3 s) until asked to
         * retire or to let go. The condition variable is shared, so wake-ups are not ticks. */
        uint64_t next_vm = now_ns() + 1000000000ull, next_lb = now_ns() + 3000000000ull;
        unsigned misses = 0;
        bool busy = false;
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
                        r = vm_alive(c, why, sizeof(why));
                        if (r < 0) {
                                clone_fail(c, true, why, r != -EHOSTDOWN);
                                goto out;
                        }
                }
                if (now_ns() >= next_lb) {
                        next_lb = now_ns() + 3000000000ull;
                        if (lb_watch(c, &misses, &busy, why, sizeof(why)) < 0) {
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

int sc_act_clone_start(struct act_clone *c)
{
        int r = -pthread_create(&c->thread, NULL, clone_main, c);

        if (r == 0)
                c->thread_started = true;
        return r;
}
