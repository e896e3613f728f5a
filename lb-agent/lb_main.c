/* snowscale-lb: command line, configuration (the shared snowscale.yaml through pol_config_load),
 * overrides, then the agent's loop. */
#include "lb.h"
#include "lb_api.h"

#include <curl/curl.h>
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ss_log.h"
#include "ss_util.h"

#if LB_HAVE_POL
#include "pol.h"
#endif

static void usage(FILE *f)
{
        fprintf(f,
"usage: snowscale-lb [--config FILE] [options]\n"
"Owns nginx's upstream set for snowscale: registers health-checked backends, reloads nginx\n"
"gracefully, drains retired backends, ships per-request latency to snowscaled.\n"
"\n"
"  --config FILE              snowscale.yaml (sections lb, service, api, state_dir)\n"
"  --state-dir DIR            base state dir; the agent uses DIR/lb (default /var/lib/snowscale)\n"
"  --listen HOST:PORT         API (default 127.0.0.1:8901)\n"
"  --token TOKEN              bearer token for POST/DELETE (default: lb.token, else api.token)\n"
"  --front HOST:PORT          nginx front listen (default 127.0.0.1:8080)\n"
"  --upstream NAME            nginx upstream name (default snowscale_web)\n"
"  --nginx PATH               nginx binary (default /usr/sbin/nginx)\n"
"  --nginx-modules DIR        where ndk_http_module.so and ngx_http_lua_module.so are\n"
"                             (default /usr/lib/nginx/modules)\n"
"  --template FILE            front config template (default: built-in etc/nginx/front.conf.in)\n"
"  --scaler-url URL           snowscaled base URL for samples, or 'none' (default from api.listen;\n"
"                             none without a config file)\n"
"  --scaler-token TOKEN       token for /api/v1/samples (default api.token, else --token)\n"
"  --health-path PATH         (default /healthz)     --health-status N (default 200)\n"
"  --health-attempts N        (default 40)           --health-interval-ms N (default 250)\n"
"  --coalesce-ms N            accepted for old configurations; unused (membership needs no reload)\n"
"  --min-reload-interval-ms N rate cap of configuration reloads (default 250)\n"
"  --drain-timeout-ms N       default drain timeout of DELETE (default 30000)\n"
"  --worker-shutdown-timeout-s N  nginx worker_shutdown_timeout (default 30)\n"
"  --ship-interval-ms N       sample batching period (default 250)\n"
"  --buffer-samples N         samples held while snowscaled is unreachable (default 65536)\n"
"  --keep-nginx               leave nginx running when the agent exits\n"
"  --log-level LEVEL          error|warn|info|debug (default info)\n");
}

enum {
        O_CONFIG = 256, O_STATE, O_LISTEN, O_TOKEN, O_FRONT, O_UPSTREAM, O_NGINX, O_NGINX_MODULES, O_TEMPLATE,
        O_SCALER, O_SCALER_TOKEN, O_HPATH, O_HSTATUS, O_HATTEMPTS, O_HINTERVAL, O_COALESCE,
        O_MINRELOAD, O_DRAIN, O_WST, O_SHIP, O_BUFFER, O_KEEP, O_LOGLEVEL, O_HELP,
};

static int num(const char *name, const char *s, uint64_t lo, uint64_t hi, uint64_t *ret)
{
        char *end;
        unsigned long long v;

        errno = 0;
        v = strtoull(s, &end, 10);
        if (errno || *end || end == s || s[0] == '-' || v < lo || v > hi) {
                log_error("--%s: want an integer %" PRIu64 "..%" PRIu64 ", got '%s'", name, lo, hi, s);
                return -EINVAL;
        }
        *ret = v;
        return 0;
}

static const struct option longopts[] = {
        { "config", 1, 0, O_CONFIG }, { "state-dir", 1, 0, O_STATE },
        { "listen", 1, 0, O_LISTEN }, { "token", 1, 0, O_TOKEN },
        { "front", 1, 0, O_FRONT }, { "upstream", 1, 0, O_UPSTREAM },
        { "nginx", 1, 0, O_NGINX }, { "nginx-modules", 1, 0, O_NGINX_MODULES },
        { "template", 1, 0, O_TEMPLATE },
        { "scaler-url", 1, 0, O_SCALER }, { "scaler-token", 1, 0, O_SCALER_TOKEN },
        { "health-path", 1, 0, O_HPATH }, { "health-status", 1, 0, O_HSTATUS },
        { "health-attempts", 1, 0, O_HATTEMPTS }, { "health-interval-ms", 1, 0, O_HINTERVAL },
        { "coalesce-ms", 1, 0, O_COALESCE }, { "min-reload-interval-ms", 1, 0, O_MINRELOAD },
        { "drain-timeout-ms", 1, 0, O_DRAIN }, { "worker-shutdown-timeout-s", 1, 0, O_WST },
        { "ship-interval-ms", 1, 0, O_SHIP }, { "buffer-samples", 1, 0, O_BUFFER },
        { "keep-nginx", 0, 0, O_KEEP }, { "log-level", 1, 0, O_LOGLEVEL },
        { "help", 0, 0, O_HELP }, { 0 },
};

/* What the options point into; freed once the agent has copied what it keeps. */
struct loaded {
        char *state_dir, *scaler_url;
#if LB_HAVE_POL
        struct pol_config *cfg;
#endif
};

static void loaded_free(struct loaded *m)
{
        free(m->state_dir);
        free(m->scaler_url);
#if LB_HAVE_POL
        pol_config_free(m->cfg);
#endif
        memset(m, 0, sizeof(*m));
}

/* Defaults, then the config file, then the command line (which wins). 0 = ok, 1 = --help,
 * -EINVAL = bad input (already logged), 2 = usage error. Run again on SIGHUP. */
static int load_opts(int argc, char **argv, struct lb_opts *ret, struct loaded *m)
{
        struct lb_opts o = {
                .state_dir = "/var/lib/snowscale", .listen = "127.0.0.1:8901",
                .front = "127.0.0.1:8080", .upstream = "snowscale_web",
                .nginx_binary = "/usr/sbin/nginx", .health_path = "/healthz",
                .health_status = 200, .health_attempts = 40, .health_interval_ms = 250,
                .coalesce_ms = 200, .min_reload_interval_ms = 250, .drain_timeout_ms = 30000,
                .worker_shutdown_timeout_s = 30, .ship_interval_ms = 250, .buffer_samples = 65536,
        };
        const char *config = NULL, *scaler = NULL, *log_level = NULL;
        bool token_set = false, scaler_token_set = false;
        uint64_t v;
        int c, level;

        memset(m, 0, sizeof(*m));
        /* First pass: the config file, so command-line options override it. */
        optind = 0;
        opterr = 0;
        while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1)
                if (c == O_CONFIG)
                        config = optarg;
        if (config) {
#if LB_HAVE_POL
                struct pol_config *cfg;
                struct pol_diags d = { 0 };
                int r = pol_config_load(config, &m->cfg, &d);
                if (r < 0) {
                        if (r == -EINVAL)
                                log_error("%s: invalid configuration:", config);
                        else
                                log_error("%s: %s", config, strerror(-r));
                        pol_diags_print(&d, stderr);
                        pol_diags_free(&d);
                        return -EINVAL;
                }
                pol_diags_free(&d);
                cfg = m->cfg;
                if (cfg->state_dir)
                        o.state_dir = cfg->state_dir;
                if (cfg->lb.listen)
                        o.listen = cfg->lb.listen;
                o.token = cfg->lb.token ? cfg->lb.token : cfg->api.token;
                o.scaler_token = cfg->api.token;
                if (cfg->service.front_listen)
                        o.front = cfg->service.front_listen;
                if (cfg->service.upstream)
                        o.upstream = cfg->service.upstream;
                if (cfg->lb.nginx_binary)
                        o.nginx_binary = cfg->lb.nginx_binary;
                if (cfg->lb.health_path)
                        o.health_path = cfg->lb.health_path;
                if (cfg->lb.health_status)
                        o.health_status = cfg->lb.health_status;
                if (cfg->lb.health_attempts)
                        o.health_attempts = cfg->lb.health_attempts;
                if (cfg->lb.health_interval_us)
                        o.health_interval_ms = cfg->lb.health_interval_us / 1000;
                o.coalesce_ms = cfg->lb.coalesce_us / 1000;
                o.min_reload_interval_ms = cfg->lb.min_reload_interval_us / 1000;
                if (cfg->policy.drain_timeout_us)
                        o.drain_timeout_ms = cfg->policy.drain_timeout_us / 1000;
                if (cfg->api.listen && asprintf(&m->scaler_url, "http://%s", cfg->api.listen) > 0)
                        o.scaler_url = m->scaler_url;
                ss_log_set_level(cfg->log_level);
#else
                log_error("--config: this build of snowscale-lb has no configuration loader "
                          "(policies library missing); use command-line options");
                return -EINVAL;
#endif
        }
        optind = 0;
        opterr = 1;
        while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
                switch (c) {
                case O_CONFIG: break;
                case O_STATE: o.state_dir = optarg; break;
                case O_LISTEN: o.listen = optarg; break;
                case O_TOKEN: o.token = optarg; token_set = true; break;
                case O_FRONT: o.front = optarg; break;
                case O_UPSTREAM: o.upstream = optarg; break;
                case O_NGINX: o.nginx_binary = optarg; break;
                case O_NGINX_MODULES: o.nginx_modules = optarg; break;
                case O_TEMPLATE: o.template_path = optarg; break;
                case O_SCALER: scaler = optarg; break;
                case O_SCALER_TOKEN: o.scaler_token = optarg; scaler_token_set = true; break;
                case O_HPATH: o.health_path = optarg; break;
                case O_KEEP: o.keep_nginx = true; break;
                case O_LOGLEVEL: log_level = optarg; break;
                case O_HSTATUS:
                        if (num("health-status", optarg, 100, 599, &v) < 0) return -EINVAL;
                        o.health_status = (int)v; break;
                case O_HATTEMPTS:
                        if (num("health-attempts", optarg, 1, 100000, &v) < 0) return -EINVAL;
                        o.health_attempts = (int)v; break;
                case O_HINTERVAL:
                        if (num("health-interval-ms", optarg, 1, 3600000, &o.health_interval_ms) < 0) return -EINVAL;
                        break;
                case O_COALESCE:
                        if (num("coalesce-ms", optarg, 0, 60000, &o.coalesce_ms) < 0) return -EINVAL;
                        break;
                case O_MINRELOAD:
                        if (num("min-reload-interval-ms", optarg, 0, 600000, &o.min_reload_interval_ms) < 0) return -EINVAL;
                        break;
                case O_DRAIN:
                        if (num("drain-timeout-ms", optarg, 0, 3600000, &o.drain_timeout_ms) < 0) return -EINVAL;
                        break;
                case O_WST:
                        if (num("worker-shutdown-timeout-s", optarg, 1, 3600, &o.worker_shutdown_timeout_s) < 0) return -EINVAL;
                        break;
                case O_SHIP:
                        if (num("ship-interval-ms", optarg, 10, 60000, &o.ship_interval_ms) < 0) return -EINVAL;
                        break;
                case O_BUFFER:
                        if (num("buffer-samples", optarg, 1, 1u << 24, &v) < 0) return -EINVAL;
                        o.buffer_samples = (size_t)v; break;
                case O_HELP: return 1;
                default: return 2;
                }
        }
        if (optind < argc) {
                log_error("unexpected argument '%s'", argv[optind]);
                return 2;
        }
        if (log_level) {
                level = ss_log_parse_level(log_level);
                if (level < 0) {
                        log_error("--log-level: want error|warn|info|debug, got '%s'", log_level);
                        return -EINVAL;
                }
                ss_log_set_level(level);
        }
        if (scaler)
                o.scaler_url = strcmp(scaler, "none") == 0 ? NULL : scaler;
        if (token_set && !scaler_token_set && !config)
                o.scaler_token = o.token;
        if (o.health_path[0] != '/' || strpbrk(o.health_path, " \r\n")) {
                log_error("--health-path must start with '/' and hold no spaces: '%s'", o.health_path);
                return -EINVAL;
        }
        if (asprintf(&m->state_dir, "%s/lb", o.state_dir) < 0)
                return -ENOMEM;
        o.state_dir = m->state_dir;
        *ret = o;
        return 0;
}

int main(int argc, char **argv)
{
        struct lb_opts o;
        struct loaded m;
        struct lb_agent *a = NULL;
        struct lb_api *api = NULL;
        char err[1024];
        int r;

        ss_log_init("snowscale-lb", LOG_INFO);
        r = load_opts(argc, argv, &o, &m);
        if (r == 1) {
                usage(stdout);
                loaded_free(&m);
                return 0;
        }
        if (r != 0) {
                if (r == 2)
                        usage(stderr);
                loaded_free(&m);
                return r == 2 ? 2 : 1;
        }
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
                log_error("libcurl initialisation failed");
                loaded_free(&m);
                return 1;
        }
        r = lb_agent_new(&o, &a, err, sizeof(err));
        if (r < 0) {
                log_error("cannot start: %s", err);
                curl_global_cleanup();
                loaded_free(&m);
                return 1;
        }
        r = lb_api_start(a, o.listen, o.token, &api);
        if (r < 0) {
                log_error("cannot start: cannot listen on %s: %s", o.listen, strerror(-r));
                lb_agent_free(a);
                curl_global_cleanup();
                loaded_free(&m);
                return 1;
        }
        lb_agent_start(a);
        log_info("snowscale-lb: API http://%s, front %s, state %s, samples -> %s", o.listen, o.front,
                 o.state_dir, o.scaler_url ? o.scaler_url : "(not shipped)");
        if (!o.token || !*o.token)
                log_warn("no API token (lb.token / api.token / --token): anyone who can reach %s "
                         "can change the upstream set", o.listen);
        loaded_free(&m);        /* the agent keeps copies */
        while ((r = lb_agent_run(a)) == 1) {
                /* SIGHUP: a configuration that does not load leaves the running one in place. */
                if (load_opts(argc, argv, &o, &m) == 0)
                        lb_agent_reconfigure(a, &o);
                else
                        log_error("SIGHUP: configuration not reloaded; the running one stays");
                loaded_free(&m);
        }
        lb_api_stop(api);
        lb_agent_free(a);
        curl_global_cleanup();
        return r < 0 ? 1 : 0;
}
