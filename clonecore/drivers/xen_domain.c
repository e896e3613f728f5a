/* drivers/xen_domain.c: a domain's lifecycle through libxl: create a parent from the worker
 * kernel + initramfs (created paused, then unpaused), pause/resume, retire (shutdown, destroy,
 * wait until Xen has released it), status, and adoption after a daemon restart (xen.domid). */
#include <errno.h>
#include <inttypes.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xen_int.h"
#include "xen_stream.h"

int xen_make_config(struct cc_vm *vm, libxl_domain_config *dc, const uint8_t *mac)
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
        if (vm->disk.id) {              /* its thin device, as the guest's first disk */
                libxl_device_disk *disk = calloc(1, sizeof(*disk));
                if (!disk)
                        return -ENOMEM;
                libxl_device_disk_init(disk);
                disk->pdev_path = strdup(vm->disk.dev);
                disk->vdev = strdup("xvda");
                disk->backend = LIBXL_DISK_BACKEND_PHY;
                disk->format = LIBXL_DISK_FORMAT_RAW;
                disk->readwrite = 1;
                dc->disks = disk;
                dc->num_disks = 1;
                if (!disk->pdev_path || !disk->vdev)
                        return -ENOMEM;
        }
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

/* The parent's disk: a thin device holding a copy of the image, in the pool of driver option
 * disk_pool=DIR (default: xen-disks beside the run dir), disk_pool_gib=N of sparse data (16). */
static int parent_disk(struct cc_vm *vm, const struct cc_vm_config *cfg, char *why, size_t why_len)
{
        char dir[PATH_MAX], opt[32];
        unsigned gib = 0;

        if (!xen_opt_get(cfg->driver_opts, "disk_pool", dir, sizeof(dir))) {
                snprintf(dir, sizeof(dir), "%s", cfg->run_dir);
                char *slash = strrchr(dir, '/');
                if (slash && slash != dir)
                        *slash = 0;
                size_t n = strlen(dir);
                snprintf(dir + n, sizeof(dir) - n, "/xen-disks");
        }
        if (xen_opt_get(cfg->driver_opts, "disk_pool_gib", opt, sizeof(opt)) &&
            (sscanf(opt, "%u", &gib) != 1 || gib < 1 || gib > 65536))
                return cc_why(why, why_len, -EINVAL, "disk_pool_gib=%s: 1 to 65536", opt);
        int r = xen_disk_parent(&vm->disk, dir, gib, cfg->disks[0].path, vm->run_dir, why, why_len);
        if (r < 0)
                return r;
        fprintf(vm->logf, "snowscale: disk %s: %s, %" PRIu64 " MiB, %" PRIu64 " KiB of it copied from %s in %.1f ms\n",
                vm->disk.dev, dir, vm->disk.sectors >> 11, vm->disk.import_bytes >> 10, cfg->disks[0].path,
                (double)vm->disk.setup_us / 1000.0);
        xen_vm_disk_keep(vm);
        return 0;
}

int xen_boot_parent(const struct cc_vm_config *cfg, struct cc_vm **ret, char *why, size_t why_len)
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
        r = xen_net_check("parent", &cfg->net, why, why_len);
        if (r < 0)
                return r;
        if (cfg->ndisks > 1 || (cfg->ndisks && cfg->disks[0].read_only))
                return cc_why(why, why_len, -EOPNOTSUPP, "the xen driver takes one writable disk");
        r = xen_vm_new(cfg->run_dir, cfg->name, &vm, why, why_len);
        if (r < 0)
                return r;
        if (cfg->ndisks) {
                r = parent_disk(vm, cfg, why, why_len);
                if (r < 0) {
                        xen_vm_free(vm);
                        return r;
                }
        }
        snprintf(vm->kernel, sizeof(vm->kernel), "%s", cfg->kernel);
        snprintf(vm->initrd, sizeof(vm->initrd), "%s", cfg->initrd);
        snprintf(vm->cmdline, sizeof(vm->cmdline), "%s", cfg->cmdline && cfg->cmdline[0] ? cfg->cmdline : XEN_CMDLINE);
        vm->max_memkb = cfg->mem_bytes / 1024;
        vm->vcpus = cfg->vcpus;
        vm->guest_port = cfg->guest_port ? cfg->guest_port : 80;
        if (xen_opt_get(cfg->driver_opts, "bridge", opt, sizeof(opt)))
                snprintf(vm->bridge, sizeof(vm->bridge), "%s", opt);
        vm->net = cfg->net;
        if (cfg->net.kind == CC_NET_BRIDGE) {
                /* The address plan's place: the vif on its bridge with its MAC; the image's /init
                 * configures eth0 from sf.ip=/sf.gw= (docs/drivers.md). */
                size_t n = strlen(vm->cmdline);
                snprintf(vm->bridge, sizeof(vm->bridge), "%s", cfg->net.bridge);
                xen_net_mac(&cfg->net, cfg->name, vm->mac);
                if (snprintf(vm->cmdline + n, sizeof(vm->cmdline) - n, " sf.ip=%s/%u%s%s", cfg->net.ipv4,
                             cfg->net.prefix_len, cfg->net.gateway[0] ? " sf.gw=" : "",
                             cfg->net.gateway) >= (int)(sizeof(vm->cmdline) - n)) {
                        xen_vm_free(vm);
                        return cc_why(why, why_len, -E2BIG, "kernel command line too long");
                }
        }
        xen_op_begin(vm);
        r = xen_make_config(vm, &dc, cfg->net.kind == CC_NET_BRIDGE ? vm->mac : NULL);
        if (r < 0)
                goto fail;
        rc = libxl_domain_create_new(xen_ctx, &dc, &vm->domid, NULL, NULL);
        if (rc) {
                r = xen_fail(vm, why, why_len, "libxl_domain_create_new", rc);
                goto fail;
        }
        vm->have_domain = true;
        xen_write_domid_file(vm);
        xen_console_start(vm);
        rc = libxl_domain_unpause(xen_ctx, vm->domid, NULL);   /* created paused */
        if (rc) {
                r = xen_fail(vm, why, why_len, "libxl_domain_unpause", rc);
                libxl_domain_destroy(xen_ctx, vm->domid, NULL);
                goto fail;
        }
        libxl_domain_config_dispose(&dc);
        xen_op_end();
        *ret = vm;
        return 0;
fail:
        libxl_domain_config_dispose(&dc);
        xen_op_end();
        xen_vm_disk_drop(vm);
        xen_vm_free(vm);
        return r;
}

int xen_pause(struct cc_vm *vm)
{
        xen_op_begin(vm);
        int rc = libxl_domain_pause(xen_ctx, vm->domid, NULL);
        xen_op_end();
        return rc ? -EIO : 0;
}

int xen_resume(struct cc_vm *vm)
{
        xen_op_begin(vm);
        int rc = libxl_domain_unpause(xen_ctx, vm->domid, NULL);
        xen_op_end();
        return rc ? -EIO : 0;
}

/* 1: gone or shut down, 0: still running, <0: error */
static int domain_down(struct cc_vm *vm)
{
        libxl_dominfo di;
        int rc, r;

        libxl_dominfo_init(&di);
        xen_op_begin(vm);
        rc = libxl_domain_info(xen_ctx, &di, vm->domid);
        xen_op_end();
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
        xen_op_begin(vm);
        int rc = libxl_domain_info(xen_ctx, &di, vm->domid);
        xen_op_end();
        libxl_dominfo_dispose(&di);
        return rc == ERROR_DOMAIN_NOTFOUND ? 1 : rc ? -EIO : 0;
}

int xen_retire(struct cc_vm *vm, unsigned timeout_ms)
{
        uint64_t deadline = mono_ns() + (uint64_t)timeout_ms * 1000000ull;
        bool watching;

        if (!vm->have_domain)
                return 0;
        watching = xs_watch(vm->xs, "@releaseDomain", "retire");
        xen_op_begin(vm);
        int src = libxl_domain_shutdown(xen_ctx, vm->domid, NULL);
        xen_op_end();
        if (src == 0)
                wait_release(vm, watching, deadline, domain_down);
        xen_op_begin(vm);
        int rc = libxl_domain_destroy(xen_ctx, vm->domid, NULL);
        xen_op_end();
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
        xen_console_stop(vm);
        if (rc && rc != ERROR_DOMAIN_NOTFOUND && domain_down(vm) != 1)
                return -EIO;
        vm->have_domain = false;
        xen_vm_disk_drop(vm);           /* blkback has let go of it with the domain */
        return 0;
}

int xen_status(struct cc_vm *vm, struct cc_vm_status *ret)
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
        xen_op_begin(vm);
        rc = libxl_domain_info(xen_ctx, &di, vm->domid);
        xen_op_end();
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
                /* a clone is ready once its agent has applied this clone's identity */
                bool ready = xen_identity_ready(vm);
                ret->state = ready ? CC_VM_RUNNING : CC_VM_STARTING;
        }
        xen_address(vm, ret->address, sizeof(ret->address));
        snprintf(ret->guest_identity, sizeof(ret->guest_identity), "%s", vm->guest_identity);
        /* disk_bytes stays 0: a thin device's mapped blocks include those it shares */
        snprintf(ret->disk, sizeof(ret->disk), "%s", vm->disk.dev);
        ret->disk_setup_us = vm->disk.setup_us;
        ret->rss_bytes = di.current_memkb * 1024;
        ret->private_bytes = ret->rss_bytes;    /* PV domains share no memory on stock Xen */
        libxl_dominfo_dispose(&di);
        return 0;
}

int xen_adopt(const char *run_dir, struct cc_vm **ret, char *why, size_t why_len)
{
        char path[PATH_MAX + 16], line[256] = "", name[64], cid[64], addr[64] = "-";
        unsigned domid, port = 0;
        struct cc_vm *vm = NULL;
        int r;

        snprintf(path, sizeof(path), "%s/xen.domid", run_dir);
        FILE *f = fopen(path, "re");
        if (!f)
                return cc_why(why, why_len, -errno, "no %s: %s", path, strerror(errno));
        bool ok = fgets(line, sizeof(line), f) && sscanf(line, "%u %63s %63s %63s", &domid, name, cid, addr) >= 3;
        fclose(f);
        if (!ok)
                return cc_why(why, why_len, -EBADMSG, "%s is malformed", path);
        r = xen_vm_new(run_dir, name, &vm, why, why_len);
        if (r < 0)
                return r;
        xen_op_begin(vm);
        char *cur = libxl_domid_to_name(xen_ctx, domid);
        xen_op_end();
        bool same = cur && strcmp(cur, name) == 0;
        free(cur);
        if (!same) {
                xen_vm_free(vm);
                return cc_why(why, why_len, -ESRCH, "domain %u '%s' no longer exists", domid, name);
        }
        vm->domid = domid;
        vm->have_domain = true;
        xen_disk_path(vm, path, sizeof(path));
        if (xen_disk_load(&vm->disk, path) == -EBADMSG) {
                xen_vm_free(vm);
                return cc_why(why, why_len, -EBADMSG, "%s is malformed", path);
        }
        if (strcmp(cid, "-") != 0)
                snprintf(vm->clone_id, sizeof(vm->clone_id), "%s", cid);
        /* a VM on a bridge (ADDRESS:PORT): adopted as it was, online */
        char *colon = strrchr(addr, ':');
        if (colon && sscanf(colon + 1, "%u", &port) == 1 && (size_t)(colon - addr) < sizeof(vm->net.ipv4)) {
                vm->net.kind = CC_NET_BRIDGE;
                snprintf(vm->net.ipv4, sizeof(vm->net.ipv4), "%.*s", (int)(colon - addr), addr);
                vm->guest_port = port;
                vm->online = true;
        }
        xen_console_start(vm);
        *ret = vm;
        return 0;
}
