#!/bin/sh
# bench/parse/profile.sh [EVERY]: instruction profile of the parser with valgrind's callgrind, on
# every EVERY-th XML file of the corpus (default 8: ~48 files, 7 MB, ~20 s). Instruction counts
# stay the same on a busy machine, so before/after compare even while other builds run.
# Prints the total and the top functions (self cost); the full profile stays in the output folder.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
corpus=$here/corpus
every=${1:-8}
out=$(mktemp -d "${TMPDIR:-/tmp}/mentionwatch-profile.XXXXXX")
[ -f "$corpus/files-xml.txt" ] || { echo "no corpus: run bench/parse/run.sh once" >&2; exit 1; }
command -v valgrind >/dev/null || apt-get install -y -q valgrind >&2
# FeedKit and the driver as one module, optimised as in a release build (-O, whole module).
(cd "$out" && swiftc -swift-version 6 -module-name ParseProfile -package-name mentionwatch -parse-as-library \
    -O -wmo -g -I "$root/Sources/CCrypto" -lcrypto "$root"/Sources/FeedKit/*.swift "$here/ProfileMain.swift" \
    -o "$out/parse-profile")
# shellcheck disable=SC2046 # one argument per file name (they have no spaces)
valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.out" "$out/parse-profile" \
    $(awk -v n="$every" 'NR % n == 1' "$corpus/files-xml.txt" | sed "s|^|$corpus/|") 2>&1 | grep -E "files|refs"
callgrind_annotate "$out/callgrind.out" 2>/dev/null | swift demangle --simplified \
    | awk '/file:function/ { getline; on = 1; next } on && NF' | head -25 | cut -c1-150
echo "inclusive costs: callgrind_annotate --inclusive=yes $out/callgrind.out | swift demangle --simplified"
