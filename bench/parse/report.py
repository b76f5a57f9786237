#!/usr/bin/env python3
"""Print the parse benchmark's table, ratios and item-count checks from run.sh's results.

Usage: python3 bench/parse/report.py RESULTS_DIR CORPUS_DIR
RESULTS_DIR holds one TOOL-SET.json per run (one JSON line, from `mentionwatch bench-parse` or
peers.py) and, for runs under /usr/bin/time -v, a TOOL-SET.time whose peak RSS is used when the
JSON has none. SET is "all" (every file), "xml" (the XML files only: the set xmllint and
feedparser can read) or "json" (the JSON Feed files only). Stdlib only.
"""
import json
import os
import sys

ROWS = [  # (tool, set, note): the order of the table
    ("mentionwatch", "all", "parse + plain text of every item"),
    ("fastfeedparser", "all", ""),
    ("feedparser-rs", "all", ""),
    ("mentionwatch", "xml", "parse + plain text of every item"),
    ("feedparser", "xml", "XML only: feedparser 6 has no JSON Feed reader"),
    ("fastfeedparser", "xml", ""),
    ("feedparser-rs", "xml", ""),
    ("xmllint --stream", "xml", "floor: well-formedness only, no items, reads files itself"),
    ("mentionwatch", "json", "parse + plain text of every item"),
    ("fastfeedparser", "json", ""),
    ("feedparser-rs", "json", ""),
]
SETS = {"all": "all files", "xml": "XML subset", "json": "JSON Feed"}
# The headline ratios, each on the widest file set that both sides read.
RATIOS = [("feedparser", "xml"), ("fastfeedparser", "all"), ("feedparser-rs", "all")]


def load(results, tool, subset):
    stem = os.path.join(results, f"{tool.split()[0]}-{subset}")
    if not os.path.exists(stem + ".json"):
        return None
    with open(stem + ".json") as f:
        row = json.loads(f.read().strip().splitlines()[-1])
    if row.get("peak_rss_mb") is None and os.path.exists(stem + ".time"):
        with open(stem + ".time") as f:
            for line in f:
                if "Maximum resident set size" in line:
                    row["peak_rss_mb"] = int(line.rsplit(":", 1)[1]) / 1024  # KiB -> MiB
    return row


def main():
    results, corpus = sys.argv[1], sys.argv[2]
    with open(os.path.join(corpus, "manifest.json")) as f:
        manifest = json.load(f)
    expected = {"all": manifest["items"], "xml": manifest["xml_items"], "json": manifest["items"] - manifest["xml_items"]}
    rows = {(tool, subset): load(results, tool, subset) for tool, subset, _ in ROWS}

    header = f"{'tool':<17} {'set':<10} {'files':>5} {'MB':>6} {'items':>6} {'seconds':>8} {'MB/s':>7} {'items/s':>8} {'peak RSS MB':>11}  note"
    print(header)
    print("-" * len(header))
    for tool, subset, note in ROWS:
        r = rows[(tool, subset)]
        if r is None:
            print(f"{tool:<17} {SETS[subset]:<10} (did not run)")
            continue
        items = "-" if r["items"] is None else str(r["items"])
        per_s = "-" if r["items_per_s"] is None else f"{r['items_per_s']:.0f}"
        print(f"{tool:<17} {SETS[subset]:<10} {r['files']:>5} {r['bytes'] / 1e6:>6.1f} {items:>6} {r['seconds']:>8.3f} "
              f"{r['mb_per_s']:>7.1f} {per_s:>8} {r['peak_rss_mb']:>11.1f}  {note}")
    print("(MB = 10^6 bytes; peak RSS in MiB, each tool in its own process, the in-memory corpus included;")
    print(" best of the rounds; mentionwatch and Python peers time parsing from memory only)")

    print()
    for peer, subset in RATIOS:
        mw, other = rows[("mentionwatch", subset)], rows[(peer, subset)]
        if mw and other:
            n = mw["mb_per_s"] / other["mb_per_s"]
            print(f"mentionwatch is {n:.2f}x {peer} ({SETS[subset]}, {mw['files']} files)"
                  + ("" if n >= 1 else f"  [mentionwatch is slower: {1 / n:.2f}x the time]"))
    mw, lint = rows[("mentionwatch", "xml")], rows[("xmllint --stream", "xml")]
    if mw and lint:
        print(f"mentionwatch speed / xmllint --stream speed (XML subset): {mw['mb_per_s']:.1f} / {lint['mb_per_s']:.1f} MB/s"
              f" = {mw['mb_per_s'] / lint['mb_per_s']:.2f}")
    # The same ratio on every file set, so a slow format shows where the all-files figure comes from.
    print()
    print(f"{'mentionwatch speed / peer speed':<32}" + "".join(f"{SETS[s]:>12}" for s in SETS))
    for peer in ("feedparser", "fastfeedparser", "feedparser-rs", "xmllint --stream"):
        cells = []
        for subset in SETS:
            mw, other = rows.get(("mentionwatch", subset)), rows.get((peer, subset))
            cells.append(f"{mw['mb_per_s'] / other['mb_per_s']:>11.2f}x" if mw and other else f"{'-':>12}")
        print(f"{peer:<32}" + "".join(cells))

    print()
    print(f"items: manifest says {expected['all']} in all files, {expected['xml']} in the XML subset, {expected['json']} in JSON Feed")
    warnings = 0
    for tool, subset, _ in ROWS:
        r = rows[(tool, subset)]
        if r is None or r["items"] is None:
            if r is not None and r["errors"]:
                print(f"WARNING: {tool} reported {r['errors']} parser errors on the {SETS[subset]}")
                warnings += 1
            continue
        mw = rows[("mentionwatch", subset)]
        agree = r["items"] == expected[subset] and (mw is None or r["items"] == mw["items"])
        extra = f", {r['errors']} files failed" if r["errors"] else ""
        extra += f", bozo on {r['bozo']} files" if r.get("bozo") else ""
        print(f"  {tool:<15} {SETS[subset]:<10} {r['items']:>6}{extra}" + ("" if agree else "   <- DISAGREES"))
        if not agree or r["errors"]:
            warnings += 1
            print(f"WARNING: {tool} counted {r['items']} items on the {SETS[subset]}; manifest {expected[subset]}, "
                  f"mentionwatch {mw['items'] if mw else '?'}{extra}")
    print("item counts: all agree" if not warnings else f"item counts: {warnings} warning(s) above")


if __name__ == "__main__":
    main()
