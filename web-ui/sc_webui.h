/* sc_webui: the dashboard's static assets, embedded into snowscaled at build time
 * (web-ui/ sources plus the pinned uPlot bundle), so the daemon needs no data dir and makes
 * no external requests. */
#ifndef SC_WEBUI_H
#define SC_WEBUI_H

#include <stddef.h>

struct sc_webui_asset {
        const char *path;               /* "/", "/app.js", "/uPlot.min.css", … */
        const char *content_type;       /* "text/html; charset=utf-8", … */
        const unsigned char *data;
        size_t len;
};

/* The asset served at path ("/" is index.html), or NULL. */
const struct sc_webui_asset *sc_webui_find(const char *path);

#endif
