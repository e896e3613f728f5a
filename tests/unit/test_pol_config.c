/* Loader tests: defaults, units, every section of the example file, path resolution, tokens,
 * both metric forms, and the corpus of broken files in tests/data/config with their exact
 * diagnostics. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>

#include <cmocka.h>

#include "pol.h"
#include "ss_util.h"

static const char *root_dir(void)
{
        const char *r = getenv("SNOWSCALE_ROOT");
        return r && *r ? r : ".";
}

/* Load from memory; returns the diagnostics as text ("" when none). */
static int load(const char *yaml, struct pol_config **ret, char **text)
{
        struct pol_diags d = { 0 };
        char *buf = NULL;
        size_t len = 0;
        FILE *f;
        int r;

        *ret = NULL;
        r = pol_config_load_string("t.yaml", yaml, strlen(yaml), ret, &d);
        f = open_memstream(&buf, &len);
        assert_non_null(f);
        pol_diags_print(&d, f);
        fclose(f);
        pol_diags_free(&d);
        *text = buf;
        return r;
}

static struct pol_config *load_ok(const char *yaml)
{
        struct pol_config *c;
        char *text;
        int r = load(yaml, &c, &text);

        if (r != 0)
                fail_msg("expected success, got %d:\n%s", r, text);
        free(text);
        return c;
}

static void expect_error(const char *yaml, const char *want)
{
        struct pol_config *c;
        char *text;
        int r = load(yaml, &c, &text);

        assert_int_equal(r, -EINVAL);
        assert_null(c);
        if (!strstr(text, want))
                fail_msg("diagnostics lack\n  %s\ngot:\n%s", want, text);
        free(text);
}

/* network: bridge mode's address plan is parsed and checked; defaults derive from the subnet */
static void test_network(void **state)
{
        struct pol_config *c;
        (void)state;
        c = load_ok("policy: { target: 150ms }\n");
        assert_int_equal(c->network.mode, POL_NET_USER);
        pol_config_free(c);
        c = load_ok("network: { mode: bridge, subnet: 10.77.0.0/24 }\npolicy: { target: 150ms }\n");
        assert_int_equal(c->network.mode, POL_NET_BRIDGE);
        assert_string_equal(c->network.bridge, "snowscale0");
        assert_true(c->network.create);
        assert_int_equal(c->network.prefix_len, 24);
        assert_int_equal(c->network.gw_addr, 0x0a4d0001);
        assert_int_equal(c->network.first_addr, 0x0a4d0002);
        assert_int_equal(c->network.last_addr, 0x0a4d00fe);
        assert_int_equal(c->network.dns_addr, 0x0a4d0001);
        pol_config_free(c);
        c = load_ok("network: { mode: bridge, bridge: br9, create: false, subnet: 10.77.0.0/24,\n"
                    "  gateway: 10.77.0.254, range: 10.77.0.10-10.77.0.20, dns: 9.9.9.9 }\npolicy: { target: 150ms }\n");
        assert_string_equal(c->network.bridge, "br9");
        assert_false(c->network.create);
        assert_int_equal(c->network.first_addr, 0x0a4d000a);
        assert_int_equal(c->network.last_addr, 0x0a4d0014);
        assert_int_equal(c->network.dns_addr, 0x09090909);
        pol_config_free(c);
        expect_error("network: { mode: bridge }\npolicy: { target: 150ms }\n",
                     "t.yaml:1:18: network.subnet: is required with network.mode: bridge");
        expect_error("network: { mode: bridge, subnet: 10.77.0.1/24 }\npolicy: { target: 150ms }\n",
                     "network.subnet: has host bits set (the network is 10.77.0.0/24)");
        expect_error("network: { mode: bridge, subnet: 10.77.0.0/33 }\npolicy: { target: 150ms }\n",
                     "network.subnet: must be an IPv4 network like 10.77.0.0/24");
        expect_error("network: { mode: bridge, subnet: 10.77.0.0/24, range: 10.77.0.20-10.77.0.10 }\n"
                     "policy: { target: 150ms }\n", "network.range: must be FIRST-LAST host addresses");
        expect_error("network: { mode: bridge, subnet: 10.77.0.0/24, range: 10.77.0.1-10.77.0.10 }\n"
                     "policy: { target: 150ms }\n", "network.range: must not contain the gateway 10.77.0.1");
        expect_error("network: { mode: bridge, subnet: 10.77.0.0/24, gateway: 10.78.0.1 }\n"
                     "policy: { target: 150ms }\n", "network.gateway: must be a host address inside");
        expect_error("network: { mode: bridge, subnet: 10.77.0.0/24, bridge: abcdefghijklmnopq }\n"
                     "policy: { target: 150ms }\n", "network.bridge:");
        expect_error("network: { mode: user, subnet: 10.77.0.0/24 }\npolicy: { target: 150ms }\n",
                     "network.subnet: only used with network.mode: bridge");
        expect_error("network: { mode: tap }\npolicy: { target: 150ms }\n", "network.mode:");
}

static void test_defaults(void **state)
{
        struct pol_config *c = load_ok("policy: { target: 150ms }\n");
        const struct pol_policy *p = &c->policy;

        assert_string_equal(c->pool, "web");
        assert_int_equal(c->mode, POL_MODE_ACTIVE);
        assert_string_equal(c->service.name, "web");
        assert_string_equal(c->service.front_listen, "127.0.0.1:8080");
        assert_string_equal(c->service.upstream, "snowscale_web");
        assert_string_equal(c->api.listen, "127.0.0.1:8900");
        assert_null(c->api.token);
        assert_null(c->lb.token);
        assert_int_equal(c->api.max_body, 4 << 20);
        assert_string_equal(c->state_dir, "/var/lib/snowscale");
        assert_int_equal(c->log_level, LOG_INFO);
        assert_int_equal(c->tick_us, 1000000);
        assert_int_equal(c->retention_us, 24ull * 3600 * 1000000);
        assert_int_equal(c->driver.kind, POL_DRIVER_QEMU);
        assert_int_equal(c->driver.accel, POL_ACCEL_AUTO);
        assert_int_equal(c->driver.boot, POL_BOOT_CLONE);
        assert_string_equal(c->driver.qemu_binary, "qemu-system-x86_64");
        assert_string_equal(c->driver.kernel, "build/guest/vmlinuz");
        assert_string_equal(c->driver.initrd, "build/guest/initrd.gz");
        assert_int_equal(c->driver.memory_bytes, 256 << 20);
        assert_int_equal(c->driver.vcpus, 1);
        assert_int_equal(c->driver.guest_port, 80);
        assert_int_equal(c->driver.port_base, 18000);
        assert_int_equal(c->driver.ready_timeout_us, 30000000);
        assert_string_equal(c->lb.listen, "127.0.0.1:8901");
        assert_string_equal(c->lb.nginx_binary, "/usr/sbin/nginx");
        assert_string_equal(c->lb.health_path, "/healthz");
        assert_int_equal(c->lb.health_status, 200);
        assert_int_equal(c->lb.health_attempts, 40);
        assert_int_equal(c->lb.health_interval_us, 250000);
        assert_int_equal(c->lb.coalesce_us, 200000);
        assert_int_equal(c->lb.min_reload_interval_us, 250000);
        assert_true(c->parent.serve);
        assert_int_equal(c->parent.n_warmup_urls, 0);
        assert_int_equal(c->parent.generation_every_us, 0);
        assert_int_equal(c->clones.max_consecutive_failures, 3);
        assert_int_equal(c->clones.backoff_us, 2000000);

        assert_int_equal(p->n_metrics, 1);
        assert_int_equal(p->metrics[0].metric, POL_METRIC_P95_LATENCY);
        assert_true(p->metrics[0].target == 150000.0);
        assert_true(p->tolerance == 0.10);
        assert_int_equal(p->min_clones, 1);
        assert_int_equal(p->max_clones, 16);
        /* clone-era defaults (docs/policies.md) */
        assert_int_equal(p->algorithm, POL_ALGO_SNOWSCALE);
        assert_int_equal(p->up.max_step, 0);
        assert_true(p->up.max_rate.amount == 0);
        assert_int_equal(p->up.stabilization_us, 0);
        assert_int_equal(p->max_concurrent_clones, 8);
        assert_int_equal(p->down.max_step, 0);
        assert_true(p->down.max_rate.amount == 50 && p->down.max_rate.percent);
        assert_int_equal(p->down.max_rate.per_us, 10000000);
        assert_int_equal(p->down.stabilization_us, 30000000);
        assert_true(p->capacity_utilization == 0.80);
        assert_int_equal(p->capacity_min_samples, 1);
        assert_int_equal(p->sync_period_us, 0);
        assert_int_equal(p->drain_timeout_us, 30000000);
        assert_true(p->panic_threshold == 2.0);
        assert_int_equal(p->panic_window_us, 6000000);
        assert_int_equal(p->stable_window_us, 60000000);
        assert_int_equal(p->missing, POL_MISSING_HOLD);
        assert_int_equal(p->n_schedule, 0);
        pol_config_free(c);
}

/* The annotated example must load, and every field it shows must come through. */
static void test_example_file(void **state)
{
        char path[PATH_MAX], real_root[PATH_MAX], want[PATH_MAX + 64];
        struct pol_diags d = { 0 };
        struct pol_config *c = NULL;
        int r;

        snprintf(path, sizeof(path), "%s/etc/snowscale.yaml", root_dir());
        assert_non_null(realpath(root_dir(), real_root));
        r = pol_config_load(path, &c, &d);
        if (r) {
                pol_diags_print(&d, stderr);
                fail_msg("etc/snowscale.yaml does not load: %d", r);
        }
        assert_string_equal(c->pool, "web");
        snprintf(want, sizeof(want), "%s/run/state", real_root);
        assert_string_equal(c->state_dir, want);
        snprintf(want, sizeof(want), "%s/build/guest/vmlinuz", real_root);
        assert_string_equal(c->driver.kernel, want);
        snprintf(want, sizeof(want), "%s/build/guest/initrd.gz", real_root);
        assert_string_equal(c->driver.initrd, want);
        assert_non_null(c->api.token);
        assert_string_equal(c->lb.token, c->api.token);     /* lb.token defaults to api.token */
        assert_int_equal(c->parent.n_warmup_urls, 64);         /* "/item/{0..63}" */
        assert_string_equal(c->parent.warmup_urls[0], "/item/0");
        assert_string_equal(c->parent.warmup_urls[63], "/item/63");
        assert_string_equal(c->driver.cmdline, "sf.wait=40 sf.slots=4");
        assert_int_equal(c->policy.n_schedule, 1);
        assert_int_equal(c->policy.schedule[0].min_clones, 2);
        assert_int_equal(c->policy.schedule[0].duration_us, 10ull * 3600 * 1000000);
        assert_true(c->policy.schedule[0].dow == 0x3e);    /* mon-fri */
        pol_config_free(c);
        pol_diags_free(&d);
}

static void test_every_field(void **state)
{
        struct pol_config *c = load_ok(
                "pool: shop\n"
                "mode: observe\n"
                "service: { name: store, front_listen: \"[::1]:9080\", upstream: shop_up }\n"
                "api: { listen: 127.0.0.1:9900, token: abc, max_body: 64KiB }\n"
                "state_dir: /srv/state\n"
                "log_level: debug\n"
                "tick: 500ms\n"
                "retention: 2h\n"
                "driver: { kind: xen, accel: tcg, boot: cold, qemu_binary: /opt/q/qemu, kernel: /k,\n"
                "          initrd: /i, cmdline: \"quiet loglevel=3\", memory: 1GiB, vcpus: 2,\n"
                "          guest_port: 8080, port_base: 20000, ready_timeout: 1m30s }\n"
                "lb: { listen: 127.0.0.1:9901, token: lbt, nginx_binary: nginx, health_path: /up,\n"
                "      health_status: 204, health_attempts: 5, health_interval: 1s, coalesce: 0,\n"
                "      min_reload_interval: 2s }\n"
                "parent: { serve: no, warmup_urls: [/a, /b, /c], generation_every: 1h }\n"
                "clones: { max_consecutive_failures: 7, backoff: 500ms }\n"
                "policy:\n"
                "  metric: inflight_per_clone\n"
                "  target: 8.5\n"
                "  tolerance: 0.05\n"
                "  min_clones: 0\n"
                "  max_clones: 100\n"
                "  scale_up: { max_step: unlimited, max_rate: 2/1s, stabilization: 15s }\n"
                "  scale_down: { max_step: 3, max_rate: 50%/1m, stabilization: 5m, drain_timeout: 10s }\n"
                "  panic: { threshold: 300%, window: 10s }\n"
                "  stable_window: 2m\n"
                "  missing_metrics: treat_as_target\n"
                "  schedule:\n"
                "    - { cron: \"*/15 9-17 * jan-mar,oct 1,3,5\", min_clones: 3, duration: 15m }\n");

        assert_string_equal(c->pool, "shop");
        assert_int_equal(c->mode, POL_MODE_OBSERVE);
        assert_string_equal(c->service.name, "store");
        assert_string_equal(c->service.front_listen, "[::1]:9080");
        assert_string_equal(c->service.upstream, "shop_up");
        assert_string_equal(c->api.token, "abc");
        assert_string_equal(c->lb.token, "lbt");
        assert_int_equal(c->api.max_body, 65536);
        assert_string_equal(c->state_dir, "/srv/state");
        assert_int_equal(c->log_level, LOG_DEBUG);
        assert_int_equal(c->tick_us, 500000);
        assert_int_equal(c->retention_us, 7200ull * 1000000);
        assert_int_equal(c->driver.kind, POL_DRIVER_XEN);
        assert_int_equal(c->driver.accel, POL_ACCEL_TCG);
        assert_int_equal(c->driver.boot, POL_BOOT_COLD);
        assert_string_equal(c->driver.qemu_binary, "/opt/q/qemu");
        assert_string_equal(c->driver.cmdline, "quiet loglevel=3");
        assert_int_equal(c->driver.memory_bytes, 1ull << 30);
        assert_int_equal(c->driver.vcpus, 2);
        assert_int_equal(c->driver.guest_port, 8080);
        assert_int_equal(c->driver.port_base, 20000);
        assert_int_equal(c->driver.ready_timeout_us, 90000000);
        assert_string_equal(c->lb.nginx_binary, "nginx");  /* bare names stay for PATH lookup */
        assert_string_equal(c->lb.health_path, "/up");
        assert_int_equal(c->lb.health_status, 204);
        assert_int_equal(c->lb.health_attempts, 5);
        assert_int_equal(c->lb.health_interval_us, 1000000);
        assert_int_equal(c->lb.coalesce_us, 0);
        assert_int_equal(c->lb.min_reload_interval_us, 2000000);
        assert_false(c->parent.serve);
        assert_int_equal(c->parent.n_warmup_urls, 3);
        assert_string_equal(c->parent.warmup_urls[2], "/c");
        assert_int_equal(c->parent.generation_every_us, 3600ull * 1000000);
        assert_int_equal(c->clones.max_consecutive_failures, 7);
        assert_int_equal(c->clones.backoff_us, 500000);

        const struct pol_policy *p = &c->policy;
        assert_int_equal(p->metrics[0].metric, POL_METRIC_INFLIGHT_PER_CLONE);
        assert_true(p->metrics[0].target == 8.5);
        assert_true(p->tolerance == 0.05);
        assert_int_equal(p->min_clones, 0);
        assert_int_equal(p->max_clones, 100);
        assert_int_equal(p->up.max_step, 0);
        assert_true(p->up.max_rate.amount == 2 && !p->up.max_rate.percent);
        assert_int_equal(p->up.max_rate.per_us, 1000000);
        assert_int_equal(p->up.stabilization_us, 15000000);
        assert_int_equal(p->down.max_step, 3);
        assert_true(p->down.max_rate.amount == 50 && p->down.max_rate.percent);
        assert_int_equal(p->down.max_rate.per_us, 60000000);
        assert_int_equal(p->down.stabilization_us, 300000000);
        assert_int_equal(p->drain_timeout_us, 10000000);
        assert_true(p->panic_threshold == 3.0);
        assert_int_equal(p->panic_window_us, 10000000);
        assert_int_equal(p->stable_window_us, 120000000);
        assert_int_equal(p->missing, POL_MISSING_TREAT_AS_TARGET);
        assert_int_equal(p->n_schedule, 1);
        assert_string_equal(p->schedule[0].cron, "*/15 9-17 * jan-mar,oct 1,3,5");
        assert_true(p->schedule[0].minute[0] == (1ull << 0 | 1ull << 15 | 1ull << 30 | 1ull << 45));
        assert_int_equal(p->schedule[0].hour, 0x3fe00);                 /* 9..17 */
        assert_int_equal(p->schedule[0].dom, 0xfffffffe);
        assert_int_equal(p->schedule[0].mon, 1 << 1 | 1 << 2 | 1 << 3 | 1 << 10);
        assert_int_equal(p->schedule[0].dow, 1 << 1 | 1 << 3 | 1 << 5);
        assert_int_equal(p->schedule[0].duration_us, 900000000);
        pol_config_free(c);
}

static void test_metrics_list(void **state)
{
        struct pol_config *c = load_ok(
                "policy:\n"
                "  metrics:\n"
                "    - { metric: p99_latency, target: 0.4s }\n"
                "    - { metric: rps_per_clone, target: 50 }\n");

        assert_int_equal(c->policy.n_metrics, 2);
        assert_int_equal(c->policy.metrics[0].metric, POL_METRIC_P99_LATENCY);
        assert_true(c->policy.metrics[0].target == 400000.0);
        assert_int_equal(c->policy.metrics[1].metric, POL_METRIC_RPS_PER_CLONE);
        assert_true(c->policy.metrics[1].target == 50.0);
        pol_config_free(c);
}

static void test_warmup_ranges(void **state)
{
        struct pol_config *c = load_ok("parent: { warmup_urls: [/, \"/item/{3..1002}?size=64\"] }\n"
                                       "policy: { target: 150ms }\n");
        assert_int_equal(c->parent.n_warmup_urls, 1001);
        assert_string_equal(c->parent.warmup_urls[0], "/");
        assert_string_equal(c->parent.warmup_urls[1], "/item/3?size=64");
        assert_string_equal(c->parent.warmup_urls[1000], "/item/1002?size=64");
        assert_null(c->parent.warmup_urls[1001]);
        pol_config_free(c);
        expect_error("parent: { warmup_urls: [\"/item/{9..2}\"] }\npolicy: { target: 150ms }\n",
                     "t.yaml:1:25: parent.warmup_urls[0]: a range must look like {0..999}");
        expect_error("parent: { warmup_urls: [\"/a/{0..1}/{0..1}\"] }\npolicy: { target: 150ms }\n",
                     "parent.warmup_urls[0]: a range must look like");
        expect_error("parent: { warmup_urls: [\"/item/{0..200000}\"] }\npolicy: { target: 150ms }\n",
                     "t.yaml:1:25: parent.warmup_urls[0]: a range expands to at most 100000 paths");
        expect_error("parent: { warmup_urls: [\"/a/{0..59999}\", \"/b/{0..59999}\"] }\npolicy: { target: 150ms }\n",
                     "t.yaml:1:42: parent.warmup_urls[1]: expands the warm-up set past 100000 paths");
        /* B - A + 1 wraps to 0 at the top of 64 bits, and x <= B never ends: both must be refused */
        expect_error("parent: { warmup_urls: [\"/item/{0..18446744073709551615}\"] }\npolicy: { target: 150ms }\n",
                     "t.yaml:1:25: parent.warmup_urls[0]: a range expands to at most 100000 paths");
        expect_error("parent: { warmup_urls: [\"/i/{0..18446744073709551616}\"] }\npolicy: { target: 150ms }\n",
                     "t.yaml:1:25: parent.warmup_urls[0]: a range must look like {0..999}");
        expect_error("parent: { warmup_urls: [\"/i/{-1..3}\"] }\npolicy: { target: 150ms }\n",
                     "t.yaml:1:25: parent.warmup_urls[0]: a range must look like {0..999}");
        c = load_ok("parent: { warmup_urls: [\"/i/{18446744073709551614..18446744073709551615}\"] }\n"
                    "policy: { target: 150ms }\n");
        assert_int_equal(c->parent.n_warmup_urls, 2);
        assert_string_equal(c->parent.warmup_urls[0], "/i/18446744073709551614");
        assert_string_equal(c->parent.warmup_urls[1], "/i/18446744073709551615");
        assert_null(c->parent.warmup_urls[2]);
        pol_config_free(c);
        (void)state;
}

/* Load LEN bytes (NULs included) and expect WANT among the diagnostics. */
static void expect_error_bytes(const char *yaml, size_t len, const char *want)
{
        struct pol_diags d = { 0 };
        struct pol_config *c = NULL;
        char *buf = NULL;
        size_t blen = 0;
        FILE *f;

        assert_int_equal(pol_config_load_string("t.yaml", yaml, len, &c, &d), -EINVAL);
        assert_null(c);
        f = open_memstream(&buf, &blen);
        assert_non_null(f);
        pol_diags_print(&d, f);
        fclose(f);
        pol_diags_free(&d);
        if (!strstr(buf, want))
                fail_msg("diagnostics lack\n  %s\ngot:\n%s", want, buf);
        free(buf);
}
#define EXPECT_BYTES(lit, want) expect_error_bytes((lit), sizeof(lit) - 1, (want))

static void test_nul_and_utf8(void **state)
{
        (void)state;
        /* an escaped NUL would cut the C string short: "a\0b" silently became "a" */
        expect_error("state_dir: \"/srv/st\\0ate\"\npolicy: { target: 150ms }\n",
                     "t.yaml:1:12: state_dir: must not contain a NUL byte (\\0), got \"/srv/st\\x00ate\"");
        expect_error("service:\n  name: \"a\\0b\"\npolicy: { target: 150ms }\n",
                     "t.yaml:2:9: service.name: must not contain a NUL byte");
        expect_error("policy:\n  target: \"150\\0ms\"\n", "t.yaml:2:11: policy.target: must not contain a NUL byte");
        expect_error("parent: { warmup_urls: [\"/a\\0b\"] }\npolicy: { target: 150ms }\n",
                     "t.yaml:1:25: parent.warmup_urls[0]: must not contain a NUL byte");
        expect_error("\"po\\0ol\": web\npolicy: { target: 150ms }\n", "t.yaml:1:1: keys must be plain names");
        /* raw bytes: the reader's error at the byte's own line and column, not 1:1 */
        EXPECT_BYTES("pool: web\npolicy:\n  metric: p9\xff" "5\n  target: 1s\n",
                     "t.yaml:3:13: not UTF-8 text: invalid leading UTF-8 octet (byte 0xff)");
        EXPECT_BYTES("pool: web\npolicy:\n  target: 1\xc3\xa9\0005ms\n",
                     "t.yaml:3:13: a NUL byte: the config must be UTF-8 text");
        EXPECT_BYTES("pool: w\xc3\n", "t.yaml:1:9: not UTF-8 text: invalid trailing UTF-8 octet (byte 0x0a)");
        EXPECT_BYTES("pool: web\n\n  # \xc3", "t.yaml:3:5: not UTF-8 text: incomplete UTF-8 octet sequence");
}

static void test_units(void **state)
{
        static const struct { const char *s; int rc; uint64_t us; } durs[] = {
                { "0", 0, 0 }, { "250us", 0, 250 }, { "150ms", 0, 150000 }, { "1.5s", 0, 1500000 },
                { "2m", 0, 120000000 }, { "1h", 0, 3600000000ull }, { "1m30s", 0, 90000000 },
                { "1h2m3s4ms", 0, 3723004000ull }, { "5", -EINVAL, 0 }, { "-1s", -EINVAL, 0 },
                { "1 s", -EINVAL, 0 }, { "s", -EINVAL, 0 }, { "", -EINVAL, 0 }, { "1d", -EINVAL, 0 },
                { "99999999999999h", -EINVAL, 0 },
        };
        static const struct { const char *s; int rc; uint64_t b; } sizes[] = {
                { "4096", 0, 4096 }, { "512K", 0, 512 << 10 }, { "512KiB", 0, 512 << 10 },
                { "256M", 0, 256 << 20 }, { "256MiB", 0, 256 << 20 }, { "2G", 0, 2ull << 30 },
                { "2GiB", 0, 2ull << 30 }, { "1.5G", -EINVAL, 0 }, { "256MB", -EINVAL, 0 },
                { "G", -EINVAL, 0 }, { "99999999999999999999", -ERANGE, 0 }, { "99999999999G", -ERANGE, 0 },
        };
        uint64_t v;

        for (size_t i = 0; i < sizeof(durs) / sizeof(durs[0]); i++) {
                v = 12345;
                int r = pol_parse_duration(durs[i].s, &v);
                if (durs[i].rc == 0 && (r != 0 || v != durs[i].us))
                        fail_msg("duration \"%s\": rc %d value %llu", durs[i].s, r, (unsigned long long)v);
                if (durs[i].rc != 0 && r >= 0)
                        fail_msg("duration \"%s\" accepted as %llu", durs[i].s, (unsigned long long)v);
        }
        for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
                int r = pol_parse_size(sizes[i].s, &v);
                if (r != sizes[i].rc || (r == 0 && v != sizes[i].b))
                        fail_msg("size \"%s\": rc %d value %llu", sizes[i].s, r, (unsigned long long)v);
        }

        /* rates and percentages go through the loader, where the operator meets them */
        struct pol_config *c = load_ok("policy: { target: 1s, tolerance: 2.5%,\n"
                                       "  scale_up: { max_rate: 10%/m }, scale_down: { max_rate: unlimited } }\n");
        assert_true(c->policy.tolerance == 0.025);
        assert_true(c->policy.up.max_rate.amount == 10 && c->policy.up.max_rate.percent);
        assert_int_equal(c->policy.up.max_rate.per_us, 60000000);
        assert_true(c->policy.down.max_rate.amount == 0);
        pol_config_free(c);
}

static void test_relative_paths(void **state)
{
        char dir[] = "/tmp/pol-test-XXXXXX", path[PATH_MAX], want[PATH_MAX + 32];
        static const char yaml[] =
                "state_dir: ../state\n"
                "api: { token_file: secret/token }\n"
                "driver: { kernel: img/vmlinuz, initrd: ./img/../img/initrd.gz, qemu_binary: bin/qemu }\n"
                "policy: { target: 150ms }\n";
        struct pol_diags d = { 0 };
        struct pol_config *c = NULL;
        char real[PATH_MAX];

        assert_non_null(mkdtemp(dir));
        assert_non_null(realpath(dir, real));
        snprintf(path, sizeof(path), "%s/etc/secret", dir);
        assert_int_equal(ss_mkdir_p(path, 0700), 0);
        snprintf(path, sizeof(path), "%s/etc/secret/token", dir);
        assert_int_equal(ss_write_file_atomic(path, "s3cret\n", 7, 0600), 0);
        snprintf(path, sizeof(path), "%s/etc/snowscale.yaml", dir);
        assert_int_equal(ss_write_file_atomic(path, yaml, strlen(yaml), 0644), 0);

        if (pol_config_load(path, &c, &d)) {
                pol_diags_print(&d, stderr);
                fail_msg("load failed");
        }
        snprintf(want, sizeof(want), "%s/state", real);
        assert_string_equal(c->state_dir, want);
        snprintf(want, sizeof(want), "%s/etc/img/vmlinuz", real);
        assert_string_equal(c->driver.kernel, want);
        snprintf(want, sizeof(want), "%s/etc/img/initrd.gz", real);
        assert_string_equal(c->driver.initrd, want);
        snprintf(want, sizeof(want), "%s/etc/bin/qemu", real);
        assert_string_equal(c->driver.qemu_binary, want);
        assert_string_equal(c->api.token, "s3cret");       /* newline stripped */
        assert_string_equal(c->lb.token, "s3cret");
        pol_config_free(c);
        pol_diags_free(&d);

        snprintf(want, sizeof(want), "rm -rf '%s'", dir);
        assert_int_equal(system(want), 0);
}

/* driver.disk: a raw image beside the config loads (qemu-img judges it); without a kernel key the
 * disk boots itself (kernel and initrd unset), with one the kernel stays. */
static void test_disk(void **state)
{
        char dir[] = "/tmp/pol-disk-XXXXXX", path[PATH_MAX], img[PATH_MAX + 16], real[PATH_MAX];
        static const char no_kernel[] = "driver: { disk: w.raw }\npolicy: { target: 150ms }\n";
        static const char with_kernel[] = "driver: { disk: w.raw, kernel: vmlinuz }\npolicy: { target: 150ms }\n";
        struct pol_diags d = { 0 };
        struct pol_config *c = NULL;
        char zero[4096] = { 0 };
        (void)state;

        if (system("command -v qemu-img >/dev/null") != 0)
                skip();
        assert_non_null(mkdtemp(dir));
        assert_non_null(realpath(dir, real));
        snprintf(img, sizeof(img), "%s/w.raw", real);
        assert_int_equal(ss_write_file_atomic(img, zero, sizeof(zero), 0644), 0);
        snprintf(path, sizeof(path), "%s/a.yaml", dir);
        assert_int_equal(ss_write_file_atomic(path, no_kernel, strlen(no_kernel), 0644), 0);
        if (pol_config_load(path, &c, &d)) {
                pol_diags_print(&d, stderr);
                fail_msg("load failed");
        }
        assert_string_equal(c->driver.disk, img);
        assert_null(c->driver.kernel);
        assert_null(c->driver.initrd);
        pol_config_free(c);
        pol_diags_free(&d);
        c = NULL;
        memset(&d, 0, sizeof(d));
        assert_int_equal(ss_write_file_atomic(path, with_kernel, strlen(with_kernel), 0644), 0);
        assert_int_equal(pol_config_load(path, &c, &d), 0);
        assert_non_null(c->driver.kernel);
        assert_non_null(strstr(c->driver.kernel, "/vmlinuz"));
        pol_config_free(c);
        pol_diags_free(&d);
        snprintf(path, sizeof(path), "rm -rf '%s'", dir);
        assert_int_equal(system(path), 0);
}

static void cluster_yaml(char *y, size_t n, const char *ms, const char *sec, const char *extra)
{
        snprintf(y, n, "policy: { target: 150ms }\nnetwork: { mode: bridge, subnet: 10.80.0.0/24 }\n"
                 "cluster: { ca: /x/ca.pem, cert: /x/d.pem, key: /x/d.key, memserver_listen: %s,\n"
                 "  secret_file: %s%s }\nhosts:\n  - { name: h1, address: 10.9.0.11:8950,"
                 " max_clones: 4, network: { bridge: br1, subnet: 10.80.1.0/24 } }\n", ms, sec, extra);
}

/* hosts: a multi-host pool; its errors name the entry (hosts[N].field) with line:col */
static void test_hosts(void **state)
{
        struct pol_config *c;
        char dir[] = "/tmp/sstest-hostsXXXXXX", sec[256], y[8192];
        FILE *f;
        (void)state;

        assert_non_null(mkdtemp(dir));
        snprintf(sec, sizeof(sec), "%s/secret", dir);
        f = fopen(sec, "w");
        assert_non_null(f);
        fputs("0123456789abcdef0123\n", f);
        fclose(f);
        c = load_ok("policy: { target: 150ms }\n");
        assert_int_equal(c->n_hosts, 0);
        assert_int_equal(c->placement, POL_PLACE_SPREAD);
        pol_config_free(c);
        snprintf(y, sizeof(y),
                 "policy: { target: 150ms }\nplacement: pack\nnetwork: { mode: bridge, subnet: 10.80.0.0/24 }\n"
                 "cluster: { ca: /x/ca.pem, cert: /x/d.pem, key: /x/d.key, memserver_listen: 10.9.0.1:7440,\n"
                 "  secret_file: %s, host_timeout: 3s }\n"
                 "hosts:\n"
                 "  - { name: h1, address: 10.9.0.11:8950, max_clones: 4, network: { bridge: br1, subnet: 10.80.1.0/24 } }\n"
                 "  - name: h2\n    address: 10.9.0.12:8950\n    memory: 2G\n"
                 "    network: { bridge: br2, subnet: 10.80.2.0/24, gateway: 10.80.2.254 }\n", sec);
        c = load_ok(y);
        assert_int_equal(c->n_hosts, 2);
        assert_int_equal(c->placement, POL_PLACE_PACK);
        assert_string_equal(c->hosts[0].name, "h1");
        assert_string_equal(c->hosts[1].address, "10.9.0.12:8950");
        assert_int_equal(c->hosts[0].max_clones, 4);
        assert_int_equal(c->hosts[1].memory_bytes, 2ull << 30);
        assert_int_equal(c->hosts[0].network.gw_addr, 0x0a500101);
        assert_int_equal(c->hosts[0].network.first_addr, 0x0a500102);
        assert_int_equal(c->hosts[1].network.first_addr, 0x0a500201);
        assert_int_equal(c->hosts[1].network.last_addr, 0x0a5002fe);
        assert_int_equal(c->cluster.host_timeout_us, 3000000);
        assert_string_equal(c->cluster.secret, "0123456789abcdef0123");
        pol_config_free(c);
        expect_error("policy: { target: 150ms }\ncluster: { ca: /x }\n",
                     "t.yaml:2:1: cluster: only used with a hosts: list");
        expect_error("policy: { target: 150ms }\nhosts:\n  - { name: h1, address: a:1, max_clones: 2,"
                     " network: { bridge: b, subnet: 10.80.1.0/24 } }\n",
                     "cluster.ca: is required with a hosts: list");
        expect_error("policy: { target: 150ms }\nhosts:\n  - { name: h1, address: a:1,"
                     " network: { bridge: b, subnet: 10.80.1.0/24 } }\n",
                     "t.yaml:3:7: hosts[0]: needs its capacity: max_clones, memory or both");
        expect_error("policy: { target: 150ms }\nhosts:\n  - { name: h1, address: a:1, max_clones: 1,"
                     " network: { bridge: b, subnet: 10.80.1.0/24 } }\n"
                     "  - { name: h1, address: a:2, max_clones: 1, network: { bridge: b, subnet: 10.80.1.128/25 } }\n",
                     "t.yaml:4:13: hosts[1].name: \"h1\" is also hosts[0].name");
        expect_error("policy: { target: 150ms }\nhosts:\n  - { name: h1, address: a:1, max_clones: 1,"
                     " network: { bridge: b, subnet: 10.80.1.0/24 } }\n"
                     "  - { name: h2, address: a:2, max_clones: 1, network: { bridge: b, subnet: 10.80.1.128/25 } }\n",
                     "hosts[1].network.subnet: 10.80.1.128/25 overlaps hosts[0].network.subnet (10.80.1.0/24)");
        expect_error("policy: { target: 150ms }\nhosts:\n  - { name: h1, address: nope, max_clones: 1,"
                     " network: { bridge: b, subnet: 10.80.1.0/24 } }\n",
                     "t.yaml:3:26: hosts[0].address: must be HOST:PORT");
        expect_error("policy: { target: 150ms }\nhosts:\n  - { name: h1, address: a:1, max_clones: 1 }\n",
                     "t.yaml:3:5: hosts[0].network: is required but missing");
        expect_error("policy: { target: 150ms }\nhosts:\n  - { name: h1, address: a:1, max_clones: 1,"
                     " network: { bridge: b, subnet: 10.80.1.0/24, mtu: 9000 } }\n",
                     "hosts[0].network.mtu: unknown key \"mtu\"");
        expect_error("policy: { target: 150ms }\nhosts: h1\n", "t.yaml:2:8: hosts: must be a list");
        expect_error("policy: { target: 150ms }\nhosts:\n  - { name: h1, address: a:1, max_clones: 1,"
                     " network: { bridge: b, subnet: 10.80.1.0/24 } }\n",
                     "t.yaml:3:3: network.mode: a hosts: list needs network.mode: bridge");
        snprintf(y, sizeof(y), "policy: { target: 150ms }\nnetwork: { mode: bridge, subnet: 10.80.0.0/16 }\n"
                 "cluster: { ca: /x/ca.pem, cert: /x/d.pem, key: /x/d.key, memserver_listen: 10.9.0.1:7440,"
                 " secret_file: %s }\nhosts:\n  - { name: h1, address: a:1, max_clones: 1,"
                 " network: { bridge: b, subnet: 10.80.1.0/24 } }\n", sec);
        expect_error(y, "hosts[0].network.subnet: overlaps network.subnet 10.80.0.0/16");
        /* the data plane: mcdist group and the disks' NBD exports */
        {
                cluster_yaml(y, sizeof(y), "10.9.0.1:7440", sec, ", mcast: 239.192.7.1:7441, nbd_listen: 10.9.0.1:10900");
                c = load_ok(y);
                assert_string_equal(c->cluster.mcast, "239.192.7.1:7441");
                assert_string_equal(c->cluster.nbd_listen, "10.9.0.1:10900");
                pol_config_free(c);
                cluster_yaml(y, sizeof(y), "10.9.0.1:7440", sec, "");
                c = load_ok(y);
                assert_null(c->cluster.nbd_listen);     /* no driver.disk: nothing to export */
                assert_null(c->cluster.mcast);
                pol_config_free(c);
                cluster_yaml(y, sizeof(y), "10.9.0.1:7440", sec, ", mcast: 10.1.2.3:7441");
                expect_error(y, "t.yaml:4:55: cluster.mcast: must be an IPv4 multicast group and port");
                cluster_yaml(y, sizeof(y), "10.9.0.1:7440", sec, ", mcast: nope");
                expect_error(y, "t.yaml:4:55: cluster.mcast: must be HOST:PORT");
                cluster_yaml(y, sizeof(y), "10.9.0.1:7440", sec, ", nbd_listen: 0.0.0.0:10809");
                expect_error(y, "t.yaml:4:60: cluster.nbd_listen: must name an address the hosts reach");
                cluster_yaml(y, sizeof(y), "10.9.0.1:7440", sec, ", nbd_listen: 10.9.0.1:7440");
                expect_error(y, "cluster.nbd_listen: is cluster.memserver_listen's address and port");
                cluster_yaml(y, sizeof(y), "10.9.0.1:7440", sec, ", nbd_listen: 10.9.0.1:65530");
                expect_error(y, "cluster.nbd_listen: needs 16 ports from 65530 on");
        }
        expect_error("policy: { target: 150ms }\nplacement: random\n", "t.yaml:2:12: placement:");
        unlink(sec);
        rmdir(dir);
}

static void test_errors(void **state)
{
        expect_error("policy: { target: 150ms, scale_up: { max_step: -2 } }\n",
                     "t.yaml:1:48: policy.scale_up.max_step: must be a positive integer, got \"-2\"");
        expect_error("policy: { target: 150ms, scale_up: { max_step: 0 } }\n",
                     "policy.scale_up.max_step: must be a positive integer, got \"0\"");
        expect_error("policy:\n  target: 150ms\n  max_clonse: 4\n",
                     "t.yaml:3:3: policy.max_clonse: unknown key \"max_clonse\" (did you mean \"max_clones\"?)");
        expect_error("policy: { target: 150ms }\nlb: { token: x, token_file: /nonexistent/x }\n",
                     "lb.token_file: cannot read \"/nonexistent/x\": No such file or directory");
        expect_error("policy: { metric: rps_per_clone, target: 150ms }\n",
                     "t.yaml:1:42: policy.target: must be a positive number (requests per second per clone), got \"150ms\"");
        expect_error("policy: { target: 150ms, min_clones: 5, max_clones: 4 }\n",
                     "t.yaml:1:38: policy.min_clones: must not exceed policy.max_clones (5 > 4)");
        expect_error("pool: web\npolicy: {\n", "t.yaml:3:1: YAML syntax error: did not find expected node content");
        expect_error("policy: { target: &a 150ms, tolerance: *b }\n",
                     "YAML syntax error: found undefined alias");
        expect_error("", "t.yaml: policy.target: required (there is no default)");
        expect_error("policy: 3\n", "t.yaml:1:9: policy: must be a mapping with keys metric, target");
}

/* Every error is reported, not only the first: count them. */
static void test_all_errors_reported(void **state)
{
        struct pol_config *c;
        char *text;
        int lines = 0;

        assert_int_equal(load("tick: x\nretention: y\npool: \"a b\"\npolicy: { target: z, tolerance: q }\n"
                              "driver: { vcpus: 0, memory: 1, bogus: 1 }\n", &c, &text), -EINVAL);
        for (char *p = text; *p; p++)
                lines += *p == '\n';
        if (lines != 8)
                fail_msg("want 8 diagnostics, got %d:\n%s", lines, text);
        /* in file order */
        assert_true(strstr(text, "t.yaml:1:7: tick") < strstr(text, "t.yaml:2:12: retention"));
        assert_true(strstr(text, "t.yaml:4:19: policy.target") < strstr(text, "t.yaml:5:18: driver.vcpus"));
        free(text);
}

static void test_too_big(void **state)
{
        size_t n = (1u << 20) + 10;
        char *big = malloc(n + 1);
        struct pol_diags d = { 0 };
        struct pol_config *c = NULL;

        assert_non_null(big);
        memset(big, '#', n);
        big[n] = 0;
        assert_int_equal(pol_config_load_string("big.yaml", big, n, &c, &d), -EFBIG);
        assert_int_equal(d.n, 1);
        assert_non_null(strstr(d.v[0].msg, "larger than"));
        pol_diags_free(&d);
        free(big);
}

static char *slurp(const char *path)
{
        char *buf = NULL;
        size_t len;

        if (ss_read_file(path, 1 << 20, &buf, &len) < 0)
                return NULL;
        return buf;
}

static char *replace_all(const char *s, const char *what)
{
        size_t wl = strlen(what), o = 0;
        char *out = malloc(strlen(s) + 1);

        assert_non_null(out);
        while (*s) {
                if (wl && !strncmp(s, what, wl)) {
                        s += wl;
                        continue;
                }
                out[o++] = *s++;
        }
        out[o] = 0;
        return out;
}

/* tests/data/config/NAME.yaml must produce exactly NAME.expected. */
static void test_corpus(void **state)
{
        char dir[PATH_MAX], real[PATH_MAX + 1], path[PATH_MAX * 2], exp[PATH_MAX * 2];
        struct dirent *e;
        DIR *dh;
        int files = 0, bad = 0;

        snprintf(dir, sizeof(dir), "%s/tests/data/config", root_dir());
        assert_non_null(realpath(dir, real));
        strcat(real, "/");
        dh = opendir(dir);
        assert_non_null(dh);
        while ((e = readdir(dh))) {
                size_t l = strlen(e->d_name);
                struct pol_diags d = { 0 };
                struct pol_config *c = NULL;
                char *got = NULL, *want, *clean;
                size_t glen = 0;
                FILE *f;
                int r;

                if (l < 6 || strcmp(e->d_name + l - 5, ".yaml"))
                        continue;
                snprintf(path, sizeof(path), "%s%s", real, e->d_name);
                snprintf(exp, sizeof(exp), "%s%.*s.expected", real, (int)(l - 5), e->d_name);
                want = slurp(exp);
                if (!want)
                        fail_msg("%s has no .expected file", e->d_name);
                r = pol_config_load(path, &c, &d);
                f = open_memstream(&got, &glen);
                pol_diags_print(&d, f);
                fclose(f);
                clean = replace_all(got, real);
                if (r != -EINVAL || c) {
                        fprintf(stderr, "%s: loaded (rc %d) but is broken\n", e->d_name, r);
                        bad++;
                } else if (strcmp(clean, want)) {
                        fprintf(stderr, "%s:\n--- want\n%s--- got\n%s", e->d_name, want, clean);
                        bad++;
                }
                files++;
                pol_config_free(c);
                pol_diags_free(&d);
                free(got);
                free(clean);
                free(want);
        }
        closedir(dh);
        assert_true(files >= 20);
        assert_int_equal(bad, 0);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
                cmocka_unit_test(test_defaults),
                cmocka_unit_test(test_example_file),
                cmocka_unit_test(test_every_field),
                cmocka_unit_test(test_metrics_list),
                cmocka_unit_test(test_warmup_ranges),
                cmocka_unit_test(test_network),
                cmocka_unit_test(test_nul_and_utf8),
                cmocka_unit_test(test_units),
                cmocka_unit_test(test_relative_paths),
                cmocka_unit_test(test_disk),
                cmocka_unit_test(test_errors),
                cmocka_unit_test(test_all_errors_reported),
                cmocka_unit_test(test_too_big),
                cmocka_unit_test(test_corpus),
                cmocka_unit_test(test_hosts),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
