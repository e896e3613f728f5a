#include "ss_log.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static const char *log_ident = "snowscale";
static int log_max = LOG_INFO;
static int log_journal = -1;

void ss_log_init(const char *ident, int max_level)
{
        log_ident = ident;
        log_max = max_level;
        log_journal = getenv("JOURNAL_STREAM") != NULL;
}

void ss_log_set_level(int max_level) { log_max = max_level; }
int ss_log_level(void) { return log_max; }

int ss_log_parse_level(const char *s)
{
        static const struct { const char *name; int level; } names[] = {
                { "error", LOG_ERR }, { "warn", LOG_WARNING }, { "warning", LOG_WARNING },
                { "info", LOG_INFO }, { "debug", LOG_DEBUG },
        };
        for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
                if (strcasecmp(s, names[i].name) == 0)
                        return names[i].level;
        return -EINVAL;
}

void ss_log(int level, const char *fmt, ...)
{
        static const char *const lname[] = { "emerg", "alert", "crit", "error", "warn", "notice", "info", "debug" };
        char msg[2048];
        va_list ap;
        int saved = errno;

        if (level > log_max)
                return;
        va_start(ap, fmt);
        vsnprintf(msg, sizeof(msg), fmt, ap);
        va_end(ap);
        if (log_journal < 0)
                log_journal = getenv("JOURNAL_STREAM") != NULL;
        if (log_journal) {
                fprintf(stderr, "<%d>%s\n", level, msg);
        } else {
                struct timeval tv;
                struct tm tm;
                char ts[32];
                gettimeofday(&tv, NULL);
                gmtime_r(&tv.tv_sec, &tm);
                strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%S", &tm);
                fprintf(stderr, "%s.%03ldZ %s[%d] %s: %s\n", ts, (long)(tv.tv_usec / 1000), log_ident,
                        (int)getpid(), lname[level & 7], msg);
        }
        errno = saved;
}
