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
 * copied from its pty into <run_dir>/console.log. This file is the ops table; the parts it is made
 * of are listed in xen_int.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xen_int.h"

static int xen_probe(char *why, size_t why_len)
{
        struct cc_vm *vm = NULL;
        char dir[] = "/tmp/cc-xen-probe.XXXXXX";
        int r;

        if (access("/dev/xen/privcmd", R_OK | W_OK) < 0 && access("/proc/xen/privcmd", R_OK | W_OK) < 0)
                return cc_why(why, why_len, -ENODEV, "no /dev/xen/privcmd: not running as a Xen dom0");
        if (!mkdtemp(dir))
                return cc_why(why, why_len, -errno, "mkdtemp: %s", strerror(errno));
        xen_op_begin(NULL);
        r = xen_vm_new(dir, "probe", &vm, why, why_len);
        if (r == 0 && !libxl_get_version_info(xen_ctx))
                r = cc_why(why, why_len, -ENODEV, "libxl cannot read the hypervisor version");
        xen_vm_free(vm);
        xen_op_end();
        char p[sizeof(dir) + 16];
        snprintf(p, sizeof(p), "%s/xen.log", dir);
        unlink(p);
        rmdir(dir);
        return r;
}

static void xen_destroy(struct cc_vm *vm)
{
        xen_vm_free(vm);
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
