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
 * own (full migration into a fresh share=on QEMU) and then checkpoints it like a parent.
 * The driver's other files: see qemu_int.h. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "qemu_int.h"

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
                return cc_why(why, why_len, -ENODEV, "%s not found in PATH (apt-get install qemu-system-x86)",
                               bin ? bin : DEFAULT_BINARY);
        return 0;
}

static int check_file(const char *what, const char *path, uint64_t min_size, char *why, size_t why_len)
{
        struct stat st;

        if (!path || !*path)
                return cc_why(why, why_len, -EINVAL, "%s: no path given", what);
        if (stat(path, &st) < 0)
                return cc_why(why, why_len, -errno, "%s %s: %s", what, path, strerror(errno));
        if (!S_ISREG(st.st_mode))
                return cc_why(why, why_len, -EINVAL, "%s %s: not a regular file", what, path);
        if ((uint64_t)st.st_size < min_size)
                return cc_why(why, why_len, -EINVAL, "%s %s: %lld bytes, needs %" PRIu64, what, path,
                               (long long)st.st_size, min_size);
        return 0;
}

/* A parent's disk: the image (format and size from qemu-img, never written) under a fresh
 * overlay in the run dir. Overlays a previous parent left there are nobody's any more: a cut
 * moves the layers clones read into their generation's directory. */
static int parent_disk(struct cc_vm *vm, const char *image, char *why, size_t why_len)
{
        struct vm_conf *c = &vm->conf;
        char real[PATH_MAX];
        int rc;

        if (!realpath(image, real))
                return cc_why(why, why_len, -errno, "disk image %s: %s", image, strerror(errno));
        rc = check_file("disk image", real, 1, why, why_len);
        if (rc == 0)
                rc = qemu_img_info(real, c->disk_format, sizeof(c->disk_format), &c->disk_bytes, why, why_len);
        if (rc)
                return rc;
        if (strcmp(c->disk_format, "qcow2") && strcmp(c->disk_format, "raw"))
                return cc_why(why, why_len, -EINVAL, "disk image %s is %s, not qcow2 or raw", real, c->disk_format);
        snprintf(c->disk_image, sizeof(c->disk_image), "%s", real);
        c->disk_base[0] = 0;
        c->disk_nchain = 0;
        return 0;
}

static int parent_overlay(struct cc_vm *vm, char *why, size_t why_len)
{
        struct vm_conf *c = &vm->conf;
        int rc;

        qemu_disk_remove_overlays(vm->run_dir);
        vm->disk_seq = 1;
        if (qemu_disk_path(vm, vm->disk_seq, vm->disk_active, sizeof(vm->disk_active)))
                return cc_why(why, why_len, -ENAMETOOLONG, "run dir path too long");
        rc = qemu_img_overlay(c->disk_image, c->disk_format, c->disk_bytes, vm->disk_active, why, why_len);
        if (rc)
                vm->disk_active[0] = 0;
        return rc;
}

static int qemu_boot_parent(const struct cc_vm_config *cfg, struct cc_vm **ret, char *why, size_t why_len)
{
        struct cc_vm *vm = NULL;
        int rc, fd;

        if (!cfg || !cfg->run_dir || !ret)
                return cc_why(why, why_len, -EINVAL, "boot_parent: missing config or run_dir");
        if (cfg->mem_bytes == 0 || cfg->mem_bytes > MAX_MEM_BYTES || cfg->mem_bytes % (1 << 20))
                return cc_why(why, why_len, -EINVAL, "memory must be a positive multiple of 1 MiB up to 1 TiB");
        if (cfg->vcpus == 0 || cfg->vcpus > MAX_VCPUS)
                return cc_why(why, why_len, -EINVAL, "vcpus must be 1..%d", MAX_VCPUS);
        rc = qemu_check_attach("boot_parent", &cfg->net, cfg->disks, cfg->ndisks, true, why, why_len);
        if (rc)
                return rc;
        /* with a disk and no kernel, the disk's own bootloader boots it (firmware) */
        if (cfg->kernel && *cfg->kernel) {
                rc = check_file("kernel", cfg->kernel, 1, why, why_len);
                if (rc == 0 && (cfg->initrd && *cfg->initrd))
                        rc = check_file("initrd", cfg->initrd, 1, why, why_len);
        } else if (!cfg->ndisks) {
                rc = cc_why(why, why_len, -EINVAL, "boot_parent: neither a kernel nor a disk to boot");
        }
        if (rc)
                return rc;
        vm = qemu_vm_new(cfg->run_dir);
        if (!vm)
                return cc_why(why, why_len, -ENOMEM, "out of memory");
        if (cfg->ndisks) {
                rc = parent_disk(vm, cfg->disks[0].path, why, why_len);
                if (rc)
                        goto out;
        }
        if (mkdir(cfg->run_dir, 0755) < 0 && errno != EEXIST) {
                rc = cc_why(why, why_len, -errno, "mkdir %s: %s", cfg->run_dir, strerror(errno));
                goto out;
        }
        snprintf(vm->conf.kernel, sizeof(vm->conf.kernel), "%s", cfg->kernel ? cfg->kernel : "");
        snprintf(vm->conf.initrd, sizeof(vm->conf.initrd), "%s", cfg->kernel && cfg->initrd ? cfg->initrd : "");
        snprintf(vm->conf.cmdline, sizeof(vm->conf.cmdline), "%s",
                 cfg->cmdline && *cfg->cmdline ? cfg->cmdline : "console=ttyS0 quiet");
        rc = find_binary(cfg->binary ? cfg->binary : (getenv("SNOWSCALE_QEMU") ? getenv("SNOWSCALE_QEMU") : DEFAULT_BINARY),
                         vm->conf.binary, sizeof(vm->conf.binary));
        if (rc) {
                rc = cc_why(why, why_len, -ENODEV, "QEMU binary %s not found", cfg->binary ? cfg->binary : DEFAULT_BINARY);
                goto out;
        }
        rc = qemu_resolve_accel(cfg->accel, vm->conf.accel, sizeof(vm->conf.accel), why, why_len);
        if (rc)
                goto out;
        snprintf(vm->conf.mac, sizeof(vm->conf.mac), "52:54:00:12:34:56");
        vm->net = cfg->net;
        if (cfg->net.kind == CC_NET_BRIDGE) {
                static const uint8_t zero[6];
                size_t n = strlen(vm->conf.cmdline);
                if (memcmp(cfg->net.mac, zero, 6))
                        qemu_mac_text(cfg->net.mac, vm->conf.mac);
                /* The image's /init configures eth0 from sf.ip=/sf.gw= (docs/drivers.md). */
                if (snprintf(vm->conf.cmdline + n, sizeof(vm->conf.cmdline) - n, " sf.ip=%s/%u%s%s",
                             cfg->net.ipv4, cfg->net.prefix_len, cfg->net.gateway[0] ? " sf.gw=" : "",
                             cfg->net.gateway) >= (int)(sizeof(vm->conf.cmdline) - n)) {
                        rc = cc_why(why, why_len, -E2BIG, "kernel command line too long");
                        goto out;
                }
        }
        vm->conf.mem_bytes = cfg->mem_bytes;
        vm->conf.vcpus = cfg->vcpus;
        vm->conf.guest_port = cfg->guest_port ? cfg->guest_port : 80;
        vm->host_port = cfg->net.host_port;
        vm->mem_shared = true;
        vm->save_full = opt_true(cfg->driver_opts, "full_state");
        snprintf(vm->expect_id, sizeof(vm->expect_id), "parent");
        rc = own_ram_path(cfg->run_dir, vm->mem_path, sizeof(vm->mem_path));
        if (rc) {
                rc = cc_why(why, why_len, rc, "run dir path too long");
                goto out;
        }
        /* Create the RAM file ourselves at its full size: QEMU would silently create a missing
         * mem-path too, and a sparse file costs nothing until the guest touches a page. */
        fd = open(vm->mem_path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd < 0 || ftruncate(fd, (off_t)cfg->mem_bytes) < 0) {
                rc = cc_why(why, why_len, -errno, "%s: %s", vm->mem_path, strerror(errno));
                if (fd >= 0)
                        close(fd);
                goto out;
        }
        close(fd);
        if (cfg->ndisks) {
                rc = parent_overlay(vm, why, why_len);
                if (rc)
                        goto out;
        }
        rc = qemu_spawn(vm, false, why, why_len);
        if (rc)
                goto out;
        rc = qemu_send_all(vm->agent_fd, "hello\n");
        if (rc) {
                rc = cc_why(why, why_len, rc, "guest agent socket: %s", strerror(-rc));
                goto out;
        }
        *ret = vm;
        vm = NULL;
out:
        if (vm) {
                qemu_vm_kill(vm);
                qemu_destroy(vm);
        }
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
                return cc_why(why, why_len, -ENAMETOOLONG, "run dir path too long");
        rc = qmp_migrate_to(&vm->qmp, stream, false, why, why_len);
        if (rc)
                return rc;
        qmp_cmd(&vm->qmp, "quit", NULL, NULL, NULL, 0);
        if (!qemu_vm_wait_exit(vm, 10000))
                qemu_vm_kill(vm);
        qmp_close(&vm->qmp);
        if (vm->pidfd >= 0)
                close(vm->pidfd);
        vm->pidfd = -1;
        fd = open(ram, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd < 0 || ftruncate(fd, (off_t)vm->conf.mem_bytes) < 0) {
                rc = cc_why(why, why_len, -errno, "%s: %s", ram, strerror(errno));
                if (fd >= 0)
                        close(fd);
                goto out;
        }
        close(fd);
        snprintf(vm->mem_path, sizeof(vm->mem_path), "%s", ram);
        vm->mem_shared = true;
        rc = qemu_spawn(vm, true, why, why_len);
        if (rc == 0)
                rc = qmp_migrate_from(&vm->qmp, stream, false, why, why_len);
out:
        unlink(stream);
        return rc;
}

static int qemu_checkpoint(struct cc_vm *vm, const char *gen_dir, struct cc_checkpoint *ret,
                           char *why, size_t why_len)
{
        struct cc_checkpoint cp;
        struct disk_cut dc = {0};
        json_object *conf = NULL;
        uint64_t t0, changed = 0;
        bool stopped = false, precopied;
        int rc;

        if (!vm || !gen_dir || !ret)
                return cc_why(why, why_len, -EINVAL, "checkpoint: missing argument");
        pthread_mutex_lock(&vm->lock);
        memset(&cp, 0, sizeof(cp));
        if (qemu_vm_exited(vm)) {
                qemu_vm_mark_exited(vm, "QEMU is gone");
                rc = cc_why(why, why_len, -ESRCH, "%s", vm->reason);
                goto out;
        }
        if (mkdir(gen_dir, 0755) < 0 && errno != EEXIST) {
                rc = cc_why(why, why_len, -errno, "mkdir %s: %s", gen_dir, strerror(errno));
                goto out;
        }
        if (path_join(cp.state_path, sizeof(cp.state_path), gen_dir, "state.bin") ||
            path_join(cp.mem_path, sizeof(cp.mem_path), gen_dir, "mem")) {
                rc = cc_why(why, why_len, -ENAMETOOLONG, "generation dir path too long");
                goto out;
        }
        /* The disk, while the VM runs: keep its chain within bounds, then make the overlay it will
         * continue on. */
        rc = qemu_disk_bound(vm, why, why_len);
        if (rc == 0)
                rc = qemu_disk_cut_prepare(vm, gen_dir, &dc, why, why_len);
        if (rc)
                goto out;
        /* Pre-copy while the parent runs (only a parent on its own RAM file: a clone is moved onto
         * one first, below, and then copied while stopped). */
        precopied = vm->mem_shared && qemu_copy_sparse(vm->mem_path, cp.mem_path, vm->conf.mem_bytes) == 0;
        t0 = mono_ns();
        rc = qmp_cmd(&vm->qmp, "stop", NULL, NULL, why, why_len);
        if (rc)
                goto out;
        stopped = true;
        if (!vm->mem_shared) {
                rc = move_to_own_ram(vm, why, why_len);
                if (rc)
                        goto out;
        }
        /* The disk freezes with memory: "stop" drained and flushed the guest's I/O, so the overlay
         * holds exactly what the frozen page cache expects; the VM goes on on a fresh one. */
        rc = qemu_disk_cut_swap(vm, &dc, why, why_len);
        if (rc)
                goto out;
        /* Device and vCPU state only: x-ignore-shared leaves out the RAM block backed by our
         * share=on file (only ROM/ACPI blocks travel, about 0.35 MiB). */
        rc = qmp_migrate_to(&vm->qmp, cp.state_path, true, why, why_len);
        if (rc == 0)
                rc = qemu_disk_cut_commit(vm, &dc, why, why_len);
        if (rc)
                goto out;
        /* The freeze: the generation is a copy, and the parent continues on its own file, so
         * nothing the parent writes later can reach a clone's not-yet-copied pages. */
        if (precopied)
                rc = qemu_copy_diff(vm->mem_path, cp.mem_path, vm->conf.mem_bytes, &changed);
        if (!precopied || rc)
                rc = qemu_copy_sparse(vm->mem_path, cp.mem_path, vm->conf.mem_bytes);
        if (rc) {
                rc = cc_why(why, why_len, rc, "copy %s -> %s: %s", vm->mem_path, cp.mem_path, strerror(-rc));
                goto out;
        }
        rc = qmp_cmd(&vm->qmp, "cont", NULL, NULL, why, why_len);
        if (rc)
                goto out;
        stopped = false;
        cp.pause_ns = mono_ns() - t0;
        /* The whole memory for restores, saved from the frozen copy while the parent runs. The
         * cut itself has succeeded (the parent runs on the layer above it): a failed save fails
         * the restores of this generation, with its reason (qemu_full.c), not the cut. */
        if (vm->save_full)
                qemu_save_full(vm, &cp, gen_dir, NULL);
        cp.mem_bytes = vm->conf.mem_bytes;
        cp.page_size = 4096;
        conf = qemu_conf_to_json(&vm->conf);
        if (snprintf(cp.vm_config_json, sizeof(cp.vm_config_json), "%s",
                     json_object_to_json_string_ext(conf, JSON_C_TO_STRING_PLAIN)) >= (int)sizeof(cp.vm_config_json)) {
                rc = cc_why(why, why_len, -E2BIG, "VM config does not fit the checkpoint record");
                goto out;
        }
        if (qemu_disk_layers(&vm->conf, cp.disk_layers, sizeof(cp.disk_layers))) {
                rc = cc_why(why, why_len, -E2BIG, "disk layer paths do not fit the checkpoint record");
                goto out;
        }
        qemu_write_state_file(vm);
        *ret = cp;
out:
        if (stopped && !qemu_vm_exited(vm)) {
                char cwhy[256];                 /* never leave the parent paused, or say so */
                if (qmp_cmd(&vm->qmp, "cont", NULL, NULL, cwhy, sizeof(cwhy)) && why) {
                        size_t n = strlen(why);
                        if (n < why_len)
                                cc_fmt(why + n, why_len - n, "; the VM stays paused: %s", cwhy);
                }
        }
        if (rc && dc.swapped && !qemu_vm_exited(vm)) {
                qemu_disk_cut_undo(vm, &dc);
                qemu_write_state_file(vm);
        } else if (rc && dc.new_active[0] && !dc.swapped) {
                unlink(dc.new_active);          /* made for a swap that never came */
        }
        json_object_put(conf);
        pthread_mutex_unlock(&vm->lock);
        return rc;
}

/* "nbd://HOST:PORT/NAME" (HOST may be "[v6]") as the json: backing QEMU opens with TLS: the
 * URI form has no place for tls-creds. */
static int nbd_tls_backing(const char *uri, char *out, size_t out_len, char *why, size_t why_len)
{
        const char *h = uri + 6, *hend, *port, *name;
        char host[256], portbuf[8];
        json_object *o, *srv;
        int n;

        if (*h == '[') {
                hend = strchr(++h, ']');
                port = hend && hend[1] == ':' ? hend + 2 : NULL;
        } else {
                hend = strchr(h, ':');
                port = hend ? hend + 1 : NULL;
        }
        name = port ? strchr(port, '/') : NULL;
        if (!hend || !name || hend == h || (size_t)(hend - h) >= sizeof(host) || name == port ||
            (size_t)(name - port) >= sizeof(portbuf) || !name[1])
                return cc_why(why, why_len, -EINVAL, "clone: disk URI '%s' is not nbd://HOST:PORT/NAME", uri);
        snprintf(host, sizeof(host), "%.*s", (int)(hend - h), h);
        snprintf(portbuf, sizeof(portbuf), "%.*s", (int)(name - port), port);
        json_object *raw = json_object_new_object();
        o = json_object_new_object();
        srv = json_object_new_object();
        json_object_object_add(srv, "type", json_object_new_string("inet"));
        json_object_object_add(srv, "host", json_object_new_string(host));
        json_object_object_add(srv, "port", json_object_new_string(portbuf));
        json_object_object_add(o, "driver", json_object_new_string("nbd"));
        json_object_object_add(o, "server", srv);
        json_object_object_add(o, "export", json_object_new_string(name + 1));
        json_object_object_add(o, "tls-creds", json_object_new_string(QEMU_NBD_TLS_ID));
        /* the overlay names its backing's format (raw): the options are the raw node's */
        json_object_object_add(raw, "driver", json_object_new_string("raw"));
        json_object_object_add(raw, "file", o);
        n = snprintf(out, out_len, "json:%s", json_object_to_json_string_ext(raw, JSON_C_TO_STRING_PLAIN));
        json_object_put(raw);
        if (n < 0 || (size_t)n >= out_len)
                return cc_why(why, why_len, -ENAMETOOLONG, "clone: disk URI '%s' too long", uri);
        return 0;
}

static int qemu_clone(const struct cc_clone_spec *spec, struct cc_vm **ret, char *why, size_t why_len)
{
        struct cc_vm *vm = NULL;
        json_object *conf = NULL;
        char seedtxt[32], netfields[160] = "", restore[16], full[PATH_MAX] = "", tls_backing[1024];
        const char *hostname;
        int rc;

        if (!spec || !spec->run_dir || !spec->vm_config_json || !ret)
                return cc_why(why, why_len, -EINVAL, "clone: missing spec field");
        rc = qemu_check_attach("clone", &spec->net, spec->disks, spec->ndisks, false, why, why_len);
        if (rc)
                return rc;
        if (!spec->id.clone_id[0] || strlen(spec->id.clone_id) >= 64 ||
            strspn(spec->id.clone_id, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-") !=
                    strlen(spec->id.clone_id) ||
            strspn(spec->id.hostname, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.") !=
                    strlen(spec->id.hostname))
                return cc_why(why, why_len, -EINVAL, "clone: clone id or hostname has characters outside [A-Za-z0-9_.-]");
        vm = qemu_vm_new(spec->run_dir);
        if (!vm)
                return cc_why(why, why_len, -ENOMEM, "out of memory");
        conf = json_tokener_parse(spec->vm_config_json);
        if (!conf) {
                rc = cc_why(why, why_len, -EINVAL, "clone: VM config is not JSON");
                goto out;
        }
        rc = qemu_conf_from_json(conf, &vm->conf, why, why_len);
        if (rc)
                goto out;
        /* QEMU would silently create a missing mem-path as a zero file and then fail the restore
         * with an unrelated-looking error: check it first. */
        rc = check_file("generation memory", spec->mem_path, vm->conf.mem_bytes, why, why_len);
        if (rc == 0)
                rc = check_file("device state", spec->state_path, 1, why, why_len);
        if (rc)
                goto out;
        /* restore=full: the whole memory read in from the generation's saved state (qemu_full.c) */
        if (opt_get(spec->driver_opts, "restore", restore, sizeof(restore))) {
                rc = qemu_full_for_clone(spec, restore, full, sizeof(full), why, why_len);
                if (rc)
                        goto out;
        }
        if (mkdir(spec->run_dir, 0755) < 0 && errno != EEXIST) {
                rc = cc_why(why, why_len, -errno, "mkdir %s: %s", spec->run_dir, strerror(errno));
                goto out;
        }
        if (vm->conf.disk_image[0]) {
                /* The clone's own thin overlay on the generation's frozen layer: the file here,
                 * or, on another host, the layer's NBD export (raw: the server opens the chain). */
                uint64_t t0 = mono_ns();
                const char *backing = vm->conf.disk_base, *backing_fmt = "qcow2";
                if (spec->disk_uri) {
                        if (strncmp(spec->disk_uri, "nbd://", 6) || strpbrk(spec->disk_uri, " ,\n")) {
                                rc = cc_why(why, why_len, -EINVAL, "clone: disk URI '%s' is not nbd://HOST:PORT/NAME",
                                            spec->disk_uri);
                                goto out;
                        }
                        backing = spec->disk_uri;
                        backing_fmt = "raw";
                        if (spec->disk_tls_dir) {
                                if (strpbrk(spec->disk_tls_dir, ",\n") ||
                                    snprintf(vm->disk_tls_dir, sizeof(vm->disk_tls_dir), "%s", spec->disk_tls_dir) >=
                                            (int)sizeof(vm->disk_tls_dir)) {
                                        rc = cc_why(why, why_len, -EINVAL, "clone: TLS key directory '%s' unusable",
                                                    spec->disk_tls_dir);
                                        goto out;
                                }
                                rc = nbd_tls_backing(spec->disk_uri, tls_backing, sizeof(tls_backing), why, why_len);
                                if (rc)
                                        goto out;
                                backing = tls_backing;
                        }
                } else {
                        rc = check_file("generation disk layer", vm->conf.disk_base, 1, why, why_len);
                        if (rc)
                                goto out;
                }
                vm->disk_seq = 1;
                if (qemu_disk_path(vm, vm->disk_seq, vm->disk_active, sizeof(vm->disk_active))) {
                        rc = cc_why(why, why_len, -ENAMETOOLONG, "run dir path too long");
                        goto out;
                }
                rc = qemu_img_overlay(backing, backing_fmt, vm->conf.disk_bytes, vm->disk_active, why, why_len);
                if (rc)
                        goto out;
                vm->disk_setup_ns = mono_ns() - t0;
        }
        if (full[0])
                rc = qemu_full_own_ram(vm, why, why_len);
        else
                snprintf(vm->mem_path, sizeof(vm->mem_path), "%s", spec->mem_path);
        if (rc)
                goto out;
        vm->mem_shared = false;
        vm->host_port = spec->net.host_port;
        vm->net = spec->net;
        hostname = spec->id.hostname[0] ? spec->id.hostname : spec->id.clone_id;
        snprintf(vm->expect_id, sizeof(vm->expect_id), "%s", spec->id.clone_id);
        snprintf(seedtxt, sizeof(seedtxt), "%016" PRIx64, spec->id.seed);
        if (vm->net.kind == CC_NET_BRIDGE) {
                static const uint8_t zero[6];
                char mac[18];
                if (!memcmp(vm->net.mac, zero, 6))
                        memcpy(vm->net.mac, spec->id.mac, 6);
                qemu_mac_text(vm->net.mac, mac);
                /* The NIC's configured MAC is what QEMU's own post-migration announcements (RARP)
                 * carry: with the parent's there, a late round would move the parent's MAC to
                 * this clone's port in the bridge's FDB. The device state restored from the
                 * stream still holds the parent's until the agent sets the new one. */
                snprintf(vm->conf.mac, sizeof(vm->conf.mac), "%s", mac);
                snprintf(netfields, sizeof(netfields), " mac=%s ipv4=%s/%u gw=%s dns=%s", mac, vm->net.ipv4,
                         vm->net.prefix_len, vm->net.gateway[0] ? vm->net.gateway : "-",
                         vm->net.dns[0] ? vm->net.dns : "-");
                snprintf(vm->expect_net, sizeof(vm->expect_net), "mac=%s ipv4=%s/%u hostname=%s", mac,
                         vm->net.ipv4, vm->net.prefix_len, hostname);
        }
        snprintf(vm->identity_line, sizeof(vm->identity_line),
                 "identity clone_id=%s hostname=%s seed=%s fail_ready=%d%s\n", spec->id.clone_id,
                 hostname, seedtxt, opt_true(spec->driver_opts, "fail_ready") ? 1 : 0, netfields);
        rc = qemu_spawn(vm, true, why, why_len);
        if (rc)
                goto out;
        rc = full[0] ? qmp_migrate_from(&vm->qmp, full, false, why, why_len)
                     : qmp_migrate_from(&vm->qmp, spec->state_path, true, why, why_len);
        if (rc == 0 && vm->net.kind == CC_NET_BRIDGE) {
                /* The restored guest is its parent on the wire (MAC, address, open TCP
                 * connections): with the link up it would answer ARP for the parent's address
                 * and reset the parent's connections. Keep it cut off until the agent has taken
                 * the new identity (qemu_agent_drain brings the link up). */
                json_object *args = json_object_new_object();
                json_object_object_add(args, "name", json_object_new_string("n0"));
                json_object_object_add(args, "up", json_object_new_boolean(false));
                rc = qmp_cmd(&vm->qmp, "set_link", args, NULL, why, why_len);   /* takes args */
        }
        if (rc == 0)
                rc = qmp_cmd(&vm->qmp, "cont", NULL, NULL, why, why_len);
        if (rc) {
                if (qemu_vm_wait_exit(vm, 500)) {
                        qemu_vm_mark_exited(vm, "QEMU exited during restore");
                        cc_why(why, why_len, rc, "%s", vm->reason);
                }
                goto out;
        }
        if (spec->disk_uri) {
                /* driver option disk_complete_mib_s=N: copy the remote backing here in the
                 * background (qemu_disk.c); without it the disk stays lazy for the clone's life */
                char mib[16], err[CC_REASON_MAX] = "";
                vm->disk_remote = true;
                if (opt_get(spec->driver_opts, "disk_complete_mib_s", mib, sizeof(mib)) && atoi(mib) > 0 &&
                    qemu_disk_complete_start(vm, (unsigned)atoi(mib), err, sizeof(err)) < 0) {
                        rc = cc_why(why, why_len, -EIO, "clone: background copy of the disk not started: %.300s", err);
                        goto out;
                }
        }
        /* Queued in the socket until the guest's port reads it; the agent answers "ready <id>". */
        rc = qemu_send_all(vm->agent_fd, vm->identity_line);
        if (rc) {
                rc = cc_why(why, why_len, rc, "guest agent socket: %s", strerror(-rc));
                goto out;
        }
        *ret = vm;
        vm = NULL;
out:
        json_object_put(conf);
        if (vm) {
                qemu_vm_kill(vm);
                if (vm->disk_active[0])
                        unlink(vm->disk_active);
                qemu_destroy(vm);
        }
        return rc;
}

/* stop/cont: pause moves a running guest to PAUSED, resume takes a paused one back. */
static int qemu_set_paused(struct cc_vm *vm, bool pause)
{
        int rc;

        pthread_mutex_lock(&vm->lock);
        rc = qmp_cmd(&vm->qmp, pause ? "stop" : "cont", NULL, NULL, NULL, 0);
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
        qemu_disk_remove_overlays(run_dir);
        rmdir(run_dir);         /* fails harmlessly when others keep files there */
}

static int qemu_retire(struct cc_vm *vm, unsigned timeout_ms)
{
        unsigned half = timeout_ms / 2;
        int rc = 0;

        if (!vm)
                return -EINVAL;
        pthread_mutex_lock(&vm->lock);
        if (!qemu_vm_exited(vm)) {
                /* Graceful: the agent powers the guest off (QEMU exits under -no-reboot); if the
                 * guest does not, QEMU's own quit; if QEMU does not answer either, SIGKILL. */
                if (vm->agent_fd >= 0 && !vm->paused)
                        qemu_send_all(vm->agent_fd, "quit\n");
                if (vm->agent_fd < 0 || vm->paused || !qemu_vm_wait_exit(vm, half)) {
                        qmp_cmd(&vm->qmp, "quit", NULL, NULL, NULL, 0);
                        if (!qemu_vm_wait_exit(vm, timeout_ms - half)) {
                                qemu_vm_kill(vm);
                                rc = -ETIMEDOUT;        /* it went, but not gracefully */
                        }
                }
        }
        vm->state = CC_VM_EXITED;
        snprintf(vm->reason, sizeof(vm->reason), "retired");
        if (is_own_ram(vm))
                unlink(vm->mem_path);
        qmp_close(&vm->qmp);
        if (vm->agent_fd >= 0)
                close(vm->agent_fd);
        vm->agent_fd = -1;
        clean_run_dir(vm->run_dir);
        pthread_mutex_unlock(&vm->lock);
        return rc == -ETIMEDOUT ? 0 : rc;
}

static int qemu_status(struct cc_vm *vm, struct cc_vm_status *ret)
{
        if (!vm || !ret)
                return -EINVAL;
        pthread_mutex_lock(&vm->lock);
        memset(ret, 0, sizeof(*ret));
        if (vm->state != CC_VM_EXITED) {
                qemu_agent_drain(vm);
                if (qemu_vm_exited(vm))
                        qemu_vm_mark_exited(vm, "QEMU exited");
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
        ret->pid = qemu_vm_pid(vm);
        if (vm->net.kind == CC_NET_BRIDGE)
                snprintf(ret->address, sizeof(ret->address), "%s:%u", vm->net.ipv4, vm->conf.guest_port);
        else
                snprintf(ret->address, sizeof(ret->address), "127.0.0.1:%u", vm->host_port);
        ret->agent_silent = !vm->agent_heard;
        snprintf(ret->guest_identity, sizeof(ret->guest_identity), "%s", vm->reported_net);
        if (vm->state != CC_VM_EXITED)
                qemu_mem_usage(vm->pid, &ret->rss_bytes, &ret->private_bytes);
        snprintf(ret->reason, sizeof(ret->reason), "%s", vm->reason);
        if (vm->disk_active[0] && vm->state != CC_VM_EXITED) {
                struct stat st;
                snprintf(ret->disk, sizeof(ret->disk), "%s", vm->disk_active);
                if (stat(vm->disk_active, &st) == 0)
                        ret->disk_bytes = (uint64_t)st.st_blocks * 512;
                ret->disk_setup_us = vm->disk_setup_ns / 1000;
                qemu_disk_complete_poll(vm);
                ret->disk_remote = vm->disk_remote;
                ret->disk_copied_pct = vm->disk_copied_pct;
        }
        pthread_mutex_unlock(&vm->lock);
        return 0;
}

/* What status() reads is the agent's socket and QEMU's pidfd: wait on both (and wake_fd).
 * Duplicates, because status() may close the agent socket meanwhile (the guest hung up). */
static int qemu_wait(struct cc_vm *vm, int wake_fd, unsigned timeout_ms)
{
        struct pollfd p[3] = { { .fd = -1 }, { .fd = -1 }, { .fd = wake_fd, .events = POLLIN } };
        int rc;

        pthread_mutex_lock(&vm->lock);
        bool gone = vm->state == CC_VM_EXITED;
        if (!gone && vm->agent_fd >= 0)
                p[0].fd = fcntl(vm->agent_fd, F_DUPFD_CLOEXEC, 0);
        if (!gone && vm->pidfd >= 0)
                p[1].fd = fcntl(vm->pidfd, F_DUPFD_CLOEXEC, 0);
        pthread_mutex_unlock(&vm->lock);
        if (gone)
                return 0;
        p[0].events = p[1].events = POLLIN;
        rc = poll(p, 3, timeout_ms > INT_MAX ? INT_MAX : (int)timeout_ms);
        rc = rc < 0 ? -errno : 0;
        if (p[0].fd >= 0)
                close(p[0].fd);
        if (p[1].fd >= 0)
                close(p[1].fd);
        return rc;
}

static int qemu_adopt(const char *run_dir, struct cc_vm **ret, char *why, size_t why_len)
{
        struct cc_vm *vm = NULL;
        char path[PATH_MAX];
        pid_t pid, old = 0;
        int rc;

        if (!run_dir || !ret)
                return cc_why(why, why_len, -EINVAL, "adopt: missing run_dir");
        if (path_join(path, sizeof(path), run_dir, "vm.json"))
                return cc_why(why, why_len, -ENAMETOOLONG, "run dir path too long");
        pid = qemu_live_pid(run_dir, &old);
        if (pid < 0)
                return cc_why(why, why_len, -ENOENT, "%s: no QEMU pid file", run_dir);
        vm = qemu_vm_new(run_dir);
        if (!vm)
                return cc_why(why, why_len, -ENOMEM, "out of memory");
        if (pid > 0) {
                vm->pid = pid;
                vm->pidfd = qemu_pidfd_open(pid);
        }
        rc = qemu_read_state_file(vm, path, why, why_len);
        if (rc)
                goto out;
        if (pid == 0) {
                /* Its QEMU died while nobody watched: report it, with what QEMU said last. */
                vm->pid = -old;
                qemu_vm_mark_exited(vm, "QEMU exited while nobody watched");
                *ret = vm;
                vm = NULL;
                rc = 0;
                goto out;
        }
        rc = qemu_qmp_connect(vm, why, why_len);
        if (rc && qemu_vm_wait_exit(vm, 1000)) {
                /* It was dying as we came: report the exit, not the broken connection. */
                qemu_vm_mark_exited(vm, "QEMU exited");
                *ret = vm;
                vm = NULL;
                rc = 0;
                goto out;
        }
        if (rc == 0) {
                json_object *r = NULL, *s = NULL;
                rc = qmp_cmd(&vm->qmp, "query-status", NULL, &r, why, why_len);
                if (rc == 0 && json_object_object_get_ex(r, "status", &s))
                        vm->paused = strcmp(json_object_get_string(s), "running") != 0;
                json_object_put(r);
        }
        if (rc == 0)
                rc = qemu_agent_connect(vm, why, why_len);
        /* The agent answers hello with "ready <id>" if it is ready; until then STARTING. */
        if (rc == 0)
                rc = qemu_send_all(vm->agent_fd, "hello\n");
        if (rc)
                goto out;
        *ret = vm;
        vm = NULL;
out:
        if (vm && vm->pid > 0 && !qemu_vm_exited(vm)) {
                /* A live QEMU nobody can drive would outlive its run dir and hold its address
                 * and memory forever: a VM that cannot be adopted is killed. */
                size_t len = strlen(why ? why : "");
                pid_t killed = vm->pid;
                qemu_vm_kill(vm);
                if (why && len < why_len)
                        snprintf(why + len, why_len - len, " (QEMU pid %d killed: it could not be adopted)",
                                 (int)killed);
        }
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
        .wait = qemu_wait,
        .adopt = qemu_adopt,
        .destroy = qemu_destroy,
};

