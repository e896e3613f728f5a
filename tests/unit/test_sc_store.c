/* sc_store: schema migrations, refusal of newer-schema and corrupt files (left untouched),
 * clones and their events, persistent clone ids, generations, history, retention, waiting. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <pthread.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "sc_store.h"
#include "ss_util.h"

static char dir[256];
static char path[300];

static int setup(void **state)
{
        (void)state;
        snprintf(dir, sizeof(dir), "%s/sc_store_test.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
        if (!mkdtemp(dir))
                return -1;
        snprintf(path, sizeof(path), "%s/state.db", dir);
        return 0;
}

static int teardown(void **state)
{
        (void)state;
        char cmd[400];
        snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
        return system(cmd) == 0 ? 0 : -1;
}

static struct sc_store *open_ok(void)
{
        struct sc_store *s = NULL;
        char err[512] = "";
        int r = sc_store_open(path, &s, err, sizeof(err));
        if (r != 0)
                fail_msg("open: %d %s", r, err);
        return s;
}

static void test_fresh_and_reopen(void **state)
{
        (void)state;
        struct sc_store *s = open_ok();
        assert_int_equal(sc_store_schema_version(s), SC_STORE_SCHEMA_VERSION);
        char id[32];
        assert_int_equal(sc_store_next_clone_id(s, id, sizeof(id)), 0);
        assert_string_equal(id, "c1");
        assert_int_equal(sc_store_next_clone_id(s, id, sizeof(id)), 0);
        assert_string_equal(id, "c2");
        struct sc_history_point p = { .ts_us = 1000, .p95_us = 4100, .rps = 20, .desired = 3, .actual = 2 };
        assert_int_equal(sc_store_history_append(s, &p), 0);
        assert_int_equal(sc_store_kv_set(s, "manual_desired", "4"), 0);
        sc_store_close(s);

        /* a restart keeps everything and never reuses a clone id */
        s = open_ok();
        assert_int_equal(sc_store_next_clone_id(s, id, sizeof(id)), 0);
        assert_string_equal(id, "c3");
        struct sc_history_point *v = NULL;
        size_t n = 0;
        assert_int_equal(sc_store_history_list(s, 0, 0, &v, &n), 0);
        assert_int_equal(n, 1);
        assert_true(v[0].p95_us == 4100 && v[0].desired == 3 && v[0].actual == 2);
        free(v);
        char buf[16];
        assert_int_equal(sc_store_kv_get(s, "manual_desired", buf, sizeof(buf)), 0);
        assert_string_equal(buf, "4");
        assert_int_equal(sc_store_kv_set(s, "manual_desired", NULL), 0);
        assert_int_equal(sc_store_kv_get(s, "manual_desired", buf, sizeof(buf)), -ENOENT);
        sc_store_close(s);
}

static int read_file(const char *p, char **buf, size_t *len)
{
        return ss_read_file(p, 64 << 20, buf, len);
}

static void test_newer_schema_refused(void **state)
{
        (void)state;
        struct sc_store *s = open_ok();
        struct sc_history_point p = { .ts_us = 5, .p95_us = 1 };
        assert_int_equal(sc_store_history_append(s, &p), 0);
        sc_store_close(s);
        /* as a future snowscale would leave it */
        sqlite3 *db;
        assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
        assert_int_equal(sqlite3_exec(db, "PRAGMA journal_mode=DELETE; PRAGMA user_version=99", NULL, NULL, NULL), SQLITE_OK);
        sqlite3_close(db);
        char *before = NULL, *after = NULL;
        size_t lb, la;
        assert_int_equal(read_file(path, &before, &lb), 0);

        char err[512] = "";
        s = NULL;
        assert_int_equal(sc_store_open(path, &s, err, sizeof(err)), -EPROTONOSUPPORT);
        assert_null(s);
        assert_non_null(strstr(err, "schema version 99"));
        assert_non_null(strstr(err, "not modified"));
        assert_int_equal(read_file(path, &after, &la), 0);
        assert_int_equal(la, lb);
        assert_memory_equal(before, after, lb);
        free(before);
        free(after);
}

static void test_corrupt_refused(void **state)
{
        (void)state;
        char *before = NULL, *after = NULL;
        size_t lb, la;
        char junk[8192];
        for (size_t i = 0; i < sizeof(junk); i++)
                junk[i] = (char)(i * 7 + 3);
        assert_int_equal(ss_write_file_atomic(path, junk, sizeof(junk), 0600), 0);
        assert_int_equal(read_file(path, &before, &lb), 0);
        char err[512] = "";
        struct sc_store *s = NULL;
        assert_int_equal(sc_store_open(path, &s, err, sizeof(err)), -EBADMSG);
        assert_non_null(strstr(err, "not a snowscale state database"));
        assert_int_equal(read_file(path, &after, &la), 0);
        assert_int_equal(la, lb);
        assert_memory_equal(before, after, lb);
        free(before);
        free(after);

        /* a real database whose pages were damaged */
        unlink(path);
        s = open_ok();
        for (int i = 0; i < 2000; i++) {
                struct sc_history_point p = { .ts_us = (uint64_t)i, .p95_us = i };
                assert_int_equal(sc_store_history_append(s, &p), 0);
        }
        sc_store_close(s);
        int fd = open(path, O_WRONLY | O_CLOEXEC);
        assert_true(fd >= 0);
        char zeros[4096];
        memset(zeros, 0xA5, sizeof(zeros));
        assert_int_equal(pwrite(fd, zeros, sizeof(zeros), 4096 * 3), (ssize_t)sizeof(zeros));
        close(fd);
        s = NULL;
        int r = sc_store_open(path, &s, err, sizeof(err));
        assert_int_equal(r, -EBADMSG);
        assert_null(s);
}

static void test_unwritable(void **state)
{
        (void)state;
        char p[400];
        snprintf(p, sizeof(p), "%s/missing-dir/state.db", dir);
        char err[512] = "";
        struct sc_store *s = NULL;
        assert_int_equal(sc_store_open(p, &s, err, sizeof(err)), -EACCES);
        assert_non_null(strstr(err, "cannot open"));
}

static void test_clones_and_events(void **state)
{
        (void)state;
        struct sc_store *s = open_ok();
        struct sc_clone c = { .generation = 1, .state = SC_CLONE_REQUESTED };
        assert_int_equal(sc_store_next_clone_id(s, c.id, sizeof(c.id)), 0);
        strcpy(c.driver, "qemu");
        strcpy(c.host, "localhost");
        assert_int_equal(sc_store_clone_insert(s, &c), 0);
        assert_int_equal(sc_store_clone_insert(s, &c), -EEXIST);
        assert_int_equal(sc_store_clone_set_state(s, c.id, SC_CLONE_CLONING, NULL), 0);
        assert_int_equal(sc_store_clone_set_address(s, c.id, "127.0.0.1:18001"), 0);
        struct sc_fetch_stats f = { .bytes = 7340032, .pct = 2.7, .demand_faults = 1585, .prefetched_pages = 3 };
        assert_int_equal(sc_store_clone_set_fetch(s, c.id, &f), 0);
        assert_int_equal(sc_store_clone_set_state(s, c.id, SC_CLONE_FAILED, "guest did not answer"), 0);
        assert_int_equal(sc_store_clone_set_state(s, "c999", SC_CLONE_FAILED, "x"), -ENOENT);
        assert_int_equal(sc_store_clone_set_fetch(s, "c999", &f), -ENOENT);

        struct sc_clone g;
        assert_int_equal(sc_store_clone_get(s, c.id, &g), 0);
        assert_int_equal(g.state, SC_CLONE_FAILED);
        assert_string_equal(g.address, "127.0.0.1:18001");
        assert_string_equal(g.reason, "guest did not answer");
        assert_true(g.fetch.bytes == 7340032 && g.fetch.demand_faults == 1585 && g.fetch.pct == 2.7);
        assert_true(g.state_since_us >= g.created_us && g.created_us > 0);

        struct sc_clone c2 = c;
        assert_int_equal(sc_store_next_clone_id(s, c2.id, sizeof(c2.id)), 0);
        c2.state = SC_CLONE_SERVING;
        c2.reason[0] = 0;
        assert_int_equal(sc_store_clone_insert(s, &c2), 0);
        struct sc_clone *v = NULL;
        size_t n;
        assert_int_equal(sc_store_clone_list(s, false, &v, &n), 0);
        assert_int_equal(n, 2);
        free(v);
        assert_int_equal(sc_store_clone_list(s, true, &v, &n), 0);
        assert_int_equal(n, 1);
        assert_string_equal(v[0].id, c2.id);
        free(v);

        struct sc_event *ev = NULL;
        assert_int_equal(sc_store_event_list(s, 0, 100, &ev, &n), 0);
        /* insert, ->cloning, ->failed, insert of c2 */
        assert_int_equal(n, 4);
        assert_string_equal(ev[0].kind, "clone");
        assert_non_null(strstr(ev[1].data, "\"from\":\"requested\""));
        assert_non_null(strstr(ev[1].data, "\"to\":\"cloning\""));
        assert_non_null(strstr(ev[2].message, "guest did not answer"));
        int64_t last = ev[3].id;
        assert_true(ev[0].id < ev[1].id && ev[1].id < ev[2].id);
        sc_store_events_free(ev, n);
        assert_int_equal(sc_store_event_list(s, last - 1, 100, &ev, &n), 0);
        assert_int_equal(n, 1);
        sc_store_events_free(ev, n);
        assert_int_equal(sc_store_event_append(s, "bogus-kind-that-is-too-long", "m", NULL, NULL), -EINVAL);
        sc_store_close(s);
}

/* The schema the first release wrote (version 1), as SQL: the migration tests start from it. */
#define SCHEMA_1_SQL                                                                                 \
        "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"                              \
        "CREATE TABLE clones(id TEXT PRIMARY KEY, generation INTEGER NOT NULL, driver TEXT NOT NULL," \
        "  host TEXT NOT NULL, address TEXT NOT NULL DEFAULT '', state TEXT NOT NULL,"              \
        "  created_us INTEGER NOT NULL, state_since_us INTEGER NOT NULL,"                           \
        "  reason TEXT NOT NULL DEFAULT '', fetch_bytes INTEGER NOT NULL DEFAULT 0,"                \
        "  fetch_pct REAL NOT NULL DEFAULT 0, demand_faults INTEGER NOT NULL DEFAULT 0,"            \
        "  prefetched_pages INTEGER NOT NULL DEFAULT 0);"                                           \
        "CREATE INDEX clones_state ON clones(state);"                                               \
        "CREATE TABLE generations(id INTEGER PRIMARY KEY, created_us INTEGER NOT NULL,"             \
        "  descriptor TEXT NOT NULL, descriptor_bytes INTEGER NOT NULL, pause_us INTEGER NOT NULL," \
        "  deleted INTEGER NOT NULL DEFAULT 0);"                                                    \
        "CREATE TABLE events(id INTEGER PRIMARY KEY AUTOINCREMENT, ts_us INTEGER NOT NULL,"         \
        "  kind TEXT NOT NULL, message TEXT NOT NULL, data TEXT);"                                  \
        "CREATE INDEX events_ts ON events(ts_us);"                                                  \
        "CREATE TABLE history(ts_us INTEGER NOT NULL, p50_us REAL NOT NULL, p95_us REAL NOT NULL,"  \
        "  p99_us REAL NOT NULL, rps REAL NOT NULL, desired INTEGER NOT NULL, actual INTEGER NOT NULL);" \
        "CREATE INDEX history_ts ON history(ts_us);"

/* Value of key in the clone's metric map; NAN when absent. */
static double metric(struct sc_store *s, const char *id, const char *key)
{
        struct sc_metric m[SC_METRICS_MAX];
        size_t n = 99;

        assert_int_equal(sc_store_clone_metrics(s, id, m, SC_METRICS_MAX, &n), 0);
        for (size_t i = 0; i < n; i++)
                if (!strcmp(m[i].key, key))
                        return m[i].value;
        return NAN;
}

static size_t metric_count(struct sc_store *s, const char *id)
{
        struct sc_metric m[SC_METRICS_MAX];
        size_t n = 99;

        assert_int_equal(sc_store_clone_metrics(s, id, m, SC_METRICS_MAX, &n), 0);
        return n;
}

/* The guest agent's reports: parsed strictly, stored per clone, and a schema-1 file (before
 * the guest columns existed) is migrated with its rows intact. */
static void test_guest_stats(void **state)
{
        (void)state;
        struct sc_guest_report g;

        assert_int_equal(sc_guest_stats_parse("uptime_s=631.20 load1=0.08 mem_avail_kib=201344 items=64 "
                                              "hits=1830 misses=170", 42, &g), 0);
        assert_true(g.stats.ts_us == 42 && g.stats.uptime_s == 631.2 && g.stats.load1 == 0.08 &&
                    g.stats.mem_avail_kib == 201344);
        /* the app's pairs, in the order reported */
        assert_int_equal(g.n, 3);
        assert_string_equal(g.m[0].key, "items");
        assert_true(g.m[0].value == 64 && g.m[1].value == 1830 && g.m[2].value == 170);
        assert_string_equal(g.m[2].key, "misses");
        assert_int_equal(sc_guest_stats_parse("hits=5 future_key=7", 1, &g), 0);      /* unknown keys are fine */
        assert_true(g.n == 2 && g.m[0].value == 5 && !strcmp(g.m[1].key, "future_key"));
        assert_int_equal(sc_guest_stats_parse("", 1, &g), -EINVAL);
        assert_int_equal(sc_guest_stats_parse("garbage", 1, &g), -EINVAL);
        assert_int_equal(sc_guest_stats_parse("hits=12x", 1, &g), -EINVAL);
        assert_int_equal(sc_guest_stats_parse("mem_avail_kib=-3", 1, &g), -EINVAL);

        /* a schema-1 store, as the first release wrote it, with one clone */
        sqlite3 *db;
        assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
        assert_int_equal(sqlite3_exec(db, SCHEMA_1_SQL
                "INSERT INTO clones(id, generation, driver, host, address, state, created_us, state_since_us)"
                "  VALUES('c3', 1, 'qemu', 'localhost', '127.0.0.1:18003', 'serving', 10, 20);"
                "PRAGMA user_version=1;", NULL, NULL, NULL), SQLITE_OK);
        sqlite3_close(db);

        struct sc_store *s = open_ok();
        assert_int_equal(sc_store_schema_version(s), SC_STORE_SCHEMA_VERSION);
        struct sc_clone c;
        assert_int_equal(sc_store_clone_get(s, "c3", &c), 0);
        assert_int_equal(c.state, SC_CLONE_SERVING);
        assert_string_equal(c.address, "127.0.0.1:18003");
        assert_true(c.guest.ts_us == 0 && metric_count(s, "c3") == 0);       /* no report yet */

        assert_int_equal(sc_guest_stats_parse("uptime_s=5 hits=99 misses=1 items=3", 1234, &g), 0);
        assert_int_equal(sc_store_clone_set_guest(s, "c3", &g), 0);
        assert_int_equal(sc_store_clone_set_guest(s, "c999", &g), -ENOENT);
        assert_int_equal(metric_count(s, "c999"), 0);
        assert_int_equal(sc_store_clone_get(s, "c3", &c), 0);
        assert_true(c.guest.ts_us == 1234 && metric(s, "c3", "hits") == 99 && metric(s, "c3", "misses") == 1 &&
                    metric(s, "c3", "items") == 3);
        assert_true(c.guest.uptime_s == 5);
        sc_store_close(s);
}

/* Whatever pairs the app reports, bounded: 32 per clone, keys [a-z0-9_.]{1,48}, numbers only; a
 * report replaces the clone's whole map (a pair the app dropped goes). */
static void test_guest_metrics_generic(void **state)
{
        (void)state;
        struct sc_guest_report g;
        char line[4096], key49[64];
        size_t len = 0;

        assert_int_equal(sc_guest_stats_parse("queue.depth=3 temp_delta=-1.5 req.total=1e3 load1=0.5", 7, &g), 0);
        assert_true(g.n == 3 && g.m[1].value == -1.5 && g.m[2].value == 1000 && g.stats.load1 == 0.5);
        /* first of a key wins */
        assert_int_equal(sc_guest_stats_parse("a=1 a=2", 7, &g), 0);
        assert_true(g.n == 1 && g.m[0].value == 1);
        /* keys outside the alphabet or too long, and values that are no finite number */
        assert_int_equal(sc_guest_stats_parse("Upper=1", 7, &g), -EINVAL);
        assert_int_equal(sc_guest_stats_parse("sp-ace=1", 7, &g), -EINVAL);
        assert_int_equal(sc_guest_stats_parse("=1", 7, &g), -EINVAL);
        assert_int_equal(sc_guest_stats_parse("k=", 7, &g), -EINVAL);
        assert_int_equal(sc_guest_stats_parse("k=nan", 7, &g), -EINVAL);
        assert_int_equal(sc_guest_stats_parse("k=inf", 7, &g), -EINVAL);
        assert_int_equal(sc_guest_stats_parse("k=1e999", 7, &g), -EINVAL);
        memset(key49, 'k', 49);
        key49[49] = 0;
        snprintf(line, sizeof(line), "%s=1", key49);
        assert_int_equal(sc_guest_stats_parse(line, 7, &g), -EINVAL);
        snprintf(line, sizeof(line), "%.48s=1", key49);
        assert_int_equal(sc_guest_stats_parse(line, 7, &g), 0);
        /* 40 pairs: the first 32 are kept */
        for (int i = 0; i < 40; i++)
                len += (size_t)snprintf(line + len, sizeof(line) - len, "m%02d=%d ", i, i);
        assert_int_equal(sc_guest_stats_parse(line, 9, &g), 0);
        assert_int_equal(g.n, SC_METRICS_MAX);
        assert_string_equal(g.m[31].key, "m31");

        struct sc_store *s = open_ok();
        struct sc_clone c = { .generation = 1, .state = SC_CLONE_SERVING };
        strcpy(c.id, "c1");
        strcpy(c.driver, "qemu");
        strcpy(c.host, "localhost");
        assert_int_equal(sc_store_clone_insert(s, &c), 0);
        assert_int_equal(sc_store_clone_set_guest(s, "c1", &g), 0);
        assert_int_equal(metric_count(s, "c1"), SC_METRICS_MAX);
        assert_true(metric(s, "c1", "m07") == 7);
        assert_int_equal(sc_guest_stats_parse("uptime_s=3 only=1", 10, &g), 0);
        assert_int_equal(sc_store_clone_set_guest(s, "c1", &g), 0);
        assert_int_equal(metric_count(s, "c1"), 1);
        assert_true(metric(s, "c1", "only") == 1 && isnan(metric(s, "c1", "m07")));
        /* a pruned clone takes its map with it */
        assert_int_equal(sc_store_clone_set_state(s, "c1", SC_CLONE_RETIRED, NULL), 0);
        assert_int_equal(sc_store_prune(s, ss_wall_us() + 1000000, NULL), 0);
        assert_int_equal(sc_store_clone_get(s, "c1", &c), -ENOENT);
        sqlite3 *db;
        sqlite3_stmt *st;
        sc_store_close(s);
        assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
        assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM clone_metrics", -1, &st, NULL), SQLITE_OK);
        assert_int_equal(sqlite3_step(st), SQLITE_ROW);
        assert_int_equal(sqlite3_column_int(st, 0), 0);
        sqlite3_finalize(st);
        sqlite3_close(db);
}

/* A schema-2 file (the demo's cache counters as clone columns) migrates to the generic map: the
 * counters of clones that had a report become their pairs, a clone without a report gets none,
 * and the old columns are gone. */
static void test_migrate_guest_columns(void **state)
{
        (void)state;
        sqlite3 *db;
        sqlite3_stmt *st;

        assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
        assert_int_equal(sqlite3_exec(db, SCHEMA_1_SQL
                "ALTER TABLE clones ADD COLUMN guest_ts_us INTEGER NOT NULL DEFAULT 0;"
                "ALTER TABLE clones ADD COLUMN guest_uptime_s REAL NOT NULL DEFAULT 0;"
                "ALTER TABLE clones ADD COLUMN guest_load1 REAL NOT NULL DEFAULT 0;"
                "ALTER TABLE clones ADD COLUMN guest_mem_avail_kib INTEGER NOT NULL DEFAULT 0;"
                "ALTER TABLE clones ADD COLUMN guest_items INTEGER NOT NULL DEFAULT 0;"
                "ALTER TABLE clones ADD COLUMN guest_hits INTEGER NOT NULL DEFAULT 0;"
                "ALTER TABLE clones ADD COLUMN guest_misses INTEGER NOT NULL DEFAULT 0;"
                "INSERT INTO clones(id, generation, driver, host, address, state, created_us, state_since_us,"
                "  guest_ts_us, guest_uptime_s, guest_load1, guest_mem_avail_kib, guest_items, guest_hits,"
                "  guest_misses)"
                "  VALUES('c4', 1, 'qemu', 'localhost', '127.0.0.1:18004', 'serving', 10, 20,"
                "         555, 631.5, 0.25, 201344, 64, 1830, 170);"
                "INSERT INTO clones(id, generation, driver, host, address, state, created_us, state_since_us)"
                "  VALUES('c5', 1, 'qemu', 'localhost', '127.0.0.1:18005', 'checking', 30, 40);"
                "PRAGMA user_version=2;", NULL, NULL, NULL), SQLITE_OK);
        sqlite3_close(db);

        struct sc_store *s = open_ok();
        struct sc_clone c;
        assert_int_equal(sc_store_schema_version(s), SC_STORE_SCHEMA_VERSION);
        assert_int_equal(sc_store_clone_get(s, "c4", &c), 0);
        assert_true(c.guest.ts_us == 555 && c.guest.uptime_s == 631.5 && c.guest.load1 == 0.25 &&
                    c.guest.mem_avail_kib == 201344);
        assert_int_equal(metric_count(s, "c4"), 3);
        assert_true(metric(s, "c4", "items") == 64 && metric(s, "c4", "hits") == 1830 &&
                    metric(s, "c4", "misses") == 170);
        assert_int_equal(sc_store_clone_get(s, "c5", &c), 0);
        assert_int_equal(c.state, SC_CLONE_CHECKING);
        assert_int_equal(metric_count(s, "c5"), 0);
        sc_store_close(s);

        assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
        assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM pragma_table_info('clones') "
                                                "WHERE name IN ('guest_items','guest_hits','guest_misses')",
                                            -1, &st, NULL), SQLITE_OK);
        assert_int_equal(sqlite3_step(st), SQLITE_ROW);
        assert_int_equal(sqlite3_column_int(st, 0), 0);
        sqlite3_finalize(st);
        sqlite3_close(db);
}

/* A schema-4 file (one host: addresses without a host) migrates to schema 5: its rows keep their
 * place and read as "localhost", clones are indexed by host, and worker hosts' health is kept
 * with the time of its last change. */
static void test_migrate_hosts(void **state)
{
        (void)state;
        sqlite3 *db;
        sqlite3_stmt *st;
        struct sc_clone c;
        bool healthy;
        uint64_t since, since2;

        assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
        assert_int_equal(sqlite3_exec(db, SCHEMA_1_SQL
                "ALTER TABLE clones ADD COLUMN guest_ts_us INTEGER NOT NULL DEFAULT 0;"
                "ALTER TABLE clones ADD COLUMN guest_uptime_s REAL NOT NULL DEFAULT 0;"
                "ALTER TABLE clones ADD COLUMN guest_load1 REAL NOT NULL DEFAULT 0;"
                "ALTER TABLE clones ADD COLUMN guest_mem_avail_kib INTEGER NOT NULL DEFAULT 0;"
                "CREATE TABLE clone_metrics("
                "  clone_id TEXT NOT NULL, key TEXT NOT NULL, value REAL NOT NULL,"
                "  updated INTEGER NOT NULL, PRIMARY KEY (clone_id, key)) WITHOUT ROWID;"
                "CREATE TABLE addresses("
                "  ip INTEGER PRIMARY KEY, owner TEXT NOT NULL UNIQUE, mac TEXT NOT NULL UNIQUE,"
                "  since_us INTEGER NOT NULL);"
                "INSERT INTO clones(id, generation, driver, host, address, state, created_us, state_since_us)"
                "  VALUES('c7', 1, 'qemu', 'localhost', '10.77.0.12:80', 'serving', 10, 20);"
                "INSERT INTO addresses VALUES(172818444, 'c7', '02:5e:00:00:00:07', 5);"
                "PRAGMA user_version=4;", NULL, NULL, NULL), SQLITE_OK);
        sqlite3_close(db);

        struct sc_store *s = open_ok();
        assert_int_equal(sc_store_schema_version(s), SC_STORE_SCHEMA_VERSION);
        assert_int_equal(sc_store_clone_get(s, "c7", &c), 0);
        assert_string_equal(c.host, "localhost");
        assert_int_equal(sc_store_host_get(s, "h1", &healthy, &since), -ENOENT);
        assert_int_equal(sc_store_host_set(s, "h1", "10.9.0.11:8950", true, NULL), 0);
        assert_int_equal(sc_store_host_get(s, "h1", &healthy, &since), 0);
        assert_true(healthy && since > 0);
        assert_int_equal(sc_store_host_set(s, "h1", "10.9.0.11:8950", true, NULL), 0);
        assert_int_equal(sc_store_host_get(s, "h1", &healthy, &since2), 0);
        assert_true(since2 == since);           /* no change, no new time */
        usleep(2000);
        assert_int_equal(sc_store_host_set(s, "h1", "10.9.0.11:8950", false, "no answer within 2000 ms"), 0);
        assert_int_equal(sc_store_host_get(s, "h1", &healthy, &since2), 0);
        assert_true(!healthy && since2 > since);
        assert_int_equal(sc_store_addr_set_host(s, "c7", "h2"), 0);
        sc_store_close(s);

        assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
        assert_int_equal(sqlite3_prepare_v2(db, "SELECT host, ip, mac FROM addresses WHERE owner = 'c7'", -1, &st, NULL),
                         SQLITE_OK);
        assert_int_equal(sqlite3_step(st), SQLITE_ROW);
        assert_string_equal((const char *)sqlite3_column_text(st, 0), "h2");
        assert_int_equal(sqlite3_column_int64(st, 1), 172818444);
        assert_string_equal((const char *)sqlite3_column_text(st, 2), "02:5e:00:00:00:07");
        sqlite3_finalize(st);
        assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master WHERE name = 'clones_host'",
                                            -1, &st, NULL), SQLITE_OK);
        assert_int_equal(sqlite3_step(st), SQLITE_ROW);
        assert_int_equal(sqlite3_column_int(st, 0), 1);
        sqlite3_finalize(st);
        sqlite3_close(db);
}

static void test_generations(void **state)
{
        (void)state;
        struct sc_store *s = open_ok();
        struct sc_generation g = { .descriptor_bytes = 368640, .pause_us = 11000 };
        struct sc_generation got;
        assert_int_equal(sc_store_generation_latest(s, &got), -ENOENT);
        strcpy(g.descriptor, "/var/lib/snowscale/gen/1/descriptor");
        assert_int_equal(sc_store_generation_insert(s, &g), 0);
        assert_int_equal(g.id, 1);
        g.id = 0;
        assert_int_equal(sc_store_generation_insert(s, &g), 0);
        assert_int_equal(g.id, 2);
        assert_int_equal(sc_store_generation_mark_deleted(s, 2), 0);
        assert_int_equal(sc_store_generation_mark_deleted(s, 7), -ENOENT);
        assert_int_equal(sc_store_generation_latest(s, &got), 0);
        assert_int_equal(got.id, 1);
        assert_int_equal(got.descriptor_bytes, 368640);
        struct sc_generation *v;
        size_t n;
        assert_int_equal(sc_store_generation_list(s, true, &v, &n), 0);
        assert_int_equal(n, 2);
        assert_true(v[1].deleted);
        free(v);
        assert_int_equal(sc_store_generation_list(s, false, &v, &n), 0);
        assert_int_equal(n, 1);
        free(v);
        sc_store_close(s);
}

static void test_prune(void **state)
{
        (void)state;
        struct sc_store *s = open_ok();
        for (int i = 0; i < 10; i++) {
                struct sc_history_point p = { .ts_us = (uint64_t)(i + 1) * 1000 };  /* 0 would mean now */
                assert_int_equal(sc_store_history_append(s, &p), 0);
        }
        struct sc_clone c = { .state = SC_CLONE_RETIRED, .created_us = 1, .state_since_us = 1 };
        strcpy(c.id, "old");
        assert_int_equal(sc_store_clone_insert(s, &c), 0);
        struct sc_clone live = { .state = SC_CLONE_SERVING, .created_us = 1, .state_since_us = 1 };
        strcpy(live.id, "live");
        assert_int_equal(sc_store_clone_insert(s, &live), 0);
        uint64_t rows = 0;
        assert_int_equal(sc_store_prune(s, 5000, &rows), 0);
        if (rows < 5)   /* 4 points + the retired clone (its events are recent) */
                fail_msg("pruned %llu rows", (unsigned long long)rows);
        struct sc_history_point *v;
        size_t n;
        assert_int_equal(sc_store_history_list(s, 0, 0, &v, &n), 0);
        assert_int_equal(n, 6);
        assert_int_equal(v[0].ts_us, 5000);
        free(v);
        struct sc_clone got;
        assert_int_equal(sc_store_clone_get(s, "old", &got), -ENOENT);
        assert_int_equal(sc_store_clone_get(s, "live", &got), 0);
        /* pruning every event does not make ids restart */
        int64_t id1, id2;
        assert_int_equal(sc_store_event_append(s, "config", "x", NULL, &id1), 0);
        assert_int_equal(sc_store_prune(s, UINT64_MAX / 2, NULL), 0);
        sc_store_close(s);
        s = open_ok();
        assert_int_equal(sc_store_event_append(s, "config", "y", "{\"a\":1}", &id2), 0);
        assert_true(id2 > id1);
        sc_store_close(s);
}

struct waiter {
        struct sc_store *s;
        struct sc_store_seq seen;
        int r;
        struct sc_store_seq got;
};

static void *wait_thread(void *p)
{
        struct waiter *w = p;
        w->r = sc_store_wait(w->s, &w->seen, 10000, &w->got);
        return NULL;
}

static void test_wait(void **state)
{
        (void)state;
        struct sc_store *s = open_ok();
        struct waiter w = { .s = s };
        sc_store_seq_get(s, &w.seen);
        struct sc_store_seq got;
        assert_int_equal(sc_store_wait(s, &w.seen, 20, &got), -ETIMEDOUT);
        pthread_t t;
        assert_int_equal(pthread_create(&t, NULL, wait_thread, &w), 0);
        int64_t id;
        assert_int_equal(sc_store_event_append(s, "config", "woke", NULL, &id), 0);
        pthread_join(t, NULL);
        assert_int_equal(w.r, 0);
        assert_int_equal(w.got.last_event, id);

        w.seen = w.got;
        assert_int_equal(pthread_create(&t, NULL, wait_thread, &w), 0);
        sc_store_shutdown_waiters(s);
        pthread_join(t, NULL);
        assert_int_equal(w.r, -ESHUTDOWN);
        sc_store_close(s);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
                cmocka_unit_test_setup_teardown(test_fresh_and_reopen, setup, teardown),
                cmocka_unit_test_setup_teardown(test_newer_schema_refused, setup, teardown),
                cmocka_unit_test_setup_teardown(test_corrupt_refused, setup, teardown),
                cmocka_unit_test_setup_teardown(test_unwritable, setup, teardown),
                cmocka_unit_test_setup_teardown(test_clones_and_events, setup, teardown),
                cmocka_unit_test_setup_teardown(test_guest_stats, setup, teardown),
                cmocka_unit_test_setup_teardown(test_guest_metrics_generic, setup, teardown),
                cmocka_unit_test_setup_teardown(test_migrate_guest_columns, setup, teardown),
                cmocka_unit_test_setup_teardown(test_migrate_hosts, setup, teardown),
                cmocka_unit_test_setup_teardown(test_generations, setup, teardown),
                cmocka_unit_test_setup_teardown(test_prune, setup, teardown),
                cmocka_unit_test_setup_teardown(test_wait, setup, teardown),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
