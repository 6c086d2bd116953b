# Two entry points for a fresh Debian 12 machine with Swift 6:
#   make samples   install what is missing, build release, render every sample into Samples/
#   make test      install what is missing, build, run the whole test suite under AddressSanitizer
SHELL := /bin/bash
export PATH := $(PATH):/opt/swift/usr/bin

APT_PACKAGES := pkg-config zlib1g-dev libcairo2-dev libharfbuzz-dev libfreetype-dev libfribidi-dev \
	libhyphen-dev libzint-dev libjpeg62-turbo-dev libpng-dev libdeflate-dev libsqlite3-dev poppler-utils qpdf zbar-tools
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build release release-flags samples test test-plain clean

deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing: $$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	swift build

# What a `render` process spends before and around its work (see `make release`):
# - the Swift runtime and Foundation linked statically: a `render` process starts in half the time
#   (no symbol binding of the shared Swift libraries) and its resident memory is lower;
# - generic type metadata made by direct accessor calls, not from mangled names: resolving a mangled
#   name asks the runtime for the type's protocol conformances, and each first lookup scans every
#   conformance record of the static binary (~7,000): ~4 M fewer instructions per process;
# - libstdc++, SQLite, FriBidi, libjpeg, libdeflate and libhyphen linked from their static archives
#   (Scripts/static-archives.sh writes the linker scripts and pkg-config files that make `-lNAME`
#   find them): the dynamic loader neither maps them nor binds their symbols at start (~1.5 M
#   instructions). STATIC_LIBS= turns this off.
# - linked by LLD with packed relative relocations (DT_RELR, glibc 2.36): the loader applies the
#   binary's ~92,000 relative relocations from 18 KB instead of 2.2 MB of RELA entries
#   (-0.5 M instructions, -0.7 ms a process).
# - no dynamic symbol table of its own (--no-export-dynamic; swiftc asks for --export-dynamic): the
#   binary exported its 13,000 symbols, which nothing loads against, and the backtracer's start-up
#   `dladdr` walks every one of them before `main`; 320 KB of .dynsym and 700 KB of .dynstr go.
# - the code rendering runs placed together (Scripts/symbol-order.sh writes Scripts/render.order;
#   Swift functions get sections of their own so the linker can move them): about 85 fewer page
#   faults a process, as the code of one invoice no longer spreads over 11 MB of text.
RELEASE_FLAGS := --static-swift-stdlib -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors \
	-Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs -Xlinker --no-export-dynamic \
	-Xswiftc -Xfrontend -Xswiftc -function-sections \
	-Xlinker --symbol-ordering-file=$(CURDIR)/Scripts/render.order -Xlinker --no-warn-symbol-ordering
STATIC_LIBS ?= .build/static-libs

release: deps
ifneq ($(STATIC_LIBS),)
	bash Scripts/static-archives.sh $(STATIC_LIBS)
	swift build -c release $(RELEASE_FLAGS) -Xswiftc -L$(abspath $(STATIC_LIBS)) --pkg-config-path $(abspath $(STATIC_LIBS))/pkgconfig --product render
else
	swift build -c release $(RELEASE_FLAGS) --product render
endif

# The flags above, for bench/compare.py, which builds its own release products the same way.
release-flags:
	@echo $(RELEASE_FLAGS)

samples: release
	.build/release/render samples

# The whole suite once, under AddressSanitizer with leak detection, from a build that also fails
# on an import of an undeclared target (Scripts/sanitizers.sh): one build and one run instead of a
# plain pass and a sanitized pass of the same tests, which took CI past its 20 minutes.
test: deps
	bash Scripts/sanitizers.sh address

# The suite without the sanitizer (faster while editing), with the same import check.
# SwiftPM reports an import of an undeclared target but goes on building: fail on the report.
test-plain: deps
	set -o pipefail; swift build --build-tests --explicit-target-dependency-import-check error 2>&1 | tee .build-import-check.log
	! grep -q "without declaring it a dependency" .build-import-check.log
	swift test

clean:
	rm -rf .build
