# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint bench install clean vendor

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[web,export,dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/govlens demo

# pytest exits 5 when it collected no test: that is a failure of ours, not a pass.
test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/pytest; rc=$$?; if [ $$rc -eq 5 ]; then echo "error: no tests ran"; exit 1; fi; exit $$rc

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
