# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint bench install clean vendor browsers check-browser

# The browser tests drive this Chromium; `make test` refuses to run without it (GOVLENS_SKIP_BROWSER=1 to skip).
CHROMIUM ?= /usr/bin/chromium
export GOVLENS_CHROMIUM := $(CHROMIUM)
# `make demo PORT=8100`: the portal's port (without it: 8000, or the next free one).
PORT ?=

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[web,export,dev,postgres,ray]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/govlens demo $(if $(PORT),--port $(PORT))

# pytest exits 5 when it collected no test: that is a failure of ours, not a pass.
# Browser tests are part of the suite: with Chromium missing `make test` stops (GOVLENS_REQUIRE_BROWSER
# makes pytest fail too) instead of reporting "1 skipped".
test: $(STAMP) check-browser
	$(BIN)/ruff check src tests benchmarks
	$(if $(GOVLENS_SKIP_BROWSER),,GOVLENS_REQUIRE_BROWSER=1) $(BIN)/pytest; rc=$$?; \
	  if [ $$rc -eq 5 ]; then echo "error: no tests ran"; exit 1; fi; exit $$rc

check-browser:
	@if [ -n "$(GOVLENS_SKIP_BROWSER)" ]; then \
	  echo "warning: GOVLENS_SKIP_BROWSER is set: the browser tests (tests/test_browser.py) will NOT run" >&2; \
	elif [ ! -x "$(CHROMIUM)" ]; then \
	  echo "error: $(CHROMIUM) is missing, so the browser tests (tests/test_browser.py) cannot run." >&2; \
	  echo "       install it with: make browsers   (apt-get install chromium fonts-wqy-microhei, as root)" >&2; \
	  echo "       or run without them: GOVLENS_SKIP_BROWSER=1 make test" >&2; \
	  exit 1; \
	fi

# Debian's Chromium and a CJK font for the browser tests (what .ci/run installs).
browsers:
	@if [ -x "$(CHROMIUM)" ] && fc-list 2>/dev/null | grep -qi "wenquanyi\|noto sans cjk"; then \
	  echo "$(CHROMIUM) and a CJK font are installed"; \
	elif [ "$$(id -u)" = 0 ]; then \
	  DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null && \
	  echo "installed chromium and fonts-wqy-microhei"; \
	else \
	  echo "error: installing Chromium needs root: sudo apt-get install chromium fonts-wqy-microhei" >&2; exit 1; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_pipeline.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache

# The chart library is vendored from the npm registry (no CDN at run time); this refreshes it.
# So is Swagger UI for the interactive API docs at /docs.
CHARTJS ?= 4.6.1
SWAGGER ?= 5.35.0
VENDOR  := src/govlens/web/static/vendor
vendor:
	rm -rf /tmp/govlens-vendor && mkdir -p /tmp/govlens-vendor/chart /tmp/govlens-vendor/swagger
	cd /tmp/govlens-vendor/chart && npm pack -q chart.js@$(CHARTJS) && tar xzf chart.js-$(CHARTJS).tgz
	cd /tmp/govlens-vendor/swagger && npm pack -q swagger-ui-dist@$(SWAGGER) && tar xzf swagger-ui-dist-$(SWAGGER).tgz
	cp /tmp/govlens-vendor/chart/package/dist/chart.umd.min.js $(VENDOR)/chart.umd.min.js
	cp /tmp/govlens-vendor/chart/package/LICENSE.md $(VENDOR)/chart.js.LICENSE.md
	cp /tmp/govlens-vendor/swagger/package/swagger-ui-bundle.js /tmp/govlens-vendor/swagger/package/swagger-ui.css $(VENDOR)/
	cp /tmp/govlens-vendor/swagger/package/LICENSE $(VENDOR)/swagger-ui.LICENSE
	printf 'chart.js %s: npm pack chart.js@%s, dist/chart.umd.min.js\nswagger-ui-dist %s: npm pack swagger-ui-dist@%s\n' \
	  $(CHARTJS) $(CHARTJS) $(SWAGGER) $(SWAGGER) > $(VENDOR)/VERSION
