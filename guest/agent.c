/* sf-guestd: the worker VM's agent. Tells the host when the app answers, takes a clone's identity
 * (hostname, RNG reseed, clone id for the app; on a bridge its MAC, address, route and DNS, then a
 * gratuitous ARP and the operator's on-clone hooks), reports stats, and powers the VM off on "quit".
 * The transport is whichever registered channel opens first (agent.h). Logs to stderr, which the
 * image's init sends to the console. */
#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/random.h>
#include <net/if.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
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

#define NET_IFACE       "eth0"          /* the image's one NIC (virtio-net, or xen-netfront) */
#define HOOK_DIR        "/etc/snowscale/on-clone.d"
#define HOOK_TIMEOUT_MS 10000           /* per hook; the host's ready timeout bounds them all */
#define CMD_TIMEOUT_MS  5000            /* ip, arping */

static unsigned app_port = 80;
static const char *app_stats_path = "/stats";   /* -s: the app's metrics (agent.h, sfg_app_stats) */

/* GET path from the app on loopback; the whole body (up to outlen - 1 bytes) into out. 0, or
 * -errno. Bounded by a 2 s timeout. */
static int app_get(const char *path, char *out, size_t outlen, int *status)
{
        struct sockaddr_in sa = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
        struct timeval tv = { .tv_sec = 2 };
        char req[320], buf[8192];
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
        n = snprintf(req, sizeof(req), "GET %.256s HTTP/1.0\r\n\r\n", path);
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

/* The agent's own uptime, load and available memory, then every pair the app reports. */
static void stats_line(char *out, size_t len)
{
        char up[64] = "0", load[64] = "0", line[256], app[8192] = "";
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
        snprintf(out, len, "uptime_s=%s load1=%s mem_avail_kib=%lu", up, load, memfree);
        if (app_get(app_stats_path, app, sizeof(app), &status) == 0 && status == 200)
                sfg_app_stats(app, out, len);
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

/* Run argv (PATH lookup) with extra environment env (NULL-ended "K=V"), at most timeout_ms; a
 * program that overruns is killed with its process group. 0 when it exited 0; -ETIMEDOUT,
 * -ECHILD (non-zero exit or signal) or -errno otherwise. Waits on a pidfd, not by polling. */
static int run(char *const argv[], char *const env[], unsigned timeout_ms)
{
        int status = 0, pfd;
        pid_t pid = fork();

        if (pid < 0)
                return -errno;
        if (pid == 0) {
                sigset_t none;
                sigemptyset(&none);
                sigprocmask(SIG_SETMASK, &none, NULL);  /* SIGIO is blocked for the channel */
                setpgid(0, 0);
                for (int i = 0; env && env[i]; i++)
                        putenv(env[i]);
                execvp(argv[0], argv);
                _exit(127);
        }
        pfd = (int)syscall(SYS_pidfd_open, pid, 0);
        if (pfd >= 0) {
                struct pollfd p = { .fd = pfd, .events = POLLIN };
                int r = poll(&p, 1, (int)timeout_ms);
                close(pfd);
                if (r == 0) {
                        kill(-pid, SIGKILL);
                        waitpid(pid, NULL, 0);
                        return -ETIMEDOUT;
                }
        }
        if (waitpid(pid, &status, 0) < 0)
                return -errno;
        return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -ECHILD;
}

#define RUN(...) run((char *const[]){ __VA_ARGS__, NULL }, NULL, CMD_TIMEOUT_MS)

/* What eth0 has now, as the host compares it: "mac=.. ipv4=A/P hostname=H". */
static void read_back(char *out, size_t len)
{
        char host[SFG_ID_MAX] = "", mac[18] = "-", ip[INET_ADDRSTRLEN] = "-";
        unsigned prefix = 0;
        struct ifreq ifr;
        int sk = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);

        gethostname(host, sizeof(host) - 1);
        if (sk >= 0) {
                memset(&ifr, 0, sizeof(ifr));
                snprintf(ifr.ifr_name, IFNAMSIZ, "%s", NET_IFACE);
                if (ioctl(sk, SIOCGIFHWADDR, &ifr) == 0) {
                        const unsigned char *m = (const unsigned char *)ifr.ifr_hwaddr.sa_data;
                        snprintf(mac, sizeof(mac), "%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2], m[3],
                                 m[4], m[5]);
                }
                if (ioctl(sk, SIOCGIFADDR, &ifr) == 0)
                        inet_ntop(AF_INET, &((struct sockaddr_in *)&ifr.ifr_addr)->sin_addr, ip, sizeof(ip));
                if (ioctl(sk, SIOCGIFNETMASK, &ifr) == 0)
                        prefix = (unsigned)__builtin_popcount(((struct sockaddr_in *)&ifr.ifr_netmask)->sin_addr.s_addr);
                close(sk);
        }
        snprintf(out, len, "mac=%s ipv4=%s/%u hostname=%s", mac, ip, prefix, host);
}

/* The clone's own place on the bridge. The link is down on the host side while this runs (the
 * driver holds it until "applied" matches), so nothing leaves with a half-changed identity. */
static int apply_net(const struct sfg_identity *id)
{
        char addr[24];
        int rc;

        snprintf(addr, sizeof(addr), "%s/%u", id->ipv4, id->prefix_len);
        /* virtio-net changes its MAC while up; xen-netfront only while down (and after a restore
         * it has read the clone's MAC from xenstore already: then there is nothing to change) */
        char back[180], want[32];
        read_back(back, sizeof(back));
        snprintf(want, sizeof(want), "mac=%s ", id->mac);
        if (strncmp(back, want, strlen(want)) != 0 &&
            RUN("ip", "link", "set", "dev", NET_IFACE, "address", (char *)id->mac) &&
            ((rc = RUN("ip", "link", "set", "dev", NET_IFACE, "down")) ||
             (rc = RUN("ip", "link", "set", "dev", NET_IFACE, "address", (char *)id->mac))))
                return rc;
        if ((rc = RUN("ip", "addr", "flush", "dev", NET_IFACE)) ||
            (rc = RUN("ip", "addr", "add", addr, "dev", NET_IFACE)) ||
            (rc = RUN("ip", "link", "set", "dev", NET_IFACE, "up")))
                return rc;
        if (id->gw[0] && (rc = RUN("ip", "route", "replace", "default", "via", (char *)id->gw)))
                return rc;
        if (id->dns[0]) {
                char line[32];
                snprintf(line, sizeof(line), "nameserver %s", id->dns);
                write_small("/etc/resolv.conf", line);
        }
        return 0;
}

/* Tell the segment who has the address now: neighbours (the host, nginx's side) may still map
 * it to the MAC of a clone that held it before. Unsolicited ARP (-U) and a reply (-A), as RFC 5227
 * announcements; the interface is up by now (the host said "online"). */
static void announce_net(const struct sfg_identity *id)
{
        if (RUN("arping", "-U", "-c", "1", "-I", NET_IFACE, (char *)id->ipv4) ||
            RUN("arping", "-A", "-c", "1", "-I", NET_IFACE, (char *)id->ipv4))
                LOG("gratuitous ARP for %s failed", id->ipv4);
}

static int hook_filter(const struct dirent *e)
{
        return e->d_name[0] != '.';
}

/* The operator's hooks: every executable regular file in HOOK_DIR, in name order, with the
 * identity in SNOWSCALE_* variables, each within HOOK_TIMEOUT_MS. The first that fails stops the
 * rest: a clone whose app could not be told it is a clone must not serve (docs/networking.md). */
static int run_hooks(const struct sfg_identity *id, char *failed, size_t failed_len)
{
        struct dirent **list = NULL;
        char e_id[96], e_host[96], e_mac[48], e_ip[48], e_pfx[32], e_gw[48], e_dns[48];
        char *env[] = { e_id, e_host, e_mac, e_ip, e_pfx, e_gw, e_dns, NULL };
        int n = scandir(HOOK_DIR, &list, hook_filter, alphasort), rc = 0;

        if (n < 0)
                return 0;               /* no hooks directory: nothing to run */
        snprintf(e_id, sizeof(e_id), "SNOWSCALE_CLONE_ID=%s", id->clone_id);
        snprintf(e_host, sizeof(e_host), "SNOWSCALE_HOSTNAME=%s", id->hostname);
        snprintf(e_mac, sizeof(e_mac), "SNOWSCALE_MAC=%s", id->mac);
        snprintf(e_ip, sizeof(e_ip), "SNOWSCALE_IPV4=%s", id->ipv4);
        snprintf(e_pfx, sizeof(e_pfx), "SNOWSCALE_PREFIX=%u", id->prefix_len);
        snprintf(e_gw, sizeof(e_gw), "SNOWSCALE_GATEWAY=%s", id->gw);
        snprintf(e_dns, sizeof(e_dns), "SNOWSCALE_DNS=%s", id->dns);
        for (int i = 0; i < n; i++) {
                char path[512];
                struct stat st;
                snprintf(path, sizeof(path), "%s/%s", HOOK_DIR, list[i]->d_name);
                if (rc == 0 && stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0) {
                        rc = run((char *const[]){ path, NULL }, env, HOOK_TIMEOUT_MS);
                        if (rc)
                                snprintf(failed, failed_len, "%s %s", list[i]->d_name,
                                         rc == -ETIMEDOUT ? "ran out of time" : "failed");
                        else
                                LOG("hook %s done", list[i]->d_name);
                }
                free(list[i]);
        }
        free(list);
        return rc;
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
        if (id->has_net) {
                rc = apply_net(id);
                if (rc)
                        return rc;
        }
        return 0;
}

/* After the identity is on the interface and the link is up: announce, run the hooks. false
 * when a hook failed (then the clone never reports ready; the host retires it). */
static bool finish_identity(const struct sfg_identity *id, const struct sfg_channel_ops *ops,
                            struct sfg_chan *ch)
{
        char failed[300] = "", msg[400];

        if (id->has_net)
                announce_net(id);
        if (run_hooks(id, failed, sizeof(failed))) {
                snprintf(msg, sizeof(msg), "on-clone hook %s: not reporting ready", failed);
                LOG("%s", msg);
                ops->send(ch, "log", msg);
                return false;
        }
        return true;
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
        /* bridge identities: applied but the host has not brought the link up yet */
        bool wait_online = false, hooks_failed = false, net_identity = false;
        struct sfg_identity cur = { 0 };
        int opt;

        while ((opt = getopt(argc, argv, "p:s:")) != -1) {
                if (opt == 'p')
                        app_port = (unsigned)strtoul(optarg, NULL, 10);
                else if (opt == 's' && optarg[0] == '/' && strlen(optarg) <= 256)
                        app_stats_path = optarg;
                else {
                        fprintf(stderr, "usage: sf-guestd [-p app_port] [-s stats_path]\n");
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
                if (ready && announce && !fail_ready && !wait_online && !hooks_failed) {
                        char val[SFG_ID_MAX + 200], back[180];
                        if (net_identity) {
                                read_back(back, sizeof(back));
                                snprintf(val, sizeof(val), "%s %s", my_id, back);
                        } else {
                                snprintf(val, sizeof(val), "%s", my_id);
                        }
                        if (ops->send(ch, "ready", val) == 0) {
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
                                if (wait_online) {      /* a host that came back: ask again */
                                        char val[SFG_ID_MAX + 200], back[180];
                                        read_back(back, sizeof(back));
                                        snprintf(val, sizeof(val), "%s %s", my_id, back);
                                        ops->send(ch, "applied", val);
                                }
                                break;
                        case SFG_EV_IDENTITY:
                                rc = apply_identity(&ev.id);
                                if (rc) {
                                        char msg[160];
                                        snprintf(msg, sizeof(msg), "identity %s not applied: %s", ev.id.clone_id,
                                                 strerror(-rc));
                                        LOG("%s", msg);
                                        ops->send(ch, "log", msg);      /* heard, but not ready */
                                        break;
                                }
                                cur = ev.id;
                                snprintf(my_id, sizeof(my_id), "%s", ev.id.clone_id);
                                fail_ready = ev.id.fail_ready;
                                net_identity = ev.id.has_net;
                                hooks_failed = false;
                                LOG("now clone %s (hostname %s%s%s)%s", my_id, ev.id.hostname,
                                    ev.id.has_net ? ", " : "", ev.id.ipv4,
                                    fail_ready ? ", withholding readiness (fail_ready)" : "");
                                ready = app_ready();    /* the app must still answer after the restore */
                                announce = true;
                                if (fail_ready)         /* the host hears us, just no "ready" */
                                        ops->send(ch, "log", "identity taken; withholding readiness (fail_ready)");
                                if (ev.id.has_net) {
                                        /* the host compares and then brings the link up */
                                        char val[SFG_ID_MAX + 200], back[180];
                                        read_back(back, sizeof(back));
                                        snprintf(val, sizeof(val), "%s %s", my_id, back);
                                        wait_online = ops->send(ch, "applied", val) == 0;
                                } else {
                                        hooks_failed = !finish_identity(&cur, ops, ch);
                                }
                                break;
                        case SFG_EV_ONLINE:
                                if (!wait_online)
                                        break;
                                wait_online = false;
                                LOG("link up as %s", cur.ipv4);
                                hooks_failed = !finish_identity(&cur, ops, ch);
                                announce = true;
                                break;
                        case SFG_EV_STATS: {
                                char line[SFG_STATS_MAX];
                                stats_line(line, sizeof(line));
                                ops->send(ch, "stats", line);
                                break;
                        }
                        case SFG_EV_FREEPAGES:
                                rc = sfg_free_report(ops, ch);
                                if (rc < 0)
                                        LOG("free page report failed: %s", strerror(-rc));
                                break;
                        case SFG_EV_QUIT:
                                LOG("host asked to power off");
                                sync();
                                reboot(RB_POWER_OFF);
                                break;
                        }
                } while (ev.type != SFG_EV_NONE && ev.type != SFG_EV_HOST_GONE);
        }
}
