/* Helpers that need nothing beyond libc, shared by the engine's files and the drivers (which are
 * also linked on their own into test tools): reason sentences, waiting on a descriptor that a
 * stop pipe can interrupt, and the check of a bridge attachment every driver makes. */
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

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

static bool ipv4_ok(const char *s)
{
        struct in_addr a;
        return inet_pton(AF_INET, s, &a) == 1;
}

int cc_net_bridge_check(const char *what, const struct cc_net *net, char *why, size_t why_len)
{
        if (!net->bridge[0] || strnlen(net->bridge, sizeof(net->bridge)) >= IFNAMSIZ)
                return cc_why(why, why_len, -EINVAL, "%s: bridge name missing or longer than 15", what);
        if (!ipv4_ok(net->ipv4) || net->prefix_len < 1 || net->prefix_len > 30 ||
            (net->gateway[0] && !ipv4_ok(net->gateway)) || (net->dns[0] && !ipv4_ok(net->dns)))
                return cc_why(why, why_len, -EINVAL, "%s: bridge attachment needs an IPv4 address, "
                              "a prefix 1..30 and IPv4 gateway/DNS", what);
        return 0;
}
