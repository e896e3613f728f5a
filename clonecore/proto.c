/* The memserver wire protocol, client side, and the helpers both sides share (docs/memtap.md).
 *
 * Handshake (mutual, HMAC-SHA256 with the cluster secret; the secret never crosses the wire):
 *   server -> "SFMS" u16 version u16 0, nonce_s[32]
 *   client -> "SFMC" u16 version u16 0, nonce_c[32], HMAC(secret, "client" nonce_s nonce_c)
 *   server -> u32 status (0 | EACCES), HMAC(secret, "server" nonce_c nonce_s)
 * Requests:  u32 type, u32 flags, u64 generation, u32 nranges, nranges x (u64 first, u32 count)
 * Replies:   PAGES: u32 status, u32 npages, npages x (u64 page, u32 len, len bytes: raw if 4096,
 *            else LZ4) in page order, only the data pages of the ranges (zero/free never sent);
 *            DESC:  u32 status, u64 length, the descriptor file.
 * All integers little-endian. Every read has a deadline; a peer that stalls gets -ETIMEDOUT. */
#include <errno.h>
#include <netdb.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <unistd.h>

#include <lz4.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "cc_internal.h"
#include "ss_util.h"

struct cc_client {
        int fd;
        unsigned timeout_ms;
        uint8_t *page;                  /* receive buffers */
        uint8_t *lz;
};

static int wait_fd(int fd, short ev, uint64_t deadline_ns)
{
        for (;;) {
                uint64_t now = ss_mono_ns();
                if (now >= deadline_ns)
                        return -ETIMEDOUT;
                struct pollfd p = { .fd = fd, .events = ev };
                int ms = (int)((deadline_ns - now + 999999) / 1000000);
                int n = poll(&p, 1, ms);
                if (n < 0 && errno == EINTR)
                        continue;
                if (n < 0)
                        return -errno;
                if (n > 0)
                        return 0;
        }
}

int cc_io_read(int fd, void *buf, size_t len, uint64_t deadline_ns)
{
        uint8_t *p = buf;
        while (len) {
                int r = wait_fd(fd, POLLIN, deadline_ns);
                if (r < 0)
                        return r;
                ssize_t n = recv(fd, p, len, MSG_DONTWAIT);
                if (n < 0 && (errno == EINTR || errno == EAGAIN))
                        continue;
                if (n < 0)
                        return -errno;
                if (n == 0)
                        return -ECONNRESET;
                p += n;
                len -= (size_t)n;
        }
        return 0;
}

int cc_io_write(int fd, const void *buf, size_t len, uint64_t deadline_ns)
{
        const uint8_t *p = buf;
        while (len) {
                int r = wait_fd(fd, POLLOUT, deadline_ns);
                if (r < 0)
                        return r;
                ssize_t n = send(fd, p, len, MSG_DONTWAIT | MSG_NOSIGNAL);
                if (n < 0 && (errno == EINTR || errno == EAGAIN))
                        continue;
                if (n < 0)
                        return -errno;
                p += n;
                len -= (size_t)n;
        }
        return 0;
}

int cc_auth_mac(const void *secret, size_t secret_len, const char *label,
                const uint8_t *a, const uint8_t *b, uint8_t mac[CC_MAC_LEN])
{
        uint8_t msg[16 + 2 * CC_NONCE_LEN];
        size_t ll = strlen(label);
        unsigned int len = CC_MAC_LEN;
        if (ll > 16)
                return -EINVAL;
        memcpy(msg, label, ll);
        memcpy(msg + ll, a, CC_NONCE_LEN);
        memcpy(msg + ll + CC_NONCE_LEN, b, CC_NONCE_LEN);
        if (!HMAC(EVP_sha256(), secret, (int)secret_len, msg, ll + 2 * CC_NONCE_LEN, mac, &len) ||
            len != CC_MAC_LEN)
                return -EIO;
        return 0;
}

static uint64_t deadline(unsigned ms) { return ss_mono_ns() + (uint64_t)ms * 1000000ull; }

void cc_client_close(struct cc_client *c)
{
        if (!c)
                return;
        if (c->fd >= 0)
                close(c->fd);
        free(c->page);
        free(c->lz);
        free(c);
}

void cc_client_abort(struct cc_client *c)
{
        if (c && c->fd >= 0)
                shutdown(c->fd, SHUT_RDWR);
}

int cc_client_connect(const char *hostport, const void *secret, size_t secret_len,
                      unsigned timeout_ms, struct cc_client **ret, char *why, size_t why_len)
{
        struct cc_client *c = NULL;
        struct addrinfo hints = { .ai_socktype = SOCK_STREAM }, *ai = NULL;
        char host[256], port_s[16];
        unsigned port;
        uint8_t hello[40], reply[72], fin[36], nonce_c[CC_NONCE_LEN], mac[CC_MAC_LEN];
        int r;

        if (!secret || secret_len == 0)
                return cc_why(why, why_len, -ENOKEY, "no cluster secret to authenticate to %s", hostport);
        r = ss_split_hostport(hostport, host, sizeof(host), &port);
        if (r < 0)
                return cc_why(why, why_len, r, "bad memserver address '%s'", hostport);
        snprintf(port_s, sizeof(port_s), "%u", port);
        r = getaddrinfo(host, port_s, &hints, &ai);
        if (r != 0)
                return cc_why(why, why_len, -EHOSTUNREACH, "cannot resolve %s: %s", host, gai_strerror(r));
        c = calloc(1, sizeof(*c));
        if (!c) {
                r = -ENOMEM;
                goto out;
        }
        c->timeout_ms = timeout_ms ? timeout_ms : 5000;
        c->page = malloc(4096);
        c->lz = malloc(LZ4_COMPRESSBOUND(4096));
        c->fd = socket(ai->ai_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        if (!c->page || !c->lz || c->fd < 0) {
                r = c->fd < 0 ? -errno : -ENOMEM;
                goto out;
        }
        if (connect(c->fd, ai->ai_addr, ai->ai_addrlen) < 0 && errno != EINPROGRESS) {
                r = cc_why(why, why_len, -errno, "cannot connect to memserver %s: %s", hostport, strerror(errno));
                goto out;
        }
        r = wait_fd(c->fd, POLLOUT, deadline(c->timeout_ms));
        int soerr = 0;
        socklen_t sl = sizeof(soerr);
        if (r == 0 && getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &soerr, &sl) == 0 && soerr)
                r = -soerr;
        if (r < 0) {
                cc_why(why, why_len, r, "cannot connect to memserver %s: %s", hostport, strerror(-r));
                goto out;
        }
        int one = 1;
        setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
        r = cc_io_read(c->fd, hello, sizeof(hello), deadline(c->timeout_ms));
        if (r == 0 && (memcmp(hello, "SFMS", 4) != 0 || cc_get16(hello + 4) != CC_PROTO_VERSION))
                r = -EPROTO;
        if (r < 0) {
                cc_why(why, why_len, r, "memserver %s: bad greeting: %s", hostport, strerror(-r));
                goto out;
        }
        if (getrandom(nonce_c, sizeof(nonce_c), 0) != sizeof(nonce_c)) {
                r = -EIO;
                goto out;
        }
        memcpy(reply, "SFMC", 4);
        cc_put16(reply + 4, CC_PROTO_VERSION);
        cc_put16(reply + 6, 0);
        memcpy(reply + 8, nonce_c, CC_NONCE_LEN);
        r = cc_auth_mac(secret, secret_len, "client", hello + 8, nonce_c, reply + 40);
        if (r == 0)
                r = cc_io_write(c->fd, reply, sizeof(reply), deadline(c->timeout_ms));
        if (r == 0)
                r = cc_io_read(c->fd, fin, sizeof(fin), deadline(c->timeout_ms));
        if (r < 0) {
                cc_why(why, why_len, r, "memserver %s: handshake failed: %s", hostport, strerror(-r));
                goto out;
        }
        if (cc_get32(fin) != 0) {
                r = cc_why(why, why_len, -EACCES, "memserver %s refused the cluster secret", hostport);
                goto out;
        }
        r = cc_auth_mac(secret, secret_len, "server", nonce_c, hello + 8, mac);
        if (r == 0 && CRYPTO_memcmp(mac, fin + 4, CC_MAC_LEN) != 0)
                r = cc_why(why, why_len, -EACCES, "memserver %s does not know the cluster secret", hostport);
        if (r < 0)
                goto out;
        *ret = c;
        c = NULL;
out:
        if (ai)
                freeaddrinfo(ai);
        cc_client_close(c);
        return r;
}

int cc_client_fetch(struct cc_client *c, uint64_t gen, const struct cc_pagemap *pm,
                    const struct cc_range *ranges, unsigned nranges, bool lz4,
                    cc_page_sink deliver, void *userdata, uint64_t *ret_bytes,
                    char *why, size_t why_len)
{
        uint8_t req[24 + CC_MAX_RANGES * 12], hdr[12], st[8];
        uint64_t want_pages = 0, bytes = 0;
        int r;

        if (nranges == 0 || nranges > CC_MAX_RANGES)
                return -EINVAL;
        cc_put32(req, CC_REQ_PAGES);
        cc_put32(req + 4, lz4 ? CC_REQ_FLAG_LZ4 : 0);
        cc_put64(req + 8, gen);
        cc_put32(req + 16, nranges);
        for (unsigned i = 0; i < nranges; i++) {
                if (ranges[i].first >= pm->pages || ranges[i].count > pm->pages - ranges[i].first)
                        return -EINVAL;
                cc_put64(req + 20 + i * 12, ranges[i].first);
                cc_put32(req + 28 + i * 12, ranges[i].count);
                for (uint64_t p = ranges[i].first; p < ranges[i].first + ranges[i].count; p++)
                        want_pages += cc_pm_is_data(pm->entry[p]);
        }
        r = cc_io_write(c->fd, req, 20 + nranges * 12, deadline(c->timeout_ms));
        if (r == 0)
                r = cc_io_read(c->fd, st, sizeof(st), deadline(c->timeout_ms));
        if (r < 0)
                return cc_why(why, why_len, r, "memserver %s: %s",
                              r == -ETIMEDOUT ? "stalled" : r == -ECONNRESET ? "closed the connection" : "I/O error",
                              r == -ETIMEDOUT ? "no reply within the timeout" : strerror(-r));
        if (cc_get32(st) != 0)
                return cc_why(why, why_len, -(int)(cc_get32(st) & 0xffff), "memserver refused the request: %s",
                              strerror((int)(cc_get32(st) & 0xffff)));
        if (cc_get32(st + 4) != want_pages)
                return cc_why(why, why_len, -EPROTO, "memserver announced %u pages, the page map says %llu",
                              cc_get32(st + 4), (unsigned long long)want_pages);
        /* Walk the expected data pages in order: the reply must match them one by one. */
        for (unsigned i = 0; i < nranges; i++) {
                for (uint64_t p = ranges[i].first; p < ranges[i].first + ranges[i].count; p++) {
                        uint32_t e = pm->entry[p];
                        if (!cc_pm_is_data(e))
                                continue;
                        r = cc_io_read(c->fd, hdr, sizeof(hdr), deadline(c->timeout_ms));
                        if (r < 0)
                                return cc_why(why, why_len, r, "memserver %s before page %llu",
                                              r == -ETIMEDOUT ? "stalled" : "went away",
                                              (unsigned long long)p);
                        uint64_t got = cc_get64(hdr);
                        uint32_t len = cc_get32(hdr + 8);
                        if (got != p || len == 0 || len > 4096)
                                return cc_why(why, why_len, -EPROTO,
                                              "memserver sent page %llu (%u bytes) where page %llu was due",
                                              (unsigned long long)got, len, (unsigned long long)p);
                        r = cc_io_read(c->fd, len == 4096 ? c->page : c->lz, len, deadline(c->timeout_ms));
                        if (r < 0)
                                return cc_why(why, why_len, r, "memserver %s in page %llu",
                                              r == -ETIMEDOUT ? "stalled" : "went away",
                                              (unsigned long long)p);
                        if (len < 4096 && LZ4_decompress_safe((const char *)c->lz, (char *)c->page,
                                                              (int)len, 4096) != 4096)
                                return cc_why(why, why_len, -EPROTO, "memserver sent bad LZ4 data for page %llu",
                                              (unsigned long long)p);
                        bytes += sizeof(hdr) + len;
                        /* Never serve a wrong page: the page map's hash is the truth. */
                        if (cc_page_hash(c->page, 4096) != pm->hash[e - CC_PM_DATA])
                                return cc_why(why, why_len, -EBADMSG,
                                              "memserver sent page %llu with the wrong content (hash mismatch)",
                                              (unsigned long long)p);
                        r = deliver(p, c->page, userdata);
                        if (r < 0)
                                return cc_why(why, why_len, r, "cannot keep page %llu: %s",
                                              (unsigned long long)p, strerror(-r));
                }
        }
        if (ret_bytes)
                *ret_bytes += bytes;
        return 0;
}

/* A whole file from the memserver (descriptor or working set): request type, generation. */
static int get_blob(struct cc_client *c, uint32_t type, uint64_t gen, uint64_t max, const char *what,
                    uint8_t **ret, size_t *ret_len, char *why, size_t why_len)
{
        uint8_t req[20] = {0}, st[12];
        uint8_t *buf;
        int r;

        cc_put32(req, type);
        cc_put64(req + 8, gen);
        r = cc_io_write(c->fd, req, sizeof(req), deadline(c->timeout_ms));
        if (r == 0)
                r = cc_io_read(c->fd, st, sizeof(st), deadline(c->timeout_ms));
        if (r < 0)
                return cc_why(why, why_len, r, "memserver: %s request failed: %s", what, strerror(-r));
        if (cc_get32(st) != 0)
                return cc_why(why, why_len, -(int)(cc_get32(st) & 0xffff), "memserver has no %s of generation %llu: %s",
                              what, (unsigned long long)gen, strerror((int)(cc_get32(st) & 0xffff)));
        uint64_t len = cc_get64(st + 4);
        if (len > max)
                return cc_why(why, why_len, -EFBIG, "memserver offers a %s of %llu bytes (limit %llu)", what,
                              (unsigned long long)len, (unsigned long long)max);
        buf = malloc(len ? len : 1);
        if (!buf)
                return -ENOMEM;
        r = cc_io_read(c->fd, buf, len, deadline(c->timeout_ms));
        if (r < 0) {
                free(buf);
                return cc_why(why, why_len, r, "memserver: %s transfer failed: %s", what, strerror(-r));
        }
        *ret = buf;
        *ret_len = len;
        return 0;
}

int cc_client_get_descriptor(struct cc_client *c, uint64_t gen, uint8_t **ret, size_t *ret_len,
                             char *why, size_t why_len)
{
        return get_blob(c, CC_REQ_DESC, gen, CC_DESC_MAX_BYTES, "descriptor", ret, ret_len, why, why_len);
}

int cc_client_get_ws(struct cc_client *c, uint64_t gen, uint8_t **ret, size_t *ret_len,
                     char *why, size_t why_len)
{
        return get_blob(c, CC_REQ_WS, gen, CC_WS_MAX_BYTES, "working set", ret, ret_len, why, why_len);
}

int cc_client_put_ws(struct cc_client *c, uint64_t gen, const void *buf, size_t len, char *why, size_t why_len)
{
        uint8_t req[20] = {0}, st[4];
        int r;

        if (len > CC_WS_MAX_BYTES)
                return cc_why(why, why_len, -EFBIG, "working set of %zu bytes is over the limit", len);
        cc_put32(req, CC_REQ_WS_PUT);
        cc_put64(req + 8, gen);
        cc_put32(req + 16, (uint32_t)len);
        r = cc_io_write(c->fd, req, sizeof(req), deadline(c->timeout_ms));
        if (r == 0)
                r = cc_io_write(c->fd, buf, len, deadline(c->timeout_ms));
        if (r == 0)
                r = cc_io_read(c->fd, st, sizeof(st), deadline(c->timeout_ms));
        if (r < 0)
                return cc_why(why, why_len, r, "memserver: working-set upload failed: %s", strerror(-r));
        if (cc_get32(st) != 0)
                return cc_why(why, why_len, -(int)(cc_get32(st) & 0xffff), "memserver refused the working set: %s",
                              strerror((int)(cc_get32(st) & 0xffff)));
        return 0;
}

/* ---- mcdist datagrams ---- */

int cc_mcast_parse(const char *spec, struct cc_mcast_addr *ret)
{
        char buf[128], *colon, *at, *end;
        struct in_addr g, l;
        if (!spec || strlen(spec) >= sizeof(buf))
                return -EINVAL;
        strcpy(buf, spec);
        at = strchr(buf, '@');
        colon = strchr(buf, ':');
        if (!at || !colon || colon > at)
                return -EINVAL;
        *colon = *at = 0;
        unsigned long port = strtoul(colon + 1, &end, 10);
        if (*end || port == 0 || port > 65535 || inet_pton(AF_INET, buf, &g) != 1 ||
            inet_pton(AF_INET, at + 1, &l) != 1 || !IN_MULTICAST(ntohl(g.s_addr)))
                return -EINVAL;
        ret->group = g.s_addr;
        ret->local = l.s_addr;
        ret->port = htons((uint16_t)port);
        return 0;
}

static void mc_mac(const void *secret, size_t secret_len, const uint8_t *msg, size_t len,
                   uint8_t out[CC_MC_MAC])
{
        uint8_t full[CC_MAC_LEN];
        unsigned int n = sizeof(full);
        if (!HMAC(EVP_sha256(), secret, (int)secret_len, msg, len, full, &n))
                memset(full, 0, sizeof(full));
        memcpy(out, full, CC_MC_MAC);
}

void cc_mc_seal(const void *secret, size_t secret_len, uint64_t gen, uint64_t page,
                const void *data, uint8_t out[CC_MC_LEN])
{
        memcpy(out, "SFMD", 4);
        cc_put16(out + 4, CC_PROTO_VERSION);
        cc_put16(out + 6, 0);
        cc_put64(out + 8, gen);
        cc_put64(out + 16, page);
        memcpy(out + CC_MC_HDR, data, 4096);
        mc_mac(secret, secret_len, out, CC_MC_HDR + 4096, out + CC_MC_HDR + 4096);
}

int cc_mc_open(const void *secret, size_t secret_len, uint64_t gen, const uint8_t *dg, size_t len,
               uint64_t *ret_page)
{
        uint8_t mac[CC_MC_MAC];
        if (len != CC_MC_LEN || memcmp(dg, "SFMD", 4) != 0 || cc_get16(dg + 4) != CC_PROTO_VERSION ||
            cc_get64(dg + 8) != gen)
                return -EBADMSG;
        mc_mac(secret, secret_len, dg, CC_MC_HDR + 4096, mac);
        if (CRYPTO_memcmp(mac, dg + CC_MC_HDR + 4096, CC_MC_MAC) != 0)
                return -EACCES;
        *ret_page = cc_get64(dg + 16);
        return 0;
}
