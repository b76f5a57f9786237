#!/bin/sh
# bench/match/run.sh: the name-matching benchmark. mentionwatch's matcher (`bench-match`: normalise
# + match every post) against two Aho-Corasick libraries from PyPI, pyahocorasick 2.3.1 and
# ahocorasick-rs 1.0.3 (pinned in requirements.txt, in bench/.venv), searching mentionwatch's own
# literal patterns in its own normalised text; one input, one run, one table with the ratios.
# Environment: POSTS_MB (default 100: posts made, MB), NAMES (default 10000), ROUNDS (default 3:
# best of 3 per tool). Nothing leaves the machine (only pip/apt, and only when something is missing).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
venv=$root/bench/.venv
input=$here/input
mb=${POSTS_MB:-100} names=${NAMES:-10000} rounds=${ROUNDS:-3}
started=$(date +%s)
say() { echo "bench/match: $*" >&2; }

# Tools: /usr/bin/time, the pinned peers in the venv (bench/common.sh).
. "$root/bench/common.sh"
[ -x /usr/bin/time ] || apt_install time
ensure_peers "$venv" "$here/requirements.txt"

# Input: made once; remade when asked for other sizes (manifest.json is written last and records them).
if ! python3 -c 'import json, sys; a = json.load(open(sys.argv[1]))["args"]
sys.exit(not (a["mb"] == float(sys.argv[2]) and a["names"] == int(sys.argv[3]) and a["seed"] == 1))' \
    "$input/manifest.json" "$mb" "$names" 2>/dev/null; then
    say "making the input in $input ($mb MB of posts, $names names)"
    rm -rf "$input"
    python3 "$here/make_input.py" "$input" --mb "$mb" --names "$names" >&2
fi

# The binary finds the model in the repository above it (ModelFile): its copy goes under the checkout.
mkdir -p "$root/.build-bench"
TMPDIR=${TMPDIR:-$root/.build-bench} build_binary "$root" match
"$binary" check --config "$input/feeds.yaml" >/dev/null

cpu_before=$(cpu_busy_idle)
# 1. Untimed: the patterns and the normalised posts for the peers (one round, its figures unused).
say "mentionwatch: dumping patterns and normalised text (one untimed pass)"
"$binary" bench-match --config "$input/feeds.yaml" --rounds 1 --dump-patterns "$results/patterns.txt" \
    --dump-normalised "$results/normalised.txt" "$input/posts.txt" >"$results/mentionwatch-dump.json"
# 2. Timed, without dumps, under time -v for the peak RSS.
say "mentionwatch: timing, best of $rounds"
/usr/bin/time -v -o "$results/mentionwatch.time" \
    "$binary" bench-match --config "$input/feeds.yaml" --rounds "$rounds" "$input/posts.txt" >"$results/mentionwatch.json"
# 3. Each peer in a process of its own, so its peak RSS is its own.
for peer in pyahocorasick ahocorasick-rs; do
    say "$peer: timing, best of $rounds"
    "$venv/bin/python" "$here/peers.py" "$peer" "$results/patterns.txt" "$results/normalised.txt" --rounds "$rounds" >"$results/$peer.json"
done
cpu_after=$(cpu_busy_idle)
rm -f "$binary"  # 18 MB; the dumps, JSON and time files stay for a look

echo
echo "name matching, input $input ($(nproc) cores, best of $rounds rounds)"
machine_busy "$cpu_before" "$cpu_after"
python3 "$here/report.py" "$results"
echo "total run time $(( $(date +%s) - started )) s (results in $results)"
