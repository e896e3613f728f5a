/* The snowscale-lb daemon's core: one single-threaded loop that owns every registration.
 *
 * The loop waits in curl_multi_poll() on libcurl's sockets (health checks, the reload probe,
 * sample shipping) plus our own fds: signalfd, the access-log socket, the API server's fd (wired
 * with lb_agent_set_io()), the `nginx -t` output pipe and pidfds of the nginx master and of old
 * workers being drained. Timers (reload window, health-check pacing, drain deadlines, shipping)
 * run after every wake-up.
 *
 * A backend removed by reload R is drained when every worker snapshotted for R has exited
 * (graceful shutdown: they exit once their requests are done, bounded by worker_shutdown_timeout)
 * or its drain timeout passed. */
#include "lb_agent.h"

#include <stdarg.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ss_log.h"
#include "ss_util.h"
#include "lb_health.h"
#include "lb_peers.h"
#include "lb_reload.h"
#include "lb_ship.h"
#include "lb_super.h"

#define KEEP_DONE_US       (3600ull * 1000000)  /* drained/unhealthy records kept for an hour */

/* a->o = *o with every string copied; copies first, so o may point into a->own. */
int lb_agent_own_opts(struct lb_agent *a, const struct lb_opts *o)
{
        struct lb_opts n = *o;
        bool oom = false;

#define X(f) char *new_##f = o->f ? strdup(o->f) : NULL; oom |= o->f && !new_##f;
        OPT_STRINGS(X)
#undef X
        if (oom) {
#define X(f) free(new_##f);
                OPT_STRINGS(X)
#undef X
                return -ENOMEM;
        }
#define X(f) free(a->own.f); a->own.f = new_##f; n.f = new_##f;
        OPT_STRINGS(X)
#undef X
        a->o = n;
        return 0;
}

void lb_agent_free_opts(struct lb_agent *a)
{
#define X(f) free(a->own.f); a->own.f = NULL;
        OPT_STRINGS(X)
#undef X
}

struct be *lb_be_find(struct lb_agent *a, const char *id)
{
        for (size_t i = 0; i < a->n_bes; i++)
                if (strcmp(a->bes[i]->rec.id, id) == 0)
                        return a->bes[i];
        return NULL;
}

struct be *lb_be_find_addr(struct lb_agent *a, const char *addr)
{
        for (size_t i = 0; i < a->n_bes; i++)
                if (strcmp(a->bes[i]->rec.address, addr) == 0 &&
                    a->bes[i]->rec.state != LB_DRAINED && a->bes[i]->rec.state != LB_UNHEALTHY)
                        return a->bes[i];
        return NULL;
}

void lb_be_set_state(struct lb_agent *a, struct be *b, enum lb_state s, const char *fmt, ...)
{
        va_list ap;

        if (fmt) {
                va_start(ap, fmt);
                vsnprintf(b->rec.reason, sizeof(b->rec.reason), fmt, ap);
                va_end(ap);
        } else {
                b->rec.reason[0] = 0;
        }
        if (b->rec.state != s)
                log_info("backend %s (%s): %s -> %s%s%s", b->rec.id, b->rec.address,
                         lb_state_name(b->rec.state), lb_state_name(s),
                         b->rec.reason[0] ? ": " : "", b->rec.reason);
        b->rec.state = s;
        b->rec.since_us = ss_wall_us();
        a->dirty_state = true;
}

void lb_agent_save(struct lb_agent *a)
{
        struct lb_backend *v;
        int r;

        if (!a->dirty_state)
                return;
        v = calloc(a->n_bes ? a->n_bes : 1, sizeof(*v));
        if (!v) {
                log_error("cannot save %s: out of memory (will retry)", a->state_path);
                return;
        }
        for (size_t i = 0; i < a->n_bes; i++)
                v[i] = a->bes[i]->rec;
        r = lb_state_save(a->state_path, a->generation, v, a->n_bes);
        free(v);
        if (r < 0) {
                /* Retried every loop turn; said once per distinct error, not per attempt. */
                if (r != a->save_err)
                        log_error("cannot save %s: %s (registrations are kept in memory; "
                                  "retrying)", a->state_path, strerror(-r));
                a->save_err = r;
                return;
        }
        if (a->save_err)
                log_info("%s saved again", a->state_path);
        a->save_err = 0;
        a->dirty_state = false;
}

void lb_be_free(struct lb_agent *a, struct be *b)
{
        if (b->check) {
                curl_multi_remove_handle(a->multi, b->check);
                curl_easy_cleanup(b->check);
        }
        free(b);
}

/* ---- reload pipeline --------------------------------------------------------------------- */

bool lb_be_desired(const struct be *b)
{
        return b->want && (b->rec.state == LB_ACTIVE || b->rec.state == LB_CHECKING);
}

static void check_drains(struct lb_agent *a, uint64_t now)
{
        for (size_t i = 0; i < a->n_bes; i++) {
                struct be *b = a->bes[i];
                struct reload_rec *rec;
                if (b->rec.state != LB_DRAINING || b->in_nginx || b->in_job || b->in_sync)
                        continue;
                if (b->drain_sync) {
                        /* Taken out of nginx's set by a write; its count tells when it is idle. */
                        if (a->ngx_state == NGX_STOPPED)
                                lb_be_set_state(a, b, LB_DRAINED, "nginx stopped: nothing in "
                                                "flight to it; %" PRIu64 " requests seen", b->requests);
                        else if (b->inflight == 0)
                                lb_be_set_state(a, b, LB_DRAINED, "removed from nginx's set; "
                                                "in-flight requests reached 0 %.0f ms after the "
                                                "remove request; %" PRIu64 " requests seen",
                                                (double)(now - b->drain_start_ns) / 1e6, b->requests);
                        else if (now >= b->drain_deadline_ns)
                                lb_be_set_state(a, b, LB_DRAINED, "drain timeout (%" PRIu64 " ms) "
                                                "reached with %" PRId64 " requests in flight",
                                                b->rec.drain_timeout_ms, b->inflight);
                        continue;
                }
                if (!b->drain_reload) {
                        /* Deleted while the write adding it was in flight, and that write
                         * failed: nginx never had it. */
                        lb_be_set_state(a, b, LB_DRAINED, "removed before nginx had it");
                        continue;
                }
                /* Taken out by a (re)start or the reload of an adopted master: the old
                 * workers hold whatever was in flight. */
                rec = lb_reload_record(a, b->drain_reload);
                if (!rec || rec->alive == 0) {
                        lb_be_set_state(a, b, LB_DRAINED, "removed from nginx; old workers exited "
                                  "%.0f ms after the remove request; %" PRIu64 " requests seen",
                                  (double)(now - b->drain_start_ns) / 1e6, b->requests);
                } else if (now >= b->drain_deadline_ns) {
                        lb_be_set_state(a, b, LB_DRAINED, "drain timeout (%" PRIu64 " ms) reached with %zu "
                                  "old nginx workers still running", b->rec.drain_timeout_ms,
                                  rec->alive);
                }
        }
}

void lb_agent_prune(struct lb_agent *a, uint64_t now_us)
{
        size_t j = 0;

        for (size_t i = 0; i < a->n_bes; i++) {
                struct be *b = a->bes[i];
                if ((b->rec.state == LB_DRAINED || b->rec.state == LB_UNHEALTHY) &&
                    now_us - b->rec.since_us > KEEP_DONE_US && !b->in_job) {
                        lb_be_free(a, b);
                        a->dirty_state = true;
                        continue;
                }
                a->bes[j++] = b;
        }
        a->n_bes = j;
}

static void run_timers(struct lb_agent *a)
{
        uint64_t now = ss_mono_ns();

        if (a->ngx_state == NGX_STOPPED && a->ngx_restart_ns && now >= a->ngx_restart_ns &&
            a->phase == JOB_NONE)
                lb_super_start(a);
        if (a->reload_at_ns && now >= a->reload_at_ns && a->phase == JOB_NONE)
                lb_reload_start(a);
        if (a->phase == JOB_APPLYING && !a->probe && now >= a->probe_next_ns)
                lb_reload_probe(a);
        if (a->phase == JOB_TESTING && ss_mono_ns() - a->job_start_ns > TEST_TIMEOUT_MS * MS)
                lb_reload_failed(a, "test_failed", "nginx -t did not finish within 10 s", false);
        for (size_t i = 0; i < a->n_bes; i++) {
                struct be *b = a->bes[i];
                if (b->rec.state == LB_CHECKING && !b->want && !b->check && now >= b->next_check_ns)
                        lb_health_start(a, b);
        }
        lb_peers_schedule(a);
        lb_peers_view(a);
        check_drains(a, now);
        if (now >= a->fetch_next_ns)
                lb_ship_fetch(a);
        if (now >= a->ship_next_ns)
                lb_ship_start(a);
        lb_agent_prune(a, ss_wall_us());
        lb_reload_schedule(a);
        lb_agent_save(a);
}

static int64_t next_timeout_ms(struct lb_agent *a)
{
        uint64_t now = ss_mono_ns(), next = now + 1000 * MS;
#define NEXT(t) do { if ((t) && (t) < next) next = (t); } while (0)
        NEXT(a->reload_at_ns);
        if (a->phase == JOB_APPLYING && !a->probe)
                NEXT(a->probe_next_ns ? a->probe_next_ns : now);
        if (a->ngx_state == NGX_STOPPED)
                NEXT(a->ngx_restart_ns);
        if (a->samples_url && lb_ring_len(a->ring) && !a->ship)
                NEXT(a->ship_next_ns ? a->ship_next_ns : now);
        if (a->ngx_state == NGX_RUNNING && !a->fetch)
                NEXT(a->fetch_next_ns ? a->fetch_next_ns : now);
        NEXT(lb_peers_next_ns(a));
        for (size_t i = 0; i < a->n_bes; i++) {
                struct be *b = a->bes[i];
                if (b->rec.state == LB_CHECKING && !b->want && !b->check)
                        NEXT(b->next_check_ns ? b->next_check_ns : now);
                if (b->rec.state == LB_DRAINING && (b->drain_reload || b->drain_sync))
                        NEXT(b->drain_deadline_ns);
        }
#undef NEXT
        return next <= now ? 0 : (int64_t)((next - now + MS - 1) / MS);
}

/* ---- API ------------------------------------------------------------------------------------ */

CURL *lb_ctl_easy(struct lb_agent *a, const char *path)
{
        char url[256];
        CURL *c = curl_easy_init();

        if (!c)
                return NULL;
        snprintf(url, sizeof(url), "http://localhost%s", path);
        curl_easy_setopt(c, CURLOPT_UNIX_SOCKET_PATH, a->ctl_sock_path);
        curl_easy_setopt(c, CURLOPT_URL, url);
        curl_easy_setopt(c, CURLOPT_HTTPHEADER, a->ctl_hdrs);
        curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, 2000L);
        curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
        return c;
}

void lb_agent_set_io(struct lb_agent *a, const struct lb_io *io)
{
        a->io = *io;
}

void lb_agent_start(struct lb_agent *a)
{
        lb_super_start(a);
}

int lb_agent_run(struct lb_agent *a)
{
        bool hup = false;

        while (!a->quit && !hup) {
                struct curl_waitfd fds[8 + MAX_RELOAD_RECORDS * 4];
                struct { int kind; size_t rec, idx; } map[SS_ARRAY_SIZE(fds)];
                unsigned nf = 0;
                int64_t t = next_timeout_ms(a), at = a->io.timeout_ms ? a->io.timeout_ms(a->io.cls) : -1;
                CURLMsg *m;
                int running, left;

#define ADD(f, k, r_, i_) do { if ((f) >= 0 && nf < SS_ARRAY_SIZE(fds)) { \
                fds[nf] = (struct curl_waitfd){ .fd = (f), .events = CURL_WAIT_POLLIN }; \
                map[nf].kind = (k); map[nf].rec = (r_); map[nf].idx = (i_); nf++; } } while (0)
                ADD(a->sigfd, 0, 0, 0);
                ADD(a->logfd, 1, 0, 0);
                ADD(a->io.fd ? a->io.fd(a->io.cls) : -1, 2, 0, 0);
                ADD(a->test_fd, 3, 0, 0);
                ADD(lb_nginx_pidfd(a->ngx), 4, 0, 0);
                for (size_t r = 0; r < MAX_RELOAD_RECORDS; r++)
                        for (size_t i = 0; a->reloads[r].alive && i < a->reloads[r].n_pidfds; i++)
                                ADD(a->reloads[r].pidfds[i], 5, r, i);
#undef ADD
                if (at >= 0 && at < t)
                        t = at;
                curl_multi_poll(a->multi, fds, nf, (int)t, NULL);
                for (unsigned i = 0; i < nf; i++) {
                        if (!fds[i].revents)
                                continue;
                        switch (map[i].kind) {
                        case 0: {
                                struct signalfd_siginfo si;
                                while (read(a->sigfd, &si, sizeof(si)) == sizeof(si)) {
                                        if (si.ssi_signo == SIGCHLD) {
                                                lb_super_reap(a);
                                                continue;
                                        }
                                        if (si.ssi_signo == SIGHUP) {
                                                log_info("SIGHUP: reloading the configuration");
                                                hup = true;
                                                continue;
                                        }
                                        log_info("%s: shutting down", strsignal((int)si.ssi_signo));
                                        a->quit = true;
                                }
                                break;
                        }
                        case 1: lb_ship_read_log(a); break;
                        case 3: if (a->test_fd >= 0) lb_reload_test_done(a); break;
                        case 4: if (lb_nginx_pidfd(a->ngx) == fds[i].fd) lb_super_exited(a); break;
                        case 5: {
                                struct reload_rec *rec = &a->reloads[map[i].rec];
                                if (rec->pidfds[map[i].idx] == fds[i].fd) {
                                        close(fds[i].fd);
                                        rec->pidfds[map[i].idx] = -1;
                                        rec->alive--;
                                }
                                break;
                        }
                        default: break;
                        }
                }
                if (a->io.run)
                        a->io.run(a->io.cls);
                curl_multi_perform(a->multi, &running);
                while ((m = curl_multi_info_read(a->multi, &left))) {
                        char *priv = NULL;
                        if (m->msg != CURLMSG_DONE)
                                continue;
                        curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, &priv);
                        if (m->easy_handle == a->probe)
                                lb_reload_probe_done(a, m->data.result);
                        else if (m->easy_handle == a->ship)
                                lb_ship_done(a, m->data.result);
                        else if (m->easy_handle == a->fetch)
                                lb_ship_fetch_done(a, m->data.result);
                        else if (m->easy_handle == a->sync)
                                lb_peers_sync_done(a, m->data.result);
                        else if (m->easy_handle == a->view)
                                lb_peers_view_done(a, m->data.result);
                        else if (priv)
                                lb_health_done(a, (struct be *)priv, m->data.result);
                }
                run_timers(a);
                lb_super_reap(a);
        }
        return a->quit ? 0 : 1;
}
