# Everything a fresh machine needs: a virtual environment with the package and its extras.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SAMPLES := src/marsad/data/samples

.PHONY: install system-deps demo test lint bench clean

install: $(STAMP)

# Debian packages the tests drive: chromium for the browser tests, a Java runtime for Spark.
# Installed only when missing (the Makefile runs as root on CI machines).
DEBIAN_PACKAGES := chromium:/usr/bin/chromium default-jre-headless:/usr/bin/java
system-deps:
	@missing=""; for pair in $(DEBIAN_PACKAGES); do \
		pkg=$${pair%%:*}; bin=$${pair#*:}; [ -x "$$bin" ] || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "needs $(PYTHON)"; exit 2; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The demo database is rebuilt from the bundled samples each time, then served.
DEMO_DB := $(VENV)/demo.duckdb
demo: install
	rm -f $(DEMO_DB) $(DEMO_DB).wal
	$(BIN)/marsad ingest $(SAMPLES) --db $(DEMO_DB)
	$(BIN)/marsad serve --db $(DEMO_DB) --host 127.0.0.1 --port 8321

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

# pytest exits 5 when it collects no tests; that is not a failure of the suite.
test: install system-deps lint
	$(BIN)/python -m pytest -q -n auto --dist loadgroup || { rc=$$?; [ $$rc -eq 5 ] || exit $$rc; }

bench: install
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache .hypothesis
