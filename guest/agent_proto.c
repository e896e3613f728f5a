/* agent_proto.c: parsing shared by sf-guestd's transports (see agent.h for the line format). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent.h"

static const struct sfg_channel_ops *channels[SFG_MAX_CHANNELS];
static unsigned n_channels;

void sfg_channel_register(const struct sfg_channel_ops *ops)
{
        if (n_channels < SFG_MAX_CHANNELS)
                channels[n_channels++] = ops;
}

unsigned sfg_channels(const struct sfg_channel_ops ***ret)
{
        *ret = channels;
        return n_channels;
}

static bool app_key_ok(const char *k, size_t n)
{
        if (n == 0 || n > SFG_APP_KEY_MAX)
                return false;
        for (size_t i = 0; i < n; i++)
                if (!((k[i] >= 'a' && k[i] <= 'z') || (k[i] >= '0' && k[i] <= '9') || k[i] == '_' || k[i] == '.'))
                        return false;
        return true;
}

static bool app_value_ok(const char *v, size_t n)
{
        char buf[SFG_APP_VALUE_MAX + 1], *end;
        double d;

        if (n == 0 || n > SFG_APP_VALUE_MAX)
                return false;
        memcpy(buf, v, n);
        buf[n] = 0;
        errno = 0;
        d = strtod(buf, &end);
        return *end == 0 && isfinite(d) && errno != ERANGE;
}

int sfg_app_stats(const char *body, char *out, size_t outlen)
{
        static const char *const own[] = { "uptime_s=", "load1=", "mem_avail_kib=" };
        size_t start = strlen(out), used = start;
        int pairs = 0;

        for (const char *p = body; *p;) {
                size_t n = strcspn(p, "\n"), klen;
                const char *line = p, *eq;
                bool skip = false;

                p += n + (p[n] == '\n');
                if (n && line[n - 1] == '\r')
                        n--;
                if (n == 0)
                        continue;
                eq = memchr(line, '=', n);
                for (size_t i = 0; i < n; i++)
                        if (line[i] == ' ' || line[i] == '\t' || (unsigned char)line[i] < 0x20)
                                eq = NULL;
                if (!eq) {
                        out[start] = 0;         /* not key=value text: nothing of it */
                        return -EINVAL;
                }
                klen = (size_t)(eq - line);
                if (pairs >= SFG_APP_PAIRS_MAX || !app_key_ok(line, klen) ||
                    !app_value_ok(eq + 1, n - klen - 1))
                        continue;
                for (size_t i = 0; i < sizeof(own) / sizeof(own[0]); i++)
                        skip = skip || (strlen(own[i]) == klen + 1 && !strncmp(own[i], line, klen + 1));
                /* a repeated key: the first one counts (" key=" already in out) */
                for (const char *q = out + start; !skip && (q = strstr(q, " ")); q++)
                        skip = !strncmp(q + 1, line, klen + 1);
                if (skip || used + 1 + n + 1 > outlen)
                        continue;
                out[used++] = ' ';
                memcpy(out + used, line, n);
                used += n;
                out[used] = 0;
                pairs++;
        }
        return pairs;
}

bool sfg_valid_name(const char *s)
{
        size_t n = strlen(s);

        if (n == 0 || n >= SFG_ID_MAX)
                return false;
        for (; *s; s++)
                if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
                      *s == '-' || *s == '_' || *s == '.'))
                        return false;
        return true;
}

static bool ipv4_text_ok(const char *s)
{
        unsigned a, b, c, d;
        char tail;
        return strlen(s) < 16 && sscanf(s, "%3u.%3u.%3u.%3u%c", &a, &b, &c, &d, &tail) == 4 &&
               a < 256 && b < 256 && c < 256 && d < 256;
}

static bool mac_text_ok(const char *s)
{
        if (strlen(s) != 17)
                return false;
        for (int i = 0; i < 17; i++)
                if (i % 3 == 2 ? s[i] != ':' : !((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
                        return false;
        return true;
}

int sfg_parse_identity(const char *fields, struct sfg_identity *id)
{
        char buf[SFG_LINE_MAX], *save = NULL, *tok;
        bool have_id = false, have_seed = false;

        if (strlen(fields) >= sizeof(buf))
                return -EINVAL;
        memset(id, 0, sizeof(*id));
        strcpy(buf, fields);
        for (tok = strtok_r(buf, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
                char *eq = strchr(tok, '='), *end;
                if (!eq)
                        return -EINVAL;
                *eq++ = 0;
                if (!strcmp(tok, "clone_id")) {
                        if (!sfg_valid_name(eq))
                                return -EINVAL;
                        snprintf(id->clone_id, sizeof(id->clone_id), "%s", eq);
                        have_id = true;
                } else if (!strcmp(tok, "hostname")) {
                        if (!sfg_valid_name(eq))
                                return -EINVAL;
                        snprintf(id->hostname, sizeof(id->hostname), "%s", eq);
                } else if (!strcmp(tok, "seed")) {
                        errno = 0;
                        id->seed = strtoull(eq, &end, 16);
                        if (errno || *end || end == eq)
                                return -EINVAL;
                        have_seed = true;
                } else if (!strcmp(tok, "fail_ready")) {
                        if (strcmp(eq, "0") && strcmp(eq, "1"))
                                return -EINVAL;
                        id->fail_ready = eq[0] == '1';
                } else if (!strcmp(tok, "mac")) {
                        /* unicast, and ours to set: a multicast MAC would break the segment */
                        if (!mac_text_ok(eq) || (strtoul(eq, NULL, 16) & 1))
                                return -EINVAL;
                        snprintf(id->mac, sizeof(id->mac), "%s", eq);
                } else if (!strcmp(tok, "ipv4")) {
                        char *slash = strchr(eq, '/');
                        unsigned long p;
                        if (!slash)
                                return -EINVAL;
                        *slash++ = 0;
                        errno = 0;
                        p = strtoul(slash, &end, 10);
                        if (!ipv4_text_ok(eq) || errno || *end || end == slash || p < 1 || p > 30)
                                return -EINVAL;
                        snprintf(id->ipv4, sizeof(id->ipv4), "%s", eq);
                        id->prefix_len = (unsigned)p;
                } else if (!strcmp(tok, "gw") || !strcmp(tok, "dns")) {
                        char *dst = tok[0] == 'g' ? id->gw : id->dns;
                        if (strcmp(eq, "-") && !ipv4_text_ok(eq))
                                return -EINVAL;
                        snprintf(dst, 16, "%s", strcmp(eq, "-") ? eq : "");
                }
                /* Unknown fields are ignored so a newer host can talk to an older image. */
        }
        if (!have_id || !have_seed)
                return -EINVAL;
        /* a bridge identity comes whole: MAC and address together, or neither */
        if (!!id->mac[0] != !!id->ipv4[0])
                return -EINVAL;
        id->has_net = id->mac[0] != 0;
        if (!id->hostname[0])
                snprintf(id->hostname, sizeof(id->hostname), "%s", id->clone_id);
        return 0;
}

int sfg_parse_host_line(const char *line, struct sfg_event *ev)
{
        memset(ev, 0, sizeof(*ev));
        if (!strcmp(line, "hello"))
                ev->type = SFG_EV_HELLO;
        else if (!strcmp(line, "stats"))
                ev->type = SFG_EV_STATS;
        else if (!strcmp(line, "quit"))
                ev->type = SFG_EV_QUIT;
        else if (!strcmp(line, "online"))
                ev->type = SFG_EV_ONLINE;
        else if (!strcmp(line, "freepages"))
                ev->type = SFG_EV_FREEPAGES;
        else if (!strncmp(line, "identity ", 9)) {
                int rc = sfg_parse_identity(line + 9, &ev->id);
                if (rc)
                        return rc;
                ev->type = SFG_EV_IDENTITY;
        } else
                return -EINVAL;
        return 0;
}
