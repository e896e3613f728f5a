/* pol: the snowscale configuration model (snowscale.yaml), its loader with precise errors,
 * and the pure scaling decision function.
 *
 * Loading never prints: every problem becomes a pol_diag with file:line:col and the field path,
 * all of them are collected (not just the first), and the caller decides how to show them.
 * pol_decide() does no I/O and reads no clock: time comes in as an argument, so it is testable
 * with synthetic time. */
#ifndef POL_H
#define POL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* ---- diagnostics ------------------------------------------------------------------------ */
struct pol_diag {
        char *file;
        int line, col;          /* 1-based, from libyaml's mark; 0 when not tied to a place */
        char *path;             /* field path, e.g. "policy.scale_up.max_step" */
        char *msg;              /* e.g. "must be a positive integer, got \"-2\"" */
};
struct pol_diags {
        struct pol_diag *v;
        size_t n;
};
/* "FILE:LINE:COL: PATH: MSG\n" for each ("FILE:LINE:COL: MSG" when path is NULL, as for YAML
 * syntax errors; "FILE: ..." when line is 0). */
void pol_diags_print(const struct pol_diags *d, FILE *f);
void pol_diags_free(struct pol_diags *d);

/* ---- policy ----------------------------------------------------------------------------- */
enum pol_metric {
        POL_METRIC_P50_LATENCY,
        POL_METRIC_P95_LATENCY,
        POL_METRIC_P99_LATENCY,
        POL_METRIC_RPS_PER_CLONE,
        POL_METRIC_INFLIGHT_PER_CLONE,
};
#define POL_MAX_METRICS 5

struct pol_target {
        enum pol_metric metric;
        double target;                  /* µs for latencies; plain number for rps/inflight */
};

struct pol_rate {                       /* "100%/10s" or "1/30s"; amount 0 = unlimited.
                                         * percent: amount is in percent (100 for "100%") of the
                                         * count at the start of the period; else clones. */
        double amount;
        bool percent;
        uint64_t per_us;
};

struct pol_direction {
        int max_step;                   /* clones per decision; 0 = unlimited */
        struct pol_rate max_rate;
        struct pol_rate max_rate_or;    /* a second rate; the looser of the two applies (HPA
                                         * behavior policies with selectPolicy: Max); amount 0 = none */
        uint64_t stabilization_us;
};

struct pol_schedule {                   /* cron-like floor: "m h dom mon dow" */
        char *cron;
        uint64_t minute[1];             /* bit i = minute i (0..59) */
        uint32_t hour, dom, mon;        /* bit sets: hour 0..23, dom 1..31, mon 1..12 */
        uint8_t dow;                    /* bit 0 = Sunday .. bit 6 = Saturday */
        int min_clones;
        uint64_t duration_us;           /* floor holds this long after each matching minute;
                                         * default 60 s (= while the expression matches) */
};

enum pol_missing { POL_MISSING_HOLD, POL_MISSING_TREAT_AS_TARGET };

/* policy.preset: which controller decides (docs/policies.md). */
enum pol_algorithm {
        POL_ALGO_SNOWSCALE,             /* default: latency SLO, learned capacity sizes the pool */
        POL_ALGO_HPA,                   /* Kubernetes HPA v2: ceil(current x metric / target) */
        POL_ALGO_KNATIVE,               /* Knative KPA: ceil(observed / target per pod), panic mode */
};

struct pol_policy {
        struct pol_target metrics[POL_MAX_METRICS];
        size_t n_metrics;               /* >= 1; the largest recommendation wins */
        double tolerance;               /* fraction: 0.10 for "10%" */
        int min_clones, max_clones;
        struct pol_direction up, down;
        uint64_t drain_timeout_us;      /* scale_down.drain_timeout */
        double panic_threshold;         /* ratio: 2.0 for "200%" */
        uint64_t panic_window_us;       /* short window (also the monitor's short window) */
        uint64_t stable_window_us;      /* long window (monitor's long window), default 60 s */
        enum pol_missing missing;
        struct pol_schedule *schedule;
        size_t n_schedule;
        enum pol_algorithm algorithm;   /* policy.preset (snowscale when absent) */
        int max_concurrent_clones;      /* scale_up.max_concurrent_clones: orders not yet serving
                                         * at once, what the host can clone together; 0 = unlimited */
        uint64_t sync_period_us;        /* a fresh decision at most this often (HPA's 15 s sync
                                         * period, KPA's 2 s tick); 0 = every evaluation */
        double capacity_utilization;    /* capacity.utilization: share of a worker's saturated
                                         * throughput planned for (0.8 for "80%") */
        int capacity_min_samples;       /* capacity.min_samples: saturated observations before the
                                         * learned capacity is trusted */
};

/* ---- the whole file --------------------------------------------------------------------- */
enum pol_driver_kind { POL_DRIVER_QEMU, POL_DRIVER_XEN };
enum pol_accel { POL_ACCEL_AUTO, POL_ACCEL_KVM, POL_ACCEL_TCG };
/* How a new worker starts. clone: forked from the parent's warm generation (lazy memory).
 * cold: booted from the image. restore: the generation's whole memory read into a fresh VM
 * from a saved state file before it runs, as `virsh restore` does (the peer to compare cloning
 * with; docs/drivers.md). clone and restore both cut generations from the warmed parent. */
enum pol_boot_mode { POL_BOOT_CLONE, POL_BOOT_COLD, POL_BOOT_RESTORE };
#define POL_BOOT_FROM_GENERATION(b) ((b) != POL_BOOT_COLD)
/* user: QEMU user-mode net, a host port per VM (the demo's and make run's). bridge: a tap per VM
 * on a host bridge, each clone its own MAC and IPv4 address from the address plan. */
enum pol_net_mode { POL_NET_USER, POL_NET_BRIDGE };
/* observe: decisions are computed, logged and stored, but nothing is cloned or retired
 * (a dry run for a new policy; also what API/dashboard tests run without VMs). */
enum pol_mode { POL_MODE_ACTIVE, POL_MODE_OBSERVE };
/* hosts: where a new clone goes among the healthy hosts with room (docs/multihost.md).
 * spread: the fewest clones first; pack: the most clones first (fill one host, then the next). */
enum pol_placement { POL_PLACE_SPREAD, POL_PLACE_PACK };

/* One worker host (hosts[]): its snowscale-hostd, its capacity, its clones' routed subnet. */
struct pol_host {
        char *name;                     /* "h1": shown as clones[].host */
        char *address;                  /* hostd's control channel "HOST:PORT" (mutual TLS) */
        int max_clones;                 /* 0 = bounded by memory only */
        uint64_t memory_bytes;          /* guest RAM it may hold; 0 = bounded by max_clones only */
        struct {
                char *bridge;           /* the bridge on that host its clones' taps join */
                char *subnet;           /* that host's clone subnet, routed to it ("10.80.1.0/24") */
                char *gateway;          /* default: the subnet's first host (the host's bridge) */
                /* parsed by the checks (host byte order): */
                uint32_t net_addr, gw_addr, first_addr, last_addr;
                int prefix_len;
        } network;
};

struct pol_config {
        char *path;                     /* the file it came from */
        char *pool;                     /* "web" */
        enum pol_mode mode;             /* "mode: active | observe", default active */
        struct {
                char *name;             /* service name, e.g. "web" */
                char *front_listen;     /* nginx front, "127.0.0.1:8080" */
                char *upstream;         /* nginx upstream name, default "snowscale_<pool>" */
        } service;
        struct {
                char *listen;           /* snowscaled API, default "127.0.0.1:8900" */
                char *token;            /* bearer token for mutating endpoints (token or token_file) */
                size_t max_body;        /* request body limit, default 4 MiB */
        } api;
        char *state_dir;                /* default /var/lib/snowscale */
        int log_level;                  /* LOG_ERR..LOG_DEBUG, default LOG_INFO */
        uint64_t tick_us;               /* control loop period, default 1 s */
        uint64_t retention_us;          /* metric history / events kept, default 24 h */
        struct {
                enum pol_driver_kind kind;
                enum pol_accel accel;
                enum pol_boot_mode boot;
                char *qemu_binary;      /* default qemu-system-x86_64 */
                char *kernel, *initrd;  /* the worker image, default build/guest/{vmlinuz,initrd.gz}
                                         * (relative to the working directory) */
                char *cmdline;          /* extra kernel command line */
                char *disk;             /* the worker's disk image (qcow2 or raw, never written), NULL =
                                         * none; with a disk and no kernel key, the disk boots itself */
                char *opts;             /* driver options "k=v,k=v" passed to every clone
                                         * (qemu: fail_ready=1 makes guests never report ready) */
                uint64_t memory_bytes;  /* "256M" */
                int vcpus;
                int guest_port;         /* port the app listens on inside the guest, default 80 */
                int port_base;          /* first host port for user-net hostfwd, default 18000 */
                uint64_t ready_timeout_us;      /* clone must be healthy within this, default 30 s */
        } driver;
        struct {
                char *listen;           /* snowscale-lb API, default "127.0.0.1:8901" */
                char *token;            /* default: api.token */
                char *nginx_binary;     /* default /usr/sbin/nginx */
                char *health_path;      /* default "/healthz" */
                int health_status;      /* default 200 */
                int health_attempts;    /* default 40 */
                uint64_t health_interval_us;    /* default 250 ms */
                uint64_t coalesce_us;   /* reload coalescing window, default 200 ms */
                uint64_t min_reload_interval_us;/* reload rate cap, default 250 ms */
        } lb;
        struct {
                enum pol_net_mode mode; /* default user */
                char *bridge;           /* bridge: host bridge name, default "snowscale0" */
                bool create;            /* create the bridge (with the gateway address), default true */
                char *subnet;           /* "10.77.0.0/24", required for bridge */
                char *gateway;          /* default: the subnet's first host */
                char *range;            /* "10.77.0.10-10.77.0.60", default: after the gateway to the end */
                char *dns;              /* default: the gateway */
                /* parsed by the checks (host byte order): */
                uint32_t net_addr, gw_addr, first_addr, last_addr, dns_addr;
                int prefix_len;
        } network;
        struct {
                bool serve;             /* the parent serves traffic too, default true */
                char **warmup_urls;     /* paths requested before the first generation is cut */
                size_t n_warmup_urls;
                uint64_t generation_every_us;   /* 0 = only on start and on demand */
        } parent;
        struct {
                int max_consecutive_failures;   /* then stop cloning and alert, default 3 */
                uint64_t backoff_us;            /* first retry delay, doubles, default 2 s */
        } clones;
        struct pol_policy policy;
        /* Multi-host pools (docs/multihost.md): none = every clone on this host, as always. */
        struct pol_host *hosts;
        size_t n_hosts;
        enum pol_placement placement;   /* default spread */
        struct {
                char *ca, *cert, *key;  /* PEM: the cluster CA, snowscaled's client cert and key */
                char *memserver_listen; /* where hosts fetch generations, "10.9.0.1:7440" */
                char *secret;           /* secret_file's content: the memserver's cluster secret */
                /* With driver.disk: where generations' disk layers are exported read-only over
                 * NBD for the hosts (qemu-nbd, one per generation on PORT, PORT+1, ...); default:
                 * memserver_listen's address, port 10809. Its address goes into the hosts' disk
                 * URIs, so it must be one they reach (not 0.0.0.0). */
                char *nbd_listen;
                char *mcast;            /* mcdist group "GROUP:PORT" (IPv4 multicast), NULL = off */
                uint64_t host_timeout_us;       /* a hostd silent this long is lost, default 5 s */
        } cluster;
};

/* Load and validate a whole snowscale.yaml. On success *ret is a new config; on failure
 * returns -EINVAL (or -errno for I/O) and diags holds every problem found. */
int pol_config_load(const char *path, struct pol_config **ret, struct pol_diags *diags);
/* Same from memory; name is used in diagnostics. */
int pol_config_load_string(const char *name, const char *yaml, size_t len,
                           struct pol_config **ret, struct pol_diags *diags);
void pol_config_free(struct pol_config *c);

/* ---- decisions -------------------------------------------------------------------------- */
struct pol_window_stats {               /* one monitor window, service-wide */
        uint64_t window_us;
        uint64_t count;                 /* requests in the window; 0 = no data */
        double rps;
        double p50_us, p95_us, p99_us;
        double error_rate;
        double inflight;
        bool stale;                     /* no samples reached the monitor for this window (collector
                                         * down): the metric is missing. count == 0 without stale is
                                         * an idle service. */
};
struct pol_capacity;                    /* learned per-worker capacity: pol_capacity.h */
struct pol_stats {
        struct pol_window_stats panic;  /* the short window */
        struct pol_window_stats stable; /* the long window */
        const struct pol_capacity *capacity;    /* what the loop learned (pol_capacity_observe);
                                                 * NULL = nothing learned: the ratio rule sizes */
        uint64_t completed;             /* requests completed since the monitor started (a
                                         * counter: per-second throughput without a window's
                                         * mixing); 0 = unknown */
        uint64_t completed_latency_us;  /* the sum of their latencies, µs (same counter) */
        /* the front's own counters (nginx): requests that reached it -- arrivals, also those still
         * waiting for a worker -- and those of them unfinished, read at front_us (wall clock, µs);
         * front_us = 0: no front reports them (the offered load is then estimated from
         * completions) */
        uint64_t arrived;
        uint64_t front_inflight;
        uint64_t front_us;
};
struct pol_clones {
        int serving;                    /* capacity */
        int pending;                    /* requested/cloning/resuming/checking: ordered, not yet capacity */
        int draining;
        int base_workers;               /* workers that serve but are no clones (the parent when
                                         * parent.serve): capacity the count cannot change */
        int64_t generation;             /* generation new clones are cut from (0 = unknown) */
};

/* Decision memory kept between calls (stabilization windows, rate limits, panic). Opaque. */
struct pol_state;
struct pol_state *pol_state_new(void);
void pol_state_free(struct pol_state *s);

struct pol_decision {
        int desired;                    /* total clones wanted: compare with serving + pending
                                         * (pending clones are ordered capacity) */
        bool panic;
        char reason[512];               /* a sentence an operator understands */
        int from;                       /* serving + pending the decision started from */
};
/* now_us: any monotonic-ish clock in µs (tests pass synthetic time); wall_time_s: UTC seconds
 * since the epoch, used only for schedules. How a decision is made: docs/policies.md. */
void pol_decide(const struct pol_policy *p, struct pol_state *s, const struct pol_stats *st,
                const struct pol_clones *c, uint64_t now_us, uint64_t wall_time_s,
                struct pol_decision *ret);

/* True when some metric of the window w is above its target by more than the tolerance: the
 * cue for evaluating between ticks (snowscaled does when a sample batch shows it). Missing or
 * idle windows are never over target. */
bool pol_over_target(const struct pol_policy *p, const struct pol_window_stats *w, int serving);

/* ---- helpers (additions) --------------------------------------------------------------- */
/* Every default of a policy (target tracking on p95_latency with target 0 = unset). */
void pol_policy_defaults(struct pol_policy *p);
/* "p95_latency" etc., as written in the file and in the API. */
const char *pol_metric_name(enum pol_metric m);
bool pol_metric_is_latency(enum pol_metric m);
/* The units of the file, for callers that take the same syntax (CLI flags, API parameters).
 * "150ms", "1.5s", "1m30s", "0" -> µs; "256M", "1GiB", "4096" -> bytes. 0 or -EINVAL/-ERANGE. */
int pol_parse_duration(const char *s, uint64_t *ret_us);
int pol_parse_size(const char *s, uint64_t *ret_bytes);
/* Schedules are evaluated in UTC on wall-clock seconds. The largest active floor (0 if none);
 * *ret_index (may be NULL) is the schedule entry that set it. */
bool pol_schedule_active(const struct pol_schedule *s, uint64_t wall_time_s);
int pol_schedule_floor(const struct pol_policy *p, uint64_t wall_time_s, size_t *ret_index);

#endif
