/* snowscale-hostd's clone request (hd_req.c): what it accepts, and the sentence it answers
 * garbage with (the API's 400). */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "hd.h"

#define NET "\"net\":{\"bridge\":\"br1\",\"mac\":\"02:5e:00:00:00:01\",\"ipv4\":\"10.80.1.2\",\"prefix_len\":24," \
            "\"gateway\":\"10.80.1.1\"}"

static void expect_bad(const char *body, const char *local, const char *want)
{
        struct hd_clone_req req;
        char why[256] = "";

        assert_int_equal(hd_clone_req_parse(body, local, &req, why, sizeof(why)), -EINVAL);
        if (!strstr(why, want))
                fail_msg("for %s\nwanted \"%s\", got \"%s\"", body, want, why);
}

static void test_plain(void **state)
{
        struct hd_clone_req req;
        char why[256] = "";
        (void)state;

        assert_int_equal(hd_clone_req_parse("{\"id\":\"c1\",\"generation\":3,\"memserver\":\"10.9.0.1:7440\"," NET "}",
                                            "10.9.0.11", &req, why, sizeof(why)), 0);
        assert_string_equal(req.id, "c1");
        assert_int_equal(req.generation, 3);
        assert_string_equal(req.memserver, "10.9.0.1:7440");
        assert_string_equal(req.net.ipv4, "10.80.1.2");
        assert_int_equal(req.net.mac[5], 1);
        assert_int_equal(req.net.prefix_len, 24);
        assert_string_equal(req.disk_uri, "");
        assert_string_equal(req.mcast, "");
        /* null is absent */
        assert_int_equal(hd_clone_req_parse("{\"id\":\"c1\",\"generation\":3,\"memserver\":\"10.9.0.1:7440\","
                                            "\"disk_uri\":null,\"mcast\":null," NET "}", "10.9.0.11", &req, why,
                                            sizeof(why)), 0);
}

static void test_disk_and_mcast(void **state)
{
        struct hd_clone_req req;
        char why[256] = "";
        (void)state;

        assert_int_equal(hd_clone_req_parse("{\"id\":\"c1\",\"generation\":3,\"memserver\":\"10.9.0.1:7440\","
                                            "\"disk_uri\":\"nbd://10.9.0.1:10809/gen-3\",\"mcast\":\"239.192.7.1:7441\","
                                            NET "}", "10.9.0.11", &req, why, sizeof(why)), 0);
        assert_string_equal(req.disk_uri, "nbd://10.9.0.1:10809/gen-3");
        assert_string_equal(req.mcast, "239.192.7.1:7441@10.9.0.11");     /* joined where hostd serves */
        assert_int_equal(hd_clone_req_parse("{\"id\":\"c1\",\"generation\":3,\"memserver\":\"10.9.0.1:7440\","
                                            "\"mcast\":\"239.192.7.1:7441@10.9.0.12\"," NET "}", "0.0.0.0", &req,
                                            why, sizeof(why)), 0);
        assert_string_equal(req.mcast, "239.192.7.1:7441@10.9.0.12");
}

static void test_garbage(void **state)
{
        (void)state;
#define PRE "{\"id\":\"c1\",\"generation\":3,\"memserver\":\"10.9.0.1:7440\","
        expect_bad("[1]", "10.9.0.11", "body must be a JSON object");
        expect_bad("{\"id\":\"C 1\"}", "10.9.0.11", "id: must be");
        expect_bad("{\"id\":\"c1\",\"generation\":\"3\"}", "10.9.0.11", "generation: must be a positive integer");
        expect_bad("{\"id\":\"c1\",\"generation\":3,\"memserver\":\"nope\"}", "10.9.0.11", "memserver: must be HOST:PORT");
        expect_bad(PRE "\"disk_uri\":\"file:///etc/passwd\"," NET "}", "10.9.0.11", "disk_uri: must be nbd://HOST:PORT/NAME");
        expect_bad(PRE "\"disk_uri\":\"nbd://10.9.0.1/gen-3\"," NET "}", "10.9.0.11", "disk_uri:");
        expect_bad(PRE "\"disk_uri\":\"nbd://10.9.0.1:10809/\"," NET "}", "10.9.0.11", "disk_uri:");
        expect_bad(PRE "\"disk_uri\":\"nbd://10.9.0.1:10809/g,file=/x\"," NET "}", "10.9.0.11", "disk_uri:");
        expect_bad(PRE "\"disk_uri\":7," NET "}", "10.9.0.11", "disk_uri:");
        expect_bad(PRE "\"mcast\":\"10.1.2.3:7441\"," NET "}", "10.9.0.11", "mcast: must be an IPv4 multicast");
        expect_bad(PRE "\"mcast\":\"239.1.1.1:0\"," NET "}", "10.9.0.11", "mcast: must be");
        expect_bad(PRE "\"mcast\":\"239.1.1.1:7441@nope\"," NET "}", "10.9.0.11", "mcast: this hostd serves on");
        expect_bad(PRE "\"mcast\":\"239.1.1.1:7441\"," NET "}", "::1", "mcast: this hostd serves on ::1");
        expect_bad(PRE "\"mcast\":[]," NET "}", "10.9.0.11", "mcast: must be a string");
        expect_bad(PRE "\"net\":{\"bridge\":\"br1\",\"mac\":\"02:5e:00:00:00:01x\",\"ipv4\":\"10.80.1.2\","
                   "\"prefix_len\":24,\"gateway\":\"10.80.1.1\"}}", "10.9.0.11", "net.mac:");
        expect_bad(PRE "\"net\":{\"bridge\":\"br1\",\"mac\":\"02:5e:00:00:00:01\",\"ipv4\":\"10.80.1.2\","
                   "\"prefix_len\":\"24\",\"gateway\":\"10.80.1.1\"}}", "10.9.0.11", "net.prefix_len:");
#undef PRE
}

int main(void)
{
        const struct CMUnitTest tests[] = {
                cmocka_unit_test(test_plain),
                cmocka_unit_test(test_disk_and_mcast),
                cmocka_unit_test(test_garbage),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
