/* snowscale-lb: names, config rendering, and the state file. */
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

#include "lb.h"
#include "ss_util.h"

static void test_names(void **st)
{
        assert_true(lb_id_valid("c7"));
        assert_true(lb_id_valid("clone-1.a_b"));
        assert_false(lb_id_valid(""));
        assert_false(lb_id_valid("a b"));
        assert_false(lb_id_valid("a/b"));
        assert_true(lb_address_valid("127.0.0.1:18001"));
        assert_true(lb_address_valid("[::1]:80"));
        assert_true(lb_address_valid("worker-3.local:8080"));
        assert_false(lb_address_valid("127.0.0.1"));
        assert_false(lb_address_valid("127.0.0.1:0"));
        assert_false(lb_address_valid("127.0.0.1:65536"));
        assert_false(lb_address_valid("a;b:80"));               /* would end the directive */
        assert_false(lb_address_valid("a b:80"));
        assert_false(lb_address_valid("x:80; server evil:1"));
        assert_false(lb_address_valid("[::1;]:80"));
        assert_false(lb_address_valid("-x:80"));
}

static void test_template(void **st)
{
        const struct lb_var vars[] = { { "A", "alpha" }, { "B_2", "beta" } };
        char err[128], *out;

        assert_int_equal(lb_template_render("x @A@ y @B_2@@A@ error_page 502 @fallback; a@b.c",
                                            vars, 2, &out, err, sizeof(err)), 0);
        assert_string_equal(out, "x alpha y betaalpha error_page 502 @fallback; a@b.c");
        free(out);
        assert_int_equal(lb_template_render("ok\nok\n@NOPE@", vars, 2, &out, err, sizeof(err)), -EINVAL);
        assert_non_null(strstr(err, "line 3"));
        assert_non_null(strstr(err, "@NOPE@"));
        assert_int_equal(lb_template_render("", vars, 2, &out, err, sizeof(err)), 0);
        assert_string_equal(out, "");
        free(out);
}

static void test_upstream(void **st)
{
        const char *peers[] = { "127.0.0.1:1001", "[::1]:1002" };
        const char *host[] = { "localhost:80" }, *bad[] = { "x;y:1" }, *noport[] = { "1.2.3.4" };
        char *out;

        assert_int_equal(lb_peers_render(7, peers, 2, &out), 0);
        assert_string_equal(out, "7\n127.0.0.1:1001\n[::1]:1002\n");
        free(out);
        assert_int_equal(lb_peers_render(8, NULL, 0, &out), 0);
        assert_string_equal(out, "8\n");
        free(out);
        /* the balancer connects to numbers only: a hostname is resolved before */
        assert_int_equal(lb_peers_render(1, host, 1, &out), -EINVAL);
        assert_int_equal(lb_peers_render(1, bad, 1, &out), -EINVAL);
        assert_int_equal(lb_peers_render(1, noport, 1, &out), -EINVAL);
        assert_true(lb_peer_valid("10.0.0.1:65535"));
        assert_false(lb_peer_valid("10.0.0.1:0"));
        assert_false(lb_peer_valid("[zz::1]:80"));
        assert_int_equal(lb_generation_render(7, &out), 0);
        assert_non_null(strstr(out, "$snowscale_generation { default \"7\"; }"));
        free(out);
}

static char dir[] = "/tmp/test_lb_state.XXXXXX";

static void test_state_roundtrip(void **st)
{
        struct lb_backend v[3] = {
                { .id = "c1", .address = "127.0.0.1:1", .state = LB_ACTIVE, .created_us = 5, .since_us = 6 },
                { .id = "c2", .address = "[::1]:2", .state = LB_DRAINING, .drain_timeout_ms = 3000,
                  .reason = "waiting \"quoted\"\nnewline" },
                { .id = "c3", .address = "h:3", .state = LB_UNHEALTHY, .reason = "HTTP 500" },
        };
        struct lb_backend *got;
        char path[256];
        size_t n;
        uint64_t gen;

        snprintf(path, sizeof(path), "%s/state.json", dir);
        assert_int_equal(lb_state_load(path, &gen, &got, &n), -ENOENT);
        assert_int_equal(lb_state_save(path, 42, v, 3), 0);
        assert_int_equal(lb_state_load(path, &gen, &got, &n), 0);
        assert_int_equal(gen, 42);
        assert_int_equal(n, 3);
        assert_memory_equal(got, v, sizeof(v));
        free(got);
        assert_int_equal(lb_state_save(path, 43, v, 0), 0);
        assert_int_equal(lb_state_load(path, &gen, &got, &n), 0);
        assert_int_equal(n, 0);
        free(got);
}

static void test_state_corrupt(void **st)
{
        static const char *const bad[] = {
                "", "{", "[]", "{\"format\":\"x\",\"version\":1,\"backends\":[]}",
                "{\"format\":\"snowscale-lb-state\",\"version\":2,\"backends\":[]}",
                "{\"format\":\"snowscale-lb-state\",\"version\":1,\"backends\":[{\"id\":\"a\"}]}",
                "{\"format\":\"snowscale-lb-state\",\"version\":1,\"backends\":[{\"id\":\"a\","
                "\"address\":\"x;y:1\",\"state\":\"active\"}]}",
                "{\"format\":\"snowscale-lb-state\",\"version\":1,\"backends\":[{\"id\":\"a\","
                "\"address\":\"h:1\",\"state\":\"flying\"}]}",
                "{\"format\":\"snowscale-lb-state\",\"version\":1,\"backends\":[{\"id\":\"a\","
                "\"address\":\"h:1\",\"state\":\"active\"},{\"id\":\"a\",\"address\":\"h:2\",\"state\":\"active\"}]}",
                "{\"format\":\"snowscale-lb-state\",\"version\":1,\"generation\":-1,\"backends\":[]}",
        };
        struct lb_backend *got;
        char path[256];
        size_t n;
        uint64_t gen;

        snprintf(path, sizeof(path), "%s/bad.json", dir);
        for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
                assert_int_equal(ss_write_file_atomic(path, bad[i], strlen(bad[i]), 0600), 0);
                if (lb_state_load(path, &gen, &got, &n) != -EINVAL) {
                        print_error("accepted: %s\n", bad[i]);
                        fail();
                }
        }
}

static int setup(void **st)
{
        return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **st)
{
        char cmd[300];
        snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
        return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
        const struct CMUnitTest tests[] = {
                cmocka_unit_test(test_names), cmocka_unit_test(test_template),
                cmocka_unit_test(test_upstream), cmocka_unit_test(test_state_roundtrip),
                cmocka_unit_test(test_state_corrupt),
        };
        return cmocka_run_group_tests_name("lb_state", tests, setup, teardown);
}
