/* sc_actuator_remote: clones on the other hosts (see sc_actuator_remote.h). */
#include "sc_actuator_remote.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sc_actuator.h"
#include "sc_actuator_clone.h"
#include "ss_log.h"

#define REMOTE_POLL_NS          100000000ull            /* the inventory changes once a second */
#define REMOTE_RETIRE_WAIT_NS   (15ull * 1000000000)

static void log_ms(int level, const char *msg, void *userdata)
{
        (void)userdata;
        ss_log(level, "memserver: %s", msg);
}

/* The registry's question for a clone it finds on host h: is it one of ours, live, placed
 * there, and not given up as lost? */
static bool wanted(size_t h, const char *id, void *userdata)
{
        struct sc_actuator *a = userdata;
        bool r = false;

        pthread_mutex_lock(&a->lock);
        r = a->recovering;              /* not known yet whether it is ours */
        for (struct act_clone *c = a->clones; c && !r; c = c->next)
                r = c->host == (int)h && !strcmp(c->id, id) && !c->host_lost &&
                    (sc_clone_state_live(c->state) || !c->thread_done);
        pthread_mutex_unlock(&a->lock);
        return r;
}

int sc_act_remote_init(struct sc_actuator *a, const struct pol_config *cfg)
{
        char why[CC_REASON_MAX] = "";
        int r;

        a->n_hosts = cfg->n_hosts;
        a->placement = cfg->placement;
        a->recovering = true;           /* until sc_act_recover has adopted the table's clones */
        a->host_plans = calloc(cfg->n_hosts, sizeof(*a->host_plans));
        a->host_bridges = calloc(cfg->n_hosts, sizeof(*a->host_bridges));
        a->host_names = calloc(cfg->n_hosts, sizeof(*a->host_names));
        a->host_health = calloc(cfg->n_hosts, sizeof(*a->host_health));
        if (!a->host_plans || !a->host_bridges || !a->host_names || !a->host_health)
                return -ENOMEM;
        for (size_t i = 0; i < cfg->n_hosts; i++) {
                const struct pol_host *h = &cfg->hosts[i];
                struct sc_addrplan_cfg pc = {
                        .create = false, .gateway = h->network.gw_addr, .first = h->network.first_addr,
                        .last = h->network.last_addr, .dns = h->network.gw_addr,
                        .prefix_len = (unsigned)h->network.prefix_len,
                };
                copy_str(pc.bridge, sizeof(pc.bridge), h->network.bridge);
                copy_str(pc.host, sizeof(pc.host), h->name);
                copy_str(a->host_bridges[i], sizeof(a->host_bridges[i]), h->network.bridge);
                a->host_names[i] = strdup(h->name);
                if (!a->host_names[i])
                        return -ENOMEM;
                r = sc_addrplan_new(a->store, &pc, &a->host_plans[i]);
                if (r < 0) {
                        log_error("actuator: host %s: address plan: %s", h->name, strerror(-r));
                        return r;
                }
        }
        struct cc_memserver_opts mo = {
                .listen = cfg->cluster.memserver_listen, .secret = cfg->cluster.secret,
                .secret_len = strlen(cfg->cluster.secret), .log = log_ms,
        };
        char gen_root[PATH_MAX], store_dir[PATH_MAX], mcast[128], ms_host[64];
        unsigned ms_port;

        if (cfg->cluster.mcast) {
                /* sent from the memserver's own interface (the config check made it IPv4) */
                ss_split_hostport(cfg->cluster.memserver_listen, ms_host, sizeof(ms_host), &ms_port);
                sfmt(mcast, sizeof(mcast), "%s@%s", cfg->cluster.mcast, ms_host);
                mo.mcast = mcast;
                copy_str(a->mcast, sizeof(a->mcast), cfg->cluster.mcast);
        }
        sfmt(gen_root, sizeof(gen_root), "%s/gen", a->fx.state_dir);
        sfmt(store_dir, sizeof(store_dir), "%s/store", a->fx.state_dir);
        mo.gen_root = gen_root;
        mo.store_dir = store_dir;
        r = cc_memserver_start(&mo, &a->memserver, why, sizeof(why));
        if (r < 0) {
                log_error("actuator: memserver on cluster.memserver_listen %s: %s", cfg->cluster.memserver_listen, why);
                return r;
        }
        copy_str(a->memserver_addr, sizeof(a->memserver_addr), cfg->cluster.memserver_listen);
        if (cfg->driver.disk && cfg->cluster.nbd_listen) {
                r = sc_nbd_new(a->fx.state_dir, cfg->cluster.nbd_listen, cfg->cluster.secret,
                               strlen(cfg->cluster.secret), &a->nbd, why, sizeof(why));
                if (r < 0) {
                        log_error("actuator: disk exports on cluster.nbd_listen: %s", why);
                        return r;
                }
        }
        r = sc_hosts_new(cfg, wanted, a, &a->hosts, why, sizeof(why));
        if (r < 0) {
                log_error("actuator: hosts: %s", why);
                return r;
        }
        log_info("actuator: multi-host pool: %zu hosts, placement %s, generations served on %s%s%s%s%s", cfg->n_hosts,
                 cfg->placement == POL_PLACE_PACK ? "pack" : "spread", cfg->cluster.memserver_listen,
                 a->mcast[0] ? " with mcdist to " : "", a->mcast, a->nbd ? ", disks over NBD from " : "",
                 a->nbd ? cfg->cluster.nbd_listen : "");
        return 0;
}

void sc_act_remote_shutdown(struct sc_actuator *a)
{
        sc_hosts_free(a->hosts);
        a->hosts = NULL;
        cc_memserver_stop(a->memserver);
        a->memserver = NULL;
        sc_nbd_free(a->nbd);
        a->nbd = NULL;
        for (size_t i = 0; i < a->n_hosts; i++) {
                if (a->host_plans)
                        sc_addrplan_free(a->host_plans[i]);
                if (a->host_names)
                        free(a->host_names[i]);
        }
        free(a->host_plans);
        free(a->host_bridges);
        free(a->host_names);
        free(a->host_health);
        a->host_health = NULL;
        a->host_plans = NULL;
        a->host_bridges = NULL;
        a->host_names = NULL;
        a->n_hosts = 0;
}

int sc_act_remote_place_locked(struct sc_actuator *a, int64_t generation, char *why, size_t whylen)
{
        struct sc_place_host ph[64];
        size_t n = a->n_hosts < 64 ? a->n_hosts : 64;

        for (size_t i = 0; i < n; i++) {
                struct sc_host_view v;

                memset(&ph[i], 0, sizeof(ph[i]));
                if (sc_hosts_view(a->hosts, i, &v) < 0)
                        continue;
                ph[i].healthy = v.healthy;
                ph[i].max_clones = v.max_clones;
                ph[i].memory_bytes = v.memory_bytes;
                for (size_t k = 0; k < v.n_gens; k++)
                        ph[i].holds_generation |= v.gens[k] == generation;
        }
        for (struct act_clone *c = a->clones; c; c = c->next)
                if (c->host >= 0 && (size_t)c->host < n && !c->host_lost &&
                    (sc_clone_state_live(c->state) || !c->thread_done))
                        ph[c->host].clones++;
        return sc_place(ph, n, a->placement, a->fx.mem_bytes, why, whylen);
}

/* The NBD export of the clone's generation's disk layer (started on its first remote clone):
 * 0 and its URI, 0 and "" when the generation has no disk, -errno with why. */
static int disk_uri_for(struct act_clone *c, char *uri, size_t uri_len, char *why, size_t whylen)
{
        struct sc_actuator *a = c->a;
        struct cc_generation_info info = { 0 };
        bool found = false;
        int r;

        uri[0] = 0;
        if (!a->nbd)
                return 0;
        pthread_mutex_lock(&a->lock);
        for (size_t i = 0; i < a->n_gens && !found; i++)
                if (a->gens[i].id == c->generation)
                        found = cc_generation_info(a->gens[i].g, &info) == 0;
        pthread_mutex_unlock(&a->lock);
        if (!found) {
                sfmt(why, whylen, "generation %lld is gone", (long long)c->generation);
                return -ENOENT;
        }
        if (!info.disk_layer[0])
                return 0;
        r = sc_nbd_export(a->nbd, c->generation, info.disk_layer, uri, uri_len, why, whylen);
        if (r == 1)
                log_info("actuator: generation %lld's disk layer exported for the hosts as %s", (long long)c->generation,
                         uri);
        return r < 0 ? r : 0;
}

int sc_act_remote_begin(struct act_clone *c, char *why, size_t whylen)
{
        struct sc_actuator *a = c->a;
        struct cc_net net;
        char uri[256];
        int r;

        r = disk_uri_for(c, uri, sizeof(uri), why, whylen);
        if (r < 0)
                return r;
        r = sc_addrplan_claim(a->host_plans[c->host], c->id, &net, why, whylen);
        if (r < 0)
                return r;
        c->net = net;
        struct sc_remote_req req = {
                .id = c->id, .generation = c->generation, .memserver = a->memserver_addr,
                .disk_uri = uri[0] ? uri : NULL, .mcast = a->mcast[0] ? a->mcast : NULL, .net = &net,
        };
        r = sc_hosts_clone(a->hosts, (size_t)c->host, &req, why, whylen);
        if (r < 0 && r != -EEXIST) {
                sc_addrplan_release(a->host_plans[c->host], c->id);
                return r;
        }
        log_info("clone %s: on host %s as %s (memory from %s%s%s)", c->id, a->host_names[c->host], net.ipv4,
                 a->memserver_addr, uri[0] ? ", disk from " : "", uri);
        return 0;
}

static bool host_seen(struct act_clone *c)
{
        struct sc_host_view v;

        return sc_hosts_view(c->a->hosts, (size_t)c->host, &v) == 0 && v.ever_seen;
}

static int host_lost(struct act_clone *c, char *why, size_t whylen)
{
        struct sc_host_view v;

        sc_hosts_view(c->a->hosts, (size_t)c->host, &v);
        pthread_mutex_lock(&c->a->lock);
        c->host_lost = true;
        pthread_mutex_unlock(&c->a->lock);
        sfmt(why, whylen, "lost: host %s stopped answering (%s)", v.name, v.error[0] ? v.error : "timeout");
        return -EHOSTDOWN;
}

int sc_act_remote_wait_ready(struct act_clone *c, uint64_t deadline_ns, char *why, size_t whylen)
{
        struct sc_actuator *a = c->a;
        struct sc_remote_clone rc;
        bool resumed = c->state == SC_CLONE_RESUMING || c->recovered;
        int r;

        for (;;) {
                bool cancel;

                r = sc_hosts_clone_state(a->hosts, (size_t)c->host, c->id, &rc);
                /* adopted after a restart: the host may not have answered yet */
                if (r == -EHOSTDOWN && !(c->recovered && !host_seen(c)))
                        return host_lost(c, why, whylen);
                if (r == -ENOENT && c->recovered) {
                        sfmt(why, whylen, "vanished: host %s no longer runs it after the restart",
                             a->host_names[c->host]);
                        return -ECHILD;
                }
                if (r == 0 && c->recovered && rc.exited) {
                        sfmt(why, whylen, "vanished: its VM on host %s exited while snowscaled was down: %s",
                             a->host_names[c->host], rc.reason);
                        return -ECHILD;
                }
                if (r == 0 && c->recovered && rc.disk_remote) {
                        /* the restart stopped the previous run's exports (sc_nbd) */
                        sfmt(why, whylen, "vanished: its disk on host %s still read from the previous run's "
                             "export (not completed there: snowscale-hostd --disk-complete-mib-s)",
                             a->host_names[c->host]);
                        return -ECHILD;
                }
                if (r == 0) {
                        if (!strcmp(rc.state, "failed") || !strcmp(rc.state, "retired")) {
                                sfmt(why, whylen, "on host %s: %s", a->host_names[c->host],
                                     rc.reason[0] ? rc.reason : "hostd gave up on it");
                                return -ECHILD;
                        }
                        if (!resumed && (!strcmp(rc.state, "resuming") || !strcmp(rc.state, "ready"))) {
                                sc_act_clone_set_state(c, SC_CLONE_RESUMING, NULL);
                                resumed = true;
                        }
                        if (!strcmp(rc.state, "ready")) {
                                c->disk_remote = rc.disk_remote;
                                copy_str(c->address, sizeof(c->address), rc.address);
                                pthread_mutex_lock(&a->lock);
                                copy_str(c->ev_identity, sizeof(c->ev_identity), rc.identity);
                                pthread_mutex_unlock(&a->lock);
                                return 0;
                        }
                }
                pthread_mutex_lock(&a->lock);
                cancel = c->retire || a->shutting_down;
                pthread_mutex_unlock(&a->lock);
                if (cancel)
                        return -ECANCELED;
                if (now_ns() >= deadline_ns) {
                        sfmt(why, whylen, "guest on host %s not ready within driver.ready_timeout",
                             a->host_names[c->host]);
                        return -ETIMEDOUT;
                }
                pause_for(a, REMOTE_POLL_NS);
        }
}

int sc_act_remote_alive(struct act_clone *c, char *why, size_t whylen)
{
        struct sc_actuator *a = c->a;
        struct sc_remote_clone rc;
        int r = sc_hosts_clone_state(a->hosts, (size_t)c->host, c->id, &rc);

        if (r == -EHOSTDOWN)
                return host_lost(c, why, whylen);
        if (r == -ENOENT) {
                sfmt(why, whylen, "host %s no longer runs it (hostd restarted?)", a->host_names[c->host]);
                return -ECHILD;
        }
        if (strcmp(rc.state, "ready") || rc.exited) {
                sfmt(why, whylen, "VM on host %s gone: %s", a->host_names[c->host],
                     rc.reason[0] ? rc.reason : rc.state);
                return -ECHILD;
        }
        struct sc_fetch_stats f = { .bytes = rc.fetched_bytes, .pct = rc.fetched_pct };
        sc_store_clone_set_fetch(a->store, c->id, &f);
        if (rc.disk_remote)
                c->disk_remote = true;
        else if (c->disk_remote && rc.disk_copied_pct >= 100) {
                c->disk_remote = false;
                log_info("clone %s: its disk is complete on host %s: it no longer reads from this host", c->id,
                         a->host_names[c->host]);
        }
        return 0;
}

void sc_act_remote_end(struct act_clone *c)
{
        struct sc_actuator *a = c->a;
        char why[CC_REASON_MAX];
        struct sc_remote_clone rc;
        uint64_t deadline;
        bool lost;
        int r;

        /* a clone adopted after a restart may retire before its host first answered */
        deadline = now_ns() + REMOTE_RETIRE_WAIT_NS;
        while (c->recovered && !host_seen(c) && now_ns() < deadline)
                pause_for(a, REMOTE_POLL_NS);
        pthread_mutex_lock(&a->lock);
        lost = c->host_lost;
        pthread_mutex_unlock(&a->lock);
        if (lost || !sc_hosts_healthy(a->hosts, (size_t)c->host)) {
                /* its address stays held: the VM may still run there; when the host answers again
                 * the registry destroys it (not wanted) and a restart's reconcile frees the address */
                return;
        }
        r = sc_hosts_retire(a->hosts, (size_t)c->host, c->id, why, sizeof(why));
        if (r < 0 && r != -ENOENT) {
                log_warn("clone %s: retiring on host %s: %s", c->id, a->host_names[c->host], why);
                return;
        }
        deadline = now_ns() + REMOTE_RETIRE_WAIT_NS;
        for (;;) {
                r = sc_hosts_clone_state(a->hosts, (size_t)c->host, c->id, &rc);
                if (r == -ENOENT || (r == 0 && (!strcmp(rc.state, "retired") || !strcmp(rc.state, "failed"))))
                        break;
                if (r == -EHOSTDOWN || now_ns() >= deadline) {
                        log_warn("clone %s: host %s did not confirm the retire; its address stays held", c->id,
                                 a->host_names[c->host]);
                        return;
                }
                pause_for(a, REMOTE_POLL_NS * 2);
        }
        sc_addrplan_release(a->host_plans[c->host], c->id);
}

size_t sc_actuator_hosts(struct sc_actuator *a, struct sc_act_host *ret, size_t max, const char **placement)
{
        size_t n = 0;

        if (placement)
                *placement = a && a->placement == POL_PLACE_PACK ? "pack" : "spread";
        if (!a || !a->hosts)
                return 0;
        for (size_t i = 0; i < a->n_hosts && n < max; i++, n++) {
                struct sc_host_view v;
                struct sc_act_host *h = &ret[n];

                memset(h, 0, sizeof(*h));
                sc_hosts_view(a->hosts, i, &v);
                copy_str(h->name, sizeof(h->name), v.name);
                copy_str(h->address, sizeof(h->address), v.address);
                copy_str(h->error, sizeof(h->error), v.error);
                h->healthy = v.healthy;
                h->last_ok_us = v.last_ok_us;
                h->max_clones = v.max_clones;
                h->memory_bytes = v.memory_bytes;
                h->running = v.running;
        }
        /* a health transition is recorded in the store and the event log, where it is seen first */
        for (size_t i = 0; i < n; i++) {
                int now = ret[i].healthy ? 1 : 0;
                if (a->host_health[i] == now + 1)
                        continue;
                bool first = a->host_health[i] == 0;
                a->host_health[i] = now + 1;
                sc_store_host_set(a->store, ret[i].name, ret[i].address, ret[i].healthy, ret[i].error);
                if (!first || !ret[i].healthy) {
                        char msg[320];
                        sfmt(msg, sizeof(msg), "host %s %s%s%s", ret[i].name, ret[i].healthy ? "healthy" : "lost",
                             ret[i].error[0] ? ": " : "", ret[i].error);
                        sc_act_emit(a, "host", msg, "host", ret[i].name, "healthy",
                                    ret[i].healthy ? "true" : "false", NULL);
                }
        }
        pthread_mutex_lock(&a->lock);
        for (struct act_clone *c = a->clones; c; c = c->next)
                if (c->host >= 0 && (size_t)c->host < n && !c->host_lost && sc_clone_state_live(c->state))
                        ret[c->host].clones++;
        pthread_mutex_unlock(&a->lock);
        for (size_t i = 0; i < n; i++)
                ret[i].memory_used_bytes = ret[i].clones * a->fx.mem_bytes;
        return n;
}
