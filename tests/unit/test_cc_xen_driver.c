/* The Xen driver's checks that run before it touches Xen: a corrupt or mismatched state is refused
 * before any domain (or even its run dir) exists. Runs on any host; `make check-xen` runs the rest
 * against a real Xen. Uses the state blob captured from a real save (tests/xenlab/pv-128m.state.gz). */
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
#include <zlib.h>

#include "clonecore/cc_driver.h"
#include "xen_stream.h"

static char dir[64];
static char blob_path[128], mem_path[128];
static uint64_t mem_pages;

static int setup(void **state)
{
        char path[4096];
        const char *root = getenv("SNOWSCALE_ROOT");
        uint8_t buf[65536];
        int n;

        snprintf(dir, sizeof(dir), "/tmp/test_cc_xen_driver.XXXXXX");
        if (!mkdtemp(dir))
                return -1;
        snprintf(path, sizeof(path), "%s/tests/xenlab/pv-128m.state.gz", root ? root : ".");
        gzFile f = gzopen(path, "rb");
        if (!f)
                return -1;
        snprintf(blob_path, sizeof(blob_path), "%s/xen.state", dir);
        FILE *o = fopen(blob_path, "we");
        while ((n = gzread(f, buf, sizeof(buf))) > 0)
                fwrite(buf, 1, (size_t)n, o);
        gzclose(f);
        fclose(o);
        /* mem_pages from the header (offset 24), as the driver will read it */
        FILE *b = fopen(blob_path, "re");
        uint8_t h[56];
        if (fread(h, 1, sizeof(h), b) != sizeof(h))
                return -1;
        fclose(b);
        mem_pages = 0;
        for (int i = 7; i >= 0; i--)
                mem_pages = mem_pages << 8 | h[24 + i];
        snprintf(mem_path, sizeof(mem_path), "%s/mem.raw", dir);
        int fd = open(mem_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (fd < 0 || ftruncate(fd, (off_t)(mem_pages * 4096)) < 0)
                return -1;
        close(fd);
        return 0;
}

static int teardown(void **state)
{
        char cmd[128];
        snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
        return system(cmd) == 0 ? 0 : -1;
}

static const char *config = "{\"type\":\"pv\",\"max_memkb\":131072,\"vcpus\":1,\"kernel\":\"/k\",\"ramdisk\":\"/r\","
                            "\"cmdline\":\"console=hvc0\",\"bridge\":\"\"}";

static int try_clone(const char *state_path, const char *mem, const char *clone_id, const char *run_dir,
                     char *why, size_t why_len)
{
        struct cc_clone_spec spec = {
                .state_path = state_path, .mem_path = mem, .vm_config_json = config, .run_dir = run_dir,
        };
        struct cc_vm *vm = NULL;

        snprintf(spec.id.clone_id, sizeof(spec.id.clone_id), "%s", clone_id);
        snprintf(spec.id.hostname, sizeof(spec.id.hostname), "w-%s", clone_id);
        int r = cc_xen_driver.clone(&spec, &vm, why, why_len);
        assert_null(vm);
        return r;
}

static void test_probe_names_the_reason(void **state)
{
        char why[CC_REASON_MAX] = "";
        int r = cc_xen_driver.probe(why, sizeof(why));

        if (access("/dev/xen/privcmd", F_OK) < 0 && access("/proc/xen/privcmd", F_OK) < 0) {
                assert_int_equal(r, -ENODEV);
                assert_non_null(strstr(why, "privcmd"));
        } else {
                assert_true(r == 0 || why[0] != 0);
        }
}

static void test_boot_refuses_missing_kernel(void **state)
{
        char why[CC_REASON_MAX] = "", run[128];
        struct cc_vm *vm = NULL;

        snprintf(run, sizeof(run), "%s/parent", dir);
        struct cc_vm_config cfg = { .name = "p", .run_dir = run, .kernel = "/nonexistent/vmlinuz",
                                    .initrd = "/nonexistent/initrd", .mem_bytes = 128 << 20, .vcpus = 1 };
        assert_int_equal(cc_xen_driver.boot_parent(&cfg, &vm, why, sizeof(why)), -ENOENT);
        assert_null(vm);
        assert_non_null(strstr(why, "/nonexistent/vmlinuz"));
        assert_int_equal(access(run, F_OK), -1);
}

/* One writable disk (a thin device in the pool); more, or a read-only one, is refused up front. */
static void test_boot_refuses_disks_it_cannot_attach(void **state)
{
        char why[CC_REASON_MAX] = "", run[128], kernel[160];
        struct cc_vm *vm = NULL;
        struct cc_disk two[2] = { { .path = "/a.raw" }, { .path = "/b.raw" } }, ro = { .path = "/a.raw", .read_only = true };

        snprintf(run, sizeof(run), "%s/parent-disks", dir);
        snprintf(kernel, sizeof(kernel), "%s", blob_path);      /* any readable file */
        struct cc_vm_config cfg = { .name = "p", .run_dir = run, .kernel = kernel, .initrd = kernel,
                                    .mem_bytes = 128 << 20, .vcpus = 1, .disks = two, .ndisks = 2 };
        assert_int_equal(cc_xen_driver.boot_parent(&cfg, &vm, why, sizeof(why)), -EOPNOTSUPP);
        assert_non_null(strstr(why, "one writable disk"));
        cfg.disks = &ro;
        cfg.ndisks = 1;
        assert_int_equal(cc_xen_driver.boot_parent(&cfg, &vm, why, sizeof(why)), -EOPNOTSUPP);
        assert_null(vm);
        assert_int_equal(access(run, F_OK), -1);
}

static void test_clone_refuses_corrupt_state_before_anything(void **state)
{
        char why[CC_REASON_MAX] = "", bad[160], run[128];
        size_t len;
        FILE *f = fopen(blob_path, "re");
        fseek(f, 0, SEEK_END);
        len = (size_t)ftell(f);
        rewind(f);
        uint8_t *b = malloc(len);
        assert_int_equal(fread(b, 1, len, f), len);
        fclose(f);

        snprintf(bad, sizeof(bad), "%s/bad.state", dir);
        snprintf(run, sizeof(run), "%s/c-bad", dir);
        size_t offs[] = { 3, 30, 60, len / 2, len - 5 };        /* magic, header, stream, end */
        for (size_t i = 0; i < sizeof(offs) / sizeof(offs[0]); i++) {
                b[offs[i]] ^= 0x10;
                f = fopen(bad, "we");
                fwrite(b, 1, len, f);
                fclose(f);
                why[0] = 0;
                assert_int_equal(try_clone(bad, mem_path, "c1", run, why, sizeof(why)), -EBADMSG);
                assert_true(why[0] != 0);
                assert_int_equal(access(run, F_OK), -1);        /* no run dir, no libxl, no domain */
                b[offs[i]] ^= 0x10;
        }
        f = fopen(bad, "we");                                   /* truncated */
        fwrite(b, 1, len - 100, f);
        fclose(f);
        assert_int_equal(try_clone(bad, mem_path, "c1", run, why, sizeof(why)), -EBADMSG);
        free(b);
}

static void test_clone_refuses_short_memory_image(void **state)
{
        char why[CC_REASON_MAX] = "", small[160], run[128];

        snprintf(small, sizeof(small), "%s/small.raw", dir);
        snprintf(run, sizeof(run), "%s/c-small", dir);
        int fd = open(small, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        assert_int_equal(ftruncate(fd, (off_t)((mem_pages - 1) * 4096)), 0);
        close(fd);
        assert_int_equal(try_clone(blob_path, small, "c1", run, why, sizeof(why)), -EINVAL);
        assert_non_null(strstr(why, "memory image"));
        assert_int_equal(try_clone(blob_path, "/nonexistent/mem", "c1", run, why, sizeof(why)), -ENOENT);
        assert_int_equal(access(run, F_OK), -1);
}

static void test_clone_refuses_bad_identity(void **state)
{
        char why[CC_REASON_MAX] = "", run[128];

        snprintf(run, sizeof(run), "%s/c-id", dir);
        assert_int_equal(try_clone(blob_path, mem_path, "a/b", run, why, sizeof(why)), -EINVAL);
        assert_int_equal(try_clone(blob_path, mem_path, "", run, why, sizeof(why)), -EINVAL);
        assert_int_equal(access(run, F_OK), -1);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
                cmocka_unit_test(test_probe_names_the_reason),
                cmocka_unit_test(test_boot_refuses_missing_kernel),
                cmocka_unit_test(test_boot_refuses_disks_it_cannot_attach),
                cmocka_unit_test(test_clone_refuses_corrupt_state_before_anything),
                cmocka_unit_test(test_clone_refuses_short_memory_image),
                cmocka_unit_test(test_clone_refuses_bad_identity),
        };
        return cmocka_run_group_tests(tests, setup, teardown);
}
