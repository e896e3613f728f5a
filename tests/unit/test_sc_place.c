/* sc_place: the placement of one more clone among the worker hosts (pure): health and capacity
 * filter, a host holding the generation first, then spread or pack, ties to the lowest index. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "sc_hosts.h"

#define MIB (1ull << 20)

static void test_spread_and_pack(void **state)
{
        struct sc_place_host h[3] = {
                { .healthy = true, .max_clones = 3, .clones = 2 },
                { .healthy = true, .max_clones = 3, .clones = 1 },
                { .healthy = true, .max_clones = 3, .clones = 2 },
        };
        char why[128];
        (void)state;

        assert_int_equal(sc_place(h, 3, POL_PLACE_SPREAD, 128 * MIB, why, sizeof(why)), 1);
        assert_int_equal(sc_place(h, 3, POL_PLACE_PACK, 128 * MIB, why, sizeof(why)), 0);
        h[1].clones = 2;
        assert_int_equal(sc_place(h, 3, POL_PLACE_SPREAD, 128 * MIB, why, sizeof(why)), 0);   /* tie: lowest */
}

static void test_filters(void **state)
{
        struct sc_place_host h[3] = {
                { .healthy = false, .max_clones = 9, .clones = 0 },            /* lost */
                { .healthy = true, .max_clones = 2, .clones = 2 },             /* full by count */
                { .healthy = true, .memory_bytes = 512 * MIB, .clones = 3 },   /* room for a 4th of 128M */
        };
        char why[128];
        (void)state;

        assert_int_equal(sc_place(h, 3, POL_PLACE_SPREAD, 128 * MIB, why, sizeof(why)), 2);
        h[2].clones = 4;                                                /* full by memory */
        assert_int_equal(sc_place(h, 3, POL_PLACE_SPREAD, 128 * MIB, why, sizeof(why)), -ENOSPC);
        assert_non_null(strstr(why, "no healthy host has room (2 healthy"));
        h[1].healthy = h[2].healthy = false;
        assert_int_equal(sc_place(h, 3, POL_PLACE_SPREAD, 128 * MIB, why, sizeof(why)), -ENOSPC);
        assert_string_equal(why, "no healthy host (3 configured)");
        assert_int_equal(sc_place(h, 0, POL_PLACE_PACK, 128 * MIB, why, sizeof(why)), -ENOSPC);
}

static void test_generation_first(void **state)
{
        struct sc_place_host h[3] = {
                { .healthy = true, .clones = 0, .max_clones = 8 },
                { .healthy = true, .clones = 5, .max_clones = 8, .holds_generation = true },
                { .healthy = true, .clones = 3, .max_clones = 8, .holds_generation = true },
        };
        char why[128];
        (void)state;

        /* spread: the count decides; pack: the hosts holding the generation first */
        assert_int_equal(sc_place(h, 3, POL_PLACE_SPREAD, 128 * MIB, why, sizeof(why)), 0);
        assert_int_equal(sc_place(h, 3, POL_PLACE_PACK, 128 * MIB, why, sizeof(why)), 1);
        h[0].clones = 3;                                                /* a tie: the generation breaks it */
        assert_int_equal(sc_place(h, 3, POL_PLACE_SPREAD, 128 * MIB, why, sizeof(why)), 2);
        h[1].clones = h[2].clones = 8;                                  /* both full: the other one */
        assert_int_equal(sc_place(h, 3, POL_PLACE_SPREAD, 128 * MIB, why, sizeof(why)), 0);
        assert_int_equal(sc_place(h, 3, POL_PLACE_PACK, 128 * MIB, why, sizeof(why)), 0);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
                cmocka_unit_test(test_spread_and_pack),
                cmocka_unit_test(test_filters),
                cmocka_unit_test(test_generation_first),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
