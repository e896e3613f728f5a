/* drivers/qemu_vm.c: one QEMU process: its command line (identical for parents and clones, as
 * migration needs), spawning it with QMP and agent sockets already listening, its lifetime
 * (pidfd), its vm.json record and the guest agent's channel. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "qemu_int.h"

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

int qemu_pidfd_open(pid_t pid)
{
        return (int)syscall(SYS_pidfd_open, pid, 0);
}

/* Has QEMU exited? Reaps it when it is our child. */
bool qemu_vm_exited(struct cc_vm *vm)
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

int qemu_vm_pid(const struct cc_vm *vm)
{
        return vm->pid < 0 ? -vm->pid : vm->pid;
}

/* Wait for QEMU to exit (pidfd: an event, not polling), at most timeout_ms. */
bool qemu_vm_wait_exit(struct cc_vm *vm, unsigned timeout_ms)
{
        uint64_t deadline = mono_ns() + (uint64_t)timeout_ms * 1000000ull;

        while (!qemu_vm_exited(vm)) {
                int64_t left = ((int64_t)deadline - (int64_t)mono_ns()) / 1000000;
                if (left <= 0)
                        return false;
                if (vm->pidfd >= 0) {
                        struct pollfd p = { .fd = vm->pidfd, .events = POLLIN };
                        poll(&p, 1, (int)(left > 100 ? 100 : left));
                } else {
                        usleep(10000);  /* no pidfd (Linux < 5.3): no exit event for a non-child */
                }
        }
        return true;
}

void qemu_vm_mark_exited(struct cc_vm *vm, const char *what)
{
        char tail[TAIL_BYTES + 1];

        if (vm->state == CC_VM_EXITED)
                return;
        vm->state = CC_VM_EXITED;
        log_tail(vm->run_dir, tail, sizeof(tail));
        snprintf(vm->reason, sizeof(vm->reason), "%s (qemu pid %d%s%s)%s%s", what, qemu_vm_pid(vm),
                 vm->exit_desc[0] ? ", " : "", vm->exit_desc, tail[0] ? "; qemu said: " : "", tail);
}

void qemu_vm_kill(struct cc_vm *vm)
{
        if (vm->pid > 0 && !qemu_vm_exited(vm)) {
                kill(vm->pid, SIGKILL);
                qemu_vm_wait_exit(vm, 5000);
        }
}

/* ---------------------------------------------------------------------------------------------- */
/* vm.json: config recorded for clones (vm_config_json) and for adopt()                            */

json_object *qemu_conf_to_json(const struct vm_conf *c)
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
        if (c->disk_image[0]) {
                json_object *d = json_object_new_object(), *chain = json_object_new_array();
                json_object_object_add(d, "image", json_object_new_string(c->disk_image));
                json_object_object_add(d, "format", json_object_new_string(c->disk_format));
                json_object_object_add(d, "bytes", json_object_new_int64((int64_t)c->disk_bytes));
                json_object_object_add(d, "layer", json_object_new_string(c->disk_base));
                for (unsigned i = 0; i < c->disk_nchain; i++)
                        json_object_array_add(chain, json_object_new_string(c->disk_chain[i]));
                json_object_object_add(d, "under", chain);
                json_object_object_add(o, "disk", d);
        }
        return o;
}

int qemu_json_str(json_object *o, const char *key, char *out, size_t len)
{
        json_object *v;
        if (!json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_string))
                return -EINVAL;
        if (strlen(json_object_get_string(v)) >= len)
                return -ENAMETOOLONG;
        snprintf(out, len, "%s", json_object_get_string(v));
        return 0;
}

int qemu_json_u64(json_object *o, const char *key, uint64_t *out)
{
        json_object *v;
        if (!json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_int) ||
            json_object_get_int64(v) < 0)
                return -EINVAL;
        *out = (uint64_t)json_object_get_int64(v);
        return 0;
}

/* The "disk" object of a VM config (absent: no disk). */
static int disk_from_json(json_object *o, struct vm_conf *c, char *why, size_t why_len)
{
        json_object *d, *chain;
        size_t n;

        if (!json_object_object_get_ex(o, "disk", &d))
                return 0;
        if (qemu_json_str(d, "image", c->disk_image, sizeof(c->disk_image)) ||
            qemu_json_str(d, "format", c->disk_format, sizeof(c->disk_format)) ||
            qemu_json_u64(d, "bytes", &c->disk_bytes) ||
            qemu_json_str(d, "layer", c->disk_base, sizeof(c->disk_base)) ||
            !json_object_object_get_ex(d, "under", &chain) || !json_object_is_type(chain, json_type_array))
                return cc_why(why, why_len, -EINVAL, "VM config: a disk field is missing or has the wrong type");
        n = json_object_array_length(chain);
        if (!c->disk_image[0] || (strcmp(c->disk_format, "qcow2") && strcmp(c->disk_format, "raw")) ||
            n + 2 > DISK_DEPTH_MAX || (n && !c->disk_base[0]))
                return cc_why(why, why_len, -EINVAL, "VM config: disk chain out of range");
        for (size_t i = 0; i < n; i++) {
                json_object *v = json_object_array_get_idx(chain, i);
                if (!json_object_is_type(v, json_type_string) ||
                    snprintf(c->disk_chain[i], sizeof(c->disk_chain[i]), "%s", json_object_get_string(v)) >=
                            (int)sizeof(c->disk_chain[i]))
                        return cc_why(why, why_len, -EINVAL, "VM config: bad disk layer");
        }
        c->disk_nchain = (unsigned)n;
        return 0;
}

int qemu_conf_from_json(json_object *o, struct vm_conf *c, char *why, size_t why_len)
{
        uint64_t vcpus = 0, port = 0;

        memset(c, 0, sizeof(*c));
        if (qemu_json_str(o, "kernel", c->kernel, sizeof(c->kernel)) || qemu_json_str(o, "initrd", c->initrd, sizeof(c->initrd)) ||
            qemu_json_str(o, "cmdline", c->cmdline, sizeof(c->cmdline)) || qemu_json_str(o, "binary", c->binary, sizeof(c->binary)) ||
            qemu_json_str(o, "accel", c->accel, sizeof(c->accel)) || qemu_json_str(o, "mac", c->mac, sizeof(c->mac)) ||
            qemu_json_u64(o, "mem_bytes", &c->mem_bytes) || qemu_json_u64(o, "vcpus", &vcpus) || qemu_json_u64(o, "guest_port", &port))
                return cc_why(why, why_len, -EINVAL, "VM config: a field is missing or has the wrong type");
        if (c->mem_bytes == 0 || c->mem_bytes > MAX_MEM_BYTES || c->mem_bytes % (1 << 20) ||
            vcpus == 0 || vcpus > MAX_VCPUS || port == 0 || port > 65535)
                return cc_why(why, why_len, -EINVAL, "VM config: memory, vcpus or guest_port out of range");
        c->vcpus = (unsigned)vcpus;
        c->guest_port = (unsigned)port;
        return disk_from_json(o, c, why, why_len);
}

/* text into the file name in the VM's run directory (created or emptied). */
static int write_run_file(const struct cc_vm *vm, const char *name, const char *text)
{
        char path[PATH_MAX];
        FILE *f;
        int rc = path_join(path, sizeof(path), vm->run_dir, name);

        if (rc)
                return rc;
        f = fopen(path, "we");
        if (!f || fputs(text, f) < 0)
                rc = -errno;
        if (f && fclose(f) && !rc)
                rc = -errno;
        return rc;
}

int qemu_write_state_file(struct cc_vm *vm)
{
        json_object *o = json_object_new_object();
        const char *text;
        int rc;

        json_object_object_add(o, "conf", qemu_conf_to_json(&vm->conf));
        json_object_object_add(o, "mem_path", json_object_new_string(vm->mem_path));
        json_object_object_add(o, "mem_shared", json_object_new_boolean(vm->mem_shared));
        json_object_object_add(o, "host_port", json_object_new_int((int)vm->host_port));
        json_object_object_add(o, "expect_id", json_object_new_string(vm->expect_id));
        json_object_object_add(o, "identity", json_object_new_string(vm->identity_line));
        if (vm->disk_active[0]) {
                json_object_object_add(o, "disk_active", json_object_new_string(vm->disk_active));
                json_object_object_add(o, "disk_seq", json_object_new_int((int)vm->disk_seq));
        }
        if (vm->net.kind == CC_NET_BRIDGE) {
                json_object *n = json_object_new_object();
                char mac[18];
                qemu_mac_text(vm->net.mac, mac);
                json_object_object_add(n, "bridge", json_object_new_string(vm->net.bridge));
                json_object_object_add(n, "tap", json_object_new_string(vm->tap));
                json_object_object_add(n, "mac", json_object_new_string(mac));
                json_object_object_add(n, "ipv4", json_object_new_string(vm->net.ipv4));
                json_object_object_add(n, "prefix_len", json_object_new_int((int)vm->net.prefix_len));
                json_object_object_add(n, "gateway", json_object_new_string(vm->net.gateway));
                json_object_object_add(n, "dns", json_object_new_string(vm->net.dns));
                json_object_object_add(n, "expect", json_object_new_string(vm->expect_net));
                json_object_object_add(o, "bridge", n);
        }
        text = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PRETTY);
        rc = write_run_file(vm, "vm.json", text);
        json_object_put(o);
        return rc;              /* qemu.pid: QEMU's process writes it before exec (qemu_spawn) */
}

/* Reads back what qemu_write_state_file wrote (path: the run dir's vm.json): the config, memory
 * file, agent identity, network attachment and disk of a VM being adopted. */
int qemu_read_state_file(struct cc_vm *vm, const char *path, char *why, size_t why_len)
{
        json_object *o = NULL, *c = NULL, *v;
        uint64_t port = 0;
        int rc;

        o = json_object_from_file(path);
        if (!o || !json_object_object_get_ex(o, "conf", &c)) {
                rc = cc_why(why, why_len, -EINVAL, "%s: unreadable", path);
                goto out;
        }
        rc = qemu_conf_from_json(c, &vm->conf, why, why_len);
        if (rc == 0 && (qemu_json_str(o, "mem_path", vm->mem_path, sizeof(vm->mem_path)) ||
                        qemu_json_str(o, "expect_id", vm->expect_id, sizeof(vm->expect_id)) ||
                        qemu_json_str(o, "identity", vm->identity_line, sizeof(vm->identity_line)) ||
                        qemu_json_u64(o, "host_port", &port) || port > 65535))
                rc = cc_why(why, why_len, -EINVAL, "%s: a field is missing", path);
        if (rc == 0 && json_object_object_get_ex(o, "bridge", &v)) {
                unsigned m[6] = { 0 };
                uint64_t plen = 0;
                char mac[18] = "";
                vm->net.kind = CC_NET_BRIDGE;
                if (qemu_json_str(v, "bridge", vm->net.bridge, sizeof(vm->net.bridge)) ||
                    qemu_json_str(v, "tap", vm->tap, sizeof(vm->tap)) ||
                    qemu_json_str(v, "mac", mac, sizeof(mac)) ||
                    qemu_json_str(v, "ipv4", vm->net.ipv4, sizeof(vm->net.ipv4)) ||
                    qemu_json_u64(v, "prefix_len", &plen) || plen > 32 ||
                    qemu_json_str(v, "gateway", vm->net.gateway, sizeof(vm->net.gateway)) ||
                    qemu_json_str(v, "dns", vm->net.dns, sizeof(vm->net.dns)) ||
                    qemu_json_str(v, "expect", vm->expect_net, sizeof(vm->expect_net)) ||
                    sscanf(mac, "%2x:%2x:%2x:%2x:%2x:%2x", &m[0], &m[1], &m[2], &m[3], &m[4], &m[5]) != 6)
                        rc = cc_why(why, why_len, -EINVAL, "%s: the bridge attachment is incomplete", path);
                for (int i = 0; i < 6; i++)
                        vm->net.mac[i] = (uint8_t)m[i];
                vm->net.prefix_len = (unsigned)plen;
        } else if (rc == 0) {
                vm->net.kind = CC_NET_USER;
                if (port == 0)
                        rc = cc_why(why, why_len, -EINVAL, "%s: host_port is missing", path);
        }
        if (rc)
                goto out;
        vm->host_port = (unsigned)port;
        vm->net.host_port = (unsigned)port;
        vm->mem_shared = json_object_object_get_ex(o, "mem_shared", &v) && json_object_get_boolean(v);
        if (vm->conf.disk_image[0]) {
                uint64_t seq = 0;
                if (qemu_json_str(o, "disk_active", vm->disk_active, sizeof(vm->disk_active)) ||
                    qemu_json_u64(o, "disk_seq", &seq) || seq == 0 || seq > 1000000) {
                        rc = cc_why(why, why_len, -EINVAL, "%s: the disk fields are missing", path);
                        goto out;
                }
                vm->disk_seq = (unsigned)seq;
        }
out:
        json_object_put(o);
        return rc;
}

/* The pid in run_dir/qemu.pid, if that process is a QEMU of this run dir (not a reused pid):
 * >0 alive, 0 gone (*ret_old = the recorded pid), -1 no pid file. */
pid_t qemu_live_pid(const char *run_dir, pid_t *ret_old)
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

/* Resident and private bytes of QEMU (guest RAM it touched plus its own heap). */
void qemu_mem_usage(pid_t pid, uint64_t *rss, uint64_t *priv)
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

/* ---------------------------------------------------------------------------------------------- */
/* VM handle                                                                                        */

struct cc_vm *qemu_vm_new(const char *run_dir)
{
        struct cc_vm *vm = calloc(1, sizeof(*vm));
        if (!vm)
                return NULL;
        pthread_mutex_init(&vm->lock, NULL);
        vm->pidfd = vm->qmp.fd = vm->qmp.watch_fd = vm->agent_fd = -1;
        vm->state = CC_VM_STARTING;
        snprintf(vm->run_dir, sizeof(vm->run_dir), "%s", run_dir);
        return vm;
}

void qemu_destroy(struct cc_vm *vm)
{
        if (!vm)
                return;
        qmp_close(&vm->qmp);
        if (vm->agent_fd >= 0)
                close(vm->agent_fd);
        if (vm->pidfd >= 0)
                close(vm->pidfd);
        if (vm->is_child)
                qemu_vm_exited(vm);          /* reap if already gone; a live VM stays up */
        free(vm->qmp.in.buf);
        free(vm->agent_in.buf);
        pthread_mutex_destroy(&vm->lock);
        free(vm);
}

/* QMP of this VM: <run_dir>/qmp.sock, watched by QEMU's pidfd. */
int qemu_qmp_connect(struct cc_vm *vm, char *why, size_t why_len)
{
        char path[PATH_MAX];

        if (path_join(path, sizeof(path), vm->run_dir, "qmp.sock"))
                return cc_why(why, why_len, -ENAMETOOLONG, "run dir path too long: %s", vm->run_dir);
        return qmp_connect(&vm->qmp, path, vm->pidfd, why, why_len);
}

/* ---------------------------------------------------------------------------------------------- */
/* guest agent                                                                                      */

int qemu_agent_connect(struct cc_vm *vm, char *why, size_t why_len)
{
        char path[PATH_MAX];
        int rc;

        if (vm->agent_fd >= 0)
                close(vm->agent_fd);
        vm->agent_fd = -1;
        vm->agent_in.have = 0;
        rc = path_join(path, sizeof(path), vm->run_dir, "agent.sock");
        if (rc == 0)
                rc = qemu_unix_connect(path);
        if (rc < 0)
                return cc_why(why, why_len, rc, "connect %s: %s", path, strerror(-rc));
        vm->agent_fd = rc;
        return 0;
}

/* Does fields ("mac=.. ipv4=.. hostname=..", the guest's read-back identity) hold every token of
 * want? An empty want (user-net, a parent) is met by anything. */
static bool identity_matches(const char *want, const char *fields)
{
        char buf[sizeof(((struct cc_vm *)0)->expect_net)], *save = NULL;

        snprintf(buf, sizeof(buf), "%s", want);
        for (char *tok = strtok_r(buf, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
                size_t n = strlen(tok);
                const char *p = fields;
                bool found = false;
                while (!found && (p = strstr(p, tok))) {
                        found = (p == fields || p[-1] == ' ') && (p[n] == 0 || p[n] == ' ');
                        p += n;
                }
                if (!found)
                        return false;
        }
        return true;
}

/* "ready c3 mac=.." / "applied c3 mac=..": the id, and the fields after it ("" if none). */
static void split_id(const char *rest, char *id, size_t idlen, const char **fields)
{
        size_t n = strcspn(rest, " ");
        snprintf(id, idlen, "%.*s", (int)n, rest);
        *fields = rest[n] ? rest + n + 1 : "";
}

/* Consume what the agent said so far; flips STARTING -> RUNNING on "ready <expected id>" (with,
 * on a bridge, the identity the clone was given read back from its interface). A clone on a
 * bridge starts with its link down (qemu.c: it still has its parent's MAC and address); the
 * agent says "applied <id> ..." once it took the new identity, and only an exact match brings the
 * link up ("online" tells the agent, which then announces itself with gratuitous ARP). */
void qemu_agent_drain(struct cc_vm *vm)
{
        char *line = NULL, id[64];
        const char *fields;

        while (vm->agent_fd >= 0) {
                int rc = qemu_line_read(vm->agent_fd, -1, &vm->agent_in, 0, &line);
                if (rc || !line) {
                        if (rc) {               /* QEMU went away or the agent lied: stop listening */
                                close(vm->agent_fd);
                                vm->agent_fd = -1;
                        }
                        return;
                }
                vm->agent_heard = true;
                if (!strncmp(line, "applied ", 8)) {
                        split_id(line + 8, id, sizeof(id), &fields);
                        if (!strcmp(id, vm->expect_id) && identity_matches(vm->expect_net, fields)) {
                                json_object *args = json_object_new_object();
                                json_object_object_add(args, "name", json_object_new_string("n0"));
                                json_object_object_add(args, "up", json_object_new_boolean(true));
                                /* qmp_cmd takes args */
                                if (qmp_cmd(&vm->qmp, "set_link", args, NULL, NULL, 0) == 0)
                                        qemu_send_all(vm->agent_fd, "online\n");
                        } else if (vm->identity_line[0]) {
                                qemu_send_all(vm->agent_fd, vm->identity_line);
                        }
                } else if (!strncmp(line, "ready ", 6)) {
                        split_id(line + 6, id, sizeof(id), &fields);
                        if (!strcmp(id, vm->expect_id) && identity_matches(vm->expect_net, fields)) {
                                snprintf(vm->reported_net, sizeof(vm->reported_net), "%s", fields);
                                if (vm->state == CC_VM_STARTING)
                                        vm->state = vm->paused ? CC_VM_PAUSED : CC_VM_RUNNING;
                        } else if (vm->identity_line[0]) {
                                /* The guest still speaks as its parent (or with another address):
                                 * it has not taken the identity yet, or lost it to a restart of
                                 * the agent. Never ready as someone else. */
                                qemu_send_all(vm->agent_fd, vm->identity_line);
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
int qemu_build_argv(const struct cc_vm *vm, bool incoming, struct argv_buf *a)
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
        if (vm->net.kind == CC_NET_BRIDGE)
                arg(a, "-netdev"), arg(a, "tap,id=n0,fd=%d", TAP_FD);
        else
                arg(a, "-netdev"), arg(a, "user,id=n0,hostfwd=tcp:127.0.0.1:%u-:%u", vm->host_port, c->guest_port);
        /* romfile= : no iPXE option ROM (we boot -kernel); it would only grow the descriptor. */
        arg(a, "-device"); arg(a, "virtio-net-pci,netdev=n0,mac=%s,romfile=", c->mac);
        /* A fresh VM generation ID at every start, a clone's restore included: a Linux guest
         * (drivers/virt/vmgenid.c) reseeds its RNG on the change by itself, agent or not. */
        arg(a, "-device"); arg(a, "vmgenid,guid=auto");
        arg(a, "-device"); arg(a, "virtio-serial-pci,id=vser0");
        arg(a, "-chardev"); arg(a, "socket,id=agent,fd=4,server=on,wait=off");
        arg(a, "-device"); arg(a, "virtserialport,bus=vser0.0,chardev=agent,name=%s", AGENT_PORT_NAME);
        arg(a, "-chardev"); arg(a, "socket,id=qmp,fd=3,server=on,wait=off");
        arg(a, "-mon"); arg(a, "chardev=qmp,mode=control");
        if (vm->disk_tls_dir[0]) {
                /* the key the overlay's NBD backing (qemu.c) connects with */
                arg(a, "-object");
                arg(a, "tls-creds-psk,id=%s,endpoint=client,dir=%s,username=%s", QEMU_NBD_TLS_ID, vm->disk_tls_dir,
                    CC_PSK_IDENTITY);
        }
        if (vm->disk_active[0]) {
                /* JSON syntax: a path needs no comma escaping. The backing chain is opened from
                 * the overlay's header (read-only); the node name is what QMP addresses at a cut. */
                json_object *b = json_object_new_object(), *f = json_object_new_object();
                json_object_object_add(f, "driver", json_object_new_string("file"));
                json_object_object_add(f, "filename", json_object_new_string(vm->disk_active));
                json_object_object_add(b, "driver", json_object_new_string("qcow2"));
                char node[32];
                snprintf(node, sizeof(node), "disk%u", vm->disk_seq);
                json_object_object_add(b, "node-name", json_object_new_string(node));
                json_object_object_add(b, "file", f);
                arg(a, "-blockdev"); arg(a, "%s", json_object_to_json_string_ext(b, JSON_C_TO_STRING_PLAIN));
                /* the same device id in parents and clones: migration finds it by id */
                arg(a, "-device"); arg(a, "virtio-blk-pci,id=vd0,drive=%s%s", node,
                                       c->kernel[0] ? "" : ",bootindex=1");
                json_object_put(b);
        }
        if (c->kernel[0]) {
                arg(a, "-kernel"); arg(a, "%s", c->kernel);
                if (c->initrd[0]) {
                        arg(a, "-initrd"); arg(a, "%s", c->initrd);
                }
                arg(a, "-append"); arg(a, "%s", c->cmdline);
        }
        if (incoming) {
                arg(a, "-S");
                arg(a, "-incoming"); arg(a, "defer");
        }
        return a->err;
}

/* In the child between fork and exec (async-signal-safe calls only): its own pid into path. */
static void child_write_pid(const char *path)
{
        char text[24];
        unsigned long v = (unsigned long)getpid();
        size_t n = sizeof(text);
        int fd;

        text[--n] = '\n';
        do
                text[--n] = (char)('0' + v % 10);
        while ((v /= 10) && n > 0);
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd >= 0) {
                ssize_t w = write(fd, text + n, sizeof(text) - n);
                (void)w;
                close(fd);
        }
}

/* Start QEMU for vm (conf, mem_path, mem_shared, host_port, run_dir set); connects QMP. */
int qemu_spawn(struct cc_vm *vm, bool incoming, char *why, size_t why_len)
{
        struct argv_buf *a = NULL;
        char qmp_path[PATH_MAX], agent_path[PATH_MAX], log_path[PATH_MAX], pid_path[PATH_MAX];
        int qmp_l = -1, agent_l = -1, log_fd = -1, tap_fd = -1, rc;
        pid_t pid;

        a = malloc(sizeof(*a));
        if (!a)
                return cc_why(why, why_len, -ENOMEM, "out of memory");
        rc = qemu_build_argv(vm, incoming, a);
        if (rc) {
                rc = cc_why(why, why_len, rc, "QEMU command line too long");
                goto out;
        }
        if (path_join(qmp_path, sizeof(qmp_path), vm->run_dir, "qmp.sock") ||
            path_join(agent_path, sizeof(agent_path), vm->run_dir, "agent.sock") ||
            path_join(log_path, sizeof(log_path), vm->run_dir, "qemu.log")) {
                rc = cc_why(why, why_len, -ENAMETOOLONG, "run dir path too long: %s", vm->run_dir);
                goto out;
        }
        qmp_l = qemu_unix_listen(qmp_path);
        agent_l = qmp_l < 0 ? -1 : qemu_unix_listen(agent_path);
        if (qmp_l < 0 || agent_l < 0) {
                rc = qmp_l < 0 ? qmp_l : agent_l;
                rc = cc_why(why, why_len, rc, "listen on %s: %s", qmp_l < 0 ? qmp_path : agent_path,
                             strerror(-rc));
                goto out;
        }
        if (vm->net.kind == CC_NET_BRIDGE) {
                qemu_tap_name(vm->run_dir, vm->tap);
                tap_fd = qemu_tap_open(vm->tap, vm->net.bridge, why, why_len);
                if (tap_fd < 0) {
                        rc = tap_fd;
                        goto out;
                }
        }
        log_fd = open(log_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
        if (log_fd < 0) {
                rc = cc_why(why, why_len, -errno, "%s: %s", log_path, strerror(errno));
                goto out;
        }
        if (path_join(pid_path, sizeof(pid_path), vm->run_dir, "qemu.pid")) {
                rc = cc_why(why, why_len, -ENAMETOOLONG, "run dir path too long: %s", vm->run_dir);
                goto out;
        }
        pid = fork();
        if (pid < 0) {
                rc = cc_why(why, why_len, -errno, "fork: %s", strerror(errno));
                goto out;
        }
        if (pid == 0) {
                /* Own session: the VM outlives a restart of its manager (adopt() takes it back) and
                 * a terminal's ^C does not reach it. Only fds 0-4 survive exec; move them above
                 * 4 (5: the tap) first so no dup2 overwrites a source still to be copied. */
                int nul = open("/dev/null", O_RDONLY);
                int hq = fcntl(qmp_l, F_DUPFD_CLOEXEC, 10), ha = fcntl(agent_l, F_DUPFD_CLOEXEC, 10);
                int hl = fcntl(log_fd, F_DUPFD_CLOEXEC, 10), hn = nul < 0 ? -1 : fcntl(nul, F_DUPFD_CLOEXEC, 10);
                int ht = tap_fd < 0 ? -1 : fcntl(tap_fd, F_DUPFD_CLOEXEC, 10);
                sigset_t all;
                setsid();
                sigemptyset(&all);
                sigprocmask(SIG_SETMASK, &all, NULL);
                /* The pid file exists before QEMU runs: a manager killed right after fork()
                 * leaves a VM the next one can find (adopt, or kill), never one it cannot. */
                child_write_pid(pid_path);
                if (hn < 0 || hq < 0 || ha < 0 || hl < 0 || dup2(hn, 0) < 0 || dup2(hl, 1) < 0 ||
                    dup2(hl, 2) < 0 || dup2(hq, 3) < 0 || dup2(ha, 4) < 0 ||
                    (tap_fd >= 0 && (ht < 0 || dup2(ht, TAP_FD) < 0)))
                        _exit(127);
                execvp(a->v[0], a->v);
                dprintf(2, "exec %s: %s\n", a->v[0], strerror(errno));
                _exit(127);
        }
        vm->pid = pid;
        vm->is_child = true;
        vm->pidfd = qemu_pidfd_open(pid);
        rc = qemu_write_state_file(vm);
        if (rc) {
                rc = cc_why(why, why_len, rc, "write %s/vm.json: %s", vm->run_dir, strerror(-rc));
                qemu_vm_kill(vm);
                goto out;
        }
        /* The listening sockets exist already, so this connect succeeds at once; QEMU greets us
         * once it has parsed its command line (or exits, which the read reports). */
        rc = qemu_qmp_connect(vm, why, why_len);
        if (rc) {
                if (qemu_vm_wait_exit(vm, 2000))
                        qemu_vm_mark_exited(vm, "QEMU exited at start");
                else
                        qemu_vm_kill(vm);
                if (vm->state == CC_VM_EXITED)
                        cc_why(why, why_len, rc, "%s", vm->reason);
                goto out;
        }
        rc = qemu_agent_connect(vm, why, why_len);
out:
        if (qmp_l >= 0)
                close(qmp_l);
        if (agent_l >= 0)
                close(agent_l);
        if (log_fd >= 0)
                close(log_fd);
        if (tap_fd >= 0)
                close(tap_fd);          /* QEMU holds the tap now; it goes when QEMU does */
        free(a);
        return rc;
}
