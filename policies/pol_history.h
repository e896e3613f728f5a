/* pol_history: what the decision remembers between calls, and the windows it reads that memory
 * through: recommendations for stabilization (a monotonic deque per direction), the serving
 * count per decision (what a latency window was measured on), and the scale changes rate limits
 * count from. Plain data, no I/O, no clock: times are the caller's. */
#ifndef POL_HISTORY_H
#define POL_HISTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define POL_EV_CAP 4096

struct rec {
        uint64_t t;
        int v;
};

/* Monotonic deque over (time, recommendation): the front is the min (or max) of the window.
 * Values are clamped to 0..POL_MAX_CLONES_LIMIT and strictly monotonic inside the deque, so it
 * never holds more than POL_MAX_CLONES_LIMIT + 1 entries whatever the tick rate. */
struct mdeque {
        struct rec *v;
        size_t head, n, cap;
};

struct ev {
        uint64_t t;
        int from, to;
};

struct evring {
        struct ev v[POL_EV_CAP];
        size_t head, n;
};

/* Serving count per decision: a latency window was measured on the capacity of its whole
 * span, not on the capacity of this instant. Scaling ceil(serving_now * ratio) while a 60 s
 * p95 still remembers the slow minute would add clones again for the same overload. */
#define POL_CAP_HIST 4096
struct caphist {
        struct rec v[POL_CAP_HIST];
        size_t head, n;
};

static inline struct rec *pol_mq_at(struct mdeque *q, size_t i)
{
        return &q->v[(q->head + i) % q->cap];
}

/* Drops entries older than window. */
void pol_mq_expire(struct mdeque *q, uint64_t now, uint64_t window);
/* want_max: keep a decreasing deque (front = max); else increasing (front = min). -ENOMEM. */
int pol_mq_push(struct mdeque *q, uint64_t now, int v, bool want_max);
void pol_caphist_push(struct caphist *h, uint64_t now, int serving);
/* Mean serving count over (now - window, now]; the current count when there is no history. */
double pol_caphist_mean(const struct caphist *h, uint64_t now, uint64_t window, int serving);
void pol_evring_expire(struct evring *r, uint64_t now, uint64_t per);
void pol_evring_push(struct evring *r, uint64_t now, int from, int to);
/* The first change inside (now - per, now], NULL if none. */
const struct ev *pol_evring_first(const struct evring *r, uint64_t now, uint64_t per);
/* The highest count an up change inside (since, now] went to, -1 if none. */
int pol_evring_max_to_after(const struct evring *r, uint64_t since);

#endif
