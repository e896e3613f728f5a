/* drivers/xen_console.c: the guest console. xenconsoled offers the PV console as a pty named in
 * xenstore console/tty; a thread per VM copies it into <run_dir>/console.log until the domain
 * goes or the VM handle is freed. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <termios.h>
#include <unistd.h>

#include "xen_int.h"

static void *console_thread(void *arg)
{
        struct cc_vm *vm = arg;
        char key[64], out_path[PATH_MAX + 16], buf[4096];
        struct xs_handle *xs = NULL;
        char *tty = NULL;
        int pty = -1, out = -1;
        uint64_t deadline = mono_ns() + CONSOLE_WAIT_MS * 1000000ull;

        snprintf(key, sizeof(key), "/local/domain/%u/console/tty", vm->domid);
        snprintf(out_path, sizeof(out_path), "%s/console.log", vm->run_dir);
        out = open(out_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        xs = xs_open(0);
        if (out < 0 || !xs)
                goto out;
        /* libxl's create waits for xenconsoled to name the pty, so the key is usually there; else
         * wait on a watch for it (no polling) */
        bool watching = false;
        for (;;) {
                unsigned int l;
                tty = xs_read(xs, XBT_NULL, key, &l);
                if (tty && tty[0])
                        break;
                if (!watching) {
                        free(tty);
                        tty = NULL;
                        if (!xs_watch(xs, key, "tty"))
                                goto out;
                        watching = true;
                        continue;       /* read again: the key may have appeared meanwhile */
                }
                free(tty);
                tty = NULL;
                int64_t left = (int64_t)(deadline - mono_ns()) / 1000000;
                if (left <= 0)
                        goto out;
                int w = cc_poll_stop(xs_fileno(xs), vm->con_stop[0], (int)left);
                if (w == -ECANCELED || (w < 0 && w != -ETIMEDOUT))
                        goto out;
                if (w == 0) {
                        unsigned int num;
                        char **ev = xs_read_watch(xs, &num);
                        free(ev);
                }
        }
        pty = open(tty, O_RDONLY | O_NOCTTY | O_CLOEXEC);
        if (pty < 0)
                goto out;
        struct termios tio;
        if (tcgetattr(pty, &tio) == 0) {        /* raw: no echo back into the guest, no CR mangling */
                cfmakeraw(&tio);
                tcsetattr(pty, TCSANOW, &tio);
        }
        while (cc_poll_stop(pty, vm->con_stop[0], -1) == 0) {
                ssize_t n = read(pty, buf, sizeof(buf));
                if (n < 0 && (errno == EINTR || errno == EAGAIN))
                        continue;
                if (n <= 0)
                        break;          /* domain gone: xenconsoled closed the pty */
                if (write(out, buf, (size_t)n) != n)
                        break;
        }
out:
        free(tty);
        if (pty >= 0)
                close(pty);
        if (out >= 0)
                close(out);
        if (xs)
                xs_close(xs);
        return NULL;
}

int xen_console_start(struct cc_vm *vm)
{
        if (pipe2(vm->con_stop, O_CLOEXEC) < 0)
                return -errno;
        int r = pthread_create(&vm->con_thread, NULL, console_thread, vm);
        if (r)
                return -r;
        vm->con_started = true;
        return 0;
}

void xen_console_stop(struct cc_vm *vm)
{
        if (vm->con_started) {
                ssize_t n = write(vm->con_stop[1], "x", 1);
                (void)n;
                pthread_join(vm->con_thread, NULL);
                vm->con_started = false;
        }
        if (vm->con_stop[0] >= 0)
                close(vm->con_stop[0]);
        if (vm->con_stop[1] >= 0)
                close(vm->con_stop[1]);
        vm->con_stop[0] = vm->con_stop[1] = -1;
}
