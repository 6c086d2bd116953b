# Two entry points for a fresh Debian 12 machine with Swift 6:
#   make samples   install what is missing, build release, render every sample into Samples/
#   make test      install what is missing, build, run the whole test suite
SHELL := /bin/bash
export PATH := $(PATH):/opt/swift/usr/bin

APT_PACKAGES := pkg-config libcairo2-dev libharfbuzz-dev libfreetype-dev libfribidi-dev \
	libunibreak-dev libzint-dev libjpeg62-turbo-dev libdeflate-dev libsqlite3-dev poppler-utils qpdf zbar-tools
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build release samples test clean

deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing: $$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	swift build

release: deps
	# The Swift runtime and Foundation linked statically: a `render` process starts in half the time
	# (no symbol binding of the shared Swift libraries) and its resident memory is lower.
	swift build -c release --static-swift-stdlib --product render

samples: release
	.build/release/render samples

test: deps
	swift test

clean:
	rm -rf .build
