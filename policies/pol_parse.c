/* pol_parse: the units of snowscale.yaml (durations, sizes, percentages, rates) and the
 * cron-like schedule syntax. Pure string functions, shared by the loader and the engine. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "pol_internal.h"

/* A decimal number "12", "1.5" at *s; advances *s. No sign, no exponent: units read better. */
static int parse_decimal(const char **s, double *ret)
{
        const char *p = *s;
        double v = 0, scale = 1;
        bool digits = false;

        while (isdigit((unsigned char)*p)) {
                v = v * 10 + (*p - '0');
                digits = true;
                p++;
        }
        if (*p == '.') {
                p++;
                while (isdigit((unsigned char)*p)) {
                        scale /= 10;
                        v += (*p - '0') * scale;
                        digits = true;
                        p++;
                }
        }
        if (!digits || v > 1e15)
                return -EINVAL;
        *s = p;
        *ret = v;
        return 0;
}

/* Durations: "150ms", "1.5s", "2m", "1h30m", "250us"; a bare "0" is zero. Go-style compound
 * values are allowed because "1m30s" is what people write. */
int pol_parse_duration(const char *s, uint64_t *ret)
{
        static const struct { const char *unit; double us; } units[] = {
                { "us", 1 }, { "µs", 1 }, { "ms", 1e3 }, { "s", 1e6 }, { "m", 60e6 }, { "h", 3600e6 },
        };
        double total = 0;
        const char *p = s;

        if (!s || !*s)
                return -EINVAL;
        if (strcmp(s, "0") == 0) {
                *ret = 0;
                return 0;
        }
        while (*p) {
                double v;
                size_t best = 0, bestlen = 0;

                if (parse_decimal(&p, &v) < 0)
                        return -EINVAL;
                /* longest unit match so "ms" is not read as "m" followed by junk */
                for (size_t i = 0; i < POL_ARRAY_SIZE(units); i++) {
                        size_t l = strlen(units[i].unit);
                        if (strncmp(p, units[i].unit, l) == 0 && l > bestlen) {
                                best = i;
                                bestlen = l;
                        }
                }
                if (!bestlen)
                        return -EINVAL;
                p += bestlen;
                total += v * units[best].us;
        }
        if (total > 1e17)               /* ~3 years: far beyond any sensible setting */
                return -ERANGE;
        *ret = (uint64_t)llround(total);
        return 0;
}

/* Sizes: bytes, or K/M/G (and KiB/MiB/GiB, the same binary multiples, as QEMU's -m reads them). */
int pol_parse_size(const char *s, uint64_t *ret)
{
        static const struct { const char *unit; uint64_t mul; } units[] = {
                { "", 1 }, { "K", 1ull << 10 }, { "KiB", 1ull << 10 }, { "M", 1ull << 20 },
                { "MiB", 1ull << 20 }, { "G", 1ull << 30 }, { "GiB", 1ull << 30 },
                { "T", 1ull << 40 }, { "TiB", 1ull << 40 },
        };
        const char *p = s;
        uint64_t v = 0;

        if (!s || !isdigit((unsigned char)*p))
                return -EINVAL;
        while (isdigit((unsigned char)*p)) {
                if (v > (UINT64_MAX - 9) / 10)
                        return -ERANGE;
                v = v * 10 + (uint64_t)(*p - '0');
                p++;
        }
        for (size_t i = 0; i < POL_ARRAY_SIZE(units); i++) {
                if (strcmp(p, units[i].unit) == 0) {
                        if (v > UINT64_MAX / units[i].mul)
                                return -ERANGE;
                        *ret = v * units[i].mul;
                        return 0;
                }
        }
        return -EINVAL;
}

int pol_parse_percent(const char *s, double *ret)
{
        const char *p = s;
        double v;

        if (!s || parse_decimal(&p, &v) < 0)
                return -EINVAL;
        if (*p == '%' && p[1] == 0) {
                *ret = v / 100.0;
                return 0;
        }
        if (*p == 0) {
                *ret = v;
                return 0;
        }
        return -EINVAL;
}

int pol_parse_rate(const char *s, struct pol_rate *ret)
{
        struct pol_rate r = { 0 };
        const char *p = s;
        const char *slash;
        double v;
        char per[64];

        if (!s)
                return -EINVAL;
        if (strcmp(s, "unlimited") == 0 || strcmp(s, "0") == 0) {
                *ret = r;
                return 0;
        }
        slash = strchr(s, '/');
        if (!slash || (size_t)(slash - s) == 0)
                return -EINVAL;
        if (parse_decimal(&p, &v) < 0 || v <= 0)
                return -EINVAL;
        if (*p == '%') {
                r.percent = true;
                p++;
        } else if (v != floor(v)) {
                return -EINVAL;         /* "1.5/30s": half a clone means nothing */
        }
        if (p != slash)
                return -EINVAL;
        if (strlen(slash + 1) >= sizeof(per))
                return -EINVAL;
        strcpy(per, slash + 1);
        /* "1/s", "10%/m": a bare unit means one of it */
        if (strcmp(per, "s") == 0 || strcmp(per, "m") == 0 || strcmp(per, "h") == 0) {
                memmove(per + 1, per, strlen(per) + 1);
                per[0] = '1';
        }
        if (pol_parse_duration(per, &r.per_us) < 0 || r.per_us == 0)
                return -EINVAL;
        r.amount = v;
        *ret = r;
        return 0;
}

/* ---- cron ------------------------------------------------------------------------------- */
static const char *const mon_names[] = { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                         "sep", "oct", "nov", "dec" };
static const char *const dow_names[] = { "sun", "mon", "tue", "wed", "thu", "fri", "sat" };

struct cron_field {
        const char *name;
        int lo, hi;
        const char *const *names;       /* names[i] is value lo + i */
        int n_names;
};

static int cron_value(const struct cron_field *f, const char **s, int *ret)
{
        const char *p = *s;
        long v = 0;

        if (isalpha((unsigned char)*p)) {
                for (int i = 0; f->names && i < f->n_names; i++) {
                        if (strncasecmp(p, f->names[i], 3) == 0 && !isalpha((unsigned char)p[3])) {
                                *ret = f->lo + i;
                                *s = p + 3;
                                return 0;
                        }
                }
                return -EINVAL;
        }
        if (!isdigit((unsigned char)*p))
                return -EINVAL;
        while (isdigit((unsigned char)*p)) {
                v = v * 10 + (*p - '0');
                if (v > 1000)
                        return -ERANGE;
                p++;
        }
        *ret = (int)v;
        *s = p;
        return 0;
}

/* One field: comma list of "*", "*\/n", "a", "a-b", "a-b/n", "a/n". */
static int cron_field_parse(const struct cron_field *f, const char *s, uint64_t *ret,
                            char *err, size_t errlen)
{
        uint64_t bits = 0;
        const char *p = s;
        int hi = f->hi;

        if (f->names == dow_names)
                hi = 7;                 /* 7 is Sunday too, as in Vixie cron */
        for (;;) {
                int a, b, step = 1;

                if (*p == '*') {
                        a = f->lo;
                        b = f->hi;
                        p++;
                } else {
                        if (cron_value(f, &p, &a) < 0 || a < f->lo || a > hi)
                                goto bad;
                        b = a;
                        if (*p == '-') {
                                p++;
                                if (cron_value(f, &p, &b) < 0 || b < f->lo || b > hi)
                                        goto bad;
                                if (b < a) {
                                        snprintf(err, errlen, "%s range \"%s\" goes backwards", f->name, s);
                                        return -EINVAL;
                                }
                        } else if (*p == '/') {
                                b = f->hi;
                        }
                }
                if (*p == '/') {
                        long st = 0;
                        p++;
                        if (!isdigit((unsigned char)*p))
                                goto bad;
                        while (isdigit((unsigned char)*p)) {
                                st = st * 10 + (*p - '0');
                                if (st > 1000)
                                        goto bad;
                                p++;
                        }
                        if (st < 1)
                                goto bad;
                        step = (int)st;
                }
                for (int v = a; v <= b; v += step)
                        bits |= 1ull << (f->names == dow_names && v == 7 ? 0 : v);
                if (*p == ',') {
                        p++;
                        continue;
                }
                if (*p == 0)
                        break;
                goto bad;
        }
        *ret = bits;
        return 0;
bad:
        snprintf(err, errlen, "bad %s field \"%s\" (allowed %d-%d%s, *, lists a,b, ranges a-b, steps /n)",
                 f->name, s, f->lo, hi, f->names == mon_names ? " or jan-dec" :
                 f->names == dow_names ? " or sun-sat" : "");
        return -EINVAL;
}

int pol_parse_cron(const char *s, struct pol_schedule *sch, char *err, size_t errlen)
{
        static const struct cron_field fields[5] = {
                { "minute", 0, 59, NULL, 0 },
                { "hour", 0, 23, NULL, 0 },
                { "day-of-month", 1, 31, NULL, 0 },
                { "month", 1, 12, mon_names, 12 },
                { "day-of-week", 0, 6, dow_names, 7 },
        };
        char buf[256], *save = NULL, *tok;
        uint64_t bits[5];
        int n = 0;

        if (!s || strlen(s) >= sizeof(buf)) {
                snprintf(err, errlen, "too long");
                return -EINVAL;
        }
        strcpy(buf, s);
        for (tok = strtok_r(buf, " \t", &save); tok; tok = strtok_r(NULL, " \t", &save)) {
                if (n == 5) {
                        snprintf(err, errlen, "needs 5 fields: minute hour day-of-month month day-of-week (found more)");
                        return -EINVAL;
                }
                if (cron_field_parse(&fields[n], tok, &bits[n], err, errlen) < 0)
                        return -EINVAL;
                n++;
        }
        if (n != 5) {
                snprintf(err, errlen, "needs 5 fields: minute hour day-of-month month day-of-week (found %d)", n);
                return -EINVAL;
        }
        sch->minute[0] = bits[0];
        sch->hour = (uint32_t)bits[1];
        sch->dom = (uint32_t)bits[2];
        sch->mon = (uint32_t)bits[3];
        sch->dow = (uint8_t)bits[4];
        return 0;
}

#define DOM_ALL 0xfffffffeu     /* bits 1..31 */
#define DOW_ALL 0x7fu

/* Do the hour, day and month of the hour starting at t (UTC) match? Vixie cron's rule: when both
 * day-of-month and day-of-week are restricted, either one matching is enough. */
static bool cron_hour_matches(const struct pol_schedule *s, time_t t)
{
        struct tm tm;
        bool dom, dow;

        if (!gmtime_r(&t, &tm))
                return false;
        if (!(s->hour >> tm.tm_hour & 1) || !(s->mon >> (tm.tm_mon + 1) & 1))
                return false;
        dom = s->dom >> tm.tm_mday & 1;
        dow = s->dow >> tm.tm_wday & 1;
        if (s->dom == DOM_ALL || s->dow == DOW_ALL)
                return dom && dow;
        return dom || dow;
}

bool pol_schedule_active(const struct pol_schedule *s, uint64_t wall_time_s)
{
        uint64_t dur = s->duration_us ? s->duration_us / 1000000 : 60;
        uint64_t lo, hour;

        if (dur > POL_MAX_SCHEDULE_SPAN_S)
                dur = POL_MAX_SCHEDULE_SPAN_S;
        if (dur == 0)
                dur = 1;
        /* a firing at minute m holds the floor during [m, m + dur): look for a matching minute
         * in (now - dur, now], an hour at a time (one gmtime per hour, at most a week of them) */
        lo = wall_time_s >= dur ? wall_time_s - dur + 1 : 0;
        for (hour = wall_time_s / 3600 * 3600;; hour -= 3600) {
                if (cron_hour_matches(s, (time_t)hour)) {
                        for (int min = 59; min >= 0; min--) {
                                uint64_t m = hour + (uint64_t)min * 60;
                                if (m <= wall_time_s && m >= lo && (s->minute[0] >> min & 1))
                                        return true;
                        }
                }
                if (hour < 3600 || hour <= lo)  /* the hour before ends at or before lo */
                        break;
        }
        return false;
}

int pol_schedule_floor(const struct pol_policy *p, uint64_t wall_time_s, size_t *ret_index)
{
        int floor_ = 0;

        for (size_t i = 0; i < p->n_schedule; i++) {
                if (p->schedule[i].min_clones > floor_ && pol_schedule_active(&p->schedule[i], wall_time_s)) {
                        floor_ = p->schedule[i].min_clones;
                        if (ret_index)
                                *ret_index = i;
                }
        }
        return floor_;
}

/* ---- formatting ------------------------------------------------------------------------- */
void pol_fmt_duration(char *buf, size_t len, uint64_t us)
{
        if (us == 0)
                snprintf(buf, len, "0s");
        else if (us % 1000000ull == 0 && us < 120000000ull)
                snprintf(buf, len, "%llus", (unsigned long long)(us / 1000000ull));   /* "60s" reads better than "1m" */
        else if (us % 3600000000ull == 0)
                snprintf(buf, len, "%lluh", (unsigned long long)(us / 3600000000ull));
        else if (us % 60000000ull == 0)
                snprintf(buf, len, "%llum", (unsigned long long)(us / 60000000ull));
        else if (us >= 10000000ull || us % 1000000ull == 0)
                snprintf(buf, len, "%gs", (double)us / 1e6);
        else if (us >= 1000)
                snprintf(buf, len, "%.0fms", (double)us / 1e3);
        else
                snprintf(buf, len, "%lluus", (unsigned long long)us);
}

void pol_fmt_rate(char *buf, size_t len, const struct pol_rate *r)
{
        char d[32];

        if (r->amount <= 0) {
                snprintf(buf, len, "unlimited");
                return;
        }
        pol_fmt_duration(d, sizeof(d), r->per_us);
        snprintf(buf, len, "%g%s/%s", r->amount, r->percent ? "%" : "", d);
}

const char *pol_metric_name(enum pol_metric m)
{
        switch (m) {
        case POL_METRIC_P50_LATENCY: return "p50_latency";
        case POL_METRIC_P95_LATENCY: return "p95_latency";
        case POL_METRIC_P99_LATENCY: return "p99_latency";
        case POL_METRIC_RPS_PER_CLONE: return "rps_per_clone";
        case POL_METRIC_INFLIGHT_PER_CLONE: return "inflight_per_clone";
        }
        return "unknown";
}

bool pol_metric_is_latency(enum pol_metric m)
{
        return m == POL_METRIC_P50_LATENCY || m == POL_METRIC_P95_LATENCY || m == POL_METRIC_P99_LATENCY;
}
