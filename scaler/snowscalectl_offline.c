/* snowscalectl_offline.c: the commands that need no daemon (config check, config get,
 * descriptor inspect) and --config, which reads the daemon's address and token from its file. */
#include <stdlib.h>
#include <string.h>

#include "clonecore/cc.h"
#include "pol.h"
#include "snowscalectl.h"

int ctl_config_check(const char *file)
{
        struct pol_config *c = NULL;
        struct pol_diags d = {0};
        int r = pol_config_load(file, &c, &d);
        if (r < 0) {
                pol_diags_print(&d, stderr);
                if (d.n == 0)
                        fprintf(stderr, "%s: %s\n", file, strerror(-r));
                fprintf(stderr, "%s: %zu problem%s; not valid\n", file, d.n, d.n == 1 ? "" : "s");
                pol_diags_free(&d);
                return 1;
        }
        if (d.n)                        /* warnings on a valid file */
                pol_diags_print(&d, stderr);
        pol_diags_free(&d);
        if (ctl_json) {
                json_object *o = json_object_new_object();
                json_object_object_add(o, "file", json_object_new_string(file));
                json_object_object_add(o, "ok", json_object_new_boolean(true));
                json_object_object_add(o, "pool", json_object_new_string(c->pool ? c->pool : ""));
                json_object_object_add(o, "mode", json_object_new_string(c->mode == POL_MODE_OBSERVE ? "observe" : "active"));
                ctl_print_json(o);
                json_object_put(o);
        } else {
                char tgt[32];
                if (c->policy.metrics[0].metric <= POL_METRIC_P99_LATENCY)
                        ctl_fmt_us(tgt, sizeof(tgt), c->policy.metrics[0].target);
                else
                        snprintf(tgt, sizeof(tgt), "%g", c->policy.metrics[0].target);
                printf("%s: ok (pool %s, mode %s, %s target %s%s, clones %d..%d, api %s)\n", file,
                       c->pool ? c->pool : "?", c->mode == POL_MODE_OBSERVE ? "observe" : "active",
                       pol_metric_name(c->policy.metrics[0].metric), tgt,
                       c->policy.n_metrics > 1 ? " and more" : "",
                       c->policy.min_clones, c->policy.max_clones, c->api.listen ? c->api.listen : "?");
        }
        pol_config_free(c);
        return 0;
}

/* `config get KEY`: one resolved value (relative paths already resolved against the file's
 * directory), for scripts such as the appliance launcher. */
int ctl_config_get(const char *key, const char *file)
{
        struct pol_config *c = NULL;
        struct pol_diags d = {0};
        char num[64];
        const char *v = NULL;
        bool known = true;
        int rc = 0;

        if (pol_config_load(file, &c, &d) < 0) {
                pol_diags_print(&d, stderr);
                fprintf(stderr, "snowscalectl: %s is not valid (snowscalectl config check %s)\n", file, file);
                pol_diags_free(&d);
                return 1;
        }
        pol_diags_free(&d);
        if (strcmp(key, "pool") == 0) v = c->pool;
        else if (strcmp(key, "mode") == 0) v = c->mode == POL_MODE_OBSERVE ? "observe" : "active";
        else if (strcmp(key, "service.name") == 0) v = c->service.name;
        else if (strcmp(key, "service.front_listen") == 0) v = c->service.front_listen;
        else if (strcmp(key, "service.upstream") == 0) v = c->service.upstream;
        else if (strcmp(key, "api.listen") == 0) v = c->api.listen;
        else if (strcmp(key, "api.token") == 0) v = c->api.token;
        else if (strcmp(key, "state_dir") == 0) v = c->state_dir;
        else if (strcmp(key, "driver.kind") == 0) v = c->driver.kind == POL_DRIVER_XEN ? "xen" : "qemu";
        else if (strcmp(key, "driver.kernel") == 0) v = c->driver.kernel;
        else if (strcmp(key, "driver.initrd") == 0) v = c->driver.initrd;
        else if (strcmp(key, "driver.qemu_binary") == 0) v = c->driver.qemu_binary;
        else if (strcmp(key, "driver.disk") == 0) v = c->driver.disk;
        else if (strcmp(key, "network.mode") == 0) v = c->network.mode == POL_NET_BRIDGE ? "bridge" : "user";
        else if (strcmp(key, "network.bridge") == 0) v = c->network.mode == POL_NET_BRIDGE ? c->network.bridge : NULL;
        else if (strcmp(key, "lb.listen") == 0) v = c->lb.listen;
        else if (strcmp(key, "lb.token") == 0) v = c->lb.token ? c->lb.token : c->api.token;
        else if (strcmp(key, "lb.nginx_binary") == 0) v = c->lb.nginx_binary;
        else if (strcmp(key, "policy.min_clones") == 0) {
                snprintf(num, sizeof(num), "%d", c->policy.min_clones);
                v = num;
        } else if (strcmp(key, "policy.max_clones") == 0) {
                snprintf(num, sizeof(num), "%d", c->policy.max_clones);
                v = num;
        } else if (strcmp(key, "tick_us") == 0) {
                snprintf(num, sizeof(num), "%llu", (unsigned long long)c->tick_us);
                v = num;
        } else
                known = false;
        if (!known) {
                fprintf(stderr, "snowscalectl: config get: unknown key \"%s\" (pool mode service.name "
                                "service.front_listen service.upstream api.listen api.token state_dir "
                                "driver.kind driver.kernel driver.initrd driver.qemu_binary driver.disk network.mode "
                                "network.bridge lb.listen "
                                "lb.token lb.nginx_binary policy.min_clones policy.max_clones tick_us)\n", key);
                rc = 2;
        } else if (!v) {
                rc = 1;                 /* unset: nothing printed, a script can tell */
        } else {
                printf("%s\n", v);
        }
        pol_config_free(c);
        return rc;
}

int ctl_descriptor_inspect(int argc, char **argv)
{
        const char *file = NULL;
        bool j = ctl_json;
        for (int i = 0; i < argc; i++) {
                if (strcmp(argv[i], "--json") == 0)
                        j = true;
                else if (!file)
                        file = argv[i];
                else {
                        ctl_usage(stderr);
                        return 2;
                }
        }
        if (!file) {
                ctl_usage(stderr);
                return 2;
        }
        return cc_descriptor_inspect(stdout, file, j) < 0 ? 1 : 0;
}

/* --config: where the daemon listens and its token, from the same file it reads. */
int ctl_use_config(const char *file, char **url_out)
{
        struct pol_config *c = NULL;
        struct pol_diags d = {0};
        if (pol_config_load(file, &c, &d) < 0) {
                pol_diags_print(&d, stderr);
                fprintf(stderr, "snowscalectl: cannot use %s\n", file);
                pol_diags_free(&d);
                return -1;
        }
        pol_diags_free(&d);
        if (asprintf(url_out, "http://%s", c->api.listen ? c->api.listen : "127.0.0.1:8900") < 0)
                *url_out = NULL;
        if (!ctl_token && c->api.token)
                ctl_token = strdup(c->api.token);
        pol_config_free(c);
        return 0;
}
