/* Page store, publishing (page map + dedup) and the memserver protocol's checks, in process. */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "cc_internal.h"

static const char secret[] = "unit-test-cluster-secret";

static char *tmpdir(void)
{
        char *d = strdup("/tmp/cc-store-XXXXXX");
        assert_non_null(mkdtemp(d));
        return d;
}

static void rm_rf(const char *d)
{
        char cmd[512];
        snprintf(cmd, sizeof(cmd), "rm -rf '%s'", d);
        assert_int_equal(system(cmd), 0);
}

static void fill(uint8_t *page, unsigned seed)
{
        for (unsigned i = 0; i < 4096; i++)
                page[i] = (uint8_t)(seed * 131 + i * 7 + (i >> 8));
}

static void test_store_dedup_and_collision(void **unused)
{
        char *dir = tmpdir();
        struct cc_store *a, *b;
        uint8_t p1[4096], p2[4096], back[4096];

        assert_int_equal(cc_store_open(dir, &a), 0);
        assert_int_equal(cc_store_open(dir, &b), 0);     /* a second process's view */
        fill(p1, 1);
        fill(p2, 2);
        uint64_t h1 = cc_page_hash(p1, 4096), h2 = cc_page_hash(p2, 4096);
        assert_int_equal(cc_store_put(a, h1, p1), 0);
        assert_int_equal(cc_store_put(a, h1, p1), 0);    /* once only */
        assert_int_equal(cc_store_pages(a), 1);
        assert_int_equal(cc_store_get(b, h1, back), 0);  /* b sees a's append */
        assert_memory_equal(back, p1, 4096);
        assert_int_equal(cc_store_put(b, h2, p2), 0);
        assert_int_equal(cc_store_pages(a), 2);
        assert_int_equal(cc_store_put(a, h2, p2), 0);    /* already there via b */
        assert_int_equal(cc_store_pages(b), 2);
        /* the same address for other bytes would make the store ambiguous: refused */
        assert_int_equal(cc_store_put(a, h1, p2), -EEXIST);
        assert_int_equal(cc_store_get(a, 12345, back), -ENOENT);
        cc_store_close(a);
        cc_store_close(b);
        /* a torn index record (writer died) is skipped, the rest stays usable */
        char idx[600];
        snprintf(idx, sizeof(idx), "%s/pages.idx", dir);
        int fd = open(idx, O_WRONLY | O_APPEND);
        assert_int_equal(write(fd, "\x01\x02\x03\x04\x05\x06\x07", 7), 7);
        close(fd);
        assert_int_equal(cc_store_open(dir, &a), 0);
        assert_int_equal(cc_store_pages(a), 2);
        uint8_t p3[4096];
        fill(p3, 3);
        assert_int_equal(cc_store_put(a, cc_page_hash(p3, 4096), p3), 0);
        assert_int_equal(cc_store_get(a, cc_page_hash(p3, 4096), back), 0);
        assert_memory_equal(back, p3, 4096);
        assert_int_equal(cc_store_get(a, h2, back), 0);
        assert_memory_equal(back, p2, 4096);
        /* a batch: pages already stored, repeated within the batch, new ones */
        uint8_t p4[4096], p5[4096];
        fill(p4, 4);
        fill(p5, 5);
        uint64_t hs[5] = { h1, cc_page_hash(p4, 4096), cc_page_hash(p4, 4096), cc_page_hash(p5, 4096), h2 };
        const void *ps[5] = { p1, p4, p4, p5, p2 };
        assert_int_equal(cc_store_put_many(a, hs, ps, 5), 0);
        assert_int_equal(cc_store_pages(a), 5);
        assert_int_equal(cc_store_get(a, hs[3], back), 0);
        assert_memory_equal(back, p5, 4096);
        const void *bad[1] = { p4 };
        assert_int_equal(cc_store_put_many(a, &h1, bad, 1), -EEXIST);
        cc_store_close(a);
        rm_rf(dir);
        free(dir);
}

/* Memory image of `pages` pages: zero runs, repeats of a few pages, unique pages. */
static void write_image(const char *path, uint64_t pages, uint64_t *zero, uint64_t *distinct)
{
        FILE *f = fopen(path, "w");
        uint8_t page[4096];
        *zero = *distinct = 0;
        for (uint64_t p = 0; p < pages; p++) {
                if (p % 4 == 0) {
                        memset(page, 0, sizeof(page));
                        (*zero)++;
                } else if (p % 4 == 1) {
                        fill(page, 1000 + (unsigned)(p % 3));    /* three repeated contents */
                } else {
                        fill(page, (unsigned)p);
                        page[0] = (uint8_t)p;
                        page[1] = (uint8_t)(p >> 8);
                        page[4095] = 0xee;
                }
                assert_int_equal(fwrite(page, 4096, 1, f), 1);
        }
        fclose(f);
        *distinct = pages / 2 + 3;                      /* the p%4 in {2,3} pages + three repeats */
}

static struct cc_engine *publish(const char *dir, uint64_t pages, uint64_t id, struct cc_generation **g,
                                 uint64_t *zero, uint64_t *distinct)
{
        struct cc_engine_config ec = { .state_dir = dir, .secret = secret, .secret_len = sizeof(secret) - 1 };
        struct cc_engine *e;
        static struct cc_checkpoint cp;
        char why[CC_REASON_MAX] = "", gdir[512];

        assert_int_equal(cc_engine_new(&ec, &e, why, sizeof(why)), 0);
        snprintf(gdir, sizeof(gdir), "%s/gen/%llu", dir, (unsigned long long)id);
        mkdir(gdir, 0700);
        snprintf(cp.mem_path, sizeof(cp.mem_path), "%s/mem.raw", gdir);
        snprintf(cp.state_path, sizeof(cp.state_path), "%s/state.bin", gdir);
        write_image(cp.mem_path, pages, zero, distinct);
        FILE *f = fopen(cp.state_path, "w");
        fputs("state", f);
        fclose(f);
        cp.mem_bytes = pages * 4096;
        cp.page_size = 4096;
        strcpy(cp.vm_config_json, "{}");
        struct cc_publish_opts po = { .id = id, .driver_name = "test" };
        int r = cc_generation_publish(e, gdir, &cp, &po, g, why, sizeof(why));
        if (r < 0)
                fail_msg("publish: %s", why);
        return e;
}

static void test_publish_pagemap_dedup(void **unused)
{
        char *dir = tmpdir();
        struct cc_generation *g, *g2;
        struct cc_generation_info i;
        uint64_t zero, distinct;
        char why[CC_REASON_MAX];

        struct cc_engine *e = publish(dir, 1024, 1, &g, &zero, &distinct);
        cc_generation_info(g, &i);
        assert_int_equal(i.pages, 1024);
        assert_int_equal(i.zero_pages, zero);
        assert_int_equal(i.distinct_pages, distinct);
        assert_int_equal(i.new_store_pages, distinct);   /* each distinct page stored once */
        /* the map sends every page to the right content */
        const struct cc_pagemap *pm = cc_descriptor_pagemap(cc_generation_descriptor(g));
        FILE *f = fopen(i.mem_path, "r");
        uint8_t page[4096];
        for (uint64_t p = 0; p < 1024; p++) {
                assert_int_equal(fread(page, 4096, 1, f), 1);
                if (cc_page_is_zero(page, 4096))
                        assert_int_equal(pm->entry[p], CC_PM_ZERO);
                else
                        assert_true(cc_pm_is_data(pm->entry[p]) &&
                                    pm->hash[pm->entry[p] - CC_PM_DATA] == cc_page_hash(page, 4096));
        }
        fclose(f);
        /* a second generation with the same content adds nothing to the store */
        char gdir[512];
        snprintf(gdir, sizeof(gdir), "%s/gen/2", dir);
        mkdir(gdir, 0700);
        struct cc_checkpoint cp = { .mem_bytes = 1024 * 4096, .page_size = 4096 };
        snprintf(cp.mem_path, sizeof(cp.mem_path), "%s/mem.raw", gdir);
        snprintf(cp.state_path, sizeof(cp.state_path), "%s/state.bin", gdir);
        char cmd[2048];
        snprintf(cmd, sizeof(cmd), "cp %s/gen/1/mem.raw %s/gen/1/state.bin %s/", dir, dir, gdir);
        assert_int_equal(system(cmd), 0);
        struct cc_publish_opts po = { .id = 2, .parent = 1, .driver_name = "test" };
        assert_int_equal(cc_generation_publish(e, gdir, &cp, &po, &g2, why, sizeof(why)), 0);
        cc_generation_info(g2, &i);
        assert_int_equal(i.new_store_pages, 0);
        assert_int_equal(i.parent, 1);
        /* the same id twice is refused; a memory image outside the generation dir too */
        assert_int_equal(cc_generation_publish(e, gdir, &cp, &po, &g2, why, sizeof(why)), -EEXIST);
        po.id = 3;
        snprintf(cp.mem_path, sizeof(cp.mem_path), "%s/gen/1/mem.raw", dir);
        assert_int_equal(cc_generation_publish(e, gdir, &cp, &po, &g2, why, sizeof(why)), -EINVAL);
        assert_non_null(strstr(why, "not in"));
        cc_engine_free(e);
        /* after a restart the generation is found on disk */
        struct cc_engine_config ec = { .state_dir = dir };
        assert_int_equal(cc_engine_new(&ec, &e, why, sizeof(why)), 0);
        assert_int_equal(cc_generation_get(e, 1, &g, why, sizeof(why)), 0);
        cc_generation_info(g, &i);
        assert_int_equal(i.distinct_pages, distinct);
        assert_int_equal(cc_generation_get(e, 9, &g, why, sizeof(why)), -ENOENT);
        assert_int_equal(cc_generation_drop(e, 2), 0);
        assert_int_equal(cc_generation_get(e, 2, &g, why, sizeof(why)), -ENOENT);
        cc_engine_free(e);
        rm_rf(dir);
        free(dir);
}

static int collect(uint64_t page, const void *data, void *userdata)
{
        uint64_t *n = userdata;
        (*n)++;
        return 0;
}

static struct cc_memserver *serve(const char *dir, const char *fault, unsigned max_pages)
{
        char gen_root[512], store[512], why[CC_REASON_MAX] = "";
        snprintf(gen_root, sizeof(gen_root), "%s/gen", dir);
        snprintf(store, sizeof(store), "%s/store", dir);
        struct cc_memserver_opts o = {
                .listen = "127.0.0.1:0", .gen_root = gen_root, .store_dir = store, .secret = secret,
                .secret_len = sizeof(secret) - 1, .inject_fault = fault, .max_request_pages = max_pages,
                .io_timeout_ms = 2000,
        };
        struct cc_memserver *s;
        if (cc_memserver_start(&o, &s, why, sizeof(why)) < 0)
                fail_msg("memserver: %s", why);
        return s;
}

static void test_fetch_verifies_hashes(void **unused)
{
        char *dir = tmpdir();
        struct cc_generation *g;
        uint64_t zero, distinct, n, bytes;
        char addr[64], why[CC_REASON_MAX];
        struct cc_client *c;

        cc_engine_free(publish(dir, 256, 1, &g, &zero, &distinct));
        struct cc_descriptor *d;
        char path[512];
        snprintf(path, sizeof(path), "%s/gen/1/descriptor.sfd", dir);
        assert_int_equal(cc_descriptor_read(path, &d, why, sizeof(why)), 0);
        const struct cc_pagemap *pm = cc_descriptor_pagemap(d);
        struct cc_range all = { 0, 256 };

        /* honest server: every data page arrives, zero pages never do, LZ4 or not */
        struct cc_memserver *s = serve(dir, NULL, 64);
        snprintf(addr, sizeof(addr), "127.0.0.1:%u", cc_memserver_port(s));
        assert_int_equal(cc_client_connect(addr, secret, sizeof(secret) - 1, 2000, &c, why, sizeof(why)), 0);
        struct cc_range first64 = { 0, 64 };
        n = bytes = 0;
        assert_int_equal(cc_client_fetch(c, 1, pm, &first64, 1, true, collect, &n, &bytes, why, sizeof(why)), 0);
        assert_int_equal(n, 48);                        /* 64 pages minus 16 zero pages */
        /* over the request limit: refused with a reason, not served */
        assert_int_equal(cc_client_fetch(c, 1, pm, &all, 1, false, collect, &n, &bytes, why, sizeof(why)), -E2BIG);
        cc_client_close(c);
        /* the wrong secret never gets a page */
        assert_int_equal(cc_client_connect(addr, "another-secret-of-16", 20, 2000, &c, why, sizeof(why)), -EACCES);
        /* the descriptor travels too, byte for byte */
        uint8_t *buf;
        size_t len;
        assert_int_equal(cc_client_connect(addr, secret, sizeof(secret) - 1, 2000, &c, why, sizeof(why)), 0);
        assert_int_equal(cc_client_get_descriptor(c, 1, &buf, &len, why, sizeof(why)), 0);
        assert_int_equal(len, cc_descriptor_info(d)->file_bytes);
        free(buf);
        assert_int_equal(cc_client_get_descriptor(c, 42, &buf, &len, why, sizeof(why)), -ENOENT);
        cc_client_close(c);
        cc_memserver_stop(s);

        /* a server that corrupts a page: the client refuses it and says which */
        s = serve(dir, "corrupt:10", 1024);
        snprintf(addr, sizeof(addr), "127.0.0.1:%u", cc_memserver_port(s));
        assert_int_equal(cc_client_connect(addr, secret, sizeof(secret) - 1, 2000, &c, why, sizeof(why)), 0);
        n = 0;
        assert_int_equal(cc_client_fetch(c, 1, pm, &all, 1, false, collect, &n, &bytes, why, sizeof(why)), -EBADMSG);
        assert_int_equal(n, 10);                        /* the good ones before it were delivered */
        assert_non_null(strstr(why, "hash mismatch"));
        cc_client_close(c);
        cc_memserver_stop(s);

        /* a server that dies in the middle of a page */
        s = serve(dir, "die:5", 1024);
        snprintf(addr, sizeof(addr), "127.0.0.1:%u", cc_memserver_port(s));
        assert_int_equal(cc_client_connect(addr, secret, sizeof(secret) - 1, 2000, &c, why, sizeof(why)), 0);
        n = 0;
        assert_true(cc_client_fetch(c, 1, pm, &all, 1, false, collect, &n, &bytes, why, sizeof(why)) < 0);
        assert_int_equal(n, 5);
        cc_client_close(c);
        cc_memserver_stop(s);

        cc_descriptor_free(d);
        rm_rf(dir);
        free(dir);
}

/* mcdist datagrams: only the cluster secret's, only for the generation asked, never altered. */
static void test_mcast_datagrams(void **unused)
{
        uint8_t page[4096], dg[CC_MC_LEN];
        uint64_t got;
        struct cc_mcast_addr ma;

        fill(page, 9);
        cc_mc_seal(secret, sizeof(secret) - 1, 3, 77, page, dg);
        assert_int_equal(cc_mc_open(secret, sizeof(secret) - 1, 3, dg, sizeof(dg), &got), 0);
        assert_int_equal(got, 77);
        assert_memory_equal(dg + CC_MC_HDR, page, 4096);
        assert_int_equal(cc_mc_open("another-secret-xyz", 18, 3, dg, sizeof(dg), &got), -EACCES);
        assert_int_equal(cc_mc_open(secret, sizeof(secret) - 1, 4, dg, sizeof(dg), &got), -EBADMSG);
        assert_int_equal(cc_mc_open(secret, sizeof(secret) - 1, 3, dg, sizeof(dg) - 1, &got), -EBADMSG);
        dg[CC_MC_HDR + 100] ^= 1;
        assert_int_equal(cc_mc_open(secret, sizeof(secret) - 1, 3, dg, sizeof(dg), &got), -EACCES);
        dg[CC_MC_HDR + 100] ^= 1;
        dg[16] ^= 1;                                    /* another page number */
        assert_int_equal(cc_mc_open(secret, sizeof(secret) - 1, 3, dg, sizeof(dg), &got), -EACCES);
        assert_int_equal(cc_mcast_parse("239.1.2.3:7441@10.0.0.5", &ma), 0);
        assert_int_equal(cc_mcast_parse("10.1.2.3:7441@10.0.0.5", &ma), -EINVAL);   /* not multicast */
        assert_int_equal(cc_mcast_parse("239.1.2.3:7441", &ma), -EINVAL);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
                cmocka_unit_test(test_store_dedup_and_collision),
                cmocka_unit_test(test_publish_pagemap_dedup),
                cmocka_unit_test(test_fetch_verifies_hashes),
                cmocka_unit_test(test_mcast_datagrams),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
