# tarikh — Arabic news articles in, a reconciled event timeline out.
#   make          build (release) and run the pipeline on data/corpus, writing out/
#   make test     run every test (grammar examples, golden outputs, property tests, CLI tests)
#   make eval     score the pipeline against data/gold
#   make bench    run the benchmarks

CARGO ?= cargo
CORPUS ?= data/corpus
OUT ?= out
BIN := target/release/tarikh

.PHONY: all build run test eval eval-inferred bench clean

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

bench:
	$(CARGO) bench --workspace --locked

clean:
	$(CARGO) clean
	rm -rf $(OUT)/*.csv $(OUT)/*.svg
