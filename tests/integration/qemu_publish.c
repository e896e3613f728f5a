/* cc-qemu-publish: the engine steps around a QEMU checkpoint, for tests/integration/qemu_remote.sh.
 *   publish --state-dir S --gen-dir S/gen/ID --id ID   checkpoint files (state.bin, mem,
 *           vm_config.json from cc-qemu-tool checkpoint) -> descriptor.sfd + page store S/store
 *           (and the disk layers it reads, S/gen/ID/layers, when cc-qemu-tool wrote them)
 *   extract --descriptor F --out DIR                    descriptor -> DIR/state.bin + DIR/vm_config.json
 *           (what a clone host has: only the descriptor)
 *   drop    --state-dir S --id ID                       load every generation under S/gen, drop ID:
 *           "dropped", or "busy" (exit 3) while another generation reads its disk layer */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>

#include "clonecore/cc.h"

int main(int argc, char **argv)
{
        static const struct option lo[] = { { "state-dir", 1, 0, 's' }, { "gen-dir", 1, 0, 'g' }, { "id", 1, 0, 'i' },
                                            { "descriptor", 1, 0, 'd' }, { "out", 1, 0, 'o' }, { 0, 0, 0, 0 } };
        const char *state_dir = NULL, *gen_dir = NULL, *desc = NULL, *outdir = NULL;
        char why[CC_REASON_MAX] = "", path[PATH_MAX];
        unsigned long long id = 1;
        int opt, rc;

        if (argc < 2)
                return 2;
        optind = 2;
        while ((opt = getopt_long(argc, argv, "", lo, NULL)) != -1) {
                switch (opt) {
                case 's': state_dir = optarg; break;
                case 'g': gen_dir = optarg; break;
                case 'i': id = strtoull(optarg, NULL, 10); break;
                case 'd': desc = optarg; break;
                case 'o': outdir = optarg; break;
                default: return 2;
                }
        }
        if (!strcmp(argv[1], "publish") && state_dir && gen_dir) {
                struct cc_engine_config ec = { .driver = &cc_qemu_driver, .state_dir = state_dir };
                struct cc_publish_opts po = { .id = id };
                struct cc_engine *e = NULL;
                struct cc_generation *g = NULL;
                struct cc_generation_info gi;
                struct cc_checkpoint cp;
                FILE *f;
                size_t n;

                memset(&cp, 0, sizeof(cp));
                snprintf(cp.state_path, sizeof(cp.state_path), "%s/state.bin", gen_dir);
                snprintf(cp.mem_path, sizeof(cp.mem_path), "%s/mem", gen_dir);
                snprintf(path, sizeof(path), "%s/vm_config.json", gen_dir);
                f = fopen(path, "re");
                if (!f) {
                        fprintf(stderr, "%s: %s\n", path, strerror(errno));
                        return 1;
                }
                n = fread(cp.vm_config_json, 1, sizeof(cp.vm_config_json) - 1, f);
                cp.vm_config_json[n] = 0;
                fclose(f);
                struct stat st;
                if (stat(cp.mem_path, &st) < 0) {
                        fprintf(stderr, "%s: %s\n", cp.mem_path, strerror(errno));
                        return 1;
                }
                cp.mem_bytes = (uint64_t)st.st_size;
                cp.page_size = 4096;
                snprintf(path, sizeof(path), "%s/layers", gen_dir);
                if ((f = fopen(path, "re"))) {
                        n = fread(cp.disk_layers, 1, sizeof(cp.disk_layers) - 1, f);
                        cp.disk_layers[n] = 0;
                        fclose(f);
                }
                rc = cc_engine_new(&ec, &e, why, sizeof(why));
                if (rc == 0)
                        rc = cc_generation_publish(e, gen_dir, &cp, &po, &g, why, sizeof(why));
                if (rc == 0 && cc_generation_info(g, &gi) == 0)
                        printf("descriptor=%s descriptor_bytes=%llu distinct_pages=%llu zero_pages=%llu\n",
                               gi.descriptor_path, (unsigned long long)gi.descriptor_bytes,
                               (unsigned long long)gi.distinct_pages, (unsigned long long)gi.zero_pages);
                cc_engine_free(e);
        } else if (!strcmp(argv[1], "extract") && desc && outdir) {
                struct cc_descriptor *d = NULL;
                FILE *f;
                mkdir(outdir, 0755);
                rc = cc_descriptor_read(desc, &d, why, sizeof(why));
                if (rc == 0) {
                        snprintf(path, sizeof(path), "%s/state.bin", outdir);
                        rc = cc_descriptor_extract_state(d, path);
                        if (rc)
                                snprintf(why, sizeof(why), "extract state: %s", strerror(-rc));
                }
                if (rc == 0) {
                        snprintf(path, sizeof(path), "%s/vm_config.json", outdir);
                        f = fopen(path, "we");
                        if (!f || fputs(cc_descriptor_vm_config(d), f) < 0)
                                rc = -EIO;
                        if (f)
                                fclose(f);
                }
                if (rc == 0)
                        printf("mem_bytes=%llu\n", (unsigned long long)cc_descriptor_info(d)->mem_bytes);
                cc_descriptor_free(d);
        } else if (!strcmp(argv[1], "drop") && state_dir) {
                struct cc_engine_config ec = { .driver = &cc_qemu_driver, .state_dir = state_dir };
                struct cc_engine *e = NULL;
                struct dirent *de;
                DIR *dh;
                rc = cc_engine_new(&ec, &e, why, sizeof(why));
                snprintf(path, sizeof(path), "%s/gen", state_dir);
                dh = rc == 0 ? opendir(path) : NULL;
                while (dh && (de = readdir(dh))) {
                        struct cc_generation *g;
                        char *end;
                        unsigned long long v = strtoull(de->d_name, &end, 10);
                        if (*end == 0 && end != de->d_name && cc_generation_get(e, v, &g, why, sizeof(why)) < 0)
                                fprintf(stderr, "generation %llu: %s\n", v, why);
                }
                if (dh)
                        closedir(dh);
                why[0] = 0;
                if (rc == 0) {
                        rc = cc_generation_drop(e, id);
                        if (rc == -EBUSY) {
                                printf("busy\n");
                                cc_engine_free(e);
                                return 3;
                        }
                        if (rc == 0)
                                printf("dropped\n");
                }
                cc_engine_free(e);
        } else {
                fprintf(stderr, "usage: cc-qemu-publish publish|extract|drop ...\n");
                return 2;
        }
        if (rc) {
                fprintf(stderr, "cc-qemu-publish: %s\n", why[0] ? why : strerror(-rc));
                return 1;
        }
        return 0;
}
