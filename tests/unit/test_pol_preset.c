/* policy.preset: the loader sets each peer's defaults (explicit keys win), and the engine
 * reproduces the worked examples of the peers' own documentation:
 *   Kubernetes HPA, kubernetes.io "Horizontal Pod Autoscaling" (algorithm details; default
 *   behavior) and the v1.33 configurable-tolerance post (50 replicas at 90/75 -> 60);
 *   Knative KPA, knative.dev "Additional autoscaling configuration for Knative Pod Autoscaler"
 *   (stable/panic modes) and pkg/autoscaler/scaling/autoscaler.go (rates, panic). */
#include <errno.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "pol.h"
#include "pol_preset.h"

#define SEC 1000000ull
#define WALL 1704067200ull

static struct pol_config *load(const char *yaml)
{
        struct pol_config *c = NULL;
        struct pol_diags d = { 0 };

        if (pol_config_load_string("p.yaml", yaml, strlen(yaml), &c, &d) != 0) {
                pol_diags_print(&d, stderr);
                fail_msg("config did not load");
        }
        pol_diags_free(&d);
        return c;
}

static void test_hpa_defaults(void **state)
{
        struct pol_config *c = load("policy: { preset: hpa, target: 150ms, max_clones: 64 }\n");
        const struct pol_policy *p = &c->policy;

        (void)state;
        assert_int_equal(p->algorithm, POL_ALGO_HPA);
        assert_true(p->tolerance == 0.10);
        assert_true(p->up.max_rate.amount == 100 && p->up.max_rate.percent && p->up.max_rate.per_us == 15 * SEC);
        assert_true(p->up.max_rate_or.amount == 4 && !p->up.max_rate_or.percent && p->up.max_rate_or.per_us == 15 * SEC);
        assert_int_equal(p->up.stabilization_us, 0);
        assert_int_equal(p->up.max_step, 0);
        assert_int_equal(p->max_concurrent_clones, 0);
        assert_true(p->down.max_rate.amount == 100 && p->down.max_rate.percent && p->down.max_rate.per_us == 15 * SEC);
        assert_int_equal(p->down.stabilization_us, 300 * SEC);
        assert_int_equal(p->down.max_step, 0);
        assert_int_equal(p->sync_period_us, 15 * SEC);
        assert_int_equal(p->stable_window_us, 15 * SEC);
        pol_config_free(c);

        /* explicit keys beside a preset override it, wherever they stand in the file */
        c = load("policy:\n  scale_down: { stabilization: 60s }\n  preset: hpa\n  target: 150ms\n  tolerance: 5%\n");
        assert_int_equal(c->policy.down.stabilization_us, 60 * SEC);
        assert_true(c->policy.tolerance == 0.05);
        assert_true(c->policy.down.max_rate.amount == 100 && c->policy.down.max_rate.percent);
        assert_int_equal(c->policy.sync_period_us, 15 * SEC);
        pol_config_free(c);
}

static void test_knative_defaults(void **state)
{
        struct pol_config *c = load("policy: { preset: knative, metric: inflight_per_clone, target: 10 }\n");
        const struct pol_policy *p = &c->policy;

        (void)state;
        assert_int_equal(p->algorithm, POL_ALGO_KNATIVE);
        assert_int_equal(p->stable_window_us, 60 * SEC);
        assert_int_equal(p->panic_window_us, 6 * SEC);         /* 10 % of the stable window */
        assert_true(p->panic_threshold == 2.0);
        assert_true(p->up.max_rate.amount == 99900 && p->up.max_rate.percent);  /* x1000 */
        assert_true(p->down.max_rate.amount == 50 && p->down.max_rate.percent); /* to half */
        assert_int_equal(p->down.stabilization_us, 0);
        assert_true(p->tolerance == 0);
        assert_int_equal(p->sync_period_us, 2 * SEC);
        pol_config_free(c);

        /* the panic window follows an explicit stable window */
        c = load("policy: { preset: knative, metric: rps_per_clone, target: 50, stable_window: 30s }\n");
        assert_int_equal(c->policy.panic_window_us, 3 * SEC);
        pol_config_free(c);

        /* no preset: snowscale's own controller */
        c = load("policy: { target: 150ms }\n");
        assert_int_equal(c->policy.algorithm, POL_ALGO_SNOWSCALE);
        assert_string_equal(pol_preset_name(c->policy.algorithm), "snowscale");
        pol_config_free(c);

        /* a preset name that does not exist is an error naming the choices */
        struct pol_config *bad = NULL;
        struct pol_diags d = { 0 };
        const char *y = "policy: { preset: vpa, target: 150ms }\n";
        assert_int_equal(pol_config_load_string("p.yaml", y, strlen(y), &bad, &d), -EINVAL);
        assert_true(d.n >= 1);
        assert_string_equal(d.v[0].path, "policy.preset");
        assert_non_null(strstr(d.v[0].msg, "knative"));
        pol_diags_free(&d);
}

static struct pol_policy preset_policy(enum pol_algorithm a, enum pol_metric m, double target)
{
        struct pol_policy p;

        pol_policy_defaults(&p);
        p.metrics[0].metric = m;
        p.metrics[0].target = target;
        p.n_metrics = 1;
        p.max_clones = 200;
        pol_preset_apply(&p, a, NULL, NULL);
        return p;
}

static struct pol_stats per_clone(double total_stable, double total_panic, bool inflight)
{
        struct pol_stats st = { 0 };

        st.stable.window_us = 60 * SEC;
        st.panic.window_us = 6 * SEC;
        st.stable.count = st.panic.count = 1000;
        st.stable.p95_us = st.panic.p95_us = 50000;
        if (inflight) {
                st.stable.inflight = total_stable;
                st.panic.inflight = total_panic;
                st.stable.rps = st.panic.rps = 100;
        } else {
                st.stable.rps = total_stable;
                st.panic.rps = total_panic;
        }
        return st;
}

/* "if the current metric value is 200m, and the desired value is 100m, the number of replicas
 * will be doubled"; "If the current value is instead 50m, you'll halve the number of replicas"
 * -- after the 300 s scale-down stabilization window. */
static void test_hpa_doubles_and_halves(void **state)
{
        struct pol_policy p = preset_policy(POL_ALGO_HPA, POL_METRIC_RPS_PER_CLONE, 0.100);
        struct pol_state *s = pol_state_new();
        struct pol_clones c = { .serving = 4 };
        struct pol_stats st = per_clone(4 * 0.200, 4 * 0.200, false);
        struct pol_decision d;

        (void)state;
        pol_decide(&p, s, &st, &c, 1000 * SEC, WALL, &d);
        assert_int_equal(d.desired, 8);
        assert_false(d.panic);
        pol_state_free(s);

        s = pol_state_new();
        st = per_clone(4 * 0.050, 4 * 0.050, false);
        for (uint64_t t = 0; t <= 300; t++) {
                pol_decide(&p, s, &st, &c, t * SEC, WALL + t, &d);
                if (t < 300 && d.desired != 4)
                        fail_msg("t=%llu: %d before the stabilization window passed: %s", (unsigned long long)t,
                                 d.desired, d.reason);
        }
        assert_int_equal(d.desired, 2);
        pol_state_free(s);
}

/* The tolerance: 50 replicas at 90 against a target of 75 is 20 % over: 60 replicas; at 80 it
 * is within 10 %: nothing changes. */
static void test_hpa_tolerance(void **state)
{
        struct pol_policy p = preset_policy(POL_ALGO_HPA, POL_METRIC_RPS_PER_CLONE, 75);
        struct pol_state *s = pol_state_new();
        struct pol_clones c = { .serving = 50 };
        struct pol_stats st = per_clone(50 * 90.0, 50 * 90.0, false);
        struct pol_decision d;

        (void)state;
        pol_decide(&p, s, &st, &c, 100 * SEC, WALL, &d);
        assert_int_equal(d.desired, 60);
        pol_state_free(s);

        s = pol_state_new();
        st = per_clone(50 * 80.0, 50 * 80.0, false);
        pol_decide(&p, s, &st, &c, 100 * SEC, WALL, &d);
        assert_int_equal(d.desired, 50);
        assert_non_null(strstr(d.reason, "within 10% of target"));
        pol_state_free(s);
}

/* Default scale-up: "100 % or 4 pods per 15 s, whichever is more"; a decision every 15 s. */
static void test_hpa_up_policies_and_sync(void **state)
{
        struct pol_policy p = preset_policy(POL_ALGO_HPA, POL_METRIC_P95_LATENCY, 150000);
        struct pol_state *s = pol_state_new();
        struct pol_clones c = { .serving = 1 };
        struct pol_stats st = { 0 };
        struct pol_decision d;

        (void)state;
        st.stable.window_us = 15 * SEC;
        st.panic.window_us = 6 * SEC;
        st.stable.count = st.panic.count = 1000;
        st.stable.p95_us = st.panic.p95_us = 3000000;  /* x20 */
        pol_decide(&p, s, &st, &c, 100 * SEC, WALL, &d);
        assert_int_equal(d.desired, 5);                 /* 1 + 4 pods beats 1 + 100 % */
        assert_non_null(strstr(d.reason, "capped by max_rate 100%/15s or 4/15s"));
        assert_false(d.panic);                          /* HPA has no panic mode */
        c.serving = 5;
        for (uint64_t t = 101; t < 115; t++) {          /* between syncs the decision stands */
                pol_decide(&p, s, &st, &c, t * SEC, WALL, &d);
                assert_int_equal(d.desired, 5);
                assert_non_null(strstr(d.reason, "decided at the last sync"));
        }
        pol_decide(&p, s, &st, &c, 115 * SEC, WALL, &d);
        assert_int_equal(d.desired, 10);                /* 5 + 100 % beats 5 + 4 */
        pol_state_free(s);
}

/* The KPA's panic example (knative.dev kpa-specific: stable target 10, panic at 2x): 5 ready
 * pods, 50 concurrent requests over the stable window; the panic window sees 120: it asks for
 * 12 pods >= 2 x 5, panic, 12 pods. When the burst shrinks the count never goes down while
 * panicking; a stable window after the last trigger it leaves panic and may halve at most. */
static void test_knative_panic(void **state)
{
        struct pol_policy p = preset_policy(POL_ALGO_KNATIVE, POL_METRIC_INFLIGHT_PER_CLONE, 10);
        struct pol_state *s = pol_state_new();
        struct pol_clones c = { .serving = 5 };
        struct pol_stats st = per_clone(50, 50, true);
        struct pol_decision d;
        uint64_t t = 100, left = 0;

        (void)state;
        pol_decide(&p, s, &st, &c, t * SEC, WALL, &d);
        assert_int_equal(d.desired, 5);
        assert_false(d.panic);
        t += 2;
        st = per_clone(60, 120, true);
        pol_decide(&p, s, &st, &c, t * SEC, WALL, &d);
        assert_true(d.panic);
        assert_int_equal(d.desired, 12);
        assert_non_null(strstr(d.reason, "entering panic mode"));
        c.serving = 12;
        st = per_clone(40, 20, true);                   /* the burst is over */
        for (t += 2; t < 300 && !left; t += 2) {
                pol_decide(&p, s, &st, &c, t * SEC, WALL, &d);
                if (d.panic)
                        assert_int_equal(d.desired, 12);
                else
                        left = t;
        }
        assert_true(left > 102 + 60);                   /* a whole stable window after the trigger */
        assert_true(left <= 102 + 62);
        assert_int_equal(d.desired, 6);                 /* 4 wanted, max-scale-down-rate 2: 12 / 2 */
        pol_state_free(s);
}

/* ceil(observed / target): 95 rps at 10 per pod is 10 pods, no tolerance band. */
static void test_knative_rps(void **state)
{
        struct pol_policy p = preset_policy(POL_ALGO_KNATIVE, POL_METRIC_RPS_PER_CLONE, 10);
        struct pol_state *s = pol_state_new();
        struct pol_clones c = { .serving = 9 };
        struct pol_stats st = per_clone(95, 95, false);
        struct pol_decision d;

        (void)state;
        pol_decide(&p, s, &st, &c, 100 * SEC, WALL, &d);
        assert_int_equal(d.desired, 10);
        assert_false(d.panic);
        pol_state_free(s);
}

/* A parent that serves is a pod to both peers: HPA's current replicas and the KPA's ready pods
 * count it, and the answer is the clones besides it. */
static void test_parent_is_a_pod(void **state)
{
        struct pol_policy p = preset_policy(POL_ALGO_HPA, POL_METRIC_P95_LATENCY, 150000);
        struct pol_state *s = pol_state_new();
        struct pol_clones c = { .serving = 1, .base_workers = 1 };
        struct pol_stats st = per_clone(0, 0, false);
        struct pol_decision d;

        (void)state;
        st.stable.window_us = 15 * SEC;
        st.stable.p95_us = st.panic.p95_us = 300000;   /* x2: 2 pods -> 4 pods, 3 clones */
        pol_decide(&p, s, &st, &c, 100 * SEC, WALL, &d);
        assert_int_equal(d.desired, 3);
        pol_state_free(s);

        p = preset_policy(POL_ALGO_KNATIVE, POL_METRIC_INFLIGHT_PER_CLONE, 1.4);
        s = pol_state_new();
        c = (struct pol_clones){ .serving = 2, .base_workers = 1 };
        st = per_clone(4.2, 4.2, true);                 /* 3 pods' worth: parent + 2 clones */
        pol_decide(&p, s, &st, &c, 100 * SEC, WALL, &d);
        assert_int_equal(d.desired, 2);
        assert_false(d.panic);
        pol_state_free(s);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
                cmocka_unit_test(test_hpa_defaults),
                cmocka_unit_test(test_knative_defaults),
                cmocka_unit_test(test_hpa_doubles_and_halves),
                cmocka_unit_test(test_hpa_tolerance),
                cmocka_unit_test(test_hpa_up_policies_and_sync),
                cmocka_unit_test(test_knative_panic),
                cmocka_unit_test(test_knative_rps),
                cmocka_unit_test(test_parent_is_a_pod),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
