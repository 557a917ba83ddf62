# Sitecard — `make help` lists the targets.
SHELL := /bin/bash
CARGO ?= cargo
BIN := target/debug/sitecard
PG_URL ?= postgres://postgres@127.0.0.1:5432

.PHONY: help run build frontend-build test test-rust test-rust-pg test-s3 test-frontend test-browser test-deploy test-partner-docs lint-openapi test-reliability test-long fuzz lint fmt fmt-check openapi bench bench-smoke frontend-deps clean-test-dbs

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

run: build frontend-build ## Build everything, migrate ./data/sitecard.db, seed demo data, serve at http://127.0.0.1:8080
	SITECARD_DEV=1 $(BIN) migrate
	SITECARD_DEV=1 $(BIN) seed-demo
	SITECARD_DEV=1 SITECARD_LOG_FORMAT=pretty $(BIN) serve

build: ## Build the server (debug profile; argon2 is optimised even there)
	$(CARGO) build --workspace

frontend-deps: ## Install the SPA's npm packages (npm ci)
	cd frontend && npm ci --no-audit --no-fund

frontend-build: frontend-deps ## Build the SPA into frontend/dist
	cd frontend && npm run build

openapi: ## Regenerate openapi/openapi.json and the SPA's API types from the code
	$(CARGO) run -q -p sitecard-server --bin sitecard -- openapi > openapi/openapi.json.tmp && mv openapi/openapi.json.tmp openapi/openapi.json
	cd frontend && (test -d node_modules || npm ci --no-audit --no-fund) && npm run gen:api

fmt: ## Format the Rust code
	$(CARGO) fmt --all

fmt-check:
	$(CARGO) fmt --all -- --check

lint: fmt-check frontend-deps lint-openapi ## rustfmt check, clippy -D warnings, eslint, tsc, Redocly on the OpenAPI document
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	cd frontend && npm run lint && npm run typecheck

test: lint test-rust test-rust-pg test-s3 test-frontend test-browser test-deploy test-partner-docs bench-smoke test-reliability ## Everything CI runs: lint, Rust tests on SQLite and PostgreSQL, SPA unit and browser tests, partner quickstart, reliability battery
	@echo "make test: all green"

test-rust: ## Rust unit tests and scenario tests on SQLite
	$(CARGO) test --workspace

test-rust-pg: clean-test-dbs ## Scenario tests on PostgreSQL (skipped loudly when none is reachable)
	@if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null || psql "$(PG_URL)/postgres" -c 'select 1' >/dev/null 2>&1; then \
		SITECARD_TEST_DB=postgres SITECARD_TEST_PG_URL=$(PG_URL) $(CARGO) test -p sitecard-server --test api; \
	else \
		echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"; \
		echo "!!! PostgreSQL is not reachable at 127.0.0.1:5432: scenario tests ran on SQLite ONLY"; \
		echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"; \
	fi

clean-test-dbs:
	@psql "$(PG_URL)/postgres" -Atc "select datname from pg_database where datname like 'sitecard_t_%'" 2>/dev/null | while read -r db; do psql "$(PG_URL)/postgres" -qc "drop database if exists $$db" >/dev/null 2>&1; done; true

test-s3: ## Card photos in an S3-compatible bucket (moto's local S3 server)
	scripts/s3-photo-test.sh

test-frontend: frontend-deps ## SPA: API types current, unit tests, production build
	cd frontend && npm run check:api && npm run test:unit && npm run build

test-browser: build frontend-build ## Browser tests in Debian's Chromium against the real server
	scripts/browser-tests.sh

test-deploy: build ## Deployment files (docker-compose config, caddy validate, systemd-analyze verify) and two instances behind Caddy on one PostgreSQL
	SITECARD_BIN=$(BIN) PG_URL=$(PG_URL) scripts/deploy-topology-test.sh

test-partner-docs: build ## docs/partners.md: its Python and TypeScript quickstarts, on clients generated from openapi/openapi.json, run against the real server
	SITECARD_BIN=$(BIN) scripts/partner-docs-test.sh

lint-openapi: ## Redocly CLI (pinned, scripts/openapi-lint) lints openapi/openapi.json: 0 errors, 0 warnings (rules: openapi/redocly.yaml)
	scripts/openapi-lint/lint.sh

test-reliability: build ## Reliability and security battery, quick variant (black-box, Python; see SECURITY.md, RELIABILITY.md)
	tests/reliability/run.sh quick

fuzz: ## Fuzz the domain parsers with cargo-fuzz, 30 s per target (installs cargo-fuzz when missing)
	@command -v cargo-fuzz >/dev/null || $(CARGO) install cargo-fuzz --locked
	cd fuzz && for t in identity_match contact_fields password_policy; do RUSTC_BOOTSTRAP=1 $(CARGO) fuzz run $$t -- -max_total_time=30 || exit 1; done

test-long: build fuzz ## Long variants of the reliability and security battery (< 20 min), a short fuzz run, and a PostgreSQL backup restored and used
	tests/reliability/run.sh long
	SITECARD_BIN=$(BIN) PG_URL=$(PG_URL) scripts/backup-restore-test.sh

bench: ## Benchmarks: release build, every scenario on SQLite and PostgreSQL against side-by-side baselines, Lighthouse; writes BENCHMARKS.md
	@# wrk and chromium (when missing) install, Lighthouse installs (`npm ci` in scripts/bench), and the SPA builds,
	@# beside the Rust build: on a fresh machine the downloads overlap the compile, and the SPA's half minute no longer follows it.
	@mkdir -p target; python3 scripts/bench/run.py --install-tools > target/bench-install.log 2>&1 & tools=$$!; \
	if [ -z "$(BENCH_SKIP_BUILD)" ]; then \
		$(MAKE) --no-print-directory frontend-build > target/bench-spa.log 2>&1 & spa=$$!; \
		$(CARGO) build --release -p sitecard-server -p sitecard-bench; rust=$$?; \
		wait $$spa; spa_rc=$$?; cat target/bench-spa.log; \
		[ $$rust = 0 ] && [ $$spa_rc = 0 ] || { wait $$tools; exit 1; }; \
	else echo "BENCH_SKIP_BUILD set: using the existing target/release binaries and frontend/dist"; fi; \
	wait $$tools || { cat target/bench-install.log; exit 1; }; cat target/bench-install.log
	python3 scripts/bench/run.py --mode full --bin-dir target/release --pg-url $(PG_URL) --out BENCHMARKS.md

# Part of `make test`: every scenario for about a second with the debug build (checks the harness, not the numbers).
bench-smoke: $(if $(BENCH_SKIP_BUILD),,build frontend-build)
	python3 scripts/bench/run.py --mode smoke --bin-dir target/debug --pg-url $(PG_URL)
