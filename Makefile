# mentionwatch: the two commands a new machine needs are `make run` and `make test`.
SWIFT ?= swift
# System libraries the build links (libcurl, SQLite, libcrypto), python3 for the test servers and mail reader,
# and aiosmtpd for the SMTP tests.
APT_PACKAGES := libcurl4-openssl-dev libsqlite3-dev libssl-dev python3 python3-aiosmtpd wdutch wamerican
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PREFIX ?= /usr/local

.PHONY: run test build release release-static deb check-deb deps install clean format lint conformance fuzz bench-parse bench-match bench-classify train compare-models

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
MODEL_VERSION ?= 2026.12.71
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

# The release binary with the Swift runtime linked in, so it runs without the toolchain (install, deb),
# and without an RPATH (Debian policy; lintian).
release-static: deps
	$(SWIFT) build -c release --static-swift-stdlib --disable-local-rpath --scratch-path .build-static

# Installs and creates the service user and its folders (systemd-sysusers, systemd-tmpfiles), with the
# config readable by the service's group (root:mentionwatch 0640). See README.md, "Install".
install: release-static
	install -D -m 0755 .build-static/release/mentionwatch $(DESTDIR)$(PREFIX)/bin/mentionwatch
	install -D -m 0644 model/classifier.mwm $(DESTDIR)$(PREFIX)/share/mentionwatch/classifier.mwm
	install -d $(DESTDIR)/etc/systemd/system
	sed 's|/usr/local/bin/|$(PREFIX)/bin/|g' systemd/mentionwatch.service > $(DESTDIR)/etc/systemd/system/mentionwatch.service
	chmod 0644 $(DESTDIR)/etc/systemd/system/mentionwatch.service
	install -D -m 0644 systemd/mentionwatch.sysusers $(DESTDIR)/usr/lib/sysusers.d/mentionwatch.conf
	install -D -m 0644 systemd/mentionwatch.tmpfiles $(DESTDIR)/usr/lib/tmpfiles.d/mentionwatch.conf
	install -D -m 0644 systemd/sendmail-postfix.conf $(DESTDIR)$(PREFIX)/share/mentionwatch/sendmail-postfix.conf
	[ -e $(DESTDIR)/etc/mentionwatch/feeds.yaml ] || install -D -m 0640 feeds.yaml $(DESTDIR)/etc/mentionwatch/feeds.yaml
	@if [ -n "$(DESTDIR)" ]; then echo "DESTDIR set: run systemd-sysusers and systemd-tmpfiles --create on the target, and chgrp mentionwatch /etc/mentionwatch/feeds.yaml"; \
	else \
	  if command -v systemd-sysusers >/dev/null; then systemd-sysusers /usr/lib/sysusers.d/mentionwatch.conf; \
	  else getent passwd mentionwatch >/dev/null || useradd --system --user-group --home-dir /var/lib/mentionwatch --shell /usr/sbin/nologin mentionwatch; fi; \
	  if command -v systemd-tmpfiles >/dev/null; then systemd-tmpfiles --create /usr/lib/tmpfiles.d/mentionwatch.conf; \
	  else install -d -o mentionwatch -g mentionwatch -m 0700 /var/lib/mentionwatch; install -d -o mentionwatch -g mentionwatch -m 0755 /var/spool/mentionwatch; fi; \
	  chgrp mentionwatch /etc/mentionwatch/feeds.yaml && chmod 0640 /etc/mentionwatch/feeds.yaml; \
	  if [ -d /run/systemd/system ]; then systemctl daemon-reload; fi; \
	  echo "installed; check what the service can read and write:"; \
	  echo "  $(PREFIX)/bin/mentionwatch check --config /etc/mentionwatch/feeds.yaml --as-service"; \
	fi

# mentionwatch_VERSION_ARCH.deb in .build-deb/ (dpkg-deb, no debhelper); see docs/operations.md.
VERSION := $(shell sed -n 's/^public let mentionwatchVersion = "\(.*\)"/\1/p' Sources/MentionConfig/Version.swift)
DEB_REVISION ?= 1
DEB_OUT ?= .build-deb
deb: release-static
	@command -v dpkg-shlibdeps >/dev/null || { $(SUDO) apt-get install -y -qq dpkg-dev; }
	tools/build-deb.sh .build-static/release/mentionwatch $(VERSION)-$(DEB_REVISION) $(DEB_OUT)

# Builds the package, runs lintian and systemd-analyze, installs, checks and purges it (as root; CI).
check-deb:
	tools/check-deb.sh

clean:
	rm -rf .build .build-static .build-deb mentionwatch-demo
