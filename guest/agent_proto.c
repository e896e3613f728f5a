/* agent_proto.c: parsing shared by sf-guestd's transports (see agent.h for the line format). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agent.h"

static const struct sfg_channel_ops *channels[SFG_MAX_CHANNELS];
static unsigned n_channels;

void sfg_channel_register(const struct sfg_channel_ops *ops)
{
        if (n_channels < SFG_MAX_CHANNELS)
                channels[n_channels++] = ops;
}

unsigned sfg_channels(const struct sfg_channel_ops ***ret)
{
        *ret = channels;
        return n_channels;
}

bool sfg_valid_name(const char *s)
{
        size_t n = strlen(s);

        if (n == 0 || n >= SFG_ID_MAX)
                return false;
        for (; *s; s++)
                if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
                      *s == '-' || *s == '_' || *s == '.'))
                        return false;
        return true;
}

int sfg_parse_identity(const char *fields, struct sfg_identity *id)
{
        char buf[SFG_LINE_MAX], *save = NULL, *tok;
        bool have_id = false, have_seed = false;

        if (strlen(fields) >= sizeof(buf))
                return -EINVAL;
        memset(id, 0, sizeof(*id));
        strcpy(buf, fields);
        for (tok = strtok_r(buf, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
                char *eq = strchr(tok, '='), *end;
                if (!eq)
                        return -EINVAL;
                *eq++ = 0;
                if (!strcmp(tok, "clone_id")) {
                        if (!sfg_valid_name(eq))
                                return -EINVAL;
                        snprintf(id->clone_id, sizeof(id->clone_id), "%s", eq);
                        have_id = true;
                } else if (!strcmp(tok, "hostname")) {
                        if (!sfg_valid_name(eq))
                                return -EINVAL;
                        snprintf(id->hostname, sizeof(id->hostname), "%s", eq);
                } else if (!strcmp(tok, "seed")) {
                        errno = 0;
                        id->seed = strtoull(eq, &end, 16);
                        if (errno || *end || end == eq)
                                return -EINVAL;
                        have_seed = true;
                } else if (!strcmp(tok, "fail_ready")) {
                        if (strcmp(eq, "0") && strcmp(eq, "1"))
                                return -EINVAL;
                        id->fail_ready = eq[0] == '1';
                }
                /* Unknown fields are ignored so a newer host can talk to an older image. */
        }
        if (!have_id || !have_seed)
                return -EINVAL;
        if (!id->hostname[0])
                snprintf(id->hostname, sizeof(id->hostname), "%s", id->clone_id);
        return 0;
}

int sfg_parse_host_line(const char *line, struct sfg_event *ev)
{
        memset(ev, 0, sizeof(*ev));
        if (!strcmp(line, "hello"))
                ev->type = SFG_EV_HELLO;
        else if (!strcmp(line, "stats"))
                ev->type = SFG_EV_STATS;
        else if (!strcmp(line, "quit"))
                ev->type = SFG_EV_QUIT;
        else if (!strncmp(line, "identity ", 9)) {
                int rc = sfg_parse_identity(line + 9, &ev->id);
                if (rc)
                        return rc;
                ev->type = SFG_EV_IDENTITY;
        } else
                return -EINVAL;
        return 0;
}
