/* xen_free: the guest agent's free-page report (guest/agent_free.c: data/snowscale/free/N, runs of
 * free pfns as "first+count" hex pairs) as a bitmap over the guest's pfns, and what sending those
 * pages allocate-only would save at a cut, against the generation's memory image. Measurement
 * only: the driver does not apply it (docs/drivers-xen.md, "Free pages at the cut"). Plain C, no
 * libxl; unit-tested anywhere (tests/unit/test_cc_xen_free.c). */
#ifndef CC_XEN_FREE_H
#define CC_XEN_FREE_H

#include <stdint.h>

struct xen_free_census {
        uint64_t pages;                 /* pfns in the memory image */
        uint64_t nonzero;               /* non-zero pages: what a clone streams today */
        uint64_t free;                  /* reported free, inside the image */
        uint64_t free_nonzero;          /* free and non-zero: what a free-page skip would add */
};

/* Set the bits of one chunk's runs in bitmap (pages bits). 0 and the number of pfns set in
 * *ret_set; -EINVAL for a malformed chunk, -ERANGE for a run past pages (bitmap then partly set). */
int xen_free_parse(const char *runs, uint8_t *bitmap, uint64_t pages, uint64_t *ret_set);
/* Read the memory image (pages * 4096 bytes at most) and count against the bitmap. 0 or -errno. */
int xen_free_census(int mem_fd, const uint8_t *bitmap, uint64_t pages, struct xen_free_census *ret);
/* Pfns free in one report and not in the other (the allocator's churn between two reports). */
uint64_t xen_free_changed(const uint8_t *a, const uint8_t *b, uint64_t pages);

#endif
