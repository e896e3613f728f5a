/* drivers/qemu_int.h: what the QEMU driver's files share (not an API: drivers/qemu.c is the ops
 * table, the others are its parts). One job per file:
 *   qemu.c           the ops: boot a parent, checkpoint, clone, pause/resume, retire, status, adopt
 *   qemu_vm.c        a VM's process: command line, spawn, lifetime, vm.json (written, read back
 *                    on adopt), qemu.pid, its memory use, the guest agent
 *   qmp.c            the QMP client: commands, fd passing, migration to and from a file
 *   qemu_sock.c      line framing and unix sockets (QMP and the agent's virtio-serial port)
 *   qemu_filecopy.c  the freeze copy of a RAM file: sparse copy, then page diff
 *   qemu_accel.c     "auto" acceleration: does /dev/kvm really run guests?
 *   qemu_disk.c      the disk: qemu-img overlays, the cut's layer swap, the chain-length bound
 *   qemu_net.c       the attachments: which disk/network ones are supported, the bridge's tap */
#ifndef CC_QEMU_INT_H
#define CC_QEMU_INT_H

#include <json-c/json.h>
#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>
#include <time.h>

#include "../cc_internal.h"
#include "clonecore/cc_driver.h"
#include "clonecore/cc_psk.h"

#define QMP_TIMEOUT_MS     10000        /* a QMP command QEMU does not answer in this is a hang */
#define MIGRATE_TIMEOUT_MS 120000       /* a full-RAM migration of a large guest under TCG */
#define LINE_MAX_BYTES     65536        /* a QMP or agent line longer than this is a lie */
#define TAIL_BYTES         300
#define AGENT_PORT_NAME    "org.snowscale.agent"
#define QEMU_NBD_TLS_ID    "nbd-tls"    /* the tls-creds object an NBD backing connects with */
#define DEFAULT_BINARY     "qemu-system-x86_64"
#define MAX_MEM_BYTES      (1ull << 40)
#define MAX_VCPUS          64

/* A VM's disk is a qcow2 chain (docs/disks.md):
 *   image (operator's, read-only) <- chain[nchain-1] <- ... <- chain[0] <- base <- active overlay
 * base and chain[] are frozen generation layers (<gen_dir>/disk.qcow2); the active overlay is the
 * VM's own file in its run dir (run_dir/disk-<seq>.qcow2, QMP node "disk<seq>"). The qcow2 files
 * in a chain, the active one included, never exceed DISK_DEPTH_MAX (qemu_disk_bound). */
#define DISK_DEPTH_MAX 4
#define DISK_LAYER_NAME "disk.qcow2"    /* a generation's frozen layer, in its gen_dir */

struct vm_conf {
        char kernel[PATH_MAX], initrd[PATH_MAX], cmdline[1024];   /* kernel "" = firmware boot */
        char binary[PATH_MAX], accel[16], mac[18];
        uint64_t mem_bytes;
        unsigned vcpus, guest_port;
        char disk_image[PATH_MAX];      /* "" = no disk */
        char disk_format[8];            /* the image's: "qcow2" | "raw" */
        uint64_t disk_bytes;            /* virtual size */
        char disk_base[PATH_MAX];       /* frozen layer under the active overlay; "" = the image */
        char disk_chain[DISK_DEPTH_MAX][PATH_MAX];   /* layers under disk_base, nearest first */
        unsigned disk_nchain;
};

struct linebuf {
        char *buf;
        size_t have;
};

struct qmp_conn {
        int fd;                         /* -1: not connected */
        int watch_fd;                   /* QEMU's pidfd: a dead QEMU ends every wait */
        struct linebuf in;
        char mig_status[32];            /* last MIGRATION event's status ("" = none since reset) */
        char job_done[32];              /* id of the last block job that ended ("" = none since reset) */
        char job_error[256];            /* its error, "" = it succeeded */
};

struct cc_vm {
        pthread_mutex_t lock;
        struct vm_conf conf;
        char run_dir[PATH_MAX];
        char mem_path[PATH_MAX];        /* what QEMU maps */
        bool mem_shared;                /* share=on (own RAM file) vs MAP_PRIVATE clone */
        bool is_child;                  /* ours to waitpid */
        unsigned host_port;             /* user-net: the hostfwd port */
        struct cc_net net;              /* the attachment (kind USER or BRIDGE) */
        char tap[16];                   /* BRIDGE: this VM's tap (lives as long as QEMU holds it) */
        char expect_net[160];           /* BRIDGE: "mac=.. ipv4=A/P hostname=H" the guest must report */
        char reported_net[160];         /* what it reported with "ready" */
        bool agent_heard;               /* any line from the agent since start or adopt */
        pid_t pid;
        int pidfd, agent_fd;
        struct qmp_conn qmp;
        struct linebuf agent_in;
        char expect_id[64];             /* the agent's "ready <id>" we wait for */
        char identity_line[512];        /* resent when the guest answers "hello" as someone else */
        enum cc_vm_state state;
        bool paused;
        char reason[CC_REASON_MAX];
        char last_stats[CC_GUEST_STATS_MAX];
        uint64_t last_stats_us;         /* wall clock of last_stats */
        uint64_t stats_asked_ns;        /* monotonic: last "stats" request to the agent */
        char exit_desc[48];             /* "killed by signal 9", "exit status 1" (our child only) */
        char disk_active[PATH_MAX];     /* the overlay the VM writes ("" = no disk) */
        unsigned disk_seq;              /* its number: file disk-<seq>.qcow2, node "disk<seq>" */
        char disk_tls_dir[PATH_MAX];    /* its NBD backing's TLS key (cc_psk.h); "" = none */
        bool disk_remote;               /* its backing is another host's export (cc_vm_status) */
        bool disk_streaming;            /* the background copy of that backing runs */
        double disk_copied_pct;
        uint64_t disk_polled_ns;        /* monotonic: last look at the copy job */
        uint64_t disk_setup_ns;         /* a clone's: creating its overlay took this long */
        bool save_full;                 /* a parent booted with full_state=1: every checkpoint
                                         * also saves the whole memory (qemu_full.c) */
};

static inline uint64_t mono_ns(void)
{
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static inline int path_join(char *out, size_t len, const char *dir, const char *name)
{
        int n = snprintf(out, len, "%s/%s", dir, name);
        return n < 0 || (size_t)n >= len ? -ENAMETOOLONG : 0;
}

/* qemu_accel.c: "auto" -> "kvm" when KVM really runs guests here, else "tcg". */
int qemu_resolve_accel(const char *want, char *out, size_t len, char *why, size_t why_len);

/* qemu_sock.c */
int qemu_line_read(int fd, int watch_fd, struct linebuf *lb, int timeout_ms, char **ret);
int qemu_send_all(int fd, const char *s);
int qemu_unix_connect(const char *path);
int qemu_unix_listen(const char *path);

/* qmp.c */
int qmp_connect(struct qmp_conn *q, const char *path, int watch_fd, char *why, size_t why_len);
void qmp_close(struct qmp_conn *q);
int qmp_cmd(struct qmp_conn *q, const char *cmd, json_object *args, json_object **ret,
            char *why, size_t why_len);
int qmp_cmd_fd(struct qmp_conn *q, const char *cmd, json_object *args, int fd, json_object **ret,
               char *why, size_t why_len);
/* Migrate the VM's state to a file / restore it from one (an incoming VM started -incoming
 * defer); ignore_shared leaves out RAM on a share=on memory backend. Waits for the end. */
int qmp_migrate_to(struct qmp_conn *q, const char *path, bool ignore_shared, char *why, size_t why_len);
int qmp_migrate_from(struct qmp_conn *q, const char *path, bool ignore_shared, char *why, size_t why_len);

/* qemu_filecopy.c */
int qemu_copy_sparse(const char *src, const char *dst, uint64_t size);
int qemu_copy_diff(const char *src, const char *dst, uint64_t size, uint64_t *ret_pages);

/* qmp.c: wait for the BLOCK_JOB_COMPLETED event of job_id (started after q->job_done was reset). */
int qmp_wait_job(struct qmp_conn *q, const char *job_id, unsigned timeout_ms, char *why, size_t why_len);

/* qemu_disk.c */
int qemu_img_info(const char *path, char *fmt, size_t fmt_len, uint64_t *ret_bytes, char *why, size_t why_len);
int qemu_img_overlay(const char *backing, const char *backing_fmt, uint64_t bytes, const char *path,
                     char *why, size_t why_len);
int qemu_disk_path(const struct cc_vm *vm, unsigned seq, char *out, size_t len);
unsigned qemu_disk_depth(const struct vm_conf *c);
int qemu_disk_bound(struct cc_vm *vm, char *why, size_t why_len);
struct disk_cut {
        char old_active[PATH_MAX], new_active[PATH_MAX], layer[PATH_MAX];
        unsigned old_seq;
        bool swapped, renamed;
};
int qemu_disk_cut_prepare(struct cc_vm *vm, const char *gen_dir, struct disk_cut *dc, char *why, size_t why_len);
int qemu_disk_cut_swap(struct cc_vm *vm, struct disk_cut *dc, char *why, size_t why_len);
int qemu_disk_cut_commit(struct cc_vm *vm, struct disk_cut *dc, char *why, size_t why_len);
void qemu_disk_cut_undo(struct cc_vm *vm, struct disk_cut *dc);
void qemu_disk_remove_overlays(const char *run_dir);
int qemu_disk_complete_start(struct cc_vm *vm, unsigned mib_s, char *why, size_t why_len);
void qemu_disk_complete_poll(struct cc_vm *vm);
int qemu_disk_layers(const struct vm_conf *c, char *out, size_t len);

/* qemu_net.c: a tap named name on bridge, up; returns its fd (O_CLOEXEC) or -errno with why. */
void qemu_tap_name(const char *run_dir, char out[16]);
void qemu_mac_text(const uint8_t mac[6], char out[18]);
int qemu_tap_open(const char *name, const char *bridge, char *why, size_t why_len);
/* qemu_net.c: the disk and network attachments this driver implements (what: the op, for why). */
int qemu_check_attach(const char *what, const struct cc_net *net, const struct cc_disk *disks,
                      unsigned ndisks, bool parent, char *why, size_t why_len);
#define TAP_FD 5                        /* the tap's descriptor number in QEMU (-netdev tap,fd=5) */

/* qemu_vm.c */
struct argv_buf {
        char *v[96];
        char store[16384];
        size_t used;
        int n;
        int err;
};
struct cc_vm *qemu_vm_new(const char *run_dir);
void qemu_destroy(struct cc_vm *vm);
int qemu_pidfd_open(pid_t pid);
bool qemu_vm_exited(struct cc_vm *vm);
int qemu_vm_pid(const struct cc_vm *vm);
bool qemu_vm_wait_exit(struct cc_vm *vm, unsigned timeout_ms);
void qemu_vm_mark_exited(struct cc_vm *vm, const char *what);
void qemu_vm_kill(struct cc_vm *vm);
json_object *qemu_conf_to_json(const struct vm_conf *c);
int qemu_conf_from_json(json_object *o, struct vm_conf *c, char *why, size_t why_len);
int qemu_json_str(json_object *o, const char *key, char *out, size_t len);
int qemu_json_u64(json_object *o, const char *key, uint64_t *out);
int qemu_write_state_file(struct cc_vm *vm);
int qemu_read_state_file(struct cc_vm *vm, const char *path, char *why, size_t why_len);
pid_t qemu_live_pid(const char *run_dir, pid_t *ret_old);
void qemu_mem_usage(pid_t pid, uint64_t *rss, uint64_t *priv);
int qemu_qmp_connect(struct cc_vm *vm, char *why, size_t why_len);
int qemu_agent_connect(struct cc_vm *vm, char *why, size_t why_len);
void qemu_agent_drain(struct cc_vm *vm);
int qemu_build_argv(const struct cc_vm *vm, bool incoming, struct argv_buf *a);
int qemu_spawn(struct cc_vm *vm, bool incoming, char *why, size_t why_len);

/* qemu_full.c: whole-memory saved states (driver.boot: restore) */
#define QEMU_FULL_STATE_NAME "full.state"
int qemu_save_full(const struct cc_vm *parent, const struct cc_checkpoint *cp, const char *gen_dir,
                   uint64_t *ret_bytes);
/* restore=MODE of a clone: its saved state's path into full, or why it cannot be restored */
int qemu_full_for_clone(const struct cc_clone_spec *spec, const char *mode, char *full, size_t len,
                        char *why, size_t why_len);
int qemu_full_own_ram(struct cc_vm *vm, char *why, size_t why_len);

#endif
