/* drivers/qemu_full.c: whole-memory saved states, the QEMU driver's `restore=full` clones.
 *
 * What an operator does without lazy cloning is `virsh save` once and `virsh restore` per new
 * worker: QEMU writes the guest's whole memory into a migration stream in a file and a new QEMU
 * reads it all back into its own RAM before the guest runs. The driver offers the same, so that
 * cloning can be measured against it on the same generation (driver.boot: restore):
 *   - a parent booted with "full_state=1" saves such a stream, full.state, beside every
 *     generation's memory image. QEMU 7.2 refuses a second migration from a VM still paused by
 *     the first ("paused due to previous migration"), so the stream is not written in the cut's
 *     pause: a throwaway QEMU restores the generation exactly as a clone would (device state,
 *     memory mapped from the generation file), stays paused and migrates out with RAM included.
 *     The parent keeps running meanwhile; the generation is published once the file is complete.
 *   - a clone given "restore=full" runs on RAM of its own (a sparse file in its run dir mapped
 *     MAP_PRIVATE: anonymous memory once written) and loads full.state, every page copied in,
 *     before it continues.
 * Zero pages travel as a flag in the stream (QEMU's ram_save_page), as in `virsh save`. */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "qemu_int.h"

static int full_state_path(const char *gen_mem_path, char *out, size_t len)
{
        char dir[PATH_MAX];

        if (snprintf(dir, sizeof(dir), "%s", gen_mem_path) >= (int)sizeof(dir))
                return -ENAMETOOLONG;
        return path_join(out, len, dirname(dir), QEMU_FULL_STATE_NAME);
}

static int full_state_check(const char *path, char *why, size_t why_len);

/* The saver's run dir: beside the generation, removed when the stream is written. */
static void saver_cleanup(struct cc_vm *s, const char *dir)
{
        static const char *const files[] = { "qemu.pid", "vm.json", "qmp.sock", "agent.sock",
                                             "qemu.log", "console.log" };
        char path[PATH_MAX];

        if (!s)
                return;
        qemu_vm_kill(s);
        if (s->disk_active[0])
                unlink(s->disk_active);
        for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
                if (path_join(path, sizeof(path), dir, files[i]) == 0)
                        unlink(path);
        rmdir(dir);
        qemu_destroy(s);
}

/* Saves gen_dir/full.state; on failure writes the reason to gen_dir/full.state.err instead, where
 * a restore of the generation finds it (the cut does not fail for it). */
int qemu_save_full(const struct cc_vm *parent, const struct cc_checkpoint *cp, const char *gen_dir,
                   uint64_t *ret_bytes)
{
        char dir[PATH_MAX], out[PATH_MAX], tmp[PATH_MAX], why[CC_REASON_MAX] = "";
        const size_t why_len = sizeof(why);
        struct cc_vm *s = NULL;
        struct stat st;
        int rc;

        if (path_join(dir, sizeof(dir), gen_dir, "saver") ||
            path_join(out, sizeof(out), gen_dir, QEMU_FULL_STATE_NAME) ||
            path_join(tmp, sizeof(tmp), gen_dir, QEMU_FULL_STATE_NAME ".part"))
                return cc_why(why, why_len, -ENAMETOOLONG, "generation dir path too long");
        if (mkdir(dir, 0700) < 0 && errno != EEXIST)
                return cc_why(why, why_len, -errno, "mkdir %s: %s", dir, strerror(errno));
        s = qemu_vm_new(dir);
        if (!s)
                return cc_why(why, why_len, -ENOMEM, "out of memory");
        /* The generation's devices (migration needs them identical), its memory mapped private
         * and never written (the saver never runs), a user-net NIC with nothing forwarded (the
         * NIC's backend is not part of the state) and a throwaway overlay of the frozen layer. */
        s->conf = parent->conf;
        snprintf(s->mem_path, sizeof(s->mem_path), "%s", cp->mem_path);
        s->mem_shared = false;
        s->net = cc_net_user(0);
        s->host_port = 0;
        if (s->conf.disk_image[0]) {
                s->disk_seq = 1;
                if (qemu_disk_path(s, s->disk_seq, s->disk_active, sizeof(s->disk_active))) {
                        rc = cc_why(why, why_len, -ENAMETOOLONG, "saver dir path too long");
                        goto out;
                }
                rc = qemu_img_overlay(s->conf.disk_base[0] ? s->conf.disk_base : s->conf.disk_image,
                                      s->conf.disk_base[0] ? "qcow2" : s->conf.disk_format, s->conf.disk_bytes,
                                      s->disk_active, why, why_len);
                if (rc)
                        goto out;
        }
        rc = qemu_spawn(s, true, why, why_len);
        if (rc == 0)
                rc = qmp_migrate_from(&s->qmp, cp->state_path, true, why, why_len);
        if (rc == 0)
                rc = qmp_migrate_to(&s->qmp, tmp, false, why, why_len);
        if (rc)
                goto out;
        qmp_cmd(&s->qmp, "quit", NULL, NULL, NULL, 0);
        if (!qemu_vm_wait_exit(s, 10000))
                qemu_vm_kill(s);
        if (rename(tmp, out) < 0) {
                rc = cc_why(why, why_len, -errno, "rename %s: %s", tmp, strerror(errno));
                goto out;
        }
        if (ret_bytes)
                *ret_bytes = stat(out, &st) == 0 ? (uint64_t)st.st_size : 0;
out:
        if (rc) {
                char err[PATH_MAX];
                FILE *f;
                unlink(tmp);
                if (path_join(err, sizeof(err), gen_dir, QEMU_FULL_STATE_NAME ".err") == 0 &&
                    (f = fopen(err, "we"))) {
                        fprintf(f, "%s\n", why[0] ? why : strerror(-rc));
                        fclose(f);
                }
        }
        saver_cleanup(s, dir);
        return rc;
}

/* A restore's saved state is there, or the reason it is not. */
static int full_state_check(const char *path, char *why, size_t why_len)
{
        char err[PATH_MAX + 8], line[CC_REASON_MAX] = "";
        struct stat st;
        FILE *f;

        if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
                return 0;
        snprintf(err, sizeof(err), "%s.err", path);
        if ((f = fopen(err, "re"))) {
                if (fgets(line, sizeof(line), f))
                        line[strcspn(line, "\n")] = 0;
                fclose(f);
        }
        if (line[0])
                return cc_why(why, why_len, -ENOENT, "no whole-memory state for a restore: %s", line);
        return cc_why(why, why_len, -ENOENT,
                      "no whole-memory state %s for a restore: the generation was cut by a parent without "
                      "full_state=1 (driver.boot: restore sets it)", path);
}

int qemu_full_for_clone(const struct cc_clone_spec *spec, const char *mode, char *full, size_t len,
                        char *why, size_t why_len)
{
        if (strcmp(mode, "full"))
                return cc_why(why, why_len, -EINVAL, "clone: driver option restore=%s: only restore=full exists", mode);
        if (spec->mem_is_lazy)
                return cc_why(why, why_len, -EOPNOTSUPP,
                              "clone: a whole-memory restore reads a local generation, not a remote one");
        if (full_state_path(spec->mem_path, full, len))
                return cc_why(why, why_len, -ENAMETOOLONG, "generation path too long");
        return full_state_check(full, why, why_len);
}

/* RAM of its own for a restore: a sparse file in the run dir mapped private (anonymous memory
 * once the stream writes a page; clean_run_dir removes the file with the VM). */
int qemu_full_own_ram(struct cc_vm *vm, char *why, size_t why_len)
{
        int fd;

        if (path_join(vm->mem_path, sizeof(vm->mem_path), vm->run_dir, "ram"))
                return cc_why(why, why_len, -ENAMETOOLONG, "run dir path too long");
        fd = open(vm->mem_path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd < 0 || ftruncate(fd, (off_t)vm->conf.mem_bytes) < 0) {
                int rc = cc_why(why, why_len, -errno, "%s: %s", vm->mem_path, strerror(errno));
                if (fd >= 0)
                        close(fd);
                return rc;
        }
        close(fd);
        return 0;
}
