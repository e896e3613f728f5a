/* pol_preset: policy.preset, the algorithm and defaults of another autoscaler, for comparison
 * and migration: Kubernetes HPA (autoscaling/v2 behavior defaults) and Knative's KPA
 * (config-autoscaler defaults). Sources and the mapping: docs/policies.md. */
#ifndef POL_PRESET_H
#define POL_PRESET_H

#include <stdbool.h>

#include "pol.h"

/* "snowscale", "hpa", "knative" */
const char *pol_preset_name(enum pol_algorithm a);

/* Sets p->algorithm and every default of preset a on p, except the fields the file gave:
 * given(path, arg) is true for "policy.scale_up.max_rate" etc. when written explicitly
 * (NULL: nothing was given). Explicit keys beside a preset override it. */
void pol_preset_apply(struct pol_policy *p, enum pol_algorithm a,
                      bool (*given)(const char *path, void *arg), void *arg);

#endif
