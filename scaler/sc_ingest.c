/* sc_ingest: the wire formats of a sample batch (POST /api/v1/samples), text and JSON, parsed
 * into struct sc_sample arrays for sc_monitor_ingest(). Declared in sc_monitor.h. */
#include "sc_monitor.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

/* A signed decimal integer, saturating (an absurd value is rejected later, not a syntax error). */
static bool parse_int(const char *p, size_t n, int64_t *ret)
{
        bool neg = false;
        uint64_t v = 0;
        size_t i = 0;
        if (n && p[0] == '-') {
                neg = true;
                i = 1;
        }
        if (i == n)
                return false;
        for (; i < n; i++) {
                if (p[i] < '0' || p[i] > '9')
                        return false;
                uint64_t d = (uint64_t)(p[i] - '0');
                v = v > ((uint64_t)INT64_MAX - d) / 10 ? (uint64_t)INT64_MAX : v * 10 + d;
        }
        *ret = neg ? -(int64_t)v : (int64_t)v;
        return true;
}

int sc_monitor_parse_text(const char *buf, size_t len, size_t max_samples,
                          struct sc_sample **ret, size_t *n, char *err, size_t errlen)
{
        struct sc_sample *v = NULL;
        size_t cnt = 0, cap = 0, line = 0;
        const char *p = buf, *end = buf + len;
        int r = 0;

        while (p < end) {
                const char *eol = memchr(p, '\n', (size_t)(end - p));
                if (!eol)
                        eol = end;
                line++;
                const char *q = p, *le = eol;
                if (le > q && le[-1] == '\r')
                        le--;
                const char *f[5];
                size_t fl[5];
                int nf = 0;
                while (q < le) {
                        while (q < le && (*q == ' ' || *q == '\t'))
                                q++;
                        if (q == le)
                                break;
                        const char *s = q;
                        while (q < le && *q != ' ' && *q != '\t')
                                q++;
                        if (nf == 5)
                                break;
                        f[nf] = s;
                        fl[nf] = (size_t)(q - s);
                        nf++;
                }
                p = eol + 1;
                if (nf == 0)
                        continue;
                if (nf != 4) {
                        snprintf(err, errlen, "line %zu: expected \"TS_US BACKEND LATENCY_US STATUS\" "
                                 "(4 fields), got %s%d", line, nf > 4 ? "more than " : "", nf > 4 ? 4 : nf);
                        r = -EINVAL;
                        goto out;
                }
                struct sc_sample s = { .backend = f[1], .backend_len = fl[1] };
                int64_t st;
                if (!parse_int(f[0], fl[0], &s.ts_us) || !parse_int(f[2], fl[2], &s.latency_us) ||
                    !parse_int(f[3], fl[3], &st)) {
                        snprintf(err, errlen, "line %zu: TS_US, LATENCY_US and STATUS must be integers",
                                 line);
                        r = -EINVAL;
                        goto out;
                }
                s.status = st > INT_MAX ? INT_MAX : st < INT_MIN ? INT_MIN : (int)st;
                if (cnt == max_samples) {
                        snprintf(err, errlen, "more than %zu samples in one request", max_samples);
                        r = -E2BIG;
                        goto out;
                }
                if (cnt == cap) {
                        size_t ncap = cap ? cap * 2 : 256;
                        if (ncap > max_samples)
                                ncap = max_samples;
                        struct sc_sample *nv = realloc(v, ncap * sizeof(*v));
                        if (!nv) {
                                r = -ENOMEM;
                                goto out;
                        }
                        v = nv;
                        cap = ncap;
                }
                v[cnt++] = s;
        }
        *ret = v;
        *n = cnt;
        v = NULL;
out:
        free(v);
        return r;
}

static const char *jtype(json_object *o)
{
        return o ? json_type_to_name(json_object_get_type(o)) : "null";
}

int sc_monitor_parse_json(const char *buf, size_t len, size_t max_samples,
                          struct sc_sample **ret, size_t *n, char *err, size_t errlen)
{
        json_tokener *tok = NULL;
        json_object *root = NULL, *arr = NULL;
        struct sc_sample *v = NULL;
        size_t cnt = 0, strbytes = 0;
        int r = -EINVAL;

        if (len > INT_MAX) {
                snprintf(err, errlen, "body too large");
                return -E2BIG;
        }
        tok = json_tokener_new_ex(8);   /* samples need depth 3; deeper is not a sample batch */
        if (!tok)
                return -ENOMEM;
        root = json_tokener_parse_ex(tok, buf, (int)len);
        if (!root || json_tokener_get_error(tok) != json_tokener_success) {
                snprintf(err, errlen, "malformed JSON at offset %zu: %s", json_tokener_get_parse_end(tok),
                         json_tokener_error_desc(json_tokener_get_error(tok)));
                goto out;
        }
        for (size_t i = json_tokener_get_parse_end(tok); i < len; i++)
                if (buf[i] != ' ' && buf[i] != '\n' && buf[i] != '\r' && buf[i] != '\t') {
                        snprintf(err, errlen, "trailing data after the JSON object at offset %zu", i);
                        goto out;
                }
        if (!json_object_is_type(root, json_type_object)) {
                snprintf(err, errlen, "expected a JSON object {\"samples\":[…]}, got %s", jtype(root));
                goto out;
        }
        json_object_object_foreach(root, key, val) {
                if (strcmp(key, "lost") == 0 || strcmp(key, "front") == 0)
                        continue;       /* the collector's counters: sc_api.c takes them */
                if (strcmp(key, "samples") != 0) {
                        snprintf(err, errlen, "unknown field \"%.40s\" (expected \"samples\", \"lost\" "
                                 "and \"front\")", key);
                        goto out;
                }
                arr = val;
        }
        if (!arr || !json_object_is_type(arr, json_type_array)) {
                snprintf(err, errlen, "\"samples\" must be an array, got %s", arr ? jtype(arr) : "nothing");
                goto out;
        }
        size_t total = json_object_array_length(arr);
        if (total > max_samples) {
                snprintf(err, errlen, "more than %zu samples in one request", max_samples);
                r = -E2BIG;
                goto out;
        }
        /* First pass: validate shapes and size the string area. */
        for (size_t i = 0; i < total; i++) {
                json_object *o = json_object_array_get_idx(arr, i);
                bool have_b = false, have_l = false, have_s = false;
                if (!json_object_is_type(o, json_type_object)) {
                        snprintf(err, errlen, "samples[%zu]: expected an object, got %s", i, jtype(o));
                        goto out;
                }
                json_object_object_foreach(o, k, x) {
                        if (strcmp(k, "backend") == 0) {
                                if (!json_object_is_type(x, json_type_string)) {
                                        snprintf(err, errlen, "samples[%zu].backend: expected a string, "
                                                 "got %s", i, jtype(x));
                                        goto out;
                                }
                                strbytes += (size_t)json_object_get_string_len(x) + 1;
                                have_b = true;
                        } else if (strcmp(k, "latency_us") == 0 || strcmp(k, "status") == 0 ||
                                   strcmp(k, "ts_us") == 0) {
                                if (!json_object_is_type(x, json_type_int)) {
                                        snprintf(err, errlen, "samples[%zu].%s: expected an integer, "
                                                 "got %s", i, k, jtype(x));
                                        goto out;
                                }
                                have_l |= k[0] == 'l';
                                have_s |= k[0] == 's';
                        } else {
                                snprintf(err, errlen, "samples[%zu]: unknown field \"%.40s\"", i, k);
                                goto out;
                        }
                }
                if (!have_b || !have_l || !have_s) {
                        snprintf(err, errlen, "samples[%zu]: missing \"%s\"", i,
                                 !have_b ? "backend" : !have_l ? "latency_us" : "status");
                        goto out;
                }
        }
        v = malloc(total * sizeof(*v) + strbytes + 1);
        if (!v) {
                r = -ENOMEM;
                goto out;
        }
        char *sp = (char *)(v + total);
        for (size_t i = 0; i < total; i++) {
                json_object *o = json_object_array_get_idx(arr, i), *x;
                struct sc_sample *s = &v[i];
                memset(s, 0, sizeof(*s));
                json_object_object_get_ex(o, "backend", &x);
                s->backend_len = (size_t)json_object_get_string_len(x);
                memcpy(sp, json_object_get_string(x), s->backend_len + 1);
                s->backend = sp;
                sp += s->backend_len + 1;
                json_object_object_get_ex(o, "latency_us", &x);
                s->latency_us = json_object_get_int64(x);
                json_object_object_get_ex(o, "status", &x);
                int64_t st = json_object_get_int64(x);
                s->status = st > INT_MAX ? INT_MAX : st < INT_MIN ? INT_MIN : (int)st;
                if (json_object_object_get_ex(o, "ts_us", &x))
                        s->ts_us = json_object_get_int64(x);
        }
        cnt = total;
        *ret = v;
        *n = cnt;
        v = NULL;
        r = 0;
out:
        free(v);
        json_object_put(root);
        json_tokener_free(tok);
        return r;
}
