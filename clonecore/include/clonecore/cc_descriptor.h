/* cc_descriptor: a generation's descriptor file — metadata, the driver's state blob, the page map
 * (per page: zero, free or content hash), an identity template, CRCs. Format: docs/descriptor.md.
 * Errors: 0 or -errno, with a sentence in (why, why_len) where taken; nothing here logs. */
#ifndef CC_DESCRIPTOR_H
#define CC_DESCRIPTOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "clonecore/cc_driver.h"

#define CC_DESC_VERSION_MAJOR 1
#define CC_DESC_VERSION_MINOR 0
/* Checked with fstat before a byte is parsed: 64 MiB covers the page map of a 64 GiB guest. */
#define CC_DESC_MAX_BYTES (64u << 20)

struct cc_descriptor;                   /* parsed, immutable, opaque */

struct cc_desc_info {
        uint16_t version_major, version_minor;
        uint64_t generation;            /* id, unique per state dir (1, 2, ...) */
        uint64_t parent_generation;     /* 0: cut from a booted parent */
        char driver[32];                /* "qemu", "xen": which ops table made the state blob */
        uint64_t created_us;            /* wall clock */
        uint64_t mem_bytes;
        uint32_t page_size;
        uint64_t pages, zero_pages, free_pages, distinct_pages;
        uint64_t pause_ns;              /* the parent's pause at checkpoint */
        uint64_t file_bytes;            /* descriptor size on disk */
        uint64_t state_bytes, pagemap_bytes;
};

/* Read and validate (size limit, magic, version, CRCs, section bounds, page-map consistency). */
int cc_descriptor_read(const char *path, struct cc_descriptor **ret, char *why, size_t why_len);
/* Same on a buffer (the fuzz target's entry point). */
int cc_descriptor_parse(const void *buf, size_t len, struct cc_descriptor **ret,
                        char *why, size_t why_len);
void cc_descriptor_free(struct cc_descriptor *d);               /* NULL-tolerant */
const struct cc_desc_info *cc_descriptor_info(const struct cc_descriptor *d);
const char *cc_descriptor_vm_config(const struct cc_descriptor *d);     /* driver's JSON */
const char *cc_descriptor_metadata(const struct cc_descriptor *d);      /* whole metadata JSON */
/* The driver's state blob (borrowed, valid while d lives), and as a file for clone(). */
const void *cc_descriptor_state(const struct cc_descriptor *d, size_t *ret_len);
int cc_descriptor_extract_state(const struct cc_descriptor *d, const char *path);
/* The identity of clone number `index` of this generation: id "<prefix><index>", hostname from
 * the template, a locally administered MAC derived from (generation, index), a fresh seed. */
int cc_descriptor_identity(const struct cc_descriptor *d, unsigned index, const char *id_prefix,
                           struct cc_identity *ret);
/* `snowscalectl descriptor inspect FILE [--json]`: validates, then prints a human summary or
 * one JSON object. Returns 0, or -errno with a one-line reason printed to out. */
int cc_descriptor_inspect(FILE *out, const char *path, bool json);

#endif
