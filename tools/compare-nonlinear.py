#!/usr/bin/env python3
"""Cross-validates models that are not linear in mentionwatch's features, on the same folds and the
same masked words, beside mentionwatch's own held-out beliefs (docs/model.md, "Why this model").
A research aid, not part of the build: it needs scikit-learn (`pip install scikit-learn`).

Usage: tools/compare-nonlinear.py FOLDS.tsv OUTCOMES.tsv
  FOLDS.tsv and OUTCOMES.tsv come from `mentionwatch train --folds-export F --outcomes O`.
Prints per model: AUC of "any breach", recall of the alert labels among linked posts at a false-alert
rate of at most 1.5 % (the model alone), and the same with the rules' alerts (veto 0.2).
"""
import os
import sys
import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.neural_network import MLPClassifier

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import heldout  # noqa: E402  (beside this script)

held = heldout.load(sys.argv[1], sys.argv[2])
fold, y, words = held["fold"], held["y"], held["words"]
rules_alert, linked, ours, expected = held["rules_alert"], held["linked"], held["ours"], held["expected_alert"]

def features(ws):  # as TextFeatures: words, pairs, character 3- to 5-grams, consonant skeletons
    out, previous = [], "<b>"
    for w in ws:
        out += ["w:" + w, "p:" + previous + " " + w]
        previous = w
        if not w.startswith("⟨"):
            s = "<" + w + ">"
            out += ["c:" + s[i:i + n] for n in (3, 4, 5) for i in range(len(s) - n + 1)]
            k = "".join(c for c in w if c not in "aeiouy")
            if len(k) >= 2 and k != w:
                out.append("k:" + k)
    return out

X = HashingVectorizer(analyzer=features, n_features=2**18, alternate_sign=False, norm=None).transform(words).tocsr()
X.data[:] = 1
X = sp.diags(1 / np.sqrt(np.asarray(X.sum(1)).ravel() + 30)) @ X

def recall_at(score, with_rules):
    best = 0.0
    for t in np.unique(np.round(score, 3))[::-1]:
        alert = linked & (score >= t)
        if with_rules:
            alert |= rules_alert & (score >= 0.2)
        if alert[~expected].mean() <= 0.015:
            best = alert[expected].mean()
    return best

def report(name, score):
    print(f"{name:34s} AUC {roc_auc_score(y, score):.3f}  model alone {recall_at(score, False):.3f}  with the rules {recall_at(score, True):.3f}", flush=True)

def held_out(make):
    score = np.zeros(len(y))
    for k in sorted(set(fold)):
        model = make()
        model.fit(X[fold != k], y[fold != k])
        score[fold == k] = model.predict_proba(X[fold == k])[:, 1]
    return score

report("mentionwatch (its held-out beliefs)", ours)
report("logistic regression (scikit-learn)", held_out(lambda: LogisticRegression(C=30, max_iter=2000)))
report("MLP, 64 hidden units", held_out(lambda: MLPClassifier(hidden_layer_sizes=(64,), alpha=1e-4, max_iter=30, random_state=1)))
