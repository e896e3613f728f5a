/* snowscalectl: the operator's command line for snowscaled (its HTTP API over libcurl) and for
 * offline checks (config files, descriptors).
 *
 *   snowscalectl [--url URL] [--token T | --token-file F] [--config FILE] [--json] COMMAND
 *
 * Exit status: 0 success, 1 the operation failed (the daemon's or the checker's reason is
 * printed), 2 usage error.
 *
 * This file: options and dispatch. The parts (snowscalectl.h): snowscalectl_http.c (the API
 * client), snowscalectl_show.c (status, clones and events as tables), snowscalectl_act.c (scale,
 * retire, generation cut), snowscalectl_offline.c (config and descriptor checks, --config). */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "snowscalectl.h"
#include "ss_util.h"

const char *ctl_url = NULL;
char *ctl_token = NULL;
bool ctl_json = false;

void ctl_usage(FILE *f)
{
        fprintf(f,
                "usage: snowscalectl [OPTIONS] COMMAND\n"
                "\n"
                "commands:\n"
                "  status [--brief]           the pool at a glance (--brief: one line)\n"
                "  clones [--metrics]         clones and their state (--metrics: every pair the app in\n"
                "                             each guest reports, e.g. items=64 hits=1830)\n"
                "  hosts                      the worker hosts of a multi-host pool: health, capacity\n"
                "  events [--since ID] [--limit N] [--follow]   the newest events (or those after ID),\n"
                "                             oldest first; --follow keeps printing new ones\n"
                "  scale N | scale policy     set a manual desired count, or return control to the policy\n"
                "  retire ID                  drain and retire one clone\n"
                "  generation cut             cut a new generation from the parent now\n"
                "  config check FILE          validate a snowscale.yaml (every problem, file:line:col)\n"
                "  config get KEY [--config FILE | FILE]   one resolved value, e.g. state_dir, api.listen\n"
                "  descriptor inspect FILE    describe a generation descriptor file\n"
                "\n"
                "options:\n"
                "  --url URL          snowscaled API (default $SNOWSCALE_URL or " DEFAULT_URL ")\n"
                "  --token TOKEN      bearer token for scale/retire/generation (default $SNOWSCALE_TOKEN)\n"
                "  --token-file FILE  read the token from FILE\n"
                "  --config FILE      take api.listen and api.token from a snowscale.yaml\n"
                "  --json             print the API's JSON instead of tables\n");
}

int main(int argc, char **argv)
{
        static const struct option opts[] = {
                { "url", required_argument, NULL, 'u' },
                { "token", required_argument, NULL, 't' },
                { "token-file", required_argument, NULL, 'T' },
                { "config", required_argument, NULL, 'c' },
                { "json", no_argument, NULL, 'j' },
                { "help", no_argument, NULL, 'h' },
                { 0 },
        };
        const char *config = NULL;
        char *cfg_url = NULL;
        int opt, rc;

        /* Options may follow the command too ("descriptor inspect F --json"): stop at the first
         * non-option so that subcommands parse their own. */
        while ((opt = getopt_long(argc, argv, "+u:t:T:c:jh", opts, NULL)) != -1) {
                switch (opt) {
                case 'u': ctl_url = optarg; break;
                case 't': free(ctl_token); ctl_token = strdup(optarg); break;
                case 'T': {
                        size_t len;
                        free(ctl_token);
                        ctl_token = NULL;
                        int r = ss_read_file(optarg, 4096, &ctl_token, &len);
                        if (r < 0) {
                                fprintf(stderr, "snowscalectl: cannot read token file %s: %s\n", optarg,
                                        strerror(-r));
                                return 1;
                        }
                        while (len && (ctl_token[len - 1] == '\n' || ctl_token[len - 1] == '\r'))
                                ctl_token[--len] = 0;
                        break;
                }
                case 'c': config = optarg; break;
                case 'j': ctl_json = true; break;
                case 'h': ctl_usage(stdout); return 0;
                default: ctl_usage(stderr); return 2;
                }
        }
        argc -= optind;
        argv += optind;
        /* a trailing --json after the command is accepted too */
        while (argc > 0 && strcmp(argv[argc - 1], "--json") == 0 &&
               !(argc >= 2 && strcmp(argv[0], "descriptor") == 0)) {
                ctl_json = true;
                argc--;
        }
        if (argc < 1) {
                ctl_usage(stderr);
                return 2;
        }
        if (strcmp(argv[0], "config") == 0) {
                if (argc == 3 && strcmp(argv[1], "check") == 0)
                        return ctl_config_check(argv[2]);
                if (argc >= 3 && strcmp(argv[1], "get") == 0) {
                        const char *file = config;
                        if (argc == 5 && strcmp(argv[3], "--config") == 0)
                                file = argv[4];
                        else if (argc == 4)
                                file = argv[3];
                        else if (argc != 3)
                                file = NULL;
                        if (file)
                                return ctl_config_get(argv[2], file);
                }
                ctl_usage(stderr);
                return 2;
        }
        if (strcmp(argv[0], "descriptor") == 0) {
                if (argc < 3 || strcmp(argv[1], "inspect") != 0) {
                        ctl_usage(stderr);
                        return 2;
                }
                return ctl_descriptor_inspect(argc - 2, argv + 2);
        }

        if (!ctl_token && getenv("SNOWSCALE_TOKEN"))
                ctl_token = strdup(getenv("SNOWSCALE_TOKEN"));
        if (config && ctl_use_config(config, &cfg_url) < 0)
                return 1;
        if (!ctl_url)
                ctl_url = cfg_url ? cfg_url : getenv("SNOWSCALE_URL") ? getenv("SNOWSCALE_URL") : DEFAULT_URL;
        curl_global_init(CURL_GLOBAL_DEFAULT);
        if (strcmp(argv[0], "status") == 0 && argc == 1)
                rc = ctl_status(false);
        else if (strcmp(argv[0], "status") == 0 && argc == 2 && strcmp(argv[1], "--brief") == 0)
                rc = ctl_status(true);
        else if (strcmp(argv[0], "clones") == 0 && argc == 1)
                rc = ctl_clones(false);
        else if (strcmp(argv[0], "clones") == 0 && argc == 2 && strcmp(argv[1], "--metrics") == 0)
                rc = ctl_clones(true);
        else if (strcmp(argv[0], "hosts") == 0 && argc == 1)
                rc = ctl_hosts();
        else if (strcmp(argv[0], "events") == 0)
                rc = ctl_events(argc - 1, argv + 1);
        else if (strcmp(argv[0], "scale") == 0 && argc == 2)
                rc = ctl_scale(argv[1]);
        else if (strcmp(argv[0], "retire") == 0 && argc == 2)
                rc = ctl_retire(argv[1]);
        else if (strcmp(argv[0], "generation") == 0 && argc == 2 && strcmp(argv[1], "cut") == 0)
                rc = ctl_generation_cut();
        else {
                ctl_usage(stderr);
                rc = 2;
        }
        curl_global_cleanup();
        free(cfg_url);
        free(ctl_token);
        return rc;
}

