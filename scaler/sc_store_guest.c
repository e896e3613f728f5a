/* sc_store_guest: what a clone's guest reports: its stats and its app's metrics. */
#include "sc_store_int.h"

#include <math.h>
#include <string.h>

#include "ss_util.h"

/* The report and the clone's whole map in one transaction: a pair the app stopped reporting
 * goes with the next report. */
int sc_store_clone_set_guest(struct sc_store *s, const char *id, const struct sc_guest_report *g)
{
        sqlite3_stmt *st = NULL;
        int r;

        pthread_mutex_lock(&s->lock);
        r = exec_locked(s, "BEGIN IMMEDIATE");
        if (r < 0)
                goto out;
        r = prep(s, "UPDATE clones SET guest_ts_us = ?, guest_uptime_s = ?, guest_load1 = ?, "
                    "guest_mem_avail_kib = ? WHERE id = ?", &st);
        if (r < 0)
                goto end;
        sqlite3_bind_int64(st, 1, (int64_t)g->stats.ts_us);
        sqlite3_bind_double(st, 2, g->stats.uptime_s);
        sqlite3_bind_double(st, 3, g->stats.load1);
        sqlite3_bind_int64(st, 4, (int64_t)g->stats.mem_avail_kib);
        sqlite3_bind_text(st, 5, id, -1, SQLITE_STATIC);
        r = step_done(st);
        if (r == 0 && sqlite3_changes(s->db) == 0)
                r = -ENOENT;
        if (r < 0)
                goto end;
        r = prep(s, "DELETE FROM clone_metrics WHERE clone_id = ?", &st);
        if (r < 0)
                goto end;
        sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
        if ((r = step_done(st)) < 0)
                goto end;
        for (size_t i = 0; i < g->n && i < SC_METRICS_MAX; i++) {
                r = prep(s, "INSERT OR REPLACE INTO clone_metrics(clone_id, key, value, updated) "
                            "VALUES (?, ?, ?, ?)", &st);
                if (r < 0)
                        goto end;
                sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
                sqlite3_bind_text(st, 2, g->m[i].key, -1, SQLITE_STATIC);
                sqlite3_bind_double(st, 3, g->m[i].value);
                sqlite3_bind_int64(st, 4, (int64_t)g->stats.ts_us);
                if ((r = step_done(st)) < 0)
                        goto end;
        }
end:
        r = end_tx_locked(s, r, &s->seq.clones);
out:
        pthread_mutex_unlock(&s->lock);
        return r;
}

static void metric_row(sqlite3_stmt *st, void *e)
{
        struct sc_metric *m = e;

        copy_str(m->key, sizeof(m->key), sqlite3_column_text(st, 0));
        m->value = sqlite3_column_double(st, 1);
}

int sc_store_clone_metrics(struct sc_store *s, const char *id, struct sc_metric *ret, size_t max,
                           size_t *n)
{
        sqlite3_stmt *st = NULL;
        size_t k = 0;
        int r;

        pthread_mutex_lock(&s->lock);
        r = prep(s, "SELECT key, value FROM clone_metrics WHERE clone_id = ? ORDER BY key LIMIT ?", &st);
        if (r == 0) {
                int rc = SQLITE_DONE;

                sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
                sqlite3_bind_int64(st, 2, (int64_t)max);
                while (k < max && (rc = sqlite3_step(st)) == SQLITE_ROW)
                        metric_row(st, &ret[k++]);
                if (k < max && rc != SQLITE_DONE)
                        r = sqlite_errno(rc);
        }
        sqlite3_finalize(st);
        pthread_mutex_unlock(&s->lock);
        if (r == 0)
                *n = k;
        return r;
}

bool sc_metric_key_valid(const char *key, size_t len)
{
        if (len == 0 || len > SC_METRIC_KEY_MAX)
                return false;
        for (size_t i = 0; i < len; i++)
                if (!((key[i] >= 'a' && key[i] <= 'z') || (key[i] >= '0' && key[i] <= '9') ||
                      key[i] == '_' || key[i] == '.'))
                        return false;
        return true;
}

/* The agent's own keys; every other key is the app's. */
static bool agent_key(const char *key, double v, struct sc_guest_stats *g)
{
        if (!strcmp(key, "uptime_s"))
                g->uptime_s = v;
        else if (!strcmp(key, "load1"))
                g->load1 = v;
        else if (!strcmp(key, "mem_avail_kib"))
                g->mem_avail_kib = (uint64_t)v;
        else
                return false;
        return true;
}

int sc_guest_stats_parse(const char *line, uint64_t ts_us, struct sc_guest_report *ret)
{
        struct sc_guest_report *g;
        const char *p = line;
        int known = 0;

        if (!line)
                return -EINVAL;
        g = calloc(1, sizeof(*g));
        if (!g)
                return -ENOMEM;
        g->stats.ts_us = ts_us;
        for (;;) {
                char key[SC_METRIC_KEY_MAX + 1], *vend;
                const char *eq, *end;
                size_t klen;
                double v;

                p += strspn(p, " ");
                if (!*p)
                        break;
                eq = strchr(p, '=');
                end = p + strcspn(p, " ");
                klen = eq ? (size_t)(eq - p) : 0;
                /* the guest is not trusted: a token that breaks the agent's own bounds is a broken
                 * (or hostile) agent, and nothing of its line is kept */
                if (!eq || eq > end || !sc_metric_key_valid(p, klen) || end - eq - 1 > SC_METRIC_VALUE_MAX)
                        goto bad;
                memcpy(key, p, klen);
                key[klen] = 0;
                errno = 0;
                v = strtod(eq + 1, &vend);
                if (vend != end || vend == eq + 1 || !isfinite(v) || errno == ERANGE)
                        goto bad;
                if (agent_key(key, v, &g->stats)) {
                        if (!(v >= 0) || v > 1e18)
                                goto bad;
                } else {
                        bool dup = false;

                        for (size_t i = 0; i < g->n; i++)
                                dup = dup || !strcmp(g->m[i].key, key);
                        /* first one wins; beyond SC_METRICS_MAX pairs the rest are dropped */
                        if (!dup && g->n < SC_METRICS_MAX) {
                                memcpy(g->m[g->n].key, key, klen + 1);
                                g->m[g->n++].value = v;
                        }
                }
                known++;
                p = end;
        }
        if (!known)
                goto bad;
        *ret = *g;
        free(g);
        return 0;
bad:
        free(g);
        return -EINVAL;
}
