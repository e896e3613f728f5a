/* sc_actuator_lb: snowscale-lb client (see sc_actuator_lb.h). */
#include "sc_actuator_lb.h"

#include <curl/curl.h>
#include <errno.h>
#include <json-c/json.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Responses of the agent are small JSON documents; anything bigger is a lie. */
#define ALB_MAX_RESPONSE (1u << 20)
#define ALB_MAX_BACKENDS 4096

struct sc_alb {
        char base[128];                 /* "http://127.0.0.1:8901" */
        char auth[512];                 /* "Authorization: Bearer …", "" without token */
};

struct alb_buf {
        char *p;
        size_t n;
        bool too_big;
};

static void set_why(char *why, size_t whylen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void set_why(char *why, size_t whylen, const char *fmt, ...)
{
        va_list ap;

        if (!why || whylen == 0)
                return;
        va_start(ap, fmt);
        vsnprintf(why, whylen, fmt, ap);
        va_end(ap);
}

int sc_alb_new(const char *listen, const char *token, struct sc_alb **ret)
{
        struct sc_alb *l;

        if (!listen || !*listen)
                return -EINVAL;
        l = calloc(1, sizeof(*l));
        if (!l)
                return -ENOMEM;
        if (snprintf(l->base, sizeof(l->base), "http://%s", listen) >= (int)sizeof(l->base) ||
            (token && *token &&
             snprintf(l->auth, sizeof(l->auth), "Authorization: Bearer %s", token) >= (int)sizeof(l->auth))) {
                free(l);
                return -ENAMETOOLONG;
        }
        *ret = l;
        return 0;
}

void sc_alb_free(struct sc_alb *l)
{
        free(l);
}

static size_t alb_write(char *data, size_t size, size_t nmemb, void *userdata)
{
        struct alb_buf *b = userdata;
        size_t len = size * nmemb;
        char *np;

        if (b->n + len > ALB_MAX_RESPONSE) {
                b->too_big = true;
                return 0;               /* makes curl fail the transfer */
        }
        np = realloc(b->p, b->n + len + 1);
        if (!np)
                return 0;
        memcpy(np + b->n, data, len);
        b->n += len;
        np[b->n] = 0;
        b->p = np;
        return len;
}

/* One request. *status gets the HTTP status; *body (may be NULL) the response text. */
static int alb_request(struct sc_alb *l, const char *method, const char *path, const char *body,
                       long *status, char **ret_body, char *why, size_t whylen)
{
        struct alb_buf b = {0};
        struct curl_slist *hdrs = NULL;
        char url[512];
        CURL *c = NULL;
        CURLcode cr;
        int r;

        if (snprintf(url, sizeof(url), "%s%s", l->base, path) >= (int)sizeof(url))
                return -ENAMETOOLONG;
        c = curl_easy_init();
        if (!c)
                return -ENOMEM;
        if (l->auth[0])
                hdrs = curl_slist_append(hdrs, l->auth);
        if (body)
                hdrs = curl_slist_append(hdrs, "Content-Type: application/json");
        curl_easy_setopt(c, CURLOPT_URL, url);
        curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
        if (body)
                curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
        curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdrs);
        curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, alb_write);
        curl_easy_setopt(c, CURLOPT_WRITEDATA, &b);
        curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, 1000L);
        curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, 5000L);
        curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
        cr = curl_easy_perform(c);
        if (cr != CURLE_OK) {
                set_why(why, whylen, "snowscale-lb at %s: %s %s: %s", l->base, method, path,
                        b.too_big ? "response larger than 1 MiB" : curl_easy_strerror(cr));
                r = cr == CURLE_COULDNT_CONNECT ? -ECONNREFUSED : b.too_big ? -EMSGSIZE : -EIO;
                goto out;
        }
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, status);
        if (ret_body) {
                *ret_body = b.p;
                b.p = NULL;
        }
        r = 0;
out:
        curl_slist_free_all(hdrs);
        curl_easy_cleanup(c);
        free(b.p);
        return r;
}

/* The agent's {"error": "..."} or the status. */
static void alb_error(const char *method, const char *path, long status, const char *body,
                      char *why, size_t whylen)
{
        struct json_object *o = body ? json_tokener_parse(body) : NULL, *e;

        if (o && json_object_object_get_ex(o, "error", &e))
                set_why(why, whylen, "snowscale-lb: %s %s: %ld %s", method, path, status,
                        json_object_get_string(e));
        else
                set_why(why, whylen, "snowscale-lb: %s %s: HTTP %ld", method, path, status);
        json_object_put(o);
}

static int alb_check_id(const char *id)
{
        if (!id || !*id || strlen(id) >= 32)
                return -EINVAL;
        for (const char *p = id; *p; p++)
                if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
                      *p == '-' || *p == '_'))
                        return -EINVAL;
        return 0;
}

int sc_alb_add(struct sc_alb *l, const char *id, const char *address, char *why, size_t whylen)
{
        struct json_object *o = NULL;
        char *resp = NULL;
        long status = 0;
        int r;

        if (alb_check_id(id) < 0 || !address)
                return -EINVAL;
        o = json_object_new_object();
        if (!o)
                return -ENOMEM;
        json_object_object_add(o, "id", json_object_new_string(id));
        json_object_object_add(o, "address", json_object_new_string(address));
        r = alb_request(l, "POST", "/v1/backends", json_object_to_json_string(o), &status, &resp,
                        why, whylen);
        if (r < 0)
                goto out;
        if (status / 100 != 2) {
                alb_error("POST", "/v1/backends", status, resp, why, whylen);
                r = status == 409 ? -EEXIST : status == 401 ? -EACCES : -EPROTO;
        }
out:
        json_object_put(o);
        free(resp);
        return r;
}

static const char *alb_str(struct json_object *o, const char *key)
{
        struct json_object *v;

        if (!o || !json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_string))
                return NULL;
        return json_object_get_string(v);
}

int sc_alb_state(struct sc_alb *l, const char *id, char *state, size_t statelen, uint64_t *last_ok_us,
                 char *why, size_t whylen)
{
        struct json_object *o = NULL;
        char path[64], *resp = NULL;
        const char *s;
        long status = 0;
        int r;

        if (alb_check_id(id) < 0)
                return -EINVAL;
        snprintf(path, sizeof(path), "/v1/backends/%s", id);
        r = alb_request(l, "GET", path, NULL, &status, &resp, why, whylen);
        if (r < 0)
                goto out;
        if (status == 404) {
                set_why(why, whylen, "snowscale-lb does not know backend %s", id);
                r = -ENOENT;
                goto out;
        }
        if (status != 200) {
                alb_error("GET", path, status, resp, why, whylen);
                r = -EPROTO;
                goto out;
        }
        o = resp ? json_tokener_parse(resp) : NULL;
        s = alb_str(o, "state");
        if (!s) {
                set_why(why, whylen, "snowscale-lb: GET %s: answer has no \"state\"", path);
                r = -EBADMSG;
                goto out;
        }
        snprintf(state, statelen, "%s", s);
        if (last_ok_us) {
                struct json_object *v;
                *last_ok_us = json_object_object_get_ex(o, "last_ok_us", &v) && json_object_get_int64(v) > 0 ?
                              (uint64_t)json_object_get_int64(v) : 0;
        }
out:
        json_object_put(o);
        free(resp);
        return r;
}

int sc_alb_delete(struct sc_alb *l, const char *id, unsigned drain_timeout_ms, char *why,
                  size_t whylen)
{
        char path[96], *resp = NULL;
        long status = 0;
        int r;

        if (alb_check_id(id) < 0)
                return -EINVAL;
        snprintf(path, sizeof(path), "/v1/backends/%s?drain_timeout_ms=%u", id, drain_timeout_ms);
        r = alb_request(l, "DELETE", path, NULL, &status, &resp, why, whylen);
        if (r < 0)
                goto out;
        if (status == 404) {
                set_why(why, whylen, "snowscale-lb does not know backend %s", id);
                r = -ENOENT;
        } else if (status / 100 != 2) {
                alb_error("DELETE", path, status, resp, why, whylen);
                r = status == 401 ? -EACCES : -EPROTO;
        }
out:
        free(resp);
        return r;
}

int sc_alb_list(struct sc_alb *l, struct sc_alb_backend **ret, size_t *n, char *why, size_t whylen)
{
        struct json_object *o = NULL, *arr;
        struct sc_alb_backend *v = NULL;
        char *resp = NULL;
        long status = 0;
        size_t len, k = 0;
        int r;

        r = alb_request(l, "GET", "/v1/backends", NULL, &status, &resp, why, whylen);
        if (r < 0)
                goto out;
        if (status != 200) {
                alb_error("GET", "/v1/backends", status, resp, why, whylen);
                r = -EPROTO;
                goto out;
        }
        o = resp ? json_tokener_parse(resp) : NULL;
        if (!o || !json_object_object_get_ex(o, "backends", &arr) ||
            !json_object_is_type(arr, json_type_array)) {
                set_why(why, whylen, "snowscale-lb: GET /v1/backends: answer has no \"backends\" array");
                r = -EBADMSG;
                goto out;
        }
        len = json_object_array_length(arr);
        if (len > ALB_MAX_BACKENDS) {
                set_why(why, whylen, "snowscale-lb lists %zu backends, more than %d", len, ALB_MAX_BACKENDS);
                r = -E2BIG;
                goto out;
        }
        v = calloc(len ? len : 1, sizeof(*v));
        if (!v) {
                r = -ENOMEM;
                goto out;
        }
        for (size_t i = 0; i < len; i++) {
                struct json_object *b = json_object_array_get_idx(arr, i);
                const char *id = alb_str(b, "id"), *addr = alb_str(b, "address"), *st = alb_str(b, "state");

                if (!id)
                        continue;
                snprintf(v[k].id, sizeof(v[k].id), "%s", id);
                snprintf(v[k].address, sizeof(v[k].address), "%s", addr ? addr : "");
                snprintf(v[k].state, sizeof(v[k].state), "%s", st ? st : "");
                k++;
        }
        *ret = v;
        *n = k;
        v = NULL;
out:
        free(v);
        json_object_put(o);
        free(resp);
        return r;
}
