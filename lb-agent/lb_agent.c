/* The snowscale-lb daemon: one single-threaded loop that owns every registration.
 *
 * The loop waits in curl_multi_poll() on libcurl's sockets (health checks, the reload probe,
 * sample shipping) plus our own fds: signalfd, the access-log socket, the API's epoll fd, the
 * `nginx -t` output pipe and pidfds of the nginx master and of old workers being drained.
 *
 * Reload pipeline (one at a time): the desired set (active + healthy-awaiting-add backends)
 * differs from what nginx has loaded -> after the coalescing window and the rate cap, render the
 * upstream include with the next generation number, write it atomically (the previous text is
 * kept), `nginx -t`; failure restores the previous text and is reported; success snapshots the
 * master's workers (pidfds) and sends SIGHUP; the reload is confirmed when nginx's control socket
 * serves the new generation number, which proves new workers run the new upstream set.
 * A backend removed by reload R is drained when every worker snapshotted for R has exited
 * (graceful shutdown: they exit once their requests are done, bounded by worker_shutdown_timeout)
 * or its drain timeout passed. */
#include "lb.h"

#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <json-c/json.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "ss_log.h"
#include "ss_util.h"

#define MAX_RELOAD_RECORDS 256
#define PROBE_EVERY_MS     5
#define PROBE_TIMEOUT_MS   10000
#define TEST_TIMEOUT_MS    10000
#define SHIP_BATCH         5000
#define SHIP_TIMEOUT_MS    2000
#define SHIP_HEARTBEAT_MS  1000   /* an empty batch at least this often while idle */
#define RETRY_MAX_MS       10000
#define KEEP_DONE_US       (3600ull * 1000000)  /* drained/unhealthy records kept for an hour */
#define MS                 1000000ull           /* ns per ms */

struct be {
        struct lb_backend rec;
        bool want;              /* health passed: belongs in nginx (with state active/checking) */
        bool in_nginx;          /* in the upstream set nginx has confirmed loading */
        bool in_job;            /* part of the reload in flight */
        int checks;             /* health attempts made */
        uint64_t next_check_ns;
        CURL *check;
        char check_err[CURL_ERROR_SIZE];
        uint64_t drain_deadline_ns;
        uint64_t drain_reload;  /* reload id that took it out of nginx; 0 = not yet */
        uint64_t drain_start_ns;
        uint64_t requests, last_seen_us;
};

struct reload_rec {
        uint64_t id, generation, ts_us;
        double test_ms, apply_ms, total_ms;
        double waited_ms;       /* window opened (first change, or end of the previous job) -> start */
        const char *result;     /* "ok", "test_failed", "reload_failed", "start" */
        char error[LB_REASON_MAX];
        char added[256], removed[256];
        int *pidfds;            /* old workers, -1 once exited */
        size_t n_pidfds, alive;
};

enum job_phase { JOB_NONE, JOB_TESTING, JOB_APPLYING };
enum nginx_state { NGX_STOPPED, NGX_STARTING, NGX_RUNNING };

/* The string options, copied so the caller may free its configuration. */
#define OPT_STRINGS(X) X(state_dir) X(listen) X(token) X(front) X(upstream) X(nginx_binary) \
        X(template_path) X(scaler_url) X(scaler_token) X(health_path)

struct lb_agent {
        struct lb_opts o;
        struct {
#define X(f) char *f;
                OPT_STRINGS(X)
#undef X
        } own;
        char *state_dir, *nginx_dir, *conf_path, *include_path, *state_path, *log_sock_path,
             *ctl_sock_path, *error_log, *pid_path, *upstream_name, *run_dir, *temp_dir;
        struct lb_nginx *ngx;
        enum nginx_state ngx_state;
        char ngx_error[LB_REASON_MAX];
        uint64_t ngx_restart_ns, ngx_backoff_ms, ngx_started_ns;
        struct lb_api *api;
        CURLM *multi;
        int sigfd, logfd;
        bool quit;

        struct be *bes[LB_MAX_BACKENDS];
        size_t n_bes;
        uint64_t generation;    /* last generation nginx confirmed */
        bool dirty_state;
        int save_err;           /* last lb_state_save() error, 0 = fine */

        /* reload pipeline */
        enum job_phase phase;
        uint64_t reload_at_ns;  /* 0 = none scheduled */
        uint64_t window_open_ns;        /* first change the scheduled reload waits for */
        uint64_t job_window_ns;         /* the running job's window_open_ns */
        uint64_t last_reload_ns, retry_ms;
        uint64_t job_start_ns, job_test_ns, job_apply_ns, job_gen;
        bool job_is_start;      /* confirming a freshly started master, no SIGHUP */
        char *job_prev;         /* include text before this job */
        int test_fd;
        CURL *probe;
        char probe_buf[64];
        size_t probe_len;
        uint64_t probe_next_ns;
        int *job_pidfds;
        size_t job_n_pidfds;
        char job_added[256], job_removed[256];
        struct reload_rec reloads[MAX_RELOAD_RECORDS];
        uint64_t n_reloads, reload_failures;

        /* samples */
        struct lb_ring *ring;
        CURL *ship;
        struct curl_slist *ship_hdrs;
        char *ship_body, ship_resp[512];
        size_t ship_resp_len, ship_n;
        uint64_t ship_end, ship_next_ns;
        uint64_t ship_last_ns;          /* last batch sent, for the idle heartbeat */
        char *samples_url;
        uint64_t lines, samples, garbage, foreign, shipped, ship_batches, ship_failures,
                 rejected, discarded;
        int scaler_status;      /* last HTTP status, 0 = unreachable, -1 = none yet */
        uint64_t garbage_logged_ns;
};

/* a->o = *o with every string copied; copies first, so o may point into a->own. */
static int own_opts(struct lb_agent *a, const struct lb_opts *o)
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

static void free_opts(struct lb_agent *a)
{
#define X(f) free(a->own.f); a->own.f = NULL;
        OPT_STRINGS(X)
#undef X
}

static struct be *find(struct lb_agent *a, const char *id)
{
        for (size_t i = 0; i < a->n_bes; i++)
                if (strcmp(a->bes[i]->rec.id, id) == 0)
                        return a->bes[i];
        return NULL;
}

static struct be *find_addr(struct lb_agent *a, const char *addr)
{
        for (size_t i = 0; i < a->n_bes; i++)
                if (strcmp(a->bes[i]->rec.address, addr) == 0 &&
                    a->bes[i]->rec.state != LB_DRAINED && a->bes[i]->rec.state != LB_UNHEALTHY)
                        return a->bes[i];
        return NULL;
}

static void set_state(struct lb_agent *a, struct be *b, enum lb_state s, const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));
static void set_state(struct lb_agent *a, struct be *b, enum lb_state s, const char *fmt, ...)
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

static void save_state(struct lb_agent *a)
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

static void free_be(struct lb_agent *a, struct be *b)
{
        if (b->check) {
                curl_multi_remove_handle(a->multi, b->check);
                curl_easy_cleanup(b->check);
        }
        free(b);
}

/* ---- reload pipeline --------------------------------------------------------------------- */

static bool desired(const struct be *b)
{
        return b->want && (b->rec.state == LB_ACTIVE || b->rec.state == LB_CHECKING);
}

static bool changes_pending(struct lb_agent *a)
{
        for (size_t i = 0; i < a->n_bes; i++)
                if (desired(a->bes[i]) != a->bes[i]->in_nginx)
                        return true;
        return false;
}

/* Coalescing: the first change opens a window; everything arriving in it rides along.
 * An addition is capacity somebody waits for: when no other backend is still being
 * health-checked, nothing could ride along, so the window closes at once (still subject to
 * the rate cap). Removals always wait out the window: a scale-in deregisters several
 * backends within milliseconds and one reload should take them all. */
static void schedule_reload(struct lb_agent *a)
{
        uint64_t now = ss_mono_ns(), at;
        bool adds = false, probing = false;

        /* While nginx is not running the (re)start writes and confirms the whole set. */
        if (a->phase != JOB_NONE || a->ngx_state != NGX_RUNNING || !changes_pending(a))
                return;
        for (size_t i = 0; i < a->n_bes; i++) {
                const struct be *b = a->bes[i];
                if (desired(b) && !b->in_nginx)
                        adds = true;
                if (b->rec.state == LB_CHECKING && !b->want)
                        probing = true;
        }
        if (!a->reload_at_ns)
                a->window_open_ns = now;
        at = adds && !probing ? now : a->window_open_ns + a->o.coalesce_ms * MS;
        if (a->last_reload_ns && at < a->last_reload_ns + a->o.min_reload_interval_ms * MS)
                at = a->last_reload_ns + a->o.min_reload_interval_ms * MS;
        if (a->retry_ms && at < now + a->retry_ms * MS)
                at = now + a->retry_ms * MS;
        if (!a->reload_at_ns || at < a->reload_at_ns)
                a->reload_at_ns = at;
}

static void append_id(char *list, size_t len, const char *id)
{
        size_t n = strlen(list);
        if (n + strlen(id) + 2 < len)
                snprintf(list + n, len - n, "%s%s", n ? "," : "", id);
}

static int write_include(struct lb_agent *a, uint64_t gen, bool mark_job)
{
        const char *addrs[LB_MAX_BACKENDS];
        size_t n = 0;
        char *text = NULL;
        int r;

        for (size_t i = 0; i < a->n_bes; i++) {
                struct be *b = a->bes[i];
                b->in_job = false;
                if (desired(b))
                        addrs[n++] = b->rec.address;
                if (mark_job && desired(b) != b->in_nginx) {
                        b->in_job = true;
                        append_id(desired(b) ? a->job_added : a->job_removed,
                                  sizeof(a->job_added), b->rec.id);
                }
        }
        r = lb_upstream_render(a->upstream_name, gen, addrs, n, &text);
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

static void end_job(struct lb_agent *a)
{
        for (size_t i = 0; i < a->n_bes; i++)
                a->bes[i]->in_job = false;
        free(a->job_prev);
        a->job_prev = NULL;
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

static void restore_include(struct lb_agent *a)
{
        int r;

        if (!a->job_prev)
                return;
        r = ss_write_file_atomic(a->include_path, a->job_prev, strlen(a->job_prev), 0644);
        if (r < 0)
                log_error("cannot restore %s: %s", a->include_path, strerror(-r));
}

/* The job failed: the previous include is back. Adds in the job are reported unhealthy with
 * nginx's words (a config nginx rejects must not be retried forever); removals stay pending
 * and are retried with backoff. */
static void job_failed(struct lb_agent *a, const char *result, const char *err, bool blame_adds)
{
        struct reload_rec *rec;

        restore_include(a);
        rec = new_record(a, result, err);
        a->reload_failures++;
        log_error("reload %" PRIu64 " failed (%s): %s; %s restored", rec->id, result, err,
                  a->include_path);
        for (size_t i = 0; blame_adds && i < a->n_bes; i++) {
                struct be *b = a->bes[i];
                if (b->in_job && desired(b)) {
                        b->want = false;
                        set_state(a, b, LB_UNHEALTHY, "nginx rejected the config with it: %s", err);
                }
        }
        a->last_reload_ns = ss_mono_ns();
        a->retry_ms = a->retry_ms ? a->retry_ms * 2 : 500;
        if (a->retry_ms > RETRY_MAX_MS)
                a->retry_ms = RETRY_MAX_MS;
        end_job(a);
        save_state(a);
        schedule_reload(a);
}

static void probe_start(struct lb_agent *a);

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
        /* in_job marks exactly the backends whose membership this job's file changed. */
        for (size_t i = 0; i < a->n_bes; i++) {
                struct be *b = a->bes[i];
                if (!b->in_job)
                        continue;
                if (!b->in_nginx) {
                        b->in_nginx = true;
                        if (b->rec.state == LB_CHECKING)
                                set_state(a, b, LB_ACTIVE, NULL);
                } else {
                        b->in_nginx = false;
                        b->drain_reload = rec->id;
                        if (b->rec.state == LB_DRAINING)
                                set_state(a, b, LB_DRAINING, "removed from nginx by reload %" PRIu64
                                          "; waiting for %zu old workers", rec->id, rec->alive);
                }
        }
        if (a->ngx_state == NGX_STARTING) {
                a->ngx_state = NGX_RUNNING;
                a->ngx_error[0] = 0;
                log_info("nginx running (pid %d), front %s", (int)lb_nginx_pid(a->ngx), a->o.front);
        }
        a->last_reload_ns = now;
        a->retry_ms = 0;
        end_job(a);
        save_state(a);
        schedule_reload(a);
}

static void start_job(struct lb_agent *a)
{
        const char *err = NULL;
        char *prev = NULL;
        int r;

        a->reload_at_ns = 0;
        a->job_window_ns = a->window_open_ns;
        if (a->ngx_state != NGX_RUNNING)
                return;         /* restart path writes and confirms the file itself */
        if (!changes_pending(a))
                return;
        a->job_start_ns = ss_mono_ns();
        a->job_gen = a->generation + 1;
        r = ss_read_file(a->include_path, 4u << 20, &prev, NULL);
        if (r < 0 && r != -ENOENT) {
                log_error("cannot read %s: %s", a->include_path, strerror(-r));
                err = "cannot read the current upstream include";
        }
        a->job_prev = prev;
        a->phase = JOB_TESTING;
        if (!err) {
                r = write_include(a, a->job_gen, true);
                if (r < 0)
                        err = "cannot write the upstream include";
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
                job_failed(a, "test_failed", msg, false);
        }
}

static void test_done(struct lb_agent *a)
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
                job_failed(a, "test_failed", out ? out : "nginx -t did not run", true);
                return;
        }
        if (a->ngx_state != NGX_RUNNING) {
                /* The master died meanwhile; the restart loads the confirmed set again. */
                restore_include(a);
                end_job(a);
                return;
        }
        a->job_apply_ns = ss_mono_ns();
        r = lb_nginx_reload(a->ngx, &a->job_pidfds, &a->job_n_pidfds);
        if (r < 0) {
                char msg[128];
                snprintf(msg, sizeof(msg), "cannot signal nginx: %s", strerror(-r));
                job_failed(a, "reload_failed", msg, false);
                return;
        }
        a->phase = JOB_APPLYING;
        probe_start(a);
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

static void probe_start(struct lb_agent *a)
{
        CURL *c = curl_easy_init();

        if (!c) {
                a->probe_next_ns = ss_mono_ns() + PROBE_EVERY_MS * MS;
                return;
        }
        a->probe_len = 0;
        a->probe_buf[0] = 0;
        curl_easy_setopt(c, CURLOPT_UNIX_SOCKET_PATH, a->ctl_sock_path);
        curl_easy_setopt(c, CURLOPT_URL, "http://localhost/snowscale/generation");
        curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, probe_write);
        curl_easy_setopt(c, CURLOPT_WRITEDATA, a);
        curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, 1000L);
        curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(c, CURLOPT_PRIVATE, "probe");
        curl_easy_setopt(c, CURLOPT_FORBID_REUSE, 1L);
        a->probe = c;
        a->probe_next_ns = 0;
        curl_multi_add_handle(a->multi, c);
}

static void probe_done(struct lb_agent *a, CURLcode res)
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
                        job_failed(a, "reload_failed", msg, false);
                        return;
                }
        }
        a->probe_next_ns = ss_mono_ns() + PROBE_EVERY_MS * MS;
}

/* ---- nginx supervision --------------------------------------------------------------------- */

static void nginx_start(struct lb_agent *a)
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
                if (desired(b) != b->in_nginx)
                        append_id(desired(b) ? a->job_added : a->job_removed,
                                  sizeof(a->job_added), b->rec.id);
        }
        r = write_include(a, a->job_gen, false);
        if (r < 0) {
                snprintf(a->ngx_error, sizeof(a->ngx_error), "cannot write %s: %s",
                         a->include_path, strerror(-r));
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
        /* Every in_nginx backend will be what the new master has; those not desired are out. */
        for (size_t i = 0; i < a->n_bes; i++)
                a->bes[i]->in_job = desired(a->bes[i]) != a->bes[i]->in_nginx;
        probe_start(a);
        return;
fail:
        log_error("nginx: %s; retrying in %" PRIu64 " ms", a->ngx_error, a->ngx_backoff_ms);
        a->ngx_state = NGX_STOPPED;
        a->ngx_restart_ns = ss_mono_ns() + a->ngx_backoff_ms * MS;
        a->ngx_backoff_ms = a->ngx_backoff_ms * 2 > RETRY_MAX_MS ? RETRY_MAX_MS : a->ngx_backoff_ms * 2;
}

static void nginx_exited(struct lb_agent *a)
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
                job_failed(a, "reload_failed", a->ngx_error, false);
        } else if (a->phase != JOB_NONE) {
                restore_include(a);
                end_job(a);
        }
        a->ngx_restart_ns = ss_mono_ns() + a->ngx_backoff_ms * MS;
        a->ngx_backoff_ms = a->ngx_backoff_ms * 2 > RETRY_MAX_MS ? RETRY_MAX_MS : a->ngx_backoff_ms * 2;
}

/* ---- health checks -------------------------------------------------------------------------- */

static size_t discard(char *p, size_t size, size_t n, void *cls) { return size * n; }

static void check_start(struct lb_agent *a, struct be *b)
{
        char url[LB_ADDR_MAX + 256];
        CURL *c = curl_easy_init();

        if (!c) {
                b->next_check_ns = ss_mono_ns() + a->o.health_interval_ms * MS;
                return;
        }
        snprintf(url, sizeof(url), "http://%s%s", b->rec.address, a->o.health_path);
        b->check_err[0] = 0;
        curl_easy_setopt(c, CURLOPT_URL, url);
        curl_easy_setopt(c, CURLOPT_NOPROXY, "*");
        curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, discard);
        curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, 1000L);
        curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, 2000L);
        curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(c, CURLOPT_FORBID_REUSE, 1L);
        curl_easy_setopt(c, CURLOPT_ERRORBUFFER, b->check_err);
        curl_easy_setopt(c, CURLOPT_PRIVATE, b);
        b->check = c;
        b->checks++;
        curl_multi_add_handle(a->multi, c);
}

static void check_done(struct lb_agent *a, struct be *b, CURLcode res)
{
        long code = 0;
        char why[CURL_ERROR_SIZE + 64];

        curl_easy_getinfo(b->check, CURLINFO_RESPONSE_CODE, &code);
        curl_multi_remove_handle(a->multi, b->check);
        curl_easy_cleanup(b->check);
        b->check = NULL;
        if (b->rec.state != LB_CHECKING)
                return;
        if (res == CURLE_OK && code == a->o.health_status) {
                log_info("backend %s (%s) healthy after %d check(s); adding it", b->rec.id,
                         b->rec.address, b->checks);
                b->want = true;
                schedule_reload(a);
                return;
        }
        if (res != CURLE_OK)
                snprintf(why, sizeof(why), "%s", b->check_err[0] ? b->check_err : curl_easy_strerror(res));
        else
                snprintf(why, sizeof(why), "HTTP %ld, want %d", code, a->o.health_status);
        if (b->checks >= a->o.health_attempts) {
                set_state(a, b, LB_UNHEALTHY, "health check GET http://%s%s failed %d times; last: %s",
                          b->rec.address, a->o.health_path, b->checks, why);
                save_state(a);
                return;
        }
        log_debug("backend %s: check %d/%d failed: %s", b->rec.id, b->checks, a->o.health_attempts, why);
        b->next_check_ns = ss_mono_ns() + a->o.health_interval_ms * MS;
}

/* ---- samples ------------------------------------------------------------------------------- */

static size_t ship_write(char *p, size_t size, size_t n, void *cls)
{
        struct lb_agent *a = cls;
        size_t len = size * n;

        if (a->ship_resp_len + len < sizeof(a->ship_resp)) {
                memcpy(a->ship_resp + a->ship_resp_len, p, len);
                a->ship_resp_len += len;
                a->ship_resp[a->ship_resp_len] = 0;
        }
        return len;
}

static void ship_start(struct lb_agent *a)
{
        size_t len;
        CURL *c;

        uint64_t now = ss_mono_ns();

        a->ship_next_ns = now + a->o.ship_interval_ms * MS;
        if (!a->samples_url || a->ship)
                return;
        /* An idle nginx still gets an (empty) batch every second: snowscaled tells "no requests"
         * from "no collector" by it, and holds the clone count when samples stop coming. */
        if (lb_ring_len(a->ring) == 0 && now - a->ship_last_ns < SHIP_HEARTBEAT_MS * MS)
                return;
        a->ship_last_ns = now;
        if (lb_ring_format(a->ring, SHIP_BATCH, &a->ship_body, &len, &a->ship_end, &a->ship_n) < 0)
                return;
        c = curl_easy_init();
        if (!c) {
                free(a->ship_body);
                a->ship_body = NULL;
                return;
        }
        a->ship_resp_len = 0;
        a->ship_resp[0] = 0;
        curl_easy_setopt(c, CURLOPT_URL, a->samples_url);
        curl_easy_setopt(c, CURLOPT_NOPROXY, "*");
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, a->ship_body);
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)len);
        curl_easy_setopt(c, CURLOPT_HTTPHEADER, a->ship_hdrs);
        curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, ship_write);
        curl_easy_setopt(c, CURLOPT_WRITEDATA, a);
        curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, 1000L);
        curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, (long)SHIP_TIMEOUT_MS);
        curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(c, CURLOPT_PRIVATE, "ship");
        a->ship = c;
        curl_multi_add_handle(a->multi, c);
}

static void ship_done(struct lb_agent *a, CURLcode res)
{
        long code = 0;
        int prev = a->scaler_status;

        curl_easy_getinfo(a->ship, CURLINFO_RESPONSE_CODE, &code);
        curl_multi_remove_handle(a->multi, a->ship);
        curl_easy_cleanup(a->ship);
        a->ship = NULL;
        free(a->ship_body);
        a->ship_body = NULL;
        a->scaler_status = res == CURLE_OK ? (int)code : 0;
        if (res == CURLE_OK && code >= 200 && code < 300) {
                json_object *o = json_tokener_parse(a->ship_resp), *v;
                if (o && json_object_object_get_ex(o, "rejected", &v))
                        a->rejected += (uint64_t)json_object_get_int64(v);
                json_object_put(o);
                lb_ring_consume(a->ring, a->ship_end);
                a->shipped += a->ship_n;
                a->ship_batches++;
                if (prev != a->scaler_status)
                        log_info("shipping samples to %s: HTTP %ld", a->samples_url, code);
                /* Behind: send the next batch now rather than at the next tick. */
                if (lb_ring_len(a->ring) >= SHIP_BATCH)
                        a->ship_next_ns = 0;
                return;
        }
        a->ship_failures++;
        if (res == CURLE_OK && (code == 400 || code == 413)) {
                /* The scaler will never take this batch; keeping it would block the rest. */
                lb_ring_consume(a->ring, a->ship_end);
                a->discarded += a->ship_n;
                log_warn("%s refused a batch of %zu samples (HTTP %ld: %s); discarded",
                         a->samples_url, a->ship_n, code, a->ship_resp);
                return;
        }
        if (prev != a->scaler_status) {
                if (res != CURLE_OK)
                        log_warn("cannot ship samples to %s: %s; buffering (%zu held, oldest "
                                 "dropped when full)", a->samples_url, curl_easy_strerror(res),
                                 lb_ring_len(a->ring));
                else
                        log_warn("cannot ship samples to %s: HTTP %ld %s; buffering", a->samples_url,
                                 code, code == 401 ? "(check lb scaler token / api.token)" : a->ship_resp);
        }
}

static void read_log_socket(struct lb_agent *a)
{
        char buf[4096];

        for (int i = 0; i < 4096; i++) {
                struct lb_sample s;
                ssize_t n = recv(a->logfd, buf, sizeof(buf), MSG_DONTWAIT);
                int r;

                if (n < 0)
                        break;
                a->lines++;
                r = lb_parse_line(buf, (size_t)n, &s);
                if (r == -ENOMSG) {
                        a->foreign++;
                        continue;
                }
                if (r < 0) {
                        uint64_t now = ss_mono_ns();
                        a->garbage++;
                        if (now - a->garbage_logged_ns > 10000 * MS) {
                                int show = (int)(n > 160 ? 160 : n);
                                for (int k = 0; k < show; k++)
                                        if ((unsigned char)buf[k] < 0x20 || (unsigned char)buf[k] > 0x7e)
                                                buf[k] = '?';
                                log_warn("access-log line rejected (%s; %" PRIu64 " so far): %.*s",
                                         strerror(-r), a->garbage, show, buf);
                                a->garbage_logged_ns = now;
                        }
                        continue;
                }
                a->samples++;
                lb_ring_push(a->ring, &s);
                for (size_t k = 0; k < a->n_bes; k++)
                        if (strcmp(a->bes[k]->rec.address, s.backend) == 0) {
                                a->bes[k]->requests++;
                                a->bes[k]->last_seen_us = s.ts_us;
                                break;
                        }
        }
}

/* ---- drains and timers --------------------------------------------------------------------- */

static struct reload_rec *record(struct lb_agent *a, uint64_t id)
{
        if (id == 0 || id > a->n_reloads || a->n_reloads - id >= MAX_RELOAD_RECORDS)
                return NULL;
        return &a->reloads[(id - 1) % MAX_RELOAD_RECORDS];
}

static void check_drains(struct lb_agent *a, uint64_t now)
{
        for (size_t i = 0; i < a->n_bes; i++) {
                struct be *b = a->bes[i];
                struct reload_rec *rec;
                if (b->rec.state != LB_DRAINING || b->in_nginx || b->in_job)
                        continue;
                if (!b->drain_reload) {
                        /* Deleted while the reload adding it was in flight, and that reload
                         * failed: nginx never had it. */
                        set_state(a, b, LB_DRAINED, "removed before nginx had it");
                        continue;
                }
                rec = record(a, b->drain_reload);
                if (!rec || rec->alive == 0) {
                        set_state(a, b, LB_DRAINED, "removed from nginx; old workers exited "
                                  "%.0f ms after the remove request; %" PRIu64 " requests seen",
                                  (double)(now - b->drain_start_ns) / 1e6, b->requests);
                } else if (now >= b->drain_deadline_ns) {
                        set_state(a, b, LB_DRAINED, "drain timeout (%" PRIu64 " ms) reached with %zu "
                                  "old nginx workers still running", b->rec.drain_timeout_ms,
                                  rec->alive);
                }
        }
}

static void prune(struct lb_agent *a, uint64_t now_us)
{
        size_t j = 0;

        for (size_t i = 0; i < a->n_bes; i++) {
                struct be *b = a->bes[i];
                if ((b->rec.state == LB_DRAINED || b->rec.state == LB_UNHEALTHY) &&
                    now_us - b->rec.since_us > KEEP_DONE_US && !b->in_job) {
                        free_be(a, b);
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
                nginx_start(a);
        if (a->reload_at_ns && now >= a->reload_at_ns && a->phase == JOB_NONE)
                start_job(a);
        if (a->phase == JOB_APPLYING && !a->probe && now >= a->probe_next_ns)
                probe_start(a);
        if (a->phase == JOB_TESTING && ss_mono_ns() - a->job_start_ns > TEST_TIMEOUT_MS * MS)
                job_failed(a, "test_failed", "nginx -t did not finish within 10 s", false);
        for (size_t i = 0; i < a->n_bes; i++) {
                struct be *b = a->bes[i];
                if (b->rec.state == LB_CHECKING && !b->want && !b->check && now >= b->next_check_ns)
                        check_start(a, b);
        }
        check_drains(a, now);
        if (now >= a->ship_next_ns)
                ship_start(a);
        prune(a, ss_wall_us());
        schedule_reload(a);
        save_state(a);
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
        for (size_t i = 0; i < a->n_bes; i++) {
                struct be *b = a->bes[i];
                if (b->rec.state == LB_CHECKING && !b->want && !b->check)
                        NEXT(b->next_check_ns ? b->next_check_ns : now);
                if (b->rec.state == LB_DRAINING && b->drain_reload)
                        NEXT(b->drain_deadline_ns);
        }
#undef NEXT
        return next <= now ? 0 : (int64_t)((next - now + MS - 1) / MS);
}

/* ---- API ------------------------------------------------------------------------------------ */

static json_object *be_json(struct be *b)
{
        json_object *o = json_object_new_object();

        json_object_object_add(o, "id", json_object_new_string(b->rec.id));
        json_object_object_add(o, "address", json_object_new_string(b->rec.address));
        json_object_object_add(o, "state", json_object_new_string(lb_state_name(b->rec.state)));
        json_object_object_add(o, "since_us", json_object_new_int64((int64_t)b->rec.since_us));
        json_object_object_add(o, "created_us", json_object_new_int64((int64_t)b->rec.created_us));
        json_object_object_add(o, "reason", b->rec.reason[0] ?
                               json_object_new_string(b->rec.reason) : NULL);
        json_object_object_add(o, "in_nginx", json_object_new_boolean(b->in_nginx));
        json_object_object_add(o, "health_checks", json_object_new_int(b->checks));
        json_object_object_add(o, "requests", json_object_new_int64((int64_t)b->requests));
        json_object_object_add(o, "last_seen_us", json_object_new_int64((int64_t)b->last_seen_us));
        if (b->rec.state == LB_DRAINING || b->rec.state == LB_DRAINED)
                json_object_object_add(o, "drain_timeout_ms",
                                       json_object_new_int64((int64_t)b->rec.drain_timeout_ms));
        return o;
}

static char *dump(json_object *o)
{
        char *s = strdup(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
                                                           JSON_C_TO_STRING_NOSLASHESCAPE));
        json_object_put(o);
        return s;
}

int lb_agent_api_health(struct lb_agent *a, char **ret)
{
        static const char *const names[] = { "stopped", "starting", "running" };
        json_object *o = json_object_new_object();

        json_object_object_add(o, "ok", json_object_new_boolean(a->ngx_state == NGX_RUNNING));
        json_object_object_add(o, "nginx", json_object_new_string(names[a->ngx_state]));
        json_object_object_add(o, "nginx_pid", json_object_new_int(lb_nginx_pid(a->ngx)));
        json_object_object_add(o, "generation", json_object_new_int64((int64_t)a->generation));
        if (a->ngx_error[0])
                json_object_object_add(o, "error", json_object_new_string(a->ngx_error));
        *ret = dump(o);
        return a->ngx_state == NGX_RUNNING ? 200 : 503;
}

int lb_agent_api_list(struct lb_agent *a, char **ret)
{
        json_object *o = json_object_new_object(), *arr = json_object_new_array();

        for (size_t i = 0; i < a->n_bes; i++)
                json_object_array_add(arr, be_json(a->bes[i]));
        json_object_object_add(o, "backends", arr);
        *ret = dump(o);
        return 200;
}

int lb_agent_api_get(struct lb_agent *a, const char *id, char **ret)
{
        struct be *b = find(a, id);

        if (!b) {
                *ret = lb_json_error("no backend with id '%s'", id);
                return 404;
        }
        *ret = dump(be_json(b));
        return 200;
}

int lb_agent_api_add(struct lb_agent *a, const char *body, size_t len, char **ret)
{
        json_object *o = NULL, *v;
        struct json_tokener *tok = json_tokener_new();
        const char *id = NULL, *addr = NULL;
        struct be *b, *other;
        int status;

        if (tok)
                o = json_tokener_parse_ex(tok, body, (int)len);
        if (!o || json_tokener_get_error(tok) != json_tokener_success ||
            !json_object_is_type(o, json_type_object)) {
                *ret = lb_json_error("body must be a JSON object {\"id\":..., \"address\":\"host:port\"}");
                status = 400;
                goto out;
        }
        if (json_object_object_get_ex(o, "id", &v) && json_object_is_type(v, json_type_string))
                id = json_object_get_string(v);
        if (json_object_object_get_ex(o, "address", &v) && json_object_is_type(v, json_type_string))
                addr = json_object_get_string(v);
        if (!id || !lb_id_valid(id)) {
                *ret = lb_json_error("\"id\" must be a string of 1-63 characters [A-Za-z0-9._-]");
                status = 400;
                goto out;
        }
        if (!addr || !lb_address_valid(addr)) {
                *ret = lb_json_error("\"address\" must be \"host:port\" (IPv4, [IPv6] or a hostname; port 1-65535)");
                status = 400;
                goto out;
        }
        b = find(a, id);
        other = find_addr(a, addr);
        if (other && other != b) {
                *ret = lb_json_error("address %s is already registered as backend '%s' (%s)", addr,
                                     other->rec.id, lb_state_name(other->rec.state));
                status = 409;
                goto out;
        }
        if (b && (b->rec.state == LB_CHECKING || b->rec.state == LB_ACTIVE)) {
                if (strcmp(b->rec.address, addr) != 0) {
                        *ret = lb_json_error("backend '%s' is registered with address %s; remove it first",
                                             id, b->rec.address);
                        status = 409;
                        goto out;
                }
                *ret = dump(be_json(b));        /* the same add again: nothing to do */
                status = 200;
                goto out;
        }
        if (b && b->rec.state == LB_DRAINING) {
                *ret = lb_json_error("backend '%s' is draining; add it again once it is drained", id);
                status = 409;
                goto out;
        }
        if (!b) {
                if (a->n_bes >= LB_MAX_BACKENDS) {
                        prune(a, UINT64_MAX / 2);
                        if (a->n_bes >= LB_MAX_BACKENDS) {
                                *ret = lb_json_error("too many backends (limit %d)", LB_MAX_BACKENDS);
                                status = 503;
                                goto out;
                        }
                }
                b = calloc(1, sizeof(*b));
                if (!b) {
                        *ret = lb_json_error("out of memory");
                        status = 500;
                        goto out;
                }
                snprintf(b->rec.id, sizeof(b->rec.id), "%s", id);
                a->bes[a->n_bes++] = b;
        }
        /* new, or a drained/unhealthy one registered again: start over */
        snprintf(b->rec.address, sizeof(b->rec.address), "%s", addr);
        b->rec.created_us = ss_wall_us();
        b->rec.drain_timeout_ms = 0;
        b->want = false;
        b->checks = 0;
        b->next_check_ns = 0;
        b->drain_reload = 0;
        b->requests = 0;
        b->rec.state = LB_CHECKING;
        set_state(a, b, LB_CHECKING, NULL);
        log_info("backend %s (%s) registered; health-checking GET http://%s%s", id, addr, addr,
                 a->o.health_path);
        save_state(a);
        *ret = dump(be_json(b));
        status = 202;
out:
        json_object_put(o);
        if (tok)
                json_tokener_free(tok);
        return status;
}

int lb_agent_api_remove(struct lb_agent *a, const char *id, const char *timeout, char **ret)
{
        struct be *b = find(a, id);
        uint64_t ms = a->o.drain_timeout_ms;

        if (timeout) {
                char *end;
                unsigned long long v;
                errno = 0;
                v = strtoull(timeout, &end, 10);
                if (errno || *end || end == timeout || v > 3600000ull || timeout[0] == '-') {
                        *ret = lb_json_error("drain_timeout_ms must be an integer 0..3600000");
                        return 400;
                }
                ms = v;
        }
        if (!b) {
                *ret = lb_json_error("no backend with id '%s'", id);
                return 404;
        }
        if (b->rec.state == LB_DRAINING || b->rec.state == LB_DRAINED) {
                *ret = dump(be_json(b));        /* already being retired: idempotent */
                return 200;
        }
        b->rec.drain_timeout_ms = ms;
        b->drain_start_ns = ss_mono_ns();
        b->drain_deadline_ns = b->drain_start_ns + ms * MS;
        b->want = false;
        if (b->check) {
                curl_multi_remove_handle(a->multi, b->check);
                curl_easy_cleanup(b->check);
                b->check = NULL;
        }
        if (b->in_nginx || b->in_job) {
                set_state(a, b, LB_DRAINING, "waiting for the reload that removes it");
                schedule_reload(a);
        } else {
                set_state(a, b, LB_DRAINED, "removed before nginx had it");
        }
        save_state(a);
        *ret = dump(be_json(b));
        return 202;
}

static json_object *ms_json(double ms)
{
        char buf[32];
        snprintf(buf, sizeof(buf), "%.3f", ms);
        return json_object_new_double_s(ms, buf);
}

int lb_agent_api_reloads(struct lb_agent *a, char **ret)
{
        json_object *o = json_object_new_object(), *arr = json_object_new_array();
        uint64_t first = a->n_reloads > MAX_RELOAD_RECORDS ? a->n_reloads - MAX_RELOAD_RECORDS + 1 : 1;

        for (uint64_t id = first; id <= a->n_reloads; id++) {
                struct reload_rec *r = record(a, id);
                json_object *x = json_object_new_object();
                json_object_object_add(x, "id", json_object_new_int64((int64_t)r->id));
                json_object_object_add(x, "ts_us", json_object_new_int64((int64_t)r->ts_us));
                json_object_object_add(x, "generation", json_object_new_int64((int64_t)r->generation));
                json_object_object_add(x, "result", json_object_new_string(r->result));
                json_object_object_add(x, "duration_ms", ms_json(r->total_ms));
                json_object_object_add(x, "test_ms", ms_json(r->test_ms));
                json_object_object_add(x, "apply_ms", ms_json(r->apply_ms));
                json_object_object_add(x, "waited_ms", ms_json(r->waited_ms));
                json_object_object_add(x, "added", json_object_new_string(r->added));
                json_object_object_add(x, "removed", json_object_new_string(r->removed));
                json_object_object_add(x, "old_workers_alive", json_object_new_int64((int64_t)r->alive));
                json_object_object_add(x, "error", r->error[0] ? json_object_new_string(r->error) : NULL);
                json_object_array_add(arr, x);
        }
        json_object_object_add(o, "reloads", arr);
        json_object_object_add(o, "failures", json_object_new_int64((int64_t)a->reload_failures));
        *ret = dump(o);
        return 200;
}

int lb_agent_api_stats(struct lb_agent *a, char **ret)
{
        json_object *o = json_object_new_object();

#define U(k, v) json_object_object_add(o, k, json_object_new_int64((int64_t)(v)))
        U("log_lines", a->lines);
        U("samples", a->samples);
        U("garbage_lines", a->garbage);
        U("foreign_lines", a->foreign);
        U("buffered", lb_ring_len(a->ring));
        U("buffer_capacity", a->o.buffer_samples);
        U("dropped", lb_ring_dropped(a->ring));
        U("shipped", a->shipped);
        U("ship_batches", a->ship_batches);
        U("ship_failures", a->ship_failures);
        U("rejected_by_scaler", a->rejected);
        U("discarded", a->discarded);
        U("reloads", a->n_reloads);
        U("reload_failures", a->reload_failures);
        U("generation", a->generation);
#undef U
        json_object_object_add(o, "scaler_url", a->samples_url ?
                               json_object_new_string(a->samples_url) : NULL);
        json_object_object_add(o, "scaler_last_status", json_object_new_int(a->scaler_status));
        *ret = dump(o);
        return 200;
}

/* ---- setup ---------------------------------------------------------------------------------- */

/* Where samples go and with which token; an in-flight POST is abandoned (its samples stay in
 * the ring and go with the next one). */
static int setup_shipping(struct lb_agent *a)
{
        char h[1024];

        if (a->ship) {
                curl_multi_remove_handle(a->multi, a->ship);
                curl_easy_cleanup(a->ship);
                a->ship = NULL;
                free(a->ship_body);
                a->ship_body = NULL;
        }
        free(a->samples_url);
        a->samples_url = NULL;
        curl_slist_free_all(a->ship_hdrs);
        a->ship_hdrs = NULL;
        if (!a->o.scaler_url || !*a->o.scaler_url)
                return 0;
        if (asprintf(&a->samples_url, "%s/api/v1/samples", a->o.scaler_url) < 0) {
                a->samples_url = NULL;
                return -ENOMEM;
        }
        a->ship_hdrs = curl_slist_append(NULL, "Content-Type: text/plain");
        if (a->o.scaler_token && *a->o.scaler_token) {
                snprintf(h, sizeof(h), "Authorization: Bearer %s", a->o.scaler_token);
                a->ship_hdrs = curl_slist_append(a->ship_hdrs, h);
        }
        return a->ship_hdrs ? 0 : -ENOMEM;
}

static bool str_differs(const char *x, const char *y)
{
        return (x ? x : "")[0] != (y ? y : "")[0] || strcmp(x ? x : "", y ? y : "") != 0;
}

void lb_agent_reconfigure(struct lb_agent *a, const struct lb_opts *o)
{
        struct lb_opts keep = a->o;
        struct { const char *name, *was, *now; } fixed[] = {
                { "API listen", a->o.listen, o->listen }, { "front", a->o.front, o->front },
                { "upstream", a->o.upstream, o->upstream }, { "state dir", a->o.state_dir, o->state_dir },
                { "nginx binary", a->o.nginx_binary, o->nginx_binary },
                { "template", a->o.template_path, o->template_path },
        };
        int r;

        for (size_t i = 0; i < SS_ARRAY_SIZE(fixed); i++)
                if (str_differs(fixed[i].was, fixed[i].now))
                        log_warn("reload: %s cannot change while running (restart snowscale-lb); "
                                 "keeping %s", fixed[i].name, fixed[i].was ? fixed[i].was : "(none)");
        if (o->worker_shutdown_timeout_s != a->o.worker_shutdown_timeout_s ||
            o->buffer_samples != a->o.buffer_samples || o->keep_nginx != a->o.keep_nginx)
                log_warn("reload: worker_shutdown_timeout, buffer size and keep-nginx need a restart");
        /* The new values, except those that need a restart. */
        struct lb_opts n = *o;
        n.listen = keep.listen, n.front = keep.front, n.upstream = keep.upstream;
        n.state_dir = keep.state_dir, n.nginx_binary = keep.nginx_binary;
        n.template_path = keep.template_path;
        n.worker_shutdown_timeout_s = keep.worker_shutdown_timeout_s;
        n.buffer_samples = keep.buffer_samples;
        n.keep_nginx = keep.keep_nginx;
        r = own_opts(a, &n);
        if (r == 0)
                r = lb_api_set_token(a->api, a->o.token);
        if (r == 0)
                r = setup_shipping(a);
        if (r < 0) {
                log_error("reload: %s; some settings may not have been applied", strerror(-r));
                return;
        }
        log_info("configuration reloaded: health %s (%d, %d x %" PRIu64 " ms), coalesce %" PRIu64
                 " ms, min reload interval %" PRIu64 " ms, drain timeout %" PRIu64 " ms, samples -> %s",
                 a->o.health_path, a->o.health_status, a->o.health_attempts,
                 a->o.health_interval_ms, a->o.coalesce_ms, a->o.min_reload_interval_ms,
                 a->o.drain_timeout_ms, a->samples_url ? a->samples_url : "(not shipped)");
}

static char *path_join(const char *a, const char *b)
{
        char *s;
        return asprintf(&s, "%s/%s", a, b) < 0 ? NULL : s;
}

static int bind_log_socket(struct lb_agent *a)
{
        struct sockaddr_un sun = { .sun_family = AF_UNIX };
        int fd, size = 4 << 20;

        if (strlen(a->log_sock_path) >= sizeof(sun.sun_path))
                return -ENAMETOOLONG;
        strcpy(sun.sun_path, a->log_sock_path);
        fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (fd < 0)
                return -errno;
        /* A deep buffer rides out a slow loop iteration; nginx's syslog writes are non-blocking
         * and it drops a line rather than wait. */
        if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof(size)) < 0)
                setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
        unlink(a->log_sock_path);
        if (bind(fd, (struct sockaddr *)&sun, sizeof(sun)) < 0) {
                int r = -errno;
                close(fd);
                return r;
        }
        /* nginx workers run as an unprivileged user when the master is root; lines are
         * validated, so anyone may write. */
        chmod(a->log_sock_path, 0666);
        a->logfd = fd;
        return 0;
}

static int render_front(struct lb_agent *a, char *err, size_t errlen)
{
        char wst[32], *tmpl = NULL, *out = NULL;
        int r;

        snprintf(wst, sizeof(wst), "%" PRIu64, a->o.worker_shutdown_timeout_s);
        const struct lb_var vars[] = {
                { "STATE_DIR", a->state_dir }, { "NGINX_DIR", a->nginx_dir },
                { "TEMP_DIR", a->temp_dir },
                { "FRONT_LISTEN", a->o.front }, { "UPSTREAM", a->upstream_name },
                { "LOG_SOCKET", a->log_sock_path }, { "CTL_SOCKET", a->ctl_sock_path },
                { "INCLUDE", a->include_path }, { "WORKER_SHUTDOWN_TIMEOUT", wst },
        };
        if (a->o.template_path) {
                r = ss_read_file(a->o.template_path, 1u << 20, &tmpl, NULL);
                if (r < 0) {
                        snprintf(err, errlen, "cannot read template %s: %s", a->o.template_path,
                                 strerror(-r));
                        return r;
                }
        }
        r = lb_template_render(tmpl ? tmpl : lb_builtin_template, vars, SS_ARRAY_SIZE(vars), &out,
                               err, errlen);
        free(tmpl);
        if (r < 0)
                return r;
        r = ss_write_file_atomic(a->conf_path, out, strlen(out), 0644);
        free(out);
        if (r < 0)
                snprintf(err, errlen, "cannot write %s: %s", a->conf_path, strerror(-r));
        return r;
}

/* Under a root master nginx's workers run as "nobody": they must reach the access-log socket and
 * write proxy temp files. A state dir they cannot search (snowscaled creates it 0700) would make
 * both fail, so then those live in a runtime dir of their own, /run/snowscale-lb/<hash of the
 * state dir>, created searchable. Otherwise (not root, or a searchable path) the state dir is it. */
static bool searchable_by_others(const char *dir)
{
        char path[PATH_MAX], *p;
        struct stat st;

        if (!realpath(dir, path))
                return false;
        for (;;) {
                if (stat(path, &st) < 0 || !(st.st_mode & S_IXOTH))
                        return false;
                p = strrchr(path, '/');
                if (!p)
                        return true;
                if (p == path)
                        return stat("/", &st) == 0 && (st.st_mode & S_IXOTH);
                *p = 0;
        }
}

static int choose_run_dir(struct lb_agent *a, char *err, size_t errlen)
{
        char path[PATH_MAX];
        uint64_t h = 1469598103934665603ull;
        int r;

        if (geteuid() != 0 || searchable_by_others(a->state_dir)) {
                a->run_dir = strdup(a->state_dir);
                return a->run_dir ? 0 : -ENOMEM;
        }
        if (!realpath(a->state_dir, path))
                return -errno;
        for (const char *p = path; *p; p++)
                h = (h ^ (unsigned char)*p) * 1099511628211ull;
        if (asprintf(&a->run_dir, "/run/snowscale-lb/%016" PRIx64, h) < 0)
                return -ENOMEM;
        r = ss_mkdir_p(a->run_dir, 0755);
        if (r == 0 && (chmod("/run/snowscale-lb", 0755) < 0 || chmod(a->run_dir, 0755) < 0))
                r = -errno;
        if (r == 0 && !searchable_by_others(a->run_dir))
                r = -EACCES;
        if (r < 0) {
                snprintf(err, errlen, "%s is not searchable by nginx's worker user (nobody) and %s "
                         "cannot be used instead (%s); run: chmod o+x on the state dir's path",
                         a->state_dir, a->run_dir, strerror(-r));
                return r;
        }
        log_info("%s is private (not searchable by nginx's workers): access-log socket and nginx "
                 "temp files go to %s", a->state_dir, a->run_dir);
        return 0;
}

static int sync_test(struct lb_agent *a, char *err, size_t errlen)
{
        const char *out = NULL;
        bool ok = false;
        int fd, r;

        r = lb_nginx_test_start(a->ngx, &fd);
        if (r < 0) {
                snprintf(err, errlen, "cannot run %s -t: %s", a->o.nginx_binary, strerror(-r));
                return r;
        }
        /* Startup only: nothing else is being served yet, so waiting here is fine. */
        for (;;) {
                struct pollfd pfd = { .fd = fd, .events = POLLIN };
                r = lb_nginx_test_poll(a->ngx, &ok, &out);
                if (r != 0)
                        break;
                if (poll(&pfd, 1, TEST_TIMEOUT_MS) == 0) {
                        lb_nginx_test_kill(a->ngx);
                        snprintf(err, errlen, "nginx -t did not finish within %d ms", TEST_TIMEOUT_MS);
                        return -ETIMEDOUT;
                }
        }
        if (r < 0 || !ok) {
                snprintf(err, errlen, "nginx -t rejected %s: %s", a->conf_path, out ? out : "?");
                return -EINVAL;
        }
        return 0;
}

int lb_agent_new(const struct lb_opts *o, struct lb_agent **ret, char *err, size_t errlen)
{
        struct lb_nginx_opts no;
        struct lb_backend *saved = NULL;
        struct lb_agent *a;
        size_t n_saved = 0;
        uint64_t gen = 0;
        sigset_t mask;
        int r;

        err[0] = 0;
        a = calloc(1, sizeof(*a));
        if (!a)
                return -ENOMEM;
        a->sigfd = a->logfd = a->test_fd = -1;
        if (own_opts(a, o) < 0) {
                r = -ENOMEM;
                goto fail;
        }
        o = &a->o;
        a->ngx_backoff_ms = 250;
        a->scaler_status = -1;
        a->state_dir = strdup(o->state_dir);
        a->upstream_name = strdup(o->upstream);
        if (!a->state_dir || !a->upstream_name) {
                r = -ENOMEM;
                goto fail;
        }
        a->nginx_dir = path_join(a->state_dir, "nginx");
        a->state_path = path_join(a->state_dir, "lb-state.json");
        a->conf_path = a->nginx_dir ? path_join(a->nginx_dir, "nginx.conf") : NULL;
        a->include_path = a->nginx_dir ? path_join(a->nginx_dir, "upstreams.conf") : NULL;
        a->ctl_sock_path = a->nginx_dir ? path_join(a->nginx_dir, "ctl.sock") : NULL;
        a->error_log = a->nginx_dir ? path_join(a->nginx_dir, "error.log") : NULL;
        a->pid_path = a->nginx_dir ? path_join(a->nginx_dir, "nginx.pid") : NULL;
        if (!a->nginx_dir || !a->state_path || !a->conf_path ||
            !a->include_path || !a->ctl_sock_path || !a->error_log || !a->pid_path) {
                r = -ENOMEM;
                goto fail;
        }
        if (strlen(a->ctl_sock_path) >= sizeof(((struct sockaddr_un *)0)->sun_path)) {
                snprintf(err, errlen, "state dir %s is too long for unix socket paths", a->state_dir);
                r = -ENAMETOOLONG;
                goto fail;
        }
        {
                const char *sub[] = { "" };
                for (size_t i = 0; i < SS_ARRAY_SIZE(sub); i++) {
                        char p[PATH_MAX];
                        snprintf(p, sizeof(p), "%s%s", a->nginx_dir, sub[i]);
                        r = ss_mkdir_p(p, 0755);
                        if (r < 0) {
                                snprintf(err, errlen, "cannot create %s: %s", p, strerror(-r));
                                goto fail;
                        }
                }
        }
        r = choose_run_dir(a, err, errlen);
        if (r < 0)
                goto fail;
        a->log_sock_path = path_join(a->run_dir, "lb-access.sock");
        a->temp_dir = path_join(a->run_dir, "nginx-tmp");
        if (!a->log_sock_path || !a->temp_dir) {
                r = -ENOMEM;
                goto fail;
        }
        r = ss_mkdir_p(a->temp_dir, 0755);
        if (r < 0) {
                snprintf(err, errlen, "cannot create %s: %s", a->temp_dir, strerror(-r));
                goto fail;
        }

        r = lb_state_load(a->state_path, &gen, &saved, &n_saved);
        if (r == -EINVAL) {
                snprintf(err, errlen, "%s is corrupt; it is left untouched: fix or move it away",
                         a->state_path);
                goto fail;
        }
        if (r < 0 && r != -ENOENT) {
                snprintf(err, errlen, "cannot read %s: %s", a->state_path, strerror(-r));
                goto fail;
        }
        a->generation = gen;
        for (size_t i = 0; i < n_saved; i++) {
                struct be *b = calloc(1, sizeof(*b));
                if (!b) {
                        r = -ENOMEM;
                        goto fail;
                }
                b->rec = saved[i];
                /* Active ones are (re)loaded as they were; draining ones are treated as still
                 * in nginx so the startup reload removes them and drains the old workers;
                 * checking ones are checked again. */
                if (b->rec.state == LB_ACTIVE)
                        b->want = b->in_nginx = true;
                if (b->rec.state == LB_DRAINING) {
                        b->in_nginx = true;
                        b->drain_start_ns = ss_mono_ns();
                        b->drain_deadline_ns = b->drain_start_ns + b->rec.drain_timeout_ms * MS;
                }
                a->bes[a->n_bes++] = b;
        }
        free(saved);
        saved = NULL;
        if (n_saved)
                log_info("restored %zu registrations from %s (generation %" PRIu64 ")", n_saved,
                         a->state_path, gen);

        r = lb_ring_new(o->buffer_samples, &a->ring);
        if (r < 0) {
                snprintf(err, errlen, "bad sample buffer size %zu", o->buffer_samples);
                goto fail;
        }
        r = setup_shipping(a);
        if (r < 0)
                goto fail;
        a->multi = curl_multi_init();
        if (!a->multi) {
                r = -ENOMEM;
                goto fail;
        }
        r = bind_log_socket(a);
        if (r < 0) {
                snprintf(err, errlen, "cannot bind %s: %s", a->log_sock_path, strerror(-r));
                goto fail;
        }
        r = render_front(a, err, errlen);
        if (r < 0)
                goto fail;
        no = (struct lb_nginx_opts){ .binary = o->nginx_binary, .prefix = a->nginx_dir,
                                     .conf = a->conf_path, .pid_file = a->pid_path,
                                     .error_log = a->error_log };
        r = lb_nginx_new(&no, &a->ngx);
        if (r < 0)
                goto fail;
        /* The include nginx -t reads must exist; it holds what nginx is considered to have. */
        r = write_include(a, a->generation, false);
        if (r < 0) {
                snprintf(err, errlen, "cannot write %s: %s", a->include_path, strerror(-r));
                goto fail;
        }
        r = sync_test(a, err, errlen);
        if (r < 0)
                goto fail;
        r = lb_api_start(a, o->listen, o->token, &a->api);
        if (r < 0) {
                snprintf(err, errlen, "cannot listen on %s: %s", o->listen, strerror(-r));
                goto fail;
        }
        sigemptyset(&mask);
        sigaddset(&mask, SIGTERM);
        sigaddset(&mask, SIGINT);
        sigaddset(&mask, SIGHUP);
        sigaddset(&mask, SIGCHLD);
        sigprocmask(SIG_BLOCK, &mask, NULL);
        signal(SIGPIPE, SIG_IGN);
        a->sigfd = signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC);
        if (a->sigfd < 0) {
                r = -errno;
                goto fail;
        }
        prctl(PR_SET_CHILD_SUBREAPER, 1);
        nginx_start(a);
        *ret = a;
        return 0;
fail:
        free(saved);
        if (!err[0])
                snprintf(err, errlen, "%s", strerror(-r));
        lb_agent_free(a);
        return r;
}

/* We are the subreaper of nginx's process tree: workers orphaned by a master that died are
 * reparented to us and reaped here. The master and `nginx -t` are reaped by their owners. */
static void reap_orphans(struct lb_agent *a)
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

int lb_agent_run(struct lb_agent *a)
{
        bool hup = false;

        while (!a->quit && !hup) {
                struct curl_waitfd fds[8 + MAX_RELOAD_RECORDS * 4];
                struct { int kind; size_t rec, idx; } map[SS_ARRAY_SIZE(fds)];
                unsigned nf = 0;
                int64_t t = next_timeout_ms(a), at = lb_api_timeout_ms(a->api);
                CURLMsg *m;
                int running, left;

#define ADD(f, k, r_, i_) do { if ((f) >= 0 && nf < SS_ARRAY_SIZE(fds)) { \
                fds[nf] = (struct curl_waitfd){ .fd = (f), .events = CURL_WAIT_POLLIN }; \
                map[nf].kind = (k); map[nf].rec = (r_); map[nf].idx = (i_); nf++; } } while (0)
                ADD(a->sigfd, 0, 0, 0);
                ADD(a->logfd, 1, 0, 0);
                ADD(lb_api_fd(a->api), 2, 0, 0);
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
                                                reap_orphans(a);
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
                        case 1: read_log_socket(a); break;
                        case 3: if (a->test_fd >= 0) test_done(a); break;
                        case 4: if (lb_nginx_pidfd(a->ngx) == fds[i].fd) nginx_exited(a); break;
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
                lb_api_run(a->api);
                curl_multi_perform(a->multi, &running);
                while ((m = curl_multi_info_read(a->multi, &left))) {
                        char *priv = NULL;
                        if (m->msg != CURLMSG_DONE)
                                continue;
                        curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, &priv);
                        if (m->easy_handle == a->probe)
                                probe_done(a, m->data.result);
                        else if (m->easy_handle == a->ship)
                                ship_done(a, m->data.result);
                        else if (priv)
                                check_done(a, (struct be *)priv, m->data.result);
                }
                run_timers(a);
                reap_orphans(a);
        }
        return a->quit ? 0 : 1;
}

void lb_agent_free(struct lb_agent *a)
{
        if (!a)
                return;
        if (a->phase != JOB_NONE && !a->job_is_start)
                restore_include(a);
        end_job(a);
        if (a->ngx && !a->o.keep_nginx && lb_nginx_pid(a->ngx) > 0) {
                log_info("stopping nginx (pid %d) gracefully", (int)lb_nginx_pid(a->ngx));
                lb_nginx_stop(a->ngx, (unsigned)(a->o.worker_shutdown_timeout_s * 1000 + 1000));
        }
        save_state(a);
        bool ngx_gone = !a->ngx || lb_nginx_pid(a->ngx) == 0;
        for (size_t i = 0; i < a->n_bes; i++)
                free_be(a, a->bes[i]);
        for (size_t r = 0; r < MAX_RELOAD_RECORDS; r++) {
                for (size_t i = 0; i < a->reloads[r].n_pidfds; i++)
                        if (a->reloads[r].pidfds[i] >= 0)
                                close(a->reloads[r].pidfds[i]);
                free(a->reloads[r].pidfds);
        }
        if (a->ship) {
                curl_multi_remove_handle(a->multi, a->ship);
                curl_easy_cleanup(a->ship);
        }
        free(a->ship_body);
        curl_slist_free_all(a->ship_hdrs);
        if (a->multi)
                curl_multi_cleanup(a->multi);
        lb_api_stop(a->api);
        lb_nginx_free(a->ngx);
        lb_ring_free(a->ring);
        if (a->logfd >= 0) {
                close(a->logfd);
                if (!a->o.keep_nginx)   /* a kept nginx still logs to it */
                        unlink(a->log_sock_path);
        }
        /* A runtime dir of our own under /run is left empty-and-gone after a clean stop. */
        if (a->run_dir && a->temp_dir && strcmp(a->run_dir, a->state_dir) != 0 && ngx_gone) {
                static const char *const sub[] = { "body", "proxy", "fastcgi", "uwsgi", "scgi" };
                char p[PATH_MAX];
                for (size_t i = 0; i < SS_ARRAY_SIZE(sub); i++) {
                        snprintf(p, sizeof(p), "%s/%s", a->temp_dir, sub[i]);
                        rmdir(p);
                }
                rmdir(a->temp_dir);
                rmdir(a->run_dir);
        }
        if (a->sigfd >= 0)
                close(a->sigfd);
        free(a->samples_url);
        free(a->state_dir);
        free(a->upstream_name);
        free(a->nginx_dir);
        free(a->state_path);
        free(a->log_sock_path);
        free(a->conf_path);
        free(a->include_path);
        free(a->ctl_sock_path);
        free(a->error_log);
        free(a->pid_path);
        free(a->run_dir);
        free(a->temp_dir);
        free_opts(a);
        free(a);
}
