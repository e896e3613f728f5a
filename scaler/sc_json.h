/* sc_json: JSON views shared by the HTTP API and the control loop's decision events. */
#ifndef SC_JSON_H
#define SC_JSON_H

#include "pol.h"

struct json_object;

/* {"window_s","count","rps","p50_us","p95_us","p99_us","error_rate","inflight","stale"} as in
 * docs/api.md (status.windows, decision events). A new object owned by the caller. */
struct json_object *sc_window_json(const struct pol_window_stats *w);

#endif
