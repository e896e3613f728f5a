/* The descriptor file: everything a clone needs except memory contents (docs/descriptor.md).
 *
 *   header   "SNOWDESC", u16 major, u16 minor, u32 header_len, u32 sections, u32 flags, u64 file_len
 *   table    per section: u32 type, u32 flags, u64 offset, u64 length, u32 crc32, u32 reserved
 *   sections metadata JSON, driver state blob, page map, identity template JSON (8-byte aligned)
 *   trailer  u32 crc32 of every byte before it, u32 "SFND"
 * All integers little-endian. The size limit is checked before anything is read; every offset is
 * checked against the buffer before it is used. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <json-c/json.h>
#include <lz4.h>
#include <lz4hc.h>
#include <zlib.h>

#include "cc_internal.h"

#define DESC_MAGIC "SNOWDESC"
#define HDR_LEN 32
#define SECT_LEN 32
#define TRAILER_LEN 8
#define TRAILER_MAGIC 0x444e4653u       /* "SFND" */
#define MAX_SECTIONS 16
#define MAX_JSON (1u << 20)
#define MAX_STATE (256u << 20)          /* a decompressed state blob; checked before allocating */
#define SECT_F_LZ4 1u                   /* section = u64 raw length + one LZ4 block */

enum { SECT_META = 1, SECT_STATE = 2, SECT_PAGEMAP = 3, SECT_IDENTITY = 4 };

struct section {
        uint32_t type, flags;
        uint64_t offset, length;
        uint32_t crc;
};

struct cc_descriptor {
        struct cc_desc_info info;
        char *meta_json, *vm_config, *mem_file, *hostname_prefix;
        uint8_t *state;
        size_t state_len;
        struct cc_pagemap pm;
        struct section sect[MAX_SECTIONS];
        unsigned nsect;
};

static const char *sect_name(uint32_t type)
{
        switch (type) {
        case SECT_META: return "metadata";
        case SECT_STATE: return "state";
        case SECT_PAGEMAP: return "pagemap";
        case SECT_IDENTITY: return "identity";
        }
        return "unknown";
}

static uint32_t crc(const void *p, size_t len)
{
        uLong c = crc32(0L, Z_NULL, 0);
        const uint8_t *b = p;
        while (len) {                   /* zlib's length is a uInt */
                uInt n = len > (1u << 30) ? (1u << 30) : (uInt)len;
                c = crc32(c, b, n);
                b += n;
                len -= n;
        }
        return (uint32_t)c;
}

/* ---- writing ---- */

static void pad8(struct cc_buf *b)
{
        static const uint8_t zero[8];
        cc_buf_put(b, zero, (8 - b->len % 8) % 8);
}

int cc_descriptor_build(const struct cc_desc_spec *spec, uint8_t **ret, size_t *ret_len)
{
        struct cc_buf pm = {0}, out = {0};
        json_object *meta = NULL, *ident = NULL;
        uint8_t *lz = NULL;
        int r;

        if (!spec->pm || !spec->driver || spec->pm->pages * spec->pm->page_size != spec->mem_bytes)
                return -EINVAL;
        r = cc_pagemap_encode(spec->pm, &pm);
        if (r < 0)
                goto out;

        meta = json_object_new_object();
        ident = json_object_new_object();
        if (!meta || !ident) {
                r = -ENOMEM;
                goto out;
        }
        json_object_object_add(meta, "generation", json_object_new_uint64(spec->generation));
        json_object_object_add(meta, "parent_generation", json_object_new_uint64(spec->parent_generation));
        json_object_object_add(meta, "driver", json_object_new_string(spec->driver));
        json_object_object_add(meta, "created_us", json_object_new_uint64(spec->created_us));
        json_object_object_add(meta, "mem_bytes", json_object_new_uint64(spec->mem_bytes));
        json_object_object_add(meta, "page_size", json_object_new_uint64(spec->pm->page_size));
        json_object_object_add(meta, "pages", json_object_new_uint64(spec->pm->pages));
        json_object_object_add(meta, "zero_pages", json_object_new_uint64(spec->pm->zero_pages));
        json_object_object_add(meta, "free_pages", json_object_new_uint64(spec->pm->free_pages));
        json_object_object_add(meta, "distinct_pages", json_object_new_uint64(spec->pm->distinct));
        json_object_object_add(meta, "pause_ns", json_object_new_uint64(spec->pause_ns));
        json_object_object_add(meta, "mem_file", json_object_new_string(spec->mem_file ? spec->mem_file : ""));
        json_object_object_add(meta, "vm_config",
                               json_object_new_string(spec->vm_config_json ? spec->vm_config_json : "{}"));
        json_object_object_add(ident, "hostname_prefix",
                               json_object_new_string(spec->hostname_prefix ? spec->hostname_prefix : "worker-"));
        json_object_object_add(ident, "mac_prefix", json_object_new_string("02:53"));

        const char *ms = json_object_to_json_string_ext(meta, JSON_C_TO_STRING_PLAIN);
        const char *is = json_object_to_json_string_ext(ident, JSON_C_TO_STRING_PLAIN);
        struct { uint32_t type, flags; const void *p; size_t len; } parts[] = {
                { SECT_META, 0, ms, strlen(ms) },
                { SECT_STATE, 0, spec->state, spec->state_len },
                { SECT_PAGEMAP, 0, pm.data, pm.len },
                { SECT_IDENTITY, 0, is, strlen(is) },
        };
        /* The VMM's device state is mostly zeros and repeats (QEMU: ROM/ACPI blocks, device
         * tables): LZ4 keeps the descriptor within its size budget. Stored raw if it does not
         * shrink. */
        if (spec->state_len > 64 && spec->state_len <= MAX_STATE) {
                int bound = LZ4_compressBound((int)spec->state_len);
                if (!(lz = malloc(8 + (size_t)bound))) {
                        r = -ENOMEM;
                        goto out;
                }
                int n = LZ4_compress_HC(spec->state, (char *)lz + 8, (int)spec->state_len, bound,
                                        LZ4HC_CLEVEL_DEFAULT);
                if (n > 0 && (size_t)n + 8 < spec->state_len) {
                        cc_put64(lz, spec->state_len);
                        parts[1].flags = SECT_F_LZ4;
                        parts[1].p = lz;
                        parts[1].len = (size_t)n + 8;
                }
        }
        const unsigned n = sizeof(parts) / sizeof(parts[0]);
        size_t off = HDR_LEN + n * SECT_LEN;
        uint8_t hdr[HDR_LEN + 4 * SECT_LEN] = {0};

        memcpy(hdr, DESC_MAGIC, 8);
        cc_put16(hdr + 8, CC_DESC_VERSION_MAJOR);
        cc_put16(hdr + 10, CC_DESC_VERSION_MINOR);
        cc_put32(hdr + 12, HDR_LEN + n * SECT_LEN);
        cc_put32(hdr + 16, n);
        cc_put32(hdr + 20, 0);
        for (unsigned i = 0; i < n; i++) {
                uint8_t *e = hdr + HDR_LEN + i * SECT_LEN;
                off = (off + 7) & ~(size_t)7;
                cc_put32(e, parts[i].type);
                cc_put32(e + 4, parts[i].flags);
                cc_put64(e + 8, off);
                cc_put64(e + 16, parts[i].len);
                cc_put32(e + 24, crc(parts[i].p, parts[i].len));
                off += parts[i].len;
        }
        off = (off + 7) & ~(size_t)7;
        cc_put64(hdr + 24, off + TRAILER_LEN);
        cc_buf_put(&out, hdr, HDR_LEN + n * SECT_LEN);
        for (unsigned i = 0; i < n; i++) {
                pad8(&out);
                cc_buf_put(&out, parts[i].p, parts[i].len);
        }
        pad8(&out);
        if (!out.err)
                cc_buf_u32(&out, crc(out.data, out.len));
        cc_buf_u32(&out, TRAILER_MAGIC);
        if (out.err) {
                r = out.err;
                goto out;
        }
        if (out.len > CC_DESC_MAX_BYTES) {
                r = -EFBIG;
                goto out;
        }
        *ret = out.data;
        *ret_len = out.len;
        out.data = NULL;
        r = 0;
out:
        json_object_put(meta);
        json_object_put(ident);
        free(lz);
        cc_buf_free(&pm);
        cc_buf_free(&out);
        return r;
}

/* ---- reading ---- */

void cc_descriptor_free(struct cc_descriptor *d)
{
        if (!d)
                return;
        free(d->meta_json);
        free(d->vm_config);
        free(d->mem_file);
        free(d->hostname_prefix);
        free(d->state);
        cc_pagemap_dispose(&d->pm);
        free(d);
}

static json_object *parse_json(const uint8_t *p, size_t len)
{
        json_tokener *tok = json_tokener_new_ex(16);
        json_object *o = NULL;
        if (!tok)
                return NULL;
        if (memchr(p, 0, len) == NULL) {
                o = json_tokener_parse_ex(tok, (const char *)p, (int)len);
                if (json_tokener_get_error(tok) != json_tokener_success ||
                    tok->char_offset != (int)len) {
                        json_object_put(o);
                        o = NULL;
                }
        }
        json_tokener_free(tok);
        return o;
}

static int get_u64(json_object *o, const char *key, uint64_t *ret)
{
        json_object *v;
        if (!json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_int))
                return -EBADMSG;
        int64_t x = json_object_get_int64(v);
        if (x < 0)
                return -EBADMSG;
        *ret = json_object_get_uint64(v);
        return 0;
}

static int get_str(json_object *o, const char *key, char **ret)
{
        json_object *v;
        if (!json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_string))
                return -EBADMSG;
        *ret = strdup(json_object_get_string(v));
        return *ret ? 0 : -ENOMEM;
}

static int parse_meta(struct cc_descriptor *d, const uint8_t *p, size_t len, char *why, size_t why_len)
{
        json_object *o = NULL;
        char *driver = NULL;
        uint64_t page_size = 0, pages = 0, zero = 0, freep = 0, distinct = 0;
        int r = -EBADMSG;

        if (len > MAX_JSON || !(o = parse_json(p, len)) || !json_object_is_type(o, json_type_object)) {
                r = cc_why(why, why_len, -EBADMSG, "metadata is not a JSON object");
                goto out;
        }
        if (get_u64(o, "generation", &d->info.generation) < 0 ||
            get_u64(o, "parent_generation", &d->info.parent_generation) < 0 ||
            get_u64(o, "created_us", &d->info.created_us) < 0 ||
            get_u64(o, "mem_bytes", &d->info.mem_bytes) < 0 ||
            get_u64(o, "page_size", &page_size) < 0 ||
            get_u64(o, "pages", &pages) < 0 ||
            get_u64(o, "zero_pages", &zero) < 0 ||
            get_u64(o, "free_pages", &freep) < 0 ||
            get_u64(o, "distinct_pages", &distinct) < 0 ||
            get_u64(o, "pause_ns", &d->info.pause_ns) < 0 ||
            get_str(o, "driver", &driver) < 0 ||
            get_str(o, "mem_file", &d->mem_file) < 0 ||
            get_str(o, "vm_config", &d->vm_config) < 0) {
                r = cc_why(why, why_len, -EBADMSG, "metadata lacks a field or has a wrong type");
                goto out;
        }
        if (strlen(driver) >= sizeof(d->info.driver) || !*driver) {
                r = cc_why(why, why_len, -EBADMSG, "metadata: bad driver name");
                goto out;
        }
        if (strchr(d->mem_file, '/') || strcmp(d->mem_file, "..") == 0) {
                r = cc_why(why, why_len, -EBADMSG, "metadata: mem_file must be a plain file name");
                goto out;
        }
        strcpy(d->info.driver, driver);
        d->info.page_size = (uint32_t)(page_size > UINT32_MAX ? 0 : page_size);
        d->info.pages = pages;
        d->info.zero_pages = zero;
        d->info.free_pages = freep;
        d->info.distinct_pages = distinct;
        d->meta_json = strndup((const char *)p, len);
        r = d->meta_json ? 0 : -ENOMEM;
out:
        free(driver);
        json_object_put(o);
        return r;
}

static int parse_identity(struct cc_descriptor *d, const uint8_t *p, size_t len, char *why, size_t why_len)
{
        json_object *o = NULL;
        int r = 0;
        if (len > MAX_JSON || !(o = parse_json(p, len)) || !json_object_is_type(o, json_type_object) ||
            get_str(o, "hostname_prefix", &d->hostname_prefix) < 0 || strlen(d->hostname_prefix) > 40)
                r = cc_why(why, why_len, -EBADMSG, "identity template is not valid");
        json_object_put(o);
        return r;
}

static int parse_state(struct cc_descriptor *d, const struct section *s, const uint8_t *p,
                       char *why, size_t why_len)
{
        uint64_t raw = s->length;
        if (s->flags & SECT_F_LZ4) {
                if (s->length < 8 || s->length - 8 > INT32_MAX)
                        return cc_why(why, why_len, -EBADMSG, "compressed state section too short");
                raw = cc_get64(p);
                if (raw == 0 || raw > MAX_STATE)
                        return cc_why(why, why_len, -EBADMSG, "state blob of %" PRIu64 " bytes exceeds the limit", raw);
        }
        d->state = malloc(raw ? raw : 1);
        if (!d->state)
                return cc_why(why, why_len, -ENOMEM, "out of memory for the state blob");
        if (s->flags & SECT_F_LZ4) {
                int n = LZ4_decompress_safe((const char *)p + 8, (char *)d->state, (int)(s->length - 8), (int)raw);
                if (n < 0 || (uint64_t)n != raw)
                        return cc_why(why, why_len, -EBADMSG, "state section: bad LZ4 data");
        } else {
                memcpy(d->state, p, raw);
        }
        d->state_len = raw;
        d->info.state_bytes = raw;
        return 0;
}

int cc_descriptor_parse(const void *buf, size_t len, struct cc_descriptor **ret, char *why, size_t why_len)
{
        const uint8_t *b = buf;
        struct cc_descriptor *d = NULL;
        bool seen[5] = {false};
        int r;

        if (len > CC_DESC_MAX_BYTES)
                return cc_why(why, why_len, -EFBIG, "descriptor of %zu bytes exceeds the %u byte limit",
                              len, CC_DESC_MAX_BYTES);
        if (len < HDR_LEN + TRAILER_LEN || memcmp(b, DESC_MAGIC, 8) != 0)
                return cc_why(why, why_len, -EBADMSG, "not a snowscale descriptor (bad magic)");
        uint16_t major = cc_get16(b + 8), minor = cc_get16(b + 10);
        if (major != CC_DESC_VERSION_MAJOR || minor > CC_DESC_VERSION_MINOR)
                return cc_why(why, why_len, -EPROTONOSUPPORT,
                              "descriptor format %u.%u is not supported (this build reads %u.0-%u.%u)",
                              major, minor, CC_DESC_VERSION_MAJOR, CC_DESC_VERSION_MAJOR,
                              CC_DESC_VERSION_MINOR);
        uint32_t hdr_len = cc_get32(b + 12), nsect = cc_get32(b + 16);
        uint64_t file_len = cc_get64(b + 24);
        if (file_len != len)
                return cc_why(why, why_len, -EBADMSG, "descriptor truncated or padded: %zu bytes, header says %" PRIu64,
                              len, file_len);
        if (nsect == 0 || nsect > MAX_SECTIONS || hdr_len != HDR_LEN + nsect * SECT_LEN ||
            hdr_len > len - TRAILER_LEN)
                return cc_why(why, why_len, -EBADMSG, "bad section table");
        if (cc_get32(b + len - 4) != TRAILER_MAGIC)
                return cc_why(why, why_len, -EBADMSG, "descriptor trailer missing (truncated?)");
        uint32_t want = cc_get32(b + len - 8), got = crc(b, len - 8);
        if (want != got)
                return cc_why(why, why_len, -EBADMSG, "descriptor CRC mismatch (file %08x, computed %08x)",
                              want, got);

        d = calloc(1, sizeof(*d));
        if (!d)
                return -ENOMEM;
        d->nsect = nsect;
        for (uint32_t i = 0; i < nsect; i++) {
                const uint8_t *e = b + HDR_LEN + i * SECT_LEN;
                struct section *s = &d->sect[i];
                s->type = cc_get32(e);
                s->flags = cc_get32(e + 4);
                s->offset = cc_get64(e + 8);
                s->length = cc_get64(e + 16);
                s->crc = cc_get32(e + 24);
                if (s->type < SECT_META || s->type > SECT_IDENTITY || seen[s->type]) {
                        r = cc_why(why, why_len, -EBADMSG, "unknown or repeated section type %u", s->type);
                        goto fail;
                }
                seen[s->type] = true;
                if (s->flags & ~(s->type == SECT_STATE ? SECT_F_LZ4 : 0u)) {
                        r = cc_why(why, why_len, -EBADMSG, "section %s has unknown flags %#x",
                                   sect_name(s->type), s->flags);
                        goto fail;
                }
                if (s->offset < hdr_len || s->offset > len - TRAILER_LEN ||
                    s->length > len - TRAILER_LEN - s->offset) {
                        r = cc_why(why, why_len, -EBADMSG, "section %s lies outside the file", sect_name(s->type));
                        goto fail;
                }
                if (crc(b + s->offset, s->length) != s->crc) {
                        r = cc_why(why, why_len, -EBADMSG, "section %s CRC mismatch", sect_name(s->type));
                        goto fail;
                }
        }
        for (int t = SECT_META; t <= SECT_IDENTITY; t++)
                if (!seen[t]) {
                        r = cc_why(why, why_len, -EBADMSG, "section %s missing", sect_name((uint32_t)t));
                        goto fail;
                }
        for (uint32_t i = 0; i < nsect; i++) {
                const struct section *s = &d->sect[i];
                const uint8_t *p = b + s->offset;
                switch (s->type) {
                case SECT_META:
                        r = parse_meta(d, p, s->length, why, why_len);
                        break;
                case SECT_STATE:
                        r = parse_state(d, s, p, why, why_len);
                        break;
                case SECT_PAGEMAP:
                        r = cc_pagemap_decode(p, s->length, &d->pm, why, why_len);
                        d->info.pagemap_bytes = s->length;
                        break;
                case SECT_IDENTITY:
                        r = parse_identity(d, p, s->length, why, why_len);
                        break;
                }
                if (r < 0)
                        goto fail;
        }
        /* The metadata must tell the same story as the page map. */
        if (d->info.page_size != d->pm.page_size || d->info.pages != d->pm.pages ||
            d->info.zero_pages != d->pm.zero_pages || d->info.free_pages != d->pm.free_pages ||
            d->info.distinct_pages != d->pm.distinct ||
            d->info.mem_bytes != d->pm.pages * d->pm.page_size) {
                r = cc_why(why, why_len, -EBADMSG, "metadata disagrees with the page map");
                goto fail;
        }
        d->info.version_major = major;
        d->info.version_minor = minor;
        d->info.file_bytes = len;
        *ret = d;
        return 0;
fail:
        cc_descriptor_free(d);
        return r;
}

int cc_descriptor_read(const char *path, struct cc_descriptor **ret, char *why, size_t why_len)
{
        uint8_t *buf = NULL;
        struct stat st;
        int fd, r;

        fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
                return cc_why(why, why_len, -errno, "cannot open %s: %s", path, strerror(errno));
        if (fstat(fd, &st) < 0) {
                r = cc_why(why, why_len, -errno, "cannot stat %s: %s", path, strerror(errno));
                goto out;
        }
        if (!S_ISREG(st.st_mode)) {
                r = cc_why(why, why_len, -EINVAL, "%s is not a regular file", path);
                goto out;
        }
        if ((uint64_t)st.st_size > CC_DESC_MAX_BYTES) {
                r = cc_why(why, why_len, -EFBIG, "%s: %lld bytes exceeds the descriptor limit of %u",
                           path, (long long)st.st_size, CC_DESC_MAX_BYTES);
                goto out;
        }
        buf = malloc(st.st_size ? (size_t)st.st_size : 1);
        if (!buf) {
                r = -ENOMEM;
                goto out;
        }
        size_t got = 0;
        while (got < (size_t)st.st_size) {
                ssize_t n = read(fd, buf + got, (size_t)st.st_size - got);
                if (n < 0 && errno == EINTR)
                        continue;
                if (n <= 0) {
                        r = cc_why(why, why_len, n < 0 ? -errno : -EIO, "%s: short read", path);
                        goto out;
                }
                got += (size_t)n;
        }
        r = cc_descriptor_parse(buf, got, ret, why, why_len);
out:
        free(buf);
        close(fd);
        return r;
}

const struct cc_desc_info *cc_descriptor_info(const struct cc_descriptor *d) { return &d->info; }
const char *cc_descriptor_vm_config(const struct cc_descriptor *d) { return d->vm_config; }
const char *cc_descriptor_metadata(const struct cc_descriptor *d) { return d->meta_json; }
const struct cc_pagemap *cc_descriptor_pagemap(const struct cc_descriptor *d) { return &d->pm; }
const char *cc_descriptor_mem_file(const struct cc_descriptor *d) { return d->mem_file; }

const void *cc_descriptor_state(const struct cc_descriptor *d, size_t *ret_len)
{
        *ret_len = d->state_len;
        return d->state;
}

int cc_descriptor_extract_state(const struct cc_descriptor *d, const char *path)
{
        char tmp[PATH_MAX];
        int fd, r = 0;

        if (snprintf(tmp, sizeof(tmp), "%s.tmp%d", path, (int)getpid()) >= (int)sizeof(tmp))
                return -ENAMETOOLONG;
        fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd < 0)
                return -errno;
        for (size_t off = 0; off < d->state_len;) {
                ssize_t n = write(fd, d->state + off, d->state_len - off);
                if (n < 0 && errno == EINTR)
                        continue;
                if (n < 0) {
                        r = -errno;
                        break;
                }
                off += (size_t)n;
        }
        if (close(fd) < 0 && r == 0)
                r = -errno;
        if (r == 0 && rename(tmp, path) < 0)
                r = -errno;
        if (r < 0)
                unlink(tmp);
        return r;
}

int cc_descriptor_identity(const struct cc_descriptor *d, unsigned index, const char *id_prefix,
                           struct cc_identity *ret)
{
        struct cc_identity id = {0};
        uint16_t g = (uint16_t)d->info.generation;

        snprintf(id.clone_id, sizeof(id.clone_id), "%s%u", id_prefix ? id_prefix : "c", index);
        snprintf(id.hostname, sizeof(id.hostname), "%s%s", d->hostname_prefix, id.clone_id);
        /* Locally administered unicast (02:...), unique per (generation mod 2^16, index). */
        id.mac[0] = 0x02;
        id.mac[1] = 0x53;
        id.mac[2] = (uint8_t)(g >> 8);
        id.mac[3] = (uint8_t)g;
        id.mac[4] = (uint8_t)(index >> 8);
        id.mac[5] = (uint8_t)index;
        if (getrandom(&id.seed, sizeof(id.seed), 0) != sizeof(id.seed))
                return -EIO;
        *ret = id;
        return 0;
}

/* ---- inspect ---- */

static void fmt_time(uint64_t us, char *buf, size_t len)
{
        time_t t = (time_t)(us / 1000000);
        struct tm tm;
        gmtime_r(&t, &tm);
        strftime(buf, len, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static double pct(uint64_t a, uint64_t b) { return b ? 100.0 * (double)a / (double)b : 0.0; }

int cc_descriptor_inspect(FILE *out, const char *path, bool json)
{
        struct cc_descriptor *d = NULL;
        char why[CC_REASON_MAX] = "", when[32];
        int r = cc_descriptor_read(path, &d, why, sizeof(why));

        if (r < 0) {
                if (json) {
                        json_object *o = json_object_new_object();
                        json_object_object_add(o, "path", json_object_new_string(path));
                        json_object_object_add(o, "valid", json_object_new_boolean(false));
                        json_object_object_add(o, "error", json_object_new_string(why));
                        fprintf(out, "%s\n", json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN));
                        json_object_put(o);
                } else {
                        fprintf(out, "%s: invalid descriptor: %s\n", path, why);
                }
                return r;
        }
        const struct cc_desc_info *i = &d->info;
        double mb_per_gb = i->mem_bytes ? (double)i->file_bytes / 1048576.0 /
                                          ((double)i->mem_bytes / 1073741824.0) : 0;
        fmt_time(i->created_us, when, sizeof(when));
        if (json) {
                json_object *o = json_object_new_object(), *secs = json_object_new_array();
                json_object *vm = json_tokener_parse(d->vm_config);
                json_object_object_add(o, "path", json_object_new_string(path));
                json_object_object_add(o, "valid", json_object_new_boolean(true));
                char ver[16];
                snprintf(ver, sizeof(ver), "%u.%u", i->version_major, i->version_minor);
                json_object_object_add(o, "format", json_object_new_string(ver));
                json_object_object_add(o, "bytes", json_object_new_uint64(i->file_bytes));
                json_object_object_add(o, "generation", json_object_new_uint64(i->generation));
                json_object_object_add(o, "parent_generation", json_object_new_uint64(i->parent_generation));
                json_object_object_add(o, "driver", json_object_new_string(i->driver));
                json_object_object_add(o, "created_us", json_object_new_uint64(i->created_us));
                json_object_object_add(o, "mem_bytes", json_object_new_uint64(i->mem_bytes));
                json_object_object_add(o, "page_size", json_object_new_uint64(i->page_size));
                json_object_object_add(o, "pages", json_object_new_uint64(i->pages));
                json_object_object_add(o, "zero_pages", json_object_new_uint64(i->zero_pages));
                json_object_object_add(o, "free_pages", json_object_new_uint64(i->free_pages));
                json_object_object_add(o, "distinct_pages", json_object_new_uint64(i->distinct_pages));
                json_object_object_add(o, "pause_ns", json_object_new_uint64(i->pause_ns));
                json_object_object_add(o, "state_bytes", json_object_new_uint64(i->state_bytes));
                json_object_object_add(o, "pagemap_bytes", json_object_new_uint64(i->pagemap_bytes));
                json_object_object_add(o, "mb_per_gb_ram", json_object_new_double(mb_per_gb));
                json_object_object_add(o, "mem_file", json_object_new_string(d->mem_file));
                json_object_object_add(o, "hostname_prefix", json_object_new_string(d->hostname_prefix));
                for (unsigned k = 0; k < d->nsect; k++) {
                        json_object *s = json_object_new_object();
                        json_object_object_add(s, "type", json_object_new_string(sect_name(d->sect[k].type)));
                        json_object_object_add(s, "offset", json_object_new_uint64(d->sect[k].offset));
                        json_object_object_add(s, "length", json_object_new_uint64(d->sect[k].length));
                        char c[16];
                        snprintf(c, sizeof(c), "%08x", d->sect[k].crc);
                        json_object_object_add(s, "crc32", json_object_new_string(c));
                        json_object_object_add(s, "lz4", json_object_new_boolean(d->sect[k].flags & SECT_F_LZ4));
                        json_object_array_add(secs, s);
                }
                json_object_object_add(o, "sections", secs);
                json_object_object_add(o, "vm_config", vm ? vm : json_object_new_string(d->vm_config));
                fprintf(out, "%s\n", json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN));
                json_object_put(o);
        } else {
                fprintf(out, "descriptor   %s\n", path);
                fprintf(out, "format       %u.%u, %" PRIu64 " bytes (%.2f MB per GB of RAM), CRC ok\n",
                        i->version_major, i->version_minor, i->file_bytes, mb_per_gb);
                fprintf(out, "generation   %" PRIu64 " (parent %" PRIu64 "), driver %s, created %s\n",
                        i->generation, i->parent_generation, i->driver, when);
                fprintf(out, "memory       %" PRIu64 " MiB = %" PRIu64 " pages of %u B, file %s\n",
                        i->mem_bytes >> 20, i->pages, i->page_size, d->mem_file);
                fprintf(out, "pages        %" PRIu64 " zero (%.1f%%), %" PRIu64 " free, %" PRIu64
                        " distinct (%.1f%%), %" PRIu64 " duplicates\n",
                        i->zero_pages, pct(i->zero_pages, i->pages), i->free_pages, i->distinct_pages,
                        pct(i->distinct_pages, i->pages),
                        i->pages - i->zero_pages - i->free_pages - i->distinct_pages);
                fprintf(out, "parent pause %.3f ms\n", (double)i->pause_ns / 1e6);
                for (unsigned k = 0; k < d->nsect; k++)
                        fprintf(out, "section      %-9s %10" PRIu64 " bytes at %8" PRIu64 ", crc32 %08x%s\n",
                                sect_name(d->sect[k].type), d->sect[k].length, d->sect[k].offset,
                                d->sect[k].crc, d->sect[k].flags & SECT_F_LZ4 ? ", LZ4" : "");
                fprintf(out, "state        %" PRIu64 " bytes\n", i->state_bytes);
                fprintf(out, "identity     hostname %s<id>, MAC 02:53:<generation>:<index>\n",
                        d->hostname_prefix);
                fprintf(out, "vm config    %s\n", d->vm_config);
        }
        cc_descriptor_free(d);
        return 0;
}
