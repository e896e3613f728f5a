/* snowscalectl.h: what snowscalectl's files share (a program's parts, not a library API). */
#ifndef SNOWSCALECTL_H
#define SNOWSCALECTL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <json-c/json.h>

#define DEFAULT_URL "http://127.0.0.1:8900"

/* Global options (snowscalectl.c). */
extern const char *ctl_url;             /* the API's base URL */
extern char *ctl_token;                 /* bearer token, or NULL */
extern bool ctl_json;                   /* --json: print the API's JSON instead of tables */
void ctl_usage(FILE *f);

/* snowscalectl_http.c: performs a request; on a 2xx answer *ret is the parsed JSON (or NULL with
 * raw text in *raw). Prints the reason and returns -1 otherwise. */
int ctl_api(const char *method, const char *path, const char *body, json_object **ret, char **raw);

/* snowscalectl_show.c; each command returns the exit status. */
void ctl_print_json(json_object *o);
void ctl_fmt_us(char *b, size_t n, double us);  /* "-", "850 µs", "12.5 ms", "1.25 s" */
int ctl_status(bool brief);
int ctl_clones(bool metrics);
int ctl_hosts(void);
int ctl_events(int argc, char **argv);

/* snowscalectl_act.c */
int ctl_scale(const char *arg);
int ctl_retire(const char *id);
int ctl_generation_cut(void);

/* snowscalectl_offline.c; ctl_use_config fills *url_out (malloc'd) and ctl_token if unset. */
int ctl_config_check(const char *file);
int ctl_config_get(const char *key, const char *file);
int ctl_descriptor_inspect(int argc, char **argv);
int ctl_use_config(const char *file, char **url_out);

/* A member of a JSON object, or NULL / dflt / 0 when absent (or not a string for ctl_gs). */
static inline json_object *ctl_get(json_object *o, const char *k)
{
        json_object *v = NULL;
        return o && json_object_object_get_ex(o, k, &v) ? v : NULL;
}

static inline const char *ctl_gs(json_object *o, const char *k, const char *dflt)
{
        json_object *v = ctl_get(o, k);
        return v && json_object_is_type(v, json_type_string) ? json_object_get_string(v) : dflt;
}

static inline double ctl_gd(json_object *o, const char *k)
{
        json_object *v = ctl_get(o, k);
        return v ? json_object_get_double(v) : 0;
}

static inline int64_t ctl_gi(json_object *o, const char *k)
{
        json_object *v = ctl_get(o, k);
        return v ? json_object_get_int64(v) : 0;
}

#endif
