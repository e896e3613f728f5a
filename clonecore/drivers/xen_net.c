/* drivers/xen_net.c: a Xen VM's place on the bridge (see xen_net.h): the attachment checks, a
 * clone's MAC, its identity line for the guest agent, and the vif's bridge port. A restored clone
 * is its parent on the wire (MAC, address, the gratuitous ARP netfront sends on resume) until its
 * agent has taken the new identity, so the driver keeps its vif off the bridge until then. */
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <linux/sockios.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../cc_internal.h"
#include "xen_net.h"

int xen_net_check(const char *what, const struct cc_net *net, char *why, size_t why_len)
{
        if (net->kind == CC_NET_NONE)
                return 0;
        if (net->kind == CC_NET_USER)
                return cc_why(why, why_len, -EOPNOTSUPP, "%s: the xen driver attaches VMs to a bridge "
                              "(network.mode: bridge); user-mode networking is the qemu driver's", what);
        if (net->kind != CC_NET_BRIDGE)
                return cc_why(why, why_len, -EINVAL, "%s: unknown network attachment %d", what, (int)net->kind);
        return cc_net_bridge_check(what, net, why, why_len);
}

void xen_net_mac(const struct cc_net *net, const char *clone_id, uint8_t mac[6])
{
        static const uint8_t zero[6];
        uint32_t h = 2166136261u;

        if (net && net->kind == CC_NET_BRIDGE && memcmp(net->mac, zero, 6)) {
                memcpy(mac, net->mac, 6);
                return;
        }
        for (const char *s = clone_id; *s; s++)
                h = (h ^ (uint8_t)*s) * 16777619u;
        for (unsigned i = 0; i < 4; i++)        /* salt 0, as the address plan's first choice */
                h = h * 16777619u;
        mac[0] = 0x02;                          /* locally administered, unicast */
        mac[1] = 0x5e;
        mac[2] = (uint8_t)(h >> 24);
        mac[3] = (uint8_t)(h >> 16);
        mac[4] = (uint8_t)(h >> 8);
        mac[5] = (uint8_t)h;
}

void xen_net_mac_text(const uint8_t mac[6], char out[18])
{
        snprintf(out, 18, "%02x:%02x:%02x:%02x:%02x:%02x", mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
}

int xen_net_identity(const struct cc_identity *id, const char *hostname, bool fail_ready, const struct cc_net *net,
                     const uint8_t mac[6], char *out, size_t out_len, char *expect, size_t expect_len)
{
        char m[18];
        int n, e = 0;

        xen_net_mac_text(mac, m);
        n = snprintf(out, out_len, "clone_id=%s hostname=%s seed=%016llx fail_ready=%d", id->clone_id, hostname,
                     (unsigned long long)id->seed, fail_ready);
        if (n >= 0 && (size_t)n < out_len && net && net->kind == CC_NET_BRIDGE)
                n += snprintf(out + n, out_len - (size_t)n, " mac=%s ipv4=%s/%u gw=%s dns=%s", m, net->ipv4,
                              net->prefix_len, net->gateway[0] ? net->gateway : "-", net->dns[0] ? net->dns : "-");
        expect[0] = 0;
        if (net && net->kind == CC_NET_BRIDGE)
                e = snprintf(expect, expect_len, "mac=%s ipv4=%s/%u hostname=%s", m, net->ipv4, net->prefix_len,
                             hostname);
        if (n < 0 || (size_t)n >= out_len || e < 0 || (size_t)e >= expect_len)
                return -ENAMETOOLONG;
        return 0;
}

static bool has_word(const char *s, const char *w, size_t wl)
{
        while (*s) {
                size_t l = strcspn(s, " ");
                if (l == wl && !strncmp(s, w, wl))
                        return true;
                s += l;
                s += *s == ' ';
        }
        return false;
}

bool xen_net_report_matches(const char *report, const char *clone_id, const char *expect)
{
        size_t il = strlen(clone_id);

        if (!report || strncmp(report, clone_id, il) || (report[il] != ' ' && report[il] != 0))
                return false;
        for (const char *p = expect; *p; ) {
                size_t l = strcspn(p, " ");
                if (!has_word(report + il, p, l))
                        return false;
                p += l;
                p += *p == ' ';
        }
        return true;
}

void xen_net_vif_name(uint32_t domid, char out[16])
{
        snprintf(out, 16, "vif%u.0", domid);
}

int xen_net_vif_bridge(const char *vif, const char *bridge, bool attach, char *why, size_t why_len)
{
        struct ifreq ifr;
        int sk, r = 0;

        sk = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (sk < 0)
                return cc_why(why, why_len, -errno, "socket: %s", strerror(errno));
        memset(&ifr, 0, sizeof(ifr));
        snprintf(ifr.ifr_name, IFNAMSIZ, "%s", vif);
        if (ioctl(sk, SIOCGIFINDEX, &ifr) < 0) {
                r = cc_why(why, why_len, -errno, "vif %s: %s", vif, strerror(errno));
                goto out;
        }
        int ifindex = ifr.ifr_ifindex;
        memset(&ifr, 0, sizeof(ifr));
        snprintf(ifr.ifr_name, IFNAMSIZ, "%s", bridge);
        ifr.ifr_ifindex = ifindex;
        if (ioctl(sk, attach ? SIOCBRADDIF : SIOCBRDELIF, &ifr) < 0 && !(attach ? errno == EBUSY : errno == EINVAL))
                r = cc_why(why, why_len, -errno, "%s vif %s %s bridge %s: %s", attach ? "put" : "take", vif,
                           attach ? "on" : "off", bridge, errno == ENODEV ? "no such bridge" : strerror(errno));
out:
        close(sk);
        return r;
}
