/* cc_memserver: serves the pages (and descriptors, and the working set the first clone host
 * recorded) of a host's generations over TCP to other hosts' memtaps, authenticated with the
 * cluster secret; optional multicast (mcdist). Protocol: docs/memtap.md. Its decisions (refused
 * clients, limits) go to the log callback. */
#ifndef CC_MEMSERVER_H
#define CC_MEMSERVER_H

#include <stddef.h>
#include <stdint.h>

struct cc_memserver;

/* The cluster secret from a file, as every side of the cluster reads it (trailing CR and LF
 * bytes dropped): 0 with at least 16 bytes, at most max, or -errno / -EINVAL. */
int cc_secret_read(const char *path, uint8_t *buf, size_t max, size_t *ret_len);

struct cc_memserver_opts {
        const char *listen;             /* "127.0.0.1:0" (0 = any free port) */
        const char *gen_root;           /* <state_dir>/gen: <id>/descriptor.sfd */
        const char *store_dir;          /* <state_dir>/store */
        const void *secret;             /* required, >= 16 bytes */
        size_t secret_len;
        unsigned max_conns;             /* 0 = 64 */
        unsigned max_request_pages;     /* 0 = 1024 */
        unsigned io_timeout_ms;         /* idle/slow client cut-off; 0 = 30000 */
        const char *inject_fault;       /* fault injector for tests: "corrupt:N", "stall:N",
                                         * "die:N" (after N pages), "delay:US" (every reply
                                         * US µs late: a slower network), NULL = none */
        /* Log lines (decisions: auth failures, limits); NULL = silent. */
        void (*log)(int level, const char *msg, void *userdata);
        void *userdata;
        /* mcdist: multicast every page served over TCP once to "GROUP:PORT@LOCAL_ADDR", so
         * the other clones of the generation receive it without asking; NULL = off. */
        const char *mcast;
};

int cc_memserver_start(const struct cc_memserver_opts *opts, struct cc_memserver **ret,
                       char *why, size_t why_len);
unsigned cc_memserver_port(const struct cc_memserver *s);
void cc_memserver_stop(struct cc_memserver *s);         /* NULL-tolerant; closes every client */

#endif
