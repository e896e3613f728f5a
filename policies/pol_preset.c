/* pol_preset: the defaults of Kubernetes HPA and Knative KPA expressed in snowscale's knobs.
 *
 * HPA (kubernetes.io, "Horizontal Pod Autoscaling", default behavior; replica_calculator.go):
 *   desired = ceil(current x metric / target), skipped within tolerance 0.1; scale-up policies
 *   100 %/15 s and 4 pods/15 s, the larger wins (selectPolicy Max), no up stabilization;
 *   scale-down 100 %/15 s with a 300 s stabilization window; the controller syncs every 15 s.
 * KPA (knative.dev "kpa-specific", config-autoscaler; pkg/autoscaler/scaling/autoscaler.go):
 *   desired = ceil(observed / target per pod) over a 60 s stable window; panic window 10 % of
 *   it (6 s); panic when the panic window asks for >= 200 % of the ready pods; in panic never
 *   down; max scale-up rate 1000 (x ready pods), max scale-down rate 2 (to half the ready pods),
 *   no scale-down delay; the autoscaler ticks every 2 s. */
#include <stddef.h>

#include "pol_preset.h"

#define SEC 1000000ull

const char *pol_preset_name(enum pol_algorithm a)
{
        switch (a) {
        case POL_ALGO_SNOWSCALE: return "snowscale";
        case POL_ALGO_HPA: return "hpa";
        case POL_ALGO_KNATIVE: return "knative";
        }
        return "?";
}

static bool is_given(bool (*given)(const char *, void *), void *arg, const char *path)
{
        return given && given(path, arg);
}

#define SET(path, lhs, value) do { if (!is_given(given, arg, path)) (lhs) = (value); } while (0)

void pol_preset_apply(struct pol_policy *p, enum pol_algorithm a,
                      bool (*given)(const char *path, void *arg), void *arg)
{
        const struct pol_rate none = { 0 };

        p->algorithm = a;
        switch (a) {
        case POL_ALGO_SNOWSCALE:
                return;         /* pol_policy_defaults() already holds snowscale's own */
        case POL_ALGO_HPA:
                SET("policy.tolerance", p->tolerance, 0.10);
                SET("policy.scale_up.max_step", p->up.max_step, 0);
                SET("policy.scale_up.max_rate", p->up.max_rate,
                    ((struct pol_rate){ .amount = 100, .percent = true, .per_us = 15 * SEC }));
                SET("policy.scale_up.max_rate_or", p->up.max_rate_or,
                    ((struct pol_rate){ .amount = 4, .percent = false, .per_us = 15 * SEC }));
                SET("policy.scale_up.stabilization", p->up.stabilization_us, 0);
                SET("policy.scale_up.max_concurrent_clones", p->max_concurrent_clones, 0);
                SET("policy.scale_down.max_step", p->down.max_step, 0);
                SET("policy.scale_down.max_rate", p->down.max_rate,
                    ((struct pol_rate){ .amount = 100, .percent = true, .per_us = 15 * SEC }));
                SET("policy.scale_down.max_rate_or", p->down.max_rate_or, none);
                SET("policy.scale_down.stabilization", p->down.stabilization_us, 300 * SEC);
                /* the metric as the controller reads it each sync: one sync period's worth
                 * (metrics-server's resolution is 15 s as well) */
                SET("policy.stable_window", p->stable_window_us, 15 * SEC);
                SET("policy.sync_period", p->sync_period_us, 15 * SEC);
                return;
        case POL_ALGO_KNATIVE:
                SET("policy.tolerance", p->tolerance, 0.0);
                SET("policy.stable_window", p->stable_window_us, 60 * SEC);
                /* panic-window-percentage 10 % of the stable window, at least 1 s */
                SET("policy.panic.window", p->panic_window_us,
                    p->stable_window_us / 10 >= SEC ? p->stable_window_us / 10 : SEC);
                SET("policy.panic.threshold", p->panic_threshold, 2.0);
                SET("policy.scale_up.max_step", p->up.max_step, 0);
                /* max-scale-up-rate 1000: up to 1000 x the ready pods, i.e. +99900 % */
                SET("policy.scale_up.max_rate", p->up.max_rate,
                    ((struct pol_rate){ .amount = 99900, .percent = true, .per_us = 2 * SEC }));
                SET("policy.scale_up.max_rate_or", p->up.max_rate_or, none);
                SET("policy.scale_up.stabilization", p->up.stabilization_us, 0);
                SET("policy.scale_up.max_concurrent_clones", p->max_concurrent_clones, 0);
                SET("policy.scale_down.max_step", p->down.max_step, 0);
                /* max-scale-down-rate 2: down to half the ready pods */
                SET("policy.scale_down.max_rate", p->down.max_rate,
                    ((struct pol_rate){ .amount = 50, .percent = true, .per_us = 2 * SEC }));
                SET("policy.scale_down.max_rate_or", p->down.max_rate_or, none);
                SET("policy.scale_down.stabilization", p->down.stabilization_us, 0);
                SET("policy.sync_period", p->sync_period_us, 2 * SEC);
                return;
        }
}
