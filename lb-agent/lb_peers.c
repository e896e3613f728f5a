/* Membership without reloads: nginx's balancer (etc/nginx/snowscale_lb.lua) picks every peer
 * from a shared dict; the agent writes the whole desired set there as one versioned text
 * (POST /snowscale/peers on the control socket) and, first, into the peers file that nginx's
 * init_by_lua loads whenever a master starts or reloads, so a restarted nginx holds the set
 * before a worker accepts a connection. Adding or removing a backend is one write: no reload,
 * no new workers, no client connection closed.
 *
 * A removed backend gets no new requests from the moment nginx answers the write (the balancer
 * re-reads the set after counting a request in flight, so a request either is counted before
 * the write or sees the new set). Its drain ends when nginx's in-flight count for it, read
 * after that answer, is zero (or the drain timeout passes). nginx has no event for "count
 * reached zero", so while a drain waits the count is read every DRAIN_POLL_MS; otherwise every
 * VIEW_EVERY_MS, for GET /v1/backends. */
#include "lb_peers.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ss_log.h"
#include "ss_util.h"

#define DRAIN_POLL_MS   20
#define VIEW_EVERY_MS   1000
#define SYNC_RETRY_MIN  25
#define SYNC_RETRY_MAX  1000
#define VIEW_MAX        (1u << 20)

/* The balancer connects to numbers: a hostname is resolved once, when it joins the set. */
static int resolve(struct be *b)
{
        struct addrinfo hints = { .ai_socktype = SOCK_STREAM, .ai_flags = AI_NUMERICSERV }, *res;
        char host[LB_ADDR_MAX], ip[INET6_ADDRSTRLEN];
        unsigned port;
        int r;

        if (b->peer[0])
                return 0;
        if (lb_peer_valid(b->rec.address)) {
                snprintf(b->peer, sizeof(b->peer), "%s", b->rec.address);
                return 0;
        }
        r = ss_split_hostport(b->rec.address, host, sizeof(host), &port);
        if (r < 0)
                return r;
        if (getaddrinfo(host, NULL, &hints, &res) != 0)
                return -EHOSTUNREACH;
        if (res->ai_family == AF_INET)
                inet_ntop(AF_INET, &((struct sockaddr_in *)res->ai_addr)->sin_addr, ip, sizeof(ip));
        else
                inet_ntop(AF_INET6, &((struct sockaddr_in6 *)res->ai_addr)->sin6_addr, ip, sizeof(ip));
        snprintf(b->peer, sizeof(b->peer), res->ai_family == AF_INET ? "%s:%u" : "[%s]:%u", ip, port);
        freeaddrinfo(res);
        return 0;
}

static bool pending(struct lb_agent *a)
{
        for (size_t i = 0; i < a->n_bes; i++) {
                struct be *b = a->bes[i];
                if (!b->in_job && lb_be_desired(b) != b->in_nginx)
                        return true;
        }
        return false;
}

/* The desired set as a new version, written atomically to the peers file; *ret_text is it. */
static int render_and_write(struct lb_agent *a, bool mark, char **ret_text)
{
        const char *peers[LB_MAX_BACKENDS];
        size_t n = 0;
        char *text = NULL;
        int r;

        for (size_t i = 0; i < a->n_bes; i++) {
                struct be *b = a->bes[i];
                if (!lb_be_desired(b))
                        continue;
                r = resolve(b);
                if (r < 0) {
                        b->want = false;
                        lb_be_set_state(a, b, LB_UNHEALTHY, "cannot resolve %s for nginx's balancer",
                                        b->rec.address);
                        continue;
                }
                peers[n++] = b->peer;
        }
        r = lb_peers_render(a->set_version + 1, peers, n, &text);
        if (r < 0)
                return r;
        r = ss_write_file_atomic(a->peers_path, text, strlen(text), 0644);
        if (r < 0) {
                free(text);
                return r;
        }
        a->set_version++;
        for (size_t i = 0; mark && i < a->n_bes; i++) {
                struct be *b = a->bes[i];
                b->in_sync = !b->in_job && lb_be_desired(b) != b->in_nginx;
                b->sync_want = lb_be_desired(b);
        }
        *ret_text = text;
        return 0;
}

int lb_peers_write_file(struct lb_agent *a)
{
        char *text = NULL;
        int r = render_and_write(a, false, &text);

        free(text);
        return r;
}

static size_t sync_write(char *p, size_t size, size_t n, void *cls)
{
        struct lb_agent *a = cls;
        size_t len = size * n;

        if (a->sync_resp_len + len < sizeof(a->sync_resp)) {
                memcpy(a->sync_resp + a->sync_resp_len, p, len);
                a->sync_resp_len += len;
                a->sync_resp[a->sync_resp_len] = 0;
        }
        return len;
}

void lb_peers_schedule(struct lb_agent *a)
{
        uint64_t now = ss_mono_ns();
        CURL *c;
        int r;

        if (a->sync || a->ngx_state != NGX_RUNNING || !pending(a) || now < a->sync_next_ns)
                return;
        r = render_and_write(a, true, &a->sync_body);
        if (r < 0) {
                log_error("cannot write %s: %s; retrying", a->peers_path, strerror(-r));
                a->sync_next_ns = now + SYNC_RETRY_MAX * MS;
                return;
        }
        c = lb_ctl_easy(a, "/snowscale/peers");
        if (!c) {
                free(a->sync_body);
                a->sync_body = NULL;
                a->sync_next_ns = now + SYNC_RETRY_MIN * MS;
                return;
        }
        a->sync_version = a->set_version;
        a->sync_start_ns = now;
        a->sync_resp_len = 0;
        a->sync_resp[0] = 0;
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, a->sync_body);
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)strlen(a->sync_body));
        curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, sync_write);
        curl_easy_setopt(c, CURLOPT_WRITEDATA, a);
        curl_easy_setopt(c, CURLOPT_PRIVATE, "sync");
        a->sync = c;
        curl_multi_add_handle(a->multi, c);
}

void lb_peers_sync_done(struct lb_agent *a, CURLcode res)
{
        uint64_t now = ss_mono_ns();
        long code = 0;
        char want[32];

        curl_easy_getinfo(a->sync, CURLINFO_RESPONSE_CODE, &code);
        curl_multi_remove_handle(a->multi, a->sync);
        curl_easy_cleanup(a->sync);
        a->sync = NULL;
        free(a->sync_body);
        a->sync_body = NULL;
        snprintf(want, sizeof(want), "%" PRIu64 "\n", a->sync_version);
        if (res != CURLE_OK || code != 200 || strcmp(a->sync_resp, want) != 0) {
                a->sync_failures++;
                for (size_t i = 0; i < a->n_bes; i++)
                        a->bes[i]->in_sync = false;
                if (a->sync_retry_ms == 0)
                        log_warn("nginx did not take set version %" PRIu64 ": %s%s; retrying",
                                 a->sync_version, res != CURLE_OK ? curl_easy_strerror(res) :
                                 code != 200 ? "HTTP error " : "answered ",
                                 res != CURLE_OK ? "" : a->sync_resp);
                a->sync_retry_ms = a->sync_retry_ms ? a->sync_retry_ms * 2 : SYNC_RETRY_MIN;
                if (a->sync_retry_ms > SYNC_RETRY_MAX)
                        a->sync_retry_ms = SYNC_RETRY_MAX;
                a->sync_next_ns = now + a->sync_retry_ms * MS;
                return;
        }
        if (a->sync_retry_ms)
                log_info("nginx took set version %" PRIu64 " again", a->sync_version);
        a->sync_retry_ms = 0;
        a->syncs++;
        a->sync_ms_last = (double)(now - a->sync_start_ns) / 1e6;
        a->ngx_version = a->sync_version;
        for (size_t i = 0; i < a->n_bes; i++) {
                struct be *b = a->bes[i];
                if (!b->in_sync)
                        continue;
                b->in_sync = false;
                if (b->sync_want && !b->in_nginx) {
                        b->in_nginx = true;
                        log_info("backend %s (%s) in nginx's set (version %" PRIu64 ", %.1f ms)",
                                 b->rec.id, b->peer, a->sync_version, a->sync_ms_last);
                        if (b->rec.state == LB_CHECKING)
                                lb_be_set_state(a, b, LB_ACTIVE, NULL);
                } else if (!b->sync_want && b->in_nginx) {
                        b->in_nginx = false;
                        b->drain_sync = a->sync_version;
                        b->drain_confirm_ns = now;
                        b->inflight = -1;
                        if (b->rec.state == LB_DRAINING)
                                lb_be_set_state(a, b, LB_DRAINING, "removed from nginx's set "
                                                "(version %" PRIu64 "); waiting for its in-flight "
                                                "requests", a->sync_version);
                        a->view_next_ns = now;  /* read its count at once */
                }
        }
        lb_agent_save(a);
        lb_peers_schedule(a);
}

static bool drain_waiting(struct lb_agent *a)
{
        for (size_t i = 0; i < a->n_bes; i++) {
                struct be *b = a->bes[i];
                if (b->rec.state == LB_DRAINING && b->drain_sync && !b->in_nginx)
                        return true;
        }
        return false;
}

static size_t view_write(char *p, size_t size, size_t n, void *cls)
{
        struct lb_agent *a = cls;
        size_t len = size * n;
        char *q;

        if (a->view_len + len > VIEW_MAX)
                return 0;
        q = realloc(a->view_buf, a->view_len + len + 1);
        if (!q)
                return 0;
        a->view_buf = q;
        memcpy(a->view_buf + a->view_len, p, len);
        a->view_len += len;
        a->view_buf[a->view_len] = 0;
        return len;
}

void lb_peers_view(struct lb_agent *a)
{
        uint64_t now = ss_mono_ns();
        CURL *c;

        if (a->view || a->ngx_state != NGX_RUNNING || now < a->view_next_ns)
                return;
        a->view_next_ns = now + (drain_waiting(a) ? DRAIN_POLL_MS : VIEW_EVERY_MS) * MS;
        c = lb_ctl_easy(a, "/snowscale/peers");
        if (!c)
                return;
        a->view_len = 0;
        curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, view_write);
        curl_easy_setopt(c, CURLOPT_WRITEDATA, a);
        curl_easy_setopt(c, CURLOPT_PRIVATE, "view");
        a->view = c;
        a->view_start_ns = now;
        curl_multi_add_handle(a->multi, c);
}

static struct be *by_peer(struct lb_agent *a, const char *peer)
{
        for (size_t i = 0; i < a->n_bes; i++)
                if (a->bes[i]->peer[0] && strcmp(a->bes[i]->peer, peer) == 0 &&
                    a->bes[i]->rec.state != LB_DRAINED && a->bes[i]->rec.state != LB_UNHEALTHY)
                        return a->bes[i];
        return NULL;
}

/* "version V", "peer ADDR INFLIGHT EJECTED", "inflight ADDR N", "samples N", "lost N". */
void lb_peers_view_done(struct lb_agent *a, CURLcode res)
{
        long code = 0;
        char *save = NULL, *line;
        size_t peers = 0;

        curl_easy_getinfo(a->view, CURLINFO_RESPONSE_CODE, &code);
        curl_multi_remove_handle(a->multi, a->view);
        curl_easy_cleanup(a->view);
        a->view = NULL;
        if (res != CURLE_OK || code != 200 || !a->view_buf)
                return;
        /* An address without an "inflight" line has nothing in flight. */
        for (size_t i = 0; i < a->n_bes; i++)
                if (a->bes[i]->drain_confirm_ns <= a->view_start_ns) {
                        a->bes[i]->ejected = false;
                        a->bes[i]->inflight = 0;
                }
        for (line = strtok_r(a->view_buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
                char addr[LB_ADDR_MAX];
                long long n = 0;
                int ej = 0;
                unsigned long long v;
                struct be *b;

                if (sscanf(line, "version %llu", &v) == 1) {
                        a->ngx_version = v;
                } else if (sscanf(line, "peer %63s %lld %d", addr, &n, &ej) == 3) {
                        peers++;
                        if ((b = by_peer(a, addr)))
                                b->ejected = ej != 0;
                } else if (sscanf(line, "inflight %63s %lld", addr, &n) == 2) {
                        b = by_peer(a, addr);
                        /* Only a view started after nginx confirmed the removal counts for a
                         * drain. */
                        if (b && b->drain_confirm_ns <= a->view_start_ns)
                                b->inflight = n < 0 ? 0 : n;
                }
        }
        a->ngx_peers = peers;
}

uint64_t lb_peers_next_ns(struct lb_agent *a)
{
        uint64_t next = 0;

        if (a->ngx_state != NGX_RUNNING)
                return 0;
        if (!a->sync && pending(a))
                next = a->sync_next_ns ? a->sync_next_ns : 1;
        if (!a->view && (!next || a->view_next_ns < next))
                next = a->view_next_ns ? a->view_next_ns : 1;
        return next;
}
