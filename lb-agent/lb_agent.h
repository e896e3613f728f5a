/* lb_agent: the daemon's state, shared by its modules (lb_agent.c: loop, timers, drains;
 * lb_reload.c: the reload pipeline; lb_super.c: nginx supervision; lb_health.c: health checks;
 * lb_ship.c: access-log intake and sample shipping; lb_setup.c: start, reconfigure, stop;
 * lb_api.c: HTTP handlers). One thread owns all of it: the loop in lb_agent_run().
 * Only the daemon's modules include this header. */
#ifndef LB_AGENT_H
#define LB_AGENT_H

#include <curl/curl.h>

#include "lb.h"

#define MAX_RELOAD_RECORDS 256
#define TEST_TIMEOUT_MS    10000
#define RETRY_MAX_MS       10000
#define MS                 1000000ull           /* ns per ms */

struct be {
        struct lb_backend rec;
        bool want;              /* health passed: belongs in nginx (with state active/checking) */
        bool in_nginx;          /* in the set nginx has confirmed holding */
        bool in_job;            /* its membership changes with the (re)start in flight */
        bool job_want;          /* ... to this */
        bool in_sync;           /* its membership changes with the set write in flight */
        bool sync_want;         /* ... to this */
        char peer[LB_ADDR_MAX]; /* address as the balancer connects to it (hostname resolved) */
        uint64_t drain_sync;    /* set version that took it out of nginx; 0 = none */
        int64_t inflight;       /* requests in flight to it, as nginx last said; -1 unknown */
        uint64_t drain_confirm_ns;      /* nginx confirmed its removal (views before don't count) */
        bool ejected;           /* nginx skips it after failures (passive ejection) */
        int checks;             /* health attempts made */
        uint64_t next_check_ns;
        CURL *check;
        char check_err[CURL_ERROR_SIZE];
        uint64_t drain_deadline_ns;
        uint64_t drain_reload;  /* reload id that took it out of nginx; 0 = not yet */
        uint64_t drain_start_ns;
        uint64_t requests, last_seen_us;
        uint64_t last_ok_us;            /* newest request it answered below 500 (µs, epoch) */
};

struct reload_rec {
        uint64_t id, generation, ts_us;
        double test_ms, apply_ms, total_ms;
        double waited_ms;       /* window opened (first change, or end of the previous job) -> start */
        const char *result;     /* "ok", "test_failed", "reload_failed", "start" */
        char error[LB_REASON_MAX];
        char added[256], removed[256];
        int *pidfds;            /* old workers, -1 once exited */
        size_t n_pidfds, alive;
};

enum job_phase { JOB_NONE, JOB_TESTING, JOB_APPLYING };
enum nginx_state { NGX_STOPPED, NGX_STARTING, NGX_RUNNING };

/* The string options, copied so the caller may free its configuration. */
#define OPT_STRINGS(X) X(state_dir) X(listen) X(token) X(front) X(upstream) X(nginx_binary) X(nginx_modules) \
        X(template_path) X(scaler_url) X(scaler_token) X(health_path)

struct lb_agent {
        struct lb_opts o;
        struct {
#define X(f) char *f;
                OPT_STRINGS(X)
#undef X
        } own;
        char *state_dir, *nginx_dir, *conf_path, *include_path, *state_path, *log_sock_path,
             *ctl_sock_path, *error_log, *pid_path, *upstream_name, *run_dir, *temp_dir;
        struct lb_nginx *ngx;
        enum nginx_state ngx_state;
        char ngx_error[LB_REASON_MAX];
        uint64_t ngx_restart_ns, ngx_backoff_ms, ngx_started_ns;
        struct lb_io io;        /* the API server, wired by lb_agent_set_io() */
        CURLM *multi;
        int sigfd, logfd;
        bool quit;

        struct be *bes[LB_MAX_BACKENDS];
        size_t n_bes;
        uint64_t generation;    /* last generation nginx confirmed */
        bool dirty_state;
        int save_err;           /* last lb_state_save() error, 0 = fine */

        /* reload pipeline */
        enum job_phase phase;
        uint64_t reload_at_ns;  /* 0 = none scheduled */
        uint64_t window_open_ns;        /* first change the scheduled reload waits for */
        uint64_t job_window_ns;         /* the running job's window_open_ns */
        uint64_t last_reload_ns, retry_ms;
        uint64_t job_start_ns, job_test_ns, job_apply_ns, job_gen;
        bool job_is_start;      /* confirming a freshly started master, no SIGHUP */
        char *job_prev;         /* include text before this job */
        char *job_prev_conf;    /* nginx.conf text before this job (config reloads) */
        char *conf_next;        /* a re-rendered nginx.conf waiting for its reload */
        bool conf_pending;
        int test_fd;
        CURL *probe;
        char probe_buf[64];
        size_t probe_len;
        uint64_t probe_next_ns;
        int *job_pidfds;
        size_t job_n_pidfds;
        char job_added[256], job_removed[256];
        struct reload_rec reloads[MAX_RELOAD_RECORDS];
        uint64_t n_reloads, reload_failures;

        /* membership in nginx's shared dict (lb_peers.c) */
        char *peers_path, *lua_path;
        char ctl_key[33];               /* required by nginx's control socket */
        struct curl_slist *ctl_hdrs;
        uint64_t set_version;           /* last set written */
        CURL *sync;
        char *sync_body, sync_resp[64];
        size_t sync_resp_len;
        uint64_t sync_version, sync_next_ns, sync_retry_ms, sync_start_ns;
        uint64_t syncs, sync_failures;
        double sync_ms_last;
        CURL *view;                     /* GET /snowscale/peers: in-flight counts */
        char *view_buf;
        size_t view_len;
        uint64_t view_start_ns;
        uint64_t view_next_ns;
        uint64_t ngx_version;           /* set version nginx said it holds */
        size_t ngx_peers;

        /* samples */
        CURL *fetch;                    /* GET /snowscale/samples from nginx's shared memory */
        char *fetch_buf;
        size_t fetch_len;
        uint64_t fetch_next_ns;
        int64_t ngx_lost_seen;          /* nginx's lost counter when last read; -1 unknown */
        uint64_t lost_total, lost_pending;      /* since start / not yet told snowscaled */
        uint64_t ship_lost;             /* "lost" in the batch in flight */
        uint64_t lost_shipped;          /* told snowscaled */
        bool front_known;               /* nginx reported its arrival counters (below) */
        uint64_t front_arrived;         /* requests that reached its balancer since it started */
        uint64_t front_busy;            /* of those, not finished when read */
        uint64_t front_ts_us;           /* when nginx read them, µs since the epoch */
        uint64_t front_sent;            /* front_arrived in the last batch */
        bool lost_unsupported;          /* snowscaled refused the JSON batch's "lost"/"front" */
        uint64_t lost_refused_ns;       /* when it last did */
        uint64_t lost_logged_ns;
        uint64_t ring_dropped_seen;
        struct lb_ring *ring;
        CURL *ship;
        struct curl_slist *ship_hdrs, *ship_hdrs_json;
        char *ship_body, ship_resp[512];
        size_t ship_resp_len, ship_n;
        uint64_t ship_end, ship_next_ns;
        uint64_t ship_last_ns;          /* last batch sent, for the idle heartbeat */
        char *samples_url;
        uint64_t lines, samples, garbage, foreign, shipped, ship_batches, ship_failures,
                 rejected, discarded;
        int scaler_status;      /* last HTTP status, 0 = unreachable, -1 = none yet */
        uint64_t garbage_logged_ns;
};


/* The core's helpers (lb_agent.c). */
int  lb_agent_own_opts(struct lb_agent *a, const struct lb_opts *o);
void lb_agent_free_opts(struct lb_agent *a);
struct be *lb_be_find(struct lb_agent *a, const char *id);
/* The live (not drained/unhealthy) registration holding addr. */
struct be *lb_be_find_addr(struct lb_agent *a, const char *addr);
void lb_be_set_state(struct lb_agent *a, struct be *b, enum lb_state s, const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));
void lb_be_free(struct lb_agent *a, struct be *b);
/* Health passed and not being retired: belongs in nginx. */
bool lb_be_desired(const struct be *b);
/* Writes lb-state.json when something changed (errors are logged once and retried). */
void lb_agent_save(struct lb_agent *a);
/* A libcurl handle for nginx's control socket (key header set), request path. */
CURL *lb_ctl_easy(struct lb_agent *a, const char *path);
/* Forgets drained/unhealthy registrations older than an hour (now_us: wall clock). */
void lb_agent_prune(struct lb_agent *a, uint64_t now_us);

#endif
