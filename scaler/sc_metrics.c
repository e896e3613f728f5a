/* sc_metrics: /metrics. See sc_metrics.h; the families are listed in docs/api.md. */
#include "sc_metrics.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "sc_http_int.h"
#include "sc_loop.h"
#include "sc_monitor.h"
#include "ss_util.h"

/* A label value as the exposition format wants it: backslash, quote and newline escaped. */
static void label(FILE *f, const char *s)
{
        for (; *s; s++) {
                if (*s == '\\' || *s == '"')
                        fputc('\\', f);
                if (*s == '\n')
                        fputs("\\n", f);
                else
                        fputc(*s, f);
        }
}

static void family(FILE *f, const char *name, const char *type, const char *help)
{
        fprintf(f, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

/* Window percentiles are what a Prometheus summary is: quantiles over a sliding window. With no
 * request in the window there is no quantile: NaN, as client libraries write it. The totals
 * (_sum, _count) are the request histogram's. */
static void quantiles(FILE *f, const char *name, const char *service, const char *backend,
                      const char *window, const struct pol_window_stats *w)
{
        const double q[3] = { 0.5, 0.95, 0.99 }, v[3] = { w->p50_us, w->p95_us, w->p99_us };
        for (int i = 0; i < 3; i++) {
                fprintf(f, "%s{service=\"", name);
                label(f, service);
                if (backend) {
                        fputs("\",backend=\"", f);
                        label(f, backend);
                }
                fprintf(f, "\",window=\"%s\",quantile=\"%g\"} ", window, q[i]);
                if (w->count)
                        fprintf(f, "%.6f\n", v[i] / 1e6);
                else
                        fputs("NaN\n", f);
        }
}

static void gauge(FILE *f, const char *name, const char *service, const char *backend,
                  const char *window, double value)
{
        fprintf(f, "%s{service=\"", name);
        label(f, service);
        if (backend) {
                fputs("\",backend=\"", f);
                label(f, backend);
        }
        fprintf(f, "\",window=\"%s\"} %.6g\n", window, value);
}

static int write_monitor(struct sc_http *h, const char *service, FILE *f)
{
        struct sc_monitor_snapshot snap;
        struct sc_monitor_totals t;
        static const char *const wn[2] = { "short", "long" };

        sc_monitor_totals(h->mon, &t);
        int r = sc_monitor_snapshot(h->mon, ss_wall_us(), &snap);
        if (r < 0)
                return r;
        const struct pol_window_stats *sw[2] = { &snap.short_w, &snap.long_w };

        family(f, "snowscale_request_duration_seconds", "histogram",
               "Request latency seen at the front, since snowscaled started.");
        uint64_t cum = 0;
        for (size_t k = 0; k < SC_MONITOR_PROM_BUCKETS; k++) {
                cum += t.bucket[k];
                fputs("snowscale_request_duration_seconds_bucket{service=\"", f);
                label(f, service);
                fprintf(f, "\",le=\"%g\"} %" PRIu64 "\n", t.le_us[k] / 1e6, cum);
        }
        fputs("snowscale_request_duration_seconds_bucket{service=\"", f);
        label(f, service);
        fprintf(f, "\",le=\"+Inf\"} %" PRIu64 "\n", t.count);
        fputs("snowscale_request_duration_seconds_sum{service=\"", f);
        label(f, service);
        fprintf(f, "\"} %.6f\n", t.sum_us / 1e6);
        fputs("snowscale_request_duration_seconds_count{service=\"", f);
        label(f, service);
        fprintf(f, "\"} %" PRIu64 "\n", t.count);

        family(f, "snowscale_request_errors_total", "counter", "Requests answered with a 5xx status.");
        fputs("snowscale_request_errors_total{service=\"", f);
        label(f, service);
        fprintf(f, "\"} %" PRIu64 "\n", snap.errors);
        family(f, "snowscale_samples_rejected_total", "counter", "Samples refused as invalid.");
        fprintf(f, "snowscale_samples_rejected_total %" PRIu64 "\n", snap.rejected);
        family(f, "snowscale_samples_unattributed_total", "counter",
               "Samples beyond the per-backend series limit (counted service-wide only).");
        fprintf(f, "snowscale_samples_unattributed_total %" PRIu64 "\n", snap.backends_overflow);
        family(f, "snowscale_samples_lost_total", "counter",
               "Samples the collector reported lost before they reached snowscaled.");
        fprintf(f, "snowscale_samples_lost_total %" PRIu64 "\n", (uint64_t)atomic_load(&h->samples_lost));
        if (snap.front.known) {
                family(f, "snowscale_front_arrivals_total", "counter",
                       "Requests that reached the front's balancer since that nginx started.");
                fprintf(f, "snowscale_front_arrivals_total %" PRIu64 "\n", snap.front.arrived);
                family(f, "snowscale_front_inflight", "gauge",
                       "Requests at the front not finished yet (also those waiting for a worker).");
                fprintf(f, "snowscale_front_inflight %" PRIu64 "\n", snap.front.inflight);
        }

        family(f, "snowscale_window_latency_seconds", "summary",
               "Latency percentiles over a sliding window (short: panic window, long: stable window).");
        for (int k = 0; k < 2; k++)
                quantiles(f, "snowscale_window_latency_seconds", service, NULL, wn[k], sw[k]);
        family(f, "snowscale_window_requests_per_second", "gauge", "Request rate over a sliding window.");
        for (int k = 0; k < 2; k++)
                gauge(f, "snowscale_window_requests_per_second", service, NULL, wn[k], sw[k]->rps);
        family(f, "snowscale_window_error_ratio", "gauge", "Share of 5xx answers over a sliding window.");
        for (int k = 0; k < 2; k++)
                gauge(f, "snowscale_window_error_ratio", service, NULL, wn[k], sw[k]->error_rate);
        family(f, "snowscale_window_inflight", "gauge",
               "Requests in flight over a sliding window (rate x mean latency).");
        for (int k = 0; k < 2; k++)
                gauge(f, "snowscale_window_inflight", service, NULL, wn[k], sw[k]->inflight);

        family(f, "snowscale_backend_latency_seconds", "summary",
               "Latency percentiles per backend over a sliding window.");
        for (size_t i = 0; i < snap.n_backends; i++) {
                quantiles(f, "snowscale_backend_latency_seconds", service, snap.backends[i].backend,
                          "short", &snap.backends[i].short_w);
                quantiles(f, "snowscale_backend_latency_seconds", service, snap.backends[i].backend,
                          "long", &snap.backends[i].long_w);
        }
        family(f, "snowscale_backend_requests_per_second", "gauge", "Request rate per backend.");
        for (size_t i = 0; i < snap.n_backends; i++) {
                gauge(f, "snowscale_backend_requests_per_second", service, snap.backends[i].backend,
                      "short", snap.backends[i].short_w.rps);
                gauge(f, "snowscale_backend_requests_per_second", service, snap.backends[i].backend,
                      "long", snap.backends[i].long_w.rps);
        }
        family(f, "snowscale_backend_error_ratio", "gauge", "Share of 5xx answers per backend.");
        for (size_t i = 0; i < snap.n_backends; i++) {
                gauge(f, "snowscale_backend_error_ratio", service, snap.backends[i].backend, "short",
                      snap.backends[i].short_w.error_rate);
                gauge(f, "snowscale_backend_error_ratio", service, snap.backends[i].backend, "long",
                      snap.backends[i].long_w.error_rate);
        }
        sc_monitor_snapshot_free(&snap);
        return 0;
}

static void write_loop(const struct sc_loop_status *ls, FILE *f)
{
        family(f, "snowscale_clones", "gauge", "Clones by lifecycle group.");
        fprintf(f, "snowscale_clones{state=\"serving\"} %d\nsnowscale_clones{state=\"pending\"} %d\n"
                   "snowscale_clones{state=\"draining\"} %d\n", ls->actual, ls->pending, ls->draining);
        family(f, "snowscale_desired_clones", "gauge", "The count the control loop steers to.");
        fprintf(f, "snowscale_desired_clones %d\n", ls->desired < 0 ? 0 : ls->desired);
        family(f, "snowscale_panic", "gauge", "1 while the policy is in panic mode.");
        fprintf(f, "snowscale_panic %d\n", ls->panic);
        family(f, "snowscale_alert", "gauge", "1 while cloning is stopped after repeated failures.");
        fprintf(f, "snowscale_alert %d\n", ls->alert[0] != 0);
        family(f, "snowscale_ticks_total", "counter", "Control loop ticks run.");
        fprintf(f, "snowscale_ticks_total %" PRIu64 "\n", ls->ticks);
        family(f, "snowscale_early_evaluations_total", "counter",
               "Evaluations between ticks: a sample batch showed the short window over target.");
        fprintf(f, "snowscale_early_evaluations_total %" PRIu64 "\n", ls->early_evaluations);
        family(f, "snowscale_uptime_seconds", "gauge", "Time since snowscaled started.");
        fprintf(f, "snowscale_uptime_seconds %.3f\n", (ss_wall_us() - ls->started_us) / 1e6);
        family(f, "snowscale_build_info", "gauge", "Version of snowscaled.");
        fprintf(f, "snowscale_build_info{version=\"%s\"} 1\n", SC_VERSION);
}

void sc_metrics_reply(struct sc_http *h, struct sc_reply *r)
{
        struct sc_loop_status ls;
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);

        r->resp = NULL;
        if (!f)
                return;
        sc_loop_status(h->loop, &ls);
        int err = write_monitor(h, ls.service, f);
        write_loop(&ls, f);
        if (fclose(f) != 0 || err < 0) {
                free(buf);
                sc_reply_error(r, MHD_HTTP_INTERNAL_SERVER_ERROR, "cannot render metrics");
                return;
        }
        sc_reply_buf(r, MHD_HTTP_OK, "text/plain; version=0.0.4; charset=utf-8", buf, len);
}
