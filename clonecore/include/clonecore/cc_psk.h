/* cc_psk: the cluster secret as a TLS pre-shared key for QEMU's NBD server and client. A
 * generation's disk layer is exported to the other hosts by qemu-nbd and read by the clones'
 * QEMUs there; both hold the cluster secret, so the export takes TLS with that key
 * (tls-creds-psk) and nobody without it reads a block. */
#ifndef CLONECORE_CC_PSK_H
#define CLONECORE_CC_PSK_H

#include <stddef.h>

#define CC_PSK_IDENTITY "snowscale"     /* the one PSK identity (tls-creds-psk "username") */

/* Writes dir/keys.psk ("snowscale:<the secret in hex>", mode 0600; dir made 0700), the file
 * QEMU's tls-creds-psk reads from dir. 0, or -errno with why. */
int cc_psk_dir_write(const char *dir, const void *secret, size_t secret_len, char *why, size_t why_len);

#endif
