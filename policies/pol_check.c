/* pol_check: checks that need several fields at once, run after the walk: the policy's targets
 * (their syntax depends on the metric), min <= max, windows, distinct listen addresses. */
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

void pol_check_config(struct pol_ctx *c, yaml_node_t *root)
{
        struct pol_config *cfg = c->cfg;
        struct pol_policy *p = &cfg->policy;
        char b1[32], b2[32];

        check_policy(c, root);
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
                diag(c, pol_seen_val(c, "driver.disk"), "driver.disk",
                     "the xen driver attaches no disk yet (use driver.kind: qemu; docs/disks.md)");
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
