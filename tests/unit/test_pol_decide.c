/* Decision engine tests with synthetic clocks: single decisions from a table, then closed-loop
 * scenarios where a simple service model (latency grows with load per serving clone) and a
 * simple actuator (ordered clones serve after a warm-up) run against pol_decide() tick by tick. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "pol.h"

#define SEC 1000000ull
#define MONDAY_2024_01_01 1704067200ull        /* 2024-01-01 00:00:00 UTC was a Monday */

static struct pol_policy base_policy(void)
{
        struct pol_policy p;

        pol_policy_defaults(&p);
        p.metrics[0].metric = POL_METRIC_P95_LATENCY;
        p.metrics[0].target = 150000;           /* 150 ms */
        p.n_metrics = 1;
        /* These tests are about the step, rate and stabilization knobs themselves: they set the
         * limits they were written for (snowscale's defaults before the clone-era ones). */
        p.up.max_step = 4;
        p.up.max_rate = (struct pol_rate){ .amount = 100, .percent = true, .per_us = 10 * SEC };
        p.max_concurrent_clones = 0;
        p.down.max_step = 1;
        p.down.max_rate = (struct pol_rate){ .amount = 1, .percent = false, .per_us = 30 * SEC };
        p.down.stabilization_us = 60 * SEC;
        return p;
}

static struct pol_stats lat_stats(double stable_ms, double panic_ms, uint64_t count)
{
        struct pol_stats st = { 0 };

        st.stable.window_us = 60 * SEC;
        st.panic.window_us = 6 * SEC;
        st.stable.count = count * 10;
        st.panic.count = count;
        st.stable.p50_us = st.stable.p95_us = st.stable.p99_us = stable_ms * 1000;
        st.panic.p50_us = st.panic.p95_us = st.panic.p99_us = panic_ms * 1000;
        return st;
}

/* ---- one decision per row, fresh state ------------------------------------------------- */
enum tweak { T_NONE, T_UP_RATE_UNLIMITED, T_RPS, T_TWO_METRICS, T_TREAT_AS_TARGET, T_NO_DOWN_STAB };

struct row {
        const char *name;
        enum tweak tweak;
        int serving, pending;
        double stable_ms, panic_ms;     /* < 0: window stale (missing); 0 with count 0: idle */
        double rps;
        int want;
        bool want_panic;
        const char *reason;             /* exact when it starts with '=', else a substring */
};

static const struct row rows[] = {
        { "within tolerance holds", T_NONE, 4, 0, 160, 158, 0, 4, false,
          "=p95 160ms within 10% of target 150ms over 60s window; staying at 4" },
        { "x1.5 scales up", T_NONE, 4, 0, 225, 230, 0, 6, false,
          "=p95 225ms > target 150ms (x1.5) over 60s window; 4 -> 6" },
        { "panic, capped by max_step", T_UP_RATE_UNLIMITED, 3, 0, 200, 412, 0, 7, true,
          "=p95 412ms > target 150ms (x2.7) over 6s panic window; 3 -> 7, capped by max_step 4; entering panic mode" },
        { "panic, capped by max_rate", T_NONE, 3, 0, 200, 412, 0, 6, true,
          "3 -> 6, capped by max_rate 100%/10s; entering panic mode" },
        { "max_clones caps", T_NONE, 14, 0, 300, 260, 0, 16, false, "14 -> 16, capped by max_clones 16" },
        { "a fresh engine does not shrink at once", T_NONE, 4, 0, 50, 50, 0, 4, false,
          "=p95 50ms < target 150ms (x0.33) over 60s window; staying at 4, held by 60s scale-down stabilization (highest recent 4)" },
        { "scale-down limited by max_step", T_NO_DOWN_STAB, 4, 0, 50, 50, 0, 3, false,
          "< target 150ms (x0.33) over 60s window; 4 -> 3, limited by max_step 1" },
        { "min_clones raises an empty pool", T_NONE, 0, 0, 0, 0, 0, 1, false,
          "no requests over 60s window (p95 target 150ms); 0 -> 1, raised to min_clones 1" },
        { "pending clones are ordered capacity", T_NONE, 3, 4, 350, 290, 0, 7, false,
          "(x2.3) over 60s window; staying at 7" },
        { "missing data holds", T_NONE, 5, 0, -1, -1, 0, 5, false,
          "=no data for p95_latency over the 60s window, holding (missing_metrics: hold); staying at 5" },
        { "missing data still honours min_clones", T_NONE, 0, 0, -1, -1, 0, 1, false,
          "raised to min_clones 1" },
        { "idle pool shrinks", T_NO_DOWN_STAB, 4, 0, 0, 0, 0, 3, false, "no requests over 60s window" },
        { "rps_per_clone", T_RPS, 4, 0, 0, 0, 260, 7, false,
          "=rps/clone 65 > target 40 (x1.6) over 60s window; 4 -> 7" },
        { "largest of two metrics wins", T_TWO_METRICS, 4, 0, 150, 150, 400, 7, false,
          "rps/clone 100 > target 60 (x1.7)" },
        { "treat_as_target: no scale-down from missing", T_TREAT_AS_TARGET, 4, 2, -1, -1, 0, 6, false,
          "=no data for p95_latency over the 60s window (treated as on target); staying at 6" },
};

static void test_table(void **state)
{
        int bad = 0;

        for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
                const struct row *r = &rows[i];
                struct pol_policy p = base_policy();
                struct pol_state *s = pol_state_new();
                bool idle = r->stable_ms == 0 && r->panic_ms == 0 && r->rps == 0;
                struct pol_stats st = lat_stats(r->stable_ms, r->panic_ms, idle ? 0 : 100);
                struct pol_clones c = { .serving = r->serving, .pending = r->pending };
                struct pol_decision d;

                assert_non_null(s);
                if (r->stable_ms < 0)
                        st.stable.stale = st.panic.stale = true;
                st.stable.rps = st.panic.rps = r->rps;
                if (r->rps > 0 && r->stable_ms == 0)
                        st.stable.count = st.panic.count = 100;
                switch (r->tweak) {
                case T_UP_RATE_UNLIMITED:
                        p.up.max_rate.amount = 0;
                        break;
                case T_RPS:
                        p.metrics[0].metric = POL_METRIC_RPS_PER_CLONE;
                        p.metrics[0].target = 40;
                        break;
                case T_TREAT_AS_TARGET:
                        p.missing = POL_MISSING_TREAT_AS_TARGET;
                        break;
                case T_NO_DOWN_STAB:
                        p.down.stabilization_us = 0;
                        break;
                case T_TWO_METRICS:
                        p.metrics[1].metric = POL_METRIC_RPS_PER_CLONE;
                        p.metrics[1].target = 60;
                        p.n_metrics = 2;
                        break;
                default:
                        break;
                }
                pol_decide(&p, s, &st, &c, 100 * SEC, MONDAY_2024_01_01 + 5 * 86400, &d);
                bool ok = d.desired == r->want && d.panic == r->want_panic &&
                          (r->reason[0] == '=' ? !strcmp(d.reason, r->reason + 1) : !!strstr(d.reason, r->reason));
                if (!ok) {
                        print_error("row \"%s\": desired %d (want %d), panic %d (want %d)\n  reason: %s\n  want:   %s\n",
                                    r->name, d.desired, r->want, d.panic, r->want_panic, d.reason, r->reason);
                        bad++;
                }
                assert_int_equal(d.from, r->serving + r->pending);
                pol_state_free(s);
        }
        assert_int_equal(bad, 0);
}

/* ---- closed loop ------------------------------------------------------------------------ */
#define WARM_TICKS 3            /* an ordered clone serves this many ticks later */
#define MAX_T 2000

struct sim {
        struct pol_policy p;
        struct pol_state *s;
        int serving;
        int ready_at[64], n_pending;    /* tick at which each pending clone starts serving */
        double lat_hist[MAX_T];         /* per-second latency, ms */
        uint64_t t;                     /* ticks (seconds) */
        uint64_t wall0;
        bool stale;
        struct pol_decision d;
        int ups, downs, direction_changes, last_dir;
        uint64_t last_down_t;
        int min_down_gap;
        int max_desired;
        uint64_t last_trigger_t, left_t;        /* panic bookkeeping seen from outside */
};

static void sim_init(struct sim *m, int serving)
{
        memset(m, 0, sizeof(*m));
        m->p = base_policy();
        m->s = pol_state_new();
        assert_non_null(m->s);
        m->serving = serving;
        m->wall0 = MONDAY_2024_01_01 + 5 * 86400 + 12 * 3600;  /* a Saturday noon: no schedule */
        m->min_down_gap = 1 << 30;
}

/* Latency of a service whose load is `load` clones' worth: 60 ms idle, 140 ms at full use
 * (just under the 150 ms target), growing with the overload beyond. noise is a relative jitter. */
static double latency_ms(double load, int serving, double noise)
{
        double util = load / (serving > 0 ? serving : 1);
        return (util <= 1 ? 60.0 + 80.0 * util : 140.0 * util) * (1 + noise);
}

static double window_avg(const struct sim *m, uint64_t n)
{
        double sum = 0;
        uint64_t k = 0;

        for (uint64_t i = 0; i < n && i < m->t + 1; i++, k++)
                sum += m->lat_hist[m->t - i];
        return k ? sum / (double)k : 0;
}

static void sim_tick(struct sim *m, double load, double noise)
{
        struct pol_stats st = { 0 };
        struct pol_clones c;
        int ordered, i;

        assert_true(m->t < MAX_T);
        /* pending clones that finished warming start serving */
        for (i = 0; i < m->n_pending;) {
                if (m->ready_at[i] <= (int)m->t) {
                        m->serving++;
                        m->ready_at[i] = m->ready_at[--m->n_pending];
                } else {
                        i++;
                }
        }
        m->lat_hist[m->t] = latency_ms(load, m->serving, noise);
        st.panic.window_us = 6 * SEC;
        st.stable.window_us = 60 * SEC;
        st.panic.count = st.stable.count = load > 0 ? 1000 : 0;
        st.panic.p95_us = window_avg(m, 6) * 1000;
        st.stable.p95_us = window_avg(m, 60) * 1000;
        st.panic.stale = st.stable.stale = m->stale;
        c = (struct pol_clones){ .serving = m->serving, .pending = m->n_pending };
        ordered = m->serving + m->n_pending;

        bool was_panic = m->d.panic;
        pol_decide(&m->p, m->s, &st, &c, m->t * SEC, m->wall0 + m->t, &m->d);
        if (st.panic.p95_us / m->p.metrics[0].target >= m->p.panic_threshold)
                m->last_trigger_t = m->t;
        if (was_panic && !m->d.panic)
                m->left_t = m->t;
        assert_int_equal(m->d.from, ordered);

        if (m->d.desired > ordered) {
                for (i = ordered; i < m->d.desired && m->n_pending < 64; i++)
                        m->ready_at[m->n_pending++] = (int)m->t + WARM_TICKS;
                m->ups++;
                if (m->last_dir < 0)
                        m->direction_changes++;
                m->last_dir = 1;
        } else if (m->d.desired < ordered) {
                int cut = ordered - m->d.desired;
                while (cut > 0 && m->n_pending > 0) {   /* cancel orders first */
                        m->n_pending--;
                        cut--;
                }
                m->serving -= cut;
                if (m->downs && (int)(m->t - m->last_down_t) < m->min_down_gap)
                        m->min_down_gap = (int)(m->t - m->last_down_t);
                m->downs++;
                m->last_down_t = m->t;
                if (m->last_dir > 0)
                        m->direction_changes++;
                m->last_dir = -1;
        }
        if (getenv("POL_TRACE"))
                fprintf(stderr, "t=%llu serving=%d pending=%d desired=%d panic=%d: %s\n",
                        (unsigned long long)m->t, m->serving, m->n_pending, m->d.desired, m->d.panic, m->d.reason);
        if (m->d.desired > m->max_desired)
                m->max_desired = m->d.desired;
        m->t++;
}

static double noise_at(uint64_t t, double amp)
{
        /* deterministic pseudo-noise in [-amp, amp] */
        uint64_t x = t * 6364136223846793005ull + 1442695040888963407ull;
        x ^= x >> 33;
        return amp * (2.0 * (double)(x % 10000) / 9999.0 - 1.0);
}

/* Load right at capacity with ±7% noise: latency wanders inside the 10% band. Nothing moves. */
static void test_steady_noise(void **state)
{
        struct sim m;

        sim_init(&m, 4);
        for (int i = 0; i < 600; i++)
                sim_tick(&m, 4.0 * 150.0 / 140.0, noise_at((uint64_t)i, 0.07));
        assert_int_equal(m.ups + m.downs, 0);
        assert_int_equal(m.serving, 4);
        assert_non_null(strstr(m.d.reason, "within 10% of target"));
        pol_state_free(m.s);
}

/* Load steps from 4 to 6 clones' worth: scale up to 6 and stay, no overshoot, no flapping. */
static void test_step_increase(void **state)
{
        struct sim m;

        sim_init(&m, 4);
        for (int i = 0; i < 60; i++)
                sim_tick(&m, 4.0, noise_at((uint64_t)i, 0.03));
        assert_int_equal(m.ups + m.downs, 0);
        for (int i = 0; i < 240; i++)
                sim_tick(&m, 6.0, noise_at((uint64_t)i, 0.03));
        assert_int_equal(m.serving, 6);
        assert_int_equal(m.n_pending, 0);
        assert_true(m.max_desired <= 7);
        assert_int_equal(m.downs, 0);
        assert_false(m.d.panic);
        pol_state_free(m.s);
}

/* A spike of 3x for 20 s: panic on the short window, fast scale-up, no scale-down while
 * panicking, panic ends a stable window after the last trigger, then a slow way down. */
static void test_spike_panic(void **state)
{
        struct sim m;
        uint64_t entered = 0, last_panic = 0, left = 0, first_down = 0;
        int serving_at_spike_end = 0;

        sim_init(&m, 4);
        for (int i = 0; i < 60; i++)
                sim_tick(&m, 4.0, 0);
        for (int i = 0; i < 20; i++) {
                sim_tick(&m, 12.0, 0);
                if (m.d.panic && !entered) {
                        entered = m.t;
                        assert_non_null(strstr(m.d.reason, "entering panic mode"));
                        assert_non_null(strstr(m.d.reason, "panic window"));
                }
        }
        assert_true(entered > 0 && entered <= 65);     /* within a few seconds of the spike */
        serving_at_spike_end = m.serving + m.n_pending;
        assert_true(serving_at_spike_end >= 10);
        for (int i = 0; i < 400; i++) {
                bool was = m.d.panic;
                int before = m.serving + m.n_pending;
                sim_tick(&m, 4.0, 0);
                if (m.d.panic) {
                        last_panic = m.t;
                        /* never a scale-down while panicking */
                        assert_true(m.d.desired >= before);
                } else if (was) {
                        left = m.t;
                        assert_non_null(strstr(m.d.reason, "leaving panic mode"));
                }
                if (!first_down && m.d.desired < before)
                        first_down = m.t;
        }
        assert_true(left > 0);
        assert_true(last_panic < left);
        /* panic ends exactly one stable window (60 s) after the short window last read >= 2x */
        assert_true(m.last_trigger_t >= 63);
        assert_int_equal(m.left_t - m.last_trigger_t, 60);
        assert_true(first_down >= left);
        /* 1 clone per 30 s on the way down */
        assert_true(m.min_down_gap >= 30);
        assert_true(m.serving + m.n_pending < serving_at_spike_end);
        pol_state_free(m.s);
}

/* Load declines slowly from 10 to 2: every step down waits for the 60 s window and respects
 * 1 clone / 30 s; nothing goes up on the way. */
/* After the clones a panic ordered have brought the short window back under target, the long
 * window still remembers the slow seconds: in panic only the short window speaks, so the pool
 * neither grows on that memory nor shrinks (measured on the appliance: 8 -> 12 clones ordered at
 * a healthy 45 ms p95 before this rule). */
static void test_panic_ignores_stale_long_window(void **state)
{
        struct pol_policy p = base_policy();
        struct pol_state *s = pol_state_new();
        struct pol_clones c = { .serving = 2 };
        struct pol_decision d;
        struct pol_stats st = lat_stats(300, 900, 100);

        p.up.max_rate.amount = 0;       /* unlimited: only the windows decide */
        pol_decide(&p, s, &st, &c, 100 * SEC, MONDAY_2024_01_01, &d);
        assert_true(d.panic);
        assert_true(d.desired > 2);
        c.serving = d.desired;
        st = lat_stats(1290, 45, 100);
        pol_decide(&p, s, &st, &c, 101 * SEC, MONDAY_2024_01_01, &d);
        assert_true(d.panic);
        assert_int_equal(d.desired, c.serving);
        assert_non_null(strstr(d.reason, "panic window"));
        pol_state_free(s);
        (void)state;
}

static void test_slow_decline(void **state)
{
        struct sim m;
        int shrink_started = -1;

        sim_init(&m, 10);
        m.p.panic_threshold = 100;     /* this test is about the stable path */
        for (int i = 0; i < 900; i++) {
                double load = i < 60 ? 10.0 : fmax(2.0, 10.0 - (i - 60) * 0.02);
                sim_tick(&m, load, noise_at((uint64_t)i, 0.02));
                if (shrink_started < 0 && m.downs)
                        shrink_started = i;
        }
        assert_int_equal(m.ups, 0);
        assert_true(m.downs >= 6);
        assert_true(m.min_down_gap >= 30);
        /* load drops below 9 clones' worth at i = 110; the latency only falls after that */
        assert_true(shrink_started >= 60 + 60);
        assert_true(m.serving <= 3);
        assert_true(m.serving >= 2);
        assert_int_equal(m.direction_changes, 0);
        pol_state_free(m.s);
}

/* Missing data never scales down (hold), and scaling resumes when data returns. */
static void test_missing_metrics(void **state)
{
        struct sim m;

        sim_init(&m, 6);
        m.stale = true;
        for (int i = 0; i < 300; i++)
                sim_tick(&m, 0.5, 0);  /* the service is nearly idle, but we cannot know it */
        assert_int_equal(m.downs + m.ups, 0);
        assert_int_equal(m.serving, 6);
        assert_non_null(strstr(m.d.reason, "no data for p95_latency"));
        m.stale = false;
        for (int i = 0; i < 200; i++)
                sim_tick(&m, 0.5, 0);
        assert_true(m.downs >= 3);
        assert_true(m.serving < 6);
        pol_state_free(m.s);
}

static void set_schedule(struct pol_policy *p, struct pol_schedule *s, const char *cron, int min,
                         uint64_t duration_us)
{
        /* the cron syntax itself is the loader's (tested there); here the bit sets matter */
        struct pol_config *c = NULL;
        struct pol_diags d = { 0 };
        char yaml[256];

        snprintf(yaml, sizeof(yaml), "policy: { target: 150ms, schedule: [ { cron: \"%s\", min_clones: %d } ] }\n",
                 cron, min);
        assert_int_equal(pol_config_load_string("s.yaml", yaml, strlen(yaml), &c, &d), 0);
        *s = c->policy.schedule[0];
        s->cron = (char *)cron;
        s->duration_us = duration_us;
        free(c->policy.schedule[0].cron);
        c->policy.schedule[0].cron = NULL;
        pol_config_free(c);
        p->schedule = s;
        p->n_schedule = 1;
}

static void test_schedule_floor(void **state)
{
        static const struct { const char *cron; uint64_t dur_us; uint64_t at; bool active; } cases[] = {
                /* weekdays from 08:00 for 10 h */
                { "0 8 * * mon-fri", 10 * 3600 * SEC, MONDAY_2024_01_01 + 7 * 3600 + 59 * 60, false },
                { "0 8 * * mon-fri", 10 * 3600 * SEC, MONDAY_2024_01_01 + 8 * 3600, true },
                { "0 8 * * mon-fri", 10 * 3600 * SEC, MONDAY_2024_01_01 + 17 * 3600 + 59 * 60 + 59, true },
                { "0 8 * * mon-fri", 10 * 3600 * SEC, MONDAY_2024_01_01 + 18 * 3600, false },
                { "0 8 * * mon-fri", 10 * 3600 * SEC, MONDAY_2024_01_01 + 5 * 86400 + 9 * 3600, false },
                /* without a duration: only the matching minutes */
                { "* 9-17 * * *", 0, MONDAY_2024_01_01 + 9 * 3600 + 30 * 60, true },
                { "* 9-17 * * *", 0, MONDAY_2024_01_01 + 18 * 3600, false },
                { "0 8 * * *", 0, MONDAY_2024_01_01 + 8 * 3600 + 59, true },
                { "0 8 * * *", 0, MONDAY_2024_01_01 + 8 * 3600 + 60, false },
                /* day-of-month OR day-of-week when both are restricted (Vixie cron) */
                { "0 0 1 * tue", 0, MONDAY_2024_01_01, true },                  /* the 1st */
                { "0 0 1 * tue", 0, MONDAY_2024_01_01 + 86400, true },          /* a Tuesday */
                { "0 0 1 * tue", 0, MONDAY_2024_01_01 + 2 * 86400, false },
                /* steps, lists and names; 7 is Sunday */
                { "*/20 12 * jan 7", 0, MONDAY_2024_01_01 + 6 * 86400 + 12 * 3600 + 40 * 60, true },
                { "*/20 12 * jan 7", 0, MONDAY_2024_01_01 + 6 * 86400 + 12 * 3600 + 30 * 60, false },
                { "*/20 12 * feb 7", 0, MONDAY_2024_01_01 + 6 * 86400 + 12 * 3600 + 40 * 60, false },
        };

        for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
                struct pol_policy p = base_policy();
                struct pol_schedule s;
                set_schedule(&p, &s, cases[i].cron, 4, cases[i].dur_us);
                if (pol_schedule_active(&s, cases[i].at) != cases[i].active)
                        fail_msg("case %zu \"%s\" at +%llus: want %d", i, cases[i].cron,
                                 (unsigned long long)(cases[i].at - MONDAY_2024_01_01), cases[i].active);
        }

        /* the floor in a decision: idle pool at 1 clone, the floor lifts it at 08:00 */
        struct pol_policy p = base_policy();
        struct pol_schedule s;
        struct pol_state *st = pol_state_new();
        struct pol_stats idle = lat_stats(0, 0, 0);
        struct pol_clones c = { .serving = 1 };
        struct pol_decision d;

        set_schedule(&p, &s, "0 8 * * mon-fri", 4, 10 * 3600 * SEC);
        pol_decide(&p, st, &idle, &c, 1 * SEC, MONDAY_2024_01_01 + 7 * 3600 + 59 * 60, &d);
        assert_int_equal(d.desired, 1);
        pol_decide(&p, st, &idle, &c, 2 * SEC, MONDAY_2024_01_01 + 8 * 3600, &d);
        assert_int_equal(d.desired, 4);
        assert_string_equal(d.reason, "no requests over 60s window (p95 target 150ms); 1 -> 4, raised to schedule floor 4 (0 8 * * mon-fri)");
        c.serving = 4;
        pol_decide(&p, st, &idle, &c, 3 * SEC, MONDAY_2024_01_01 + 17 * 3600, &d);
        assert_int_equal(d.desired, 4);
        pol_decide(&p, st, &idle, &c, 100 * SEC, MONDAY_2024_01_01 + 18 * 3600, &d);
        assert_int_equal(d.desired, 3);                 /* floor gone: down by max_step */
        pol_state_free(st);
}

/* Up rate 1/10s with no step limit: a big overload is met one clone per 10 s. Down 50%/1m. */
static void test_rate_limits(void **state)
{
        struct pol_policy p = base_policy();
        struct pol_state *s = pol_state_new();
        struct pol_stats hot = lat_stats(600, 290, 100), cold = lat_stats(20, 20, 100);
        struct pol_decision d;
        int serving = 4, adds = 0;

        p.up.max_step = 0;
        p.up.max_rate = (struct pol_rate){ .amount = 1, .per_us = 10 * SEC };
        for (uint64_t t = 0; t < 60; t++) {
                struct pol_clones c = { .serving = serving };
                pol_decide(&p, s, &hot, &c, t * SEC, MONDAY_2024_01_01 + t, &d);
                if (d.desired > serving) {
                        assert_int_equal(d.desired, serving + 1);
                        assert_true(t % 10 == 0);
                        assert_non_null(strstr(d.reason, "capped by max_rate 1/10s"));
                        serving = d.desired;
                        adds++;
                } else {
                        assert_int_equal(d.desired, serving);
                }
        }
        assert_int_equal(adds, 6);
        pol_state_free(s);

        /* down: 50% of the pool per minute, no stabilization, no step limit */
        p = base_policy();
        p.down.max_step = 0;
        p.down.stabilization_us = 0;
        p.down.max_rate = (struct pol_rate){ .amount = 50, .percent = true, .per_us = 60 * SEC };
        p.min_clones = 1;
        s = pol_state_new();
        serving = 16;
        int seen[8] = { 0 }, n = 0;
        for (uint64_t t = 0; t < 300; t++) {
                struct pol_clones c = { .serving = serving };
                pol_decide(&p, s, &cold, &c, t * SEC, MONDAY_2024_01_01 + t, &d);
                if (d.desired != serving && n < 8) {
                        seen[n++] = d.desired;
                        serving = d.desired;
                }
        }
        assert_true(n >= 4);
        assert_int_equal(seen[0], 8);   /* 16 - 50% */
        assert_int_equal(seen[1], 4);
        assert_int_equal(seen[2], 2);
        assert_int_equal(seen[3], 1);
        pol_state_free(s);
}

/* Up stabilization: a one-tick blip does not scale up; a sustained rise does after the window. */
static void test_up_stabilization(void **state)
{
        struct pol_policy p = base_policy();
        struct pol_state *s = pol_state_new();
        struct pol_stats ok = lat_stats(150, 150, 100), high = lat_stats(250, 250, 100);
        struct pol_clones c = { .serving = 4 };
        struct pol_decision d;
        uint64_t t = 0, up_at = 0;

        p.up.stabilization_us = 10 * SEC;
        for (; t < 20; t++)
                pol_decide(&p, s, &ok, &c, t * SEC, MONDAY_2024_01_01 + t, &d);
        pol_decide(&p, s, &high, &c, t * SEC, MONDAY_2024_01_01 + t, &d);
        t++;
        assert_int_equal(d.desired, 4);
        assert_non_null(strstr(d.reason, "held by 10s scale-up stabilization"));
        for (; t < 60 && !up_at; t++) {
                pol_decide(&p, s, &high, &c, t * SEC, MONDAY_2024_01_01 + t, &d);
                if (d.desired > 4)
                        up_at = t;
        }
        assert_int_equal(up_at, 29);    /* the last "ok" (t=19) is out of the window (t-10 s, t] at t=29 */
        assert_int_equal(d.desired, 7);
        pol_state_free(s);
}

/* An actuator that does not act (observe mode, or a slow one): the same inputs must keep giving
 * the same answer, not alternate between ordering and holding. */
static void test_repeat_without_action(void **state)
{
        struct pol_policy p = base_policy();
        struct pol_state *s = pol_state_new();
        struct pol_stats hot = lat_stats(450, 450, 100), cold = lat_stats(30, 30, 100);
        struct pol_clones c = { .serving = 3 };
        struct pol_decision d;
        int first = -1;

        for (uint64_t t = 0; t < 40; t++) {
                pol_decide(&p, s, &hot, &c, t * SEC, MONDAY_2024_01_01 + t, &d);
                if (first < 0)
                        first = d.desired;
                if (d.desired != first)
                        fail_msg("t=%llu desired %d, first %d: %s", (unsigned long long)t, d.desired, first, d.reason);
        }
        assert_int_equal(first, 6);     /* 3 x 3.0 = 9, capped to 100% per 10 s = 6 */
        pol_state_free(s);

        s = pol_state_new();
        c.serving = 8;
        for (uint64_t t = 0; t < 200; t++) {
                int want = t < 60 ? 8 : 7;      /* the first down window watches, then one step */
                pol_decide(&p, s, &cold, &c, t * SEC, MONDAY_2024_01_01 + t, &d);
                if (d.desired != want)
                        fail_msg("t=%llu desired %d, want %d: %s", (unsigned long long)t, d.desired, want, d.reason);
        }
        pol_state_free(s);
}

/* A reload that lowers max_clones below the pool cuts it; a clock that steps back is survived. */
static void test_reload_and_clock(void **state)
{
        struct pol_policy p = base_policy();
        struct pol_state *s = pol_state_new();
        struct pol_stats ok = lat_stats(150, 150, 100);
        struct pol_clones c = { .serving = 10 };
        struct pol_decision d;

        pol_decide(&p, s, &ok, &c, 100 * SEC, MONDAY_2024_01_01, &d);
        assert_int_equal(d.desired, 10);
        p.max_clones = 6;
        pol_decide(&p, s, &ok, &c, 101 * SEC, MONDAY_2024_01_01, &d);
        assert_int_equal(d.desired, 6);
        assert_non_null(strstr(d.reason, "cut to max_clones 6"));
        c.serving = 6;
        pol_decide(&p, s, &ok, &c, 50 * SEC, MONDAY_2024_01_01, &d);    /* clock stepped back */
        assert_int_equal(d.desired, 6);
        pol_state_free(s);
}

/* The cue for evaluating between ticks: over target beyond the tolerance, on any metric. */
static void test_over_target(void **state)
{
        (void)state;
        struct pol_policy p = base_policy();
        struct pol_stats st;

        st = lat_stats(100, 160, 100);          /* within 10 % of 150 ms */
        assert_false(pol_over_target(&p, &st.panic, 2));
        st = lat_stats(100, 170, 100);          /* 13 % over */
        assert_true(pol_over_target(&p, &st.panic, 2));
        st = lat_stats(100, 20, 100);           /* far under: not "over" */
        assert_false(pol_over_target(&p, &st.panic, 2));
        st = lat_stats(100, 900, 0);            /* idle window: no latency */
        assert_false(pol_over_target(&p, &st.panic, 2));
        st = lat_stats(100, 900, 100);
        st.panic.stale = true;                  /* missing data is not a breach */
        assert_false(pol_over_target(&p, &st.panic, 2));

        /* rps per clone: 300 rps over 2 clones against a target of 100 is over; over 4 it is not */
        p.metrics[1].metric = POL_METRIC_RPS_PER_CLONE;
        p.metrics[1].target = 100;
        p.n_metrics = 2;
        st = lat_stats(100, 20, 100);
        st.panic.rps = 300;
        assert_true(pol_over_target(&p, &st.panic, 2));
        st.panic.rps = 300;
        assert_false(pol_over_target(&p, &st.panic, 4));
}

/* The scale-down rate counts clones removed within its period: an up change between two
 * removals does not refill it (its base is the size before the first removal plus what was
 * added after it, as HPA's periodStartReplicas = current + removed). 1/30s: 10 -> 9, up to 12,
 * and no second removal until the first is 30 s old. */
static void test_down_rate_after_up(void **state)
{
        struct pol_policy p = base_policy();
        struct pol_state *s = pol_state_new();
        struct pol_stats cold = lat_stats(40, 40, 100), hot = lat_stats(300, 300, 100);
        struct pol_clones c = { .serving = 10 };
        struct pol_decision d;

        (void)state;
        p.down.stabilization_us = 0;
        p.panic_threshold = 100;                /* about the limits, not panic */
        pol_decide(&p, s, &cold, &c, 100 * SEC, MONDAY_2024_01_01, &d);
        assert_int_equal(d.desired, 9);
        c.serving = 9;
        pol_decide(&p, s, &hot, &c, 105 * SEC, MONDAY_2024_01_01, &d);
        assert_int_equal(d.desired, 13);        /* 9 x 2.0 = 18, capped by max_step 4 */
        c.serving = 12;                         /* 12 of them serve */
        c.pending = 1;
        for (uint64_t t = 106; t < 130; t++) {
                c.pending = 0;
                c.serving = 13;
                pol_decide(&p, s, &cold, &c, t * SEC, MONDAY_2024_01_01, &d);
                if (d.desired != 13)
                        fail_msg("t=%llu: removed a second clone within 30 s: %s", (unsigned long long)t, d.reason);
                assert_non_null(strstr(d.reason, "limited by max_rate 1/30s"));
        }
        pol_decide(&p, s, &cold, &c, 130 * SEC, MONDAY_2024_01_01, &d);
        assert_int_equal(d.desired, 12);
        pol_state_free(s);
}

/* Orders that never became capacity are cancelled without step or rate limits (nothing is in
 * flight to them, nothing warmed); draining serving clones stays limited. */
static void test_cancel_pending_unthrottled(void **state)
{
        struct pol_policy p = base_policy();
        struct pol_state *s = pol_state_new();
        struct pol_stats cold = lat_stats(30, 30, 100);
        struct pol_clones c = { .serving = 4, .pending = 4 };
        struct pol_decision d;

        (void)state;
        p.down.stabilization_us = 0;
        pol_decide(&p, s, &cold, &c, 100 * SEC, MONDAY_2024_01_01, &d);
        /* all four orders go at once, and max_step 1 still lets one serving clone drain */
        assert_int_equal(d.desired, 3);
        assert_non_null(strstr(d.reason, "8 -> 3, limited by max_step 1 (4 orders not serving yet cancelled first)"));
        c.serving = 3;
        c.pending = 0;
        pol_decide(&p, s, &cold, &c, 101 * SEC, MONDAY_2024_01_01, &d);
        assert_int_equal(d.desired, 3);         /* 1/30s: the drain used the rate, not the cancels */
        assert_non_null(strstr(d.reason, "limited by max_rate 1/30s"));
        pol_state_free(s);

        /* only orders to cancel: no limit at all */
        s = pol_state_new();
        c = (struct pol_clones){ .serving = 4, .pending = 5 };
        struct pol_stats ok = lat_stats(150, 150, 100);
        p.down.max_step = 1;
        pol_decide(&p, s, &ok, &c, 100 * SEC, MONDAY_2024_01_01, &d);
        assert_int_equal(d.desired, 9);         /* within tolerance: keeps its orders */
        struct pol_stats low = lat_stats(120, 120, 100);        /* 4 x 0.8 -> 4 of a pool of 9 */
        pol_decide(&p, s, &low, &c, 101 * SEC, MONDAY_2024_01_01, &d);
        assert_int_equal(d.desired, 4);
        assert_string_equal(d.reason, "p95 120ms < target 150ms (x0.80) over 60s window; 9 -> 4, "
                                      "cancelling 5 orders not serving yet");
        pol_state_free(s);
}

/* scale_up.max_concurrent_clones bounds the orders not serving yet; the rest follows as they
 * serve. */
static void test_max_concurrent_clones(void **state)
{
        struct pol_policy p = base_policy();
        struct pol_state *s = pol_state_new();
        struct pol_stats hot = lat_stats(900, 900, 100);
        struct pol_clones c = { .serving = 2 };
        struct pol_decision d;

        (void)state;
        p.up.max_step = 0;
        p.up.max_rate.amount = 0;
        p.max_concurrent_clones = 3;
        pol_decide(&p, s, &hot, &c, 100 * SEC, MONDAY_2024_01_01, &d);
        assert_int_equal(d.desired, 5);         /* 2 x 6 = 12 wanted, 3 at once */
        assert_non_null(strstr(d.reason, "capped by max_concurrent_clones 3"));
        c.pending = 3;
        pol_decide(&p, s, &hot, &c, 101 * SEC, MONDAY_2024_01_01, &d);
        assert_int_equal(d.desired, 5);
        c.pending = 1;
        c.serving = 4;
        pol_decide(&p, s, &hot, &c, 102 * SEC, MONDAY_2024_01_01, &d);
        assert_int_equal(d.desired, 7);         /* two serve: two more orders */
        pol_state_free(s);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
                cmocka_unit_test(test_table),
                cmocka_unit_test(test_steady_noise),
                cmocka_unit_test(test_step_increase),
                cmocka_unit_test(test_spike_panic),
                cmocka_unit_test(test_panic_ignores_stale_long_window),
                cmocka_unit_test(test_slow_decline),
                cmocka_unit_test(test_missing_metrics),
                cmocka_unit_test(test_schedule_floor),
                cmocka_unit_test(test_rate_limits),
                cmocka_unit_test(test_up_stabilization),
                cmocka_unit_test(test_repeat_without_action),
                cmocka_unit_test(test_reload_and_clock),
                cmocka_unit_test(test_over_target),
                cmocka_unit_test(test_down_rate_after_up),
                cmocka_unit_test(test_cancel_pending_unthrottled),
                cmocka_unit_test(test_max_concurrent_clones),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
