/* pol_config: load and validate snowscale.yaml with libyaml's document API.
 *
 * The file is composed into a libyaml document (every node keeps its start mark), then walked
 * against a table of known fields. Each problem becomes a diagnostic with file:line:col and the
 * field path; the walk never stops at the first one, so an operator fixes a file in one pass.
 * Nothing here prints. This file is the walk and the entry points; pol_load.h lists the rest. */
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

#include "pol_load.h"
#include "pol_preset.h"
#include "ss_util.h"

void pol_seen_add(struct pol_ctx *c, const char *path, yaml_node_t *key, yaml_node_t *val)
{
        if (c->n_seen == c->cap_seen) {
                size_t cap = c->cap_seen ? c->cap_seen * 2 : 64;
                struct pol_seen *v = realloc(c->seen, cap * sizeof(*v));
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

struct pol_seen *pol_seen_find(struct pol_ctx *c, const char *path)
{
        for (size_t i = 0; i < c->n_seen; i++)
                if (!strcmp(c->seen[i].path, path))
                        return &c->seen[i];
        return NULL;
}

yaml_node_t *pol_seen_val(struct pol_ctx *c, const char *path)
{
        struct pol_seen *s = pol_seen_find(c, path);
        return s ? s->val : NULL;
}

/* snprintf for field paths: a path cut at a few hundred bytes is still a fine pointer. */
void pol_path_fmt(char *buf, size_t len, const char *fmt, ...)
{
        va_list ap;

        va_start(ap, fmt);
        vsnprintf(buf, len, fmt, ap);
        va_end(ap);
}

void pol_child_path(char *buf, size_t len, const char *path, const char *key)
{
        if (path && *path)
                pol_path_fmt(buf, len, "%s.%s", path, key);
        else
                pol_path_fmt(buf, len, "%s", key);
}

static bool preset_given(const char *path, void *arg)
{
        return pol_seen_find(arg, path) != NULL;
}

void pol_walk_map(struct pol_ctx *c, const struct pol_field *tbl, void *base, yaml_node_t *map,
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

                if (!ks || has_nul(k)) {
                        diag(c, k, *path ? path : NULL, "keys must be plain names, got %s", GOT(k));
                        continue;
                }
                pol_child_path(cp, sizeof(cp), path, ks);
                for (i = 0; i < n_cands; i++)
                        if (!strcmp(cands[i], ks))
                                break;
                if (i == n_cands && !strcmp(ks, "<<")) {
                        /* YAML 1.1 merge keys are not core YAML and libyaml does not expand them */
                        diag(c, k, cp, "merge keys (<<) are not supported: write the keys out");
                        continue;
                }
                if (i == n_cands) {
                        best = pol_closest(ks, cands, n_cands);
                        const char *elsewhere = best ? NULL : pol_home_of(ks);
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
                        struct pol_seen *first = pol_seen_find(c, cp);
                        diag(c, k, cp, "given twice (first at line %d)",
                             first && first->key ? (int)first->key->start_mark.line + 1 : 0);
                        continue;
                }
                seen_bits |= 1ull << i;
                pol_seen_add(c, cp, k, v);
                if (has_nul(v)) {
                        diag(c, v, cp, "must not contain a NUL byte (\\0), got %s", GOT(v));
                        continue;
                }
                pol_set_field(c, &tbl[i], base, v, cp);
        }
required:
        for (size_t i = 0; i < n_cands; i++) {
                if (tbl[i].required && !(seen_bits >> i & 1)) {
                        pol_child_path(cp, sizeof(cp), path, tbl[i].key);
                        diag(c, map, cp, "is required but missing");
                }
        }
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

int pol_config_load_string(const char *name, const char *yaml, size_t len,
                           struct pol_config **ret, struct pol_diags *diags)
{
        struct pol_ctx c = { .file = name ? name : "-", .buf = yaml, .len = len, .diags = diags };
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
        if (pol_config_defaults(c.cfg) < 0 || pol_set_str(&c.cfg->path, c.file) < 0)
                goto out;
        c.base_dir = dir_of(c.file);
        if (len > POL_MAX_FILE_BYTES) {
                pol_diag_at(&c, 0, 0, NULL, "larger than %u bytes: not a snowscale config", POL_MAX_FILE_BYTES);
                r = -EFBIG;
                goto out;
        }
        {
                int dl, dc;
                if (flow_too_deep(yaml, len, POL_MAX_FLOW_DEPTH, &dl, &dc)) {
                        pol_diag_at(&c, dl, dc, NULL, "brackets nested deeper than %d levels: not a snowscale config",
                                POL_MAX_FLOW_DEPTH);
                        r = -EINVAL;
                        goto out;
                }
        }
        /* libyaml would decode UTF-16 after its byte order mark; the config is UTF-8 (and the
         * byte offsets of reader errors are positions only in UTF-8). Forcing the parser's
         * encoding instead would make it choke on a UTF-8 BOM. */
        if (len >= 2 && (((unsigned char)yaml[0] == 0xff && (unsigned char)yaml[1] == 0xfe) ||
                         ((unsigned char)yaml[0] == 0xfe && (unsigned char)yaml[1] == 0xff))) {
                pol_diag_at(&c, 1, 1, NULL, "UTF-16 text (byte order mark %02x %02x): the config must be UTF-8",
                            (unsigned char)yaml[0], (unsigned char)yaml[1]);
                r = -EINVAL;
                goto out;
        }
        if (!yaml_parser_initialize(&parser))
                goto out;
        parser_ok = true;
        yaml_parser_set_input_string(&parser, (const unsigned char *)yaml, len);
        if (!yaml_parser_load(&parser, &doc)) {
                pol_syntax_error(&c, &parser);
                r = -EINVAL;
                goto out;
        }
        doc_ok = true;
        c.doc = &doc;
        root = yaml_document_get_root_node(&doc);
        /* a second document would be silently ignored: say so instead */
        if (root) {
                if (!yaml_parser_load(&parser, &extra)) {
                        pol_syntax_error(&c, &parser);
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
                pol_walk_map(&c, pol_root_fields, c.cfg, root, "");
                /* a preset's defaults under the keys the file wrote (docs/policies.md) */
                pol_preset_apply(&c.cfg->policy, c.cfg->policy.algorithm, preset_given, &c);
                pol_check_config(&c, root);
        }
        if (c.errors) {
                r = -EINVAL;
                goto out;
        }
        r = pol_config_derived(c.cfg);
        if (r < 0)
                goto out;
        *ret = c.cfg;
        c.cfg = NULL;
        r = 0;
out:
        if (r == -ENOMEM && c.errors == 0)
                pol_diag_at(&c, 0, 0, NULL, "out of memory");
        if (diags)
                pol_sort_diags(diags, first_diag);
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
                struct pol_ctx c = { .file = path, .diags = diags };
                if (r == -EFBIG)
                        pol_diag_at(&c, 0, 0, NULL, "larger than %u bytes: not a snowscale config",
                                POL_MAX_FILE_BYTES);
                else if (r == -EBADF)
                        pol_diag_at(&c, 0, 0, NULL, "not a regular file");
                else
                        pol_diag_at(&c, 0, 0, NULL, "cannot read: %s", strerror(-r));
                return r;
        }
        r = pol_config_load_string(path, buf, len, ret, diags);
        free(buf);
        return r;
}
