/* The agent's HTTP API (docs/api.md, section snowscale-lb), on libmicrohttpd without threads:
 * MHD's epoll fd sits in the agent's poll set (wired with lb_agent_set_io()) and MHD_run() is
 * called from the loop, so handlers run on the loop thread and read and change agent state
 * directly through the agent's helpers. */
#include "lb_api.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <json-c/json.h>

#include "ss_log.h"
#include "ss_util.h"
#include "lb_agent.h"
#include "lb_peers.h"
#include "lb_reload.h"

#define BODY_MAX (64 * 1024)

struct lb_api {
        struct MHD_Daemon *d;
        struct lb_agent *a;
        char *auth;                     /* "Bearer TOKEN" or NULL */
};

struct req {
        char *body;
        size_t len;
        bool too_big;
};

/* JSON error body {"error": msg}. */
static char *lb_json_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *lb_json_error(const char *fmt, ...)
{
        char msg[1024], *out;
        size_t n, o = 0;
        va_list ap;

        va_start(ap, fmt);
        vsnprintf(msg, sizeof(msg), fmt, ap);
        va_end(ap);
        n = strlen(msg);
        out = malloc(n * 6 + 16);
        if (!out)
                return NULL;
        o += (size_t)sprintf(out, "{\"error\":\"");
        for (size_t i = 0; i < n; i++) {
                unsigned char c = (unsigned char)msg[i];
                if (c == '"' || c == '\\')
                        o += (size_t)sprintf(out + o, "\\%c", c);
                else if (c < 0x20)
                        o += (size_t)sprintf(out + o, "\\u%04x", c);
                else
                        out[o++] = (char)c;
        }
        strcpy(out + o, "\"}");
        return out;
}

/* ---- handlers: each returns an HTTP status and a JSON body (malloc'd) ----------------- */

static json_object *be_json(struct be *b)
{
        json_object *o = json_object_new_object();

        json_object_object_add(o, "id", json_object_new_string(b->rec.id));
        json_object_object_add(o, "address", json_object_new_string(b->rec.address));
        json_object_object_add(o, "state", json_object_new_string(lb_state_name(b->rec.state)));
        json_object_object_add(o, "since_us", json_object_new_int64((int64_t)b->rec.since_us));
        json_object_object_add(o, "created_us", json_object_new_int64((int64_t)b->rec.created_us));
        json_object_object_add(o, "reason", b->rec.reason[0] ?
                               json_object_new_string(b->rec.reason) : NULL);
        json_object_object_add(o, "in_nginx", json_object_new_boolean(b->in_nginx));
        if (b->peer[0] && strcmp(b->peer, b->rec.address) != 0)
                json_object_object_add(o, "peer", json_object_new_string(b->peer));
        /* nginx's own view (last read from its shared dict): requests in flight to it now,
         * and whether the balancer skips it after failures. */
        if (b->in_nginx || b->rec.state == LB_DRAINING) {
                json_object_object_add(o, "inflight", b->inflight >= 0 ?
                                       json_object_new_int64(b->inflight) : NULL);
                json_object_object_add(o, "ejected", json_object_new_boolean(b->ejected));
        }
        json_object_object_add(o, "health_checks", json_object_new_int(b->checks));
        json_object_object_add(o, "requests", json_object_new_int64((int64_t)b->requests));
        json_object_object_add(o, "last_seen_us", json_object_new_int64((int64_t)b->last_seen_us));
        json_object_object_add(o, "last_ok_us", json_object_new_int64((int64_t)b->last_ok_us));
        if (b->rec.state == LB_DRAINING || b->rec.state == LB_DRAINED)
                json_object_object_add(o, "drain_timeout_ms",
                                       json_object_new_int64((int64_t)b->rec.drain_timeout_ms));
        return o;
}

static char *dump(json_object *o)
{
        char *s = strdup(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
                                                           JSON_C_TO_STRING_NOSLASHESCAPE));
        json_object_put(o);
        return s;
}

static int api_health(struct lb_agent *a, char **ret)
{
        static const char *const names[] = { "stopped", "starting", "running" };
        json_object *o = json_object_new_object();

        json_object_object_add(o, "ok", json_object_new_boolean(a->ngx_state == NGX_RUNNING));
        json_object_object_add(o, "nginx", json_object_new_string(names[a->ngx_state]));
        json_object_object_add(o, "nginx_pid", json_object_new_int(lb_nginx_pid(a->ngx)));
        json_object_object_add(o, "generation", json_object_new_int64((int64_t)a->generation));
        if (a->ngx_error[0])
                json_object_object_add(o, "error", json_object_new_string(a->ngx_error));
        *ret = dump(o);
        return a->ngx_state == NGX_RUNNING ? 200 : 503;
}

static int api_list(struct lb_agent *a, char **ret)
{
        json_object *o = json_object_new_object(), *arr = json_object_new_array();

        for (size_t i = 0; i < a->n_bes; i++)
                json_object_array_add(arr, be_json(a->bes[i]));
        json_object_object_add(o, "backends", arr);
        /* What nginx holds: the set version it last confirmed and its member count. */
        json_object_object_add(o, "set_version", json_object_new_int64((int64_t)a->ngx_version));
        json_object_object_add(o, "nginx_members", json_object_new_int64((int64_t)a->ngx_peers));
        json_object_object_add(o, "lost", json_object_new_int64((int64_t)a->lost_total));
        *ret = dump(o);
        return 200;
}

static int api_get(struct lb_agent *a, const char *id, char **ret)
{
        struct be *b = lb_be_find(a, id);

        if (!b) {
                *ret = lb_json_error("no backend with id '%s'", id);
                return 404;
        }
        *ret = dump(be_json(b));
        return 200;
}

static int api_add(struct lb_agent *a, const char *body, size_t len, char **ret)
{
        json_object *o = NULL, *v;
        struct json_tokener *tok = json_tokener_new();
        const char *id = NULL, *addr = NULL;
        struct be *b, *other;
        int status;

        if (tok)
                o = json_tokener_parse_ex(tok, body, (int)len);
        if (!o || json_tokener_get_error(tok) != json_tokener_success ||
            !json_object_is_type(o, json_type_object)) {
                *ret = lb_json_error("body must be a JSON object {\"id\":..., \"address\":\"host:port\"}");
                status = 400;
                goto out;
        }
        if (json_object_object_get_ex(o, "id", &v) && json_object_is_type(v, json_type_string))
                id = json_object_get_string(v);
        if (json_object_object_get_ex(o, "address", &v) && json_object_is_type(v, json_type_string))
                addr = json_object_get_string(v);
        if (!id || !lb_id_valid(id)) {
                *ret = lb_json_error("\"id\" must be a string of 1-63 characters [A-Za-z0-9._-]");
                status = 400;
                goto out;
        }
        if (!addr || !lb_address_valid(addr)) {
                *ret = lb_json_error("\"address\" must be \"host:port\" (IPv4, [IPv6] or a hostname; port 1-65535)");
                status = 400;
                goto out;
        }
        b = lb_be_find(a, id);
        other = lb_be_find_addr(a, addr);
        if (other && other != b) {
                *ret = lb_json_error("address %s is already registered as backend '%s' (%s)", addr,
                                     other->rec.id, lb_state_name(other->rec.state));
                status = 409;
                goto out;
        }
        if (b && (b->rec.state == LB_CHECKING || b->rec.state == LB_ACTIVE)) {
                if (strcmp(b->rec.address, addr) != 0) {
                        *ret = lb_json_error("backend '%s' is registered with address %s; remove it first",
                                             id, b->rec.address);
                        status = 409;
                        goto out;
                }
                *ret = dump(be_json(b));        /* the same add again: nothing to do */
                status = 200;
                goto out;
        }
        if (b && b->rec.state == LB_DRAINING) {
                *ret = lb_json_error("backend '%s' is draining; add it again once it is drained", id);
                status = 409;
                goto out;
        }
        if (!b) {
                if (a->n_bes >= LB_MAX_BACKENDS) {
                        lb_agent_prune(a, UINT64_MAX / 2);
                        if (a->n_bes >= LB_MAX_BACKENDS) {
                                *ret = lb_json_error("too many backends (limit %d)", LB_MAX_BACKENDS);
                                status = 503;
                                goto out;
                        }
                }
                b = calloc(1, sizeof(*b));
                if (!b) {
                        *ret = lb_json_error("out of memory");
                        status = 500;
                        goto out;
                }
                snprintf(b->rec.id, sizeof(b->rec.id), "%s", id);
                a->bes[a->n_bes++] = b;
        }
        /* new, or a drained/unhealthy one registered again: start over */
        snprintf(b->rec.address, sizeof(b->rec.address), "%s", addr);
        b->rec.created_us = ss_wall_us();
        b->rec.drain_timeout_ms = 0;
        b->want = false;
        b->checks = 0;
        b->next_check_ns = 0;
        b->drain_reload = 0;
        b->drain_sync = 0;
        b->drain_confirm_ns = 0;
        b->inflight = -1;
        b->ejected = false;
        b->peer[0] = 0;
        b->requests = 0;
        b->rec.state = LB_CHECKING;
        lb_be_set_state(a, b, LB_CHECKING, NULL);
        log_info("backend %s (%s) registered; health-checking GET http://%s%s", id, addr, addr,
                 a->o.health_path);
        lb_agent_save(a);
        *ret = dump(be_json(b));
        status = 202;
out:
        json_object_put(o);
        if (tok)
                json_tokener_free(tok);
        return status;
}

static int api_remove(struct lb_agent *a, const char *id, const char *timeout, char **ret)
{
        struct be *b = lb_be_find(a, id);
        uint64_t ms = a->o.drain_timeout_ms;

        if (timeout) {
                char *end;
                unsigned long long v;
                errno = 0;
                v = strtoull(timeout, &end, 10);
                if (errno || *end || end == timeout || v > 3600000ull || timeout[0] == '-') {
                        *ret = lb_json_error("drain_timeout_ms must be an integer 0..3600000");
                        return 400;
                }
                ms = v;
        }
        if (!b) {
                *ret = lb_json_error("no backend with id '%s'", id);
                return 404;
        }
        if (b->rec.state == LB_DRAINING || b->rec.state == LB_DRAINED) {
                *ret = dump(be_json(b));        /* already being retired: idempotent */
                return 200;
        }
        b->rec.drain_timeout_ms = ms;
        b->drain_start_ns = ss_mono_ns();
        b->drain_deadline_ns = b->drain_start_ns + ms * MS;
        b->want = false;
        if (b->check) {
                curl_multi_remove_handle(a->multi, b->check);
                curl_easy_cleanup(b->check);
                b->check = NULL;
        }
        if (b->in_nginx || b->in_job || b->in_sync) {
                lb_be_set_state(a, b, LB_DRAINING, "waiting for nginx to take it out of its set");
                lb_peers_schedule(a);
        } else {
                lb_be_set_state(a, b, LB_DRAINED, "removed before nginx had it");
        }
        lb_agent_save(a);
        *ret = dump(be_json(b));
        return 202;
}

static json_object *ms_json(double ms)
{
        char buf[32];
        snprintf(buf, sizeof(buf), "%.3f", ms);
        return json_object_new_double_s(ms, buf);
}

static int api_reloads(struct lb_agent *a, char **ret)
{
        json_object *o = json_object_new_object(), *arr = json_object_new_array();
        uint64_t first = a->n_reloads > MAX_RELOAD_RECORDS ? a->n_reloads - MAX_RELOAD_RECORDS + 1 : 1;

        for (uint64_t id = first; id <= a->n_reloads; id++) {
                struct reload_rec *r = lb_reload_record(a, id);
                json_object *x = json_object_new_object();
                json_object_object_add(x, "id", json_object_new_int64((int64_t)r->id));
                json_object_object_add(x, "ts_us", json_object_new_int64((int64_t)r->ts_us));
                json_object_object_add(x, "generation", json_object_new_int64((int64_t)r->generation));
                json_object_object_add(x, "result", json_object_new_string(r->result));
                json_object_object_add(x, "duration_ms", ms_json(r->total_ms));
                json_object_object_add(x, "test_ms", ms_json(r->test_ms));
                json_object_object_add(x, "apply_ms", ms_json(r->apply_ms));
                json_object_object_add(x, "waited_ms", ms_json(r->waited_ms));
                json_object_object_add(x, "added", json_object_new_string(r->added));
                json_object_object_add(x, "removed", json_object_new_string(r->removed));
                json_object_object_add(x, "old_workers_alive", json_object_new_int64((int64_t)r->alive));
                json_object_object_add(x, "error", r->error[0] ? json_object_new_string(r->error) : NULL);
                json_object_array_add(arr, x);
        }
        json_object_object_add(o, "reloads", arr);
        json_object_object_add(o, "failures", json_object_new_int64((int64_t)a->reload_failures));
        *ret = dump(o);
        return 200;
}

static int api_stats(struct lb_agent *a, char **ret)
{
        json_object *o = json_object_new_object();

#define U(k, v) json_object_object_add(o, k, json_object_new_int64((int64_t)(v)))
        U("log_lines", a->lines);
        U("samples", a->samples);
        U("garbage_lines", a->garbage);
        U("foreign_lines", a->foreign);
        U("buffered", lb_ring_len(a->ring));
        U("buffer_capacity", a->o.buffer_samples);
        U("dropped", lb_ring_dropped(a->ring));
        U("shipped", a->shipped);
        U("ship_batches", a->ship_batches);
        U("ship_failures", a->ship_failures);
        U("rejected_by_scaler", a->rejected);
        U("discarded", a->discarded);
        U("reloads", a->n_reloads);
        U("reload_failures", a->reload_failures);
        U("generation", a->generation);
        U("set_version", a->ngx_version);
        U("set_writes", a->syncs);
        U("set_write_failures", a->sync_failures);
        /* Samples that never reached the ring (nginx's list full) or left it unshipped
         * (overwritten); "lost_unshipped" is not yet told snowscaled. */
        U("lost", a->lost_total);
        U("lost_unshipped", a->lost_pending);
        U("lost_shipped", a->lost_shipped);
#undef U
        json_object_object_add(o, "scaler_url", a->samples_url ?
                               json_object_new_string(a->samples_url) : NULL);
        json_object_object_add(o, "scaler_last_status", json_object_new_int(a->scaler_status));
        json_object_object_add(o, "scaler_takes_lost", json_object_new_boolean(!a->lost_unsupported));
        *ret = dump(o);
        return 200;
}

/* ---- setup ---------------------------------------------------------------------------------- */

/* ---- the server ---------------------------------------------------------------------------- */

static enum MHD_Result reply(struct MHD_Connection *c, int status, char *json)
{
        struct MHD_Response *resp;
        enum MHD_Result r;

        if (!json) {
                static const char oom[] = "{\"error\":\"out of memory\"}";
                resp = MHD_create_response_from_buffer(sizeof(oom) - 1, (void *)oom,
                                                       MHD_RESPMEM_PERSISTENT);
                status = 500;
        } else {
                size_t n = strlen(json);
                char *body = realloc(json, n + 2);
                if (body)
                        json = body, strcpy(json + n, "\n"), n++;
                resp = MHD_create_response_from_buffer(n, json, MHD_RESPMEM_MUST_FREE);
        }
        if (!resp)
                return MHD_NO;
        MHD_add_response_header(resp, "Content-Type", "application/json");
        MHD_add_response_header(resp, "Cache-Control", "no-store");
        r = MHD_queue_response(c, (unsigned)status, resp);
        MHD_destroy_response(resp);
        return r;
}

static bool authorized(struct lb_api *api, struct MHD_Connection *c)
{
        const char *h;
        size_t a, b;
        unsigned char diff = 0;

        if (!api->auth)
                return true;
        h = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Authorization");
        if (!h)
                return false;
        a = strlen(h);
        b = strlen(api->auth);
        /* Compare without an early exit: timing must not reveal a prefix of the token. */
        for (size_t i = 0; i < b; i++)
                diff |= (unsigned char)(api->auth[i] ^ (i < a ? h[i] : 0));
        return diff == 0 && a == b;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url,
                              const char *method, const char *version, const char *upload,
                              size_t *upload_size, void **con_cls)
{
        struct lb_api *api = cls;
        struct req *rq = *con_cls;
        char *json = NULL;
        const char *id;
        int status;

        if (!rq) {
                rq = calloc(1, sizeof(*rq));
                if (!rq)
                        return MHD_NO;
                *con_cls = rq;
                return MHD_YES;
        }
        if (*upload_size) {
                if (rq->len + *upload_size > BODY_MAX) {
                        rq->too_big = true;
                } else {
                        char *p = realloc(rq->body, rq->len + *upload_size + 1);
                        if (!p)
                                return MHD_NO;
                        rq->body = p;
                        memcpy(rq->body + rq->len, upload, *upload_size);
                        rq->len += *upload_size;
                        rq->body[rq->len] = 0;
                }
                *upload_size = 0;
                return MHD_YES;
        }

        bool get = strcmp(method, "GET") == 0, post = strcmp(method, "POST") == 0,
             del = strcmp(method, "DELETE") == 0;
        if (strcmp(url, "/healthz") == 0 && get) {
                status = api_health(api->a, &json);
        } else if (strcmp(url, "/v1/backends") == 0 && get) {
                status = api_list(api->a, &json);
        } else if (strcmp(url, "/v1/reloads") == 0 && get) {
                status = api_reloads(api->a, &json);
        } else if (strcmp(url, "/v1/stats") == 0 && get) {
                status = api_stats(api->a, &json);
        } else if (strcmp(url, "/v1/backends") == 0 && post) {
                if (!authorized(api, c)) {
                        status = 401;
                        json = lb_json_error("missing or invalid bearer token");
                } else if (rq->too_big) {
                        status = 413;
                        json = lb_json_error("request body larger than %d bytes", BODY_MAX);
                } else {
                        status = api_add(api->a, rq->body ? rq->body : "", rq->len, &json);
                }
        } else if (strncmp(url, "/v1/backends/", 13) == 0 && (get || del)) {
                id = url + 13;
                if (del && !authorized(api, c)) {
                        status = 401;
                        json = lb_json_error("missing or invalid bearer token");
                } else if (get) {
                        status = api_get(api->a, id, &json);
                } else {
                        status = api_remove(api->a, id,
                                        MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND,
                                                                    "drain_timeout_ms"), &json);
                }
        } else if (strcmp(url, "/healthz") == 0 || strncmp(url, "/v1/", 4) == 0) {
                status = 405;
                json = lb_json_error("method %s not allowed on %s", method, url);
        } else {
                status = 404;
                json = lb_json_error("no such endpoint: %s", url);
        }
        return reply(c, status, json);
}

static void completed(void *cls, struct MHD_Connection *c, void **con_cls,
                      enum MHD_RequestTerminationCode toe)
{
        struct req *rq = *con_cls;

        if (rq) {
                free(rq->body);
                free(rq);
                *con_cls = NULL;
        }
}

static int api_fd(void *cls)
{
        struct lb_api *api = cls;
        const union MHD_DaemonInfo *i = MHD_get_daemon_info(api->d, MHD_DAEMON_INFO_EPOLL_FD);
        return i ? i->epoll_fd : -1;
}

static int64_t api_timeout_ms(void *cls)
{
        struct lb_api *api = cls;
        MHD_UNSIGNED_LONG_LONG t;

        if (MHD_get_timeout(api->d, &t) != MHD_YES)
                return -1;
        return (int64_t)t;
}

static void api_run(void *cls)
{
        struct lb_api *api = cls;
        MHD_run(api->d);
}

static int api_set_token(void *cls, const char *token)
{
        struct lb_api *api = cls;
        char *auth = NULL;

        if (token && *token && asprintf(&auth, "Bearer %s", token) < 0)
                return -ENOMEM;
        free(api->auth);
        api->auth = auth;
        return 0;
}

int lb_api_start(struct lb_agent *a, const char *listen, const char *token, struct lb_api **ret)
{
        struct sockaddr_in sin = { .sin_family = AF_INET };
        char host[64];
        unsigned port;
        struct lb_api *api;
        int r;

        r = ss_split_hostport(listen, host, sizeof(host), &port);
        if (r < 0)
                return r;
        if (inet_pton(AF_INET, host, &sin.sin_addr) != 1)
                return -EINVAL;
        sin.sin_port = htons((uint16_t)port);
        api = calloc(1, sizeof(*api));
        if (!api)
                return -ENOMEM;
        api->a = a;
        if (token && *token) {
                if (asprintf(&api->auth, "Bearer %s", token) < 0) {
                        free(api);
                        return -ENOMEM;
                }
        }
        api->d = MHD_start_daemon(MHD_USE_EPOLL, (uint16_t)port, NULL, NULL, handle, api,
                                  MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sin,
                                  MHD_OPTION_NOTIFY_COMPLETED, completed, api,
                                  MHD_OPTION_CONNECTION_LIMIT, (unsigned)256,
                                  MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
                                  MHD_OPTION_END);
        if (!api->d) {
                free(api->auth);
                free(api);
                return -EADDRINUSE;
        }
        lb_agent_set_io(a, &(struct lb_io){ .fd = api_fd, .timeout_ms = api_timeout_ms,
                                            .run = api_run, .set_token = api_set_token, .cls = api });
        *ret = api;
        return 0;
}

void lb_api_stop(struct lb_api *api)
{
        if (!api)
                return;
        MHD_stop_daemon(api->d);
        free(api->auth);
        free(api);
}
