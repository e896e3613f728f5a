/* pol_capacity: how many requests a worker serves at the latency target, learned from what the
 * pool served, and the offered load it has to serve. Plain data, no I/O, no clock: the control
 * loop owns a struct pol_capacity, feeds it once per tick (pol_capacity_observe) and hands it to
 * pol_decide() through pol_stats.capacity. How the estimate is made: docs/policies.md. */
#ifndef POL_CAPACITY_H
#define POL_CAPACITY_H

#include <stdbool.h>
#include <stdint.h>

#include "pol.h"

#define POL_CAPACITY_GENERATIONS 8     /* estimates kept; the oldest unused one is forgotten */

struct pol_capacity_gen {
        int64_t generation;             /* 0 = unknown (observe mode, no generation yet) */
        double mu;                      /* requests/s one worker completes when saturated */
        double s0_us;                   /* mean latency of a worker that is not saturated */
        unsigned saturated;             /* saturated observations behind mu (inherited ones too) */
        unsigned unsaturated;           /* observations behind s0_us */
        double floor;                   /* the most one worker completed per second while the
                                         * short window read under target: a lower bound on mu */
        uint64_t floor_us;              /* when it was last reached (it holds POL_CAPACITY_FLOOR_S) */
        unsigned set_aside;             /* saturated-looking observations not taken (below) */
        uint64_t used_us;               /* last observation, for eviction */
};

#define POL_CAPACITY_HIST 128            /* worker counts remembered, one per observation */

struct pol_capacity {                   /* all zero = nothing learned yet */
        struct pol_capacity_gen gen[POL_CAPACITY_GENERATIONS];
        unsigned n, cur;                /* cur: index of the current generation when n > 0 */
        struct pol_capacity_obs {
                uint64_t t;
                int workers;
                uint64_t completed;     /* pol_stats.completed at the observation */
                uint64_t latency_us;    /* pol_stats.completed_latency_us */
                uint64_t arrived;       /* pol_stats.arrived, front_inflight, front_us */
                uint64_t front_inflight;
                uint64_t front_us;
                bool saturated;         /* the short window read at/over target */
                bool pending;           /* orders were in flight (the host was cloning) */
        } hist[POL_CAPACITY_HIST];
        unsigned hist_head, hist_n;     /* ring of the worker counts observed */
};

/* The estimate as pol_decide() uses it. */
struct pol_capacity_estimate {
        bool trusted;                   /* enough saturated observations (capacity.min_samples) */
        double mu;                      /* saturated throughput per worker, requests/s (0 = none) */
        double per_worker;              /* planned requests/s per worker: mu x utilization */
        double concurrency;             /* requests one worker holds in service: mu x s0 (>= 1);
                                         * 0 when s0 is unknown */
        unsigned samples;
        unsigned set_aside;             /* observations that looked saturated but were not taken */
        double floor;                   /* requests/s one worker served under target lately, a
                                         * lower bound on mu (0 = none) */
        double s0_us;                   /* mean latency when nothing queues (0 = unknown) */
        int64_t generation;
        /* the last tick, from the completion counters (fresh, unlike a window): valid when the
         * newest observation reads saturated and the last two intervals ran on the same
         * worker count */
        bool fresh;
        double fresh_rate;              /* completions/s */
        double fresh_mean_us;           /* their mean latency */
        double fresh_slope;             /* growth of that mean latency, s per s */
        /* the front's counters (pol_stats.arrived): arrivals per second over the newest second or
         * more of them, and requests in flight there now */
        bool front;
        double arrival_rate;
        double front_inflight;
};

/* One evaluation's observation: the short window, the completion counters, the worker count
 * (serving + base_workers). It is saturated when the window reads at or over target and the
 * requests completed since the previous observation queued (mean latency >= 2 x s0, or half
 * the target while s0 is unknown). A saturated observation's sample is the completion rate
 * per worker over the newest saturated stretch, 0.5 to POL_CAPACITY_RUN_S seconds, on one
 * worker count that had held for POL_CAPACITY_SETTLE_MS with no order in flight. A sample
 * below the floor (what a worker served under target within POL_CAPACITY_FLOOR_S) is set
 * aside: the workers did more at target latency, so the latency is not their ceiling (host
 * contention, a slow dependency). Without counters: the window's rate, if the count held over
 * the whole window. The latency target is the policy's first latency metric; with none,
 * nothing is learned. */
#define POL_CAPACITY_RUN_S 4
#define POL_CAPACITY_SETTLE_MS 1000
#define POL_CAPACITY_FLOOR_S 120
void pol_capacity_observe(const struct pol_policy *p, struct pol_capacity *c, const struct pol_stats *st,
                          const struct pol_clones *cl, uint64_t now_us);
/* The current generation's estimate; false (and *ret zeroed but for samples) when none. */
bool pol_capacity_get(const struct pol_policy *p, const struct pol_capacity *c,
                      struct pol_capacity_estimate *ret);
/* Offered load (requests/s arriving, not only completed). When the front counts arrivals
 * (e->front): the arrival rate over the newest second, plus the backlog --
 * requests in flight at the front beyond what the workers hold in service -- spread over the
 * window, also when the window saw no completion at all. Else (0 for a stale or empty window)
 * the larger of two estimates from completions:
 *   window: completions plus the backlog (in-flight beyond what the workers hold in service,
 *           Little's law: in-flight = rate x mean latency) spread over the window;
 *   fresh (saturated only): a FIFO queue fed at lambda and drained at C makes the latency of
 *           completing requests grow by 1 - C/lambda seconds per second, so lambda = C / (1 -
 *           slope), slope within -1..0.9 (a draining queue: fewer arrive than complete), plus the
 *           last second's backlog spread over the window. */
double pol_capacity_offered(const struct pol_capacity_estimate *e, const struct pol_window_stats *w,
                            int workers);
/* The latency target capacity is learned against (the first latency metric), 0 if none. */
double pol_capacity_target_us(const struct pol_policy *p);

#endif
