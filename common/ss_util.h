/* ss_util: small helpers every snowscale program needs. Return 0 or -errno; never log. */
#ifndef SS_UTIL_H
#define SS_UTIL_H

#include <stddef.h>
#include <stdint.h>

#define SS_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

uint64_t ss_mono_ns(void);      /* CLOCK_MONOTONIC, for intervals */
uint64_t ss_wall_us(void);      /* CLOCK_REALTIME in µs, for timestamps that are stored or shown */

/* mkdir -p with mode for the missing parts. */
int ss_mkdir_p(const char *path, unsigned mode);
/* Write data to path atomically: temp file in the same dir, fsync, rename. */
int ss_write_file_atomic(const char *path, const void *data, size_t len, unsigned mode);
/* Read a whole file of at most max bytes into a NUL-terminated malloc'd buffer (*ret_len without NUL).
 * -EFBIG if the file is larger than max: the limit is checked before reading. */
int ss_read_file(const char *path, size_t max, char **ret, size_t *ret_len);
/* Parse "host:port" (IPv4 or [v6]) into host (without brackets) and port. */
int ss_split_hostport(const char *s, char *host, size_t hostlen, unsigned *port);

#endif
