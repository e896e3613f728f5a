/* Unit tests of the QEMU driver's pure parts: option parsing, the VM config round trip, the
 * command line shared by parents and clones, line framing of QMP/agent sockets, input checks that
 * must fail before any QEMU starts, and the KVM probe's verdict. The driver's sources are included
 * so their static helpers can be reached; nothing here starts QEMU (tests/integration/qemu_*.sh do). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "../../clonecore/drivers/qemu.c"
#include "../../clonecore/drivers/qemu_vm.c"
#include "../../clonecore/drivers/qmp.c"
#include "../../clonecore/drivers/qemu_sock.c"
#include "../../clonecore/drivers/qemu_filecopy.c"
#include "../../clonecore/drivers/qemu_accel.c"
#include "../../clonecore/drivers/qemu_disk.c"
#include "../../clonecore/drivers/qemu_net.c"
#include "../../clonecore/drivers/qemu_full.c"

static void test_opts(void **state)
{
        char v[16];
        (void)state;
        assert_true(opt_get("a=1,fail_ready=1,b=x", "fail_ready", v, sizeof(v)));
        assert_string_equal(v, "1");
        assert_false(opt_get("fail_ready_x=1", "fail_ready", v, sizeof(v)));
        assert_false(opt_get("", "fail_ready", v, sizeof(v)));
        assert_true(opt_true("x=2,fail_ready=yes", "fail_ready"));
        assert_false(opt_true("fail_ready=0", "fail_ready"));
        assert_false(opt_true(NULL, "fail_ready"));
}

static void test_conf_roundtrip(void **state)
{
        struct vm_conf a = { .kernel = "/k", .initrd = "/i", .cmdline = "console=ttyS0", .binary = "/usr/bin/q",
                             .accel = "tcg", .mac = "52:54:00:12:34:56", .mem_bytes = 256ull << 20,
                             .vcpus = 2, .guest_port = 80 }, b;
        json_object *o = qemu_conf_to_json(&a);
        char why[128];
        (void)state;
        assert_int_equal(qemu_conf_from_json(o, &b, why, sizeof(why)), 0);
        assert_memory_equal(&a, &b, sizeof(a));
        /* a config that lies about its size is refused with a reason */
        json_object_object_add(o, "mem_bytes", json_object_new_int64(12345));
        assert_int_equal(qemu_conf_from_json(o, &b, why, sizeof(why)), -EINVAL);
        assert_non_null(strstr(why, "out of range"));
        json_object_object_del(o, "kernel");
        assert_int_equal(qemu_conf_from_json(o, &b, why, sizeof(why)), -EINVAL);
        json_object_put(o);

        /* the disk: image, format, size, the layer under the overlay and the layers under it */
        struct vm_conf *d = calloc(1, sizeof(*d)), *e = calloc(1, sizeof(*e));
        *d = a;
        snprintf(d->disk_image, sizeof(d->disk_image), "/img/base.qcow2");
        snprintf(d->disk_format, sizeof(d->disk_format), "raw");
        d->disk_bytes = 64ull << 20;
        snprintf(d->disk_base, sizeof(d->disk_base), "/s/gen/3/disk.qcow2");
        snprintf(d->disk_chain[0], sizeof(d->disk_chain[0]), "/s/gen/2/disk.qcow2");
        snprintf(d->disk_chain[1], sizeof(d->disk_chain[1]), "/s/gen/1/disk.qcow2");
        d->disk_nchain = 2;
        o = qemu_conf_to_json(d);
        assert_int_equal(qemu_conf_from_json(o, e, why, sizeof(why)), 0);
        assert_memory_equal(d, e, sizeof(*d));
        assert_int_equal(qemu_disk_depth(e), 4);        /* overlay + base + 2 under it */
        char layers[256];
        assert_int_equal(qemu_disk_layers(e, layers, sizeof(layers)), 0);
        assert_string_equal(layers, "/s/gen/3/disk.qcow2\n/s/gen/2/disk.qcow2\n/s/gen/1/disk.qcow2\n");
        /* a recorded chain longer than the bound, or another format, is refused */
        json_object *disk = NULL, *under = NULL;
        assert_true(json_object_object_get_ex(o, "disk", &disk));
        assert_true(json_object_object_get_ex(disk, "under", &under));
        json_object_array_add(under, json_object_new_string("/s/gen/0/disk.qcow2"));
        assert_int_equal(qemu_conf_from_json(o, e, why, sizeof(why)), -EINVAL);
        json_object_array_del_idx(under, 2, 1);
        json_object_object_add(disk, "format", json_object_new_string("vmdk"));
        assert_int_equal(qemu_conf_from_json(o, e, why, sizeof(why)), -EINVAL);
        assert_non_null(strstr(why, "disk"));
        json_object_put(o);
        free(d);
        free(e);
}

static bool has_arg(const struct argv_buf *a, const char *s)
{
        for (int i = 0; i < a->n; i++)
                if (!strcmp(a->v[i], s))
                        return true;
        return false;
}

static void test_argv(void **state)
{
        struct cc_vm *vm = qemu_vm_new("/run/x/c7");
        struct argv_buf a;
        (void)state;
        vm->conf = (struct vm_conf){ .kernel = "/k", .initrd = "/i", .cmdline = "console=ttyS0", .binary = "qemu",
                                     .accel = "tcg", .mac = "52:54:00:12:34:56", .mem_bytes = 256ull << 20,
                                     .vcpus = 1, .guest_port = 80 };
        vm->host_port = 18003;
        snprintf(vm->mem_path, sizeof(vm->mem_path), "/gen/1/mem");
        vm->mem_shared = false;
        assert_int_equal(qemu_build_argv(vm, true, &a), 0);
        assert_true(has_arg(&a, "memory-backend-file,id=ram0,size=256M,mem-path=/gen/1/mem,share=off"));
        assert_true(has_arg(&a, "user,id=n0,hostfwd=tcp:127.0.0.1:18003-:80"));
        assert_true(has_arg(&a, "defer"));
        assert_true(has_arg(&a, "-S"));
        vm->mem_shared = true;
        assert_int_equal(qemu_build_argv(vm, false, &a), 0);
        assert_true(has_arg(&a, "memory-backend-file,id=ram0,size=256M,mem-path=/gen/1/mem,share=on"));
        assert_false(has_arg(&a, "-incoming"));
        assert_false(has_arg(&a, "-blockdev"));
        /* a disk: the VM's overlay as a named node (what a cut addresses), one virtio-blk device
         * of the same id in parents and clones; no kernel = boot from the disk */
        snprintf(vm->conf.disk_image, sizeof(vm->conf.disk_image), "/img/base.qcow2");
        snprintf(vm->disk_active, sizeof(vm->disk_active), "/run/x/c7/disk-3.qcow2");
        vm->disk_seq = 3;
        assert_int_equal(qemu_build_argv(vm, false, &a), 0);
        assert_true(has_arg(&a, "{\"driver\":\"qcow2\",\"node-name\":\"disk3\",\"file\":{\"driver\":\"file\","
                                "\"filename\":\"\\/run\\/x\\/c7\\/disk-3.qcow2\"}}") ||
                    has_arg(&a, "{\"driver\":\"qcow2\",\"node-name\":\"disk3\",\"file\":{\"driver\":\"file\","
                                "\"filename\":\"/run/x/c7/disk-3.qcow2\"}}"));
        assert_true(has_arg(&a, "virtio-blk-pci,id=vd0,drive=disk3"));
        vm->conf.kernel[0] = 0;
        assert_int_equal(qemu_build_argv(vm, false, &a), 0);
        assert_true(has_arg(&a, "virtio-blk-pci,id=vd0,drive=disk3,bootindex=1"));
        assert_false(has_arg(&a, "-kernel"));
        assert_true(has_arg(&a, "vmgenid,guid=auto"));  /* every VM: the guest reseeds on resume */
        /* a bridge attachment: the tap goes in as descriptor 5, no host port */
        vm->net = (struct cc_net){ .kind = CC_NET_BRIDGE, .bridge = "br0", .ipv4 = "10.77.0.11", .prefix_len = 24 };
        assert_int_equal(qemu_build_argv(vm, false, &a), 0);
        assert_true(has_arg(&a, "tap,id=n0,fd=5"));
        assert_false(has_arg(&a, "user,id=n0,hostfwd=tcp:127.0.0.1:18003-:80"));
        /* the tap's name: the run dir's last part when it fits IFNAMSIZ, a hash otherwise */
        char tap[16];
        qemu_tap_name("/run/x/c7", tap);
        assert_string_equal(tap, "sstc7");
        qemu_tap_name("/run/x/a-very-long-clone-name", tap);
        assert_int_equal(strlen(tap), 11);
        /* a clone is ready only with the identity it was given, token by token */
        assert_true(identity_matches("mac=02:aa:00:00:00:01 ipv4=10.77.0.11/24 hostname=w-c7",
                                     "hostname=w-c7 mac=02:aa:00:00:00:01 ipv4=10.77.0.11/24"));
        assert_false(identity_matches("mac=02:aa:00:00:00:01 ipv4=10.77.0.11/24",
                                      "mac=52:54:00:12:34:56 ipv4=10.77.0.11/24"));
        assert_false(identity_matches("ipv4=10.77.0.1/24", "ipv4=10.77.0.11/24"));
        assert_true(identity_matches("", "anything"));
        /* an absurd command line is an error, not an overflow */
        memset(vm->disk_active, 'd', sizeof(vm->disk_active) - 1);
        vm->disk_active[sizeof(vm->disk_active) - 1] = 0;
        memset(vm->conf.initrd, 'i', sizeof(vm->conf.initrd) - 1);
        vm->conf.initrd[sizeof(vm->conf.initrd) - 1] = 0;
        memset(vm->mem_path, 'm', sizeof(vm->mem_path) - 1);
        vm->mem_path[sizeof(vm->mem_path) - 1] = 0;
        memset(vm->conf.kernel, 'k', sizeof(vm->conf.kernel) - 1);
        vm->conf.kernel[sizeof(vm->conf.kernel) - 1] = 0;
        assert_int_equal(qemu_build_argv(vm, false, &a), -E2BIG);
        qemu_destroy(vm);
}

static void test_line_framing(void **state)
{
        struct linebuf lb = { 0 };
        char *line = NULL, *big;
        int sv[2];
        (void)state;
        assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
        assert_int_equal(qemu_send_all(sv[1], "ready c1\r\nready"), 0);
        assert_int_equal(qemu_line_read(sv[0], -1, &lb, 0, &line), 0);
        assert_string_equal(line, "ready c1");
        free(line);
        assert_int_equal(qemu_line_read(sv[0], -1, &lb, 0, &line), 0);
        assert_null(line);                                      /* partial line: not yet */
        assert_int_equal(qemu_line_read(sv[0], -1, &lb, 50, &line), -ETIMEDOUT);
        assert_int_equal(qemu_send_all(sv[1], " c2\n"), 0);
        assert_int_equal(qemu_line_read(sv[0], -1, &lb, 0, &line), 0);
        assert_string_equal(line, "ready c2");
        free(line);
        /* a peer that never ends its line is cut off, not buffered forever */
        big = malloc(LINE_MAX_BYTES + 1);
        memset(big, 'a', LINE_MAX_BYTES);
        big[LINE_MAX_BYTES] = 0;
        fcntl(sv[1], F_SETFL, O_NONBLOCK);
        int sndbuf = 1 << 20;
        setsockopt(sv[1], SOL_SOCKET, SO_SNDBUF, &sndbuf, sizeof(sndbuf));
        send(sv[1], big, LINE_MAX_BYTES, MSG_NOSIGNAL);
        int rc = qemu_line_read(sv[0], -1, &lb, 200, &line);
        assert_int_equal(rc, -EMSGSIZE);
        free(big);
        close(sv[1]);
        lb.have = 0;
        assert_int_equal(qemu_line_read(sv[0], -1, &lb, 100, &line), -EPIPE);  /* EOF */
        close(sv[0]);
        free(lb.buf);
}

static void test_clone_refuses_bad_input(void **state)
{
        char dir[] = "/tmp/test_cc_qemu.XXXXXX", run[PATH_MAX], why[CC_REASON_MAX] = "";
        struct cc_vm *vm = NULL;
        struct vm_conf c = { .kernel = "/k", .initrd = "/i", .cmdline = "x", .binary = "qemu", .accel = "tcg",
                             .mac = "52:54:00:12:34:56", .mem_bytes = 64ull << 20, .vcpus = 1, .guest_port = 80 };
        json_object *o = qemu_conf_to_json(&c);
        struct cc_clone_spec spec = { .state_path = "/nonexistent/state", .mem_path = "/nonexistent/mem",
                                      .vm_config_json = json_object_to_json_string(o), .net = { .kind = CC_NET_USER, .host_port = 20000 } };
        (void)state;
        assert_non_null(mkdtemp(dir));
        snprintf(run, sizeof(run), "%s/c1", dir);
        spec.run_dir = run;
        snprintf(spec.id.clone_id, sizeof(spec.id.clone_id), "c1");
        /* The generation file is missing: QEMU would create it silently; we refuse with a reason. */
        assert_int_equal(cc_qemu_driver.clone(&spec, &vm, why, sizeof(why)), -ENOENT);
        assert_non_null(strstr(why, "generation memory"));
        assert_null(vm);
        /* A clone id that could inject into the agent's line protocol. */
        snprintf(spec.id.clone_id, sizeof(spec.id.clone_id), "c1 fail_ready=1");
        assert_int_equal(cc_qemu_driver.clone(&spec, &vm, why, sizeof(why)), -EINVAL);
        /* Garbage config. */
        snprintf(spec.id.clone_id, sizeof(spec.id.clone_id), "c1");
        spec.vm_config_json = "{\"kernel\": 5";
        assert_int_equal(cc_qemu_driver.clone(&spec, &vm, why, sizeof(why)), -EINVAL);
        json_object_put(o);
        rmdir(run);
        rmdir(dir);
}

static void test_boot_refuses_bad_input(void **state)
{
        struct cc_vm_config cfg = { .run_dir = "/tmp/never-created-by-test", .kernel = "/nonexistent",
                                    .initrd = "/nonexistent", .mem_bytes = 256ull << 20, .vcpus = 1,
                                    .net = { .kind = CC_NET_USER, .host_port = 20000 } };
        struct cc_vm *vm = NULL;
        char why[CC_REASON_MAX];
        (void)state;
        assert_int_equal(cc_qemu_driver.boot_parent(&cfg, &vm, why, sizeof(why)), -ENOENT);
        assert_non_null(strstr(why, "kernel"));
        cfg.mem_bytes = 1000;
        assert_int_equal(cc_qemu_driver.boot_parent(&cfg, &vm, why, sizeof(why)), -EINVAL);
        cfg.mem_bytes = 256ull << 20;
        cfg.vcpus = 0;
        assert_int_equal(cc_qemu_driver.boot_parent(&cfg, &vm, why, sizeof(why)), -EINVAL);
        cfg.vcpus = 1;
        /* The attachment is data: none given, a bridge attachment without a valid address or
         * bridge name, disks it cannot attach yet, a port out of range — each refused with its
         * reason before anything starts. */
        cfg.net = (struct cc_net){ 0 };
        assert_int_equal(cc_qemu_driver.boot_parent(&cfg, &vm, why, sizeof(why)), -EINVAL);
        assert_non_null(strstr(why, "no network attachment"));
        cfg.net = (struct cc_net){ .kind = CC_NET_BRIDGE, .bridge = "br0", .ipv4 = "10.0.3.999", .prefix_len = 24 };
        assert_int_equal(cc_qemu_driver.boot_parent(&cfg, &vm, why, sizeof(why)), -EINVAL);
        assert_non_null(strstr(why, "IPv4"));
        cfg.net = (struct cc_net){ .kind = CC_NET_BRIDGE, .ipv4 = "10.0.3.17", .prefix_len = 24 };
        assert_int_equal(cc_qemu_driver.boot_parent(&cfg, &vm, why, sizeof(why)), -EINVAL);
        assert_non_null(strstr(why, "bridge name"));
        cfg.net = cc_net_user(70000);
        assert_int_equal(cc_qemu_driver.boot_parent(&cfg, &vm, why, sizeof(why)), -EINVAL);
        assert_non_null(strstr(why, "host_port"));
        /* Disks: one, writable through its overlay, and it must exist (before the run dir does). */
        struct cc_disk disks[2] = { { .path = "/nonexistent.qcow2" }, { .path = "/nonexistent2.qcow2" } };
        cfg.net = cc_net_user(20000);
        cfg.disks = disks;
        cfg.ndisks = 2;
        assert_int_equal(cc_qemu_driver.boot_parent(&cfg, &vm, why, sizeof(why)), -EOPNOTSUPP);
        assert_non_null(strstr(why, "one disk"));
        cfg.ndisks = 1;
        disks[0].read_only = true;
        assert_int_equal(cc_qemu_driver.boot_parent(&cfg, &vm, why, sizeof(why)), -EOPNOTSUPP);
        assert_non_null(strstr(why, "read-only"));
        disks[0].read_only = false;
        cfg.kernel = NULL;
        assert_int_equal(cc_qemu_driver.boot_parent(&cfg, &vm, why, sizeof(why)), -ENOENT);
        assert_non_null(strstr(why, "disk image /nonexistent.qcow2"));
        cfg.ndisks = 0;
        assert_int_equal(cc_qemu_driver.boot_parent(&cfg, &vm, why, sizeof(why)), -EINVAL);
        assert_non_null(strstr(why, "neither a kernel nor a disk"));
        assert_null(vm);
        assert_int_equal(access(cfg.run_dir, F_OK), -1);
}

/* accel auto picks KVM exactly when a vCPU really runs: the verdict must agree with an
 * independent KVM_RUN of a HLT guest (on this kind of host the kvm module cannot run one). */
static void test_accel_auto(void **state)
{
        char accel[16], why[256] = "", kwhy[256] = "";
        int usable = kvm_usable(kwhy, sizeof(kwhy));
        (void)state;
        assert_int_equal(qemu_resolve_accel("auto", accel, sizeof(accel), why, sizeof(why)), 0);
        assert_string_equal(accel, usable == 0 ? "kvm" : "tcg");
        /* Independent of the probe's own logic: a software-only kvm module is never chosen. */
        if (access("/sys/module/kvm_pvm", F_OK) == 0 && access("/sys/module/kvm_intel", F_OK) &&
            access("/sys/module/kvm_amd", F_OK))
                assert_string_equal(accel, "tcg");
        if (usable != 0) {
                print_message("# kvm not usable here: %s\n", kwhy);
                assert_int_equal(qemu_resolve_accel("kvm", accel, sizeof(accel), why, sizeof(why)), -ENODEV);
                assert_non_null(strstr(why, "kvm"));
        }
        assert_int_equal(qemu_resolve_accel("tcg", accel, sizeof(accel), why, sizeof(why)), 0);
        assert_string_equal(accel, "tcg");
        assert_int_equal(qemu_resolve_accel("hvf", accel, sizeof(accel), why, sizeof(why)), -EINVAL);
}

/* The freeze: pre-copy while running, then a compare pass that rewrites exactly the changed pages;
 * holes stay holes, and the result equals the source byte for byte. */
static void test_freeze_copy(void **state)
{
        char dir[] = "/tmp/test_cc_qemu_copy.XXXXXX", src[PATH_MAX], dst[PATH_MAX];
        const uint64_t size = 64 * 4096;
        uint8_t page[4096], a[4096], b[4096];
        uint64_t changed = 99;
        struct stat st;
        int fd;
        (void)state;
        assert_non_null(mkdtemp(dir));
        snprintf(src, sizeof(src), "%s/ram", dir);
        snprintf(dst, sizeof(dst), "%s/mem", dir);
        fd = open(src, O_RDWR | O_CREAT | O_TRUNC, 0600);
        assert_true(fd >= 0);
        assert_int_equal(ftruncate(fd, (off_t)size), 0);
        for (int i = 0; i < 8; i++) {                   /* data in pages 0..7, the rest holes */
                memset(page, 'a' + i, sizeof(page));
                assert_int_equal(pwrite(fd, page, sizeof(page), i * 4096), 4096);
        }
        assert_int_equal(qemu_copy_sparse(src, dst, size), 0);
        /* the "parent" writes on: one old page changed, one hole filled */
        memset(page, 'X', sizeof(page));
        assert_int_equal(pwrite(fd, page, 100, 3 * 4096 + 7), 100);
        assert_int_equal(pwrite(fd, page, sizeof(page), 40 * 4096), 4096);
        assert_int_equal(qemu_copy_diff(src, dst, size, &changed), 0);
        assert_int_equal(changed, 2);
        for (uint64_t o = 0; o < size; o += 4096) {
                assert_int_equal(pread(fd, a, 4096, (off_t)o), 4096);
                int d = open(dst, O_RDONLY);
                assert_int_equal(pread(d, b, 4096, (off_t)o), 4096);
                close(d);
                assert_memory_equal(a, b, 4096);
        }
        assert_int_equal(stat(dst, &st), 0);
        assert_true((uint64_t)st.st_blocks * 512 < size);      /* still sparse */
        assert_int_equal(qemu_copy_diff(src, dst, size, &changed), 0);
        assert_int_equal(changed, 0);
        close(fd);
        unlink(src);
        unlink(dst);
        rmdir(dir);
}

static void test_adopt_missing(void **state)
{
        struct cc_vm *vm = NULL;
        char why[CC_REASON_MAX];
        (void)state;
        assert_int_equal(cc_qemu_driver.adopt("/nonexistent/run", &vm, why, sizeof(why)), -ENOENT);
        assert_null(vm);
        cc_qemu_driver.destroy(NULL);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
                cmocka_unit_test(test_opts),
                cmocka_unit_test(test_conf_roundtrip),
                cmocka_unit_test(test_argv),
                cmocka_unit_test(test_line_framing),
                cmocka_unit_test(test_clone_refuses_bad_input),
                cmocka_unit_test(test_boot_refuses_bad_input),
                cmocka_unit_test(test_accel_auto),
                cmocka_unit_test(test_freeze_copy),
                cmocka_unit_test(test_adopt_missing),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
