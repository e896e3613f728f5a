/* pol_decide: the scaling decision. Pure: no I/O, no clock; everything it remembers between
 * calls lives in struct pol_state (and the learned capacity the caller passes in), so tests
 * drive it with synthetic time.
 *
 * Three controllers (policy.preset): snowscale's own, Kubernetes HPA's, Knative KPA's. The
 * KPA one is knative_rec() below; the other two share this pipeline, in order (each step is
 * the rule of the system it is borrowed from):
 *   1. per metric, target tracking: no action within the tolerance band (Kubernetes HPA);
 *      outside it, how many: the learned capacity (snowscale, pol_capacity.h) or
 *      ceil(serving * value / target) (HPA, and snowscale until the capacity is trusted);
 *   2. missing data never scales down: hold, or treat the metric as on target (HPA);
 *   3. panic mode: when the short window reads >= threshold x target, scale on the short window
 *      and never down, until a whole stable window passes without a trigger (Knative KPA);
 *   4. stabilization: up to the lowest recommendation of the up window, down only to the
 *      highest of the down window (HPA behavior.stabilizationWindowSeconds);
 *   5. step and rate limits, counted from the size at the start of the rate period (HPA
 *      behavior policies);
 *   6. min/max and schedule floors.
 * Pending clones are ordered capacity: desired is compared with serving + pending, so the same
 * capacity is never ordered twice, while metrics are read per serving clone. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pol_capacity.h"
#include "pol_history.h"
#include "pol_internal.h"

struct pol_state {
        struct caphist cap;
        struct mdeque up_min, down_max;
        struct evring up_ev, down_ev;
        bool panic;
        uint64_t panic_last_us;         /* last time the panic condition held */
        bool started;
        int max_panic_pods;             /* KPA: the highest count asked for in this panic */
        bool synced;                    /* sync_period: a decision exists */
        uint64_t sync_us;               /* when it was made */
        int sync_desired;
        char sync_reason[256];
};

struct pol_state *pol_state_new(void)
{
        return calloc(1, sizeof(struct pol_state));
}

void pol_state_free(struct pol_state *s)
{
        if (!s)
                return;
        free(s->up_min.v);
        free(s->down_max.v);
        free(s);
}

/* ---- reason text ------------------------------------------------------------------------ */
struct sbuf {
        char *p;
        size_t len, o;
};

static void sb_add(struct sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_add(struct sbuf *b, const char *fmt, ...)
{
        va_list ap;
        int n;

        if (b->o + 1 >= b->len)
                return;
        va_start(ap, fmt);
        n = vsnprintf(b->p + b->o, b->len - b->o, fmt, ap);
        va_end(ap);
        if (n > 0)
                b->o = b->o + (size_t)n >= b->len ? b->len - 1 : b->o + (size_t)n;
}

static const char *short_name(enum pol_metric m)
{
        switch (m) {
        case POL_METRIC_P50_LATENCY: return "p50";
        case POL_METRIC_P95_LATENCY: return "p95";
        case POL_METRIC_P99_LATENCY: return "p99";
        case POL_METRIC_RPS_PER_CLONE: return "rps/clone";
        case POL_METRIC_INFLIGHT_PER_CLONE: return "inflight/clone";
        }
        return "?";
}

static void fmt_value(char *buf, size_t len, enum pol_metric m, double v)
{
        if (!pol_metric_is_latency(m))
                snprintf(buf, len, "%.3g", v);
        else if (v >= 10e6)
                snprintf(buf, len, "%.1fs", v / 1e6);
        else if (v >= 10e3)
                snprintf(buf, len, "%.0fms", v / 1e3);
        else if (v >= 1e3)
                snprintf(buf, len, "%.1fms", v / 1e3);
        else
                snprintf(buf, len, "%.0fus", v);
}

/* ---- per-metric reading ----------------------------------------------------------------- */
struct reading {
        bool missing;
        bool idle;                      /* no requests in the window */
        double value, ratio;
        int rec;                        /* recommendation (total clones), before any limit */
        bool within;                    /* inside the tolerance band */
};

static double metric_value(enum pol_metric m, const struct pol_window_stats *w, int serving)
{
        int per = serving > 0 ? serving : 1;

        switch (m) {
        case POL_METRIC_P50_LATENCY: return w->p50_us;
        case POL_METRIC_P95_LATENCY: return w->p95_us;
        case POL_METRIC_P99_LATENCY: return w->p99_us;
        case POL_METRIC_RPS_PER_CLONE: return w->rps / per;
        case POL_METRIC_INFLIGHT_PER_CLONE: return w->inflight / per;
        }
        return 0;
}

static int clamp_rec(double x)
{
        if (!(x > 0))
                return 0;
        if (x > POL_MAX_CLONES_LIMIT)
                return POL_MAX_CLONES_LIMIT;
        /* ceil of 3 * 2.0000000001 must be 6, not 7: forgive float noise */
        return (int)ceil(x - 1e-9);
}

static void read_metric(const struct pol_policy *p, const struct pol_target *t,
                        const struct pol_window_stats *w, int serving, double capacity, int ordered,
                        struct reading *r)
{
        memset(r, 0, sizeof(*r));
        if (w->stale) {
                r->missing = true;
                r->rec = ordered;
                return;
        }
        r->idle = w->count == 0;
        /* an idle window has no latency: nothing is slow */
        r->value = r->idle && pol_metric_is_latency(t->metric) ? 0 : metric_value(t->metric, w, serving);
        if (!isfinite(r->value) || r->value < 0) {
                r->missing = true;
                r->rec = ordered;
                return;
        }
        r->ratio = t->target > 0 ? r->value / t->target : 0;
        if (fabs(r->ratio - 1) <= p->tolerance) {
                r->within = true;
                r->rec = ordered;
                return;
        }
        /* Per-clone metrics already carry the capacity (rps / serving * serving = rps), so they
         * scale from the serving count; a latency scales the capacity it was measured on (HPA
         * scales the current count: its window is one sync period long). With no serving
         * clone yet, size from one: the parent's load is the signal. */
        double base = pol_metric_is_latency(t->metric) && p->algorithm != POL_ALGO_HPA ? capacity : serving;
        r->rec = clamp_rec((r->ratio > 1 && base < 1 ? 1 : base) * r->ratio);
}

bool pol_over_target(const struct pol_policy *p, const struct pol_window_stats *w, int serving)
{
        struct reading r;

        for (size_t i = 0; i < p->n_metrics; i++) {
                read_metric(p, &p->metrics[i], w, serving, serving, serving, &r);
                if (!r.missing && !r.idle && !r.within && r.ratio > 1)
                        return true;
        }
        return false;
}

/* "p95 412ms > target 150ms (x2.7) over 6s panic window" */
static void describe(struct sbuf *b, const struct pol_target *t, const struct reading *r,
                     const struct pol_policy *p, uint64_t window_us, bool panic_window)
{
        char v[32], tg[32], w[32];

        pol_fmt_duration(w, sizeof(w), window_us);
        fmt_value(tg, sizeof(tg), t->metric, t->target);
        if (r->missing) {
                sb_add(b, "no data for %s over the %s window", pol_metric_name(t->metric), w);
                return;
        }
        if (r->idle) {
                sb_add(b, "no requests over %s%s window (%s target %s)", w, panic_window ? " panic" : "",
                       short_name(t->metric), tg);
                return;
        }
        fmt_value(v, sizeof(v), t->metric, r->value);
        if (r->within)
                sb_add(b, "%s %s within %.0f%% of target %s over %s%s window", short_name(t->metric), v,
                       p->tolerance * 100, tg, w, panic_window ? " panic" : "");
        else
                sb_add(b, "%s %s %s target %s (x%.*f) over %s%s window", short_name(t->metric), v,
                       r->ratio > 1 ? ">" : "<", tg, r->ratio < 10 ? (r->ratio < 1 ? 2 : 1) : 0,
                       r->ratio, w, panic_window ? " panic" : "");
}

/* ---- Knative KPA ------------------------------------------------------------------------ */
/* Pods one window asks for: ceil(observed total / target per pod) (autoscaler.go: dspc, dppc).
 * A latency has no total: it scales the ready count by its ratio, as HPA does. -1 = no data. */
static double kpa_pods(const struct pol_target *t, const struct pol_window_stats *w, double ready,
                       const struct reading *r)
{
        if (r->missing)
                return -1;
        if (r->idle)
                return 0;
        switch (t->metric) {
        case POL_METRIC_RPS_PER_CLONE: return ceil(w->rps / t->target - 1e-9);
        case POL_METRIC_INFLIGHT_PER_CLONE: return ceil(w->inflight / t->target - 1e-9);
        default: return ceil(ready * r->ratio - 1e-9);
        }
}

/* The KPA's answer (autoscaler.go Scale()): stable and panic counts clamped to
 * [ready / max-scale-down-rate, ready x max-scale-up-rate]; panic when the panic window asks for
 * >= threshold x ready; in panic the count never goes below the highest asked for in it; panic
 * ends once a whole stable window passed without the condition. */
static int knative_rec(const struct pol_policy *p, struct pol_state *s, const struct pol_stats *st,
                       const struct reading *stable, const struct reading *panicr, size_t n, int serving,
                       int base_workers, uint64_t now_us, bool *entered, bool *left, struct sbuf *b)
{
        /* every worker that serves is a ready pod, the parent too; the answer is in clones */
        double ready = serving + base_workers > 0 ? serving + base_workers : 1;
        double dspc = 0, dppc = -1, hi = POL_MAX_CLONES_LIMIT, lo = 0;
        double dsc, dpc;
        bool over;
        int want;

        for (size_t i = 0; i < n; i++) {
                double a = kpa_pods(&p->metrics[i], &st->stable, ready, &stable[i]);
                double c = kpa_pods(&p->metrics[i], &st->panic, ready, &panicr[i]);
                if (a > dspc)
                        dspc = a;
                if (c > dppc)
                        dppc = c;
        }
        if (dppc < 0)                   /* the short window is missing: the stable one speaks */
                dppc = dspc;
        if (p->up.max_rate.amount > 0)
                hi = p->up.max_rate.percent ? ceil(ready * (1 + p->up.max_rate.amount / 100) - 1e-9)
                                            : ready + p->up.max_rate.amount;
        if (p->down.max_rate.amount > 0)
                lo = p->down.max_rate.percent ? (p->down.max_rate.amount >= 100 ? 0 : floor(ready * (1 - p->down.max_rate.amount / 100) + 1e-9))
                                              : fmax(0, ready - p->down.max_rate.amount);
        dsc = fmin(fmax(dspc, lo), hi);
        dpc = fmin(fmax(dppc, lo), hi);
        over = dppc / ready >= p->panic_threshold;
        if (over) {
                if (!s->panic)
                        *entered = true;
                s->panic = true;
                s->panic_last_us = now_us;
        } else if (s->panic && now_us > s->panic_last_us + p->stable_window_us) {
                s->panic = false;
                s->max_panic_pods = 0;
                *left = true;
        }
        want = clamp_rec(dsc);
        if (s->panic) {
                if (dpc > want)
                        want = clamp_rec(dpc);
                if (want > s->max_panic_pods)
                        s->max_panic_pods = want;
                want = s->max_panic_pods;
        }
        sb_add(b, "; KPA: stable window asks for %.0f pods, panic window %.0f (ready %.0f)", dspc, dppc, ready);
        return want - base_workers > 0 ? want - base_workers : 0;
}

static int up_allowed(const struct evring *r, uint64_t now, const struct pol_rate *rate, int ordered)
{
        const struct ev *e = pol_evring_first(r, now, rate->per_us);
        int start = e ? e->from : ordered;
        double base = start > 0 ? start : 1;
        double add = rate->percent ? ceil(base * rate->amount / 100 - 1e-9) : rate->amount;

        return clamp_rec(start + add);
}

/* The count a down rate allows over its period. Its base is the serving count before the first
 * removal inside the period, plus what up changes added after that removal: clones removed
 * count against the limit, clones added since do not refill it (Kubernetes HPA's
 * periodStartReplicas = current + removed in the period). */
static int down_allowed(const struct evring *down, const struct evring *up, uint64_t now,
                        const struct pol_rate *rate, int serving)
{
        const struct ev *e = pol_evring_first(down, now, rate->per_us);
        int start = serving;
        double cut;

        if (e) {
                int top = pol_evring_max_to_after(up, e->t);
                start = e->from + (top > e->to ? top - e->to : 0);
        }
        cut = rate->percent ? floor(start * rate->amount / 100 + 1e-9) : rate->amount;
        if (cut < 1)
                cut = 1;        /* a percentage of a small pool still lets one go */
        return start - (int)(cut < POL_MAX_CLONES_LIMIT ? cut : POL_MAX_CLONES_LIMIT);
}

static void fmt_rates(char *buf, size_t len, const struct pol_direction *d, bool both)
{
        char a[40], o[40];

        pol_fmt_rate(a, sizeof(a), &d->max_rate);
        if (both && d->max_rate_or.amount > 0) {
                pol_fmt_rate(o, sizeof(o), &d->max_rate_or);
                snprintf(buf, len, "%s or %s", a, o);
        } else {
                snprintf(buf, len, "%s", a);
        }
}

void pol_decide(const struct pol_policy *p, struct pol_state *s, const struct pol_stats *st,
                const struct pol_clones *c, uint64_t now_us, uint64_t wall_time_s,
                struct pol_decision *ret)
{
        struct reading stable[POL_MAX_METRICS], panicr[POL_MAX_METRICS];
        bool cap_used[POL_MAX_METRICS] = { false }, cap_up[POL_MAX_METRICS] = { false }, cap_ahead = false;
        struct sbuf b = { ret->reason, sizeof(ret->reason), 0 };
        int serving = c->serving > 0 ? c->serving : 0;
        int ordered = serving + (c->pending > 0 ? c->pending : 0);
        int base_workers = c->base_workers > 0 ? c->base_workers : 0;
        int rec = -1, desired, lo, hi, sched_floor;
        size_t n = p->n_metrics, win = 0, sched_i = 0, missing_i = 0;
        bool win_panic = false, any_missing = false, trigger = false, entered = false, left = false;
        bool freeze, knative = p->algorithm == POL_ALGO_KNATIVE, hold_pending = false;
        int rough_need = -1;
        double cap_stable, cap_panic;
        uint64_t stable_us, panic_us, up_keep, down_keep;
        char rate[100], modbuf[256], stabnote[128], capnote[200], kpanote[128];
        struct sbuf m = { modbuf, sizeof(modbuf), 0 }, sn = { stabnote, sizeof(stabnote), 0 };
        struct sbuf cn = { capnote, sizeof(capnote), 0 }, kn = { kpanote, sizeof(kpanote), 0 };
        struct pol_capacity_estimate ce;
        int stabilized;

        modbuf[0] = stabnote[0] = capnote[0] = kpanote[0] = 0;
        memset(ret, 0, sizeof(*ret));
        ret->from = ordered;
        if (n > POL_MAX_METRICS)
                n = POL_MAX_METRICS;

        /* sync_period: between syncs the last decision stands (HPA decides every 15 s, the KPA
         * every 2 s); a clock that stepped back starts a new period */
        if (p->sync_period_us && s->synced && now_us >= s->sync_us && now_us - s->sync_us < p->sync_period_us) {
                char per[32];
                desired = s->sync_desired;
                if (desired > p->max_clones)
                        desired = p->max_clones;
                if (desired < p->min_clones)
                        desired = p->min_clones;
                pol_fmt_duration(per, sizeof(per), p->sync_period_us);
                sb_add(&b, "%s [decided at the last sync; one every %s]", s->sync_reason, per);
                ret->desired = desired;
                ret->panic = s->panic;
                return;
        }

        /* the monitor says what it measured; the policy's windows stand in when it does not */
        stable_us = st->stable.window_us ? st->stable.window_us : p->stable_window_us;
        panic_us = st->panic.window_us ? st->panic.window_us : p->panic_window_us;
        pol_caphist_push(&s->cap, now_us, serving);
        cap_stable = pol_caphist_mean(&s->cap, now_us, stable_us, serving);
        cap_panic = pol_caphist_mean(&s->cap, now_us, panic_us, serving);
        for (size_t i = 0; i < n; i++) {
                read_metric(p, &p->metrics[i], &st->stable, serving, cap_stable, ordered, &stable[i]);
                read_metric(p, &p->metrics[i], &st->panic, serving, cap_panic, ordered, &panicr[i]);
                if (stable[i].missing && !any_missing) {
                        any_missing = true;
                        missing_i = i;
                }
                if (!panicr[i].missing && !panicr[i].idle && panicr[i].ratio >= p->panic_threshold)
                        trigger = true;
        }
        freeze = any_missing && p->missing == POL_MISSING_HOLD;
        if (p->algorithm == POL_ALGO_HPA) {
                trigger = false;        /* HPA has no panic mode */
                /* currentReplicas counts every pod that serves, the parent too */
                for (size_t i = 0; i < n && base_workers > 0; i++) {
                        struct reading *r = &stable[i];
                        enum pol_metric mt = p->metrics[i].metric;
                        int pods;
                        if (r->missing || r->within)
                                continue;
                        if (pol_metric_is_latency(mt))
                                pods = r->idle ? 0 : clamp_rec((serving + base_workers) * r->ratio);
                        else            /* an average per pod: ceil(total / target) pods */
                                pods = clamp_rec((mt == POL_METRIC_RPS_PER_CLONE ? st->stable.rps : st->stable.inflight) /
                                                 p->metrics[i].target);
                        r->rec = pods - base_workers > 0 ? pods - base_workers : 0;
                }
        }

        /* Capacity sizing (snowscale): latency says whether (over target on the fresh short
         * window: up; under it on both windows: down; else hold), the learned capacity says how
         * many: ceil(offered load / planned rate per worker). One more "up": arrivals counted at
         * the front beyond what the ordered workers serve at the planned rate (beyond the
         * tolerance) queue for certain; waiting for the latency to show it costs a window. */
        if (p->algorithm == POL_ALGO_SNOWSCALE && st->capacity && pol_capacity_get(p, st->capacity, &ce)) {
                int workers = serving + base_workers;
                double offered = pol_capacity_offered(&ce, &st->panic, workers);
                int need = clamp_rec(offered / ce.per_worker) - base_workers;
                bool ahead = ce.front && offered > (ordered + base_workers) * ce.per_worker * (1 + p->tolerance);

                cap_ahead = ahead;
                if (need < 0)
                        need = 0;
                for (size_t i = 0; i < n; i++) {
                        const struct reading *l = &stable[i], *sh = &panicr[i];
                        bool up, down;
                        int r;
                        if (!pol_metric_is_latency(p->metrics[i].metric) || l->missing || sh->missing)
                                continue;
                        up = (!sh->idle && !sh->within && sh->ratio > 1) || ahead;
                        down = (l->idle || (!l->within && l->ratio < 1)) && (sh->idle || (!sh->within && sh->ratio < 1));
                        r = up ? (need > ordered ? need : ordered) : down ? (need < ordered ? need : ordered) : ordered;
                        stable[i].rec = panicr[i].rec = r;
                        cap_used[i] = true;
                        cap_up[i] = up;
                }
                sb_add(&cn, " [capacity %.0f req/s per worker (%.0f%% of %.0f measured at saturation, %u samples); "
                       "offered %.0f req/s%s: %d workers]", ce.per_worker, p->capacity_utilization * 100, ce.mu,
                       ce.samples, offered, ce.front ? " (arrivals at the front)" : " (from completions)",
                       need + base_workers);
                if (ahead)
                        sb_add(&cn, " (ahead of the latency: more arrive than %d workers serve at the planned rate)",
                               ordered + base_workers);
        } else if (p->algorithm == POL_ALGO_SNOWSCALE && st->capacity && pol_capacity_target_us(p) > 0) {
                int min = p->capacity_min_samples > 0 ? p->capacity_min_samples : 1;
                pol_capacity_get(p, st->capacity, &ce);
                if (ce.set_aside)
                        sb_add(&cn, " (capacity not learned yet, %u of %d saturated samples, %u set aside as slower than "
                               "served under target: ratio rule)", ce.samples, min, ce.set_aside);
                else
                        sb_add(&cn, " (capacity not learned yet, %u of %d saturated samples: ratio rule)", ce.samples, min);
                /* a first saturated observation already bounds how many a latency ratio may ask
                 * for: a saturated queue says "much worse", not "how many". Without one, what a
                 * worker served under target (a lower bound on its ceiling) gives an upper bound
                 * on the need: the ratio of a latency raised by host contention would ask for many
                 * more. */
                if (!(ce.mu > 0) && ce.floor > 0) {
                        ce.mu = ce.floor;
                        ce.per_worker = ce.floor * (p->capacity_utilization > 0 ? p->capacity_utilization : 1);
                        ce.concurrency = ce.s0_us > 0 ? fmax(1.0, ce.floor * ce.s0_us / 1e6) : 0;
                }
                if (ce.mu > 0) {
                        int nd = clamp_rec(pol_capacity_offered(&ce, &st->panic, serving + base_workers) / ce.per_worker);
                        rough_need = nd - base_workers > 0 ? nd - base_workers : 0;
                }
                /* Without a capacity the ratio rule would read the same slow window again once the
                 * ordered clones serve and order again (wind-up): it sizes once per clone-time. */
                hold_pending = c->pending > 0;
        }

        /* panic bookkeeping (Knative: leave only after a stable window with no trigger) */
        if (!knative) {
                if (trigger && !freeze) {
                        if (!s->panic)
                                entered = true;
                        s->panic = true;
                        s->panic_last_us = now_us;
                } else if (s->panic && now_us >= s->panic_last_us &&
                           now_us - s->panic_last_us >= p->stable_window_us) {
                        s->panic = false;
                        left = true;
                }
        }

        /* the recommendation: the largest over metrics. In panic the short window alone speaks
         * (Knative): the stable window still remembers the slow seconds that caused the panic and
         * would keep ordering clones after the fresh ones have already brought latency down. */
        for (size_t i = 0; i < n && !freeze; i++) {
                bool use_panic = (s->panic || cap_up[i]) && !panicr[i].missing;
                const struct reading *r = use_panic ? &panicr[i] : &stable[i];

                if (r->rec > rec || rec < 0) {
                        rec = r->rec;
                        win = i;
                        win_panic = use_panic;
                }
        }
        if (n == 0 || freeze)
                rec = ordered;
        if (rough_need >= 0 && rec > ordered && rec > rough_need) {
                rec = rough_need > ordered ? rough_need : ordered;
                sb_add(&cn, ", bounded by the first capacity observations (%d clones)", rough_need);
        }
        if (hold_pending && rec > ordered) {
                rec = ordered;
                sb_add(&cn, ", waiting for the %d order%s to serve", c->pending, c->pending > 1 ? "s" : "");
        }

        if (freeze) {
                char w[32];
                pol_fmt_duration(w, sizeof(w), stable_us);
                sb_add(&b, "no data for %s over the %s window, holding (missing_metrics: hold)",
                       pol_metric_name(p->metrics[missing_i].metric), w);
        } else if (n > 0) {
                const struct reading *r = win_panic ? &panicr[win] : &stable[win];
                describe(&b, &p->metrics[win], r, p, win_panic ? panic_us : stable_us, win_panic);
                if (stable[win].missing && !win_panic)
                        sb_add(&b, " (treated as on target)");
                if (!knative && (cap_used[win] ? !r->within || cap_ahead : (!r->within && !r->idle && !r->missing &&
                                                                pol_metric_is_latency(p->metrics[win].metric))))
                        sb_add(&b, "%s", capnote);
        } else {
                sb_add(&b, "no metric configured");
        }
        if (knative && !freeze && n > 0)
                rec = knative_rec(p, s, st, stable, panicr, n, serving, base_workers, now_us, &entered, &left, &kn);

        /* stabilization windows remember every fresh recommendation, panic ones included, so
         * the end of a panic does not drop straight back down */
        desired = ordered;
        if (!freeze && knative) {
                desired = rec;
        } else if (!freeze) {
                int up_rec, down_rec;

                /* A fresh engine (daemon restart) has no history, and its monitor windows start
                 * empty: it watches one full down window before it may shrink what it found. */
                if (!s->started) {
                        s->started = true;
                        pol_mq_push(&s->down_max, now_us, ordered, true);
                }
                pol_mq_expire(&s->up_min, now_us, p->up.stabilization_us);
                pol_mq_expire(&s->down_max, now_us, p->down.stabilization_us);
                if (pol_mq_push(&s->up_min, now_us, rec, false) < 0 ||
                    pol_mq_push(&s->down_max, now_us, rec, true) < 0) {
                        up_rec = down_rec = rec;        /* out of memory: no smoothing this tick */
                } else {
                        up_rec = pol_mq_at(&s->up_min, 0)->v;
                        down_rec = pol_mq_at(&s->down_max, 0)->v;
                }
                if (s->panic) {
                        desired = rec > ordered ? rec : ordered;
                } else {
                        if (desired < up_rec)
                                desired = up_rec;
                        if (desired > down_rec)
                                desired = down_rec;
                }
                /* named at the end, and only if nothing later moved the count */
                if (s->panic && rec < ordered) {
                        sb_add(&sn, ", no scale-down in panic mode");
                } else if (!s->panic && rec > ordered && desired < rec) {
                        pol_fmt_duration(rate, sizeof(rate), p->up.stabilization_us);
                        sb_add(&sn, ", held by %s scale-up stabilization (lowest recent %d)", rate, up_rec);
                } else if (!s->panic && rec < ordered && desired > rec) {
                        pol_fmt_duration(rate, sizeof(rate), p->down.stabilization_us);
                        sb_add(&sn, ", held by %s scale-down stabilization (highest recent %d)", rate, down_rec);
                } else if (rec == ordered && c->pending > 0 && rec > serving && !stable[win].missing) {
                        sb_add(&sn, ", %d of them still warming up", c->pending);
                }
        }
        stabilized = desired;

        /* the ceiling first, so that a limit is only named when it is the one that binds */
        hi = p->max_clones;
        if (desired > hi && desired > ordered) {
                desired = hi > ordered ? hi : ordered;
                sb_add(&m, ", capped by max_clones %d", hi);
        }

        /* step and rate limits, up and down separately; the KPA applied its own rates above.
         * Both rings are kept over the longest period of either direction: a down limit looks
         * at what was added after its first removal. */
        up_keep = p->up.max_rate.per_us > p->up.max_rate_or.per_us ? p->up.max_rate.per_us : p->up.max_rate_or.per_us;
        down_keep = p->down.max_rate.per_us > p->down.max_rate_or.per_us ? p->down.max_rate.per_us : p->down.max_rate_or.per_us;
        pol_evring_expire(&s->up_ev, now_us, up_keep > down_keep ? up_keep : down_keep);
        pol_evring_expire(&s->down_ev, now_us, down_keep);
        if (desired > ordered) {
                int cap = desired;
                enum { W_NONE, W_STEP, W_RATE, W_CONC } why = W_NONE;
                if (!knative && p->up.max_step > 0 && ordered + p->up.max_step < cap) {
                        cap = ordered + p->up.max_step;
                        why = W_STEP;
                }
                if (!knative && p->up.max_rate.amount > 0) {
                        int allowed = up_allowed(&s->up_ev, now_us, &p->up.max_rate, ordered);
                        if (p->up.max_rate_or.amount > 0) {     /* the looser of the two (HPA selectPolicy: Max) */
                                int a2 = up_allowed(&s->up_ev, now_us, &p->up.max_rate_or, ordered);
                                if (a2 > allowed)
                                        allowed = a2;
                        }
                        if (allowed < cap) {
                                cap = allowed > ordered ? allowed : ordered;
                                why = W_RATE;
                        }
                }
                /* what the host can clone at once: orders not yet serving */
                if (p->max_concurrent_clones > 0 && serving + p->max_concurrent_clones < cap) {
                        cap = serving + p->max_concurrent_clones > ordered ? serving + p->max_concurrent_clones : ordered;
                        why = W_CONC;
                }
                if (cap < desired) {
                        if (why == W_STEP) {
                                sb_add(&m, ", capped by max_step %d", p->up.max_step);
                        } else if (why == W_RATE) {
                                fmt_rates(rate, sizeof(rate), &p->up, true);
                                sb_add(&m, ", capped by max_rate %s", rate);
                        } else {
                                sb_add(&m, ", capped by max_concurrent_clones %d", p->max_concurrent_clones);
                        }
                        desired = cap;
                }
        } else if (desired < ordered && desired >= serving) {
                /* Only orders that never became capacity go: cancelling one costs nothing (no
                 * request is in flight to it, nothing was warmed), so no step or rate limit. */
                sb_add(&m, ", cancelling %d order%s not serving yet", ordered - desired, ordered - desired > 1 ? "s" : "");
        } else if (desired < ordered && !knative) {
                int cap = desired;
                enum { W_NONE, W_STEP, W_RATE } why = W_NONE;
                if (p->down.max_step > 0 && serving - p->down.max_step > cap) {
                        cap = serving - p->down.max_step;
                        why = W_STEP;
                }
                if (p->down.max_rate.amount > 0) {
                        int allowed = down_allowed(&s->down_ev, &s->up_ev, now_us, &p->down.max_rate, serving);
                        if (p->down.max_rate_or.amount > 0) {
                                int a2 = down_allowed(&s->down_ev, &s->up_ev, now_us, &p->down.max_rate_or, serving);
                                if (a2 < allowed)
                                        allowed = a2;
                        }
                        if (allowed > cap) {
                                cap = allowed < serving ? allowed : serving;
                                why = W_RATE;
                        }
                }
                if (cap > desired) {
                        if (why == W_STEP) {
                                sb_add(&m, ", limited by max_step %d", p->down.max_step);
                        } else {
                                fmt_rates(rate, sizeof(rate), &p->down, true);
                                sb_add(&m, ", limited by max_rate %s", rate);
                        }
                        desired = cap;
                }
                if (ordered > serving && desired < ordered)
                        sb_add(&m, " (%d order%s not serving yet cancelled first)", ordered - serving,
                               ordered - serving > 1 ? "s" : "");
        }

        /* floors and ceiling: configuration, not data, so they bypass the limits above */
        if (desired > hi) {             /* max_clones lowered below the pool (reload) */
                desired = hi;
                sb_add(&m, ", cut to max_clones %d", hi);
        }
        sched_floor = pol_schedule_floor(p, wall_time_s, &sched_i);
        lo = p->min_clones > sched_floor ? p->min_clones : sched_floor;
        if (desired < lo && lo <= hi) {
                desired = lo;
                if (sched_floor > p->min_clones)
                        sb_add(&m, ", raised to schedule floor %d (%s)", sched_floor,
                               p->schedule[sched_i].cron ? p->schedule[sched_i].cron : "schedule");
                else
                        sb_add(&m, ", raised to min_clones %d", p->min_clones);
        }
        if (desired != stabilized)
                stabnote[0] = 0;
        sb_add(&b, "%s", kpanote);
        if (desired != ordered)
                sb_add(&b, "; %d -> %d%s%s", ordered, desired, stabnote, modbuf);
        else
                sb_add(&b, "; staying at %d%s%s", ordered, stabnote, modbuf);
        if (entered)
                sb_add(&b, "; entering panic mode");
        else if (left)
                sb_add(&b, "; leaving panic mode");

        if (desired > ordered)
                pol_evring_push(&s->up_ev, now_us, ordered, desired);
        else if (desired < serving)
                pol_evring_push(&s->down_ev, now_us, serving, desired);
        ret->desired = desired;
        ret->panic = s->panic;
        if (p->sync_period_us) {
                s->synced = true;
                s->sync_us = now_us;
                s->sync_desired = desired;
                snprintf(s->sync_reason, sizeof(s->sync_reason), "%.200s", ret->reason);
        }
}
