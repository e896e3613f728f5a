/* pol_capacity: per-worker capacity learned from what the pool served, and offered load.
 *
 * A worker's latency stays flat until it runs out of something (slots, CPU, a downstream pool);
 * then requests queue and the latency measures the queue, not the need. What a saturated worker
 * completes per second is its throughput ceiling: that is the figure to size by. So:
 *   - a short window whose latency is at or over target (beyond the tolerance band from below)
 *     is a saturated observation: completions per worker = the ceiling, averaged (EWMA);
 *   - a window well under target says the worker can do at least what it did (a lower bound on
 *     the ceiling) and how long a request takes when nothing queues (s0);
 *   - windows inside which the worker count changed are skipped: their rate mixes two pools.
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

void pol_capacity_observe(const struct pol_policy *p, struct pol_capacity *c, const struct pol_stats *st,
                          const struct pol_clones *cl, uint64_t now_us)
{
        const struct pol_window_stats *w = &st->panic;
        double target = pol_capacity_target_us(p), lat, x, ratio;
        int workers = (cl->serving > 0 ? cl->serving : 0) + (cl->base_workers > 0 ? cl->base_workers : 0);
        struct pol_capacity_gen *g;

        if (target <= 0)
                return;
        if (workers != c->workers || c->workers_since_us > now_us) {
                c->workers = workers;
                c->workers_since_us = now_us;
        }
        g = select_gen(c, cl->generation, now_us);
        if (w->stale || w->count == 0 || workers < 1 || !(w->rps > 0) || !isfinite(w->rps))
                return;
        /* the window must have been measured on this many workers all along */
        if (now_us - c->workers_since_us < w->window_us)
                return;
        lat = latency_of(p, w);
        if (!isfinite(lat) || lat < 0)
                return;
        x = w->rps / workers;
        ratio = lat / target;
        g->used_us = now_us;
        if (ratio >= 1 - p->tolerance) {
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
                /* it served x under target: its ceiling is at least x */
                if (g->saturated && x > g->mu)
                        g->mu = x;
        }
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
        return ret->trusted;
}

double pol_capacity_offered(const struct pol_capacity_estimate *e, const struct pol_window_stats *w,
                            int workers)
{
        double secs = w->window_us ? (double)w->window_us / 1e6 : 1, backlog = 0;

        if (w->stale || w->count == 0 || !(w->rps > 0))
                return 0;
        /* Little's law: in the system = arrival rate x time in the system; what is beyond the
         * workers' service slots waits. Serving the arrivals and clearing that queue within one
         * window takes the completions plus the backlog spread over the window. */
        if (e->concurrency > 0 && w->inflight > workers * e->concurrency)
                backlog = w->inflight - workers * e->concurrency;
        return w->rps + backlog / (secs < 1 ? 1 : secs);
}
