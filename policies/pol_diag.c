/* pol_diag: the loader's diagnostics: FILE:LINE:COL: FIELD.PATH: MESSAGE, the "got ..." quoting of
 * what the user wrote, typo suggestions, file order. */
#include <errno.h>
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

void pol_diag_at(struct pol_ctx *c, int line, int col, const char *path, const char *fmt, ...)
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

/* What the user wrote, for "got ..." in messages: quoted and escaped scalars, kinds otherwise. */
const char *pol_got(const yaml_node_t *n, char *buf, size_t len)
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
        for (i = 0; i < n->data.scalar.length && o + 8 < len; i++) {
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
const char *pol_closest(const char *word, const char *const *cands, size_t n)
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

/* File order reads best; checks across fields run last, so sort (stable: same place keeps
 * the order found). */
void pol_sort_diags(struct pol_diags *d, size_t from)
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

/* Line and column (1-based, columns in characters as libyaml counts them) of a byte offset. */
static void offset_to_mark(const char *buf, size_t len, size_t off, int *line, int *col)
{
        int l = 1, c = 1;

        for (size_t i = 0; i < off && i < len; i++) {
                if (buf[i] == '\n') {
                        l++;
                        c = 1;
                } else if (((unsigned char)buf[i] & 0xc0) != 0x80) {
                        c++;            /* a UTF-8 continuation byte is part of the last character */
                }
        }
        *line = l;
        *col = c;
}

void pol_syntax_error(struct pol_ctx *c, yaml_parser_t *ps)
{
        const char *problem = ps->problem ? ps->problem : "unknown YAML error";

        if (ps->error == YAML_MEMORY_ERROR) {
                pol_diag_at(c, 0, 0, NULL, "out of memory while parsing");
                return;
        }
        /* The reader (bad UTF-8, a NUL or another control byte) leaves problem_mark at 0:0 and
         * gives the byte offset instead: turn it into the line and column of that byte. */
        if (ps->error == YAML_READER_ERROR) {
                int line, col;
                offset_to_mark(c->buf, c->len, ps->problem_offset, &line, &col);
                /* problem_value is the octet, a code point ("invalid Unicode character") or -1 */
                if (ps->problem_value == 0 && !strcmp(problem, "control characters are not allowed"))
                        pol_diag_at(c, line, col, NULL, "a NUL byte: the config must be UTF-8 text");
                else if (!strncmp(problem, "control characters", 18) && ps->problem_value > 0)
                        pol_diag_at(c, line, col, NULL, "control character U+%04X: the config must be text",
                                    (unsigned)ps->problem_value);
                else if (!strcmp(problem, "invalid Unicode character") && ps->problem_value >= 0)
                        pol_diag_at(c, line, col, NULL, "not UTF-8 text: %s U+%04X", problem,
                                    (unsigned)ps->problem_value);
                else if (strstr(problem, "octet") && ps->problem_value >= 0 && ps->problem_value <= 0xff)
                        pol_diag_at(c, line, col, NULL, "not UTF-8 text: %s (byte 0x%02x)", problem,
                                    (unsigned)ps->problem_value);
                else
                        pol_diag_at(c, line, col, NULL, "not UTF-8 text: %s", problem);
                return;
        }
        if (ps->context)
                pol_diag_at(c, (int)ps->problem_mark.line + 1, (int)ps->problem_mark.column + 1, NULL,
                        "YAML syntax error: %s (%s at line %d, column %d)", problem, ps->context,
                        (int)ps->context_mark.line + 1, (int)ps->context_mark.column + 1);
        else
                pol_diag_at(c, (int)ps->problem_mark.line + 1, (int)ps->problem_mark.column + 1, NULL,
                        "YAML syntax error: %s", problem);
}
