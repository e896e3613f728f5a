/* drivers/qemu.c: clonecore's QEMU driver (qemu-system-x86_64, QMP over a unix socket, json-c).
 *
 * Per VM the run dir holds:
 *   qemu.pid    the QEMU pid (adopt() after a restart finds it here)
 *   vm.json     what the VM is: config, memory file, share mode, expected agent id, host port
 *   qmp.sock    QMP; agent.sock: the guest agent's virtio-serial port (org.snowscale.agent)
 *   ram         a parent's guest RAM (memory-backend-file, share=on; SNOWSCALE_RAM_DIR moves it)
 *   qemu.log    QEMU's stdout/stderr (its tail is the reason when QEMU dies); console.log: ttyS0
 * Both sockets are bound and listening before QEMU starts and handed to it as file descriptors
 * (-chardev socket,fd=N,server=on), so connecting never races QEMU's startup.
 *
 * Memory (docs/drivers.md): a parent runs share=on on its own RAM file. A checkpoint copies that
 * file into the generation while the parent runs, stops it, migrates device state only
 * (x-ignore-shared skips the shared RAM block), brings the copy up to date by comparing pages (the
 * freeze: the parent keeps writing its own file, never the generation's) and continues it. A clone maps the generation file (or a memtap file)
 * share=off, i.e. MAP_PRIVATE copy-on-write. A clone's RAM is anonymous COW memory that x-ignore-
 * shared would not skip, so cutting a generation from a clone first moves it onto a RAM file of its
 * own (full migration into a fresh share=on QEMU) and then checkpoints it like a parent. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <json-c/json.h>
#include <limits.h>
#include <linux/fs.h>
#include <linux/kvm.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "clonecore/cc_driver.h"

#define QMP_TIMEOUT_MS     10000        /* a QMP command QEMU does not answer in this is a hang */
#define MIGRATE_TIMEOUT_MS 120000       /* a full-RAM migration of a large guest under TCG */
#define LINE_MAX_BYTES     65536        /* a QMP or agent line longer than this is a lie */
#define TAIL_BYTES         300
#define AGENT_PORT_NAME    "org.snowscale.agent"
#define DEFAULT_BINARY     "qemu-system-x86_64"
#define MAX_MEM_BYTES      (1ull << 40)
#define MAX_VCPUS          64

struct vm_conf {
        char kernel[PATH_MAX], initrd[PATH_MAX], cmdline[1024];
        char binary[PATH_MAX], accel[16], mac[18];
        uint64_t mem_bytes;
        unsigned vcpus, guest_port;
};

struct linebuf {
        char *buf;
        size_t have;
};

struct cc_vm {
        pthread_mutex_t lock;
        struct vm_conf conf;
        char run_dir[PATH_MAX];
        char mem_path[PATH_MAX];        /* what QEMU maps */
        bool mem_shared;                /* share=on (own RAM file) vs MAP_PRIVATE clone */
        bool is_child;                  /* ours to waitpid */
        unsigned host_port;
        pid_t pid;
        int pidfd, qmp_fd, agent_fd;
        struct linebuf qmp_in, agent_in;
        char expect_id[64];             /* the agent's "ready <id>" we wait for */
        char identity_line[256];        /* resent when the guest answers "hello" as someone else */
        enum cc_vm_state state;
        bool paused;
        char reason[CC_REASON_MAX];
        char last_stats[CC_GUEST_STATS_MAX];
        uint64_t last_stats_us;         /* wall clock of last_stats */
        uint64_t stats_asked_ns;        /* monotonic: last "stats" request to the agent */
        char exit_desc[48];             /* "killed by signal 9", "exit status 1" (our child only) */
};

/* ---------------------------------------------------------------------------------------------- */
/* small helpers                                                                                    */

static int why_set(char *why, size_t why_len, int err, const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));
static int why_set(char *why, size_t why_len, int err, const char *fmt, ...)
{
        va_list ap;

        if (why && why_len) {
                va_start(ap, fmt);
                vsnprintf(why, why_len, fmt, ap);
                va_end(ap);
        }
        return err;
}

static uint64_t mono_ns(void)
{
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static int path_join(char *out, size_t len, const char *dir, const char *name)
{
        int n = snprintf(out, len, "%s/%s", dir, name);
        return n < 0 || (size_t)n >= len ? -ENAMETOOLONG : 0;
}

/* Value of key in a "k=v,k=v" option string into out; false when absent. */
static bool opt_get(const char *opts, const char *key, char *out, size_t len)
{
        size_t kl = strlen(key);
        const char *p = opts;

        while (p && *p) {
                const char *end = strchr(p, ',');
                size_t n = end ? (size_t)(end - p) : strlen(p);
                if (n > kl && !strncmp(p, key, kl) && p[kl] == '=') {
                        size_t vl = n - kl - 1;
                        if (vl >= len)
                                vl = len - 1;
                        memcpy(out, p + kl + 1, vl);
                        out[vl] = 0;
                        return true;
                }
                p = end ? end + 1 : NULL;
        }
        return false;
}

static bool opt_true(const char *opts, const char *key)
{
        char v[8];
        return opts && opt_get(opts, key, v, sizeof(v)) && (!strcmp(v, "1") || !strcmp(v, "yes") || !strcmp(v, "true"));
}

/* Last bytes of the VM's qemu.log as one line: what QEMU said before it died. */
static void log_tail(const char *run_dir, char *out, size_t len)
{
        char path[PATH_MAX], buf[TAIL_BYTES + 1];
        off_t size;
        ssize_t n;
        int fd;

        out[0] = 0;
        if (path_join(path, sizeof(path), run_dir, "qemu.log") < 0)
                return;
        fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
                return;
        size = lseek(fd, 0, SEEK_END);
        if (size > TAIL_BYTES)
                lseek(fd, size - TAIL_BYTES, SEEK_SET);
        else
                lseek(fd, 0, SEEK_SET);
        n = read(fd, buf, TAIL_BYTES);
        close(fd);
        if (n <= 0)
                return;
        buf[n] = 0;
        while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r' || buf[n - 1] == ' '))
                buf[--n] = 0;
        for (char *p = buf; *p; p++)
                if (*p == '\n' || *p == '\r' || (unsigned char)*p < 0x20)
                        *p = ' ';
        snprintf(out, len, "%s", buf);
}

/* ---------------------------------------------------------------------------------------------- */
/* KVM probe                                                                                        */

/* Can /dev/kvm really run a guest? Opening it is not enough: a kvm module without hardware
 * virtualisation (or a software stand-in) may accept KVM_CREATE_VM and still be unable to run a
 * vCPU. So run one: a 4 KiB real-mode guest whose first instruction is HLT must exit with
 * KVM_EXIT_HLT. Done in a child with a deadline, so a module that hangs KVM_RUN cannot hang us. */
static int kvm_run_hlt(void)
{
        struct kvm_userspace_memory_region region = { .slot = 0, .guest_phys_addr = 0x1000,
                                                       .memory_size = 0x1000 };
        struct kvm_sregs sregs;
        struct kvm_regs regs = { .rip = 0x1000, .rflags = 0x2 };
        struct kvm_run *run;
        int kvm, vmfd, vcpu, mmap_size;
        uint8_t *mem;

        kvm = open("/dev/kvm", O_RDWR | O_CLOEXEC);
        if (kvm < 0)
                return 1;
        if (ioctl(kvm, KVM_GET_API_VERSION, 0) != KVM_API_VERSION)
                return 2;
        vmfd = ioctl(kvm, KVM_CREATE_VM, 0);
        if (vmfd < 0)
                return 3;
        mem = mmap(NULL, 0x1000, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
        if (mem == MAP_FAILED)
                return 4;
        mem[0] = 0xf4;                  /* hlt */
        region.userspace_addr = (uintptr_t)mem;
        if (ioctl(vmfd, KVM_SET_USER_MEMORY_REGION, &region) < 0)
                return 5;
        vcpu = ioctl(vmfd, KVM_CREATE_VCPU, 0);
        if (vcpu < 0)
                return 6;
        mmap_size = ioctl(kvm, KVM_GET_VCPU_MMAP_SIZE, 0);
        if (mmap_size <= 0)
                return 7;
        run = mmap(NULL, (size_t)mmap_size, PROT_READ | PROT_WRITE, MAP_SHARED, vcpu, 0);
        if (run == MAP_FAILED)
                return 8;
        if (ioctl(vcpu, KVM_GET_SREGS, &sregs) < 0)
                return 9;
        sregs.cs.base = 0;
        sregs.cs.selector = 0;
        if (ioctl(vcpu, KVM_SET_SREGS, &sregs) < 0 || ioctl(vcpu, KVM_SET_REGS, &regs) < 0)
                return 10;
        if (ioctl(vcpu, KVM_RUN, 0) < 0)
                return 11;
        return run->exit_reason == KVM_EXIT_HLT ? 0 : 12;
}

/* Hardware KVM means the vendor module (kvm_intel / kvm_amd) on a CPU that advertises VT-x or
 * AMD-V. A software KVM (e.g. kvm_pvm, which runs only PVM-enabled guest kernels) passes the HLT
 * run above but cannot boot our stock kernel, so it must be told apart by what backs /dev/kvm. */
static int kvm_hw_backed(char *why, size_t why_len)
{
        bool intel = access("/sys/module/kvm_intel", F_OK) == 0, amd = access("/sys/module/kvm_amd", F_OK) == 0;
        bool vmx = false, svm = false;
        char line[4096];
        FILE *f;

        if (!intel && !amd) {
                if (access("/sys/module/kvm_pvm", F_OK) == 0)
                        return why_set(why, why_len, -ENODEV, "/dev/kvm is kvm_pvm, a software KVM that "
                                       "runs only PVM-enabled guest kernels");
                return why_set(why, why_len, -ENODEV, "/dev/kvm is not backed by kvm_intel or kvm_amd");
        }
        f = fopen("/proc/cpuinfo", "re");
        if (!f)
                return why_set(why, why_len, -ENODEV, "/proc/cpuinfo: %s", strerror(errno));
        while (fgets(line, sizeof(line), f) && !vmx && !svm)
                if (!strncmp(line, "flags", 5)) {
                        vmx = strstr(line, " vmx") != NULL;
                        svm = strstr(line, " svm") != NULL;
                }
        fclose(f);
        if ((intel && !vmx) || (amd && !svm) || (!vmx && !svm))
                return why_set(why, why_len, -ENODEV, "the CPU does not advertise %s",
                               intel ? "VT-x (vmx)" : "AMD-V (svm)");
        return 0;
}

static int kvm_usable(char *why, size_t why_len)
{
        static const char *const steps[] = { "ok", "cannot open /dev/kvm", "wrong KVM API version",
                "KVM_CREATE_VM failed", "mmap failed", "KVM_SET_USER_MEMORY_REGION failed",
                "KVM_CREATE_VCPU failed", "KVM_GET_VCPU_MMAP_SIZE failed", "vcpu mmap failed",
                "KVM_GET_SREGS failed", "KVM_SET_(S)REGS failed", "KVM_RUN failed",
                "a HLT guest did not exit with KVM_EXIT_HLT" };
        uint64_t deadline = mono_ns() + 3000000000ull;
        int status = 0;
        pid_t pid;

        if (access("/dev/kvm", R_OK | W_OK) < 0)
                return why_set(why, why_len, -ENODEV, "/dev/kvm: %s", strerror(errno));
        if (kvm_hw_backed(why, why_len) < 0)
                return -ENODEV;
        pid = fork();
        if (pid < 0)
                return why_set(why, why_len, -errno, "fork: %s", strerror(errno));
        if (pid == 0) {
                alarm(3);
                _exit(kvm_run_hlt());
        }
        for (;;) {
                pid_t r = waitpid(pid, &status, WNOHANG);
                if (r == pid)
                        break;
                if (r < 0 && errno != EINTR)
                        return why_set(why, why_len, -ECHILD, "waitpid: %s", strerror(errno));
                if (mono_ns() > deadline) {
                        kill(pid, SIGKILL);
                        waitpid(pid, &status, 0);
                        return why_set(why, why_len, -ENODEV, "KVM_RUN of a HLT guest did not return");
                }
                /* A 3 s bound on a probe run once per start; there is no event for "ioctl done". */
                usleep(5000);
        }
        if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
                return 0;
        if (WIFEXITED(status) && WEXITSTATUS(status) < (int)(sizeof(steps) / sizeof(steps[0])))
                return why_set(why, why_len, -ENODEV, "/dev/kvm cannot run guests: %s",
                               steps[WEXITSTATUS(status)]);
        return why_set(why, why_len, -ENODEV, "/dev/kvm cannot run guests: probe died (status %d)", status);
}

/* "auto" -> "kvm" when KVM really runs guests here, else "tcg". */
static int resolve_accel(const char *want, char *out, size_t len, char *why, size_t why_len)
{
        char kwhy[160];

        if (!want || !*want || !strcmp(want, "auto")) {
                snprintf(out, len, "%s", kvm_usable(kwhy, sizeof(kwhy)) == 0 ? "kvm" : "tcg");
                return 0;
        }
        if (!strcmp(want, "tcg")) {
                snprintf(out, len, "tcg");
                return 0;
        }
        if (!strcmp(want, "kvm")) {
                int rc = kvm_usable(kwhy, sizeof(kwhy));
                if (rc)
                        return why_set(why, why_len, rc, "accel kvm requested but %s", kwhy);
                snprintf(out, len, "kvm");
                return 0;
        }
        return why_set(why, why_len, -EINVAL, "accel '%s' is not auto, kvm or tcg", want);
}

/* ---------------------------------------------------------------------------------------------- */
/* line I/O on the QMP and agent sockets                                                            */

/* Next '\n'-terminated line from fd into a malloc'd string, waiting at most timeout_ms (0 = only
 * what is already there). 0 and *ret (NULL when no complete line), or -errno (-EPIPE on EOF,
 * -ETIMEDOUT, -EMSGSIZE for an over-long line, -ESRCH when watch_fd, QEMU's pidfd, says it exited:
 * a connection QEMU never accepted gets no EOF when QEMU dies). */
static int line_read(int fd, int watch_fd, struct linebuf *lb, int timeout_ms, char **ret)
{
        uint64_t deadline = mono_ns() + (uint64_t)timeout_ms * 1000000ull;

        *ret = NULL;
        if (!lb->buf) {
                lb->buf = malloc(LINE_MAX_BYTES);
                if (!lb->buf)
                        return -ENOMEM;
        }
        for (;;) {
                char *nl = memchr(lb->buf, '\n', lb->have);
                if (nl) {
                        size_t n = (size_t)(nl - lb->buf);
                        char *line = malloc(n + 1);
                        if (!line)
                                return -ENOMEM;
                        memcpy(line, lb->buf, n);
                        line[n] = 0;
                        if (n && line[n - 1] == '\r')
                                line[n - 1] = 0;
                        memmove(lb->buf, nl + 1, lb->have - n - 1);
                        lb->have -= n + 1;
                        *ret = line;
                        return 0;
                }
                if (lb->have == LINE_MAX_BYTES)
                        return -EMSGSIZE;
                ssize_t r = recv(fd, lb->buf + lb->have, LINE_MAX_BYTES - lb->have, MSG_DONTWAIT);
                if (r > 0) {
                        lb->have += (size_t)r;
                        continue;
                }
                if (r == 0)
                        return -EPIPE;
                if (errno == EINTR)
                        continue;
                if (errno != EAGAIN)
                        return -errno;
                int64_t left = (int64_t)(deadline - mono_ns()) / 1000000;
                if (timeout_ms == 0)
                        return 0;
                if (left <= 0 || (int64_t)deadline - (int64_t)mono_ns() <= 0)
                        return -ETIMEDOUT;
                struct pollfd p[2] = { { .fd = fd, .events = POLLIN }, { .fd = watch_fd, .events = POLLIN } };
                if (poll(p, watch_fd >= 0 ? 2 : 1, (int)left) < 0 && errno != EINTR)
                        return -errno;
                if (watch_fd >= 0 && (p[1].revents & POLLIN) && !(p[0].revents & POLLIN))
                        return -ESRCH;
        }
}

static int send_all(int fd, const char *s)
{
        size_t len = strlen(s);
        while (len) {
                ssize_t n = send(fd, s, len, MSG_NOSIGNAL);
                if (n < 0 && errno == EINTR)
                        continue;
                if (n < 0)
                        return -errno;
                s += n;
                len -= (size_t)n;
        }
        return 0;
}

static int unix_connect(const char *path)
{
        struct sockaddr_un sa = { .sun_family = AF_UNIX };
        int fd;

        if (strlen(path) >= sizeof(sa.sun_path))
                return -ENAMETOOLONG;
        strcpy(sa.sun_path, path);
        fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0)
                return -errno;
        if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
                int rc = -errno;
                close(fd);
                return rc;
        }
        return fd;
}

/* A listening socket at path, to be inherited by QEMU (not CLOEXEC in the child: dup2'd there). */
static int unix_listen(const char *path)
{
        struct sockaddr_un sa = { .sun_family = AF_UNIX };
        int fd;

        if (strlen(path) >= sizeof(sa.sun_path))
                return -ENAMETOOLONG;
        strcpy(sa.sun_path, path);
        unlink(path);
        fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0)
                return -errno;
        if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 || listen(fd, 4) < 0) {
                int rc = -errno;
                close(fd);
                return rc;
        }
        return fd;
}

/* ---------------------------------------------------------------------------------------------- */
/* QMP                                                                                              */

static void qmp_close(struct cc_vm *vm)
{
        if (vm->qmp_fd >= 0)
                close(vm->qmp_fd);
        vm->qmp_fd = -1;
        vm->qmp_in.have = 0;
}

/* Send the first byte of s with fd attached (SCM_RIGHTS), as QMP's getfd expects. */
static int send_with_fd(int sock, const char *s, int fd)
{
        char cbuf[CMSG_SPACE(sizeof(int))];
        struct iovec iov = { .iov_base = (void *)s, .iov_len = 1 };
        struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = cbuf,
                             .msg_controllen = sizeof(cbuf) };
        struct cmsghdr *c;

        memset(cbuf, 0, sizeof(cbuf));
        c = CMSG_FIRSTHDR(&mh);
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = SCM_RIGHTS;
        c->cmsg_len = CMSG_LEN(sizeof(int));
        memcpy(CMSG_DATA(c), &fd, sizeof(int));
        for (;;) {
                ssize_t n = sendmsg(sock, &mh, MSG_NOSIGNAL);
                if (n == 1)
                        return send_all(sock, s + 1);
                if (n < 0 && errno == EINTR)
                        continue;
                return n < 0 ? -errno : -EIO;
        }
}

/* Run one QMP command, passing fd along when fd >= 0; *ret (optional) gets the "return" value.
 * Events and the greeting met on the way are skipped. */
static int qmp_cmd_fd(struct cc_vm *vm, const char *cmd, json_object *args, int fd, json_object **ret,
                      char *why, size_t why_len)
{
        json_object *req = json_object_new_object();
        const char *text;
        char *line = NULL;
        int rc;

        if (ret)
                *ret = NULL;
        if (vm->qmp_fd < 0) {
                json_object_put(args);
                json_object_put(req);
                return why_set(why, why_len, -ENOTCONN, "QMP is not connected");
        }
        json_object_object_add(req, "execute", json_object_new_string(cmd));
        if (args)
                json_object_object_add(req, "arguments", args);
        text = json_object_to_json_string_ext(req, JSON_C_TO_STRING_PLAIN);
        rc = fd >= 0 ? send_with_fd(vm->qmp_fd, text, fd) : send_all(vm->qmp_fd, text);
        if (rc == 0)
                rc = send_all(vm->qmp_fd, "\n");
        json_object_put(req);
        if (rc)
                return why_set(why, why_len, rc, "QMP %s: send: %s", cmd, strerror(-rc));
        for (;;) {
                json_object *msg, *v;
                rc = line_read(vm->qmp_fd, vm->pidfd, &vm->qmp_in, QMP_TIMEOUT_MS, &line);
                if (rc == -ETIMEDOUT)
                        return why_set(why, why_len, rc, "QEMU did not answer QMP %s within %d s (hung?)",
                                       cmd, QMP_TIMEOUT_MS / 1000);
                if (rc)
                        return why_set(why, why_len, rc, "QMP %s: %s", cmd,
                                       rc == -EPIPE ? "QEMU closed the connection" : rc == -ESRCH ? "QEMU exited" : strerror(-rc));
                msg = json_tokener_parse(line);
                free(line);
                line = NULL;
                if (!msg)
                        return why_set(why, why_len, -EPROTO, "QMP %s: unparsable answer", cmd);
                if (json_object_object_get_ex(msg, "return", &v)) {
                        if (ret)
                                *ret = json_object_get(v);
                        json_object_put(msg);
                        return 0;
                }
                if (json_object_object_get_ex(msg, "error", &v)) {
                        json_object *d = NULL;
                        json_object_object_get_ex(v, "desc", &d);
                        rc = why_set(why, why_len, -EIO, "QMP %s: %s", cmd,
                                     d ? json_object_get_string(d) : "error");
                        json_object_put(msg);
                        return rc;
                }
                json_object_put(msg);           /* an event or the greeting: not our answer */
        }
}

static int qmp_cmd(struct cc_vm *vm, const char *cmd, json_object *args, json_object **ret,
                   char *why, size_t why_len)
{
        return qmp_cmd_fd(vm, cmd, args, -1, ret, why, why_len);
}

static int qmp_connect(struct cc_vm *vm, char *why, size_t why_len)
{
        char path[PATH_MAX], *line = NULL;
        int rc;

        qmp_close(vm);
        rc = path_join(path, sizeof(path), vm->run_dir, "qmp.sock");
        if (rc == 0)
                rc = unix_connect(path);
        if (rc < 0)
                return why_set(why, why_len, rc, "connect %s: %s", path, strerror(-rc));
        vm->qmp_fd = rc;
        rc = line_read(vm->qmp_fd, vm->pidfd, &vm->qmp_in, QMP_TIMEOUT_MS, &line);     /* greeting */
        free(line);
        if (rc) {
                qmp_close(vm);
                if (rc == -ETIMEDOUT)
                        return why_set(why, why_len, rc, "QEMU did not greet on QMP within %d s (hung?)",
                                       QMP_TIMEOUT_MS / 1000);
                return why_set(why, why_len, rc, "no QMP greeting from QEMU: %s", strerror(-rc));
        }
        return qmp_cmd(vm, "qmp_capabilities", NULL, NULL, why, why_len);
}

static int qmp_set_caps(struct cc_vm *vm, bool ignore_shared, char *why, size_t why_len)
{
        json_object *args = json_object_new_object(), *caps = json_object_new_array(), *c;

        c = json_object_new_object();
        json_object_object_add(c, "capability", json_object_new_string("x-ignore-shared"));
        json_object_object_add(c, "state", json_object_new_boolean(ignore_shared));
        json_object_array_add(caps, c);
        json_object_object_add(args, "capabilities", caps);
        return qmp_cmd(vm, "migrate-set-capabilities", args, NULL, why, why_len);
}

/* Wait until the outgoing (query-migrate) or incoming (query-status leaves "inmigrate") migration
 * ends. QEMU 7.2 has no completion event without the "events" capability, and a finished
 * migration is quick at our sizes, so we ask at 2 ms intervals; each answer is bounded. */
static int qmp_wait_migration(struct cc_vm *vm, bool incoming, unsigned timeout_ms, char *why, size_t why_len)
{
        uint64_t deadline = mono_ns() + (uint64_t)timeout_ms * 1000000ull;

        for (;;) {
                json_object *r = NULL, *s = NULL;
                const char *st;
                int rc = qmp_cmd(vm, incoming ? "query-status" : "query-migrate", NULL, &r, why, why_len);
                if (rc)
                        return rc;
                json_object_object_get_ex(r, "status", &s);
                st = s ? json_object_get_string(s) : "";
                if (incoming ? strcmp(st, "inmigrate") != 0 : !strcmp(st, "completed")) {
                        rc = 0;
                        if (incoming && strcmp(st, "paused") && strcmp(st, "prelaunch") &&
                            strcmp(st, "running") && strcmp(st, "postmigrate"))
                                rc = why_set(why, why_len, -EIO, "incoming migration ended in state '%s'", st);
                        json_object_put(r);
                        return rc;
                }
                if (!incoming && (!strcmp(st, "failed") || !strcmp(st, "cancelled"))) {
                        json_object *e = NULL;
                        json_object_object_get_ex(r, "error-desc", &e);
                        rc = why_set(why, why_len, -EIO, "migration %s: %s", st,
                                     e ? json_object_get_string(e) : "no detail");
                        json_object_put(r);
                        return rc;
                }
                json_object_put(r);
                if (mono_ns() > deadline)
                        return why_set(why, why_len, -ETIMEDOUT, "migration did not finish within %u s",
                                       timeout_ms / 1000);
                usleep(2000);
        }
}

/* ---------------------------------------------------------------------------------------------- */
/* process lifetime                                                                                 */

static int pidfd_open_compat(pid_t pid)
{
        return (int)syscall(SYS_pidfd_open, pid, 0);
}

/* Has QEMU exited? Reaps it when it is our child. */
static bool vm_exited(struct cc_vm *vm)
{
        char path[64], st = 0;
        FILE *f;

        if (vm->pid <= 0)
                return true;
        if (vm->is_child) {
                int status;
                pid_t r = waitpid(vm->pid, &status, WNOHANG);
                if (r == vm->pid || (r < 0 && errno == ECHILD)) {
                        if (r == vm->pid && WIFSIGNALED(status))
                                snprintf(vm->exit_desc, sizeof(vm->exit_desc), "killed by signal %d",
                                         WTERMSIG(status));
                        else if (r == vm->pid && WIFEXITED(status))
                                snprintf(vm->exit_desc, sizeof(vm->exit_desc), "exit status %d",
                                         WEXITSTATUS(status));
                        vm->is_child = false;
                        vm->pid = -vm->pid;     /* remember it for messages, never signal it again */
                        return true;
                }
                return false;
        }
        if (kill(vm->pid, 0) < 0 && errno == ESRCH)
                return true;
        snprintf(path, sizeof(path), "/proc/%d/stat", vm->pid);
        f = fopen(path, "re");
        if (!f)
                return true;
        if (fscanf(f, "%*d (%*[^)]) %c", &st) != 1)
                st = 'Z';
        fclose(f);
        return st == 'Z' || st == 'X';
}

static int vm_pid(const struct cc_vm *vm)
{
        return vm->pid < 0 ? -vm->pid : vm->pid;
}

/* Wait for QEMU to exit (pidfd: an event, not polling), at most timeout_ms. */
static bool vm_wait_exit(struct cc_vm *vm, unsigned timeout_ms)
{
        uint64_t deadline = mono_ns() + (uint64_t)timeout_ms * 1000000ull;

        while (!vm_exited(vm)) {
                int64_t left = ((int64_t)deadline - (int64_t)mono_ns()) / 1000000;
                if (left <= 0)
                        return false;
                if (vm->pidfd >= 0) {
                        struct pollfd p = { .fd = vm->pidfd, .events = POLLIN };
                        poll(&p, 1, (int)(left > 100 ? 100 : left));
                } else {
                        usleep(10000);
                }
        }
        return true;
}

static void vm_mark_exited(struct cc_vm *vm, const char *what)
{
        char tail[TAIL_BYTES + 1];

        if (vm->state == CC_VM_EXITED)
                return;
        vm->state = CC_VM_EXITED;
        log_tail(vm->run_dir, tail, sizeof(tail));
        snprintf(vm->reason, sizeof(vm->reason), "%s (qemu pid %d%s%s)%s%s", what, vm_pid(vm),
                 vm->exit_desc[0] ? ", " : "", vm->exit_desc, tail[0] ? "; qemu said: " : "", tail);
}

static void vm_kill(struct cc_vm *vm)
{
        if (vm->pid > 0 && !vm_exited(vm)) {
                kill(vm->pid, SIGKILL);
                vm_wait_exit(vm, 5000);
        }
}

/* ---------------------------------------------------------------------------------------------- */
/* vm.json: config recorded for clones (vm_config_json) and for adopt()                            */

static json_object *conf_to_json(const struct vm_conf *c)
{
        json_object *o = json_object_new_object();
        json_object_object_add(o, "kernel", json_object_new_string(c->kernel));
        json_object_object_add(o, "initrd", json_object_new_string(c->initrd));
        json_object_object_add(o, "cmdline", json_object_new_string(c->cmdline));
        json_object_object_add(o, "binary", json_object_new_string(c->binary));
        json_object_object_add(o, "accel", json_object_new_string(c->accel));
        json_object_object_add(o, "mac", json_object_new_string(c->mac));
        json_object_object_add(o, "mem_bytes", json_object_new_int64((int64_t)c->mem_bytes));
        json_object_object_add(o, "vcpus", json_object_new_int((int)c->vcpus));
        json_object_object_add(o, "guest_port", json_object_new_int((int)c->guest_port));
        return o;
}

static int json_str(json_object *o, const char *key, char *out, size_t len)
{
        json_object *v;
        if (!json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_string))
                return -EINVAL;
        if (strlen(json_object_get_string(v)) >= len)
                return -ENAMETOOLONG;
        snprintf(out, len, "%s", json_object_get_string(v));
        return 0;
}

static int json_u64(json_object *o, const char *key, uint64_t *out)
{
        json_object *v;
        if (!json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_int) ||
            json_object_get_int64(v) < 0)
                return -EINVAL;
        *out = (uint64_t)json_object_get_int64(v);
        return 0;
}

static int conf_from_json(json_object *o, struct vm_conf *c, char *why, size_t why_len)
{
        uint64_t vcpus = 0, port = 0;

        memset(c, 0, sizeof(*c));
        if (json_str(o, "kernel", c->kernel, sizeof(c->kernel)) || json_str(o, "initrd", c->initrd, sizeof(c->initrd)) ||
            json_str(o, "cmdline", c->cmdline, sizeof(c->cmdline)) || json_str(o, "binary", c->binary, sizeof(c->binary)) ||
            json_str(o, "accel", c->accel, sizeof(c->accel)) || json_str(o, "mac", c->mac, sizeof(c->mac)) ||
            json_u64(o, "mem_bytes", &c->mem_bytes) || json_u64(o, "vcpus", &vcpus) || json_u64(o, "guest_port", &port))
                return why_set(why, why_len, -EINVAL, "VM config: a field is missing or has the wrong type");
        if (c->mem_bytes == 0 || c->mem_bytes > MAX_MEM_BYTES || c->mem_bytes % (1 << 20) ||
            vcpus == 0 || vcpus > MAX_VCPUS || port == 0 || port > 65535)
                return why_set(why, why_len, -EINVAL, "VM config: memory, vcpus or guest_port out of range");
        c->vcpus = (unsigned)vcpus;
        c->guest_port = (unsigned)port;
        return 0;
}

static int write_state_file(struct cc_vm *vm)
{
        json_object *o = json_object_new_object();
        char path[PATH_MAX], pidtext[32];
        const char *text;
        int rc;

        json_object_object_add(o, "conf", conf_to_json(&vm->conf));
        json_object_object_add(o, "mem_path", json_object_new_string(vm->mem_path));
        json_object_object_add(o, "mem_shared", json_object_new_boolean(vm->mem_shared));
        json_object_object_add(o, "host_port", json_object_new_int((int)vm->host_port));
        json_object_object_add(o, "expect_id", json_object_new_string(vm->expect_id));
        json_object_object_add(o, "identity", json_object_new_string(vm->identity_line));
        text = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PRETTY);
        rc = path_join(path, sizeof(path), vm->run_dir, "vm.json");
        if (rc == 0) {
                FILE *f = fopen(path, "we");
                if (!f || fputs(text, f) < 0)
                        rc = -errno;
                if (f && fclose(f) && !rc)
                        rc = -errno;
        }
        json_object_put(o);
        if (rc)
                return rc;
        snprintf(pidtext, sizeof(pidtext), "%d\n", vm->pid);
        rc = path_join(path, sizeof(path), vm->run_dir, "qemu.pid");
        if (rc == 0) {
                FILE *f = fopen(path, "we");
                if (!f || fputs(pidtext, f) < 0)
                        rc = -errno;
                if (f && fclose(f) && !rc)
                        rc = -errno;
        }
        return rc;
}

/* ---------------------------------------------------------------------------------------------- */
/* VM handle                                                                                        */

static struct cc_vm *vm_new(const char *run_dir)
{
        struct cc_vm *vm = calloc(1, sizeof(*vm));
        if (!vm)
                return NULL;
        pthread_mutex_init(&vm->lock, NULL);
        vm->pidfd = vm->qmp_fd = vm->agent_fd = -1;
        vm->state = CC_VM_STARTING;
        snprintf(vm->run_dir, sizeof(vm->run_dir), "%s", run_dir);
        return vm;
}

static void qemu_destroy(struct cc_vm *vm)
{
        if (!vm)
                return;
        qmp_close(vm);
        if (vm->agent_fd >= 0)
                close(vm->agent_fd);
        if (vm->pidfd >= 0)
                close(vm->pidfd);
        if (vm->is_child)
                vm_exited(vm);          /* reap if already gone; a live VM stays up */
        free(vm->qmp_in.buf);
        free(vm->agent_in.buf);
        pthread_mutex_destroy(&vm->lock);
        free(vm);
}

/* ---------------------------------------------------------------------------------------------- */
/* guest agent                                                                                      */

static int agent_connect(struct cc_vm *vm, char *why, size_t why_len)
{
        char path[PATH_MAX];
        int rc;

        if (vm->agent_fd >= 0)
                close(vm->agent_fd);
        vm->agent_fd = -1;
        vm->agent_in.have = 0;
        rc = path_join(path, sizeof(path), vm->run_dir, "agent.sock");
        if (rc == 0)
                rc = unix_connect(path);
        if (rc < 0)
                return why_set(why, why_len, rc, "connect %s: %s", path, strerror(-rc));
        vm->agent_fd = rc;
        return 0;
}

/* Consume what the agent said so far; flips STARTING -> RUNNING on "ready <expected id>". */
static void agent_drain(struct cc_vm *vm)
{
        char *line = NULL;

        while (vm->agent_fd >= 0) {
                int rc = line_read(vm->agent_fd, -1, &vm->agent_in, 0, &line);
                if (rc || !line) {
                        if (rc) {               /* QEMU went away or the agent lied: stop listening */
                                close(vm->agent_fd);
                                vm->agent_fd = -1;
                        }
                        return;
                }
                if (!strncmp(line, "ready ", 6)) {
                        if (!strcmp(line + 6, vm->expect_id)) {
                                if (vm->state == CC_VM_STARTING)
                                        vm->state = vm->paused ? CC_VM_PAUSED : CC_VM_RUNNING;
                        } else if (vm->identity_line[0]) {
                                /* The guest still speaks as its parent: it has not taken the
                                 * identity yet (or lost it to a restart of the agent). */
                                send_all(vm->agent_fd, vm->identity_line);
                        }
                } else if (!strncmp(line, "stats ", 6)) {
                        struct timespec now;
                        clock_gettime(CLOCK_REALTIME, &now);
                        snprintf(vm->last_stats, sizeof(vm->last_stats), "%s", line + 6);
                        vm->last_stats_us = (uint64_t)now.tv_sec * 1000000u + (uint64_t)now.tv_nsec / 1000u;
                }
                free(line);
        }
}

/* ---------------------------------------------------------------------------------------------- */
/* spawning QEMU                                                                                    */

struct argv_buf {
        char *v[96];
        char store[8192];
        size_t used;
        int n;
        int err;
};

static void arg(struct argv_buf *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void arg(struct argv_buf *a, const char *fmt, ...)
{
        va_list ap;
        int n;

        if (a->err)
                return;
        if (a->n >= (int)(sizeof(a->v) / sizeof(a->v[0])) - 1) {
                a->err = -E2BIG;
                return;
        }
        va_start(ap, fmt);
        n = vsnprintf(a->store + a->used, sizeof(a->store) - a->used, fmt, ap);
        va_end(ap);
        if (n < 0 || (size_t)n >= sizeof(a->store) - a->used) {
                a->err = -E2BIG;
                return;
        }
        a->v[a->n++] = a->store + a->used;
        a->v[a->n] = NULL;
        a->used += (size_t)n + 1;
}

/* Device configuration shared by parents and clones: migration needs both sides identical. */
static int build_argv(const struct cc_vm *vm, bool incoming, struct argv_buf *a)
{
        const struct vm_conf *c = &vm->conf;
        unsigned mib = (unsigned)(c->mem_bytes >> 20);

        memset(a, 0, sizeof(*a));
        arg(a, "%s", c->binary);
        arg(a, "-name"); arg(a, "snowscale-%s", strrchr(vm->run_dir, '/') ? strrchr(vm->run_dir, '/') + 1 : vm->run_dir);
        arg(a, "-accel"); arg(a, "%s", c->accel);
        arg(a, "-M"); arg(a, "pc");
        arg(a, "-m"); arg(a, "%u", mib);
        arg(a, "-smp"); arg(a, "%u", c->vcpus);
        arg(a, "-object");
        arg(a, "memory-backend-file,id=ram0,size=%uM,mem-path=%s,share=%s", mib, vm->mem_path,
            vm->mem_shared ? "on" : "off");
        arg(a, "-machine"); arg(a, "memory-backend=ram0");
        arg(a, "-nodefaults"); arg(a, "-display"); arg(a, "none"); arg(a, "-vga"); arg(a, "none");
        arg(a, "-no-reboot");
        arg(a, "-serial"); arg(a, "file:%s/console.log", vm->run_dir);
        arg(a, "-netdev"); arg(a, "user,id=n0,hostfwd=tcp:127.0.0.1:%u-:%u", vm->host_port, c->guest_port);
        /* romfile= : no iPXE option ROM (we boot -kernel); it would only grow the descriptor. */
        arg(a, "-device"); arg(a, "virtio-net-pci,netdev=n0,mac=%s,romfile=", c->mac);
        arg(a, "-device"); arg(a, "virtio-serial-pci,id=vser0");
        arg(a, "-chardev"); arg(a, "socket,id=agent,fd=4,server=on,wait=off");
        arg(a, "-device"); arg(a, "virtserialport,bus=vser0.0,chardev=agent,name=%s", AGENT_PORT_NAME);
        arg(a, "-chardev"); arg(a, "socket,id=qmp,fd=3,server=on,wait=off");
        arg(a, "-mon"); arg(a, "chardev=qmp,mode=control");
        arg(a, "-kernel"); arg(a, "%s", c->kernel);
        arg(a, "-initrd"); arg(a, "%s", c->initrd);
        arg(a, "-append"); arg(a, "%s", c->cmdline);
        if (incoming) {
                arg(a, "-S");
                arg(a, "-incoming"); arg(a, "defer");
        }
        return a->err;
}

/* Start QEMU for vm (conf, mem_path, mem_shared, host_port, run_dir set); connects QMP. */
static int spawn_qemu(struct cc_vm *vm, bool incoming, char *why, size_t why_len)
{
        struct argv_buf *a = NULL;
        char qmp_path[PATH_MAX], agent_path[PATH_MAX], log_path[PATH_MAX];
        int qmp_l = -1, agent_l = -1, log_fd = -1, rc;
        pid_t pid;

        a = malloc(sizeof(*a));
        if (!a)
                return why_set(why, why_len, -ENOMEM, "out of memory");
        rc = build_argv(vm, incoming, a);
        if (rc) {
                rc = why_set(why, why_len, rc, "QEMU command line too long");
                goto out;
        }
        if (path_join(qmp_path, sizeof(qmp_path), vm->run_dir, "qmp.sock") ||
            path_join(agent_path, sizeof(agent_path), vm->run_dir, "agent.sock") ||
            path_join(log_path, sizeof(log_path), vm->run_dir, "qemu.log")) {
                rc = why_set(why, why_len, -ENAMETOOLONG, "run dir path too long: %s", vm->run_dir);
                goto out;
        }
        qmp_l = unix_listen(qmp_path);
        agent_l = qmp_l < 0 ? -1 : unix_listen(agent_path);
        if (qmp_l < 0 || agent_l < 0) {
                rc = qmp_l < 0 ? qmp_l : agent_l;
                rc = why_set(why, why_len, rc, "listen on %s: %s", qmp_l < 0 ? qmp_path : agent_path,
                             strerror(-rc));
                goto out;
        }
        log_fd = open(log_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
        if (log_fd < 0) {
                rc = why_set(why, why_len, -errno, "%s: %s", log_path, strerror(errno));
                goto out;
        }
        pid = fork();
        if (pid < 0) {
                rc = why_set(why, why_len, -errno, "fork: %s", strerror(errno));
                goto out;
        }
        if (pid == 0) {
                /* Own session: the VM outlives a restart of its manager (adopt() takes it back) and
                 * a terminal's ^C does not reach it. Only fds 0-4 survive exec; move them above
                 * 4 first so no dup2 overwrites a source still to be copied. */
                int nul = open("/dev/null", O_RDONLY);
                int hq = fcntl(qmp_l, F_DUPFD_CLOEXEC, 10), ha = fcntl(agent_l, F_DUPFD_CLOEXEC, 10);
                int hl = fcntl(log_fd, F_DUPFD_CLOEXEC, 10), hn = nul < 0 ? -1 : fcntl(nul, F_DUPFD_CLOEXEC, 10);
                sigset_t all;
                setsid();
                sigemptyset(&all);
                sigprocmask(SIG_SETMASK, &all, NULL);
                if (hn < 0 || hq < 0 || ha < 0 || hl < 0 || dup2(hn, 0) < 0 || dup2(hl, 1) < 0 ||
                    dup2(hl, 2) < 0 || dup2(hq, 3) < 0 || dup2(ha, 4) < 0)
                        _exit(127);
                execvp(a->v[0], a->v);
                dprintf(2, "exec %s: %s\n", a->v[0], strerror(errno));
                _exit(127);
        }
        vm->pid = pid;
        vm->is_child = true;
        vm->pidfd = pidfd_open_compat(pid);
        rc = write_state_file(vm);
        if (rc) {
                rc = why_set(why, why_len, rc, "write %s/vm.json: %s", vm->run_dir, strerror(-rc));
                vm_kill(vm);
                goto out;
        }
        /* The listening sockets exist already, so this connect succeeds at once; QEMU greets us
         * once it has parsed its command line (or exits, which the read reports). */
        rc = qmp_connect(vm, why, why_len);
        if (rc) {
                if (vm_wait_exit(vm, 2000))
                        vm_mark_exited(vm, "QEMU exited at start");
                else
                        vm_kill(vm);
                if (vm->state == CC_VM_EXITED)
                        why_set(why, why_len, rc, "%s", vm->reason);
                goto out;
        }
        rc = agent_connect(vm, why, why_len);
out:
        if (qmp_l >= 0)
                close(qmp_l);
        if (agent_l >= 0)
                close(agent_l);
        if (log_fd >= 0)
                close(log_fd);
        free(a);
        return rc;
}

/* ---------------------------------------------------------------------------------------------- */
/* ops                                                                                              */

/* Where a VM's own RAM file lives: its run dir, unless SNOWSCALE_RAM_DIR names another directory
 * (e.g. /dev/shm, so that guest RAM is never written back to a disk). The file name is derived
 * from the run dir so adopt() and retire find it again through vm.json. */
static int own_ram_path(const char *run_dir, char *out, size_t len)
{
        const char *dir = getenv("SNOWSCALE_RAM_DIR");
        uint64_t h = 1469598103934665603ull;

        if (!dir || !*dir)
                return path_join(out, len, run_dir, "ram");
        for (const char *p = run_dir; *p; p++)
                h = (h ^ (uint8_t)*p) * 1099511628211ull;
        int n = snprintf(out, len, "%s/snowscale-%016" PRIx64 ".ram", dir, h);
        return n < 0 || (size_t)n >= len ? -ENAMETOOLONG : 0;
}

static bool is_own_ram(const struct cc_vm *vm)
{
        char want[PATH_MAX];
        return vm->mem_shared && own_ram_path(vm->run_dir, want, sizeof(want)) == 0 &&
               !strcmp(want, vm->mem_path);
}

static int find_binary(const char *name, char *out, size_t len)
{
        const char *path = getenv("PATH");
        char buf[PATH_MAX];

        if (strchr(name, '/')) {
                if (access(name, X_OK) < 0)
                        return -errno;
                snprintf(out, len, "%s", name);
                return 0;
        }
        if (!path)
                path = "/usr/bin:/bin";
        while (*path) {
                const char *end = strchr(path, ':');
                size_t n = end ? (size_t)(end - path) : strlen(path);
                if (n && n + strlen(name) + 2 < sizeof(buf)) {
                        snprintf(buf, sizeof(buf), "%.*s/%s", (int)n, path, name);
                        if (access(buf, X_OK) == 0) {
                                snprintf(out, len, "%s", buf);
                                return 0;
                        }
                }
                if (!end)
                        break;
                path = end + 1;
        }
        return -ENOENT;
}

static int qemu_probe(char *why, size_t why_len)
{
        char path[PATH_MAX];
        const char *bin = getenv("SNOWSCALE_QEMU");

        if (find_binary(bin ? bin : DEFAULT_BINARY, path, sizeof(path)) < 0)
                return why_set(why, why_len, -ENODEV, "%s not found in PATH (apt-get install qemu-system-x86)",
                               bin ? bin : DEFAULT_BINARY);
        return 0;
}

static int check_file(const char *what, const char *path, uint64_t min_size, char *why, size_t why_len)
{
        struct stat st;

        if (!path || !*path)
                return why_set(why, why_len, -EINVAL, "%s: no path given", what);
        if (stat(path, &st) < 0)
                return why_set(why, why_len, -errno, "%s %s: %s", what, path, strerror(errno));
        if (!S_ISREG(st.st_mode))
                return why_set(why, why_len, -EINVAL, "%s %s: not a regular file", what, path);
        if ((uint64_t)st.st_size < min_size)
                return why_set(why, why_len, -EINVAL, "%s %s: %lld bytes, needs %" PRIu64, what, path,
                               (long long)st.st_size, min_size);
        return 0;
}

static int qemu_boot_parent(const struct cc_vm_config *cfg, struct cc_vm **ret, char *why, size_t why_len)
{
        struct cc_vm *vm = NULL;
        int rc, fd;

        if (!cfg || !cfg->run_dir || !ret)
                return why_set(why, why_len, -EINVAL, "boot_parent: missing config or run_dir");
        if (cfg->mem_bytes == 0 || cfg->mem_bytes > MAX_MEM_BYTES || cfg->mem_bytes % (1 << 20))
                return why_set(why, why_len, -EINVAL, "memory must be a positive multiple of 1 MiB up to 1 TiB");
        if (cfg->vcpus == 0 || cfg->vcpus > MAX_VCPUS)
                return why_set(why, why_len, -EINVAL, "vcpus must be 1..%d", MAX_VCPUS);
        if (cfg->host_port == 0 || cfg->host_port > 65535)
                return why_set(why, why_len, -EINVAL, "host_port must be 1..65535");
        rc = check_file("kernel", cfg->kernel, 1, why, why_len);
        if (rc == 0)
                rc = check_file("initrd", cfg->initrd, 1, why, why_len);
        if (rc)
                return rc;
        vm = vm_new(cfg->run_dir);
        if (!vm)
                return why_set(why, why_len, -ENOMEM, "out of memory");
        if (mkdir(cfg->run_dir, 0755) < 0 && errno != EEXIST) {
                rc = why_set(why, why_len, -errno, "mkdir %s: %s", cfg->run_dir, strerror(errno));
                goto out;
        }
        snprintf(vm->conf.kernel, sizeof(vm->conf.kernel), "%s", cfg->kernel);
        snprintf(vm->conf.initrd, sizeof(vm->conf.initrd), "%s", cfg->initrd);
        snprintf(vm->conf.cmdline, sizeof(vm->conf.cmdline), "%s",
                 cfg->cmdline && *cfg->cmdline ? cfg->cmdline : "console=ttyS0 quiet");
        rc = find_binary(cfg->binary ? cfg->binary : (getenv("SNOWSCALE_QEMU") ? getenv("SNOWSCALE_QEMU") : DEFAULT_BINARY),
                         vm->conf.binary, sizeof(vm->conf.binary));
        if (rc) {
                rc = why_set(why, why_len, -ENODEV, "QEMU binary %s not found", cfg->binary ? cfg->binary : DEFAULT_BINARY);
                goto out;
        }
        rc = resolve_accel(cfg->accel, vm->conf.accel, sizeof(vm->conf.accel), why, why_len);
        if (rc)
                goto out;
        snprintf(vm->conf.mac, sizeof(vm->conf.mac), "52:54:00:12:34:56");
        vm->conf.mem_bytes = cfg->mem_bytes;
        vm->conf.vcpus = cfg->vcpus;
        vm->conf.guest_port = cfg->guest_port ? cfg->guest_port : 80;
        vm->host_port = cfg->host_port;
        vm->mem_shared = true;
        snprintf(vm->expect_id, sizeof(vm->expect_id), "parent");
        rc = own_ram_path(cfg->run_dir, vm->mem_path, sizeof(vm->mem_path));
        if (rc) {
                rc = why_set(why, why_len, rc, "run dir path too long");
                goto out;
        }
        /* Create the RAM file ourselves at its full size: QEMU would silently create a missing
         * mem-path too, and a sparse file costs nothing until the guest touches a page. */
        fd = open(vm->mem_path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd < 0 || ftruncate(fd, (off_t)cfg->mem_bytes) < 0) {
                rc = why_set(why, why_len, -errno, "%s: %s", vm->mem_path, strerror(errno));
                if (fd >= 0)
                        close(fd);
                goto out;
        }
        close(fd);
        rc = spawn_qemu(vm, false, why, why_len);
        if (rc)
                goto out;
        rc = send_all(vm->agent_fd, "hello\n");
        if (rc) {
                rc = why_set(why, why_len, rc, "guest agent socket: %s", strerror(-rc));
                goto out;
        }
        *ret = vm;
        vm = NULL;
out:
        if (vm) {
                vm_kill(vm);
                qemu_destroy(vm);
        }
        return rc;
}

/* Copy [off, off+len) from in to out at the same offset: in-kernel where it can, else through a
 * buffer (copy_file_range refuses some filesystem pairs, e.g. tmpfs -> ext4, with EXDEV). */
static int copy_range(int in, int out, off_t off, size_t len)
{
        enum { BUF = 1 << 20 };
        off_t o_in = off, o_out = off;
        char *buf = NULL;
        int rc = 0;

        while (len) {
                ssize_t n = copy_file_range(in, &o_in, out, &o_out, len, 0);
                if (n > 0) {
                        len -= (size_t)n;
                        continue;
                }
                if (n == 0)
                        return -EIO;
                if (errno != EXDEV && errno != EINVAL && errno != EOPNOTSUPP && errno != ENOSYS)
                        return -errno;
                buf = malloc(BUF);
                if (!buf)
                        return -ENOMEM;
                while (len) {
                        size_t k = len < BUF ? len : BUF;
                        ssize_t r = pread(in, buf, k, o_in);
                        if (r <= 0) {
                                rc = r < 0 ? -errno : -EIO;
                                break;
                        }
                        if (pwrite(out, buf, (size_t)r, o_out) != r) {
                                rc = -errno;
                                break;
                        }
                        o_in += r;
                        o_out += r;
                        len -= (size_t)r;
                }
                free(buf);
                return rc;
        }
        return 0;
}

/* Calls fn(start, end, ctx) for each data extent of fd below size, in order; holes are skipped,
 * so a sparse RAM file stays sparse and is never read where it has nothing. Stops at fn's first
 * non-zero return and returns it. */
static int for_each_data_extent(int fd, uint64_t size, int (*fn)(off_t start, off_t end, void *ctx),
                                void *ctx)
{
        off_t pos = 0;

        while ((uint64_t)pos < size) {
                off_t data = lseek(fd, pos, SEEK_DATA), hole;
                int rc;

                if (data < 0)
                        break;                  /* ENXIO: only holes remain */
                hole = lseek(fd, data, SEEK_HOLE);
                if (hole < 0)
                        return -errno;
                if ((uint64_t)hole > size)
                        hole = (off_t)size;
                rc = fn(data, hole, ctx);
                if (rc)
                        return rc;
                pos = hole;
        }
        return 0;
}

static int copy_extent(off_t start, off_t end, void *ctx)
{
        const int *fds = ctx;                   /* { in, out } */
        return copy_range(fds[0], fds[1], start, (size_t)(end - start));
}

struct diff_ctx {
        const uint8_t *s;
        uint8_t *d;
        uint64_t changed;
};

static int diff_extent(off_t start, off_t end, void *ctx)
{
        struct diff_ctx *dc = ctx;

        for (uint64_t o = (uint64_t)start & ~4095ull; o < (uint64_t)end; o += 4096)
                if (memcmp(dc->s + o, dc->d + o, 4096)) {
                        memcpy(dc->d + o, dc->s + o, 4096);
                        dc->changed++;
                }
        return 0;
}

/* Copy src to dst (new file), keeping holes: only SEEK_DATA extents are copied, in-kernel. */
static int copy_sparse(const char *src, const char *dst, uint64_t size)
{
        int in = -1, out = -1, rc = 0;

        in = open(src, O_RDONLY | O_CLOEXEC);
        if (in < 0)
                return -errno;
        out = open(dst, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (out < 0) {
                rc = -errno;
                goto out;
        }
        if (ftruncate(out, (off_t)size) < 0) {
                rc = -errno;
                goto out;
        }
        if (ioctl(out, FICLONE, in) == 0)       /* reflink where the filesystem can (btrfs, xfs) */
                goto out;
        rc = for_each_data_extent(in, size, copy_extent, (int[]){ in, out });
out:
        if (in >= 0)
                close(in);
        if (out >= 0 && close(out) < 0 && !rc)
                rc = -errno;
        return rc;
}

/* The second half of the freeze copy. The whole RAM file was copied to dst while the parent ran;
 * now, with the parent stopped, bring dst up to date by comparing page by page and writing only
 * the pages that differ. Comparing needs no help from the kernel (soft-dirty tracking is not
 * built into every kernel) and is right by construction; it reads what the parent has touched
 * twice, from the page cache, and writes only what changed during the pre-copy. */
static int copy_diff(const char *src, const char *dst, uint64_t size, uint64_t *ret_pages)
{
        uint8_t *s = MAP_FAILED, *d = MAP_FAILED;
        int in = -1, out = -1, rc = 0;

        in = open(src, O_RDONLY | O_CLOEXEC);
        out = open(dst, O_RDWR | O_CLOEXEC);
        if (in < 0 || out < 0) {
                rc = -errno;
                goto out;
        }
        s = mmap(NULL, size, PROT_READ, MAP_SHARED, in, 0);
        d = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, out, 0);
        if (s == MAP_FAILED || d == MAP_FAILED) {
                rc = -errno;
                goto out;
        }
        struct diff_ctx dc = { .s = s, .d = d };
        rc = for_each_data_extent(in, size, diff_extent, &dc);
        if (rc == 0)
                *ret_pages = dc.changed;
out:
        if (s != MAP_FAILED)
                munmap(s, size);
        if (d != MAP_FAILED)
                munmap(d, size);
        if (in >= 0)
                close(in);
        if (out >= 0)
                close(out);
        return rc;
}

/* Hand QEMU an open file as a named fd (QMP getfd) for a "fd:NAME" migration URI. Regular files
 * rather than "exec:cat" pipes: no shell and cat forked inside the parent's pause, and QEMU's
 * reads of a file never block, so an incoming migration is not paced by the main loop. */
static int qmp_give_fd(struct cc_vm *vm, int fd, const char *name, char *why, size_t why_len)
{
        json_object *args = json_object_new_object();

        json_object_object_add(args, "fdname", json_object_new_string(name));
        return qmp_cmd_fd(vm, "getfd", args, fd, NULL, why, why_len);
}

static int migrate_to(struct cc_vm *vm, const char *path, bool ignore_shared, char *why, size_t why_len)
{
        json_object *args;
        int rc, fd;

        rc = qmp_set_caps(vm, ignore_shared, why, why_len);
        if (rc)
                return rc;
        /* QEMU throttles outgoing migration to 32 MiB/s by default (meant for live migration over
         * a shared link); ours goes to a local file with the VM stopped, so lift the limit. */
        args = json_object_new_object();
        json_object_object_add(args, "max-bandwidth", json_object_new_int64(INT64_C(1) << 40));
        rc = qmp_cmd(vm, "migrate-set-parameters", args, NULL, why, why_len);
        if (rc)
                return rc;
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0)
                return why_set(why, why_len, -errno, "%s: %s", path, strerror(errno));
        rc = qmp_give_fd(vm, fd, "ccstate", why, why_len);
        close(fd);                              /* QEMU holds its own copy now */
        if (rc)
                return rc;
        args = json_object_new_object();
        json_object_object_add(args, "uri", json_object_new_string("fd:ccstate"));
        rc = qmp_cmd(vm, "migrate", args, NULL, why, why_len);
        if (rc == 0)
                rc = qmp_wait_migration(vm, false, MIGRATE_TIMEOUT_MS, why, why_len);
        return rc;
}

static int migrate_from(struct cc_vm *vm, const char *path, bool ignore_shared, char *why, size_t why_len)
{
        json_object *args;
        int rc, fd;

        rc = qmp_set_caps(vm, ignore_shared, why, why_len);
        if (rc)
                return rc;
        fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
                return why_set(why, why_len, -errno, "%s: %s", path, strerror(errno));
        rc = qmp_give_fd(vm, fd, "ccstate", why, why_len);
        close(fd);
        if (rc)
                return rc;
        args = json_object_new_object();
        json_object_object_add(args, "uri", json_object_new_string("fd:ccstate"));
        rc = qmp_cmd(vm, "migrate-incoming", args, NULL, why, why_len);
        if (rc == 0)
                rc = qmp_wait_migration(vm, true, MIGRATE_TIMEOUT_MS, why, why_len);
        return rc;
}

/* A clone (MAP_PRIVATE RAM) becomes a VM with a RAM file of its own, paused at the same point:
 * full migration (RAM included) into a new QEMU with share=on on run_dir/ram. The old QEMU must
 * be gone before the new one binds the same hostfwd port. Called with the VM stopped. */
static int move_to_own_ram(struct cc_vm *vm, char *why, size_t why_len)
{
        char stream[PATH_MAX], ram[PATH_MAX];
        int rc, fd;

        if (path_join(stream, sizeof(stream), vm->run_dir, "full.stream") ||
            own_ram_path(vm->run_dir, ram, sizeof(ram)))
                return why_set(why, why_len, -ENAMETOOLONG, "run dir path too long");
        rc = migrate_to(vm, stream, false, why, why_len);
        if (rc)
                return rc;
        qmp_cmd(vm, "quit", NULL, NULL, NULL, 0);
        if (!vm_wait_exit(vm, 10000))
                vm_kill(vm);
        qmp_close(vm);
        if (vm->pidfd >= 0)
                close(vm->pidfd);
        vm->pidfd = -1;
        fd = open(ram, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd < 0 || ftruncate(fd, (off_t)vm->conf.mem_bytes) < 0) {
                rc = why_set(why, why_len, -errno, "%s: %s", ram, strerror(errno));
                if (fd >= 0)
                        close(fd);
                goto out;
        }
        close(fd);
        snprintf(vm->mem_path, sizeof(vm->mem_path), "%s", ram);
        vm->mem_shared = true;
        rc = spawn_qemu(vm, true, why, why_len);
        if (rc == 0)
                rc = migrate_from(vm, stream, false, why, why_len);
out:
        unlink(stream);
        return rc;
}

static int qemu_checkpoint(struct cc_vm *vm, const char *gen_dir, struct cc_checkpoint *ret,
                           char *why, size_t why_len)
{
        struct cc_checkpoint cp;
        json_object *conf = NULL;
        uint64_t t0, changed = 0;
        bool stopped = false, precopied;
        int rc;

        if (!vm || !gen_dir || !ret)
                return why_set(why, why_len, -EINVAL, "checkpoint: missing argument");
        pthread_mutex_lock(&vm->lock);
        memset(&cp, 0, sizeof(cp));
        if (vm_exited(vm)) {
                vm_mark_exited(vm, "QEMU is gone");
                rc = why_set(why, why_len, -ESRCH, "%s", vm->reason);
                goto out;
        }
        if (mkdir(gen_dir, 0755) < 0 && errno != EEXIST) {
                rc = why_set(why, why_len, -errno, "mkdir %s: %s", gen_dir, strerror(errno));
                goto out;
        }
        if (path_join(cp.state_path, sizeof(cp.state_path), gen_dir, "state.bin") ||
            path_join(cp.mem_path, sizeof(cp.mem_path), gen_dir, "mem")) {
                rc = why_set(why, why_len, -ENAMETOOLONG, "generation dir path too long");
                goto out;
        }
        /* Pre-copy while the parent runs (only a parent on its own RAM file: a clone is moved onto
         * one first, below, and then copied while stopped). */
        precopied = vm->mem_shared && copy_sparse(vm->mem_path, cp.mem_path, vm->conf.mem_bytes) == 0;
        t0 = mono_ns();
        rc = qmp_cmd(vm, "stop", NULL, NULL, why, why_len);
        if (rc)
                goto out;
        stopped = true;
        if (!vm->mem_shared) {
                rc = move_to_own_ram(vm, why, why_len);
                if (rc)
                        goto out;
        }
        /* Device and vCPU state only: x-ignore-shared leaves out the RAM block backed by our
         * share=on file (only ROM/ACPI blocks travel, about 0.35 MiB). */
        rc = migrate_to(vm, cp.state_path, true, why, why_len);
        if (rc)
                goto out;
        /* The freeze: the generation is a copy, and the parent continues on its own file, so
         * nothing the parent writes later can reach a clone's not-yet-copied pages. */
        if (precopied)
                rc = copy_diff(vm->mem_path, cp.mem_path, vm->conf.mem_bytes, &changed);
        if (!precopied || rc)
                rc = copy_sparse(vm->mem_path, cp.mem_path, vm->conf.mem_bytes);
        if (rc) {
                rc = why_set(why, why_len, rc, "copy %s -> %s: %s", vm->mem_path, cp.mem_path, strerror(-rc));
                goto out;
        }
        rc = qmp_cmd(vm, "cont", NULL, NULL, why, why_len);
        if (rc)
                goto out;
        stopped = false;
        cp.pause_ns = mono_ns() - t0;
        cp.mem_bytes = vm->conf.mem_bytes;
        cp.page_size = 4096;
        conf = conf_to_json(&vm->conf);
        if (snprintf(cp.vm_config_json, sizeof(cp.vm_config_json), "%s",
                     json_object_to_json_string_ext(conf, JSON_C_TO_STRING_PLAIN)) >= (int)sizeof(cp.vm_config_json)) {
                rc = why_set(why, why_len, -E2BIG, "VM config does not fit the checkpoint record");
                goto out;
        }
        write_state_file(vm);
        *ret = cp;
out:
        if (stopped && !vm_exited(vm))
                qmp_cmd(vm, "cont", NULL, NULL, NULL, 0);       /* never leave the parent paused */
        json_object_put(conf);
        pthread_mutex_unlock(&vm->lock);
        return rc;
}

static int qemu_clone(const struct cc_clone_spec *spec, struct cc_vm **ret, char *why, size_t why_len)
{
        struct cc_vm *vm = NULL;
        json_object *conf = NULL;
        char seedtxt[32];
        int rc;

        if (!spec || !spec->run_dir || !spec->vm_config_json || !ret)
                return why_set(why, why_len, -EINVAL, "clone: missing spec field");
        if (spec->host_port == 0 || spec->host_port > 65535)
                return why_set(why, why_len, -EINVAL, "clone: host_port must be 1..65535");
        if (!spec->id.clone_id[0] || strlen(spec->id.clone_id) >= 64 ||
            strspn(spec->id.clone_id, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-") !=
                    strlen(spec->id.clone_id) ||
            strspn(spec->id.hostname, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.") !=
                    strlen(spec->id.hostname))
                return why_set(why, why_len, -EINVAL, "clone: clone id or hostname has characters outside [A-Za-z0-9_.-]");
        vm = vm_new(spec->run_dir);
        if (!vm)
                return why_set(why, why_len, -ENOMEM, "out of memory");
        conf = json_tokener_parse(spec->vm_config_json);
        if (!conf) {
                rc = why_set(why, why_len, -EINVAL, "clone: VM config is not JSON");
                goto out;
        }
        rc = conf_from_json(conf, &vm->conf, why, why_len);
        if (rc)
                goto out;
        /* QEMU would silently create a missing mem-path as a zero file and then fail the restore
         * with an unrelated-looking error: check it first. */
        rc = check_file("generation memory", spec->mem_path, vm->conf.mem_bytes, why, why_len);
        if (rc == 0)
                rc = check_file("device state", spec->state_path, 1, why, why_len);
        if (rc)
                goto out;
        if (mkdir(spec->run_dir, 0755) < 0 && errno != EEXIST) {
                rc = why_set(why, why_len, -errno, "mkdir %s: %s", spec->run_dir, strerror(errno));
                goto out;
        }
        snprintf(vm->mem_path, sizeof(vm->mem_path), "%s", spec->mem_path);
        vm->mem_shared = false;
        vm->host_port = spec->host_port;
        snprintf(vm->expect_id, sizeof(vm->expect_id), "%s", spec->id.clone_id);
        snprintf(seedtxt, sizeof(seedtxt), "%016" PRIx64, spec->id.seed);
        snprintf(vm->identity_line, sizeof(vm->identity_line),
                 "identity clone_id=%s hostname=%s seed=%s fail_ready=%d\n", spec->id.clone_id,
                 spec->id.hostname[0] ? spec->id.hostname : spec->id.clone_id, seedtxt,
                 opt_true(spec->driver_opts, "fail_ready") ? 1 : 0);
        rc = spawn_qemu(vm, true, why, why_len);
        if (rc)
                goto out;
        rc = migrate_from(vm, spec->state_path, true, why, why_len);
        if (rc == 0)
                rc = qmp_cmd(vm, "cont", NULL, NULL, why, why_len);
        if (rc) {
                if (vm_wait_exit(vm, 500)) {
                        vm_mark_exited(vm, "QEMU exited during restore");
                        why_set(why, why_len, rc, "%s", vm->reason);
                }
                goto out;
        }
        /* Queued in the socket until the guest's port reads it; the agent answers "ready <id>". */
        rc = send_all(vm->agent_fd, vm->identity_line);
        if (rc) {
                rc = why_set(why, why_len, rc, "guest agent socket: %s", strerror(-rc));
                goto out;
        }
        *ret = vm;
        vm = NULL;
out:
        json_object_put(conf);
        if (vm) {
                vm_kill(vm);
                qemu_destroy(vm);
        }
        return rc;
}

/* stop/cont: pause moves a running guest to PAUSED, resume takes a paused one back. */
static int qemu_set_paused(struct cc_vm *vm, bool pause)
{
        int rc;

        pthread_mutex_lock(&vm->lock);
        rc = qmp_cmd(vm, pause ? "stop" : "cont", NULL, NULL, NULL, 0);
        if (rc == 0) {
                vm->paused = pause;
                if (vm->state == (pause ? CC_VM_RUNNING : CC_VM_PAUSED))
                        vm->state = pause ? CC_VM_PAUSED : CC_VM_RUNNING;
        }
        pthread_mutex_unlock(&vm->lock);
        return rc;
}

static int qemu_pause(struct cc_vm *vm) { return qemu_set_paused(vm, true); }
static int qemu_resume(struct cc_vm *vm) { return qemu_set_paused(vm, false); }

static void clean_run_dir(const char *run_dir)
{
        static const char *const files[] = { "qemu.pid", "vm.json", "qmp.sock", "agent.sock", "ram",
                                             "full.stream", "qemu.log", "console.log" };
        char path[PATH_MAX];

        for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
                if (path_join(path, sizeof(path), run_dir, files[i]) == 0)
                        unlink(path);
        rmdir(run_dir);         /* fails harmlessly when others keep files there */
}

static int qemu_retire(struct cc_vm *vm, unsigned timeout_ms)
{
        unsigned half = timeout_ms / 2;
        int rc = 0;

        if (!vm)
                return -EINVAL;
        pthread_mutex_lock(&vm->lock);
        if (!vm_exited(vm)) {
                /* Graceful: the agent powers the guest off (QEMU exits under -no-reboot); if the
                 * guest does not, QEMU's own quit; if QEMU does not answer either, SIGKILL. */
                if (vm->agent_fd >= 0 && !vm->paused)
                        send_all(vm->agent_fd, "quit\n");
                if (vm->agent_fd < 0 || vm->paused || !vm_wait_exit(vm, half)) {
                        qmp_cmd(vm, "quit", NULL, NULL, NULL, 0);
                        if (!vm_wait_exit(vm, timeout_ms - half)) {
                                vm_kill(vm);
                                rc = -ETIMEDOUT;        /* it went, but not gracefully */
                        }
                }
        }
        vm->state = CC_VM_EXITED;
        snprintf(vm->reason, sizeof(vm->reason), "retired");
        if (is_own_ram(vm))
                unlink(vm->mem_path);
        qmp_close(vm);
        if (vm->agent_fd >= 0)
                close(vm->agent_fd);
        vm->agent_fd = -1;
        clean_run_dir(vm->run_dir);
        pthread_mutex_unlock(&vm->lock);
        return rc == -ETIMEDOUT ? 0 : rc;
}

/* Resident and private bytes of QEMU (guest RAM it touched plus its own heap). */
static void mem_usage(pid_t pid, uint64_t *rss, uint64_t *priv)
{
        char path[64], line[256];
        unsigned long long v;
        FILE *f;

        *rss = *priv = 0;
        snprintf(path, sizeof(path), "/proc/%d/smaps_rollup", pid);
        f = fopen(path, "re");
        if (!f)
                return;
        while (fgets(line, sizeof(line), f)) {
                if (sscanf(line, "Rss: %llu kB", &v) == 1)
                        *rss = v * 1024;
                else if (sscanf(line, "Private_Clean: %llu kB", &v) == 1 ||
                         sscanf(line, "Private_Dirty: %llu kB", &v) == 1)
                        *priv += v * 1024;
        }
        fclose(f);
}

static int qemu_status(struct cc_vm *vm, struct cc_vm_status *ret)
{
        if (!vm || !ret)
                return -EINVAL;
        pthread_mutex_lock(&vm->lock);
        memset(ret, 0, sizeof(*ret));
        if (vm->state != CC_VM_EXITED) {
                agent_drain(vm);
                if (vm_exited(vm))
                        vm_mark_exited(vm, "QEMU exited");
        }
        /* the answer comes with a later status() */
        if (vm->state == CC_VM_RUNNING && vm->agent_fd >= 0 &&
            mono_ns() - vm->stats_asked_ns >= CC_GUEST_STATS_EVERY_MS * 1000000ull) {
                /* never blocks: a guest that does not read its channel just gets no request */
                vm->stats_asked_ns = mono_ns();
                (void)send(vm->agent_fd, "stats\n", 6, MSG_NOSIGNAL | MSG_DONTWAIT);
        }
        snprintf(ret->guest_stats, sizeof(ret->guest_stats), "%s", vm->last_stats);
        ret->guest_stats_us = vm->last_stats_us;
        ret->state = vm->state;
        ret->pid = vm_pid(vm);
        snprintf(ret->address, sizeof(ret->address), "127.0.0.1:%u", vm->host_port);
        if (vm->state != CC_VM_EXITED)
                mem_usage(vm->pid, &ret->rss_bytes, &ret->private_bytes);
        snprintf(ret->reason, sizeof(ret->reason), "%s", vm->reason);
        pthread_mutex_unlock(&vm->lock);
        return 0;
}

/* The pid in run_dir/qemu.pid, if that process is a QEMU of this run dir (not a reused pid):
 * >0 alive, 0 gone (*ret_old = the recorded pid), -1 no pid file. */
static pid_t live_pid(const char *run_dir, pid_t *ret_old)
{
        char path[PATH_MAX], buf[4096];
        long pid;
        ssize_t n;
        int fd;

        if (path_join(path, sizeof(path), run_dir, "qemu.pid"))
                return -1;
        fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
                return -1;
        n = read(fd, buf, 31);
        close(fd);
        if (n <= 0)
                return -1;
        buf[n] = 0;
        pid = strtol(buf, NULL, 10);
        if (pid <= 1 || pid > INT_MAX)
                return -1;
        *ret_old = (pid_t)pid;
        snprintf(path, sizeof(path), "/proc/%ld/cmdline", pid);
        fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
                return 0;               /* gone */
        n = read(fd, buf, sizeof(buf) - 1);
        close(fd);
        if (n <= 0)
                return 0;
        buf[n] = 0;
        for (ssize_t i = 0; i < n; i++)
                if (!buf[i])
                        buf[i] = ' ';
        return strstr(buf, run_dir) ? (pid_t)pid : 0;
}

static int qemu_adopt(const char *run_dir, struct cc_vm **ret, char *why, size_t why_len)
{
        struct cc_vm *vm = NULL;
        json_object *o = NULL, *c = NULL, *v;
        char path[PATH_MAX];
        uint64_t port = 0;
        pid_t pid, old = 0;
        int rc;

        if (!run_dir || !ret)
                return why_set(why, why_len, -EINVAL, "adopt: missing run_dir");
        if (path_join(path, sizeof(path), run_dir, "vm.json"))
                return why_set(why, why_len, -ENAMETOOLONG, "run dir path too long");
        pid = live_pid(run_dir, &old);
        if (pid < 0)
                return why_set(why, why_len, -ENOENT, "%s: no QEMU pid file", run_dir);
        vm = vm_new(run_dir);
        if (!vm)
                return why_set(why, why_len, -ENOMEM, "out of memory");
        o = json_object_from_file(path);
        if (!o || !json_object_object_get_ex(o, "conf", &c)) {
                rc = why_set(why, why_len, -EINVAL, "%s: unreadable", path);
                goto out;
        }
        rc = conf_from_json(c, &vm->conf, why, why_len);
        if (rc == 0 && (json_str(o, "mem_path", vm->mem_path, sizeof(vm->mem_path)) ||
                        json_str(o, "expect_id", vm->expect_id, sizeof(vm->expect_id)) ||
                        json_str(o, "identity", vm->identity_line, sizeof(vm->identity_line)) ||
                        json_u64(o, "host_port", &port) || port == 0 || port > 65535))
                rc = why_set(why, why_len, -EINVAL, "%s: a field is missing", path);
        if (rc)
                goto out;
        vm->host_port = (unsigned)port;
        vm->mem_shared = json_object_object_get_ex(o, "mem_shared", &v) && json_object_get_boolean(v);
        if (pid == 0) {
                /* Its QEMU died while nobody watched: report it, with what QEMU said last. */
                vm->pid = -old;
                vm_mark_exited(vm, "QEMU exited while nobody watched");
                *ret = vm;
                vm = NULL;
                rc = 0;
                goto out;
        }
        vm->pid = pid;
        vm->pidfd = pidfd_open_compat(pid);
        rc = qmp_connect(vm, why, why_len);
        if (rc && vm_wait_exit(vm, 1000)) {
                /* It was dying as we came: report the exit, not the broken connection. */
                vm_mark_exited(vm, "QEMU exited");
                *ret = vm;
                vm = NULL;
                rc = 0;
                goto out;
        }
        if (rc == 0) {
                json_object *r = NULL, *s = NULL;
                rc = qmp_cmd(vm, "query-status", NULL, &r, why, why_len);
                if (rc == 0 && json_object_object_get_ex(r, "status", &s))
                        vm->paused = strcmp(json_object_get_string(s), "running") != 0;
                json_object_put(r);
        }
        if (rc == 0)
                rc = agent_connect(vm, why, why_len);
        /* The agent answers hello with "ready <id>" if it is ready; until then STARTING. */
        if (rc == 0)
                rc = send_all(vm->agent_fd, "hello\n");
        if (rc)
                goto out;
        *ret = vm;
        vm = NULL;
out:
        json_object_put(o);
        qemu_destroy(vm);
        return rc;
}

const struct cc_driver_ops cc_qemu_driver = {
        .name = "qemu",
        .probe = qemu_probe,
        .boot_parent = qemu_boot_parent,
        .checkpoint = qemu_checkpoint,
        .clone = qemu_clone,
        .pause = qemu_pause,
        .resume = qemu_resume,
        .retire = qemu_retire,
        .status = qemu_status,
        .adopt = qemu_adopt,
        .destroy = qemu_destroy,
};
