/* drivers/xen_disk.c: copy-on-write disks for Xen VMs on a device-mapper thin pool (xen_disk.h).
 *
 * Why thin provisioning and not a qcow2 overlay behind Xen's qdisk backend: a thin snapshot is
 * one metadata message (no data copied, O(1) whatever the disk's size), snapshots share blocks
 * by reference count so there is no chain to bound or keep alive (a generation's device can go
 * while its clones run on), and blkback serves the devices from the dom0 kernel: no device-model
 * process per clone, which a qcow2 overlay under qdisk would need. The cost is a pool to hold
 * the blocks: here sparse files on loop devices in one directory, made on first use.
 *
 * Every pool operation runs under an flock of <dir>/lock (several processes may share a pool)
 * and starts by deleting the devices whose owner (a run dir or a generation's directory) no
 * longer exists: a dropped generation's layer goes at the next operation. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <libdevmapper.h>
#include <linux/loop.h>
#include <poll.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>

#include "../cc_internal.h"
#include "xen_disk.h"

#define META_BYTES      (128ull << 20)          /* thin metadata: ~48 bytes per 64 KiB block, with room */
#define BLOCK_SECTORS   128                     /* 64 KiB data blocks */
#define COPY_CHUNK      (BLOCK_SECTORS * 512)
#define MAX_THIN_ID     ((1u << 24) - 1)        /* the thin target's device ids are 24 bits */

/* libdevmapper's last error, for the reason a caller gets (it logs to stderr otherwise) */
static char dm_last[256];

static void dm_log(int level, const char *file, int line, int dm_errno, const char *f, ...)
{
        (void)file;
        (void)line;
        (void)dm_errno;
        if (level > 3)                          /* errors only: _LOG_ERR */
                return;
        va_list ap;
        va_start(ap, f);
        vsnprintf(dm_last, sizeof(dm_last), f, ap);
        va_end(ap);
}

static uint64_t now_us(void)
{
        struct timespec t;

        clock_gettime(CLOCK_MONOTONIC, &t);
        return (uint64_t)t.tv_sec * 1000000ull + (uint64_t)t.tv_nsec / 1000;
}

/* One device-mapper call: type on name, with an optional target line or message. Cookies make
 * libdevmapper create or remove /dev/mapper nodes itself where no udev runs. */
static int dm_call(int type, const char *name, const char *target, uint64_t sectors, const char *params,
                   const char *message, struct dm_info *info, char *why, size_t why_len)
{
        static bool log_set;
        struct dm_task *t;
        uint32_t cookie = 0;
        bool with_cookie = type == DM_DEVICE_CREATE || type == DM_DEVICE_REMOVE || type == DM_DEVICE_RESUME;
        int r = 0;

        if (!log_set) {
                dm_log_with_errno_init(dm_log);
                log_set = true;
        }
        dm_last[0] = 0;
        t = dm_task_create(type);
        if (!t)
                return cc_why(why, why_len, -ENOMEM, "device-mapper: cannot create a task");
        if (!dm_task_set_name(t, name) || (target && !dm_task_add_target(t, 0, sectors, target, params)) ||
            (message && (!dm_task_set_sector(t, 0) || !dm_task_set_message(t, message))) ||
            (with_cookie && !dm_task_set_cookie(t, &cookie, 0)) || !dm_task_run(t)) {
                if (with_cookie && cookie)
                        dm_udev_wait(cookie);
                r = cc_why(why, why_len, -EIO, "device-mapper %s %s%s%s: %s",
                           message ? "message to" : target ? "create" : "operation on", name,
                           message ? ": " : "", message ? message : "", dm_last[0] ? dm_last : "failed");
                dm_task_destroy(t);
                return r;
        }
        if (with_cookie)
                dm_udev_wait(cookie);
        if (info && !dm_task_get_info(t, info))
                r = cc_why(why, why_len, -EIO, "device-mapper: no info for %s", name);
        dm_task_destroy(t);
        return r;
}

static bool dm_exists(const char *name, struct dm_info *info)
{
        struct dm_info i;
        char why[64];

        if (!info)
                info = &i;
        return dm_call(DM_DEVICE_INFO, name, NULL, 0, NULL, NULL, info, why, sizeof(why)) == 0 && info->exists;
}

static void thin_name(const struct xen_disk *d, uint32_t id, char *out, size_t len)
{
        snprintf(out, len, "%s-%u", d->pool, id);
}

/* Remove an active device; blkback may hold it a moment after its domain is destroyed. */
static void dm_remove(const char *name)
{
        char why[64];

        for (unsigned ms = 20; ms < 3000 && dm_exists(name, NULL); ms *= 2) {
                if (dm_call(DM_DEVICE_REMOVE, name, NULL, 0, NULL, NULL, NULL, why, sizeof(why)) == 0)
                        return;
                poll(NULL, 0, (int)ms);
        }
}

static int message(const struct xen_disk *d, char *why, size_t why_len, const char *fmt, ...)
{
        char msg[64];
        va_list ap;

        va_start(ap, fmt);
        vsnprintf(msg, sizeof(msg), fmt, ap);
        va_end(ap);
        return dm_call(DM_DEVICE_TARGET_MSG, d->pool, NULL, 0, NULL, msg, NULL, why, why_len);
}

/* A loop device over file (AUTOCLEAR: it goes when its last user, the pool, closes it); its fd,
 * kept open until the pool's table holds the device. */
static int loop_attach(const char *file, dev_t *rdev, char *why, size_t why_len)
{
        int ctl = -1, lfd = -1, ffd = -1, r;
        char path[32];

        ffd = open(file, O_RDWR | O_CLOEXEC);
        if (ffd < 0)
                return cc_why(why, why_len, -errno, "cannot open %s: %s", file, strerror(errno));
        ctl = open("/dev/loop-control", O_RDWR | O_CLOEXEC);
        if (ctl < 0) {
                r = cc_why(why, why_len, -errno, "no /dev/loop-control (load the loop module): %s", strerror(errno));
                goto out;
        }
        for (int tries = 0; tries < 8; tries++) {      /* another process may take the free one first */
                int n = ioctl(ctl, LOOP_CTL_GET_FREE);
                if (n < 0) {
                        r = cc_why(why, why_len, -errno, "LOOP_CTL_GET_FREE: %s", strerror(errno));
                        goto out;
                }
                snprintf(path, sizeof(path), "/dev/loop%d", n);
                for (int w = 0; w < 50 && (lfd = open(path, O_RDWR | O_CLOEXEC)) < 0 && errno == ENOENT; w++)
                        poll(NULL, 0, 20);      /* devtmpfs makes the node */
                if (lfd < 0) {
                        r = cc_why(why, why_len, -errno, "cannot open %s: %s", path, strerror(errno));
                        goto out;
                }
                struct loop_config c = { .fd = (uint32_t)ffd, .info.lo_flags = LO_FLAGS_AUTOCLEAR };
                snprintf((char *)c.info.lo_file_name, sizeof(c.info.lo_file_name), "%s", file);
                if (ioctl(lfd, LOOP_CONFIGURE, &c) == 0) {
                        struct stat sb;
                        fstat(lfd, &sb);
                        *rdev = sb.st_rdev;
                        r = lfd;
                        lfd = -1;
                        goto out;
                }
                r = -errno;
                close(lfd);
                lfd = -1;
                if (r != -EBUSY) {
                        cc_why(why, why_len, r, "LOOP_CONFIGURE %s on %s: %s", path, file, strerror(-r));
                        goto out;
                }
        }
        r = cc_why(why, why_len, -EBUSY, "no free loop device for %s", file);
out:
        if (ctl >= 0)
                close(ctl);
        if (ffd >= 0)
                close(ffd);
        return r;
}

static int sparse_file(const char *path, uint64_t bytes, char *why, size_t why_len)
{
        int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

        if (fd < 0)
                return cc_why(why, why_len, -errno, "cannot create %s: %s", path, strerror(errno));
        int r = ftruncate(fd, (off_t)bytes) < 0 ? -errno : 0;
        close(fd);
        if (r < 0)
                return cc_why(why, why_len, r, "cannot size %s: %s", path, strerror(-r));
        return 0;
}

/* The pool at dir: active already (another VM or an earlier run), or its files attached and
 * the pool target loaded (a new metadata file, all zeroes, is formatted by the kernel). */
static int pool_up(struct xen_disk *d, unsigned size_gib, char *why, size_t why_len)
{
        char meta[PATH_MAX + 8], data[PATH_MAX + 8], params[96];
        struct stat sb;
        int mfd = -1, dfd = -1, r;
        dev_t mdev = 0, ddev = 0;

        if (dm_exists(d->pool, NULL))
                return 0;
        snprintf(meta, sizeof(meta), "%s/meta", d->dir);
        snprintf(data, sizeof(data), "%s/data", d->dir);
        if (stat(data, &sb) < 0) {
                /* a fresh pool: no device of the old one can survive without its data */
                unlink(meta);
                r = sparse_file(meta, META_BYTES, why, why_len);
                if (r == 0)
                        r = sparse_file(data, (uint64_t)(size_gib ? size_gib : 16) << 30, why, why_len);
                if (r < 0)
                        return r;
                if (stat(data, &sb) < 0)
                        return cc_why(why, why_len, -errno, "%s: %s", data, strerror(errno));
        }
        mfd = loop_attach(meta, &mdev, why, why_len);
        if (mfd < 0)
                return mfd;
        dfd = loop_attach(data, &ddev, why, why_len);
        if (dfd < 0) {
                close(mfd);
                return dfd;
        }
        snprintf(params, sizeof(params), "%u:%u %u:%u %u 0", major(mdev), minor(mdev), major(ddev), minor(ddev),
                 BLOCK_SECTORS);
        uint64_t sectors = (uint64_t)sb.st_size / 512 / BLOCK_SECTORS * BLOCK_SECTORS;
        r = dm_call(DM_DEVICE_CREATE, d->pool, "thin-pool", sectors, params, NULL, NULL, why, why_len);
        close(mfd);                             /* the pool holds them now; AUTOCLEAR when it goes */
        close(dfd);
        return r;
}

static int lock_pool(const struct xen_disk *d, char *why, size_t why_len)
{
        char path[PATH_MAX + 8];

        if (mkdir(d->dir, 0700) < 0 && errno != EEXIST)
                return cc_why(why, why_len, -errno, "cannot create %s: %s", d->dir, strerror(errno));
        snprintf(path, sizeof(path), "%s/ids", d->dir);
        if (mkdir(path, 0700) < 0 && errno != EEXIST)
                return cc_why(why, why_len, -errno, "cannot create %s: %s", path, strerror(errno));
        snprintf(path, sizeof(path), "%s/lock", d->dir);
        int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (fd < 0)
                return cc_why(why, why_len, -errno, "cannot open %s: %s", path, strerror(errno));
        if (flock(fd, LOCK_EX) < 0) {
                int e = errno;
                close(fd);
                return cc_why(why, why_len, -e, "flock %s: %s", path, strerror(e));
        }
        return fd;
}

static void unlock_pool(int fd)
{
        if (fd >= 0)
                close(fd);
}

static int read_owner(const struct xen_disk *d, uint32_t id, char *owner, size_t len)
{
        char path[PATH_MAX + 32];

        snprintf(path, sizeof(path), "%s/ids/%u", d->dir, id);
        FILE *f = fopen(path, "re");
        if (!f)
                return -errno;
        bool ok = fgets(owner, (int)len, f) != NULL;
        fclose(f);
        if (!ok)
                return -EBADMSG;
        owner[strcspn(owner, "\n")] = 0;
        return 0;
}

/* Deactivate and delete one thin device, then forget its owner. */
static void drop_id(const struct xen_disk *d, uint32_t id)
{
        char name[64], why[64], path[PATH_MAX + 32];

        thin_name(d, id, name, sizeof(name));
        dm_remove(name);
        message(d, why, sizeof(why), "delete %u", id);
        snprintf(path, sizeof(path), "%s/ids/%u", d->dir, id);
        unlink(path);
}

/* Collect the devices whose owner is gone, or (drop_owner) owned by that path; return the next
 * free id. */
static uint32_t sweep(const struct xen_disk *d, const char *drop_owner)
{
        char path[PATH_MAX + 8], owner[PATH_MAX];
        uint32_t next = 1;

        snprintf(path, sizeof(path), "%s/ids", d->dir);
        DIR *dir = opendir(path);
        if (!dir)
                return next;
        for (struct dirent *e; (e = readdir(dir)); ) {
                char *end;
                unsigned long id = strtoul(e->d_name, &end, 10);
                if (e->d_name[0] == '.' || *end || id == 0 || id > MAX_THIN_ID)
                        continue;
                if (read_owner(d, (uint32_t)id, owner, sizeof(owner)) == 0 &&
                    ((drop_owner && strcmp(owner, drop_owner) == 0) || access(owner, F_OK) < 0)) {
                        drop_id(d, (uint32_t)id);
                        continue;
                }
                if (id >= next)
                        next = (uint32_t)id + 1;
        }
        closedir(dir);
        return next;
}

static int claim_id(const struct xen_disk *d, uint32_t id, const char *owner, char *why, size_t why_len)
{
        char path[PATH_MAX + 32];

        snprintf(path, sizeof(path), "%s/ids/%u", d->dir, id);
        FILE *f = fopen(path, "we");
        if (!f)
                return cc_why(why, why_len, -errno, "cannot write %s: %s", path, strerror(errno));
        fprintf(f, "%s\n", owner);
        if (fclose(f) != 0)
                return cc_why(why, why_len, -EIO, "cannot write %s", path);
        return 0;
}

static int pool_open(struct xen_disk *d, const char *dir, char *why, size_t why_len)
{
        uint32_t h = 2166136261u;               /* FNV-1a of the directory: its pool's name */

        if (!dir || !dir[0] || strlen(dir) >= sizeof(d->dir))
                return cc_why(why, why_len, -EINVAL, "disk pool directory missing or too long");
        snprintf(d->dir, sizeof(d->dir), "%s", dir);
        for (const char *p = dir; *p; p++)
                h = (h ^ (uint8_t)*p) * 16777619u;
        snprintf(d->pool, sizeof(d->pool), "ssthin-%08x", h);
        return 0;
}

/* Activate thin device id as this VM's disk. */
static int activate(struct xen_disk *d, uint32_t id, uint64_t sectors, char *why, size_t why_len)
{
        struct dm_info pi;
        char name[64], params[64];

        if (!dm_exists(d->pool, &pi))
                return cc_why(why, why_len, -ENODEV, "thin pool %s is not active", d->pool);
        thin_name(d, id, name, sizeof(name));
        snprintf(params, sizeof(params), "%u:%u %u", pi.major, pi.minor, id);
        int r = dm_call(DM_DEVICE_CREATE, name, "thin", sectors, params, NULL, NULL, why, why_len);
        if (r < 0)
                return r;
        d->id = id;
        d->sectors = sectors;
        snprintf(d->dev, sizeof(d->dev), "/dev/mapper/%s", name);
        if (access(d->dev, F_OK) < 0)
                return cc_why(why, why_len, -ENOENT, "device-mapper made %s but no %s node", name, d->dev);
        return 0;
}

/* A new thin device id for owner, made by the pool message msg ("create_thin ID" or
 * "create_snap ID ORIGIN"), activated as this VM's disk; nothing is left behind on failure. */
static int new_device(struct xen_disk *d, uint32_t id, const char *owner, const char *msg, uint64_t sectors,
                      char *why, size_t why_len)
{
        int r = claim_id(d, id, owner, why, why_len);

        if (r == 0)
                r = message(d, why, why_len, "%s", msg);
        if (r == 0)
                r = activate(d, id, sectors, why, why_len);
        if (r < 0) {
                drop_id(d, id);
                d->id = 0;
        }
        return r;
}

static bool all_zero(const uint8_t *p, size_t n)
{
        return n == 0 || (p[0] == 0 && memcmp(p, p + 1, n - 1) == 0);
}

/* Copy image into the device: every non-zero 64 KiB block (zero blocks stay unprovisioned). */
static int import(struct xen_disk *d, int ifd, uint64_t bytes, char *why, size_t why_len)
{
        uint8_t *buf = malloc(COPY_CHUNK);
        int ofd = open(d->dev, O_WRONLY | O_CLOEXEC);
        int r = 0;

        if (!buf || ofd < 0) {
                r = cc_why(why, why_len, buf ? -errno : -ENOMEM, "cannot open %s: %s", d->dev, strerror(errno));
                goto out;
        }
        for (uint64_t off = 0; off < bytes; off += COPY_CHUNK) {
                size_t want = bytes - off < COPY_CHUNK ? (size_t)(bytes - off) : COPY_CHUNK;
                ssize_t n = pread(ifd, buf, want, (off_t)off);
                if (n != (ssize_t)want) {
                        r = cc_why(why, why_len, n < 0 ? -errno : -EIO, "reading the disk image at %" PRIu64 ": %s",
                                   off, n < 0 ? strerror(errno) : "short read");
                        goto out;
                }
                if (all_zero(buf, want))
                        continue;
                if (want % 512)                         /* the device ends on a sector */
                        memset(buf + want, 0, 512 - want % 512), want += 512 - want % 512;
                if (pwrite(ofd, buf, want, (off_t)off) != (ssize_t)want) {
                        r = cc_why(why, why_len, -EIO, "writing %s at %" PRIu64 ": %s", d->dev, off, strerror(errno));
                        goto out;
                }
                d->import_bytes += want;
        }
        if (fsync(ofd) < 0)
                r = cc_why(why, why_len, -errno, "fsync %s: %s", d->dev, strerror(errno));
out:
        if (ofd >= 0)
                close(ofd);
        free(buf);
        return r;
}

int xen_disk_parent(struct xen_disk *d, const char *dir, unsigned size_gib, const char *image, const char *owner,
                    char *why, size_t why_len)
{
        uint8_t magic[4] = { 0 };
        struct stat sb;
        int ifd, lk, r;
        uint64_t t0 = now_us();

        memset(d, 0, sizeof(*d));
        ifd = open(image, O_RDONLY | O_CLOEXEC);
        if (ifd < 0 || fstat(ifd, &sb) < 0) {
                r = cc_why(why, why_len, -errno, "disk image %s: %s", image, strerror(errno));
                goto out_img;
        }
        if (!S_ISREG(sb.st_mode) || sb.st_size < 512) {
                r = cc_why(why, why_len, -EINVAL, "disk image %s is not a file of at least 512 bytes", image);
                goto out_img;
        }
        if (pread(ifd, magic, 4, 0) == 4 && memcmp(magic, "QFI\xfb", 4) == 0) {
                r = cc_why(why, why_len, -EINVAL, "disk image %s is qcow2; the xen driver takes raw images "
                           "(qemu-img convert -O raw %s IMAGE.raw)", image, image);
                goto out_img;
        }
        r = pool_open(d, dir, why, why_len);
        if (r < 0)
                goto out_img;
        lk = lock_pool(d, why, why_len);
        if (lk < 0) {
                r = lk;
                goto out_img;
        }
        r = pool_up(d, size_gib, why, why_len);
        if (r < 0)
                goto out;
        uint32_t id = sweep(d, owner);
        char msg[32];
        snprintf(msg, sizeof(msg), "create_thin %u", id);
        r = new_device(d, id, owner, msg, ((uint64_t)sb.st_size + 511) / 512, why, why_len);
        if (r == 0) {
                r = import(d, ifd, (uint64_t)sb.st_size, why, why_len);
                if (r < 0) {
                        drop_id(d, id);
                        d->id = 0;
                }
        }
        d->setup_us = now_us() - t0;
out:
        unlock_pool(lk);
out_img:
        if (ifd >= 0)
                close(ifd);
        return r;
}

int xen_disk_snapshot(const struct xen_disk *d, const char *owner, uint32_t *snap, char *why, size_t why_len)
{
        char name[64], why2[128];
        struct xen_disk p = *d;
        int lk, r;

        if (!d->id)
                return cc_why(why, why_len, -EINVAL, "no disk to snapshot");
        lk = lock_pool(&p, why, why_len);
        if (lk < 0)
                return lk;
        uint32_t id = sweep(&p, NULL);
        thin_name(d, d->id, name, sizeof(name));
        r = claim_id(&p, id, owner, why, why_len);
        if (r < 0)
                goto out;
        /* suspend (not noflush): waits for every write blkback has submitted */
        r = dm_call(DM_DEVICE_SUSPEND, name, NULL, 0, NULL, NULL, NULL, why, why_len);
        if (r == 0) {
                r = message(&p, why, why_len, "create_snap %u %u", id, d->id);
                int rr = dm_call(DM_DEVICE_RESUME, name, NULL, 0, NULL, NULL, NULL, why2, sizeof(why2));
                if (r == 0 && rr < 0) {
                        snprintf(why, why_len, "%s", why2);
                        r = rr;
                }
        }
        if (r < 0)
                drop_id(&p, id);
        else
                *snap = id;
out:
        unlock_pool(lk);
        return r;
}

int xen_disk_clone(struct xen_disk *d, const char *dir, uint32_t origin, uint64_t sectors, const char *owner,
                   char *why, size_t why_len)
{
        uint64_t t0 = now_us();
        char o[PATH_MAX];
        int lk, r;

        memset(d, 0, sizeof(*d));
        if (origin == 0 || origin > MAX_THIN_ID || sectors == 0)
                return cc_why(why, why_len, -EINVAL, "generation disk: thin id %u / %" PRIu64 " sectors out of range",
                              origin, sectors);
        r = pool_open(d, dir, why, why_len);
        if (r < 0)
                return r;
        lk = lock_pool(d, why, why_len);
        if (lk < 0)
                return lk;
        if (!dm_exists(d->pool, NULL)) {
                r = cc_why(why, why_len, -ENODEV, "thin pool %s (%s) is not active", d->pool, dir);
                goto out;
        }
        uint32_t id = sweep(d, owner);
        if (read_owner(d, origin, o, sizeof(o)) < 0) {
                r = cc_why(why, why_len, -ENOENT, "the generation's disk (thin device %u in %s) is gone", origin, dir);
                goto out;
        }
        char msg[48];
        snprintf(msg, sizeof(msg), "create_snap %u %u", id, origin);
        r = new_device(d, id, owner, msg, sectors, why, why_len);
        d->setup_us = now_us() - t0;
out:
        unlock_pool(lk);
        return r;
}

void xen_disk_release(struct xen_disk *d)
{
        char why[64];

        if (!d->id)
                return;
        int lk = lock_pool(d, why, sizeof(why));
        drop_id(d, d->id);
        unlock_pool(lk);
        d->id = 0;
        d->dev[0] = 0;
}

int xen_disk_save(const struct xen_disk *d, const char *path)
{
        FILE *f = fopen(path, "we");

        if (!f)
                return -errno;
        fprintf(f, "%u %" PRIu64 " %s\n", d->id, d->sectors, d->dir);
        return fclose(f) == 0 ? 0 : -EIO;
}

int xen_disk_load(struct xen_disk *d, const char *path)
{
        char line[PATH_MAX + 64], why[64];
        unsigned id;
        uint64_t sectors;
        int pos = 0;

        memset(d, 0, sizeof(*d));
        FILE *f = fopen(path, "re");
        if (!f)
                return -errno;
        bool ok = fgets(line, sizeof(line), f) && sscanf(line, "%u %" SCNu64 " %n", &id, &sectors, &pos) == 2 && pos > 0;
        fclose(f);
        if (!ok)
                return -EBADMSG;
        line[strcspn(line, "\n")] = 0;
        if (pool_open(d, line + pos, why, sizeof(why)) < 0)
                return -EBADMSG;
        d->id = id;
        d->sectors = sectors;
        char name[64];
        thin_name(d, id, name, sizeof(name));
        snprintf(d->dev, sizeof(d->dev), "/dev/mapper/%s", name);
        return 0;
}
