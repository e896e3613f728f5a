/* sc_nbd: a generation's disk layer exported with qemu-nbd (read by qemu-img over TLS with the
 * cluster's key; refused without TLS or with another key), the same export again is the running one, a stop ends it, and a new registry stops what an
 * earlier one left running. Skipped without qemu-nbd/qemu-img. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cmocka.h>

#include "clonecore/cc_psk.h"
#include "sc_nbd.h"
#include "ss_util.h"

#define SECRET "unit-test-cluster-secret-0123456789"

static char dir[] = "/tmp/sstest-nbdXXXXXX";

static int run(const char *cmd)
{
        int r = system(cmd);
        return r == -1 ? -1 : WEXITSTATUS(r);
}

static pid_t pid_of(int64_t gen)
{
        char path[256];
        FILE *f;
        int pid = 0;

        snprintf(path, sizeof(path), "%s/state/nbd/gen-%lld.pid", dir, (long long)gen);
        f = fopen(path, "r");
        if (!f)
                return 0;
        if (fscanf(f, "%d", &pid) != 1)
                pid = 0;
        fclose(f);
        return pid;
}

/* Two consecutive free ports on 127.0.0.1 (the machine is shared: probe, do not assume). */
static unsigned free_ports(void)
{
        for (int tries = 0; tries < 50; tries++) {
                unsigned p = 20000 + (unsigned)((getpid() * 7919 + tries * 104729) % 12000);
                bool ok = true;
                for (unsigned k = 0; k < 2 && ok; k++) {
                        struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)(p + k)),
                                                 .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
                        int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
                        ok = fd >= 0 && bind(fd, (struct sockaddr *)&a, sizeof(a)) == 0;
                        if (fd >= 0)
                                close(fd);
                }
                if (ok)
                        return p;
        }
        return 0;
}

static void test_export(void **state)
{
        struct sc_nbd *n = NULL;
        char layer[256], state_dir[256], listen[64], uri[256], uri2[256], why[512] = "", cmd[1024];
        unsigned port = free_ports();
        pid_t p;
        (void)state;

        if (run("command -v qemu-nbd >/dev/null && command -v qemu-img >/dev/null") != 0)
                skip();
        assert_int_not_equal(port, 0);
        assert_non_null(mkdtemp(dir));
        snprintf(layer, sizeof(layer), "%s/disk.qcow2", dir);
        snprintf(state_dir, sizeof(state_dir), "%s/state", dir);
        snprintf(cmd, sizeof(cmd), "qemu-img create -q -f qcow2 %s 4M", layer);
        assert_int_equal(run(cmd), 0);
        snprintf(listen, sizeof(listen), "127.0.0.1:%u", port);
        assert_int_equal(sc_nbd_new(state_dir, listen, SECRET, strlen(SECRET), &n, why, sizeof(why)), 0);

        if (sc_nbd_export(n, 7, layer, uri, sizeof(uri), why, sizeof(why)) != 1)
                fail_msg("export: %s", why);
        snprintf(cmd, sizeof(cmd), "nbd://127.0.0.1:%u/gen-7", port);
        assert_string_equal(uri, cmd);
        /* plain NBD: refused (the server requires TLS) */
        snprintf(cmd, sizeof(cmd), "qemu-img info -f raw %s >/dev/null 2>&1", uri);
        assert_int_not_equal(run(cmd), 0);
        /* TLS with the cluster's key: served; with another key: refused */
        char keys[256], other[256];
        snprintf(keys, sizeof(keys), "%s/client", dir);
        snprintf(other, sizeof(other), "%s/other", dir);
        assert_int_equal(cc_psk_dir_write(keys, SECRET, strlen(SECRET), why, sizeof(why)), 0);
        assert_int_equal(cc_psk_dir_write(other, "another-secret-of-16+bytes", 26, why, sizeof(why)), 0);
        for (int k = 0; k < 2; k++) {
                snprintf(cmd, sizeof(cmd),
                         "qemu-img info --object tls-creds-psk,id=t,endpoint=client,dir=%s,username=%s "
                         "--image-opts driver=raw,file.driver=nbd,file.server.type=inet,file.server.host=127.0.0.1,"
                         "file.server.port=%u,file.export=gen-7,file.tls-creds=t 2>&1 | grep -q 'virtual size: 4 MiB'",
                         k == 0 ? keys : other, CC_PSK_IDENTITY, port);
                assert_int_equal(run(cmd) == 0, k == 0);
        }
        assert_int_equal(sc_nbd_export(n, 7, layer, uri2, sizeof(uri2), why, sizeof(why)), 0);
        assert_string_equal(uri, uri2);
        /* another generation: the next port */
        assert_int_equal(sc_nbd_export(n, 8, layer, uri2, sizeof(uri2), why, sizeof(why)), 1);
        snprintf(cmd, sizeof(cmd), "nbd://127.0.0.1:%u/gen-8", port + 1);
        assert_string_equal(uri2, cmd);
        /* a bad layer: qemu-nbd's own reason */
        assert_true(sc_nbd_export(n, 9, "/nonexistent.qcow2", uri2, sizeof(uri2), why, sizeof(why)) < 0);
        assert_non_null(strstr(why, "nonexistent"));

        p = pid_of(7);
        assert_true(p > 0);
        assert_true(sc_nbd_unexport(n, 7));
        assert_int_equal(kill(p, 0) == 0 && pid_of(7) == p, 0);
        assert_false(sc_nbd_unexport(n, 7));
        /* gen 8 left running as after a crash: the next registry stops it */
        p = pid_of(8);
        assert_true(p > 0 && kill(p, 0) == 0);
        free(n);        /* leaked on purpose: no stop */
        n = NULL;
        assert_int_equal(sc_nbd_new(state_dir, listen, SECRET, strlen(SECRET), &n, why, sizeof(why)), 0);
        for (int i = 0; i < 100 && kill(p, 0) == 0; i++)
                usleep(20000);
        assert_int_not_equal(kill(p, 0), 0);
        sc_nbd_free(n);
        snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
        run(cmd);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
                cmocka_unit_test(test_export),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
