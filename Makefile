# tarikh — Arabic news articles in, a reconciled event timeline out.
#   make          build (release) and run the pipeline on data/corpus, writing out/
#   make test     lint (clippy, warnings are errors), then run every test (grammar examples,
#                 quality floors, property tests, CLI tests), then make test-slow and make
#                 test-python (the Python package and the Spark job)
#   make test-slow  the tests that only make sense in release (the 10^5-mention scale test)
#   make check-fuzz cargo check of the fuzz targets (fuzz/ is a workspace of its own)
#   make python   build the Python package into the virtual environment target/py
#   make eval     score the pipeline on every story with gold (per story, pooled, per country)
#   make cldr     CLDR conformance: the dates and times Unicode CLDR says every Arabic locale writes,
#                 read by tarikh parse (per category and locale, every miss); needs make cldr-venv
#   make bench    run the benchmarks (BENCHMARKS.md); make bench-large adds 100 MB of real articles
#   make picture  run, then render out/timeline.html to out/timeline.png with headless Chromium,
#                 and copy it to docs/timeline.png (the README's picture)

CARGO ?= cargo
CORPUS ?= data/corpus
OUT ?= out
BIN := target/release/tarikh

.PHONY: all build run lint test test-slow check-fuzz python test-python cldr cldr-venv eval eval-seeds eval-inferred bench bench-startup bench-stages bench-run bench-scale bench-peers bench-time bench-large bench-large-generated bench-profile picture clean

all: run

build:
	$(CARGO) build --release --locked -p tarikh

run: build
	$(BIN) run $(CORPUS) -o $(OUT)

# Library code must not reach a panic from input and must stay clippy-clean (issue 8).
lint:
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings

# Every test of the workspace; then the release-only ones. A test that cannot run here (no
# ../shared, no LibreOffice, no babel) says SKIPPED; in CI (CI or TARIKH_REQUIRE_* set) it fails instead.
# The CLDR test (crates/tarikh/tests/cldr.rs) finds babel in target/cldr-venv, built here first.
test: lint
	@$(MAKE) cldr-venv || echo "could not build target/cldr-venv (Python babel): the CLDR conformance test will say SKIPPED" >&2
	$(CARGO) test --workspace --locked
	$(MAKE) test-slow
	$(MAKE) test-python

test-slow:
	$(CARGO) test --release --locked -p tarikh-timeline --test scale

# The fuzz targets are outside the workspace (cargo-fuzz needs its own): check that they build.
check-fuzz:
	cd fuzz && $(CARGO) check --locked --bins

# The Python package (crates/tarikh-py) and the Spark job (examples/spark): a virtual environment
# under target/py with the pinned test dependencies (nothing is installed system-wide), the package
# installed from the repository with the README's command, then pytest. Needs python3 with venv,
# and Java 17 or later for Spark (.ci/run installs what is missing).
PYTHON ?= python3
PYENV := target/py
PYDEPS := crates/tarikh-py/requirements-test.txt examples/spark/requirements.txt
PIP := $(PYENV)/bin/python -m pip --disable-pip-version-check --quiet

$(PYENV)/.deps: $(PYDEPS)
	@$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || { echo "the Python tests need python3 with venv and pip (Debian: apt-get install python3-venv)" >&2; exit 2; }
	$(PYTHON) -m venv $(PYENV)
	$(PIP) install $(foreach f,$(PYDEPS),-r $(f))
	touch $@

python: $(PYENV)/.deps
	MATURIN_PEP517_ARGS=--locked $(PIP) install ./crates/tarikh-py

test-python: build python
	@command -v java >/dev/null 2>&1 || test -x "$$JAVA_HOME/bin/java" || { echo "the Spark test needs Java 17 or later, and there is no java on PATH: apt-get install openjdk-17-jre-headless" >&2; exit 2; }
	TARIKH_BIN=$(BIN) $(PYENV)/bin/python -m pytest -q -p no:cacheprovider crates/tarikh-py/tests examples/spark/tests

# CLDR conformance (tools/cldr_conformance.py): babel, pinned in tools/requirements-cldr.txt, in a
# virtual environment of its own under target/cldr-venv (nothing is installed system-wide).
CLDRENV := target/cldr-venv
$(CLDRENV)/.deps: tools/requirements-cldr.txt
	@$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || { echo "the CLDR check needs python3 with venv and pip (Debian: apt-get install python3-venv)" >&2; exit 2; }
	$(PYTHON) -m venv $(CLDRENV)
	$(CLDRENV)/bin/python -m pip --disable-pip-version-check --quiet install -r tools/requirements-cldr.txt
	touch $@

cldr-venv: $(CLDRENV)/.deps

cldr: build cldr-venv
	$(CLDRENV)/bin/python tools/cldr_conformance.py --bin $(BIN)

# Every story with gold: the seeds, data/stories, and ../shared/stories when it is there.
eval: build
	$(BIN) eval

eval-seeds: build
	$(BIN) eval --gold data/gold --corpus $(CORPUS)

eval-inferred: build
	$(BIN) eval --docs none
	$(BIN) eval --docs none --mixed

# The screenshot is as tall as the SVG (its height attribute) and 1280 px wide.
CHROMIUM ?= $(shell command -v chromium || command -v chromium-browser || command -v google-chrome)
picture: run
	@test -n "$(CHROMIUM)" || { echo "make picture needs Chromium: apt-get install chromium (and fonts-noto-core for the Arabic)" >&2; exit 2; }
	@H=$$(sed -n 's/.*<svg[^>]* height="\([0-9]*\)[.0-9]*".*/\1/p' $(OUT)/timeline.svg | head -n 1); \
	 PROFILE=$$(mktemp -d); \
	 "$(CHROMIUM)" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	   --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
	   --user-data-dir=$$PROFILE --screenshot=$(OUT)/timeline.png --window-size=1280,$${H:-2000} \
	   file://$(abspath $(OUT))/timeline.html 2>/dev/null; \
	 status=$$?; rm -rf $$PROFILE; test $$status -eq 0 && test -s $(OUT)/timeline.png && echo "wrote $(OUT)/timeline.png (1280x$$H)"
	@if [ "$(CORPUS)" = "data/corpus" ]; then cp $(OUT)/timeline.png docs/timeline.png && echo "copied to docs/timeline.png (the README's picture)"; fi

# Benchmarks (see BENCHMARKS.md). Inputs come from tarikh-corpusgen with seed 7 and are written
# once under target/bench-corpus/ (kept out of git). Criterion reports land in target/criterion/.
BENCH_SIZE ?= 10M
bench: bench-startup bench-stages bench-run bench-scale

# `tarikh parse` of one phrase (start-up): wall and CPU ms with the grammar's analysis cached,
# on the first run, and with the cache off.
bench-startup: build
	python3 scripts/bench/startup.py

# Real-density text (the seeds and ../shared/stories copied into separate documents under
# target/bench-real): documents 10^2 → 10^5, one thread and all cores, seconds, µs per document,
# MB/s, peak RSS (BENCH_SIZES=100,1000 for a quick look).
BENCH_SIZES ?= 100,1000,10000,100000
bench-scale: build
	python3 scripts/bench/scale.py --sizes $(BENCH_SIZES)

# tarikh against dateparser and HeidelTime (installed into target/bench-venv) on the same sample.
bench-peers: build
	python3 scripts/bench/peers.py --mb 1

bench-stages:
	$(CARGO) bench --locked -p tarikh-bench --bench stages

bench-run: bench-time
	TARIKH_BENCH_SIZE=$(BENCH_SIZE) $(CARGO) bench --locked -p tarikh-bench --bench run

# One timed run per thread count (peak RSS from /usr/bin/time, Debian package `time`), and the
# check that the output does not depend on the thread count.
TIME := $(if $(wildcard /usr/bin/time),/usr/bin/time -f "%e s wall / %U s user / %M KB max RSS")
bench-time: build
	$(CARGO) build --release --locked -p tarikh-corpusgen
	target/release/tarikh-corpusgen corpus target/bench-corpus/$(BENCH_SIZE) --size $(BENCH_SIZE)
	@echo "tarikh run on $(BENCH_SIZE), all cores then one thread: wall time and peak memory"
	@for n in $$(nproc) 1; do \
	  echo "threads=$$n:"; $(TIME) \
	    $(BIN) run target/bench-corpus/$(BENCH_SIZE) -o target/bench-out/$(BENCH_SIZE)-t$$n --quiet --threads $$n || exit 1; \
	done
	@diff -r target/bench-out/$(BENCH_SIZE)-t$$(nproc) target/bench-out/$(BENCH_SIZE)-t1 >/dev/null \
	  && echo "output byte-identical for $$(nproc) and 1 threads" || { echo "output differs between thread counts" >&2; exit 1; }

# tarikh run on 100 MB of real-density text (52,400 documents: the seeds and ../shared/stories
# copied), one thread and all cores: time, peak RSS (issue 15: under 1 GB), outputs compared.
bench-large: build
	python3 scripts/bench/scale.py --sizes 100MB --runs run

# The same on 100 MB of generated text (tarikh-corpusgen, 18,657 documents).
bench-large-generated:
	$(MAKE) bench-time BENCH_SIZE=100M

# Instruction counts (repeatable on a busy machine): callgrind over one stage on 1 MB.
bench-profile:
	$(CARGO) build --release --locked -p tarikh-bench --example stage
	valgrind --tool=callgrind --callgrind-out-file=target/callgrind.tag.out \
	  "--toggle-collect=tarikh_grammar::matcher::<impl tarikh_grammar::load::Grammar>::find" \
	  target/release/examples/stage tag 1M
	callgrind_annotate --inclusive=yes target/callgrind.tag.out | head -60

clean:
	$(CARGO) clean
	rm -rf $(OUT)/*.csv $(OUT)/*.svg $(OUT)/*.html $(OUT)/*.png $(OUT)/timeml
