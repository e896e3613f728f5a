/* sc_store: SQLite state of snowscaled: open, schema migrations, named values, change
 * notification and retention. See sc_store.h for the contract, sc_store_int.h for the parts. */
#include "sc_store_int.h"

#include <string.h>
#include <time.h>

#include "ss_util.h"

/* Ordered migrations: migrations[i] brings the schema from version i to i + 1. Append only; never
 * edit a released step (files in the field already ran it). */
static const char *const migrations[] = {
        /* 0 -> 1 */
        "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        "CREATE TABLE clones("
        "  id TEXT PRIMARY KEY, generation INTEGER NOT NULL, driver TEXT NOT NULL,"
        "  host TEXT NOT NULL, address TEXT NOT NULL DEFAULT '', state TEXT NOT NULL,"
        "  created_us INTEGER NOT NULL, state_since_us INTEGER NOT NULL,"
        "  reason TEXT NOT NULL DEFAULT '', fetch_bytes INTEGER NOT NULL DEFAULT 0,"
        "  fetch_pct REAL NOT NULL DEFAULT 0, demand_faults INTEGER NOT NULL DEFAULT 0,"
        "  prefetched_pages INTEGER NOT NULL DEFAULT 0);"
        "CREATE INDEX clones_state ON clones(state);"
        "CREATE TABLE generations("
        "  id INTEGER PRIMARY KEY, created_us INTEGER NOT NULL, descriptor TEXT NOT NULL,"
        "  descriptor_bytes INTEGER NOT NULL, pause_us INTEGER NOT NULL,"
        "  deleted INTEGER NOT NULL DEFAULT 0);"
        /* AUTOINCREMENT: event ids are resume points for SSE clients and must never be reused,
         * even after pruning removed the newest rows' predecessors. */
        "CREATE TABLE events("
        "  id INTEGER PRIMARY KEY AUTOINCREMENT, ts_us INTEGER NOT NULL, kind TEXT NOT NULL,"
        "  message TEXT NOT NULL, data TEXT);"
        "CREATE INDEX events_ts ON events(ts_us);"
        "CREATE TABLE history("
        "  ts_us INTEGER NOT NULL, p50_us REAL NOT NULL, p95_us REAL NOT NULL,"
        "  p99_us REAL NOT NULL, rps REAL NOT NULL, desired INTEGER NOT NULL,"
        "  actual INTEGER NOT NULL);"
        "CREATE INDEX history_ts ON history(ts_us);",
        /* 1 -> 2: the guest agent's last report per clone */
        "ALTER TABLE clones ADD COLUMN guest_ts_us INTEGER NOT NULL DEFAULT 0;"
        "ALTER TABLE clones ADD COLUMN guest_uptime_s REAL NOT NULL DEFAULT 0;"
        "ALTER TABLE clones ADD COLUMN guest_load1 REAL NOT NULL DEFAULT 0;"
        "ALTER TABLE clones ADD COLUMN guest_mem_avail_kib INTEGER NOT NULL DEFAULT 0;"
        "ALTER TABLE clones ADD COLUMN guest_items INTEGER NOT NULL DEFAULT 0;"
        "ALTER TABLE clones ADD COLUMN guest_hits INTEGER NOT NULL DEFAULT 0;"
        "ALTER TABLE clones ADD COLUMN guest_misses INTEGER NOT NULL DEFAULT 0;",
        /* 2 -> 3: the app's metrics are whatever pairs it reports, not columns: the demo's cache
         * counters move into the map (for clones that had a report), their columns go */
        "CREATE TABLE clone_metrics("
        "  clone_id TEXT NOT NULL, key TEXT NOT NULL, value REAL NOT NULL,"
        "  updated INTEGER NOT NULL, PRIMARY KEY (clone_id, key)) WITHOUT ROWID;"
        "INSERT INTO clone_metrics SELECT id, 'items', guest_items, guest_ts_us FROM clones WHERE guest_ts_us > 0;"
        "INSERT INTO clone_metrics SELECT id, 'hits', guest_hits, guest_ts_us FROM clones WHERE guest_ts_us > 0;"
        "INSERT INTO clone_metrics SELECT id, 'misses', guest_misses, guest_ts_us FROM clones WHERE guest_ts_us > 0;"
        "ALTER TABLE clones DROP COLUMN guest_items;"
        "ALTER TABLE clones DROP COLUMN guest_hits;"
        "ALTER TABLE clones DROP COLUMN guest_misses;",
        /* 3 -> 4: the bridge address plan: who holds which IPv4 address and MAC */
        "CREATE TABLE addresses("
        "  ip INTEGER PRIMARY KEY, owner TEXT NOT NULL UNIQUE, mac TEXT NOT NULL UNIQUE,"
        "  since_us INTEGER NOT NULL);",
        /* 4 -> 5: multi-host pools: which host's subnet an address belongs to, clones by host,
         * and each worker host's last health transition */
        "ALTER TABLE addresses ADD COLUMN host TEXT NOT NULL DEFAULT 'localhost';"
        "CREATE INDEX clones_host ON clones(host);"
        "CREATE TABLE hosts("
        "  name TEXT PRIMARY KEY, address TEXT NOT NULL, healthy INTEGER NOT NULL,"
        "  since_us INTEGER NOT NULL, error TEXT NOT NULL DEFAULT '');",
};
_Static_assert(sizeof(migrations) / sizeof(migrations[0]) == SC_STORE_SCHEMA_VERSION,
               "one migration per schema version");
static int read_user_version(sqlite3 *db, int *ret)
{
        sqlite3_stmt *st = NULL;
        int rc = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL);
        if (rc == SQLITE_OK)
                rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
                *ret = sqlite3_column_int(st, 0);
                rc = SQLITE_OK;
        }
        sqlite3_finalize(st);
        return sqlite_errno(rc);
}

static int quick_check(sqlite3 *db)
{
        sqlite3_stmt *st = NULL;
        int r = -EBADMSG;
        int rc = sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &st, NULL);
        if (rc != SQLITE_OK) {
                r = sqlite_errno(rc);
                goto out;
        }
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0)
                r = 0;
        else if (rc != SQLITE_ROW)
                r = sqlite_errno(rc);
out:
        sqlite3_finalize(st);
        return r;
}

int sc_store_open(const char *path, struct sc_store **ret, char *err, size_t errlen)
{
        struct sc_store *s = NULL;
        int r, version = 0;
        char dummy[1];

        if (!err) {
                err = dummy;
                errlen = sizeof(dummy);
        }
        err[0] = 0;
        s = calloc(1, sizeof(*s));
        if (!s)
                return -ENOMEM;
        pthread_mutex_init(&s->lock, NULL);
        pthread_cond_init(&s->changed, NULL);

        /* FULLMUTEX is belt and braces; our own mutex serializes multi-statement work. */
        r = sqlite3_open_v2(path, &s->db,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, NULL);
        if (r != SQLITE_OK) {
                snprintf(err, errlen, "cannot open %s: %s (is the state directory writable?)", path,
                         s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(r));
                r = sqlite_errno(r);
                goto fail;
        }
        sqlite3_busy_timeout(s->db, 5000);
        sqlite3_extended_result_codes(s->db, 0);

        /* Read the version before anything writes: a newer or foreign file must stay untouched. */
        r = read_user_version(s->db, &version);
        if (r < 0) {
                snprintf(err, errlen, "%s is not a snowscale state database (%s); move it away or "
                         "restore a backup", path, sqlite3_errmsg(s->db));
                goto fail;
        }
        if (version > SC_STORE_SCHEMA_VERSION) {
                snprintf(err, errlen, "%s has schema version %d but this snowscaled knows only up to "
                         "%d; run a newer snowscale or restore a backup (the file was not modified)",
                         path, version, SC_STORE_SCHEMA_VERSION);
                r = -EPROTONOSUPPORT;
                goto fail;
        }
        if (version > 0) {
                r = quick_check(s->db);
                if (r < 0) {
                        snprintf(err, errlen, "%s is corrupt (integrity check failed: %s); move it "
                                 "away or restore a backup (the file was not modified)", path,
                                 sqlite3_errmsg(s->db));
                        goto fail;
                }
        }

        r = exec_locked(s, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                           "PRAGMA foreign_keys=ON;");
        if (r < 0) {
                snprintf(err, errlen, "cannot set up %s: %s", path, sqlite3_errmsg(s->db));
                goto fail;
        }
        for (int v = version; v < SC_STORE_SCHEMA_VERSION; v++) {
                char *sql = NULL, *emsg = NULL;
                if (asprintf(&sql, "BEGIN IMMEDIATE; %s PRAGMA user_version=%d; COMMIT;",
                             migrations[v], v + 1) < 0) {
                        r = -ENOMEM;
                        goto fail;
                }
                int rc = sqlite3_exec(s->db, sql, NULL, NULL, &emsg);
                free(sql);
                if (rc != SQLITE_OK) {
                        snprintf(err, errlen, "migrating %s from schema %d to %d failed: %s", path, v,
                                 v + 1, emsg ? emsg : sqlite3_errstr(rc));
                        sqlite3_free(emsg);
                        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
                        r = sqlite_errno(rc);
                        goto fail;
                }
        }
        s->version = SC_STORE_SCHEMA_VERSION;

        /* Seed the change sequence so that waiters start from what is on disk. */
        {
                sqlite3_stmt *st = NULL;
                if (prep(s, "SELECT COALESCE(MAX(id),0) FROM events", &st) == 0 &&
                    sqlite3_step(st) == SQLITE_ROW)
                        s->seq.last_event = sqlite3_column_int64(st, 0);
                sqlite3_finalize(st);
        }
        *ret = s;
        return 0;
fail:
        sqlite3_close(s->db);
        pthread_mutex_destroy(&s->lock);
        pthread_cond_destroy(&s->changed);
        free(s);
        return r;
}

void sc_store_close(struct sc_store *s)
{
        if (!s)
                return;
        sc_store_shutdown_waiters(s);
        sqlite3_close(s->db);
        pthread_cond_destroy(&s->changed);
        pthread_mutex_destroy(&s->lock);
        free(s);
}

int sc_store_schema_version(struct sc_store *s)
{
        return s->version;
}

int sc_sto_list_rows(struct sc_store *s, const char *sql, const int64_t *args, size_t n_args, size_t elem,
                     void (*from_row)(sqlite3_stmt *st, void *elem), void **ret, size_t *n)
{
        sqlite3_stmt *st = NULL;
        void *v = NULL;
        size_t cnt = 0, cap = 0;
        int r, rc;

        pthread_mutex_lock(&s->lock);
        r = prep(s, sql, &st);
        if (r < 0)
                goto out;
        for (size_t i = 0; i < n_args; i++)
                sqlite3_bind_int64(st, (int)i + 1, args[i]);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
                void *slot = row_slot(&v, &cap, cnt, elem);
                if (!slot) {
                        r = -ENOMEM;
                        goto out;
                }
                from_row(st, slot);
                cnt++;
        }
        if (rc != SQLITE_DONE) {
                r = sqlite_errno(rc);
                goto out;
        }
        *ret = v;
        *n = cnt;
        v = NULL;
out:
        sqlite3_finalize(st);
        pthread_mutex_unlock(&s->lock);
        free(v);
        return r;
}
/* ---- change notification ---------------------------------------------------------------- */

void sc_store_seq_get(struct sc_store *s, struct sc_store_seq *ret)
{
        pthread_mutex_lock(&s->lock);
        *ret = s->seq;
        pthread_mutex_unlock(&s->lock);
}

static bool seq_equal(const struct sc_store_seq *a, const struct sc_store_seq *b)
{
        return a->last_event == b->last_event && a->clones == b->clones && a->history == b->history;
}

int sc_store_wait(struct sc_store *s, const struct sc_store_seq *seen, int timeout_ms,
                  struct sc_store_seq *ret)
{
        struct timespec deadline;
        int r = 0;

        clock_gettime(CLOCK_REALTIME, &deadline);
        deadline.tv_sec += timeout_ms / 1000;
        deadline.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
        if (deadline.tv_nsec >= 1000000000L) {
                deadline.tv_sec++;
                deadline.tv_nsec -= 1000000000L;
        }
        pthread_mutex_lock(&s->lock);
        while (!s->closing && seq_equal(seen, &s->seq)) {
                if (pthread_cond_timedwait(&s->changed, &s->lock, &deadline) == ETIMEDOUT) {
                        r = -ETIMEDOUT;
                        break;
                }
        }
        if (s->closing)
                r = -ESHUTDOWN;
        else if (!seq_equal(seen, &s->seq))
                r = 0;
        *ret = s->seq;
        pthread_mutex_unlock(&s->lock);
        return r;
}

void sc_store_shutdown_waiters(struct sc_store *s)
{
        pthread_mutex_lock(&s->lock);
        s->closing = true;
        pthread_cond_broadcast(&s->changed);
        pthread_mutex_unlock(&s->lock);
}

/* ---- named values ----------------------------------------------------------------------- */

int sc_sto_kv_get_locked(struct sc_store *s, const char *key, char *buf, size_t len)
{
        sqlite3_stmt *st = NULL;
        int r = prep(s, "SELECT value FROM meta WHERE key = ?", &st);
        if (r < 0)
                return r;
        sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
        int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW)
                copy_str(buf, len, sqlite3_column_text(st, 0));
        else
                r = rc == SQLITE_DONE ? -ENOENT : sqlite_errno(rc);
        sqlite3_finalize(st);
        return r;
}

int sc_sto_kv_set_locked(struct sc_store *s, const char *key, const char *value)
{
        sqlite3_stmt *st = NULL;
        int r;
        if (value) {
                r = prep(s, "INSERT INTO meta(key, value) VALUES(?, ?) "
                            "ON CONFLICT(key) DO UPDATE SET value = excluded.value", &st);
                if (r < 0)
                        return r;
                sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
        } else {
                r = prep(s, "DELETE FROM meta WHERE key = ?", &st);
                if (r < 0)
                        return r;
        }
        sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
        return step_done(st);
}

int sc_store_kv_get(struct sc_store *s, const char *key, char *buf, size_t len)
{
        pthread_mutex_lock(&s->lock);
        int r = sc_sto_kv_get_locked(s, key, buf, len);
        pthread_mutex_unlock(&s->lock);
        return r;
}

int sc_store_kv_set(struct sc_store *s, const char *key, const char *value)
{
        pthread_mutex_lock(&s->lock);
        int r = sc_sto_kv_set_locked(s, key, value);
        pthread_mutex_unlock(&s->lock);
        return r;
}

/* ---- retention -------------------------------------------------------------------------- */

int sc_store_prune(struct sc_store *s, uint64_t before_us, uint64_t *ret_rows)
{
        static const char *const sqls[] = {
                "DELETE FROM history WHERE ts_us < ?",
                "DELETE FROM events WHERE ts_us < ?",
                "DELETE FROM clones WHERE state IN ('retired','failed') AND state_since_us < ?",
                "DELETE FROM generations WHERE deleted = 1 AND created_us < ?",
        };
        uint64_t rows = 0;
        int r;

        pthread_mutex_lock(&s->lock);
        r = exec_locked(s, "BEGIN IMMEDIATE");
        if (r < 0)
                goto out;
        for (size_t i = 0; i < SS_ARRAY_SIZE(sqls); i++) {
                sqlite3_stmt *st = NULL;
                r = prep(s, sqls[i], &st);
                if (r < 0)
                        goto end;
                sqlite3_bind_int64(st, 1, (int64_t)before_us);
                r = step_done(st);
                if (r < 0)
                        goto end;
                rows += (uint64_t)sqlite3_changes(s->db);
        }
        /* the maps of the clones just pruned (not counted: they are part of those rows) */
        r = exec_locked(s, "DELETE FROM clone_metrics WHERE clone_id NOT IN (SELECT id FROM clones)");
end:
        r = end_tx_locked(s, r, NULL);
        if (r == 0 && ret_rows)
                *ret_rows = rows;
out:
        pthread_mutex_unlock(&s->lock);
        return r;
}
