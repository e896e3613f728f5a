/* Setting the daemon up and down: paths and the runtime dir, the state file, nginx.conf from the
 * template checked with `nginx -t`, the access-log socket, signals; SIGHUP's reconfiguration;
 * the orderly stop. */
#include "lb_agent.h"

#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ss_log.h"
#include "ss_util.h"
#include "lb_reload.h"
#include "lb_ship.h"

static void rerender_front(struct lb_agent *a);

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
        r = lb_agent_own_opts(a, &n);
        if (r == 0 && a->io.set_token)
                r = a->io.set_token(a->io.cls, a->o.token);
        if (r == 0)
                r = lb_ship_setup(a);
        if (r < 0) {
                log_error("reload: %s; some settings may not have been applied", strerror(-r));
                return;
        }
        rerender_front(a);
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

/* nginx.conf's text from the template (re-read every time: SIGHUP picks up an edit). */
static int render_front(struct lb_agent *a, char **ret, char *err, size_t errlen)
{
        char wst[32], *tmpl = NULL;
        int r;

        snprintf(wst, sizeof(wst), "%" PRIu64, a->o.worker_shutdown_timeout_s);
        const struct lb_var vars[] = {
                { "STATE_DIR", a->state_dir }, { "NGINX_DIR", a->nginx_dir },
                { "TEMP_DIR", a->temp_dir },
                { "FRONT_LISTEN", a->o.front }, { "UPSTREAM", a->upstream_name },
                { "LOG_SOCKET", a->log_sock_path }, { "CTL_SOCKET", a->ctl_sock_path },
                { "INCLUDE", a->include_path }, { "WORKER_SHUTDOWN_TIMEOUT", wst },
                { "NGINX_MODULES", a->o.nginx_modules ? a->o.nginx_modules : LB_NGINX_MODULES },
                { "PEERS_FILE", a->peers_path }, { "CTL_KEY", a->ctl_key },
                { "SHM_SIZE", LB_SHM_SIZE },
        };
        if (a->o.template_path) {
                r = ss_read_file(a->o.template_path, 1u << 20, &tmpl, NULL);
                if (r < 0) {
                        snprintf(err, errlen, "cannot read template %s: %s", a->o.template_path,
                                 strerror(-r));
                        return r;
                }
        }
        r = lb_template_render(tmpl ? tmpl : lb_builtin_template, vars, SS_ARRAY_SIZE(vars), ret,
                               err, errlen);
        free(tmpl);
        return r;
}

/* nginx.conf (0600: it holds the control socket's key) and the balancer's Lua module. */
static int write_front(struct lb_agent *a, char *err, size_t errlen)
{
        char *out = NULL;
        int r;

        r = ss_write_file_atomic(a->lua_path, lb_builtin_lua, strlen(lb_builtin_lua), 0644);
        if (r < 0) {
                snprintf(err, errlen, "cannot write %s: %s", a->lua_path, strerror(-r));
                return r;
        }
        r = render_front(a, &out, err, errlen);
        if (r < 0)
                return r;
        r = ss_write_file_atomic(a->conf_path, out, strlen(out), 0600);
        free(out);
        if (r < 0)
                snprintf(err, errlen, "cannot write %s: %s", a->conf_path, strerror(-r));
        return r;
}

/* SIGHUP: a template that renders differently now is a configuration change for nginx. */
static void rerender_front(struct lb_agent *a)
{
        char err[LB_REASON_MAX], *text = NULL, *cur = NULL;
        int r;

        r = render_front(a, &text, err, sizeof(err));
        if (r < 0) {
                log_error("reload: nginx.conf not re-rendered: %s; nginx keeps its configuration", err);
                return;
        }
        if (ss_read_file(a->conf_path, 4u << 20, &cur, NULL) == 0 && strcmp(cur, text) == 0) {
                free(cur);
                free(text);
                return;
        }
        free(cur);
        free(a->conf_next);
        a->conf_next = text;
        a->conf_pending = true;
        log_info("reload: nginx.conf renders differently now; reloading nginx (nginx -t first)");
        lb_reload_schedule(a);
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
                /* The front needs Debian's Lua module; say so rather than only nginx's words. */
                if (out && (strstr(out, "ngx_http_lua_module") || strstr(out, "ndk_http_module") ||
                            strstr(out, "_by_lua") || strstr(out, "lua_shared_dict")))
                        snprintf(err, errlen, "nginx lacks the Lua module the front needs "
                                 "(Debian: apt-get install libnginx-mod-http-lua lua-resty-core, "
                                 "or make deps): nginx -t rejected %s: %s", a->conf_path, out);
                else
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
        if (lb_agent_own_opts(a, o) < 0) {
                r = -ENOMEM;
                goto fail;
        }
        o = &a->o;
        a->ngx_backoff_ms = 250;
        a->scaler_status = -1;
        a->ngx_lost_seen = -1;
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
        a->peers_path = a->nginx_dir ? path_join(a->nginx_dir, "peers") : NULL;
        a->lua_path = a->nginx_dir ? path_join(a->nginx_dir, "snowscale_lb.lua") : NULL;
        if (!a->nginx_dir || !a->state_path || !a->conf_path ||
            !a->include_path || !a->ctl_sock_path || !a->error_log || !a->pid_path ||
            !a->peers_path || !a->lua_path) {
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

        /* The control socket's key: fresh at every start, known to us and nginx.conf only. */
        {
                unsigned char k[16];
                char h[64];
                if (getrandom(k, sizeof(k), 0) != sizeof(k)) {
                        r = -errno;
                        snprintf(err, errlen, "cannot get random bytes: %s", strerror(-r));
                        goto fail;
                }
                for (size_t i = 0; i < sizeof(k); i++)
                        snprintf(a->ctl_key + 2 * i, 3, "%02x", k[i]);
                snprintf(h, sizeof(h), "X-Snowscale-Key: %s", a->ctl_key);
                a->ctl_hdrs = curl_slist_append(NULL, h);
                if (!a->ctl_hdrs) {
                        r = -ENOMEM;
                        goto fail;
                }
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
        r = lb_ship_setup(a);
        if (r < 0)
                goto fail;
        a->multi = curl_multi_init();
        if (!a->multi) {
                r = -ENOMEM;
                goto fail;
        }
        r = lb_ship_bind_log(a);
        if (r < 0) {
                snprintf(err, errlen, "cannot bind %s: %s", a->log_sock_path, strerror(-r));
                goto fail;
        }
        r = write_front(a, err, errlen);
        if (r < 0)
                goto fail;
        no = (struct lb_nginx_opts){ .binary = o->nginx_binary, .prefix = a->nginx_dir,
                                     .conf = a->conf_path, .pid_file = a->pid_path,
                                     .error_log = a->error_log };
        r = lb_nginx_new(&no, &a->ngx);
        if (r < 0)
                goto fail;
        /* The include nginx -t reads must exist; it holds what nginx is considered to have. */
        r = lb_reload_write_include(a, a->generation);
        if (r < 0) {
                snprintf(err, errlen, "cannot write %s: %s", a->include_path, strerror(-r));
                goto fail;
        }
        r = sync_test(a, err, errlen);
        if (r < 0)
                goto fail;
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
        *ret = a;
        return 0;
fail:
        free(saved);
        if (!err[0])
                snprintf(err, errlen, "%s", strerror(-r));
        lb_agent_free(a);
        return r;
}

void lb_agent_free(struct lb_agent *a)
{
        if (!a)
                return;
        if (a->phase != JOB_NONE && !a->job_is_start)
                lb_reload_restore(a);
        lb_reload_end(a);
        if (a->ngx && !a->o.keep_nginx && lb_nginx_pid(a->ngx) > 0) {
                log_info("stopping nginx (pid %d) gracefully", (int)lb_nginx_pid(a->ngx));
                lb_nginx_stop(a->ngx, (unsigned)(a->o.worker_shutdown_timeout_s * 1000 + 1000));
        }
        lb_agent_save(a);
        bool ngx_gone = !a->ngx || lb_nginx_pid(a->ngx) == 0;
        for (size_t i = 0; i < a->n_bes; i++)
                lb_be_free(a, a->bes[i]);
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
        curl_slist_free_all(a->ship_hdrs_json);
        {
                CURL **hs[] = { &a->sync, &a->view, &a->fetch };
                for (size_t i = 0; i < SS_ARRAY_SIZE(hs); i++)
                        if (*hs[i]) {
                                curl_multi_remove_handle(a->multi, *hs[i]);
                                curl_easy_cleanup(*hs[i]);
                        }
        }
        free(a->sync_body);
        free(a->view_buf);
        free(a->fetch_buf);
        free(a->conf_next);
        curl_slist_free_all(a->ctl_hdrs);
        if (a->multi)
                curl_multi_cleanup(a->multi);
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
        free(a->peers_path);
        free(a->lua_path);
        free(a->run_dir);
        free(a->temp_dir);
        lb_agent_free_opts(a);
        free(a);
}
