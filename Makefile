# Appraise — two commands: `make run` and `make test`. Everything else here
# is what those two need, plus eval/package/generate for developers.

SHELL      := /bin/bash
.SHELLFLAGS := -o pipefail -c
GO         ?= go
BIN        := bin/appraise
VERSION    := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
LDFLAGS    := -X main.version=$(VERSION)
CORE       := ./internal/... ./store/... ./pdfextract/... ./cmd/appraise-extract
CORPUS     ?= $(or $(APPRAISE_CORPUS),../shared/corpus)

# Debian/Ubuntu packages Fyne's cgo build needs, and what the tests use.
BUILD_DEBS := gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev \
              libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev
TEST_DEBS  := xvfb xdotool poppler-utils imagemagick qpdf

.PHONY: run build deps test-deps test lint core e2e eval bench generate package clean

## run: install what the build needs, build, open Appraise on the demo paper
run: build
	./$(BIN)

build: deps
	@if [ ! -x $(BIN) ]; then echo "Building Appraise. The first build compiles GLFW with cgo: about 6–9 minutes on 2 cores; later builds take seconds."; fi
	$(GO) build -v -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/appraise 2>&1 | sed -u 's/^/  compiling /'
	CGO_ENABLED=0 $(GO) build -o $(BIN)-extract ./cmd/appraise-extract
	@echo "Built $(BIN)."

deps:
	@.ci/ensure-debs.sh $(BUILD_DEBS)

test-deps:
	@.ci/ensure-debs.sh $(BUILD_DEBS) $(TEST_DEBS)

## test: vet, lint, build the core without cgo, run every test (race detector), then the real-window test
test: test-deps lint core
	$(GO) test -race -tags ci -count=1 -timeout 20m ./...
	$(MAKE) --no-print-directory e2e

lint:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	$(GO) vet -tags ci ./...
	$(GO) tool staticcheck -tags ci ./...

core:
	CGO_ENABLED=0 $(GO) build $(CORE)
	CGO_ENABLED=0 $(GO) test -count=1 $(CORE) >/dev/null

## e2e: start the real app under Xvfb, drive it with xdotool, check the library
e2e: build
	APPRAISE_E2E_BIN=$(CURDIR)/$(BIN) $(GO) test -count=1 -tags e2e -run TestEndToEnd -timeout 5m ./cmd/appraise

## eval: extraction quality and speed over a folder of PDFs, side by side with pdftotext
eval: test-deps build
	APPRAISE_CORPUS=$(CORPUS) $(GO) run ./internal/cmd/evalextract -exe $(CURDIR)/$(BIN)

bench:
	$(GO) test -run '^$$' -bench . -benchmem $(CORE)

## generate: rebuild assets/demo.pdf and its truth (internal/demopaper's test fails when they are stale)
generate:
	$(GO) generate ./...

## package: a real `fyne package` for Linux (reads FyneApp.toml from the main package folder)
package: deps
	cp FyneApp.toml cmd/appraise/FyneApp.toml
	sed -i 's#^Icon = "assets/#Icon = "../../assets/#' cmd/appraise/FyneApp.toml
	cd cmd/appraise && $(GO) run fyne.io/tools/cmd/fyne@v1.7.4 package -os linux --release; \
	  status=$$?; rm -f FyneApp.toml; exit $$status
	mkdir -p dist && mv cmd/appraise/*.tar.xz dist/
	@ls -l dist/

clean:
	rm -rf bin dist
