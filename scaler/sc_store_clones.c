/* sc_store_clones: clones, their ids and their state changes. */
#include "sc_store_int.h"

#include <string.h>

#include <json-c/json.h>

#include "ss_util.h"

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
        r = sc_sto_kv_get_locked(s, "next_clone", v, sizeof(v));
        if (r == 0)
                next = strtoull(v, NULL, 10);
        else if (r != -ENOENT)
                goto end;
        if (next == 0)
                next = 1;
        snprintf(v, sizeof(v), "%llu", next + 1);
        r = sc_sto_kv_set_locked(s, "next_clone", v);
end:
        r = end_tx_locked(s, r, NULL);
        if (r == 0 && (size_t)snprintf(buf, len, "c%llu", next) >= len)
                r = -ENAMETOOLONG;
out:
        pthread_mutex_unlock(&s->lock);
        return r;
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
                goto end;
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
                goto end;
        snprintf(msg, sizeof(msg), "%s %s (generation %lld)", c->id, sc_clone_state_name(c->state),
                 (long long)c->generation);
        r = sc_sto_event_append_locked(s, "clone", msg, data, NULL);
end:
        r = end_tx_locked(s, r, &s->seq.clones);
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
                goto end;
        if (from == to) {
                if (!reason) {
                        exec_locked(s, "ROLLBACK");
                        goto out;
                }
                r = prep(s, "UPDATE clones SET reason = ? WHERE id = ?", &st);
                if (r < 0)
                        goto end;
                sqlite3_bind_text(st, 1, reason, -1, SQLITE_STATIC);
                sqlite3_bind_text(st, 2, id, -1, SQLITE_STATIC);
        } else {
                r = prep(s, "UPDATE clones SET state = ?, state_since_us = ?, "
                            "reason = COALESCE(?, reason) WHERE id = ?", &st);
                if (r < 0)
                        goto end;
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
                goto end;
        if (from != to) {
                data = clone_event_json(id, sc_clone_state_name(from), sc_clone_state_name(to), reason);
                if (!data) {
                        r = -ENOMEM;
                        goto end;
                }
                if (reason && *reason)
                        snprintf(msg, sizeof(msg), "%s %s -> %s: %s", id, sc_clone_state_name(from),
                                 sc_clone_state_name(to), reason);
                else
                        snprintf(msg, sizeof(msg), "%s %s -> %s", id, sc_clone_state_name(from),
                                 sc_clone_state_name(to));
                r = sc_sto_event_append_locked(s, "clone", msg, data, NULL);
                if (r < 0)
                        goto end;
        }
end:
        r = end_tx_locked(s, r, &s->seq.clones);
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
        return sc_sto_list_rows(s, live_only
                                ? "SELECT " CLONE_COLS " FROM clones WHERE state NOT IN ('retired','failed') "
                                  "ORDER BY created_us, rowid LIMIT ?"
                                : "SELECT " CLONE_COLS " FROM clones ORDER BY created_us, rowid LIMIT ?",
                                (int64_t[]){ SC_STORE_LIST_MAX }, 1, sizeof(**ret), clone_row,
                                (void **)ret, n);
}
