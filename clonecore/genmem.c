/* genmem: a remote generation's memory on this host — one memtap per generation, shared by every
 * clone of the generation here. The clones map the same FUSE file MAP_PRIVATE, so the kernel page
 * cache and the memtap's page states are shared: a page one clone faulted in is a page-cache hit
 * for the next, and each distinct content crosses the network once per host (docs/memtap.md).
 * The first user starts it: replaying the generation's working set (this host's, or one another
 * host recorded, from the memserver), or recording one and handing it to the memserver; then
 * background completion. The last one to leave stops it. A memtap that fails
 * fails every clone that uses it; the next clone starts a fresh one. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine_int.h"
#include "ss_util.h"

/* On a memtap thread: every clone on this memtap fails with the reason. gm stays valid: the last
 * release stops the memtap (joining this thread) before freeing it. */
static void genmem_failed(const char *reason, void *userdata)
{
        struct genmem *gm = userdata;
        struct cc_engine *e = gm->g->engine;
        char why[CC_REASON_MAX];

        cc_fmt(why, sizeof(why), "memory fetch failed: %s", reason);
        pthread_mutex_lock(&e->lock);
        gm->failed = true;
        if (gm->g->gm == gm)
                gm->g->gm = NULL;       /* the next clone starts a fresh memtap */
        for (struct clone *c = e->clones; c; c = c->next)
                if (c->gm == gm)
                        cc_engine_clone_fail_locked(e, c, why);
        pthread_mutex_unlock(&e->lock);
}

/* The working set another host recorded, from the memserver, when this host has none: the first
 * memtap of the generation here then replays it (best effort: none yet = record one). */
static void fetch_ws(struct cc_engine *e, struct clone *c)
{
        struct cc_client *cl = NULL;
        uint8_t *buf = NULL;
        size_t len = 0;

        if (cc_client_connect(c->memserver, e->secret, e->cfg.secret_len, e->cfg.fetch_timeout_ms, &cl, NULL, 0) == 0 &&
            cc_client_get_ws(cl, c->g->info.id, &buf, &len, NULL, 0) == 0)
                (void)ss_write_file_atomic(c->g->ws_path, buf, len, 0600);     /* memtap checks it */
        cc_client_close(cl);
        free(buf);
}

static int genmem_start(struct cc_engine *e, struct clone *c, struct genmem **ret, char *why, size_t why_len)
{
        struct cc_generation *g = c->g;
        struct cc_memtap_opts mo = {0};
        bool autows = !c->fetch.ws_off && !c->fetch.record_ws && !c->fetch.replay_ws;
        if (autows && c->memserver[0] && access(g->ws_path, R_OK) != 0)
                fetch_ws(e, c);
        bool have_ws = access(g->ws_path, R_OK) == 0;
        bool replay = (c->fetch.replay_ws || autows) && have_ws;
        bool record = !replay && (c->fetch.record_ws || autows) && !have_ws;
        struct genmem *gm = calloc(1, sizeof(*gm));
        int r;

        if (!gm)
                return -ENOMEM;
        gm->g = g;
        cc_fmt(gm->mnt, sizeof(gm->mnt), "%s/mt.%" PRIu64, g->info.dir, ++e->next_mt);
        if (mkdir(gm->mnt, 0700) < 0 && errno != EEXIST) {
                r = cc_why(why, why_len, -errno, "cannot create %s: %s", gm->mnt, strerror(errno));
                free(gm);
                return r;
        }
        mo.mountpoint = gm->mnt;
        mo.desc = g->desc;
        mo.store = e->store;
        mo.memserver = c->memserver;
        mo.secret = e->secret;
        mo.secret_len = e->cfg.secret_len;
        mo.timeout_ms = e->cfg.fetch_timeout_ms;
        mo.fetch = c->fetch;
        mo.fetch.record_ws = record;
        mo.fetch.replay_ws = replay;
        mo.fetch.complete = !c->fetch.complete_off;
        mo.fetch.ws_share = record && autows;
        mo.ws_path = (record || replay) ? g->ws_path : NULL;
        mo.on_fail = genmem_failed;
        mo.userdata = gm;
        mo.mcast = c->mcast;
        r = cc_memtap_start(&mo, &gm->mt, why, why_len);
        if (r < 0) {
                rmdir(gm->mnt);
                free(gm);
                return r;
        }
        *ret = gm;
        return 0;
}

int cc_genmem_acquire(struct cc_engine *e, struct clone *c, char *why, size_t why_len)
{
        struct genmem *gm;
        int r = 0;

        /* One start at a time: clones of a generation starting together share the first memtap. */
        pthread_mutex_lock(&e->gm_lock);
        pthread_mutex_lock(&e->lock);
        gm = c->g->gm;
        if (gm && !gm->failed) {
                gm->users++;
                c->gm = gm;
                pthread_mutex_unlock(&e->lock);
                goto out;
        }
        pthread_mutex_unlock(&e->lock);
        r = genmem_start(e, c, &gm, why, why_len);
        if (r == 0) {
                pthread_mutex_lock(&e->lock);
                gm->users = 1;
                c->g->gm = gm;
                c->gm = gm;
                pthread_mutex_unlock(&e->lock);
        }
out:
        pthread_mutex_unlock(&e->gm_lock);
        return r;
}

void cc_genmem_release(struct cc_engine *e, struct clone *c)
{
        struct genmem *gm;

        pthread_mutex_lock(&e->lock);
        gm = c->gm;
        c->gm = NULL;
        if (!gm || --gm->users > 0) {
                pthread_mutex_unlock(&e->lock);
                return;
        }
        if (gm->g->gm == gm)
                gm->g->gm = NULL;
        pthread_mutex_unlock(&e->lock);
        cc_memtap_stop(gm->mt);         /* writes the recorded working set, if recording */
        rmdir(gm->mnt);
        free(gm);
}

const char *cc_genmem_path(const struct clone *c)
{
        return cc_memtap_path(c->gm->mt);
}
