/* pol_check: checks that need several fields at once, run after the walk: the policy's targets
 * (their syntax depends on the metric), min <= max, windows, distinct listen addresses. */
#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <syslog.h>
#include <unistd.h>

#include "pol_load.h"
#include "ss_util.h"

/* ---- checks that need several fields ---------------------------------------------------- */
static void parse_target(struct pol_ctx *c, enum pol_metric m, yaml_node_t *v, const char *path, double *ret)
{
        const char *s = scalar(v);
        char gbuf[160];

        if (has_nul(v))
                return;                 /* reported by the walk */
        if (pol_metric_is_latency(m)) {
                uint64_t us;
                if (!s || pol_parse_duration(s, &us) < 0 || us == 0) {
                        diag(c, v, path, "must be a latency like 150ms (%s is a latency), got %s",
                             pol_metric_name(m), GOT(v));
                        return;
                }
                if (us > 3600 * SEC) {
                        diag(c, v, path, "must be at most 1h, got %s", GOT(v));
                        return;
                }
                *ret = (double)us;
        } else {
                char *end;
                double d;
                if (!s || !*s) {
                        d = -1;
                        end = NULL;
                } else {
                        errno = 0;
                        d = strtod(s, &end);
                }
                if (!s || !end || *end || errno || !isfinite(d) || d <= 0 || d > 1e9) {
                        diag(c, v, path, "must be a positive number (%s per clone), got %s",
                             m == POL_METRIC_RPS_PER_CLONE ? "requests per second" : "requests in flight",
                             GOT(v));
                        return;
                }
                *ret = d;
        }
}

static void check_policy(struct pol_ctx *c, yaml_node_t *root)
{
        struct pol_policy *p = &c->cfg->policy;
        yaml_node_t *pol = pol_seen_val(c, "policy");
        yaml_node_t *metric = pol_seen_val(c, "policy.metric"), *target = pol_seen_val(c, "policy.target");
        struct pol_seen *metrics = pol_seen_find(c, "policy.metrics");
        yaml_node_t *anchor = pol && pol->type == YAML_MAPPING_NODE ? pol : root;
        char gbuf[160], ip[64], tp[80];

        if (pol && !is_null(pol) && pol->type != YAML_MAPPING_NODE)
                return;                 /* already reported */
        if (metrics && (metric || target)) {
                diag(c, metrics->key, "policy.metrics",
                     "give either metric + target or a metrics list, not both");
                return;
        }
        if (!metrics) {
                if (!target) {
                        diag(c, anchor, "policy.target",
                             "required (there is no default): the %s to hold, e.g. %s",
                             pol_metric_name(p->metrics[0].metric),
                             pol_metric_is_latency(p->metrics[0].metric) ? "150ms" : "50");
                        return;
                }
                parse_target(c, p->metrics[0].metric, target, "policy.target", &p->metrics[0].target);
                p->n_metrics = 1;
                return;
        }
        yaml_node_t *v = metrics->val;
        size_t n;
        if (v->type != YAML_SEQUENCE_NODE) {
                diag(c, v, "policy.metrics", "must be a list of { metric: NAME, target: VALUE }, got %s", GOT(v));
                return;
        }
        n = (size_t)(v->data.sequence.items.top - v->data.sequence.items.start);
        if (n < 1 || n > POL_MAX_METRICS) {
                diag(c, v, "policy.metrics", "must list 1 to %d metrics, got %zu", POL_MAX_METRICS, n);
                return;
        }
        p->n_metrics = 0;
        for (size_t i = 0; i < n; i++) {
                struct pol_target t = { .metric = POL_METRIC_P95_LATENCY, .target = 0 };
                yaml_node_t *it = node_of(c, v->data.sequence.items.start[i]);
                int before = c->errors;
                pol_path_fmt(ip, sizeof(ip), "policy.metrics[%zu]", i);
                pol_walk_map(c, pol_metric_item_fields, &t, it, ip);
                pol_path_fmt(tp, sizeof(tp), "%s.target", ip);
                if (c->errors != before || !pol_seen_val(c, tp))
                        continue;
                parse_target(c, t.metric, pol_seen_val(c, tp), tp, &t.target);
                if (c->errors != before)
                        continue;
                for (size_t j = 0; j < p->n_metrics; j++) {
                        if (p->metrics[j].metric == t.metric) {
                                char mp[80];
                                pol_path_fmt(mp, sizeof(mp), "%s.metric", ip);
                                diag(c, pol_seen_val(c, mp), mp, "%s is listed twice", pol_metric_name(t.metric));
                                goto next;
                        }
                }
                p->metrics[p->n_metrics++] = t;
next:;
        }
}

static yaml_node_t *val_or(struct pol_ctx *c, const char *a, const char *b)
{
        yaml_node_t *n = pol_seen_val(c, a);
        return n ? n : pol_seen_val(c, b);
}

/* "10.77.0.1" -> host byte order; false when it is not a dotted IPv4 address. */
static bool ipv4_of(const char *s, uint32_t *ret)
{
        struct in_addr a;

        if (!s || inet_pton(AF_INET, s, &a) != 1)
                return false;
        *ret = ntohl(a.s_addr);
        return true;
}

static void fmt_ipv4(char *buf, size_t len, uint32_t a)
{
        snprintf(buf, len, "%u.%u.%u.%u", a >> 24, (a >> 16) & 255, (a >> 8) & 255, a & 255);
}

/* network.*: bridge mode needs a subnet; the gateway, range and DNS must lie in it (defaults:
 * gateway = first host, range = the rest, DNS = gateway). Parsed addresses land in cfg->network. */
static void check_network(struct pol_ctx *c)
{
        struct pol_config *cfg = c->cfg;
        typeof(cfg->network) *n = &cfg->network;
        char gbuf[160], b1[20], b2[20];
        uint32_t mask, bcast;
        char *slash, addr[64];
        long plen;

        if (n->mode != POL_NET_BRIDGE) {
                static const char *const keys[] = { "network.subnet", "network.gateway", "network.range", "network.dns" };
                for (size_t i = 0; i < POL_ARRAY_SIZE(keys); i++)
                        if (pol_seen_find(c, keys[i]))
                                diag(c, pol_seen_find(c, keys[i])->key, keys[i],
                                     "only used with network.mode: bridge (mode is user)");
                return;
        }
        if (strlen(n->bridge) > 15)
                diag(c, pol_seen_val(c, "network.bridge"), "network.bridge",
                     "must be at most 15 characters (a Linux interface name), got %zu", strlen(n->bridge));
        if (!n->subnet) {
                diag(c, pol_seen_val(c, "network.mode"), "network.subnet",
                     "is required with network.mode: bridge (e.g. 10.77.0.0/24)");
                return;
        }
        snprintf(addr, sizeof(addr), "%s", n->subnet);
        slash = strchr(addr, '/');
        plen = slash ? strtol(slash + 1, NULL, 10) : -1;
        if (slash)
                *slash = 0;
        if (!slash || !ipv4_of(addr, &n->net_addr) || plen < 8 || plen > 29 ||
            strspn(slash + 1, "0123456789") != strlen(slash + 1)) {
                diag(c, pol_seen_val(c, "network.subnet"), "network.subnet",
                     "must be an IPv4 network like 10.77.0.0/24 (prefix 8..29), got %s",
                     GOT(pol_seen_val(c, "network.subnet")));
                return;
        }
        n->prefix_len = (int)plen;
        mask = plen ? ~0u << (32 - plen) : 0;
        if (n->net_addr & ~mask) {
                fmt_ipv4(b1, sizeof(b1), n->net_addr & mask);
                diag(c, pol_seen_val(c, "network.subnet"), "network.subnet",
                     "has host bits set (the network is %s/%ld)", b1, plen);
                return;
        }
        bcast = n->net_addr | ~mask;
        if (!n->gateway)
                n->gw_addr = n->net_addr + 1;
        else if (!ipv4_of(n->gateway, &n->gw_addr) || (n->gw_addr & mask) != n->net_addr ||
                 n->gw_addr == n->net_addr || n->gw_addr == bcast) {
                diag(c, pol_seen_val(c, "network.gateway"), "network.gateway",
                     "must be a host address inside network.subnet %s, got %s", n->subnet,
                     GOT(pol_seen_val(c, "network.gateway")));
                return;
        }
        if (!n->range) {
                n->first_addr = n->gw_addr + 1;
                n->last_addr = bcast - 1;
        } else {
                char lo[64], *dash;
                snprintf(lo, sizeof(lo), "%s", n->range);
                dash = strchr(lo, '-');
                if (dash)
                        *dash++ = 0;
                if (!dash || !ipv4_of(lo, &n->first_addr) || !ipv4_of(dash, &n->last_addr) ||
                    n->first_addr > n->last_addr || (n->first_addr & mask) != n->net_addr ||
                    (n->last_addr & mask) != n->net_addr || n->first_addr == n->net_addr ||
                    n->last_addr == bcast) {
                        diag(c, pol_seen_val(c, "network.range"), "network.range",
                             "must be FIRST-LAST host addresses inside network.subnet %s, got %s",
                             n->subnet, GOT(pol_seen_val(c, "network.range")));
                        return;
                }
                if (n->gw_addr >= n->first_addr && n->gw_addr <= n->last_addr) {
                        fmt_ipv4(b1, sizeof(b1), n->gw_addr);
                        diag(c, pol_seen_val(c, "network.range"), "network.range",
                             "must not contain the gateway %s", b1);
                        return;
                }
        }
        if (n->last_addr - n->first_addr < 1) {
                fmt_ipv4(b1, sizeof(b1), n->first_addr);
                fmt_ipv4(b2, sizeof(b2), n->last_addr);
                diag(c, pol_seen_val(c, "network.range") ? pol_seen_val(c, "network.range") :
                     pol_seen_val(c, "network.subnet"), "network.range",
                     "needs at least 2 addresses (the parent takes the first), got %s-%s", b1, b2);
                return;
        }
        if (!n->dns)
                n->dns_addr = n->gw_addr;
        else if (!ipv4_of(n->dns, &n->dns_addr))
                diag(c, pol_seen_val(c, "network.dns"), "network.dns", "must be an IPv4 address, got %s",
                     GOT(pol_seen_val(c, "network.dns")));
}

void pol_check_config(struct pol_ctx *c, yaml_node_t *root)
{
        struct pol_config *cfg = c->cfg;
        struct pol_policy *p = &cfg->policy;
        char b1[32], b2[32];

        check_policy(c, root);
        check_network(c);
        pol_check_hosts(c);
        if (p->min_clones > p->max_clones)
                diag(c, val_or(c, "policy.min_clones", "policy.max_clones"), "policy.min_clones",
                     "must not exceed policy.max_clones (%d > %d)", p->min_clones, p->max_clones);
        for (size_t i = 0; i < p->n_schedule; i++) {
                char sp[64];
                pol_path_fmt(sp, sizeof(sp), "policy.schedule[%zu].min_clones", i);
                if (p->schedule[i].min_clones > p->max_clones)
                        diag(c, pol_seen_val(c, sp), sp, "must not exceed policy.max_clones (%d > %d)",
                             p->schedule[i].min_clones, p->max_clones);
        }
        if (p->panic_window_us >= p->stable_window_us) {
                pol_fmt_duration(b1, sizeof(b1), p->panic_window_us);
                pol_fmt_duration(b2, sizeof(b2), p->stable_window_us);
                diag(c, val_or(c, "policy.panic.window", "policy.stable_window"), "policy.panic.window",
                     "must be shorter than policy.stable_window (%s >= %s)", b1, b2);
        }
        if (cfg->tick_us > p->panic_window_us) {
                pol_fmt_duration(b1, sizeof(b1), cfg->tick_us);
                pol_fmt_duration(b2, sizeof(b2), p->panic_window_us);
                diag(c, val_or(c, "tick", "policy.panic.window"), "tick",
                     "must not be longer than policy.panic.window (%s > %s)", b1, b2);
        }
        if (pol_seen_find(c, "api.token") && pol_seen_find(c, "api.token_file"))
                diag(c, pol_seen_find(c, "api.token_file")->key, "api.token_file",
                     "give either api.token or api.token_file, not both");
        if (pol_seen_find(c, "lb.token") && pol_seen_find(c, "lb.token_file"))
                diag(c, pol_seen_find(c, "lb.token_file")->key, "lb.token_file",
                     "give either lb.token or lb.token_file, not both");
        {
                static const char *const lp[3] = { "service.front_listen", "api.listen", "lb.listen" };
                const char *lv[3] = { cfg->service.front_listen, cfg->api.listen, cfg->lb.listen };
                for (int i = 0; i < 3; i++) {
                        for (int j = i + 1; j < 3; j++) {
                                /* blame the address that was written, not a default */
                                int a = pol_seen_val(c, lp[j]) ? j : i, o = a == j ? i : j;
                                if (!lv[i] || !lv[j] || strcmp(lv[i], lv[j]))
                                        continue;
                                diag(c, pol_seen_val(c, lp[a]), lp[a], "same address as %s%s (%s)", lp[o],
                                     pol_seen_val(c, lp[o]) ? "" : "'s default", lv[i]);
                        }
                }
        }
        if (cfg->driver.disk && cfg->driver.kind == POL_DRIVER_XEN) {
                /* copied into a thin device at each parent boot (docs/drivers-xen.md, "Disks") */
                char msg[PATH_MAX + 128];
                if (pol_disk_check_raw(cfg->driver.disk, msg, sizeof(msg)) < 0)
                        diag(c, pol_seen_val(c, "driver.disk"), "driver.disk", "%s", msg);
        } else if (cfg->driver.disk) {
                char msg[PATH_MAX * 2 + 128];
                if (pol_disk_check(cfg->driver.disk, msg, sizeof(msg)) < 0)
                        diag(c, pol_seen_val(c, "driver.disk"), "driver.disk", "%s", msg);
                /* a disk without a kernel key boots through its own bootloader (firmware) */
                if (!pol_seen_find(c, "driver.kernel")) {
                        free(cfg->driver.kernel);
                        free(cfg->driver.initrd);
                        cfg->driver.kernel = cfg->driver.initrd = NULL;
                }
        }
        if ((long long)cfg->driver.port_base + p->max_clones > 65535)
                diag(c, val_or(c, "driver.port_base", "policy.max_clones"), "driver.port_base",
                     "port_base + max_clones must stay below 65536 (%d + %d)", cfg->driver.port_base,
                     p->max_clones);
}
