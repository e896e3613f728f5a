/* Test tool: a stand-in for systemd's notify socket. Binds a unix datagram socket at PATH and
 * prints every datagram it receives as one line (newlines inside shown as '|') until SECONDS pass.
 *
 *   scaler_notify_listen PATH SECONDS */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
        struct sockaddr_un sa = { .sun_family = AF_UNIX };
        char buf[4096];
        if (argc != 3 || strlen(argv[1]) >= sizeof(sa.sun_path)) {
                fprintf(stderr, "usage: scaler_notify_listen PATH SECONDS\n");
                return 2;
        }
        int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        strcpy(sa.sun_path, argv[1]);
        unlink(argv[1]);
        if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
                perror("bind");
                return 1;
        }
        struct timespec t0, t;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        double limit = atof(argv[2]);
        for (;;) {
                clock_gettime(CLOCK_MONOTONIC, &t);
                double left = limit - ((double)(t.tv_sec - t0.tv_sec) + (double)(t.tv_nsec - t0.tv_nsec) / 1e9);
                if (left <= 0)
                        break;
                struct pollfd p = { .fd = fd, .events = POLLIN };
                if (poll(&p, 1, (int)(left * 1000) + 1) <= 0)
                        continue;
                ssize_t n = recv(fd, buf, sizeof(buf) - 1, 0);
                if (n < 0)
                        continue;
                buf[n] = 0;
                for (ssize_t i = 0; i < n; i++)
                        if (buf[i] == '\n')
                                buf[i] = '|';
                printf("%s\n", buf);
                fflush(stdout);
        }
        unlink(argv[1]);
        return 0;
}
