# vssdesk — the two commands a newcomer needs are `make run` and `make test`.
SWIFT ?= swift
DB ?= vssdesk.sqlite
BIN = .build/debug/vssdesk
PREFIX ?= /usr/local

.PHONY: run build test bench bench-pg bench-quick bench-scale release install man demo clean

build:
	$(SWIFT) build

# Builds, creates ./vssdesk.sqlite with the KB and clearly synthetic demo data if it is absent, opens the prompt.
run: build
	@test -f $(DB) || $(BIN) --db $(DB) init --demo 500
	@$(BIN) --db $(DB)

demo: build
	$(BIN) --db $(DB) demo --count 1000

# Every test, against a private PostgreSQL cluster the run starts and removes (scripts/with-test-postgres). The
# service and end-to-end suites then run a second time with PostgreSQL as the desk's engine: one suite, two engines.
PG_SUITES = DeskTests|EndToEndTests
test:
	$(SWIFT) build --build-tests
	scripts/with-test-postgres sh -c 'VSSDESK_BIN=$(CURDIR)/$(BIN) $(SWIFT) test --skip-build && \
	  VSSDESK_TEST_BACKEND=postgres VSSDESK_BIN=$(CURDIR)/$(BIN) $(SWIFT) test --skip-build --filter "$(PG_SUITES)"'

# Start-up is most of a one-shot `vssdesk -c …`: a static Swift runtime (27 → 16 ms) and a fixed-address executable
# (no 80,000 start-up relocations to apply: 713 → 485 page faults, −30 %). See BENCHMARKS.md.
RELEASE_FLAGS = -c release --static-swift-stdlib -Xswiftc -Xclang-linker -Xswiftc -no-pie
release:
	$(SWIFT) build $(RELEASE_FLAGS) --product vssdesk
	$(SWIFT) build $(RELEASE_FLAGS) --product vssdesk-bench

# 1,000,000 registrations and 200,000 tickets; results in BENCHMARKS.md (bench/out/ keeps the raw numbers).
bench: release
	bench/run.sh 1000000 200000

bench-quick: release
	bench/run.sh 100000 20000

# How cost grows: import, lookups and stats only, at 5,000,000 registrations and 1,000,000 tickets (~30 minutes).
bench-scale: release
	SCALE_ONLY=1 bench/run.sh 5000000 1000000

# The same figures on PostgreSQL (a private cluster the run starts), beside psql/pgbench: 1M by default,
# `make bench-pg N=10000000` for the city-wide scale (about an hour on this machine). BENCHMARKS.md has both.
N ?= 1000000
bench-pg: release
	bench/run-pg.sh $(N) 200000

# The man pages come from the command table, like `help` and Tab completion: Vietnamese in man1 (what `man vssdesk`
# shows whatever LANG says), English under en/ (what man picks for an English LANG, or `man -L en vssdesk`).
man: build
	VSSDESK_LANG=vi $(BIN) manpage > vssdesk.1
	VSSDESK_LANG=en $(BIN) manpage > vssdesk.en.1

install: release
	VSSDESK_LANG=vi .build/release/vssdesk manpage > vssdesk.1
	VSSDESK_LANG=en .build/release/vssdesk manpage > vssdesk.en.1
	install -D -m 0755 .build/release/vssdesk $(DESTDIR)$(PREFIX)/bin/vssdesk
	install -D -m 0644 vssdesk.1 $(DESTDIR)$(PREFIX)/share/man/man1/vssdesk.1
	install -D -m 0644 vssdesk.en.1 $(DESTDIR)$(PREFIX)/share/man/en/man1/vssdesk.1
	install -d $(DESTDIR)$(PREFIX)/share/vssdesk/kb
	install -m 0644 kb/*.md kb/synonyms.tsv kb/stopwords.txt $(DESTDIR)$(PREFIX)/share/vssdesk/kb/

clean:
	rm -rf .build
