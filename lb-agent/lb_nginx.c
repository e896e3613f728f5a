/* nginx process control: spawn or adopt the master, `nginx -t` in the background, reload with a
 * snapshot of the workers that may still hold requests under the outgoing config.
 *
 * The master runs with `daemon off` as our child (so we learn of its death at once through a
 * pidfd) in its own process group (a terminal's Ctrl-C reaches the agent, which stops nginx
 * gracefully). A master left running by a previous agent is adopted when its pid file names a
 * live process whose command line carries our config path: restarting the agent then costs no
 * request. */
#include "lb.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/pidfd.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ss_util.h"

#define NGINX_GLOBALS  "daemon off;"
#define TEST_OUT_MAX   4096
#define MAX_WORKERS    256

struct lb_nginx {
        char *binary, *prefix, *conf, *pid_file, *error_log;
        pid_t pid;
        int pidfd;
        bool child;                     /* spawned by us: reap with waitpid */
        pid_t test_pid;
        int test_fd;
        char test_out[TEST_OUT_MAX];
        size_t test_len;
};

extern char **environ;

int lb_nginx_new(const struct lb_nginx_opts *o, struct lb_nginx **ret)
{
        struct lb_nginx *n = calloc(1, sizeof(*n));

        if (!n)
                return -ENOMEM;
        n->pidfd = -1;
        n->test_fd = -1;
        n->binary = strdup(o->binary);
        n->prefix = strdup(o->prefix);
        n->conf = strdup(o->conf);
        n->pid_file = strdup(o->pid_file);
        n->error_log = strdup(o->error_log);
        if (!n->binary || !n->prefix || !n->conf || !n->pid_file || !n->error_log) {
                lb_nginx_free(n);
                return -ENOMEM;
        }
        *ret = n;
        return 0;
}

void lb_nginx_free(struct lb_nginx *n)
{
        if (!n)
                return;
        lb_nginx_test_kill(n);
        if (n->pidfd >= 0)
                close(n->pidfd);
        free(n->binary);
        free(n->prefix);
        free(n->conf);
        free(n->pid_file);
        free(n->error_log);
        free(n);
}

pid_t lb_nginx_pid(const struct lb_nginx *n) { return n->pid; }
bool lb_nginx_is_tester(const struct lb_nginx *n, pid_t pid) { return n->test_pid > 0 && pid == n->test_pid; }
int lb_nginx_pidfd(const struct lb_nginx *n) { return n->pidfd; }

/* /proc/PID/cmdline with NULs turned into spaces. */
static int read_cmdline(pid_t pid, char *buf, size_t len)
{
        char path[64];
        ssize_t r;
        int fd;

        snprintf(path, sizeof(path), "/proc/%d/cmdline", (int)pid);
        fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
                return -errno;
        r = read(fd, buf, len - 1);
        close(fd);
        if (r < 0)
                return -errno;
        for (ssize_t i = 0; i < r; i++)
                if (buf[i] == 0)
                        buf[i] = ' ';
        buf[r] = 0;
        return 0;
}

/* Children of a child process get the parent's blocked signal mask through posix_spawn; nginx
 * must start with default dispositions and nothing blocked. */
static int spawn(struct lb_nginx *n, char *const argv[], int out_fd, pid_t *ret)
{
        posix_spawn_file_actions_t fa;
        posix_spawnattr_t at;
        sigset_t none, all;
        int r;

        sigemptyset(&none);
        sigfillset(&all);
        posix_spawn_file_actions_init(&fa);
        posix_spawnattr_init(&at);
        posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_adddup2(&fa, out_fd, 1);
        posix_spawn_file_actions_adddup2(&fa, out_fd, 2);
        posix_spawnattr_setsigmask(&at, &none);
        posix_spawnattr_setsigdefault(&at, &all);
        posix_spawnattr_setpgroup(&at, 0);
        posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF |
                                      POSIX_SPAWN_SETPGROUP);
        r = -posix_spawn(ret, n->binary, &fa, &at, argv, environ);
        posix_spawn_file_actions_destroy(&fa);
        posix_spawnattr_destroy(&at);
        return r;
}

static int try_adopt(struct lb_nginx *n)
{
        char *text = NULL, cmd[4096], *end;
        long pid;
        int r, fd;

        r = ss_read_file(n->pid_file, 64, &text, NULL);
        if (r < 0)
                return r;
        pid = strtol(text, &end, 10);
        r = pid <= 1 || (*end && *end != '\n') ? -EINVAL : 0;
        free(text);
        if (r < 0)
                return r;
        r = read_cmdline((pid_t)pid, cmd, sizeof(cmd));
        if (r < 0)
                return r;
        if (!strstr(cmd, "nginx: master process") || !strstr(cmd, n->conf))
                return -ESRCH;
        fd = pidfd_open((pid_t)pid, 0);
        if (fd < 0)
                return -errno;
        n->pid = (pid_t)pid;
        n->pidfd = fd;
        n->child = false;
        return 0;
}

int lb_nginx_start(struct lb_nginx *n, bool *ret_adopted)
{
        char *argv[] = { n->binary, "-p", n->prefix, "-c", n->conf, "-g", NGINX_GLOBALS, NULL };
        char ctl[4096];
        pid_t pid;
        int logfd, r, fd;

        if (n->pid > 0)
                return -EALREADY;
        if (try_adopt(n) == 0) {
                *ret_adopted = true;
                return 0;
        }
        /* A master killed hard leaves its unix listen socket behind; bind would fail. */
        snprintf(ctl, sizeof(ctl), "%s/ctl.sock", n->prefix);
        unlink(ctl);
        logfd = open(n->error_log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
        if (logfd < 0)
                return -errno;
        r = spawn(n, argv, logfd, &pid);
        close(logfd);
        if (r < 0)
                return r;
        fd = pidfd_open(pid, 0);
        if (fd < 0) {
                r = -errno;
                kill(pid, SIGTERM);
                waitpid(pid, NULL, 0);
                return r;
        }
        n->pid = pid;
        n->pidfd = fd;
        n->child = true;
        *ret_adopted = false;
        return 0;
}

void lb_nginx_exited(struct lb_nginx *n, char *desc, size_t len)
{
        int st;

        snprintf(desc, len, "exited");
        /* Workers of a master that died hard keep the listening sockets (and would make the
         * restarted master's bind fail); ask them to finish their requests and go. They share
         * the master's process group (spawned with setpgroup 0). */
        if (n->child)
                kill(-n->pid, SIGQUIT);
        if (n->child && waitpid(n->pid, &st, WNOHANG) == n->pid) {
                if (WIFEXITED(st))
                        snprintf(desc, len, "exited with status %d", WEXITSTATUS(st));
                else if (WIFSIGNALED(st))
                        snprintf(desc, len, "killed by signal %d (%s)", WTERMSIG(st),
                                 strsignal(WTERMSIG(st)));
        }
        if (n->pidfd >= 0)
                close(n->pidfd);
        n->pidfd = -1;
        n->pid = 0;
}

int lb_nginx_test_start(struct lb_nginx *n, int *ret_fd)
{
        char *argv[] = { n->binary, "-p", n->prefix, "-c", n->conf, "-g", NGINX_GLOBALS,
                         "-q", "-t", NULL };
        int p[2], r;

        if (n->test_pid > 0)
                return -EBUSY;
        if (pipe2(p, O_CLOEXEC | O_NONBLOCK) < 0)
                return -errno;
        r = spawn(n, argv, p[1], &n->test_pid);
        close(p[1]);
        if (r < 0) {
                close(p[0]);
                n->test_pid = 0;
                return r;
        }
        n->test_fd = p[0];
        n->test_len = 0;
        n->test_out[0] = 0;
        *ret_fd = p[0];
        return 0;
}

int lb_nginx_test_poll(struct lb_nginx *n, bool *ret_ok, const char **ret_output)
{
        char buf[1024];
        int st;

        if (n->test_pid <= 0)
                return -ECHILD;
        for (;;) {
                ssize_t r = read(n->test_fd, buf, sizeof(buf));
                if (r < 0) {
                        if (errno == EINTR)
                                continue;
                        if (errno == EAGAIN)
                                return 0;
                        break;
                }
                if (r == 0)
                        break;
                if (n->test_len + 1 < TEST_OUT_MAX) {
                        size_t c = (size_t)r < TEST_OUT_MAX - 1 - n->test_len ?
                                   (size_t)r : TEST_OUT_MAX - 1 - n->test_len;
                        memcpy(n->test_out + n->test_len, buf, c);
                        n->test_len += c;
                        n->test_out[n->test_len] = 0;
                }
        }
        /* EOF: nginx -t closed its output, it is exiting; the wait is short. */
        close(n->test_fd);
        n->test_fd = -1;
        if (waitpid(n->test_pid, &st, 0) < 0)
                st = -1;
        n->test_pid = 0;
        while (n->test_len > 0 && (n->test_out[n->test_len - 1] == '\n' ||
                                   n->test_out[n->test_len - 1] == ' '))
                n->test_out[--n->test_len] = 0;
        *ret_ok = st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0;
        if (!*ret_ok && n->test_len == 0)
                snprintf(n->test_out, sizeof(n->test_out), "nginx -t failed (status 0x%x)", st);
        *ret_output = n->test_out;
        return 1;
}

void lb_nginx_test_kill(struct lb_nginx *n)
{
        if (n->test_pid > 0) {
                kill(n->test_pid, SIGKILL);
                waitpid(n->test_pid, NULL, 0);
                n->test_pid = 0;
        }
        if (n->test_fd >= 0) {
                close(n->test_fd);
                n->test_fd = -1;
        }
}

/* /proc files report size 0; read until EOF (bounded). */
static int read_proc(const char *path, char **ret)
{
        size_t cap = 64 * 1024, len = 0;
        char *buf;
        int fd = open(path, O_RDONLY | O_CLOEXEC);

        if (fd < 0)
                return -errno;
        buf = malloc(cap);
        if (!buf) {
                close(fd);
                return -ENOMEM;
        }
        for (;;) {
                ssize_t r = read(fd, buf + len, cap - 1 - len);
                if (r < 0 && errno == EINTR)
                        continue;
                if (r <= 0)
                        break;
                len += (size_t)r;
                if (len == cap - 1)
                        break;
        }
        close(fd);
        buf[len] = 0;
        *ret = buf;
        return 0;
}

int lb_nginx_reload(struct lb_nginx *n, int **ret_pidfds, size_t *ret_n)
{
        char path[96], *text = NULL, cmd[256], *p, *end;
        int *fds = NULL, r;
        size_t nf = 0;

        if (n->pid <= 0)
                return -ESRCH;
        /* Every worker alive now may hold a request routed by the outgoing config, including
         * workers still shutting down from earlier reloads. */
        snprintf(path, sizeof(path), "/proc/%d/task/%d/children", (int)n->pid, (int)n->pid);
        r = read_proc(path, &text);
        if (r < 0 && r != -ENOENT)
                return r;
        fds = calloc(MAX_WORKERS, sizeof(*fds));
        if (!fds) {
                free(text);
                return -ENOMEM;
        }
        for (p = text; p && *p && nf < MAX_WORKERS; p = end) {
                long c = strtol(p, &end, 10);
                int fd;
                if (end == p)
                        break;
                if (c <= 1 || read_cmdline((pid_t)c, cmd, sizeof(cmd)) < 0 ||
                    strstr(cmd, "cache "))
                        continue;
                fd = pidfd_open((pid_t)c, 0);
                if (fd >= 0)
                        fds[nf++] = fd;
        }
        free(text);
        if (kill(n->pid, SIGHUP) < 0) {
                r = -errno;
                for (size_t i = 0; i < nf; i++)
                        close(fds[i]);
                free(fds);
                return r;
        }
        *ret_pidfds = fds;
        *ret_n = nf;
        return 0;
}

void lb_nginx_stop(struct lb_nginx *n, unsigned timeout_ms)
{
        struct pollfd pfd;

        if (n->pid <= 0)
                return;
        /* SIGQUIT: graceful, workers finish their requests (bounded by worker_shutdown_timeout). */
        kill(n->pid, SIGQUIT);
        pfd.fd = n->pidfd;
        pfd.events = POLLIN;
        if (poll(&pfd, 1, (int)timeout_ms) <= 0) {
                kill(n->pid, SIGTERM);
                pfd.revents = 0;
                if (poll(&pfd, 1, 2000) <= 0)
                        kill(n->pid, SIGKILL);
        }
        if (n->child)
                waitpid(n->pid, NULL, 0);
        close(n->pidfd);
        n->pidfd = -1;
        n->pid = 0;
}

void lb_nginx_last_error(const struct lb_nginx *n, char *buf, size_t len)
{
        char tail[4096];
        ssize_t r;
        off_t size;
        int fd;

        buf[0] = 0;
        fd = open(n->error_log, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
                return;
        size = lseek(fd, 0, SEEK_END);
        r = pread(fd, tail, sizeof(tail) - 1, size > (off_t)sizeof(tail) - 1 ?
                  size - (off_t)sizeof(tail) + 1 : 0);
        close(fd);
        if (r <= 0)
                return;
        tail[r] = 0;
        while (r > 0 && (tail[r - 1] == '\n' || tail[r - 1] == '\r'))
                tail[--r] = 0;
        {
                char *nl = strrchr(tail, '\n');
                snprintf(buf, len, "%s", nl ? nl + 1 : tail);
        }
}
