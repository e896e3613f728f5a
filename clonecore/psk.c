/* psk: the cluster secret as QEMU's keys.psk (see cc_psk.h). */
#include "clonecore/cc_psk.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ss_util.h"

int cc_psk_dir_write(const char *dir, const void *secret, size_t secret_len, char *why, size_t why_len)
{
        static const char hex[] = "0123456789abcdef";
        const unsigned char *s = secret;
        char path[PATH_MAX], *text;
        size_t n = strlen(CC_PSK_IDENTITY) + 1, len;
        int r;

        if (!secret || secret_len == 0) {
                snprintf(why, why_len, "no cluster secret to make a TLS key of");
                return -EINVAL;
        }
        if ((size_t)snprintf(path, sizeof(path), "%s/keys.psk", dir) >= sizeof(path)) {
                snprintf(why, why_len, "path too long: %s", dir);
                return -ENAMETOOLONG;
        }
        r = ss_mkdir_p(dir, 0700);
        if (r < 0) {
                snprintf(why, why_len, "cannot create %s: %s", dir, strerror(-r));
                return r;
        }
        len = n + 2 * secret_len + 1;
        text = malloc(len + 1);
        if (!text)
                return -ENOMEM;
        memcpy(text, CC_PSK_IDENTITY ":", n);
        for (size_t i = 0; i < secret_len; i++) {
                text[n++] = hex[s[i] >> 4];
                text[n++] = hex[s[i] & 15];
        }
        text[n++] = '\n';
        r = ss_write_file_atomic(path, text, n, 0600);
        explicit_bzero(text, len + 1);
        free(text);
        if (r < 0)
                snprintf(why, why_len, "cannot write %s: %s", path, strerror(-r));
        return r;
}
