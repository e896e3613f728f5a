/* pol_hosts: the multi-host part of snowscale.yaml (docs/multihost.md): the hosts: list (one
 * snowscale-hostd each, its capacity and its clones' routed subnet), placement, and cluster.*
 * (the mutual-TLS files and the memserver that serves generations to the hosts). Without a
 * hosts: list none of it applies and a cluster: section is an error, so a single-host file
 * means what it always meant. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pol_load.h"
#include "ss_util.h"

#define POL_MAX_HOSTS   64

void pol_set_hosts(struct pol_ctx *c, yaml_node_t *v, const char *path)
{
        struct pol_config *cfg = c->cfg;
        char gbuf[160], ip[300];
        size_t n;

        if (is_null(v))
                return;
        if (v->type != YAML_SEQUENCE_NODE) {
                diag(c, v, path, "must be a list of { name, address, max_clones | memory, network }, got %s",
                     GOT(v));
                return;
        }
        n = (size_t)(v->data.sequence.items.top - v->data.sequence.items.start);
        if (n > POL_MAX_HOSTS) {
                diag(c, v, path, "at most %d hosts, got %zu", POL_MAX_HOSTS, n);
                return;
        }
        if (n == 0)
                return;
        cfg->hosts = calloc(n, sizeof(*cfg->hosts));
        if (!cfg->hosts)
                return;
        cfg->n_hosts = n;
        for (size_t i = 0; i < n; i++) {
                pol_path_fmt(ip, sizeof(ip), "%s[%zu]", path, i);
                pol_walk_map(c, pol_host_fields, &cfg->hosts[i], node_of(c, v->data.sequence.items.start[i]), ip);
        }
}

static bool ipv4_of(const char *s, uint32_t *ret)
{
        struct in_addr a;

        if (!s || inet_pton(AF_INET, s, &a) != 1)
                return false;
        *ret = ntohl(a.s_addr);
        return true;
}

/* hosts[i].network: subnet, gateway (default the first host), the clones' range (the rest). */
static void check_host_network(struct pol_ctx *c, struct pol_host *h, size_t i)
{
        char gbuf[160], path[96], addr[64], *slash;
        uint32_t mask, bcast;
        long plen;

        if (!h->network.subnet)
                return;                 /* "is required" said already */
        pol_path_fmt(path, sizeof(path), "hosts[%zu].network.subnet", i);
        snprintf(addr, sizeof(addr), "%s", h->network.subnet);
        slash = strchr(addr, '/');
        plen = slash ? strtol(slash + 1, NULL, 10) : -1;
        if (slash)
                *slash = 0;
        if (!slash || !ipv4_of(addr, &h->network.net_addr) || plen < 8 || plen > 29 ||
            strspn(slash + 1, "0123456789") != strlen(slash + 1)) {
                diag(c, pol_seen_val(c, path), path,
                     "must be an IPv4 network like 10.80.1.0/24 (prefix 8..29), got %s",
                     GOT(pol_seen_val(c, path)));
                return;
        }
        mask = ~0u << (32 - plen);
        if (h->network.net_addr & ~mask) {
                diag(c, pol_seen_val(c, path), path, "has host bits set");
                return;
        }
        h->network.prefix_len = (int)plen;
        bcast = h->network.net_addr | ~mask;
        h->network.gw_addr = h->network.net_addr + 1;
        if (h->network.gateway) {
                pol_path_fmt(path, sizeof(path), "hosts[%zu].network.gateway", i);
                if (!ipv4_of(h->network.gateway, &h->network.gw_addr) ||
                    (h->network.gw_addr & mask) != h->network.net_addr ||
                    h->network.gw_addr == h->network.net_addr || h->network.gw_addr == bcast) {
                        diag(c, pol_seen_val(c, path), path, "must be a host address inside %s, got %s",
                             h->network.subnet, GOT(pol_seen_val(c, path)));
                        return;
                }
        }
        /* the clones take every other host address of the subnet */
        h->network.first_addr = h->network.net_addr + 1 == h->network.gw_addr ? h->network.gw_addr + 1
                                                                              : h->network.net_addr + 1;
        h->network.last_addr = bcast - 1;
}

static bool overlap(const struct pol_host *a, const struct pol_host *b)
{
        uint32_t ma, mb, m;

        if (!a->network.prefix_len || !b->network.prefix_len)
                return false;
        ma = ~0u << (32 - a->network.prefix_len);
        mb = ~0u << (32 - b->network.prefix_len);
        m = ma & mb;            /* the shorter prefix decides */
        return (a->network.net_addr & m) == (b->network.net_addr & m);
}

/* cluster.nbd_listen and cluster.mcast: the data plane of a generation's disk and memory
 * (docs/multihost-data.md). Hosts are told these addresses, so they must name one. */
static void check_cluster_data(struct pol_ctx *c)
{
        struct pol_config *cfg = c->cfg;
        char host[256], ms_host[256] = "", buf[300], gbuf[160];
        unsigned port, ms_port = 0;
        struct in_addr a;

        if (cfg->cluster.memserver_listen)
                ss_split_hostport(cfg->cluster.memserver_listen, ms_host, sizeof(ms_host), &ms_port);
        if (cfg->cluster.mcast && ss_split_hostport(cfg->cluster.mcast, host, sizeof(host), &port) == 0 &&
            (inet_pton(AF_INET, host, &a) != 1 || !IN_MULTICAST(ntohl(a.s_addr)))) {
                diag(c, pol_seen_val(c, "cluster.mcast"), "cluster.mcast",
                     "must be an IPv4 multicast group and port like 239.192.7.1:7441, got %s",
                     GOT(pol_seen_val(c, "cluster.mcast")));
        } else if (cfg->cluster.mcast && ms_port && inet_pton(AF_INET, ms_host, &a) != 1) {
                diag(c, pol_seen_val(c, "cluster.mcast"), "cluster.mcast",
                     "needs cluster.memserver_listen on an IPv4 address (the interface the group is sent "
                     "from), got %s", cfg->cluster.memserver_listen);
        }
        if (cfg->cluster.nbd_listen) {
                if (ss_split_hostport(cfg->cluster.nbd_listen, host, sizeof(host), &port) < 0)
                        return;         /* said already */
                if (!strcmp(host, "0.0.0.0") || !strcmp(host, "::") || !host[0])
                        diag(c, pol_seen_val(c, "cluster.nbd_listen"), "cluster.nbd_listen",
                             "must name an address the hosts reach (it goes into their disk URIs), got %s",
                             GOT(pol_seen_val(c, "cluster.nbd_listen")));
                else if (cfg->cluster.memserver_listen && !strcmp(host, ms_host) && port == ms_port)
                        diag(c, pol_seen_val(c, "cluster.nbd_listen"), "cluster.nbd_listen",
                             "is cluster.memserver_listen's address and port: the NBD exports need ports of "
                             "their own");
                else if (port > 65535 - 15)
                        diag(c, pol_seen_val(c, "cluster.nbd_listen"), "cluster.nbd_listen",
                             "needs 16 ports from %u on (one per generation exported), got port %u", port, port);
                return;
        }
        if (cfg->driver.disk && ms_port) {
                /* the default: beside the memserver, on NBD's registered port */
                snprintf(buf, sizeof(buf), strchr(ms_host, ':') ? "[%s]:10809" : "%s:10809", ms_host);
                if (ms_port == 10809 || !strcmp(ms_host, "0.0.0.0") || !strcmp(ms_host, "::"))
                        diag(c, pol_seen_val(c, "cluster.memserver_listen"), "cluster.nbd_listen",
                             "is required with driver.disk here: its default, cluster.memserver_listen's "
                             "address with port 10809, is not one the hosts can be told");
                else
                        pol_set_str(&cfg->cluster.nbd_listen, buf);
        }
}

void pol_check_hosts(struct pol_ctx *c)
{
        struct pol_config *cfg = c->cfg;
        char path[96], p2[96];

        if (cfg->n_hosts == 0) {
                static const char *const keys[] = { "cluster", "placement" };
                for (size_t i = 0; i < POL_ARRAY_SIZE(keys); i++)
                        if (pol_seen_find(c, keys[i]))
                                diag(c, pol_seen_find(c, keys[i])->key, keys[i],
                                     "only used with a hosts: list (without one every clone runs on this host)");
                return;
        }
        {
                static const struct { const char *key; size_t off; } need[] = {
                        { "cluster.ca", offsetof(struct pol_config, cluster.ca) },
                        { "cluster.cert", offsetof(struct pol_config, cluster.cert) },
                        { "cluster.key", offsetof(struct pol_config, cluster.key) },
                        { "cluster.memserver_listen", offsetof(struct pol_config, cluster.memserver_listen) },
                        { "cluster.secret_file", offsetof(struct pol_config, cluster.secret) },
                };
                for (size_t i = 0; i < POL_ARRAY_SIZE(need); i++)
                        if (!*(char **)((char *)cfg + need[i].off) && !pol_seen_find(c, need[i].key))
                                diag(c, pol_seen_val(c, "hosts"), need[i].key,
                                     "is required with a hosts: list (docs/multihost.md)");
        }
        check_cluster_data(c);
        if (cfg->cluster.secret && strlen(cfg->cluster.secret) < 16)
                diag(c, pol_seen_val(c, "cluster.secret_file"), "cluster.secret_file",
                     "the cluster secret must be at least 16 bytes, got %zu", strlen(cfg->cluster.secret));
        if (cfg->driver.boot == POL_BOOT_COLD)
                diag(c, pol_seen_val(c, "driver.boot"), "driver.boot",
                     "cold boots run on this host only: a hosts: list needs driver.boot: clone");
        if (cfg->network.mode != POL_NET_BRIDGE)
                diag(c, pol_seen_val(c, "network.mode") ? pol_seen_val(c, "network.mode") : pol_seen_val(c, "hosts"),
                     "network.mode", "a hosts: list needs network.mode: bridge (the parent's user-net state "
                     "cannot be restored on a host's bridge)");
        if (cfg->driver.kind != POL_DRIVER_QEMU)
                diag(c, pol_seen_val(c, "driver.kind"), "driver.kind",
                     "a hosts: list runs the qemu driver on each host (the xen driver is single-host)");
        for (size_t i = 0; i < cfg->n_hosts; i++) {
                struct pol_host *h = &cfg->hosts[i];

                pol_path_fmt(path, sizeof(path), "hosts[%zu].name", i);
                struct pol_seen *nm = pol_seen_find(c, path);
                pol_path_fmt(path, sizeof(path), "hosts[%zu]", i);
                if (!h->max_clones && !h->memory_bytes && nm)
                        diag(c, nm->key, path,
                             "needs its capacity: max_clones, memory or both");
                if (h->network.bridge && strlen(h->network.bridge) > 15) {
                        pol_path_fmt(path, sizeof(path), "hosts[%zu].network.bridge", i);
                        diag(c, pol_seen_val(c, path), path,
                             "must be at most 15 characters (a Linux interface name), got %zu",
                             strlen(h->network.bridge));
                }
                check_host_network(c, h, i);
        }
        for (size_t i = 0; i < cfg->n_hosts; i++) {
                for (size_t j = 0; j < i; j++) {
                        struct pol_host *a = &cfg->hosts[i], *b = &cfg->hosts[j];

                        if (a->name && b->name && !strcmp(a->name, b->name)) {
                                pol_path_fmt(path, sizeof(path), "hosts[%zu].name", i);
                                pol_path_fmt(p2, sizeof(p2), "hosts[%zu].name", j);
                                diag(c, pol_seen_val(c, path), path, "\"%s\" is also %s", a->name, p2);
                        }
                        if (a->address && b->address && !strcmp(a->address, b->address)) {
                                pol_path_fmt(path, sizeof(path), "hosts[%zu].address", i);
                                pol_path_fmt(p2, sizeof(p2), "hosts[%zu].address", j);
                                diag(c, pol_seen_val(c, path), path, "%s is also %s", a->address, p2);
                        }
                        if (overlap(a, b)) {
                                pol_path_fmt(path, sizeof(path), "hosts[%zu].network.subnet", i);
                                pol_path_fmt(p2, sizeof(p2), "hosts[%zu].network.subnet", j);
                                diag(c, pol_seen_val(c, path), path,
                                     "%s overlaps %s (%s): each host routes its own subnet",
                                     a->network.subnet, p2, b->network.subnet);
                        }
                }
        }
        if (cfg->network.mode == POL_NET_BRIDGE) {
                struct pol_host front = { .network = { .net_addr = cfg->network.net_addr,
                                                       .prefix_len = cfg->network.prefix_len } };
                for (size_t i = 0; i < cfg->n_hosts; i++)
                        if (overlap(&cfg->hosts[i], &front)) {
                                pol_path_fmt(path, sizeof(path), "hosts[%zu].network.subnet", i);
                                diag(c, pol_seen_val(c, path), path, "overlaps network.subnet %s",
                                     cfg->network.subnet);
                        }
        }
}
