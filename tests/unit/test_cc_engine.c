/* The clone engine end to end, without a hypervisor: a small process driver stands in for the
 * VMM. Its "VM" is a real process that opens the clone's memory path read-write (as QEMU does),
 * maps it MAP_PRIVATE, reads the state file and checks a third of the pages byte for byte against
 * the generation image (build/bin/sf-maptouch), then says ready. So local clones (generation
 * file), remote clones (memtap over the memserver, in this process) and failures (a lying
 * memserver) all go through the real engine, memtap and memserver code. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <inttypes.h>
#include <poll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <zlib.h>

#include "cc_internal.h"
#include "ss_util.h"

static const char secret[] = "engine-test-cluster-secret";
static char root[PATH_MAX], dir[64], image[PATH_MAX + 64];

/* ---- the process driver ---- */

struct cc_vm {
        pid_t pid;
        char run_dir[PATH_MAX];
        int exit_status;                /* -1 while running */
};

static int pd_clone(const struct cc_clone_spec *spec, struct cc_vm **ret, char *why, size_t why_len)
{
        struct cc_vm *vm = calloc(1, sizeof(*vm));
        char tool[PATH_MAX + 32], ready[PATH_MAX + 16], cmd[4 * PATH_MAX];
        if (!vm)
                return -ENOMEM;
        if (access(spec->state_path, R_OK) != 0 || !spec->vm_config_json)
                return cc_why(why, why_len, -EINVAL, "no state file");
        snprintf(vm->run_dir, sizeof(vm->run_dir), "%s", spec->run_dir);
        snprintf(tool, sizeof(tool), "%s/build/bin/sf-maptouch", root);
        snprintf(ready, sizeof(ready), "%s/ready", spec->run_dir);
        if (spec->driver_opts && strstr(spec->driver_opts, "never_ready"))
                cc_fmt(cmd, sizeof(cmd), "exec sleep 600");
        else if (spec->driver_opts && strstr(spec->driver_opts, "ready_late"))
                cc_fmt(cmd, sizeof(cmd), "sleep 0.3 && touch '%s' && exec sleep 600", ready);
        else
                cc_fmt(cmd, sizeof(cmd), "cat '%s' >/dev/null && '%s' touch --file '%s' --source '%s' --pct 30 --seed %d"
                         " >'%s/touch.log' 2>&1 && touch '%s' && exec sleep 600",
                         spec->state_path, tool, spec->mem_path, image, spec->net.host_port, spec->run_dir, ready);
        vm->exit_status = -1;
        vm->pid = fork();
        if (vm->pid < 0) {
                free(vm);
                return -errno;
        }
        if (vm->pid == 0) {
                execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
                _exit(127);
        }
        *ret = vm;
        return 0;
}

static int pd_status(struct cc_vm *vm, struct cc_vm_status *ret)
{
        char ready[PATH_MAX + 16];
        int st;
        memset(ret, 0, sizeof(*ret));
        ret->pid = vm->pid;
        if (vm->exit_status < 0 && waitpid(vm->pid, &st, WNOHANG) == vm->pid)
                vm->exit_status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
        if (vm->exit_status >= 0) {
                ret->state = CC_VM_EXITED;
                snprintf(ret->reason, sizeof(ret->reason), "exit status %d", vm->exit_status);
                return 0;
        }
        snprintf(ready, sizeof(ready), "%s/ready", vm->run_dir);
        ret->state = access(ready, F_OK) == 0 ? CC_VM_RUNNING : CC_VM_STARTING;
        snprintf(ret->address, sizeof(ret->address), "pid:%d", (int)vm->pid);
        return 0;
}

static int pd_retire(struct cc_vm *vm, unsigned timeout_ms)
{
        int st;
        if (vm->exit_status < 0) {
                kill(vm->pid, SIGKILL);
                waitpid(vm->pid, &st, 0);
                vm->exit_status = 0;
        }
        return 0;
}

static void pd_destroy(struct cc_vm *vm) { free(vm); }

static const struct cc_driver_ops proc_driver = {
        .name = "proc", .clone = pd_clone, .status = pd_status, .retire = pd_retire,
        .destroy = pd_destroy,
};

/* The same driver with a readiness event: wait() returns when the "ready" file appears in the
 * run dir (inotify), the process exits (pidfd) or the engine writes wake_fd. */
static unsigned pd_waits;

static int pd_wait(struct cc_vm *vm, int wake_fd, unsigned timeout_ms)
{
        char ready[PATH_MAX + 16];
        int in = inotify_init1(IN_CLOEXEC), pfd = (int)syscall(SYS_pidfd_open, vm->pid, 0);

        __atomic_add_fetch(&pd_waits, 1, __ATOMIC_RELAXED);
        snprintf(ready, sizeof(ready), "%s/ready", vm->run_dir);
        if (in >= 0)
                inotify_add_watch(in, vm->run_dir, IN_CREATE | IN_MOVED_TO);
        if (access(ready, F_OK) != 0) {         /* it may have come before the watch */
                struct pollfd p[3] = { { .fd = in, .events = POLLIN }, { .fd = pfd, .events = POLLIN },
                                       { .fd = wake_fd, .events = POLLIN } };
                poll(p, 3, (int)timeout_ms);
        }
        if (in >= 0)
                close(in);
        if (pfd >= 0)
                close(pfd);
        return 0;
}

static const struct cc_driver_ops proc_wait_driver = {
        .name = "proc", .clone = pd_clone, .status = pd_status, .retire = pd_retire,
        .destroy = pd_destroy, .wait = pd_wait,
};

/* ---- events ---- */

struct events {
        pthread_mutex_t lock;
        pthread_cond_t cond;
        unsigned resuming, ready, failed, retired;
        char reason[CC_REASON_MAX];
        char ids[8][64];
};

static void on_event(const struct cc_clone_event *ev, void *userdata)
{
        struct events *e = userdata;
        pthread_mutex_lock(&e->lock);
        switch (ev->state) {
        case CC_CLONE_RESUMING: e->resuming++; break;
        case CC_CLONE_READY:
                if (e->ready < 8)
                        snprintf(e->ids[e->ready], sizeof(e->ids[0]), "%s", ev->clone_id);
                e->ready++;
                assert_non_null(ev->address);
                break;
        case CC_CLONE_FAILED:
                e->failed++;
                snprintf(e->reason, sizeof(e->reason), "%s", ev->reason);
                break;
        case CC_CLONE_RETIRED: e->retired++; break;
        default: break;
        }
        pthread_cond_broadcast(&e->cond);
        pthread_mutex_unlock(&e->lock);
}

/* Wait until *counter reaches n (10 s at most). */
static void wait_for(struct events *e, unsigned *counter, unsigned n)
{
        uint64_t end = ss_mono_ns() + 10000000000ull;
        pthread_mutex_lock(&e->lock);
        while (*counter < n && ss_mono_ns() < end) {
                struct timespec ts;
                clock_gettime(CLOCK_REALTIME, &ts);
                ts.tv_sec += 1;
                pthread_cond_timedwait(&e->cond, &e->lock, &ts);
        }
        unsigned got = *counter;
        pthread_mutex_unlock(&e->lock);
        if (got < n)
                fail_msg("waited for %u events, got %u (last failure: %s)", n, got, e->reason);
}

static struct cc_engine *setup_with(const struct cc_driver_ops *drv, uint64_t id, struct cc_generation **g)
{
        struct cc_engine_config ec = {
                .driver = drv, .state_dir = dir, .secret = secret,
                .secret_len = sizeof(secret) - 1, .ready_timeout_ms = 10000, .fetch_timeout_ms = 1500,
        };
        struct cc_engine *e;
        char why[CC_REASON_MAX] = "", gdir[128], cmd[PATH_MAX * 3];
        struct cc_checkpoint cp = { .mem_bytes = 8u << 20, .page_size = 4096 };

        assert_int_equal(cc_engine_new(&ec, &e, why, sizeof(why)), 0);
        snprintf(gdir, sizeof(gdir), "%s/gen/%" PRIu64, dir, id);
        mkdir(gdir, 0700);
        snprintf(cp.mem_path, sizeof(cp.mem_path), "%s/mem.raw", gdir);
        snprintf(cp.state_path, sizeof(cp.state_path), "%s/state.bin", gdir);
        cc_fmt(cmd, sizeof(cmd), "cp '%s' '%s' && echo state > '%s'", image, cp.mem_path, cp.state_path);
        assert_int_equal(system(cmd), 0);
        strcpy(cp.vm_config_json, "{\"test\":true}");
        struct cc_publish_opts po = { .id = id };
        if (cc_generation_publish(e, gdir, &cp, &po, g, why, sizeof(why)) < 0)
                fail_msg("publish: %s", why);
        return e;
}

static struct cc_engine *setup(struct cc_generation **g) { return setup_with(&proc_driver, 1, g); }

static int group_setup(void **state)
{
        const char *r = getenv("SNOWSCALE_ROOT");
        char cmd[PATH_MAX * 2];
        snprintf(root, sizeof(root), "%s", r ? r : ".");
        snprintf(dir, sizeof(dir), "/tmp/cc-engine-XXXXXX");
        if (!mkdtemp(dir))
                return -1;
        snprintf(image, sizeof(image), "%s/image.raw", dir);
        cc_fmt(cmd, sizeof(cmd), "'%s/build/bin/sf-maptouch' make-image '%s' --mib 8 --seed 5", root, image);
        return system(cmd) == 0 ? 0 : -1;
}

static int group_teardown(void **state)
{
        char cmd[128];
        cc_fmt(cmd, sizeof(cmd), "rm -rf '%s'", dir);
        return system(cmd) == 0 ? 0 : -1;
}

static void test_local_clones(void **unused)
{
        struct events ev = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER };
        struct cc_generation *g;
        struct cc_engine *e = setup(&g);
        struct cc_net nets[3] = { cc_net_user(1), cc_net_user(2), cc_net_user(3) };
        struct cc_clone_opts o = { .n = 3, .nets = nets, .cb = on_event, .userdata = &ev };
        uint64_t ticket;

        assert_int_equal(cc_clone(e, g, &o, &ticket), 0);
        wait_for(&ev, &ev.ready, 3);
        assert_int_equal(ev.resuming, 3);
        assert_int_equal(ev.failed, 0);
        struct cc_clone_stats st;
        assert_int_equal(cc_clone_stats(e, ev.ids[0], &st), 0);
        assert_int_equal(st.state, CC_CLONE_READY);
        assert_false(st.remote);
        assert_int_equal(st.vm.state, CC_VM_RUNNING);
        struct cc_generation_info gi;
        cc_generation_info(g, &gi);
        assert_int_equal(gi.clones, 3);
        assert_int_equal(cc_generation_drop(e, 1), -EBUSY);
        /* an id in use is refused */
        const char *dup[] = { ev.ids[1] };
        struct cc_clone_opts o2 = { .n = 1, .ids = dup, .cb = on_event, .userdata = &ev };
        assert_int_equal(cc_clone(e, g, &o2, &ticket), -EEXIST);
        for (int i = 0; i < 3; i++)
                assert_int_equal(cc_retire(e, ev.ids[i], 1000), 0);
        wait_for(&ev, &ev.retired, 3);
        assert_int_equal(cc_retire(e, ev.ids[0], 1000), -ENOENT);
        assert_int_equal(cc_clone_stats(e, ev.ids[0], &st), -ENOENT);
        cc_generation_info(g, &gi);
        assert_int_equal(gi.clones, 0);
        cc_engine_free(e);
}

/* With a driver that has wait(), readiness is that event: the engine waited on it, and a
 * retire of a clone that never gets ready wakes the wait at once (ready timeout: 10 s). */
static void test_readiness_is_an_event(void **unused)
{
        struct events ev = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER };
        struct cc_generation *g;
        struct cc_engine *e = setup_with(&proc_wait_driver, 2, &g);
        struct cc_net net = cc_net_user(3);
        const char *stuck[] = { "stuck" };
        const char *late[] = { "late" };    /* run dirs of earlier tests' c1.. hold "ready" */
        struct cc_clone_opts o = { .n = 1, .ids = late, .nets = &net, .driver_opts = "ready_late",
                                   .cb = on_event, .userdata = &ev };
        struct cc_clone_opts o2 = { .n = 1, .ids = stuck, .nets = &net, .driver_opts = "never_ready",
                                    .cb = on_event, .userdata = &ev };
        uint64_t ticket;

        /* ready 0.3 s after start: the engine sleeps in wait() until the file appears */
        uint64_t t0 = ss_mono_ns();
        assert_int_equal(cc_clone(e, g, &o, &ticket), 0);
        wait_for(&ev, &ev.ready, 1);
        uint64_t ms = (ss_mono_ns() - t0) / 1000000;
        assert_true(__atomic_load_n(&pd_waits, __ATOMIC_RELAXED) > 0);
        assert_true(ms < 3000);
        assert_int_equal(cc_clone(e, g, &o2, &ticket), 0);
        wait_for(&ev, &ev.resuming, 2);
        usleep(200000);                         /* let its start job sit in wait() */
        t0 = ss_mono_ns();
        assert_int_equal(cc_retire(e, "stuck", 1000), 0);
        wait_for(&ev, &ev.retired, 1);
        ms = (ss_mono_ns() - t0) / 1000000;
        print_message("# retire of a clone waiting for readiness took %" PRIu64 " ms\n", ms);
        assert_true(ms < 3000);
        assert_int_equal(ev.failed, 0);
        assert_int_equal(cc_retire(e, ev.ids[0], 1000), 0);
        wait_for(&ev, &ev.retired, 2);
        cc_engine_free(e);
}

/* A memserver on the parent's state with an injected fault (NULL: none); addr: where it listens */
static struct cc_memserver *serve(const char *fault, char addr[64])
{
        char gen_root[128], store[128], why[CC_REASON_MAX] = "";
        snprintf(gen_root, sizeof(gen_root), "%s/gen", dir);
        snprintf(store, sizeof(store), "%s/store", dir);
        struct cc_memserver_opts mo = {
                .listen = "127.0.0.1:0", .gen_root = gen_root, .store_dir = store, .secret = secret,
                .secret_len = sizeof(secret) - 1, .inject_fault = fault,
        };
        struct cc_memserver *s;
        if (cc_memserver_start(&mo, &s, why, sizeof(why)) < 0)
                fail_msg("memserver: %s", why);
        snprintf(addr, 64, "127.0.0.1:%u", cc_memserver_port(s));
        return s;
}

/* Remote clones need an empty page store on the "clone host": a second engine with its own
 * state dir that fetched the generation's descriptor from the memserver. */
static struct cc_engine *clone_host(const char *addr, const char *sub, struct cc_generation **g)
{
        char sd[128], why[CC_REASON_MAX] = "";
        snprintf(sd, sizeof(sd), "%s/%s", dir, sub);
        struct cc_engine_config ec = {
                .driver = &proc_driver, .state_dir = sd, .secret = secret,
                .secret_len = sizeof(secret) - 1, .ready_timeout_ms = 10000, .fetch_timeout_ms = 1500,
        };
        struct cc_engine *e;
        assert_int_equal(cc_engine_new(&ec, &e, why, sizeof(why)), 0);
        if (cc_generation_fetch(e, addr, 1, g, why, sizeof(why)) < 0)
                fail_msg("fetch: %s", why);
        return e;
}

/* memtap needs FUSE: without /dev/fuse the remote cases are skipped (and say so). */
static void need_fuse(void)
{
        int fd = open("/dev/fuse", O_RDWR | O_CLOEXEC);
        if (fd < 0)
                skip();
        close(fd);
}

static void test_remote_clones(void **unused)
{
        need_fuse();
        struct events ev = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER };
        char addr[64];
        struct cc_memserver *s = serve(NULL, addr);
        struct cc_generation *g;
        uint64_t ticket;

        struct cc_engine *e = clone_host(addr, "hostb", &g);
        /* The process driver's "host port" is sf-maptouch's seed: both clones touch the same
         * pages. One after the other on the generation's one memtap of this host: the second
         * finds every page the first fetched and fetches nothing itself. (Background completion
         * off: it would fetch the rest.) */
        struct cc_net net = cc_net_user(7);
        struct cc_clone_opts o = { .n = 1, .nets = &net, .cb = on_event, .userdata = &ev,
                                   .fetch = { .readahead = CC_RA_ADAPTIVE, .complete_off = true } };
        struct cc_clone_stats st[2];
        for (unsigned i = 0; i < 2; i++) {
                assert_int_equal(cc_clone(e, g, &o, &ticket), 0);
                wait_for(&ev, &ev.ready, i + 1);
                assert_int_equal(ev.failed, 0);
                assert_int_equal(cc_clone_stats(e, ev.ids[i], &st[i]), 0);
                assert_true(st[i].remote);
                assert_true(st[i].fetch.zero_reads > 0);        /* zero pages never fetched */
        }
        assert_true(st[0].fetch.fetched_pages > 0);
        assert_true(st[0].fetch.demand_faults > 0);
        /* the 2nd shares the memtap: nothing more was fetched, no fault waited for the network */
        assert_int_equal(st[1].fetch.fetched_pages, st[0].fetch.fetched_pages);
        assert_int_equal(st[1].fetch.demand_faults, st[0].fetch.demand_faults);
        assert_false(st[1].fetch.completed);
        for (int i = 0; i < 2; i++)
                assert_int_equal(cc_retire(e, ev.ids[i], 1000), 0);
        wait_for(&ev, &ev.retired, 2);
        cc_engine_free(e);
        cc_memserver_stop(s);
}

static void test_lying_memserver_fails_clone(void **unused)
{
        need_fuse();
        struct events ev = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER };
        char addr[64];
        struct cc_memserver *s = serve("corrupt:20", addr);
        struct cc_generation *g;
        uint64_t ticket;

        struct cc_engine *e = clone_host(addr, "hostc", &g);
        struct cc_clone_opts o = { .n = 1, .cb = on_event, .userdata = &ev,
                                   .fetch = { .readahead = CC_RA_NONE } };
        assert_int_equal(cc_clone(e, g, &o, &ticket), 0);
        wait_for(&ev, &ev.failed, 1);
        assert_int_equal(ev.ready, 0);
        /* either memtap's verdict or the VM dying of the EIO, whichever the engine saw first */
        if (!strstr(ev.reason, "hash mismatch") && !strstr(ev.reason, "exit status"))
                fail_msg("unexpected reason: %s", ev.reason);
        cc_engine_free(e);
        cc_memserver_stop(s);
}

/* Background completion: once every non-zero page is on this host the clone no longer needs
 * the memserver: stop it, the clone keeps running, and a new clone of the generation starts
 * without it. */
static void test_completion_frees_clone_from_memserver(void **unused)
{
        need_fuse();
        struct events ev = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER };
        char addr[64];
        struct cc_memserver *s = serve(NULL, addr);
        struct cc_generation *g;
        struct cc_clone_stats st;
        uint64_t ticket;

        struct cc_engine *e = clone_host(addr, "hostd", &g);
        struct cc_net net = cc_net_user(11);
        struct cc_clone_opts o = { .n = 1, .nets = &net, .cb = on_event, .userdata = &ev,
                                   .fetch = { .readahead = CC_RA_NONE, .complete_delay_ms = 1,
                                              .complete_mib_s = 256 } };
        assert_int_equal(cc_clone(e, g, &o, &ticket), 0);
        wait_for(&ev, &ev.ready, 1);
        for (int i = 0; i < 400; i++) {
                assert_int_equal(cc_clone_stats(e, ev.ids[0], &st), 0);
                if (st.fetch.completed || st.fetch.failed)
                        break;
                usleep(50 * 1000);
        }
        assert_true(st.fetch.completed);
        assert_false(st.fetch.failed);
        assert_true(st.fetch.background_pages > 0);
        assert_true(st.fetch.complete_us > 0);
        print_message("# completion after %.3f s: %" PRIu64 " pages, %" PRIu64 " of them in the background\n",
                      (double)st.fetch.complete_us / 1e6, st.fetch.fetched_pages, st.fetch.background_pages);
        cc_memserver_stop(s);
        usleep(300 * 1000);
        assert_int_equal(cc_clone_stats(e, ev.ids[0], &st), 0);
        assert_int_equal(st.state, CC_CLONE_READY);
        assert_int_equal(ev.failed, 0);
        /* a second clone (other pages: seed 13) runs entirely from this host */
        net = cc_net_user(13);
        assert_int_equal(cc_clone(e, g, &o, &ticket), 0);
        wait_for(&ev, &ev.ready, 2);
        assert_int_equal(ev.failed, 0);
        for (int i = 0; i < 2; i++)
                assert_int_equal(cc_retire(e, ev.ids[i], 1000), 0);
        wait_for(&ev, &ev.retired, 2);
        cc_engine_free(e);
        /* the host's next engine (a restarted daemon) clones the generation with the parent's
         * host still gone: descriptor and pages are all here */
        e = clone_host(addr, "hostd", &g);
        assert_int_equal(cc_clone(e, g, &o, &ticket), 0);
        wait_for(&ev, &ev.ready, 3);
        assert_int_equal(ev.failed, 0);
        assert_int_equal(cc_retire(e, ev.ids[2], 1000), 0);
        wait_for(&ev, &ev.retired, 3);
        cc_engine_free(e);
}

/* The memserver gone before completion: the clone fails fast with the reason, never hangs. */
static void test_memserver_gone_before_completion(void **unused)
{
        need_fuse();
        struct events ev = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER };
        char addr[64];
        struct cc_memserver *s = serve(NULL, addr);
        struct cc_generation *g;
        uint64_t ticket;

        struct cc_engine *e = clone_host(addr, "hoste", &g);
        struct cc_net net = cc_net_user(17);
        struct cc_clone_opts o = { .n = 1, .nets = &net, .cb = on_event, .userdata = &ev,
                                   .fetch = { .readahead = CC_RA_NONE, .complete_mib_s = 1 } };
        assert_int_equal(cc_clone(e, g, &o, &ticket), 0);
        wait_for(&ev, &ev.ready, 1);
        uint64_t t0 = ss_mono_ns();
        cc_memserver_stop(s);
        wait_for(&ev, &ev.failed, 1);
        double took = (double)(ss_mono_ns() - t0) / 1e9;
        print_message("# failed %.3f s after the memserver stopped: %s\n", took, ev.reason);
        assert_non_null(strstr(ev.reason, "memory fetch failed"));
        assert_true(took < 3.0);        /* fetch timeout 1.5 s: within it, never a hang */
        cc_engine_free(e);
}

/* Working sets through the memserver: a damaged one is refused, the first good one is kept and
 * served, a second is not taken over it. */
static void test_memserver_working_sets(void **unused)
{
        char addr[64], why[CC_REASON_MAX] = "";
        struct cc_memserver *s = serve(NULL, addr);
        struct cc_client *cl = NULL;
        uint8_t *got = NULL;
        size_t got_len = 0;
        struct cc_buf b = {0};

        char ws[128];
        /* the remote-clone tests above shared theirs: start from none */
        snprintf(ws, sizeof(ws), "%s/gen/1/ws.bin", dir);
        unlink(ws);
        assert_int_equal(cc_client_connect(addr, secret, sizeof(secret) - 1, 2000, &cl, why, sizeof(why)), 0);
        assert_int_equal(cc_client_get_ws(cl, 1, &got, &got_len, why, sizeof(why)), -ENOENT);
        cc_buf_put(&b, "SFWS", 4);
        cc_buf_u32(&b, 1);
        cc_buf_u64(&b, 1);
        cc_buf_u64(&b, 2);
        cc_buf_u32(&b, 7);
        cc_buf_u32(&b, 3);
        cc_buf_u32(&b, (uint32_t)crc32(0, b.data, (uInt)b.len));
        b.data[24] ^= 1;                /* damaged: CRC mismatch */
        assert_int_equal(cc_client_put_ws(cl, 1, b.data, b.len, why, sizeof(why)), -EBADMSG);
        cc_client_close(cl);            /* the memserver closed it */
        b.data[24] ^= 1;
        assert_int_equal(cc_client_connect(addr, secret, sizeof(secret) - 1, 2000, &cl, why, sizeof(why)), 0);
        assert_int_equal(cc_client_put_ws(cl, 1, b.data, b.len, why, sizeof(why)), 0);
        assert_int_equal(cc_client_put_ws(cl, 1, b.data, b.len, why, sizeof(why)), -EEXIST);
        assert_int_equal(cc_client_get_ws(cl, 1, &got, &got_len, why, sizeof(why)), 0);
        assert_int_equal(got_len, b.len);
        assert_memory_equal(got, b.data, b.len);
        free(got);
        cc_client_close(cl);
        cc_buf_free(&b);
        cc_memserver_stop(s);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
                cmocka_unit_test(test_local_clones),
                cmocka_unit_test(test_readiness_is_an_event),
                cmocka_unit_test(test_remote_clones),
                cmocka_unit_test(test_lying_memserver_fails_clone),
                cmocka_unit_test(test_completion_frees_clone_from_memserver),
                cmocka_unit_test(test_memserver_gone_before_completion),
                cmocka_unit_test(test_memserver_working_sets),
        };
        return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
