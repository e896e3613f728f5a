/* sc_nbd: generations' disk layers over NBD for the other hosts (see sc_nbd.h). */
#include "sc_nbd.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "clonecore/cc_psk.h"
#include "ss_util.h"

#define STOP_WAIT_NS    (3ull * 1000000000)

struct export {
        int64_t gen;                    /* 0 = free slot */
        pid_t pid;
};

struct sc_nbd {
        char dir[4096];                 /* <state_dir>/nbd: pid files and qemu-nbd's logs */
        char tls[4200];                 /* <dir>/tls: keys.psk, the exports' TLS key */
        char host[256];
        unsigned port;                  /* the first; slot i serves on port + i */
        pthread_mutex_t lock;           /* over slots; held while qemu-nbd starts or stops */
        struct export slots[SC_NBD_MAX_EXPORTS];
};

/* Is pid a qemu-nbd of ours (its command line names our directory)? Guards against a pid file
 * whose process is gone and whose number was reused. */
static bool ours(const struct sc_nbd *n, pid_t pid)
{
        char path[64], buf[8192];
        ssize_t len;
        int fd;

        snprintf(path, sizeof(path), "/proc/%d/cmdline", (int)pid);
        fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
                return false;
        len = read(fd, buf, sizeof(buf) - 1);
        close(fd);
        if (len <= 0)
                return false;
        for (ssize_t i = 0; i < len; i++)
                if (!buf[i])
                        buf[i] = ' ';
        buf[len] = 0;
        return strstr(buf, "qemu-nbd") && strstr(buf, n->dir);
}

static void stop_pid(const struct sc_nbd *n, pid_t pid)
{
        uint64_t deadline = ss_mono_ns() + STOP_WAIT_NS;

        if (pid <= 0 || !ours(n, pid))
                return;
        kill(pid, SIGTERM);
        /* not our child (it forked off): poll its end; a clone's connection closes at once */
        while (ss_mono_ns() < deadline && kill(pid, 0) == 0 && ours(n, pid))
                usleep(20000);
        if (kill(pid, 0) == 0 && ours(n, pid))
                kill(pid, SIGKILL);
}

static pid_t read_pid(const char *path)
{
        char *s = NULL;
        size_t len;
        long v = 0;

        if (ss_read_file(path, 64, &s, &len) == 0)
                v = strtol(s, NULL, 10);
        free(s);
        return v > 0 ? (pid_t)v : 0;
}

/* What an earlier run left: every pid file's qemu-nbd is stopped. */
static void stop_stale(struct sc_nbd *n)
{
        char path[4400];
        struct dirent *de;
        DIR *d = opendir(n->dir);

        if (!d)
                return;
        while ((de = readdir(d))) {
                size_t l = strlen(de->d_name);
                if (l < 5 || strcmp(de->d_name + l - 4, ".pid"))
                        continue;
                snprintf(path, sizeof(path), "%s/%s", n->dir, de->d_name);
                stop_pid(n, read_pid(path));
                unlink(path);
        }
        closedir(d);
}

int sc_nbd_new(const char *state_dir, const char *listen, const void *secret, size_t secret_len,
               struct sc_nbd **ret, char *why, size_t why_len)
{
        struct sc_nbd *n = calloc(1, sizeof(*n));
        int r;

        if (!n)
                return -ENOMEM;
        if (ss_split_hostport(listen, n->host, sizeof(n->host), &n->port) < 0 || n->port == 0 ||
            n->port > 65535 - SC_NBD_MAX_EXPORTS + 1) {
                snprintf(why, why_len, "cluster.nbd_listen \"%s\" is not HOST:PORT", listen);
                free(n);
                return -EINVAL;
        }
        snprintf(n->dir, sizeof(n->dir), "%s/nbd", state_dir);
        r = ss_mkdir_p(n->dir, 0700);
        if (r < 0) {
                snprintf(why, why_len, "cannot create %s: %s", n->dir, strerror(-r));
                free(n);
                return r;
        }
        snprintf(n->tls, sizeof(n->tls), "%s/tls", n->dir);
        r = cc_psk_dir_write(n->tls, secret, secret_len, why, why_len);
        if (r < 0) {
                free(n);
                return r;
        }
        pthread_mutex_init(&n->lock, NULL);
        stop_stale(n);
        *ret = n;
        return 0;
}

static void uri_of(const struct sc_nbd *n, size_t slot, int64_t gen, char *uri, size_t uri_len)
{
        snprintf(uri, uri_len, strchr(n->host, ':') ? "nbd://[%s]:%u/gen-%lld" : "nbd://%s:%u/gen-%lld", n->host,
                 n->port + (unsigned)slot, (long long)gen);
}

/* The last line qemu-nbd wrote to its log: its reason. */
static void last_line(const char *log, char *why, size_t why_len)
{
        char *s = NULL, *p;
        size_t len;

        if (ss_read_file(log, 64 * 1024, &s, &len) < 0 || !len) {
                snprintf(why, why_len, "no message (log %.300s)", log);
                free(s);
                return;
        }
        while (len && (s[len - 1] == '\n' || s[len - 1] == '\r'))
                s[--len] = 0;
        p = strrchr(s, '\n');
        snprintf(why, why_len, "%s", p ? p + 1 : s);
        free(s);
}

/* Runs qemu-nbd for gen on slot's port; it forks off once it serves (--fork) and the parent's
 * exit status says whether it does. Its output goes to a log file, never a pipe: the daemon
 * keeps the stderr it started with. */
static int spawn(struct sc_nbd *n, size_t slot, int64_t gen, const char *layer, char *why, size_t why_len)
{
        char port[16], name[32], pidf[4200], log[4200], msg[512], tls[4300];
        char *argv[] = { "qemu-nbd", "--read-only", "--persistent", "--shared=0", "--format=qcow2",
                         "--bind", n->host, "--port", port, "--export-name", name, "--fork",
                         "--pid-file", pidf, "--object", tls, "--tls-creds", "tls0", (char *)layer, NULL };
        int status = 0, fd;
        pid_t pid;

        snprintf(port, sizeof(port), "%u", n->port + (unsigned)slot);
        snprintf(name, sizeof(name), "gen-%lld", (long long)gen);
        snprintf(pidf, sizeof(pidf), "%s/gen-%lld.pid", n->dir, (long long)gen);
        snprintf(log, sizeof(log), "%s/gen-%lld.log", n->dir, (long long)gen);
        snprintf(tls, sizeof(tls), "tls-creds-psk,id=tls0,endpoint=server,dir=%s", n->tls);
        fd = open(log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd < 0) {
                snprintf(why, why_len, "cannot write %s: %s", log, strerror(errno));
                return -errno;
        }
        pid = fork();
        if (pid < 0) {
                close(fd);
                snprintf(why, why_len, "fork: %s", strerror(errno));
                return -errno;
        }
        if (pid == 0) {
                int nul = open("/dev/null", O_RDONLY);
                if (nul < 0 || dup2(nul, 0) < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0)
                        _exit(127);
                close_range(3, ~0u, 0);         /* the daemon holds none of snowscaled's sockets */
                execvp("qemu-nbd", argv);
                dprintf(2, "cannot run qemu-nbd (apt-get install qemu-utils): %s\n", strerror(errno));
                _exit(127);
        }
        close(fd);
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
                ;
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
                last_line(log, msg, sizeof(msg));
                snprintf(why, why_len, "qemu-nbd for generation %lld on %s:%s: %s", (long long)gen, n->host, port,
                         msg);
                return -EIO;
        }
        n->slots[slot].pid = read_pid(pidf);
        if (n->slots[slot].pid <= 0) {
                snprintf(why, why_len, "qemu-nbd for generation %lld wrote no pid file %s", (long long)gen, pidf);
                return -EIO;
        }
        n->slots[slot].gen = gen;
        return 0;
}

int sc_nbd_export(struct sc_nbd *n, int64_t gen, const char *layer, char *uri, size_t uri_len, char *why,
                  size_t why_len)
{
        size_t free_slot = SC_NBD_MAX_EXPORTS;
        int r;

        pthread_mutex_lock(&n->lock);
        for (size_t i = 0; i < SC_NBD_MAX_EXPORTS; i++) {
                struct export *x = &n->slots[i];
                if (x->gen == gen) {
                        if (kill(x->pid, 0) == 0 && ours(n, x->pid)) {
                                uri_of(n, i, gen, uri, uri_len);
                                pthread_mutex_unlock(&n->lock);
                                return 0;
                        }
                        x->gen = 0;     /* it died: started again below */
                }
                if (!x->gen && free_slot == SC_NBD_MAX_EXPORTS)
                        free_slot = i;
        }
        if (free_slot == SC_NBD_MAX_EXPORTS) {
                pthread_mutex_unlock(&n->lock);
                snprintf(why, why_len, "%d generations are exported already (the limit)", SC_NBD_MAX_EXPORTS);
                return -ENOSPC;
        }
        r = spawn(n, free_slot, gen, layer, why, why_len);
        if (r == 0)
                uri_of(n, free_slot, gen, uri, uri_len);
        pthread_mutex_unlock(&n->lock);
        return r < 0 ? r : 1;
}

bool sc_nbd_unexport(struct sc_nbd *n, int64_t gen)
{
        char pidf[4200];
        bool was = false;

        if (!n)
                return false;
        pthread_mutex_lock(&n->lock);
        for (size_t i = 0; i < SC_NBD_MAX_EXPORTS; i++)
                if (n->slots[i].gen == gen) {
                        stop_pid(n, n->slots[i].pid);
                        n->slots[i] = (struct export){ 0 };
                        was = true;
                }
        snprintf(pidf, sizeof(pidf), "%s/gen-%lld.pid", n->dir, (long long)gen);
        unlink(pidf);
        pthread_mutex_unlock(&n->lock);
        return was;
}

void sc_nbd_free(struct sc_nbd *n)
{
        if (!n)
                return;
        for (size_t i = 0; i < SC_NBD_MAX_EXPORTS; i++)
                if (n->slots[i].gen)
                        sc_nbd_unexport(n, n->slots[i].gen);
        pthread_mutex_destroy(&n->lock);
        free(n);
}
