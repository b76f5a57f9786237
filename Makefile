# mentionwatch: the two commands a new machine needs are `make run` and `make test`.
SWIFT ?= swift
# System libraries the build links (libcurl, SQLite, libcrypto), python3 for the test servers and mail reader,
# and aiosmtpd for the SMTP tests.
APT_PACKAGES := libcurl4-openssl-dev libsqlite3-dev libssl-dev python3 python3-aiosmtpd wdutch wamerican
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PREFIX ?= /usr/local

.PHONY: run test build release deps install clean format lint conformance fuzz bench-parse bench-match bench-classify train compare-models

deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; fi

build: deps
	$(SWIFT) build

# Builds, then runs the bundled demo in ./mentionwatch-demo/.
run: build
	$(SWIFT) run -q mentionwatch demo

# The CLI tests run the built binary, so build first.
test: build
	$(SWIFT) test

# swift format (it ships with the toolchain), configured in .swift-format. CI runs `lint` before the tests.
FORMAT_PATHS := Sources Tests Package.swift
format:
	$(SWIFT) format format --in-place --recursive --parallel $(FORMAT_PATHS)

lint:
	$(SWIFT) format lint --strict --recursive --parallel $(FORMAT_PATHS)

# The feed parser against feedparser's 2,106 cases in ../shared/data/feed-cases (pass rate per folder).
# CONFORMANCE_VERBOSE=1 lists every failing check.
conformance: build
	$(SWIFT) test --filter 'FeedConformanceTests|FeedDateConformanceTests' 2>&1 | grep -v '^\[' | grep -Ev '^(◇|↳ Testing|↳ Target)'

# libFuzzer + AddressSanitizer on the feed parser for SECONDS (default 600); see fuzz/README.md.
fuzz:
	fuzz/run.sh $(SECONDS)

# The parser against feedparser, fastfeedparser, feedparser-rs and xmllint --stream; see bench/README.md.
bench-parse:
	bench/parse/run.sh

# The name matcher (10,000 names, 100 MB of posts) against pyahocorasick and ahocorasick-rs; see bench/README.md.
bench-match:
	bench/match/run.sh

# The classifier: posts a second and linear time on long posts; see bench/README.md.
bench-classify:
	bench/classify/run.sh

# The learned classifier (docs/model.md): cross-validates on corpus/train, chooses the thresholds
# there, prints rules, model and both side by side, and writes model/classifier.mwm. The labelled sets of Tests/Support train it too. Never reads corpus/blind.
MODEL_VERSION ?= 2026.12.3
TRAINING := $(sort $(wildcard corpus/train/*.jsonl Tests/Support/classification-*.jsonl))
train: release
	.build/release/mentionwatch train --config feeds.yaml --version $(MODEL_VERSION) --output model/classifier.mwm $(TRAINING)

# The model against fastText (Debian's fasttext) on the same folds and words; see docs/model.md.
compare-models: release
	@command -v fasttext >/dev/null || { $(SUDO) apt-get install -y -qq fasttext; }
	.build/release/mentionwatch train --config feeds.yaml --version compare --output /tmp/mentionwatch-compare.mwm \
	  --outcomes /tmp/mentionwatch-outcomes.tsv --folds-export /tmp/mentionwatch-folds.tsv $(TRAINING) > /dev/null
	python3 tools/compare-fasttext.py /tmp/mentionwatch-folds.tsv /tmp/mentionwatch-outcomes.tsv

release: deps
	$(SWIFT) build -c release

install: release
	install -D -m 0755 .build/release/mentionwatch $(DESTDIR)$(PREFIX)/bin/mentionwatch
	install -D -m 0644 model/classifier.mwm $(DESTDIR)$(PREFIX)/share/mentionwatch/classifier.mwm
	install -D -m 0644 systemd/mentionwatch.service $(DESTDIR)/etc/systemd/system/mentionwatch.service
	install -D -m 0644 systemd/mentionwatch.sysusers $(DESTDIR)/usr/lib/sysusers.d/mentionwatch.conf
	install -D -m 0644 systemd/mentionwatch.tmpfiles $(DESTDIR)/usr/lib/tmpfiles.d/mentionwatch.conf
	[ -e $(DESTDIR)/etc/mentionwatch/feeds.yaml ] || install -D -m 0640 feeds.yaml $(DESTDIR)/etc/mentionwatch/feeds.yaml

clean:
	rm -rf .build mentionwatch-demo
