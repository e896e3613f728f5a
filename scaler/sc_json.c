/* sc_json: JSON views shared by the API and the control loop. See sc_json.h. */
#include "sc_json.h"

#include <json-c/json.h>

struct json_object *sc_window_json(const struct pol_window_stats *w)
{
        json_object *o = json_object_new_object();
        json_object_object_add(o, "window_s", json_object_new_double(w->window_us / 1e6));
        json_object_object_add(o, "count", json_object_new_int64((int64_t)w->count));
        json_object_object_add(o, "rps", json_object_new_double(w->rps));
        json_object_object_add(o, "p50_us", json_object_new_double(w->p50_us));
        json_object_object_add(o, "p95_us", json_object_new_double(w->p95_us));
        json_object_object_add(o, "p99_us", json_object_new_double(w->p99_us));
        json_object_object_add(o, "error_rate", json_object_new_double(w->error_rate));
        json_object_object_add(o, "inflight", json_object_new_double(w->inflight));
        json_object_object_add(o, "stale", json_object_new_boolean(w->stale));
        return o;
}
