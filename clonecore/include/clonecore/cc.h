/* cc: the SnowFlock engine. One header per module; this one includes them all.
 *   cc_descriptor.h  descriptor files (docs/descriptor.md)
 *   cc_store.h       the host's content-addressed page store
 *   cc_engine.h      generations and clones
 *   cc_memtap.h      lazy memory on a clone host (docs/memtap.md)
 *   cc_memserver.h   pages over TCP for other hosts
 *   cc_driver.h      what a hypervisor driver implements (docs/drivers.md)
 *
 * A generation is a parent's memory frozen at a checkpoint. Publishing one turns the driver's
 * checkpoint (state blob + raw memory image) into a descriptor file and puts every distinct
 * non-zero page once into the host's page store. Clones start from the descriptor; their memory
 * is the generation file itself (local clone, mapped MAP_PRIVATE) or a memtap file that fetches
 * pages lazily from the memserver (remote). */
#ifndef CC_H
#define CC_H

#include "clonecore/cc_driver.h"
#include "clonecore/cc_descriptor.h"
#include "clonecore/cc_store.h"
#include "clonecore/cc_memtap.h"
#include "clonecore/cc_engine.h"
#include "clonecore/cc_memserver.h"

#endif
