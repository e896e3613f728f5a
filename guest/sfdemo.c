/* sfdemo: the worker VM's demo web app. An HTTP/1.1 server with an in-memory cache whose misses are
 * expensive (a fixed amount of CPU work, -c MS) and whose hits are cheap; it is what shows that a
 * clone inherits its parent's warm cache.
 *
 *   GET  /healthz           "ok"
 *   GET  /item/KEY[?size=N][&fresh=1] the item; X-Cache: hit|miss. A hit is answered from memory
 *                           at once; a miss first waits -w MS for one of -k backend slots (a
 *                           simulated downstream call with a bounded connection pool; off by
 *                           default), then computes the value (-c ms of CPU) and caches it.
 *                           fresh=1 checks with the downstream on a hit too (a read that must
 *                           see the source: it waits for a slot like a miss, then answers from
 *                           memory), so every such request takes a slot: a worker's throughput
 *                           has a ceiling of k/w per second. N is at most 1 MiB (413 above, 400
 *                           when not a number)
 *   PUT  /item/KEY          store the body (at most 1 MiB, 413 above) as KEY, overwriting in place
 *                           when it fits
 *   GET  /stats             text/plain, one key=value per line: items= bytes= hits= misses=
 *                           evictions= (the guest agent forwards these lines as they are)
 *   GET  /whoami            hostname and clone id (from /run/sf/clone_id)
 *   PUT  /file/NAME         write the body (at most 1 MiB) to DATA_DIR/NAME and fsync it: the
 *                           guest's disk, when it has one (/init mounts /dev/vda or /dev/xvda there; 503 without)
 *   GET  /file/NAME         that file (404 when absent)
 *
 * The cache is bounded by -n items and -m MiB (default: a quarter of the guest's RAM), evicting
 * the least recently used items, so no client can fill the guest's memory with PUTs or sizes.
 *
 * Static binary, no dependencies: the guest has only busybox. One thread per connection (bounded),
 * the cache behind one mutex; a miss waits and computes outside the lock. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/socket.h>
#include <sys/sysinfo.h>
#include <time.h>
#include <unistd.h>

#define MAX_CONNS     128
#define MAX_ITEMS     65536             /* -n: default and ceiling */
#define MAX_ITEM      (1u << 20)        /* 1 MiB per item */
#define DATA_DIR      "/data"           /* the disk's mount point; /run/sf/data says it is mounted */
#define MAX_KEY       128
#define REQ_MAX       8192
#define NBUCKETS      16384

struct item {
        struct item *next;              /* hash bucket chain */
        struct item *newer, *older;     /* LRU list: lru_new is the most recently used */
        char key[MAX_KEY];
        size_t len, cap;
        unsigned char *data;
};

static struct item *buckets[NBUCKETS];
static struct item *lru_new, *lru_old;
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned long n_items, n_bytes, n_hits, n_misses, n_evictions;
static unsigned long max_items = MAX_ITEMS, max_bytes;  /* max_bytes 0: a quarter of the RAM */
static atomic_int n_conns;
static unsigned miss_cost_ms = 20;
/* The simulated downstream (-w/-k): each item request holds one of backend_slots for
 * backend_wait_ms without using CPU, so one worker's capacity is slots/wait requests per second
 * whatever the host's CPU — what makes adding workers add capacity, as with a real backend pool. */
static unsigned backend_wait_ms, backend_slots = 4;
static sem_t backend_sem;
static size_t default_size = 4096;

static uint64_t fnv1a(const void *p, size_t n, uint64_t h)
{
        const unsigned char *s = p;
        for (size_t i = 0; i < n; i++) { h ^= s[i]; h *= 1099511628211ull; }
        return h;
}

static uint64_t now_ns(void)
{
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* The expensive backend: burn miss_cost_ms of CPU deriving the value from the key, so a miss costs
 * real work on the vCPU (as a database query or template render would), not a sleep. */
static unsigned char *compute_item(const char *key, size_t size)
{
        unsigned char *v = malloc(size ? size : 1);
        uint64_t h = fnv1a(key, strlen(key), 1469598103934665603ull), end = now_ns() + miss_cost_ms * 1000000ull;
        volatile uint64_t sink = 0;

        if (!v)
                return NULL;
        while (now_ns() < end)
                for (int i = 0; i < 4096; i++)
                        sink += (h = h * 6364136223846793005ull + 1442695040888963407ull);
        (void)sink;
        h = fnv1a(key, strlen(key), 1469598103934665603ull);
        for (size_t i = 0; i < size; i++) {
                h = h * 6364136223846793005ull + 1442695040888963407ull;
                v[i] = (unsigned char)('a' + (h >> 59) % 26);
        }
        return v;
}

static struct item **slot(const char *key)
{
        struct item **p = &buckets[fnv1a(key, strlen(key), 1469598103934665603ull) % NBUCKETS];
        while (*p && strcmp((*p)->key, key))
                p = &(*p)->next;
        return p;
}

static void lru_unlink(struct item *it)
{
        if (it->newer)
                it->newer->older = it->older;
        else
                lru_new = it->older;
        if (it->older)
                it->older->newer = it->newer;
        else
                lru_old = it->newer;
        it->newer = it->older = NULL;
}

static void lru_push(struct item *it)
{
        it->older = lru_new;
        it->newer = NULL;
        if (lru_new)
                lru_new->newer = it;
        lru_new = it;
        if (!lru_old)
                lru_old = it;
}

/* A hit makes the item the most recently used. Caller holds cache_lock. */
static struct item *cache_get_locked(const char *key)
{
        struct item *it = *slot(key);

        if (it && it != lru_new) {
                lru_unlink(it);
                lru_push(it);
        }
        return it;
}

static void cache_drop_locked(struct item *it)
{
        struct item **p = slot(it->key);

        *p = it->next;
        lru_unlink(it);
        n_items--;
        n_bytes -= it->cap;
        free(it->data);
        free(it);
}

/* Evict least recently used items (never keep) until `need` more bytes and one more item fit. */
static void cache_make_room_locked(size_t need, bool new_item, const struct item *keep)
{
        while (lru_old && (n_bytes + need > max_bytes || (new_item && n_items + 1 > max_items))) {
                struct item *victim = lru_old == keep ? keep->newer : lru_old;
                if (!victim)
                        break;
                cache_drop_locked(victim);
                n_evictions++;
        }
}

/* Store a copy of data under key; overwrite in place when it fits (same pages, which is what the
 * generation-freeze regression test relies on). The cache counts each item's allocation (cap),
 * so its bytes are what it really holds. Caller holds cache_lock. */
static int cache_put_locked(const char *key, const unsigned char *data, size_t len)
{
        struct item **p = slot(key), *it = *p;
        unsigned char *d;

        if (len > max_bytes)
                return -EFBIG;
        if (it && it->cap >= len) {
                memcpy(it->data, data, len);
                it->len = len;
                lru_unlink(it);
                lru_push(it);
                return 0;
        }
        cache_make_room_locked(len - (it ? it->cap : 0), !it, it);
        p = slot(key);                  /* evictions may have unlinked items of this chain */
        if (!it) {
                it = calloc(1, sizeof(*it));
                if (!it)
                        return -ENOMEM;
                snprintf(it->key, sizeof(it->key), "%s", key);
                it->next = *p;
                *p = it;
                n_items++;
        } else {
                lru_unlink(it);
        }
        lru_push(it);
        d = malloc(len ? len : 1);
        if (!d) {
                cache_drop_locked(it);
                return -ENOMEM;
        }
        n_bytes = n_bytes - it->cap + len;
        free(it->data);
        it->data = d;
        memcpy(it->data, data, len);
        it->len = it->cap = len;
        return 0;
}

static int write_all(int fd, const void *buf, size_t len)
{
        const char *p = buf;
        while (len) {
                ssize_t n = send(fd, p, len, MSG_NOSIGNAL);
                if (n < 0 && errno == EINTR)
                        continue;
                if (n <= 0)
                        return -1;
                p += n;
                len -= (size_t)n;
        }
        return 0;
}

static int respond(int fd, int code, const char *extra_hdr, const void *body, size_t len, int keep)
{
        char hdr[512];
        const char *msg = code == 200 ? "OK" : code == 404 ? "Not Found" : code == 400 ? "Bad Request" :
                          code == 413 ? "Payload Too Large" : code == 507 ? "Insufficient Storage" : "Error";
        int n = snprintf(hdr, sizeof(hdr), "HTTP/1.1 %d %s\r\nContent-Length: %zu\r\nContent-Type: %s\r\n"
                         "Connection: %s\r\n%s\r\n", code, msg, len,
                         code == 200 && body && len && ((const char *)body)[0] == '{' ? "application/json" : "text/plain",
                         keep ? "keep-alive" : "close", extra_hdr ? extra_hdr : "");
        if (write_all(fd, hdr, (size_t)n) < 0)
                return -1;
        return len ? write_all(fd, body, len) : 0;
}

static void read_small(const char *path, char *buf, size_t len)
{
        FILE *f = fopen(path, "re");
        buf[0] = 0;
        if (!f)
                return;
        if (fgets(buf, (int)len, f))
                buf[strcspn(buf, "\r\n")] = 0;
        fclose(f);
}

/* One trip to the simulated downstream: wait for one of the -k slots, hold it -w ms. */
static void downstream_trip(void)
{
        struct timespec w = { backend_wait_ms / 1000, (long)(backend_wait_ms % 1000) * 1000000L };

        if (!backend_wait_ms)
                return;
        while (sem_wait(&backend_sem) < 0 && errno == EINTR)
                ;
        while (nanosleep(&w, &w) < 0 && errno == EINTR)
                ;
        sem_post(&backend_sem);
}

static int handle_get_item(int fd, const char *key, const char *query, int keep)
{
        size_t size = default_size;
        const char *q = query ? strstr(query, "size=") : NULL;
        bool fresh;
        unsigned char *v, *copy;
        size_t len;
        struct item *it;
        int rc;

        if (q) {
                char *end;
                /* digits only: strtoul would take "-1" as the largest size there is */
                if (q[5] < '0' || q[5] > '9')
                        return respond(fd, 400, NULL, "size must be a number\n", 22, keep);
                errno = 0;
                size = strtoul(q + 5, &end, 10);
                if (*end && *end != '&')
                        return respond(fd, 400, NULL, "size must be a number\n", 22, keep);
                if (errno || size > MAX_ITEM || size > max_bytes)
                        return respond(fd, 413, NULL, "size too large\n", 15, keep);
        }
        fresh = query && (!strncmp(query, "fresh=1", 7) || strstr(query, "&fresh=1"));
        if (fresh)
                downstream_trip();      /* revalidate: the source is asked, the copy served */
        pthread_mutex_lock(&cache_lock);
        it = cache_get_locked(key);
        if (it) {
                n_hits++;
                copy = malloc(it->len ? it->len : 1);
                len = it->len;
                if (copy)
                        memcpy(copy, it->data, len);
                pthread_mutex_unlock(&cache_lock);
                if (!copy)
                        return respond(fd, 500, NULL, "oom\n", 4, 0);
                rc = respond(fd, 200, "X-Cache: hit\r\n", copy, len, keep);
                free(copy);
                return rc;
        }
        n_misses++;
        pthread_mutex_unlock(&cache_lock);
        /* Only a miss goes downstream: saving that trip is what a cache (and a warm clone) is for. */
        if (!fresh)             /* the trip was made above */
                downstream_trip();
        v = compute_item(key, size);
        if (!v)
                return respond(fd, 500, NULL, "oom\n", 4, 0);
        pthread_mutex_lock(&cache_lock);
        if (!*slot(key))
                cache_put_locked(key, v, size);
        pthread_mutex_unlock(&cache_lock);
        rc = respond(fd, 200, "X-Cache: miss\r\n", v, size, keep);
        free(v);
        return rc;
}

/* PUT/GET /file/NAME on the guest's disk (docs/disks.md). fsync, so that the write is in the VM's
 * disk overlay, not only in its page cache, when the answer says "stored". */
static int handle_file(int fd, const char *method, const char *name, const char *body, size_t len, int keep)
{
        char path[sizeof(DATA_DIR) + 256];  /* a target is at most 255 bytes */
        struct stat st;
        int f, rc;

        if (name[0] == '.')             /* no ".", "..", hidden files */
                return respond(fd, 400, NULL, "bad name\n", 9, keep);
        if (access("/run/sf/data", F_OK) < 0)
                return respond(fd, 503, NULL, "no data disk\n", 13, keep);
        snprintf(path, sizeof(path), DATA_DIR "/%s", name);
        if (!strcmp(method, "PUT")) {
                f = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
                rc = f < 0 ? -1 : 0;
                for (size_t done = 0; rc == 0 && done < len;) {
                        ssize_t n = write(f, body + done, len - done);
                        if (n < 0 && errno == EINTR)
                                continue;
                        if (n <= 0)
                                rc = -1;
                        else
                                done += (size_t)n;
                }
                if (rc == 0 && fsync(f) < 0)
                        rc = -1;
                if (f >= 0)
                        close(f);
                return rc ? respond(fd, 507, NULL, "write failed\n", 13, keep)
                          : respond(fd, 200, NULL, "stored\n", 7, keep);
        }
        if (strcmp(method, "GET"))
                return respond(fd, 400, NULL, "method\n", 7, 0);
        f = open(path, O_RDONLY | O_CLOEXEC);
        if (f < 0)
                return respond(fd, 404, NULL, "not found\n", 10, keep);
        if (fstat(f, &st) < 0 || st.st_size > MAX_ITEM) {
                close(f);
                return respond(fd, 413, NULL, "file too large\n", 15, keep);
        }
        char *buf = malloc((size_t)st.st_size + 1);
        ssize_t n = buf ? read(f, buf, (size_t)st.st_size) : -1;
        close(f);
        rc = n < 0 ? respond(fd, 500, NULL, "read failed\n", 12, keep) : respond(fd, 200, NULL, buf, (size_t)n, keep);
        free(buf);
        return rc;
}

static bool valid_key(const char *k)
{
        size_t n = strlen(k);
        if (!n || n >= MAX_KEY)
                return false;
        for (; *k; k++)
                if (!((*k >= 'a' && *k <= 'z') || (*k >= 'A' && *k <= 'Z') || (*k >= '0' && *k <= '9') ||
                      *k == '-' || *k == '_' || *k == '.'))
                        return false;
        return true;
}

/* One request already read into buf (headers complete at hdr_end). Returns bytes consumed or -1. */
static long serve_one(int fd, char *buf, size_t have, size_t hdr_end, int *keep, int *continued)
{
        char method[8], target[256], out[512];
        const char *cl = NULL, *q;
        size_t body_len = 0;
        char *path, *query;

        buf[hdr_end - 1] = 0;
        if (sscanf(buf, "%7s %255s", method, target) != 2) {
                respond(fd, 400, NULL, "bad request\n", 12, 0);
                return -1;
        }
        *keep = strstr(buf, "HTTP/1.1") && !strcasestr(buf, "Connection: close");
        if ((q = strcasestr(buf, "\nContent-Length:")))
                cl = q + 16;
        if (cl) {
                body_len = strtoul(cl, NULL, 10);
                if (body_len > MAX_ITEM) {
                        respond(fd, 413, NULL, "body too large\n", 15, 0);
                        return -1;
                }
        }
        if (have < hdr_end + body_len) {
                /* RFC 9110 10.1.1: a client that sent "Expect: 100-continue" waits for this. */
                if (!*continued && strcasestr(buf, "\nExpect: 100-continue")) {
                        write_all(fd, "HTTP/1.1 100 Continue\r\n\r\n", 25);
                        *continued = 1;
                }
                buf[hdr_end - 1] = '\n';        /* headers are parsed again when the body is in */
                return 0;                       /* need more */
        }
        *continued = 0;
        path = target;
        query = strchr(target, '?');
        if (query)
                *query++ = 0;

        if (!strcmp(path, "/healthz")) {
                respond(fd, 200, NULL, "ok\n", 3, *keep);
        } else if (!strcmp(path, "/stats")) {
                /* key=value lines, nothing else: the guest agent forwards them without parsing */
                pthread_mutex_lock(&cache_lock);
                int n = snprintf(out, sizeof(out), "items=%lu\nbytes=%lu\nhits=%lu\nmisses=%lu\nevictions=%lu\n",
                                 n_items, n_bytes, n_hits, n_misses, n_evictions);
                pthread_mutex_unlock(&cache_lock);
                respond(fd, 200, NULL, out, (size_t)n, *keep);
        } else if (!strcmp(path, "/random")) {
                /* 16 bytes from the kernel CRNG: clones must not repeat their parent's stream. */
                unsigned char r[16];
                int n = 0;
                if (getrandom(r, sizeof(r), 0) != (ssize_t)sizeof(r)) {
                        respond(fd, 500, NULL, "getrandom\n", 10, 0);
                        return -1;
                }
                for (size_t i = 0; i < sizeof(r); i++)
                        n += snprintf(out + n, sizeof(out) - (size_t)n, "%02x", r[i]);
                out[n++] = '\n';
                respond(fd, 200, NULL, out, (size_t)n, *keep);
        } else if (!strcmp(path, "/whoami")) {
                char host[64] = "", id[64] = "";
                gethostname(host, sizeof(host) - 1);
                read_small("/run/sf/clone_id", id, sizeof(id));
                int n = snprintf(out, sizeof(out), "{\"hostname\":\"%s\",\"clone_id\":\"%s\"}\n", host,
                                 id[0] ? id : "parent");
                respond(fd, 200, NULL, out, (size_t)n, *keep);
        } else if (!strncmp(path, "/file/", 6) && valid_key(path + 6)) {
                if (handle_file(fd, method, path + 6, buf + hdr_end, body_len, *keep) < 0)
                        return -1;
        } else if (!strncmp(path, "/item/", 6) && valid_key(path + 6)) {
                if (!strcmp(method, "GET")) {
                        if (handle_get_item(fd, path + 6, query, *keep) < 0)
                                return -1;
                } else if (!strcmp(method, "PUT") || !strcmp(method, "POST")) {
                        pthread_mutex_lock(&cache_lock);
                        int rc = cache_put_locked(path + 6, (unsigned char *)buf + hdr_end, body_len);
                        pthread_mutex_unlock(&cache_lock);
                        if (rc == -EFBIG)
                                respond(fd, 413, NULL, "larger than the cache\n", 22, *keep);
                        else if (rc)
                                respond(fd, 507, NULL, "cache full\n", 11, *keep);
                        else
                                respond(fd, 200, NULL, "stored\n", 7, *keep);
                } else {
                        respond(fd, 400, NULL, "method\n", 7, 0);
                        return -1;
                }
        } else {
                respond(fd, 404, NULL, "not found\n", 10, *keep);
        }
        return (long)(hdr_end + body_len);
}

static void *conn_main(void *arg)
{
        int fd = (int)(intptr_t)arg, keep = 1, continued = 0;
        size_t cap = REQ_MAX + MAX_ITEM, have = 0;
        char *buf = malloc(cap + 1);

        while (buf && keep) {
                char *end;
                buf[have] = 0;
                end = strstr(buf, "\r\n\r\n");
                if (end) {
                        long used = serve_one(fd, buf, have, (size_t)(end - buf) + 4, &keep, &continued);
                        if (used < 0)
                                break;
                        if (used > 0) {
                                memmove(buf, buf + used, have - (size_t)used);
                                have -= (size_t)used;
                                continue;
                        }
                } else if (have > REQ_MAX) {
                        break;
                }
                if (have == cap)
                        break;
                ssize_t n = recv(fd, buf + have, cap - have, 0);
                if (n < 0 && errno == EINTR)
                        continue;
                if (n <= 0)
                        break;
                have += (size_t)n;
        }
        free(buf);
        close(fd);
        atomic_fetch_sub(&n_conns, 1);
        return NULL;
}

int main(int argc, char **argv)
{
        unsigned port = 80;
        int opt, one = 1, lfd;
        struct sockaddr_in sa = { .sin_family = AF_INET };
        pthread_attr_t attr;

        while ((opt = getopt(argc, argv, "p:c:s:w:k:n:m:")) != -1) {
                switch (opt) {
                case 'p': port = (unsigned)strtoul(optarg, NULL, 10); break;
                case 'c': miss_cost_ms = (unsigned)strtoul(optarg, NULL, 10); break;
                case 's': default_size = strtoul(optarg, NULL, 10); break;
                case 'w': backend_wait_ms = (unsigned)strtoul(optarg, NULL, 10); break;
                case 'k': backend_slots = (unsigned)strtoul(optarg, NULL, 10); break;
                case 'n': max_items = strtoul(optarg, NULL, 10); break;
                case 'm': max_bytes = strtoul(optarg, NULL, 10) << 20; break;
                default:
                        fprintf(stderr, "usage: sfdemo [-p port] [-c miss_cost_ms] [-s item_size] [-w backend_wait_ms] "
                                "[-k backend_slots] [-n max_items] [-m max_cache_mib]\n");
                        return 2;
                }
        }
        if (!max_bytes) {
                struct sysinfo si;
                max_bytes = sysinfo(&si) == 0 ? (unsigned long)(si.totalram / 4 * si.mem_unit) : 64ul << 20;
        }
        if (default_size > MAX_ITEM || miss_cost_ms > 60000 || backend_wait_ms > 60000 || !backend_slots ||
            backend_slots > MAX_CONNS || !port || port > 65535 || !max_items || max_items > MAX_ITEMS ||
            max_bytes < MAX_ITEM) {
                fprintf(stderr, "sfdemo: option out of range\n");
                return 2;
        }
        sem_init(&backend_sem, 0, backend_slots);
        signal(SIGPIPE, SIG_IGN);
        lfd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
        sa.sin_port = htons((uint16_t)port);
        if (lfd < 0 || bind(lfd, (struct sockaddr *)&sa, sizeof(sa)) < 0 || listen(lfd, 256) < 0) {
                perror("sfdemo: listen");
                return 1;
        }
        fprintf(stderr, "sfdemo: listening on port %u, miss cost %u ms, item size %zu, backend wait %u ms x %u slots, "
                "cache at most %lu items and %lu MiB\n", port, miss_cost_ms, default_size, backend_wait_ms,
                backend_slots, max_items, max_bytes >> 20);
        pthread_attr_init(&attr);
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        pthread_attr_setstacksize(&attr, 128 * 1024);
        for (;;) {
                pthread_t t;
                int fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
                if (fd < 0)
                        continue;
                if (atomic_load(&n_conns) >= MAX_CONNS) {
                        respond(fd, 503, NULL, "busy\n", 5, 0);
                        close(fd);
                        continue;
                }
                setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
                atomic_fetch_add(&n_conns, 1);
                if (pthread_create(&t, &attr, conn_main, (void *)(intptr_t)fd)) {
                        atomic_fetch_sub(&n_conns, 1);
                        close(fd);
                }
        }
}
