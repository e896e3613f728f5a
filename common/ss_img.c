/* ss_img: qemu-img as a child process, its output captured (see ss_img.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ss_img.h"

int ss_img_run(char *const argv[], char *out, size_t out_len, char *err, size_t err_len)
{
        const char *bin = getenv("SNOWSCALE_QEMU_IMG");
        int po[2] = { -1, -1 }, pe[2] = { -1, -1 }, status = 0, rc;
        size_t have = 0, ehave = 0;
        pid_t pid;

        err[0] = 0;
        if (out && out_len)
                out[0] = 0;
        if (!bin || !*bin)
                bin = "qemu-img";
        if (pipe2(po, O_CLOEXEC) < 0 || pipe2(pe, O_CLOEXEC) < 0 || (pid = fork()) < 0) {
                rc = -errno;
                goto out;
        }
        if (pid == 0) {
                int nul = open("/dev/null", O_RDONLY);
                if (nul < 0 || dup2(nul, 0) < 0 || dup2(po[1], 1) < 0 || dup2(pe[1], 2) < 0)
                        _exit(127);
                execvp(bin, argv);
                dprintf(2, "cannot run %s (apt-get install qemu-utils): %s\n", bin, strerror(errno));
                _exit(127);
        }
        close(po[1]);
        close(pe[1]);
        po[1] = pe[1] = -1;
        /* qemu-img's output is small: read stdout to its end (so it never blocks writing), then
         * stderr (a pipe buffer holds it) */
        for (;;) {
                char tmp[4096];
                ssize_t n = read(po[0], tmp, sizeof(tmp));
                if (n < 0 && errno == EINTR)
                        continue;
                if (n <= 0)
                        break;
                if (out && have + (size_t)n < out_len) {
                        memcpy(out + have, tmp, (size_t)n);
                        have += (size_t)n;
                }
        }
        if (out && out_len)
                out[have] = 0;
        while (ehave < err_len - 1) {
                ssize_t n = read(pe[0], err + ehave, err_len - 1 - ehave);
                if (n < 0 && errno == EINTR)
                        continue;
                if (n <= 0)
                        break;
                ehave += (size_t)n;
        }
        err[ehave] = 0;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
                ;
        rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
out:
        for (int i = 0; i < 2; i++) {
                if (po[i] >= 0)
                        close(po[i]);
                if (pe[i] >= 0)
                        close(pe[i]);
        }
        return rc;
}
