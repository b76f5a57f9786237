#!/usr/bin/env python3
"""A research aid (docs/evaluation.md, 2026.12.53 to 2026.12.55): how much a category's own alert bar
gains on posts it was not chosen on. Reads `mentionwatch train --outcomes FILE`, chooses the bars as
`CrossValidation.chooseThresholds` does on four folds' held-out judgements, counts the fifth, each fold
in turn, with the alert and threat thresholds fixed. Usage: nested-bars.py OUTCOMES [ALERT THREAT]"""
import sys
import numpy as np

CATEGORIES = ["insult", "gossip_accusation", "threat", "stalking", "unconsented_media", "impersonation",
              "discrimination", "confidential_info", "unauthorised_statement", "forwarding"]
BARRED = [CATEGORIES.index(c) for c in
          ("insult", "gossip_accusation", "stalking", "unconsented_media", "discrimination", "forwarding")]

rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1], encoding="utf-8")][1:]
alert, threat = (float(sys.argv[2]), float(sys.argv[3])) if len(sys.argv) > 3 else (0.95, 0.85)
flag = lambda i: np.array([r[i] == "true" for r in rows])
fold = np.array([int(r[1]) for r in rows])
linked, rules_alert, expected = flag(3), flag(2), flag(5)
critical, cleared, brief = flag(8), flag(9), flag(10)
belief = np.array([float(r[4]) for r in rows])
heads = np.array([[float(x) for x in r[14].split(",")] for r in rows])
# A rule's alert stands unless the model vetoes it (0.2); the model alone alerts where linked and not cleared.
by_rules = linked & rules_alert & ((belief >= 0.2) | critical | brief)
by_model = linked & ~rules_alert & ~cleared


def count(bars, mask):
    alerts = by_model & ((belief >= alert) | ((heads[:, 2] >= 0.5) & (belief >= threat)))
    for category, (likely, bar) in bars.items():
        alerts |= by_model & (heads[:, category] >= likely) & (belief >= bar)
    alerts = (alerts | by_rules) & mask
    return int((alerts & expected).sum()), int((alerts & ~expected).sum())


def choose(mask):
    budget = int(0.015 * (~expected & mask).sum())
    bars, best = {}, count({}, mask)
    for _ in range(2):
        for category in BARRED:
            for likely in (0.5, 0.6, 0.7, 0.8, 0.9):
                for step in range(50, int(round(alert * 100))):
                    trial = dict(bars)
                    trial[category] = (likely, step / 100)
                    found = count(trial, mask)
                    if found[1] > budget:
                        continue
                    if found[0] > best[0] or (found[0] == best[0] and found[1] < best[1]):
                        bars, best = trial, found
                    break
    return bars


everyone = np.ones(len(rows), bool)
print("without bars:", count({}, everyone))
print("bars chosen on all posts:", count(choose(everyone), everyone))
total = np.zeros(2, int)
for f in sorted(set(fold)):
    total += count(choose(fold != f), fold == f)
print("chosen on four folds, counted on the fifth:", tuple(int(x) for x in total))
