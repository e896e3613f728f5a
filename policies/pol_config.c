/* pol_config: load and validate snowscale.yaml with libyaml's document API.
 *
 * The file is composed into a libyaml document (every node keeps its start mark), then walked
 * against a table of known fields. Each problem becomes a diagnostic with file:line:col and the
 * field path; the walk never stops at the first one, so an operator fixes a file in one pass.
 * Nothing here prints. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <syslog.h>
#include <unistd.h>

#include <yaml.h>

#include "pol_internal.h"
#include "pol_preset.h"
#include "ss_util.h"

/* ---- diagnostics ------------------------------------------------------------------------ */
void pol_diags_print(const struct pol_diags *d, FILE *f)
{
        for (size_t i = 0; d && i < d->n; i++) {
                const struct pol_diag *g = &d->v[i];
                if (g->line > 0)
                        fprintf(f, "%s:%d:%d: ", g->file ? g->file : "-", g->line, g->col);
                else
                        fprintf(f, "%s: ", g->file ? g->file : "-");
                if (g->path)
                        fprintf(f, "%s: ", g->path);
                fprintf(f, "%s\n", g->msg ? g->msg : "");
        }
}

void pol_diags_free(struct pol_diags *d)
{
        if (!d)
                return;
        for (size_t i = 0; i < d->n; i++) {
                free(d->v[i].file);
                free(d->v[i].path);
                free(d->v[i].msg);
        }
        free(d->v);
        d->v = NULL;
        d->n = 0;
}

/* ---- loader context --------------------------------------------------------------------- */
struct seen {
        char *path;
        yaml_node_t *key, *val;
};

struct ctx {
        const char *file;
        yaml_document_t *doc;
        struct pol_diags *diags;
        int errors;
        char *base_dir;                 /* relative paths in the file are resolved against it */
        struct seen *seen;
        size_t n_seen, cap_seen;
        struct pol_config *cfg;
};

static void diag_at(struct ctx *c, int line, int col, const char *path, const char *fmt, ...)
        __attribute__((format(printf, 5, 6)));

static void diag_at(struct ctx *c, int line, int col, const char *path, const char *fmt, ...)
{
        struct pol_diag *v, *g;
        char msg[1024];
        va_list ap;

        c->errors++;
        if (!c->diags || c->diags->n > POL_MAX_DIAGS)
                return;
        va_start(ap, fmt);
        vsnprintf(msg, sizeof(msg), fmt, ap);
        va_end(ap);
        if (c->diags->n == POL_MAX_DIAGS) {
                snprintf(msg, sizeof(msg), "too many errors, stopping after %d", POL_MAX_DIAGS);
                path = NULL;
                line = col = 0;
        }
        v = realloc(c->diags->v, (c->diags->n + 1) * sizeof(*v));
        if (!v)
                return;
        c->diags->v = v;
        g = &v[c->diags->n++];
        g->file = strdup(c->file);
        g->line = line;
        g->col = col;
        g->path = path ? strdup(path) : NULL;
        g->msg = strdup(msg);
}

/* libyaml marks are 0-based; diagnostics are 1-based like every compiler's. */
#define diag(c, node, path, ...) \
        diag_at((c), (node) ? (int)(node)->start_mark.line + 1 : 0, \
                (node) ? (int)(node)->start_mark.column + 1 : 0, (path), __VA_ARGS__)

static yaml_node_t *node_of(struct ctx *c, int id)
{
        return yaml_document_get_node(c->doc, id);
}

static const char *scalar(const yaml_node_t *n)
{
        return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

static bool is_null(const yaml_node_t *n)
{
        const char *s = scalar(n);

        if (!s || n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
                return false;
        return !*s || !strcmp(s, "~") || !strcmp(s, "null") || !strcmp(s, "Null") || !strcmp(s, "NULL");
}

/* What the user wrote, for "got ..." in messages: quoted and escaped scalars, kinds otherwise. */
static const char *got(const yaml_node_t *n, char *buf, size_t len)
{
        const char *s = scalar(n);
        size_t o = 0, i;

        if (!n)
                return "nothing";
        if (n->type == YAML_MAPPING_NODE)
                return "a mapping";
        if (n->type == YAML_SEQUENCE_NODE)
                return "a list";
        buf[o++] = '"';
        for (i = 0; s[i] && o + 8 < len; i++) {
                unsigned char ch = (unsigned char)s[i];
                if (i >= 60) {
                        o += (size_t)snprintf(buf + o, len - o, "...");
                        break;
                }
                if (ch == '"' || ch == '\\')
                        o += (size_t)snprintf(buf + o, len - o, "\\%c", ch);
                else if (ch < 0x20 || ch == 0x7f)
                        o += (size_t)snprintf(buf + o, len - o, "\\x%02x", ch);
                else
                        buf[o++] = (char)ch;
        }
        buf[o++] = '"';
        buf[o] = 0;
        return buf;
}
#define GOT(n) got((n), gbuf, sizeof(gbuf))

static void seen_add(struct ctx *c, const char *path, yaml_node_t *key, yaml_node_t *val)
{
        if (c->n_seen == c->cap_seen) {
                size_t cap = c->cap_seen ? c->cap_seen * 2 : 64;
                struct seen *v = realloc(c->seen, cap * sizeof(*v));
                if (!v)
                        return;
                c->seen = v;
                c->cap_seen = cap;
        }
        c->seen[c->n_seen].path = strdup(path);
        if (!c->seen[c->n_seen].path)
                return;
        c->seen[c->n_seen].key = key;
        c->seen[c->n_seen].val = val;
        c->n_seen++;
}

static struct seen *seen_find(struct ctx *c, const char *path)
{
        for (size_t i = 0; i < c->n_seen; i++)
                if (!strcmp(c->seen[i].path, path))
                        return &c->seen[i];
        return NULL;
}

static yaml_node_t *seen_val(struct ctx *c, const char *path)
{
        struct seen *s = seen_find(c, path);
        return s ? s->val : NULL;
}

static int set_str(char **dst, const char *v)
{
        char *n = v ? strdup(v) : NULL;

        if (v && !n)
                return -ENOMEM;
        free(*dst);
        *dst = n;
        return 0;
}

/* Optimal string alignment distance: a transposed pair ("max_stpe") counts as one edit. */
static size_t edit_distance(const char *a, const char *b)
{
        size_t la = strlen(a), lb = strlen(b), d[40][40];

        if (la >= 40 || lb >= 40)
                return SIZE_MAX;
        for (size_t i = 0; i <= la; i++)
                d[i][0] = i;
        for (size_t j = 0; j <= lb; j++)
                d[0][j] = j;
        for (size_t i = 1; i <= la; i++) {
                for (size_t j = 1; j <= lb; j++) {
                        size_t cost = a[i - 1] != b[j - 1], v = d[i - 1][j] + 1;
                        if (d[i][j - 1] + 1 < v)
                                v = d[i][j - 1] + 1;
                        if (d[i - 1][j - 1] + cost < v)
                                v = d[i - 1][j - 1] + cost;
                        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                            d[i - 2][j - 2] + 1 < v)
                                v = d[i - 2][j - 2] + 1;
                        d[i][j] = v;
                }
        }
        return d[la][lb];
}

/* The closest candidate if it is close enough to be a typo, else NULL. */
static const char *closest(const char *word, const char *const *cands, size_t n)
{
        const char *best = NULL;
        size_t bestd = SIZE_MAX, len = strlen(word);
        size_t limit = len <= 4 ? 1 : len <= 8 ? 2 : 3;

        for (size_t i = 0; i < n; i++) {
                size_t dd = edit_distance(word, cands[i]);
                if (dd < bestd) {
                        bestd = dd;
                        best = cands[i];
                }
        }
        return bestd <= limit ? best : NULL;
}

/* Relative to the config file's directory, lexically normalised ("a/../b" -> "b"). */
static char *resolve_path(struct ctx *c, const char *v)
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

/* ---- the field table -------------------------------------------------------------------- */
enum ftype {
        F_STR, F_NAME, F_PATH, F_CMD, F_LISTEN, F_URLPATH, F_INT, F_STEP, F_BOOL, F_DUR,
        F_SIZE, F_SIZE_T, F_PCT, F_RATE, F_ENUM, F_MAP, F_URLLIST, F_SCHEDULE, F_CRON,
        F_TOKENFILE, F_DEFER,
};

struct enum_name {
        const char *name;
        int value;
};

struct field {
        const char *key;
        enum ftype type;
        size_t off;
        long long min, max;             /* F_INT; F_DUR/F_SIZE in µs/bytes */
        double dmin, dmax;              /* F_PCT, as fractions */
        const struct enum_name *names;  /* F_ENUM, NULL-terminated */
        const struct field *sub;        /* F_MAP, {NULL}-terminated */
        bool required;
};

#define CFG(m) offsetof(struct pol_config, m)

static const struct enum_name mode_names[] = {
        { "active", POL_MODE_ACTIVE }, { "observe", POL_MODE_OBSERVE }, { NULL, 0 } };
static const struct enum_name level_names[] = {
        { "error", LOG_ERR }, { "warn", LOG_WARNING }, { "info", LOG_INFO }, { "debug", LOG_DEBUG },
        { NULL, 0 } };
static const struct enum_name driver_names[] = {
        { "qemu", POL_DRIVER_QEMU }, { "xen", POL_DRIVER_XEN }, { NULL, 0 } };
static const struct enum_name accel_names[] = {
        { "auto", POL_ACCEL_AUTO }, { "kvm", POL_ACCEL_KVM }, { "tcg", POL_ACCEL_TCG }, { NULL, 0 } };
static const struct enum_name boot_names[] = {
        { "clone", POL_BOOT_CLONE }, { "cold", POL_BOOT_COLD }, { NULL, 0 } };
static const struct enum_name metric_names[] = {
        { "p50_latency", POL_METRIC_P50_LATENCY }, { "p95_latency", POL_METRIC_P95_LATENCY },
        { "p99_latency", POL_METRIC_P99_LATENCY }, { "rps_per_clone", POL_METRIC_RPS_PER_CLONE },
        { "inflight_per_clone", POL_METRIC_INFLIGHT_PER_CLONE }, { NULL, 0 } };
static const struct enum_name preset_names[] = {
        { "snowscale", POL_ALGO_SNOWSCALE }, { "hpa", POL_ALGO_HPA }, { "knative", POL_ALGO_KNATIVE },
        { NULL, 0 } };
static const struct enum_name missing_names[] = {
        { "hold", POL_MISSING_HOLD }, { "treat_as_target", POL_MISSING_TREAT_AS_TARGET }, { NULL, 0 } };

#define US(x) ((long long)(x))
#define SEC 1000000LL
#define MS 1000LL

static const struct field service_fields[] = {
        { "name", F_NAME, CFG(service.name) },
        { "front_listen", F_LISTEN, CFG(service.front_listen) },
        { "upstream", F_NAME, CFG(service.upstream) },
        { NULL }
};
static const struct field api_fields[] = {
        { "listen", F_LISTEN, CFG(api.listen) },
        { "token", F_STR, CFG(api.token), 1, POL_MAX_STRING },
        { "token_file", F_TOKENFILE, CFG(api.token) },
        { "max_body", F_SIZE_T, CFG(api.max_body), 1024, 1LL << 30 },
        { NULL }
};
static const struct field driver_fields[] = {
        { "kind", F_ENUM, CFG(driver.kind), .names = driver_names },
        { "accel", F_ENUM, CFG(driver.accel), .names = accel_names },
        { "boot", F_ENUM, CFG(driver.boot), .names = boot_names },
        { "qemu_binary", F_CMD, CFG(driver.qemu_binary) },
        { "kernel", F_PATH, CFG(driver.kernel) },
        { "initrd", F_PATH, CFG(driver.initrd) },
        { "cmdline", F_STR, CFG(driver.cmdline), 0, POL_MAX_STRING },
        { "opts", F_STR, CFG(driver.opts), 0, POL_MAX_STRING },
        { "memory", F_SIZE, CFG(driver.memory_bytes), 16LL << 20, 1LL << 40 },
        { "vcpus", F_INT, CFG(driver.vcpus), 1, 64 },
        { "guest_port", F_INT, CFG(driver.guest_port), 1, 65535 },
        { "port_base", F_INT, CFG(driver.port_base), 1024, 65535 },
        { "ready_timeout", F_DUR, CFG(driver.ready_timeout_us), 100 * MS, 3600 * SEC },
        { NULL }
};
static const struct field lb_fields[] = {
        { "listen", F_LISTEN, CFG(lb.listen) },
        { "token", F_STR, CFG(lb.token), 1, POL_MAX_STRING },
        { "token_file", F_TOKENFILE, CFG(lb.token) },
        { "nginx_binary", F_CMD, CFG(lb.nginx_binary) },
        { "health_path", F_URLPATH, CFG(lb.health_path) },
        { "health_status", F_INT, CFG(lb.health_status), 100, 599 },
        { "health_attempts", F_INT, CFG(lb.health_attempts), 1, 10000 },
        { "health_interval", F_DUR, CFG(lb.health_interval_us), 10 * MS, 60 * SEC },
        { "coalesce", F_DUR, CFG(lb.coalesce_us), 0, 60 * SEC },
        { "min_reload_interval", F_DUR, CFG(lb.min_reload_interval_us), 0, 600 * SEC },
        { NULL }
};
static const struct field parent_fields[] = {
        { "serve", F_BOOL, CFG(parent.serve) },
        { "warmup_urls", F_URLLIST, CFG(parent.warmup_urls) },
        { "generation_every", F_DUR, CFG(parent.generation_every_us), 0, 7 * 86400 * SEC },
        { NULL }
};
static const struct field clones_fields[] = {
        { "max_consecutive_failures", F_INT, CFG(clones.max_consecutive_failures), 1, 1000 },
        { "backoff", F_DUR, CFG(clones.backoff_us), 10 * MS, 3600 * SEC },
        { NULL }
};
static const struct field up_fields[] = {
        { "max_step", F_STEP, CFG(policy.up.max_step) },
        { "max_rate", F_RATE, CFG(policy.up.max_rate) },
        { "max_rate_or", F_RATE, CFG(policy.up.max_rate_or) },
        { "stabilization", F_DUR, CFG(policy.up.stabilization_us), 0, 3600 * SEC },
        { "max_concurrent_clones", F_STEP, CFG(policy.max_concurrent_clones) },
        { NULL }
};
static const struct field down_fields[] = {
        { "max_step", F_STEP, CFG(policy.down.max_step) },
        { "max_rate", F_RATE, CFG(policy.down.max_rate) },
        { "max_rate_or", F_RATE, CFG(policy.down.max_rate_or) },
        { "stabilization", F_DUR, CFG(policy.down.stabilization_us), 0, 3600 * SEC },
        { "drain_timeout", F_DUR, CFG(policy.drain_timeout_us), 0, 3600 * SEC },
        { NULL }
};
static const struct field panic_fields[] = {
        { "threshold", F_PCT, CFG(policy.panic_threshold), .dmin = 1.1, .dmax = 100.0 },
        { "window", F_DUR, CFG(policy.panic_window_us), 1 * SEC, 600 * SEC },
        { NULL }
};
static const struct field capacity_fields[] = {
        { "utilization", F_PCT, CFG(policy.capacity_utilization), .dmin = 0.1, .dmax = 1.0 },
        { "min_samples", F_INT, CFG(policy.capacity_min_samples), 1, 1000 },
        { NULL }
};
static const struct field policy_fields[] = {
        { "metric", F_ENUM, CFG(policy.metrics[0].metric), .names = metric_names },
        { "target", F_DEFER },
        { "metrics", F_DEFER },
        { "tolerance", F_PCT, CFG(policy.tolerance), .dmin = 0.0, .dmax = 0.99 },
        { "min_clones", F_INT, CFG(policy.min_clones), 0, POL_MAX_CLONES_LIMIT },
        { "max_clones", F_INT, CFG(policy.max_clones), 1, POL_MAX_CLONES_LIMIT },
        { "scale_up", F_MAP, .sub = up_fields },
        { "scale_down", F_MAP, .sub = down_fields },
        { "panic", F_MAP, .sub = panic_fields },
        { "stable_window", F_DUR, CFG(policy.stable_window_us), 2 * SEC, 3600 * SEC },
        { "missing_metrics", F_ENUM, CFG(policy.missing), .names = missing_names },
        { "schedule", F_SCHEDULE, CFG(policy.schedule) },
        { "preset", F_ENUM, CFG(policy.algorithm), .names = preset_names },
        { "sync_period", F_DUR, CFG(policy.sync_period_us), 0, 3600 * SEC },
        { "capacity", F_MAP, .sub = capacity_fields },
        { NULL }
};
static const struct field root_fields[] = {
        { "pool", F_NAME, CFG(pool) },
        { "mode", F_ENUM, CFG(mode), .names = mode_names },
        { "service", F_MAP, .sub = service_fields },
        { "api", F_MAP, .sub = api_fields },
        { "state_dir", F_PATH, CFG(state_dir) },
        { "log_level", F_ENUM, CFG(log_level), .names = level_names },
        { "tick", F_DUR, CFG(tick_us), 50 * MS, 60 * SEC },
        { "retention", F_DUR, CFG(retention_us), 60 * SEC, 366LL * 86400 * SEC },
        { "driver", F_MAP, .sub = driver_fields },
        { "lb", F_MAP, .sub = lb_fields },
        { "parent", F_MAP, .sub = parent_fields },
        { "clones", F_MAP, .sub = clones_fields },
        { "policy", F_MAP, .sub = policy_fields },
        { NULL }
};
/* Entries of lists: offsets are relative to the list element. */
static const struct field schedule_fields[] = {
        { "cron", F_CRON, 0, .required = true },
        { "min_clones", F_INT, offsetof(struct pol_schedule, min_clones), 0, POL_MAX_CLONES_LIMIT,
          .required = true },
        { "duration", F_DUR, offsetof(struct pol_schedule, duration_us), 60 * SEC,
          POL_MAX_SCHEDULE_SPAN_S * SEC },
        { NULL }
};
static const struct field metric_item_fields[] = {
        { "metric", F_ENUM, offsetof(struct pol_target, metric), .names = metric_names, .required = true },
        { "target", F_DEFER, .required = true },
        { NULL }
};

static void walk_map(struct ctx *c, const struct field *tbl, void *base, yaml_node_t *map,
                     const char *path);

/* snprintf for field paths: a path cut at a few hundred bytes is still a fine pointer. */
static void path_fmt(char *buf, size_t len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void path_fmt(char *buf, size_t len, const char *fmt, ...)
{
        va_list ap;

        va_start(ap, fmt);
        vsnprintf(buf, len, fmt, ap);
        va_end(ap);
}

static void child_path(char *buf, size_t len, const char *path, const char *key)
{
        if (path && *path)
                path_fmt(buf, len, "%s.%s", path, key);
        else
                path_fmt(buf, len, "%s", key);
}

static void bad_int(struct ctx *c, const struct field *f, yaml_node_t *v, const char *path)
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

static void enum_error(struct ctx *c, const struct enum_name *names, yaml_node_t *v, const char *path)
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
        best = s ? closest(s, cands, n) : NULL;
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

static void set_schedule(struct ctx *c, const struct field *f, void *base, yaml_node_t *v,
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
                path_fmt(ip, sizeof(ip), "%s[%zu]", path, i);
                walk_map(c, schedule_fields, &p->schedule[i], node_of(c, v->data.sequence.items.start[i]), ip);
        }
}

static void set_urllist(struct ctx *c, void *dst, yaml_node_t *v, const char *path)
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
                unsigned long lo = 0, hi = 0;
                int pre = 0, post = 0;
                path_fmt(ip, sizeof(ip), "%s[%zu]", path, i);
                if (!s || s[0] != '/' || strlen(s) > POL_MAX_STRING) {
                        diag(c, it, ip, "must be a URL path starting with /, got %s", GOT(it));
                        continue;
                }
                /* One numeric range "{A..B}" expands to B-A+1 paths: a warm-up set of thousands of
                 * cache keys stays one line. */
                const char *lb = strchr(s, '{');
                if (lb) {
                        char tail;
                        if (sscanf(lb, "{%lu..%lu%c%n", &lo, &hi, &tail, &post) != 3 || tail != '}' ||
                            lo > hi || strchr(lb + post, '{')) {
                                diag(c, it, ip, "a range must look like {0..999} (one per path, low <= high), got %s",
                                     GOT(it));
                                continue;
                        }
                        pre = (int)(lb - s);
                } else {
                        post = 0;
                }
                size_t k = hi - lo + 1;
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
                for (unsigned long x = lo; x <= hi; x++) {
                        char *u;
                        if (lb ? asprintf(&u, "%.*s%lu%s", pre, s, x, lb + post) < 0 : !(u = strdup(s)))
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

static void set_field(struct ctx *c, const struct field *f, void *base, yaml_node_t *v, const char *path)
{
        void *dst = (char *)base + f->off;
        const char *s = scalar(v);
        char gbuf[160], b1[32], b2[32];

        switch (f->type) {
        case F_MAP:
                walk_map(c, f->sub, base, v, path);
                return;
        case F_SCHEDULE:
                set_schedule(c, f, base, v, path);
                return;
        case F_URLLIST:
                set_urllist(c, dst, v, path);
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
                set_str(dst, s);
                return;
        case F_NAME:
                if (!valid_name(s)) {
                        diag(c, v, path, "must be 1-32 letters, digits, '_' or '-', got %s", GOT(v));
                        return;
                }
                set_str(dst, s);
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
                        set_str(dst, s);
                        return;
                }
                r = resolve_path(c, s);
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
                r = resolve_path(c, s);
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
                set_str(dst, s);
                return;
        }
        case F_URLPATH:
                if (s[0] != '/' || strlen(s) > POL_MAX_STRING) {
                        diag(c, v, path, "must be a URL path starting with /, got %s", GOT(v));
                        return;
                }
                set_str(dst, s);
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
                for (const struct enum_name *e = f->names; e->name; e++) {
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
                set_str(&sch->cron, s);
                return;
        }
        default:
                return;
        }
}

/* A key written in the wrong section ("min_clones" at the top level): where it lives. */
static const char *home_of(const char *key)
{
        static const struct { const char *path; const struct field *tbl; } sections[] = {
                { "service", service_fields }, { "api", api_fields }, { "driver", driver_fields },
                { "lb", lb_fields }, { "parent", parent_fields }, { "clones", clones_fields },
                { "policy", policy_fields }, { "policy.scale_up", up_fields },
                { "policy.scale_down", down_fields }, { "policy.panic", panic_fields },
                { "policy.capacity", capacity_fields },
        };

        for (size_t i = 0; i < POL_ARRAY_SIZE(sections); i++)
                for (const struct field *f = sections[i].tbl; f->key; f++)
                        if (!strcmp(f->key, key))
                                return sections[i].path;
        return NULL;
}

static void walk_map(struct ctx *c, const struct field *tbl, void *base, yaml_node_t *map,
                     const char *path)
{
        uint64_t seen_bits = 0;
        const char *cands[32];
        size_t n_cands = 0;
        char gbuf[160], cp[320];

        for (; tbl[n_cands].key && n_cands < 32; n_cands++)
                cands[n_cands] = tbl[n_cands].key;
        if (!map || is_null(map))
                goto required;
        if (map->type != YAML_MAPPING_NODE) {
                char keys[512];
                size_t o = 0;
                keys[0] = 0;
                for (size_t i = 0; i < n_cands && o < sizeof(keys); i++)
                        o += (size_t)snprintf(keys + o, sizeof(keys) - o, "%s%s", i ? ", " : "", cands[i]);
                diag(c, map, path, "must be a mapping with keys %s, got %s", keys, GOT(map));
                return;
        }
        for (yaml_node_pair_t *pr = map->data.mapping.pairs.start; pr < map->data.mapping.pairs.top; pr++) {
                yaml_node_t *k = node_of(c, pr->key), *v = node_of(c, pr->value);
                const char *ks = scalar(k), *best;
                size_t i;

                if (!ks) {
                        diag(c, k, path, "keys must be plain names, got %s", GOT(k));
                        continue;
                }
                child_path(cp, sizeof(cp), path, ks);
                for (i = 0; i < n_cands; i++)
                        if (!strcmp(cands[i], ks))
                                break;
                if (i == n_cands) {
                        best = closest(ks, cands, n_cands);
                        const char *elsewhere = best ? NULL : home_of(ks);
                        if (best) {
                                diag(c, k, cp, "unknown key \"%s\" (did you mean \"%s\"?)", ks, best);
                        } else if (elsewhere) {
                                diag(c, k, cp, "unknown key \"%s\" here (it belongs in %s.%s)", ks,
                                     elsewhere, ks);
                        } else {
                                char keys[512];
                                size_t o = 0;
                                keys[0] = 0;
                                for (size_t j = 0; j < n_cands && o < sizeof(keys); j++)
                                        o += (size_t)snprintf(keys + o, sizeof(keys) - o, "%s%s",
                                                              j ? ", " : "", cands[j]);
                                diag(c, k, cp, "unknown key \"%s\" (known keys here: %s)", ks, keys);
                        }
                        continue;
                }
                if (seen_bits >> i & 1) {
                        struct seen *first = seen_find(c, cp);
                        diag(c, k, cp, "given twice (first at line %d)",
                             first && first->key ? (int)first->key->start_mark.line + 1 : 0);
                        continue;
                }
                seen_bits |= 1ull << i;
                seen_add(c, cp, k, v);
                set_field(c, &tbl[i], base, v, cp);
        }
required:
        for (size_t i = 0; i < n_cands; i++) {
                if (tbl[i].required && !(seen_bits >> i & 1)) {
                        child_path(cp, sizeof(cp), path, tbl[i].key);
                        diag(c, map, cp, "is required but missing");
                }
        }
}

/* ---- checks that need several fields ---------------------------------------------------- */
static void parse_target(struct ctx *c, enum pol_metric m, yaml_node_t *v, const char *path, double *ret)
{
        const char *s = scalar(v);
        char gbuf[160];

        if (pol_metric_is_latency(m)) {
                uint64_t us;
                if (!s || pol_parse_duration(s, &us) < 0 || us == 0) {
                        diag(c, v, path, "must be a latency like 150ms (%s is a latency), got %s",
                             pol_metric_name(m), GOT(v));
                        return;
                }
                if (us > 3600 * SEC) {
                        diag(c, v, path, "must be at most 1h, got %s", GOT(v));
                        return;
                }
                *ret = (double)us;
        } else {
                char *end;
                double d;
                if (!s || !*s) {
                        d = -1;
                        end = NULL;
                } else {
                        errno = 0;
                        d = strtod(s, &end);
                }
                if (!s || !end || *end || errno || !isfinite(d) || d <= 0 || d > 1e9) {
                        diag(c, v, path, "must be a positive number (%s per clone), got %s",
                             m == POL_METRIC_RPS_PER_CLONE ? "requests per second" : "requests in flight",
                             GOT(v));
                        return;
                }
                *ret = d;
        }
}

static void check_policy(struct ctx *c, yaml_node_t *root)
{
        struct pol_policy *p = &c->cfg->policy;
        yaml_node_t *pol = seen_val(c, "policy");
        yaml_node_t *metric = seen_val(c, "policy.metric"), *target = seen_val(c, "policy.target");
        struct seen *metrics = seen_find(c, "policy.metrics");
        yaml_node_t *anchor = pol && pol->type == YAML_MAPPING_NODE ? pol : root;
        char gbuf[160], ip[64], tp[80];

        if (pol && !is_null(pol) && pol->type != YAML_MAPPING_NODE)
                return;                 /* already reported */
        if (metrics && (metric || target)) {
                diag(c, metrics->key, "policy.metrics",
                     "give either metric + target or a metrics list, not both");
                return;
        }
        if (!metrics) {
                if (!target) {
                        diag(c, anchor, "policy.target",
                             "required (there is no default): the %s to hold, e.g. %s",
                             pol_metric_name(p->metrics[0].metric),
                             pol_metric_is_latency(p->metrics[0].metric) ? "150ms" : "50");
                        return;
                }
                parse_target(c, p->metrics[0].metric, target, "policy.target", &p->metrics[0].target);
                p->n_metrics = 1;
                return;
        }
        yaml_node_t *v = metrics->val;
        size_t n;
        if (v->type != YAML_SEQUENCE_NODE) {
                diag(c, v, "policy.metrics", "must be a list of { metric: NAME, target: VALUE }, got %s", GOT(v));
                return;
        }
        n = (size_t)(v->data.sequence.items.top - v->data.sequence.items.start);
        if (n < 1 || n > POL_MAX_METRICS) {
                diag(c, v, "policy.metrics", "must list 1 to %d metrics, got %zu", POL_MAX_METRICS, n);
                return;
        }
        p->n_metrics = 0;
        for (size_t i = 0; i < n; i++) {
                struct pol_target t = { .metric = POL_METRIC_P95_LATENCY, .target = 0 };
                yaml_node_t *it = node_of(c, v->data.sequence.items.start[i]);
                int before = c->errors;
                path_fmt(ip, sizeof(ip), "policy.metrics[%zu]", i);
                walk_map(c, metric_item_fields, &t, it, ip);
                path_fmt(tp, sizeof(tp), "%s.target", ip);
                if (c->errors != before || !seen_val(c, tp))
                        continue;
                parse_target(c, t.metric, seen_val(c, tp), tp, &t.target);
                if (c->errors != before)
                        continue;
                for (size_t j = 0; j < p->n_metrics; j++) {
                        if (p->metrics[j].metric == t.metric) {
                                char mp[80];
                                path_fmt(mp, sizeof(mp), "%s.metric", ip);
                                diag(c, seen_val(c, mp), mp, "%s is listed twice", pol_metric_name(t.metric));
                                goto next;
                        }
                }
                p->metrics[p->n_metrics++] = t;
next:;
        }
}

static yaml_node_t *val_or(struct ctx *c, const char *a, const char *b)
{
        yaml_node_t *n = seen_val(c, a);
        return n ? n : seen_val(c, b);
}

static bool preset_given(const char *path, void *arg)
{
        return seen_find(arg, path) != NULL;
}

static void check_config(struct ctx *c, yaml_node_t *root)
{
        struct pol_config *cfg = c->cfg;
        struct pol_policy *p = &cfg->policy;
        char b1[32], b2[32];

        check_policy(c, root);
        if (p->min_clones > p->max_clones)
                diag(c, val_or(c, "policy.min_clones", "policy.max_clones"), "policy.min_clones",
                     "must not exceed policy.max_clones (%d > %d)", p->min_clones, p->max_clones);
        for (size_t i = 0; i < p->n_schedule; i++) {
                char sp[64];
                path_fmt(sp, sizeof(sp), "policy.schedule[%zu].min_clones", i);
                if (p->schedule[i].min_clones > p->max_clones)
                        diag(c, seen_val(c, sp), sp, "must not exceed policy.max_clones (%d > %d)",
                             p->schedule[i].min_clones, p->max_clones);
        }
        if (p->panic_window_us >= p->stable_window_us) {
                pol_fmt_duration(b1, sizeof(b1), p->panic_window_us);
                pol_fmt_duration(b2, sizeof(b2), p->stable_window_us);
                diag(c, val_or(c, "policy.panic.window", "policy.stable_window"), "policy.panic.window",
                     "must be shorter than policy.stable_window (%s >= %s)", b1, b2);
        }
        if (cfg->tick_us > p->panic_window_us) {
                pol_fmt_duration(b1, sizeof(b1), cfg->tick_us);
                pol_fmt_duration(b2, sizeof(b2), p->panic_window_us);
                diag(c, val_or(c, "tick", "policy.panic.window"), "tick",
                     "must not be longer than policy.panic.window (%s > %s)", b1, b2);
        }
        if (seen_find(c, "api.token") && seen_find(c, "api.token_file"))
                diag(c, seen_find(c, "api.token_file")->key, "api.token_file",
                     "give either api.token or api.token_file, not both");
        if (seen_find(c, "lb.token") && seen_find(c, "lb.token_file"))
                diag(c, seen_find(c, "lb.token_file")->key, "lb.token_file",
                     "give either lb.token or lb.token_file, not both");
        {
                static const char *const lp[3] = { "service.front_listen", "api.listen", "lb.listen" };
                const char *lv[3] = { cfg->service.front_listen, cfg->api.listen, cfg->lb.listen };
                for (int i = 0; i < 3; i++) {
                        for (int j = i + 1; j < 3; j++) {
                                /* blame the address that was written, not a default */
                                int a = seen_val(c, lp[j]) ? j : i, o = a == j ? i : j;
                                if (!lv[i] || !lv[j] || strcmp(lv[i], lv[j]))
                                        continue;
                                diag(c, seen_val(c, lp[a]), lp[a], "same address as %s%s (%s)", lp[o],
                                     seen_val(c, lp[o]) ? "" : "'s default", lv[i]);
                        }
                }
        }
        if ((long long)cfg->driver.port_base + p->max_clones > 65535)
                diag(c, val_or(c, "driver.port_base", "policy.max_clones"), "driver.port_base",
                     "port_base + max_clones must stay below 65536 (%d + %d)", cfg->driver.port_base,
                     p->max_clones);
}

/* ---- defaults --------------------------------------------------------------------------- */
void pol_policy_defaults(struct pol_policy *p)
{
        memset(p, 0, sizeof(*p));
        p->metrics[0].metric = POL_METRIC_P95_LATENCY;
        p->n_metrics = 1;
        p->tolerance = 0.10;
        p->min_clones = 1;
        p->max_clones = 16;
        /* clone-era limits: a clone serves about a second after its order and is cheap to
         * retire, so scale-up is bounded by what the host clones at once, not by a rate */
        p->up.max_step = 0;
        p->up.max_rate = (struct pol_rate){ 0 };
        p->up.stabilization_us = 0;
        p->max_concurrent_clones = 8;
        p->down.max_step = 0;
        p->down.max_rate = (struct pol_rate){ .amount = 50, .percent = true, .per_us = 10 * SEC };
        p->down.stabilization_us = 30 * SEC;
        p->algorithm = POL_ALGO_SNOWSCALE;
        p->capacity_utilization = 0.80;
        p->capacity_min_samples = 1;
        p->drain_timeout_us = 30 * SEC;
        p->panic_threshold = 2.0;
        p->panic_window_us = 6 * SEC;
        p->stable_window_us = 60 * SEC;
        p->missing = POL_MISSING_HOLD;
}

static int config_defaults(struct pol_config *c)
{
        pol_policy_defaults(&c->policy);
        c->mode = POL_MODE_ACTIVE;
        c->api.max_body = 4u << 20;
        c->log_level = LOG_INFO;
        c->tick_us = 1 * SEC;
        c->retention_us = 24 * 3600 * SEC;
        c->driver.kind = POL_DRIVER_QEMU;
        c->driver.accel = POL_ACCEL_AUTO;
        c->driver.boot = POL_BOOT_CLONE;
        c->driver.memory_bytes = 256u << 20;
        c->driver.vcpus = 1;
        c->driver.guest_port = 80;
        c->driver.port_base = 18000;
        c->driver.ready_timeout_us = 30 * SEC;
        c->lb.health_status = 200;
        c->lb.health_attempts = 40;
        c->lb.health_interval_us = 250 * MS;
        c->lb.coalesce_us = 200 * MS;
        c->lb.min_reload_interval_us = 250 * MS;
        c->parent.serve = true;
        c->clones.max_consecutive_failures = 3;
        c->clones.backoff_us = 2 * SEC;
        if (set_str(&c->pool, "web") < 0 || set_str(&c->service.front_listen, "127.0.0.1:8080") < 0 ||
            set_str(&c->api.listen, "127.0.0.1:8900") < 0 ||
            set_str(&c->state_dir, "/var/lib/snowscale") < 0 ||
            set_str(&c->driver.qemu_binary, "qemu-system-x86_64") < 0 ||
            set_str(&c->driver.kernel, "build/guest/vmlinuz") < 0 ||
            set_str(&c->driver.initrd, "build/guest/initrd.gz") < 0 ||
            set_str(&c->lb.listen, "127.0.0.1:8901") < 0 ||
            set_str(&c->lb.nginx_binary, "/usr/sbin/nginx") < 0 ||
            set_str(&c->lb.health_path, "/healthz") < 0)
                return -ENOMEM;
        return 0;
}

/* Defaults that depend on other fields, filled after the walk. */
static int config_derived(struct pol_config *c)
{
        char buf[64];

        if (!c->service.name && set_str(&c->service.name, c->pool) < 0)
                return -ENOMEM;
        if (!c->service.upstream) {
                snprintf(buf, sizeof(buf), "snowscale_%s", c->pool);
                if (set_str(&c->service.upstream, buf) < 0)
                        return -ENOMEM;
        }
        if (!c->lb.token && c->api.token && set_str(&c->lb.token, c->api.token) < 0)
                return -ENOMEM;
        return 0;
}

void pol_config_free(struct pol_config *c)
{
        if (!c)
                return;
        free(c->path);
        free(c->pool);
        free(c->service.name);
        free(c->service.front_listen);
        free(c->service.upstream);
        free(c->api.listen);
        free(c->api.token);
        free(c->state_dir);
        free(c->driver.qemu_binary);
        free(c->driver.kernel);
        free(c->driver.initrd);
        free(c->driver.cmdline);
        free(c->driver.opts);
        free(c->lb.listen);
        free(c->lb.token);
        free(c->lb.nginx_binary);
        free(c->lb.health_path);
        for (size_t i = 0; i < c->parent.n_warmup_urls; i++)
                free(c->parent.warmup_urls[i]);
        free(c->parent.warmup_urls);
        for (size_t i = 0; i < c->policy.n_schedule; i++)
                free(c->policy.schedule[i].cron);
        free(c->policy.schedule);
        free(c);
}

/* ---- entry points ----------------------------------------------------------------------- */
static char *dir_of(const char *name)
{
        char *copy = strdup(name), *slash, *real;

        if (!copy)
                return NULL;
        slash = strrchr(copy, '/');
        if (!slash) {
                free(copy);
                copy = strdup(".");
        } else if (slash == copy) {
                slash[1] = 0;
        } else {
                *slash = 0;
        }
        if (!copy)
                return NULL;
        real = realpath(copy, NULL);
        if (real) {
                free(copy);
                return real;
        }
        return copy;
}

/* File order reads best; checks across fields run last, so sort (stable: same place keeps
 * the order found). */
static void sort_diags(struct pol_diags *d, size_t from)
{
        for (size_t i = from + 1; i < d->n; i++) {
                struct pol_diag x = d->v[i];
                size_t j = i;
                while (j > from && (d->v[j - 1].line > x.line ||
                                    (d->v[j - 1].line == x.line && d->v[j - 1].col > x.col))) {
                        d->v[j] = d->v[j - 1];
                        j--;
                }
                d->v[j] = x;
        }
}

/* libyaml's scanner does work proportional to the flow depth for every token, so a megabyte
 * of "[[[[..." takes many minutes. Refuse deep flow nesting before parsing. The count ignores
 * quoting (brackets inside strings count too): over-counting can only reject a file with
 * dozens of unbalanced brackets in its strings, under-counting never happens. */
static bool flow_too_deep(const char *buf, size_t len, int limit, int *line, int *col)
{
        int depth = 0, l = 1, c = 1;

        for (size_t i = 0; i < len; i++, c++) {
                switch (buf[i]) {
                case '\n':
                        l++;
                        c = 0;
                        break;
                case '[':
                case '{':
                        if (++depth > limit) {
                                *line = l;
                                *col = c;
                                return true;
                        }
                        break;
                case ']':
                case '}':
                        if (depth > 0)
                                depth--;
                        break;
                }
        }
        return false;
}

static void syntax_error(struct ctx *c, yaml_parser_t *ps)
{
        const char *problem = ps->problem ? ps->problem : "unknown YAML error";

        if (ps->error == YAML_MEMORY_ERROR) {
                diag_at(c, 0, 0, NULL, "out of memory while parsing");
                return;
        }
        if (ps->context)
                diag_at(c, (int)ps->problem_mark.line + 1, (int)ps->problem_mark.column + 1, NULL,
                        "YAML syntax error: %s (%s at line %d, column %d)", problem, ps->context,
                        (int)ps->context_mark.line + 1, (int)ps->context_mark.column + 1);
        else
                diag_at(c, (int)ps->problem_mark.line + 1, (int)ps->problem_mark.column + 1, NULL,
                        "YAML syntax error: %s", problem);
}

int pol_config_load_string(const char *name, const char *yaml, size_t len,
                           struct pol_config **ret, struct pol_diags *diags)
{
        struct ctx c = { .file = name ? name : "-", .diags = diags };
        size_t first_diag = diags ? diags->n : 0;
        yaml_parser_t parser;
        yaml_document_t doc, extra;
        bool parser_ok = false, doc_ok = false;
        yaml_node_t *root;
        int r;

        c.cfg = calloc(1, sizeof(*c.cfg));
        if (!c.cfg)
                return -ENOMEM;
        r = -ENOMEM;
        if (config_defaults(c.cfg) < 0 || set_str(&c.cfg->path, c.file) < 0)
                goto out;
        c.base_dir = dir_of(c.file);
        if (len > POL_MAX_FILE_BYTES) {
                diag_at(&c, 0, 0, NULL, "larger than %u bytes: not a snowscale config", POL_MAX_FILE_BYTES);
                r = -EFBIG;
                goto out;
        }
        {
                int dl, dc;
                if (flow_too_deep(yaml, len, POL_MAX_FLOW_DEPTH, &dl, &dc)) {
                        diag_at(&c, dl, dc, NULL, "brackets nested deeper than %d levels: not a snowscale config",
                                POL_MAX_FLOW_DEPTH);
                        r = -EINVAL;
                        goto out;
                }
        }
        if (!yaml_parser_initialize(&parser))
                goto out;
        parser_ok = true;
        yaml_parser_set_input_string(&parser, (const unsigned char *)yaml, len);
        if (!yaml_parser_load(&parser, &doc)) {
                syntax_error(&c, &parser);
                r = -EINVAL;
                goto out;
        }
        doc_ok = true;
        c.doc = &doc;
        root = yaml_document_get_root_node(&doc);
        /* a second document would be silently ignored: say so instead */
        if (root) {
                if (!yaml_parser_load(&parser, &extra)) {
                        syntax_error(&c, &parser);
                } else {
                        yaml_node_t *x = yaml_document_get_root_node(&extra);
                        if (x)
                                diag(&c, x, NULL, "a second YAML document: the config is one document");
                        yaml_document_delete(&extra);
                }
        }
        if (root && !is_null(root) && root->type != YAML_MAPPING_NODE) {
                char gbuf[160];
                diag(&c, root, NULL, "the config must be a mapping (pool:, policy:, ...), got %s", GOT(root));
        } else {
                walk_map(&c, root_fields, c.cfg, root, "");
                /* a preset's defaults under the keys the file wrote (docs/policies.md) */
                pol_preset_apply(&c.cfg->policy, c.cfg->policy.algorithm, preset_given, &c);
                check_config(&c, root);
        }
        if (c.errors) {
                r = -EINVAL;
                goto out;
        }
        r = config_derived(c.cfg);
        if (r < 0)
                goto out;
        *ret = c.cfg;
        c.cfg = NULL;
        r = 0;
out:
        if (r == -ENOMEM && c.errors == 0)
                diag_at(&c, 0, 0, NULL, "out of memory");
        if (diags)
                sort_diags(diags, first_diag);
        if (doc_ok)
                yaml_document_delete(&doc);
        if (parser_ok)
                yaml_parser_delete(&parser);
        for (size_t i = 0; i < c.n_seen; i++)
                free(c.seen[i].path);
        free(c.seen);
        free(c.base_dir);
        pol_config_free(c.cfg);
        return r;
}

int pol_config_load(const char *path, struct pol_config **ret, struct pol_diags *diags)
{
        char *buf = NULL;
        size_t len = 0;
        struct stat st;
        int r;

        if (stat(path, &st) < 0)
                r = -errno;
        else if (!S_ISREG(st.st_mode))
                r = -EBADF;             /* opening a FIFO would block: refuse before open() */
        else
                r = ss_read_file(path, POL_MAX_FILE_BYTES, &buf, &len);
        if (r < 0) {
                struct ctx c = { .file = path, .diags = diags };
                if (r == -EFBIG)
                        diag_at(&c, 0, 0, NULL, "larger than %u bytes: not a snowscale config",
                                POL_MAX_FILE_BYTES);
                else if (r == -EBADF)
                        diag_at(&c, 0, 0, NULL, "not a regular file");
                else
                        diag_at(&c, 0, 0, NULL, "cannot read: %s", strerror(-r));
                return r;
        }
        r = pol_config_load_string(path, buf, len, ret, diags);
        free(buf);
        return r;
}
