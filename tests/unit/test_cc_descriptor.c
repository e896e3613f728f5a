/* Descriptor format: round trip, and every kind of damage rejected with a reason. */
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

#include "cc_internal.h"

/* A page map with zero runs, new pages, duplicates (backward and forward in the table). */
static void make_map(struct cc_pagemap *pm, uint64_t pages)
{
        assert_int_equal(cc_pagemap_init(pm, pages, 4096), 0);
        for (uint64_t p = 0; p < pages; p++) {
                uint32_t idx;
                if (p % 7 == 0 || (p > 100 && p < 300))
                        continue;                       /* zero */
                if (p % 11 == 0 && pm->distinct > 5) {
                        pm->entry[p] = CC_PM_DATA + (uint32_t)((p * 31) % pm->distinct);
                        continue;                       /* duplicate of an earlier page */
                }
                if (p % 13 == 0) {
                        pm->entry[p] = CC_PM_FREE;
                        continue;
                }
                assert_int_equal(cc_pagemap_add_hash(pm, 0x1234567890abcdefULL * (p + 1), &idx), 0);
                pm->entry[p] = CC_PM_DATA + idx;
        }
        cc_pagemap_count(pm);
}

static uint8_t *build(struct cc_pagemap *pm, size_t *len, const char *driver)
{
        static const char state[] = "device state \x01\x02\x03 with bytes";
        struct cc_desc_spec spec = {
                .generation = 7, .parent_generation = 3, .created_us = 1763776800000000ULL,
                .pause_ns = 11000000, .mem_bytes = pm->pages * 4096, .driver = driver,
                .vm_config_json = "{\"mem\":256,\"smp\":1}", .mem_file = "mem.raw",
                .hostname_prefix = "web-", .state = state, .state_len = sizeof(state), .pm = pm,
        };
        uint8_t *buf = NULL;
        assert_int_equal(cc_descriptor_build(&spec, &buf, len), 0);
        return buf;
}

static void test_round_trip(void **unused)
{
        struct cc_pagemap pm;
        struct cc_descriptor *d = NULL;
        char why[CC_REASON_MAX] = "";
        size_t len, slen;

        make_map(&pm, 5000);
        uint8_t *buf = build(&pm, &len, "qemu");
        assert_int_equal(cc_descriptor_parse(buf, len, &d, why, sizeof(why)), 0);
        const struct cc_desc_info *i = cc_descriptor_info(d);
        assert_int_equal(i->generation, 7);
        assert_int_equal(i->parent_generation, 3);
        assert_string_equal(i->driver, "qemu");
        assert_int_equal(i->mem_bytes, 5000 * 4096);
        assert_int_equal(i->pages, 5000);
        assert_int_equal(i->zero_pages, pm.zero_pages);
        assert_int_equal(i->free_pages, pm.free_pages);
        assert_int_equal(i->distinct_pages, pm.distinct);
        assert_int_equal(i->pause_ns, 11000000);
        assert_int_equal(i->file_bytes, len);
        assert_string_equal(cc_descriptor_vm_config(d), "{\"mem\":256,\"smp\":1}");
        assert_string_equal(cc_descriptor_mem_file(d), "mem.raw");
        const void *st = cc_descriptor_state(d, &slen);
        assert_int_equal(slen, sizeof("device state \x01\x02\x03 with bytes"));
        assert_memory_equal(st, "device state \x01\x02\x03 with bytes", slen);
        const struct cc_pagemap *got = cc_descriptor_pagemap(d);
        assert_memory_equal(got->entry, pm.entry, pm.pages * sizeof(uint32_t));
        assert_memory_equal(got->hash, pm.hash, pm.distinct * sizeof(uint64_t));

        struct cc_identity id;
        assert_int_equal(cc_descriptor_identity(d, 5, "c", &id), 0);
        assert_string_equal(id.clone_id, "c5");
        assert_string_equal(id.hostname, "web-c5");
        assert_int_equal(id.mac[0], 0x02);               /* locally administered, unicast */
        assert_int_equal(id.mac[5], 5);

        /* the state blob as a file, byte for byte */
        char path[] = "/tmp/cc-state-XXXXXX";
        int fd = mkstemp(path);
        assert_true(fd >= 0);
        close(fd);
        assert_int_equal(cc_descriptor_extract_state(d, path), 0);
        FILE *f = fopen(path, "r");
        char back[128];
        assert_int_equal(fread(back, 1, sizeof(back), f), slen);
        fclose(f);
        unlink(path);
        assert_memory_equal(back, st, slen);
        cc_descriptor_free(d);
        cc_pagemap_dispose(&pm);
        free(buf);
}

static void test_every_flipped_byte_rejected(void **unused)
{
        struct cc_pagemap pm;
        struct cc_descriptor *d = NULL;
        char why[CC_REASON_MAX];
        size_t len;

        make_map(&pm, 300);
        uint8_t *buf = build(&pm, &len, "xen");
        for (size_t i = 0; i < len; i++) {
                buf[i] ^= 0x40;
                why[0] = 0;
                int r = cc_descriptor_parse(buf, len, &d, why, sizeof(why));
                if (r == 0)
                        fail_msg("byte %zu flipped was accepted", i);
                assert_true(why[0] != 0);                 /* always a reason */
                buf[i] ^= 0x40;
        }
        assert_int_equal(cc_descriptor_parse(buf, len, &d, why, sizeof(why)), 0);
        cc_descriptor_free(d);
        cc_pagemap_dispose(&pm);
        free(buf);
}

static void test_truncated_rejected(void **unused)
{
        struct cc_pagemap pm;
        struct cc_descriptor *d = NULL;
        char why[CC_REASON_MAX];
        size_t len;

        make_map(&pm, 300);
        uint8_t *buf = build(&pm, &len, "qemu");
        for (size_t cut = 0; cut < len; cut += (cut < 64 ? 1 : 97))
                assert_true(cc_descriptor_parse(buf, cut, &d, why, sizeof(why)) < 0);
        cc_pagemap_dispose(&pm);
        free(buf);
}

static void test_version_and_size(void **unused)
{
        struct cc_pagemap pm;
        struct cc_descriptor *d = NULL;
        char why[CC_REASON_MAX];
        size_t len;

        make_map(&pm, 64);
        uint8_t *buf = build(&pm, &len, "qemu");
        /* another major, or a newer minor: refused before anything else is trusted */
        cc_put16(buf + 8, CC_DESC_VERSION_MAJOR + 1);
        assert_int_equal(cc_descriptor_parse(buf, len, &d, why, sizeof(why)), -EPROTONOSUPPORT);
        assert_non_null(strstr(why, "not supported"));
        cc_put16(buf + 8, CC_DESC_VERSION_MAJOR);
        cc_put16(buf + 10, CC_DESC_VERSION_MINOR + 1);
        assert_int_equal(cc_descriptor_parse(buf, len, &d, why, sizeof(why)), -EPROTONOSUPPORT);
        cc_put16(buf + 10, CC_DESC_VERSION_MINOR);
        /* the size limit comes first, on buffers and on files */
        assert_int_equal(cc_descriptor_parse(buf, (size_t)CC_DESC_MAX_BYTES + 1, &d, why, sizeof(why)), -EFBIG);
        char path[] = "/tmp/cc-big-XXXXXX";
        int fd = mkstemp(path);
        assert_true(fd >= 0);
        assert_int_equal(ftruncate(fd, (off_t)CC_DESC_MAX_BYTES + 4096), 0);
        close(fd);
        assert_int_equal(cc_descriptor_read(path, &d, why, sizeof(why)), -EFBIG);
        unlink(path);
        assert_int_equal(cc_descriptor_read("/nonexistent/descriptor.sfd", &d, why, sizeof(why)), -ENOENT);
        cc_pagemap_dispose(&pm);
        free(buf);
}

/* A big, compressible state blob (like QEMU's: ROM/ACPI pages, zero-filled tables) is stored
 * LZ4-compressed and comes back byte for byte; damage inside the compressed data is caught. */
static void test_compressed_state(void **unused)
{
        struct cc_pagemap pm;
        struct cc_descriptor *d = NULL;
        char why[CC_REASON_MAX] = "";
        size_t len, slen, big = 400 * 1024;
        uint8_t *state = calloc(1, big), *buf = NULL;

        for (size_t i = 0; i < big; i += 4096)
                memcpy(state + i, "qemu device record", 18);
        state[big - 1] = 0x7f;
        make_map(&pm, 64);
        struct cc_desc_spec spec = {
                .generation = 2, .mem_bytes = 64 * 4096, .driver = "qemu", .vm_config_json = "{}",
                .mem_file = "ram", .state = state, .state_len = big, .pm = &pm,
        };
        assert_int_equal(cc_descriptor_build(&spec, &buf, &len), 0);
        assert_true(len < big / 10);                   /* compressed */
        assert_int_equal(cc_descriptor_parse(buf, len, &d, why, sizeof(why)), 0);
        const void *st = cc_descriptor_state(d, &slen);
        assert_int_equal(slen, big);
        assert_memory_equal(st, state, big);
        assert_int_equal(cc_descriptor_info(d)->state_bytes, big);
        cc_descriptor_free(d);
        for (size_t i = 0; i < len; i += 7) {           /* CRCs catch every change */
                buf[i] ^= 0x10;
                assert_true(cc_descriptor_parse(buf, len, &d, why, sizeof(why)) < 0);
                buf[i] ^= 0x10;
        }
        free(buf);
        free(state);
        cc_pagemap_dispose(&pm);
}

static void test_inspect(void **unused)
{
        struct cc_pagemap pm;
        size_t len;
        char path[] = "/tmp/cc-desc-XXXXXX", out[8192];

        make_map(&pm, 256);
        uint8_t *buf = build(&pm, &len, "qemu");
        int fd = mkstemp(path);
        assert_int_equal(write(fd, buf, len), (ssize_t)len);
        close(fd);
        FILE *f = fmemopen(out, sizeof(out), "w");
        assert_int_equal(cc_descriptor_inspect(f, path, true), 0);
        fclose(f);
        assert_non_null(strstr(out, "\"valid\":true"));
        assert_non_null(strstr(out, "\"generation\":7"));
        assert_non_null(strstr(out, "\"vm_config\":{\"mem\":256"));
        buf[len - 20] ^= 1;                             /* damage: inspect says why, returns error */
        fd = open(path, O_WRONLY | O_TRUNC);
        assert_int_equal(write(fd, buf, len), (ssize_t)len);
        close(fd);
        f = fmemopen(out, sizeof(out), "w");
        assert_true(cc_descriptor_inspect(f, path, false) < 0);
        fclose(f);
        assert_non_null(strstr(out, "invalid descriptor"));
        unlink(path);
        cc_pagemap_dispose(&pm);
        free(buf);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
                cmocka_unit_test(test_round_trip),
                cmocka_unit_test(test_every_flipped_byte_rejected),
                cmocka_unit_test(test_truncated_rejected),
                cmocka_unit_test(test_version_and_size),
                cmocka_unit_test(test_compressed_state),
                cmocka_unit_test(test_inspect),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
