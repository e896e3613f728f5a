/* sc_loop: snowscaled's control loop, the one owner of scaling state and of the configuration.
 *
 * One thread runs sc_loop_run(): every tick (config tick, default 1 s) it snapshots the monitor's
 * windows, asks the policy engine for a desired count (or takes the operator's manual one), stores a
 * `decision` event when the desired count changes, lets the actuator reconcile, appends a history
 * point, prunes beyond the retention, and publishes a status snapshot. A sample batch that shows the
 * short window over target triggers the same evaluation at once, between ticks (at most one per
 * 100 ms): a spike is answered when the data shows it, not up to a tick later. SIGHUP reloads the config
 * (a bad one is refused and the running one kept), SIGTERM/SIGINT end the run. In
 * `mode: observe` no actuator exists: decisions are computed and stored only.
 *
 * Other threads (HTTP) never touch that state: they read sc_loop_status() copies and queue
 * requests (scale, retire, generation), which the loop thread executes and answers. */
#ifndef SC_LOOP_H
#define SC_LOOP_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pol.h"
#include "sc_actuator.h"

struct sc_loop;
struct sc_store;
struct sc_monitor;

#define SC_VERSION "0.1.0"

struct sc_loop_status {
        char pool[64], service[64];
        bool observe;
        struct pol_target metrics[POL_MAX_METRICS];
        size_t n_metrics;
        double tolerance;
        int min_clones, max_clones;
        uint64_t tick_us;
        int desired;                    /* -1 before the first tick */
        bool manual;                    /* desired set by POST /scale */
        int actual, pending, draining;  /* actual = serving */
        bool panic;
        uint64_t last_decision_us;      /* 0 = none yet */
        int last_decision_desired;
        char last_reason[512];
        char alert[512];                /* "" = none */
        uint64_t started_us;            /* wall clock at start */
        uint64_t ticks;
        uint64_t early_evaluations;     /* evaluations between ticks (sample batch over target) */
        /* multi-host pools: the hosts as of the last tick (n_hosts 0 = single host) */
        struct sc_act_host hosts[SC_ACT_MAX_HOSTS];
        size_t n_hosts;
        char placement[8];
};

/* Takes ownership of cfg. stop_signal_mask: the caller has blocked SIGTERM, SIGINT and SIGHUP in
 * every thread; the loop receives them through a signalfd. Logs what it decided (boundary). */
int sc_loop_new(struct pol_config *cfg, struct sc_store *store, struct sc_monitor *mon,
                struct sc_loop **ret);
/* Called on the loop thread after a reload validated, with the new config (valid during the
 * call only), before the actuator sees it: the daemon hands api.token / api.max_body to its HTTP
 * server here, so the loop needs no knowledge of who else reads the config. One hook; fn NULL
 * removes it. */
typedef void (*sc_loop_reload_fn)(const struct pol_config *cfg, void *arg);
void sc_loop_on_reload(struct sc_loop *l, sc_loop_reload_fn fn, void *arg);
/* Runs until SIGTERM or SIGINT. Returns the signal that ended it. */
int sc_loop_run(struct sc_loop *l);
/* Answers queued and future requests with -ESHUTDOWN (before stopping the HTTP server, so
 * that no handler waits for a loop that no longer runs). NULL-tolerant. */
void sc_loop_stop_requests(struct sc_loop *l);
/* stop_vms: also retire every clone and the parent (SIGINT from `make run`). NULL-tolerant. */
void sc_loop_free(struct sc_loop *l, bool stop_vms);

void sc_loop_status(struct sc_loop *l, struct sc_loop_status *ret);

/* Requests from other threads, executed by the loop thread within a tick; wait at most 5 s.
 * Each returns 0 or -errno with a sentence in why: -ERANGE desired outside min..max, -ENOENT unknown
 * clone, -EBUSY clone not retirable now, -EOPNOTSUPP in observe mode, -ETIMEDOUT loop busy. */
int sc_loop_scale(struct sc_loop *l, int desired /* -1 = back to the policy */, char *why, size_t len);
int sc_loop_retire(struct sc_loop *l, const char *clone_id, char *why, size_t len);
int sc_loop_cut_generation(struct sc_loop *l, char *why, size_t len);

/* Logs a config's diagnostics, one error line each, FILE:LINE:COL: path: message, after prefix. */
void sc_loop_log_diags(const struct pol_diags *d, const char *prefix);

/* From the thread that ingested a sample batch: lets the loop look at the windows now. Never
 * blocks; wake-ups coalesce. */
void sc_loop_samples_arrived(struct sc_loop *l);

#endif
