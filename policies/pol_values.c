/* pol_values: one field's value: parse the scalar (or list) by its kind, range-check it and store
 * it, or say what was expected and what was written. */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <syslog.h>
#include <unistd.h>

#include "pol_load.h"
#include "ss_util.h"

int pol_set_str(char **dst, const char *v)
{
        char *n = v ? strdup(v) : NULL;

        if (v && !n)
                return -ENOMEM;
        free(*dst);
        *dst = n;
        return 0;
}

/* Relative to the config file's directory, lexically normalised ("a/../b" -> "b"). */
char *pol_resolve_path(struct pol_ctx *c, const char *v)
{
        char *joined = NULL, *out = NULL, *save = NULL, *tok;
        size_t o = 0, len;

        if (v[0] == '/' || !c->base_dir)
                joined = strdup(v);
        else if (asprintf(&joined, "%s/%s", c->base_dir, v) < 0)
                joined = NULL;
        if (!joined)
                return NULL;
        len = strlen(joined);
        out = malloc(len + 2);
        if (!out)
                goto out;
        if (joined[0] == '/')
                out[o++] = '/';
        for (tok = strtok_r(joined, "/", &save); tok; tok = strtok_r(NULL, "/", &save)) {
                if (!strcmp(tok, "."))
                        continue;
                if (!strcmp(tok, "..")) {
                        /* drop the last component unless there is none (or it is itself "..") */
                        size_t start = o;
                        while (start > 0 && out[start - 1] == '/')
                                start--;
                        size_t s2 = start;
                        while (s2 > 0 && out[s2 - 1] != '/')
                                s2--;
                        if (start > s2 && !(start - s2 == 2 && !strncmp(out + s2, "..", 2))) {
                                o = s2;
                                continue;
                        }
                        if (out[0] == '/' && start == 0)
                                continue;       /* "/.." is "/" */
                }
                if (o > 0 && out[o - 1] != '/')
                        out[o++] = '/';
                memcpy(out + o, tok, strlen(tok));
                o += strlen(tok);
        }
        if (o == 0)
                out[o++] = '.';
        else if (o > 1 && out[o - 1] == '/')
                o--;
        out[o] = 0;
out:
        free(joined);
        return out;
}

static void bad_int(struct pol_ctx *c, const struct pol_field *f, yaml_node_t *v, const char *path)
{
        char gbuf[160];

        if (f->min == 1 && f->max >= POL_MAX_CLONES_LIMIT)
                diag(c, v, path, "must be a positive integer, got %s", GOT(v));
        else if (f->min == 0 && f->max >= POL_MAX_CLONES_LIMIT)
                diag(c, v, path, "must be a non-negative integer, got %s", GOT(v));
        else
                diag(c, v, path, "must be an integer from %lld to %lld, got %s", f->min, f->max, GOT(v));
}

static int parse_int(const char *s, long long *ret)
{
        char *end;
        long long v;

        if (!s || !*s)
                return -EINVAL;
        errno = 0;
        v = strtoll(s, &end, 10);
        if (errno || *end || end == s || s[0] == ' ' || s[0] == '\t' || s[0] == '+')
                return -EINVAL;
        *ret = v;
        return 0;
}

static void enum_error(struct pol_ctx *c, const struct pol_enum_name *names, yaml_node_t *v, const char *path)
{
        const char *cands[16];
        char list[256] = "", gbuf[160], hint[96] = "";
        size_t n = 0, o = 0;
        const char *s = scalar(v), *best;

        for (; names[n].name && n < 16; n++) {
                cands[n] = names[n].name;
                o += (size_t)snprintf(list + o, sizeof(list) - o, "%s%s", n ? ", " : "", names[n].name);
                if (o >= sizeof(list))
                        o = sizeof(list) - 1;
        }
        best = s ? pol_closest(s, cands, n) : NULL;
        if (best)
                snprintf(hint, sizeof(hint), " (did you mean \"%s\"?)", best);
        diag(c, v, path, "must be one of %s, got %s%s", list, GOT(v), hint);
}

static char *read_token_file(const char *path, int *err)
{
        char *buf = NULL;
        size_t len = 0;
        struct stat st;
        int r;

        /* a FIFO or a device would block or never end: only regular files hold tokens */
        if (stat(path, &st) < 0) {
                *err = -errno;
                return NULL;
        }
        if (!S_ISREG(st.st_mode)) {
                *err = -EBADF;
                return NULL;
        }
        r = ss_read_file(path, POL_MAX_STRING, &buf, &len);
        if (r < 0) {
                *err = r;
                return NULL;
        }
        while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r' || buf[len - 1] == ' ' ||
                           buf[len - 1] == '\t'))
                buf[--len] = 0;
        if (len == 0 || strlen(buf) != len) {
                free(buf);
                *err = -ENODATA;
                return NULL;
        }
        return buf;
}

static void set_schedule(struct pol_ctx *c, const struct pol_field *f, void *base, yaml_node_t *v,
                         const char *path)
{
        struct pol_policy *p = &c->cfg->policy;
        char gbuf[160], ip[300];
        size_t n;

        (void)f;
        (void)base;
        if (is_null(v))
                return;
        if (v->type != YAML_SEQUENCE_NODE) {
                diag(c, v, path, "must be a list of { cron: \"m h dom mon dow\", min_clones: N }, got %s",
                     GOT(v));
                return;
        }
        n = (size_t)(v->data.sequence.items.top - v->data.sequence.items.start);
        if (n > POL_MAX_SCHEDULE) {
                diag(c, v, path, "at most %d entries, got %zu", POL_MAX_SCHEDULE, n);
                return;
        }
        if (n == 0)
                return;
        p->schedule = calloc(n, sizeof(*p->schedule));
        if (!p->schedule)
                return;
        p->n_schedule = n;
        for (size_t i = 0; i < n; i++) {
                pol_path_fmt(ip, sizeof(ip), "%s[%zu]", path, i);
                pol_walk_map(c, pol_schedule_fields, &p->schedule[i], node_of(c, v->data.sequence.items.start[i]), ip);
        }
}

/* "{LO..HI}" at s: plain decimal digits only (no sign, no spaces: sscanf's %lu would take "-1"
 * as ULONG_MAX), each fitting in 64 bits, LO <= HI. *ret_len is the length up to the '}'. */
static int parse_range(const char *s, uint64_t *ret_lo, uint64_t *ret_hi, int *ret_len)
{
        uint64_t v[2];
        const char *p = s + 1;

        for (int i = 0; i < 2; i++) {
                char *end;
                if (*p < '0' || *p > '9')
                        return -EINVAL;
                errno = 0;
                v[i] = strtoull(p, &end, 10);
                if (errno)
                        return -ERANGE;
                p = end;
                if (i == 0) {
                        if (strncmp(p, "..", 2))
                                return -EINVAL;
                        p += 2;
                }
        }
        if (*p != '}' || v[0] > v[1])
                return -EINVAL;
        *ret_lo = v[0];
        *ret_hi = v[1];
        *ret_len = (int)(p + 1 - s);
        return 0;
}

static void set_urllist(struct pol_ctx *c, void *dst, yaml_node_t *v, const char *path)
{
        char ***list = dst;
        size_t *count = (size_t *)((char *)dst + offsetof(struct pol_config, parent.n_warmup_urls) -
                                   offsetof(struct pol_config, parent.warmup_urls));
        char gbuf[160], ip[300];
        size_t n;

        if (is_null(v))
                return;
        if (v->type != YAML_SEQUENCE_NODE) {
                diag(c, v, path, "must be a list of URL paths like [\"/\", \"/api/warm\"], got %s", GOT(v));
                return;
        }
        n = (size_t)(v->data.sequence.items.top - v->data.sequence.items.start);
        if (n > POL_MAX_WARMUP_URLS) {
                diag(c, v, path, "at most %d entries, got %zu", POL_MAX_WARMUP_URLS, n);
                return;
        }
        for (size_t i = 0; i < *count; i++)
                free((*list)[i]);
        free(*list);
        *list = NULL;
        *count = 0;
        size_t cap = 0;
        for (size_t i = 0; i < n; i++) {
                yaml_node_t *it = node_of(c, v->data.sequence.items.start[i]);
                const char *s = scalar(it);
                uint64_t lo = 0, hi = 0;
                int pre = 0, post = 0;
                pol_path_fmt(ip, sizeof(ip), "%s[%zu]", path, i);
                if (has_nul(it)) {
                        diag(c, it, ip, "must not contain a NUL byte (\\0), got %s", GOT(it));
                        continue;
                }
                if (!s || s[0] != '/' || strlen(s) > POL_MAX_STRING) {
                        diag(c, it, ip, "must be a URL path starting with /, got %s", GOT(it));
                        continue;
                }
                /* One numeric range "{A..B}" expands to B-A+1 paths: a warm-up set of thousands of
                 * cache keys stays one line. The bound is checked on B-A before anything is
                 * counted or allocated: {0..18446744073709551615} must not wrap to 0 paths. */
                const char *lb = strchr(s, '{');
                if (lb) {
                        if (parse_range(lb, &lo, &hi, &post) < 0 || strchr(lb + post, '{')) {
                                diag(c, it, ip, "a range must look like {0..999} (one per path, low <= high), got %s",
                                     GOT(it));
                                continue;
                        }
                        if (hi - lo >= POL_MAX_WARMUP_RANGE) {
                                diag(c, it, ip, "a range expands to at most %d paths, got %s",
                                     POL_MAX_WARMUP_RANGE, GOT(it));
                                continue;
                        }
                        pre = (int)(lb - s);
                }
                size_t k = (size_t)(hi - lo) + 1;
                if (*count + k > POL_MAX_WARMUP_EXPANDED) {
                        diag(c, it, ip, "expands the warm-up set past %d paths", POL_MAX_WARMUP_EXPANDED);
                        return;
                }
                if (*count + k + 1 > cap) {
                        size_t ncap = (*count + k + 1) * 2;
                        char **nl = realloc(*list, ncap * sizeof(char *));
                        if (!nl)
                                return;
                        *list = nl;
                        cap = ncap;
                }
                for (uint64_t x = 0; x < k; x++) {
                        char *u;
                        if (lb ? asprintf(&u, "%.*s%" PRIu64 "%s", pre, s, lo + x, lb + post) < 0 :
                            !(u = strdup(s)))
                                return;
                        (*list)[(*count)++] = u;
                        (*list)[*count] = NULL;
                }
        }
}

static bool valid_name(const char *s)
{
        size_t n = strlen(s);

        if (n == 0 || n > 32)
                return false;
        for (size_t i = 0; i < n; i++)
                if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
                      (s[i] >= '0' && s[i] <= '9') || s[i] == '_' || s[i] == '-'))
                        return false;
        return true;
}

void pol_set_field(struct pol_ctx *c, const struct pol_field *f, void *base, yaml_node_t *v, const char *path)
{
        void *dst = (char *)base + f->off;
        const char *s = scalar(v);
        char gbuf[160], b1[32], b2[32];

        switch (f->type) {
        case F_MAP:
                pol_walk_map(c, f->sub, base, v, path);
                return;
        case F_SCHEDULE:
                set_schedule(c, f, base, v, path);
                return;
        case F_URLLIST:
                set_urllist(c, dst, v, path);
                return;
        case F_HOSTS:
                pol_set_hosts(c, v, path);
                return;
        case F_DEFER:
                return;                 /* read by a later check that needs its neighbours */
        default:
                break;
        }
        if (!s) {
                /* a scalar was expected: say what was expected, as the bad-scalar case does */
                if (f->type == F_ENUM) {
                        enum_error(c, f->names, v, path);
                        return;
                }
                diag(c, v, path, "must be a single value, got %s", GOT(v));
                return;
        }
        switch (f->type) {
        case F_STR:
                if (strlen(s) > POL_MAX_STRING || (f->min > 0 && !*s)) {
                        diag(c, v, path, "must be a non-empty string of at most %d bytes, got %s",
                             POL_MAX_STRING, GOT(v));
                        return;
                }
                pol_set_str(dst, s);
                return;
        case F_NAME:
                if (!valid_name(s)) {
                        diag(c, v, path, "must be 1-32 letters, digits, '_' or '-', got %s", GOT(v));
                        return;
                }
                pol_set_str(dst, s);
                return;
        case F_PATH:
        case F_CMD: {
                char *r;
                if (!*s || strlen(s) > PATH_MAX) {
                        diag(c, v, path, "must be a %s, got %s", f->type == F_PATH ? "file path" :
                             "program name or path", GOT(v));
                        return;
                }
                /* a bare program name is looked up in PATH; anything with a slash is a path */
                if (f->type == F_CMD && !strchr(s, '/')) {
                        pol_set_str(dst, s);
                        return;
                }
                r = pol_resolve_path(c, s);
                if (r) {
                        free(*(char **)dst);
                        *(char **)dst = r;
                }
                return;
        }
        case F_TOKENFILE: {
                char *r, *tok;
                int err = 0;
                if (!*s || strlen(s) > PATH_MAX) {
                        diag(c, v, path, "must be a file path, got %s", GOT(v));
                        return;
                }
                r = pol_resolve_path(c, s);
                if (!r)
                        return;
                tok = read_token_file(r, &err);
                if (!tok) {
                        if (err == -ENODATA)
                                diag(c, v, path, "\"%s\" holds no token (empty, or a NUL byte)", r);
                        else if (err == -EBADF)
                                diag(c, v, path, "\"%s\" is not a regular file", r);
                        else if (err == -EFBIG)
                                diag(c, v, path, "\"%s\" is larger than %d bytes: not a token", r,
                                     POL_MAX_STRING);
                        else
                                diag(c, v, path, "cannot read \"%s\": %s", r, strerror(-err));
                        free(r);
                        return;
                }
                free(r);
                free(*(char **)dst);
                *(char **)dst = tok;
                return;
        }
        case F_LISTEN: {
                char host[256];
                unsigned port;
                if (ss_split_hostport(s, host, sizeof(host), &port) < 0) {
                        diag(c, v, path, "must be HOST:PORT like 127.0.0.1:8900, got %s", GOT(v));
                        return;
                }
                pol_set_str(dst, s);
                return;
        }
        case F_URLPATH:
                if (s[0] != '/' || strlen(s) > POL_MAX_STRING) {
                        diag(c, v, path, "must be a URL path starting with /, got %s", GOT(v));
                        return;
                }
                pol_set_str(dst, s);
                return;
        case F_INT: {
                long long n;
                if (parse_int(s, &n) < 0 || n < f->min || n > f->max) {
                        bad_int(c, f, v, path);
                        return;
                }
                *(int *)dst = (int)n;
                return;
        }
        case F_STEP: {
                long long n;
                if (!strcmp(s, "unlimited")) {
                        *(int *)dst = 0;
                        return;
                }
                if (parse_int(s, &n) < 0 || n < 1 || n > POL_MAX_CLONES_LIMIT) {
                        diag(c, v, path, "must be a positive integer, got %s", GOT(v));
                        return;
                }
                *(int *)dst = (int)n;
                return;
        }
        case F_BOOL:
                if (!strcasecmp(s, "true") || !strcasecmp(s, "yes") || !strcasecmp(s, "on"))
                        *(bool *)dst = true;
                else if (!strcasecmp(s, "false") || !strcasecmp(s, "no") || !strcasecmp(s, "off"))
                        *(bool *)dst = false;
                else
                        diag(c, v, path, "must be true or false, got %s", GOT(v));
                return;
        case F_DUR: {
                uint64_t us;
                if (pol_parse_duration(s, &us) < 0) {
                        diag(c, v, path, "must be a duration like 150ms, 2s or 1m, got %s", GOT(v));
                        return;
                }
                if ((long long)us < f->min || (long long)us > f->max) {
                        pol_fmt_duration(b1, sizeof(b1), (uint64_t)f->min);
                        pol_fmt_duration(b2, sizeof(b2), (uint64_t)f->max);
                        diag(c, v, path, "must be between %s and %s, got %s", b1, b2, GOT(v));
                        return;
                }
                *(uint64_t *)dst = us;
                return;
        }
        case F_SIZE:
        case F_SIZE_T: {
                uint64_t b;
                if (pol_parse_size(s, &b) < 0) {
                        diag(c, v, path, "must be a size like 256M or 1GiB, got %s", GOT(v));
                        return;
                }
                if ((long long)b < f->min || b > (uint64_t)f->max) {
                        diag(c, v, path, "must be between %lldK and %lldM, got %s", f->min >> 10,
                             f->max >> 20, GOT(v));
                        return;
                }
                if (f->type == F_SIZE)
                        *(uint64_t *)dst = b;
                else
                        *(size_t *)dst = (size_t)b;
                return;
        }
        case F_PCT: {
                double d;
                if (pol_parse_percent(s, &d) < 0) {
                        diag(c, v, path, "must be a percentage like 10%%, got %s", GOT(v));
                        return;
                }
                if (d < f->dmin - 1e-12 || d > f->dmax + 1e-12) {
                        diag(c, v, path, "must be between %g%% and %g%%, got %s", f->dmin * 100,
                             f->dmax * 100, GOT(v));
                        return;
                }
                *(double *)dst = d;
                return;
        }
        case F_RATE: {
                struct pol_rate r;
                if (pol_parse_rate(s, &r) < 0) {
                        diag(c, v, path, "must be a rate like 100%%/10s or 1/30s (or unlimited), got %s",
                             GOT(v));
                        return;
                }
                if (r.amount > 0 && (r.per_us < SEC || r.per_us > 3600 * SEC ||
                                     (!r.percent && r.amount > POL_MAX_CLONES_LIMIT) ||
                                     (r.percent && r.amount > 10000))) {
                        diag(c, v, path, "period must be 1s to 1h and the amount at most %d clones or "
                             "10000%%, got %s", POL_MAX_CLONES_LIMIT, GOT(v));
                        return;
                }
                *(struct pol_rate *)dst = r;
                return;
        }
        case F_ENUM:
                for (const struct pol_enum_name *e = f->names; e->name; e++) {
                        if (!strcmp(e->name, s)) {
                                *(int *)dst = e->value;
                                return;
                        }
                }
                enum_error(c, f->names, v, path);
                return;
        case F_CRON: {
                struct pol_schedule *sch = base;
                char err[256];
                if (pol_parse_cron(s, sch, err, sizeof(err)) < 0) {
                        diag(c, v, path, "%s, got %s", err, GOT(v));
                        return;
                }
                pol_set_str(&sch->cron, s);
                return;
        }
        default:
                return;
        }
}

