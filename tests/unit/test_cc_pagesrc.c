/* A clone's page source through the page map and the page store (clonecore/pagesrc.c): each
 * distinct content read from the store once, repeats from memory, and everything it cannot
 * vouch for (zero pages, pages the store lacks, a damaged store) left to the memory path. */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "clonecore/cc_driver.h"
#include "engine_int.h"

static void fill(uint8_t *p, unsigned seed)
{
        for (unsigned i = 0; i < 4096; i++)
                p[i] = (uint8_t)(seed * 13 + i * 3 + 1);
}

static void test_distinct_once(void **state)
{
        char dir[] = "/tmp/cc-pagesrc-XXXXXX", cmd[64];
        struct cc_store *st = NULL;
        struct cc_pagemap pm;
        struct cc_pagesrc *src = NULL;
        uint8_t a[4096], b[4096], c[4096], buf[4096];
        uint32_t ia, ib, ic;

        assert_non_null(mkdtemp(dir));
        assert_int_equal(cc_store_open(dir, &st), 0);
        fill(a, 1);
        fill(b, 2);
        fill(c, 3);
        /* pfn 0: a, 1: zero, 2: b, 3: a, 4: a, 5: c (never stored) */
        assert_int_equal(cc_pagemap_init(&pm, 6, 4096), 0);
        assert_int_equal(cc_pagemap_add_hash(&pm, cc_page_hash(a, 4096), &ia), 0);
        assert_int_equal(cc_pagemap_add_hash(&pm, cc_page_hash(b, 4096), &ib), 0);
        assert_int_equal(cc_pagemap_add_hash(&pm, cc_page_hash(c, 4096), &ic), 0);
        pm.entry[0] = pm.entry[3] = pm.entry[4] = CC_PM_DATA + ia;
        pm.entry[2] = CC_PM_DATA + ib;
        pm.entry[5] = CC_PM_DATA + ic;
        assert_int_equal(cc_store_put(st, cc_page_hash(a, 4096), a), 0);
        assert_int_equal(cc_store_put(st, cc_page_hash(b, 4096), b), 0);

        assert_int_equal(cc_pagesrc_new(&pm, st, &src), 0);
        const struct cc_page_source *ps = cc_pagesrc_ops(src);
        assert_int_equal(ps->read(ps->ctx, 0, buf), 0);         /* a: from the store */
        assert_memory_equal(buf, a, 4096);
        assert_int_equal(ps->read(ps->ctx, 1, buf), -ENOENT);   /* zero: not the store's */
        assert_int_equal(ps->read(ps->ctx, 2, buf), 0);         /* b: once only, from the store */
        assert_memory_equal(buf, b, 4096);
        memset(buf, 0, sizeof(buf));
        assert_int_equal(ps->read(ps->ctx, 3, buf), 1);         /* a again: from memory */
        assert_memory_equal(buf, a, 4096);
        assert_int_equal(ps->read(ps->ctx, 4, buf), 1);
        assert_int_equal(ps->read(ps->ctx, 5, buf), -ENOENT);   /* c: not in the store */
        assert_int_equal(ps->read(ps->ctx, 6, buf), -ENOENT);   /* past the map */
        cc_pagesrc_free(src);

        /* a damaged store: its bytes no longer match the hash, so the memory path answers */
        char pack[64];
        snprintf(pack, sizeof(pack), "%s/pages.pack", dir);
        int fd = open(pack, O_WRONLY);
        assert_true(fd >= 0);
        assert_int_equal(pwrite(fd, "X", 1, 100), 1);           /* slot 0 holds a */
        close(fd);
        assert_int_equal(cc_pagesrc_new(&pm, st, &src), 0);
        ps = cc_pagesrc_ops(src);
        assert_int_equal(ps->read(ps->ctx, 0, buf), -ENOENT);
        assert_int_equal(ps->read(ps->ctx, 2, buf), 0);
        cc_pagesrc_free(src);
        cc_pagesrc_free(NULL);

        assert_int_equal(cc_pagesrc_new(NULL, st, &src), -EINVAL);
        cc_pagemap_dispose(&pm);
        cc_store_close(st);
        snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
        assert_int_equal(system(cmd), 0);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
                cmocka_unit_test(test_distinct_once),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
