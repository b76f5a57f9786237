"""What `mentionwatch train --folds-export F --outcomes O` wrote, read once for the research aids
(compare-encoder.py, compare-nonlinear.py): each post's fold, label and masked words, and the
held-out outcome of our model (rules' alert, linked, belief)."""
import numpy as np


def load(folds_file, outcomes_file):
    rows = [l.rstrip("\n").split("\t") for l in open(folds_file, encoding="utf-8")]
    outcome = {
        l.split("\t")[0]: l.rstrip("\n").split("\t")
        for l in open(outcomes_file, encoding="utf-8")
        if not l.startswith("id\t")
    }
    ids = [r[0] for r in rows]
    return {
        "ids": ids,
        "fold": np.array([int(r[1]) for r in rows]),
        "y": np.array([1 if r[2] else 0 for r in rows]),
        "words": [r[3].split(" ") if len(r) > 3 else [] for r in rows],
        "rules_alert": np.array([outcome[i][2] == "true" for i in ids]),
        "linked": np.array([outcome[i][3] == "true" for i in ids]),
        "ours": np.array([float(outcome[i][4]) for i in ids]),
        "expected_alert": np.array([outcome[i][5] == "true" for i in ids]),
    }
