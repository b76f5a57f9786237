#!/usr/bin/env python3
"""Checks a corpus file: format, labels, unique ids, near-duplicates within it and against the
other files in the same folder. Usage: check.py FILE"""
import json, os, re, sys, unicodedata
from collections import Counter

CATS = {"insult", "gossip_accusation", "threat", "stalking", "unconsented_media", "impersonation",
        "discrimination", "confidential_info", "unauthorised_statement", "forwarding"}
SOURCES = {"news", "mastodon", "reddit", "youtube", "blog", "forum"}
ENTITIES = {"school"} | {f"staff-0{i}" for i in range(1, 9)}

def words(text):
    t = unicodedata.normalize("NFKD", text.lower())
    return re.findall(r"\w+", t)

def shingles(text):
    w = words(text)
    return {tuple(w[i:i + 3]) for i in range(max(1, len(w) - 2))}

def load(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                out.append((n, line))
    return out

def main(path):
    errors, posts = [], []
    for n, line in load(path):
        try:
            p = json.loads(line)
        except Exception as e:
            errors.append(f"line {n}: not JSON: {e}"); continue
        e = p.get("expect", {})
        for key in ("id", "source", "author", "text"):
            if not isinstance(p.get(key), str): errors.append(f"line {n}: {key} missing")
        if p.get("source") not in SOURCES: errors.append(f"line {n}: source {p.get('source')!r}")
        if not isinstance(p.get("has_media"), bool): errors.append(f"line {n}: has_media not a bool")
        cats = e.get("categories")
        if not isinstance(cats, list) or not set(cats) <= CATS: errors.append(f"line {n}: categories {cats!r}")
        if not isinstance(e.get("alert"), bool): errors.append(f"line {n}: alert not a bool")
        if not set(e.get("mentions", [])) <= ENTITIES: errors.append(f"line {n}: mentions {e.get('mentions')!r}")
        if e.get("alert") and not cats: errors.append(f"line {n}: alert without a category")
        posts.append((n, p))
    ids = Counter(p["id"] for _, p in posts if "id" in p)
    errors += [f"id {i} used {c} times" for i, c in ids.items() if c > 1]
    folder = os.path.dirname(os.path.abspath(path))
    others = []
    for name in sorted(os.listdir(folder)):
        other = os.path.join(folder, name)
        if name.endswith(".jsonl") and os.path.abspath(other) != os.path.abspath(path):
            for _, line in load(other):
                try: others.append((name, json.loads(line)["text"]))
                except Exception: pass
    mine = [(n, shingles(p.get("title", "") + " " + p.get("text", ""))) for n, p in posts]
    theirs = [(name, shingles(t)) for name, t in others]
    def close(a, b):
        return len(a & b) / max(1, min(len(a), len(b))) >= 0.6 and len(a & b) >= 3
    for i, (n, s) in enumerate(mine):
        for m, t in mine[:i]:
            if close(s, t): errors.append(f"line {n}: near-copy of line {m}")
        for name, t in theirs:
            if close(s, t): errors.append(f"line {n}: near-copy of a post in {name}")
    cats = Counter(c for _, p in posts for c in p.get("expect", {}).get("categories", []))
    neg = sum(1 for _, p in posts if not p.get("expect", {}).get("categories"))
    alerts = sum(1 for _, p in posts if p.get("expect", {}).get("alert"))
    print(f"{len(posts)} posts, {neg} without category, {alerts} alerts")
    print("  " + ", ".join(f"{c} {cats[c]}" for c in sorted(CATS)))
    for e in errors[:40]: print("ERROR", e)
    if len(errors) > 40: print(f"... {len(errors) - 40} more errors")
    return 1 if errors else 0

sys.exit(main(sys.argv[1]))
