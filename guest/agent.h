/* agent.h: the identity channel between sf-guestd (inside a worker VM) and the host's driver.
 *
 * sf-guestd is transport-neutral; each transport is one guest/agent_<name>.c that fills a
 * struct sfg_channel_ops and registers it with SFG_CHANNEL_REGISTER(). Every agent_*.c in guest/
 * is linked into sf-guestd; at start the agent tries the channels by descending priority and keeps
 * the first whose open() succeeds (a transport that is absent on this VM returns -ENODEV):
 *   agent_virtio.c  QEMU: virtio-serial port "org.snowscale.agent" (line protocol below)
 *   agent_xen.c     Xen PV: xenstore keys under the domain's own path (watched)
 *
 * What travels (whatever the transport encodes it as):
 *   host -> guest  HELLO            "who are you / are you ready?" (sent on every host connect)
 *                  IDENTITY         this VM is a clone: clone id, hostname, RNG seed, fail_ready and,
 *                                   on a bridge, its MAC, IPv4/prefix, gateway and DNS
 *                  ONLINE           the host brought the link up (bridge: after "applied")
 *                  STATS            please report stats now
                  FREEPAGES        report the page frames free in the buddy allocator (Xen only:
                                   the host measures what a free-page heuristic would save at a
                                   cut; agent_free.c)
 *                  QUIT             shut down cleanly (retire)
 *   guest -> host  send("ready", clone_id or "parent")   app answers /healthz, identity applied
 *                                   (bridge: "<id> mac=.. ipv4=A/P hostname=H", read back)
 *                  send("applied", "<id> mac=.. ipv4=A/P hostname=H")  bridge: identity taken
 *                                   with the link still down; the host compares, then ONLINE
 *                  send("stats", "uptime_s=.. load1=.. mem_avail_kib=.. KEY=VALUE ..")
 *                                   the agent's own three, then the app's pairs (sfg_app_stats)
 *                  send("log", text)                     a decision worth showing on the host
                  send("free/N", "first+count ...")     FREEPAGES: free pfn runs (hex), in chunks,
                  send("free/done", "chunks=K ...")     then the totals, last
 *
 * Wire format of the virtio transport (one message per '\n'-terminated line, at most
 * SFG_LINE_MAX bytes, ASCII key=value fields separated by single spaces):
 *   host:  "hello" | "identity clone_id=c1 hostname=w-c1 seed=<16 hex> fail_ready=0
 *          [mac=02:.. ipv4=10.77.0.11/24 gw=10.77.0.1 dns=10.77.0.1]" | "online" | "stats" | "quit"
 *   guest: "ready <id> [fields]" | "applied <id> fields" | "stats k=v ..." | "log <text>"
 * Xen transport: see docs/drivers-xen.md.
 *
 * All functions return 0 or -errno and never print; sf-guestd's main loop logs. */
#ifndef SFG_AGENT_H
#define SFG_AGENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SFG_LINE_MAX 4096
/* A stats line: the agent's own pairs plus at most SFG_APP_PAIRS_MAX of the app's, each
 * "key=value " with a key of at most SFG_APP_KEY_MAX and a value of at most SFG_APP_VALUE_MAX
 * characters. The host (clonecore's guest_stats, snowscaled's parser) holds the same bounds. */
#define SFG_APP_PAIRS_MAX 32
#define SFG_APP_KEY_MAX   48
#define SFG_APP_VALUE_MAX 32
#define SFG_STATS_MAX     (96 + SFG_APP_PAIRS_MAX * (SFG_APP_KEY_MAX + SFG_APP_VALUE_MAX + 2))
#define SFG_ID_MAX   64

struct sfg_identity {
        char clone_id[SFG_ID_MAX];      /* "c42"; [A-Za-z0-9_.-] only */
        char hostname[SFG_ID_MAX];      /* RFC 1123 label characters only */
        uint64_t seed;                  /* mixed into the kernel RNG (RNDADDENTROPY) */
        bool fail_ready;                /* test hook: never report ready */
        bool has_net;                   /* a bridge identity: the fields below are set */
        char mac[18];                   /* "02:53:..", lower-case hex */
        char ipv4[16];                  /* "10.77.0.11" */
        unsigned prefix_len;            /* 1..30 */
        char gw[16], dns[16];           /* "" = none */
};

enum sfg_event_type {
        SFG_EV_NONE,                    /* nothing complete yet (partial input) */
        SFG_EV_HELLO,
        SFG_EV_IDENTITY,
        SFG_EV_STATS,
        SFG_EV_QUIT,
        SFG_EV_ONLINE,                  /* the host brought the link up */
        SFG_EV_FREEPAGES,               /* report the free page frames (agent_free.c) */
        SFG_EV_HOST_GONE,               /* host side closed; wait for it to come back */
};

struct sfg_event {
        enum sfg_event_type type;
        struct sfg_identity id;         /* for SFG_EV_IDENTITY */
};

struct sfg_chan;                        /* transport-private */

struct sfg_channel_ops {
        const char *name;               /* "virtio", "xen" */
        int priority;                   /* higher is tried first */
        /* Open the transport; -ENODEV when it does not exist on this VM. */
        int (*open)(struct sfg_chan **ret);
        /* A descriptor to poll() for POLLIN; the agent then calls next_event(). Asked again
         * before every poll: a transport may switch descriptors (e.g. while the host is away). */
        int (*fd)(struct sfg_chan *c);
        /* Next complete event, or type SFG_EV_NONE when none is pending (never blocks). */
        int (*next_event)(struct sfg_chan *c, struct sfg_event *ev);
        /* Tell the host something: key is "ready", "stats" or "log"; value is one line. */
        int (*send)(struct sfg_chan *c, const char *key, const char *value);
        void (*close)(struct sfg_chan *c);      /* NULL-tolerant */
};

/* Registration, done by SFG_CHANNEL_REGISTER before main(); at most SFG_MAX_CHANNELS. */
#define SFG_MAX_CHANNELS 8
void sfg_channel_register(const struct sfg_channel_ops *ops);
#define SFG_CHANNEL_REGISTER(ops)                                                       \
        static void __attribute__((constructor)) sfg_register_##ops(void)               \
        { sfg_channel_register(&(ops)); }

/* The registered transports, unordered (for sf-guestd's main). */
unsigned sfg_channels(const struct sfg_channel_ops ***ret);

/* Shared helpers for transports (agent_proto.c). */
/* Parse "identity k=v ..." fields (after the word) into id; -EINVAL on a bad or missing field. */
int sfg_parse_identity(const char *fields, struct sfg_identity *id);
/* Parse one host line ("hello", "identity ...", "stats", "quit") into ev; -EINVAL if unknown. */
int sfg_parse_host_line(const char *line, struct sfg_event *ev);
/* The app's GET /stats body (text/plain, one "key=value" per line; blank lines and a final CR
 * are fine) as " key=value" pairs appended to out: keys [a-z0-9_.]{1,SFG_APP_KEY_MAX}, values
 * numbers; other pairs, the agent's own keys (uptime_s, load1, mem_avail_kib) and a repeated key
 * are skipped; at most SFG_APP_PAIRS_MAX. A body with a line that is not key=value at all (JSON,
 * HTML, an error page) gives no pairs: -EINVAL. Returns the number of pairs appended. */
int sfg_app_stats(const char *body, char *out, size_t outlen);
/* agent_free.c: scan /proc/kpageflags and send the free pfn runs as "free/0".."free/K-1" (each at
 * most SFG_FREE_CHUNK bytes of "first+count " hex pairs), then "free/done" with the totals. */
#define SFG_FREE_CHUNK 1800             /* under xenstored's 2048-byte node limit for guests */
int sfg_free_report(const struct sfg_channel_ops *ops, struct sfg_chan *ch);
/* true when s is non-empty, shorter than SFG_ID_MAX and only [A-Za-z0-9_.-]. */
bool sfg_valid_name(const char *s);

#endif
