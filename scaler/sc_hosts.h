/* sc_hosts: the worker hosts of a multi-host pool (config hosts:, docs/multihost.md) as
 * snowscaled sees them: one poll thread per host asks its snowscale-hostd for its inventory
 * every second over mutual TLS (libcurl, the cluster CA and snowscaled's client certificate);
 * a host is healthy while its last good answer is younger than cluster.host_timeout. Clone and
 * retire requests go to a host's hostd from here. Placement (sc_place) is a pure function.
 *
 * Decisions logged here, once each: a host turning healthy or lost (with the reason: refused
 * certificate, timeout, connection refused), and a clone found running on a host that snowscaled
 * does not want there (lost earlier and replaced), which is destroyed. */
#ifndef SC_HOSTS_H
#define SC_HOSTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "clonecore/cc_driver.h"
#include "pol.h"

#define SC_HOSTS_MAX_GENS       16

/* ---- placement (pure) ---- */
struct sc_place_host {
        bool healthy;
        int max_clones;                 /* 0 = no clone limit */
        uint64_t memory_bytes;          /* 0 = no memory limit */
        unsigned clones;                /* live clones snowscaled has placed there */
        bool holds_generation;          /* its hostd fetched the generation already */
};
/* The host for one more clone of mem_bytes: healthy, with room; among those, spread: the fewest
 * clones, then one that holds the generation already; pack: one that holds the generation, then
 * the most clones; ties: lowest index.
 * Returns the index, or -ENOSPC with why (no healthy host, or none with room). */
int sc_place(const struct sc_place_host *h, size_t n, enum pol_placement how, uint64_t mem_bytes,
             char *why, size_t why_len);

/* ---- the registry ---- */
struct sc_hosts;

/* A clone as the host's last inventory listed it. */
struct sc_remote_clone {
        char state[16];                 /* cc_clone_state_name: cloning resuming ready failed retired */
        char address[64];
        char identity[160];
        char reason[256];               /* failed: why; "exited": why its VM exited */
        bool exited;                    /* ready, but its VM is gone */
        double fetched_pct;
        uint64_t fetched_bytes;
        bool disk_remote;               /* its disk may still read from this host's NBD export */
        double disk_copied_pct;         /* hostd --disk-complete-mib-s: its background copy */
};

struct sc_host_view {
        char name[64], address[64];
        bool healthy, ever_seen;
        uint64_t last_ok_us;            /* wall clock of the last good answer (0 = never) */
        char error[256];                /* the last failure, "" after a good answer */
        int max_clones;
        uint64_t memory_bytes;
        unsigned running;               /* live clones in its last inventory */
        int64_t gens[SC_HOSTS_MAX_GENS];
        size_t n_gens;
};

/* Asked by a poll thread for each live clone of a host's inventory: does snowscaled want clone
 * id on host index? false: it is destroyed there. Called without the registry's lock held. */
typedef bool (*sc_hosts_wanted_fn)(size_t host, const char *id, void *userdata);

/* Starts the poll threads. cfg must have hosts; it must outlive the registry (fields are copied). */
int sc_hosts_new(const struct pol_config *cfg, sc_hosts_wanted_fn wanted, void *userdata,
                 struct sc_hosts **ret, char *why, size_t why_len);
void sc_hosts_free(struct sc_hosts *h);        /* NULL-tolerant; joins the threads */
size_t sc_hosts_count(const struct sc_hosts *h);
int sc_hosts_view(struct sc_hosts *h, size_t i, struct sc_host_view *ret);
bool sc_hosts_healthy(struct sc_hosts *h, size_t i);
/* What a host is asked to start (POST /v1/clones). */
struct sc_remote_req {
        const char *id;
        int64_t generation;
        const char *memserver;          /* "HOST:PORT" */
        const char *disk_uri;           /* the generation's disk layer, "nbd://..."; NULL = no disk */
        const char *mcast;              /* mcdist "GROUP:PORT"; NULL = unicast */
        const struct cc_net *net;       /* bridge kind */
};
/* Clone req->id there. -errno with why; -EEXIST when the host runs it already. */
int sc_hosts_clone(struct sc_hosts *h, size_t i, const struct sc_remote_req *req, char *why, size_t why_len);
/* -ENOENT: the host does not run it (any more). */
int sc_hosts_retire(struct sc_hosts *h, size_t i, const char *id, char *why, size_t why_len);
/* Clone id in host i's last inventory: 0; -ENOENT not listed; -EHOSTDOWN host not healthy. */
int sc_hosts_clone_state(struct sc_hosts *h, size_t i, const char *id, struct sc_remote_clone *ret);
/* The sequence number of host i's inventories: a caller waits for a fresh one after a request. */
uint64_t sc_hosts_seq(struct sc_hosts *h, size_t i);

#endif
