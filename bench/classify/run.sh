#!/bin/sh
# bench/classify/run.sh: the classifier's speed and memory. `mentionwatch match` (normalise, find
# names, judge every category, explain) over the labelled posts in Tests/Support, repeated to
# POSTS posts (default 50000), best of ROUNDS (default 3); then single long posts of 10,000 and
# 20,000 words, to show that time grows linearly with a post's length. Issue 6 names no peer for
# classification, so this prints mentionwatch's own figures: the rules and the learned model
# together (the default), and the rules alone (`classification.model: off`), so the model's cost is
# the difference; and the time per post with a mention (p50, p90, p99), what a poll judges in full.
# Nothing leaves the machine.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
posts=${POSTS:-50000} rounds=${ROUNDS:-3}
say() { echo "bench/classify: $*" >&2; }
. "$root/bench/common.sh"
[ -x /usr/bin/time ] || apt_install time
build_binary "$root" classify

config=$results/feeds.yaml
base=$results/school.yaml
{ cat "$root/Sources/mentionwatch/Demo/school.yaml"; echo 'feeds: [{ id: regio, url: "https://news.example/rss" }]'; } > "$base"
{ cat "$base"; echo "classification: { model: \"$root/model/classifier.mwm\" }"; } > "$config"
rules_config=$results/feeds-rules.yaml
{ cat "$base"; echo 'classification: { model: "off" }'; } > "$rules_config"
python3 - "$root/Tests/Support" "$results" "$posts" <<'PY'
import json, sys, glob
support, out, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
base = []
for path in sorted(glob.glob(support + "/classification-*.jsonl")):
    for line in open(path, encoding="utf-8"):
        if line.strip():
            post = json.loads(line); post.pop("expect", None); base.append(post)
with open(out + "/base.jsonl", "w", encoding="utf-8") as f:
    for post in base:
        f.write(json.dumps(post, ensure_ascii=False) + "\n")
with open(out + "/posts.jsonl", "w", encoding="utf-8") as f:
    for n in range(count):
        post = dict(base[n % len(base)]); post["id"] = "%s-%d" % (post["id"], n)
        f.write(json.dumps(post, ensure_ascii=False) + "\n")
sentence = "juf Marieke van De Zeehoek is echt een sukkel, niet normaal, ik weet waar ze woont en 06-12345678 is haar nummer. "
for words in (10000, 20000):
    reps = words // len(sentence.split())
    with open(out + "/long-%d.jsonl" % words, "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "long", "text": sentence * reps}) + "\n")
PY
bytes=$(wc -c < "$results/posts.jsonl")
say "$posts posts, $bytes bytes of JSON Lines, $rounds rounds"

run() {  # run INPUT [CONFIG]: seconds and peak KB of one `match` run
    /usr/bin/time -f "%e %M" -o "$results/time" "$binary" match --config "${2:-$config}" < "$1" > "$results/out.jsonl"
    cat "$results/time"
}
before=$(cpu_busy_idle)
best=""
i=0
while [ "$i" -lt "$rounds" ]; do
    set -- $(run "$results/posts.jsonl")
    say "round $((i + 1)): $1 s, peak $2 KB"
    if [ -z "$best" ] || awk -v a="$1" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$1 peak=$2; fi
    i=$((i + 1))
done
rules_best=""
i=0
while [ "$i" -lt "$rounds" ]; do
    set -- $(run "$results/posts.jsonl" "$rules_config")
    say "rules alone, round $((i + 1)): $1 s, peak $2 KB"
    if [ -z "$rules_best" ] || awk -v a="$1" -v b="$rules_best" 'BEGIN { exit !(a < b) }'; then rules_best=$1 rules_peak=$2; fi
    i=$((i + 1))
done
# Per post with a mention (what a poll judges in full): percentiles of each post's best time.
"$binary" bench-classify --config "$config" --rounds 5 "$results/base.jsonl" > "$results/per-post.json"
set -- $(run "$results/long-10000.jsonl"); long10=$1
set -- $(run "$results/long-20000.jsonl"); long20=$1 longpeak=$2
after=$(cpu_busy_idle)

awk -v s="$best" -v n="$posts" -v b="$bytes" -v p="$peak" -v l1="$long10" -v l2="$long20" -v lp="$longpeak" -v rs="$rules_best" -v rp="$rules_peak" 'BEGIN {
    printf "\nmentionwatch match (release), best of the rounds:\n"
    printf "  rules and model: %d posts in %.2f s: %.0f posts/s, %.2f MB/s of JSON Lines, %.2f ms a post, peak RSS %.1f MB\n", n, s, n / s, b / s / 1e6, 1000 * s / n, p / 1024
    printf "  rules alone:     %d posts in %.2f s: %.0f posts/s, %.2f ms a post, peak RSS %.1f MB\n", n, rs, n / rs, 1000 * rs / n, rp / 1024
    printf "  the model adds %.3f ms a post (%.0f posts/s of model alone)\n", 1000 * (s - rs) / n, (s > rs ? n / (s - rs) : 0)
    printf "  one post of 10,000 words: %.2f s; of 20,000 words: %.2f s (ratio %.2f; linear is 2), peak RSS %.1f MB\n", l1, l2, (l1 > 0 ? l2 / l1 : 0), lp / 1024
}'
python3 - "$results/per-post.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print("  per post with a mention (%d of %d posts, rules and model, best of 5 rounds): %.0f posts/s; p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms"
      % (r["mentioned"], r["posts"], r["posts_per_s"], r["p50_ms"], r["p90_ms"], r["p99_ms"], r["max_ms"]))
PY
machine_busy "$before" "$after"
