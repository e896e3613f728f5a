/* nginx supervision: the agent spawns nginx itself (or adopts a master a previous agent left
 * running), learns of its death through a pidfd and restarts it with backoff (250 ms doubling to
 * 10 s, reset after 30 s of uptime). A (re)started master loads the whole registered set; the
 * reload pipeline's probe confirms it. */
#include "lb_super.h"

#include <sys/wait.h>

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ss_log.h"
#include "ss_util.h"
#include "lb_peers.h"
#include "lb_reload.h"

void lb_super_start(struct lb_agent *a)
{
        bool adopted = false;
        int r;

        a->ngx_restart_ns = 0;
        /* The include must hold exactly what we consider loaded: the new master reads it. */
        a->job_start_ns = ss_mono_ns();
        a->job_window_ns = 0;
        a->job_gen = a->generation + 1;
        a->job_added[0] = a->job_removed[0] = 0;
        for (size_t i = 0; i < a->n_bes; i++) {
                struct be *b = a->bes[i];
                if (lb_be_desired(b) != b->in_nginx)
                        lb_append_id(lb_be_desired(b) ? a->job_added : a->job_removed,
                                  sizeof(a->job_added), b->rec.id);
        }
        r = lb_reload_write_include(a, a->job_gen);
        if (r < 0) {
                snprintf(a->ngx_error, sizeof(a->ngx_error), "cannot write %s: %s",
                         a->include_path, strerror(-r));
                goto fail;
        }
        /* The master loads the peers file in init_by_lua, before any worker accepts: a
         * (re)started nginx serves the registered set from its first request. */
        r = lb_peers_write_file(a);
        if (r < 0) {
                snprintf(a->ngx_error, sizeof(a->ngx_error), "cannot write %s: %s",
                         a->peers_path, strerror(-r));
                goto fail;
        }
        r = lb_nginx_start(a->ngx, &adopted);
        if (r < 0) {
                snprintf(a->ngx_error, sizeof(a->ngx_error), "cannot start %s: %s",
                         a->o.nginx_binary, strerror(-r));
                goto fail;
        }
        a->ngx_started_ns = ss_mono_ns();
        a->ngx_state = NGX_STARTING;
        a->job_test_ns = 0;
        a->job_apply_ns = ss_mono_ns();
        a->phase = JOB_APPLYING;
        a->job_is_start = !adopted;
        if (adopted) {
                log_info("adopted the running nginx master (pid %d); reloading it with the "
                         "registered backends", (int)lb_nginx_pid(a->ngx));
                r = lb_nginx_reload(a->ngx, &a->job_pidfds, &a->job_n_pidfds);
                if (r < 0)
                        log_warn("cannot signal adopted nginx: %s", strerror(-r));
        } else {
                log_info("started nginx (pid %d): %s -p %s -c %s", (int)lb_nginx_pid(a->ngx),
                         a->o.nginx_binary, a->nginx_dir, a->conf_path);
        }
        /* Every desired backend is what the new master has; those not desired are out. */
        for (size_t i = 0; i < a->n_bes; i++) {
                a->bes[i]->in_job = lb_be_desired(a->bes[i]) != a->bes[i]->in_nginx;
                a->bes[i]->job_want = lb_be_desired(a->bes[i]);
        }
        lb_reload_probe(a);
        return;
fail:
        log_error("nginx: %s; retrying in %" PRIu64 " ms", a->ngx_error, a->ngx_backoff_ms);
        a->ngx_state = NGX_STOPPED;
        a->ngx_restart_ns = ss_mono_ns() + a->ngx_backoff_ms * MS;
        a->ngx_backoff_ms = a->ngx_backoff_ms * 2 > RETRY_MAX_MS ? RETRY_MAX_MS : a->ngx_backoff_ms * 2;
}

void lb_super_exited(struct lb_agent *a)
{
        char desc[128], last[256];

        lb_nginx_exited(a->ngx, desc, sizeof(desc));
        lb_nginx_last_error(a->ngx, last, sizeof(last));
        if (ss_mono_ns() - a->ngx_started_ns > 30000 * MS)
                a->ngx_backoff_ms = 250;
        snprintf(a->ngx_error, sizeof(a->ngx_error), "nginx master %s; last error log line: %s",
                 desc, last[0] ? last : "(none)");
        log_error("%s; restarting in %" PRIu64 " ms", a->ngx_error, a->ngx_backoff_ms);
        a->ngx_state = NGX_STOPPED;
        if (a->phase == JOB_APPLYING && !a->job_is_start) {
                lb_reload_failed(a, "reload_failed", a->ngx_error, false);
        } else if (a->phase != JOB_NONE) {
                lb_reload_restore(a);
                lb_reload_end(a);
        }
        a->ngx_restart_ns = ss_mono_ns() + a->ngx_backoff_ms * MS;
        a->ngx_backoff_ms = a->ngx_backoff_ms * 2 > RETRY_MAX_MS ? RETRY_MAX_MS : a->ngx_backoff_ms * 2;
}

/* ---- health checks -------------------------------------------------------------------------- */

/* We are the subreaper of nginx's process tree: workers orphaned by a master that died are
 * reparented to us and reaped here. The master and `nginx -t` are reaped by their owners. */
void lb_super_reap(struct lb_agent *a)
{
        for (;;) {
                siginfo_t si = { 0 };
                if (waitid(P_ALL, 0, &si, WEXITED | WNOHANG | WNOWAIT) < 0 || si.si_pid == 0)
                        return;
                if (si.si_pid == lb_nginx_pid(a->ngx) || lb_nginx_is_tester(a->ngx, si.si_pid))
                        return;         /* their owners reap them (pidfd / pipe EOF) */
                waitpid(si.si_pid, NULL, WNOHANG);
        }
}
