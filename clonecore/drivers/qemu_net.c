/* drivers/qemu_net.c: a VM's bridge attachment. One tap per QEMU process, made here with the tun
 * driver's ioctls (TUNSETIFF), put on the host bridge (SIOCBRADDIF) and brought up, then handed to
 * QEMU as an open descriptor (-netdev tap,fd=N). The tap is not persistent: it exists exactly as
 * long as some process holds it open, so a QEMU that dies - or is killed with its manager - takes
 * its tap along and nothing is left on the bridge to clean up after a crash. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <linux/sockios.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "qemu_int.h"

/* "sst" + the run dir's last component when it fits IFNAMSIZ, else a hash of the run dir: one
 * name per VM that an operator can map back to it (`ip link` shows it beside the bridge). */
void qemu_tap_name(const char *run_dir, char out[16])
{
        const char *base = strrchr(run_dir, '/') ? strrchr(run_dir, '/') + 1 : run_dir;
        uint32_t h = 2166136261u;

        if (strlen(base) + 3 <= 15 && strspn(base, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") ==
                                              strlen(base)) {
                snprintf(out, 16, "sst%s", base);
                return;
        }
        for (const char *p = run_dir; *p; p++)
                h = (h ^ (uint8_t)*p) * 16777619u;
        snprintf(out, 16, "sst%08x", h);
}

void qemu_mac_text(const uint8_t mac[6], char out[18])
{
        snprintf(out, 18, "%02x:%02x:%02x:%02x:%02x:%02x", mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
}

int qemu_tap_open(const char *name, const char *bridge, char *why, size_t why_len)
{
        struct ifreq ifr;
        int fd = -1, sk = -1, rc, ifindex;

        fd = open("/dev/net/tun", O_RDWR | O_CLOEXEC);
        if (fd < 0)
                return cc_why(why, why_len, -errno, "open /dev/net/tun: %s (modprobe tun)", strerror(errno));
        memset(&ifr, 0, sizeof(ifr));
        /* VNET_HDR: QEMU's virtio-net then passes checksum/GSO offloads through instead of
         * computing them in software; QEMU reads the flag back with TUNGETIFF. */
        ifr.ifr_flags = IFF_TAP | IFF_NO_PI | IFF_VNET_HDR;
        snprintf(ifr.ifr_name, IFNAMSIZ, "%s", name);
        if (ioctl(fd, TUNSETIFF, &ifr) < 0) {
                rc = cc_why(why, why_len, -errno, "create tap %s: %s", name, strerror(errno));
                goto fail;
        }
        sk = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (sk < 0) {
                rc = cc_why(why, why_len, -errno, "socket: %s", strerror(errno));
                goto fail;
        }
        if (ioctl(sk, SIOCGIFINDEX, &ifr) < 0) {
                rc = cc_why(why, why_len, -errno, "tap %s: %s", name, strerror(errno));
                goto fail;
        }
        ifindex = ifr.ifr_ifindex;
        memset(&ifr, 0, sizeof(ifr));
        snprintf(ifr.ifr_name, IFNAMSIZ, "%s", bridge);
        ifr.ifr_ifindex = ifindex;
        if (ioctl(sk, SIOCBRADDIF, &ifr) < 0) {
                rc = cc_why(why, why_len, -errno, "add tap %s to bridge %s: %s", name, bridge,
                            errno == ENODEV ? "no such bridge" : strerror(errno));
                goto fail;
        }
        memset(&ifr, 0, sizeof(ifr));
        snprintf(ifr.ifr_name, IFNAMSIZ, "%s", name);
        if (ioctl(sk, SIOCGIFFLAGS, &ifr) < 0 || (ifr.ifr_flags |= IFF_UP, ioctl(sk, SIOCSIFFLAGS, &ifr) < 0)) {
                rc = cc_why(why, why_len, -errno, "bring tap %s up: %s", name, strerror(errno));
                goto fail;
        }
        close(sk);
        return fd;
fail:
        if (sk >= 0)
                close(sk);
        close(fd);
        return rc;
}

/* The attachments this driver implements: user-net with a host port, or a tap on a bridge with
 * the VM's own address; at most one disk, given for a parent (a clone's overlay comes from its
 * generation's config). */
int qemu_check_attach(const char *what, const struct cc_net *net, const struct cc_disk *disks,
                      unsigned ndisks, bool parent, char *why, size_t why_len)
{
        if (ndisks > (parent ? 1u : 0u))
                return cc_why(why, why_len, -EOPNOTSUPP, "%s: the qemu driver takes %s", what,
                              parent ? "one disk" : "no disks in a clone spec (the generation has them)");
        if (ndisks && (!disks || !disks[0].path || !*disks[0].path))
                return cc_why(why, why_len, -EINVAL, "%s: disk without a path", what);
        if (ndisks && disks[0].read_only)
                return cc_why(why, why_len, -EOPNOTSUPP, "%s: read-only disks are not implemented", what);
        if (net->kind == CC_NET_BRIDGE)
                return cc_net_bridge_check(what, net, why, why_len);
        if (net->kind != CC_NET_USER)
                return cc_why(why, why_len, -EINVAL, "%s: no network attachment given", what);
        if (net->host_port == 0 || net->host_port > 65535)
                return cc_why(why, why_len, -EINVAL, "%s: host_port must be 1..65535", what);
        return 0;
}
