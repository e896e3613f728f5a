/* Test tool: a hostile HTTP client population against 127.0.0.1:PORT, for SECONDS at most.
 * IDLE connections that never send a byte, spread over source addresses 127.0.0.2, 127.0.0.3, …
 * (PER_ADDR each, so a per-address limit does not stop the flood at the door), plus SLOW
 * slowloris connections from 127.0.0.1 that send a request line and then one header line every
 * 5 s, never ending the header. Prints "READY idle=N slow=M" once every connection is
 * established (or 10 s passed), and at the end "END idle_open=N slow_open=M" (connections the
 * server had not closed).
 *
 *   scaler_flood PORT IDLE PER_ADDR SLOW SECONDS */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double now_s(void)
{
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A non-blocking connect from src to 127.0.0.1:port; -1 on an immediate failure. */
static int open_from(in_addr_t src, unsigned port)
{
        struct sockaddr_in from = { .sin_family = AF_INET, .sin_addr.s_addr = src };
        struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port),
                                  .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
        int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (fd < 0)
                return -1;
        if (bind(fd, (struct sockaddr *)&from, sizeof(from)) < 0 ||
            (connect(fd, (struct sockaddr *)&to, sizeof(to)) < 0 && errno != EINPROGRESS)) {
                close(fd);
                return -1;
        }
        return fd;
}

/* Still open from the server's side: no EOF and no error waiting. */
static int still_open(int fd)
{
        char c;
        if (fd < 0)
                return 0;
        ssize_t n = recv(fd, &c, 1, MSG_PEEK | MSG_DONTWAIT);
        return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
}

static int count_open(const int *fds, int n)
{
        int k = 0;
        for (int i = 0; i < n; i++)
                k += still_open(fds[i]);
        return k;
}

int main(int argc, char **argv)
{
        if (argc != 6) {
                fprintf(stderr, "usage: scaler_flood PORT IDLE PER_ADDR SLOW SECONDS\n");
                return 2;
        }
        unsigned port = (unsigned)atoi(argv[1]);
        int idle = atoi(argv[2]), per = atoi(argv[3]), slow = atoi(argv[4]);
        double end = now_s() + atof(argv[5]);
        struct rlimit rl;
        if (per < 1 || idle < 0 || slow < 0 || idle / per > 250) {
                fprintf(stderr, "scaler_flood: at most 250 source addresses\n");
                return 2;
        }
        getrlimit(RLIMIT_NOFILE, &rl);
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
        if ((rlim_t)(idle + slow + 16) > rl.rlim_cur) {
                fprintf(stderr, "scaler_flood: RLIMIT_NOFILE %llu is too low\n", (unsigned long long)rl.rlim_cur);
                return 2;
        }

        int *fds = calloc((size_t)(idle + slow) + 1, sizeof(int)), *sfd = fds + idle;
        int failed = 0;
        for (int i = 0; i < idle; i++) {
                fds[i] = open_from(htonl(INADDR_LOOPBACK + 2 + (unsigned)(i / per)), port);
                failed += fds[i] < 0;
        }
        for (int i = 0; i < slow; i++) {
                sfd[i] = open_from(htonl(INADDR_LOOPBACK), port);
                failed += sfd[i] < 0;
        }
        /* Wait until every connect finished (or failed), 10 s at most. */
        struct pollfd *p = calloc((size_t)(idle + slow) + 1, sizeof(*p));
        for (double t0 = now_s(); now_s() < t0 + 10;) {
                int pending = 0;
                for (int i = 0; i < idle + slow; i++) {
                        p[i].fd = fds[i];
                        p[i].events = POLLOUT;
                        p[i].revents = 0;
                }
                if (poll(p, (nfds_t)(idle + slow), 200) < 0)
                        break;
                for (int i = 0; i < idle + slow; i++)
                        if (fds[i] >= 0 && !(p[i].revents & (POLLOUT | POLLERR | POLLHUP)))
                                pending++;
                if (!pending)
                        break;
        }
        free(p);
        for (int i = 0; i < slow; i++)
                if (sfd[i] >= 0 && send(sfd[i], "GET /healthz HTTP/1.1\r\nHost: x\r\n", 32, MSG_NOSIGNAL) < 0) {
                        close(sfd[i]);
                        sfd[i] = -1;
                }
        printf("READY idle=%d slow=%d failed=%d\n", count_open(fds, idle), count_open(sfd, slow), failed);
        fflush(stdout);

        /* Slowloris: one more header line every 5 s, never the blank line that ends them. */
        unsigned line = 0;
        for (double next = now_s() + 5; now_s() < end;) {
                struct timespec ts = { 0, 100 * 1000 * 1000 };
                nanosleep(&ts, NULL);
                if (now_s() < next)
                        continue;
                next += 5;
                char h[64];
                int n = snprintf(h, sizeof(h), "X-Slow-%u: %u\r\n", line, line);
                line++;
                for (int i = 0; i < slow; i++)
                        if (sfd[i] >= 0 && send(sfd[i], h, (size_t)n, MSG_NOSIGNAL) < 0) {
                                close(sfd[i]);
                                sfd[i] = -1;
                        }
        }
        printf("END idle_open=%d slow_open=%d\n", count_open(fds, idle), count_open(sfd, slow));
        return 0;
}
