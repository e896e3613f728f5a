/* hd_api: the HTTPS API of snowscale-hostd, for snowscaled only (docs/multihost.md):
 *   GET    /v1/inventory         what runs here: clones with state, address, fetch progress and,
 *                                 for a disk over NBD, disk_remote / disk_copied_pct
 *   POST   /v1/clones            {"id","generation","memserver","net":{...}[,"disk_uri","mcast"]}
 *                                 -> 202 (async); 400 with the reason (hd_req.c)
 *   DELETE /v1/clones/{id}       retire -> 202
 * TLS only (GnuTLS through libmicrohttpd) and only for a client whose certificate the cluster CA
 * signed: every request is judged before its body is read; a refusal is a 403 with the reason
 * and one log line here (repeats of the same refusal are summarised). */
#include <errno.h>
#include <netdb.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "hd.h"
#include "ss_log.h"
#include "ss_util.h"

#define HD_MAX_BODY     8192
#define HD_REFUSE_LOG_EVERY_US  (10ull * 1000000)

struct hd_api {
        struct MHD_Daemon *d;
        struct hd_clones *clones;
        char local[64];                 /* --listen's address: where this host joins mcdist groups */
        pthread_mutex_t lock;
        char last_refusal[1024];
        uint64_t last_refusal_us;
        unsigned refusals_quiet;
};

struct req {
        char body[HD_MAX_BODY + 1];
        size_t len;
        bool too_big, checked;
};

static enum MHD_Result reply_json(struct MHD_Connection *conn, unsigned status, struct json_object *o)
{
        const char *s = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN);
        struct MHD_Response *resp = MHD_create_response_from_buffer(strlen(s), (void *)s, MHD_RESPMEM_MUST_COPY);
        enum MHD_Result r;

        MHD_add_response_header(resp, "Content-Type", "application/json");
        r = MHD_queue_response(conn, status, resp);
        MHD_destroy_response(resp);
        json_object_put(o);
        return r;
}

static enum MHD_Result reply_error(struct MHD_Connection *conn, unsigned status, const char *reason)
{
        struct json_object *o = json_object_new_object();

        json_object_object_add(o, "error", json_object_new_string(reason));
        return reply_json(conn, status, o);
}

static void peer_text(struct MHD_Connection *conn, char *buf, size_t len)
{
        const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
        char host[64] = "?", serv[16] = "?";

        if (ci && ci->client_addr)
                getnameinfo(ci->client_addr, ci->client_addr->sa_family == AF_INET6 ?
                            sizeof(struct sockaddr_in6) : sizeof(struct sockaddr_in),
                            host, sizeof(host), serv, sizeof(serv), NI_NUMERICHOST | NI_NUMERICSERV);
        snprintf(buf, len, "%s:%s", host, serv);
}

/* One log line per distinct refusal; the same one again within HD_REFUSE_LOG_EVERY_US is only
 * counted (a wrong client retries every second). */
static void log_refusal(struct hd_api *a, const char *peer, const char *who, const char *why)
{
        char key[1024];
        uint64_t now = ss_wall_us();
        unsigned quiet = 0;
        bool say;

        snprintf(key, sizeof(key), "%s|%s", who, why);
        pthread_mutex_lock(&a->lock);
        say = strcmp(key, a->last_refusal) || now - a->last_refusal_us > HD_REFUSE_LOG_EVERY_US;
        if (say) {
                quiet = a->refusals_quiet;
                a->refusals_quiet = 0;
                snprintf(a->last_refusal, sizeof(a->last_refusal), "%s", key);
                a->last_refusal_us = now;
        } else {
                a->refusals_quiet++;
        }
        pthread_mutex_unlock(&a->lock);
        if (say)
                log_warn("hostd: refused %s (subject %s): %s%s", peer, who, why,
                         quiet ? " (and the same refusal since, not logged)" : "");
}

static enum MHD_Result handler(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
                               const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
        struct hd_api *a = cls;
        struct req *q = *con_cls;
        char who[256], why[CC_REASON_MAX], peer[96];

        (void)version;
        if (!q) {
                q = calloc(1, sizeof(*q));
                if (!q)
                        return MHD_NO;
                *con_cls = q;
                if (hd_tls_check_peer(conn, who, sizeof(who), why, sizeof(why)) < 0) {
                        peer_text(conn, peer, sizeof(peer));
                        log_refusal(a, peer, who, why);
                        return reply_error(conn, MHD_HTTP_FORBIDDEN, why);
                }
                q->checked = true;
                return MHD_YES;
        }
        if (*upload_size) {
                if (q->len + *upload_size > HD_MAX_BODY)
                        q->too_big = true;
                else
                        memcpy(q->body + q->len, upload, *upload_size);
                q->len += *upload_size;
                *upload_size = 0;
                return MHD_YES;
        }
        if (!q->checked)
                return MHD_NO;          /* refused above; the 403 is queued */
        if (q->too_big)
                return reply_error(conn, MHD_HTTP_CONTENT_TOO_LARGE, "body larger than 8 KiB");
        q->body[q->len] = 0;

        if (!strcmp(url, "/v1/inventory")) {
                if (strcmp(method, "GET"))
                        return reply_error(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "GET only");
                return reply_json(conn, MHD_HTTP_OK, hd_clones_inventory(a->clones));
        }
        if (!strcmp(url, "/v1/clones")) {
                struct hd_clone_req req;
                int r;

                if (strcmp(method, "POST"))
                        return reply_error(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "POST only");
                if (hd_clone_req_parse(q->body, a->local, &req, why, sizeof(why)) < 0)
                        return reply_error(conn, MHD_HTTP_BAD_REQUEST, why);
                r = hd_clones_start(a->clones, &req, why, sizeof(why));
                if (r == -EEXIST)
                        return reply_error(conn, MHD_HTTP_CONFLICT, why);
                if (r < 0) {
                        log_warn("hostd: clone %s of generation %llu: %s", req.id,
                                 (unsigned long long)req.generation, why);
                        return reply_error(conn, r == -ENOSPC ? MHD_HTTP_SERVICE_UNAVAILABLE :
                                           MHD_HTTP_BAD_GATEWAY, why);
                }
                log_info("hostd: clone %s of generation %llu starting (%s on %s, memory from %s%s%s%s%s)", req.id,
                         (unsigned long long)req.generation, req.net.ipv4, req.net.bridge, req.memserver,
                         req.mcast[0] ? " and mcdist " : "", req.mcast, req.disk_uri[0] ? ", disk from " : "",
                         req.disk_uri);
                struct json_object *o = json_object_new_object();
                json_object_object_add(o, "id", json_object_new_string(req.id));
                return reply_json(conn, MHD_HTTP_ACCEPTED, o);
        }
        if (!strncmp(url, "/v1/clones/", 11) && url[11]) {
                const char *id = url + 11;
                if (strcmp(method, "DELETE"))
                        return reply_error(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "DELETE only");
                if (hd_clones_retire(a->clones, id) < 0)
                        return reply_error(conn, MHD_HTTP_NOT_FOUND, "no such live clone here");
                log_info("hostd: clone %s: retiring", id);
                struct json_object *o = json_object_new_object();
                json_object_object_add(o, "id", json_object_new_string(id));
                return reply_json(conn, MHD_HTTP_ACCEPTED, o);
        }
        return reply_error(conn, MHD_HTTP_NOT_FOUND, "no such endpoint");
}

static void request_done(void *cls, struct MHD_Connection *conn, void **con_cls, enum MHD_RequestTerminationCode t)
{
        (void)cls;
        (void)conn;
        (void)t;
        free(*con_cls);
        *con_cls = NULL;
}

static void mhd_log(void *cls, const char *fmt, va_list ap)
{
        char buf[512];

        (void)cls;
        vsnprintf(buf, sizeof(buf), fmt, ap);
        buf[strcspn(buf, "\n")] = 0;
        log_debug("hostd: libmicrohttpd: %s", buf);
}

int hd_api_start(const char *listen, const struct hd_tls *tls, struct hd_clones *clones,
                 struct hd_api **ret, char *why, size_t why_len)
{
        struct addrinfo hints = { .ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM, .ai_flags = AI_NUMERICHOST };
        struct addrinfo *ai = NULL;
        char host[256], port_s[16];
        unsigned port;
        struct hd_api *a;

        if (MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES) {
                snprintf(why, why_len, "this libmicrohttpd has no TLS support (GnuTLS)");
                return -ENOTSUP;
        }
        if (ss_split_hostport(listen, host, sizeof(host), &port) < 0) {
                snprintf(why, why_len, "--listen must be HOST:PORT, got \"%s\"", listen);
                return -EINVAL;
        }
        snprintf(port_s, sizeof(port_s), "%u", port);
        if (getaddrinfo(host, port_s, &hints, &ai) != 0) {
                snprintf(why, why_len, "--listen: \"%s\" is not a numeric address", host);
                return -EINVAL;
        }
        a = calloc(1, sizeof(*a));
        if (!a) {
                freeaddrinfo(ai);
                return -ENOMEM;
        }
        pthread_mutex_init(&a->lock, NULL);
        a->clones = clones;
        snprintf(a->local, sizeof(a->local), "%.63s", host);
        a->d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION | MHD_USE_TLS |
                                MHD_USE_ERROR_LOG | (ai->ai_family == AF_INET6 ? MHD_USE_IPv6 : 0),
                                (uint16_t)port, NULL, NULL, handler, a,
                                MHD_OPTION_EXTERNAL_LOGGER, mhd_log, a,
                                MHD_OPTION_SOCK_ADDR, ai->ai_addr,
                                MHD_OPTION_HTTPS_MEM_KEY, tls->key,
                                MHD_OPTION_HTTPS_MEM_CERT, tls->cert,
                                MHD_OPTION_HTTPS_MEM_TRUST, tls->ca,     /* asks clients for a cert */
                                MHD_OPTION_CONNECTION_LIMIT, 64u,
                                MHD_OPTION_CONNECTION_TIMEOUT, 30u,
                                MHD_OPTION_NOTIFY_COMPLETED, request_done, a,
                                MHD_OPTION_END);
        freeaddrinfo(ai);
        if (!a->d) {
                snprintf(why, why_len, "cannot serve TLS on %s (address in use, or the key/certificate "
                         "do not load: run with log level debug for libmicrohttpd's reason)", listen);
                pthread_mutex_destroy(&a->lock);
                free(a);
                return -EADDRINUSE;
        }
        *ret = a;
        return 0;
}

void hd_api_stop(struct hd_api *a)
{
        if (!a)
                return;
        MHD_stop_daemon(a->d);
        pthread_mutex_destroy(&a->lock);
        free(a);
}
