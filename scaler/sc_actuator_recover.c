/* sc_actuator_recover: what a restart finds (see sc_actuator_recover.h). The clone table is the
 * truth of what was wanted; the run dirs under <state_dir>/clones and <state_dir>/cold are the
 * truth of what runs. A run dir the table does not know is an orphan: every VM gets its row
 * before it gets a run dir (sc_actuator.c), so an orphan is never a clone that was wanted. */
#include "sc_actuator_recover.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sc_actuator_clone.h"
#include "sc_actuator_lb.h"
#include "ss_log.h"

/* A VM under dir that nobody wants: stop it and remove its files. True if one was running. */
static bool kill_orphan(struct sc_actuator *a, const char *dir)
{
        struct cc_vm *vm = NULL;
        char why[CC_REASON_MAX];
        bool alive = false;

        if (a->drv->adopt(dir, &vm, why, sizeof(why)) == 0 && vm) {
                struct cc_vm_status st = {0};

                alive = a->drv->status(vm, &st) == 0 && st.state != CC_VM_EXITED;
                sc_act_vm_stop(a, vm);
        }
        sc_act_rm_rf(dir);
        return alive;
}

static struct act_clone *recovered_clone(struct sc_actuator *a, const struct sc_clone *row,
                                         const char *dir)
{
        struct act_clone *c = calloc(1, sizeof(*c));

        if (c)
                c->host = -1;           /* this host's; recover_remote sets a remote one's */
        const char *colon;

        if (!c)
                return NULL;
        c->a = a;
        copy_str(c->id, sizeof(c->id), row->id);
        c->generation = row->generation;
        copy_str(c->run_dir, sizeof(c->run_dir), dir);
        copy_str(c->address, sizeof(c->address), row->address);
        c->state = row->state;
        c->created_us = row->created_us;
        c->recovered = true;
        colon = strrchr(c->address, ':');
        c->port = colon ? (unsigned)atoi(colon + 1) : 0;
        return c;
}

/* One run dir of a previous run: adopt it for its row, or destroy it as an orphan. */
static void recover_dir(struct sc_actuator *a, const char *dir, const char *name, bool engine,
                        struct sc_clone *rows, size_t n, int *adopted, int *orphans, int *vanished)
{
        struct sc_clone *row = NULL;
        struct act_clone *c;
        char why[CC_REASON_MAX] = "", msg[768];
        int r;

        for (size_t i = 0; i < n; i++)
                if (!strcmp(rows[i].id, name) && sc_clone_state_live(rows[i].state))
                        row = &rows[i];
        /* a row of the other kind (cold vs clone) cannot own this dir */
        if (row && (row->generation > 0) != engine)
                row = NULL;
        if (!row) {
                if (kill_orphan(a, dir)) {
                        (*orphans)++;
                        sfmt(msg, sizeof(msg), "destroyed orphan VM %s: the clone table does not know it", name);
                        log_warn("actuator: %s", msg);
                        sc_act_emit(a, "clone", msg, "id", name, "orphan", "true", NULL);
                }
                return;
        }
        c = recovered_clone(a, row, dir);
        if (!c)
                return;
        if (engine) {
                r = cc_adopt(a->engine, c->id, (uint64_t)c->generation, sc_act_clone_engine_cb, c, why, sizeof(why));
                if (r == 0) {
                        struct cc_clone_stats cs = {0};

                        /* an adopted clone is ready as it is: the engine has seen its guest */
                        c->engine_owned = true;
                        c->ev_resuming = c->ev_ready = true;
                        copy_str(c->ev_address, sizeof(c->ev_address), c->address);
                        if (cc_clone_stats(a->engine, c->id, &cs) == 0 && cs.vm.address[0])
                                copy_str(c->ev_address, sizeof(c->ev_address), cs.vm.address);
                }
        } else {
                struct cc_vm_status st = {0};

                r = a->drv->adopt(dir, &c->vm, why, sizeof(why));
                if (r == 0 && (!c->vm || a->drv->status(c->vm, &st) < 0 || st.state == CC_VM_EXITED)) {
                        a->drv->destroy(c->vm);
                        c->vm = NULL;
                        r = -ESRCH;
                }
        }
        row->state = SC_CLONE_RETIRED;          /* handled */
        if (r < 0) {
                sfmt(msg, sizeof(msg), "vanished: its VM did not survive the restart%s%.300s",
                     why[0] ? ": " : "", why);
                if (engine)
                        kill_orphan(a, dir);
                else
                        sc_act_rm_rf(dir);
                sc_store_clone_set_state(a->store, c->id,
                                         c->state == SC_CLONE_DRAINING ? SC_CLONE_RETIRED : SC_CLONE_FAILED, msg);
                free(c);
                (*vanished)++;
                return;
        }
        if (c->state == SC_CLONE_REQUESTED || c->state == SC_CLONE_CLONING)
                sc_act_clone_set_state(c, SC_CLONE_RESUMING, "adopted after a restart");
        c->next = a->clones;
        a->clones = c;
        (*adopted)++;
}

static int host_index(const struct sc_actuator *a, const char *name)
{
        for (size_t i = 0; i < a->n_hosts; i++)
                if (!strcmp(a->host_names[i], name))
                        return (int)i;
        return -1;
}

/* A live row of a clone on another host. A serving (or draining) one is adopted: its worker
 * waits for the host's first inventory and, if the host still runs it (and its disk no longer
 * reads from the previous run's NBD export, stopped at this start), re-registers it (or
 * finishes its retire). One whose start was cut short is failed here; the hosts' registry
 * destroys what still runs of it once recovery is over (it is not wanted). */
static void recover_remote(struct sc_actuator *a, struct sc_clone *row, int *adopted, int *vanished)
{
        int h = host_index(a, row->host);
        struct act_clone *c;
        char msg[320];

        if (h < 0) {
                sfmt(msg, sizeof(msg), "vanished: its host %.64s is no longer in hosts:", row->host);
        } else if (row->state != SC_CLONE_SERVING && row->state != SC_CLONE_DRAINING) {
                sfmt(msg, sizeof(msg), "interrupted by a restart while %s on host %.64s",
                     sc_clone_state_name(row->state), row->host);
        } else if ((c = recovered_clone(a, row, ""))) {
                c->host = h;
                sfmt(c->run_dir, sizeof(c->run_dir), "%s/%s", a->fx.clones_dir, c->id);
                row->state = SC_CLONE_RETIRED;          /* handled */
                c->next = a->clones;
                a->clones = c;
                (*adopted)++;
                return;
        } else {
                return;                                 /* out of memory: the caller fails the row */
        }
        sc_store_clone_set_state(a->store, row->id,
                                 row->state == SC_CLONE_DRAINING ? SC_CLONE_RETIRED : SC_CLONE_FAILED, msg);
        row->state = SC_CLONE_RETIRED;                  /* handled */
        (*vanished)++;
}

static void recover_tree(struct sc_actuator *a, const char *root, bool engine, struct sc_clone *rows,
                         size_t n, int *adopted, int *orphans, int *vanished)
{
        DIR *d = opendir(root);
        struct dirent *de;
        char path[PATH_MAX];

        while (d && (de = readdir(d))) {
                if (de->d_name[0] == '.')
                        continue;
                if (snprintf(path, sizeof(path), "%s/%s", root, de->d_name) >= (int)sizeof(path) ||
                    !sc_act_dir_exists(path))
                        continue;
                recover_dir(a, path, de->d_name, engine, rows, n, adopted, orphans, vanished);
        }
        if (d)
                closedir(d);
}

/* Adopts what runs, matches it with the table, cleans up the rest. */
int sc_act_recover(struct sc_actuator *a, struct cc_vm **parent_vm)
{
        struct sc_clone *rows = NULL;
        char why[CC_REASON_MAX], msg[512];
        size_t n = 0;
        int r, adopted = 0, orphans = 0, vanished = 0;

        if (sc_act_dir_exists(a->fx.parent_dir)) {
                struct cc_vm *vm = NULL;
                struct cc_vm_status st = {0};

                if (a->drv->adopt(a->fx.parent_dir, &vm, why, sizeof(why)) == 0 && vm &&
                    a->drv->status(vm, &st) == 0 && st.state != CC_VM_EXITED) {
                        log_info("actuator: the parent of the previous run is alive; adopting it");
                        /* a crash during a generation cut leaves it paused */
                        a->drv->resume(vm);
                        *parent_vm = vm;
                } else {
                        a->drv->destroy(vm);
                }
        }
        r = sc_store_clone_list(a->store, true, &rows, &n);
        if (r < 0)
                return r;
        for (size_t i = 0; i < n; i++)
                if (sc_clone_state_live(rows[i].state) && rows[i].host[0] && strcmp(rows[i].host, "localhost"))
                        recover_remote(a, &rows[i], &adopted, &vanished);
        recover_tree(a, a->fx.clones_dir, true, rows, n, &adopted, &orphans, &vanished);
        recover_tree(a, a->fx.cold_dir, false, rows, n, &adopted, &orphans, &vanished);
        /* rows whose VM was not found at all */
        for (size_t i = 0; i < n; i++) {
                if (!sc_clone_state_live(rows[i].state))
                        continue;
                if (rows[i].state == SC_CLONE_DRAINING)
                        sc_store_clone_set_state(a->store, rows[i].id, SC_CLONE_RETIRED,
                                                 "its VM was already gone after a restart");
                else
                        sc_store_clone_set_state(a->store, rows[i].id, SC_CLONE_FAILED,
                                                 rows[i].state == SC_CLONE_REQUESTED ?
                                                 "interrupted by a restart before its VM started" :
                                                 "vanished: no VM found after a restart");
                vanished++;
        }
        free(rows);
        pthread_mutex_lock(&a->lock);
        a->recovering = false;          /* the hosts' registry may destroy what nobody wants now */
        pthread_mutex_unlock(&a->lock);
        if (adopted || orphans || vanished) {
                sfmt(msg, sizeof(msg), "recovered after a restart: %d clones adopted, %d orphan VMs destroyed, "
                     "%d clones vanished", adopted, orphans, vanished);
                log_info("actuator: %s", msg);
                sc_act_emit(a, "clone", msg, NULL);
        }
        /* each adopted clone's worker re-registers it with snowscale-lb (the serving set) */
        for (struct act_clone *c = a->clones; c; c = c->next)
                if (sc_act_clone_start(c) < 0)
                        c->thread_done = true;
        return 0;
}

/* Deregisters backends snowscale-lb still has from a previous run that are not live here. A
 * "parent" entry is live only when the parent VM was adopted: a parent about to boot afresh
 * (often on the same address) must not get traffic before it is ready and warm. */
void sc_act_recover_lb(struct sc_actuator *a, bool parent_adopted)
{
        struct sc_alb_backend *v = NULL;
        char why[CC_REASON_MAX];
        size_t n = 0;

        if (sc_alb_list(a->lb, &v, &n, why, sizeof(why)) < 0) {
                log_warn("actuator: cannot list snowscale-lb backends: %s", why);
                return;
        }
        for (size_t i = 0; i < n; i++) {
                bool known = !strcmp(v[i].id, "parent") && a->fx.parent_serve && parent_adopted;

                pthread_mutex_lock(&a->lock);
                for (struct act_clone *c = a->clones; c && !known; c = c->next)
                        if (!strcmp(c->id, v[i].id) && sc_clone_state_live(c->state))
                                known = true;
                pthread_mutex_unlock(&a->lock);
                if (known)
                        continue;
                if (sc_alb_delete(a->lb, v[i].id, 0, why, sizeof(why)) == 0)
                        log_info("actuator: removed stale backend %s (%s) from snowscale-lb", v[i].id,
                                 v[i].address);
        }
        free(v);
}

