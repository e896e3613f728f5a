/* sc_store: SQLite state of snowscaled. See sc_store.h for the contract. */
#include "sc_store.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "ss_util.h"

struct sc_store {
        sqlite3 *db;
        pthread_mutex_t lock;
        pthread_cond_t changed;         /* signalled on every seq change and at shutdown */
        struct sc_store_seq seq;
        bool closing;
        int version;
};

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
};
_Static_assert(sizeof(migrations) / sizeof(migrations[0]) == SC_STORE_SCHEMA_VERSION,
               "one migration per schema version");

static const char *const state_names[SC_CLONE_STATE_COUNT] = {
        "requested", "cloning", "resuming", "checking", "serving", "draining", "retired", "failed",
};

const char *sc_clone_state_name(enum sc_clone_state st)
{
        return (unsigned)st < SC_CLONE_STATE_COUNT ? state_names[st] : "unknown";
}

int sc_clone_state_parse(const char *name, enum sc_clone_state *ret)
{
        for (int i = 0; i < SC_CLONE_STATE_COUNT; i++)
                if (strcmp(name, state_names[i]) == 0) {
                        *ret = (enum sc_clone_state)i;
                        return 0;
                }
        return -EINVAL;
}

bool sc_clone_state_pending(enum sc_clone_state st)
{
        return st <= SC_CLONE_CHECKING;
}

bool sc_clone_state_live(enum sc_clone_state st)
{
        return st != SC_CLONE_RETIRED && st != SC_CLONE_FAILED;
}

static int sqlite_errno(int rc)
{
        switch (rc & 0xff) {
        case SQLITE_OK: case SQLITE_DONE: case SQLITE_ROW: return 0;
        case SQLITE_CONSTRAINT: return -EEXIST;
        case SQLITE_NOTADB: case SQLITE_CORRUPT: return -EBADMSG;
        case SQLITE_READONLY: return -EROFS;
        case SQLITE_CANTOPEN: case SQLITE_PERM: case SQLITE_AUTH: return -EACCES;
        case SQLITE_FULL: return -ENOSPC;
        case SQLITE_NOMEM: return -ENOMEM;
        case SQLITE_BUSY: case SQLITE_LOCKED: return -EBUSY;
        default: return -EIO;
        }
}

static void copy_str(char *dst, size_t len, const unsigned char *src)
{
        snprintf(dst, len, "%s", src ? (const char *)src : "");
}

static void notify_locked(struct sc_store *s)
{
        pthread_cond_broadcast(&s->changed);
}

/* Runs sql with no result rows. Caller holds the lock. */
static int exec_locked(struct sc_store *s, const char *sql)
{
        return sqlite_errno(sqlite3_exec(s->db, sql, NULL, NULL, NULL));
}

/* Prepares sql; on failure returns -errno. */
static int prep(struct sc_store *s, const char *sql, sqlite3_stmt **ret)
{
        int rc = sqlite3_prepare_v2(s->db, sql, -1, ret, NULL);
        if (rc != SQLITE_OK) {
                *ret = NULL;
                return sqlite_errno(rc);
        }
        return 0;
}

/* Steps a statement expected to finish without rows, finalizes it. */
static int step_done(sqlite3_stmt *st)
{
        int rc = sqlite3_step(st);
        int r = rc == SQLITE_DONE ? 0 : sqlite_errno(rc);
        sqlite3_finalize(st);
        return r;
}

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

/* ---- events (locked variants first: clone changes append events in the same transaction) */

static int event_append_locked(struct sc_store *s, const char *kind, const char *message,
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
        int r = event_append_locked(s, kind, message, data_json, ret_id);
        pthread_mutex_unlock(&s->lock);
        return r;
}

/* Makes room for row cnt of an array that doubles as rows arrive; NULL when out of memory (the
 * rows so far stay valid for the caller to free). */
static void *row_slot(void **v, size_t *cap, size_t cnt, size_t elem)
{
        if (cnt == *cap) {
                size_t ncap = *cap ? *cap * 2 : 16;
                void *nv = realloc(*v, ncap * elem);
                if (!nv)
                        return NULL;
                *v = nv;
                *cap = ncap;
        }
        return (char *)*v + cnt * elem;
}

/* Runs a SELECT with its parameters bound from args (n_args integers, in order) and collects
 * every row, converted by from_row, into one malloc'd array (*ret, *n; *ret may be NULL when
 * *n == 0). */
static int list_rows(struct sc_store *s, const char *sql, const int64_t *args, size_t n_args, size_t elem,
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

static int kv_get_locked(struct sc_store *s, const char *key, char *buf, size_t len)
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

static int kv_set_locked(struct sc_store *s, const char *key, const char *value)
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
        int r = kv_get_locked(s, key, buf, len);
        pthread_mutex_unlock(&s->lock);
        return r;
}

int sc_store_kv_set(struct sc_store *s, const char *key, const char *value)
{
        pthread_mutex_lock(&s->lock);
        int r = kv_set_locked(s, key, value);
        pthread_mutex_unlock(&s->lock);
        return r;
}

/* ---- clones ----------------------------------------------------------------------------- */

int sc_store_next_clone_id(struct sc_store *s, char *buf, size_t len)
{
        char v[32];
        unsigned long long next = 1;
        int r;

        pthread_mutex_lock(&s->lock);
        r = exec_locked(s, "BEGIN IMMEDIATE");
        if (r < 0)
                goto out;
        r = kv_get_locked(s, "next_clone", v, sizeof(v));
        if (r == 0)
                next = strtoull(v, NULL, 10);
        else if (r != -ENOENT)
                goto rollback;
        if (next == 0)
                next = 1;
        snprintf(v, sizeof(v), "%llu", next + 1);
        r = kv_set_locked(s, "next_clone", v);
        if (r < 0)
                goto rollback;
        r = exec_locked(s, "COMMIT");
        if (r < 0)
                goto rollback;
        if ((size_t)snprintf(buf, len, "c%llu", next) >= len)
                r = -ENAMETOOLONG;
        goto out;
rollback:
        exec_locked(s, "ROLLBACK");
out:
        pthread_mutex_unlock(&s->lock);
        return r;
}

/* ---- network addresses ------------------------------------------------------------------ */

static void mac_text(const uint8_t m[6], char out[18])
{
        snprintf(out, 18, "%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2], m[3], m[4], m[5]);
}

static bool mac_parse(const char *t, uint8_t m[6])
{
        unsigned v[6];
        if (!t || sscanf(t, "%2x:%2x:%2x:%2x:%2x:%2x", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5]) != 6)
                return false;
        for (int i = 0; i < 6; i++)
                m[i] = (uint8_t)v[i];
        return true;
}

static int addr_row(sqlite3_stmt *st, struct sc_addr *a)
{
        memset(a, 0, sizeof(*a));
        a->ip = (uint32_t)sqlite3_column_int64(st, 0);
        snprintf(a->owner, sizeof(a->owner), "%s", (const char *)sqlite3_column_text(st, 1));
        if (!mac_parse((const char *)sqlite3_column_text(st, 2), a->mac))
                return -EIO;
        a->since_us = (uint64_t)sqlite3_column_int64(st, 3);
        return 0;
}

/* owner's row, or -ENOENT. Caller holds the lock. */
static int addr_get_locked(struct sc_store *s, const char *owner, struct sc_addr *ret)
{
        sqlite3_stmt *st = NULL;
        int r = prep(s, "SELECT ip, owner, mac, since_us FROM addresses WHERE owner = ?", &st);
        if (r < 0)
                return r;
        sqlite3_bind_text(st, 1, owner, -1, SQLITE_TRANSIENT);
        int rc = sqlite3_step(st);
        r = rc == SQLITE_ROW ? addr_row(st, ret) : rc == SQLITE_DONE ? -ENOENT : sqlite_errno(rc);
        sqlite3_finalize(st);
        return r;
}

static int addr_insert_locked(struct sc_store *s, const char *owner, uint32_t ip, const uint8_t mac[6],
                              struct sc_addr *ret)
{
        sqlite3_stmt *st = NULL;
        char mt[18];
        uint64_t now = ss_wall_us();
        int r = prep(s, "INSERT INTO addresses(ip, owner, mac, since_us) VALUES (?, ?, ?, ?)", &st);
        if (r < 0)
                return r;
        mac_text(mac, mt);
        sqlite3_bind_int64(st, 1, ip);
        sqlite3_bind_text(st, 2, owner, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 3, mt, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 4, (int64_t)now);
        r = step_done(st);
        if (r == 0) {
                memset(ret, 0, sizeof(*ret));
                ret->ip = ip;
                snprintf(ret->owner, sizeof(ret->owner), "%s", owner);
                memcpy(ret->mac, mac, 6);
                ret->since_us = now;
        }
        return r;
}

static int count_locked(struct sc_store *s, const char *sql, const char *text, int64_t num, int64_t *ret)
{
        sqlite3_stmt *st = NULL;
        int r = prep(s, sql, &st);
        if (r < 0)
                return r;
        if (text)
                sqlite3_bind_text(st, 1, text, -1, SQLITE_TRANSIENT);
        else
                sqlite3_bind_int64(st, 1, num);
        int rc = sqlite3_step(st);
        r = rc == SQLITE_ROW ? 0 : sqlite_errno(rc);
        if (r == 0)
                *ret = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
        return r;
}

int sc_store_addr_claim(struct sc_store *s, const char *owner, uint32_t first, uint32_t last,
                        void (*mac_of)(const char *owner, unsigned salt, uint8_t mac[6]),
                        struct sc_addr *ret)
{
        sqlite3_stmt *st = NULL;
        uint8_t mac[6];
        char mt[18];
        int64_t held = 0, ip = -1;
        int r;

        if (!owner || !*owner || strlen(owner) >= sizeof(ret->owner) || first > last || !mac_of)
                return -EINVAL;
        pthread_mutex_lock(&s->lock);
        r = exec_locked(s, "BEGIN IMMEDIATE");
        if (r < 0)
                goto out;
        r = addr_get_locked(s, owner, ret);
        if (r != -ENOENT)
                goto commit;            /* held already (0), or an error */
        /* The lowest free address: first itself, or the one after a held address in range whose
         * successor is free (one indexed query, not a walk over the range). */
        r = prep(s, "SELECT MIN(c) FROM (SELECT ?1 AS c WHERE NOT EXISTS (SELECT 1 FROM addresses WHERE ip = ?1)"
                    " UNION ALL SELECT a.ip + 1 FROM addresses a WHERE a.ip >= ?1 AND a.ip < ?2"
                    " AND NOT EXISTS (SELECT 1 FROM addresses b WHERE b.ip = a.ip + 1))", &st);
        if (r < 0)
                goto rollback;
        sqlite3_bind_int64(st, 1, first);
        sqlite3_bind_int64(st, 2, last);
        if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
                ip = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
        if (ip < 0 || ip > last) {
                r = -ENOSPC;
                goto rollback;
        }
        for (unsigned salt = 0;; salt++) {
                if (salt > 1000) {
                        r = -EADDRINUSE;
                        goto rollback;
                }
                mac_of(owner, salt, mac);
                mac_text(mac, mt);
                r = count_locked(s, "SELECT COUNT(*) FROM addresses WHERE mac = ?", mt, 0, &held);
                if (r < 0)
                        goto rollback;
                if (!held)
                        break;
        }
        r = addr_insert_locked(s, owner, (uint32_t)ip, mac, ret);
        if (r < 0)
                goto rollback;
commit:
        if (r == 0)
                r = exec_locked(s, "COMMIT");
        else
                exec_locked(s, "ROLLBACK");
        if (r == 0)
                notify_locked(s);
        goto out;
rollback:
        exec_locked(s, "ROLLBACK");
out:
        pthread_mutex_unlock(&s->lock);
        return r;
}

int sc_store_addr_claim_at(struct sc_store *s, const char *owner, uint32_t ip, const uint8_t mac[6],
                           struct sc_addr *ret)
{
        int r;

        if (!owner || !*owner || strlen(owner) >= sizeof(ret->owner))
                return -EINVAL;
        pthread_mutex_lock(&s->lock);
        r = exec_locked(s, "BEGIN IMMEDIATE");
        if (r < 0)
                goto out;
        r = addr_get_locked(s, owner, ret);
        if (r == 0 && (ret->ip != ip || memcmp(ret->mac, mac, 6))) {
                /* the plan changed (another range or MAC): take the new one */
                sqlite3_stmt *st = NULL;
                r = prep(s, "DELETE FROM addresses WHERE owner = ?", &st);
                if (r == 0) {
                        sqlite3_bind_text(st, 1, owner, -1, SQLITE_TRANSIENT);
                        r = step_done(st);
                }
                if (r == 0)
                        r = -ENOENT;
        }
        if (r == -ENOENT)
                r = addr_insert_locked(s, owner, ip, mac, ret);
        if (r == 0)
                r = exec_locked(s, "COMMIT");
        else
                exec_locked(s, "ROLLBACK");
out:
        pthread_mutex_unlock(&s->lock);
        return r;
}

int sc_store_addr_release(struct sc_store *s, const char *owner)
{
        sqlite3_stmt *st = NULL;
        int r;

        pthread_mutex_lock(&s->lock);
        r = prep(s, "DELETE FROM addresses WHERE owner = ?", &st);
        if (r == 0) {
                sqlite3_bind_text(st, 1, owner, -1, SQLITE_TRANSIENT);
                r = step_done(st);
        }
        if (r == 0)
                notify_locked(s);
        pthread_mutex_unlock(&s->lock);
        return r;
}

int sc_store_addr_list(struct sc_store *s, struct sc_addr **ret, size_t *n)
{
        sqlite3_stmt *st = NULL;
        struct sc_addr *v = NULL;
        size_t have = 0, cap = 0;
        int r, rc;

        *ret = NULL;
        *n = 0;
        pthread_mutex_lock(&s->lock);
        r = prep(s, "SELECT ip, owner, mac, since_us FROM addresses ORDER BY ip LIMIT ?", &st);
        if (r < 0)
                goto out;
        sqlite3_bind_int64(st, 1, SC_STORE_ADDR_MAX);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
                if (have == cap) {
                        size_t nc = cap ? cap * 2 : 16;
                        struct sc_addr *nv = realloc(v, nc * sizeof(*v));
                        if (!nv) {
                                r = -ENOMEM;
                                goto out;
                        }
                        v = nv;
                        cap = nc;
                }
                r = addr_row(st, &v[have]);
                if (r < 0)
                        goto out;
                have++;
        }
        if (rc != SQLITE_DONE)
                r = sqlite_errno(rc);
out:
        sqlite3_finalize(st);
        pthread_mutex_unlock(&s->lock);
        if (r < 0) {
                free(v);
                return r;
        }
        *ret = v;
        *n = have;
        return 0;
}

static char *clone_event_json(const char *id, const char *from, const char *to, const char *reason)
{
        json_object *o = json_object_new_object();
        char *out = NULL;
        if (!o)
                return NULL;
        json_object_object_add(o, "id", json_object_new_string(id));
        json_object_object_add(o, "from", from ? json_object_new_string(from) : NULL);
        json_object_object_add(o, "to", json_object_new_string(to));
        json_object_object_add(o, "reason", reason && *reason ? json_object_new_string(reason) : NULL);
        out = strdup(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN));
        json_object_put(o);
        return out;
}

int sc_store_clone_insert(struct sc_store *s, const struct sc_clone *c)
{
        sqlite3_stmt *st = NULL;
        char *data = NULL, msg[160];
        uint64_t now = ss_wall_us();
        int r;

        if (!c->id[0] || (unsigned)c->state >= SC_CLONE_STATE_COUNT)
                return -EINVAL;
        data = clone_event_json(c->id, NULL, sc_clone_state_name(c->state), c->reason);
        if (!data)
                return -ENOMEM;
        pthread_mutex_lock(&s->lock);
        r = exec_locked(s, "BEGIN IMMEDIATE");
        if (r < 0)
                goto out;
        r = prep(s, "INSERT INTO clones(id, generation, driver, host, address, state, created_us, "
                    "state_since_us, reason, fetch_bytes, fetch_pct, demand_faults, prefetched_pages) "
                    "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)", &st);
        if (r < 0)
                goto rollback;
        sqlite3_bind_text(st, 1, c->id, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, c->generation);
        sqlite3_bind_text(st, 3, c->driver, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, c->host, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 5, c->address, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 6, sc_clone_state_name(c->state), -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 7, (int64_t)(c->created_us ? c->created_us : now));
        sqlite3_bind_int64(st, 8, (int64_t)(c->state_since_us ? c->state_since_us : now));
        sqlite3_bind_text(st, 9, c->reason, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 10, (int64_t)c->fetch.bytes);
        sqlite3_bind_double(st, 11, c->fetch.pct);
        sqlite3_bind_int64(st, 12, (int64_t)c->fetch.demand_faults);
        sqlite3_bind_int64(st, 13, (int64_t)c->fetch.prefetched_pages);
        r = step_done(st);
        if (r < 0)
                goto rollback;
        snprintf(msg, sizeof(msg), "%s %s (generation %lld)", c->id, sc_clone_state_name(c->state),
                 (long long)c->generation);
        r = event_append_locked(s, "clone", msg, data, NULL);
        if (r < 0)
                goto rollback;
        r = exec_locked(s, "COMMIT");
        if (r < 0)
                goto rollback;
        s->seq.clones++;
        notify_locked(s);
        goto out;
rollback:
        exec_locked(s, "ROLLBACK");
out:
        pthread_mutex_unlock(&s->lock);
        free(data);
        return r;
}

static int clone_state_locked(struct sc_store *s, const char *id, enum sc_clone_state *ret)
{
        sqlite3_stmt *st = NULL;
        int r = prep(s, "SELECT state FROM clones WHERE id = ?", &st);
        if (r < 0)
                return r;
        sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
        int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW)
                r = sc_clone_state_parse((const char *)sqlite3_column_text(st, 0), ret);
        else
                r = rc == SQLITE_DONE ? -ENOENT : sqlite_errno(rc);
        sqlite3_finalize(st);
        return r;
}

int sc_store_clone_set_state(struct sc_store *s, const char *id, enum sc_clone_state to,
                             const char *reason)
{
        sqlite3_stmt *st = NULL;
        enum sc_clone_state from = SC_CLONE_FAILED;
        char *data = NULL, msg[400];
        int r;

        if ((unsigned)to >= SC_CLONE_STATE_COUNT)
                return -EINVAL;
        pthread_mutex_lock(&s->lock);
        r = exec_locked(s, "BEGIN IMMEDIATE");
        if (r < 0)
                goto out;
        r = clone_state_locked(s, id, &from);
        if (r < 0)
                goto rollback;
        if (from == to) {
                if (!reason) {
                        exec_locked(s, "ROLLBACK");
                        goto out;
                }
                r = prep(s, "UPDATE clones SET reason = ? WHERE id = ?", &st);
                if (r < 0)
                        goto rollback;
                sqlite3_bind_text(st, 1, reason, -1, SQLITE_STATIC);
                sqlite3_bind_text(st, 2, id, -1, SQLITE_STATIC);
        } else {
                r = prep(s, "UPDATE clones SET state = ?, state_since_us = ?, "
                            "reason = COALESCE(?, reason) WHERE id = ?", &st);
                if (r < 0)
                        goto rollback;
                sqlite3_bind_text(st, 1, sc_clone_state_name(to), -1, SQLITE_STATIC);
                sqlite3_bind_int64(st, 2, (int64_t)ss_wall_us());
                if (reason)
                        sqlite3_bind_text(st, 3, reason, -1, SQLITE_STATIC);
                else
                        sqlite3_bind_null(st, 3);
                sqlite3_bind_text(st, 4, id, -1, SQLITE_STATIC);
        }
        r = step_done(st);
        if (r < 0)
                goto rollback;
        if (from != to) {
                data = clone_event_json(id, sc_clone_state_name(from), sc_clone_state_name(to), reason);
                if (!data) {
                        r = -ENOMEM;
                        goto rollback;
                }
                if (reason && *reason)
                        snprintf(msg, sizeof(msg), "%s %s -> %s: %s", id, sc_clone_state_name(from),
                                 sc_clone_state_name(to), reason);
                else
                        snprintf(msg, sizeof(msg), "%s %s -> %s", id, sc_clone_state_name(from),
                                 sc_clone_state_name(to));
                r = event_append_locked(s, "clone", msg, data, NULL);
                if (r < 0)
                        goto rollback;
        }
        r = exec_locked(s, "COMMIT");
        if (r < 0)
                goto rollback;
        s->seq.clones++;
        notify_locked(s);
        goto out;
rollback:
        exec_locked(s, "ROLLBACK");
out:
        pthread_mutex_unlock(&s->lock);
        free(data);
        return r;
}

/* An UPDATE of one clone row by id; -ENOENT when no row matched. Caller bound params 1..n-1. */
static int clone_update_finish(struct sc_store *s, sqlite3_stmt *st)
{
        int r = step_done(st);
        if (r == 0 && sqlite3_changes(s->db) == 0)
                r = -ENOENT;
        if (r == 0) {
                s->seq.clones++;
                notify_locked(s);
        }
        return r;
}

int sc_store_clone_set_address(struct sc_store *s, const char *id, const char *address)
{
        sqlite3_stmt *st = NULL;
        pthread_mutex_lock(&s->lock);
        int r = prep(s, "UPDATE clones SET address = ? WHERE id = ?", &st);
        if (r == 0) {
                sqlite3_bind_text(st, 1, address ? address : "", -1, SQLITE_STATIC);
                sqlite3_bind_text(st, 2, id, -1, SQLITE_STATIC);
                r = clone_update_finish(s, st);
        }
        pthread_mutex_unlock(&s->lock);
        return r;
}

int sc_store_clone_set_fetch(struct sc_store *s, const char *id, const struct sc_fetch_stats *f)
{
        sqlite3_stmt *st = NULL;
        pthread_mutex_lock(&s->lock);
        int r = prep(s, "UPDATE clones SET fetch_bytes = ?, fetch_pct = ?, demand_faults = ?, "
                        "prefetched_pages = ? WHERE id = ?", &st);
        if (r == 0) {
                sqlite3_bind_int64(st, 1, (int64_t)f->bytes);
                sqlite3_bind_double(st, 2, f->pct);
                sqlite3_bind_int64(st, 3, (int64_t)f->demand_faults);
                sqlite3_bind_int64(st, 4, (int64_t)f->prefetched_pages);
                sqlite3_bind_text(st, 5, id, -1, SQLITE_STATIC);
                r = clone_update_finish(s, st);
        }
        pthread_mutex_unlock(&s->lock);
        return r;
}

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
                goto rollback;
        sqlite3_bind_int64(st, 1, (int64_t)g->stats.ts_us);
        sqlite3_bind_double(st, 2, g->stats.uptime_s);
        sqlite3_bind_double(st, 3, g->stats.load1);
        sqlite3_bind_int64(st, 4, (int64_t)g->stats.mem_avail_kib);
        sqlite3_bind_text(st, 5, id, -1, SQLITE_STATIC);
        r = step_done(st);
        if (r == 0 && sqlite3_changes(s->db) == 0)
                r = -ENOENT;
        if (r < 0)
                goto rollback;
        r = prep(s, "DELETE FROM clone_metrics WHERE clone_id = ?", &st);
        if (r < 0)
                goto rollback;
        sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
        if ((r = step_done(st)) < 0)
                goto rollback;
        for (size_t i = 0; i < g->n && i < SC_METRICS_MAX; i++) {
                r = prep(s, "INSERT OR REPLACE INTO clone_metrics(clone_id, key, value, updated) "
                            "VALUES (?, ?, ?, ?)", &st);
                if (r < 0)
                        goto rollback;
                sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
                sqlite3_bind_text(st, 2, g->m[i].key, -1, SQLITE_STATIC);
                sqlite3_bind_double(st, 3, g->m[i].value);
                sqlite3_bind_int64(st, 4, (int64_t)g->stats.ts_us);
                if ((r = step_done(st)) < 0)
                        goto rollback;
        }
        r = exec_locked(s, "COMMIT");
        if (r < 0)
                goto rollback;
        s->seq.clones++;
        notify_locked(s);
        goto out;
rollback:
        exec_locked(s, "ROLLBACK");
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

#define CLONE_COLS "id, generation, driver, host, address, state, created_us, state_since_us, " \
                   "reason, fetch_bytes, fetch_pct, demand_faults, prefetched_pages, guest_ts_us, " \
                   "guest_uptime_s, guest_load1, guest_mem_avail_kib"

static void clone_from_row(sqlite3_stmt *st, struct sc_clone *c)
{
        memset(c, 0, sizeof(*c));
        copy_str(c->id, sizeof(c->id), sqlite3_column_text(st, 0));
        c->generation = sqlite3_column_int64(st, 1);
        copy_str(c->driver, sizeof(c->driver), sqlite3_column_text(st, 2));
        copy_str(c->host, sizeof(c->host), sqlite3_column_text(st, 3));
        copy_str(c->address, sizeof(c->address), sqlite3_column_text(st, 4));
        if (sc_clone_state_parse((const char *)sqlite3_column_text(st, 5), &c->state) < 0)
                c->state = SC_CLONE_FAILED;
        c->created_us = (uint64_t)sqlite3_column_int64(st, 6);
        c->state_since_us = (uint64_t)sqlite3_column_int64(st, 7);
        copy_str(c->reason, sizeof(c->reason), sqlite3_column_text(st, 8));
        c->fetch.bytes = (uint64_t)sqlite3_column_int64(st, 9);
        c->fetch.pct = sqlite3_column_double(st, 10);
        c->fetch.demand_faults = (uint64_t)sqlite3_column_int64(st, 11);
        c->fetch.prefetched_pages = (uint64_t)sqlite3_column_int64(st, 12);
        c->guest.ts_us = (uint64_t)sqlite3_column_int64(st, 13);
        c->guest.uptime_s = sqlite3_column_double(st, 14);
        c->guest.load1 = sqlite3_column_double(st, 15);
        c->guest.mem_avail_kib = (uint64_t)sqlite3_column_int64(st, 16);
}

int sc_store_clone_get(struct sc_store *s, const char *id, struct sc_clone *ret)
{
        sqlite3_stmt *st = NULL;
        pthread_mutex_lock(&s->lock);
        int r = prep(s, "SELECT " CLONE_COLS " FROM clones WHERE id = ?", &st);
        if (r == 0) {
                sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
                int rc = sqlite3_step(st);
                if (rc == SQLITE_ROW)
                        clone_from_row(st, ret);
                else
                        r = rc == SQLITE_DONE ? -ENOENT : sqlite_errno(rc);
        }
        sqlite3_finalize(st);
        pthread_mutex_unlock(&s->lock);
        return r;
}

static void clone_row(sqlite3_stmt *st, void *e) { clone_from_row(st, e); }

int sc_store_clone_list(struct sc_store *s, bool live_only, struct sc_clone **ret, size_t *n)
{
        return list_rows(s, live_only
                         ? "SELECT " CLONE_COLS " FROM clones WHERE state NOT IN ('retired','failed') "
                           "ORDER BY created_us, rowid LIMIT ?"
                         : "SELECT " CLONE_COLS " FROM clones ORDER BY created_us, rowid LIMIT ?",
                         (int64_t[]){ SC_STORE_LIST_MAX }, 1, sizeof(**ret), clone_row, (void **)ret, n);
}

/* ---- generations ------------------------------------------------------------------------ */

int sc_store_generation_insert(struct sc_store *s, struct sc_generation *g)
{
        sqlite3_stmt *st = NULL;
        char msg[256], data[160];
        int64_t id = g->id;
        int r;

        pthread_mutex_lock(&s->lock);
        r = exec_locked(s, "BEGIN IMMEDIATE");
        if (r < 0)
                goto out;
        if (id == 0) {
                r = prep(s, "SELECT COALESCE(MAX(id),0) + 1 FROM generations", &st);
                if (r < 0)
                        goto rollback;
                if (sqlite3_step(st) == SQLITE_ROW)
                        id = sqlite3_column_int64(st, 0);
                sqlite3_finalize(st);
                st = NULL;
        }
        if (id <= 0) {
                r = -EINVAL;
                goto rollback;
        }
        r = prep(s, "INSERT INTO generations(id, created_us, descriptor, descriptor_bytes, pause_us, "
                    "deleted) VALUES(?,?,?,?,?,?)", &st);
        if (r < 0)
                goto rollback;
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_int64(st, 2, (int64_t)(g->created_us ? g->created_us : ss_wall_us()));
        sqlite3_bind_text(st, 3, g->descriptor, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 4, (int64_t)g->descriptor_bytes);
        sqlite3_bind_int64(st, 5, (int64_t)g->pause_us);
        sqlite3_bind_int(st, 6, g->deleted);
        r = step_done(st);
        if (r < 0)
                goto rollback;
        snprintf(msg, sizeof(msg), "generation %lld cut: descriptor %llu bytes, parent paused %.1f ms",
                 (long long)id, (unsigned long long)g->descriptor_bytes, g->pause_us / 1000.0);
        snprintf(data, sizeof(data), "{\"id\":%lld,\"descriptor_bytes\":%llu,\"pause_us\":%llu}",
                 (long long)id, (unsigned long long)g->descriptor_bytes,
                 (unsigned long long)g->pause_us);
        r = event_append_locked(s, "generation", msg, data, NULL);
        if (r < 0)
                goto rollback;
        r = exec_locked(s, "COMMIT");
        if (r < 0)
                goto rollback;
        g->id = id;
        goto out;
rollback:
        exec_locked(s, "ROLLBACK");
out:
        pthread_mutex_unlock(&s->lock);
        return r;
}

#define GEN_COLS "id, created_us, descriptor, descriptor_bytes, pause_us, deleted"

static void gen_from_row(sqlite3_stmt *st, struct sc_generation *g)
{
        memset(g, 0, sizeof(*g));
        g->id = sqlite3_column_int64(st, 0);
        g->created_us = (uint64_t)sqlite3_column_int64(st, 1);
        copy_str(g->descriptor, sizeof(g->descriptor), sqlite3_column_text(st, 2));
        g->descriptor_bytes = (uint64_t)sqlite3_column_int64(st, 3);
        g->pause_us = (uint64_t)sqlite3_column_int64(st, 4);
        g->deleted = sqlite3_column_int(st, 5) != 0;
}

static int gen_get_one(struct sc_store *s, const char *sql, int64_t id, struct sc_generation *ret)
{
        sqlite3_stmt *st = NULL;
        pthread_mutex_lock(&s->lock);
        int r = prep(s, sql, &st);
        if (r == 0) {
                if (id)
                        sqlite3_bind_int64(st, 1, id);
                int rc = sqlite3_step(st);
                if (rc == SQLITE_ROW)
                        gen_from_row(st, ret);
                else
                        r = rc == SQLITE_DONE ? -ENOENT : sqlite_errno(rc);
        }
        sqlite3_finalize(st);
        pthread_mutex_unlock(&s->lock);
        return r;
}

int sc_store_generation_get(struct sc_store *s, int64_t id, struct sc_generation *ret)
{
        if (id <= 0)
                return -ENOENT;
        return gen_get_one(s, "SELECT " GEN_COLS " FROM generations WHERE id = ?", id, ret);
}

int sc_store_generation_latest(struct sc_store *s, struct sc_generation *ret)
{
        return gen_get_one(s, "SELECT " GEN_COLS " FROM generations WHERE deleted = 0 "
                              "ORDER BY id DESC LIMIT 1", 0, ret);
}

static void gen_row(sqlite3_stmt *st, void *e) { gen_from_row(st, e); }

int sc_store_generation_list(struct sc_store *s, bool include_deleted,
                             struct sc_generation **ret, size_t *n)
{
        return list_rows(s, include_deleted
                         ? "SELECT " GEN_COLS " FROM generations ORDER BY id LIMIT ?"
                         : "SELECT " GEN_COLS " FROM generations WHERE deleted = 0 ORDER BY id LIMIT ?",
                         (int64_t[]){ SC_STORE_LIST_MAX }, 1, sizeof(**ret), gen_row, (void **)ret, n);
}

int sc_store_generation_mark_deleted(struct sc_store *s, int64_t id)
{
        sqlite3_stmt *st = NULL;
        pthread_mutex_lock(&s->lock);
        int r = prep(s, "UPDATE generations SET deleted = 1 WHERE id = ?", &st);
        if (r == 0) {
                sqlite3_bind_int64(st, 1, id);
                r = step_done(st);
                if (r == 0 && sqlite3_changes(s->db) == 0)
                        r = -ENOENT;
        }
        pthread_mutex_unlock(&s->lock);
        return r;
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
        return list_rows(s, "SELECT ts_us, p50_us, p95_us, p99_us, rps, desired, actual FROM history "
                            "WHERE ts_us >= ? ORDER BY ts_us, rowid LIMIT ?",
                         (int64_t[]){ (int64_t)since_us, (int64_t)limit }, 2, sizeof(**ret), history_row,
                         (void **)ret, n);
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
                        goto rollback;
                sqlite3_bind_int64(st, 1, (int64_t)before_us);
                r = step_done(st);
                if (r < 0)
                        goto rollback;
                rows += (uint64_t)sqlite3_changes(s->db);
        }
        /* the maps of the clones just pruned (not counted: they are part of those rows) */
        r = exec_locked(s, "DELETE FROM clone_metrics WHERE clone_id NOT IN (SELECT id FROM clones)");
        if (r < 0)
                goto rollback;
        r = exec_locked(s, "COMMIT");
        if (r < 0)
                goto rollback;
        if (ret_rows)
                *ret_rows = rows;
        goto out;
rollback:
        exec_locked(s, "ROLLBACK");
out:
        pthread_mutex_unlock(&s->lock);
        return r;
}
