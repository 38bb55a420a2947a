# Thin wrapper: installs Debian packages that are missing, then drives CMake.
#   make demo   build and redact the sample messages, showing before and after, then one
#               response as two recipients receive it under each statute preset
#   make test   build with g++ and with clang + ASan/UBSan, run every test in both
#   make fuzz   run every libFuzzer target for FUZZ_SECONDS (default 60)
#   make bench  Release build of bench/, run against its baselines: table, bench/results.json, docs/performance.svg

DEB_PACKAGES := cmake ninja-build g++ clang libclang-rt-14-dev \
                tao-pegtl-dev libsimdjson-dev libpugixml-dev doctest-dev libasio-dev \
                libsodium-dev chromium chromium-driver python3-selenium
FUZZ_SECONDS ?= 60
JOBS ?= $(shell nproc)

BUILD := build
BUILD_SAN := build-sanitize
BUILD_FUZZ := build-fuzz
WARNINGS := -Wall -Wextra -Wpedantic -Werror

.PHONY: all deps build build-sanitize test demo fuzz bench clean

all: build

deps:
	@scripts/install-deps.sh $(DEB_PACKAGES)

build: deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_CXX_COMPILER=g++ -DCMAKE_CXX_FLAGS="$(WARNINGS)"
	cmake --build $(BUILD) -j $(JOBS)

build-sanitize: deps
	cmake -S . -B $(BUILD_SAN) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++ \
	  -DCMAKE_CXX_FLAGS="$(WARNINGS) -O1 -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" -DVEIL_BROWSER_TESTS=OFF
	cmake --build $(BUILD_SAN) -j $(JOBS)

test: build build-sanitize
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --test-dir $(BUILD_SAN) --output-on-failure -j $(JOBS)

demo: build
	@scripts/demo.sh $(BUILD)/examples/veil examples/messages/nlets-text examples/messages/nlets-xml \
	  examples/messages/aamva
	@scripts/demo-policy.sh $(BUILD)/examples/veil examples/messages/nlets-text/dr.txt

fuzz: deps
	cmake -S . -B $(BUILD_FUZZ) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
	  -DVEIL_BUILD_FUZZERS=ON -DVEIL_BUILD_TESTS=OFF -DVEIL_BUILD_EXAMPLES=OFF -DVEIL_BUILD_BENCH=OFF
	cmake --build $(BUILD_FUZZ) -j $(JOBS)
	@scripts/run-fuzzers.sh $(BUILD_FUZZ)/fuzz $(FUZZ_SECONDS)

bench: deps
	cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=g++ \
	  -DCMAKE_CXX_FLAGS="$(WARNINGS)" -DVEIL_BUILD_TESTS=OFF -DVEIL_BUILD_EXAMPLES=OFF
	cmake --build build-bench -j $(JOBS) --target veil_bench veil_bench_chart
	build-bench/bench/veil_bench --json bench/results.json
	build-bench/bench/veil_bench_chart bench/results.json docs/performance.svg

clean:
	rm -rf $(BUILD) $(BUILD_SAN) $(BUILD_FUZZ)
