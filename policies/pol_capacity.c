/* pol_capacity: per-worker capacity learned from what the pool served, and offered load.
 *
 * A worker's latency stays flat until it runs out of something (slots, CPU, a downstream pool);
 * then requests queue and the latency measures the queue, not the need. What a saturated worker
 * completes per second is its throughput ceiling: that is the figure to size by. So:
 *   - while the short window's latency is at or over target (beyond the tolerance band from
 *     below) and the requests completing queued, the pool is saturated: completions per worker
 *     per second, counted over the stretch of ticks that were all saturated on one settled
 *     pool (same worker count, no order in flight, for a second), is the ceiling (averaged,
 *     EWMA). The monitor's completion counter gives that rate without the window's memory of
 *     the seconds before the saturation;
 *   - a window well under target says the worker can do at least what it did over the last
 *     seconds (the floor, a lower bound on the ceiling) and how long a request takes when
 *     nothing queues (s0);
 *   - a saturated-looking rate well below the floor is not a ceiling (the host is contended, or
 *     a dependency is slow): it is set aside, never averaged in;
 * Everything is per generation: a fresh generation is a copy of its parent's memory, so it starts
 * from the estimate of the generation before it. Pure: no I/O, no clock. */
#include <math.h>
#include <string.h>

#include "pol_capacity.h"

#define EWMA_ALPHA 0.3                  /* a new observation's weight (s0) */
#define EWMA_UP 0.5                     /* the ceiling: an observation above the estimate */
#define EWMA_DOWN 0.1                   /* ... and below it */
#define FLOOR_MARGIN 0.8                /* a saturated sample below 80 % of the floor is set aside:
                                         * the floor is the best of many counts, biased up by their
                                         * noise (about +15 % over 3 s at 40 req/s per worker) */

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

/* The newest observation at least span_us older than observation `from` (an index from the
 * newest), -1 if the ring has none. */
static int older_by(const struct pol_capacity *c, unsigned from, uint64_t span_us)
{
        uint64_t t = c->hist[hist_at(c, from)].t;

        for (unsigned k = from + 1; k < c->hist_n; k++)
                if (c->hist[hist_at(c, k)].t + span_us <= t)
                        return (int)k;
        return -1;
}

/* Completions per second and their mean latency between observations a (older) and b. */
static bool between(const struct pol_capacity *c, unsigned a, unsigned b, double *rate, double *mean_us)
{
        unsigned ia = hist_at(c, a), ib = hist_at(c, b);
        double secs = (double)(c->hist[ib].t - c->hist[ia].t) / 1e6;
        uint64_t n;

        if (!c->hist[ib].completed || !c->hist[ib].latency_us || c->hist[ib].completed <= c->hist[ia].completed ||
            c->hist[ib].latency_us < c->hist[ia].latency_us || secs <= 0)
                return false;
        n = c->hist[ib].completed - c->hist[ia].completed;
        *rate = (double)n / secs;
        *mean_us = (double)(c->hist[ib].latency_us - c->hist[ia].latency_us) / (double)n;
        return true;
}

/* Completions per worker per second over the newest stretch of saturated observations on one
 * pool (at least RUN_MIN_US, at most RUN_MAX_US). The stretch starts no earlier than SETTLE_US
 * after the pool last changed -- the worker count, or orders in flight: a fresh clone serves
 * slowly while it faults its memory in, and a clone start takes seconds of the host's CPU under
 * TCG, so what the workers complete around a change is the host's figure, not a worker's
 * ceiling. 0 = no usable stretch. */
#define RUN_MIN_US 500000ull
#define RUN_MAX_US (POL_CAPACITY_RUN_S * 1000000ull)
#define SETTLE_US (POL_CAPACITY_SETTLE_MS * 1000ull)
static double saturated_rate(const struct pol_capacity *c, uint64_t now_us)
{
        int workers = c->hist[hist_at(c, 0)].workers;
        uint64_t settled = 0;           /* the stretch may start no earlier */
        unsigned oldest = 0, k;
        double rate, mean;

        for (k = 0; k < c->hist_n; k++) {
                const unsigned j = hist_at(c, k);
                if (c->hist[j].workers != workers || c->hist[j].pending) {
                        if (k == 0)
                                return 0;
                        settled = c->hist[hist_at(c, k - 1)].t + SETTLE_US;
                        break;
                }
        }
        for (k = 1; k < c->hist_n; k++) {
                const unsigned j = hist_at(c, k);
                if (c->hist[j].t < settled || c->hist[j].t + RUN_MAX_US < now_us)
                        break;
                oldest = k;             /* an unsaturated one may start the first interval ... */
                if (!c->hist[j].saturated)
                        break;          /* ... and ends the stretch */
        }
        if (oldest == 0 || now_us - c->hist[hist_at(c, oldest)].t < RUN_MIN_US ||
            !between(c, oldest, 0, &rate, &mean))
                return 0;
        return rate / workers;
}

/* What one worker completed per second over the last FLOOR_SPAN_US or more while the short
 * window read under target, on one worker count; 0 if unknown. Over seconds, not one tick: the
 * highest of many one-second counts is mostly counting noise. */
#define FLOOR_SPAN_US 2900000ull
static double served_rate(const struct pol_capacity *c)
{
        int a = older_by(c, 0, FLOOR_SPAN_US), workers = c->hist[hist_at(c, 0)].workers;
        double rate, mean;

        if (a < 0 || workers < 1)
                return 0;
        for (unsigned k = 1; k <= (unsigned)a; k++)
                if (c->hist[hist_at(c, k)].workers != workers || c->hist[hist_at(c, k)].saturated)
                        return 0;
        return between(c, (unsigned)a, 0, &rate, &mean) ? rate / workers : 0;
}

static bool floor_valid(const struct pol_capacity_gen *g, uint64_t now_us)
{
        return g->floor > 0 && now_us >= g->floor_us && now_us - g->floor_us <= POL_CAPACITY_FLOOR_S * 1000000ull;
}

void pol_capacity_observe(const struct pol_policy *p, struct pol_capacity *c, const struct pol_stats *st,
                          const struct pol_clones *cl, uint64_t now_us)
{
        const struct pol_window_stats *w = &st->panic;
        double target = pol_capacity_target_us(p), lat = 0, x, ratio = 0, rate, mean_us;
        int workers = (cl->serving > 0 ? cl->serving : 0) + (cl->base_workers > 0 ? cl->base_workers : 0);
        struct pol_capacity_gen *g;
        bool usable, queued = false;
        unsigned j;
        int prev;

        if (target <= 0)
                return;
        if (c->hist_n && c->hist[hist_at(c, 0)].t > now_us)
                c->hist_n = 0;          /* the clock stepped back: start over */
        if (c->hist_n && c->hist[hist_at(c, 0)].t == now_us)
                return;                 /* one observation per instant */
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
        c->hist[j].arrived = st->arrived;
        c->hist[j].front_inflight = st->front_inflight;
        c->hist[j].front_us = st->front_us;
        c->hist[j].saturated = false;
        c->hist[j].pending = cl->pending > 0;
        c->hist_n++;
        g = select_gen(c, cl->generation, now_us);
        if (!usable)
                return;
        g->used_us = now_us;
        /* Saturated now: the window reads at or over target, and the requests completed since
         * the previous observation waited -- their mean latency at least twice what an
         * unloaded worker takes (half the target while that is unknown). The window alone
         * would still read "over" for seconds after fresh workers drained the queue. */
        if (st->completed && c->hist_n >= 2 && between(c, 1, 0, &rate, &mean_us))
                queued = mean_us >= (g->s0_us > 0 ? 2 * g->s0_us : 0.5 * target);
        else if (!st->completed)
                queued = true;          /* no counters: the window has to do */
        c->hist[j].saturated = ratio >= 1 - p->tolerance && queued;
        if (c->hist[j].saturated) {
                if (st->completed) {
                        x = saturated_rate(c, now_us);
                } else {
                        /* the window's rate, if the count held over the whole window */
                        prev = older_by(c, 0, w->window_us);
                        x = 0;
                        if (prev > 0) {
                                bool held = true;
                                for (unsigned k = 1; k <= (unsigned)prev; k++)
                                        held = held && c->hist[hist_at(c, k)].workers == workers;
                                if (held)
                                        x = w->rps / workers;
                        }
                }
                /* Orders in flight: the host is cloning, and that competes with the workers
                 * (under TCG a clone's start costs seconds of CPU); what they complete then is
                 * the host's figure, not a worker's (saturated_rate() also waits for the pool
                 * to settle after a change). */
                if (!(x > 0) || cl->pending > 0)
                        return;
                /* Latency at or over target while each worker completes clearly less than it
                 * did under target lately: the latency is not the workers' ceiling (the host is
                 * contended -- every worker slow at once --, or a dependency is slow). Sizing
                 * by that rate would order workers the load does not need, and under TCG
                 * their starts deepen the contention. */
                if (floor_valid(g, now_us) && x < FLOOR_MARGIN * g->floor) {
                        if (g->set_aside < 1000000)
                                g->set_aside++;
                        return;
                }
                /* A ceiling is reached, never exceeded: a rate above the estimate is news
                 * (weight EWMA_UP), a rate below it is as often a disturbance (EWMA_DOWN). */
                g->mu = !g->saturated ? x : g->mu + (x > g->mu ? EWMA_UP : EWMA_DOWN) * (x - g->mu);
                if (g->saturated < 1000000)
                        g->saturated++;
        } else if (ratio < 1 - p->tolerance) {
                double m = w->inflight > 0 ? w->inflight / w->rps * 1e6 : 0;
                if (m > 0 && isfinite(m)) {
                        g->s0_us = g->unsaturated ? g->s0_us + EWMA_ALPHA * (m - g->s0_us) : m;
                        if (g->unsaturated < 1000000)
                                g->unsaturated++;
                }
                /* it served at least this much under target: its ceiling is no lower */
                x = st->completed ? served_rate(c) : 0;
                if (x > 0 && (x >= g->floor || !floor_valid(g, now_us))) {
                        g->floor = x;
                        g->floor_us = now_us;
                }
                x = st->completed ? x : w->rps / workers;
                if (g->saturated && x > g->mu)
                        g->mu = x;
        }
}

/* The last second or so, from the counters: completions, their mean latency, and how fast
 * that latency grows (against the second before). */
static void fresh_figures(const struct pol_capacity *c, struct pol_capacity_estimate *e)
{
        double r0, m0, r1, m1;
        int a, b;

        if (c->hist_n < 3 || !c->hist[hist_at(c, 0)].saturated)
                return;
        a = older_by(c, 0, 900000);
        if (a < 0)
                return;
        b = older_by(c, (unsigned)a, 900000);
        if (b < 0 || !between(c, (unsigned)a, 0, &r0, &m0) || !between(c, (unsigned)b, (unsigned)a, &r1, &m1))
                return;
        e->fresh = true;
        e->fresh_rate = r0;
        e->fresh_mean_us = m0;
        /* mean latencies of the two intervals, centre to centre */
        e->fresh_slope = (m0 - m1) / 1e6 /
                         ((double)(c->hist[hist_at(c, 0)].t - c->hist[hist_at(c, (unsigned)b)].t) / 2e6);
}

/* Arrivals per second between the newest front reading and the newest one at least 0.9 s older
 * of the same front (its counter did not go back: a restarted nginx counts from 0 again). */
static void front_figures(const struct pol_capacity *c, struct pol_capacity_estimate *e)
{
        const struct pol_capacity_obs *h0;

        if (!c->hist_n)
                return;
        h0 = &c->hist[hist_at(c, 0)];
        if (!h0->front_us)
                return;
        for (unsigned k = 1; k < c->hist_n; k++) {
                const struct pol_capacity_obs *h = &c->hist[hist_at(c, k)];
                if (!h->front_us || h->front_us > h0->front_us || h->arrived > h0->arrived)
                        return;
                if (h->front_us + 900000 <= h0->front_us) {
                        e->front = true;
                        e->arrival_rate = (double)(h0->arrived - h->arrived) * 1e6 / (double)(h0->front_us - h->front_us);
                        e->front_inflight = (double)h0->front_inflight;
                        return;
                }
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
        ret->set_aside = g->set_aside;
        ret->generation = g->generation;
        if (c->hist_n && floor_valid(g, c->hist[hist_at(c, 0)].t))
                ret->floor = g->floor;
        ret->s0_us = g->s0_us;
        front_figures(c, ret);
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

        if (secs < 1)
                secs = 1;
        /* The front's counts (fresh: the monitor drops a reading older than stale_after) hold
         * even when nothing completed in the window -- every request waiting is the worst
         * overload, not no load. */
        if (e->front) {
                /* counted at the front: arrivals, and what waits there beyond the service slots */
                double slots = workers * (e->concurrency > 0 ? e->concurrency : 1);
                backlog = e->front_inflight > slots ? e->front_inflight - slots : 0;
                /* not the window's completions: they lag (a drained queue still reads as load) */
                return e->arrival_rate + backlog / secs;
        }
        if (w->stale || w->count == 0 || !(w->rps > 0))
                return 0;
        /* Little's law: in the system = arrival rate x time in the system; what is beyond the
         * workers' service slots waits. Serving the arrivals and clearing that queue within one
         * window takes the completions plus the backlog spread over the window. */
        if (e->concurrency > 0 && w->inflight > workers * e->concurrency)
                backlog = w->inflight - workers * e->concurrency;
        off = w->rps + backlog / secs;
        if (e->fresh) {
                double n = e->fresh_rate * e->fresh_mean_us / 1e6, lambda;
                /* a queue draining (slope < 0) means fewer arrive than complete */
                slope = e->fresh_slope < -1 ? -1 : e->fresh_slope > 0.9 ? 0.9 : e->fresh_slope;
                lambda = e->fresh_rate / (1 - slope);
                backlog = e->concurrency > 0 && n > workers * e->concurrency ? n - workers * e->concurrency : 0;
                if (lambda + backlog / secs > off)
                        off = lambda + backlog / secs;
        }
        return off;
}
