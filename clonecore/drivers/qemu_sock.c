/* drivers/qemu_sock.c: '\n'-framed lines over unix stream sockets (QMP and the guest agent's
 * virtio-serial port), and the sockets themselves. */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "qemu_int.h"

/* Next '\n'-terminated line from fd into a malloc'd string, waiting at most timeout_ms (0 = only
 * what is already there). 0 and *ret (NULL when no complete line), or -errno (-EPIPE on EOF,
 * -ETIMEDOUT, -EMSGSIZE for an over-long line, -ESRCH when watch_fd, QEMU's pidfd, says it exited:
 * a connection QEMU never accepted gets no EOF when QEMU dies). */
int qemu_line_read(int fd, int watch_fd, struct linebuf *lb, int timeout_ms, char **ret)
{
        uint64_t deadline = mono_ns() + (uint64_t)timeout_ms * 1000000ull;

        *ret = NULL;
        if (!lb->buf) {
                lb->buf = malloc(LINE_MAX_BYTES);
                if (!lb->buf)
                        return -ENOMEM;
        }
        for (;;) {
                char *nl = memchr(lb->buf, '\n', lb->have);
                if (nl) {
                        size_t n = (size_t)(nl - lb->buf);
                        char *line = malloc(n + 1);
                        if (!line)
                                return -ENOMEM;
                        memcpy(line, lb->buf, n);
                        line[n] = 0;
                        if (n && line[n - 1] == '\r')
                                line[n - 1] = 0;
                        memmove(lb->buf, nl + 1, lb->have - n - 1);
                        lb->have -= n + 1;
                        *ret = line;
                        return 0;
                }
                if (lb->have == LINE_MAX_BYTES)
                        return -EMSGSIZE;
                ssize_t r = recv(fd, lb->buf + lb->have, LINE_MAX_BYTES - lb->have, MSG_DONTWAIT);
                if (r > 0) {
                        lb->have += (size_t)r;
                        continue;
                }
                if (r == 0)
                        return -EPIPE;
                if (errno == EINTR)
                        continue;
                if (errno != EAGAIN)
                        return -errno;
                int64_t left = (int64_t)(deadline - mono_ns()) / 1000000;
                if (timeout_ms == 0)
                        return 0;
                if (left <= 0 || (int64_t)deadline - (int64_t)mono_ns() <= 0)
                        return -ETIMEDOUT;
                struct pollfd p[2] = { { .fd = fd, .events = POLLIN }, { .fd = watch_fd, .events = POLLIN } };
                if (poll(p, watch_fd >= 0 ? 2 : 1, (int)left) < 0 && errno != EINTR)
                        return -errno;
                if (watch_fd >= 0 && (p[1].revents & POLLIN) && !(p[0].revents & POLLIN))
                        return -ESRCH;
        }
}

int qemu_send_all(int fd, const char *s)
{
        size_t len = strlen(s);
        while (len) {
                ssize_t n = send(fd, s, len, MSG_NOSIGNAL);
                if (n < 0 && errno == EINTR)
                        continue;
                if (n < 0)
                        return -errno;
                s += n;
                len -= (size_t)n;
        }
        return 0;
}

int qemu_unix_connect(const char *path)
{
        struct sockaddr_un sa = { .sun_family = AF_UNIX };
        int fd;

        if (strlen(path) >= sizeof(sa.sun_path))
                return -ENAMETOOLONG;
        strcpy(sa.sun_path, path);
        fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0)
                return -errno;
        if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
                int rc = -errno;
                close(fd);
                return rc;
        }
        return fd;
}

/* A listening socket at path, to be inherited by QEMU (not CLOEXEC in the child: dup2'd there). */
int qemu_unix_listen(const char *path)
{
        struct sockaddr_un sa = { .sun_family = AF_UNIX };
        int fd;

        if (strlen(path) >= sizeof(sa.sun_path))
                return -ENAMETOOLONG;
        strcpy(sa.sun_path, path);
        unlink(path);
        fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0)
                return -errno;
        if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 || listen(fd, 4) < 0) {
                int rc = -errno;
                close(fd);
                return rc;
        }
        return fd;
}
