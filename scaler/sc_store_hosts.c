/* sc_store_hosts: the worker hosts of a multi-host pool (their last health transition) and the
 * host an address belongs to. */
#include "sc_store_int.h"

#include <string.h>

#include "ss_util.h"

int sc_store_addr_set_host(struct sc_store *s, const char *owner, const char *host)
{
        sqlite3_stmt *st = NULL;
        int r;

        pthread_mutex_lock(&s->lock);
        r = prep(s, "UPDATE addresses SET host = ? WHERE owner = ?", &st);
        if (r == 0) {
                sqlite3_bind_text(st, 1, host, -1, SQLITE_TRANSIENT);
                sqlite3_bind_text(st, 2, owner, -1, SQLITE_TRANSIENT);
                r = step_done(st);
        }
        pthread_mutex_unlock(&s->lock);
        return r;
}

int sc_store_host_set(struct sc_store *s, const char *name, const char *address, bool healthy,
                      const char *error)
{
        sqlite3_stmt *st = NULL;
        int r;

        pthread_mutex_lock(&s->lock);
        r = prep(s, "INSERT INTO hosts(name, address, healthy, since_us, error) VALUES(?1, ?2, ?3, ?4, ?5)"
                    " ON CONFLICT(name) DO UPDATE SET address = ?2, error = ?5,"
                    " since_us = CASE WHEN healthy = ?3 THEN since_us ELSE ?4 END, healthy = ?3", &st);
        if (r == 0) {
                sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
                sqlite3_bind_text(st, 2, address, -1, SQLITE_TRANSIENT);
                sqlite3_bind_int(st, 3, healthy);
                sqlite3_bind_int64(st, 4, (sqlite3_int64)ss_wall_us());
                sqlite3_bind_text(st, 5, error ? error : "", -1, SQLITE_TRANSIENT);
                r = step_done(st);
        }
        pthread_mutex_unlock(&s->lock);
        return r;
}

int sc_store_host_get(struct sc_store *s, const char *name, bool *ret_healthy, uint64_t *ret_since_us)
{
        sqlite3_stmt *st = NULL;
        int r;

        pthread_mutex_lock(&s->lock);
        r = prep(s, "SELECT healthy, since_us FROM hosts WHERE name = ?", &st);
        if (r == 0) {
                sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
                int rc = sqlite3_step(st);
                if (rc == SQLITE_ROW) {
                        *ret_healthy = sqlite3_column_int(st, 0) != 0;
                        *ret_since_us = (uint64_t)sqlite3_column_int64(st, 1);
                } else {
                        r = rc == SQLITE_DONE ? -ENOENT : -EIO;
                }
                sqlite3_finalize(st);
        }
        pthread_mutex_unlock(&s->lock);
        return r;
}
