/* agent_xen.c: sf-guestd's transport as a Xen PV guest: xenstore keys under the domain's own
 * path, spoken over the kernel's /dev/xen/xenbus (the xenstore wire protocol, xen/io/xs_wire.h:
 * a 16-byte header {type, req_id, tx_id, len} then len bytes; at most 4096).
 *
 *   host  -> guest  data/snowscale/identity  "clone_id=c1 hostname=w-c1 seed=<16 hex> fail_ready=0
 *                                            [mac=.. ipv4=A/P gw=G dns=D]" (agent.h's fields)
 *                   data/snowscale/request   "hello" | "online" | "stats" | "freepages" | "quit"
 *                                            (removed once read)
 *   guest -> host   data/snowscale/applied   bridge: "<id> mac=.. ipv4=A/P hostname=H", read back
 *                                            while its vif is off the bridge; the host then says
 *                                            "online"
 *                   data/snowscale/ready     clone id or "parent" (bridge: "<id> mac=.. ...")
 *                   data/snowscale/stats, data/snowscale/log
 *                   data/snowscale/free/N, free/done   "freepages": free pfn runs, then totals
 *
 * Paths are relative, so xenstored resolves them against the calling domain: a clone restored
 * under a new domid needs no change. The watches are kernel watches behind /dev/xen/xenbus; Linux
 * registers them again when the domain resumes from a save, and a new watch fires once, so a
 * restored clone sees its identity without polling. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "agent.h"

#define XS_READ         2
#define XS_WATCH        4
#define XS_WRITE        11
#define XS_RM           13
#define XS_WATCH_EVENT  15
#define XS_ERROR        16
#define XS_PAYLOAD_MAX  4096
#define XS_HDR          16

#define KEY_DIR         "data/snowscale/"
#define TOKEN_IDENTITY  "sf-identity"
#define TOKEN_REQUEST   "sf-request"

struct sfg_chan {
        int fd;
        uint32_t req_id;
        bool identity_dirty, request_dirty;
        char last_identity[SFG_LINE_MAX];       /* delivered once per distinct value */
        size_t have;
        uint8_t buf[(XS_HDR + XS_PAYLOAD_MAX) * 2];
};

static uint32_t get32(const uint8_t *p)
{
        uint32_t v;
        memcpy(&v, p, 4);                       /* native order: the ring is local to this guest */
        return v;
}

static void put32(uint8_t *p, uint32_t v)
{
        memcpy(p, &v, 4);
}

/* Remember a watch event by its token; the key is read when the agent asks for events. */
static void note_watch(struct sfg_chan *c, const uint8_t *payload, uint32_t len)
{
        const char *path = (const char *)payload;
        size_t pl = strnlen(path, len);

        if (pl + 1 >= len)
                return;
        const char *token = path + pl + 1;
        if (!strncmp(token, TOKEN_IDENTITY, len - pl - 1))
                c->identity_dirty = true;
        else if (!strncmp(token, TOKEN_REQUEST, len - pl - 1))
                c->request_dirty = true;
}

/* One complete message out of the buffer into (type, req_id, payload); 1 if one was taken. */
static int take_msg(struct sfg_chan *c, uint32_t *type, uint32_t *req_id, uint8_t *payload, uint32_t *len)
{
        if (c->have < XS_HDR)
                return 0;
        uint32_t l = get32(c->buf + 12);
        if (l > XS_PAYLOAD_MAX)
                return -EPROTO;
        if (c->have < XS_HDR + l)
                return 0;
        *type = get32(c->buf);
        *req_id = get32(c->buf + 4);
        memcpy(payload, c->buf + XS_HDR, l);
        payload[l] = 0;
        *len = l;
        memmove(c->buf, c->buf + XS_HDR + l, c->have - XS_HDR - l);
        c->have -= XS_HDR + l;
        return 1;
}

static int fill(struct sfg_chan *c, bool block)
{
        if (!block) {
                struct pollfd pfd = { .fd = c->fd, .events = POLLIN };
                if (poll(&pfd, 1, 0) <= 0)
                        return 0;
        }
        for (;;) {
                ssize_t n = read(c->fd, c->buf + c->have, sizeof(c->buf) - c->have);
                if (n > 0) {
                        c->have += (size_t)n;
                        return 1;
                }
                if (n < 0 && errno == EINTR)
                        continue;
                return n == 0 ? -EPIPE : -errno;
        }
}

/* A request and its reply; watch events that arrive meanwhile are noted. The reply payload goes
 * to out (NUL-terminated, at most out_len - 1 bytes) when out is not NULL. */
static int xs_call(struct sfg_chan *c, uint32_t type, const char *a, const char *b, char *out, size_t out_len)
{
        uint8_t msg[XS_HDR + XS_PAYLOAD_MAX], payload[XS_PAYLOAD_MAX + 1];
        /* WRITE is "path\0value" without a final NUL; WATCH is "path\0token\0" */
        size_t al = strlen(a) + 1, bl = b ? strlen(b) + (type == XS_WATCH) : 0;
        uint32_t rtype, rid, rlen, id = ++c->req_id;
        int rc;

        if (al + bl > XS_PAYLOAD_MAX)
                return -EMSGSIZE;
        put32(msg, type);
        put32(msg + 4, id);
        put32(msg + 8, 0);
        put32(msg + 12, (uint32_t)(al + bl));
        memcpy(msg + XS_HDR, a, al);
        if (b)
                memcpy(msg + XS_HDR + al, b, bl);
        if (write(c->fd, msg, XS_HDR + al + bl) != (ssize_t)(XS_HDR + al + bl))
                return errno ? -errno : -EIO;
        for (;;) {
                while ((rc = take_msg(c, &rtype, &rid, payload, &rlen)) == 1) {
                        if (rtype == XS_WATCH_EVENT) {
                                note_watch(c, payload, rlen);
                                continue;
                        }
                        if (rid != id)
                                continue;
                        if (rtype == XS_ERROR)
                                return strcmp((char *)payload, "ENOENT") == 0 ? -ENOENT
                                     : strcmp((char *)payload, "EACCES") == 0 ? -EACCES : -EIO;
                        if (out) {
                                if (rlen >= out_len)
                                        return -EMSGSIZE;
                                memcpy(out, payload, rlen + 1);
                        }
                        return 0;
                }
                if (rc < 0)
                        return rc;
                rc = fill(c, true);
                if (rc < 0)
                        return rc;
        }
}

static void xen_close(struct sfg_chan *c)
{
        if (!c)
                return;
        if (c->fd >= 0)
                close(c->fd);
        free(c);
}

static int xen_open(struct sfg_chan **ret)
{
        struct sfg_chan *c = NULL;
        int rc;

        c = calloc(1, sizeof(*c));
        if (!c)
                return -ENOMEM;
        c->fd = open("/dev/xen/xenbus", O_RDWR | O_CLOEXEC);
        if (c->fd < 0) {
                rc = errno == ENOENT ? -ENODEV : -errno;
                goto out;
        }
        rc = xs_call(c, XS_WATCH, KEY_DIR "identity", TOKEN_IDENTITY, NULL, 0);
        if (rc == 0)
                rc = xs_call(c, XS_WATCH, KEY_DIR "request", TOKEN_REQUEST, NULL, 0);
        if (rc < 0)
                goto out;
        *ret = c;
        c = NULL;
out:
        xen_close(c);
        return rc;
}

static int xen_fd(struct sfg_chan *c)
{
        return c->fd;
}

static int xen_next_event(struct sfg_chan *c, struct sfg_event *ev)
{
        uint8_t payload[XS_PAYLOAD_MAX + 1];
        char val[SFG_LINE_MAX];
        uint32_t type, id, len;
        int rc;

        memset(ev, 0, sizeof(*ev));
        /* drain what is readable now; only watch events arrive unasked */
        while ((rc = fill(c, false)) == 1)
                while ((rc = take_msg(c, &type, &id, payload, &len)) == 1)
                        if (type == XS_WATCH_EVENT)
                                note_watch(c, payload, len);
        if (rc < 0)
                return rc;
        while (c->identity_dirty) {
                c->identity_dirty = false;
                rc = xs_call(c, XS_READ, KEY_DIR "identity", NULL, val, sizeof(val));
                if (rc == -ENOENT)
                        break;          /* a parent: nobody has given it an identity */
                if (rc < 0)
                        return rc;
                if (!strcmp(val, c->last_identity))
                        break;          /* the same identity again (watch re-registered) */
                snprintf(c->last_identity, sizeof(c->last_identity), "%s", val);
                rc = sfg_parse_identity(val, &ev->id);
                if (rc < 0)
                        return rc;
                ev->type = SFG_EV_IDENTITY;
                return 0;
        }
        while (c->request_dirty) {
                c->request_dirty = false;
                rc = xs_call(c, XS_READ, KEY_DIR "request", NULL, val, sizeof(val));
                if (rc == -ENOENT)
                        break;
                if (rc < 0)
                        return rc;
                xs_call(c, XS_RM, KEY_DIR "request", NULL, NULL, 0);   /* the next request fires again */
                return sfg_parse_host_line(val, ev);
        }
        return 0;
}

static int xen_send(struct sfg_chan *c, const char *key, const char *value)
{
        char path[64];

        if (strcmp(key, "ready") && strcmp(key, "applied") && strcmp(key, "stats") && strcmp(key, "log") &&
            strncmp(key, "free/", 5))
                return -EINVAL;
        snprintf(path, sizeof(path), KEY_DIR "%s", key);
        return xs_call(c, XS_WRITE, path, value, NULL, 0);
}

static const struct sfg_channel_ops xen_ops = {
        .name = "xen",
        .priority = 5,
        .open = xen_open,
        .fd = xen_fd,
        .next_event = xen_next_event,
        .send = xen_send,
        .close = xen_close,
};
SFG_CHANNEL_REGISTER(xen_ops)
