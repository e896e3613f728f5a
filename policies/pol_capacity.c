/* pol_capacity: per-worker capacity learned from what the pool served, and offered load.
 *
 * A worker's latency stays flat until it runs out of something (slots, CPU, a downstream pool);
 * then requests queue and the latency measures the queue, not the need. What a saturated worker
 * completes per second is its throughput ceiling: that is the figure to size by. So:
 *   - while the short window's latency is at or over target (beyond the tolerance band from
 *     below) the pool is saturated: completions per worker per second, counted over the stretch
 *     of ticks that were all saturated on the same worker count, is the ceiling (averaged,
 *     EWMA). The monitor's completion counter gives that rate without the window's memory of
 *     the seconds before the saturation. For one short window after workers were added the
 *     latency still remembers the seconds before they served, so no saturated observation is
 *     taken then;
 *   - a window well under target says the worker can do at least what it did (a lower bound on
 *     the ceiling) and how long a request takes when nothing queues (s0);
 * Everything is per generation: a fresh generation is a copy of its parent's memory, so it starts
 * from the estimate of the generation before it. Pure: no I/O, no clock. */
#include <math.h>
#include <string.h>

#include "pol_capacity.h"

#define EWMA_ALPHA 0.3                  /* a new observation's weight: ~3 ticks to follow a change */

double pol_capacity_target_us(const struct pol_policy *p)
{
        for (size_t i = 0; i < p->n_metrics && i < POL_MAX_METRICS; i++)
                if (pol_metric_is_latency(p->metrics[i].metric) && p->metrics[i].target > 0)
                        return p->metrics[i].target;
        return 0;
}

static double latency_of(const struct pol_policy *p, const struct pol_window_stats *w)
{
        for (size_t i = 0; i < p->n_metrics && i < POL_MAX_METRICS; i++) {
                switch (p->metrics[i].metric) {
                case POL_METRIC_P50_LATENCY: return w->p50_us;
                case POL_METRIC_P95_LATENCY: return w->p95_us;
                case POL_METRIC_P99_LATENCY: return w->p99_us;
                default: break;
                }
        }
        return 0;
}

/* The entry for generation g, created from the current one (the parent's estimate) if new. */
static struct pol_capacity_gen *select_gen(struct pol_capacity *c, int64_t g, uint64_t now_us)
{
        unsigned i, victim = 0;

        for (i = 0; i < c->n; i++) {
                if (c->gen[i].generation == g) {
                        c->cur = i;
                        return &c->gen[i];
                }
        }
        if (c->n < POL_CAPACITY_GENERATIONS) {
                victim = c->n++;
        } else {
                for (i = 1; i < c->n; i++)
                        if (c->gen[i].used_us < c->gen[victim].used_us)
                                victim = i;
        }
        if (c->n > 1 && victim != c->cur)
                c->gen[victim] = c->gen[c->cur];        /* inherit the parent's estimate */
        else if (c->n == 1)
                memset(&c->gen[victim], 0, sizeof(c->gen[victim]));
        c->gen[victim].generation = g;
        c->gen[victim].used_us = now_us;
        c->cur = victim;
        return &c->gen[victim];
}

static unsigned hist_at(const struct pol_capacity *c, unsigned i)     /* i = 0: the newest */
{
        return (c->hist_head + c->hist_n - 1 - i) % POL_CAPACITY_HIST;
}

/* Completions per worker over the longest saturated, constant-count run ending now (at most
 * POL_CAPACITY_RUN_S, at least one tick), or over the short window w if there is no counter and
 * the count held across it. 0 = no usable run. */
static double saturated_rate(const struct pol_capacity *c, const struct pol_window_stats *w, uint64_t now_us)
{
        unsigned newest = hist_at(c, 0), k, oldest = newest;

        /* Workers added inside the short window: its latency still remembers the seconds before
         * they served, so "saturated" may be stale -- the fresh workers may be idle. */
        for (k = 1; k < c->hist_n; k++) {
                unsigned j = hist_at(c, k), later = hist_at(c, k - 1);
                if (c->hist[later].t + w->window_us <= now_us)
                        break;
                if (c->hist[later].workers > c->hist[j].workers)
                        return 0;
        }

        for (k = 1; k < c->hist_n; k++) {
                unsigned j = hist_at(c, k);
                if (!c->hist[j].saturated || c->hist[j].workers != c->hist[newest].workers ||
                    c->hist[j].t + POL_CAPACITY_RUN_S * 1000000ull < now_us)
                        break;
                oldest = j;
        }
        if (c->hist[newest].completed && oldest != newest) {
                double secs = (double)(now_us - c->hist[oldest].t) / 1e6;
                uint64_t done = c->hist[newest].completed - c->hist[oldest].completed;
                if (c->hist[oldest].completed > c->hist[newest].completed || secs <= 0)
                        return 0;       /* the monitor restarted */
                return (double)done / secs / c->hist[newest].workers;
        }
        if (!c->hist[newest].completed && oldest != newest &&
            now_us - c->hist[oldest].t + 1 >= w->window_us)
                return w->rps / c->hist[newest].workers;
        return 0;
}

void pol_capacity_observe(const struct pol_policy *p, struct pol_capacity *c, const struct pol_stats *st,
                          const struct pol_clones *cl, uint64_t now_us)
{
        const struct pol_window_stats *w = &st->panic;
        double target = pol_capacity_target_us(p), lat = 0, x, ratio = 0;
        int workers = (cl->serving > 0 ? cl->serving : 0) + (cl->base_workers > 0 ? cl->base_workers : 0);
        struct pol_capacity_gen *g;
        bool usable;
        unsigned j;

        if (target <= 0)
                return;
        if (c->hist_n && c->hist[hist_at(c, 0)].t > now_us)
                c->hist_n = 0;          /* the clock stepped back: start over */
        usable = !w->stale && w->count > 0 && workers >= 1 && w->rps > 0 && isfinite(w->rps);
        if (usable) {
                lat = latency_of(p, w);
                usable = isfinite(lat) && lat >= 0;
                ratio = lat / target;
        }
        if (c->hist_n == POL_CAPACITY_HIST) {
                c->hist_head = (c->hist_head + 1) % POL_CAPACITY_HIST;
                c->hist_n--;
        }
        j = (c->hist_head + c->hist_n) % POL_CAPACITY_HIST;
        c->hist[j].t = now_us;
        c->hist[j].workers = workers;
        c->hist[j].completed = st->completed;
        c->hist[j].latency_us = st->completed_latency_us;
        c->hist[j].saturated = usable && ratio >= 1 - p->tolerance;
        c->hist_n++;
        g = select_gen(c, cl->generation, now_us);
        if (!usable)
                return;
        g->used_us = now_us;
        if (c->hist[j].saturated) {
                x = saturated_rate(c, w, now_us);
                if (!(x > 0))
                        return;
                g->mu = g->saturated ? g->mu + EWMA_ALPHA * (x - g->mu) : x;
                if (g->saturated < 1000000)
                        g->saturated++;
        } else {
                double mean_us = w->inflight > 0 ? w->inflight / w->rps * 1e6 : 0;
                if (mean_us > 0 && isfinite(mean_us)) {
                        g->s0_us = g->unsaturated ? g->s0_us + EWMA_ALPHA * (mean_us - g->s0_us) : mean_us;
                        if (g->unsaturated < 1000000)
                                g->unsaturated++;
                }
                /* it served at least this much under target: its ceiling is no lower */
                x = w->rps / workers;
                if (g->saturated && x > g->mu)
                        g->mu = x;
        }
}

/* Rate and mean latency over the interval ending at observation i (0 = newest). */
static bool interval(const struct pol_capacity *c, unsigned i, double *rate, double *mean_us)
{
        unsigned a = hist_at(c, i + 1), b = hist_at(c, i);
        double secs = (double)(c->hist[b].t - c->hist[a].t) / 1e6;
        uint64_t n;

        if (!c->hist[b].completed || !c->hist[b].latency_us || c->hist[b].completed <= c->hist[a].completed ||
            c->hist[b].latency_us < c->hist[a].latency_us || secs <= 0)
                return false;
        n = c->hist[b].completed - c->hist[a].completed;
        *rate = (double)n / secs;
        *mean_us = (double)(c->hist[b].latency_us - c->hist[a].latency_us) / (double)n;
        return true;
}

static void fresh_figures(const struct pol_capacity *c, struct pol_capacity_estimate *e)
{
        double r0, m0, r1, m1;
        unsigned a, b;

        if (c->hist_n < 3)
                return;
        a = hist_at(c, 0);
        b = hist_at(c, 1);
        if (!c->hist[a].saturated || c->hist[a].workers != c->hist[b].workers ||
            c->hist[b].workers != c->hist[hist_at(c, 2)].workers)
                return;
        if (!interval(c, 0, &r0, &m0) || !interval(c, 1, &r1, &m1))
                return;
        e->fresh = true;
        e->fresh_rate = r0;
        e->fresh_mean_us = m0;
        e->fresh_slope = (m0 - m1) / 1e6 / ((double)(c->hist[a].t - c->hist[b].t) / 1e6);
}

bool pol_capacity_get(const struct pol_policy *p, const struct pol_capacity *c,
                      struct pol_capacity_estimate *ret)
{
        const struct pol_capacity_gen *g;
        int min = p->capacity_min_samples > 0 ? p->capacity_min_samples : 1;
        double u = p->capacity_utilization > 0 && p->capacity_utilization <= 1 ? p->capacity_utilization : 1;

        memset(ret, 0, sizeof(*ret));
        if (!c || c->n == 0 || c->cur >= c->n)
                return false;
        g = &c->gen[c->cur];
        ret->samples = g->saturated;
        ret->generation = g->generation;
        if (!(g->mu > 0) || !isfinite(g->mu))
                return false;
        ret->mu = g->mu;
        ret->per_worker = g->mu * u;
        if (g->s0_us > 0)
                ret->concurrency = fmax(1.0, g->mu * g->s0_us / 1e6);
        ret->trusted = g->saturated >= (unsigned)min;
        fresh_figures(c, ret);
        return ret->trusted;
}

double pol_capacity_offered(const struct pol_capacity_estimate *e, const struct pol_window_stats *w,
                            int workers)
{
        double secs = w->window_us ? (double)w->window_us / 1e6 : 1, backlog = 0, off, slope;

        if (w->stale || w->count == 0 || !(w->rps > 0))
                return 0;
        if (secs < 1)
                secs = 1;
        /* Little's law: in the system = arrival rate x time in the system; what is beyond the
         * workers' service slots waits. Serving the arrivals and clearing that queue within one
         * window takes the completions plus the backlog spread over the window. */
        if (e->concurrency > 0 && w->inflight > workers * e->concurrency)
                backlog = w->inflight - workers * e->concurrency;
        off = w->rps + backlog / secs;
        if (e->fresh) {
                double n = e->fresh_rate * e->fresh_mean_us / 1e6, lambda;
                slope = e->fresh_slope < 0 ? 0 : e->fresh_slope > 0.9 ? 0.9 : e->fresh_slope;
                lambda = e->fresh_rate / (1 - slope);
                backlog = e->concurrency > 0 && n > workers * e->concurrency ? n - workers * e->concurrency : 0;
                if (lambda + backlog / secs > off)
                        off = lambda + backlog / secs;
        }
        return off;
}
