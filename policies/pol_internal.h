/* Internals shared by the policy loader and the decision engine (not part of the module's API). */
#ifndef POL_INTERNAL_H
#define POL_INTERNAL_H

#include "pol.h"

/* Limits on user-controlled sizes: a config is a small file written by a person. */
#define POL_MAX_FILE_BYTES      (1u << 20)
#define POL_MAX_SCHEDULE        32
#define POL_MAX_WARMUP_URLS     64
#define POL_MAX_WARMUP_RANGE    100000  /* paths one {A..B} range expands to */
#define POL_MAX_WARMUP_EXPANDED 100000  /* paths after {A..B} ranges are expanded, in all */
#define POL_MAX_STRING          4096
#define POL_MAX_CLONES_LIMIT    1000
#define POL_MAX_DIAGS           200
#define POL_MAX_FLOW_DEPTH      64      /* [ and { nesting; the real file needs 2 */
#define POL_MAX_SCHEDULE_SPAN_S (7 * 86400)     /* longest schedule duration: one week */

#define POL_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* "100%/10s", "1/30s", "unlimited" (amount 0). -EINVAL on anything else. */
int pol_parse_rate(const char *s, struct pol_rate *ret);
/* "10%" -> 0.10, "0.1" -> 0.10 (a plain number is a fraction). */
int pol_parse_percent(const char *s, double *ret);
/* Parse a 5-field cron expression into sch's bit sets; on error fills err with why. */
int pol_parse_cron(const char *s, struct pol_schedule *sch, char *err, size_t errlen);

/* Human formatting used in reasons and messages. */
void pol_fmt_duration(char *buf, size_t len, uint64_t us);
void pol_fmt_rate(char *buf, size_t len, const struct pol_rate *r);

#endif
