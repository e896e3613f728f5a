/* pol_history: the decision's memory (see pol_history.h). */
#include "pol_history.h"

#include <errno.h>
#include <stdlib.h>

void pol_mq_expire(struct mdeque *q, uint64_t now, uint64_t window)
{
        while (q->n && pol_mq_at(q, 0)->t + window <= now) {
                q->head = (q->head + 1) % q->cap;
                q->n--;
        }
}

/* want_max: keep a decreasing deque (front = max); else increasing (front = min). */
int pol_mq_push(struct mdeque *q, uint64_t now, int v, bool want_max)
{
        while (q->n) {
                int back = pol_mq_at(q, q->n - 1)->v;
                if (want_max ? back > v : back < v)
                        break;
                q->n--;
        }
        if (q->n == q->cap) {
                size_t cap = q->cap ? q->cap * 2 : 16;
                struct rec *nv = malloc(cap * sizeof(*nv));
                if (!nv)
                        return -ENOMEM;
                for (size_t i = 0; i < q->n; i++)
                        nv[i] = *pol_mq_at(q, i);
                free(q->v);
                q->v = nv;
                q->cap = cap;
                q->head = 0;
        }
        *pol_mq_at(q, q->n) = (struct rec){ now, v };
        q->n++;
        return 0;
}

void pol_caphist_push(struct caphist *h, uint64_t now, int serving)
{
        if (h->n == POL_CAP_HIST) {
                h->head = (h->head + 1) % POL_CAP_HIST;
                h->n--;
        }
        h->v[(h->head + h->n) % POL_CAP_HIST] = (struct rec){ now, serving };
        h->n++;
}

/* Mean serving count over (now - window, now]; the current count when there is no history. */
double pol_caphist_mean(const struct caphist *h, uint64_t now, uint64_t window, int serving)
{
        double sum = 0;
        size_t k = 0;

        for (size_t i = h->n; i-- > 0;) {
                const struct rec *r = &h->v[(h->head + i) % POL_CAP_HIST];
                if (r->t + window <= now && k > 0)
                        break;
                sum += r->v;
                k++;
        }
        return k ? sum / (double)k : serving;
}

void pol_evring_expire(struct evring *r, uint64_t now, uint64_t per)
{
        while (r->n && r->v[r->head].t + per <= now) {
                r->head = (r->head + 1) % POL_EV_CAP;
                r->n--;
        }
}

void pol_evring_push(struct evring *r, uint64_t now, int from, int to)
{
        if (r->n == POL_EV_CAP) {           /* drop the oldest: the limit can only get looser */
                r->head = (r->head + 1) % POL_EV_CAP;
                r->n--;
        }
        r->v[(r->head + r->n) % POL_EV_CAP] = (struct ev){ now, from, to };
        r->n++;
}

/* The first change inside (now - per, now], NULL if none. */
const struct ev *pol_evring_first(const struct evring *r, uint64_t now, uint64_t per)
{
        for (size_t i = 0; i < r->n; i++) {
                const struct ev *e = &r->v[(r->head + i) % POL_EV_CAP];
                if (e->t + per > now)
                        return e;
        }
        return NULL;
}

/* The highest count an up change inside (since, now] went to, -1 if none. */
int pol_evring_max_to_after(const struct evring *r, uint64_t since)
{
        int m = -1;

        for (size_t i = 0; i < r->n; i++) {
                const struct ev *e = &r->v[(r->head + i) % POL_EV_CAP];
                if (e->t >= since && e->to > m)
                        m = e->to;
        }
        return m;
}
