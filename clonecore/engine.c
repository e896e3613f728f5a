/* The clone engine's lifetime: configuration, the state directory, the page store and the
 * worker threads that run clone jobs (clone.c). Generations: generation.c. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_int.h"
#include "ss_util.h"

int cc_engine_new(const struct cc_engine_config *cfg, struct cc_engine **ret, char *why, size_t why_len)
{
        struct cc_engine *e = NULL;
        char path[PATH_MAX];
        int r;

        if (!cfg->state_dir)
                return cc_why(why, why_len, -EINVAL, "no state directory given");
        e = calloc(1, sizeof(*e));
        if (!e)
                return -ENOMEM;
        e->cfg = *cfg;
        pthread_mutex_init(&e->lock, NULL);
        pthread_mutex_init(&e->gm_lock, NULL);
        pthread_cond_init(&e->cond, NULL);
        pthread_cond_init(&e->changed, NULL);
        e->state_dir = strdup(cfg->state_dir);
        if (!e->state_dir) {
                r = -ENOMEM;
                goto fail;
        }
        e->cfg.state_dir = e->state_dir;
        if (cfg->secret_len) {
                e->secret = malloc(cfg->secret_len);
                if (!e->secret) {
                        r = -ENOMEM;
                        goto fail;
                }
                memcpy(e->secret, cfg->secret, cfg->secret_len);
        }
        e->cfg.secret = e->secret;
        if (!e->cfg.max_parallel)
                e->cfg.max_parallel = 8;
        if (e->cfg.max_parallel > 64)
                e->cfg.max_parallel = 64;
        if (e->cfg.driver && e->cfg.driver->max_parallel && e->cfg.max_parallel > e->cfg.driver->max_parallel)
                e->cfg.max_parallel = e->cfg.driver->max_parallel;
        if (!e->cfg.ready_timeout_ms)
                e->cfg.ready_timeout_ms = 60000;
        if (!e->cfg.fetch_timeout_ms)
                e->cfg.fetch_timeout_ms = 5000;
        e->next_ticket = 1;
        e->next_seq = 1;
        const char *sub[] = { "", "/gen", "/clones" };
        for (size_t i = 0; i < sizeof(sub) / sizeof(sub[0]); i++) {
                snprintf(path, sizeof(path), "%s%s", cfg->state_dir, sub[i]);
                r = ss_mkdir_p(path, 0700);
                if (r < 0) {
                        cc_why(why, why_len, r, "cannot create %s: %s", path, strerror(-r));
                        goto fail;
                }
        }
        snprintf(path, sizeof(path), "%s/store", cfg->state_dir);
        r = cc_store_open(path, &e->store);
        if (r < 0) {
                cc_why(why, why_len, r, "cannot open the page store %s: %s", path, strerror(-r));
                goto fail;
        }
        e->threads = calloc(e->cfg.max_parallel, sizeof(pthread_t));
        if (!e->threads) {
                r = -ENOMEM;
                goto fail;
        }
        if (cfg->driver) {
                for (unsigned i = 0; i < e->cfg.max_parallel; i++) {
                        r = -pthread_create(&e->threads[i], NULL, cc_engine_worker, e);
                        if (r < 0) {
                                cc_why(why, why_len, r, "cannot start engine threads");
                                goto fail;
                        }
                        e->nthreads++;
                }
        }
        *ret = e;
        return 0;
fail:
        cc_engine_free(e);
        return r;
}

const struct cc_driver_ops *cc_engine_driver(const struct cc_engine *e) { return e->cfg.driver; }

void cc_engine_free(struct cc_engine *e)
{
        if (!e)
                return;
        pthread_mutex_lock(&e->lock);
        e->stopping = true;
        pthread_cond_broadcast(&e->cond);
        pthread_cond_broadcast(&e->changed);
        for (struct clone *c = e->clones; c; c = c->next)
                cc_engine_clone_wake(c);
        pthread_mutex_unlock(&e->lock);
        for (unsigned i = 0; i < e->nthreads; i++)
                pthread_join(e->threads[i], NULL);
        /* Jobs still queued never ran: drop their references. VMs of live clones keep running
         * (a restarted engine adopts them); memtaps cannot outlive the process. */
        while (e->qhead) {
                struct clone *c = e->qhead;
                e->qhead = c->qnext;
                c->refs--;
        }
        for (struct clone *c = e->clones; c; c = c->next)
                cc_genmem_release(e, c);        /* the last user of a memtap stops it */
        while (e->clones) {
                struct clone *c = e->clones;
                e->clones = c->next;
                if (c->vm && e->cfg.driver)
                        e->cfg.driver->destroy(c->vm);
                cc_engine_clone_free(c);
        }
        while (e->gens) {
                struct cc_generation *g = e->gens;
                e->gens = g->next;
                cc_descriptor_free(g->desc);
                free(g);
        }
        cc_store_close(e->store);
        free(e->threads);
        free(e->secret);
        free(e->state_dir);
        pthread_cond_destroy(&e->cond);
        pthread_cond_destroy(&e->changed);
        pthread_mutex_destroy(&e->lock);
        pthread_mutex_destroy(&e->gm_lock);
        free(e);
}

