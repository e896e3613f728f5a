/* The reload pipeline, for configuration changes only (membership is a write into nginx's
 * shared dict, lb_peers.c): a re-rendered nginx.conf differs from the running one -> after the
 * rate cap, write it and the generation include atomically (the previous texts are kept),
 * `nginx -t`; failure restores the previous texts and is reported; success snapshots the
 * master's workers (pidfds) and sends SIGHUP; the reload is confirmed when nginx's control
 * socket serves the new generation number, which proves new workers run the new config. */
#include "lb_reload.h"
#include "lb_peers.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ss_log.h"
#include "ss_util.h"

#define PROBE_EVERY_MS     5
#define PROBE_TIMEOUT_MS   10000

struct reload_rec *lb_reload_record(struct lb_agent *a, uint64_t id)
{
        if (id == 0 || id > a->n_reloads || a->n_reloads - id >= MAX_RELOAD_RECORDS)
                return NULL;
        return &a->reloads[(id - 1) % MAX_RELOAD_RECORDS];
}


/* Reloads are for configuration only (membership is a write into nginx's shared dict). A
 * change waits for nothing but the rate cap and, after a failure, the backoff. */
void lb_reload_schedule(struct lb_agent *a)
{
        uint64_t now = ss_mono_ns(), at = now;

        if (a->phase != JOB_NONE || a->ngx_state != NGX_RUNNING || !a->conf_pending)
                return;
        if (!a->reload_at_ns)
                a->window_open_ns = now;
        if (a->last_reload_ns && at < a->last_reload_ns + a->o.min_reload_interval_ms * MS)
                at = a->last_reload_ns + a->o.min_reload_interval_ms * MS;
        if (a->retry_ms && at < now + a->retry_ms * MS)
                at = now + a->retry_ms * MS;
        if (!a->reload_at_ns || at < a->reload_at_ns)
                a->reload_at_ns = at;
}

void lb_append_id(char *list, size_t len, const char *id)
{
        size_t n = strlen(list);
        if (n + strlen(id) + 2 < len)
                snprintf(list + n, len - n, "%s%s", n ? "," : "", id);
}

int lb_reload_write_include(struct lb_agent *a, uint64_t gen)
{
        char *text = NULL;
        int r;

        for (size_t i = 0; i < a->n_bes; i++)
                a->bes[i]->in_job = false;
        r = lb_generation_render(gen, &text);
        if (r < 0)
                return r;
        r = ss_write_file_atomic(a->include_path, text, strlen(text), 0644);
        free(text);
        return r;
}

static struct reload_rec *new_record(struct lb_agent *a, const char *result, const char *err)
{
        struct reload_rec *rec = &a->reloads[a->n_reloads % MAX_RELOAD_RECORDS];
        uint64_t now = ss_mono_ns();

        for (size_t i = 0; i < rec->n_pidfds; i++)
                if (rec->pidfds[i] >= 0)
                        close(rec->pidfds[i]);
        free(rec->pidfds);
        memset(rec, 0, sizeof(*rec));
        rec->id = ++a->n_reloads;
        rec->generation = a->job_gen;
        rec->ts_us = ss_wall_us() - (now - a->job_start_ns) / 1000;
        rec->result = result;
        snprintf(rec->error, sizeof(rec->error), "%s", err ? err : "");
        snprintf(rec->added, sizeof(rec->added), "%s", a->job_added);
        snprintf(rec->removed, sizeof(rec->removed), "%s", a->job_removed);
        rec->test_ms = a->job_test_ns ? (double)(a->job_test_ns - a->job_start_ns) / 1e6 : 0;
        rec->apply_ms = a->job_apply_ns ? (double)(now - a->job_apply_ns) / 1e6 : 0;
        rec->total_ms = (double)(now - a->job_start_ns) / 1e6;
        rec->waited_ms = a->job_window_ns && a->job_window_ns < a->job_start_ns ?
                (double)(a->job_start_ns - a->job_window_ns) / 1e6 : 0;
        return rec;
}

void lb_reload_end(struct lb_agent *a)
{
        for (size_t i = 0; i < a->n_bes; i++)
                a->bes[i]->in_job = false;
        free(a->job_prev);
        a->job_prev = NULL;
        free(a->job_prev_conf);
        a->job_prev_conf = NULL;
        for (size_t i = 0; i < a->job_n_pidfds; i++)
                close(a->job_pidfds[i]);
        free(a->job_pidfds);
        a->job_pidfds = NULL;
        a->job_n_pidfds = 0;
        if (a->probe) {
                curl_multi_remove_handle(a->multi, a->probe);
                curl_easy_cleanup(a->probe);
                a->probe = NULL;
        }
        if (a->test_fd >= 0) {
                lb_nginx_test_kill(a->ngx);
                a->test_fd = -1;
        }
        a->phase = JOB_NONE;
        a->job_is_start = false;
        a->job_added[0] = a->job_removed[0] = 0;
        a->job_test_ns = a->job_apply_ns = 0;
}

void lb_reload_restore(struct lb_agent *a)
{
        int r;

        if (a->job_prev_conf) {
                r = ss_write_file_atomic(a->conf_path, a->job_prev_conf, strlen(a->job_prev_conf),
                                         0600);
                if (r < 0)
                        log_error("cannot restore %s: %s", a->conf_path, strerror(-r));
        }
        if (!a->job_prev)
                return;
        r = ss_write_file_atomic(a->include_path, a->job_prev, strlen(a->job_prev), 0644);
        if (r < 0)
                log_error("cannot restore %s: %s", a->include_path, strerror(-r));
}

/* The job failed: the previous nginx.conf and include are back and nginx keeps running the
 * configuration it has. A configuration nginx rejects is not retried (the next SIGHUP with a
 * fixed file is); a reload nginx did not apply is retried with backoff. */
void lb_reload_failed(struct lb_agent *a, const char *result, const char *err, bool give_up)
{
        struct reload_rec *rec;

        lb_reload_restore(a);
        rec = new_record(a, result, err);
        a->reload_failures++;
        log_error("reload %" PRIu64 " failed (%s): %s; %s%s restored; nginx keeps its running "
                  "configuration", rec->id, result, err, a->job_prev_conf ? "nginx.conf and " : "",
                  a->include_path);
        if (give_up) {
                a->conf_pending = false;
                free(a->conf_next);
                a->conf_next = NULL;
        }
        a->last_reload_ns = ss_mono_ns();
        a->retry_ms = a->retry_ms ? a->retry_ms * 2 : 500;
        if (a->retry_ms > RETRY_MAX_MS)
                a->retry_ms = RETRY_MAX_MS;
        lb_reload_end(a);
        lb_agent_save(a);
        lb_reload_schedule(a);
}

static void job_confirmed(struct lb_agent *a)
{
        struct reload_rec *rec = new_record(a, a->job_is_start ? "start" : "ok", NULL);
        uint64_t now = ss_mono_ns();

        rec->pidfds = a->job_pidfds;
        rec->n_pidfds = rec->alive = a->job_n_pidfds;
        a->job_pidfds = NULL;
        a->job_n_pidfds = 0;
        a->generation = a->job_gen;
        a->dirty_state = true;
        log_info("reload %" PRIu64 " (%s) generation %" PRIu64 ": +[%s] -[%s] waited %.1f ms, "
                 "test %.1f ms, apply %.1f ms, total %.1f ms; %zu old workers to drain", rec->id,
                 rec->result, rec->generation, rec->added, rec->removed, rec->waited_ms,
                 rec->test_ms, rec->apply_ms, rec->total_ms, rec->n_pidfds);
        /* in_job marks the backends whose membership a (re)start changed (the peers file). */
        for (size_t i = 0; i < a->n_bes; i++) {
                struct be *b = a->bes[i];
                if (!b->in_job || b->job_want == b->in_nginx)
                        continue;
                if (b->job_want) {
                        b->in_nginx = true;
                        if (b->rec.state == LB_CHECKING)
                                lb_be_set_state(a, b, LB_ACTIVE, NULL);
                } else {
                        b->in_nginx = false;
                        b->drain_reload = rec->id;
                        if (b->rec.state == LB_DRAINING)
                                lb_be_set_state(a, b, LB_DRAINING, "removed from nginx by reload %" PRIu64
                                          "; waiting for %zu old workers", rec->id, rec->alive);
                }
        }
        if (a->ngx_state == NGX_STARTING) {
                a->ngx_state = NGX_RUNNING;
                a->ngx_error[0] = 0;
                log_info("nginx running (pid %d), front %s", (int)lb_nginx_pid(a->ngx), a->o.front);
        }
        if (!a->job_is_start && a->job_prev_conf) {
                a->conf_pending = false;
                free(a->conf_next);
                a->conf_next = NULL;
        }
        a->last_reload_ns = now;
        a->retry_ms = 0;
        lb_reload_end(a);
        lb_agent_save(a);
        lb_reload_schedule(a);
        lb_peers_schedule(a);
}

void lb_reload_start(struct lb_agent *a)
{
        const char *err = NULL;
        char *prev = NULL;
        int r;

        a->reload_at_ns = 0;
        a->job_window_ns = a->window_open_ns;
        if (a->ngx_state != NGX_RUNNING)
                return;         /* restart path writes and confirms the file itself */
        if (!a->conf_pending || !a->conf_next)
                return;
        a->job_start_ns = ss_mono_ns();
        a->job_gen = a->generation + 1;
        r = ss_read_file(a->include_path, 4u << 20, &prev, NULL);
        if (r < 0 && r != -ENOENT) {
                log_error("cannot read %s: %s", a->include_path, strerror(-r));
                err = "cannot read the current generation include";
        }
        a->job_prev = prev;
        prev = NULL;
        if (!err) {
                r = ss_read_file(a->conf_path, 4u << 20, &prev, NULL);
                if (r < 0) {
                        log_error("cannot read %s: %s", a->conf_path, strerror(-r));
                        err = "cannot read the running nginx.conf";
                }
                a->job_prev_conf = prev;
        }
        a->phase = JOB_TESTING;
        if (!err) {
                r = ss_write_file_atomic(a->conf_path, a->conf_next, strlen(a->conf_next), 0600);
                if (r < 0)
                        err = "cannot write nginx.conf";
        }
        if (!err) {
                r = lb_reload_write_include(a, a->job_gen);
                if (r < 0)
                        err = "cannot write the generation include";
        }
        if (!err) {
                r = lb_nginx_test_start(a->ngx, &a->test_fd);
                if (r < 0) {
                        a->test_fd = -1;
                        err = "cannot run nginx -t";
                }
        }
        if (err) {
                char msg[LB_REASON_MAX];
                snprintf(msg, sizeof(msg), "%s: %s", err, strerror(-r));
                lb_reload_failed(a, "test_failed", msg, true);
        }
}

void lb_reload_test_done(struct lb_agent *a)
{
        const char *out = NULL;
        bool ok = false;
        int r;

        r = lb_nginx_test_poll(a->ngx, &ok, &out);
        if (r == 0)
                return;
        a->test_fd = -1;
        a->job_test_ns = ss_mono_ns();
        if (r < 0 || !ok) {
                lb_reload_failed(a, "test_failed", out ? out : "nginx -t did not run", true);
                return;
        }
        if (a->ngx_state != NGX_RUNNING) {
                /* The master died meanwhile; the restart loads the confirmed set again. */
                lb_reload_restore(a);
                lb_reload_end(a);
                return;
        }
        a->job_apply_ns = ss_mono_ns();
        r = lb_nginx_reload(a->ngx, &a->job_pidfds, &a->job_n_pidfds);
        if (r < 0) {
                char msg[128];
                snprintf(msg, sizeof(msg), "cannot signal nginx: %s", strerror(-r));
                lb_reload_failed(a, "reload_failed", msg, false);
                return;
        }
        a->phase = JOB_APPLYING;
        lb_reload_probe(a);
}

/* ---- the generation probe on nginx's control socket -------------------------------------- */

static size_t probe_write(char *p, size_t size, size_t n, void *cls)
{
        struct lb_agent *a = cls;
        size_t len = size * n;

        if (a->probe_len + len < sizeof(a->probe_buf)) {
                memcpy(a->probe_buf + a->probe_len, p, len);
                a->probe_len += len;
                a->probe_buf[a->probe_len] = 0;
        }
        return len;
}

void lb_reload_probe(struct lb_agent *a)
{
        CURL *c = lb_ctl_easy(a, "/snowscale/generation");

        if (!c) {
                a->probe_next_ns = ss_mono_ns() + PROBE_EVERY_MS * MS;
                return;
        }
        a->probe_len = 0;
        a->probe_buf[0] = 0;
        curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, probe_write);
        curl_easy_setopt(c, CURLOPT_WRITEDATA, a);
        curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, 1000L);
        curl_easy_setopt(c, CURLOPT_PRIVATE, "probe");
        curl_easy_setopt(c, CURLOPT_FORBID_REUSE, 1L);
        a->probe = c;
        a->probe_next_ns = 0;
        curl_multi_add_handle(a->multi, c);
}

void lb_reload_probe_done(struct lb_agent *a, CURLcode res)
{
        long code = 0;
        char want[32];

        curl_easy_getinfo(a->probe, CURLINFO_RESPONSE_CODE, &code);
        curl_multi_remove_handle(a->multi, a->probe);
        curl_easy_cleanup(a->probe);
        a->probe = NULL;
        snprintf(want, sizeof(want), "%" PRIu64 "\n", a->job_gen);
        if (res == CURLE_OK && code == 200 && strcmp(a->probe_buf, want) == 0) {
                job_confirmed(a);
                return;
        }
        if (ss_mono_ns() - a->job_apply_ns > PROBE_TIMEOUT_MS * MS) {
                char last[LB_REASON_MAX - 96], msg[LB_REASON_MAX];
                lb_nginx_last_error(a->ngx, last, sizeof(last));
                snprintf(msg, sizeof(msg), "nginx did not serve generation %" PRIu64
                         " within %d ms; error log: %s", a->job_gen, PROBE_TIMEOUT_MS,
                         last[0] ? last : "(empty)");
                if (a->job_is_start) {
                        a->ngx_state = NGX_STARTING;
                        snprintf(a->ngx_error, sizeof(a->ngx_error), "%s", msg);
                        a->job_apply_ns = ss_mono_ns();  /* keep waiting; report it */
                        log_warn("%s", msg);
                } else {
                        lb_reload_failed(a, "reload_failed", msg, false);
                        return;
                }
        }
        a->probe_next_ns = ss_mono_ns() + PROBE_EVERY_MS * MS;
}

/* ---- nginx supervision --------------------------------------------------------------------- */
