/* sc_store_events: the event log and the metric history. */
#include "sc_store_int.h"

#include <string.h>

#include "ss_util.h"

/* ---- events (locked variants first: clone changes append events in the same transaction) */

int sc_sto_event_append_locked(struct sc_store *s, const char *kind, const char *message,
                               const char *data_json, int64_t *ret_id)
{
        sqlite3_stmt *st = NULL;
        int r;

        if (!kind || !*kind || strlen(kind) >= sizeof(((struct sc_event *)0)->kind) || !message)
                return -EINVAL;
        r = prep(s, "INSERT INTO events(ts_us, kind, message, data) VALUES(?,?,?,?)", &st);
        if (r < 0)
                return r;
        sqlite3_bind_int64(st, 1, (int64_t)ss_wall_us());
        sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, message, -1, SQLITE_STATIC);
        if (data_json)
                sqlite3_bind_text(st, 4, data_json, -1, SQLITE_STATIC);
        else
                sqlite3_bind_null(st, 4);
        r = step_done(st);
        if (r < 0)
                return r;
        s->seq.last_event = sqlite3_last_insert_rowid(s->db);
        if (ret_id)
                *ret_id = s->seq.last_event;
        notify_locked(s);
        return 0;
}

int sc_store_event_append(struct sc_store *s, const char *kind, const char *message,
                          const char *data_json, int64_t *ret_id)
{
        pthread_mutex_lock(&s->lock);
        int r = sc_sto_event_append_locked(s, kind, message, data_json, ret_id);
        pthread_mutex_unlock(&s->lock);
        return r;
}

int sc_store_event_list(struct sc_store *s, int64_t since_id, size_t limit,
                        struct sc_event **ret, size_t *n)
{
        sqlite3_stmt *st = NULL;
        struct sc_event *v = NULL;
        size_t cnt = 0, cap = 0;
        int r, rc;

        if (limit == 0 || limit > SC_STORE_LIST_MAX)
                limit = SC_STORE_LIST_MAX;
        pthread_mutex_lock(&s->lock);
        r = prep(s, "SELECT id, ts_us, kind, message, data FROM events WHERE id > ? ORDER BY id "
                    "LIMIT ?", &st);
        if (r < 0)
                goto out;
        sqlite3_bind_int64(st, 1, since_id);
        sqlite3_bind_int64(st, 2, (int64_t)limit);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
                if (!row_slot((void **)&v, &cap, cnt, sizeof(*v))) {
                        r = -ENOMEM;
                        goto out;
                }
                struct sc_event *e = &v[cnt];
                memset(e, 0, sizeof(*e));
                e->id = sqlite3_column_int64(st, 0);
                e->ts_us = (uint64_t)sqlite3_column_int64(st, 1);
                copy_str(e->kind, sizeof(e->kind), sqlite3_column_text(st, 2));
                e->message = strdup((const char *)sqlite3_column_text(st, 3));
                if (sqlite3_column_type(st, 4) != SQLITE_NULL)
                        e->data = strdup((const char *)sqlite3_column_text(st, 4));
                cnt++;
                if (!e->message || (sqlite3_column_type(st, 4) != SQLITE_NULL && !e->data)) {
                        r = -ENOMEM;
                        goto out;
                }
        }
        if (rc != SQLITE_DONE) {
                r = sqlite_errno(rc);
                goto out;
        }
        *ret = v;
        *n = cnt;
        v = NULL;
        cnt = 0;
out:
        sqlite3_finalize(st);
        pthread_mutex_unlock(&s->lock);
        sc_store_events_free(v, cnt);
        return r;
}

void sc_store_events_free(struct sc_event *v, size_t n)
{
        for (size_t i = 0; i < n; i++) {
                free(v[i].message);
                free(v[i].data);
        }
        free(v);
}

/* ---- history ---------------------------------------------------------------------------- */

int sc_store_history_append(struct sc_store *s, const struct sc_history_point *p)
{
        sqlite3_stmt *st = NULL;
        pthread_mutex_lock(&s->lock);
        int r = prep(s, "INSERT INTO history(ts_us, p50_us, p95_us, p99_us, rps, desired, actual) "
                        "VALUES(?,?,?,?,?,?,?)", &st);
        if (r == 0) {
                sqlite3_bind_int64(st, 1, (int64_t)(p->ts_us ? p->ts_us : ss_wall_us()));
                sqlite3_bind_double(st, 2, p->p50_us);
                sqlite3_bind_double(st, 3, p->p95_us);
                sqlite3_bind_double(st, 4, p->p99_us);
                sqlite3_bind_double(st, 5, p->rps);
                sqlite3_bind_int(st, 6, p->desired);
                sqlite3_bind_int(st, 7, p->actual);
                r = step_done(st);
        }
        if (r == 0) {
                s->seq.history++;
                notify_locked(s);
        }
        pthread_mutex_unlock(&s->lock);
        return r;
}

static void history_row(sqlite3_stmt *st, void *e)
{
        struct sc_history_point *p = e;

        p->ts_us = (uint64_t)sqlite3_column_int64(st, 0);
        p->p50_us = sqlite3_column_double(st, 1);
        p->p95_us = sqlite3_column_double(st, 2);
        p->p99_us = sqlite3_column_double(st, 3);
        p->rps = sqlite3_column_double(st, 4);
        p->desired = sqlite3_column_int(st, 5);
        p->actual = sqlite3_column_int(st, 6);
}

int sc_store_history_list(struct sc_store *s, uint64_t since_us, size_t limit,
                          struct sc_history_point **ret, size_t *n)
{
        if (limit == 0 || limit > SC_STORE_HISTORY_MAX)
                limit = SC_STORE_HISTORY_MAX;
        return sc_sto_list_rows(s, "SELECT ts_us, p50_us, p95_us, p99_us, rps, desired, actual FROM history "
                                   "WHERE ts_us >= ? ORDER BY ts_us, rowid LIMIT ?",
                                (int64_t[]){ (int64_t)since_us, (int64_t)limit }, 2, sizeof(**ret),
                                history_row, (void **)ret, n);
}
