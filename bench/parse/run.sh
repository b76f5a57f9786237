#!/bin/sh
# bench/parse/run.sh: the feed-parsing benchmark. mentionwatch's parser against feedparser 6.0.14,
# fastfeedparser 0.6.5 and feedparser-rs 0.7.1 (pinned in requirements.txt, in bench/.venv) and
# `xmllint --stream --noout` as a floor, all on one local corpus, in one run; prints one table,
# the ratios and an item-count check. Environment: ROUNDS (default 3: best of 3 per tool),
# CORPUS_MB (default 60, used only when the corpus is made). Nothing leaves the machine.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
venv=$root/bench/.venv
corpus=$here/corpus
rounds=${ROUNDS:-3}
started=$(date +%s)
say() { echo "bench/parse: $*" >&2; }

# Tools: /usr/bin/time, the pinned peers in the venv (bench/common.sh).
. "$root/bench/common.sh"
[ -x /usr/bin/time ] || apt_install time
command -v xmllint >/dev/null || apt_install libxml2-utils
ensure_peers "$venv" "$here/requirements.txt"

# Corpus: made once (manifest.json is written last, so its presence means complete).
if [ ! -f "$corpus/manifest.json" ] || [ ! -f "$corpus/files-json.txt" ]; then
    say "making the corpus in $corpus (about 15 s)"
    python3 "$here/make_corpus.py" "$corpus" --mb "${CORPUS_MB:-60}" >&2
fi

build_binary "$root" parse

cpu_before=$(cpu_busy_idle)
for set in all xml json; do
    say "mentionwatch, $set files"
    # shellcheck disable=SC2046 # one argument per file name (they have no spaces)
    /usr/bin/time -v -o "$results/mentionwatch-$set.time" \
        "$binary" bench-parse --rounds "$rounds" $(sed "s|^|$corpus/|" "$corpus/files-$set.txt") >"$results/mentionwatch-$set.json"
done
# Each peer in a process of its own, so its peak RSS is its own. feedparser cannot read JSON Feed,
# and xmllint reads only XML: both run on the XML subset only. The JSON Feed runs show that format alone.
for run in fastfeedparser:all feedparser-rs:all feedparser:xml fastfeedparser:xml feedparser-rs:xml xmllint:xml \
    fastfeedparser:json feedparser-rs:json; do
    peer=${run%:*} set=${run#*:}
    say "$peer, $set files"
    "$venv/bin/python" "$here/peers.py" "$peer" "$corpus/files-$set.txt" --rounds "$rounds" >"$results/$peer-$set.json"
done

cpu_after=$(cpu_busy_idle)
rm -f "$binary"  # 18 MB; the JSON and time files stay for a look

echo
echo "feed parsing, corpus $corpus ($(nproc) cores, best of $rounds rounds)"
machine_busy "$cpu_before" "$cpu_after"
python3 "$here/report.py" "$results" "$corpus"
echo "total run time $(( $(date +%s) - started )) s (results in $results)"
