/* Helpers that need nothing beyond libc, shared by the engine's files and the drivers (which are
 * also linked on their own into test tools): reason sentences and waiting on a descriptor that a
 * stop pipe can interrupt. */
#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>

#include "cc_internal.h"

int cc_why(char *why, size_t why_len, int err, const char *fmt, ...)
{
        if (why && why_len) {
                va_list ap;
                va_start(ap, fmt);
                vsnprintf(why, why_len, fmt, ap);
                va_end(ap);
        }
        return err;
}

int cc_poll_stop(int fd, int stop_fd, int timeout_ms)
{
        struct pollfd pf[2] = { { .fd = fd, .events = POLLIN }, { .fd = stop_fd, .events = POLLIN } };

        for (;;) {
                int n = poll(pf, 2, timeout_ms);
                /* A signal is no reason to stop; with a timeout the wait starts over, so a
                 * caller with a hard deadline recomputes it after each call. */
                if (n < 0 && errno == EINTR)
                        continue;
                if (n < 0)
                        return -errno;
                if (pf[1].revents)
                        return -ECANCELED;
                if (n == 0)
                        return -ETIMEDOUT;
                return 0;
        }
}
