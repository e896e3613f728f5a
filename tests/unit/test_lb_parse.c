/* snowscale-lb: access-log line parser and the sample ring. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "lb.h"

static int parse(const char *s, struct lb_sample *out)
{
        return lb_parse_line(s, strlen(s), out);
}

static void test_simple(void **st)
{
        struct lb_sample s;
        assert_int_equal(parse("<190>Nov 22 02:13:22 snowscale: ss1|1763776800.123|0.021|200|"
                               "127.0.0.1:18001|0.020|200", &s), 0);
        assert_int_equal(s.ts_us, 1763776800123000ull);
        assert_int_equal(s.latency_us, 21000);
        assert_int_equal(s.upstream_us, 20000);
        assert_int_equal(s.status, 200);
        assert_int_equal(s.attempts, 1);
        assert_string_equal(s.backend, "127.0.0.1:18001");
}

static void test_retried(void **st)
{
        struct lb_sample s;
        /* first upstream refused (502 from it), second answered */
        assert_int_equal(parse("<190>Nov 22 02:13:22 snowscale: ss1|1763776800.500|0.105|200|"
                               "127.0.0.1:18001, 127.0.0.1:18002|0.001, 0.103|502, 200\n", &s), 0);
        assert_string_equal(s.backend, "127.0.0.1:18002");
        assert_int_equal(s.attempts, 2);
        assert_int_equal(s.upstream_us, 103000);
        assert_int_equal(s.latency_us, 105000);
        /* internal redirect between groups, and an attempt without a response */
        assert_int_equal(parse("<190>Jan  1 00:00:00 snowscale: ss1|1.000|0.002|504|"
                               "10.0.0.1:80, 10.0.0.2:80 : [::1]:8080|-, 0.001 : 0.001|504, 502 : 504", &s), 0);
        assert_string_equal(s.backend, "[::1]:8080");
        assert_int_equal(s.attempts, 3);
        /* a retry the balancer found no peer for: nginx ends each list in " : " */
        assert_int_equal(parse("<190>Jan  1 00:00:00 snowscale: ss1|1.000|0.501|504|"
                               "127.0.0.1:12601 : |0.500 : |504 : ", &s), 0);
        assert_string_equal(s.backend, "127.0.0.1:12601");
        assert_int_equal(s.attempts, 1);
        assert_int_equal(s.upstream_us, 500000);
        /* last attempt got no response at all */
        assert_int_equal(parse("<190>Jan  1 00:00:00 snowscale: ss1|1.000|2.000|504|10.0.0.1:80|-|504", &s), 0);
        assert_int_equal(s.upstream_us, 0);
}

static void test_nginx_itself(void **st)
{
        struct lb_sample s;
        assert_int_equal(parse("<190>Nov 22 02:13:22 snowscale: ss1|1763776800.000|0.000|503|-|-|-", &s), 0);
        assert_string_equal(s.backend, "-");
        assert_int_equal(s.attempts, 0);
        /* no live upstreams: nginx writes the group name */
        assert_int_equal(parse("<190>Nov 22 02:13:22 snowscale: ss1|1763776800.000|0.000|502|"
                               "snowscale_web|0.000|502", &s), 0);
        assert_string_equal(s.backend, "-");
}

static void test_garbage(void **st)
{
        static const char *const bad[] = {
                "", "hello", "<>x: ss1|", "<190 no close", "<190>Nov 22 no colon-space",
                "<190>Nov 22 02:13:22 snowscale: ss1|",
                "<190>Nov 22 02:13:22 snowscale: ss1|1.0|0.1|200|a:1|0.1",          /* 5 fields */
                "<190>Nov 22 02:13:22 snowscale: ss1|1.0|0.1|200|a:1|0.1|200|x",    /* 7 fields */
                "<190>Nov 22 02:13:22 snowscale: ss1|x|0.1|200|a:1|0.1|200",
                "<190>Nov 22 02:13:22 snowscale: ss1|1.0|-0.1|200|a:1|0.1|200",
                "<190>Nov 22 02:13:22 snowscale: ss1|1.0|0.1|20|a:1|0.1|200",
                "<190>Nov 22 02:13:22 snowscale: ss1|1.0|0.1|2000|a:1|0.1|200",
                "<190>Nov 22 02:13:22 snowscale: ss1|1.0|0.1|abc|a:1|0.1|200",
                "<190>Nov 22 02:13:22 snowscale: ss1|1.0|0.1|200|a:1, |0.1|200",
                "<190>Nov 22 02:13:22 snowscale: ss1|1.0|0.1|200|, a:1|0.1|200",
                "<190>Nov 22 02:13:22 snowscale: ss1|1.0|0.1|200|a:1|0.1.2|200",
                "<190>Nov 22 02:13:22 snowscale: ss1|1.0|0.1|200|a:1|0.1|2x0",
                "<190>Nov 22 02:13:22 snowscale: ss1|1.0|0.1||a:1|0.1|200",
                "<190>Nov 22 02:13:22 snowscale: ss1|1.1234567|0.1|200|a:1|0.1|200",
        };
        struct lb_sample s;
        for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
                int r = parse(bad[i], &s);
                if (r != -EINVAL && r != -ERANGE) {
                        print_error("accepted or misclassified (%d): %s\n", r, bad[i]);
                        fail();
                }
        }
}

static void test_ranges(void **st)
{
        struct lb_sample s;
        /* latency above an hour, status out of 100..599, zero timestamp */
        assert_int_equal(parse("<190>Nov 22 02:13:22 snowscale: ss1|1.0|3601.000|200|a:1|0.1|200", &s), -ERANGE);
        assert_int_equal(parse("<190>Nov 22 02:13:22 snowscale: ss1|1.0|0.1|600|a:1|0.1|200", &s), -ERANGE);
        assert_int_equal(parse("<190>Nov 22 02:13:22 snowscale: ss1|0.000|0.1|200|a:1|0.1|200", &s), -ERANGE);
        assert_int_equal(parse("<190>Nov 22 02:13:22 snowscale: ss1|99999999999999|0.1|200|a:1|0.1|200", &s), -ERANGE);
}

static void test_foreign_and_binary(void **st)
{
        struct lb_sample s;
        char nul[] = "<190>Nov 22 02:13:22 snowscale: ss1|1.0|0.1|200|a:1|0.1|200";
        char big[5000];

        assert_int_equal(parse("<13>Nov 22 02:13:22 root: hello world", &s), -ENOMSG);
        nul[40] = 0;
        assert_int_equal(lb_parse_line(nul, sizeof(nul) - 1, &s), -EINVAL);
        memset(big, 'a', sizeof(big));
        big[0] = '<';
        assert_int_equal(lb_parse_line(big, sizeof(big), &s), -EINVAL);
}

/* Lines from a socket anyone on the host can write to: random bytes and mutations of a valid
 * line must never crash or yield a sample outside the documented ranges (run under
 * SANITIZE=address to catch overreads). Fixed seed: reproducible. */
static void test_random_input(void **st)
{
        static const char valid[] = "<190>Nov 22 02:13:22 snowscale: ss1|1763776800.123|0.021|200|"
                                    "127.0.0.1:18001, 127.0.0.1:18002|0.001, 0.020|502, 200";
        static const char alphabet[] = "<>|:, .-0123456789abcdefss1\n\0\xff";
        unsigned seed = 12345;
        char buf[256];
        struct lb_sample s;
        int ok = 0;

        for (int i = 0; i < 200000; i++) {
                size_t n;
                if (i % 2) {
                        n = sizeof(valid) - 1;
                        memcpy(buf, valid, n);
                        for (int k = 0; k < 1 + i % 4; k++) {
                                seed = seed * 1103515245u + 12345u;
                                buf[(seed >> 8) % n] = alphabet[(seed >> 20) % (sizeof(alphabet) - 1)];
                        }
                } else {
                        seed = seed * 1103515245u + 12345u;
                        n = (seed >> 16) % sizeof(buf);
                        for (size_t k = 0; k < n; k++) {
                                seed = seed * 1103515245u + 12345u;
                                buf[k] = alphabet[(seed >> 20) % (sizeof(alphabet) - 1)];
                        }
                }
                if (lb_parse_line(buf, n, &s) == 0) {
                        ok++;
                        assert_true(s.status >= 100 && s.status <= 599);
                        assert_true(s.latency_us <= 3600ull * 1000000);
                        assert_true(s.ts_us > 0);
                        assert_true(strlen(s.backend) < LB_ADDR_MAX);
                        assert_true(strcmp(s.backend, "-") == 0 || lb_address_valid(s.backend));
                }
        }
        assert_true(ok > 0);    /* some mutations keep the line valid: the check is not vacuous */
}

static void test_ring(void **st)
{
        struct lb_ring *r;
        struct lb_sample s = { .ts_us = 1, .latency_us = 5, .status = 200, .backend = "1.2.3.4:5" };
        char *body;
        size_t len, n;
        uint64_t end;

        assert_int_equal(lb_ring_new(0, &r), -EINVAL);
        assert_int_equal(lb_ring_new(4, &r), 0);
        for (int i = 1; i <= 6; i++) {
                s.ts_us = (uint64_t)i;
                lb_ring_push(r, &s);
        }
        assert_int_equal(lb_ring_len(r), 4);
        assert_int_equal(lb_ring_dropped(r), 2);       /* oldest two overwritten */
        assert_int_equal(lb_ring_format(r, 3, &body, &len, &end, &n), 0);
        assert_int_equal(n, 3);
        assert_string_equal(body, "3 1.2.3.4:5 5 200\n4 1.2.3.4:5 5 200\n5 1.2.3.4:5 5 200\n");
        assert_int_equal(len, strlen(body));
        free(body);
        /* pushes while the batch is in flight overwrite part of it; consume stays correct */
        for (int i = 7; i <= 9; i++) {
                s.ts_us = (uint64_t)i;
                lb_ring_push(r, &s);
        }
        lb_ring_consume(r, end);
        assert_int_equal(lb_ring_len(r), 4);            /* 6 (not in the batch) 7 8 9 remain */
        assert_int_equal(lb_ring_dropped(r), 5);        /* 1 2, then 3 4 5 overwritten meanwhile */
        assert_int_equal(lb_ring_format(r, 100, &body, &len, &end, &n), 0);
        assert_string_equal(body, "6 1.2.3.4:5 5 200\n7 1.2.3.4:5 5 200\n8 1.2.3.4:5 5 200\n"
                                  "9 1.2.3.4:5 5 200\n");
        free(body);
        lb_ring_consume(r, end + 100);                  /* beyond head: clamps */
        assert_int_equal(lb_ring_len(r), 0);
        lb_ring_free(r);
}

/* The record as nginx's log_by_lua keeps it in shared memory: no syslog header. */
static void test_record(void **st)
{
        static const char rec[] = "ss1|1763776800.123|0.021|200|127.0.0.1:18001|0.020|200";
        struct lb_sample s;

        assert_int_equal(lb_parse_record(rec, strlen(rec), &s), 0);
        assert_int_equal(s.ts_us, 1763776800123000ull);
        assert_int_equal(s.latency_us, 21000);
        assert_string_equal(s.backend, "127.0.0.1:18001");
        assert_int_equal(lb_parse_record("ss1|1.0|0.1|503|-|-|-\n", 21, &s), 0);
        assert_string_equal(s.backend, "-");
        assert_int_equal(s.status, 503);
        assert_int_equal(lb_parse_record("xx1|1|2|3", 9, &s), -ENOMSG);
        assert_int_equal(lb_parse_record("ss1|x|y|z", 9, &s), -EINVAL);
        /* a syslog datagram is not a bare record */
        assert_int_equal(lb_parse_record("<190>Nov 22 02:13:22 snowscale: ss1|1.0|0.1|200|-|-|-", 52, &s),
                         -ENOMSG);
}

/* JSON batches carry the count of samples lost before the agent had them. */
static void test_ring_json(void **st)
{
        struct lb_ring *r;
        struct lb_sample s = { .ts_us = 7, .latency_us = 5, .status = 200, .backend = "1.2.3.4:5" };
        char *body;
        size_t len, n;
        uint64_t end;

        assert_int_equal(lb_ring_new(4, &r), 0);
        assert_int_equal(lb_ring_format_json(r, 10, 3, NULL, &body, &len, &end, &n), 0);
        assert_string_equal(body, "{\"samples\":[],\"lost\":3}");
        free(body);
        lb_ring_push(r, &s);
        s.ts_us = 8;
        lb_ring_push(r, &s);
        assert_int_equal(lb_ring_format_json(r, 1, 12, NULL, &body, &len, &end, &n), 0);
        assert_int_equal(n, 1);
        assert_string_equal(body, "{\"samples\":[{\"ts_us\":7,\"backend\":\"1.2.3.4:5\","
                                  "\"latency_us\":5,\"status\":200}],\"lost\":12}");
        assert_int_equal(len, strlen(body));
        free(body);
        lb_ring_consume(r, end);
        assert_int_equal(lb_ring_len(r), 1);
        lb_ring_free(r);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
                cmocka_unit_test(test_simple), cmocka_unit_test(test_retried),
                cmocka_unit_test(test_nginx_itself), cmocka_unit_test(test_garbage),
                cmocka_unit_test(test_ranges), cmocka_unit_test(test_foreign_and_binary),
                cmocka_unit_test(test_random_input), cmocka_unit_test(test_ring),
                cmocka_unit_test(test_record), cmocka_unit_test(test_ring_json),
        };
        return cmocka_run_group_tests_name("lb_parse", tests, NULL, NULL);
}
