#!/usr/bin/env python3
"""Time one peer parser over a list of feed files; prints one JSON line like `mentionwatch bench-parse`.

Usage: bench/.venv/bin/python bench/parse/peers.py PEER LIST [--rounds 3]
  PEER  feedparser | fastfeedparser | feedparser-rs | xmllint
  LIST  a file of feed paths, one a line (relative paths are taken from LIST's folder)

Python peers: every file is read into memory first, then each round parses every file from bytes and
counts its entries; the best round counts. Each peer runs in a process of its own (run.sh starts this
script once per peer), so peak_rss_mb (ru_maxrss of this process) is that peer's, corpus included.
xmllint: `xmllint --stream --noout FILE...` is run as one child process per round (it reads the
files itself, from the page cache after the first round); items are not counted, and peak_rss_mb is
the child's. Output keys: tool, files, bytes, items, errors, bozo, seconds, mb_per_s, items_per_s,
peak_rss_mb (MB = 10^6 bytes for throughput, 2^20 bytes for memory, as /usr/bin/time -v reports KiB).
"""
import argparse
import io
import json
import os
import resource
import subprocess
import sys
import time


def count_feedparser():
    import feedparser

    def count(data):
        # A BytesIO, not the bytes themselves: feedparser 6 first tries bytes as a *file name*
        # (open(data) fails with "name too long"), which would time a failing syscall too.
        result = feedparser.parse(io.BytesIO(data))
        return len(result.entries), bool(result.bozo)
    return count


def count_fastfeedparser():
    import fastfeedparser

    def count(data):
        # Raises ValueError on documents it cannot read; returns a dict with "entries".
        return len(fastfeedparser.parse(data).entries), False
    return count


def count_feedparser_rs():
    import feedparser_rs  # PyPI name feedparser-rs; a Rust (PyO3) parser with feedparser's result shape

    def count(data):
        # Defaults kept as for the other peers: sanitize_html=True, resolve_relative_uris=True.
        result = feedparser_rs.parse(data)
        return len(result.entries), bool(result.bozo)
    return count


PEERS = {"feedparser": count_feedparser, "fastfeedparser": count_fastfeedparser, "feedparser-rs": count_feedparser_rs}


def time_python_peer(name, documents, rounds):
    count = PEERS[name]()
    best, items, errors, bozo = float("inf"), 0, 0, 0
    for _ in range(rounds):
        items = errors = bozo = 0
        start = time.perf_counter()
        for data in documents:
            try:
                n, flagged = count(data)
                items += n
                bozo += flagged
            except Exception:  # a peer that gives up on a file: counted, not fatal
                errors += 1
        best = min(best, time.perf_counter() - start)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return best, items, errors, bozo, peak


def time_xmllint(paths, rounds):
    best, errors = float("inf"), 0
    for _ in range(rounds):
        start = time.perf_counter()
        done = subprocess.run(["xmllint", "--stream", "--noout", *paths], stderr=subprocess.PIPE)
        best = min(best, time.perf_counter() - start)
        errors = done.stderr.count(b"parser error")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return best, None, errors, 0, peak


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("peer", choices=[*PEERS, "xmllint"])
    parser.add_argument("list")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    folder = os.path.dirname(os.path.abspath(args.list))
    with open(args.list) as f:
        paths = [os.path.join(folder, line.strip()) for line in f if line.strip()]
    total = sum(os.path.getsize(p) for p in paths)
    if args.peer == "xmllint":
        seconds, items, errors, bozo, peak = time_xmllint(paths, max(1, args.rounds))
    else:
        documents = []
        for path in paths:
            with open(path, "rb") as f:
                documents.append(f.read())
        seconds, items, errors, bozo, peak = time_python_peer(args.peer, documents, max(1, args.rounds))
    print(json.dumps({
        "tool": args.peer, "files": len(paths), "bytes": total, "items": items, "errors": errors, "bozo": bozo,
        "seconds": seconds, "mb_per_s": total / 1e6 / seconds,
        "items_per_s": None if items is None else items / seconds, "peak_rss_mb": peak,
    }))


if __name__ == "__main__":
    sys.exit(main())
