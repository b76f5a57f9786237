#!/usr/bin/env python3
"""Time one Aho-Corasick peer finding mentionwatch's literal patterns in its normalised text.

Usage: bench/.venv/bin/python bench/match/peers.py PEER PATTERNS NORMALISED [--rounds 3]
  PEER        pyahocorasick | ahocorasick-rs
  PATTERNS    `mentionwatch bench-match --dump-patterns` output: one pattern a line (match keys
              joined by a space)
  NORMALISED  `mentionwatch bench-match --dump-normalised` output: one post's keys a line

Both files are read into memory first. The patterns are deduplicated (the dump repeats a literal
once per person and rule that yields it; a peer given duplicates would report each copy), then the
automaton build is timed once. The text is searched as ONE string (the lines joined by "\n", as
read), so there is no Python per-post overhead; each round finds every occurrence, overlapping
ones included, and counts them; the best round counts.

Semantics, as close as the two APIs allow:
  pyahocorasick   Automaton (str keys), `sum(1 for _ in A.iter(text))`: every (end, pattern)
                  occurrence, overlapping. A Python-level iterator: one tuple per match.
  ahocorasick-rs  AhoCorasick(patterns) with MatchKind.Standard (the only kind that allows
                  overlapping), `len(find_matches_as_indexes(text, overlapping=True))`: every
                  occurrence, overlapping. Builds the whole list of (pattern, start, end) in Rust.
Both are substring searches: "jan" is also found inside "januari". After the timed rounds, untimed,
the matches that are whole words (bounded by start/end of text, " " or "\n") are counted too:
nearer to what mentionwatch counts, which works on whole words.

Prints one JSON line: tool, patterns, text_bytes (UTF-8 of the normalised text), matches,
word_matches, build_seconds, seconds, mb_per_s (10^6 bytes of normalised text per second),
peak_rss_mb (ru_maxrss of this process, text and automaton included, MiB).
"""
import argparse
import json
import resource
import time


def build_pyahocorasick(patterns):
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for pattern in patterns:
        automaton.add_word(pattern, len(pattern))  # value: the length, to get the start back
    automaton.make_automaton()

    def count(text):
        return sum(1 for _ in automaton.iter(text))

    def spans(text):
        for end, length in automaton.iter(text):
            yield end + 1 - length, end + 1  # iter() gives the inclusive end index
    return count, spans


def build_ahocorasick_rs(patterns):
    import ahocorasick_rs

    # Standard match kind: the one that reports overlapping matches. Default implementation
    # (the library picks one by size; store_patterns left to its heuristic: unused here).
    automaton = ahocorasick_rs.AhoCorasick(patterns, matchkind=ahocorasick_rs.MatchKind.Standard)

    def count(text):
        return len(automaton.find_matches_as_indexes(text, overlapping=True))

    def spans(text):
        # Indexes are str (code point) indexes, like pyahocorasick's.
        for _, start, end in automaton.find_matches_as_indexes(text, overlapping=True):
            yield start, end
    return count, spans


PEERS = {"pyahocorasick": build_pyahocorasick, "ahocorasick-rs": build_ahocorasick_rs}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("peer", choices=PEERS)
    ap.add_argument("patterns")
    ap.add_argument("normalised")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()

    with open(args.patterns, encoding="utf-8") as f:
        patterns = list(dict.fromkeys(line for line in f.read().split("\n") if line))
    with open(args.normalised, encoding="utf-8") as f:
        text = f.read()  # the posts already joined by "\n": one haystack

    start = time.perf_counter()
    count, spans = PEERS[args.peer](patterns)
    build = time.perf_counter() - start

    best, matches = float("inf"), 0
    for _ in range(max(1, args.rounds)):
        start = time.perf_counter()
        matches = count(text)
        best = min(best, time.perf_counter() - start)

    # Untimed: how many of those are whole words.
    bounds = {" ", "\n"}
    word_matches = sum(1 for s, e in spans(text) if (s == 0 or text[s - 1] in bounds) and (e == len(text) or text[e] in bounds))

    text_bytes = len(text.encode("utf-8"))
    print(json.dumps({
        "tool": args.peer, "patterns": len(patterns), "text_bytes": text_bytes, "matches": matches,
        "word_matches": word_matches, "build_seconds": build, "seconds": best, "mb_per_s": text_bytes / 1e6 / best,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,  # KiB on Linux
    }, sort_keys=True))


if __name__ == "__main__":
    main()
