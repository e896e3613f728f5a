/* state.json: the registrations, so a restarted agent rebuilds the same upstream set.
 *
 * {"format":"snowscale-lb-state","version":1,"generation":N,"backends":[{...}]}
 * Written whole and atomically (temp + fsync + rename) after every change. A file that does not
 * parse is never overwritten: the agent refuses to start and names it. */
#include "lb.h"

#include <errno.h>
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "ss_util.h"

#define STATE_FORMAT   "snowscale-lb-state"
#define STATE_VERSION  1
#define STATE_MAX_SIZE (4u << 20)

static const char *const state_names[] = {
        [LB_CHECKING] = "checking", [LB_ACTIVE] = "active", [LB_UNHEALTHY] = "unhealthy",
        [LB_DRAINING] = "draining", [LB_DRAINED] = "drained",
};

const char *lb_state_name(enum lb_state s)
{
        return (unsigned)s < SS_ARRAY_SIZE(state_names) ? state_names[s] : "?";
}

int lb_state_parse(const char *s, enum lb_state *ret)
{
        for (size_t i = 0; i < SS_ARRAY_SIZE(state_names); i++)
                if (strcmp(s, state_names[i]) == 0) {
                        *ret = (enum lb_state)i;
                        return 0;
                }
        return -EINVAL;
}

int lb_state_save(const char *path, uint64_t generation, const struct lb_backend *v, size_t n)
{
        json_object *root = json_object_new_object(), *arr = json_object_new_array();
        const char *text;
        int r;

        if (!root || !arr) {
                json_object_put(root);
                json_object_put(arr);
                return -ENOMEM;
        }
        json_object_object_add(root, "format", json_object_new_string(STATE_FORMAT));
        json_object_object_add(root, "version", json_object_new_int(STATE_VERSION));
        json_object_object_add(root, "generation", json_object_new_int64((int64_t)generation));
        json_object_object_add(root, "backends", arr);
        for (size_t i = 0; i < n; i++) {
                json_object *o = json_object_new_object();
                if (!o) {
                        r = -ENOMEM;
                        goto out;
                }
                json_object_array_add(arr, o);
                json_object_object_add(o, "id", json_object_new_string(v[i].id));
                json_object_object_add(o, "address", json_object_new_string(v[i].address));
                json_object_object_add(o, "state", json_object_new_string(lb_state_name(v[i].state)));
                json_object_object_add(o, "created_us", json_object_new_int64((int64_t)v[i].created_us));
                json_object_object_add(o, "since_us", json_object_new_int64((int64_t)v[i].since_us));
                json_object_object_add(o, "drain_timeout_ms",
                                       json_object_new_int64((int64_t)v[i].drain_timeout_ms));
                json_object_object_add(o, "reason", json_object_new_string(v[i].reason));
        }
        text = json_object_to_json_string_ext(root, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE);
        if (!text) {
                r = -ENOMEM;
                goto out;
        }
        r = ss_write_file_atomic(path, text, strlen(text), 0600);
out:
        json_object_put(root);
        return r;
}

static int get_str(json_object *o, const char *key, char *dst, size_t len, bool required)
{
        json_object *v;
        const char *s;

        if (!json_object_object_get_ex(o, key, &v)) {
                dst[0] = 0;
                return required ? -EINVAL : 0;
        }
        if (!json_object_is_type(v, json_type_string))
                return -EINVAL;
        s = json_object_get_string(v);
        if (strlen(s) >= len)
                return -EINVAL;
        strcpy(dst, s);
        return 0;
}

static int get_u64(json_object *o, const char *key, uint64_t *ret)
{
        json_object *v;
        int64_t x;

        if (!json_object_object_get_ex(o, key, &v)) {
                *ret = 0;
                return 0;
        }
        if (!json_object_is_type(v, json_type_int))
                return -EINVAL;
        x = json_object_get_int64(v);
        if (x < 0)
                return -EINVAL;
        *ret = (uint64_t)x;
        return 0;
}

int lb_state_load(const char *path, uint64_t *ret_generation, struct lb_backend **ret, size_t *ret_n)
{
        struct json_tokener *tok = NULL;
        json_object *root = NULL, *v, *arr;
        struct lb_backend *bs = NULL;
        char *text = NULL, st[32];
        size_t len, n = 0;
        uint64_t gen = 0;
        int r;

        r = ss_read_file(path, STATE_MAX_SIZE, &text, &len);
        if (r < 0)
                return r == -EFBIG ? -EINVAL : r;
        tok = json_tokener_new();
        if (!tok) {
                r = -ENOMEM;
                goto out;
        }
        root = json_tokener_parse_ex(tok, text, (int)len);
        if (!root || json_tokener_get_error(tok) != json_tokener_success ||
            !json_object_is_type(root, json_type_object)) {
                r = -EINVAL;
                goto out;
        }
        if (!json_object_object_get_ex(root, "format", &v) ||
            strcmp(json_object_get_string(v), STATE_FORMAT) != 0 ||
            !json_object_object_get_ex(root, "version", &v) ||
            json_object_get_int(v) != STATE_VERSION ||
            !json_object_object_get_ex(root, "backends", &arr) ||
            !json_object_is_type(arr, json_type_array) ||
            json_object_array_length(arr) > LB_MAX_BACKENDS) {
                r = -EINVAL;
                goto out;
        }
        r = get_u64(root, "generation", &gen);
        if (r < 0)
                goto out;
        n = json_object_array_length(arr);
        bs = calloc(n ? n : 1, sizeof(*bs));
        if (!bs) {
                r = -ENOMEM;
                goto out;
        }
        for (size_t i = 0; i < n; i++) {
                json_object *o = json_object_array_get_idx(arr, i);
                struct lb_backend *b = &bs[i];

                if (!json_object_is_type(o, json_type_object) ||
                    get_str(o, "id", b->id, sizeof(b->id), true) < 0 || !lb_id_valid(b->id) ||
                    get_str(o, "address", b->address, sizeof(b->address), true) < 0 ||
                    !lb_address_valid(b->address) ||
                    get_str(o, "state", st, sizeof(st), true) < 0 ||
                    lb_state_parse(st, &b->state) < 0 ||
                    get_str(o, "reason", b->reason, sizeof(b->reason), false) < 0 ||
                    get_u64(o, "created_us", &b->created_us) < 0 ||
                    get_u64(o, "since_us", &b->since_us) < 0 ||
                    get_u64(o, "drain_timeout_ms", &b->drain_timeout_ms) < 0) {
                        r = -EINVAL;
                        goto out;
                }
                for (size_t j = 0; j < i; j++)
                        if (strcmp(bs[j].id, b->id) == 0) {
                                r = -EINVAL;
                                goto out;
                        }
        }
        *ret = bs;
        *ret_n = n;
        *ret_generation = gen;
        bs = NULL;
        r = 0;
out:
        free(bs);
        json_object_put(root);
        if (tok)
                json_tokener_free(tok);
        free(text);
        return r;
}
