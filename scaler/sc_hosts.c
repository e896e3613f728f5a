/* sc_hosts: the worker hosts' registry and placement (see sc_hosts.h). */
#include "sc_hosts.h"

#include <curl/curl.h>
#include <errno.h>
#include <json-c/json.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ss_buf.h"
#include "ss_log.h"
#include "ss_util.h"

#define POLL_EVERY_NS           1000000000ull
#define MAX_BODY                (1u << 20)
#define STRAY_MEMORY            32      /* stray clones whose destruction was logged */

int sc_place(const struct sc_place_host *h, size_t n, enum pol_placement how, uint64_t mem_bytes,
             char *why, size_t why_len)
{
        int best = -1;
        size_t healthy = 0;

        for (size_t i = 0; i < n; i++) {
                const struct sc_place_host *x = &h[i];
                if (!x->healthy)
                        continue;
                healthy++;
                if (x->max_clones > 0 && x->clones >= (unsigned)x->max_clones)
                        continue;
                if (x->memory_bytes && (uint64_t)(x->clones + 1) * mem_bytes > x->memory_bytes)
                        continue;
                if (best < 0) {
                        best = (int)i;
                        continue;
                }
                const struct sc_place_host *b = &h[best];
                /* spread: the clone count decides, the generation breaks ties; pack: a host
                 * holding the generation first (its pages cross the network once), then the
                 * fullest */
                if (how == POL_PLACE_SPREAD) {
                        if (x->clones != b->clones) {
                                if (x->clones < b->clones)
                                        best = (int)i;
                                continue;
                        }
                        if (x->holds_generation && !b->holds_generation)
                                best = (int)i;
                        continue;
                }
                if (x->holds_generation != b->holds_generation) {
                        if (x->holds_generation)
                                best = (int)i;
                        continue;
                }
                if (x->clones > b->clones)
                        best = (int)i;
        }
        if (best < 0) {
                if (!healthy)
                        snprintf(why, why_len, "no healthy host (%zu configured)", n);
                else
                        snprintf(why, why_len, "no healthy host has room (%zu healthy, all at max_clones or memory)",
                                 healthy);
                return -ENOSPC;
        }
        return best;
}

struct host {
        struct sc_hosts *hs;
        size_t idx;
        char name[64], address[64];
        int max_clones;
        uint64_t memory_bytes;
        pthread_t thread;
        bool thread_started;
        /* under hs->lock */
        bool healthy, ever_seen;
        uint64_t last_ok_ns, last_ok_us, seq;
        char error[256];
        struct json_object *inv;        /* the last good inventory */
        char strays[STRAY_MEMORY][32];
        unsigned n_strays;
};

struct sc_hosts {
        char ca[4096], cert[4096], key[4096];
        uint64_t timeout_ns;
        sc_hosts_wanted_fn wanted;
        void *userdata;
        pthread_mutex_t lock;
        pthread_cond_t cond;            /* CLOCK_MONOTONIC: stop */
        bool stop;
        struct host *h;
        size_t n;
};

static size_t on_data(char *p, size_t s, size_t n, void *u)
{
        struct ss_buf *b = u;
        size_t add = s * n;

        if (b->len + add > MAX_BODY || ss_buf_add(b, p, add) < 0)
                return 0;
        return add;
}

/* One HTTPS request to a hostd. 0 with the status code and body (caller frees), or -errno with
 * why naming what failed on the TLS level in the operator's terms. */
static int call(struct host *x, const char *method, const char *path, const char *json, long timeout_ms,
                long *ret_code, char **ret_body, char *why, size_t why_len)
{
        struct sc_hosts *hs = x->hs;
        struct ss_buf b = { 0 };
        struct curl_slist *hdr = NULL;
        char url[256], err[CURL_ERROR_SIZE] = "";
        CURL *c = curl_easy_init();
        CURLcode rc;
        int r = 0;

        if (!c)
                return -ENOMEM;
        snprintf(url, sizeof(url), "https://%s%s", x->address, path);
        curl_easy_setopt(c, CURLOPT_URL, url);
        curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
        curl_easy_setopt(c, CURLOPT_CAINFO, hs->ca);
        curl_easy_setopt(c, CURLOPT_SSLCERT, hs->cert);
        curl_easy_setopt(c, CURLOPT_SSLKEY, hs->key);
        curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
        curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
        curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "https");
        curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, timeout_ms);
        curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms);
        curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(c, CURLOPT_ERRORBUFFER, err);
        curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
        curl_easy_setopt(c, CURLOPT_WRITEDATA, &b);
        if (json) {
                hdr = curl_slist_append(hdr, "Content-Type: application/json");
                curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdr);
                curl_easy_setopt(c, CURLOPT_POSTFIELDS, json);
        }
        rc = curl_easy_perform(c);
        switch (rc) {
        case CURLE_OK:
                curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, ret_code);
                *ret_body = b.p ? b.p : strdup("");
                b.p = NULL;
                break;
        case CURLE_PEER_FAILED_VERIFICATION:
                snprintf(why, why_len, "TLS: hostd's certificate is refused (not signed by cluster.ca, or it "
                         "does not name %s): %s", x->address, err);
                r = -EACCES;
                break;
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CACERT_BADFILE:
                snprintf(why, why_len, "TLS: cannot use our own certificate files (cluster.ca/cert/key): %s", err);
                r = -EACCES;
                break;
        case CURLE_OPERATION_TIMEDOUT:
                snprintf(why, why_len, "no answer within %ld ms", timeout_ms);
                r = -ETIMEDOUT;
                break;
        default:
                snprintf(why, why_len, "%s", err[0] ? err : curl_easy_strerror(rc));
                r = -EHOSTUNREACH;
                break;
        }
        free(b.p);
        curl_slist_free_all(hdr);
        curl_easy_cleanup(c);
        return r;
}

/* hostd's {"error": reason} or the status */
static void error_of(const char *body, long code, char *why, size_t why_len)
{
        struct json_object *o = json_tokener_parse(body), *e;

        if (o && json_object_object_get_ex(o, "error", &e))
                snprintf(why, why_len, "hostd answered %ld: %s", code, json_object_get_string(e));
        else
                snprintf(why, why_len, "hostd answered %ld", code);
        json_object_put(o);
}

static bool live_state(const char *s)
{
        return s && (!strcmp(s, "cloning") || !strcmp(s, "resuming") || !strcmp(s, "ready"));
}

/* Clones on x that snowscaled does not want there (lost earlier and replaced, or left by a
 * previous snowscaled): destroyed, so that no clone ever runs twice. */
static void destroy_strays(struct host *x, struct json_object *inv)
{
        struct sc_hosts *hs = x->hs;
        struct json_object *cl;
        char why[512];

        if (!hs->wanted || !json_object_object_get_ex(inv, "clones", &cl))
                return;
        for (size_t i = 0; i < json_object_array_length(cl); i++) {
                struct json_object *c = json_object_array_get_idx(cl, i), *v;
                const char *id = json_object_object_get_ex(c, "id", &v) ? json_object_get_string(v) : NULL;
                const char *st = json_object_object_get_ex(c, "state", &v) ? json_object_get_string(v) : NULL;
                bool told = false;
                long code = 0;
                char *body = NULL;

                if (!id || !live_state(st) || hs->wanted(x->idx, id, hs->userdata))
                        continue;
                pthread_mutex_lock(&hs->lock);
                for (unsigned k = 0; k < x->n_strays && k < STRAY_MEMORY; k++)
                        told |= !strcmp(x->strays[k], id);
                if (!told)
                        snprintf(x->strays[x->n_strays++ % STRAY_MEMORY], sizeof(x->strays[0]), "%s", id);
                pthread_mutex_unlock(&hs->lock);
                if (!told)
                        log_warn("host %s: clone %s runs there but is not ours any more (lost and replaced, or "
                                 "from an earlier run): destroying it", x->name, id);
                char path[96];
                snprintf(path, sizeof(path), "/v1/clones/%s", id);
                if (call(x, "DELETE", path, NULL, 3000, &code, &body, why, sizeof(why)) < 0 && !told)
                        log_warn("host %s: destroying clone %s: %s", x->name, id, why);
                free(body);
        }
}

static void *poll_main(void *arg)
{
        struct host *x = arg;
        struct sc_hosts *hs = x->hs;
        long timeout_ms = (long)(hs->timeout_ns / 2000000);
        char why[512], last_err[512] = "";

        if (timeout_ms > 2000)
                timeout_ms = 2000;
        if (timeout_ms < 300)
                timeout_ms = 300;
        for (;;) {
                uint64_t start = ss_mono_ns(), deadline;
                struct json_object *inv = NULL;
                char *body = NULL;
                long code = 0;
                int r;
                bool stop;

                r = call(x, "GET", "/v1/inventory", NULL, timeout_ms, &code, &body, why, sizeof(why));
                if (r == 0 && code != 200) {
                        error_of(body, code, why, sizeof(why));
                        if (code == 403)
                                snprintf(why + strlen(why), sizeof(why) - strlen(why),
                                         " (hostd refuses our certificate: is cluster.cert signed by the CA "
                                         "hostd trusts?)");
                        r = -EACCES;
                }
                if (r == 0 && !(inv = json_tokener_parse(body))) {
                        snprintf(why, sizeof(why), "hostd's inventory is not JSON");
                        r = -EPROTO;
                }
                free(body);
                pthread_mutex_lock(&hs->lock);
                if (r == 0) {
                        bool was = x->healthy;
                        struct json_object *cl;
                        unsigned running = 0;

                        json_object_put(x->inv);
                        x->inv = inv;
                        x->healthy = x->ever_seen = true;
                        x->last_ok_ns = ss_mono_ns();
                        x->last_ok_us = ss_wall_us();
                        x->error[0] = 0;
                        x->seq++;
                        last_err[0] = 0;
                        if (json_object_object_get_ex(inv, "clones", &cl))
                                for (size_t i = 0; i < json_object_array_length(cl); i++) {
                                        struct json_object *s;
                                        if (json_object_object_get_ex(json_object_array_get_idx(cl, i), "state", &s) &&
                                            live_state(json_object_get_string(s)))
                                                running++;
                                }
                        json_object_get(inv);
                        pthread_mutex_unlock(&hs->lock);
                        if (!was)
                                log_info("host %s: healthy (hostd at %s, %u clones running there)", x->name,
                                         x->address, running);
                        destroy_strays(x, inv);
                        json_object_put(inv);
                } else {
                        bool lost = x->healthy && ss_mono_ns() - x->last_ok_ns >= hs->timeout_ns;
                        snprintf(x->error, sizeof(x->error), "%s", why);
                        if (lost)
                                x->healthy = false;
                        pthread_mutex_unlock(&hs->lock);
                        if (lost)
                                log_warn("host %s: lost: no good answer for %.1f s (last: %s); its clones are "
                                         "taken out of nginx and replaced elsewhere", x->name,
                                         hs->timeout_ns / 1e9, why);
                        else if (strcmp(why, last_err) && (!x->ever_seen || r == -EACCES))
                                log_warn("host %s: %s", x->name, why);  /* once per distinct reason */
                        snprintf(last_err, sizeof(last_err), "%s", why);
                }
                deadline = start + POLL_EVERY_NS;
                pthread_mutex_lock(&hs->lock);
                while (!hs->stop && ss_mono_ns() < deadline) {
                        struct timespec ts = { .tv_sec = (time_t)(deadline / 1000000000ull),
                                               .tv_nsec = (long)(deadline % 1000000000ull) };
                        pthread_cond_timedwait(&hs->cond, &hs->lock, &ts);
                }
                stop = hs->stop;
                pthread_mutex_unlock(&hs->lock);
                if (stop)
                        return NULL;
        }
}

int sc_hosts_new(const struct pol_config *cfg, sc_hosts_wanted_fn wanted, void *userdata,
                 struct sc_hosts **ret, char *why, size_t why_len)
{
        struct sc_hosts *hs = calloc(1, sizeof(*hs));
        pthread_condattr_t ca;
        int r;

        if (!hs)
                return -ENOMEM;
        snprintf(hs->ca, sizeof(hs->ca), "%s", cfg->cluster.ca);
        snprintf(hs->cert, sizeof(hs->cert), "%s", cfg->cluster.cert);
        snprintf(hs->key, sizeof(hs->key), "%s", cfg->cluster.key);
        hs->timeout_ns = cfg->cluster.host_timeout_us * 1000;
        hs->wanted = wanted;
        hs->userdata = userdata;
        pthread_mutex_init(&hs->lock, NULL);
        pthread_condattr_init(&ca);
        pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
        pthread_cond_init(&hs->cond, &ca);
        pthread_condattr_destroy(&ca);
        hs->h = calloc(cfg->n_hosts, sizeof(*hs->h));
        if (!hs->h) {
                sc_hosts_free(hs);
                return -ENOMEM;
        }
        hs->n = cfg->n_hosts;
        for (size_t i = 0; i < hs->n; i++) {
                struct host *x = &hs->h[i];
                x->hs = hs;
                x->idx = i;
                snprintf(x->name, sizeof(x->name), "%s", cfg->hosts[i].name);
                snprintf(x->address, sizeof(x->address), "%s", cfg->hosts[i].address);
                x->max_clones = cfg->hosts[i].max_clones;
                x->memory_bytes = cfg->hosts[i].memory_bytes;
        }
        for (size_t i = 0; i < hs->n; i++) {
                r = -pthread_create(&hs->h[i].thread, NULL, poll_main, &hs->h[i]);
                if (r < 0) {
                        snprintf(why, why_len, "cannot start a poll thread: %s", strerror(-r));
                        sc_hosts_free(hs);
                        return r;
                }
                hs->h[i].thread_started = true;
        }
        *ret = hs;
        return 0;
}

void sc_hosts_free(struct sc_hosts *hs)
{
        if (!hs)
                return;
        pthread_mutex_lock(&hs->lock);
        hs->stop = true;
        pthread_cond_broadcast(&hs->cond);
        pthread_mutex_unlock(&hs->lock);
        for (size_t i = 0; i < hs->n; i++) {
                if (hs->h[i].thread_started)
                        pthread_join(hs->h[i].thread, NULL);
                json_object_put(hs->h[i].inv);
        }
        free(hs->h);
        pthread_mutex_destroy(&hs->lock);
        pthread_cond_destroy(&hs->cond);
        free(hs);
}

size_t sc_hosts_count(const struct sc_hosts *hs)
{
        return hs ? hs->n : 0;
}

/* Is the host healthy now? A poll thread stuck in a request does not keep it so. Under lock. */
static bool healthy_locked(struct sc_hosts *hs, struct host *x)
{
        if (x->healthy && ss_mono_ns() - x->last_ok_ns >= hs->timeout_ns) {
                x->healthy = false;
                log_warn("host %s: lost: no good answer for %.1f s (last: %s); its clones are taken out of "
                         "nginx and replaced elsewhere", x->name, hs->timeout_ns / 1e9,
                         x->error[0] ? x->error : "a request still waiting");
        }
        return x->healthy;
}

int sc_hosts_view(struct sc_hosts *hs, size_t i, struct sc_host_view *v)
{
        struct json_object *a;

        if (!hs || i >= hs->n)
                return -ENOENT;
        memset(v, 0, sizeof(*v));
        struct host *x = &hs->h[i];
        pthread_mutex_lock(&hs->lock);
        snprintf(v->name, sizeof(v->name), "%s", x->name);
        snprintf(v->address, sizeof(v->address), "%s", x->address);
        v->healthy = healthy_locked(hs, x);
        v->ever_seen = x->ever_seen;
        v->last_ok_us = x->last_ok_us;
        snprintf(v->error, sizeof(v->error), "%s", x->error);
        v->max_clones = x->max_clones;
        v->memory_bytes = x->memory_bytes;
        if (x->inv && json_object_object_get_ex(x->inv, "clones", &a))
                for (size_t k = 0; k < json_object_array_length(a); k++) {
                        struct json_object *s;
                        if (json_object_object_get_ex(json_object_array_get_idx(a, k), "state", &s) &&
                            live_state(json_object_get_string(s)))
                                v->running++;
                }
        if (x->inv && json_object_object_get_ex(x->inv, "generations", &a))
                for (size_t k = 0; k < json_object_array_length(a) && v->n_gens < SC_HOSTS_MAX_GENS; k++)
                        v->gens[v->n_gens++] = json_object_get_int64(json_object_array_get_idx(a, k));
        pthread_mutex_unlock(&hs->lock);
        return 0;
}

bool sc_hosts_healthy(struct sc_hosts *hs, size_t i)
{
        bool r;

        if (!hs || i >= hs->n)
                return false;
        pthread_mutex_lock(&hs->lock);
        r = healthy_locked(hs, &hs->h[i]);
        pthread_mutex_unlock(&hs->lock);
        return r;
}

uint64_t sc_hosts_seq(struct sc_hosts *hs, size_t i)
{
        uint64_t r;

        pthread_mutex_lock(&hs->lock);
        r = hs->h[i].seq;
        pthread_mutex_unlock(&hs->lock);
        return r;
}

int sc_hosts_clone(struct sc_hosts *hs, size_t i, const struct sc_remote_req *req, char *why, size_t why_len)
{
        const struct cc_net *net = req->net;
        struct json_object *o = json_object_new_object(), *n = json_object_new_object();
        char mac[24], *body = NULL;
        long code = 0;
        int r;

        snprintf(mac, sizeof(mac), "%02x:%02x:%02x:%02x:%02x:%02x", net->mac[0], net->mac[1], net->mac[2],
                 net->mac[3], net->mac[4], net->mac[5]);
        json_object_object_add(o, "id", json_object_new_string(req->id));
        json_object_object_add(o, "generation", json_object_new_int64(req->generation));
        json_object_object_add(o, "memserver", json_object_new_string(req->memserver));
        if (req->disk_uri)
                json_object_object_add(o, "disk_uri", json_object_new_string(req->disk_uri));
        if (req->mcast)
                json_object_object_add(o, "mcast", json_object_new_string(req->mcast));
        json_object_object_add(n, "bridge", json_object_new_string(net->bridge));
        json_object_object_add(n, "mac", json_object_new_string(mac));
        json_object_object_add(n, "ipv4", json_object_new_string(net->ipv4));
        json_object_object_add(n, "prefix_len", json_object_new_int((int)net->prefix_len));
        json_object_object_add(n, "gateway", json_object_new_string(net->gateway));
        json_object_object_add(o, "net", n);
        /* the descriptor fetch happens inside this request on a host's first clone of a generation */
        r = call(&hs->h[i], "POST", "/v1/clones", json_object_to_json_string(o), 15000, &code, &body, why, why_len);
        json_object_put(o);
        if (r == 0 && code != 202) {
                error_of(body, code, why, why_len);
                r = code == 409 ? -EEXIST : -EREMOTEIO;
        }
        free(body);
        return r;
}

int sc_hosts_retire(struct sc_hosts *hs, size_t i, const char *id, char *why, size_t why_len)
{
        char path[96], *body = NULL;
        long code = 0;
        int r;

        snprintf(path, sizeof(path), "/v1/clones/%s", id);
        r = call(&hs->h[i], "DELETE", path, NULL, 3000, &code, &body, why, why_len);
        if (r == 0 && code != 202) {
                error_of(body, code, why, why_len);
                r = code == 404 ? -ENOENT : -EREMOTEIO;
        }
        free(body);
        return r;
}

int sc_hosts_clone_state(struct sc_hosts *hs, size_t i, const char *id, struct sc_remote_clone *ret)
{
        struct host *x = &hs->h[i];
        struct json_object *cl;
        int r = -ENOENT;

        memset(ret, 0, sizeof(*ret));
        pthread_mutex_lock(&hs->lock);
        if (!healthy_locked(hs, x)) {
                r = -EHOSTDOWN;
        } else if (x->inv && json_object_object_get_ex(x->inv, "clones", &cl)) {
                for (size_t k = 0; k < json_object_array_length(cl) && r == -ENOENT; k++) {
                        struct json_object *c = json_object_array_get_idx(cl, k), *v;
                        if (!json_object_object_get_ex(c, "id", &v) || strcmp(json_object_get_string(v), id))
                                continue;
                        r = 0;
#define S(f) if (json_object_object_get_ex(c, #f, &v)) snprintf(ret->f, sizeof(ret->f), "%s", json_object_get_string(v))
                        S(state);
                        S(address);
                        S(identity);
                        S(reason);
#undef S
                        if (json_object_object_get_ex(c, "exited", &v)) {
                                ret->exited = true;
                                snprintf(ret->reason, sizeof(ret->reason), "%s", json_object_get_string(v));
                        }
                        if (json_object_object_get_ex(c, "fetched_pct", &v))
                                ret->fetched_pct = json_object_get_double(v);
                        if (json_object_object_get_ex(c, "fetched_bytes", &v))
                                ret->fetched_bytes = (uint64_t)json_object_get_int64(v);
                        if (json_object_object_get_ex(c, "disk_remote", &v))
                                ret->disk_remote = json_object_get_boolean(v);
                        if (json_object_object_get_ex(c, "disk_copied_pct", &v))
                                ret->disk_copied_pct = json_object_get_double(v);
                }
        }
        pthread_mutex_unlock(&hs->lock);
        return r;
}
