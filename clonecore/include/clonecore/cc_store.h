/* cc_store: a host's page store, content-addressed (XXH3-64): one copy of each distinct page,
 * shared by every generation and clone of the host. Errors: 0 or -errno; nothing here logs. */
#ifndef CC_STORE_H
#define CC_STORE_H

#include <stddef.h>
#include <stdint.h>

struct cc_store;
int cc_store_open(const char *dir, struct cc_store **ret);
void cc_store_close(struct cc_store *s);                        /* NULL-tolerant */
/* Copy of the page with this content hash into buf (page_size bytes): 0, or -ENOENT. */
int cc_store_get(struct cc_store *s, uint64_t hash, void *buf);
/* Insert (no-op when present; -EEXIST if a different page has the same hash). */
int cc_store_put(struct cc_store *s, uint64_t hash, const void *page);
uint64_t cc_store_pages(struct cc_store *s);
/* The page hash the page map uses (XXH3 64-bit). */
uint64_t cc_page_hash(const void *page, size_t len);

#endif
