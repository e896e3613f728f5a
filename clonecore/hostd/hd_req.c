/* hd_req: a clone request's body (POST /v1/clones, docs/multihost.md) read and judged before
 * anything starts: every field a sentence when it is wrong, which the API answers as a 400.
 *   {"id": "c7", "generation": 3, "memserver": "10.9.0.1:7440",
 *    "net": {"bridge", "mac", "ipv4", "prefix_len", "gateway"},
 *    "disk_uri": "nbd://10.9.0.1:10809/gen-3",      optional: the generation's disk layer
 *    "mcast": "239.192.7.1:7441"}                    optional: mcdist group ([@LOCAL_ADDR]) */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hd.h"
#include "ss_util.h"

static int parse_mac(const char *s, uint8_t mac[6])
{
        unsigned m[6];
        char tail;

        if (!s || sscanf(s, "%x:%x:%x:%x:%x:%x%c", &m[0], &m[1], &m[2], &m[3], &m[4], &m[5], &tail) != 6)
                return -EINVAL;
        for (int i = 0; i < 6; i++) {
                if (m[i] > 255)
                        return -EINVAL;
                mac[i] = (uint8_t)m[i];
        }
        return 0;
}

static const char *jstr(struct json_object *o, const char *key)
{
        struct json_object *v;

        return json_object_object_get_ex(o, key, &v) && json_object_is_type(v, json_type_string) ?
               json_object_get_string(v) : NULL;
}

/* An optional string member: 0 absent or null (ret ""), 1 a string, -EINVAL anything else. */
static int opt_str(struct json_object *o, const char *key, const char **ret)
{
        struct json_object *v;

        *ret = "";
        if (!json_object_object_get_ex(o, key, &v) || json_object_is_type(v, json_type_null))
                return 0;
        if (!json_object_is_type(v, json_type_string))
                return -EINVAL;
        *ret = json_object_get_string(v);
        return 1;
}

/* nbd://HOST:PORT/NAME, as QEMU's nbd block driver reads it; nothing QEMU's option syntax or a
 * shell would read otherwise (the overlay's header stores it as the backing file name). */
static bool disk_uri_ok(const char *s)
{
        char host[256], hp[300];
        const char *slash;
        unsigned port;

        if (strncmp(s, "nbd://", 6))
                return false;
        slash = strchr(s + 6, '/');
        if (!slash || !slash[1] || (size_t)(slash - (s + 6)) >= sizeof(hp))
                return false;
        memcpy(hp, s + 6, (size_t)(slash - (s + 6)));
        hp[slash - (s + 6)] = 0;
        if (ss_split_hostport(hp, host, sizeof(host), &port) < 0 || !host[0] || port == 0)
                return false;
        return strspn(slash + 1, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.") ==
               strlen(slash + 1);
}

/* "GROUP:PORT[@LOCAL]" into "GROUP:PORT@LOCAL" (LOCAL default: local, the address hostd serves
 * on), the form clonecore's memtap joins. */
static int mcast_of(const char *s, const char *local, char *ret, size_t ret_len, char *why, size_t why_len)
{
        char buf[128], *colon, *at, *end;
        struct in_addr g, l;
        unsigned long port;

        if (strlen(s) >= sizeof(buf))
                goto bad;
        strcpy(buf, s);
        at = strchr(buf, '@');
        if (at)
                *at++ = 0;
        colon = strchr(buf, ':');
        if (!colon)
                goto bad;
        *colon = 0;
        port = strtoul(colon + 1, &end, 10);
        if (*end || !colon[1] || port == 0 || port > 65535 || inet_pton(AF_INET, buf, &g) != 1 ||
            !IN_MULTICAST(ntohl(g.s_addr)))
                goto bad;
        if (!at)
                at = (char *)local;
        if (!at || inet_pton(AF_INET, at, &l) != 1) {
                snprintf(why, why_len, "mcast: this hostd serves on %s, not one IPv4 address: send "
                         "GROUP:PORT@LOCAL_ADDR", local && *local ? local : "?");
                return -EINVAL;
        }
        if ((size_t)snprintf(ret, ret_len, "%s:%lu@%s", buf, port, at) >= ret_len)
                goto bad;
        return 0;
bad:
        snprintf(why, why_len, "mcast: must be an IPv4 multicast GROUP:PORT like 239.192.7.1:7441");
        return -EINVAL;
}

int hd_clone_req_parse(const char *body, const char *local, struct hd_clone_req *req, char *why, size_t why_len)
{
        struct json_object *o = json_tokener_parse(body), *v, *net;
        const char *id, *ms, *disk, *mc;
        char host[256];
        unsigned port;
        struct in_addr tmp;
        int r = -EINVAL;

        memset(req, 0, sizeof(*req));
        if (!o || !json_object_is_type(o, json_type_object)) {
                snprintf(why, why_len, "body must be a JSON object");
                goto out;
        }
        id = jstr(o, "id");
        ms = jstr(o, "memserver");
        if (!id || !*id || strlen(id) >= sizeof(req->id) || strspn(id, "abcdefghijklmnopqrstuvwxyz0123456789-_") != strlen(id)) {
                snprintf(why, why_len, "id: must be 1-31 lower-case letters, digits, '-' or '_'");
                goto out;
        }
        if (!json_object_object_get_ex(o, "generation", &v) || !json_object_is_type(v, json_type_int) ||
            json_object_get_int64(v) <= 0) {
                snprintf(why, why_len, "generation: must be a positive integer");
                goto out;
        }
        if (!ms || strlen(ms) >= sizeof(req->memserver) || ss_split_hostport(ms, host, sizeof(host), &port) < 0) {
                snprintf(why, why_len, "memserver: must be HOST:PORT");
                goto out;
        }
        snprintf(req->id, sizeof(req->id), "%s", id);
        req->generation = (uint64_t)json_object_get_int64(v);
        snprintf(req->memserver, sizeof(req->memserver), "%s", ms);
        if (opt_str(o, "disk_uri", &disk) < 0 || strlen(disk) >= sizeof(req->disk_uri) ||
            (*disk && !disk_uri_ok(disk))) {
                snprintf(why, why_len, "disk_uri: must be nbd://HOST:PORT/NAME (NAME of letters, digits, "
                         "'-', '_', '.')");
                goto out;
        }
        snprintf(req->disk_uri, sizeof(req->disk_uri), "%s", disk);
        if (opt_str(o, "mcast", &mc) < 0) {
                snprintf(why, why_len, "mcast: must be a string GROUP:PORT");
                goto out;
        }
        if (*mc && mcast_of(mc, local, req->mcast, sizeof(req->mcast), why, why_len) < 0)
                goto out;
        if (!json_object_object_get_ex(o, "net", &net) || !json_object_is_type(net, json_type_object)) {
                snprintf(why, why_len, "net: must be an object {bridge, mac, ipv4, prefix_len, gateway}");
                goto out;
        }
        {
                const char *br = jstr(net, "bridge"), *ip = jstr(net, "ipv4"), *gw = jstr(net, "gateway");
                struct json_object *pl;
                if (!br || !*br || strlen(br) >= sizeof(req->net.bridge)) {
                        snprintf(why, why_len, "net.bridge: must be an interface name");
                        goto out;
                }
                if (parse_mac(jstr(net, "mac"), req->net.mac) < 0) {
                        snprintf(why, why_len, "net.mac: must be like 02:5e:00:00:00:01");
                        goto out;
                }
                if (!ip || inet_pton(AF_INET, ip, &tmp) != 1 || !gw || inet_pton(AF_INET, gw, &tmp) != 1) {
                        snprintf(why, why_len, "net.ipv4 and net.gateway: must be IPv4 addresses");
                        goto out;
                }
                if (!json_object_object_get_ex(net, "prefix_len", &pl) || !json_object_is_type(pl, json_type_int) ||
                    json_object_get_int(pl) < 8 || json_object_get_int(pl) > 30) {
                        snprintf(why, why_len, "net.prefix_len: must be 8..30");
                        goto out;
                }
                req->net.kind = CC_NET_BRIDGE;
                snprintf(req->net.bridge, sizeof(req->net.bridge), "%s", br);
                snprintf(req->net.ipv4, sizeof(req->net.ipv4), "%s", ip);
                snprintf(req->net.gateway, sizeof(req->net.gateway), "%s", gw);
                req->net.prefix_len = (unsigned)json_object_get_int(pl);
        }
        r = 0;
out:
        json_object_put(o);
        return r;
}
