/* drivers/xen_disk.h: copy-on-write disks for Xen VMs on a device-mapper thin pool (libdevmapper,
 * no libxl; docs/drivers-xen.md, "Disks"). The pool lives in one directory (sparse files
 * `meta` and `data` on loop devices, `ids/<id>` naming the owner of each thin device, `lock`).
 * A parent's disk is a fresh thin device the operator's raw image is copied into (zero blocks
 * skipped); a cut is a thin snapshot of the VM's device taken while the domain is suspended (the
 * generation's layer); a clone's disk is a thin snapshot of its generation's. Snapshots share
 * blocks by reference count: no chain, and deleting one never touches another. blkback serves
 * each device to its domain as a `phy:` disk. */
#ifndef CC_XEN_DISK_H
#define CC_XEN_DISK_H

#include <limits.h>
#include <stddef.h>
#include <stdint.h>

struct xen_disk {
        char dir[PATH_MAX];             /* the pool's directory */
        char pool[32];                  /* its device-mapper name, "ssthin-<8 hex of dir>" */
        uint32_t id;                    /* this VM's thin device (0: no disk) */
        uint64_t sectors;               /* its size, 512-byte sectors */
        char dev[PATH_MAX];             /* /dev/mapper/<pool>-<id>: what the domain's vbd serves */
        uint64_t setup_us;              /* making it took this long (import or snapshot) */
        uint64_t import_bytes;          /* a parent's: non-zero bytes copied from the image */
};

/* The parent's disk: the pool in dir (made on first use, size_gib of sparse data), a new thin
 * device owned by owner (the VM's run dir; devices an earlier VM of that run dir left are
 * deleted first) holding a copy of image (raw; a qcow2 image is refused with how to convert). */
int xen_disk_parent(struct xen_disk *d, const char *dir, unsigned size_gib, const char *image, const char *owner,
                    char *why, size_t why_len);

/* The cut, while the domain is suspended: flush and suspend d's device, snapshot it into a new
 * thin device owned by owner (the generation's directory), resume. *snap gets its id. */
int xen_disk_snapshot(const struct xen_disk *d, const char *owner, uint32_t *snap, char *why, size_t why_len);

/* A clone's disk: a snapshot of origin (a generation's device, never activated) in the pool at
 * dir, activated for the clone. */
int xen_disk_clone(struct xen_disk *d, const char *dir, uint32_t origin, uint64_t sectors, const char *owner,
                   char *why, size_t why_len);

/* After the domain is gone: deactivate and delete d's device (d->id becomes 0). */
void xen_disk_release(struct xen_disk *d);

/* A VM's disk across a daemon restart: "<id> <sectors> <dir>" in path. load returns -ENOENT when
 * the VM has no disk. */
int xen_disk_save(const struct xen_disk *d, const char *path);
int xen_disk_load(struct xen_disk *d, const char *path);

#endif
