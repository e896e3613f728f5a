/* The guest side of the generic metrics contract: sf-guestd turns the app's GET /stats body
 * (text/plain, one key=value per line) into the pairs it forwards (guest/agent_proto.c:
 * sfg_app_stats), bounded as docs/api.md says. The host side (sc_guest_stats_parse) is in
 * test_sc_store.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "agent.h"

#define OWN "uptime_s=1.5 load1=0.1 mem_avail_kib=2048"

static int app(const char *body, char *out, size_t len)
{
        snprintf(out, len, "%s", OWN);
        return sfg_app_stats(body, out, len);
}

/* The demo app's body is forwarded pair by pair after the agent's own. */
static void test_demo_body(void **state)
{
        char out[SFG_STATS_MAX];

        (void)state;
        assert_int_equal(app("items=64\nbytes=262144\r\nhits=1830\nmisses=170\n", out, sizeof(out)), 4);
        assert_string_equal(out, OWN " items=64 bytes=262144 hits=1830 misses=170");
        assert_int_equal(app("", out, sizeof(out)), 0);
        assert_string_equal(out, OWN);
        assert_int_equal(app("\n\nq=1", out, sizeof(out)), 1);          /* blank lines, no final newline */
        assert_string_equal(out, OWN " q=1");
}

/* A body that is not key=value lines (the old JSON form, an error page) gives no app pairs. */
static void test_not_key_value(void **state)
{
        char out[SFG_STATS_MAX];

        (void)state;
        assert_int_equal(app("{\"items\":64,\"hits\":1830}\n", out, sizeof(out)), -EINVAL);
        assert_string_equal(out, OWN);
        assert_int_equal(app("items=64\n<html>oops</html>\n", out, sizeof(out)), -EINVAL);
        assert_string_equal(out, OWN);
        assert_int_equal(app("a=1\nb = 2\n", out, sizeof(out)), -EINVAL);
        assert_string_equal(out, OWN);
}

/* Pairs outside the bounds are skipped one by one; the agent's own keys and repeats too. */
static void test_bounds(void **state)
{
        char out[SFG_STATS_MAX], body[8192] = "", key49[50];
        size_t len = 0;

        (void)state;
        assert_int_equal(app("Upper=1\nok=2\nv=abc\nw=1e999\nx=nan\nuptime_s=99\nok=3\nneg.v_2=-1.5e3\n", out,
                             sizeof(out)), 2);
        assert_string_equal(out, OWN " ok=2 neg.v_2=-1.5e3");
        memset(key49, 'k', 49);
        key49[49] = 0;
        snprintf(body, sizeof(body), "%s=1\n%.48s=2\n", key49, key49);
        assert_int_equal(app(body, out, sizeof(out)), 1);
        assert_non_null(strstr(out, " kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk=2"));
        assert_int_equal(app("v=123456789012345678901234567890123\n", out, sizeof(out)), 0);    /* 33 chars */
        /* 40 pairs of the longest kind: the first 32 fit in SFG_STATS_MAX */
        body[0] = 0;
        for (int i = 0; i < 40; i++)
                len += (size_t)snprintf(body + len, sizeof(body) - len, "%.46s%02d=%032d\n", key49, i, i);
        assert_int_equal(app(body, out, sizeof(out)), SFG_APP_PAIRS_MAX);
        assert_true(strlen(out) < sizeof(out));
        assert_non_null(strstr(out, "31=00000000000000000000000000000031"));
        assert_null(strstr(out, "32=0000"));
}

int main(void)
{
        const struct CMUnitTest tests[] = {
                cmocka_unit_test(test_demo_body),
                cmocka_unit_test(test_not_key_value),
                cmocka_unit_test(test_bounds),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
