/* sc_store_int: what the store's modules share, for them only (callers see sc_store.h).
 * Modules: sc_store.c open, schema migrations, named values, change notification, retention and
 * the row-list helper; sc_store_clones.c clones and their states; sc_store_guest.c guest metrics;
 * sc_store_addr.c network addresses; sc_store_generations.c generations; sc_store_events.c events
 * and metric history.
 *
 * Locking: one mutex (s->lock) serializes every statement; functions named *_locked expect the
 * caller to hold it. */
#ifndef SC_STORE_INT_H
#define SC_STORE_INT_H

#include <errno.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "sc_store.h"

struct sc_store {
        sqlite3 *db;
        pthread_mutex_t lock;
        pthread_cond_t changed;         /* signalled on every seq change and at shutdown */
        struct sc_store_seq seq;
        bool closing;
        int version;
};

static inline int sqlite_errno(int rc)
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

static inline void copy_str(char *dst, size_t len, const unsigned char *src)
{
        snprintf(dst, len, "%s", src ? (const char *)src : "");
}

static inline void notify_locked(struct sc_store *s)
{
        pthread_cond_broadcast(&s->changed);
}

/* Runs sql with no result rows. Caller holds the lock. */
static inline int exec_locked(struct sc_store *s, const char *sql)
{
        return sqlite_errno(sqlite3_exec(s->db, sql, NULL, NULL, NULL));
}

/* Ends the transaction the caller began with BEGIN IMMEDIATE: COMMIT when r is 0; ROLLBACK when r
 * is an error or the COMMIT fails. A commit bumps *seq (NULL: no sequence) and wakes the waiters.
 * Returns r, or the COMMIT's error. */
static inline int end_tx_locked(struct sc_store *s, int r, uint64_t *seq)
{
        if (r == 0)
                r = exec_locked(s, "COMMIT");
        if (r < 0) {
                exec_locked(s, "ROLLBACK");
                return r;
        }
        if (seq)
                (*seq)++;
        notify_locked(s);
        return 0;
}

/* Prepares sql; on failure returns -errno. */
static inline int prep(struct sc_store *s, const char *sql, sqlite3_stmt **ret)
{
        int rc = sqlite3_prepare_v2(s->db, sql, -1, ret, NULL);
        if (rc != SQLITE_OK) {
                *ret = NULL;
                return sqlite_errno(rc);
        }
        return 0;
}

/* Steps a statement expected to finish without rows, finalizes it. */
static inline int step_done(sqlite3_stmt *st)
{
        int rc = sqlite3_step(st);
        int r = rc == SQLITE_DONE ? 0 : sqlite_errno(rc);
        sqlite3_finalize(st);
        return r;
}

/* Makes room for row cnt of an array that doubles as rows arrive; NULL when out of memory (the
 * rows so far stay valid for the caller to free). */
static inline void *row_slot(void **v, size_t *cap, size_t cnt, size_t elem)
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
int sc_sto_list_rows(struct sc_store *s, const char *sql, const int64_t *args, size_t n_args, size_t elem,
                     void (*from_row)(sqlite3_stmt *st, void *elem), void **ret, size_t *n);

/* Named values (the meta table). Caller holds the lock. */
int sc_sto_kv_get_locked(struct sc_store *s, const char *key, char *buf, size_t len);
int sc_sto_kv_set_locked(struct sc_store *s, const char *key, const char *value);

/* Appends an event and wakes waiters; clone changes call it inside their own transaction.
 * Caller holds the lock. */
int sc_sto_event_append_locked(struct sc_store *s, const char *kind, const char *message,
                               const char *data_json, int64_t *ret_id);

#endif
