/* drivers/xen_net.h: a Xen VM's place on the bridge, without libxl (unit-tested on any host).
 * The identity model is clonecore's (struct cc_net from the address plan, struct cc_identity);
 * see docs/drivers-xen.md, "Identity through xenstore". */
#ifndef CC_XEN_NET_H
#define CC_XEN_NET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "clonecore/cc_driver.h"

/* The attachments the Xen driver implements: CC_NET_BRIDGE (a vif on that bridge, its own MAC and
 * IPv4 address) or CC_NET_NONE (the bridge from driver_opts, if any). User-mode networking is a
 * QEMU feature: -EOPNOTSUPP with a reason. */
int xen_net_check(const char *what, const struct cc_net *net, char *why, size_t why_len);

/* A clone's MAC: the address plan's (net->mac) on a bridge attachment, else one derived from the
 * clone id (02:5e + FNV-1a of the id, as the address plan derives it), so clones of one
 * generation never share a MAC whichever ticket started them. */
void xen_net_mac(const struct cc_net *net, const char *clone_id, uint8_t mac[6]);

void xen_net_mac_text(const uint8_t mac[6], char out[18]);

/* The identity a clone's agent applies (xenstore data/snowscale/identity): "clone_id=ID
 * hostname=H seed=<16 hex> fail_ready=0|1" and, on a bridge, " mac=M ipv4=A/P gw=G dns=D" (the
 * guest agent's line format, guest/agent.h). *expect gets what the agent must read back from
 * its interface before it may go on the bridge: "mac=M ipv4=A/P hostname=H" ("" off a bridge).
 * -ENAMETOOLONG if it does not fit. */
int xen_net_identity(const struct cc_identity *id, const char *hostname, bool fail_ready, const struct cc_net *net,
                     const uint8_t mac[6], char *out, size_t out_len, char *expect, size_t expect_len);

/* true when the agent's report "<id> mac=.. ipv4=A/P hostname=H" is clone_id and carries every
 * field of expect (each "k=v" as a whole word). */
bool xen_net_report_matches(const char *report, const char *clone_id, const char *expect);

/* The dom0 interface of a domain's first vif ("vif<domid>.0", as the vif hotplug script names it). */
void xen_net_vif_name(uint32_t domid, char out[16]);

/* Put a vif on the bridge (attach) or take it off; taking off one that is not on it is fine. */
int xen_net_vif_bridge(const char *vif, const char *bridge, bool attach, char *why, size_t why_len);

#endif
