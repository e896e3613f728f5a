/* sf-descriptor: publish a checkpoint as a generation, or describe a descriptor file.
 *
 *   sf-descriptor inspect FILE [--json]
 *   sf-descriptor publish --state-dir DIR --gen-dir DIR --mem FILE --state FILE [--id N]
 *                 [--parent N] [--driver NAME] [--vm-config JSON] [--hostname-prefix P]
 * publish hashes the memory image (which must be inside --gen-dir), fills the page store
 * <state-dir>/store and writes <gen-dir>/descriptor.sfd. */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cc_internal.h"
#include "ss_log.h"

static void usage(void)
{
        fprintf(stderr, "usage: sf-descriptor inspect FILE [--json]\n"
                        "       sf-descriptor publish --state-dir DIR --gen-dir DIR --mem FILE --state FILE\n"
                        "                     [--id N] [--parent N] [--driver NAME] [--vm-config JSON]\n"
                        "                     [--hostname-prefix P]\n");
}

static void progress(uint64_t done, uint64_t total, void *userdata)
{
        log_info("hashed %" PRIu64 " of %" PRIu64 " MiB", done >> 20, total >> 20);
}

static int publish(int argc, char **argv)
{
        static const struct option lo[] = {
                { "state-dir", required_argument, NULL, 's' }, { "gen-dir", required_argument, NULL, 'g' },
                { "mem", required_argument, NULL, 'm' }, { "state", required_argument, NULL, 'b' },
                { "id", required_argument, NULL, 'i' }, { "parent", required_argument, NULL, 'p' },
                { "driver", required_argument, NULL, 'd' }, { "vm-config", required_argument, NULL, 'c' },
                { "hostname-prefix", required_argument, NULL, 'n' }, { 0 },
        };
        struct cc_engine_config ec = {0};
        struct cc_publish_opts po = { .driver_name = "none", .progress = progress };
        struct cc_checkpoint *cp = calloc(1, sizeof(*cp));
        const char *gen_dir = NULL, *mem = NULL, *state = NULL, *vm_config = "{}";
        char why[CC_REASON_MAX] = "";
        struct cc_engine *e = NULL;
        struct cc_generation *g = NULL;
        int c, r, rc = 1;

        if (!cp)
                return 1;
        while ((c = getopt_long(argc, argv, "", lo, NULL)) != -1) {
                switch (c) {
                case 's': ec.state_dir = optarg; break;
                case 'g': gen_dir = optarg; break;
                case 'm': mem = optarg; break;
                case 'b': state = optarg; break;
                case 'i': po.id = strtoull(optarg, NULL, 10); break;
                case 'p': po.parent = strtoull(optarg, NULL, 10); break;
                case 'd': po.driver_name = optarg; break;
                case 'c': vm_config = optarg; break;
                case 'n': po.hostname_prefix = optarg; break;
                default: usage(); free(cp); return 2;
                }
        }
        if (!ec.state_dir || !gen_dir || !mem || !state || strlen(vm_config) >= sizeof(cp->vm_config_json)) {
                usage();
                free(cp);
                return 2;
        }
        FILE *f = fopen(mem, "re");
        if (!f || fseeko(f, 0, SEEK_END) < 0) {
                log_error("cannot open memory image %s: %s", mem, strerror(errno));
                if (f)
                        fclose(f);
                free(cp);
                return 1;
        }
        cp->mem_bytes = (uint64_t)ftello(f);
        fclose(f);
        snprintf(cp->mem_path, sizeof(cp->mem_path), "%s", mem);
        snprintf(cp->state_path, sizeof(cp->state_path), "%s", state);
        snprintf(cp->vm_config_json, sizeof(cp->vm_config_json), "%s", vm_config);
        cp->page_size = 4096;
        r = cc_engine_new(&ec, &e, why, sizeof(why));
        if (r == 0)
                r = cc_generation_publish(e, gen_dir, cp, &po, &g, why, sizeof(why));
        if (r < 0) {
                log_error("%s", why);
                goto out;
        }
        struct cc_generation_info i;
        cc_generation_info(g, &i);
        printf("published generation %" PRIu64 ": pages=%" PRIu64 " zero=%" PRIu64 " distinct=%" PRIu64
               " new_store_pages=%" PRIu64 " descriptor_bytes=%" PRIu64 " publish_ms=%.1f descriptor=%s\n",
               i.id, i.pages, i.zero_pages, i.distinct_pages, i.new_store_pages, i.descriptor_bytes,
               (double)i.publish_ns / 1e6, i.descriptor_path);
        rc = 0;
out:
        cc_engine_free(e);
        free(cp);
        return rc;
}

int main(int argc, char **argv)
{
        ss_log_init("sf-descriptor", LOG_INFO);
        if (argc >= 3 && strcmp(argv[1], "inspect") == 0) {
                bool json = argc >= 4 && strcmp(argv[3], "--json") == 0;
                if (argc > 4 || (argc == 4 && !json)) {
                        usage();
                        return 2;
                }
                return cc_descriptor_inspect(stdout, argv[2], json) < 0 ? 1 : 0;
        }
        if (argc >= 2 && strcmp(argv[1], "publish") == 0)
                return publish(argc - 1, argv + 1);
        usage();
        return 2;
}
