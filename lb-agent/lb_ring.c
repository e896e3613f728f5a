/* Sample ring: the buffer between nginx's access-log stream and snowscaled.
 *
 * Samples carry absolute sequence numbers: [tail, head) are held, slot = seq % capacity. A full
 * ring overwrites its oldest sample (the freshest data is what the monitor wants) and counts it
 * as dropped, so reading the socket never waits for the network. A batch being POSTed is named
 * by its end sequence; consuming it later is correct even if pushes overwrote part of it. */
#include "lb.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct lb_ring {
        struct lb_sample *v;
        size_t cap;
        uint64_t head, tail, dropped;
};

int lb_ring_new(size_t capacity, struct lb_ring **ret)
{
        struct lb_ring *r;

        if (capacity == 0 || capacity > (1u << 24))
                return -EINVAL;
        r = calloc(1, sizeof(*r));
        if (!r)
                return -ENOMEM;
        r->v = calloc(capacity, sizeof(*r->v));
        if (!r->v) {
                free(r);
                return -ENOMEM;
        }
        r->cap = capacity;
        *ret = r;
        return 0;
}

void lb_ring_free(struct lb_ring *r)
{
        if (!r)
                return;
        free(r->v);
        free(r);
}

void lb_ring_push(struct lb_ring *r, const struct lb_sample *s)
{
        if (r->head - r->tail == r->cap) {
                r->tail++;
                r->dropped++;
        }
        r->v[r->head % r->cap] = *s;
        r->head++;
}

size_t lb_ring_len(const struct lb_ring *r) { return (size_t)(r->head - r->tail); }
uint64_t lb_ring_dropped(const struct lb_ring *r) { return r->dropped; }

int lb_ring_format(const struct lb_ring *r, size_t max, char **ret_body, size_t *ret_len,
                   uint64_t *ret_end, size_t *ret_n)
{
        size_t n = lb_ring_len(r), cap, len = 0;
        char *body;

        if (n > max)
                n = max;
        /* "TS_US BACKEND LATENCY_US STATUS\n": 20 + 64 + 20 + 3 + separators */
        cap = n * 112 + 1;
        body = malloc(cap);
        if (!body)
                return -ENOMEM;
        body[0] = 0;
        for (size_t i = 0; i < n; i++) {
                const struct lb_sample *s = &r->v[(r->tail + i) % r->cap];
                int w = snprintf(body + len, cap - len, "%" PRIu64 " %s %" PRIu64 " %d\n",
                                 s->ts_us, s->backend, s->latency_us, s->status);
                if (w < 0 || (size_t)w >= cap - len) {
                        free(body);
                        return -EOVERFLOW;
                }
                len += (size_t)w;
        }
        *ret_body = body;
        *ret_len = len;
        *ret_end = r->tail + n;
        *ret_n = n;
        return 0;
}

int lb_ring_format_json(const struct lb_ring *r, size_t max, uint64_t lost, const char *front,
                        char **ret_body, size_t *ret_len, uint64_t *ret_end, size_t *ret_n)
{
        size_t n = lb_ring_len(r), cap, len = 0;
        char *body;
        int w;

        if (n > max)
                n = max;
        /* {"ts_us":20,"backend":"64","latency_us":20,"status":3}, */
        cap = n * 160 + 64 + (front ? strlen(front) + 16 : 0);
        body = malloc(cap);
        if (!body)
                return -ENOMEM;
        len = (size_t)snprintf(body, cap, "{\"samples\":[");
        for (size_t i = 0; i < n; i++) {
                const struct lb_sample *s = &r->v[(r->tail + i) % r->cap];
                /* backends are validated addresses or "-": nothing to escape */
                w = snprintf(body + len, cap - len, "%s{\"ts_us\":%" PRIu64 ",\"backend\":\"%s\","
                             "\"latency_us\":%" PRIu64 ",\"status\":%d}", i ? "," : "",
                             s->ts_us, s->backend, s->latency_us, s->status);
                if (w < 0 || (size_t)w >= cap - len) {
                        free(body);
                        return -EOVERFLOW;
                }
                len += (size_t)w;
        }
        w = snprintf(body + len, cap - len, "],\"lost\":%" PRIu64 "%s%s}", lost, front ? ",\"front\":" : "",
                     front ? front : "");
        if (w < 0 || (size_t)w >= cap - len) {
                free(body);
                return -EOVERFLOW;
        }
        len += (size_t)w;
        *ret_body = body;
        *ret_len = len;
        *ret_end = r->tail + n;
        *ret_n = n;
        return 0;
}

void lb_ring_consume(struct lb_ring *r, uint64_t end)
{
        if (end > r->head)
                end = r->head;
        if (end > r->tail)
                r->tail = end;
}
