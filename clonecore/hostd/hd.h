/* snowscale-hostd: one worker host of a multi-host pool (docs/multihost.md). It runs clonecore
 * here (QEMU, memtap, taps) for snowscaled, which talks to it over mutually authenticated TLS
 * only. Modules (prefix hd_):
 *   hd_main.c    the program: options, the engine, start and stop order
 *   hd_tls.c     the cluster's PEM files, and the check of a client's certificate
 *   hd_clones.c  the clones this host runs: start (fetching the generation), retire, inventory
 *   hd_req.c     a clone request's body, read and judged
 *   hd_api.c     the HTTPS API snowscaled calls (libmicrohttpd + GnuTLS): /v1/inventory, /v1/clones
 * Functions return 0 or -errno with a sentence in why; the API handlers log, once. */
#ifndef HD_H
#define HD_H

#include <stddef.h>
#include <stdint.h>

#include <json-c/json.h>
#include <microhttpd.h>

#include "clonecore/cc.h"

#define HD_MAX_CLONES   256     /* clones one hostd tracks, live and recently final */

/* ---- hd_tls ---- */
struct hd_tls {
        char *ca, *cert, *key;          /* PEM text of the three files */
};
int hd_tls_load(const char *ca, const char *cert, const char *key, struct hd_tls *ret, char *why,
                size_t why_len);
void hd_tls_dispose(struct hd_tls *t);
/* Did the client of conn present a certificate that the cluster CA signed? 0, or -EACCES with
 * why (no certificate, or whose signature fails); who: the certificate's subject, if any. */
int hd_tls_check_peer(struct MHD_Connection *conn, char *who, size_t who_len, char *why, size_t why_len);

/* ---- hd_clones ---- */
struct hd_clones;
struct hd_clone_req {
        char id[32];
        uint64_t generation;
        char memserver[64];             /* the parent host's memserver, "HOST:PORT" */
        struct cc_net net;              /* bridge attachment: bridge, MAC, IPv4, gateway */
        char disk_uri[256];             /* the generation's disk layer "nbd://HOST:PORT/NAME", "" = none */
        char mcast[128];                /* mcdist "GROUP:PORT@LOCAL_ADDR", "" = unicast only */
};
/* hd_req: the JSON body of POST /v1/clones into req; local: the address this hostd serves on
 * (joins mcdist groups there unless the request names one). -EINVAL with why for the client. */
int hd_clone_req_parse(const char *body, const char *local, struct hd_clone_req *req, char *why, size_t why_len);
/* disk_complete_mib_s: a clone with a remote disk copies it here in the background at this
 * rate (0: it reads lazily from the export for its whole life). */
int hd_clones_new(struct cc_engine *e, const char *host_name, unsigned disk_complete_mib_s,
                  struct hd_clones **ret);
void hd_clones_free(struct hd_clones *t);
/* Fetches the generation's descriptor on first use, then starts the clone asynchronously.
 * -EEXIST: a clone of that id runs here already (a repeated request changes nothing). */
int hd_clones_start(struct hd_clones *t, const struct hd_clone_req *req, char *why, size_t why_len);
/* -ENOENT: not here (or final already). */
int hd_clones_retire(struct hd_clones *t, const char *id);
/* {"host":..,"clones":[{id,generation,state,address,identity,reason,fetched_pct}],"generations":[..]} */
struct json_object *hd_clones_inventory(struct hd_clones *t);

/* ---- hd_api ---- */
struct hd_api;
int hd_api_start(const char *listen, const struct hd_tls *tls, struct hd_clones *clones,
                 struct hd_api **ret, char *why, size_t why_len);
void hd_api_stop(struct hd_api *a);     /* NULL-tolerant */

#endif
