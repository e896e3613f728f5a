/* Access-log line parser: one syslog datagram from nginx -> one lb_sample.
 *
 * nginx's syslog client (ngx_syslog.c) sends "<PRI>Mmm dd hh:mm:ss TAG: MESSAGE" with `nohostname`.
 * MESSAGE is our log_format "ss1|$msec|$request_time|$status|$upstream_addr|
 * $upstream_response_time|$upstream_status". When nginx tried several upstreams the upstream_*
 * variables are lists: ", " between attempts in one upstream group and " : " across internal
 * redirects (ngx_http_upstream_addr_variable). The last item is the attempt that produced the
 * response the client got. Lines come from a socket anybody on the host could write to, so every
 * field is checked and bounded. */
#include "lb.h"

#include <errno.h>
#include <string.h>

#define LINE_MAX_BYTES 2048
#define MAX_SECONDS    3600ull                  /* latency above 1 h is absurd (docs/api.md) */
#define MAX_TS_S       (1ull << 40)

/* "S[.F]" seconds with up to 6 fraction digits -> µs. */
static int parse_secs(const char *s, size_t len, uint64_t max_s, uint64_t *ret)
{
        uint64_t sec = 0, frac = 0;
        size_t i = 0, nd = 0, nf = 0;

        for (; i < len && s[i] >= '0' && s[i] <= '9'; i++, nd++) {
                if (nd >= 13)
                        return -ERANGE;
                sec = sec * 10 + (uint64_t)(s[i] - '0');
        }
        if (nd == 0)
                return -EINVAL;
        if (i < len && s[i] == '.') {
                for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++, nf++) {
                        if (nf >= 6)
                                return -EINVAL;
                        frac = frac * 10 + (uint64_t)(s[i] - '0');
                }
                if (nf == 0)
                        return -EINVAL;
        }
        if (i != len)
                return -EINVAL;
        if (sec > max_s)
                return -ERANGE;
        for (; nf < 6; nf++)
                frac *= 10;
        *ret = sec * 1000000ull + frac;
        return 0;
}

/* Next item of an nginx upstream list starting at *p (bounded by end); items are separated by
 * ", " or " : ". Returns its length, advances *p past the separator; -EINVAL on an empty item.
 * A list may end in " : ": nginx writes that separator for an attempt with no peer (a
 * balancer that found none to retry) and nothing for the attempt itself. */
static int next_item(const char **p, const char *end, const char **ret_item, size_t *ret_len)
{
        const char *s = *p, *q;

        for (q = s; q < end; q++) {
                if (q + 1 < end && q[0] == ',' && q[1] == ' ')
                        break;
                if (q + 2 < end && q[0] == ' ' && q[1] == ':' && q[2] == ' ')
                        break;
        }
        if (q == s)
                return -EINVAL;
        *ret_item = s;
        *ret_len = (size_t)(q - s);
        if (q == end)
                *p = end;
        else
                *p = q + (q[0] == ',' ? 2 : 3);
        if (*p == end && q != end && q[0] == ',')       /* trailing ", " */
                return -EINVAL;
        return 0;
}

/* Walks a list; returns the item count and the last item. "-" alone is an empty list. */
static int last_item(const char *s, size_t len, const char **ret_last, size_t *ret_last_len,
                     int *ret_count)
{
        const char *p = s, *end = s + len, *item = NULL;
        size_t ilen = 0;
        int count = 0, r;

        if (len == 1 && s[0] == '-') {
                *ret_count = 0;
                *ret_last = s;
                *ret_last_len = 1;
                return 0;
        }
        while (p < end) {
                r = next_item(&p, end, &item, &ilen);
                if (r < 0)
                        return r;
                if (++count > 64)
                        return -ERANGE;
        }
        if (count == 0)
                return -EINVAL;
        *ret_count = count;
        *ret_last = item;
        *ret_last_len = ilen;
        return 0;
}

static bool all_of(const char *s, size_t len, const char *set)
{
        for (size_t i = 0; i < len; i++)
                if (!strchr(set, s[i]) || s[i] == 0)
                        return false;
        return true;
}

static int parse_fields(const char *msg, const char *end, struct lb_sample *ret);

/* A line of at most LINE_MAX_BYTES without NULs (its line ending ignored): a syslog line
 * ("<PRI>header: ss1|...") when framed, else a bare record ("ss1|..."). */
static int parse(const char *line, size_t len, bool framed, struct lb_sample *ret)
{
        const char *msg;
        char buf[LINE_MAX_BYTES + 1];
        int n;

        if (len > LINE_MAX_BYTES)
                return -EINVAL;
        memcpy(buf, line, len);
        buf[len] = 0;
        if (memchr(buf, 0, len))
                return -EINVAL;
        while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
                buf[--len] = 0;
        msg = buf;
        if (framed) {
                /* "<PRI>" then the header up to the first ": " (the tag's end; the timestamp's
                 * colons are followed by digits, never a space). */
                if (buf[0] != '<')
                        return -EINVAL;
                n = 1;
                while (n < 5 && buf[n] >= '0' && buf[n] <= '9')
                        n++;
                if (n == 1 || buf[n] != '>')
                        return -EINVAL;
                msg = strstr(buf + n, ": ");
                if (!msg)
                        return -EINVAL;
                msg += 2;
        }
        if (strncmp(msg, "ss1|", 4) != 0)
                return -ENOMSG;
        return parse_fields(msg + 4, buf + len, ret);
}

int lb_parse_line(const char *line, size_t len, struct lb_sample *ret)
{
        return parse(line, len, true, ret);
}

int lb_parse_record(const char *line, size_t len, struct lb_sample *ret)
{
        return parse(line, len, false, ret);
}

/* The fields after "ss1|", up to end (a NUL-terminated buffer). */
static int parse_fields(const char *msg, const char *end, struct lb_sample *ret)
{
        struct lb_sample s;
        const char *f[6], *item;
        size_t fl[6], ilen;
        int r, count, st;

        for (int i = 0; i < 6; i++) {
                const char *bar = i < 5 ? memchr(msg, '|', (size_t)(end - msg)) : NULL;
                if (i < 5 && !bar)
                        return -EINVAL;
                if (i == 5) {
                        if (memchr(msg, '|', (size_t)(end - msg)))
                                return -EINVAL;
                        bar = end;
                }
                f[i] = msg;
                fl[i] = (size_t)(bar - msg);
                /* escape=none logs an unset upstream variable as "" rather than "-" */
                if (fl[i] == 0 && i >= 3) {
                        f[i] = "-";
                        fl[i] = 1;
                }
                if (fl[i] == 0)
                        return -EINVAL;
                msg = bar + 1;
        }

        memset(&s, 0, sizeof(s));
        r = parse_secs(f[0], fl[0], MAX_TS_S, &s.ts_us);
        if (r < 0)
                return r;
        if (s.ts_us == 0)
                return -ERANGE;
        r = parse_secs(f[1], fl[1], MAX_SECONDS, &s.latency_us);
        if (r < 0)
                return r;
        if (fl[2] != 3 || !all_of(f[2], 3, "0123456789"))
                return -EINVAL;
        st = (f[2][0] - '0') * 100 + (f[2][1] - '0') * 10 + (f[2][2] - '0');
        if (st < 100 || st > 599)
                return -ERANGE;
        s.status = st;

        /* $upstream_addr: the last item answered. An upstream group name (nginx writes it when
         * no server was live) or a unix: socket is not a backend address: "-". */
        r = last_item(f[3], fl[3], &item, &ilen, &count);
        if (r < 0)
                return r;
        s.attempts = count;
        if (count == 0 || ilen >= LB_ADDR_MAX) {
                strcpy(s.backend, "-");
        } else {
                memcpy(s.backend, item, ilen);
                s.backend[ilen] = 0;
                if (!lb_address_valid(s.backend))
                        strcpy(s.backend, "-");
        }

        /* $upstream_response_time: same shape; "-" items are attempts that got no response. */
        r = last_item(f[4], fl[4], &item, &ilen, &count);
        if (r < 0)
                return r;
        if (!(ilen == 1 && item[0] == '-')) {
                r = parse_secs(item, ilen, MAX_SECONDS, &s.upstream_us);
                if (r < 0)
                        return r;
        }
        /* $upstream_status: only checked for shape. */
        if (!all_of(f[5], fl[5], "0123456789-, :"))
                return -EINVAL;
        *ret = s;
        return 0;
}
