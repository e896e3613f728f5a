/* sc_nbd: the disk layers of this host's generations, exported read-only over NBD for the other
 * hosts of a pool (docs/multihost-data.md): a remote clone's thin overlay backs onto
 * nbd://HOST:PORT/gen-G and reads only the blocks its guest reads. One qemu-nbd per generation
 * (--read-only --persistent --shared=0: any number of clones, each its own connection), on the
 * ports of cluster.nbd_listen: PORT, PORT+1, ... one per generation exported at once; started
 * on the first remote clone of a generation, stopped when the generation is deleted.
 * qemu-nbd forks off (--fork, --pid-file <state_dir>/nbd/gen-G.pid): an export outlives a crash
 * of snowscaled, and the next start stops what the pid files name. Every export takes TLS with
 * the cluster secret as pre-shared key (cc_psk.h, <state_dir>/nbd/tls/keys.psk): a client
 * without it reads nothing. */
#ifndef SC_NBD_H
#define SC_NBD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SC_NBD_MAX_EXPORTS      16

struct sc_nbd;

/* listen: "HOST:PORT", the first port; secret: the cluster secret (the TLS key). Stops the
 * exports an earlier run left (pid files). */
int sc_nbd_new(const char *state_dir, const char *listen, const void *secret, size_t secret_len,
               struct sc_nbd **ret, char *why, size_t why_len);
void sc_nbd_free(struct sc_nbd *n);     /* NULL-tolerant; stops every export */
/* The URI of generation gen's export of layer (a qcow2 file and its chain), started if it is not
 * running: 1 started now, 0 it ran already, -errno with why (qemu-nbd's own words). */
int sc_nbd_export(struct sc_nbd *n, int64_t gen, const char *layer, char *uri, size_t uri_len, char *why,
                  size_t why_len);
/* Stops generation gen's export, if any. NULL-tolerant. Returns true if one was running. */
bool sc_nbd_unexport(struct sc_nbd *n, int64_t gen);

#endif
