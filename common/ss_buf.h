/* ss_buf: a growable text buffer, always NUL-terminated once anything was added. Zero-initialise
 * it; the caller owns p (free it, or take it). Return 0 or -errno; never log. */
#ifndef SS_BUF_H
#define SS_BUF_H

#include <stddef.h>

struct ss_buf {
        char *p;
        size_t len, cap;
};

int ss_buf_add(struct ss_buf *b, const char *s, size_t n);
int ss_buf_printf(struct ss_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
