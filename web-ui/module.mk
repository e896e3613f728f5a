# web-ui/: the dashboard (plain HTML/CSS/JS + uPlot), embedded into snowscaled at build time.
#
# uPlot comes from the npm registry, pinned in web-ui/package.json with a committed
# package-lock.json; `npm ci` runs once when node_modules is missing or the lock changed (stamp).
# sc-webui-embed (a small C tool built here) turns the files into one C source under build/gen,
# compiled into libwebui.a (WEBUI_LIB), whose sc_webui_find() snowscaled serves at "/".
# Nothing is fetched at runtime: every file the page loads is in that table.
#
# node >= 20 and npm come from outside Debian's archive (nodesource); Debian's chromium is only
# needed by the browser test (tests/browser/dashboard.sh, driven by playwright-core).

DEB_PKGS += chromium
# Where no npm is installed at all, Debian's own node and npm are the fallback (node 18: enough to
# bundle uPlot; the browser test's playwright-core wants node >= 20).
DEB_PKGS += $(if $(shell command -v npm),,nodejs npm)

WEBUI_NPM_STAMP := web-ui/node_modules/.snowscale-npm-ci
WEBUI_GEN       := $(BUILD)/gen/web-ui/sc_webui_assets.c
WEBUI_EMBED     := $(BUILD)/tools/sc-webui-embed
WEBUI_LIB       := $(LIBDIR)/libwebui.a
UPLOT_DIST      := web-ui/node_modules/uplot/dist

# URL path | content type | file (the content type holds a space, hence the | separators).
WEBUI_ASSETS := \
        /|text/html;charset=utf-8|web-ui/index.html \
        /app.js|text/javascript;charset=utf-8|web-ui/app.js \
        /app.css|text/css;charset=utf-8|web-ui/app.css \
        /favicon.svg|image/svg+xml|web-ui/favicon.svg \
        /uPlot.iife.min.js|text/javascript;charset=utf-8|$(UPLOT_DIST)/uPlot.iife.min.js \
        /uPlot.min.css|text/css;charset=utf-8|$(UPLOT_DIST)/uPlot.min.css
WEBUI_SOURCES := $(filter-out $(UPLOT_DIST)/%,$(foreach a,$(WEBUI_ASSETS),$(word 3,$(subst |, ,$(a)))))
webui_embed_args = $(foreach a,$(WEBUI_ASSETS),$(foreach w,$(subst |, ,$(a)),'$(subst ;,; ,$(w))'))

$(WEBUI_NPM_STAMP): web-ui/package.json web-ui/package-lock.json
	$(if $(filter 1,$(V)),,@echo "  NPM     web-ui (npm ci)")
	$(Q)command -v npm >/dev/null || { echo "web-ui: npm is missing; the dashboard bundles uPlot" \
	  "from the npm registry at build time: install Node.js >= 20 with npm (e.g. from nodesource)" >&2; exit 1; }
	$(Q)cd web-ui && npm ci --no-audit --no-fund --loglevel=error
	$(Q)touch $@

$(WEBUI_EMBED): $(OBJ)/web-ui/embed.o $(COMMON_LIB)
	@mkdir -p $(@D)
	$(if $(filter 1,$(V)),,@echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $^

$(WEBUI_GEN): $(WEBUI_EMBED) $(WEBUI_SOURCES) $(WEBUI_NPM_STAMP) web-ui/module.mk
	@mkdir -p $(@D)
	$(if $(filter 1,$(V)),,@echo "  EMBED   $@")
	$(Q)$(WEBUI_EMBED) $@ $(webui_embed_args)

$(eval $(call LIBRARY,webui,$(WEBUI_GEN),-Iweb-ui))
ALL_DEPS += $(OBJ)/web-ui/embed.d

.PHONY: web-ui
web-ui: $(WEBUI_LIB) $(TESTBIN)/unit/test_sc_webui

$(eval $(call UNIT_TEST,test_sc_webui,tests/unit/test_sc_webui.c,$(WEBUI_LIB),,-Iweb-ui))
