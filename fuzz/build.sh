#!/usr/bin/env bash
# Builds the libFuzzer + AddressSanitizer binary for the feed parser: fuzz/.out/feed-fuzz
# Usage: fuzz/build.sh            (SWIFTC=/path/to/swiftc to override; FUZZ_OPT=-Onone for a debug build)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$here/.out"
feedkit="$root/Sources/FeedKit"
SWIFTC="${SWIFTC:-$(command -v swiftc || echo /opt/swift/usr/bin/swiftc)}"
FUZZ_OPT="${FUZZ_OPT:--O}"
mkdir -p "$out/module-cache"

# The feed parser is the FeedKit target, which depends on nothing of ours but libcrypto (SHA-256 for
# FeedItem.identity, through the CCrypto module map). It is compiled with the entry point as one module.
sources=("$feedkit"/*.swift "$here/FeedFuzz.swift")

flags=(
  -swift-version 6
  -module-name FeedFuzz
  -package-name mentionwatch   # FeedKit shares some helpers with the other targets at `package` access
  -parse-as-library            # libFuzzer provides main()
  "$FUZZ_OPT" -g               # -O: more executions/s; -g: symbolised ASan stack traces
  -sanitize=fuzzer,address     # libFuzzer + coverage instrumentation + AddressSanitizer
  -module-cache-path "$out/module-cache"
  -I "$root/Sources/CCrypto" -lcrypto
)
# ld.gold prints ~130 harmless "Cannot export local symbol '__asan_*'" warnings; use lld when the toolchain has it.
if [ -x "$(dirname "$SWIFTC")/ld.lld" ]; then flags+=(-use-ld=lld); fi

echo "+ $SWIFTC ${flags[*]} <${#sources[@]} sources> -o $out/feed-fuzz" >&2
"$SWIFTC" "${flags[@]}" "${sources[@]}" -o "$out/feed-fuzz"
echo "built $out/feed-fuzz" >&2
