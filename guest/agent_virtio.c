/* agent_virtio.c: sf-guestd's transport under QEMU, a virtio-serial port named
 * "org.snowscale.agent" (QEMU: -device virtserialport,name=org.snowscale.agent,chardev=...).
 *
 * Linux's virtio_console reports POLLHUP for as long as the host side is not connected, so polling
 * the port then would spin. While the host is away we hand the agent a signalfd for SIGIO instead:
 * the driver raises SIGIO on the port's async queue when the host connects (O_ASYNC + F_SETOWN). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include "agent.h"

#define PORT_NAME "org.snowscale.agent"

struct sfg_chan {
        int fd, sigfd;
        bool host_gone;
        size_t have;
        char buf[SFG_LINE_MAX * 4];
};

static int find_port(char *dev, size_t len)
{
        DIR *d = opendir("/sys/class/virtio-ports");
        struct dirent *e;
        int rc = -ENODEV;

        if (!d)
                return -ENODEV;
        while ((e = readdir(d))) {
                char path[300], name[64] = "";
                FILE *f;
                if (e->d_name[0] == '.')
                        continue;
                snprintf(path, sizeof(path), "/sys/class/virtio-ports/%s/name", e->d_name);
                f = fopen(path, "re");
                if (!f)
                        continue;
                if (fgets(name, sizeof(name), f))
                        name[strcspn(name, "\n")] = 0;
                fclose(f);
                if (!strcmp(name, PORT_NAME)) {
                        snprintf(dev, len, "/dev/%s", e->d_name);
                        rc = 0;
                        break;
                }
        }
        closedir(d);
        return rc;
}

static void virtio_close(struct sfg_chan *c)
{
        if (!c)
                return;
        if (c->fd >= 0)
                close(c->fd);
        if (c->sigfd >= 0)
                close(c->sigfd);
        free(c);
}

static int virtio_open(struct sfg_chan **ret)
{
        struct sfg_chan *c = NULL;
        char dev[300];
        sigset_t set;
        int rc;

        rc = find_port(dev, sizeof(dev));
        if (rc < 0)
                return rc;
        c = calloc(1, sizeof(*c));
        if (!c)
                return -ENOMEM;
        c->sigfd = -1;
        c->fd = open(dev, O_RDWR | O_NONBLOCK | O_CLOEXEC);
        if (c->fd < 0) {
                rc = -errno;
                goto out;
        }
        sigemptyset(&set);
        sigaddset(&set, SIGIO);
        sigprocmask(SIG_BLOCK, &set, NULL);
        c->sigfd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
        if (c->sigfd < 0 || fcntl(c->fd, F_SETOWN, getpid()) < 0 ||
            fcntl(c->fd, F_SETFL, O_RDWR | O_NONBLOCK | O_ASYNC) < 0) {
                rc = -errno;
                goto out;
        }
        *ret = c;
        c = NULL;
        rc = 0;
out:
        virtio_close(c);
        return rc;
}

static int virtio_fd(struct sfg_chan *c)
{
        return c->host_gone ? c->sigfd : c->fd;
}

static int virtio_next_event(struct sfg_chan *c, struct sfg_event *ev)
{
        memset(ev, 0, sizeof(*ev));
        if (c->host_gone) {
                struct signalfd_siginfo si;
                while (read(c->sigfd, &si, sizeof(si)) == sizeof(si))
                        ;
                c->host_gone = false;   /* try the port again; a HUP brings us back here */
        }
        for (;;) {
                char *nl = memchr(c->buf, '\n', c->have);
                if (nl) {
                        size_t n = (size_t)(nl - c->buf) + 1;
                        int rc;
                        *nl = 0;
                        if (nl > c->buf && nl[-1] == '\r')
                                nl[-1] = 0;
                        rc = sfg_parse_host_line(c->buf, ev);
                        memmove(c->buf, c->buf + n, c->have - n);
                        c->have -= n;
                        return rc;
                }
                if (c->have == sizeof(c->buf))
                        c->have = 0;            /* an over-long line: drop it rather than stall */
                ssize_t r = read(c->fd, c->buf + c->have, sizeof(c->buf) - c->have);
                if (r > 0) {
                        c->have += (size_t)r;
                        continue;
                }
                if (r == 0) {
                        c->host_gone = true;
                        c->have = 0;
                        ev->type = SFG_EV_HOST_GONE;
                        return 0;
                }
                if (errno == EINTR)
                        continue;
                if (errno == EAGAIN)
                        return 0;
                return -errno;
        }
}

static int virtio_send(struct sfg_chan *c, const char *key, const char *value)
{
        char line[SFG_LINE_MAX];
        int n = snprintf(line, sizeof(line), "%s %s\n", key, value);

        if (n < 0 || (size_t)n >= sizeof(line))
                return -EMSGSIZE;
        if (write(c->fd, line, (size_t)n) != n)
                return errno ? -errno : -EIO;
        return 0;
}

static const struct sfg_channel_ops virtio_ops = {
        .name = "virtio",
        .priority = 10,
        .open = virtio_open,
        .fd = virtio_fd,
        .next_event = virtio_next_event,
        .send = virtio_send,
        .close = virtio_close,
};
SFG_CHANNEL_REGISTER(virtio_ops)
