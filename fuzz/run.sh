#!/usr/bin/env bash
# Builds and fuzzes the feed parser with libFuzzer + AddressSanitizer (see fuzz/README.md).
# Usage: fuzz/run.sh [SECONDS] [extra libFuzzer flags...]     SECONDS defaults to 600.
#   e.g. fuzz/run.sh 60
#        fuzz/run.sh 600 -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1   (keep going after a crash)
#        FUZZ_NO_BUILD=1 fuzz/run.sh 300                                                (reuse fuzz/.out/feed-fuzz)
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$here/.out"
seconds="${1:-600}"
[ $# -gt 0 ] && shift
case "$seconds" in ''|*[!0-9]*) echo "usage: $0 [SECONDS] [libFuzzer flags...]" >&2; exit 2 ;; esac

if [ -z "${FUZZ_NO_BUILD:-}" ] || [ ! -x "$out/feed-fuzz" ]; then
  "$here/build.sh" || exit 1
fi

# Seed corpus, made afresh each run (nothing of ../shared is copied into the repository).
seeds="$out/seeds"
rm -rf "$seeds"; mkdir -p "$seeds" "$out/corpus" "$out/crashes"
cases="$root/../shared/data/feed-cases"
if [ -d "$cases" ]; then
  n=0
  while IFS= read -r -d '' f; do
    rel="${f#"$cases"/}"; name="${rel//\//__}"
    cp "$f" "$seeds/$name"; n=$((n + 1))
    # Encoding cases also with each Content-Type selector byte (0x01-0x06, see FeedFuzz.swift) in front.
    if [[ "$rel" == encoding/* ]]; then
      for s in 1 2 3 4 5 6; do { printf "\\x0$s"; cat "$f"; } > "$seeds/ct$s-$name"; done
    fi
  done < <(find "$cases" -type f \( -name '*.xml' -o -name '*.json' -o -name '*.atom' -o -name '*.rss' \) -print0)
  # Each date string of date_cases.json as its own seed, for FeedDate.parse.
  if [ -f "$cases/date_cases.json" ] && command -v python3 >/dev/null; then
    python3 - "$cases/date_cases.json" "$seeds" <<'PY'
import json, sys, os
for i, case in enumerate(json.load(open(sys.argv[1], encoding="utf-8"))):
    value = case.get("input_value")
    if isinstance(value, str) and value:
        open(os.path.join(sys.argv[2], "date-%03d" % i), "wb").write(value.encode("utf-8"))
PY
  fi
  echo "seeds: $n files from $cases" >&2
else
  echo "warning: $cases not found; seeding from the demo feeds only" >&2
fi
for f in "$root"/Sources/mentionwatch/Demo/*.xml "$root"/Sources/mentionwatch/Demo/*.atom; do
  [ -f "$f" ] && cp "$f" "$seeds/demo__$(basename "$f")"
done
echo "seed corpus: $(ls "$seeds" | wc -l) files; working corpus: $(ls "$out/corpus" | wc -l) files" >&2

crashes_before=$(ls "$out/crashes" | wc -l)
symbolizer="$(dirname "$(command -v swiftc || echo /opt/swift/usr/bin/swiftc)")/llvm-symbolizer"
[ -x "$symbolizer" ] && export ASAN_SYMBOLIZER_PATH="$symbolizer"
export ASAN_OPTIONS="${ASAN_OPTIONS:-symbolize=1:detect_leaks=0:allocator_may_return_null=0}"

log="$out/fuzz.log"
# One worker only (no -jobs/-workers): the machine has 2 cores and other work runs on it.
"$out/feed-fuzz" \
  -dict="$here/feed.dict" \
  -max_total_time="$seconds" \
  -timeout=10 \
  -rss_limit_mb=2048 \
  -max_len=65536 \
  -print_final_stats=1 \
  -artifact_prefix="$out/crashes/" \
  "$@" \
  "$out/corpus" "$seeds" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}

crashes_after=$(ls "$out/crashes" | wc -l)
echo
echo "==== fuzz summary ($log) ===="
grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)' "$log" | tail -1
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
echo "executions: ${execs:-unknown} (${rate:-?} exec/s) in ${seconds}s requested"
echo "corpus: $(ls "$out/corpus" | wc -l) files in $out/corpus"
echo "crashes: $((crashes_after - crashes_before)) new this run, $crashes_after in $out/crashes/"
ls -1 "$out/crashes" | sed 's/^/  /'
exit "$rc"
