/* snowscalectl_http.c: the client of snowscaled's HTTP API (libcurl): one request, its JSON
 * answer, the daemon's reason on an error status. */
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "snowscalectl.h"

#define MAX_RESPONSE (64u << 20)

struct buf {
        char *p;
        size_t n;
        bool overflow;
};

static size_t on_data(char *data, size_t size, size_t nmemb, void *ud)
{
        struct buf *b = ud;
        size_t n = size * nmemb;
        if (b->n + n > MAX_RESPONSE) {
                b->overflow = true;
                return 0;
        }
        char *np = realloc(b->p, b->n + n + 1);
        if (!np)
                return 0;
        b->p = np;
        memcpy(b->p + b->n, data, n);
        b->n += n;
        b->p[b->n] = 0;
        return n;
}

/* Performs a request; on a 2xx answer *ret is the parsed JSON (or NULL with raw text in *raw).
 * Prints the reason and returns -1 otherwise. */
int ctl_api(const char *method, const char *path, const char *body, json_object **ret, char **raw)
{
        CURL *c = curl_easy_init();
        struct curl_slist *hdr = NULL;
        struct buf b = {0};
        char url[2048], auth[1100];
        long status = 0;
        int rc = -1;

        if (!c) {
                fprintf(stderr, "snowscalectl: cannot initialise libcurl\n");
                return -1;
        }
        snprintf(url, sizeof(url), "%s%s", ctl_url, path);
        curl_easy_setopt(c, CURLOPT_URL, url);
        curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
        curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, 2000L);
        curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, 15000L);
        curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
        curl_easy_setopt(c, CURLOPT_WRITEDATA, &b);
        if (body) {
                curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
                hdr = curl_slist_append(hdr, "Content-Type: application/json");
        } else if (strcmp(method, "POST") == 0) {
                curl_easy_setopt(c, CURLOPT_POSTFIELDS, "");
        }
        if (ctl_token && *ctl_token) {
                snprintf(auth, sizeof(auth), "Authorization: Bearer %s", ctl_token);
                hdr = curl_slist_append(hdr, auth);
        }
        curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdr);
        CURLcode cr = curl_easy_perform(c);
        if (cr != CURLE_OK) {
                fprintf(stderr, "snowscalectl: %s %s: %s%s\n", method, url,
                        b.overflow ? "response too large" : curl_easy_strerror(cr),
                        cr == CURLE_COULDNT_CONNECT ? " (is snowscaled running? --url)" : "");
                goto out;
        }
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
        json_object *o = b.p ? json_tokener_parse(b.p) : NULL;
        if (status < 200 || status > 299) {
                json_object *e = NULL;
                if (o && json_object_object_get_ex(o, "error", &e))
                        fprintf(stderr, "snowscalectl: %s (HTTP %ld)\n", json_object_get_string(e), status);
                else
                        fprintf(stderr, "snowscalectl: %s %s: HTTP %ld\n", method, url, status);
                json_object_put(o);
                goto out;
        }
        if (ret)
                *ret = o;
        else
                json_object_put(o);
        if (raw) {
                *raw = b.p;
                b.p = NULL;
        }
        rc = 0;
out:
        free(b.p);
        curl_slist_free_all(hdr);
        curl_easy_cleanup(c);
        return rc;
}
