/* sc_addrplan: the bridge address plan on a real SQLite file - allocation (lowest free, the
 * parent's fixed first address, distinct MACs), exhaustion (a clear reason, nothing held),
 * release and reuse, a restart (close and reopen: the same holders), reconcile after a crash. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "sc_addrplan.h"
#include "sc_store.h"

static char dir[256], path[300];

static int setup(void **state)
{
        (void)state;
        snprintf(dir, sizeof(dir), "%s/sc_addrplan_test.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
        if (!mkdtemp(dir))
                return -1;
        snprintf(path, sizeof(path), "%s/state.db", dir);
        return 0;
}

static int teardown(void **state)
{
        char cmd[400];
        (void)state;
        snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
        return system(cmd) == 0 ? 0 : -1;
}

/* 10.77.0.1 gateway, range 10.77.0.10-10.77.0.13: the parent's .10 and three clone addresses */
static const struct sc_addrplan_cfg cfg = {
        .bridge = "ssbr0", .create = true, .gateway = 0x0a4d0001, .first = 0x0a4d000a,
        .last = 0x0a4d000d, .dns = 0x0a4d0001, .prefix_len = 24,
};

static void open_plan(struct sc_store **s, struct sc_addrplan **p)
{
        char err[256] = "";
        assert_int_equal(sc_store_open(path, s, err, sizeof(err)), 0);
        assert_int_equal(sc_addrplan_new(*s, &cfg, p), 0);
}

static size_t held(struct sc_store *s)
{
        struct sc_addr *v = NULL;
        size_t n = 0;
        assert_int_equal(sc_store_addr_list(s, &v, &n), 0);
        free(v);
        return n;
}

static void test_plan(void **state)
{
        struct sc_store *s;
        struct sc_addrplan *p;
        struct cc_net parent, c[3], again, extra;
        char why[256] = "";
        (void)state;

        open_plan(&s, &p);
        assert_int_equal(sc_store_schema_version(s), SC_STORE_SCHEMA_VERSION);
        assert_int_equal(sc_addrplan_claim(p, "parent", &parent, why, sizeof(why)), 0);
        assert_string_equal(parent.ipv4, "10.77.0.10");
        assert_int_equal(parent.kind, CC_NET_BRIDGE);
        assert_string_equal(parent.bridge, "ssbr0");
        assert_string_equal(parent.gateway, "10.77.0.1");
        assert_int_equal(parent.prefix_len, 24);
        const char *ids[3] = { "c1", "c2", "c3" };
        for (int i = 0; i < 3; i++)
                assert_int_equal(sc_addrplan_claim(p, ids[i], &c[i], why, sizeof(why)), 0);
        assert_string_equal(c[0].ipv4, "10.77.0.11");
        assert_string_equal(c[1].ipv4, "10.77.0.12");
        assert_string_equal(c[2].ipv4, "10.77.0.13");
        /* MACs: locally administered unicast, all distinct, stable per owner */
        for (int i = 0; i < 3; i++) {
                assert_int_equal(c[i].mac[0], 0x02);
                assert_memory_not_equal(c[i].mac, parent.mac, 6);
                for (int k = i + 1; k < 3; k++)
                        assert_memory_not_equal(c[i].mac, c[k].mac, 6);
        }
        /* a holder asking again gets the same address (no second one) */
        assert_int_equal(sc_addrplan_claim(p, "c2", &again, why, sizeof(why)), 0);
        assert_string_equal(again.ipv4, "10.77.0.12");
        assert_memory_equal(again.mac, c[1].mac, 6);
        assert_int_equal(held(s), 4);
        /* exhausted: the reason names the range, nothing is held for the refused clone */
        assert_int_equal(sc_addrplan_claim(p, "c4", &extra, why, sizeof(why)), -ENOSPC);
        assert_non_null(strstr(why, "network.range exhausted"));
        assert_non_null(strstr(why, "10.77.0.11-10.77.0.13"));
        assert_int_equal(held(s), 4);
        /* release: the freed address is the next one handed out */
        assert_int_equal(sc_addrplan_release(p, "c2"), 0);
        assert_int_equal(sc_addrplan_release(p, "c2"), 0);      /* twice is fine */
        assert_int_equal(sc_addrplan_claim(p, "c5", &extra, why, sizeof(why)), 0);
        assert_string_equal(extra.ipv4, "10.77.0.12");
        /* restart: the same holders with the same addresses and MACs */
        sc_addrplan_free(p);
        sc_store_close(s);
        open_plan(&s, &p);
        assert_int_equal(held(s), 4);
        assert_int_equal(sc_addrplan_claim(p, "c3", &again, why, sizeof(why)), 0);
        assert_string_equal(again.ipv4, "10.77.0.13");
        assert_memory_equal(again.mac, c[2].mac, 6);
        assert_int_equal(sc_addrplan_claim(p, "parent", &again, why, sizeof(why)), 0);
        assert_string_equal(again.ipv4, "10.77.0.10");
        /* reconcile after a crash: c1 is no longer live; the parent is kept */
        const char *live[2] = { "c3", "c5" };
        unsigned released = 0;
        assert_int_equal(sc_addrplan_reconcile(p, live, 2, true, &released), 0);
        assert_int_equal(released, 1);
        assert_int_equal(held(s), 3);
        assert_int_equal(sc_addrplan_claim(p, "c6", &extra, why, sizeof(why)), 0);
        assert_string_equal(extra.ipv4, "10.77.0.11");
        assert_int_equal(sc_addrplan_reconcile(p, NULL, 0, false, &released), 0);
        assert_int_equal(released, 4);
        assert_int_equal(held(s), 0);
        sc_addrplan_free(p);
        sc_store_close(s);
}

/* MAC derivation: deterministic, the salt steps past a collision, always 02:5e:... */
static void test_mac(void **state)
{
        uint8_t a[6], b[6], c[6];
        (void)state;
        sc_addrplan_mac("c1", 0, a);
        sc_addrplan_mac("c1", 0, b);
        sc_addrplan_mac("c1", 1, c);
        assert_memory_equal(a, b, 6);
        assert_memory_not_equal(a, c, 6);
        assert_int_equal(a[0], 0x02);
        assert_int_equal(a[1], 0x5e);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
                cmocka_unit_test_setup_teardown(test_plan, setup, teardown),
                cmocka_unit_test(test_mac),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
