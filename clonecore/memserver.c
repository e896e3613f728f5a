/* memserver: serves the pages (and descriptors) of published generations over TCP.
 * One thread per client, at most max_conns; every connection proves the cluster secret first
 * (proto.c); requests are bounded (ranges, pages); a client that goes quiet is cut off after
 * io_timeout_ms. Pages come from the host's page store by the hash the page map names, so the
 * server never needs the generation's memory file. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include <lz4.h>
#include <openssl/crypto.h>

#include "cc_internal.h"
#include "ss_util.h"

#define MAX_GENS 32

enum fault { FAULT_NONE, FAULT_CORRUPT, FAULT_STALL, FAULT_DIE, FAULT_DELAY };

struct gen_ent {
        uint64_t id;
        struct cc_descriptor *desc;
        uint64_t last_use;
        dev_t dev;                      /* the file it was read from: a generation dropped and */
        ino_t ino;                      /* published again under the same id is reloaded */
        struct timespec mtime;
        uint32_t *mc_sent;              /* mcdist: per page, when it was last multicast (s) */
        uint64_t pages;
};

struct conn {
        struct conn *next;
        struct cc_memserver *s;
        int fd;
        uint64_t requests, pages, bytes;
        pthread_t thread;
        char peer[64];
};

struct cc_memserver {
        struct cc_memserver_opts o;
        char *gen_root;
        uint8_t *secret;
        struct cc_store *store;
        int lfd, stop_pipe[2];
        unsigned port;
        pthread_t accept_thread;
        bool accept_started;
        pthread_mutex_t lock;
        pthread_cond_t gone;
        struct conn *conns;
        unsigned nconns;
        bool stopping, dead;
        struct gen_ent gens[MAX_GENS];
        uint64_t use_clock;
        enum fault fault;
        uint64_t fault_after, served;
        int mc_fd;                      /* mcdist sender, -1 = off */
        uint64_t mc_pages;
};

static void slog(struct cc_memserver *s, int level, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void slog(struct cc_memserver *s, int level, const char *fmt, ...)
{
        char msg[512];
        va_list ap;
        if (!s->o.log)
                return;
        va_start(ap, fmt);
        vsnprintf(msg, sizeof(msg), fmt, ap);
        va_end(ap);
        s->o.log(level, msg, s->o.userdata);
}

static uint64_t dl(struct cc_memserver *s) { return ss_mono_ns() + (uint64_t)s->o.io_timeout_ms * 1000000ull; }

/* Descriptor of generation id, cached (the lock is held by the caller). */
static int get_gen(struct cc_memserver *s, uint64_t id, struct cc_descriptor **ret)
{
        char path[PATH_MAX];
        struct gen_ent *victim = &s->gens[0];
        struct stat st;

        snprintf(path, sizeof(path), "%s/%" PRIu64 "/descriptor.sfd", s->gen_root, id);
        if (stat(path, &st) < 0)
                return -errno;
        for (int i = 0; i < MAX_GENS; i++) {
                struct gen_ent *g = &s->gens[i];
                if (g->desc && g->id == id && g->dev == st.st_dev && g->ino == st.st_ino &&
                    g->mtime.tv_sec == st.st_mtim.tv_sec && g->mtime.tv_nsec == st.st_mtim.tv_nsec) {
                        g->last_use = ++s->use_clock;
                        *ret = g->desc;
                        return 0;
                }
                if (g->desc && g->id == id) {           /* stale: replace this one */
                        victim = g;
                        victim->last_use = 0;
                        break;
                }
                if (!g->desc || g->last_use < victim->last_use)
                        victim = g;
        }
        struct cc_descriptor *d;
        int r = cc_descriptor_read(path, &d, NULL, 0);
        if (r < 0)
                return r;
        /* Cached pointers are only used under the lock (serve_pages), so replacing is safe. */
        cc_descriptor_free(victim->desc);
        free(victim->mc_sent);
        victim->mc_sent = NULL;
        victim->pages = cc_descriptor_pagemap(d)->pages;
        victim->desc = d;
        victim->id = id;
        victim->dev = st.st_dev;
        victim->ino = st.st_ino;
        victim->mtime = st.st_mtim;
        victim->last_use = ++s->use_clock;
        *ret = d;
        return 0;
}

/* mcdist: multicast a page served over TCP unless it went out in the last few seconds (a burst
 * of clones faulting on the same page gets it once). */
#define MC_RESEND_S 5
static void mc_send(struct cc_memserver *s, uint64_t gen, uint64_t page, const uint8_t *data)
{
        uint8_t dg[CC_MC_LEN];
        bool due = false;
        uint32_t now = (uint32_t)(ss_mono_ns() / 1000000000ull) + 1;

        pthread_mutex_lock(&s->lock);
        for (int i = 0; i < MAX_GENS; i++) {
                struct gen_ent *g = &s->gens[i];
                if (!g->desc || g->id != gen || page >= g->pages)
                        continue;
                if (!g->mc_sent)
                        g->mc_sent = calloc(g->pages ? g->pages : 1, sizeof(*g->mc_sent));
                if (g->mc_sent && (!g->mc_sent[page] || now - g->mc_sent[page] >= MC_RESEND_S)) {
                        g->mc_sent[page] = now;
                        due = true;
                }
                break;
        }
        pthread_mutex_unlock(&s->lock);
        if (!due)
                return;
        cc_mc_seal(s->secret, s->o.secret_len, gen, page, data, dg);
        if (send(s->mc_fd, dg, sizeof(dg), MSG_DONTWAIT) == (ssize_t)sizeof(dg))
                __atomic_add_fetch(&s->mc_pages, 1, __ATOMIC_RELAXED);
}

static int send_status(struct cc_memserver *s, int fd, uint32_t status, uint32_t n)
{
        uint8_t b[8];
        cc_put32(b, status);
        cc_put32(b + 4, n);
        return cc_io_write(fd, b, sizeof(b), dl(s));
}

static int serve_pages(struct cc_memserver *s, struct conn *c, const uint8_t *hdr)
{
        uint32_t flags = cc_get32(hdr + 4), nr = cc_get32(hdr + 16);
        uint64_t gen = cc_get64(hdr + 8), total = 0, npages = 0;
        struct cc_range ranges[CC_MAX_RANGES];
        uint8_t buf[CC_MAX_RANGES * 12], page[4096], out[12 + LZ4_COMPRESSBOUND(4096)];
        struct { uint64_t page, hash; } *list = NULL;
        int r;

        if (nr == 0 || nr > CC_MAX_RANGES) {
                slog(s, LOG_WARNING, "%s: request with %u ranges refused (limit %u)", c->peer, nr, CC_MAX_RANGES);
                send_status(s, c->fd, EINVAL, 0);
                return -EINVAL;
        }
        r = cc_io_read(c->fd, buf, nr * 12, dl(s));
        if (r < 0)
                return r;
        for (uint32_t i = 0; i < nr; i++) {
                ranges[i].first = cc_get64(buf + i * 12);
                ranges[i].count = cc_get32(buf + i * 12 + 8);
                total += ranges[i].count;
        }
        if (total > s->o.max_request_pages) {
                slog(s, LOG_WARNING, "%s: request for %" PRIu64 " pages refused (limit %u)", c->peer, total,
                     s->o.max_request_pages);
                send_status(s, c->fd, E2BIG, 0);
                return -E2BIG;
        }
        /* Resolve the pages to hashes under the lock, then send without it. */
        list = malloc((total ? total : 1) * sizeof(*list));
        if (!list)
                return -ENOMEM;
        pthread_mutex_lock(&s->lock);
        struct cc_descriptor *d = NULL;
        r = get_gen(s, gen, &d);
        if (r == 0) {
                const struct cc_pagemap *pm = cc_descriptor_pagemap(d);
                for (uint32_t i = 0; i < nr && r == 0; i++) {
                        if (ranges[i].first >= pm->pages || ranges[i].count > pm->pages - ranges[i].first) {
                                r = -ERANGE;
                                break;
                        }
                        for (uint64_t p = ranges[i].first; p < ranges[i].first + ranges[i].count; p++)
                                if (cc_pm_is_data(pm->entry[p])) {
                                        list[npages].page = p;
                                        list[npages++].hash = pm->hash[pm->entry[p] - CC_PM_DATA];
                                }
                }
        }
        pthread_mutex_unlock(&s->lock);
        if (r < 0) {
                slog(s, LOG_WARNING, "%s: generation %" PRIu64 ": %s", c->peer, gen, strerror(-r));
                send_status(s, c->fd, (uint32_t)-r, 0);
                free(list);
                return r == -ERANGE ? r : 0;
        }
        if (s->fault == FAULT_DELAY) {
                struct timespec ts = { (time_t)(s->fault_after / 1000000), (long)(s->fault_after % 1000000) * 1000 };
                while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
                        ;
        }
        r = send_status(s, c->fd, 0, (uint32_t)npages);
        for (uint64_t k = 0; k < npages && r == 0; k++) {
                        uint64_t p = list[k].page;
                        r = cc_store_get(s->store, list[k].hash, page);
                        if (r < 0) {
                                slog(s, LOG_ERR, "%s: generation %" PRIu64 " page %" PRIu64
                                     " missing from the page store: %s", c->peer, gen, p, strerror(-r));
                                break;
                        }
                        uint64_t n = __atomic_add_fetch(&s->served, 1, __ATOMIC_RELAXED);
                        if (s->fault != FAULT_NONE && s->fault != FAULT_DELAY && n > s->fault_after) {
                                if (s->fault == FAULT_CORRUPT) {
                                        page[n % 4096] ^= 0x5a;
                                } else if (s->fault == FAULT_STALL) {
                                        slog(s, LOG_WARNING, "fault injector: stalling %s", c->peer);
                                        struct pollfd pf = { .fd = s->stop_pipe[0], .events = POLLIN };
                                        while (poll(&pf, 1, -1) < 0 && errno == EINTR)
                                                ;
                                        r = -ECANCELED;
                                        break;
                                } else {
                                        slog(s, LOG_WARNING, "fault injector: dying in the middle of a page");
                                        cc_put64(out, p);
                                        cc_put32(out + 8, 4096);
                                        memcpy(out + 12, page, 2048);
                                        cc_io_write(c->fd, out, 12 + 2048, dl(s));
                                        pthread_mutex_lock(&s->lock);
                                        s->dead = true;
                                        pthread_mutex_unlock(&s->lock);
                                        r = -ECANCELED;
                                        break;
                                }
                        }
                        int len = 0;
                        if (flags & CC_REQ_FLAG_LZ4)
                                len = LZ4_compress_default((const char *)page, (char *)out + 12, 4096,
                                                           LZ4_COMPRESSBOUND(4096));
                        if (len <= 0 || len >= 4096) {
                                len = 4096;
                                memcpy(out + 12, page, 4096);
                        }
                        cc_put64(out, p);
                        cc_put32(out + 8, (uint32_t)len);
                        r = cc_io_write(c->fd, out, 12 + (size_t)len, dl(s));
                        c->pages++;
                        c->bytes += 12 + (uint64_t)len;
                        if (r == 0 && s->mc_fd >= 0)
                                mc_send(s, gen, p, page);
        }
        free(list);
        return r;
}

/* One of the generation's files as status + length + bytes: its descriptor, or the working set
 * recorded by the first clone host that ran it (ENOENT: none yet, not worth a warning). */
static int serve_file(struct cc_memserver *s, struct conn *c, uint64_t gen, const char *name, size_t max,
                      const char *what)
{
        char path[PATH_MAX], *buf = NULL;
        size_t len = 0;
        uint8_t st[12];
        snprintf(path, sizeof(path), "%s/%" PRIu64 "/%s", s->gen_root, gen, name);
        int r = ss_read_file(path, max, &buf, &len);
        cc_put32(st, r < 0 ? (uint32_t)-r : 0);
        cc_put64(st + 4, r < 0 ? 0 : len);
        if (r == 0)
                slog(s, LOG_INFO, "%s: sending the %s of generation %" PRIu64 " (%zu bytes)", c->peer, what, gen, len);
        else if (r != -ENOENT || strcmp(name, "ws.bin"))
                slog(s, LOG_WARNING, "%s: %s of generation %" PRIu64 ": %s", c->peer, what, gen, strerror(-r));
        int w = cc_io_write(c->fd, st, sizeof(st), dl(s));
        if (w == 0 && r == 0)
                w = cc_io_write(c->fd, buf, len, dl(s));
        free(buf);
        return w;
}

/* A clone host's recording of gen: checked against the generation's page map, kept if it is the
 * first (EEXIST otherwise). A bad one is refused with a log line and the connection closed. */
static int take_ws(struct cc_memserver *s, struct conn *c, uint64_t gen, uint32_t len)
{
        char path[PATH_MAX];
        uint8_t st[4], *buf = NULL;
        uint32_t *pages = NULL;
        size_t n = 0;
        struct cc_descriptor *d = NULL;
        int r = 0;

        if (len > CC_WS_MAX_BYTES) {
                slog(s, LOG_WARNING, "%s: working set of %u bytes refused (limit %u)", c->peer, len, CC_WS_MAX_BYTES);
                cc_put32(st, E2BIG);
                cc_io_write(c->fd, st, sizeof(st), dl(s));
                return -E2BIG;
        }
        buf = malloc(len ? len : 1);
        if (!buf)
                return -ENOMEM;
        r = cc_io_read(c->fd, buf, len, dl(s));
        if (r < 0)
                goto out;
        pthread_mutex_lock(&s->lock);
        r = get_gen(s, gen, &d);
        if (r == 0)
                r = cc_ws_parse(buf, len, gen, cc_descriptor_pagemap(d)->pages, &pages, &n);
        pthread_mutex_unlock(&s->lock);
        snprintf(path, sizeof(path), "%s/%" PRIu64 "/ws.bin", s->gen_root, gen);
        if (r == 0 && access(path, F_OK) == 0)
                r = -EEXIST;
        if (r == 0)
                r = ss_write_file_atomic(path, buf, len, 0600);
        if (r == 0)
                slog(s, LOG_INFO, "%s: took the working set of generation %" PRIu64 " (%zu pages)", c->peer, gen, n);
        else if (r != -EEXIST)
                slog(s, LOG_WARNING, "%s: working set of generation %" PRIu64 " refused: %s", c->peer, gen, strerror(-r));
        cc_put32(st, r < 0 ? (uint32_t)-r : 0);
        int w = cc_io_write(c->fd, st, sizeof(st), dl(s));
        r = w < 0 ? w : r == -EBADMSG ? r : 0;
out:
        free(pages);
        free(buf);
        return r;
}

static int handshake(struct cc_memserver *s, struct conn *c)
{
        uint8_t hello[40] = "SFMS", reply[72], fin[36] = {0}, mac[CC_MAC_LEN];
        cc_put16(hello + 4, CC_PROTO_VERSION);
        if (getrandom(hello + 8, CC_NONCE_LEN, 0) != CC_NONCE_LEN)
                return -EIO;
        int r = cc_io_write(c->fd, hello, sizeof(hello), dl(s));
        if (r == 0)
                r = cc_io_read(c->fd, reply, sizeof(reply), dl(s));
        if (r < 0)
                return r;
        if (memcmp(reply, "SFMC", 4) != 0 || cc_get16(reply + 4) != CC_PROTO_VERSION)
                return -EPROTO;
        r = cc_auth_mac(s->secret, s->o.secret_len, "client", hello + 8, reply + 8, mac);
        if (r < 0)
                return r;
        if (CRYPTO_memcmp(mac, reply + 40, CC_MAC_LEN) != 0) {
                cc_put32(fin, EACCES);
                cc_io_write(c->fd, fin, sizeof(fin), dl(s));
                return -EACCES;
        }
        r = cc_auth_mac(s->secret, s->o.secret_len, "server", reply + 8, hello + 8, fin + 4);
        if (r == 0)
                r = cc_io_write(c->fd, fin, sizeof(fin), dl(s));
        return r;
}

static void *conn_main(void *arg)
{
        struct conn *c = arg;
        struct cc_memserver *s = c->s;
        uint8_t hdr[20];
        int r = handshake(s, c);

        if (r < 0)
                slog(s, LOG_WARNING, "%s: %s", c->peer,
                     r == -EACCES ? "authentication failed (wrong cluster secret)" : "handshake failed");
        while (r == 0) {
                r = cc_io_read(c->fd, hdr, 4, dl(s));
                if (r < 0)
                        break;
                uint32_t type = cc_get32(hdr);
                r = cc_io_read(c->fd, hdr + 4, type == CC_REQ_PAGES || type == CC_REQ_DESC || type == CC_REQ_WS ||
                                                   type == CC_REQ_WS_PUT ? 16 : 0, dl(s));
                if (r < 0)
                        break;
                c->requests++;
                if (type == CC_REQ_PAGES)
                        r = serve_pages(s, c, hdr);
                else if (type == CC_REQ_DESC)
                        r = serve_file(s, c, cc_get64(hdr + 8), "descriptor.sfd", CC_DESC_MAX_BYTES, "descriptor");
                else if (type == CC_REQ_WS)
                        r = serve_file(s, c, cc_get64(hdr + 8), "ws.bin", CC_WS_MAX_BYTES, "working set");
                else if (type == CC_REQ_WS_PUT)
                        r = take_ws(s, c, cc_get64(hdr + 8), cc_get32(hdr + 16));
                else {
                        slog(s, LOG_WARNING, "%s: unknown request type %u, closing", c->peer, type);
                        r = -EPROTO;
                }
        }
        if (c->requests)
                slog(s, LOG_INFO, "%s: done after %" PRIu64 " requests, %" PRIu64 " pages, %" PRIu64 " bytes (%s)",
                     c->peer, c->requests, c->pages, c->bytes,
                     r == -ECONNRESET ? "client closed" : r == -ETIMEDOUT ? "idle timeout" : strerror(-r));
        pthread_mutex_lock(&s->lock);
        for (struct conn **p = &s->conns; *p; p = &(*p)->next)
                if (*p == c) {
                        *p = c->next;
                        break;
                }
        s->nconns--;
        close(c->fd);
        pthread_cond_broadcast(&s->gone);
        pthread_mutex_unlock(&s->lock);
        free(c);
        return NULL;
}

static void *accept_main(void *arg)
{
        struct cc_memserver *s = arg;
        while (cc_poll_stop(s->lfd, s->stop_pipe[0], -1) == 0) {
                struct sockaddr_storage ss;
                socklen_t sl = sizeof(ss);
                int fd = accept4(s->lfd, (struct sockaddr *)&ss, &sl, SOCK_CLOEXEC | SOCK_NONBLOCK);
                if (fd < 0)
                        continue;
                char host[48] = "?", serv[8] = "?";
                getnameinfo((struct sockaddr *)&ss, sl, host, sizeof(host), serv, sizeof(serv),
                            NI_NUMERICHOST | NI_NUMERICSERV);
                pthread_mutex_lock(&s->lock);
                if (s->dead || s->nconns >= s->o.max_conns) {
                        bool dead = s->dead;
                        pthread_mutex_unlock(&s->lock);
                        if (!dead)
                                slog(s, LOG_WARNING, "%s:%s refused: %u connections is the limit", host, serv,
                                     s->o.max_conns);
                        close(fd);
                        continue;
                }
                struct conn *c = calloc(1, sizeof(*c));
                if (!c) {
                        pthread_mutex_unlock(&s->lock);
                        close(fd);
                        continue;
                }
                int one = 1;
                setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
                c->s = s;
                c->fd = fd;
                snprintf(c->peer, sizeof(c->peer), "%s:%s", host, serv);
                pthread_attr_t at;
                pthread_attr_init(&at);
                pthread_attr_setdetachstate(&at, PTHREAD_CREATE_DETACHED);
                if (pthread_create(&c->thread, &at, conn_main, c) != 0) {
                        pthread_mutex_unlock(&s->lock);
                        pthread_attr_destroy(&at);
                        close(fd);
                        free(c);
                        continue;
                }
                pthread_attr_destroy(&at);
                c->next = s->conns;
                s->conns = c;
                s->nconns++;
                pthread_mutex_unlock(&s->lock);
        }
        return NULL;
}

static int parse_fault(const char *spec, enum fault *f, uint64_t *after)
{
        char kind[16];
        unsigned long long n;
        if (!spec || !*spec) {
                *f = FAULT_NONE;
                return 0;
        }
        if (sscanf(spec, "%15[a-z]:%llu", kind, &n) != 2)
                return -EINVAL;
        if (strcmp(kind, "corrupt") == 0)
                *f = FAULT_CORRUPT;
        else if (strcmp(kind, "stall") == 0)
                *f = FAULT_STALL;
        else if (strcmp(kind, "die") == 0)
                *f = FAULT_DIE;
        else if (strcmp(kind, "delay") == 0)
                *f = FAULT_DELAY;       /* N = µs added to every reply: a slower network */
        else
                return -EINVAL;
        *after = n;
        return 0;
}

int cc_memserver_start(const struct cc_memserver_opts *opts, struct cc_memserver **ret,
                       char *why, size_t why_len)
{
        struct cc_memserver *s = NULL;
        struct addrinfo hints = { .ai_socktype = SOCK_STREAM, .ai_flags = AI_PASSIVE }, *ai = NULL;
        char host[256], port_s[16];
        unsigned port;
        int r;

        if (!opts->secret || opts->secret_len < 16)
                return cc_why(why, why_len, -ENOKEY, "the cluster secret must be at least 16 bytes");
        if (!opts->gen_root || !opts->store_dir || !opts->listen)
                return cc_why(why, why_len, -EINVAL, "listen address, generation root and store are required");
        /* host:port where port 0 means "any free port" (ss_split_hostport refuses 0) */
        const char *colon = strrchr(opts->listen, ':');
        char *end;
        unsigned long pl = colon ? strtoul(colon + 1, &end, 10) : 0;
        if (!colon || colon == opts->listen || (size_t)(colon - opts->listen) >= sizeof(host) ||
            !colon[1] || *end || pl > 65535)
                return cc_why(why, why_len, -EINVAL, "bad listen address '%s' (host:port)", opts->listen);
        memcpy(host, opts->listen, (size_t)(colon - opts->listen));
        host[colon - opts->listen] = 0;
        if (host[0] == '[' && host[strlen(host) - 1] == ']') {
                memmove(host, host + 1, strlen(host));
                host[strlen(host) - 1] = 0;
        }
        port = (unsigned)pl;
        r = 0;
        s = calloc(1, sizeof(*s));
        if (!s)
                return -ENOMEM;
        s->lfd = s->stop_pipe[0] = s->stop_pipe[1] = s->mc_fd = -1;
        pthread_mutex_init(&s->lock, NULL);
        pthread_cond_init(&s->gone, NULL);
        s->o = *opts;
        if (!s->o.max_conns)
                s->o.max_conns = 64;
        if (!s->o.max_request_pages)
                s->o.max_request_pages = 1024;
        if (!s->o.io_timeout_ms)
                s->o.io_timeout_ms = 30000;
        if (parse_fault(opts->inject_fault, &s->fault, &s->fault_after) < 0) {
                r = cc_why(why, why_len, -EINVAL, "bad fault spec '%s' (corrupt:N, stall:N, die:N, delay:US)",
                           opts->inject_fault);
                goto fail;
        }
        s->gen_root = strdup(opts->gen_root);
        s->secret = malloc(opts->secret_len);
        if (!s->gen_root || !s->secret) {
                r = -ENOMEM;
                goto fail;
        }
        memcpy(s->secret, opts->secret, opts->secret_len);
        s->o.secret = s->secret;
        s->o.gen_root = s->gen_root;
        s->o.listen = NULL;
        s->o.store_dir = NULL;
        s->o.inject_fault = NULL;
        s->o.mcast = NULL;
        if (opts->mcast) {
                struct cc_mcast_addr ma;
                struct sockaddr_in to = { .sin_family = AF_INET };
                struct in_addr ifa;
                unsigned char ttl = 1, loop = 1;
                if (cc_mcast_parse(opts->mcast, &ma) < 0) {
                        r = cc_why(why, why_len, -EINVAL, "bad multicast spec '%s' (GROUP:PORT@LOCAL_ADDR)",
                                   opts->mcast);
                        goto fail;
                }
                ifa.s_addr = ma.local;
                to.sin_addr.s_addr = ma.group;
                to.sin_port = ma.port;
                s->mc_fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
                if (s->mc_fd < 0 || setsockopt(s->mc_fd, IPPROTO_IP, IP_MULTICAST_IF, &ifa, sizeof(ifa)) < 0 ||
                    setsockopt(s->mc_fd, IPPROTO_IP, IP_MULTICAST_TTL, &ttl, sizeof(ttl)) < 0 ||
                    setsockopt(s->mc_fd, IPPROTO_IP, IP_MULTICAST_LOOP, &loop, sizeof(loop)) < 0 ||
                    connect(s->mc_fd, (struct sockaddr *)&to, sizeof(to)) < 0) {
                        r = cc_why(why, why_len, -errno, "multicast %s: %s", opts->mcast, strerror(errno));
                        goto fail;
                }
        }
        r = cc_store_open(opts->store_dir, &s->store);
        if (r < 0) {
                cc_why(why, why_len, r, "cannot open page store %s: %s", opts->store_dir, strerror(-r));
                goto fail;
        }
        snprintf(port_s, sizeof(port_s), "%u", port);
        r = getaddrinfo(host, port_s, &hints, &ai);
        if (r != 0) {
                r = cc_why(why, why_len, -EADDRNOTAVAIL, "cannot resolve %s: %s", host, gai_strerror(r));
                goto fail;
        }
        s->lfd = socket(ai->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
        int one = 1;
        if (s->lfd < 0 || setsockopt(s->lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) < 0 ||
            bind(s->lfd, ai->ai_addr, ai->ai_addrlen) < 0 || listen(s->lfd, 64) < 0) {
                r = cc_why(why, why_len, -errno, "cannot listen on %s: %s", opts->listen, strerror(errno));
                goto fail;
        }
        struct sockaddr_storage sa;
        socklen_t sl = sizeof(sa);
        getsockname(s->lfd, (struct sockaddr *)&sa, &sl);
        s->port = ntohs(sa.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)&sa)->sin6_port
                                                 : ((struct sockaddr_in *)&sa)->sin_port);
        if (pipe2(s->stop_pipe, O_CLOEXEC) < 0) {
                r = -errno;
                goto fail;
        }
        r = -pthread_create(&s->accept_thread, NULL, accept_main, s);
        if (r < 0)
                goto fail;
        s->accept_started = true;
        freeaddrinfo(ai);
        *ret = s;
        return 0;
fail:
        if (ai)
                freeaddrinfo(ai);
        cc_memserver_stop(s);
        return r;
}

unsigned cc_memserver_port(const struct cc_memserver *s) { return s->port; }

void cc_memserver_stop(struct cc_memserver *s)
{
        if (!s)
                return;
        if (s->stop_pipe[1] >= 0)
                (void)!write(s->stop_pipe[1], "x", 1);
        if (s->accept_started)
                pthread_join(s->accept_thread, NULL);
        pthread_mutex_lock(&s->lock);
        s->stopping = true;
        for (struct conn *c = s->conns; c; c = c->next)
                shutdown(c->fd, SHUT_RDWR);     /* their reads fail at once; threads exit */
        while (s->nconns)
                pthread_cond_wait(&s->gone, &s->lock);
        pthread_mutex_unlock(&s->lock);
        if (s->lfd >= 0)
                close(s->lfd);
        for (int i = 0; i < 2; i++)
                if (s->stop_pipe[i] >= 0)
                        close(s->stop_pipe[i]);
        for (int i = 0; i < MAX_GENS; i++) {
                cc_descriptor_free(s->gens[i].desc);
                free(s->gens[i].mc_sent);
        }
        if (s->mc_fd >= 0) {
                slog(s, LOG_INFO, "mcdist: %llu pages multicast", (unsigned long long)s->mc_pages);
                close(s->mc_fd);
        }
        cc_store_close(s->store);
        free(s->gen_root);
        free(s->secret);
        pthread_cond_destroy(&s->gone);
        pthread_mutex_destroy(&s->lock);
        free(s);
}
