/* Health checks: a new backend is GET-checked (libcurl, 1 s connect / 2 s total, no proxy) until
 * it answers the expected status, at most health_attempts times health_interval apart; healthy
 * -> it joins the desired set, else unhealthy with the last error. */
#include "lb_health.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ss_log.h"
#include "ss_util.h"
#include "lb_peers.h"

static size_t discard(char *p, size_t size, size_t n, void *cls) { return size * n; }

void lb_health_start(struct lb_agent *a, struct be *b)
{
        char url[LB_ADDR_MAX + 256];
        CURL *c = curl_easy_init();

        if (!c) {
                b->next_check_ns = ss_mono_ns() + a->o.health_interval_ms * MS;
                return;
        }
        snprintf(url, sizeof(url), "http://%s%s", b->rec.address, a->o.health_path);
        b->check_err[0] = 0;
        curl_easy_setopt(c, CURLOPT_URL, url);
        curl_easy_setopt(c, CURLOPT_NOPROXY, "*");
        curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, discard);
        curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, 1000L);
        curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, 2000L);
        curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(c, CURLOPT_FORBID_REUSE, 1L);
        curl_easy_setopt(c, CURLOPT_ERRORBUFFER, b->check_err);
        curl_easy_setopt(c, CURLOPT_PRIVATE, b);
        b->check = c;
        b->checks++;
        curl_multi_add_handle(a->multi, c);
}

void lb_health_done(struct lb_agent *a, struct be *b, CURLcode res)
{
        long code = 0;
        char why[CURL_ERROR_SIZE + 64];

        curl_easy_getinfo(b->check, CURLINFO_RESPONSE_CODE, &code);
        curl_multi_remove_handle(a->multi, b->check);
        curl_easy_cleanup(b->check);
        b->check = NULL;
        if (b->rec.state != LB_CHECKING)
                return;
        if (res == CURLE_OK && code == a->o.health_status) {
                log_info("backend %s (%s) healthy after %d check(s); adding it", b->rec.id,
                         b->rec.address, b->checks);
                b->want = true;
                lb_peers_schedule(a);
                return;
        }
        if (res != CURLE_OK)
                snprintf(why, sizeof(why), "%s", b->check_err[0] ? b->check_err : curl_easy_strerror(res));
        else
                snprintf(why, sizeof(why), "HTTP %ld, want %d", code, a->o.health_status);
        if (b->checks >= a->o.health_attempts) {
                lb_be_set_state(a, b, LB_UNHEALTHY, "health check GET http://%s%s failed %d times; last: %s",
                          b->rec.address, a->o.health_path, b->checks, why);
                lb_agent_save(a);
                return;
        }
        log_debug("backend %s: check %d/%d failed: %s", b->rec.id, b->checks, a->o.health_attempts, why);
        b->next_check_ns = ss_mono_ns() + a->o.health_interval_ms * MS;
}
