/* pol_load: what the snowscale.yaml loader's modules share (internal to policies/).
 *
 *   pol_config.c  the walk: libyaml document -> field table, entry points
 *   pol_schema.c  the field table, defaults, pol_config_free
 *   pol_values.c  one field's value: parse, range-check, store
 *   pol_check.c   checks that need several fields (targets, min <= max, distinct listens)
 *   pol_diag.c    diagnostics: FILE:LINE:COL: PATH: MESSAGE, suggestions, ordering
 *   pol_disk.c    driver.disk: a qcow2/raw image (qemu-img info) with no backing file elsewhere */
#ifndef POL_LOAD_H
#define POL_LOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include <yaml.h>

#include "pol_internal.h"

/* How a field's value is read (pol_set_field) and where it lands. */
enum pol_ftype {
        F_STR, F_NAME, F_PATH, F_CMD, F_LISTEN, F_URLPATH, F_INT, F_STEP, F_BOOL, F_DUR,
        F_SIZE, F_SIZE_T, F_PCT, F_RATE, F_ENUM, F_MAP, F_URLLIST, F_SCHEDULE, F_CRON,
        F_TOKENFILE, F_DEFER, F_HOSTS,
};

struct pol_enum_name {
        const char *name;
        int value;
};

/* One row of the field table (pol_schema.c): key, kind, offset into the struct it fills, limits. */
struct pol_field {
        const char *key;
        enum pol_ftype type;
        size_t off;
        long long min, max;             /* F_INT; F_DUR/F_SIZE in µs/bytes */
        double dmin, dmax;              /* F_PCT, as fractions */
        const struct pol_enum_name *names;  /* F_ENUM, NULL-terminated */
        const struct pol_field *sub;        /* F_MAP, {NULL}-terminated */
        bool required;
};

/* A key the walk has met, by its full field path: for "given twice" and cross-field checks. */
struct pol_seen {
        char *path;
        yaml_node_t *key, *val;
};

struct pol_ctx {
        const char *file;
        const char *buf;                /* the file's bytes, for positions libyaml gives as offsets */
        size_t len;
        yaml_document_t *doc;
        struct pol_diags *diags;
        int errors;
        char *base_dir;                 /* relative paths in the file are resolved against it */
        struct pol_seen *seen;
        size_t n_seen, cap_seen;
        struct pol_config *cfg;
};

extern const struct pol_field pol_root_fields[], pol_schedule_fields[], pol_metric_item_fields[],
        pol_host_fields[];

/* pol_diag.c: one diagnostic (counted even past POL_MAX_DIAGS); libyaml's 0-based marks made
 * 1-based, like every compiler's. */
void pol_diag_at(struct pol_ctx *c, int line, int col, const char *path, const char *fmt, ...)
        __attribute__((format(printf, 5, 6)));
#define diag(c, node, path, ...) \
        pol_diag_at((c), (node) ? (int)(node)->start_mark.line + 1 : 0, \
                    (node) ? (int)(node)->start_mark.column + 1 : 0, (path), __VA_ARGS__)
/* What the user wrote, for "got ..." in messages: quoted and escaped scalars, kinds otherwise. */
const char *pol_got(const yaml_node_t *n, char *buf, size_t len);
#define GOT(n) pol_got((n), gbuf, sizeof(gbuf))
const char *pol_closest(const char *word, const char *const *cands, size_t n);
void pol_sort_diags(struct pol_diags *d, size_t from);
void pol_syntax_error(struct pol_ctx *c, yaml_parser_t *ps);

/* pol_schema.c */
const char *pol_home_of(const char *key);
int pol_config_defaults(struct pol_config *c);
int pol_config_derived(struct pol_config *c);

/* pol_values.c */
int pol_set_str(char **dst, const char *v);
char *pol_resolve_path(struct pol_ctx *c, const char *v);
void pol_set_field(struct pol_ctx *c, const struct pol_field *f, void *base, yaml_node_t *v,
                   const char *path);

/* pol_config.c */
void pol_walk_map(struct pol_ctx *c, const struct pol_field *tbl, void *base, yaml_node_t *map,
                  const char *path);
void pol_seen_add(struct pol_ctx *c, const char *path, yaml_node_t *key, yaml_node_t *val);
struct pol_seen *pol_seen_find(struct pol_ctx *c, const char *path);
yaml_node_t *pol_seen_val(struct pol_ctx *c, const char *path);
void pol_path_fmt(char *buf, size_t len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void pol_child_path(char *buf, size_t len, const char *path, const char *key);

/* pol_disk.c: 0 when image is a qcow2/raw disk whose backing files stay in its directory, else
 * -errno and the reason in msg */
int pol_disk_check(const char *image, char *msg, size_t len);
/* The xen driver's: a readable raw image of whole 512-byte sectors (qcow2 refused with how to
 * convert it); no qemu-img needed. */
int pol_disk_check_raw(const char *image, char *msg, size_t len);

/* pol_hosts.c: hosts: (a list) read into cfg->hosts; cluster.* and hosts[] checked together */
void pol_set_hosts(struct pol_ctx *c, yaml_node_t *v, const char *path);
void pol_check_hosts(struct pol_ctx *c);

/* pol_check.c */
void pol_check_config(struct pol_ctx *c, yaml_node_t *root);

static inline yaml_node_t *node_of(struct pol_ctx *c, int id)
{
        return yaml_document_get_node(c->doc, id);
}

static inline const char *scalar(const yaml_node_t *n)
{
        return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

/* A plain empty, ~ or null scalar: the key is there with no value. */
static inline bool is_null(const yaml_node_t *n)
{
        const char *s = scalar(n);

        if (!s || n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
                return false;
        return !*s || !strcmp(s, "~") || !strcmp(s, "null") || !strcmp(s, "Null") || !strcmp(s, "NULL");
}

/* A scalar with a NUL inside ("a\\0b"): C strings would end at the NUL and silently keep "a". */
static inline bool has_nul(const yaml_node_t *n)
{
        return scalar(n) && strlen(scalar(n)) != n->data.scalar.length;
}

#define SEC 1000000LL
#define MS 1000LL

#endif
