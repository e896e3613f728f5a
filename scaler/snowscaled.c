/* snowscaled: the snowscale daemon. Loads the config, opens the state DB, starts the monitor,
 * the HTTP API and the control loop, and tells systemd when it is ready.
 *
 *   snowscaled --config FILE [--foreground] [--stop-vms-on-exit]
 *
 * Without --foreground (and outside systemd) it detaches once it is serving, so that a failing
 * start is still reported with a non-zero exit status. SIGHUP reloads, SIGTERM stops and leaves
 * the VMs for the next start to adopt (unless --stop-vms-on-exit), SIGINT stops and retires
 * every VM. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <systemd/sd-daemon.h>

#include "pol.h"
#include "sc_http.h"
#include "sc_loop.h"
#include "sc_monitor.h"
#include "sc_store.h"
#include "ss_log.h"
#include "ss_util.h"

static void usage(FILE *f)
{
        fprintf(f, "usage: snowscaled --config FILE [--foreground] [--stop-vms-on-exit]\n"
                   "  --config FILE         snowscale.yaml (see etc/snowscale.yaml)\n"
                   "  --foreground          do not detach (systemd and tests)\n"
                   "  --stop-vms-on-exit    SIGTERM also retires every clone and the parent\n"
                   "                        (default: they keep running for the next start to adopt)\n");
}

/* The loop's reload hook: the HTTP server takes the new token and body limit. */
static void reload_http(const struct pol_config *cfg, void *arg)
{
        int r = sc_http_configure(arg, cfg->api.token, cfg->api.max_body);

        if (r < 0)
                log_warn("reload: API token/body limit unchanged: %s", strerror(-r));
}

/* One snowscaled per state dir: two would fight over the same VMs and database. The lock lives
 * as long as the process (the fd is never closed; O_CLOEXEC keeps it from VM processes). */
static int lock_state_dir(const char *dir, char *err, size_t errlen)
{
        char path[4096], buf[32] = "";
        snprintf(path, sizeof(path), "%s/snowscaled.lock", dir);
        int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0640);
        if (fd < 0) {
                int e = errno;
                snprintf(err, errlen, "cannot open %.500s: %s", path, strerror(e));
                return -e;
        }
        if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
                int e = errno;
                ssize_t n = pread(fd, buf, sizeof(buf) - 1, 0);
                buf[n > 0 ? n : 0] = 0;
                buf[strcspn(buf, "\n")] = 0;
                snprintf(err, errlen, "another snowscaled%s%s%s uses the state directory %.400s; stop it "
                         "first", buf[0] ? " (pid " : "", buf, buf[0] ? ")" : "", dir);
                close(fd);
                return e == EWOULDBLOCK ? -EBUSY : -e;
        }
        int len = snprintf(buf, sizeof(buf), "%d\n", (int)getpid());
        if (ftruncate(fd, 0) < 0 || pwrite(fd, buf, (size_t)len, 0) != len) {
                /* the lock holds without the pid; it only makes the message nicer */
        }
        return fd;
}

/* Forks; the parent waits until the child reports on the pipe that it serves (exit 0) or dies
 * (exit 1). Returns the write end in the child. */
static int detach(void)
{
        int p[2];
        char c;
        if (pipe2(p, O_CLOEXEC) < 0)
                return -errno;
        pid_t pid = fork();
        if (pid < 0)
                return -errno;
        if (pid > 0) {
                close(p[1]);
                ssize_t n = read(p[0], &c, 1);
                _exit(n == 1 && c == 'R' ? 0 : 1);
        }
        close(p[0]);
        setsid();
        return p[1];
}

int main(int argc, char **argv)
{
        static const struct option opts[] = {
                { "config", required_argument, NULL, 'c' },
                { "foreground", no_argument, NULL, 'f' },
                { "stop-vms-on-exit", no_argument, NULL, 's' },
                { "help", no_argument, NULL, 'h' },
                { 0 },
        };
        const char *config = NULL;
        bool foreground = false, stop_vms = false;
        struct pol_config *cfg = NULL;
        struct pol_diags diags = {0};
        struct sc_store *store = NULL;
        struct sc_monitor *mon = NULL;
        struct sc_loop *loop = NULL;
        struct sc_http *http = NULL;
        char err[600], dbpath[4096];
        int opt, r, ready_fd = -1, rc = 1, sig = SIGTERM;

        while ((opt = getopt_long(argc, argv, "c:fsh", opts, NULL)) != -1) {
                switch (opt) {
                case 'c': config = optarg; break;
                case 'f': foreground = true; break;
                case 's': stop_vms = true; break;
                case 'h': usage(stdout); return 0;
                default: usage(stderr); return 2;
                }
        }
        if (!config || optind != argc) {
                usage(stderr);
                return 2;
        }
        ss_log_init("snowscaled", LOG_INFO);

        r = pol_config_load(config, &cfg, &diags);
        if (r < 0) {
                sc_loop_log_diags(&diags, "");
                log_error("cannot load %s: %s; fix it (snowscalectl config check %s) and start again",
                          config, diags.n ? "invalid configuration" : strerror(-r), config);
                pol_diags_free(&diags);
                return 1;
        }
        pol_diags_free(&diags);
        ss_log_set_level(cfg->log_level);

        /* Block the signals the loop handles before any thread exists, so every thread inherits
         * the mask and only the loop's signalfd sees them. */
        sigset_t mask;
        sigemptyset(&mask);
        sigaddset(&mask, SIGTERM);
        sigaddset(&mask, SIGINT);
        sigaddset(&mask, SIGHUP);
        pthread_sigmask(SIG_BLOCK, &mask, NULL);
        signal(SIGPIPE, SIG_IGN);

        if (!foreground && !getenv("NOTIFY_SOCKET")) {
                ready_fd = detach();
                if (ready_fd < 0) {
                        log_error("cannot detach: %s", strerror(-ready_fd));
                        goto out;
                }
        }

        r = ss_mkdir_p(cfg->state_dir, 0750);
        if (r < 0) {
                log_error("cannot create the state directory %s: %s", cfg->state_dir, strerror(-r));
                goto out;
        }
        r = lock_state_dir(cfg->state_dir, err, sizeof(err));
        if (r < 0) {
                log_error("%s", err);
                goto out;
        }
        snprintf(dbpath, sizeof(dbpath), "%s/snowscale.db", cfg->state_dir);
        r = sc_store_open(dbpath, &store, err, sizeof(err));
        if (r < 0) {
                log_error("state database: %s", err);
                goto out;
        }
        struct sc_monitor_config mc = sc_monitor_config_from(cfg);
        r = sc_monitor_new(&mc, &mon);
        if (r < 0) {
                log_error("cannot set up the monitor (windows %llu/%llu µs): %s",
                          (unsigned long long)mc.short_us, (unsigned long long)mc.long_us, strerror(-r));
                goto out;
        }
        struct sc_http_config hc = {
                .listen = cfg->api.listen ? cfg->api.listen : "127.0.0.1:8900",
                .token = cfg->api.token,
                .max_body = cfg->api.max_body,
        };
        char listen[256];
        snprintf(listen, sizeof(listen), "%s", hc.listen);
        hc.listen = listen;
        char *token = cfg->api.token ? strdup(cfg->api.token) : NULL;
        hc.token = token;
        char pool[64];
        snprintf(pool, sizeof(pool), "%s", cfg->pool ? cfg->pool : "");
        bool observe = cfg->mode == POL_MODE_OBSERVE;

        r = sc_loop_new(cfg, store, mon, &loop);        /* takes cfg */
        if (r < 0) {
                free(token);
                log_error("cannot start the control loop: %s", strerror(-r));
                goto out;
        }
        cfg = NULL;
        bool have_token = token && token[0];
        r = sc_http_start(&hc, store, mon, loop, &http, err, sizeof(err));
        free(token);
        if (r < 0) {
                log_error("HTTP API: %s", err);
                goto out;
        }
        sc_loop_on_reload(loop, reload_http, http);
        if (!have_token)
                log_warn("no api.token configured: POST endpoints (samples, scale, retire) are refused");
        log_info("snowscaled %s serving pool %s on http://%s (state %s, mode %s)", SC_VERSION, pool,
                 sc_http_address(http), dbpath, observe ? "observe" : "active");
        char started[200];
        snprintf(started, sizeof(started), "snowscaled %s started (pool %s, mode %s)", SC_VERSION, pool,
                 observe ? "observe" : "active");
        sc_store_event_append(store, "config", started, NULL, NULL);
        sd_notifyf(0, "READY=1\nSTATUS=serving on http://%s", sc_http_address(http));
        if (ready_fd >= 0) {
                int devnull = open("/dev/null", O_RDWR | O_CLOEXEC);
                if (devnull >= 0) {
                        dup2(devnull, STDIN_FILENO);
                        close(devnull);
                }
                if (write(ready_fd, "R", 1) != 1)
                        log_warn("cannot tell the starting process we are ready");
                close(ready_fd);
                ready_fd = -1;
        }

        sig = sc_loop_run(loop);
        sd_notify(0, "STOPPING=1");
        rc = 0;
out:
        if (ready_fd >= 0)
                close(ready_fd);        /* the waiting parent exits 1 */
        if (store)
                sc_store_shutdown_waiters(store);
        sc_loop_stop_requests(loop);
        sc_http_stop(http);
        if (loop && (sig == SIGINT || stop_vms))
                log_info("retiring every clone and the parent before exiting");
        sc_loop_free(loop, sig == SIGINT || stop_vms);
        sc_monitor_free(mon);
        sc_store_close(store);
        pol_config_free(cfg);
        if (rc == 0)
                log_info("stopped");
        return rc;
}
