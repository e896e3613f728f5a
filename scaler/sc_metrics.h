/* sc_metrics: GET /metrics, the Prometheus text exposition (format 0.0.4) of the monitor, the
 * control loop and the API's counters: one HELP/TYPE group per family, its samples together. */
#ifndef SC_METRICS_H
#define SC_METRICS_H

struct sc_http;
struct sc_reply;

void sc_metrics_reply(struct sc_http *h, struct sc_reply *r);

#endif
