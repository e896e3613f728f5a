/* cc-qemu-tool: drives the QEMU driver's ops table from shell scripts (integration tests and
 * benchmarks). Each command acts on VMs by run dir; VMs outlive the tool and are taken back with
 * adopt(), so a script can boot, checkpoint, clone and kill across invocations.
 * Output: key=value words on one line per result. Exit status 0 ok, 1 failed (reason on stderr).
 *
 *   probe
 *   boot       --run DIR --port P [--mem MIB] [--kernel K --initrd I] [--cmdline S] [--accel A] [--disk IMG]
 *   checkpoint --run DIR --gen GDIR
 *   clone      --gen GDIR --run DIR --port P --id ID [--mem-path F] [--opts S] [--no-wait]
 *   clones     --gen GDIR --run DIR --port P --n N          (N clones in parallel: DIR/cI, P+I)
 *   wait       --run DIR                                    (until the guest reports ready)
 *   status     --run DIR
 *   retire     --run DIR
 *   --timeout S bounds every wait (default 60). */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <json-c/json.h>
#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "clonecore/cc_driver.h"

static const struct cc_driver_ops *drv = &cc_qemu_driver;

static double now_s(void)
{
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static const char *state_name(enum cc_vm_state s)
{
        switch (s) {
        case CC_VM_STARTING: return "starting";
        case CC_VM_RUNNING: return "running";
        case CC_VM_PAUSED: return "paused";
        case CC_VM_EXITED: return "exited";
        }
        return "?";
}

/* Until RUNNING (or PAUSED), EXITED or the deadline: status() after each of the driver's
 * wait() events (the agent spoke, QEMU exited). */
static int wait_ready(struct cc_vm *vm, double timeout_s, struct cc_vm_status *st)
{
        double end = now_s() + timeout_s;

        for (;;) {
                drv->status(vm, st);
                if (st->state == CC_VM_RUNNING || st->state == CC_VM_PAUSED)
                        return 0;
                if (st->state == CC_VM_EXITED)
                        return -ESRCH;
                if (now_s() > end)
                        return -ETIMEDOUT;
                drv->wait(vm, -1, (unsigned)((end - now_s()) * 1000) + 1);
        }
}

/* One waiter thread per clone of "clones": each clone's own ready time, so the first ready is
 * the earliest of them, not clone 0's. */
struct waiter {
        pthread_t thread;
        struct cc_vm *vm;
        double t0, timeout_s, ready_s;
        struct cc_vm_status st;
        int rc;
        bool thread_started;
};

static void *waiter_main(void *arg)
{
        struct waiter *w = arg;
        w->rc = wait_ready(w->vm, w->timeout_s, &w->st);
        w->ready_s = now_s() - w->t0;
        return NULL;
}

/* Proportional set size of a process (kB from /proc/PID/smaps_rollup): its private pages plus its
 * share of the pages it shares (the generation file's page cache, libraries). Summed over clones it
 * is the host memory they take, which decides how many fit. */
static uint64_t pss_bytes(int pid)
{
        char path[64], line[256];
        unsigned long long kb = 0;
        FILE *f;

        snprintf(path, sizeof(path), "/proc/%d/smaps_rollup", pid);
        f = fopen(path, "re");
        if (!f)
                return 0;
        while (fgets(line, sizeof(line), f))
                if (sscanf(line, "Pss: %llu kB", &kb) == 1)
                        break;
        fclose(f);
        return (uint64_t)kb * 1024;
}

static int count_lines(const char *s)
{
        int n = 0;
        for (; *s; s++)
                n += *s == '\n';
        return n;
}

static int read_text(const char *path, char *buf, size_t len)
{
        FILE *f = fopen(path, "re");
        size_t n;
        if (!f)
                return -errno;
        n = fread(buf, 1, len - 1, f);
        buf[n] = 0;
        fclose(f);
        return 0;
}

int main(int argc, char **argv)
{
        static const struct option lo[] = {
                { "run", 1, 0, 'r' }, { "gen", 1, 0, 'g' }, { "port", 1, 0, 'p' }, { "mem", 1, 0, 'm' },
                { "kernel", 1, 0, 'k' }, { "initrd", 1, 0, 'i' }, { "cmdline", 1, 0, 'c' },
                { "accel", 1, 0, 'a' }, { "id", 1, 0, 'd' }, { "mem-path", 1, 0, 'M' }, { "opts", 1, 0, 'o' },
                { "no-wait", 0, 0, 'W' }, { "timeout", 1, 0, 't' }, { "n", 1, 0, 'n' }, { "disk", 1, 0, 'D' }, { 0, 0, 0, 0 } };
        const char *run = NULL, *gen = NULL, *kernel = NULL, *initrd = NULL, *cmdline = NULL, *accel = "tcg";
        const char *id = NULL, *mem_path = NULL, *opts = NULL, *root = getenv("SNOWSCALE_ROOT"), *disk = NULL;
        char why[CC_REASON_MAX * 2 + 64] = "", kbuf[PATH_MAX], ibuf[PATH_MAX];
        unsigned port = 0, mem_mib = 256, n = 1;
        double timeout = 60;
        bool nowait = false;
        struct cc_vm *vm = NULL;
        struct cc_vm_status st;
        const char *cmd;
        int opt, rc = 0;

        if (argc < 2) {
                fprintf(stderr, "usage: cc-qemu-tool probe|boot|checkpoint|clone|clones|wait|status|retire ...\n");
                return 2;
        }
        cmd = argv[1];
        optind = 2;
        while ((opt = getopt_long(argc, argv, "", lo, NULL)) != -1) {
                switch (opt) {
                case 'r': run = optarg; break;
                case 'g': gen = optarg; break;
                case 'p': port = (unsigned)strtoul(optarg, NULL, 10); break;
                case 'm': mem_mib = (unsigned)strtoul(optarg, NULL, 10); break;
                case 'k': kernel = optarg; break;
                case 'i': initrd = optarg; break;
                case 'c': cmdline = optarg; break;
                case 'a': accel = optarg; break;
                case 'd': id = optarg; break;
                case 'M': mem_path = optarg; break;
                case 'o': opts = optarg; break;
                case 'W': nowait = true; break;
                case 't': timeout = atof(optarg); break;
                case 'n': n = (unsigned)strtoul(optarg, NULL, 10); break;
                case 'D': disk = optarg; break;
                default: return 2;
                }
        }
        if (!root)
                root = ".";
        if (!kernel) {
                snprintf(kbuf, sizeof(kbuf), "%s/build/guest/vmlinuz", root);
                kernel = kbuf;
        }
        if (!initrd) {
                snprintf(ibuf, sizeof(ibuf), "%s/build/guest/initrd.gz", root);
                initrd = ibuf;
        }

        if (!strcmp(cmd, "probe")) {
                rc = drv->probe(why, sizeof(why));
                printf("probe=%s%s%s\n", rc ? "no" : "ok", rc ? " why=" : "", rc ? why : "");
                return rc ? 1 : 0;
        }
        if (!run) {
                fprintf(stderr, "--run is required\n");
                return 2;
        }
        if (!strcmp(cmd, "boot")) {
                struct cc_vm_config cfg = { .name = "parent", .run_dir = run, .kernel = kernel, .initrd = initrd,
                                            .cmdline = cmdline, .mem_bytes = (uint64_t)mem_mib << 20, .vcpus = 1,
                                            .accel = accel, .guest_port = 80, .net = cc_net_user(port), .driver_opts = opts };
                struct cc_disk d = { .path = disk };
                if (disk) {
                        cfg.disks = &d;
                        cfg.ndisks = 1;
                }
                double t0 = now_s();
                rc = drv->boot_parent(&cfg, &vm, why, sizeof(why));
                if (rc == 0) {
                        rc = wait_ready(vm, timeout, &st);
                        if (rc)
                                snprintf(why, sizeof(why), "parent not ready: %s %s", state_name(st.state), st.reason);
                        else
                                printf("ready_s=%.3f pid=%d address=%s%s%s\n", now_s() - t0, st.pid, st.address,
                                       st.disk[0] ? " disk=" : "", st.disk);
                }
        } else if (!strcmp(cmd, "checkpoint")) {
                struct cc_checkpoint cp;
                char path[PATH_MAX];
                struct stat sst;
                rc = drv->adopt(run, &vm, why, sizeof(why));
                if (rc == 0 && gen)
                        rc = drv->checkpoint(vm, gen, &cp, why, sizeof(why));
                if (rc == 0) {
                        FILE *f;
                        snprintf(path, sizeof(path), "%s/vm_config.json", gen);
                        f = fopen(path, "we");
                        if (f) {
                                fputs(cp.vm_config_json, f);
                                fclose(f);
                        }
                        /* the disk layers it reads, as the engine records them (cc-qemu-publish) */
                        snprintf(path, sizeof(path), "%s/layers", gen);
                        if (cp.disk_layers[0] && (f = fopen(path, "we"))) {
                                fputs(cp.disk_layers, f);
                                fclose(f);
                        }
                        stat(cp.state_path, &sst);
                        printf("pause_ms=%.2f state_bytes=%lld mem_bytes=%" PRIu64 " state=%s mem=%s layers=%d\n",
                               (double)cp.pause_ns / 1e6, (long long)sst.st_size, cp.mem_bytes, cp.state_path,
                               cp.mem_path, count_lines(cp.disk_layers));
                }
        } else if (!strcmp(cmd, "clone") || !strcmp(cmd, "clones")) {
                char conf[4096], state[PATH_MAX], mem[PATH_MAX], path[PATH_MAX];
                struct cc_vm **vms = NULL;
                struct waiter *ws = NULL;
                double t0, first = 0, all = 0;
                uint64_t priv = 0, pss = 0;
                if (!gen || !port || n == 0 || n > 64) {
                        fprintf(stderr, "--gen, --port and 1 <= --n <= 64 are required\n");
                        return 2;
                }
                snprintf(path, sizeof(path), "%s/vm_config.json", gen);
                snprintf(state, sizeof(state), "%s/state.bin", gen);
                snprintf(mem, sizeof(mem), "%s/mem", gen);
                if (read_text(path, conf, sizeof(conf))) {
                        fprintf(stderr, "%s: %s\n", path, strerror(errno));
                        return 1;
                }
                if (!strcmp(cmd, "clone"))
                        n = 1;
                else
                        mkdir(run, 0755);
                vms = calloc(n, sizeof(*vms));
                t0 = now_s();
                for (unsigned i = 0; i < n && rc == 0; i++) {
                        struct cc_clone_spec spec = { .state_path = state, .mem_path = mem_path ? mem_path : mem,
                                                      .vm_config_json = conf, .net = cc_net_user(port + i), .driver_opts = opts };
                        char dir[PATH_MAX];
                        if (!strcmp(cmd, "clone")) {
                                snprintf(dir, sizeof(dir), "%s", run);
                                snprintf(spec.id.clone_id, sizeof(spec.id.clone_id), "%s", id ? id : "c1");
                        } else {
                                snprintf(dir, sizeof(dir), "%s/c%u", run, i);
                                snprintf(spec.id.clone_id, sizeof(spec.id.clone_id), "%s%u", id ? id : "c", i);
                        }
                        snprintf(spec.id.hostname, sizeof(spec.id.hostname), "w-%.60s", spec.id.clone_id);
                        spec.id.seed = ((uint64_t)rand() << 32) ^ (uint64_t)rand() ^ (uint64_t)(now_s() * 1e9);
                        spec.run_dir = dir;
                        spec.mem_is_lazy = mem_path != NULL;
                        rc = drv->clone(&spec, &vms[i], why, sizeof(why));
                }
                ws = calloc(n, sizeof(*ws));
                for (unsigned i = 0; i < n && rc == 0 && !nowait; i++) {
                        ws[i] = (struct waiter){ .vm = vms[i], .t0 = t0, .timeout_s = timeout - (now_s() - t0) };
                        if (pthread_create(&ws[i].thread, NULL, waiter_main, &ws[i]))
                                waiter_main(&ws[i]);
                        else
                                ws[i].thread_started = true;
                }
                for (unsigned i = 0; i < n && rc == 0 && !nowait; i++) {
                        if (ws[i].thread_started)
                                pthread_join(ws[i].thread, NULL);
                        if (ws[i].rc && rc == 0) {
                                rc = ws[i].rc;
                                snprintf(why, sizeof(why), "clone %u not ready: %s %s", i,
                                         state_name(ws[i].st.state), ws[i].st.reason);
                        }
                        if (i == 0 || ws[i].ready_s < first)
                                first = ws[i].ready_s;
                        if (ws[i].ready_s > all)
                                all = ws[i].ready_s;
                }
                free(ws);
                if (rc == 0)
                        for (unsigned i = 0; i < n; i++) {
                                drv->status(vms[i], &st);
                                priv += st.private_bytes;
                                pss += pss_bytes(st.pid);
                                if (!strcmp(cmd, "clone"))
                                        printf("ready_s=%.3f pid=%d address=%s state=%s%s%s disk_setup_ms=%.2f "
                                               "disk_bytes=%" PRIu64 "\n", now_s() - t0, st.pid,
                                               st.address, state_name(st.state), st.disk[0] ? " disk=" : "", st.disk,
                                               (double)st.disk_setup_us / 1e3, st.disk_bytes);
                        }
                if (rc == 0 && !strcmp(cmd, "clones"))
                        printf("n=%u first_ready_s=%.3f all_ready_s=%.3f private_mib_per_clone=%.1f "
                               "pss_mib_per_clone=%.1f\n", n, first, all, (double)priv / n / 1048576.0,
                               (double)pss / n / 1048576.0);
                for (unsigned i = 0; i < n; i++)
                        drv->destroy(vms[i]);
                free(vms);
        } else if (!strcmp(cmd, "wait")) {
                double t0 = now_s();
                rc = drv->adopt(run, &vm, why, sizeof(why));
                if (rc == 0) {
                        rc = wait_ready(vm, timeout, &st);
                        if (rc)
                                snprintf(why, sizeof(why), "not ready: %s %s", state_name(st.state), st.reason);
                        else
                                printf("ready_s=%.3f\n", now_s() - t0);
                }
        } else if (!strcmp(cmd, "status")) {
                rc = drv->adopt(run, &vm, why, sizeof(why));
                if (rc == 0) {
                        /* A freshly adopted VM is STARTING until its agent answers hello. */
                        if (wait_ready(vm, timeout < 5 ? timeout : 5, &st) == -ETIMEDOUT)
                                drv->status(vm, &st);
                        printf("state=%s pid=%d address=%s rss_mib=%.1f private_mib=%.1f disk=%s reason=%s\n",
                               state_name(st.state), st.pid, st.address, (double)st.rss_bytes / 1048576.0,
                               (double)st.private_bytes / 1048576.0, st.disk[0] ? st.disk : "-", st.reason);
                }
        } else if (!strcmp(cmd, "retire")) {
                rc = drv->adopt(run, &vm, why, sizeof(why));
                if (rc == 0)
                        rc = drv->retire(vm, (unsigned)(timeout * 1000 < 10000 ? timeout * 1000 : 10000));
                if (rc == 0)
                        printf("retired\n");
                else if (!why[0])
                        snprintf(why, sizeof(why), "retire: %s", strerror(-rc));
        } else {
                fprintf(stderr, "unknown command %s\n", cmd);
                return 2;
        }
        drv->destroy(vm);
        if (rc) {
                fprintf(stderr, "cc-qemu-tool %s: %s\n", cmd, why[0] ? why : strerror(-rc));
                return 1;
        }
        return 0;
}
