#!/usr/bin/env python3
"""Print the match benchmark's table and ratios from run.sh's results.

Usage: python3 bench/match/report.py RESULTS_DIR
RESULTS_DIR holds mentionwatch.json (the timed `bench-match` line) with mentionwatch.time
(`/usr/bin/time -v`, for its peak RSS), and PEER.json from peers.py. Stdlib only.
"""
import json
import os
import sys

PEERS = [("pyahocorasick", "pyahocorasick 2.3.1"), ("ahocorasick-rs", "ahocorasick-rs 1.0.3")]


def load(results, name):
    path = os.path.join(results, name + ".json")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.loads(f.read().strip().splitlines()[-1])


def peak_from_time(path):
    with open(path) as f:
        for line in f:
            if "Maximum resident set size" in line:
                return int(line.rsplit(":", 1)[1]) / 1024  # KiB -> MiB
    return None


def main():
    results = sys.argv[1]
    mw = load(results, "mentionwatch")
    mw["peak_rss_mb"] = peak_from_time(os.path.join(results, "mentionwatch.time"))
    rows = [("mentionwatch", mw, "raw posts", mw["bytes"], mw["mentions"], "mentions")]
    for key, label in PEERS:
        r = load(results, key)
        if r is not None:
            rows.append((label, r, "normalised", r["text_bytes"], r["matches"], f"matches ({r['word_matches']:,} whole-word)"))

    print(f"{mw['posts']:,} posts, {mw['names']:,} staff names; mentionwatch: {mw['patterns']:,} patterns "
          f"(peers: the {rows[-1][1]['patterns']:,} distinct ones)" if len(rows) > 1 else "")
    header = f"{'tool':<21} {'text searched':<14} {'MB':>6} {'seconds':>8} {'MB/s':>7} {'found':>9} {'peak RSS MB':>11} {'build s':>8}  what 'found' is"
    print(header)
    print("-" * len(header))
    for label, r, text, size, found, what in rows:
        print(f"{label:<21} {text:<14} {size / 1e6:>6.1f} {r['seconds']:>8.3f} {r['mb_per_s']:>7.2f} {found:>9,} "
              f"{r['peak_rss_mb'] or 0:>11.1f} {r['build_seconds']:>8.2f}  {what}")
    print()
    print(f"mentionwatch found {mw['mentions']:,} mentions, checksum {mw.get('checksum', '-')} (entity, offsets, rule of each)")
    print(f"MB = 10^6 bytes. mentionwatch reads the raw posts ({mw['bytes'] / 1e6:.1f} MB) and normalises them itself "
          f"(NFKC, folding, look-alikes, leet: timed);")
    if len(rows) > 1:
        print(f"the peers search mentionwatch's already-normalised text ({rows[1][3] / 1e6:.1f} MB), one string, "
              "all overlapping substring matches (no word boundaries, context or misspellings).")
    for label, r, *_ in rows[1:]:
        # As printed (each tool's MB over its own text), and per post: the same posts, the time each took.
        print(f"mentionwatch MB/s / {label} MB/s = {mw['mb_per_s'] / r['mb_per_s']:.3f}   "
              f"(same posts: {label} took {r['seconds']:.3f} s, mentionwatch {mw['seconds']:.3f} s, "
              f"mentionwatch {r['seconds'] / mw['seconds']:.3f}x its speed)")


if __name__ == "__main__":
    main()
