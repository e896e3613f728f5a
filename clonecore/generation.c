/* Generations: publishing a checkpoint (page map, page store, descriptor), loading a published
 * one after a restart, fetching one from another host's memserver, dropping one. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "engine_int.h"
#include "ss_util.h"

#define MAX_STATE_BYTES (256u << 20)

static struct cc_generation *find_gen(struct cc_engine *e, uint64_t id)
{
        for (struct cc_generation *g = e->gens; g; g = g->next)
                if (g->info.id == id)
                        return g;
        return NULL;
}

static uint64_t next_gen_id(struct cc_engine *e)
{
        char path[PATH_MAX];
        uint64_t max = 0;
        DIR *d;

        for (struct cc_generation *g = e->gens; g; g = g->next)
                if (g->info.id > max)
                        max = g->info.id;
        snprintf(path, sizeof(path), "%s/gen", e->state_dir);
        d = opendir(path);
        if (d) {
                struct dirent *de;
                while ((de = readdir(d))) {
                        char *end;
                        uint64_t v = strtoull(de->d_name, &end, 10);
                        if (*end == 0 && v > max)
                                max = v;
                }
                closedir(d);
        }
        return max + 1;
}

/* Disk layers: the driver names them at the checkpoint (cc_checkpoint.disk_layers); the engine
 * keeps the list beside the descriptor (<dir>/layers), so that after a restart it still knows
 * which generations read which layers. */
static void fill_disk_info(struct cc_generation *g)
{
        const char *nl = strchr(g->disk_layers, '\n');

        g->info.disk_layer[0] = 0;
        g->info.disk_depth = 0;
        if (!nl)
                return;
        snprintf(g->info.disk_layer, sizeof(g->info.disk_layer), "%.*s", (int)(nl - g->disk_layers), g->disk_layers);
        for (const char *p = g->disk_layers; *p; p++)
                g->info.disk_depth += *p == '\n';
}

static void read_disk_layers(struct cc_generation *g, const char *dir)
{
        char path[PATH_MAX + 16], *buf = NULL;
        size_t len;

        g->disk_layers[0] = 0;
        snprintf(path, sizeof(path), "%s/layers", dir);
        if (ss_read_file(path, sizeof(g->disk_layers) - 1, &buf, &len) == 0) {
                snprintf(g->disk_layers, sizeof(g->disk_layers), "%s", buf);
                free(buf);
        }
}

/* Does g read the disk layer at path (as its own or under it)? */
static bool reads_layer(const struct cc_generation *g, const char *path)
{
        size_t n = strlen(path);

        for (const char *p = g->disk_layers; *p;) {
                const char *nl = strchr(p, '\n');
                size_t l = nl ? (size_t)(nl - p) : strlen(p);
                if (l == n && !strncmp(p, path, n))
                        return true;
                p += l + (nl ? 1 : 0);
        }
        return false;
}

static void fill_info(struct cc_generation *g, const char *dir, const char *desc_path)
{
        const struct cc_desc_info *i = cc_descriptor_info(g->desc);
        g->info.id = i->generation;
        g->info.parent = i->parent_generation;
        snprintf(g->info.dir, sizeof(g->info.dir), "%s", dir);
        snprintf(g->info.descriptor_path, sizeof(g->info.descriptor_path), "%s", desc_path);
        snprintf(g->info.mem_path, sizeof(g->info.mem_path), "%s/%s", dir, cc_descriptor_mem_file(g->desc));
        g->info.descriptor_bytes = i->file_bytes;
        g->info.mem_bytes = i->mem_bytes;
        g->info.page_size = i->page_size;
        g->info.pages = i->pages;
        g->info.zero_pages = i->zero_pages;
        g->info.free_pages = i->free_pages;
        g->info.distinct_pages = i->distinct_pages;
        g->info.pause_ns = i->pause_ns;
        g->info.created_us = i->created_us;
        snprintf(g->state_path, sizeof(g->state_path), "%s/clone-state.bin", dir);
        snprintf(g->ws_path, sizeof(g->ws_path), "%s/ws.bin", dir);
        fill_disk_info(g);
}

/* Generation-local dedup: hash -> page map index (open addressing). */
struct dedup {
        uint64_t *key;
        uint32_t *val;                  /* index + 1; 0 = empty */
        uint64_t cap, n;
};

static int dedup_find_or_add(struct dedup *d, uint64_t h, uint32_t idx, uint32_t *ret, bool *added)
{
        if ((d->n + 1) * 2 > d->cap) {
                uint64_t ncap = d->cap ? d->cap * 2 : 65536;
                uint64_t *k = calloc(ncap, sizeof(*k));
                uint32_t *v = calloc(ncap, sizeof(*v));
                if (!k || !v) {
                        free(k);
                        free(v);
                        return -ENOMEM;
                }
                for (uint64_t i = 0; i < d->cap; i++) {
                        if (!d->val[i])
                                continue;
                        uint64_t j = (d->key[i] * 0x9e3779b97f4a7c15ULL) & (ncap - 1);
                        while (v[j])
                                j = (j + 1) & (ncap - 1);
                        k[j] = d->key[i];
                        v[j] = d->val[i];
                }
                free(d->key);
                free(d->val);
                d->key = k;
                d->val = v;
                d->cap = ncap;
        }
        uint64_t j = (h * 0x9e3779b97f4a7c15ULL) & (d->cap - 1);
        while (d->val[j] && d->key[j] != h)
                j = (j + 1) & (d->cap - 1);
        if (d->val[j]) {
                *ret = d->val[j] - 1;
                *added = false;
                return 0;
        }
        d->key[j] = h;
        d->val[j] = idx + 1;
        d->n++;
        *ret = idx;
        *added = true;
        return 0;
}

static int read_small_file(const char *path, size_t max, uint8_t **ret, size_t *ret_len)
{
        char *buf;
        size_t len;
        int r = ss_read_file(path, max, &buf, &len);
        if (r < 0)
                return r;
        *ret = (uint8_t *)buf;
        *ret_len = len;
        return 0;
}

int cc_generation_publish(struct cc_engine *e, const char *gen_dir, const struct cc_checkpoint *cp,
                          const struct cc_publish_opts *opts, struct cc_generation **ret,
                          char *why, size_t why_len)
{
        static const struct cc_publish_opts none = {0};
        struct cc_pagemap pm = {0};
        struct dedup dd = {0};
        struct cc_generation *g = NULL;
        uint8_t *state = NULL, *desc = NULL, *chunk = NULL;
        size_t state_len = 0, desc_len = 0;
        char desc_path[PATH_MAX], dir_copy[PATH_MAX], mem_copy[PATH_MAX];
        uint64_t t0 = ss_mono_ns(), store_before;
        int fd = -1, r;
        struct stat st;

        if (!opts)
                opts = &none;
        const char *driver = opts->driver_name ? opts->driver_name :
                             e->cfg.driver ? e->cfg.driver->name : NULL;
        if (!driver)
                return cc_why(why, why_len, -EINVAL, "publish: no driver name");
        if (cp->page_size != 4096 || cp->mem_bytes == 0 || cp->mem_bytes % 4096)
                return cc_why(why, why_len, -EINVAL, "publish: memory of %" PRIu64 " bytes in %u-byte pages "
                              "is not supported (4096-byte pages)", cp->mem_bytes, cp->page_size);
        /* The descriptor names the memory image relative to itself: it must be in gen_dir. */
        snprintf(dir_copy, sizeof(dir_copy), "%s", cp->mem_path);
        snprintf(mem_copy, sizeof(mem_copy), "%s", cp->mem_path);
        char *mdir = dirname(dir_copy), *mfile = basename(mem_copy);
        char real_a[PATH_MAX], real_b[PATH_MAX];
        if (!realpath(mdir, real_a) || !realpath(gen_dir, real_b) || strcmp(real_a, real_b) != 0)
                return cc_why(why, why_len, -EINVAL, "publish: memory image %s is not in %s",
                              cp->mem_path, gen_dir);
        uint64_t id = opts->id;
        pthread_mutex_lock(&e->lock);
        if (!id)
                id = next_gen_id(e);
        bool taken = find_gen(e, id) != NULL;
        pthread_mutex_unlock(&e->lock);
        if (taken)
                return cc_why(why, why_len, -EEXIST, "generation %" PRIu64 " exists already", id);

        r = read_small_file(cp->state_path, MAX_STATE_BYTES, &state, &state_len);
        if (r < 0) {
                cc_why(why, why_len, r, "publish: cannot read state blob %s: %s", cp->state_path, strerror(-r));
                goto out;
        }
        fd = open(cp->mem_path, O_RDONLY | O_CLOEXEC);
        if (fd < 0 || fstat(fd, &st) < 0) {
                r = cc_why(why, why_len, -errno, "publish: cannot open memory image %s: %s",
                           cp->mem_path, strerror(errno));
                goto out;
        }
        if ((uint64_t)st.st_size < cp->mem_bytes) {
                r = cc_why(why, why_len, -EINVAL, "publish: memory image %s has %lld of %" PRIu64 " bytes",
                           cp->mem_path, (long long)st.st_size, cp->mem_bytes);
                goto out;
        }
        r = cc_pagemap_init(&pm, cp->mem_bytes / 4096, 4096);
        if (r < 0) {
                cc_why(why, why_len, r, "publish: memory of %" PRIu64 " bytes is too large", cp->mem_bytes);
                goto out;
        }
        const size_t CH = 1u << 20;
        uint64_t new_hash[(1u << 20) / 4096];
        const void *new_page[(1u << 20) / 4096];
        size_t nnew = 0;
        chunk = malloc(CH);
        if (!chunk) {
                r = -ENOMEM;
                goto out;
        }
        store_before = cc_store_pages(e->store);
        for (uint64_t off = 0; off < cp->mem_bytes; off += CH) {
                size_t want = cp->mem_bytes - off < CH ? (size_t)(cp->mem_bytes - off) : CH;
                for (size_t got = 0; got < want;) {
                        ssize_t n = pread(fd, chunk + got, want - got, (off_t)(off + got));
                        if (n < 0 && errno == EINTR)
                                continue;
                        if (n <= 0) {
                                r = cc_why(why, why_len, n < 0 ? -errno : -EIO,
                                           "publish: reading %s failed", cp->mem_path);
                                goto out;
                        }
                        got += (size_t)n;
                }
                for (size_t p = 0; p < want; p += 4096) {
                        uint64_t page = (off + p) / 4096;
                        if (cc_page_is_zero(chunk + p, 4096))
                                continue;       /* entries start as CC_PM_ZERO */
                        uint64_t h = cc_page_hash(chunk + p, 4096);
                        uint32_t idx;
                        bool added;
                        r = dedup_find_or_add(&dd, h, (uint32_t)pm.distinct, &idx, &added);
                        if (r == 0 && added) {
                                uint32_t got_idx;
                                r = cc_pagemap_add_hash(&pm, h, &got_idx);
                                new_hash[nnew] = h;
                                new_page[nnew++] = chunk + p;
                        }
                        if (r < 0) {
                                cc_why(why, why_len, r, "publish: page %" PRIu64 ": %s", page, strerror(-r));
                                goto out;
                        }
                        pm.entry[page] = CC_PM_DATA + idx;
                }
                /* this chunk's new pages go to the store in one batch */
                r = cc_store_put_many(e->store, new_hash, new_page, nnew);
                if (r < 0) {
                        cc_why(why, why_len, r, "publish: storing pages at %" PRIu64 " MiB: %s", off >> 20,
                               r == -EEXIST ? "content hash collision in the page store" : strerror(-r));
                        goto out;
                }
                nnew = 0;
                if (opts->progress && ((off + want) % (64u << 20) == 0 || off + want == cp->mem_bytes))
                        opts->progress(off + want, cp->mem_bytes, opts->userdata);
        }
        cc_pagemap_count(&pm);

        struct cc_desc_spec spec = {
                .generation = id, .parent_generation = opts->parent, .created_us = ss_wall_us(),
                .pause_ns = cp->pause_ns, .mem_bytes = cp->mem_bytes, .driver = driver,
                .vm_config_json = cp->vm_config_json, .mem_file = mfile,
                .hostname_prefix = opts->hostname_prefix, .state = state, .state_len = state_len,
                .pm = &pm,
        };
        r = cc_descriptor_build(&spec, &desc, &desc_len);
        if (r < 0) {
                cc_why(why, why_len, r, "publish: cannot build the descriptor: %s", strerror(-r));
                goto out;
        }
        if (cp->disk_layers[0]) {
                char lpath[PATH_MAX + 16];
                snprintf(lpath, sizeof(lpath), "%s/layers", gen_dir);
                r = ss_write_file_atomic(lpath, cp->disk_layers, strlen(cp->disk_layers), 0600);
                if (r < 0) {
                        cc_why(why, why_len, r, "publish: cannot write %s: %s", lpath, strerror(-r));
                        goto out;
                }
        }
        snprintf(desc_path, sizeof(desc_path), "%s/descriptor.sfd", gen_dir);
        r = ss_write_file_atomic(desc_path, desc, desc_len, 0600);
        if (r < 0) {
                cc_why(why, why_len, r, "publish: cannot write %s: %s", desc_path, strerror(-r));
                goto out;
        }
        g = calloc(1, sizeof(*g));
        if (!g) {
                r = -ENOMEM;
                goto out;
        }
        /* Parse what was written: the generation is exactly what a clone host will read. */
        r = cc_descriptor_parse(desc, desc_len, &g->desc, why, why_len);
        if (r < 0)
                goto out;
        snprintf(g->disk_layers, sizeof(g->disk_layers), "%s", cp->disk_layers);
        fill_info(g, gen_dir, desc_path);
        g->engine = e;
        g->info.new_store_pages = cc_store_pages(e->store) - store_before;
        g->info.publish_ns = ss_mono_ns() - t0;
        pthread_mutex_lock(&e->lock);
        if (find_gen(e, id)) {
                pthread_mutex_unlock(&e->lock);
                r = cc_why(why, why_len, -EEXIST, "generation %" PRIu64 " was published concurrently", id);
                goto out;
        }
        g->next = e->gens;
        e->gens = g;
        pthread_mutex_unlock(&e->lock);
        *ret = g;
        g = NULL;
        r = 0;
out:
        if (g) {
                cc_descriptor_free(g->desc);
                free(g);
        }
        if (fd >= 0)
                close(fd);
        free(dd.key);
        free(dd.val);
        free(chunk);
        free(state);
        free(desc);
        cc_pagemap_dispose(&pm);
        return r;
}

int cc_generation_cut(struct cc_engine *e, struct cc_vm *parent, const struct cc_publish_opts *opts,
                      struct cc_generation **ret, char *why, size_t why_len)
{
        struct cc_publish_opts o = opts ? *opts : (struct cc_publish_opts){0};
        struct cc_checkpoint *cp = NULL;
        char dir[PATH_MAX];
        int r;

        if (!e->cfg.driver)
                return cc_why(why, why_len, -ENODEV, "no driver configured");
        pthread_mutex_lock(&e->lock);
        if (!o.id)
                o.id = next_gen_id(e);
        pthread_mutex_unlock(&e->lock);
        snprintf(dir, sizeof(dir), "%s/gen/%" PRIu64, e->state_dir, o.id);
        if (mkdir(dir, 0700) < 0) {
                char desc[PATH_MAX + 32];
                int err = errno;
                snprintf(desc, sizeof(desc), "%s/descriptor.sfd", dir);
                /* a directory left by a cut that failed half-way is reused; a published one not */
                if (err != EEXIST || access(desc, F_OK) == 0)
                        return cc_why(why, why_len, err == EEXIST ? -EEXIST : -err, "cannot create %s: %s", dir,
                                      err == EEXIST ? "generation exists already" : strerror(err));
        }
        cp = calloc(1, sizeof(*cp));
        if (!cp)
                return -ENOMEM;
        r = e->cfg.driver->checkpoint(parent, dir, cp, why, why_len);
        if (r == 0)
                r = cc_generation_publish(e, dir, cp, &o, ret, why, why_len);
        free(cp);
        return r;
}

static int load_gen(struct cc_engine *e, uint64_t id, const char *memserver, struct cc_generation **ret,
                    char *why, size_t why_len)
{
        struct cc_generation *g = calloc(1, sizeof(*g));
        char dir[PATH_MAX], path[PATH_MAX + 32];
        int r;

        if (!g)
                return -ENOMEM;
        snprintf(dir, sizeof(dir), "%s/gen/%" PRIu64, e->state_dir, id);
        snprintf(path, sizeof(path), "%s/descriptor.sfd", dir);
        r = cc_descriptor_read(path, &g->desc, why, why_len);
        if (r == 0 && cc_descriptor_info(g->desc)->generation != id)
                r = cc_why(why, why_len, -EBADMSG, "%s describes generation %" PRIu64 ", not %" PRIu64,
                           path, cc_descriptor_info(g->desc)->generation, id);
        if (r < 0) {
                cc_descriptor_free(g->desc);
                free(g);
                return r;
        }
        read_disk_layers(g, dir);
        fill_info(g, dir, path);
        g->engine = e;
        if (memserver) {
                g->remote = true;
                snprintf(g->memserver, sizeof(g->memserver), "%s", memserver);
        } else {
                /* A generation fetched from another host leaves a note of where its pages live. */
                char note[PATH_MAX + 32], *buf = NULL;
                size_t len;
                snprintf(note, sizeof(note), "%s/memserver", dir);
                if (ss_read_file(note, 255, &buf, &len) == 0) {
                        g->remote = true;
                        snprintf(g->memserver, sizeof(g->memserver), "%s", buf);
                        free(buf);
                }
        }
        pthread_mutex_lock(&e->lock);
        struct cc_generation *old = find_gen(e, id);
        if (old) {
                pthread_mutex_unlock(&e->lock);
                cc_descriptor_free(g->desc);
                free(g);
                *ret = old;
                return 0;
        }
        g->next = e->gens;
        e->gens = g;
        pthread_mutex_unlock(&e->lock);
        *ret = g;
        return 0;
}

int cc_generation_get(struct cc_engine *e, uint64_t id, struct cc_generation **ret, char *why, size_t why_len)
{
        pthread_mutex_lock(&e->lock);
        struct cc_generation *g = find_gen(e, id);
        pthread_mutex_unlock(&e->lock);
        if (g) {
                *ret = g;
                return 0;
        }
        return load_gen(e, id, NULL, ret, why, why_len);
}

int cc_generation_fetch(struct cc_engine *e, const char *memserver, uint64_t id,
                        struct cc_generation **ret, char *why, size_t why_len)
{
        struct cc_client *cl = NULL;
        struct cc_descriptor *d = NULL;
        uint8_t *buf = NULL;
        size_t len = 0;
        char dir[PATH_MAX], path[PATH_MAX + 32];
        int r;

        pthread_mutex_lock(&e->lock);
        struct cc_generation *g = find_gen(e, id);
        pthread_mutex_unlock(&e->lock);
        if (g) {
                *ret = g;
                return 0;
        }
        /* Fetched before (this engine's previous run): the descriptor here is enough, the
         * memserver's host need not be up (a completed generation needs nothing from it). */
        snprintf(path, sizeof(path), "%s/gen/%" PRIu64 "/descriptor.sfd", e->state_dir, id);
        if (access(path, R_OK) == 0 && load_gen(e, id, memserver, ret, NULL, 0) == 0)
                return 0;
        r = cc_client_connect(memserver, e->secret, e->cfg.secret_len, e->cfg.fetch_timeout_ms, &cl,
                              why, why_len);
        if (r < 0)
                goto out;
        r = cc_client_get_descriptor(cl, id, &buf, &len, why, why_len);
        if (r < 0)
                goto out;
        r = cc_descriptor_parse(buf, len, &d, why, why_len);
        if (r < 0)
                goto out;
        snprintf(dir, sizeof(dir), "%s/gen/%" PRIu64, e->state_dir, id);
        r = ss_mkdir_p(dir, 0700);
        if (r == 0) {
                snprintf(path, sizeof(path), "%s/memserver", dir);
                r = ss_write_file_atomic(path, memserver, strlen(memserver), 0600);
        }
        if (r == 0) {
                snprintf(path, sizeof(path), "%s/descriptor.sfd", dir);
                r = ss_write_file_atomic(path, buf, len, 0600);
        }
        if (r < 0) {
                cc_why(why, why_len, r, "cannot store the descriptor in %s: %s", dir, strerror(-r));
                goto out;
        }
        r = load_gen(e, id, memserver, ret, why, why_len);
out:
        cc_descriptor_free(d);
        free(buf);
        cc_client_close(cl);
        return r;
}

int cc_generation_info(const struct cc_generation *g, struct cc_generation_info *ret)
{
        pthread_mutex_lock(&g->engine->lock);   /* clones changes under it */
        *ret = g->info;
        pthread_mutex_unlock(&g->engine->lock);
        return 0;
}

const struct cc_descriptor *cc_generation_descriptor(const struct cc_generation *g) { return g->desc; }

static int rm_tree(const char *path)
{
        struct stat st;
        if (lstat(path, &st) < 0)
                return -errno;
        if (S_ISDIR(st.st_mode)) {
                DIR *d = opendir(path);
                struct dirent *de;
                if (!d)
                        return -errno;
                while ((de = readdir(d))) {
                        char sub[PATH_MAX];
                        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
                                continue;
                        snprintf(sub, sizeof(sub), "%s/%s", path, de->d_name);
                        rm_tree(sub);
                }
                closedir(d);
                return rmdir(path) < 0 ? -errno : 0;
        }
        return unlink(path) < 0 ? -errno : 0;
}

/* A generation goes when nothing reads it: no live clone (info.clones), and no other generation
 * whose disk reads its layer (a later cut of the same VM before the chain bound streamed it away,
 * or a generation cut from one of its clones). The engine holds every generation the caller keeps
 * (snowscaled loads the store's live ones at start), so the count survives a restart. */
int cc_generation_drop(struct cc_engine *e, uint64_t id)
{
        struct cc_generation *g;
        pthread_mutex_lock(&e->lock);
        g = find_gen(e, id);
        if (g && g->info.clones) {
                pthread_mutex_unlock(&e->lock);
                return -EBUSY;
        }
        for (struct cc_generation *h = e->gens; g && g->info.disk_layer[0] && h; h = h->next)
                if (h != g && reads_layer(h, g->info.disk_layer)) {
                        pthread_mutex_unlock(&e->lock);
                        return -EBUSY;
                }
        if (g)
                for (struct cc_generation **p = &e->gens; *p; p = &(*p)->next)
                        if (*p == g) {
                                *p = g->next;
                                break;
                        }
        pthread_mutex_unlock(&e->lock);
        char dir[PATH_MAX];
        snprintf(dir, sizeof(dir), "%s/gen/%" PRIu64, e->state_dir, id);
        int r = rm_tree(dir);
        if (g) {
                cc_descriptor_free(g->desc);
                free(g);
        }
        return r == -ENOENT && g ? 0 : r;
}

