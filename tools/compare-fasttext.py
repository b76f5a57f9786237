#!/usr/bin/env python3
"""Cross-validates fastText (Debian's `fasttext` command) on the same folds and the same masked words
as mentionwatch's own model, and prints both side by side (docs/model.md, "Why this model").

Usage: tools/compare-fasttext.py FOLDS.tsv OUTCOMES.tsv
  FOLDS.tsv and OUTCOMES.tsv come from `mentionwatch train --folds-export F --outcomes O`.
Prints per model: AUC of "any breach" over all posts, and the alert recall at a false-alert rate of
at most 2 % when combined with the rules' alerts and the target linkage (as mentionwatch decides).
"""
import bisect, csv, os, subprocess, sys, tempfile

def auc(pos, neg):
    ns = sorted(neg)
    total = 0.0
    for s in pos:
        lo = bisect.bisect_left(ns, s); hi = bisect.bisect_right(ns, s)
        total += lo + (hi - lo) / 2
    return total / max(1, len(pos) * len(ns))

def recall_at(outcomes, strength, max_far=0.02):
    best = (0.0, 1.0, 0.0)
    for veto in (0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4):
        for step in range(199, 19, -1):
            t = step / 200
            def alert(o):
                s = strength[o["id"]]
                if o["rules_alert"] == "true":
                    return s >= veto
                return o["linked"] == "true" and s >= t
            neg = [o for o in outcomes if o["expected_alert"] == "false"]
            pos = [o for o in outcomes if o["expected_alert"] == "true"]
            far = sum(map(alert, neg)) / len(neg)
            if far > max_far: continue
            rec = sum(map(alert, pos)) / len(pos)
            if rec > best[0]: best = (rec, t, veto)
    return best

def fasttext_strengths(folds_rows, workdir):
    strengths = {}
    folds = sorted({r[1] for r in folds_rows})
    for fold in folds:
        train = os.path.join(workdir, f"train{fold}.txt"); test = [r for r in folds_rows if r[1] == fold]
        with open(train, "w") as f:
            for r in folds_rows:
                if r[1] == fold: continue
                labels = " ".join(f"__label__{c}" for c in r[2].split(",") if c) or "__label__none"
                if r[2]: labels += " __label__any"
                f.write(f"{labels} {r[3]}\n")
        model = os.path.join(workdir, f"m{fold}")
        subprocess.run(["fasttext", "supervised", "-input", train, "-output", model, "-minn", "3", "-maxn", "5",
                        "-wordNgrams", "2", "-epoch", "25", "-lr", "0.5", "-loss", "ova", "-dim", "50",
                        "-thread", "2", "-seed", "1", "-verbose", "0"], check=True)
        testfile = os.path.join(workdir, f"test{fold}.txt")
        with open(testfile, "w") as f:
            for r in test: f.write(r[3] + "\n")
        out = subprocess.run(["fasttext", "predict-prob", model + ".bin", testfile, "-1", "0"],
                             check=True, capture_output=True, text=True).stdout.splitlines()
        for r, line in zip(test, out):
            parts = line.split(); probs = dict(zip(parts[0::2], map(float, parts[1::2])))
            strengths[r[0]] = probs.get("__label__any", 0.0)
    return strengths

def main():
    folds_rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1], encoding="utf-8")]
    outcomes = list(csv.DictReader(open(sys.argv[2], encoding="utf-8"), delimiter="\t"))
    ours = {o["id"]: float(o["strength"]) for o in outcomes}
    with tempfile.TemporaryDirectory() as workdir:
        theirs = fasttext_strengths(folds_rows, workdir)
    breach = {r[0]: bool(r[2]) for r in folds_rows}
    for name, strength in (("mentionwatch linear", ours), ("fastText", theirs)):
        a = auc([s for i, s in strength.items() if breach[i]], [s for i, s in strength.items() if not breach[i]])
        rec, t, veto = recall_at(outcomes, strength)
        print(f"{name:20s} AUC(any breach) {a:.3f}  combined alert recall at FAR<=2%: {rec:.3f} (alert {t:.3f}, veto {veto})")

main()
