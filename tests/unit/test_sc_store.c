/* sc_store: schema migrations, refusal of newer-schema and corrupt files (left untouched),
 * clones and their events, persistent clone ids, generations, history, retention, waiting. */
#include <errno.h>
#include <fcntl.h>
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

/* The guest agent's reports: parsed strictly, stored per clone, and a schema-1 file (before
 * the guest columns existed) is migrated with its rows intact. */
static void test_guest_stats(void **state)
{
        (void)state;
        struct sc_guest_stats g;

        assert_int_equal(sc_guest_stats_parse("uptime_s=631.20 load1=0.08 mem_avail_kib=201344 items=64 "
                                              "hits=1830 misses=170", 42, &g), 0);
        assert_true(g.ts_us == 42 && g.uptime_s == 631.2 && g.load1 == 0.08 && g.mem_avail_kib == 201344);
        assert_true(g.items == 64 && g.hits == 1830 && g.misses == 170);
        assert_int_equal(sc_guest_stats_parse("hits=5 future_key=7", 1, &g), 0);      /* unknown keys are fine */
        assert_true(g.hits == 5 && g.misses == 0);
        assert_int_equal(sc_guest_stats_parse("", 1, &g), -EINVAL);
        assert_int_equal(sc_guest_stats_parse("garbage", 1, &g), -EINVAL);
        assert_int_equal(sc_guest_stats_parse("hits=12x", 1, &g), -EINVAL);
        assert_int_equal(sc_guest_stats_parse("hits=-3", 1, &g), -EINVAL);

        /* a schema-1 store, as the first release wrote it, with one clone */
        sqlite3 *db;
        assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
        assert_int_equal(sqlite3_exec(db,
                "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                "CREATE TABLE clones(id TEXT PRIMARY KEY, generation INTEGER NOT NULL, driver TEXT NOT NULL,"
                "  host TEXT NOT NULL, address TEXT NOT NULL DEFAULT '', state TEXT NOT NULL,"
                "  created_us INTEGER NOT NULL, state_since_us INTEGER NOT NULL,"
                "  reason TEXT NOT NULL DEFAULT '', fetch_bytes INTEGER NOT NULL DEFAULT 0,"
                "  fetch_pct REAL NOT NULL DEFAULT 0, demand_faults INTEGER NOT NULL DEFAULT 0,"
                "  prefetched_pages INTEGER NOT NULL DEFAULT 0);"
                "CREATE INDEX clones_state ON clones(state);"
                "CREATE TABLE generations(id INTEGER PRIMARY KEY, created_us INTEGER NOT NULL,"
                "  descriptor TEXT NOT NULL, descriptor_bytes INTEGER NOT NULL, pause_us INTEGER NOT NULL,"
                "  deleted INTEGER NOT NULL DEFAULT 0);"
                "CREATE TABLE events(id INTEGER PRIMARY KEY AUTOINCREMENT, ts_us INTEGER NOT NULL,"
                "  kind TEXT NOT NULL, message TEXT NOT NULL, data TEXT);"
                "CREATE INDEX events_ts ON events(ts_us);"
                "CREATE TABLE history(ts_us INTEGER NOT NULL, p50_us REAL NOT NULL, p95_us REAL NOT NULL,"
                "  p99_us REAL NOT NULL, rps REAL NOT NULL, desired INTEGER NOT NULL, actual INTEGER NOT NULL);"
                "CREATE INDEX history_ts ON history(ts_us);"
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
        assert_true(c.guest.ts_us == 0 && c.guest.hits == 0);       /* no report yet */

        assert_int_equal(sc_guest_stats_parse("uptime_s=5 hits=99 misses=1 items=3", 1234, &g), 0);
        assert_int_equal(sc_store_clone_set_guest(s, "c3", &g), 0);
        assert_int_equal(sc_store_clone_set_guest(s, "c999", &g), -ENOENT);
        assert_int_equal(sc_store_clone_get(s, "c3", &c), 0);
        assert_true(c.guest.ts_us == 1234 && c.guest.hits == 99 && c.guest.misses == 1 && c.guest.items == 3);
        assert_true(c.guest.uptime_s == 5);
        sc_store_close(s);
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
                cmocka_unit_test_setup_teardown(test_generations, setup, teardown),
                cmocka_unit_test_setup_teardown(test_prune, setup, teardown),
                cmocka_unit_test_setup_teardown(test_wait, setup, teardown),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
