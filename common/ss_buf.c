/* ss_buf: growth by doubling, so n appends cost O(total length). */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ss_buf.h"

/* Room for more bytes and the NUL after them. */
static int grow(struct ss_buf *b, size_t more)
{
        size_t cap;
        char *p;

        if (b->len + more + 1 <= b->cap)
                return 0;
        cap = b->cap ? b->cap : 1024;
        while (cap < b->len + more + 1)
                cap *= 2;
        p = realloc(b->p, cap);
        if (!p)
                return -ENOMEM;
        b->p = p;
        b->cap = cap;
        return 0;
}

int ss_buf_add(struct ss_buf *b, const char *s, size_t n)
{
        int r = grow(b, n);
        if (r < 0)
                return r;
        if (n)
                memcpy(b->p + b->len, s, n);
        b->len += n;
        b->p[b->len] = 0;
        return 0;
}

int ss_buf_printf(struct ss_buf *b, const char *fmt, ...)
{
        va_list ap;
        int n, r;

        va_start(ap, fmt);
        n = vsnprintf(NULL, 0, fmt, ap);
        va_end(ap);
        if (n < 0)
                return -EINVAL;
        r = grow(b, (size_t)n);
        if (r < 0)
                return r;
        va_start(ap, fmt);
        vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
        va_end(ap);
        b->len += (size_t)n;
        return 0;
}
