/* Latency shipping: the front's nginx records one sample per request in a shared-memory ring
 * (log_by_lua, etc/nginx/snowscale_lb.lua) that the agent drains in batches over the control
 * socket, counting what nginx had to drop; an operator's own `access_log syslog:` lines are an
 * optional second intake. Every ship interval up to SHIP_BATCH samples are POSTed to snowscaled's
 * /api/v1/samples with the lost count and the front's arrival counters (requests that reached
 * nginx's balancer, and those of them in flight: offered load that completions alone hide once
 * the workers saturate). Unreachable or 5xx/401: kept and re-sent; 400/413: discarded and
 * counted; ring full: the oldest are overwritten and counted. */
#include "lb_ship.h"

#include <json-c/json.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ss_log.h"
#include "ss_util.h"

#define SHIP_BATCH         5000
#define SHIP_TIMEOUT_MS    2000
#define SHIP_HEARTBEAT_MS  1000   /* an empty batch at least this often while idle */
#define FETCH_BATCH        5000
#define LOST_RETRY_MS      60000
#define FETCH_MAX_BYTES    (FETCH_BATCH * 256 + 64)

static size_t ship_write(char *p, size_t size, size_t n, void *cls)
{
        struct lb_agent *a = cls;
        size_t len = size * n;

        if (a->ship_resp_len + len < sizeof(a->ship_resp)) {
                memcpy(a->ship_resp + a->ship_resp_len, p, len);
                a->ship_resp_len += len;
                a->ship_resp[a->ship_resp_len] = 0;
        }
        return len;
}

void lb_ship_start(struct lb_agent *a)
{
        size_t len;
        CURL *c;
        char front[128];
        bool json;

        uint64_t now = ss_mono_ns();

        a->ship_next_ns = now + a->o.ship_interval_ms * MS;
        if (!a->samples_url || a->ship)
                return;
        /* An idle nginx still gets an (empty) batch every second: snowscaled tells "no requests"
         * from "no collector" by it, and holds the clone count when samples stop coming. */
        /* Samples the ring overwrote before they were shipped are lost too. */
        if (lb_ring_dropped(a->ring) > a->ring_dropped_seen) {
                uint64_t d = lb_ring_dropped(a->ring) - a->ring_dropped_seen;
                a->lost_pending += d;
                a->lost_total += d;
                a->ring_dropped_seen = lb_ring_dropped(a->ring);
        }
        /* New arrivals go at once even without completions: a saturated pool completes little. */
        if (lb_ring_len(a->ring) == 0 && a->lost_pending == 0 && a->front_arrived == a->front_sent &&
            now - a->ship_last_ns < SHIP_HEARTBEAT_MS * MS)
                return;
        a->ship_last_ns = now;
        /* The count of lost samples rides in a JSON body ("lost", docs/api.md); batches without
         * losses stay text, which every snowscaled takes. */
        /* A snowscaled that refused the field may have been upgraded: ask again now and then. */
        if (a->lost_unsupported && now - a->lost_refused_ns > LOST_RETRY_MS * MS)
                a->lost_unsupported = false;
        a->ship_lost = a->lost_unsupported ? 0 : a->lost_pending;
        json = !a->lost_unsupported && (a->ship_lost || a->front_known);
        a->front_sent = a->front_arrived;
        snprintf(front, sizeof(front), "{\"arrived\":%" PRIu64 ",\"inflight\":%" PRIu64 ",\"ts_us\":%" PRIu64 "}",
                 a->front_arrived, a->front_busy, a->front_ts_us);
        if ((json ?
             lb_ring_format_json(a->ring, SHIP_BATCH, a->ship_lost, a->front_known ? front : NULL,
                                 &a->ship_body, &len, &a->ship_end, &a->ship_n) :
             lb_ring_format(a->ring, SHIP_BATCH, &a->ship_body, &len, &a->ship_end,
                            &a->ship_n)) < 0)
                return;
        c = curl_easy_init();
        if (!c) {
                free(a->ship_body);
                a->ship_body = NULL;
                return;
        }
        a->ship_resp_len = 0;
        a->ship_resp[0] = 0;
        curl_easy_setopt(c, CURLOPT_URL, a->samples_url);
        curl_easy_setopt(c, CURLOPT_NOPROXY, "*");
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, a->ship_body);
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)len);
        curl_easy_setopt(c, CURLOPT_HTTPHEADER, json ? a->ship_hdrs_json : a->ship_hdrs);
        curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, ship_write);
        curl_easy_setopt(c, CURLOPT_WRITEDATA, a);
        curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, 1000L);
        curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, (long)SHIP_TIMEOUT_MS);
        curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(c, CURLOPT_PRIVATE, "ship");
        a->ship = c;
        curl_multi_add_handle(a->multi, c);
}

void lb_ship_done(struct lb_agent *a, CURLcode res)
{
        long code = 0;
        int prev = a->scaler_status;

        curl_easy_getinfo(a->ship, CURLINFO_RESPONSE_CODE, &code);
        curl_multi_remove_handle(a->multi, a->ship);
        curl_easy_cleanup(a->ship);
        a->ship = NULL;
        free(a->ship_body);
        a->ship_body = NULL;
        a->scaler_status = res == CURLE_OK ? (int)code : 0;
        if (res == CURLE_OK && code >= 200 && code < 300) {
                json_object *o = json_tokener_parse(a->ship_resp), *v;
                if (o && json_object_object_get_ex(o, "rejected", &v))
                        a->rejected += (uint64_t)json_object_get_int64(v);
                json_object_put(o);
                lb_ring_consume(a->ring, a->ship_end);
                a->shipped += a->ship_n;
                a->lost_pending -= a->ship_lost;
                a->lost_shipped += a->ship_lost;
                a->ship_batches++;
                if (prev != a->scaler_status)
                        log_info("shipping samples to %s: HTTP %ld", a->samples_url, code);
                /* Behind: send the next batch now rather than at the next tick. */
                if (lb_ring_len(a->ring) >= SHIP_BATCH)
                        a->ship_next_ns = 0;
                return;
        }
        a->ship_failures++;
        if (res == CURLE_OK && code == 400 && (strstr(a->ship_resp, "\"lost\"") ||
                                               strstr(a->ship_resp, "\"front\""))) {
                /* A snowscaled that does not know the fields yet: the samples go again as text;
                 * the lost count stays here (GET /v1/stats "lost"), offered load is estimated
                 * from completions. */
                if (!a->lost_refused_ns)
                        log_warn("%s does not take the \"lost\" and \"front\" fields (%s); lost "
                                 "samples are counted in snowscale-lb only, arrivals not sent "
                                 "(asking again every minute)", a->samples_url, a->ship_resp);
                a->lost_unsupported = true;
                a->lost_refused_ns = ss_mono_ns();
                a->ship_next_ns = 0;
                return;
        }
        if (res == CURLE_OK && (code == 400 || code == 413)) {
                /* The scaler will never take this batch; keeping it would block the rest. */
                lb_ring_consume(a->ring, a->ship_end);
                a->discarded += a->ship_n;
                log_warn("%s refused a batch of %zu samples (HTTP %ld: %s); discarded",
                         a->samples_url, a->ship_n, code, a->ship_resp);
                return;
        }
        if (prev != a->scaler_status) {
                if (res != CURLE_OK)
                        log_warn("cannot ship samples to %s: %s; buffering (%zu held, oldest "
                                 "dropped when full)", a->samples_url, curl_easy_strerror(res),
                                 lb_ring_len(a->ring));
                else
                        log_warn("cannot ship samples to %s: HTTP %ld %s; buffering", a->samples_url,
                                 code, code == 401 ? "(check lb scaler token / api.token)" : a->ship_resp);
        }
}

/* One access-log record (from the datagram socket or nginx's shared memory). */
static void take(struct lb_agent *a, const char *buf, size_t n, bool syslog)
{
        struct lb_sample s;
        int r;

        a->lines++;
        r = syslog ? lb_parse_line(buf, n, &s) : lb_parse_record(buf, n, &s);
        if (r == -ENOMSG) {
                a->foreign++;
                return;
        }
        if (r < 0) {
                uint64_t now = ss_mono_ns();
                a->garbage++;
                if (now - a->garbage_logged_ns > 10000 * MS) {
                        char show[161];
                        int k, len = (int)(n > 160 ? 160 : n);
                        for (k = 0; k < len; k++)
                                show[k] = (unsigned char)buf[k] < 0x20 ||
                                          (unsigned char)buf[k] > 0x7e ? '?' : buf[k];
                        show[k] = 0;
                        log_warn("access-log line rejected (%s; %" PRIu64 " so far): %s",
                                 strerror(-r), a->garbage, show);
                        a->garbage_logged_ns = now;
                }
                return;
        }
        a->samples++;
        lb_ring_push(a->ring, &s);
        for (size_t k = 0; k < a->n_bes; k++)
                if (strcmp(a->bes[k]->peer[0] ? a->bes[k]->peer : a->bes[k]->rec.address,
                           s.backend) == 0) {
                        a->bes[k]->requests++;
                        a->bes[k]->last_seen_us = s.ts_us;
                        if (s.status < 500)
                                a->bes[k]->last_ok_us = s.ts_us;
                        break;
                }
}

/* Datagrams on the access-log socket: an optional intake (an operator's own
 * `access_log syslog:server=unix:...` lines); the front keeps its samples in shared memory. */
void lb_ship_read_log(struct lb_agent *a)
{
        char buf[4096];

        for (int i = 0; i < 4096; i++) {
                ssize_t n = recv(a->logfd, buf, sizeof(buf), MSG_DONTWAIT);
                if (n < 0)
                        break;
                take(a, buf, (size_t)n, true);
        }
}

/* ---- samples from nginx's shared memory ------------------------------------------------ */

static size_t fetch_write(char *p, size_t size, size_t n, void *cls)
{
        struct lb_agent *a = cls;
        size_t len = size * n;
        char *q;

        if (a->fetch_len + len > FETCH_MAX_BYTES)
                return 0;
        q = realloc(a->fetch_buf, a->fetch_len + len + 1);
        if (!q)
                return 0;
        a->fetch_buf = q;
        memcpy(a->fetch_buf + a->fetch_len, p, len);
        a->fetch_len += len;
        a->fetch_buf[a->fetch_len] = 0;
        return len;
}

void lb_ship_fetch(struct lb_agent *a)
{
        char path[64];
        CURL *c;

        a->fetch_next_ns = ss_mono_ns() + a->o.ship_interval_ms * MS;
        if (a->fetch || a->ngx_state != NGX_RUNNING)
                return;
        snprintf(path, sizeof(path), "/snowscale/samples?max=%d", FETCH_BATCH);
        c = lb_ctl_easy(a, path);
        if (!c)
                return;
        a->fetch_len = 0;
        curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, fetch_write);
        curl_easy_setopt(c, CURLOPT_WRITEDATA, a);
        curl_easy_setopt(c, CURLOPT_PRIVATE, "fetch");
        a->fetch = c;
        curl_multi_add_handle(a->multi, c);
}

/* "lost N" (nginx's counter of samples that did not fit its list; it only grows while that
 * nginx lives), "front ARRIVED BUSY SECONDS" (its arrival counters), then one record per line. */
void lb_ship_fetch_done(struct lb_agent *a, CURLcode res)
{
        long code = 0;
        size_t n = 0;
        char *p, *nl;

        curl_easy_getinfo(a->fetch, CURLINFO_RESPONSE_CODE, &code);
        curl_multi_remove_handle(a->multi, a->fetch);
        curl_easy_cleanup(a->fetch);
        a->fetch = NULL;
        if (res != CURLE_OK || code != 200 || !a->fetch_buf || !a->fetch_len)
                return;
        for (p = a->fetch_buf; *p; p = nl + 1) {
                unsigned long long lost;
                nl = strchr(p, '\n');
                if (!nl)
                        nl = p + strlen(p);
                if (p == a->fetch_buf && sscanf(p, "lost %llu", &lost) == 1) {
                        uint64_t d = 0;
                        /* The first read of this agent is history; a counter below the last
                         * one belongs to a new nginx, which started from 0. */
                        if (a->ngx_lost_seen >= 0)
                                d = (int64_t)lost >= a->ngx_lost_seen ?
                                    lost - (uint64_t)a->ngx_lost_seen : lost;
                        a->ngx_lost_seen = (int64_t)lost;
                        if (d) {
                                uint64_t now = ss_mono_ns();
                                a->lost_pending += d;
                                a->lost_total += d;
                                if (now - a->lost_logged_ns > 10000 * MS) {
                                        log_warn("nginx's sample list was full: %" PRIu64 " samples "
                                                 "lost (%" PRIu64 " so far)", d, a->lost_total);
                                        a->lost_logged_ns = now;
                                }
                        }
                } else if (!strncmp(p, "front ", 6)) {
                        unsigned long long arr, busy;
                        double secs;
                        if (sscanf(p, "front %llu %llu %lf", &arr, &busy, &secs) == 3 && secs > 0) {
                                a->front_known = true;
                                a->front_arrived = arr;
                                a->front_busy = busy;
                                a->front_ts_us = (uint64_t)(secs * 1e6);
                        }
                } else if (nl > p) {
                        take(a, p, (size_t)(nl - p), false);
                        n++;
                }
                if (!*nl)
                        break;
        }
        /* A full batch: nginx holds more; fetch again now. */
        if (n >= FETCH_BATCH)
                a->fetch_next_ns = 0;
}

/* Where samples go and with which token; an in-flight POST is abandoned (its samples stay in
 * the ring and go with the next one). */
int lb_ship_setup(struct lb_agent *a)
{
        char h[1024];

        if (a->ship) {
                curl_multi_remove_handle(a->multi, a->ship);
                curl_easy_cleanup(a->ship);
                a->ship = NULL;
                free(a->ship_body);
                a->ship_body = NULL;
        }
        free(a->samples_url);
        a->samples_url = NULL;
        curl_slist_free_all(a->ship_hdrs);
        a->ship_hdrs = NULL;
        curl_slist_free_all(a->ship_hdrs_json);
        a->ship_hdrs_json = NULL;
        if (!a->o.scaler_url || !*a->o.scaler_url)
                return 0;
        if (asprintf(&a->samples_url, "%s/api/v1/samples", a->o.scaler_url) < 0) {
                a->samples_url = NULL;
                return -ENOMEM;
        }
        a->ship_hdrs = curl_slist_append(NULL, "Content-Type: text/plain");
        a->ship_hdrs_json = curl_slist_append(NULL, "Content-Type: application/json");
        if (a->o.scaler_token && *a->o.scaler_token) {
                snprintf(h, sizeof(h), "Authorization: Bearer %s", a->o.scaler_token);
                a->ship_hdrs = curl_slist_append(a->ship_hdrs, h);
                a->ship_hdrs_json = curl_slist_append(a->ship_hdrs_json, h);
        }
        a->lost_unsupported = false;
        return a->ship_hdrs && a->ship_hdrs_json ? 0 : -ENOMEM;
}

int lb_ship_bind_log(struct lb_agent *a)
{
        struct sockaddr_un sun = { .sun_family = AF_UNIX };
        int fd, size = 4 << 20;

        if (strlen(a->log_sock_path) >= sizeof(sun.sun_path))
                return -ENAMETOOLONG;
        strcpy(sun.sun_path, a->log_sock_path);
        fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (fd < 0)
                return -errno;
        /* A deep buffer rides out a slow loop iteration; nginx's syslog writes are non-blocking
         * and it drops a line rather than wait. */
        if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof(size)) < 0)
                setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
        unlink(a->log_sock_path);
        if (bind(fd, (struct sockaddr *)&sun, sizeof(sun)) < 0) {
                int r = -errno;
                close(fd);
                return r;
        }
        /* nginx workers run as an unprivileged user when the master is root; lines are
         * validated, so anyone may write. */
        chmod(a->log_sock_path, 0666);
        a->logfd = fd;
        return 0;
}
