/* sc_actuator_gen: generations (see sc_actuator_gen.h). a->gens is newest first; [0] is what new
 * clones use. A generation is cut on the parent's thread, which owns the parent VM. */
#include "sc_actuator_gen.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ss_log.h"

/* Calls fn for every generation directory <state_dir>/gen/<id> (a published generation, or what a
 * cut or a deletion left half-done). */
static void gen_dirs_each(struct sc_actuator *a,
                          void (*fn)(struct sc_actuator *a, int64_t id, const char *path, void *arg), void *arg)
{
        char gdir[PATH_MAX], path[PATH_MAX];
        struct dirent *de;
        DIR *d;

        sfmt(gdir, sizeof(gdir), "%s/gen", a->fx.state_dir);
        d = opendir(gdir);
        if (!d)
                return;
        while ((de = readdir(d))) {
                char *end;
                long long v = strtoll(de->d_name, &end, 10);

                if (*end != 0 || end == de->d_name)
                        continue;
                if (snprintf(path, sizeof(path), "%s/%s", gdir, de->d_name) < (int)sizeof(path))
                        fn(a, (int64_t)v, path, arg);
        }
        closedir(d);
}

static void note_max_id(struct sc_actuator *a, int64_t id, const char *path, void *arg)
{
        int64_t *next = arg;

        (void)a; (void)path;
        if (id >= *next)
                *next = id + 1;
}

static void remove_unless_live(struct sc_actuator *a, int64_t id, const char *path, void *arg)
{
        (void)arg;
        for (size_t i = 0; i < a->n_gens; i++)
                if (a->gens[i].id == id)
                        return;
        log_info("actuator: removing %s: no live generation of the table uses it", path);
        sc_act_rm_rf(path);
}

/* Cuts and publishes a generation from the running parent (parent thread). The store's id and
 * the engine's id are the same number: the next one after every id the store ever gave. */
int sc_act_gen_cut(struct sc_actuator *a, struct cc_vm *parent, const char *cause)
{
        struct sc_generation sg = {0}, *list = NULL;
        struct cc_generation_info info;
        struct cc_generation *g = NULL;
        struct act_gen *ng;
        char why[CC_REASON_MAX] = "", msg[768], idbuf[24];
        size_t n = 0;
        int64_t next = 1;
        int r;

        r = sc_store_generation_list(a->store, true, &list, &n);
        if (r < 0) {
                sfmt(why, sizeof(why), "cannot read the generation table: %s", strerror(-r));
                goto fail;
        }
        for (size_t i = 0; i < n; i++)
                if (list[i].id >= next)
                        next = list[i].id + 1;
        free(list);
        /* a cut that crashed before it was recorded left a directory: never reuse its id */
        gen_dirs_each(a, note_max_id, &next);
        struct cc_publish_opts po = { .id = (uint64_t)next };
        log_info("actuator: cutting generation %lld (%s)", (long long)next, cause);
        r = cc_generation_cut(a->engine, parent, &po, &g, why, sizeof(why));
        if (r < 0) {
                char dir[PATH_MAX];

                /* what a failed cut left behind is no generation */
                sfmt(dir, sizeof(dir), "%s/gen/%lld", a->fx.state_dir, (long long)next);
                if (r != -EEXIST)
                        sc_act_rm_rf(dir);
                goto fail;
        }
        r = cc_generation_info(g, &info);
        if (r < 0) {
                sfmt(why, sizeof(why), "clonecore has no info on it: %s", strerror(-r));
                goto fail;
        }
        sg.id = (int64_t)info.id;
        copy_str(sg.descriptor, sizeof(sg.descriptor), info.descriptor_path);
        sg.descriptor_bytes = info.descriptor_bytes;
        sg.pause_us = info.pause_ns / 1000;
        r = sc_store_generation_insert(a->store, &sg);
        if (r < 0) {
                sfmt(why, sizeof(why), "cannot record it: %s", strerror(-r));
                cc_generation_drop(a->engine, info.id);
                goto fail;
        }
        pthread_mutex_lock(&a->lock);
        ng = realloc(a->gens, (a->n_gens + 1) * sizeof(*ng));
        if (ng) {
                a->gens = ng;
                memmove(a->gens + 1, a->gens, a->n_gens * sizeof(*ng));
                a->gens[0] = (struct act_gen){ .id = sg.id, .g = g };
                a->n_gens++;
                a->last_cut_ns = now_ns();
                /* a new generation is a fresh chance after repeated failures */
                if (sc_act_rearm_locked(a))
                        log_info("actuator: generation %lld re-arms cloning", (long long)sg.id);
        }
        pthread_cond_broadcast(&a->cond);
        pthread_mutex_unlock(&a->lock);
        if (!ng)
                return -ENOMEM;
        sfmt(msg, sizeof(msg), "generation %lld ready for clones (%s): parent paused %.1f ms, "
             "descriptor %llu KiB, %llu of %llu pages distinct", (long long)sg.id, cause,
             info.pause_ns / 1e6, (unsigned long long)(info.descriptor_bytes >> 10),
             (unsigned long long)info.distinct_pages, (unsigned long long)info.pages);
        log_info("actuator: %s", msg);
        sfmt(idbuf, sizeof(idbuf), "%lld", (long long)sg.id);
        sc_act_emit(a, "generation", msg, "generation", idbuf, "cause", cause, NULL);
        return 0;
fail:
        sfmt(msg, sizeof(msg), "cutting a generation failed (%s): %s", cause,
             why[0] ? why : strerror(-r));
        log_error("actuator: %s", msg);
        sc_act_emit(a, "error", msg, "cause", cause, NULL);
        return r;
}

/* Drops generations that are not the newest and that no live clone uses (parent thread). */
void sc_act_gen_gc(struct sc_actuator *a)
{
        for (size_t i = 1;; i++) {
                struct act_gen victim;
                bool used = false;
                char msg[256], idbuf[24];
                int r;

                pthread_mutex_lock(&a->lock);
                if (i >= a->n_gens) {
                        pthread_mutex_unlock(&a->lock);
                        return;
                }
                victim = a->gens[i];
                for (struct act_clone *c = a->clones; c; c = c->next)
                        if (c->generation == victim.id && sc_clone_state_live(c->state))
                                used = true;
                pthread_mutex_unlock(&a->lock);
                if (used)
                        continue;
                /* no clone reads it and no new one will (they use the newest): its disk export for
                 * the hosts ends, even while its files stay for a later generation's chain (whose
                 * own export opens them itself) */
                if (sc_nbd_unexport(a->nbd, victim.id))
                        log_info("actuator: generation %lld's disk export stopped: no clone uses it",
                                 (long long)victim.id);
                r = cc_generation_drop(a->engine, (uint64_t)victim.id);
                if (r == -EBUSY)
                        continue;
                pthread_mutex_lock(&a->lock);
                for (size_t k = 0; k < a->n_gens; k++)
                        if (a->gens[k].id == victim.id) {
                                memmove(a->gens + k, a->gens + k + 1, (a->n_gens - k - 1) * sizeof(*a->gens));
                                a->n_gens--;
                                break;
                        }
                pthread_mutex_unlock(&a->lock);
                i--;
                sc_store_generation_mark_deleted(a->store, victim.id);
                sfmt(idbuf, sizeof(idbuf), "%lld", (long long)victim.id);
                if (r < 0)
                        sfmt(msg, sizeof(msg), "generation %lld forgotten; deleting its files failed: %s",
                             (long long)victim.id, strerror(-r));
                else
                        sfmt(msg, sizeof(msg), "generation %lld deleted: a newer one exists and no clone uses it",
                             (long long)victim.id);
                log_info("actuator: %s", msg);
                sc_act_emit(a, "generation", msg, "generation", idbuf, NULL);
        }
}

void sc_act_gen_recover(struct sc_actuator *a)
{
        struct sc_generation *list = NULL;
        char why[CC_REASON_MAX];
        size_t n = 0;

        if (sc_store_generation_list(a->store, false, &list, &n) < 0)
                return;
        a->gens = calloc(n ? n : 1, sizeof(*a->gens));
        for (size_t i = n; i-- > 0 && a->gens;) {         /* newest first */
                struct cc_generation *g = NULL;

                why[0] = 0;
                if (POL_BOOT_FROM_GENERATION(a->fx.boot) &&
                    cc_generation_get(a->engine, (uint64_t)list[i].id, &g, why, sizeof(why)) == 0) {
                        a->gens[a->n_gens++] = (struct act_gen){ .id = list[i].id, .g = g };
                        continue;
                }
                sc_store_generation_mark_deleted(a->store, list[i].id);
                log_info("actuator: generation %lld is not usable any more (%s); marked deleted",
                         (long long)list[i].id, why[0] ? why : "cold boot mode");
        }
        free(list);
        /* generation directories the table does not list as live: a cut that crashed half-way,
         * or a deletion that did not finish */
        gen_dirs_each(a, remove_unless_live, NULL);
}
