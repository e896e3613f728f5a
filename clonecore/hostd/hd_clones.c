/* hd_clones: the clones this host runs for snowscaled. A clone request names a generation of
 * the parent's host; its descriptor is fetched from that host's memserver once (the engine keeps
 * it under <state_dir>/gen/<id>) and the clone's memory comes lazily through memtap. The table
 * mirrors the engine's events so that /v1/inventory answers without asking the engine; a final
 * clone stays listed for HD_FINAL_KEEP_US so that snowscaled sees how it ended. */
#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hd.h"
#include "ss_util.h"

#define HD_FINAL_KEEP_US        (120ull * 1000000)
#define HD_MAX_GENS             32

struct hd_clone {
        bool used;
        char id[32];
        uint64_t generation;
        enum cc_clone_state state;
        char address[64];
        char identity[160];
        char reason[CC_REASON_MAX];
        uint64_t final_us;              /* when it became final (0 = live) */
};

struct hd_clones {
        struct cc_engine *e;
        char host[64];
        char driver_opts[48];           /* "disk_complete_mib_s=N" or "" */
        pthread_mutex_t lock;           /* over everything below */
        struct hd_clone c[HD_MAX_CLONES];
        struct { uint64_t id; struct cc_generation *g; } gens[HD_MAX_GENS];
        size_t n_gens;
        pthread_mutex_t fetch_lock;     /* one descriptor fetch at a time: never twice the same */
};

int hd_clones_new(struct cc_engine *e, const char *host_name, unsigned disk_complete_mib_s,
                  struct hd_clones **ret)
{
        struct hd_clones *t = calloc(1, sizeof(*t));

        if (!t)
                return -ENOMEM;
        t->e = e;
        snprintf(t->host, sizeof(t->host), "%s", host_name);
        if (disk_complete_mib_s)
                snprintf(t->driver_opts, sizeof(t->driver_opts), "disk_complete_mib_s=%u", disk_complete_mib_s);
        pthread_mutex_init(&t->lock, NULL);
        pthread_mutex_init(&t->fetch_lock, NULL);
        *ret = t;
        return 0;
}

void hd_clones_free(struct hd_clones *t)
{
        if (!t)
                return;
        pthread_mutex_destroy(&t->lock);
        pthread_mutex_destroy(&t->fetch_lock);
        free(t);
}

static struct hd_clone *find_locked(struct hd_clones *t, const char *id)
{
        for (size_t i = 0; i < HD_MAX_CLONES; i++)
                if (t->c[i].used && !strcmp(t->c[i].id, id))
                        return &t->c[i];
        return NULL;
}

/* An engine thread: record the event (never blocks). */
static void on_event(const struct cc_clone_event *ev, void *userdata)
{
        struct hd_clones *t = userdata;
        struct hd_clone *c;

        pthread_mutex_lock(&t->lock);
        c = find_locked(t, ev->clone_id);
        if (c) {
                c->state = ev->state;
                if (ev->address)
                        snprintf(c->address, sizeof(c->address), "%s", ev->address);
                if (ev->identity)
                        snprintf(c->identity, sizeof(c->identity), "%s", ev->identity);
                if (ev->reason)
                        snprintf(c->reason, sizeof(c->reason), "%s", ev->reason);
                if (ev->state == CC_CLONE_FAILED || ev->state == CC_CLONE_RETIRED)
                        c->final_us = ss_wall_us();
        }
        pthread_mutex_unlock(&t->lock);
}

/* The generation, fetched from the memserver on first use. */
static int generation_for(struct hd_clones *t, uint64_t id, const char *memserver, struct cc_generation **ret,
                          char *why, size_t why_len)
{
        struct cc_generation *g = NULL;
        int r = 0;

        pthread_mutex_lock(&t->fetch_lock);
        pthread_mutex_lock(&t->lock);
        for (size_t i = 0; i < t->n_gens; i++)
                if (t->gens[i].id == id)
                        g = t->gens[i].g;
        pthread_mutex_unlock(&t->lock);
        if (!g) {
                r = cc_generation_fetch(t->e, memserver, id, &g, why, why_len);
                if (r == 0) {
                        pthread_mutex_lock(&t->lock);
                        if (t->n_gens == HD_MAX_GENS) {         /* forget the oldest handle */
                                memmove(&t->gens[0], &t->gens[1], sizeof(t->gens[0]) * (HD_MAX_GENS - 1));
                                t->n_gens--;
                        }
                        t->gens[t->n_gens].id = id;
                        t->gens[t->n_gens++].g = g;
                        pthread_mutex_unlock(&t->lock);
                }
        }
        pthread_mutex_unlock(&t->fetch_lock);
        if (r == 0)
                *ret = g;
        return r;
}

int hd_clones_start(struct hd_clones *t, const struct hd_clone_req *req, char *why, size_t why_len)
{
        struct cc_generation *g;
        struct hd_clone *c = NULL;
        const char *ids[1] = { req->id };
        uint64_t ticket, now = ss_wall_us();
        int r;

        pthread_mutex_lock(&t->lock);
        c = find_locked(t, req->id);
        if (c && !c->final_us) {
                pthread_mutex_unlock(&t->lock);
                snprintf(why, why_len, "clone %s runs here already", req->id);
                return -EEXIST;
        }
        if (c)
                c->used = false;        /* a final one of the same id: replaced */
        c = NULL;
        for (size_t i = 0; i < HD_MAX_CLONES && !c; i++) {
                struct hd_clone *x = &t->c[i];
                if (x->used && x->final_us && now - x->final_us > HD_FINAL_KEEP_US)
                        x->used = false;
                if (!x->used)
                        c = x;
        }
        if (!c) {
                pthread_mutex_unlock(&t->lock);
                snprintf(why, why_len, "this host tracks %d clones already", HD_MAX_CLONES);
                return -ENOSPC;
        }
        memset(c, 0, sizeof(*c));
        c->used = true;
        snprintf(c->id, sizeof(c->id), "%s", req->id);
        c->generation = req->generation;
        c->state = CC_CLONE_CLONING;
        pthread_mutex_unlock(&t->lock);

        r = generation_for(t, req->generation, req->memserver, &g, why, why_len);
        if (r == 0) {
                struct cc_clone_opts o = {
                        .n = 1, .ids = ids, .nets = &req->net, .memserver = req->memserver,
                        .disk_uri = req->disk_uri[0] ? req->disk_uri : NULL,
                        .driver_opts = t->driver_opts[0] ? t->driver_opts : NULL,
                        .mcast = req->mcast[0] ? req->mcast : NULL,
                        .cb = on_event, .userdata = t,
                };
                r = cc_clone(t->e, g, &o, &ticket);
                if (r < 0)
                        snprintf(why, why_len, "clonecore refused the clone: %s", strerror(-r));
        }
        if (r < 0) {
                pthread_mutex_lock(&t->lock);
                c = find_locked(t, req->id);
                if (c)
                        c->used = false;
                pthread_mutex_unlock(&t->lock);
        }
        return r;
}

int hd_clones_retire(struct hd_clones *t, const char *id)
{
        return cc_retire(t->e, id, 3000);
}

struct json_object *hd_clones_inventory(struct hd_clones *t)
{
        struct json_object *o = json_object_new_object(), *cl = json_object_new_array(),
                           *gl = json_object_new_array();
        uint64_t now = ss_wall_us();

        json_object_object_add(o, "host", json_object_new_string(t->host));
        pthread_mutex_lock(&t->lock);
        for (size_t i = 0; i < HD_MAX_CLONES; i++) {
                struct hd_clone *c = &t->c[i];
                struct json_object *j;
                struct cc_clone_stats st;

                if (!c->used)
                        continue;
                if (c->final_us && now - c->final_us > HD_FINAL_KEEP_US) {
                        c->used = false;
                        continue;
                }
                j = json_object_new_object();
                json_object_object_add(j, "id", json_object_new_string(c->id));
                json_object_object_add(j, "generation", json_object_new_int64((int64_t)c->generation));
                json_object_object_add(j, "state", json_object_new_string(cc_clone_state_name(c->state)));
                json_object_object_add(j, "address", json_object_new_string(c->address));
                json_object_object_add(j, "identity", json_object_new_string(c->identity));
                json_object_object_add(j, "reason", json_object_new_string(c->reason));
                if (!c->final_us && cc_clone_stats(t->e, c->id, &st) == 0) {
                        json_object_object_add(j, "fetched_pct", json_object_new_double(st.fetch.fetched_pct));
                        json_object_object_add(j, "fetched_bytes", json_object_new_int64((int64_t)st.fetch.bytes));
                        if (st.vm.disk_remote || st.vm.disk_copied_pct > 0) {
                                json_object_object_add(j, "disk_remote", json_object_new_boolean(st.vm.disk_remote));
                                json_object_object_add(j, "disk_copied_pct", json_object_new_double(st.vm.disk_copied_pct));
                        }
                        if (st.vm.state == CC_VM_EXITED && c->state == CC_CLONE_READY)
                                json_object_object_add(j, "exited", json_object_new_string(st.vm.reason));
                }
                json_object_array_add(cl, j);
        }
        for (size_t i = 0; i < t->n_gens; i++)
                json_object_array_add(gl, json_object_new_int64((int64_t)t->gens[i].id));
        pthread_mutex_unlock(&t->lock);
        json_object_object_add(o, "clones", cl);
        json_object_object_add(o, "generations", gl);
        return o;
}
