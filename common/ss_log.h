/* ss_log: the one logging path of every snowscale program.
 *
 * Libraries never log (they return -errno and a reason); programs log once, at the boundary.
 * Lines go to stderr. Under systemd (JOURNAL_STREAM set) each line starts with the sd-daemon
 * priority prefix "<N>" so journald keeps the level; otherwise with a UTC timestamp. */
#ifndef SS_LOG_H
#define SS_LOG_H

#include <syslog.h>     /* LOG_ERR, LOG_WARNING, LOG_INFO, LOG_DEBUG */

void ss_log_init(const char *ident, int max_level);
void ss_log_set_level(int max_level);
int  ss_log_level(void);
/* "error", "warn", "info", "debug" -> LOG_*; -EINVAL on anything else. */
int  ss_log_parse_level(const char *s);
void ss_log(int level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#define log_error(...) ss_log(LOG_ERR, __VA_ARGS__)
#define log_warn(...)  ss_log(LOG_WARNING, __VA_ARGS__)
#define log_info(...)  ss_log(LOG_INFO, __VA_ARGS__)
#define log_debug(...) ss_log(LOG_DEBUG, __VA_ARGS__)

#endif
