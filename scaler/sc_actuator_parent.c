/* sc_actuator_parent: the parent worker (see sc_actuator_parent.h). Its thread owns the parent
 * VM: boot (or adoption), warm-up, the generation cuts and garbage collection the loop asks for,
 * re-registration with a restarted snowscale-lb, and a new parent when the VM dies. */
#include "sc_actuator_parent.h"

#include <curl/curl.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sc_actuator_gen.h"
#include "sc_actuator_lb.h"
#include "sc_actuator_recover.h"
#include "ss_log.h"

struct parent_arg {
        struct sc_actuator *a;
        struct cc_vm *vm;               /* adopted from a previous run, or NULL */
};

static bool parent_should_stop(struct sc_actuator *a)
{
        bool r;

        pthread_mutex_lock(&a->lock);
        r = a->shutting_down;
        pthread_mutex_unlock(&a->lock);
        return r;
}

/* GETs every warm-up path through the parent so that the generation carries warm caches. */
static void parent_warmup(struct sc_actuator *a, const char *address)
{
        /* A few requests in flight on kept-alive connections: a warm-up set of thousands of cache
         * keys should take seconds, not a connection setup per key. */
        enum { WARMUP_PARALLEL = 4 };
        char **urls = NULL, msg[256];
        size_t n = 0, ok = 0, next = 0, done = 0, shown = 0;
        CURL *h[WARMUP_PARALLEL] = { NULL };
        char buf[WARMUP_PARALLEL][1024];
        CURLM *m = NULL;
        int running = 0;

        /* a reload may swap the list (set_config): work on a copy */
        pthread_mutex_lock(&a->lock);
        urls = a->fx.n_warmup ? calloc(a->fx.n_warmup, sizeof(*urls)) : NULL;
        for (size_t i = 0; urls && i < a->fx.n_warmup; i++)
                if ((urls[n] = strdup(a->fx.warmup[i])))
                        n++;
        pthread_mutex_unlock(&a->lock);
        if (n == 0 || !(m = curl_multi_init()))
                goto out;
        for (int k = 0; k < WARMUP_PARALLEL; k++) {
                if (!(h[k] = curl_easy_init()))
                        goto out;
                curl_easy_setopt(h[k], CURLOPT_WRITEFUNCTION, sc_act_discard);
                curl_easy_setopt(h[k], CURLOPT_TIMEOUT_MS, 10000L);
                curl_easy_setopt(h[k], CURLOPT_NOSIGNAL, 1L);
                curl_easy_setopt(h[k], CURLOPT_PRIVATE, (char *)buf[k]);
        }
        log_info("actuator: warming up the parent: %zu URLs, %d at a time", n, WARMUP_PARALLEL);
        for (int k = 0; k < WARMUP_PARALLEL && next < n; k++, next++) {
                sfmt(buf[k], sizeof(buf[k]), "http://%s%s%s", address, urls[next][0] == '/' ? "" : "/", urls[next]);
                curl_easy_setopt(h[k], CURLOPT_URL, buf[k]);
                curl_multi_add_handle(m, h[k]);
        }
        while (done < n) {
                CURLMsg *msgp;
                int left;

                if (curl_multi_perform(m, &running) != CURLM_OK)
                        break;
                while ((msgp = curl_multi_info_read(m, &left))) {
                        CURL *e = msgp->easy_handle;
                        char *url = NULL;
                        long code = 0;

                        if (msgp->msg != CURLMSG_DONE)
                                continue;
                        curl_easy_getinfo(e, CURLINFO_PRIVATE, &url);
                        curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &code);
                        if (msgp->data.result == CURLE_OK && code / 100 == 2)
                                ok++;
                        else
                                log_warn("actuator: warm-up GET %s did not answer 2xx (%ld)", url, code);
                        done++;
                        curl_multi_remove_handle(m, e);
                        if (next < n) {
                                sfmt(url, sizeof(buf[0]), "http://%s%s%s", address,
                                     urls[next][0] == '/' ? "" : "/", urls[next]);
                                next++;
                                curl_easy_setopt(e, CURLOPT_URL, url);
                                curl_multi_add_handle(m, e);
                        }
                }
                if (n >= 100 && done * 10 / n > shown) {
                        shown = done * 10 / n;
                        log_info("actuator: warm-up %zu/%zu URLs", done, n);
                }
                if (parent_should_stop(a))
                        break;
                if (done < n)
                        curl_multi_poll(m, NULL, 0, 100, NULL);
        }
        sfmt(msg, sizeof(msg), "parent warmed up: %zu of %zu URLs answered", ok, n);
        log_info("actuator: %s", msg);
        sc_act_emit(a, "generation", msg, NULL);
out:
        for (int k = 0; k < WARMUP_PARALLEL; k++) {
                if (h[k] && m)
                        curl_multi_remove_handle(m, h[k]);
                curl_easy_cleanup(h[k]);
        }
        curl_multi_cleanup(m);
        for (size_t i = 0; i < n; i++)
                free(urls[i]);
        free(urls);
}

static void parent_set(struct sc_actuator *a, enum act_parent_state st, const char *address)
{
        pthread_mutex_lock(&a->lock);
        a->parent_state = st;
        if (address)
                copy_str(a->parent_address, sizeof(a->parent_address), address);
        pthread_cond_broadcast(&a->cond);
        pthread_mutex_unlock(&a->lock);
}

/* Boots (or takes the adopted) parent and waits until its guest is ready. */
static int parent_up(struct sc_actuator *a, struct cc_vm **vm, struct cc_vm_status *st, char *why,
                     size_t whylen)
{
        const struct act_fixed *fx = &a->fx;
        const char *run_dir = fx->parent_dir;
        uint64_t deadline, timeout_us;
        int r;

        if (!*vm) {
                struct cc_disk disk = { .path = fx->disk };     /* runs on an overlay of it */
                struct cc_net net;
                r = sc_act_net_for(a, "parent", fx->port_base, &net, why, whylen);
                if (r < 0)
                        return r;
                struct cc_vm_config vc = {
                        .name = "parent", .run_dir = run_dir,
                        .kernel = fx->kernel[0] ? fx->kernel : NULL, .initrd = fx->initrd,
                        .disks = fx->disk[0] ? &disk : NULL, .ndisks = fx->disk[0] ? 1 : 0,
                        .cmdline = fx->cmdline, .mem_bytes = fx->mem_bytes, .vcpus = fx->vcpus,
                        .accel = fx->accel, .binary = fx->binary[0] ? fx->binary : NULL,
                        .guest_port = fx->guest_port, .net = net,
                        /* restore: every cut also saves the whole memory for the restores */
                        .driver_opts = fx->boot == POL_BOOT_RESTORE ? "full_state=1" : NULL,
                };
                sc_act_rm_rf(run_dir);
                r = ss_mkdir_p(run_dir, 0700);
                if (r < 0) {
                        sfmt(why, whylen, "cannot create %s: %s", run_dir, strerror(-r));
                        return r;
                }
                if (net.kind == CC_NET_BRIDGE)
                        log_info("actuator: booting the parent from %s%s%s (%s on bridge %s)",
                                 fx->kernel[0] ? fx->kernel : "its disk's bootloader", fx->disk[0] ? ", disk " : "",
                                 fx->disk, net.ipv4, net.bridge);
                else
                        log_info("actuator: booting the parent from %s%s%s (port %u)",
                                 fx->kernel[0] ? fx->kernel : "its disk's bootloader", fx->disk[0] ? ", disk " : "",
                                 fx->disk, fx->port_base);
                r = a->drv->boot_parent(&vc, vm, why, whylen);
                if (r < 0)
                        return r;
        }
        pthread_mutex_lock(&a->lock);
        timeout_us = a->live.ready_timeout_us;
        pthread_mutex_unlock(&a->lock);
        /* a cold boot takes longer than a clone's resume: at least a minute */
        if (timeout_us < 60000000ull)
                timeout_us = 60000000ull;
        deadline = now_ns() + timeout_us * 1000;
        for (;;) {
                memset(st, 0, sizeof(*st));
                r = a->drv->status(*vm, st);
                if (r < 0) {
                        sfmt(why, whylen, "driver status: %s", strerror(-r));
                        break;
                }
                if (st->state == CC_VM_RUNNING)
                        return 0;
                if (st->state == CC_VM_EXITED) {
                        sfmt(why, whylen, "parent VM exited: %s", st->reason);
                        r = -ECHILD;
                        break;
                }
                if (parent_should_stop(a))
                        return -ECANCELED;      /* *vm stays: shutdown decides its fate */
                if (now_ns() >= deadline) {
                        if (st->agent_silent)   /* an image without the agent, a dead port */
                                sfmt(why, whylen, "parent guest not ready: no agent answered on the "
                                     "virtio-serial port within %.0f s", timeout_us / 1e6);
                        else
                                sfmt(why, whylen, "parent guest not ready within %.0f s", timeout_us / 1e6);
                        r = -ETIMEDOUT;
                        break;
                }
                pause_for(a, ACT_POLL_NS * 2);          /* status() is all the driver offers */
        }
        sc_act_vm_stop(a, *vm);
        *vm = NULL;
        return r;
}

static void *parent_main(void *arg)
{
        struct parent_arg *pa = arg;
        struct sc_actuator *a = pa->a;
        struct cc_vm *vm = pa->vm;
        struct cc_vm_status st;
        char why[CC_REASON_MAX], msg[768];
        bool registered = false, stop_vms;
        int failures = 0, r;

        free(pa);
        sc_act_recover_lb(a, vm != NULL);
        while (!parent_should_stop(a)) {
                bool adopted = vm != NULL;

                parent_set(a, PARENT_BOOTING, NULL);
                why[0] = 0;
                r = parent_up(a, &vm, &st, why, sizeof(why));
                if (r == -ECANCELED)
                        break;
                if (r < 0) {
                        uint64_t delay;
                        bool raise;

                        failures++;
                        sfmt(msg, sizeof(msg), "parent did not come up: %s", why[0] ? why : strerror(-r));
                        pthread_mutex_lock(&a->lock);
                        raise = a->live.max_failures > 0 && failures == a->live.max_failures;
                        delay = a->live.backoff_us << (failures < 8 ? failures - 1 : 7);
                        if (delay > ACT_BACKOFF_MAX_US)
                                delay = ACT_BACKOFF_MAX_US;
                        pthread_mutex_unlock(&a->lock);
                        /* once, with what is done about it */
                        if (raise)
                                log_error("actuator: %s; cloning stopped (alert), booting again in %.1f s", msg,
                                          delay / 1e6);
                        else
                                log_error("actuator: %s; booting again in %.1f s", msg, delay / 1e6);
                        sc_act_emit(a, "error", msg, NULL);
                        pthread_mutex_lock(&a->lock);
                        if (raise) {
                                sfmt(a->alert, sizeof(a->alert), "%.500s", msg);
                                a->stopped = true;
                                pthread_mutex_unlock(&a->lock);
                                sc_act_emit(a, "alert", msg, NULL);
                                pthread_mutex_lock(&a->lock);
                        }
                        a->parent_state = PARENT_FAILED;
                        if (!a->shutting_down)
                                wait_until(a, now_ns() + delay * 1000);
                        pthread_mutex_unlock(&a->lock);
                        continue;
                }
                failures = 0;
                log_info("actuator: parent %s at %s", adopted ? "adopted" : "ready", st.address);
                if (!adopted)
                        parent_warmup(a, st.address);
                pthread_mutex_lock(&a->lock);
                bool need_gen = POL_BOOT_FROM_GENERATION(a->fx.boot) && (a->n_gens == 0 || !adopted);
                pthread_mutex_unlock(&a->lock);
                /* a rebooted parent has fresh memory: clones keep using the old generation files,
                 * but the newest generation should reflect the parent that serves now */
                uint64_t retry_cut_ns = 0, next_status = 0, retry_delay_ns = 5000000000ull;
                int cut_failures = 0;
                unsigned status_checks = 0;

                if (need_gen && sc_act_gen_cut(a, vm, adopted ? "parent adopted without a usable generation" :
                                        "parent booted and warmed up") < 0)
                        retry_cut_ns = now_ns() + retry_delay_ns;
                parent_set(a, PARENT_READY, st.address);
                if (a->fx.parent_serve) {
                        r = sc_alb_add(a->lb, "parent", st.address, why, sizeof(why));
                        if (r < 0 && r != -EEXIST) {
                                /* the periodic check below registers it once the agent answers */
                                log_warn("actuator: registering the parent with snowscale-lb: %s", why);
                                sc_act_emit(a, "error", why, NULL);
                        }
                        registered = true;
                }

                /* Serve requests from the loop until the parent dies or shutdown. */
                for (;;) {
                        bool cut, gc, stop, rewarm;
                        char cause[64];

                        pthread_mutex_lock(&a->lock);
                        if (!a->cut_requested && !a->gc_requested && !a->warmup_changed && !a->shutting_down)
                                wait_until(a, next_status > now_ns() ? next_status : now_ns() + 1000000000ull);
                        rewarm = a->warmup_changed;
                        a->warmup_changed = false;
                        cut = a->cut_requested;
                        gc = a->gc_requested;
                        copy_str(cause, sizeof(cause), a->cut_cause);
                        stop = a->shutting_down;
                        a->cut_requested = a->gc_requested = false;
                        pthread_mutex_unlock(&a->lock);
                        if (stop)
                                goto out;
                        /* without any generation nothing can be cloned: keep trying */
                        if (retry_cut_ns && now_ns() >= retry_cut_ns) {
                                if (retry_delay_ns < ACT_BACKOFF_MAX_US * 1000 / 2)
                                        retry_delay_ns *= 2;
                                retry_cut_ns = sc_act_gen_cut(a, vm, "retry after a failed cut") < 0 ?
                                               now_ns() + retry_delay_ns : 0;
                                if (retry_cut_ns && ++cut_failures == a->live.max_failures) {
                                        sfmt(msg, sizeof(msg), "no generation to clone from: cutting one "
                                             "failed %d times (see the error events)", cut_failures + 1);
                                        pthread_mutex_lock(&a->lock);
                                        sfmt(a->alert, sizeof(a->alert), "%s", msg);
                                        a->stopped = true;
                                        pthread_mutex_unlock(&a->lock);
                                        log_error("actuator: %s; cloning stopped (alert)", msg);
                                        sc_act_emit(a, "alert", msg, NULL);
                                }
                        }
                        if (rewarm && POL_BOOT_FROM_GENERATION(a->fx.boot)) {
                                parent_warmup(a, a->parent_address);
                                if (sc_act_gen_cut(a, vm, "warm-up set changed") == 0)
                                        gc = true;
                        }
                        if (cut && POL_BOOT_FROM_GENERATION(a->fx.boot))
                                sc_act_gen_cut(a, vm, cause[0] ? cause : "requested");
                        if (gc || cut)
                                sc_act_gen_gc(a);
                        if (now_ns() < next_status)
                                continue;
                        next_status = now_ns() + 1000000000ull;
                        /* a restarted snowscale-lb forgot the parent: give it back */
                        if (registered && ++status_checks % 5 == 0) {
                                char lbstate[16];

                                if (sc_alb_state(a->lb, "parent", lbstate, sizeof(lbstate), NULL, why, sizeof(why)) == -ENOENT &&
                                    sc_alb_add(a->lb, "parent", a->parent_address, why, sizeof(why)) == 0)
                                        log_info("actuator: registered the parent with snowscale-lb again");
                        }
                        memset(&st, 0, sizeof(st));
                        if (a->drv->status(vm, &st) == 0 && st.state == CC_VM_EXITED) {
                                sfmt(msg, sizeof(msg), "parent VM exited (%s); booting a new one",
                                         st.reason);
                                log_error("actuator: %s", msg);
                                sc_act_emit(a, "error", msg, NULL);
                                a->drv->destroy(vm);
                                vm = NULL;
                                break;
                        }
                }
        }
out:
        pthread_mutex_lock(&a->lock);
        stop_vms = a->stop_vms;
        pthread_mutex_unlock(&a->lock);
        if (stop_vms) {
                if (registered)
                        sc_alb_delete(a->lb, "parent", 0, why, sizeof(why));
                sc_act_vm_stop(a, vm);
        } else if (vm) {
                a->drv->destroy(vm);    /* handle only: the next start adopts the VM */
        }
        parent_set(a, PARENT_OFF, NULL);
        return NULL;
}

int sc_act_parent_start(struct sc_actuator *a, struct cc_vm *adopted)
{
        struct parent_arg *pa = calloc(1, sizeof(*pa));
        int r;

        if (!pa)
                return -ENOMEM;
        pa->a = a;
        pa->vm = adopted;
        a->parent_state = PARENT_BOOTING;
        r = -pthread_create(&a->parent_thread, NULL, parent_main, pa);
        if (r < 0) {
                a->parent_state = PARENT_OFF;
                free(pa);
                return r;
        }
        a->parent_started = true;
        return 0;
}
