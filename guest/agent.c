/* sf-guestd: the worker VM's agent. Tells the host when the app answers, takes a clone's identity
 * (hostname, RNG reseed, clone id for the app), reports stats, and powers the VM off on "quit".
 * The transport is whichever registered channel opens first (agent.h). Logs to stderr, which the
 * image's init sends to the console. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/random.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/reboot.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "agent.h"

#define LOG(...) do { fprintf(stderr, "sf-guestd: " __VA_ARGS__); fputc('\n', stderr); } while (0)

static unsigned app_port = 80;

/* GET path from the app on loopback; the body into out. 0, or -errno. Bounded by a 2 s timeout. */
static int app_get(const char *path, char *out, size_t outlen, int *status)
{
        struct sockaddr_in sa = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
        struct timeval tv = { .tv_sec = 2 };
        char req[128], buf[2048];
        size_t have = 0;
        int fd, rc = 0;
        ssize_t n;

        sa.sin_port = htons((uint16_t)app_port);
        fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0)
                return -errno;
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
        if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
                rc = -errno;
                goto out;
        }
        n = snprintf(req, sizeof(req), "GET %s HTTP/1.0\r\n\r\n", path);
        if (write(fd, req, (size_t)n) != n) {
                rc = -EIO;
                goto out;
        }
        while (have < sizeof(buf) - 1 && (n = read(fd, buf + have, sizeof(buf) - 1 - have)) > 0)
                have += (size_t)n;
        buf[have] = 0;
        if (sscanf(buf, "HTTP/1.%*d %d", status) != 1) {
                rc = -EPROTO;
                goto out;
        }
        if (out) {
                char *body = strstr(buf, "\r\n\r\n");
                snprintf(out, outlen, "%s", body ? body + 4 : "");
        }
out:
        close(fd);
        return rc;
}

static bool app_ready(void)
{
        int status = 0;
        return app_get("/healthz", NULL, 0, &status) == 0 && status == 200;
}

static unsigned long json_num(const char *json, const char *key)
{
        char pat[64];
        const char *p;
        snprintf(pat, sizeof(pat), "\"%s\":", key);
        p = strstr(json, pat);
        if (!p) {       /* sfdemo's /stats is "key=value" lines */
                snprintf(pat, sizeof(pat), "%s=", key);
                for (p = strstr(json, pat); p && p != json && p[-1] != '\n'; p = strstr(p + 1, pat))
                        ;
        }
        return p ? strtoul(p + strlen(pat), NULL, 10) : 0;
}

static void stats_line(char *out, size_t len)
{
        char up[64] = "0", load[64] = "0", line[256], app[512] = "";
        unsigned long memfree = 0;
        int status = 0;
        FILE *f;

        if ((f = fopen("/proc/uptime", "re"))) {
                if (fscanf(f, "%63s", up) != 1)
                        up[0] = 0;
                fclose(f);
        }
        if ((f = fopen("/proc/loadavg", "re"))) {
                if (fscanf(f, "%63s", load) != 1)
                        load[0] = 0;
                fclose(f);
        }
        if ((f = fopen("/proc/meminfo", "re"))) {
                while (fgets(line, sizeof(line), f))
                        if (sscanf(line, "MemAvailable: %lu", &memfree) == 1)
                                break;
                fclose(f);
        }
        app_get("/stats", app, sizeof(app), &status);
        snprintf(out, len, "uptime_s=%s load1=%s mem_avail_kib=%lu items=%lu hits=%lu misses=%lu", up, load,
                 memfree, json_num(app, "items"), json_num(app, "hits"), json_num(app, "misses"));
}

/* A clone must not share the parent's RNG state: mix fresh host entropy into the kernel pool and
 * credit it, so getrandom() output diverges from the parent's from here on. */
static int reseed(uint64_t seed)
{
        /* struct rand_pool_info ends in a flexible array: room for two 64-bit words after it. */
        union {
                struct rand_pool_info info;
                uint8_t raw[sizeof(struct rand_pool_info) + 2 * sizeof(uint64_t)];
        } e;
        uint64_t data[2];
        struct timespec ts;
        int fd, rc = 0;

        clock_gettime(CLOCK_MONOTONIC, &ts);
        data[0] = seed;
        data[1] = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 32);
        memcpy(e.raw + sizeof(struct rand_pool_info), data, sizeof(data));
        e.info.entropy_count = 64;
        e.info.buf_size = sizeof(data);
        fd = open("/dev/urandom", O_WRONLY | O_CLOEXEC);
        if (fd < 0)
                return -errno;
        if (ioctl(fd, RNDADDENTROPY, &e) < 0)
                rc = -errno;
        /* Adding entropy alone does not reseed an initialised CRNG until its next scheduled reseed
         * (up to a minute): force it, or a clone would keep producing its parent's stream. */
        else if (ioctl(fd, RNDRESEEDCRNG) < 0)
                rc = -errno;
        close(fd);
        return rc;
}

static void write_small(const char *path, const char *text)
{
        FILE *f = fopen(path, "we");
        if (f) {
                fprintf(f, "%s\n", text);
                fclose(f);
        }
}

static int apply_identity(const struct sfg_identity *id)
{
        int rc;

        if (sethostname(id->hostname, strlen(id->hostname)) < 0)
                return -errno;
        write_small("/etc/hostname", id->hostname);
        mkdir("/run/sf", 0755);
        write_small("/run/sf/clone_id", id->clone_id);
        rc = reseed(id->seed);
        if (rc)
                LOG("RNG reseed failed: %s", strerror(-rc));
        return 0;
}

static const struct sfg_channel_ops *open_channel(struct sfg_chan **ret)
{
        const struct sfg_channel_ops **list, *best = NULL;
        unsigned n = sfg_channels(&list);
        bool tried[SFG_MAX_CHANNELS] = { false };

        for (;;) {
                best = NULL;
                for (unsigned i = 0; i < n; i++)
                        if (!tried[i] && (!best || list[i]->priority > best->priority))
                                best = list[i];
                if (!best)
                        return NULL;
                for (unsigned i = 0; i < n; i++)
                        if (list[i] == best)
                                tried[i] = true;
                int rc = best->open(ret);
                if (rc == 0)
                        return best;
                LOG("channel %s: %s", best->name, strerror(-rc));
        }
}

int main(int argc, char **argv)
{
        const struct sfg_channel_ops *ops = NULL;
        struct sfg_chan *ch = NULL;
        char my_id[SFG_ID_MAX] = "parent";
        bool ready = false, announce = true, fail_ready = false;
        int opt;

        while ((opt = getopt(argc, argv, "p:")) != -1) {
                if (opt == 'p')
                        app_port = (unsigned)strtoul(optarg, NULL, 10);
                else {
                        fprintf(stderr, "usage: sf-guestd [-p app_port]\n");
                        return 2;
                }
        }
        /* The channel may appear after us (modules still loading): retry for a while, then run
         * without one so a broken transport never blocks the app. */
        for (int i = 0; i < 50 && !ops; i++) {
                ops = open_channel(&ch);
                if (!ops)
                        usleep(200000);
        }
        if (!ops) {
                LOG("no identity channel: running without host contact");
                for (;;)
                        pause();
        }
        LOG("identity channel: %s", ops->name);

        for (;;) {
                struct pollfd pfd = { .fd = ops->fd(ch), .events = POLLIN };
                struct sfg_event ev;
                int rc;

                if (!ready && app_ready()) {
                        ready = true;
                        LOG("app answers /healthz");
                }
                if (ready && announce && !fail_ready) {
                        if (ops->send(ch, "ready", my_id) == 0) {
                                LOG("reported ready as %s", my_id);
                                announce = false;
                        }
                }
                /* Until the app is up we re-check it every 100 ms (it has no way to tell us); after
                 * that we sleep on the channel. */
                rc = poll(&pfd, 1, ready ? 5000 : 100);
                if (rc <= 0)
                        continue;
                do {
                        rc = ops->next_event(ch, &ev);
                        if (rc < 0) {
                                LOG("bad message from host: %s", strerror(-rc));
                                break;
                        }
                        switch (ev.type) {
                        case SFG_EV_NONE:
                        case SFG_EV_HOST_GONE:
                                break;
                        case SFG_EV_HELLO:
                                announce = true;
                                break;
                        case SFG_EV_IDENTITY:
                                rc = apply_identity(&ev.id);
                                if (rc) {
                                        LOG("identity %s not applied: %s", ev.id.clone_id, strerror(-rc));
                                        break;
                                }
                                snprintf(my_id, sizeof(my_id), "%s", ev.id.clone_id);
                                fail_ready = ev.id.fail_ready;
                                LOG("now clone %s (hostname %s)%s", my_id, ev.id.hostname,
                                    fail_ready ? ", withholding readiness (fail_ready)" : "");
                                ready = app_ready();    /* the app must still answer after the restore */
                                announce = true;
                                break;
                        case SFG_EV_STATS: {
                                char line[SFG_LINE_MAX - 16];
                                stats_line(line, sizeof(line));
                                ops->send(ch, "stats", line);
                                break;
                        }
                        case SFG_EV_QUIT:
                                LOG("host asked to power off");
                                sync();
                                reboot(RB_POWER_OFF);
                                break;
                        }
                } while (ev.type != SFG_EV_NONE && ev.type != SFG_EV_HOST_GONE);
        }
}
