#!/usr/bin/env bash
# Builds the libFuzzer + AddressSanitizer binary for the feed parser: fuzz/.out/feed-fuzz
# Usage: fuzz/build.sh            (SWIFTC=/path/to/swiftc to override; FUZZ_OPT=-Onone for a debug build)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$here/.out"
core="$root/Sources/MentionCore"
SWIFTC="${SWIFTC:-$(command -v swiftc || echo /opt/swift/usr/bin/swiftc)}"
FUZZ_OPT="${FUZZ_OPT:--O}"
mkdir -p "$out/module-cache"

# The feed parser and what it depends on: Feed/ (parser, dates, HTML text), Util/ (trimmed, SHA256 for
# FeedItem.identity) and Render/MIME.swift (MIME.htmlEscaped for JSON Feed content_text). The rest of
# MentionCore (Classify/ with its embedded lexicon.txt, Config/ with Yams, ...) is left out.
sources=("$core"/Feed/*.swift "$core"/Util/*.swift "$core/Render/MIME.swift" "$here/FeedFuzz.swift")

flags=(
  -swift-version 6
  -module-name FeedFuzz
  -parse-as-library            # libFuzzer provides main()
  "$FUZZ_OPT" -g               # -O: more executions/s; -g: symbolised ASan stack traces
  -sanitize=fuzzer,address     # libFuzzer + coverage instrumentation + AddressSanitizer
  -module-cache-path "$out/module-cache"
)
# ld.gold prints ~130 harmless "Cannot export local symbol '__asan_*'" warnings; use lld when the toolchain has it.
if [ -x "$(dirname "$SWIFTC")/ld.lld" ]; then flags+=(-use-ld=lld); fi

echo "+ $SWIFTC ${flags[*]} <${#sources[@]} sources> -o $out/feed-fuzz" >&2
"$SWIFTC" "${flags[@]}" "${sources[@]}" -o "$out/feed-fuzz"
echo "built $out/feed-fuzz" >&2
