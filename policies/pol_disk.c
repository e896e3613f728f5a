/* pol_disk: is driver.disk an image the driver can run workers on? (docs/disks.md)
 * qemu-img says what the file is (format, size, backing file); this module only judges it:
 * qcow2 or raw, and every backing file inside the image's own directory, so that a config
 * cannot make snowscale open (and clone) files the operator did not put beside the image.
 * Each backing file is judged before qemu-img is asked to open it. */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <json-c/json.h>

#include "pol_load.h"
#include "ss_img.h"

#define INFO_MAX   65536                /* qemu-img info of one image: a few hundred bytes */
#define CHAIN_MAX  16                   /* backing files followed before giving up */

/* qemu-img info --output=json of path into out; its error line into err on failure. */
static int img_info(const char *path, char *out, size_t out_len, char *err, size_t err_len)
{
        char *const argv[] = { "qemu-img", "info", "-U", "--output=json", (char *)path, NULL };
        char *nl;
        int rc = ss_img_run(argv, out, out_len, err, err_len);

        if (rc < 0) {
                snprintf(err, err_len, "cannot run qemu-img: %s", strerror(-rc));
                return rc;
        }
        if (rc == 0)
                return 0;
        /* "qemu-img: Could not open 'x': ..." -> its first line, without the prefix */
        if ((nl = strchr(err, '\n')))
                *nl = 0;
        if (!strncmp(err, "qemu-img: ", 10))
                memmove(err, err + 10, strlen(err + 10) + 1);
        return -EINVAL;
}

static int json_str(json_object *o, const char *key, char *out, size_t len)
{
        json_object *v;

        if (!json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_string))
                return -ENOENT;
        return snprintf(out, len, "%s", json_object_get_string(v)) >= (int)len ? -ENAMETOOLONG : 0;
}

/* image is a regular file we can read: its stat into st and, with magic, its first 4 bytes. */
static int image_file(const char *image, struct stat *st, unsigned char magic[4], char *msg, size_t len)
{
        int fd = open(image, O_RDONLY | O_CLOEXEC);

        if (fd < 0 || fstat(fd, st) < 0) {
                snprintf(msg, len, "cannot read \"%s\": %s", image, strerror(errno));
                if (fd >= 0)
                        close(fd);
                return -EINVAL;
        }
        if (magic && pread(fd, magic, 4, 0) != 4)
                memset(magic, 0, 4);
        close(fd);
        if (!S_ISREG(st->st_mode)) {
                snprintf(msg, len, "\"%s\" is not a regular file", image);
                return -EINVAL;
        }
        return 0;
}

/* A raw disk is whole 512-byte sectors and not empty (qemu-img takes any file for raw). */
static int whole_sectors(const char *path, off_t size, char *msg, size_t len)
{
        if (size > 0 && size % 512 == 0)
                return 0;
        snprintf(msg, len, "\"%s\" is not a disk image (%lld bytes, not whole 512-byte sectors)", path,
                 (long long)size);
        return -EINVAL;
}

int pol_disk_check(const char *image, char *msg, size_t len)
{
        char *info = malloc(INFO_MAX), err[512], dir[PATH_MAX], cur[PATH_MAX], fmt[32], back[PATH_MAX];
        struct stat st;
        json_object *o = NULL, *v;
        int rc = -EINVAL;

        if (!info) {
                snprintf(msg, len, "out of memory");
                return -ENOMEM;
        }
        if (image_file(image, &st, NULL, msg, len) < 0)
                goto out;
        if (!realpath(image, cur)) {
                snprintf(msg, len, "cannot resolve \"%s\": %s", image, strerror(errno));
                goto out;
        }
        snprintf(dir, sizeof(dir), "%s", cur);
        snprintf(dir, sizeof(dir), "%s", dirname(dir));
        for (int depth = 0;; depth++) {
                if (depth == CHAIN_MAX) {
                        snprintf(msg, len, "\"%s\": more than %d backing files", image, CHAIN_MAX);
                        goto out;
                }
                if (img_info(cur, info, INFO_MAX, err, sizeof(err)) < 0) {
                        snprintf(msg, len, "\"%s\" is not a disk image qemu-img can read: %s", cur,
                                 err[0] ? err : "no message");
                        goto out;
                }
                json_object_put(o);
                o = json_tokener_parse(info);
                if (!o || json_str(o, "format", fmt, sizeof(fmt)) < 0) {
                        snprintf(msg, len, "\"%s\": qemu-img names no format", cur);
                        goto out;
                }
                if (depth == 0 && strcmp(fmt, "qcow2") && strcmp(fmt, "raw")) {
                        snprintf(msg, len, "\"%s\" is a %s image; use qcow2 or raw (qemu-img convert -O qcow2)",
                                 cur, fmt);
                        goto out;
                }
                if (!strcmp(fmt, "raw") && whole_sectors(cur, st.st_size, msg, len) < 0)
                        goto out;
                if (!json_object_object_get_ex(o, "virtual-size", &v) || json_object_get_int64(v) <= 0) {
                        snprintf(msg, len, "\"%s\": qemu-img gives no size", cur);
                        goto out;
                }
                if (json_str(o, "full-backing-filename", back, sizeof(back)) < 0)
                        break;
                char bdir[PATH_MAX];
                snprintf(bdir, sizeof(bdir), "%s", back);
                snprintf(bdir, sizeof(bdir), "%s", dirname(bdir));
                char rbdir[PATH_MAX];
                if (!realpath(bdir, rbdir) || strcmp(rbdir, dir)) {
                        snprintf(msg, len, "\"%s\" has its backing file \"%s\" outside the image's own "
                                 "directory (keep every backing file beside the image)", cur, back);
                        goto out;
                }
                if (stat(back, &st) < 0) {
                        snprintf(msg, len, "backing file \"%s\" of \"%s\": %s", back, cur, strerror(errno));
                        goto out;
                }
                snprintf(cur, sizeof(cur), "%s", back);
        }
        rc = 0;
out:
        json_object_put(o);
        free(info);
        return rc;
}

int pol_disk_check_raw(const char *image, char *msg, size_t len)
{
        unsigned char magic[4];
        struct stat st;

        if (image_file(image, &st, magic, msg, len) < 0)
                return -EINVAL;
        if (memcmp(magic, "QFI\xfb", 4) == 0) {
                snprintf(msg, len, "\"%s\" is qcow2; the xen driver takes raw images (qemu-img convert -O raw)", image);
                return -EINVAL;
        }
        return whole_sectors(image, st.st_size, msg, len);
}
