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

# mentionwatch, release. Another engineer may be mid-edit: retry a failed build a few times.
say "building mentionwatch (release)"
tries=0
until (cd "$root" && swift build -c release -q --product mentionwatch) >&2; do
    tries=$((tries + 1))
    [ "$tries" -lt 5 ] || { say "swift build failed $tries times, giving up"; exit 1; }
    say "swift build failed, retrying in 60 s"
    sleep 60
done
results=$(mktemp -d "${TMPDIR:-/tmp}/mentionwatch-match.XXXXXX")
# A copy, so that a rebuild by someone else during the run cannot swap the binary between runs.
cp "$root/.build/release/mentionwatch" "$results/mentionwatch"
binary=$results/mentionwatch
"$binary" check --config "$input/feeds.yaml" >/dev/null

# CPU use of the whole machine over the runs, from /proc/stat: every tool is single-threaded, so
# alone they keep one core busy; much more means something else ran too and skewed the figures.
cpu_busy_idle() { awk '/^cpu /{ print $2 + $3 + $4 + $7 + $8, $5 + $6 }' /proc/stat; }
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
echo "$cpu_before $cpu_after" | awk -v cores="$(nproc)" '{ busy = $3 - $1; all = busy + $4 - $2
    printf "machine busy %.2f of %d cores during the runs (the benchmark alone: ~1.0)%s\n", cores * busy / all, cores,
        (cores * busy / all > 1.25 ? "  WARNING: other processes ran too, figures may be low" : "") }'
python3 "$here/report.py" "$results"
echo "total run time $(( $(date +%s) - started )) s (results in $results)"
