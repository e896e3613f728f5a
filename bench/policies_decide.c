/* policies_decide: what a decision and a config load cost, side by side in one run.
 *
 *   BENCH pol_decide plain_per_s=N schedules32x7d_per_s=N ratio=X
 *   BENCH pol_config_load example_per_s=N bytes=N
 *
 * A decision runs every tick (1 s by default), so anything above ~10^4/s is noise next to
 * the tick; the schedule case is the worst a valid file can ask for (32 entries whose floors
 * last a week, each looked up over the whole week on every call). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pol.h"
#include "ss_util.h"

static double now_s(void)
{
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double decisions_per_s(const struct pol_policy *p, int n)
{
        struct pol_state *s = pol_state_new();
        struct pol_stats st = { 0 };
        struct pol_decision d;
        double t0, t1;
        volatile int sink = 0;

        if (!s)
                exit(1);
        st.stable.window_us = 60000000;
        st.panic.window_us = 6000000;
        st.stable.count = st.panic.count = 1000;
        t0 = now_s();
        for (int i = 0; i < n; i++) {
                struct pol_clones c = { .serving = 4 + i % 3, .pending = i % 2 };
                /* latency wanders across the band so every branch gets its turn */
                st.stable.p95_us = 100000 + (i % 200) * 1000;
                st.panic.p95_us = 100000 + (i % 350) * 1000;
                pol_decide(p, s, &st, &c, (uint64_t)i * 1000000, 1704067200 + (uint64_t)i, &d);
                sink += d.desired;
        }
        t1 = now_s();
        pol_state_free(s);
        if (sink < 0)                   /* keeps the loop from being optimised away */
                abort();
        return n / (t1 - t0);
}

int main(int argc, char **argv)
{
        const char *root = getenv("SNOWSCALE_ROOT");
        char path[4096];
        char *yaml = NULL;
        size_t len = 0;
        struct pol_policy plain, sched;
        struct pol_schedule entries[32];
        double a, b, t0, t1;
        int loads = 2000;

        (void)argc;
        (void)argv;
        pol_policy_defaults(&plain);
        plain.metrics[0].target = 150000;
        sched = plain;
        for (int i = 0; i < 32; i++) {
                memset(&entries[i], 0, sizeof(entries[i]));
                entries[i].cron = (char *)"0 8 1 1 *";  /* fires once a year: every lookup scans the week */
                entries[i].minute[0] = 1;
                entries[i].hour = 1u << 8;
                entries[i].dom = 1u << 1;
                entries[i].mon = 1u << 1;
                entries[i].dow = 0x7f;
                entries[i].min_clones = 2;
                entries[i].duration_us = 7ull * 86400 * 1000000;
        }
        sched.schedule = entries;
        sched.n_schedule = 32;

        a = decisions_per_s(&plain, 200000);
        b = decisions_per_s(&sched, 5000);
        printf("BENCH pol_decide plain_per_s=%.0f schedules32x7d_per_s=%.0f ratio=%.1f\n", a, b, a / b);

        snprintf(path, sizeof(path), "%s/etc/snowscale.yaml", root && *root ? root : ".");
        if (ss_read_file(path, 1 << 20, &yaml, &len) < 0) {
                fprintf(stderr, "cannot read %s\n", path);
                return 1;
        }
        t0 = now_s();
        for (int i = 0; i < loads; i++) {
                struct pol_config *c = NULL;
                struct pol_diags d = { 0 };
                if (pol_config_load_string(path, yaml, len, &c, &d) < 0) {
                        pol_diags_print(&d, stderr);
                        return 1;
                }
                pol_config_free(c);
                pol_diags_free(&d);
        }
        t1 = now_s();
        printf("BENCH pol_config_load example_per_s=%.0f bytes=%zu\n", loads / (t1 - t0), len);
        free(yaml);
        return 0;
}
