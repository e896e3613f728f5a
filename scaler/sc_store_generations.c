/* sc_store_generations: the parent's generations (snapshots clones fork from). */
#include "sc_store_int.h"

#include <string.h>

#include "ss_util.h"

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
                        goto end;
                if (sqlite3_step(st) == SQLITE_ROW)
                        id = sqlite3_column_int64(st, 0);
                sqlite3_finalize(st);
                st = NULL;
        }
        if (id <= 0) {
                r = -EINVAL;
                goto end;
        }
        r = prep(s, "INSERT INTO generations(id, created_us, descriptor, descriptor_bytes, pause_us, "
                    "deleted) VALUES(?,?,?,?,?,?)", &st);
        if (r < 0)
                goto end;
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_int64(st, 2, (int64_t)(g->created_us ? g->created_us : ss_wall_us()));
        sqlite3_bind_text(st, 3, g->descriptor, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 4, (int64_t)g->descriptor_bytes);
        sqlite3_bind_int64(st, 5, (int64_t)g->pause_us);
        sqlite3_bind_int(st, 6, g->deleted);
        r = step_done(st);
        if (r < 0)
                goto end;
        snprintf(msg, sizeof(msg), "generation %lld cut: descriptor %llu bytes, parent paused %.1f ms",
                 (long long)id, (unsigned long long)g->descriptor_bytes, g->pause_us / 1000.0);
        snprintf(data, sizeof(data), "{\"id\":%lld,\"descriptor_bytes\":%llu,\"pause_us\":%llu}",
                 (long long)id, (unsigned long long)g->descriptor_bytes,
                 (unsigned long long)g->pause_us);
        r = sc_sto_event_append_locked(s, "generation", msg, data, NULL);
end:
        r = end_tx_locked(s, r, NULL);
        if (r == 0)
                g->id = id;
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
        return sc_sto_list_rows(s, include_deleted
                                ? "SELECT " GEN_COLS " FROM generations ORDER BY id LIMIT ?"
                                : "SELECT " GEN_COLS " FROM generations WHERE deleted = 0 "
                                  "ORDER BY id LIMIT ?",
                                (int64_t[]){ SC_STORE_LIST_MAX }, 1, sizeof(**ret), gen_row,
                                (void **)ret, n);
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
