/* cc_driver: what a hypervisor driver implements for clonecore.
 *
 * Drivers are ops tables (drivers/qemu.c, drivers/xen.c). Generic code never asks which hypervisor
 * it runs on. The contract that makes that possible:
 *   - checkpoint() leaves two files in a generation directory: the driver's device/vCPU state blob
 *     and the guest memory image (raw, page-aligned, frozen: the parent never writes it again).
 *     The engine wraps them into a descriptor (page map, metadata, CRC) and a page store.
 *   - clone() starts a VM from a state blob plus a memory *path*: the generation file itself
 *     (local clone, MAP_PRIVATE) or a memtap FUSE file that fetches pages lazily (remote clone).
 *     A driver that cannot map memory lazily (Xen PV) reads the pages it needs through that path.
 * Every op returns 0 or -errno; on failure it fills the caller's reason buffer with a sentence
 * (e.g. the tail of QEMU's stderr) and never logs. */
#ifndef CC_DRIVER_H
#define CC_DRIVER_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CC_REASON_MAX 512

struct cc_vm;                           /* driver-private, one per running VM */

/* How a VM reaches its network, as data: the driver never infers it from a port number.
 * The QEMU driver implements both kinds (docs/networking.md); a driver without the bridge
 * attachment answers -EOPNOTSUPP. */
enum cc_net_kind {
        CC_NET_NONE = 0,                /* not given: an error where the VM needs a network */
        CC_NET_USER,                    /* QEMU user-mode net, the app forwarded from a host port */
        CC_NET_BRIDGE,                  /* a tap on a host bridge, its own MAC and IPv4 address */
};

struct cc_net {
        enum cc_net_kind kind;
        unsigned host_port;             /* USER: 127.0.0.1:host_port -> the guest's app port */
        char bridge[16];                /* BRIDGE: host bridge name (IFNAMSIZ) */
        uint8_t mac[6];                 /* BRIDGE: all zero = the clone identity's MAC */
        char ipv4[16];                  /* BRIDGE: "10.0.3.17" */
        unsigned prefix_len;            /* BRIDGE: 24 */
        char gateway[16];               /* BRIDGE: default route, "10.0.3.1" */
        char dns[16];                   /* BRIDGE: resolver for the guest, "" = none */
};

/* A user-net attachment forwarding host_port (the one kind drivers implement today). */
static inline struct cc_net cc_net_user(unsigned host_port)
{
        return (struct cc_net){ .kind = CC_NET_USER, .host_port = host_port };
}

/* A block device of a parent VM: the operator's image (qcow2 or raw), never written. The driver
 * runs the parent on a copy-on-write overlay of it, freezes the overlay into the generation at
 * each checkpoint (same pause as memory) and gives every clone its own overlay of that layer
 * (docs/disks.md). The QEMU driver takes one disk; the Xen driver none yet. */
struct cc_disk {
        const char *path;
        bool read_only;                 /* the guest sees it read-only (not implemented: -EOPNOTSUPP) */
};

struct cc_vm_config {                   /* what a parent VM is */
        const char *name;               /* "parent", used for the run dir and logs */
        const char *run_dir;            /* driver keeps pid file, sockets, logs, RAM file here */
        const char *kernel, *initrd, *cmdline;  /* kernel NULL/"" with a disk: the disk's bootloader */
        uint64_t mem_bytes;
        unsigned vcpus;
        const char *accel;              /* "auto" | "kvm" | "tcg" (qemu), ignored by xen */
        const char *binary;             /* qemu-system-x86_64 path; NULL = default */
        unsigned guest_port;            /* app port inside the guest (80) */
        struct cc_net net;              /* where the host reaches the app */
        const struct cc_disk *disks;    /* ndisks disks (0 today: a driver refuses others) */
        unsigned ndisks;
        const char *driver_opts;        /* driver-specific "k=v,k=v" (e.g. "fail_ready=1" for tests) */
};

struct cc_identity {                    /* what makes a clone itself */
        char clone_id[64];              /* e.g. "c42" */
        char hostname[64];
        uint8_t mac[6];
        uint64_t seed;                  /* fresh entropy for the guest RNG */
};

struct cc_checkpoint {                  /* filled by checkpoint() */
        char state_path[PATH_MAX];      /* device/vCPU state blob, in gen_dir */
        char mem_path[PATH_MAX];        /* frozen memory image, in gen_dir */
        uint64_t mem_bytes;
        uint32_t page_size;
        uint64_t pause_ns;              /* how long the parent was paused */
        char vm_config_json[4096];      /* driver's VM config needed to recreate devices */
        /* The disk layers this generation reads, newest first, one absolute path a line: its own
         * frozen layer (in gen_dir) and the older generations' layers under it ("" = no disk).
         * The engine keeps a generation whose layer another generation still reads. */
        char disk_layers[4096];
};

/* Page contents by page number from the host's page store (one copy of each distinct page on the
 * host, shared by its generations and clones), for a driver that reads every page before the VM
 * runs (Xen PV). read() fills buf (page_size bytes) and returns 0 (read from storage), 1 (from
 * memory: a content this source read already), -ENOENT (no copy: read mem_path) or -errno. */
struct cc_page_source {
        int (*read)(void *ctx, uint64_t pfn, void *buf);
        void *ctx;
};

struct cc_clone_spec {
        const char *state_path;         /* the descriptor's state blob, extracted to a file */
        const char *mem_path;           /* generation file (local) or memtap file (remote) */
        bool mem_is_lazy;               /* mem_path is a memtap file */
        const struct cc_page_source *pages;     /* NULL = none; a driver that maps memory ignores it */
        const char *vm_config_json;     /* as recorded by checkpoint() */
        const char *run_dir;            /* the clone's own directory */
        struct cc_net net;              /* this clone's attachment (user-net: its own host port) */
        const struct cc_disk *disks;    /* 0: the driver makes the clone's overlay of the
                                         * generation's disk layer itself (recorded in vm_config_json) */
        unsigned ndisks;
        const char *driver_opts;
        struct cc_identity id;
        /* A clone on another host than its generation's: the generation's disk layer (its whole
         * chain, as the guest sees it) exported read-only by QEMU's NBD server on the parent's
         * host, "nbd://HOST:PORT/NAME". The clone's overlay backs onto it and reads lazily
         * (docs/multihost-data.md). NULL = the layer file named in vm_config_json. */
        const char *disk_uri;
        /* With disk_uri: a directory with keys.psk (cc_psk.h) for the export's TLS; NULL = plain. */
        const char *disk_tls_dir;
};

enum cc_vm_state {
        CC_VM_STARTING,                 /* process up, guest not yet ready */
        CC_VM_RUNNING,                  /* guest agent said ready */
        CC_VM_PAUSED,
        CC_VM_EXITED,                   /* gone; reason says why */
};

#define CC_GUEST_STATS_MAX 3072      /* the guest agent's SFG_STATS_MAX, with room */
struct cc_vm_status {
        enum cc_vm_state state;
        int pid;                        /* VMM process (qemu) or domid (xen) */
        char address[64];               /* the address the VM got: where the app answers
                                         * (user-net: "127.0.0.1:18003", host:port) */
        uint64_t rss_bytes, private_bytes;
        char reason[CC_REASON_MAX];     /* for EXITED */
        char disk[PATH_MAX];            /* the overlay the VM writes ("" = no disk) */
        uint64_t disk_bytes;            /* bytes it takes on the host */
        uint64_t disk_setup_us;         /* a clone's: creating its overlay took this long */
        /* A clone whose disk backs onto another host's export (cc_clone_spec.disk_uri): true
         * while it may still read blocks from there; false once its background completion (driver
         * option disk_complete_mib_s) has copied every block into its overlay. */
        bool disk_remote;
        double disk_copied_pct;         /* that completion's progress, 0..100 */
        /* The guest agent's last report, "uptime_s=12.3 load1=0.1 mem_avail_kib=N" and the app's
         * own pairs, up to 32 "key=value" ("" = none yet), and when it arrived (wall µs). Drivers
         * ask for a fresh one every CC_GUEST_STATS_EVERY_MS through status() calls. */
        char guest_stats[CC_GUEST_STATS_MAX];
        uint64_t guest_stats_us;
        /* The driver knows that nothing has spoken on the guest agent's channel yet (QEMU: not a
         * line on the virtio-serial port): a readiness timeout then names the missing agent. */
        bool agent_silent;
        /* BRIDGE: the identity the guest reported with "ready", read back from its interface
         * ("mac=02:.. ipv4=10.0.3.17/24 hostname=w-c3"); "" = none yet. */
        char guest_identity[160];
};
#define CC_GUEST_STATS_EVERY_MS 2000


struct cc_driver_ops {
        const char *name;               /* "qemu", "xen" */
        /* Can this driver run VMs here? 0, or -ENODEV with why. */
        int (*probe)(char *why, size_t why_len);
        int (*boot_parent)(const struct cc_vm_config *cfg, struct cc_vm **ret, char *why, size_t why_len);
        /* Pause, save device state, freeze memory into gen_dir, resume. */
        int (*checkpoint)(struct cc_vm *vm, const char *gen_dir, struct cc_checkpoint *ret,
                          char *why, size_t why_len);
        int (*clone)(const struct cc_clone_spec *spec, struct cc_vm **ret, char *why, size_t why_len);
        int (*pause)(struct cc_vm *vm);
        int (*resume)(struct cc_vm *vm);
        /* Graceful stop within timeout_ms, then force. Frees nothing; call destroy after. */
        int (*retire)(struct cc_vm *vm, unsigned timeout_ms);
        int (*status)(struct cc_vm *vm, struct cc_vm_status *ret);
        /* Optional: block until the VM's state may have changed (its guest agent spoke, its VMM
         * exited), wake_fd became readable, or timeout_ms passed; then status() tells what
         * changed. The engine waits for a clone's readiness on it; NULL = the engine asks
         * status() every few milliseconds instead. */
        int (*wait)(struct cc_vm *vm, int wake_fd, unsigned timeout_ms);
        /* Find VMs of a previous run under run_dir (pid files): adopt or kill. */
        int (*adopt)(const char *run_dir, struct cc_vm **ret, char *why, size_t why_len);
        void (*destroy)(struct cc_vm *vm);      /* NULL-tolerant; frees the handle */
        /* VMs the driver can start at once from one process; 0 = as many as the engine runs.
         * The engine never runs more clone/retire jobs in parallel than this. */
        unsigned max_parallel;
};

extern const struct cc_driver_ops cc_qemu_driver;
#ifdef CC_HAVE_XEN
extern const struct cc_driver_ops cc_xen_driver;
#endif
/* NULL for an unknown name or one not compiled in. */
const struct cc_driver_ops *cc_driver_find(const char *name);

#endif
