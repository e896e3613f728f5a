/* The agent's HTTP API (docs/api.md, section snowscale-lb), on libmicrohttpd without threads:
 * MHD's epoll fd sits in the agent's poll set and MHD_run() is called from the loop, so handlers
 * run on the loop thread and touch agent state directly. */
#include "lb.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ss_util.h"

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

char *lb_json_error(const char *fmt, ...)
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
                status = lb_agent_api_health(api->a, &json);
        } else if (strcmp(url, "/v1/backends") == 0 && get) {
                status = lb_agent_api_list(api->a, &json);
        } else if (strcmp(url, "/v1/reloads") == 0 && get) {
                status = lb_agent_api_reloads(api->a, &json);
        } else if (strcmp(url, "/v1/stats") == 0 && get) {
                status = lb_agent_api_stats(api->a, &json);
        } else if (strcmp(url, "/v1/backends") == 0 && post) {
                if (!authorized(api, c)) {
                        status = 401;
                        json = lb_json_error("missing or invalid bearer token");
                } else if (rq->too_big) {
                        status = 413;
                        json = lb_json_error("request body larger than %d bytes", BODY_MAX);
                } else {
                        status = lb_agent_api_add(api->a, rq->body ? rq->body : "", rq->len, &json);
                }
        } else if (strncmp(url, "/v1/backends/", 13) == 0 && (get || del)) {
                id = url + 13;
                if (del && !authorized(api, c)) {
                        status = 401;
                        json = lb_json_error("missing or invalid bearer token");
                } else if (get) {
                        status = lb_agent_api_get(api->a, id, &json);
                } else {
                        status = lb_agent_api_remove(api->a, id,
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
        *ret = api;
        return 0;
}

int lb_api_fd(const struct lb_api *api)
{
        const union MHD_DaemonInfo *i = MHD_get_daemon_info(api->d, MHD_DAEMON_INFO_EPOLL_FD);
        return i ? i->epoll_fd : -1;
}

int64_t lb_api_timeout_ms(const struct lb_api *api)
{
        MHD_UNSIGNED_LONG_LONG t;

        if (MHD_get_timeout(api->d, &t) != MHD_YES)
                return -1;
        return (int64_t)t;
}

void lb_api_run(struct lb_api *api) { MHD_run(api->d); }

int lb_api_set_token(struct lb_api *api, const char *token)
{
        char *auth = NULL;

        if (token && *token && asprintf(&auth, "Bearer %s", token) < 0)
                return -ENOMEM;
        free(api->auth);
        api->auth = auth;
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
