/* pol_schema: every field of snowscale.yaml (key, kind, where it lands, its limits), the defaults
 * of a config, and freeing one. docs/configuration.md is the operator's view of this table. */
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

#define CFG(m) offsetof(struct pol_config, m)

static const struct pol_enum_name mode_names[] = {
        { "active", POL_MODE_ACTIVE }, { "observe", POL_MODE_OBSERVE }, { NULL, 0 } };
static const struct pol_enum_name level_names[] = {
        { "error", LOG_ERR }, { "warn", LOG_WARNING }, { "info", LOG_INFO }, { "debug", LOG_DEBUG },
        { NULL, 0 } };
static const struct pol_enum_name driver_names[] = {
        { "qemu", POL_DRIVER_QEMU }, { "xen", POL_DRIVER_XEN }, { NULL, 0 } };
static const struct pol_enum_name accel_names[] = {
        { "auto", POL_ACCEL_AUTO }, { "kvm", POL_ACCEL_KVM }, { "tcg", POL_ACCEL_TCG }, { NULL, 0 } };
static const struct pol_enum_name boot_names[] = {
        { "clone", POL_BOOT_CLONE }, { "cold", POL_BOOT_COLD }, { "restore", POL_BOOT_RESTORE },
        { NULL, 0 } };
static const struct pol_enum_name metric_names[] = {
        { "p50_latency", POL_METRIC_P50_LATENCY }, { "p95_latency", POL_METRIC_P95_LATENCY },
        { "p99_latency", POL_METRIC_P99_LATENCY }, { "rps_per_clone", POL_METRIC_RPS_PER_CLONE },
        { "inflight_per_clone", POL_METRIC_INFLIGHT_PER_CLONE }, { NULL, 0 } };
static const struct pol_enum_name preset_names[] = {
        { "snowscale", POL_ALGO_SNOWSCALE }, { "hpa", POL_ALGO_HPA }, { "knative", POL_ALGO_KNATIVE },
        { NULL, 0 } };
static const struct pol_enum_name missing_names[] = {
        { "hold", POL_MISSING_HOLD }, { "treat_as_target", POL_MISSING_TREAT_AS_TARGET }, { NULL, 0 } };

static const struct pol_enum_name net_mode_names[] = {
        { "user", POL_NET_USER }, { "bridge", POL_NET_BRIDGE }, { NULL, 0 } };

static const struct pol_enum_name placement_names[] = {
        { "spread", POL_PLACE_SPREAD }, { "pack", POL_PLACE_PACK }, { NULL, 0 } };
static const struct pol_field cluster_fields[] = {
        { "ca", F_PATH, CFG(cluster.ca) },
        { "cert", F_PATH, CFG(cluster.cert) },
        { "key", F_PATH, CFG(cluster.key) },
        { "memserver_listen", F_LISTEN, CFG(cluster.memserver_listen) },
        { "secret_file", F_TOKENFILE, CFG(cluster.secret) },
        { "host_timeout", F_DUR, CFG(cluster.host_timeout_us), 500 * MS, 3600 * SEC },
        { "nbd_listen", F_LISTEN, CFG(cluster.nbd_listen) },
        { "mcast", F_LISTEN, CFG(cluster.mcast) },
        { NULL }
};
#define HOST(m) offsetof(struct pol_host, m)
static const struct pol_field host_network_fields[] = {
        { "bridge", F_NAME, HOST(network.bridge), .required = true },
        { "subnet", F_STR, HOST(network.subnet), 1, 64, .required = true },
        { "gateway", F_STR, HOST(network.gateway), 1, 64 },
        { NULL }
};
/* Entries of hosts: (offsets relative to struct pol_host) */
const struct pol_field pol_host_fields[] = {
        { "name", F_NAME, HOST(name), .required = true },
        { "address", F_LISTEN, HOST(address), .required = true },
        { "max_clones", F_INT, HOST(max_clones), 1, POL_MAX_CLONES_LIMIT },
        { "memory", F_SIZE, HOST(memory_bytes), 16LL << 20, 1LL << 50 },
        { "network", F_MAP, .sub = host_network_fields, .required = true },
        { NULL }
};

static const struct pol_field service_fields[] = {
        { "name", F_NAME, CFG(service.name) },
        { "front_listen", F_LISTEN, CFG(service.front_listen) },
        { "upstream", F_NAME, CFG(service.upstream) },
        { NULL }
};
static const struct pol_field api_fields[] = {
        { "listen", F_LISTEN, CFG(api.listen) },
        { "token", F_STR, CFG(api.token), 1, POL_MAX_STRING },
        { "token_file", F_TOKENFILE, CFG(api.token) },
        { "max_body", F_SIZE_T, CFG(api.max_body), 1024, 1LL << 30 },
        { NULL }
};
static const struct pol_field driver_fields[] = {
        { "kind", F_ENUM, CFG(driver.kind), .names = driver_names },
        { "accel", F_ENUM, CFG(driver.accel), .names = accel_names },
        { "boot", F_ENUM, CFG(driver.boot), .names = boot_names },
        { "qemu_binary", F_CMD, CFG(driver.qemu_binary) },
        { "kernel", F_PATH, CFG(driver.kernel) },
        { "initrd", F_PATH, CFG(driver.initrd) },
        { "cmdline", F_STR, CFG(driver.cmdline), 0, POL_MAX_STRING },
        { "disk", F_PATH, CFG(driver.disk) },
        { "opts", F_STR, CFG(driver.opts), 0, POL_MAX_STRING },
        { "memory", F_SIZE, CFG(driver.memory_bytes), 16LL << 20, 1LL << 40 },
        { "vcpus", F_INT, CFG(driver.vcpus), 1, 64 },
        { "guest_port", F_INT, CFG(driver.guest_port), 1, 65535 },
        { "port_base", F_INT, CFG(driver.port_base), 1024, 65535 },
        { "ready_timeout", F_DUR, CFG(driver.ready_timeout_us), 100 * MS, 3600 * SEC },
        { NULL }
};
static const struct pol_field lb_fields[] = {
        { "listen", F_LISTEN, CFG(lb.listen) },
        { "token", F_STR, CFG(lb.token), 1, POL_MAX_STRING },
        { "token_file", F_TOKENFILE, CFG(lb.token) },
        { "nginx_binary", F_CMD, CFG(lb.nginx_binary) },
        { "health_path", F_URLPATH, CFG(lb.health_path) },
        { "health_status", F_INT, CFG(lb.health_status), 100, 599 },
        { "health_attempts", F_INT, CFG(lb.health_attempts), 1, 10000 },
        { "health_interval", F_DUR, CFG(lb.health_interval_us), 10 * MS, 60 * SEC },
        { "coalesce", F_DUR, CFG(lb.coalesce_us), 0, 60 * SEC },
        { "min_reload_interval", F_DUR, CFG(lb.min_reload_interval_us), 0, 600 * SEC },
        { NULL }
};
static const struct pol_field network_fields[] = {
        { "mode", F_ENUM, CFG(network.mode), .names = net_mode_names },
        { "bridge", F_NAME, CFG(network.bridge) },
        { "create", F_BOOL, CFG(network.create) },
        { "subnet", F_STR, CFG(network.subnet), 1, 64 },
        { "gateway", F_STR, CFG(network.gateway), 1, 64 },
        { "range", F_STR, CFG(network.range), 1, 64 },
        { "dns", F_STR, CFG(network.dns), 1, 64 },
        { NULL }
};
static const struct pol_field parent_fields[] = {
        { "serve", F_BOOL, CFG(parent.serve) },
        { "warmup_urls", F_URLLIST, CFG(parent.warmup_urls) },
        { "generation_every", F_DUR, CFG(parent.generation_every_us), 0, 7 * 86400 * SEC },
        { NULL }
};
static const struct pol_field clones_fields[] = {
        { "max_consecutive_failures", F_INT, CFG(clones.max_consecutive_failures), 1, 1000 },
        { "backoff", F_DUR, CFG(clones.backoff_us), 10 * MS, 3600 * SEC },
        { NULL }
};
static const struct pol_field up_fields[] = {
        { "max_step", F_STEP, CFG(policy.up.max_step) },
        { "max_rate", F_RATE, CFG(policy.up.max_rate) },
        { "max_rate_or", F_RATE, CFG(policy.up.max_rate_or) },
        { "stabilization", F_DUR, CFG(policy.up.stabilization_us), 0, 3600 * SEC },
        { "max_concurrent_clones", F_STEP, CFG(policy.max_concurrent_clones) },
        { NULL }
};
static const struct pol_field down_fields[] = {
        { "max_step", F_STEP, CFG(policy.down.max_step) },
        { "max_rate", F_RATE, CFG(policy.down.max_rate) },
        { "max_rate_or", F_RATE, CFG(policy.down.max_rate_or) },
        { "stabilization", F_DUR, CFG(policy.down.stabilization_us), 0, 3600 * SEC },
        { "drain_timeout", F_DUR, CFG(policy.drain_timeout_us), 0, 3600 * SEC },
        { NULL }
};
static const struct pol_field panic_fields[] = {
        { "threshold", F_PCT, CFG(policy.panic_threshold), .dmin = 1.1, .dmax = 100.0 },
        { "window", F_DUR, CFG(policy.panic_window_us), 1 * SEC, 600 * SEC },
        { NULL }
};
static const struct pol_field capacity_fields[] = {
        { "utilization", F_PCT, CFG(policy.capacity_utilization), .dmin = 0.1, .dmax = 1.0 },
        { "min_samples", F_INT, CFG(policy.capacity_min_samples), 1, 1000 },
        { NULL }
};
static const struct pol_field policy_fields[] = {
        { "metric", F_ENUM, CFG(policy.metrics[0].metric), .names = metric_names },
        { "target", F_DEFER },
        { "metrics", F_DEFER },
        { "tolerance", F_PCT, CFG(policy.tolerance), .dmin = 0.0, .dmax = 0.99 },
        { "min_clones", F_INT, CFG(policy.min_clones), 0, POL_MAX_CLONES_LIMIT },
        { "max_clones", F_INT, CFG(policy.max_clones), 1, POL_MAX_CLONES_LIMIT },
        { "scale_up", F_MAP, .sub = up_fields },
        { "scale_down", F_MAP, .sub = down_fields },
        { "panic", F_MAP, .sub = panic_fields },
        { "stable_window", F_DUR, CFG(policy.stable_window_us), 2 * SEC, 3600 * SEC },
        { "missing_metrics", F_ENUM, CFG(policy.missing), .names = missing_names },
        { "schedule", F_SCHEDULE, CFG(policy.schedule) },
        { "preset", F_ENUM, CFG(policy.algorithm), .names = preset_names },
        { "sync_period", F_DUR, CFG(policy.sync_period_us), 0, 3600 * SEC },
        { "capacity", F_MAP, .sub = capacity_fields },
        { NULL }
};
const struct pol_field pol_root_fields[] = {
        { "pool", F_NAME, CFG(pool) },
        { "mode", F_ENUM, CFG(mode), .names = mode_names },
        { "service", F_MAP, .sub = service_fields },
        { "api", F_MAP, .sub = api_fields },
        { "state_dir", F_PATH, CFG(state_dir) },
        { "log_level", F_ENUM, CFG(log_level), .names = level_names },
        { "tick", F_DUR, CFG(tick_us), 50 * MS, 60 * SEC },
        { "retention", F_DUR, CFG(retention_us), 60 * SEC, 366LL * 86400 * SEC },
        { "driver", F_MAP, .sub = driver_fields },
        { "lb", F_MAP, .sub = lb_fields },
        { "network", F_MAP, .sub = network_fields },
        { "parent", F_MAP, .sub = parent_fields },
        { "clones", F_MAP, .sub = clones_fields },
        { "policy", F_MAP, .sub = policy_fields },
        { "hosts", F_HOSTS },
        { "placement", F_ENUM, CFG(placement), .names = placement_names },
        { "cluster", F_MAP, .sub = cluster_fields },
        { NULL }
};
/* Entries of lists: offsets are relative to the list element. */
const struct pol_field pol_schedule_fields[] = {
        { "cron", F_CRON, 0, .required = true },
        { "min_clones", F_INT, offsetof(struct pol_schedule, min_clones), 0, POL_MAX_CLONES_LIMIT,
          .required = true },
        { "duration", F_DUR, offsetof(struct pol_schedule, duration_us), 60 * SEC,
          POL_MAX_SCHEDULE_SPAN_S * SEC },
        { NULL }
};
const struct pol_field pol_metric_item_fields[] = {
        { "metric", F_ENUM, offsetof(struct pol_target, metric), .names = metric_names, .required = true },
        { "target", F_DEFER, .required = true },
        { NULL }
};

/* A key written in the wrong section ("min_clones" at the top level): where it lives. */
const char *pol_home_of(const char *key)
{
        static const struct { const char *path; const struct pol_field *tbl; } sections[] = {
                { "service", service_fields }, { "api", api_fields }, { "driver", driver_fields },
                { "lb", lb_fields }, { "network", network_fields }, { "parent", parent_fields }, { "clones", clones_fields },
                { "policy", policy_fields }, { "policy.scale_up", up_fields },
                { "policy.scale_down", down_fields }, { "policy.panic", panic_fields },
                { "policy.capacity", capacity_fields }, { "cluster", cluster_fields },
        };

        for (size_t i = 0; i < POL_ARRAY_SIZE(sections); i++)
                for (const struct pol_field *f = sections[i].tbl; f->key; f++)
                        if (!strcmp(f->key, key))
                                return sections[i].path;
        return NULL;
}

/* ---- defaults --------------------------------------------------------------------------- */
void pol_policy_defaults(struct pol_policy *p)
{
        memset(p, 0, sizeof(*p));
        p->metrics[0].metric = POL_METRIC_P95_LATENCY;
        p->n_metrics = 1;
        p->tolerance = 0.10;
        p->min_clones = 1;
        p->max_clones = 16;
        /* clone-era limits: a clone serves about a second after its order and is cheap to
         * retire, so scale-up is bounded by what the host clones at once, not by a rate */
        p->up.max_step = 0;
        p->up.max_rate = (struct pol_rate){ 0 };
        p->up.stabilization_us = 0;
        p->max_concurrent_clones = 8;
        p->down.max_step = 0;
        p->down.max_rate = (struct pol_rate){ .amount = 50, .percent = true, .per_us = 10 * SEC };
        p->down.stabilization_us = 30 * SEC;
        p->algorithm = POL_ALGO_SNOWSCALE;
        p->capacity_utilization = 0.80;
        p->capacity_min_samples = 1;
        p->drain_timeout_us = 30 * SEC;
        p->panic_threshold = 2.0;
        p->panic_window_us = 6 * SEC;
        p->stable_window_us = 60 * SEC;
        p->missing = POL_MISSING_HOLD;
}

int pol_config_defaults(struct pol_config *c)
{
        pol_policy_defaults(&c->policy);
        c->mode = POL_MODE_ACTIVE;
        c->api.max_body = 4u << 20;
        c->log_level = LOG_INFO;
        c->tick_us = 1 * SEC;
        c->retention_us = 24 * 3600 * SEC;
        c->driver.kind = POL_DRIVER_QEMU;
        c->driver.accel = POL_ACCEL_AUTO;
        c->driver.boot = POL_BOOT_CLONE;
        c->driver.memory_bytes = 256u << 20;
        c->driver.vcpus = 1;
        c->driver.guest_port = 80;
        c->driver.port_base = 18000;
        c->driver.ready_timeout_us = 30 * SEC;
        c->cluster.host_timeout_us = 5 * SEC;
        c->lb.health_status = 200;
        c->lb.health_attempts = 40;
        c->lb.health_interval_us = 250 * MS;
        c->lb.coalesce_us = 200 * MS;
        c->lb.min_reload_interval_us = 250 * MS;
        c->network.mode = POL_NET_USER;
        c->network.create = true;
        c->parent.serve = true;
        c->clones.max_consecutive_failures = 3;
        c->clones.backoff_us = 2 * SEC;
        if (pol_set_str(&c->pool, "web") < 0 || pol_set_str(&c->service.front_listen, "127.0.0.1:8080") < 0 ||
            pol_set_str(&c->api.listen, "127.0.0.1:8900") < 0 ||
            pol_set_str(&c->state_dir, "/var/lib/snowscale") < 0 ||
            pol_set_str(&c->driver.qemu_binary, "qemu-system-x86_64") < 0 ||
            pol_set_str(&c->driver.kernel, "build/guest/vmlinuz") < 0 ||
            pol_set_str(&c->driver.initrd, "build/guest/initrd.gz") < 0 ||
            pol_set_str(&c->lb.listen, "127.0.0.1:8901") < 0 ||
            pol_set_str(&c->lb.nginx_binary, "/usr/sbin/nginx") < 0 ||
            pol_set_str(&c->lb.health_path, "/healthz") < 0 ||
            pol_set_str(&c->network.bridge, "snowscale0") < 0)
                return -ENOMEM;
        return 0;
}

/* Defaults that depend on other fields, filled after the walk. */
int pol_config_derived(struct pol_config *c)
{
        char buf[64];

        if (!c->service.name && pol_set_str(&c->service.name, c->pool) < 0)
                return -ENOMEM;
        if (!c->service.upstream) {
                snprintf(buf, sizeof(buf), "snowscale_%s", c->pool);
                if (pol_set_str(&c->service.upstream, buf) < 0)
                        return -ENOMEM;
        }
        if (!c->lb.token && c->api.token && pol_set_str(&c->lb.token, c->api.token) < 0)
                return -ENOMEM;
        return 0;
}

void pol_config_free(struct pol_config *c)
{
        if (!c)
                return;
        free(c->path);
        free(c->pool);
        free(c->service.name);
        free(c->service.front_listen);
        free(c->service.upstream);
        free(c->api.listen);
        free(c->api.token);
        free(c->state_dir);
        free(c->driver.qemu_binary);
        free(c->driver.kernel);
        free(c->driver.disk);
        free(c->driver.initrd);
        free(c->driver.cmdline);
        free(c->driver.opts);
        free(c->lb.listen);
        free(c->lb.token);
        free(c->lb.nginx_binary);
        free(c->lb.health_path);
        free(c->network.bridge);
        free(c->network.subnet);
        free(c->network.gateway);
        free(c->network.range);
        free(c->network.dns);
        for (size_t i = 0; i < c->parent.n_warmup_urls; i++)
                free(c->parent.warmup_urls[i]);
        free(c->parent.warmup_urls);
        for (size_t i = 0; i < c->policy.n_schedule; i++)
                free(c->policy.schedule[i].cron);
        free(c->policy.schedule);
        for (size_t i = 0; i < c->n_hosts; i++) {
                free(c->hosts[i].name);
                free(c->hosts[i].address);
                free(c->hosts[i].network.bridge);
                free(c->hosts[i].network.subnet);
                free(c->hosts[i].network.gateway);
        }
        free(c->hosts);
        free(c->cluster.ca);
        free(c->cluster.cert);
        free(c->cluster.key);
        free(c->cluster.memserver_listen);
        free(c->cluster.secret);
        free(c->cluster.nbd_listen);
        free(c->cluster.mcast);
        free(c);
}
