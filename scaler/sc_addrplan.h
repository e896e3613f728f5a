/* sc_addrplan: the bridge network's address plan. Each VM on the bridge holds one IPv4 address of
 * the configured range and one MAC, both recorded in the store (sc_store_addr_*) before the VM
 * starts and released after it is gone; the parent holds the range's first address, clones the
 * rest. The store's UNIQUE columns make "two live VMs, one address" impossible, and
 * sc_addrplan_reconcile() after a restart frees what a crash left held by VMs that are no more.
 * Also the bridge itself: created (with the gateway address) or checked at start.
 * docs/networking.md is the operator's view. Functions return 0 or -errno and never log. */
#ifndef SC_ADDRPLAN_H
#define SC_ADDRPLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "clonecore/cc_driver.h"
#include "sc_store.h"

struct sc_addrplan_cfg {
        char bridge[16];                /* IFNAMSIZ */
        bool create;                    /* create the bridge if missing (and give it the gateway) */
        uint32_t gateway, first, last, dns;     /* host byte order; dns 0 = none */
        unsigned prefix_len;
        char host[64];                  /* the worker host whose subnet this is ("" = this host) */
};

struct sc_addrplan;

int sc_addrplan_new(struct sc_store *store, const struct sc_addrplan_cfg *cfg, struct sc_addrplan **ret);
void sc_addrplan_free(struct sc_addrplan *p);       /* NULL-tolerant */

/* Creates the bridge (create: true; an existing one is kept) with the gateway address and up, or
 * checks that it exists (create: false). -ENODEV with why when it is missing. */
int sc_addrplan_bridge_ensure(struct sc_addrplan *p, char *why, size_t why_len);

/* The attachment owner holds (claimed now, or the one it held already): "parent" takes the
 * range's first address, anyone else the lowest free one after it. -ENOSPC with why when the
 * range is exhausted; nothing is held then. */
int sc_addrplan_claim(struct sc_addrplan *p, const char *owner, struct cc_net *ret, char *why, size_t why_len);
int sc_addrplan_release(struct sc_addrplan *p, const char *owner);
/* Releases every address whose owner is not in live[0..n) (nor "parent" when keep_parent).
 * ret_released (may be NULL): how many. */
int sc_addrplan_reconcile(struct sc_addrplan *p, const char *const *live, size_t n, bool keep_parent,
                          unsigned *ret_released);
/* A locally administered unicast MAC derived from owner (and salt, to step past a collision):
 * 02:5e plus 32 bits of FNV-1a. The same owner gets the same MAC on every host and restart. */
void sc_addrplan_mac(const char *owner, unsigned salt, uint8_t mac[6]);
/* "10.77.0.11" */
void sc_addrplan_ip_text(uint32_t ip, char out[16]);

#endif
