# tarikh — Arabic news articles in, a reconciled event timeline out.
#   make          build (release) and run the pipeline on data/corpus, writing out/
#   make test     run every test (grammar examples, golden outputs, property tests, CLI tests)
#   make eval     score the pipeline against data/gold
#   make bench    run the benchmarks
#   make picture  run, then render out/timeline.html to out/timeline.png with headless Chromium

CARGO ?= cargo
CORPUS ?= data/corpus
OUT ?= out
BIN := target/release/tarikh

.PHONY: all build run test eval eval-inferred bench picture clean

all: run

build:
	$(CARGO) build --release --locked -p tarikh

run: build
	$(BIN) run $(CORPUS) -o $(OUT)

test:
	$(CARGO) test --workspace --locked

eval: build
	$(BIN) eval --gold data/gold --corpus $(CORPUS)

eval-inferred: build
	$(BIN) eval --gold data/gold --corpus $(CORPUS) --docs none

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

bench:
	$(CARGO) bench --workspace --locked

clean:
	$(CARGO) clean
	rm -rf $(OUT)/*.csv $(OUT)/*.svg $(OUT)/*.html $(OUT)/*.png $(OUT)/timeml
