/* ss_img: runs qemu-img for the two modules that ask it about disk images, the QEMU driver
 * (clonecore) and the config check (policies), which must not depend on each other. */
#ifndef SS_IMG_H
#define SS_IMG_H

#include <stddef.h>

/* Runs qemu-img ($SNOWSCALE_QEMU_IMG if set) with argv (argv[0] is ignored by exec's lookup but
 * shown by ps), stdin from /dev/null. Its stdout goes into out (NUL-terminated, what does not fit
 * is read and dropped; out may be NULL), its stderr into err (NUL-terminated, at most err_len - 1
 * bytes). Returns its exit status (0 on success, 128 + signal when killed, 127 when it could not
 * be run: err then says why), or -errno when it could not be started (err empty). Never logs. */
int ss_img_run(char *const argv[], char *out, size_t out_len, char *err, size_t err_len);

#endif
