/* sc_addrplan: addresses and MACs of VMs on the bridge (see sc_addrplan.h). */
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <linux/sockios.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sc_addrplan.h"

struct sc_addrplan {
        struct sc_store *store;
        struct sc_addrplan_cfg cfg;
};

int sc_addrplan_new(struct sc_store *store, const struct sc_addrplan_cfg *cfg, struct sc_addrplan **ret)
{
        struct sc_addrplan *p;

        if (!store || !cfg || !cfg->bridge[0] || cfg->first >= cfg->last || cfg->prefix_len < 1 ||
            cfg->prefix_len > 30)
                return -EINVAL;
        p = calloc(1, sizeof(*p));
        if (!p)
                return -ENOMEM;
        p->store = store;
        p->cfg = *cfg;
        *ret = p;
        return 0;
}

void sc_addrplan_free(struct sc_addrplan *p)
{
        free(p);
}

void sc_addrplan_ip_text(uint32_t ip, char out[16])
{
        snprintf(out, 16, "%u.%u.%u.%u", ip >> 24, (ip >> 16) & 255, (ip >> 8) & 255, ip & 255);
}

void sc_addrplan_mac(const char *owner, unsigned salt, uint8_t mac[6])
{
        uint32_t h = 2166136261u;

        for (const char *s = owner; *s; s++)
                h = (h ^ (uint8_t)*s) * 16777619u;
        for (unsigned i = 0; i < 4; i++)
                h = (h ^ ((salt >> (8 * i)) & 255)) * 16777619u;
        /* 0x02: locally administered, unicast (IEEE 802 bit 1 set, bit 0 clear) */
        mac[0] = 0x02;
        mac[1] = 0x5e;
        mac[2] = (uint8_t)(h >> 24);
        mac[3] = (uint8_t)(h >> 16);
        mac[4] = (uint8_t)(h >> 8);
        mac[5] = (uint8_t)h;
}

static void mac_of(const char *owner, unsigned salt, uint8_t mac[6])
{
        sc_addrplan_mac(owner, salt, mac);
}

static void fill_net(const struct sc_addrplan *p, const struct sc_addr *a, struct cc_net *ret)
{
        memset(ret, 0, sizeof(*ret));
        ret->kind = CC_NET_BRIDGE;
        snprintf(ret->bridge, sizeof(ret->bridge), "%s", p->cfg.bridge);
        memcpy(ret->mac, a->mac, 6);
        sc_addrplan_ip_text(a->ip, ret->ipv4);
        ret->prefix_len = p->cfg.prefix_len;
        sc_addrplan_ip_text(p->cfg.gateway, ret->gateway);
        if (p->cfg.dns)
                sc_addrplan_ip_text(p->cfg.dns, ret->dns);
}

int sc_addrplan_claim(struct sc_addrplan *p, const char *owner, struct cc_net *ret, char *why, size_t why_len)
{
        struct sc_addr a;
        char lo[16], hi[16];
        int r;

        if (!strcmp(owner, "parent")) {
                uint8_t mac[6];
                sc_addrplan_mac(owner, 0, mac);
                r = sc_store_addr_claim_at(p->store, owner, p->cfg.first, mac, &a);
        } else {
                r = sc_store_addr_claim(p->store, owner, p->cfg.first + 1, p->cfg.last, mac_of, &a);
                if (r == 0 && p->cfg.host[0])
                        r = sc_store_addr_set_host(p->store, owner, p->cfg.host);
        }
        if (r == -ENOSPC) {
                sc_addrplan_ip_text(p->cfg.first + 1, lo);
                sc_addrplan_ip_text(p->cfg.last, hi);
                snprintf(why, why_len, "network.range exhausted: all %u addresses %s-%s are held by live VMs",
                         p->cfg.last - p->cfg.first, lo, hi);
                return r;
        }
        if (r < 0) {
                snprintf(why, why_len, "cannot claim an address for %s: %s", owner,
                         r == -EEXIST ? "the parent's address is held by another VM" : strerror(-r));
                return r;
        }
        fill_net(p, &a, ret);
        return 0;
}

int sc_addrplan_release(struct sc_addrplan *p, const char *owner)
{
        return p ? sc_store_addr_release(p->store, owner) : 0;
}

int sc_addrplan_reconcile(struct sc_addrplan *p, const char *const *live, size_t n, bool keep_parent,
                          unsigned *ret_released)
{
        struct sc_addr *v = NULL;
        size_t nv = 0;
        unsigned released = 0;
        int r = sc_store_addr_list(p->store, &v, &nv);

        if (r < 0)
                return r;
        for (size_t i = 0; i < nv; i++) {
                bool keep = keep_parent && !strcmp(v[i].owner, "parent");
                for (size_t k = 0; k < n && !keep; k++)
                        keep = !strcmp(v[i].owner, live[k]);
                if (keep)
                        continue;
                r = sc_store_addr_release(p->store, v[i].owner);
                if (r < 0)
                        break;
                released++;
        }
        free(v);
        if (ret_released)
                *ret_released = released;
        return r;
}

/* ---- the bridge ------------------------------------------------------------------------- */

static int if_flags_up(int sk, const char *name)
{
        struct ifreq ifr;

        memset(&ifr, 0, sizeof(ifr));
        snprintf(ifr.ifr_name, IFNAMSIZ, "%s", name);
        if (ioctl(sk, SIOCGIFFLAGS, &ifr) < 0)
                return -errno;
        if (ifr.ifr_flags & IFF_UP)
                return 0;
        ifr.ifr_flags |= IFF_UP;
        return ioctl(sk, SIOCSIFFLAGS, &ifr) < 0 ? -errno : 0;
}

static int set_ipv4(int sk, const char *name, unsigned long req, uint32_t addr)
{
        struct ifreq ifr;
        struct sockaddr_in *sin = (struct sockaddr_in *)&ifr.ifr_addr;

        memset(&ifr, 0, sizeof(ifr));
        snprintf(ifr.ifr_name, IFNAMSIZ, "%s", name);
        sin->sin_family = AF_INET;
        sin->sin_addr.s_addr = htonl(addr);
        return ioctl(sk, req, &ifr) < 0 ? -errno : 0;
}

int sc_addrplan_bridge_ensure(struct sc_addrplan *p, char *why, size_t why_len)
{
        const char *br = p->cfg.bridge;
        char path[96], gw[16];
        struct stat st;
        struct ifreq ifr;
        int sk, r = 0;

        snprintf(path, sizeof(path), "/sys/class/net/%s", br);
        bool exists = stat(path, &st) == 0;
        snprintf(path, sizeof(path), "/sys/class/net/%s/bridge", br);
        if (exists && stat(path, &st) != 0) {
                snprintf(why, why_len, "network.bridge %s exists but is not a bridge", br);
                return -ENOTDIR;
        }
        if (!exists && !p->cfg.create) {
                snprintf(why, why_len, "network.bridge %s does not exist and network.create is false: "
                         "create it (ip link add %s type bridge) or set network.create: true", br, br);
                return -ENODEV;
        }
        sk = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (sk < 0) {
                snprintf(why, why_len, "socket: %s", strerror(errno));
                return -errno;
        }
        if (!exists) {
                if (ioctl(sk, SIOCBRADDBR, br) < 0 && errno != EEXIST) {
                        r = -errno;
                        snprintf(why, why_len, "cannot create bridge %s: %s", br, strerror(errno));
                        goto out;
                }
        }
        if (p->cfg.create) {
                /* the gateway address, unless the bridge has an IPv4 address already */
                memset(&ifr, 0, sizeof(ifr));
                snprintf(ifr.ifr_name, IFNAMSIZ, "%s", br);
                if (ioctl(sk, SIOCGIFADDR, &ifr) < 0) {
                        uint32_t mask = ~0u << (32 - p->cfg.prefix_len);
                        if ((r = set_ipv4(sk, br, SIOCSIFADDR, p->cfg.gateway)) < 0 ||
                            (r = set_ipv4(sk, br, SIOCSIFNETMASK, mask)) < 0) {
                                sc_addrplan_ip_text(p->cfg.gateway, gw);
                                snprintf(why, why_len, "cannot give bridge %s the gateway address %s: %s", br,
                                         gw, strerror(-r));
                                goto out;
                        }
                }
        }
        r = if_flags_up(sk, br);
        if (r < 0)
                snprintf(why, why_len, "cannot bring bridge %s up: %s", br, strerror(-r));
out:
        close(sk);
        return r;
}
