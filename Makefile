# cloudtriage: `make serve` to run it, `make test` to check everything.
# Both install whatever is missing first (scripts/tools.sh).

SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
PORT ?= 8080
# A CI run builds once from clean: incremental state would only take disk.
ifdef CI
export CARGO_INCREMENTAL := 0
endif

.PHONY: serve test dist build tools tools-test check host-tests wasm-tests wasm-tests-firefox export-checks e2e e2e-firefox sizes screenshots docs bench fuzz clean

## Build the release widget and serve it on http://127.0.0.1:$(PORT)
serve: dist
	@echo "cloudtriage is running on http://127.0.0.1:$(PORT)/ (Ctrl+C to stop)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory dist

## Run every check: format, lints, host tests, browser component tests (Chromium, Firefox ESR), size budget, end-to-end (Chromium, Firefox ESR)
test: tools-test check host-tests wasm-tests wasm-tests-firefox export-checks build sizes e2e e2e-firefox
	@echo "All checks passed."

tools:
	@scripts/tools.sh build

tools-test:
	@scripts/tools.sh test

## The release widget in dist/, a folder to copy onto any web server, with its sizes
dist: tools build sizes

# With the pinned nightly and settings of scripts/widget-env.sh (the standard library built for size).
build:
	source scripts/widget-env.sh && trunk build --release --offline

sizes:
	@node scripts/sizes.mjs dist

## Format and lints: the host build, the shipped widget, the browser test build and the fuzz targets
# The shipped widget is wasm32 without embedded languages, as Trunk builds it (its first module, and
# the whole widget of full/, loaded on demand); the browser tests take the whole widget. The fuzz targets are
# their own workspace; they compile on stable, only running them (`make fuzz`) needs nightly.
check:
	cargo fmt --all -- --check
	cargo fmt --manifest-path fuzz/Cargo.toml -- --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --no-default-features --features ssr --bin prerender --test prerender -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --no-default-features --lib -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --no-default-features --features embed-languages,full --lib --test web -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p cloudtriage-exports -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p cloudtriage-full -- -D warnings
	# Nothing is linked when linting, so point libfuzzer-sys at a library instead of compiling its C++.
	CUSTOM_LIBFUZZER_PATH=$(CURDIR)/fuzz/target/lint-only/libfuzzer.a \
	  cargo clippy --manifest-path fuzz/Cargo.toml --all-targets -- -D warnings

# The prerender of the welcome screen compiles the shell for the host (feature ssr); the build's
# scripts have tests of their own.
host-tests:
	cargo test
	cargo test --no-default-features --features ssr --test prerender
	PYTHONDONTWRITEBYTECODE=1 python3 -m unittest discover -s tests/scripts -p 'test_*.py'

wasm-tests:
	cargo test --target wasm32-unknown-unknown --no-default-features --features embed-languages,full --test web

# The same component tests in Firefox ESR: the test runner takes GECKODRIVER before the
# CHROMEDRIVER that .cargo/config.toml sets; webdriver.json names the Firefox binary.
wasm-tests-firefox:
	GECKODRIVER=$$(command -v geckodriver) cargo test --target wasm32-unknown-unknown --no-default-features --features embed-languages,full --test web

## Every export opened by independent readers (openpyxl, python-docx, csv, LibreOffice)
export-checks:
	tests/exports/run.sh

e2e:
	npx playwright test

# A whole assessment, download and import in Firefox ESR through geckodriver (needs dist/).
e2e-firefox:
	node --test tests/firefox/

## Screenshots for the README and docs (needs a build)
screenshots: tools-test build
	node scripts/screenshots.mjs
	cargo build --quiet
	node scripts/agency-screenshots.mjs

## Regenerate the generated documents (questionnaire in every language, results, profile and benchmark schemas)
docs:
	cargo run --quiet -- schema > docs/results.schema.json
	cargo run --quiet -- profile --schema > docs/profile.schema.json
	cargo run --quiet -- aggregate --schema > docs/benchmark.schema.json
	for lang in $$(cd content/lang && ls -d */ | tr -d /); do \
	  suffix=$$( [ $$lang = en ] && echo "" || echo ".$$lang" ); \
	  cargo run --quiet -- questionnaire --lang $$lang > docs/QUESTIONNAIRE$$suffix.md; \
	done

## Side-by-side benchmarks against SurveyJS (prints a table)
bench: tools-test build
	bench/run.sh

## Fuzz the results import and the content parser (FUZZ_SECONDS each, default 60)
fuzz:
	@scripts/tools.sh fuzz
	scripts/fuzz.sh $${FUZZ_SECONDS:-60}

clean:
	cargo clean
	rm -rf dist test-results playwright-report
