/* drivers/qemu_disk.c: a VM's disk as a qcow2 chain (docs/disks.md).
 *
 *   image (operator's, never written) <- generation layers (frozen) <- the VM's own overlay
 *
 * A cut freezes the disk inside the same pause as memory: while the VM is stopped, the overlay
 * it was writing becomes the generation's layer (QMP blockdev-add of a fresh overlay, then
 * blockdev-snapshot onto it: no data is copied) and is renamed into the generation's directory
 * once the device state is saved. Its content is exactly what the guest's page cache in the
 * frozen memory expects. Clones each get a thin overlay on that layer, made by qemu-img. A clone
 * on another host than the layer's backs onto its NBD export; with disk_complete_mib_s a
 * block-stream job copies the backing into the overlay in the background and drops it.
 * Chains stay short: before a cut that would make the VM's chain longer than DISK_DEPTH_MAX
 * qcow2 files, block-stream copies the layers under the overlay into it (the VM keeps running)
 * so it sits on the image alone again. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "qemu_int.h"
#include "ss_img.h"

#define QEMU_IMG "qemu-img"
#define IMG_OUT_MAX 65536               /* qemu-img info of one image is a few hundred bytes */
#define STREAM_TIMEOUT_MS 600000        /* copying a whole chain's data into the overlay */

/* Runs qemu-img with argv (argv[0] ignored); stdout into out (optional), stderr into why (on one
 * line) on failure. */
static int run_img(char *const argv[], char *out, size_t out_len, char *why, size_t why_len)
{
        char errbuf[512];
        size_t ehave;
        int rc = ss_img_run(argv, out, out_len, errbuf, sizeof(errbuf));

        if (rc < 0)
                return cc_why(why, why_len, rc, "qemu-img: %s", strerror(-rc));
        if (rc == 0)
                return 0;
        ehave = strlen(errbuf);
        while (ehave && (errbuf[ehave - 1] == '\n' || errbuf[ehave - 1] == ' '))
                errbuf[--ehave] = 0;
        for (char *p = errbuf; *p; p++)
                if (*p == '\n')
                        *p = ' ';
        return cc_why(why, why_len, -EIO, "qemu-img %s failed: %s", argv[1], errbuf[0] ? errbuf : "no message");
}

/* Format and virtual size of an image, as qemu-img sees it (-U: a running VM may hold it). */
int qemu_img_info(const char *path, char *fmt, size_t fmt_len, uint64_t *ret_bytes, char *why, size_t why_len)
{
        char *argv[] = { QEMU_IMG, "info", "-U", "--output=json", (char *)path, NULL };
        char *out = malloc(IMG_OUT_MAX);
        json_object *o = NULL, *v;
        int rc;

        if (!out)
                return cc_why(why, why_len, -ENOMEM, "out of memory");
        why[0] = 0;
        rc = run_img(argv, out, IMG_OUT_MAX, why, why_len);
        if (rc == 0 && !(o = json_tokener_parse(out)))
                rc = cc_why(why, why_len, -EPROTO, "qemu-img info %s: output is not JSON", path);
        if (rc == 0 && (!json_object_object_get_ex(o, "format", &v) ||
                        snprintf(fmt, fmt_len, "%s", json_object_get_string(v)) >= (int)fmt_len ||
                        !json_object_object_get_ex(o, "virtual-size", &v)))
                rc = cc_why(why, why_len, -EPROTO, "qemu-img info %s: no format or size", path);
        if (rc == 0)
                *ret_bytes = (uint64_t)json_object_get_int64(v);
        json_object_put(o);
        free(out);
        return rc;
}

/* A thin qcow2 overlay at path on backing. -u: the size is given and the backing need not exist
 * yet (a cut names the layer by the place it will be renamed to). */
int qemu_img_overlay(const char *backing, const char *backing_fmt, uint64_t bytes, const char *path,
                     char *why, size_t why_len)
{
        char size[32];
        char *argv[] = { QEMU_IMG, "create", "-q", "-u", "-f", "qcow2", "-F", (char *)backing_fmt,
                         "-b", (char *)backing, (char *)path, size, NULL };

        snprintf(size, sizeof(size), "%" PRIu64, bytes);
        why[0] = 0;
        return run_img(argv, NULL, 0, why, why_len);
}

int qemu_disk_path(const struct cc_vm *vm, unsigned seq, char *out, size_t len)
{
        int n = snprintf(out, len, "%s/disk-%u.qcow2", vm->run_dir, seq);
        return n < 0 || (size_t)n >= len ? -ENAMETOOLONG : 0;
}

/* qcow2 files in the VM's chain, its active overlay included. */
unsigned qemu_disk_depth(const struct vm_conf *c)
{
        return 1 + (c->disk_base[0] ? 1 : 0) + c->disk_nchain;
}

/* The layers a generation cut now reads, newest first, one per line: its own and those under it. */
int qemu_disk_layers(const struct vm_conf *c, char *out, size_t len)
{
        size_t used = 0;

        out[0] = 0;
        if (!c->disk_base[0])
                return 0;
        for (unsigned i = 0; i <= c->disk_nchain; i++) {
                const char *p = i == 0 ? c->disk_base : c->disk_chain[i - 1];
                int n = snprintf(out + used, len - used, "%s\n", p);
                if (n < 0 || (size_t)n >= len - used)
                        return -E2BIG;
                used += (size_t)n;
        }
        return 0;
}

static char *node_name(unsigned seq, char *buf, size_t len)
{
        snprintf(buf, len, "disk%u", seq);
        return buf;
}

/* Is a layer under the overlay a file of this VM's run dir (left by a cut that failed after its
 * swap)? A generation must never read one: retire deletes them. */
static bool own_layer(const struct cc_vm *vm)
{
        size_t n = strlen(vm->run_dir);
        const struct vm_conf *c = &vm->conf;

        for (unsigned i = 0; i <= c->disk_nchain; i++) {
                const char *p = i == 0 ? c->disk_base : c->disk_chain[i - 1];
                if (!strncmp(p, vm->run_dir, n) && p[n] == '/')
                        return true;
        }
        return false;
}

/* After a stream: this VM's own layers in its run dir are read by nothing any more. */
static void qemu_disk_remove_layers_of(const struct cc_vm *vm)
{
        size_t n = strlen(vm->run_dir);
        const struct vm_conf *c = &vm->conf;

        for (unsigned i = 0; i <= c->disk_nchain; i++) {
                const char *p = i == 0 ? c->disk_base : c->disk_chain[i - 1];
                if (!strncmp(p, vm->run_dir, n) && p[n] == '/' && strcmp(p, vm->disk_active))
                        unlink(p);
        }
}

/* Keep the chain bounded: when one more layer would make it longer than DISK_DEPTH_MAX (or a
 * layer is the VM's own), stream every layer between the image and the overlay into the overlay
 * (block-stream, the guest keeps running) so it sits on the image alone. The layers stay for the generations and clones that
 * read them; only this VM stops needing them. Called with the VM running. */
int qemu_disk_bound(struct cc_vm *vm, char *why, size_t why_len)
{
        json_object *args;
        char node[32];
        int rc;

        if (!vm->disk_active[0] || (qemu_disk_depth(&vm->conf) + 1 <= DISK_DEPTH_MAX && !own_layer(vm)))
                return 0;
        args = json_object_new_object();
        json_object_object_add(args, "job-id", json_object_new_string("sc-bound"));
        json_object_object_add(args, "device", json_object_new_string(node_name(vm->disk_seq, node, sizeof(node))));
        /* base: the image's file name, as the lowest layer's header names it */
        json_object_object_add(args, "base", json_object_new_string(vm->conf.disk_image));
        vm->qmp.job_done[0] = 0;
        rc = qmp_cmd(&vm->qmp, "block-stream", args, NULL, why, why_len);
        if (rc == 0)
                rc = qmp_wait_job(&vm->qmp, "sc-bound", STREAM_TIMEOUT_MS, why, why_len);
        if (rc)
                return rc;
        qemu_disk_remove_layers_of(vm);
        vm->conf.disk_base[0] = 0;
        vm->conf.disk_nchain = 0;
        return qemu_write_state_file(vm);
}

/* Before the pause: the fresh overlay the VM will continue on, already naming the layer at the
 * place it gets in gen_dir. */
int qemu_disk_cut_prepare(struct cc_vm *vm, const char *gen_dir, struct disk_cut *dc, char *why, size_t why_len)
{
        memset(dc, 0, sizeof(*dc));
        if (!vm->disk_active[0])
                return 0;
        if (qemu_disk_depth(&vm->conf) + 1 > DISK_DEPTH_MAX)
                return cc_why(why, why_len, -E2BIG, "disk chain of %u layers: bound not kept", qemu_disk_depth(&vm->conf));
        dc->old_seq = vm->disk_seq;
        snprintf(dc->old_active, sizeof(dc->old_active), "%s", vm->disk_active);
        if (path_join(dc->layer, sizeof(dc->layer), gen_dir, DISK_LAYER_NAME) ||
            qemu_disk_path(vm, vm->disk_seq + 1, dc->new_active, sizeof(dc->new_active)))
                return cc_why(why, why_len, -ENAMETOOLONG, "disk path too long");
        unlink(dc->new_active);         /* left by a cut that failed before its swap */
        return qemu_img_overlay(dc->layer, "qcow2", vm->conf.disk_bytes, dc->new_active, why, why_len);
}

/* In the pause (VM stopped, its I/O drained and flushed by "stop"): the VM continues on the new
 * overlay, the old one becomes read-only under it. */
int qemu_disk_cut_swap(struct cc_vm *vm, struct disk_cut *dc, char *why, size_t why_len)
{
        json_object *args, *file;
        char node[32], old[32];
        int rc;

        if (!vm->disk_active[0])
                return 0;
        args = json_object_new_object();
        file = json_object_new_object();
        json_object_object_add(file, "driver", json_object_new_string("file"));
        json_object_object_add(file, "filename", json_object_new_string(dc->new_active));
        json_object_object_add(args, "driver", json_object_new_string("qcow2"));
        json_object_object_add(args, "node-name", json_object_new_string(node_name(dc->old_seq + 1, node, sizeof(node))));
        json_object_object_add(args, "file", file);
        json_object_object_add(args, "backing", NULL);     /* blockdev-snapshot attaches it */
        rc = qmp_cmd(&vm->qmp, "blockdev-add", args, NULL, why, why_len);
        if (rc)
                return rc;
        args = json_object_new_object();
        json_object_object_add(args, "node", json_object_new_string(node_name(dc->old_seq, old, sizeof(old))));
        json_object_object_add(args, "overlay", json_object_new_string(node));
        rc = qmp_cmd(&vm->qmp, "blockdev-snapshot", args, NULL, why, why_len);
        if (rc) {
                args = json_object_new_object();
                json_object_object_add(args, "node-name", json_object_new_string(node));
                qmp_cmd(&vm->qmp, "blockdev-del", args, NULL, NULL, 0);
                return rc;
        }
        dc->swapped = true;
        snprintf(vm->disk_active, sizeof(vm->disk_active), "%s", dc->new_active);
        vm->disk_seq = dc->old_seq + 1;
        return 0;
}

/* Still in the pause, after the device state is saved: the old overlay moves into the
 * generation (QEMU keeps its open file; the new overlay's header already names the new place). */
int qemu_disk_cut_commit(struct cc_vm *vm, struct disk_cut *dc, char *why, size_t why_len)
{
        struct vm_conf *c = &vm->conf;

        if (!dc->swapped)
                return 0;
        if (rename(dc->old_active, dc->layer) < 0)
                return cc_why(why, why_len, -errno, "move disk layer %s to %s: %s", dc->old_active, dc->layer,
                              strerror(errno));
        dc->renamed = true;
        if (c->disk_base[0]) {
                memmove(c->disk_chain[1], c->disk_chain[0], sizeof(c->disk_chain[0]) * c->disk_nchain);
                snprintf(c->disk_chain[0], sizeof(c->disk_chain[0]), "%s", c->disk_base);
                c->disk_nchain++;
        }
        snprintf(c->disk_base, sizeof(c->disk_base), "%s", dc->layer);
        return 0;
}

/* A cut that failed after the swap: the VM goes on on the new overlay, whose header must then
 * name the old overlay where it still is (QMP change-backing-file writes it through QEMU), and
 * the old overlay stays a layer of this VM alone. */
void qemu_disk_cut_undo(struct cc_vm *vm, struct disk_cut *dc)
{
        struct vm_conf *c = &vm->conf;
        json_object *args, *st = NULL, *v;
        bool running = false;
        char node[32];

        if (!dc->swapped)
                return;
        if (dc->renamed) {
                if (rename(dc->layer, dc->old_active) < 0)
                        return;         /* the layer stayed in the generation: header and conf agree */
                /* commit had pushed the old base under the layer: the old overlay replaces the layer */
                snprintf(c->disk_base, sizeof(c->disk_base), "%s", dc->old_active);
                dc->renamed = false;
        } else {
                if (c->disk_base[0]) {
                        memmove(c->disk_chain[1], c->disk_chain[0], sizeof(c->disk_chain[0]) * c->disk_nchain);
                        snprintf(c->disk_chain[0], sizeof(c->disk_chain[0]), "%s", c->disk_base);
                        c->disk_nchain++;
                }
                snprintf(c->disk_base, sizeof(c->disk_base), "%s", dc->old_active);
        }
        /* The header is written through QEMU, which may write only to active nodes: after a
         * migration that means after a "cont" went through, i.e. the VM runs. A VM left paused
         * keeps the header (the failed cut says so); a write to an inactive node would abort QEMU. */
        if (qmp_cmd(&vm->qmp, "query-status", NULL, &st, NULL, 0) == 0)
                running = json_object_object_get_ex(st, "running", &v) && json_object_get_boolean(v);
        json_object_put(st);
        if (!running)
                return;
        args = json_object_new_object();
        json_object_object_add(args, "device", json_object_new_string(node_name(vm->disk_seq, node, sizeof(node))));
        json_object_object_add(args, "image-node-name", json_object_new_string(node));
        json_object_object_add(args, "backing-file", json_object_new_string(dc->old_active));
        qmp_cmd(&vm->qmp, "change-backing-file", args, NULL, NULL, 0);
}

/* Retire: the VM's own overlays (generation layers were moved out of the run dir by their cut). */
void qemu_disk_remove_overlays(const char *run_dir)
{
        DIR *d = opendir(run_dir);
        struct dirent *de;

        if (!d)
                return;
        while ((de = readdir(d))) {
                size_t n = strlen(de->d_name);
                char path[PATH_MAX];
                if (n > 11 && !strncmp(de->d_name, "disk-", 5) && !strcmp(de->d_name + n - 6, ".qcow2") &&
                    path_join(path, sizeof(path), run_dir, de->d_name) == 0)
                        unlink(path);
        }
        closedir(d);
}

/* ---- background completion of a disk read from another host ----------------------------- */

#define COMPLETE_JOB "disk-complete"

/* block-stream copies every block of the overlay's backing chain (another host's NBD export)
 * into the overlay at mib_s, then drops the backing: the clone stops depending on that host for
 * its disk, as memtap's background completion does for its memory. Blocks the guest wrote stay
 * its own (the stream never copies over allocated clusters). */
int qemu_disk_complete_start(struct cc_vm *vm, unsigned mib_s, char *why, size_t why_len)
{
        json_object *args = json_object_new_object();
        char node[32];
        int rc;

        json_object_object_add(args, "job-id", json_object_new_string(COMPLETE_JOB));
        json_object_object_add(args, "device", json_object_new_string(node_name(vm->disk_seq, node, sizeof(node))));
        json_object_object_add(args, "speed", json_object_new_int64((int64_t)mib_s << 20));
        rc = qmp_cmd(&vm->qmp, "block-stream", args, NULL, why, why_len);     /* takes args */
        vm->disk_streaming = rc == 0;
        return rc;
}

/* Does the overlay node still have a backing? (query-block: the inserted node's backing_file) */
static bool has_backing(struct cc_vm *vm)
{
        json_object *r = NULL, *dev, *ins, *v;
        char node[32];
        bool backing = true;

        node_name(vm->disk_seq, node, sizeof(node));
        if (qmp_cmd(&vm->qmp, "query-block", NULL, &r, NULL, 0) < 0)
                return true;
        for (size_t i = 0; json_object_is_type(r, json_type_array) && i < json_object_array_length(r); i++) {
                dev = json_object_array_get_idx(r, i);
                if (json_object_object_get_ex(dev, "inserted", &ins) && json_object_object_get_ex(ins, "node-name", &v) &&
                    !strcmp(json_object_get_string(v), node))
                        backing = json_object_object_get_ex(ins, "backing_file", &v);
        }
        json_object_put(r);
        return backing;
}

/* Under vm->lock, at most once a second: the copy's progress, and whether it ended with the
 * backing dropped (complete) or not (the export failed: the clone goes on reading lazily). */
void qemu_disk_complete_poll(struct cc_vm *vm)
{
        json_object *r = NULL, *v;
        bool running = false;

        if (!vm->disk_streaming || mono_ns() - vm->disk_polled_ns < 1000000000ull)
                return;
        vm->disk_polled_ns = mono_ns();
        if (qmp_cmd(&vm->qmp, "query-block-jobs", NULL, &r, NULL, 0) < 0)
                return;
        for (size_t i = 0; json_object_is_type(r, json_type_array) && i < json_object_array_length(r); i++) {
                json_object *job = json_object_array_get_idx(r, i);
                if (!json_object_object_get_ex(job, "device", &v) || strcmp(json_object_get_string(v), COMPLETE_JOB))
                        continue;
                running = true;
                int64_t off = json_object_object_get_ex(job, "offset", &v) ? json_object_get_int64(v) : 0;
                int64_t len = json_object_object_get_ex(job, "len", &v) ? json_object_get_int64(v) : 0;
                if (len > 0)
                        vm->disk_copied_pct = 100.0 * (double)off / (double)len;
        }
        json_object_put(r);
        if (running)
                return;
        vm->disk_streaming = false;
        vm->disk_remote = has_backing(vm);
        if (!vm->disk_remote)
                vm->disk_copied_pct = 100;
}
