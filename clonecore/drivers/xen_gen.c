/* drivers/xen_gen.c: generations. Checkpoint: libxl_domain_suspend (non-live: Debian's
 * hypervisor has no shadow paging, so PV log-dirty, hence live save, is unavailable) into a pipe
 * read by the stream splitter, then libxl_domain_resume(suspend_cancel=1) so the parent continues
 * where it was. Clone: the synthesizer rebuilds the stream from the state blob and the memory
 * image and feeds it to libxl_domain_create_restore (stream_version 2) under a new name and MAC;
 * the identity is written before the clone is unpaused (xen_identity.c). */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <json-c/json.h>
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ss_util.h"
#include "xen_int.h"
#include "xen_stream.h"

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

int xen_checkpoint(struct cc_vm *vm, const char *gen_dir, struct cc_checkpoint *ret,
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
        xen_op_begin(vm);
        /* Non-live: the domain is suspended while every page streams through the splitter. */
        rc = libxl_domain_suspend(xen_ctx, vm->domid, p[1], 0, NULL);
        close(p[1]);
        p[1] = -1;
        pthread_join(t, NULL);
        started = false;
        /* The disk freezes in the same pause as memory: a snapshot of the suspended domain's thin
         * device becomes the generation's layer. */
        uint32_t disk_snap = 0;
        char disk_why[256] = "";
        int dr = rc == 0 && job.r == 0 && vm->disk.id ?
                 xen_disk_snapshot(&vm->disk, gen_dir, &disk_snap, disk_why, sizeof(disk_why)) : 0;
        /* suspend_cancel: the guest returns from its suspend hypercall and carries on as before */
        int rrc = libxl_domain_resume(xen_ctx, vm->domid, 1, NULL);
        xen_op_end();
        ret->pause_ns = mono_ns() - t0;
        if (rc) {
                r = xen_fail(vm, why, why_len, "libxl_domain_suspend", rc);
                if (job.r < 0)
                        snprintf(why + strlen(why), why_len - strlen(why), " (splitter: %s)", job.why);
                goto out;
        }
        if (job.r < 0) {
                r = cc_why(why, why_len, job.r, "save stream rejected: %s", job.why);
                goto out;
        }
        if (rrc) {
                r = xen_fail(vm, why, why_len, "libxl_domain_resume of the parent", rrc);
                goto out;
        }
        if (dr < 0) {
                r = cc_why(why, why_len, dr, "disk snapshot: %s", disk_why);
                goto out;
        }
        r = xen_write_file(ret->state_path, job.blob, job.len);
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
        json_object_object_add(j, "guest_port", json_object_new_int((int)vm->guest_port));
        if (disk_snap) {                /* the generation's disk: a thin device of the pool at dir */
                json_object *dj = json_object_new_object();
                json_object_object_add(dj, "dir", json_object_new_string(vm->disk.dir));
                json_object_object_add(dj, "id", json_object_new_int64(disk_snap));
                json_object_object_add(dj, "sectors", json_object_new_int64((int64_t)vm->disk.sectors));
                json_object_object_add(j, "disk", dj);
        }
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
        xen_write_file(stats_path, st, (size_t)n);
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
        const struct cc_page_source *pages;     /* NULL: every page from mem_fd */
        unsigned flags;
        struct cc_xs_stats st;
        int r;
        char why[256];
};

static void *synth_thread(void *arg)
{
        struct synth_job *j = arg;

        j->r = cc_xs_synth_src(j->blob, j->len, j->pages ? j->pages->read : NULL, j->pages ? j->pages->ctx : NULL,
                               j->mem_fd, j->out_fd, j->flags, &j->st, j->why, sizeof(j->why));
        shutdown(j->out_fd, SHUT_WR);
        return NULL;
}

struct gen_disk {                       /* a generation's disk, from its VM config */
        char dir[PATH_MAX];
        uint32_t id;
        uint64_t sectors;
};

static int parse_config(struct cc_vm *vm, const char *js, struct gen_disk *gd, char *why, size_t why_len)
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
        /* optional: descriptors cut before it was recorded serve on 80 */
        vm->guest_port = 80;
        if (json_object_object_get_ex(j, "guest_port", &v)) {
                if (json_object_get_int(v) < 1 || json_object_get_int(v) > 65535) {
                        cc_why(why, why_len, r, "VM config: guest_port out of range");
                        goto out;
                }
                vm->guest_port = (unsigned)json_object_get_int(v);
        }
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
        memset(gd, 0, sizeof(*gd));
        if (json_object_object_get_ex(j, "disk", &v)) {
                json_object *dir, *id, *sec;
                if (!json_object_is_type(v, json_type_object) || !json_object_object_get_ex(v, "dir", &dir) ||
                    !json_object_is_type(dir, json_type_string) || strlen(json_object_get_string(dir)) >= sizeof(gd->dir) ||
                    !json_object_object_get_ex(v, "id", &id) || !json_object_is_type(id, json_type_int) ||
                    json_object_get_int64(id) < 1 || json_object_get_int64(id) > 0xffffff ||
                    !json_object_object_get_ex(v, "sectors", &sec) || !json_object_is_type(sec, json_type_int) ||
                    json_object_get_int64(sec) < 1) {
                        cc_why(why, why_len, r, "VM config: disk must be {dir, id 1..2^24-1, sectors > 0}");
                        goto out;
                }
                snprintf(gd->dir, sizeof(gd->dir), "%s", json_object_get_string(dir));
                gd->id = (uint32_t)json_object_get_int64(id);
                gd->sectors = (uint64_t)json_object_get_int64(sec);
        }
        r = 0;
out:
        json_object_put(j);
        return r;
}

int xen_clone(const struct cc_clone_spec *spec, struct cc_vm **ret, char *why, size_t why_len)
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
        char opt[32];
        int r, rc;

        libxl_domain_config_init(&dc);
        libxl_domain_restore_params_init(&rp);
        /* The whole clone under the driver lock: parallel clone starts corrupted the heap in the
         * lab even with only the libxl calls serialised (docs/drivers-xen.md, open issue). */
        xen_op_begin(NULL);
        locked = true;
        const struct cc_identity *id = &spec->id;
        const char *name = id->hostname[0] ? id->hostname : id->clone_id;
        if (!xen_valid_name(id->clone_id) || !xen_valid_name(name)) {
                r = cc_why(why, why_len, -EINVAL, "clone id '%s' / name '%s' must be [A-Za-z0-9._-]", id->clone_id, name);
                goto out;
        }
        r = xen_net_check(id->clone_id, &spec->net, why, why_len);
        if (r < 0)
                goto out;

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
        r = xen_vm_new(spec->run_dir, name, &vm, why, why_len);
        if (r < 0)
                goto out;
        xen_log_to = vm->logf;
        struct gen_disk gd;
        r = parse_config(vm, spec->vm_config_json, &gd, why, why_len);
        if (r < 0)
                goto out;
        if (gd.id && spec->disk_uri) {
                r = cc_why(why, why_len, -EOPNOTSUPP, "the xen driver's disks live in this host's thin pool: "
                           "no clones of a disk generation on other hosts");
                goto out;
        }
        if (cst.mem_pages > vm->max_memkb / 4 + 4096) {
                r = cc_why(why, why_len, -EBADMSG, "state has %" PRIu64 " pages, more than the config's %" PRIu64 " KiB",
                        cst.mem_pages, vm->max_memkb);
                goto out;
        }
        snprintf(vm->clone_id, sizeof(vm->clone_id), "%s", id->clone_id);
        /* Its own MAC (from the address plan, else from its clone id: never its index in a
         * ticket, which is 0 for every clone snowscaled starts) and, on a bridge, that bridge. */
        vm->net = spec->net;
        if (spec->net.kind == CC_NET_BRIDGE)
                snprintf(vm->bridge, sizeof(vm->bridge), "%s", spec->net.bridge);
        xen_net_mac(&spec->net, id->clone_id, vm->mac);
        if (gd.id) {                    /* its own snapshot of the generation's disk */
                r = xen_disk_clone(&vm->disk, gd.dir, gd.id, gd.sectors, vm->run_dir, why, why_len);
                if (r < 0)
                        goto out;
                xen_vm_disk_keep(vm);
        }
        r = xen_make_config(vm, &dc, vm->mac);
        if (r < 0)
                goto out;

        if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sp) < 0) {
                r = cc_why(why, why_len, -errno, "socketpair: %s", strerror(errno));
                goto out;
        }
        job.blob = blob;
        job.len = blen;
        job.out_fd = sp[1];
        if (xen_opt_get(spec->driver_opts, "zero_pages", opt, sizeof(opt)) && strcmp(opt, "data") == 0)
                job.flags |= CC_XS_ZERO_AS_DATA;
        /* pages=file: every page from the memory path, not the page store (measurements) */
        if (!xen_opt_get(spec->driver_opts, "pages", opt, sizeof(opt)) || strcmp(opt, "file") != 0)
                job.pages = spec->pages;
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
                r = xen_fail(vm, why, why_len, "libxl_domain_create_restore", rc);
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
        /* Off the bridge until its agent has taken its own identity: restored, it is its parent on
         * the wire (MAC, address, netfront's gratuitous ARP on resume). */
        if (spec->net.kind == CC_NET_BRIDGE) {
                xen_net_vif_name(vm->domid, vm->vif);
                r = xen_net_vif_bridge(vm->vif, vm->net.bridge, false, why, why_len);
                if (r < 0) {
                        libxl_domain_destroy(xen_ctx, vm->domid, NULL);
                        vm->have_domain = false;
                        goto out;
                }
        }
        /* Identity before the first instruction runs: the agent's watch fires when it resumes. */
        r = xen_identity_write(vm, id, name,
                               xen_opt_get(spec->driver_opts, "fail_ready", opt, sizeof(opt)) && strcmp(opt, "1") == 0,
                               why, why_len);
        if (r < 0) {
                libxl_domain_destroy(xen_ctx, vm->domid, NULL);
                vm->have_domain = false;
                goto out;
        }
        xen_write_domid_file(vm);
        xen_console_start(vm);
        rc = libxl_domain_unpause(xen_ctx, vm->domid, NULL);
        if (rc) {
                r = xen_fail(vm, why, why_len, "libxl_domain_unpause", rc);
                libxl_domain_destroy(xen_ctx, vm->domid, NULL);
                vm->have_domain = false;
                goto out;
        }
        char st[384];
        int n = snprintf(st, sizeof(st), "restore_ns=%" PRIu64 " stream_bytes=%" PRIu64 " mem_bytes_read=%" PRIu64
                     " store_bytes_read=%" PRIu64 " store_bytes_cached=%" PRIu64 " pages_total=%" PRIu64
                     " pages_zero=%" PRIu64 " disk_setup_us=%" PRIu64 "\n", mono_ns() - t0, job.st.stream_bytes,
                     job.st.mem_bytes_read, job.st.src_bytes_read, job.st.src_bytes_cached, job.st.pages_total,
                     job.st.pages_zero, vm->disk.setup_us);
        char spath[PATH_MAX + 32];
        snprintf(spath, sizeof(spath), "%s/xen-restore.stats", vm->run_dir);
        xen_write_file(spath, st, (size_t)n);
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
        if (vm)                         /* a clone that failed: its domain is gone, its disk goes too */
                xen_vm_disk_drop(vm);
        if (locked)
                xen_op_end();
        xen_vm_free(vm);
        return r;
}
