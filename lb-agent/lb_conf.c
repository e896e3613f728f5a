/* Names, addresses and the text nginx reads: the front config from its template and the
 * generation include and the peers file the agent rewrites. */
#include "lb.h"

#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ss_buf.h"
#include "ss_util.h"

bool lb_id_valid(const char *s)
{
        size_t n = strlen(s);

        if (n == 0 || n >= LB_ID_MAX)
                return false;
        for (size_t i = 0; i < n; i++) {
                char c = s[i];
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '.' || c == '_' || c == '-'))
                        return false;
        }
        return true;
}

/* The address ends up verbatim in an nginx config: only characters that cannot start a new
 * token or directive are allowed (no space, ';', '{', quotes, '#'). */
bool lb_address_valid(const char *s)
{
        char host[LB_ADDR_MAX];
        unsigned port;
        size_t n = strlen(s);

        if (n == 0 || n >= LB_ADDR_MAX)
                return false;
        if (ss_split_hostport(s, host, sizeof(host), &port) < 0)
                return false;
        if (s[0] == '[') {
                for (const char *p = host; *p; p++)
                        if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f') ||
                              (*p >= 'A' && *p <= 'F') || *p == ':' || *p == '.'))
                                return false;
                return strchr(host, ':') != NULL;
        }
        for (const char *p = host; *p; p++)
                if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                      (*p >= '0' && *p <= '9') || *p == '.' || *p == '-'))
                        return false;
        return host[0] != '-' && host[0] != '.';
}

int lb_template_render(const char *tmpl, const struct lb_var *vars, size_t n_vars, char **ret,
                       char *err, size_t errlen)
{
        struct ss_buf b = { 0 };
        const char *p = tmpl;
        int r = 0, line = 1;

        /* @NAME@ with NAME = [A-Z][A-Z0-9_]*; any other '@' (named locations like @fallback)
         * is literal. */
        while (*p) {
                const char *at = strchr(p, '@'), *q;
                size_t i;

                if (!at) {
                        r = ss_buf_add(&b, p, strlen(p));
                        break;
                }
                for (const char *c = p; c < at; c++)
                        line += *c == '\n';
                r = ss_buf_add(&b, p, (size_t)(at - p));
                if (r < 0)
                        goto out;
                q = at + 1;
                if (!(*q >= 'A' && *q <= 'Z')) {
                        r = ss_buf_add(&b, "@", 1);
                        p = at + 1;
                        if (r < 0)
                                goto out;
                        continue;
                }
                while ((*q >= 'A' && *q <= 'Z') || (*q >= '0' && *q <= '9') || *q == '_')
                        q++;
                if (*q != '@') {
                        r = ss_buf_add(&b, at, (size_t)(q - at));
                        p = q;
                        if (r < 0)
                                goto out;
                        continue;
                }
                for (i = 0; i < n_vars; i++)
                        if (strlen(vars[i].name) == (size_t)(q - at - 1) &&
                            strncmp(vars[i].name, at + 1, (size_t)(q - at - 1)) == 0)
                                break;
                if (i == n_vars) {
                        snprintf(err, errlen, "line %d: unknown template variable %.*s", line,
                                 (int)(q - at + 1), at);
                        r = -EINVAL;
                        goto out;
                }
                r = ss_buf_add(&b, vars[i].value, strlen(vars[i].value));
                if (r < 0)
                        goto out;
                p = q + 1;
        }
        if (r < 0)
                goto out;
        if (!b.p && (r = ss_buf_add(&b, "", 0)) < 0)
                goto out;
        *ret = b.p;
        b.p = NULL;
out:
        free(b.p);
        return r;
}

int lb_generation_render(uint64_t generation, char **ret)
{
        char *s;

        if (asprintf(&s, "# Written by snowscale-lb on every reload; edits are overwritten.\n"
                         "map $server_port $snowscale_generation { default \"%" PRIu64 "\"; }\n",
                     generation) < 0)
                return -ENOMEM;
        *ret = s;
        return 0;
}

bool lb_peer_valid(const char *s)
{
        char host[LB_ADDR_MAX];
        unsigned char a[16];
        unsigned port;

        if (!lb_address_valid(s) || ss_split_hostport(s, host, sizeof(host), &port) < 0)
                return false;
        return inet_pton(s[0] == '[' ? AF_INET6 : AF_INET, host, a) == 1;
}

int lb_peers_render(uint64_t version, const char *const *peers, size_t n, char **ret)
{
        struct ss_buf b = { 0 };
        int r;

        r = ss_buf_printf(&b, "%" PRIu64 "\n", version);
        for (size_t i = 0; r == 0 && i < n; i++) {
                if (!lb_peer_valid(peers[i])) {
                        r = -EINVAL;
                        break;
                }
                r = ss_buf_printf(&b, "%s\n", peers[i]);
        }
        if (r < 0) {
                free(b.p);
                return r;
        }
        *ret = b.p;
        return 0;
}
