/* drivers/xen_int.h: what the Xen driver's files share (not an API: drivers/xen.c is the ops
 * table, the others are its parts). One job per file:
 *   xen.c           the ops table, probe and destroy
 *   xen_vm.c        a VM handle: the one libxl context and its lock, libxl's log routed to the
 *                   VM's xen.log, failure reasons, driver options, the run dir's files
 *   xen_console.c   the guest console: pty named in xenstore, copied into console.log
 *   xen_domain.c    domain lifecycle: create a parent, pause/resume, retire, status, adopt
 *   xen_gen.c       generations: checkpoint (suspend through the splitter), clone (restore
 *                   from the synthesizer)
 *   xen_identity.c  a clone's identity and readiness through xenstore
 *   xen_net.c       the bridge attachment: checks, a clone's MAC, its identity line, the vif's
 *                   bridge port (no libxl: xen_net.h, unit-tested anywhere)
 *   xen_disk.c      copy-on-write disks on a device-mapper thin pool (no libxl: xen_disk.h)
 *   xen_stream.c    the save stream's splitter and synthesizer (plain C, xen_stream.h)
 *   xen_free.c      the guest's free-page report and its census against a memory image
 *                   (measurement only; plain C, xen_free.h) */
#ifndef CC_XEN_INT_H
#define CC_XEN_INT_H

#define LIBXL_API_VERSION 0x041300
#include <libxl.h>
#include <libxl_utils.h>
#include <xenstore.h>
#include <xentoollog.h>

#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "../cc_internal.h"
#include "clonecore/cc_driver.h"
#include "xen_disk.h"
#include "xen_net.h"

#define XEN_AGENT_DIR   "data/snowscale"        /* relative to /local/domain/<domid> */
#define XEN_CMDLINE     "console=hvc0 quiet"
#define CONSOLE_WAIT_MS 30000
#define RELEASE_WAIT_MS 20000ull

struct cc_vm {
        FILE *logf;
        struct xs_handle *xs;
        uint32_t domid;
        bool have_domain;
        char name[64];
        char clone_id[64];              /* "" for a parent */
        char run_dir[PATH_MAX];
        char log_path[PATH_MAX + 16];
        /* what a checkpoint records so clones get the same domain shape */
        char kernel[PATH_MAX], initrd[PATH_MAX], cmdline[1024];
        uint64_t max_memkb;
        unsigned vcpus;
        char bridge[32];
        /* the network attachment (CC_NET_BRIDGE: the address plan's) and the app's port */
        struct cc_net net;
        uint8_t mac[6];
        unsigned guest_port;
        /* a clone on a bridge: its vif stays off the bridge until the agent reports expect_net */
        char vif[16];
        char expect_net[160];
        bool online;
        char guest_identity[160];       /* what the agent read back from its interface */
        struct xen_disk disk;           /* its copy-on-write disk (disk.id 0: none) */
        /* console copier */
        pthread_t con_thread;
        bool con_started;
        int con_stop[2];
};

static inline uint64_t mono_ns(void)
{
        struct timespec t;

        clock_gettime(CLOCK_MONOTONIC, &t);
        return (uint64_t)t.tv_sec * 1000000000ull + (uint64_t)t.tv_nsec;
}

/* xen_vm.c: the process's libxl context; every libxl call runs between xen_op_begin(vm) and
 * xen_op_end(), which hold the driver lock and send libxl's log to vm's xen.log (NULL: nowhere). */
extern libxl_ctx *xen_ctx;
extern FILE *xen_log_to;
void xen_op_begin(struct cc_vm *vm);
void xen_op_end(void);
int xen_vm_new(const char *run_dir, const char *name, struct cc_vm **ret, char *why, size_t len);
void xen_vm_free(struct cc_vm *vm);
int xen_fail(struct cc_vm *vm, char *why, size_t len, const char *what, int rc);
const char *xen_opt_get(const char *opts, const char *key, char *val, size_t val_len);
bool xen_valid_name(const char *s);
int xen_write_file(const char *path, const void *data, size_t len);
int xen_write_domid_file(struct cc_vm *vm);
void xen_disk_path(const struct cc_vm *vm, char *out, size_t len);
/* The VM's disk: recorded in its run dir for adoption; released with its record (no disk: no-op). */
void xen_vm_disk_keep(struct cc_vm *vm);
void xen_vm_disk_drop(struct cc_vm *vm);

/* xen_console.c */
int xen_console_start(struct cc_vm *vm);
void xen_console_stop(struct cc_vm *vm);

/* xen_domain.c */
int xen_make_config(struct cc_vm *vm, libxl_domain_config *dc, const uint8_t *mac);
int xen_boot_parent(const struct cc_vm_config *cfg, struct cc_vm **ret, char *why, size_t why_len);
int xen_pause(struct cc_vm *vm);
int xen_resume(struct cc_vm *vm);
int xen_retire(struct cc_vm *vm, unsigned timeout_ms);
int xen_status(struct cc_vm *vm, struct cc_vm_status *ret);
int xen_adopt(const char *run_dir, struct cc_vm **ret, char *why, size_t why_len);

/* xen_gen.c */
int xen_checkpoint(struct cc_vm *vm, const char *gen_dir, struct cc_checkpoint *ret, char *why, size_t why_len);
int xen_clone(const struct cc_clone_spec *spec, struct cc_vm **ret, char *why, size_t why_len);

/* xen_identity.c */
int xen_identity_write(struct cc_vm *vm, const struct cc_identity *id, const char *name, bool fail_ready,
                       char *why, size_t why_len);
bool xen_identity_ready(struct cc_vm *vm);
void xen_address(const struct cc_vm *vm, char *out, size_t len);

#endif
