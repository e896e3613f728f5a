/* Unit tests of the guest agent's host-line parsing (guest/agent_proto.c): what the QEMU driver
 * writes to the agent socket must parse, and anything else must be refused, not half-applied. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "agent.h"

static void test_identity(void **state)
{
        struct sfg_event ev;
        (void)state;
        assert_int_equal(sfg_parse_host_line("identity clone_id=c3 hostname=w-c3 seed=00000000deadbeef fail_ready=0", &ev), 0);
        assert_int_equal(ev.type, SFG_EV_IDENTITY);
        assert_string_equal(ev.id.clone_id, "c3");
        assert_string_equal(ev.id.hostname, "w-c3");
        assert_true(ev.id.seed == 0xdeadbeefull);
        assert_false(ev.id.fail_ready);
        assert_int_equal(sfg_parse_host_line("identity clone_id=c4 seed=1 fail_ready=1 future=x", &ev), 0);
        assert_true(ev.id.fail_ready);
        assert_string_equal(ev.id.hostname, "c4");      /* defaults to the clone id */
}

static void test_refused(void **state)
{
        struct sfg_event ev;
        char longid[200];
        (void)state;
        assert_int_equal(sfg_parse_host_line("identity hostname=x seed=1", &ev), -EINVAL);       /* no id */
        assert_int_equal(sfg_parse_host_line("identity clone_id=c1", &ev), -EINVAL);            /* no seed */
        assert_int_equal(sfg_parse_host_line("identity clone_id=c/1 seed=1", &ev), -EINVAL);    /* bad char */
        assert_int_equal(sfg_parse_host_line("identity clone_id=c1 seed=xyz", &ev), -EINVAL);
        assert_int_equal(sfg_parse_host_line("identity clone_id=c1 seed=1 fail_ready=2", &ev), -EINVAL);
        assert_int_equal(sfg_parse_host_line("identity clone_id=c1 seed=1 junk", &ev), -EINVAL);
        memset(longid, 'a', sizeof(longid) - 1);
        longid[sizeof(longid) - 1] = 0;
        char line[300];
        snprintf(line, sizeof(line), "identity clone_id=%s seed=1", longid);
        assert_int_equal(sfg_parse_host_line(line, &ev), -EINVAL);
        assert_int_equal(sfg_parse_host_line("reboot", &ev), -EINVAL);
        assert_int_equal(sfg_parse_host_line("", &ev), -EINVAL);
}

/* A bridge identity: MAC, address/prefix, gateway, DNS; refused whole when any part is wrong */
static void test_net_identity(void **state)
{
        struct sfg_event ev;
        (void)state;
        assert_int_equal(sfg_parse_host_line("identity clone_id=c3 hostname=w-c3 seed=1 fail_ready=0 "
                                             "mac=02:5e:aa:bb:cc:dd ipv4=10.77.0.13/24 gw=10.77.0.1 dns=-", &ev), 0);
        assert_int_equal(ev.type, SFG_EV_IDENTITY);
        assert_true(ev.id.has_net);
        assert_string_equal(ev.id.mac, "02:5e:aa:bb:cc:dd");
        assert_string_equal(ev.id.ipv4, "10.77.0.13");
        assert_int_equal(ev.id.prefix_len, 24);
        assert_string_equal(ev.id.gw, "10.77.0.1");
        assert_string_equal(ev.id.dns, "");
        assert_int_equal(sfg_parse_host_line("identity clone_id=c3 seed=1", &ev), 0);
        assert_false(ev.id.has_net);
        /* MAC without address, multicast MAC, upper case, bad prefix, bad address, bad gateway */
        assert_int_equal(sfg_parse_host_line("identity clone_id=c3 seed=1 mac=02:5e:aa:bb:cc:dd", &ev), -EINVAL);
        assert_int_equal(sfg_parse_host_line("identity clone_id=c3 seed=1 mac=03:5e:aa:bb:cc:dd ipv4=10.0.0.2/24", &ev), -EINVAL);
        assert_int_equal(sfg_parse_host_line("identity clone_id=c3 seed=1 mac=02:5E:AA:bb:cc:dd ipv4=10.0.0.2/24", &ev), -EINVAL);
        assert_int_equal(sfg_parse_host_line("identity clone_id=c3 seed=1 mac=02:5e:aa:bb:cc:dd ipv4=10.0.0.2/31", &ev), -EINVAL);
        assert_int_equal(sfg_parse_host_line("identity clone_id=c3 seed=1 mac=02:5e:aa:bb:cc:dd ipv4=10.0.0.256/24", &ev), -EINVAL);
        assert_int_equal(sfg_parse_host_line("identity clone_id=c3 seed=1 mac=02:5e:aa:bb:cc:dd ipv4=10.0.0.2", &ev), -EINVAL);
        assert_int_equal(sfg_parse_host_line("identity clone_id=c3 seed=1 mac=02:5e:aa:bb:cc:dd ipv4=10.0.0.2/24 gw=x;reboot", &ev), -EINVAL);
        assert_int_equal(sfg_parse_host_line("online", &ev), 0);
        assert_int_equal(ev.type, SFG_EV_ONLINE);
}

static void test_simple(void **state)
{
        struct sfg_event ev;
        (void)state;
        assert_int_equal(sfg_parse_host_line("hello", &ev), 0);
        assert_int_equal(ev.type, SFG_EV_HELLO);
        assert_int_equal(sfg_parse_host_line("stats", &ev), 0);
        assert_int_equal(ev.type, SFG_EV_STATS);
        assert_int_equal(sfg_parse_host_line("quit", &ev), 0);
        assert_int_equal(ev.type, SFG_EV_QUIT);
        assert_int_equal(sfg_parse_host_line("freepages", &ev), 0);
        assert_int_equal(ev.type, SFG_EV_FREEPAGES);
        assert_true(sfg_valid_name("w-c1.x_2"));
        assert_false(sfg_valid_name(""));
        assert_false(sfg_valid_name("a b"));
}

int main(void)
{
        const struct CMUnitTest tests[] = {
                cmocka_unit_test(test_identity),
                cmocka_unit_test(test_refused),
                cmocka_unit_test(test_simple),
                cmocka_unit_test(test_net_identity),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
