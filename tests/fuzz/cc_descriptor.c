/* libFuzzer target: the descriptor parser must reject anything malformed without crashing,
 * leaking or reading out of bounds; whatever it accepts must be internally consistent. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "cc_internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const uint8_t *data, size_t size)
{
        struct cc_descriptor *d = NULL;
        char why[CC_REASON_MAX] = "";

        if (cc_descriptor_parse(data, size, &d, why, sizeof(why)) == 0) {
                const struct cc_desc_info *i = cc_descriptor_info(d);
                const struct cc_pagemap *pm = cc_descriptor_pagemap(d);
                uint64_t zero = 0;
                for (uint64_t p = 0; p < pm->pages; p++) {
                        if (pm->entry[p] == CC_PM_ZERO)
                                zero++;
                        else if (cc_pm_is_data(pm->entry[p]) && pm->entry[p] - CC_PM_DATA >= pm->distinct)
                                abort();
                }
                if (zero != i->zero_pages || i->mem_bytes != pm->pages * pm->page_size)
                        abort();
                cc_descriptor_free(d);
        } else if (!why[0]) {
                abort();                /* every rejection says why */
        }
}

/* Random bytes almost never pass the CRCs; a second round with the CRCs made right lets the
 * mutations reach the section parsers (JSON, page map runs). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        check(data, size);
        if (size < 48 || size > (1u << 20))
                return 0;
        uint8_t *b = malloc(size);
        if (!b)
                return 0;
        memcpy(b, data, size);
        uint32_t n = cc_get32(b + 16);
        for (uint32_t i = 0; i < n && i < 16 && 32 + (i + 1) * 32 <= size; i++) {
                uint8_t *e = b + 32 + i * 32;
                uint64_t off = cc_get64(e + 8), len = cc_get64(e + 16);
                if (off <= size && len <= size - off)
                        cc_put32(e + 24, (uint32_t)crc32(0, b + off, (uInt)len));
        }
        cc_put64(b + 24, size);
        cc_put32(b + size - 8, (uint32_t)crc32(0, b, (uInt)(size - 8)));
        check(b, size);
        free(b);
        return 0;
}
