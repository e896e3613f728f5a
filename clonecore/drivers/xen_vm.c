/* drivers/xen_vm.c: a Xen VM handle and what every op shares: the one libxl context behind one
 * lock, libxl's log routed to the VM whose op holds the lock (<run_dir>/xen.log), failure reasons
 * that quote that log's last error line, driver options, the run dir's files. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xen_int.h"

/* What libxl said about the failure: the last "error" line near the end of its log, else the
 * last warning, else where the log is (its last lines are debug chatter, not a reason). */
static void log_tail(struct cc_vm *vm, char *out, size_t out_len)
{
        char buf[4096];
        int fd;
        ssize_t n;

        out[0] = 0;
        if (vm->logf)
                fflush(vm->logf);
        fd = open(vm->log_path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
                return;
        off_t end = lseek(fd, 0, SEEK_END);
        off_t from = end > (off_t)sizeof(buf) - 1 ? end - (off_t)sizeof(buf) + 1 : 0;
        n = pread(fd, buf, sizeof(buf) - 1, from);
        close(fd);
        if (n <= 0)
                return;
        buf[n] = 0;
        while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
                buf[--n] = 0;
        const char *last_err = NULL, *last_warn = NULL;
        for (char *line = buf, *next; line; line = next) {
                next = strchr(line, '\n');
                if (next)
                        *next++ = 0;
                if (strstr(line, ": error: ") || strstr(line, ": critical: "))
                        last_err = line;
                else if (strstr(line, ": warning: "))
                        last_warn = line;
        }
        char where[PATH_MAX + 64];
        snprintf(where, sizeof(where), "libxl logged no error (its log: %s)", vm->log_path);
        const char *src = last_err ? last_err : last_warn ? last_warn : where;
        size_t l = strlen(src) < out_len - 1 ? strlen(src) : out_len - 1;
        memcpy(out, src, l);
        out[l] = 0;
}

int xen_fail(struct cc_vm *vm, char *why, size_t len, const char *what, int rc)
{
        char tail[400];

        log_tail(vm, tail, sizeof(tail));
        return cc_why(why, len, -EIO, "%s failed (libxl rc %d)%s%s", what, rc, tail[0] ? ": " : "", tail);
}

/* Options "k=v,k=v": bridge=NAME (give the domain a vif on that bridge), zero_pages=data. */
const char *xen_opt_get(const char *opts, const char *key, char *val, size_t val_len)
{
        size_t kl = strlen(key);

        for (const char *p = opts; p && *p; ) {
                const char *end = strchr(p, ',');
                size_t l = end ? (size_t)(end - p) : strlen(p);
                if (l > kl && strncmp(p, key, kl) == 0 && p[kl] == '=') {
                        snprintf(val, val_len, "%.*s", (int)(l - kl - 1), p + kl + 1);
                        return val;
                }
                p = end ? end + 1 : NULL;
        }
        return NULL;
}

bool xen_valid_name(const char *s)
{
        size_t n = strlen(s);

        if (n == 0 || n >= 64)
                return false;
        for (; *s; s++)
                if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
                      *s == '-' || *s == '_' || *s == '.'))
                        return false;
        return true;
}

/* One libxl context for the process and one lock around every libxl call. With a context per
 * VM, parallel clone starts failed in the lab (a context's xenstore connection closed
 * mid-restore: "xs transaction failed: Bad file descriptor"; heap corruption in other runs).
 * Recursive: ops hold it across helpers that take it too. Stream threads and console copiers
 * never need it. Other drivers in the process reap their own children: selective reaping. */
static pthread_mutex_t xen_lock = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
#define XEN_LOCK()   pthread_mutex_lock(&xen_lock)
#define XEN_UNLOCK() pthread_mutex_unlock(&xen_lock)
libxl_ctx *xen_ctx;
static const libxl_childproc_hooks xen_childproc = {
        .chldowner = libxl_sigchld_owner_libxl_always_selective_reap,
};

/* libxl's log goes to the file of the VM whose op holds the lock (xen_log_to). */
FILE *xen_log_to;

static void xlog_vmessage(xentoollog_logger *lg, xentoollog_level level, int errnoval, const char *context,
                          const char *format, va_list al) __attribute__((format(printf, 5, 0)));
static void xlog_vmessage(xentoollog_logger *lg, xentoollog_level level, int errnoval, const char *context,
                          const char *format, va_list al)
{
        FILE *f = xen_log_to;
        char ts[32];
        time_t now = time(NULL);
        struct tm tm;

        if (!f)
                return;
        strftime(ts, sizeof(ts), "%F %T", gmtime_r(&now, &tm));
        fprintf(f, "%s %s: %s: ", ts, context ? context : "libxl", xtl_level_to_string(level));
        vfprintf(f, format, al);
        if (errnoval >= 0)
                fprintf(f, ": %s", strerror(errnoval));
        fputc('\n', f);
        fflush(f);
}

static void xlog_progress(xentoollog_logger *lg, const char *context, const char *doing_what, int percent,
                          unsigned long done, unsigned long total)
{
}

static void xlog_destroy(xentoollog_logger *lg)
{
}

static xentoollog_logger xen_logger = {
        .vmessage = xlog_vmessage,
        .progress = xlog_progress,
        .destroy = xlog_destroy,
};

void xen_op_begin(struct cc_vm *vm)
{
        XEN_LOCK();
        xen_log_to = vm ? vm->logf : NULL;
}

void xen_op_end(void)
{
        xen_log_to = NULL;
        XEN_UNLOCK();
}

int xen_vm_new(const char *run_dir, const char *name, struct cc_vm **ret, char *why, size_t len)
{
        struct cc_vm *vm = NULL;
        int r;

        if (!xen_valid_name(name))
                return cc_why(why, len, -EINVAL, "domain name '%s' must be 1-63 of [A-Za-z0-9._-]", name);
        if (mkdir(run_dir, 0700) < 0 && errno != EEXIST)
                return cc_why(why, len, -errno, "cannot create run dir %s: %s", run_dir, strerror(errno));
        vm = calloc(1, sizeof(*vm));
        if (!vm)
                return -ENOMEM;
        XEN_LOCK();
        vm->con_stop[0] = vm->con_stop[1] = -1;
        snprintf(vm->name, sizeof(vm->name), "%s", name);
        snprintf(vm->run_dir, sizeof(vm->run_dir), "%s", run_dir);
        snprintf(vm->log_path, sizeof(vm->log_path), "%s/xen.log", run_dir);
        vm->logf = fopen(vm->log_path, "ae");
        if (!vm->logf) {
                r = cc_why(why, len, -errno, "cannot open %s: %s", vm->log_path, strerror(errno));
                goto fail;
        }
        setvbuf(vm->logf, NULL, _IOLBF, 0);
        if (!xen_ctx) {
                r = libxl_ctx_alloc(&xen_ctx, LIBXL_VERSION, 0, &xen_logger);
                if (r) {
                        xen_ctx = NULL;
                        r = cc_why(why, len, -ENODEV, "libxl_ctx_alloc failed (%d): is this a Xen dom0 with xenstored running?", r);
                        goto fail;
                }
                libxl_childproc_setmode(xen_ctx, &xen_childproc, NULL);
        }
        vm->xs = xs_open(0);
        if (!vm->xs) {
                r = cc_why(why, len, -ENODEV, "cannot connect to xenstore: %s", strerror(errno));
                goto fail;
        }
        XEN_UNLOCK();
        *ret = vm;
        return 0;
fail:
        xen_vm_free(vm);
        XEN_UNLOCK();
        return r;
}

void xen_vm_free(struct cc_vm *vm)
{
        if (!vm)
                return;
        xen_console_stop(vm);
        if (vm->xs)
                xs_close(vm->xs);
        XEN_LOCK();
        if (xen_log_to == vm->logf)
                xen_log_to = NULL;
        XEN_UNLOCK();
        if (vm->logf)
                fclose(vm->logf);
        free(vm);
}

int xen_write_file(const char *path, const void *data, size_t len)
{
        int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        const uint8_t *p = data;

        if (fd < 0)
                return -errno;
        while (len > 0) {
                ssize_t n = write(fd, p, len);
                if (n < 0 && errno == EINTR)
                        continue;
                if (n <= 0) {
                        int e = n < 0 ? -errno : -EIO;
                        close(fd);
                        return e;
                }
                p += n;
                len -= (size_t)n;
        }
        return close(fd) < 0 ? -errno : 0;
}

/* <run_dir>/xen.disk: the VM's thin device, for adoption (xen_disk_save / xen_disk_load) */
void xen_disk_path(const struct cc_vm *vm, char *out, size_t len)
{
        snprintf(out, len, "%s/xen.disk", vm->run_dir);
}

void xen_vm_disk_keep(struct cc_vm *vm)
{
        char path[PATH_MAX + 16];

        xen_disk_path(vm, path, sizeof(path));
        xen_disk_save(&vm->disk, path);
}

void xen_vm_disk_drop(struct cc_vm *vm)
{
        char path[PATH_MAX + 16];

        if (!vm->disk.id)
                return;
        xen_disk_release(&vm->disk);
        xen_disk_path(vm, path, sizeof(path));
        unlink(path);
}

int xen_write_domid_file(struct cc_vm *vm)
{
        char path[PATH_MAX + 16], line[256], addr[64];
        int fd, n;

        /* "domid name clone_id address": the address (the app's, on a bridge) for adoption */
        xen_address(vm, addr, sizeof(addr));
        snprintf(path, sizeof(path), "%s/xen.domid", vm->run_dir);
        n = snprintf(line, sizeof(line), "%u %s %s %s\n", vm->domid, vm->name, vm->clone_id[0] ? vm->clone_id : "-",
                     addr[0] ? addr : "-");
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd < 0)
                return -errno;
        int r = write(fd, line, (size_t)n) == n ? 0 : -EIO;
        close(fd);
        return r;
}
