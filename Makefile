# Secure Base. Two commands on a fresh machine:
#   make run    install what is missing, build, serve http://127.0.0.1:8080
#   make test   everything CI runs
.PHONY: run test build deps server web bench format lint asan fuzz clean

deps:
	@scripts/install-deps

server: deps
	@cmake --preset release -DSECUREBASE_TESTS=OFF >/dev/null
	@cmake --build build/release -j$$(nproc)

web: deps
	@npm run --silent build

build: server web

run: build
	./build/release/securebase serve

test: deps
	@scripts/test-all

# The C++ tests and the API tests alone under AddressSanitizer and UBSan,
# without the browser suite (make test runs every suite on the same
# sanitized build: ADR 0011).
asan: deps
	@scripts/test-asan

# The libFuzzer targets in fuzz/ (clang-19, ASan and UBSan), 60 s each;
# FUZZ_SECONDS=, FUZZ_TARGETS=, FUZZ_MERGE=1 (keep new inputs in
# fuzz/corpus/): scripts/fuzz says more.
fuzz: deps
	@scripts/fuzz

bench: build
	@bench/run

# clang-format is the arbiter of layout.
format:
	@git ls-files 'server/*.cc' 'server/*.h' | xargs clang-format -i

# Layout check on everything; clang-tidy on C++ files changed since main
# (or the last commit on main itself).
lint: deps
	@git ls-files 'server/*.cc' 'server/*.h' | xargs clang-format --dry-run --Werror
	@cmake --preset debug -DSECUREBASE_TESTS=ON >/dev/null
	@scripts/lint-changed

clean:
	rm -rf build web/dist
