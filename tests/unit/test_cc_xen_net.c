/* The Xen driver's network identity without Xen (clonecore/drivers/xen_net.c): every clone gets
 * its own MAC whatever its index in a ticket, the address plan's MAC and address reach the guest
 * agent's identity line, the agent's report is compared field by field, and an attachment the
 * driver cannot give is refused with a reason. */
#include <errno.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "xen_net.h"

static struct cc_net bridge_net(const char *ip, uint8_t last)
{
        struct cc_net n = { .kind = CC_NET_BRIDGE, .prefix_len = 24 };
        snprintf(n.bridge, sizeof(n.bridge), "xenbr0");
        snprintf(n.ipv4, sizeof(n.ipv4), "%s", ip);
        snprintf(n.gateway, sizeof(n.gateway), "10.78.0.1");
        n.mac[0] = 0x02;
        n.mac[1] = 0x5e;
        n.mac[5] = last;
        return n;
}

/* snowscaled starts one clone per ticket, so every clone has index 0: the MAC must come from the
 * clone id (or the plan), never from the index. */
static void test_mac_differs_per_clone_id(void **state)
{
        struct cc_net none = { .kind = CC_NET_NONE };
        uint8_t a[6], b[6], a2[6];
        char t[18];

        xen_net_mac(&none, "c1", a);
        xen_net_mac(&none, "c2", b);
        xen_net_mac(NULL, "c1", a2);
        assert_memory_not_equal(a, b, 6);
        assert_memory_equal(a, a2, 6);
        assert_int_equal(a[0] & 3, 2);          /* locally administered, unicast */
        int distinct = 0;
        uint8_t seen[200][6];
        for (int i = 0; i < 200; i++) {
                char id[16];
                snprintf(id, sizeof(id), "c%d", i + 1);
                xen_net_mac(&none, id, seen[i]);
                bool dup = false;
                for (int k = 0; k < i && !dup; k++)
                        dup = !memcmp(seen[k], seen[i], 6);
                distinct += !dup;
        }
        assert_int_equal(distinct, 200);
        /* the address plan's MAC wins on a bridge */
        struct cc_net n = bridge_net("10.78.0.11", 0x33);
        xen_net_mac(&n, "c1", a);
        xen_net_mac_text(a, t);
        assert_string_equal(t, "02:5e:00:00:00:33");
}

static void test_identity_line_carries_the_plan(void **state)
{
        struct cc_identity id = { .clone_id = "c7", .seed = 0xabcdefull };
        struct cc_net n = bridge_net("10.78.0.17", 7);
        char line[512], expect[160];
        uint8_t mac[6];

        xen_net_mac(&n, id.clone_id, mac);
        assert_int_equal(xen_net_identity(&id, "worker-c7", false, &n, mac, line, sizeof(line), expect, sizeof(expect)), 0);
        assert_string_equal(line, "clone_id=c7 hostname=worker-c7 seed=0000000000abcdef fail_ready=0 "
                                  "mac=02:5e:00:00:00:07 ipv4=10.78.0.17/24 gw=10.78.0.1 dns=-");
        assert_string_equal(expect, "mac=02:5e:00:00:00:07 ipv4=10.78.0.17/24 hostname=worker-c7");
        /* off a bridge: no network fields, nothing to compare */
        struct cc_net none = { .kind = CC_NET_NONE };
        assert_int_equal(xen_net_identity(&id, "worker-c7", true, &none, mac, line, sizeof(line), expect, sizeof(expect)), 0);
        assert_string_equal(line, "clone_id=c7 hostname=worker-c7 seed=0000000000abcdef fail_ready=1");
        assert_string_equal(expect, "");
        assert_int_equal(xen_net_identity(&id, "worker-c7", false, &n, mac, line, 40, expect, sizeof(expect)), -ENAMETOOLONG);
}

static void test_report_compared_field_by_field(void **state)
{
        const char *want = "mac=02:5e:00:00:00:07 ipv4=10.78.0.17/24 hostname=worker-c7";

        assert_true(xen_net_report_matches("c7 mac=02:5e:00:00:00:07 ipv4=10.78.0.17/24 hostname=worker-c7", "c7", want));
        assert_true(xen_net_report_matches("c7 hostname=worker-c7 ipv4=10.78.0.17/24 mac=02:5e:00:00:00:07", "c7", want));
        /* still the parent's MAC, or a prefix of the address, or another clone's report */
        assert_false(xen_net_report_matches("c7 mac=02:5e:00:00:00:01 ipv4=10.78.0.17/24 hostname=worker-c7", "c7", want));
        assert_false(xen_net_report_matches("c7 mac=02:5e:00:00:00:07 ipv4=10.78.0.17/2 hostname=worker-c7", "c7", want));
        assert_false(xen_net_report_matches("c70 mac=02:5e:00:00:00:07 ipv4=10.78.0.17/24 hostname=worker-c7", "c7", want));
        assert_false(xen_net_report_matches("c7", "c7", want));
        assert_false(xen_net_report_matches(NULL, "c7", want));
        assert_true(xen_net_report_matches("c7", "c7", ""));
}

static void test_attachments_refused_with_reason(void **state)
{
        char why[256];
        struct cc_net user = { .kind = CC_NET_USER, .host_port = 18000 };
        struct cc_net n = bridge_net("10.78.0.17", 7);

        assert_int_equal(xen_net_check("c1", &user, why, sizeof(why)), -EOPNOTSUPP);
        assert_non_null(strstr(why, "network.mode: bridge"));
        assert_int_equal(xen_net_check("c1", &n, why, sizeof(why)), 0);
        n.prefix_len = 31;
        assert_int_equal(xen_net_check("c1", &n, why, sizeof(why)), -EINVAL);
        n = bridge_net("10.78.0.300", 7);
        assert_int_equal(xen_net_check("c1", &n, why, sizeof(why)), -EINVAL);
        assert_non_null(strstr(why, "IPv4 address"));
        assert_int_equal(xen_net_vif_bridge("vif-nonexistent", "xenbr0", true, why, sizeof(why)) < 0, 1);
        assert_non_null(strstr(why, "vif-nonexistent"));
}

int main(void)
{
        const struct CMUnitTest tests[] = {
                cmocka_unit_test(test_mac_differs_per_clone_id),
                cmocka_unit_test(test_identity_line_carries_the_plan),
                cmocka_unit_test(test_report_compared_field_by_field),
                cmocka_unit_test(test_attachments_refused_with_reason),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
