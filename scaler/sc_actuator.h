/* sc_actuator: turns the control loop's desired clone count into running, registered clones and
 * keeps it true (clone through clonecore, register/drain through snowscale-lb, retire, replace
 * failures with backoff, cut generations, recover after a restart).
 *
 * Threading: every function here is called on the control loop's thread only (the loop owns
 * scaling state; HTTP handlers queue requests to it). Slow work (booting, cloning, draining)
 * runs asynchronously inside; sc_actuator_tick() never blocks for long. */
#ifndef SC_ACTUATOR_H
#define SC_ACTUATOR_H

#include <stdbool.h>
#include <stdint.h>

#include "pol.h"

struct sc_store;
struct sc_actuator;

/* Starts the parent worker (asynchronously) and recovers clones of a previous run.
 * cfg and store must outlive the actuator. */
int sc_actuator_new(const struct pol_config *cfg, struct sc_store *store, struct sc_actuator **ret);
/* A reloaded config (SIGHUP) that validated; fields that cannot change live are logged and kept. */
void sc_actuator_set_config(struct sc_actuator *a, const struct pol_config *cfg);
/* One control tick: reconcile toward desired. */
void sc_actuator_tick(struct sc_actuator *a, int desired, uint64_t now_us);
/* serving / pending / draining, for the policy engine and /status. */
void sc_actuator_counts(struct sc_actuator *a, struct pol_clones *ret);
/* Manual retire of one clone (API). -ENOENT unknown, -EBUSY not retirable in its state. */
int sc_actuator_retire(struct sc_actuator *a, const char *clone_id);
/* Cut a new generation from the parent now (API, CLI). */
int sc_actuator_cut_generation(struct sc_actuator *a);
/* The worker hosts of a multi-host pool as the actuator sees them (none without hosts:). */
#define SC_ACT_MAX_HOSTS        64
struct sc_act_host {
        char name[64], address[64];
        bool healthy;
        char error[160];                /* the last failure talking to its hostd, "" = none */
        uint64_t last_ok_us;            /* wall clock of its last good answer, 0 = never */
        int max_clones;                 /* capacity: 0 = no clone limit */
        uint64_t memory_bytes;          /* capacity: 0 = no memory limit */
        unsigned clones;                /* live clones placed there */
        uint64_t memory_used_bytes;     /* clones * driver.memory */
        unsigned running;               /* live clones in its hostd's last inventory */
};
/* Fills up to max hosts; returns how many. placement: "spread" | "pack" (NULL-tolerant). */
size_t sc_actuator_hosts(struct sc_actuator *a, struct sc_act_host *ret, size_t max, const char **placement);
/* A sentence while cloning is stopped after repeated failures, else NULL. */
const char *sc_actuator_alert(struct sc_actuator *a);
/* stop_vms: retire every clone and the parent (make run's Ctrl-C); otherwise leave them running
 * for the next start to adopt. NULL-tolerant; frees a. */
void sc_actuator_shutdown(struct sc_actuator *a, bool stop_vms);

#endif
