/* lb: snowscale-lb, the agent that owns nginx's upstream set.
 *
 * It registers backends (health-checked with libcurl first), renders the upstream include file,
 * validates it with `nginx -t`, reloads nginx with coalescing and a rate cap, retires backends in
 * two phases (remove + reload, then wait until the old workers that could still hold a request to
 * it have exited, bounded by the drain timeout), and ships nginx's per-request access-log lines
 * (syslog over a unix datagram socket) to snowscaled's /api/v1/samples.
 *
 * Pure parts (line parser, sample ring, config rendering, state file) are here for unit tests;
 * the daemon (struct lb_agent) runs one single-threaded event loop that owns all state.
 * Functions return 0 or -errno and never print; the daemon logs at its boundary. */
#ifndef LB_H
#define LB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define LB_ADDR_MAX     64      /* "host:port" or "[v6]:port" */
#define LB_ID_MAX       64      /* backend id, e.g. the clone id "c7" */
#define LB_REASON_MAX   512
#define LB_MAX_BACKENDS 1024    /* registrations kept, drained ones included */

/* ---- access-log lines --------------------------------------------------------------------- */
/* One request as nginx logged it (log_format snowscale in etc/nginx/front.conf.in). */
struct lb_sample {
        uint64_t ts_us;                 /* request end ($msec) */
        uint64_t latency_us;            /* $request_time */
        uint64_t upstream_us;           /* last upstream attempt's $upstream_response_time, 0 if none */
        int status;                     /* $status, what the client got */
        int attempts;                   /* upstream attempts (1 + retries); 0 = nginx answered itself */
        char backend[LB_ADDR_MAX];      /* the upstream that answered last, or "-" */
};

/* Parses one syslog datagram "<PRI>TIMESTAMP TAG: ss1|msec|request_time|status|upstream_addr|
 * upstream_response_time|upstream_status", including the ", " (next upstream) and " : " (internal
 * redirect) lists nginx writes for retried requests. -ENOMSG: not a snowscale line;
 * -EINVAL: malformed; -ERANGE: a value out of range. */
int lb_parse_line(const char *line, size_t len, struct lb_sample *ret);
/* The same record without the syslog header ("ss1|..."), as nginx keeps it in shared memory. */
int lb_parse_record(const char *line, size_t len, struct lb_sample *ret);

/* ---- sample ring: bounded, oldest dropped first, never blocks the reader ---------------- */
struct lb_ring;
int  lb_ring_new(size_t capacity, struct lb_ring **ret);
void lb_ring_free(struct lb_ring *r);
void lb_ring_push(struct lb_ring *r, const struct lb_sample *s);
size_t   lb_ring_len(const struct lb_ring *r);
uint64_t lb_ring_dropped(const struct lb_ring *r);     /* overwritten before shipping */
/* Text body (docs/api.md samples, text/plain) of up to max oldest samples; they stay in the ring
 * until lb_ring_consume(*ret_end). The sequence numbers make it safe to push meanwhile. */
int  lb_ring_format(const struct lb_ring *r, size_t max, char **ret_body, size_t *ret_len,
                    uint64_t *ret_end, size_t *ret_n);
/* The same as JSON ({"samples":[...],"lost":N,"front":{...}}, docs/api.md) to carry the count
 * of samples lost before the agent had them and the front's arrival counters (front: NULL, or
 * the JSON object to send as "front"). */
int  lb_ring_format_json(const struct lb_ring *r, size_t max, uint64_t lost, const char *front,
                         char **ret_body, size_t *ret_len, uint64_t *ret_end, size_t *ret_n);
void lb_ring_consume(struct lb_ring *r, uint64_t end);

/* ---- names and config text ---------------------------------------------------------------- */
bool lb_id_valid(const char *s);        /* [A-Za-z0-9._-]{1,63} */
/* "a.b.c.d:port", "[v6]:port" or "hostname:port" with port 1..65535, < LB_ADDR_MAX. */
bool lb_address_valid(const char *s);

struct lb_var {
        const char *name;               /* "STATE_DIR" for @STATE_DIR@ */
        const char *value;
};
/* Replaces every @NAME@; a name not in vars is -EINVAL with err naming it and its line. */
int lb_template_render(const char *tmpl, const struct lb_var *vars, size_t n_vars, char **ret,
                       char *err, size_t errlen);
/* The include nginx.conf reads: the configuration generation ($snowscale_generation), which
 * the control socket serves back to confirm a reload. */
int lb_generation_render(uint64_t generation, char **ret);
/* A numeric peer nginx's balancer can connect to: "a.b.c.d:port" or "[v6]:port". */
bool lb_peer_valid(const char *s);
/* The backend set as nginx's balancer reads it: "VERSION\nPEER\n..." (-EINVAL: a peer that is
 * not numeric; hostnames are resolved by the caller). */
int lb_peers_render(uint64_t version, const char *const *peers, size_t n, char **ret);

/* ---- registrations and their state file --------------------------------------------------- */
enum lb_state { LB_CHECKING, LB_ACTIVE, LB_UNHEALTHY, LB_DRAINING, LB_DRAINED };
const char *lb_state_name(enum lb_state s);
int lb_state_parse(const char *s, enum lb_state *ret);

struct lb_backend {                     /* what is persisted of one registration */
        char id[LB_ID_MAX];
        char address[LB_ADDR_MAX];
        enum lb_state state;
        uint64_t created_us, since_us;
        uint64_t drain_timeout_ms;      /* for draining ones */
        char reason[LB_REASON_MAX];     /* why unhealthy / how it drained; "" if none */
};

/* state.json, written atomically; version 1. */
int lb_state_save(const char *path, uint64_t generation, const struct lb_backend *v, size_t n);
/* -ENOENT when absent; -EINVAL when corrupt (the caller must not overwrite it). */
int lb_state_load(const char *path, uint64_t *ret_generation, struct lb_backend **ret, size_t *ret_n);

/* ---- nginx process control (lb_nginx.c) --------------------------------------------------- */
struct lb_nginx;
struct lb_nginx_opts {
        const char *binary;             /* /usr/sbin/nginx */
        const char *prefix;             /* STATE/nginx/ (-p) */
        const char *conf;               /* STATE/nginx/nginx.conf (-c) */
        const char *pid_file;           /* as in the conf's pid directive */
        const char *error_log;          /* master's stderr goes here too */
};
int  lb_nginx_new(const struct lb_nginx_opts *o, struct lb_nginx **ret);
void lb_nginx_free(struct lb_nginx *n);
/* Adopts a running master of this conf (pid file + /proc cmdline), else spawns one
 * (`daemon off`, so it is our child). *ret_adopted tells which. */
int  lb_nginx_start(struct lb_nginx *n, bool *ret_adopted);
pid_t lb_nginx_pid(const struct lb_nginx *n);           /* 0 when not running */
int  lb_nginx_pidfd(const struct lb_nginx *n);          /* readable when the master exits; -1 */
bool lb_nginx_is_tester(const struct lb_nginx *n, pid_t pid);   /* the running `nginx -t` */
/* Called when the pidfd is readable: reaps it; *ret_desc says how it ended. */
void lb_nginx_exited(struct lb_nginx *n, char *ret_desc, size_t len);
/* Starts `nginx -t` in the background; *ret_fd is its output pipe (EOF when it ended). */
int  lb_nginx_test_start(struct lb_nginx *n, int *ret_fd);
/* Call when the pipe is readable; 0 = still running, 1 = finished (*ret_ok, *ret_output owned
 * by n until the next test). */
int  lb_nginx_test_poll(struct lb_nginx *n, bool *ret_ok, const char **ret_output);
void lb_nginx_test_kill(struct lb_nginx *n);
/* Opens pidfds of the master's current worker processes (the ones that may hold requests under
 * the config being replaced), then sends SIGHUP. The caller owns the pidfds. */
int  lb_nginx_reload(struct lb_nginx *n, int **ret_pidfds, size_t *ret_n);
/* Graceful stop (SIGQUIT, then SIGTERM after timeout_ms) when we spawned it. */
void lb_nginx_stop(struct lb_nginx *n, unsigned timeout_ms);
/* Last line of the error log, for error messages ("" if none). */
void lb_nginx_last_error(const struct lb_nginx *n, char *buf, size_t len);

/* etc/nginx/front.conf.in, compiled in (used when no template path is given). */
extern const char lb_builtin_template[];
/* etc/nginx/snowscale_lb.lua, compiled in: the balancer, written to STATE/nginx/ at start. */
extern const char lb_builtin_lua[];
#define LB_NGINX_MODULES "/usr/lib/nginx/modules"   /* Debian's dynamic modules */
#define LB_SHM_SIZE      "64m"  /* the set, counters and ~500,000 samples waiting for the agent */

/* ---- the daemon ---------------------------------------------------------------------------- */
struct lb_opts {
        const char *state_dir;
        const char *listen;             /* API, "127.0.0.1:8901" */
        const char *token;              /* bearer token for our mutating endpoints; NULL = none */
        const char *front;              /* nginx front listen, "127.0.0.1:8080" */
        const char *upstream;           /* upstream name, "snowscale_web" */
        const char *nginx_binary;
        const char *nginx_modules;      /* dir of ndk_http_module.so, ngx_http_lua_module.so */
        const char *template_path;      /* NULL: the built-in copy of etc/nginx/front.conf.in */
        const char *scaler_url;         /* "http://127.0.0.1:8900"; NULL = don't ship */
        const char *scaler_token;
        const char *health_path;
        int health_status;
        int health_attempts;
        uint64_t health_interval_ms;
        uint64_t coalesce_ms;
        uint64_t min_reload_interval_ms;
        uint64_t drain_timeout_ms;      /* default when DELETE has none */
        uint64_t worker_shutdown_timeout_s;
        uint64_t ship_interval_ms;
        size_t buffer_samples;
        bool keep_nginx;                /* leave nginx running on exit */
};

struct lb_agent;
/* Loads the state, renders nginx.conf and checks it with `nginx -t`; nginx is not started yet. */
int  lb_agent_new(const struct lb_opts *o, struct lb_agent **ret, char *err, size_t errlen);
/* A server the loop drives besides its own fds (the API): fd to poll for input, its next
 * timeout (-1 none), run when either fired; set_token applies a new token on SIGHUP. */
struct lb_io {
        int     (*fd)(void *cls);
        int64_t (*timeout_ms)(void *cls);
        void    (*run)(void *cls);
        int     (*set_token)(void *cls, const char *token);
        void *cls;
};
void lb_agent_set_io(struct lb_agent *a, const struct lb_io *io);
/* Starts (or adopts) nginx; call once before lb_agent_run(). */
void lb_agent_start(struct lb_agent *a);
/* Runs until SIGTERM/SIGINT (returns 0) or SIGHUP (returns 1: reload the configuration, call
 * lb_agent_reconfigure(), run again); -errno on failure. */
int  lb_agent_run(struct lb_agent *a);
/* Applies what can change while running (health checks, coalescing, rate cap, drain timeout,
 * tokens, where samples go, ship interval); the rest is logged as needing a restart.
 * The agent copies every string of o (also in lb_agent_new). */
void lb_agent_reconfigure(struct lb_agent *a, const struct lb_opts *o);
void lb_agent_free(struct lb_agent *a);

#endif
