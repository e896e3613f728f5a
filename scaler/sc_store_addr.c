/* sc_store_addr: network addresses, one per owner, claimed from a range. */
#include "sc_store_int.h"

#include <string.h>

#include "ss_util.h"

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
                goto end;               /* held already (0), or an error */
        /* The lowest free address: first itself, or the one after a held address in range whose
         * successor is free (one indexed query, not a walk over the range). */
        r = prep(s, "SELECT MIN(c) FROM (SELECT ?1 AS c WHERE NOT EXISTS (SELECT 1 FROM addresses WHERE ip = ?1)"
                    " UNION ALL SELECT a.ip + 1 FROM addresses a WHERE a.ip >= ?1 AND a.ip < ?2"
                    " AND NOT EXISTS (SELECT 1 FROM addresses b WHERE b.ip = a.ip + 1))", &st);
        if (r < 0)
                goto end;
        sqlite3_bind_int64(st, 1, first);
        sqlite3_bind_int64(st, 2, last);
        if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
                ip = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
        if (ip < 0 || ip > last) {
                r = -ENOSPC;
                goto end;
        }
        for (unsigned salt = 0;; salt++) {
                if (salt > 1000) {
                        r = -EADDRINUSE;
                        goto end;
                }
                mac_of(owner, salt, mac);
                mac_text(mac, mt);
                r = count_locked(s, "SELECT COUNT(*) FROM addresses WHERE mac = ?", mt, 0, &held);
                if (r < 0)
                        goto end;
                if (!held)
                        break;
        }
        r = addr_insert_locked(s, owner, (uint32_t)ip, mac, ret);
end:
        r = end_tx_locked(s, r, NULL);
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
        r = end_tx_locked(s, r, NULL);
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
