/* snowscalectl_act.c: the commands that change the pool through the API (they need the token):
 * scale, retire, generation cut. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "snowscalectl.h"

int ctl_scale(const char *arg)
{
        char body[64], *end;
        if (strcmp(arg, "policy") == 0 || strcmp(arg, "auto") == 0) {
                snprintf(body, sizeof(body), "{\"desired\":null}");
        } else {
                long v = strtol(arg, &end, 10);
                if (!*arg || *end || v < 0 || v > 100000) {
                        fprintf(stderr, "snowscalectl: scale takes a clone count or \"policy\"\n");
                        return 2;
                }
                snprintf(body, sizeof(body), "{\"desired\":%ld}", v);
        }
        json_object *o = NULL;
        if (ctl_api("POST", "/api/v1/scale", body, &o, NULL) < 0)
                return 1;
        if (ctl_json)
                ctl_print_json(o);
        else if (json_object_is_type(ctl_get(o, "desired"), json_type_int))
                printf("desired count set to %" PRId64 " (manual; \"snowscalectl scale policy\" undoes it)\n",
                       ctl_gi(o, "desired"));
        else
                printf("the policy decides the desired count again\n");
        json_object_put(o);
        return 0;
}

int ctl_retire(const char *id)
{
        char path[160];
        for (const char *p = id; *p; p++)
                if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
                      *p == '-' || *p == '_') || p - id > 60) {
                        fprintf(stderr, "snowscalectl: \"%s\" is not a clone id\n", id);
                        return 2;
                }
        snprintf(path, sizeof(path), "/api/v1/clones/%s/retire", id);
        json_object *o = NULL;
        if (ctl_api("POST", path, NULL, &o, NULL) < 0)
                return 1;
        if (ctl_json)
                ctl_print_json(o);
        else
                printf("%s is draining; it retires when its requests are done\n", id);
        json_object_put(o);
        return 0;
}

int ctl_generation_cut(void)
{
        json_object *o = NULL;
        if (ctl_api("POST", "/api/v1/generation", NULL, &o, NULL) < 0)
                return 1;
        if (ctl_json)
                ctl_print_json(o);
        else
                printf("a new generation is being cut; `snowscalectl events` shows when it is ready\n");
        json_object_put(o);
        return 0;
}
