# The two commands of README.md's Quick start live here:
#   make demo   set up, build and run every sample batch; prints where the PDFs and HTML pages are
#   make test   set up, build (warnings are errors) and run every test twice: in $(BUILD) and in
#               the sanitizer build $(ASAN_BUILD) (ASan + UBSan; scripts/test.sh, docs/testing.md)
#   make fuzz   clang + libFuzzer build of tests/fuzz/ in build-fuzz/, corpus seeded (docs/testing.md)
#   make package  build the Debian package $(BUILD)/boardpack_<version>_<arch>.deb (docs/install.md)
# Both install what they need first (scripts/setup.sh is idempotent and fast). Both trees compile
# through ccache, its cache the user's (~/.cache/boardpack/ccache; BOARDPACK_CCACHE_DIR in
# CMakeLists.txt), so another clone of the same sources compiles from it.

BUILD ?= build
JOBS  ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=
SAMPLES := accelerating-achievement tracking-for-success eyqip peer-challenge

.PHONY: demo test build setup clean package fuzz

FUZZ_BUILD ?= build-fuzz
ASAN_BUILD ?= build-asan

setup:
	@bash scripts/setup.sh

build: setup
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release -DBOARDPACK_WERROR=ON -DBOARDPACK_CCACHE=ON \
	  $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@set -e; for s in $(SAMPLES); do \
	  $(BUILD)/boardpack run samples/$$s/batch.yaml --out out/$$s; \
	done
	@echo "PDFs and HTML pages written under $(CURDIR)/out/:"; \
	  find out \( -name '*.pdf' -o -name '*.html' \) -not -path '*/setting-summaries/*' | sort | sed 's/^/  /'; \
	  for d in $$(find out -type d -name setting-summaries | sort); do \
	    echo "  $$d/: $$(find $$d -name '*.pdf' | wc -l) setting summaries (PDF), $$(find $$d -name '*.html' | wc -l) (HTML)"; done

test: setup
	@bash scripts/test.sh $(BUILD) $(ASAN_BUILD) $(JOBS) $(CMAKE_FLAGS)

package: build
	@cd $(BUILD) && cpack -G DEB >/dev/null && ls -1 $(CURDIR)/$(BUILD)/boardpack_*.deb

# Builds the three fuzz targets with clang 14 and seeds build-fuzz/corpus/; docs/testing.md says
# how to run them. Separate from $(BUILD): make build and make test never need clang.
fuzz:
	@bash scripts/setup.sh --fuzz
	@CXX=clang++-14 cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DBOARDPACK_FUZZ=ON -DBOARDPACK_TESTS=OFF $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzz_csv fuzz_config fuzz_template
	@bash tests/fuzz/make_corpus.sh $(FUZZ_BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD) build-ccache out   # the ccache cache stays (docs/testing.md)
