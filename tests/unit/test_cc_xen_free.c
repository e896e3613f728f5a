/* The guest's free-page report on the host (clonecore/drivers/xen_free.c): runs into a bitmap,
 * malformed and out-of-range reports refused, the census against a memory image, churn. */
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

#include "xen_free.h"

static void test_parse(void **state)
{
        uint8_t bm[4] = {0};
        uint64_t set = 0;

        assert_int_equal(xen_free_parse("0+2 a+3", bm, 32, &set), 0);
        assert_int_equal(set, 5);
        assert_int_equal(bm[0], 0x03);
        assert_int_equal(bm[1], 0x1c);                          /* pfns 10, 11, 12 */
        assert_int_equal(xen_free_parse("1+2", bm, 32, &set), 0);
        assert_int_equal(set, 1);                               /* pfn 1 was set already */
        assert_int_equal(xen_free_parse("", bm, 32, &set), 0);
        assert_int_equal(set, 0);
        assert_int_equal(xen_free_parse("1f+1", bm, 32, &set), 0);
        assert_int_equal(xen_free_parse("1f+2", bm, 32, &set), -ERANGE);
        assert_int_equal(xen_free_parse("20+1", bm, 32, &set), -ERANGE);
        assert_int_equal(xen_free_parse("ffffffffffffffff+2", bm, 32, &set), -ERANGE);
        assert_int_equal(xen_free_parse("1+0", bm, 32, &set), -EINVAL);
        assert_int_equal(xen_free_parse("1-2", bm, 32, &set), -EINVAL);
        assert_int_equal(xen_free_parse("1+2,3+1", bm, 32, &set), -EINVAL);
        assert_int_equal(xen_free_parse("+2", bm, 32, &set), -EINVAL);
        assert_int_equal(xen_free_parse("10000000000000000+1", bm, 32, &set), -EINVAL);
        assert_int_equal(xen_free_parse("A+1", bm, 32, &set), -EINVAL);
}

static void test_census(void **state)
{
        char path[] = "/tmp/cc-xen-free-XXXXXX";
        int fd = mkstemp(path);
        uint8_t page[4096], bm[2] = {0}, bm2[2] = {0};
        struct xen_free_census c;

        assert_true(fd >= 0);
        unlink(path);
        /* 10 pages: 1, 3, 4 and 8 non-zero; the report says 0-4 free */
        assert_int_equal(ftruncate(fd, 10 * 4096), 0);
        memset(page, 0x5a, sizeof(page));
        for (int p = 1; p < 10; p++)
                if (p == 1 || p == 3 || p == 4 || p == 8)
                        assert_int_equal(pwrite(fd, page, 4096, p * 4096), 4096);
        assert_int_equal(xen_free_parse("0+5", bm, 12, NULL), 0);
        assert_int_equal(xen_free_census(fd, bm, 12, &c), 0);
        assert_int_equal(c.pages, 10);                          /* the image is shorter than the map */
        assert_int_equal(c.nonzero, 4);
        assert_int_equal(c.free, 5);
        assert_int_equal(c.free_nonzero, 3);
        assert_int_equal(xen_free_parse("1+5 b+1", bm2, 12, NULL), 0);
        assert_int_equal(xen_free_changed(bm, bm2, 12), 3);     /* 0 and 5 differ, and 11 */
        assert_int_equal(xen_free_changed(bm, bm2, 11), 2);     /* bits past the map do not count */
        close(fd);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
                cmocka_unit_test(test_parse),
                cmocka_unit_test(test_census),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
