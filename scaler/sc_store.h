/* sc_store: snowscaled's state in one SQLite file (<state_dir>/snowscale.db): clones, generations,
 * events, metric history, a few named values.
 *
 * Durability: WAL journal, synchronous=NORMAL (a crash loses at most the last transactions, never
 * the file). Schema: PRAGMA user_version plus ordered migrations run at open; a file written by a
 * newer snowscale is refused (-EPROTONOSUPPORT), a file that is not a database is refused (-EBADMSG);
 * neither is modified. Nothing is ever dropped except by sc_store_prune().
 *
 * Threading: every function may be called from any thread. One connection, serialized by a mutex
 * inside the store (calls are short: single rows or bounded lists). sc_store_wait() blocks without
 * holding it.
 *
 * Times are µs since the Unix epoch (ss_wall_us()); the store stamps them itself where noted.
 * Every function returns 0 or -errno: -ENOENT unknown id, -EINVAL bad argument, -EEXIST duplicate
 * id, -EIO any other SQLite failure. */
#ifndef SC_STORE_H
#define SC_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct sc_store;

#define SC_STORE_SCHEMA_VERSION 5

/* ---- open / close ----------------------------------------------------------------------- */
/* Opens (creating if missing) and migrates path. On failure err holds a sentence for the operator
 * (e.g. "state.db has schema version 7 but this snowscaled knows only up to 1; upgrade snowscale
 * or restore a backup"). -EPROTONOSUPPORT newer schema, -EBADMSG corrupt/not a database,
 * -EACCES/-EROFS unwritable. */
int sc_store_open(const char *path, struct sc_store **ret, char *err, size_t errlen);
/* NULL-tolerant. Wakes every sc_store_wait() first; callers must have stopped using the store. */
void sc_store_close(struct sc_store *s);
int sc_store_schema_version(struct sc_store *s);

/* ---- clones ----------------------------------------------------------------------------- */
enum sc_clone_state {
        SC_CLONE_REQUESTED,
        SC_CLONE_CLONING,
        SC_CLONE_RESUMING,
        SC_CLONE_CHECKING,
        SC_CLONE_SERVING,
        SC_CLONE_DRAINING,
        SC_CLONE_RETIRED,
        SC_CLONE_FAILED,
};
#define SC_CLONE_STATE_COUNT 8
const char *sc_clone_state_name(enum sc_clone_state st);      /* "serving" */
int sc_clone_state_parse(const char *name, enum sc_clone_state *ret);
/* requested/cloning/resuming/checking: ordered, not yet capacity. */
bool sc_clone_state_pending(enum sc_clone_state st);
/* anything but retired/failed. */
bool sc_clone_state_live(enum sc_clone_state st);

struct sc_fetch_stats {                 /* memtap's counters for a clone's lazily fetched memory */
        uint64_t bytes;                 /* fetched from the memserver so far */
        double pct;                     /* of the generation's non-zero memory */
        uint64_t demand_faults;
        uint64_t prefetched_pages;
};

struct sc_guest_stats {                 /* the guest agent's own part of its last report */
        uint64_t ts_us;                 /* when it arrived; 0 = no report yet */
        double uptime_s, load1;
        uint64_t mem_avail_kib;
};

/* The app's part: whatever numeric pairs the app in the guest reports (its GET /stats, forwarded
 * by the agent), at most SC_METRICS_MAX per clone, keys [a-z0-9_.]{1,SC_METRIC_KEY_MAX}. */
#define SC_METRICS_MAX          32
#define SC_METRIC_KEY_MAX       48
#define SC_METRIC_VALUE_MAX     32      /* characters of a value as the agent writes it */
struct sc_metric {
        char key[SC_METRIC_KEY_MAX + 1];
        double value;
};
bool sc_metric_key_valid(const char *key, size_t len);

struct sc_guest_report {
        struct sc_guest_stats stats;
        size_t n;
        struct sc_metric m[SC_METRICS_MAX];     /* the app's pairs, in the order reported */
};
/* Parses the agent's line "uptime_s=12.3 load1=0.10 mem_avail_kib=N KEY=VALUE ..." (any subset).
 * The three agent keys fill stats; every other pair is the app's (first of a key wins, pairs
 * beyond SC_METRICS_MAX dropped). -EINVAL when the line is empty or any token is not KEY=NUMBER
 * within the bounds (a negative or absurd agent value too): nothing of such a line is kept. */
int sc_guest_stats_parse(const char *line, uint64_t ts_us, struct sc_guest_report *ret);

/* Plain data; strings are NUL-terminated and truncated to fit. */
struct sc_clone {
        char id[32];                    /* "c7" (sc_store_next_clone_id) */
        int64_t generation;
        char driver[16];                /* "qemu" | "xen" */
        char host[64];                  /* "localhost" or the clone host */
        char address[64];               /* "127.0.0.1:18007", "" until known */
        enum sc_clone_state state;
        uint64_t created_us;
        uint64_t state_since_us;
        char reason[256];               /* why it failed / was retired; "" = none */
        struct sc_fetch_stats fetch;
        struct sc_guest_stats guest;
};

/* "c1", "c2", …: a persistent counter, never reused across restarts. */
int sc_store_next_clone_id(struct sc_store *s, char *buf, size_t len);
/* Inserts c (created_us/state_since_us stamped now when 0) and appends a `clone` event
 * {"id","from":null,"to":state}. -EEXIST if the id exists. */
int sc_store_clone_insert(struct sc_store *s, const struct sc_clone *c);
/* Moves a clone to st, stamps state_since_us, sets reason (NULL keeps the old one; "" clears),
 * and appends a `clone` event {"id","from","to","reason"}. Same state again: only the reason
 * changes, no event. -ENOENT unknown id. */
int sc_store_clone_set_state(struct sc_store *s, const char *id, enum sc_clone_state st,
                             const char *reason);
int sc_store_clone_set_address(struct sc_store *s, const char *id, const char *address);
int sc_store_clone_set_fetch(struct sc_store *s, const char *id, const struct sc_fetch_stats *f);
/* Stores the agent's part in the clone's row and replaces the clone's metric map with g's pairs
 * (table clone_metrics). */
int sc_store_clone_set_guest(struct sc_store *s, const char *id, const struct sc_guest_report *g);
/* The clone's metric map, sorted by key, at most max pairs into ret; *n = how many (0: none
 * reported, or unknown clone). */
int sc_store_clone_metrics(struct sc_store *s, const char *id, struct sc_metric *ret, size_t max,
                           size_t *n);
int sc_store_clone_get(struct sc_store *s, const char *id, struct sc_clone *ret);
/* All clones (live_only: not retired/failed), oldest first. *ret is malloc'd (free()); may be NULL
 * when *n == 0. At most SC_STORE_LIST_MAX rows. */
#define SC_STORE_LIST_MAX 10000
int sc_store_clone_list(struct sc_store *s, bool live_only, struct sc_clone **ret, size_t *n);

/* ---- generations ------------------------------------------------------------------------ */
struct sc_generation {
        int64_t id;                     /* 1, 2, …; 0 in insert = assign the next one */
        uint64_t created_us;            /* 0 in insert = now */
        char descriptor[4096];          /* path of the descriptor file */
        uint64_t descriptor_bytes;
        uint64_t pause_us;              /* how long the parent was paused to cut it */
        bool deleted;                   /* its files are gone */
};
/* Inserts g, writes the assigned id back into g->id, appends a `generation` event. */
int sc_store_generation_insert(struct sc_store *s, struct sc_generation *g);
int sc_store_generation_get(struct sc_store *s, int64_t id, struct sc_generation *ret);
/* The newest not-deleted generation; -ENOENT before the first. */
int sc_store_generation_latest(struct sc_store *s, struct sc_generation *ret);
/* Oldest first; *ret malloc'd (free()). */
int sc_store_generation_list(struct sc_store *s, bool include_deleted,
                             struct sc_generation **ret, size_t *n);
int sc_store_generation_mark_deleted(struct sc_store *s, int64_t id);

/* ---- events ----------------------------------------------------------------------------- */
/* kind: "decision" "scale" "clone" "generation" "reload" "alert" "error" "config" (docs/api.md). */
struct sc_event {
        int64_t id;                     /* increasing, never reused */
        uint64_t ts_us;
        char kind[16];
        char *message;                  /* owned by the array (sc_store_events_free) */
        char *data;                     /* JSON object text, or NULL */
};
/* data_json: a JSON object as text or NULL (stored as given; the caller builds it with json-c).
 * ret_id may be NULL. Wakes sc_store_wait(). */
int sc_store_event_append(struct sc_store *s, const char *kind, const char *message,
                          const char *data_json, int64_t *ret_id);
/* Events with id > since_id, oldest first, at most limit (capped at SC_STORE_LIST_MAX). */
int sc_store_event_list(struct sc_store *s, int64_t since_id, size_t limit,
                        struct sc_event **ret, size_t *n);
void sc_store_events_free(struct sc_event *v, size_t n);

/* ---- change notification (SSE) ---------------------------------------------------------- */
struct sc_store_seq {
        int64_t last_event;             /* id of the newest event, 0 = none */
        uint64_t clones;                /* bumped by every clone insert/state/address/fetch change */
        uint64_t history;               /* bumped by every history append (one per tick) */
};
void sc_store_seq_get(struct sc_store *s, struct sc_store_seq *ret);
/* Blocks until *seen differs from the current sequence, timeout_ms passes, or the store closes.
 * Writes the current sequence to *ret. 0 changed, -ETIMEDOUT, -ESHUTDOWN store closing. */
int sc_store_wait(struct sc_store *s, const struct sc_store_seq *seen, int timeout_ms,
                  struct sc_store_seq *ret);
/* Wake every waiter with -ESHUTDOWN from now on (daemon shutdown, before closing HTTP). */
void sc_store_shutdown_waiters(struct sc_store *s);

/* ---- metric history --------------------------------------------------------------------- */
struct sc_history_point {               /* one per control tick */
        uint64_t ts_us;
        double p50_us, p95_us, p99_us;  /* short window, service-wide; 0 with no data */
        double rps;
        int desired, actual;
};
int sc_store_history_append(struct sc_store *s, const struct sc_history_point *p);
/* Points with ts_us >= since_us, oldest first, at most limit (capped at SC_STORE_HISTORY_MAX). */
#define SC_STORE_HISTORY_MAX 100000
int sc_store_history_list(struct sc_store *s, uint64_t since_us, size_t limit,
                          struct sc_history_point **ret, size_t *n);

/* ---- named values ----------------------------------------------------------------------- */
/* Small settings that must survive a restart (e.g. "manual_desired"). -ENOENT if unset. */
int sc_store_kv_get(struct sc_store *s, const char *key, char *buf, size_t len);
int sc_store_kv_set(struct sc_store *s, const char *key, const char *value); /* NULL deletes */

/* ---- network addresses (the bridge address plan, scaler/sc_addrplan.c) ----------------- */
/* One row per address held: the IPv4 address (host byte order), its owner (a clone id or
 * "parent") and the owner's MAC. ip, owner and mac are each UNIQUE: no two holders ever share
 * one, whatever crashes in between (one transaction per claim). */
struct sc_addr {
        uint32_t ip;
        char owner[32];
        uint8_t mac[6];
        uint64_t since_us;
};
/* Claims for owner the lowest free address in first..last and a MAC derived from the owner
 * (mac_of(owner, salt) with the lowest salt whose MAC no one holds), in one transaction. An owner
 * that holds one already gets it back unchanged. -ENOSPC when every address is held. */
int sc_store_addr_claim(struct sc_store *s, const char *owner, uint32_t first, uint32_t last,
                        void (*mac_of)(const char *owner, unsigned salt, uint8_t mac[6]),
                        struct sc_addr *ret);
/* Claims exactly ip for owner (the parent's fixed first address). -EEXIST if another holds it. */
int sc_store_addr_claim_at(struct sc_store *s, const char *owner, uint32_t ip, const uint8_t mac[6],
                           struct sc_addr *ret);
/* Records which host's subnet owner's address belongs to (default "localhost"). */
int sc_store_addr_set_host(struct sc_store *s, const char *owner, const char *host);
/* Releases owner's address; 0 also when it held none. */
int sc_store_addr_release(struct sc_store *s, const char *owner);
/* Every row, lowest address first (at most SC_STORE_ADDR_MAX). */
#define SC_STORE_ADDR_MAX 65536
int sc_store_addr_list(struct sc_store *s, struct sc_addr **ret, size_t *n);

/* ---- worker hosts (multi-host pools) ---------------------------------------------------- */
/* Upserts a host's health and last error; since_us moves only when healthy changes. */
int sc_store_host_set(struct sc_store *s, const char *name, const char *address, bool healthy,
                      const char *error);
/* -ENOENT if never recorded. */
int sc_store_host_get(struct sc_store *s, const char *name, bool *ret_healthy, uint64_t *ret_since_us);

/* ---- retention -------------------------------------------------------------------------- */
/* Deletes history and events older than before_us, retired/failed clones whose state is older,
 * and deleted generations older. Live clones and live generations are never pruned.
 * ret_rows (may be NULL): rows deleted. */
int sc_store_prune(struct sc_store *s, uint64_t before_us, uint64_t *ret_rows);

#endif
