/* Xen driver: PV domUs through libxenlight (Xen 4.17 as Debian ships it).
 *
 * Parent: libxl_domain_create_new from the worker kernel + initramfs; created paused, then
 * unpaused. Checkpoint: libxl_domain_suspend (non-live: Debian's hypervisor has no shadow paging,
 * so PV log-dirty, hence live save, is unavailable) into a pipe read by the stream splitter
 * (xen_stream.c), then libxl_domain_resume(suspend_cancel=1) so the parent continues where it
 * was. Clone: the synthesizer rebuilds the stream from the state blob and the memory image and
 * feeds it to libxl_domain_create_restore (stream_version 2) under a new name and MAC; the
 * identity goes to the clone's xenstore key data/snowscale/identity before it is unpaused,
 * and its agent answers in data/snowscale/ready. See docs/drivers-xen.md.
 *
 * One libxl context serves the process, behind one lock; while an op holds it, libxl's log goes
 * to that VM's <run_dir>/xen.log, and failures quote its last error line. The guest console is
 * copied from its pty into <run_dir>/console.log. */
#define LIBXL_API_VERSION 0x041300
#include <libxl.h>
#include <libxl_utils.h>
#include <xenstore.h>
#include <xentoollog.h>

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <json-c/json.h>
#include <poll.h>
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "../cc_internal.h"
#include "clonecore/cc_driver.h"
#include "ss_util.h"
#include "xen_stream.h"

#define XEN_AGENT_DIR   "data/snowscale"        /* relative to /local/domain/<domid> */
#define XEN_CMDLINE     "console=hvc0 quiet"
#define CONSOLE_WAIT_MS 30000
#define RELEASE_WAIT_MS 20000ull

struct cc_vm {
        FILE *logf;
        struct xs_handle *xs;
        uint32_t domid;
        bool have_domain;
        char name[64];
        char clone_id[64];              /* "" for a parent */
        char run_dir[PATH_MAX];
        char log_path[PATH_MAX + 16];
        /* what a checkpoint records so clones get the same domain shape */
        char kernel[PATH_MAX], initrd[PATH_MAX], cmdline[1024];
        uint64_t max_memkb;
        unsigned vcpus;
        char bridge[32];
        /* console copier */
        pthread_t con_thread;
        bool con_started;
        int con_stop[2];
};

static uint64_t mono_ns(void)
{
        struct timespec t;

        clock_gettime(CLOCK_MONOTONIC, &t);
        return (uint64_t)t.tv_sec * 1000000000ull + (uint64_t)t.tv_nsec;
}

/* What libxl said about the failure: the last "error" line near the end of its log, else the
 * last line. */
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
        const char *last_err = NULL, *last = buf;
        for (char *line = buf, *next; line; line = next) {
                next = strchr(line, '\n');
                if (next)
                        *next++ = 0;
                if (strstr(line, ": error: "))
                        last_err = line;
                last = line;
        }
        const char *src = last_err ? last_err : last;
        size_t l = strlen(src) < out_len - 1 ? strlen(src) : out_len - 1;
        memcpy(out, src, l);
        out[l] = 0;
}

static int libxl_fail(struct cc_vm *vm, char *why, size_t len, const char *what, int rc)
{
        char tail[400];

        log_tail(vm, tail, sizeof(tail));
        return cc_why(why, len, -EIO, "%s failed (libxl rc %d)%s%s", what, rc, tail[0] ? ": " : "", tail);
}

/* Options "k=v,k=v": bridge=NAME (give the domain a vif on that bridge), zero_pages=data. */
static const char *opt_get(const char *opts, const char *key, char *val, size_t val_len)
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

static bool valid_name(const char *s)
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

static void vm_free(struct cc_vm *vm);

/* One libxl context for the process and one lock around every libxl call. With a context per
 * VM, parallel clone starts failed in the lab (a context's xenstore connection closed
 * mid-restore: "xs transaction failed: Bad file descriptor"; heap corruption in other runs).
 * Recursive: ops hold it across helpers that take it too. Stream threads and console copiers
 * never need it. Other drivers in the process reap their own children: selective reaping. */
static pthread_mutex_t xen_lock = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
#define XEN_LOCK()   pthread_mutex_lock(&xen_lock)
#define XEN_UNLOCK() pthread_mutex_unlock(&xen_lock)
static libxl_ctx *xen_ctx;
static const libxl_childproc_hooks xen_childproc = {
        .chldowner = libxl_sigchld_owner_libxl_always_selective_reap,
};

/* libxl's log goes to the file of the VM whose op holds the lock (xen_log_to). */
static FILE *xen_log_to;

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

static void op_begin(struct cc_vm *vm)
{
        XEN_LOCK();
        xen_log_to = vm ? vm->logf : NULL;
}

static void op_end(void)
{
        xen_log_to = NULL;
        XEN_UNLOCK();
}

static int vm_new(const char *run_dir, const char *name, struct cc_vm **ret, char *why, size_t len)
{
        struct cc_vm *vm = NULL;
        int r;

        if (!valid_name(name))
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
        vm_free(vm);
        XEN_UNLOCK();
        return r;
}

static void console_stop(struct cc_vm *vm)
{
        if (vm->con_started) {
                ssize_t n = write(vm->con_stop[1], "x", 1);
                (void)n;
                pthread_join(vm->con_thread, NULL);
                vm->con_started = false;
        }
        if (vm->con_stop[0] >= 0)
                close(vm->con_stop[0]);
        if (vm->con_stop[1] >= 0)
                close(vm->con_stop[1]);
        vm->con_stop[0] = vm->con_stop[1] = -1;
}

static void vm_free(struct cc_vm *vm)
{
        if (!vm)
                return;
        console_stop(vm);
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

/* ---- console: xenconsoled offers the PV console as a pty named in xenstore console/tty ---- */

struct con_args {
        struct cc_vm *vm;
        uint32_t domid;
};

static void *console_thread(void *arg)
{
        struct cc_vm *vm = arg;
        char key[64], out_path[PATH_MAX + 16], buf[4096];
        struct xs_handle *xs = NULL;
        char *tty = NULL;
        int pty = -1, out = -1;
        uint64_t deadline = mono_ns() + CONSOLE_WAIT_MS * 1000000ull;

        snprintf(key, sizeof(key), "/local/domain/%u/console/tty", vm->domid);
        snprintf(out_path, sizeof(out_path), "%s/console.log", vm->run_dir);
        out = open(out_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        xs = xs_open(0);
        if (out < 0 || !xs)
                goto out;
        /* libxl's create waits for xenconsoled to name the pty, so the key is usually there; else
         * wait on a watch for it (no polling) */
        bool watching = false;
        for (;;) {
                unsigned int l;
                tty = xs_read(xs, XBT_NULL, key, &l);
                if (tty && tty[0])
                        break;
                if (!watching) {
                        free(tty);
                        tty = NULL;
                        if (!xs_watch(xs, key, "tty"))
                                goto out;
                        watching = true;
                        continue;       /* read again: the key may have appeared meanwhile */
                }
                free(tty);
                tty = NULL;
                int64_t left = (int64_t)(deadline - mono_ns()) / 1000000;
                if (left <= 0)
                        goto out;
                int w = cc_poll_stop(xs_fileno(xs), vm->con_stop[0], (int)left);
                if (w == -ECANCELED || (w < 0 && w != -ETIMEDOUT))
                        goto out;
                if (w == 0) {
                        unsigned int num;
                        char **ev = xs_read_watch(xs, &num);
                        free(ev);
                }
        }
        pty = open(tty, O_RDONLY | O_NOCTTY | O_CLOEXEC);
        if (pty < 0)
                goto out;
        struct termios tio;
        if (tcgetattr(pty, &tio) == 0) {        /* raw: no echo back into the guest, no CR mangling */
                cfmakeraw(&tio);
                tcsetattr(pty, TCSANOW, &tio);
        }
        while (cc_poll_stop(pty, vm->con_stop[0], -1) == 0) {
                ssize_t n = read(pty, buf, sizeof(buf));
                if (n < 0 && (errno == EINTR || errno == EAGAIN))
                        continue;
                if (n <= 0)
                        break;          /* domain gone: xenconsoled closed the pty */
                if (write(out, buf, (size_t)n) != n)
                        break;
        }
out:
        free(tty);
        if (pty >= 0)
                close(pty);
        if (out >= 0)
                close(out);
        if (xs)
                xs_close(xs);
        return NULL;
}

static int console_start(struct cc_vm *vm)
{
        if (pipe2(vm->con_stop, O_CLOEXEC) < 0)
                return -errno;
        int r = pthread_create(&vm->con_thread, NULL, console_thread, vm);
        if (r)
                return -r;
        vm->con_started = true;
        return 0;
}

/* ---- domain configuration ---- */

static int make_config(struct cc_vm *vm, libxl_domain_config *dc, const uint8_t *mac)
{
        libxl_domain_config_init(dc);
        dc->c_info.type = LIBXL_DOMAIN_TYPE_PV;
        dc->c_info.name = strdup(vm->name);
        libxl_domain_build_info_init_type(&dc->b_info, LIBXL_DOMAIN_TYPE_PV);
        dc->b_info.max_vcpus = (int)vm->vcpus;
        if (libxl_cpu_bitmap_alloc(xen_ctx, &dc->b_info.avail_vcpus, (int)vm->vcpus))
                return -ENOMEM;
        for (unsigned i = 0; i < vm->vcpus; i++)
                libxl_bitmap_set(&dc->b_info.avail_vcpus, (int)i);
        dc->b_info.max_memkb = dc->b_info.target_memkb = vm->max_memkb;
        dc->b_info.kernel = strdup(vm->kernel);
        dc->b_info.ramdisk = strdup(vm->initrd);
        dc->b_info.cmdline = strdup(vm->cmdline);
        dc->on_poweroff = LIBXL_ACTION_ON_SHUTDOWN_DESTROY;
        dc->on_reboot = LIBXL_ACTION_ON_SHUTDOWN_DESTROY;
        dc->on_crash = LIBXL_ACTION_ON_SHUTDOWN_DESTROY;
        if (!dc->c_info.name || !dc->b_info.kernel || !dc->b_info.ramdisk || !dc->b_info.cmdline)
                return -ENOMEM;
        if (vm->bridge[0]) {
                libxl_device_nic *nic = calloc(1, sizeof(*nic));
                if (!nic)
                        return -ENOMEM;
                libxl_device_nic_init(nic);
                nic->bridge = strdup(vm->bridge);
                if (mac)
                        memcpy(nic->mac, mac, 6);
                dc->nics = nic;
                dc->num_nics = 1;
        }
        return 0;
}

static int write_domid_file(struct cc_vm *vm)
{
        char path[PATH_MAX + 16], line[192];
        int fd, n;

        snprintf(path, sizeof(path), "%s/xen.domid", vm->run_dir);
        n = snprintf(line, sizeof(line), "%u %s %s\n", vm->domid, vm->name, vm->clone_id[0] ? vm->clone_id : "-");
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd < 0)
                return -errno;
        int r = write(fd, line, (size_t)n) == n ? 0 : -EIO;
        close(fd);
        return r;
}

/* ---- ops ---- */

static int xen_probe(char *why, size_t why_len)
{
        struct cc_vm *vm = NULL;
        char dir[] = "/tmp/cc-xen-probe.XXXXXX";
        int r;

        if (access("/dev/xen/privcmd", R_OK | W_OK) < 0 && access("/proc/xen/privcmd", R_OK | W_OK) < 0)
                return cc_why(why, why_len, -ENODEV, "no /dev/xen/privcmd: not running as a Xen dom0");
        if (!mkdtemp(dir))
                return cc_why(why, why_len, -errno, "mkdtemp: %s", strerror(errno));
        op_begin(NULL);
        r = vm_new(dir, "probe", &vm, why, why_len);
        if (r == 0 && !libxl_get_version_info(xen_ctx))
                r = cc_why(why, why_len, -ENODEV, "libxl cannot read the hypervisor version");
        vm_free(vm);
        op_end();
        char p[sizeof(dir) + 16];
        snprintf(p, sizeof(p), "%s/xen.log", dir);
        unlink(p);
        rmdir(dir);
        return r;
}

static int xen_boot_parent(const struct cc_vm_config *cfg, struct cc_vm **ret, char *why, size_t why_len)
{
        struct cc_vm *vm = NULL;
        libxl_domain_config dc;
        char opt[32];
        int r, rc;

        libxl_domain_config_init(&dc);
        if (!cfg->kernel || !cfg->initrd || access(cfg->kernel, R_OK) < 0 || access(cfg->initrd, R_OK) < 0)
                return cc_why(why, why_len, -ENOENT, "kernel or initrd missing or unreadable (%s, %s)",
                           cfg->kernel ? cfg->kernel : "(none)", cfg->initrd ? cfg->initrd : "(none)");
        if (cfg->mem_bytes < (32ull << 20) || cfg->mem_bytes > (CC_XS_MAX_PAGES * CC_XS_PAGE_SIZE) ||
            cfg->vcpus < 1 || cfg->vcpus > 64)
                return cc_why(why, why_len, -EINVAL, "memory %" PRIu64 " bytes / %u vCPUs out of range",
                           cfg->mem_bytes, cfg->vcpus);
        r = vm_new(cfg->run_dir, cfg->name, &vm, why, why_len);
        if (r < 0)
                return r;
        snprintf(vm->kernel, sizeof(vm->kernel), "%s", cfg->kernel);
        snprintf(vm->initrd, sizeof(vm->initrd), "%s", cfg->initrd);
        snprintf(vm->cmdline, sizeof(vm->cmdline), "%s", cfg->cmdline && cfg->cmdline[0] ? cfg->cmdline : XEN_CMDLINE);
        vm->max_memkb = cfg->mem_bytes / 1024;
        vm->vcpus = cfg->vcpus;
        if (opt_get(cfg->driver_opts, "bridge", opt, sizeof(opt)))
                snprintf(vm->bridge, sizeof(vm->bridge), "%s", opt);
        op_begin(vm);
        r = make_config(vm, &dc, NULL);
        if (r < 0)
                goto fail;
        rc = libxl_domain_create_new(xen_ctx, &dc, &vm->domid, NULL, NULL);
        if (rc) {
                r = libxl_fail(vm, why, why_len, "libxl_domain_create_new", rc);
                goto fail;
        }
        vm->have_domain = true;
        write_domid_file(vm);
        console_start(vm);
        rc = libxl_domain_unpause(xen_ctx, vm->domid, NULL);   /* created paused */
        if (rc) {
                r = libxl_fail(vm, why, why_len, "libxl_domain_unpause", rc);
                libxl_domain_destroy(xen_ctx, vm->domid, NULL);
                goto fail;
        }
        libxl_domain_config_dispose(&dc);
        op_end();
        *ret = vm;
        return 0;
fail:
        libxl_domain_config_dispose(&dc);
        op_end();
        vm_free(vm);
        return r;
}

struct split_job {
        int in_fd, mem_fd;
        uint8_t *blob;
        size_t len;
        struct cc_xs_stats st;
        int r;
        char why[256];
};

static void *split_thread(void *arg)
{
        struct split_job *j = arg;

        j->r = cc_xs_split(j->in_fd, j->mem_fd, &j->blob, &j->len, &j->st, j->why, sizeof(j->why));
        if (j->r < 0)
                cc_xs_drain(j->in_fd);  /* keep libxl's writer from blocking on a full pipe */
        return NULL;
}

static int write_all_file(const char *path, const void *data, size_t len)
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

static int xen_checkpoint(struct cc_vm *vm, const char *gen_dir, struct cc_checkpoint *ret,
                          char *why, size_t why_len)
{
        struct split_job job = { .in_fd = -1, .mem_fd = -1 };
        int p[2] = { -1, -1 };
        pthread_t t;
        bool started = false;
        char stats_path[PATH_MAX + 32];
        int r, rc;

        memset(ret, 0, sizeof(*ret));
        if (!vm->have_domain)
                return cc_why(why, why_len, -ESRCH, "no domain to checkpoint");
        snprintf(ret->state_path, sizeof(ret->state_path), "%s/xen.state", gen_dir);
        snprintf(ret->mem_path, sizeof(ret->mem_path), "%s/mem.raw", gen_dir);
        job.mem_fd = open(ret->mem_path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (job.mem_fd < 0)
                return cc_why(why, why_len, -errno, "cannot create %s: %s", ret->mem_path, strerror(errno));
        if (pipe2(p, O_CLOEXEC) < 0) {
                r = cc_why(why, why_len, -errno, "pipe: %s", strerror(errno));
                goto out;
        }
        job.in_fd = p[0];
        r = -pthread_create(&t, NULL, split_thread, &job);
        if (r < 0) {
                cc_why(why, why_len, r, "cannot start the stream splitter");
                goto out;
        }
        started = true;

        uint64_t t0 = mono_ns();
        op_begin(vm);
        /* Non-live: the domain is suspended while every page streams through the splitter. */
        rc = libxl_domain_suspend(xen_ctx, vm->domid, p[1], 0, NULL);
        close(p[1]);
        p[1] = -1;
        pthread_join(t, NULL);
        started = false;
        /* suspend_cancel: the guest returns from its suspend hypercall and carries on as before */
        int rrc = libxl_domain_resume(xen_ctx, vm->domid, 1, NULL);
        op_end();
        ret->pause_ns = mono_ns() - t0;
        if (rc) {
                r = libxl_fail(vm, why, why_len, "libxl_domain_suspend", rc);
                if (job.r < 0)
                        snprintf(why + strlen(why), why_len - strlen(why), " (splitter: %s)", job.why);
                goto out;
        }
        if (job.r < 0) {
                r = cc_why(why, why_len, job.r, "save stream rejected: %s", job.why);
                goto out;
        }
        if (rrc) {
                r = libxl_fail(vm, why, why_len, "libxl_domain_resume of the parent", rrc);
                goto out;
        }
        r = write_all_file(ret->state_path, job.blob, job.len);
        if (r < 0) {
                cc_why(why, why_len, r, "cannot write %s: %s", ret->state_path, strerror(-r));
                goto out;
        }
        ret->mem_bytes = job.st.mem_pages * CC_XS_PAGE_SIZE;
        ret->page_size = CC_XS_PAGE_SIZE;
        json_object *j = json_object_new_object();
        json_object_object_add(j, "type", json_object_new_string("pv"));
        json_object_object_add(j, "max_memkb", json_object_new_int64((int64_t)vm->max_memkb));
        json_object_object_add(j, "vcpus", json_object_new_int((int)vm->vcpus));
        json_object_object_add(j, "kernel", json_object_new_string(vm->kernel));
        json_object_object_add(j, "ramdisk", json_object_new_string(vm->initrd));
        json_object_object_add(j, "cmdline", json_object_new_string(vm->cmdline));
        json_object_object_add(j, "bridge", json_object_new_string(vm->bridge));
        const char *js = json_object_to_json_string_ext(j, JSON_C_TO_STRING_PLAIN);
        if (strlen(js) >= sizeof(ret->vm_config_json)) {
                json_object_put(j);
                r = cc_why(why, why_len, -ENAMETOOLONG, "VM config does not fit the descriptor");
                goto out;
        }
        snprintf(ret->vm_config_json, sizeof(ret->vm_config_json), "%s", js);
        json_object_put(j);
        /* what the split saw, for operators and the lab's benchmark line */
        char st[256];
        int n = snprintf(st, sizeof(st), "stream_bytes=%" PRIu64 " blob_bytes=%zu pages_total=%" PRIu64
                         " pages_zero=%" PRIu64 " mem_pages=%" PRIu64 " pause_ns=%" PRIu64 "\n",
                         job.st.stream_bytes, job.len, job.st.pages_total, job.st.pages_zero,
                         job.st.mem_pages, ret->pause_ns);
        snprintf(stats_path, sizeof(stats_path), "%s/xen-split.stats", gen_dir);
        write_all_file(stats_path, st, (size_t)n);
        r = 0;
out:
        if (started) {
                close(p[1]);
                p[1] = -1;
                pthread_join(t, NULL);
        }
        if (p[0] >= 0)
                close(p[0]);
        if (p[1] >= 0)
                close(p[1]);
        if (job.mem_fd >= 0)
                close(job.mem_fd);
        free(job.blob);
        return r;
}

struct synth_job {
        const uint8_t *blob;
        size_t len;
        int mem_fd, out_fd;
        unsigned flags;
        struct cc_xs_stats st;
        int r;
        char why[256];
};

static void *synth_thread(void *arg)
{
        struct synth_job *j = arg;

        j->r = cc_xs_synth(j->blob, j->len, j->mem_fd, j->out_fd, j->flags, &j->st, j->why, sizeof(j->why));
        shutdown(j->out_fd, SHUT_WR);
        return NULL;
}

static int parse_config(struct cc_vm *vm, const char *js, char *why, size_t why_len)
{
        json_object *j = js ? json_tokener_parse(js) : NULL, *v;
        int r = -EINVAL;

        if (!j || !json_object_is_type(j, json_type_object)) {
                cc_why(why, why_len, r, "VM config is not a JSON object");
                goto out;
        }
        if (!json_object_object_get_ex(j, "type", &v) || strcmp(json_object_get_string(v), "pv") != 0) {
                cc_why(why, why_len, r, "VM config: only type \"pv\" is supported");
                goto out;
        }
        if (!json_object_object_get_ex(j, "max_memkb", &v) || json_object_get_int64(v) < 32768 ||
            (uint64_t)json_object_get_int64(v) > CC_XS_MAX_PAGES * 4) {
                cc_why(why, why_len, r, "VM config: max_memkb missing or out of range");
                goto out;
        }
        vm->max_memkb = (uint64_t)json_object_get_int64(v);
        if (!json_object_object_get_ex(j, "vcpus", &v) || json_object_get_int(v) < 1 || json_object_get_int(v) > 64) {
                cc_why(why, why_len, r, "VM config: vcpus missing or out of range");
                goto out;
        }
        vm->vcpus = (unsigned)json_object_get_int(v);
        static const struct { const char *key; size_t off, size; } strs[] = {
                { "kernel", offsetof(struct cc_vm, kernel), sizeof(((struct cc_vm *)0)->kernel) },
                { "ramdisk", offsetof(struct cc_vm, initrd), sizeof(((struct cc_vm *)0)->initrd) },
                { "cmdline", offsetof(struct cc_vm, cmdline), sizeof(((struct cc_vm *)0)->cmdline) },
                { "bridge", offsetof(struct cc_vm, bridge), sizeof(((struct cc_vm *)0)->bridge) },
        };
        for (size_t i = 0; i < sizeof(strs) / sizeof(strs[0]); i++) {
                if (!json_object_object_get_ex(j, strs[i].key, &v) || !json_object_is_type(v, json_type_string) ||
                    strlen(json_object_get_string(v)) >= strs[i].size) {
                        cc_why(why, why_len, r, "VM config: %s missing or too long", strs[i].key);
                        goto out;
                }
                snprintf((char *)vm + strs[i].off, strs[i].size, "%s", json_object_get_string(v));
        }
        r = 0;
out:
        json_object_put(j);
        return r;
}

static int xen_clone(const struct cc_clone_spec *spec, struct cc_vm **ret, char *why, size_t why_len)
{
        struct cc_vm *vm = NULL;
        libxl_domain_config dc;
        libxl_domain_restore_params rp;
        struct synth_job job = { .mem_fd = -1, .out_fd = -1 };
        uint8_t *blob = NULL;
        size_t blen = 0;
        int sp[2] = { -1, -1 };
        pthread_t t;
        bool started = false, locked = false;
        struct stat sb;
        char opt[32], path[256], val[256];
        int r, rc;

        libxl_domain_config_init(&dc);
        libxl_domain_restore_params_init(&rp);
        /* The whole clone under the driver lock: parallel clone starts corrupted the heap in the
         * lab even with only the libxl calls serialised (docs/drivers-xen.md, open issue). */
        op_begin(NULL);
        locked = true;
        const struct cc_identity *id = &spec->id;
        const char *name = id->hostname[0] ? id->hostname : id->clone_id;
        if (!valid_name(id->clone_id) || !valid_name(name)) {
                r = cc_why(why, why_len, -EINVAL, "clone id '%s' / name '%s' must be [A-Za-z0-9._-]", id->clone_id, name);
                goto out;
        }

        /* Everything is checked before a domain exists: a bad descriptor creates nothing. */
        r = ss_read_file(spec->state_path, CC_XS_BLOB_MAX, (char **)&blob, &blen);
        if (r < 0) {
                cc_why(why, why_len, r, "cannot read state %s: %s", spec->state_path, strerror(-r));
                goto out;
        }
        job.mem_fd = open(spec->mem_path, O_RDONLY | O_CLOEXEC);
        if (job.mem_fd < 0 || fstat(job.mem_fd, &sb) < 0) {
                r = cc_why(why, why_len, -errno, "cannot open memory image %s: %s", spec->mem_path, strerror(errno));
                goto out;
        }
        struct cc_xs_stats cst;
        r = cc_xs_check(blob, blen, (uint64_t)sb.st_size, &cst, why, why_len);
        if (r < 0)
                goto out;
        if (cst.domain_type != 1) {
                r = cc_why(why, why_len, -EPROTONOSUPPORT, "state is for domain type %u; this driver restores PV (1)",
                        cst.domain_type);
                goto out;
        }
        r = vm_new(spec->run_dir, name, &vm, why, why_len);
        if (r < 0)
                goto out;
        xen_log_to = vm->logf;
        r = parse_config(vm, spec->vm_config_json, why, why_len);
        if (r < 0)
                goto out;
        if (cst.mem_pages > vm->max_memkb / 4 + 4096) {
                r = cc_why(why, why_len, -EBADMSG, "state has %" PRIu64 " pages, more than the config's %" PRIu64 " KiB",
                        cst.mem_pages, vm->max_memkb);
                goto out;
        }
        snprintf(vm->clone_id, sizeof(vm->clone_id), "%s", id->clone_id);
        r = make_config(vm, &dc, id->mac);
        if (r < 0)
                goto out;

        if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sp) < 0) {
                r = cc_why(why, why_len, -errno, "socketpair: %s", strerror(errno));
                goto out;
        }
        job.blob = blob;
        job.len = blen;
        job.out_fd = sp[1];
        if (opt_get(spec->driver_opts, "zero_pages", opt, sizeof(opt)) && strcmp(opt, "data") == 0)
                job.flags |= CC_XS_ZERO_AS_DATA;
        r = -pthread_create(&t, NULL, synth_thread, &job);
        if (r < 0) {
                cc_why(why, why_len, r, "cannot start the stream synthesizer");
                goto out;
        }
        started = true;
        rp.checkpointed_stream = LIBXL_CHECKPOINTED_STREAM_NONE;
        rp.stream_version = 2;          /* what libxl_domain_suspend writes; 1 means a legacy stream */
        uint64_t t0 = mono_ns();
        rc = libxl_domain_create_restore(xen_ctx, &dc, &vm->domid, sp[0], -1, &rp, NULL, NULL);
        close(sp[0]);                   /* a synthesizer still writing now fails instead of blocking */
        sp[0] = -1;
        pthread_join(t, NULL);
        started = false;
        if (rc) {
                r = libxl_fail(vm, why, why_len, "libxl_domain_create_restore", rc);
                if (job.r < 0)
                        snprintf(why + strlen(why), why_len - strlen(why), " (synthesizer: %s)", job.why);
                goto out;
        }
        vm->have_domain = true;
        if (job.r < 0) {
                r = cc_why(why, why_len, job.r, "stream synthesis failed: %s", job.why);
                libxl_domain_destroy(xen_ctx, vm->domid, NULL);
                vm->have_domain = false;
                goto out;
        }
        /* Identity before the first instruction runs: the agent's watch fires when it resumes. */
        snprintf(path, sizeof(path), "/local/domain/%u/" XEN_AGENT_DIR "/identity", vm->domid);
        int n = snprintf(val, sizeof(val), "clone_id=%s hostname=%s seed=%016" PRIx64 " fail_ready=%d",
                         id->clone_id, name, id->seed,
                         opt_get(spec->driver_opts, "fail_ready", opt, sizeof(opt)) && strcmp(opt, "1") == 0);
        if (!xs_write(vm->xs, XBT_NULL, path, val, (unsigned)n)) {
                r = cc_why(why, why_len, -EIO, "cannot write %s: %s", path, strerror(errno));
                libxl_domain_destroy(xen_ctx, vm->domid, NULL);
                vm->have_domain = false;
                goto out;
        }
        write_domid_file(vm);
        console_start(vm);
        rc = libxl_domain_unpause(xen_ctx, vm->domid, NULL);
        if (rc) {
                r = libxl_fail(vm, why, why_len, "libxl_domain_unpause", rc);
                libxl_domain_destroy(xen_ctx, vm->domid, NULL);
                vm->have_domain = false;
                goto out;
        }
        char st[256];
        n = snprintf(st, sizeof(st), "restore_ns=%" PRIu64 " stream_bytes=%" PRIu64 " mem_bytes_read=%" PRIu64
                     " pages_total=%" PRIu64 " pages_zero=%" PRIu64 "\n", mono_ns() - t0, job.st.stream_bytes,
                     job.st.mem_bytes_read, job.st.pages_total, job.st.pages_zero);
        char spath[PATH_MAX + 32];
        snprintf(spath, sizeof(spath), "%s/xen-restore.stats", vm->run_dir);
        write_all_file(spath, st, (size_t)n);
        *ret = vm;
        vm = NULL;
        r = 0;
out:
        if (started) {
                close(sp[0]);
                sp[0] = -1;
                pthread_join(t, NULL);
        }
        if (sp[0] >= 0)
                close(sp[0]);
        if (sp[1] >= 0)
                close(sp[1]);
        if (job.mem_fd >= 0)
                close(job.mem_fd);
        libxl_domain_config_dispose(&dc);
        libxl_domain_restore_params_dispose(&rp);
        free(blob);
        if (locked)
                op_end();
        vm_free(vm);
        return r;
}

static int xen_pause(struct cc_vm *vm)
{
        op_begin(vm);
        int rc = libxl_domain_pause(xen_ctx, vm->domid, NULL);
        op_end();
        return rc ? -EIO : 0;
}

static int xen_resume(struct cc_vm *vm)
{
        op_begin(vm);
        int rc = libxl_domain_unpause(xen_ctx, vm->domid, NULL);
        op_end();
        return rc ? -EIO : 0;
}

/* 1: gone or shut down, 0: still running, <0: error */
static int domain_down(struct cc_vm *vm)
{
        libxl_dominfo di;
        int rc, r;

        libxl_dominfo_init(&di);
        op_begin(vm);
        rc = libxl_domain_info(xen_ctx, &di, vm->domid);
        op_end();
        if (rc == ERROR_DOMAIN_NOTFOUND)
                r = 1;
        else if (rc)
                r = -EIO;
        else
                r = di.shutdown || di.dying;
        libxl_dominfo_dispose(&di);
        return r;
}

/* Wait on the @releaseDomain watch (it fires on every domain shutdown and final release) until
 * done(vm) says so or the deadline passes. */
static void wait_release(struct cc_vm *vm, bool watching, uint64_t deadline, int (*done)(struct cc_vm *))
{
        while (done(vm) == 0) {
                int64_t left = (int64_t)(deadline - mono_ns()) / 1000000;
                if (left <= 0 || !watching)
                        return;
                struct pollfd pf = { xs_fileno(vm->xs), POLLIN, 0 };
                if (poll(&pf, 1, (int)left) > 0) {
                        unsigned int num;
                        free(xs_read_watch(vm->xs, &num));
                }
        }
}

/* 1 once Xen has released the domain entirely (its memory is free again), 0 while it exists. */
static int domain_gone(struct cc_vm *vm)
{
        libxl_dominfo di;

        libxl_dominfo_init(&di);
        op_begin(vm);
        int rc = libxl_domain_info(xen_ctx, &di, vm->domid);
        op_end();
        libxl_dominfo_dispose(&di);
        return rc == ERROR_DOMAIN_NOTFOUND ? 1 : rc ? -EIO : 0;
}

static int xen_retire(struct cc_vm *vm, unsigned timeout_ms)
{
        uint64_t deadline = mono_ns() + (uint64_t)timeout_ms * 1000000ull;
        bool watching;

        if (!vm->have_domain)
                return 0;
        watching = xs_watch(vm->xs, "@releaseDomain", "retire");
        op_begin(vm);
        int src = libxl_domain_shutdown(xen_ctx, vm->domid, NULL);
        op_end();
        if (src == 0)
                wait_release(vm, watching, deadline, domain_down);
        op_begin(vm);
        int rc = libxl_domain_destroy(xen_ctx, vm->domid, NULL);
        op_end();
        /* A destroyed domain lingers as "dying" while Xen frees its pages. xenstored announces
         * @releaseDomain when the dying starts, and nothing when Xen finally lets go, so this one
         * wait re-checks with backoff (10 ms doubling to 320 ms), bounded by RELEASE_WAIT_MS. */
        if (rc == 0 || rc == ERROR_DOMAIN_NOTFOUND) {
                uint64_t end = mono_ns() + RELEASE_WAIT_MS * 1000000ull;
                for (unsigned ms = 10; domain_gone(vm) == 0 && mono_ns() < end; ms = ms < 320 ? ms * 2 : ms)
                        poll(NULL, 0, (int)ms);
        }
        if (watching)
                xs_unwatch(vm->xs, "@releaseDomain", "retire");
        console_stop(vm);
        if (rc && rc != ERROR_DOMAIN_NOTFOUND && domain_down(vm) != 1)
                return -EIO;
        vm->have_domain = false;
        return 0;
}

static int xen_status(struct cc_vm *vm, struct cc_vm_status *ret)
{
        libxl_dominfo di;
        int rc;

        memset(ret, 0, sizeof(*ret));
        ret->pid = (int)vm->domid;
        if (!vm->have_domain) {
                ret->state = CC_VM_EXITED;
                snprintf(ret->reason, sizeof(ret->reason), "domain retired");
                return 0;
        }
        libxl_dominfo_init(&di);
        op_begin(vm);
        rc = libxl_domain_info(xen_ctx, &di, vm->domid);
        op_end();
        if (rc == ERROR_DOMAIN_NOTFOUND) {
                ret->state = CC_VM_EXITED;
                snprintf(ret->reason, sizeof(ret->reason), "domain %u no longer exists", vm->domid);
        } else if (rc) {
                libxl_dominfo_dispose(&di);
                return -EIO;
        } else if (di.shutdown || di.dying) {
                ret->state = CC_VM_EXITED;
                snprintf(ret->reason, sizeof(ret->reason), "domain %u %s (reason %s)", vm->domid,
                         di.dying ? "dying" : "shut down", libxl_shutdown_reason_to_string(di.shutdown_reason));
        } else if (di.paused) {
                ret->state = CC_VM_PAUSED;
        } else {
                char path[128];
                unsigned int len;
                snprintf(path, sizeof(path), "/local/domain/%u/" XEN_AGENT_DIR "/ready", vm->domid);
                op_begin(vm);
                char *v = xs_read(vm->xs, XBT_NULL, path, &len);
                op_end();
                /* a clone is ready once its agent has applied this clone's identity */
                bool ready = v && (vm->clone_id[0] ? strcmp(v, vm->clone_id) == 0 : len > 0);
                free(v);
                ret->state = ready ? CC_VM_RUNNING : CC_VM_STARTING;
        }
        ret->rss_bytes = di.current_memkb * 1024;
        ret->private_bytes = ret->rss_bytes;    /* PV domains share no memory on stock Xen */
        libxl_dominfo_dispose(&di);
        return 0;
}

static int xen_adopt(const char *run_dir, struct cc_vm **ret, char *why, size_t why_len)
{
        char path[PATH_MAX + 16], line[192] = "", name[64], cid[64];
        unsigned domid;
        struct cc_vm *vm = NULL;
        int r;

        snprintf(path, sizeof(path), "%s/xen.domid", run_dir);
        FILE *f = fopen(path, "re");
        if (!f)
                return cc_why(why, why_len, -errno, "no %s: %s", path, strerror(errno));
        bool ok = fgets(line, sizeof(line), f) && sscanf(line, "%u %63s %63s", &domid, name, cid) == 3;
        fclose(f);
        if (!ok)
                return cc_why(why, why_len, -EBADMSG, "%s is malformed", path);
        r = vm_new(run_dir, name, &vm, why, why_len);
        if (r < 0)
                return r;
        op_begin(vm);
        char *cur = libxl_domid_to_name(xen_ctx, domid);
        op_end();
        bool same = cur && strcmp(cur, name) == 0;
        free(cur);
        if (!same) {
                vm_free(vm);
                return cc_why(why, why_len, -ESRCH, "domain %u '%s' no longer exists", domid, name);
        }
        vm->domid = domid;
        vm->have_domain = true;
        if (strcmp(cid, "-") != 0)
                snprintf(vm->clone_id, sizeof(vm->clone_id), "%s", cid);
        console_start(vm);
        *ret = vm;
        return 0;
}

static void xen_destroy(struct cc_vm *vm)
{
        vm_free(vm);
}

const struct cc_driver_ops cc_xen_driver = {
        .name = "xen",
        .probe = xen_probe,
        .boot_parent = xen_boot_parent,
        .checkpoint = xen_checkpoint,
        .clone = xen_clone,
        .pause = xen_pause,
        .resume = xen_resume,
        .retire = xen_retire,
        .status = xen_status,
        .adopt = xen_adopt,
        .destroy = xen_destroy,
        /* One at a time: parallel restores from one process have corrupted the heap now and then
         * (docs/drivers-xen.md, "open problems"); serial clones have never failed. */
        .max_parallel = 1,
};
