/* The embedded dashboard table (build/gen/web-ui/sc_webui_assets.c from web-ui/embed.c):
 * every file the page references is in it with the right content type, and the page itself
 * names no external host, so a browser showing it makes no request beyond snowscaled. */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "sc_webui.h"

static const char *const own_files[] = { "/", "/app.js", "/app.css", "/favicon.svg" };

static bool has(const struct sc_webui_asset *a, const char *needle)
{
        return memmem(a->data, a->len, needle, strlen(needle)) != NULL;
}

static void test_index_is_served_at_root(void **state)
{
        const struct sc_webui_asset *a = sc_webui_find("/");

        assert_non_null(a);
        assert_string_equal(a->content_type, "text/html; charset=utf-8");
        assert_true(a->len > 100);
        assert_true(has(a, "<!doctype html>"));
        assert_ptr_equal(sc_webui_find("/index.html"), a);
}

static void test_content_types(void **state)
{
        static const struct { const char *path, *type; } want[] = {
                { "/app.js", "text/javascript; charset=utf-8" },
                { "/app.css", "text/css; charset=utf-8" },
                { "/favicon.svg", "image/svg+xml" },
                { "/uPlot.iife.min.js", "text/javascript; charset=utf-8" },
                { "/uPlot.min.css", "text/css; charset=utf-8" },
        };
        size_t i;

        for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
                const struct sc_webui_asset *a = sc_webui_find(want[i].path);

                assert_non_null(a);
                assert_string_equal(a->path, want[i].path);
                assert_string_equal(a->content_type, want[i].type);
                assert_true(a->len > 0);
                /* the generator appends a NUL after the data, outside len */
                assert_int_equal(a->data[a->len], 0);
        }
}

static void test_uplot_bundle_is_the_real_one(void **state)
{
        const struct sc_webui_asset *js = sc_webui_find("/uPlot.iife.min.js");
        const struct sc_webui_asset *css = sc_webui_find("/uPlot.min.css");

        assert_non_null(js);
        assert_non_null(css);
        assert_true(js->len > 20000);   /* the minified library, not a stub */
        assert_true(has(js, "uPlot"));
        assert_true(has(css, ".uplot"));
}

static void test_unknown_paths(void **state)
{
        assert_null(sc_webui_find(NULL));
        assert_null(sc_webui_find(""));
        assert_null(sc_webui_find("/nope.js"));
        assert_null(sc_webui_find("app.js"));
        assert_null(sc_webui_find("/app.js/"));
        assert_null(sc_webui_find("/APP.JS"));
        assert_null(sc_webui_find("/../web-ui/app.js"));
}

/* Every src="/…" and href="/…" in index.html must resolve in the table. */
static void test_every_reference_in_index_is_embedded(void **state)
{
        const struct sc_webui_asset *a = sc_webui_find("/");
        const char *p, *end;
        char path[256];
        int refs = 0;

        assert_non_null(a);
        p = (const char *)a->data;
        end = p + a->len;
        while (p < end) {
                const char *src = strstr(p, "src=\"/");
                const char *href = strstr(p, "href=\"/");
                const char *q, *close;
                size_t n;

                q = !src ? href : !href ? src : src < href ? src : href;
                if (!q)
                        break;
                q = strchr(q, '"') + 1;
                close = strchr(q, '"');
                assert_non_null(close);
                n = (size_t)(close - q);
                assert_true(n < sizeof(path));
                memcpy(path, q, n);
                path[n] = 0;
                if (strncmp(path, "/api/", 5) != 0) {   /* the <noscript> link to the API */
                        if (!sc_webui_find(path))
                                fail_msg("index.html references %s, which is not embedded", path);
                        refs++;
                }
                p = close + 1;
        }
        assert_true(refs >= 5);         /* uPlot css+js, app css+js, icon */
}

static void test_no_external_hosts(void **state)
{
        size_t i;

        for (i = 0; i < sizeof(own_files) / sizeof(own_files[0]); i++) {
                const struct sc_webui_asset *a = sc_webui_find(own_files[i]);

                assert_non_null(a);
                if (strcmp(a->path, "/favicon.svg") == 0)
                        continue;       /* only the SVG namespace URI, which is never fetched */
                if (has(a, "http://") || has(a, "https://") || has(a, "src=\"//") ||
                    has(a, "href=\"//"))
                        fail_msg("%s names an external URL", a->path);
        }
}

int main(void)
{
        const struct CMUnitTest tests[] = {
                cmocka_unit_test(test_index_is_served_at_root),
                cmocka_unit_test(test_content_types),
                cmocka_unit_test(test_uplot_bundle_is_the_real_one),
                cmocka_unit_test(test_unknown_paths),
                cmocka_unit_test(test_every_reference_in_index_is_embedded),
                cmocka_unit_test(test_no_external_hosts),
        };

        return cmocka_run_group_tests(tests, NULL, NULL);
}
