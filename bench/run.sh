#!/bin/sh
# run.sh [N] [ITEMS]: one full poll cycle of N feeds of ITEMS items (default 1000 x 20) served by
# nginx on 127.0.0.1, first by mentionwatch (fetch, parse, match, classify, store, alert), then by
# rss2email 3.14 on the same server and feeds; prints wall time, CPU time and peak memory of both,
# and the ratios. Each tool starts from empty state, so both do a real first poll; a second,
# unchanged poll (all 304) is measured too.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
n=${1:-1000}
items=${2:-20}
port=${MENTIONWATCH_BENCH_PORT:-18080}
work=$(mktemp -d "${TMPDIR:-/tmp}/mentionwatch-bench.XXXXXX")
trap '"$here/serve.sh" stop >/dev/null 2>&1 || true' EXIT

echo "bench: building mentionwatch (release)..." >&2
(cd "$root" && swift build -c release -q) >&2
binary=$root/.build/release/mentionwatch

echo "bench: $n feeds x $items items into $work/feeds..." >&2
python3 "$here/make_feeds.py" "$work/feeds" "$n" "$items" >&2
"$here/serve.sh" stop >/dev/null 2>&1 || true
"$here/serve.sh" "$work/feeds" "$port" >/dev/null
sed "s|^|http://127.0.0.1:$port/|" "$work/feeds/feeds.txt" >"$work/urls.txt"

# mentionwatch: the demo's fictional school, every feed on the one loopback host. Politeness per
# host is switched off (host_interval 0s, per_host 16): it exists for public hosts, and would
# otherwise make this a measurement of the 1 s spacing.
mkdir -p "$work/mentionwatch"
{
    cat "$root/Sources/mentionwatch/Demo/school.yaml"
    echo "fetch: { concurrency: 16, per_host: 16, host_interval: 0s }"
    echo "feeds:"
    i=0
    while read -r url; do
        printf '  - { id: feed-%04d, url: "%s", allow_private: true }\n' "$i" "$url"
        i=$((i + 1))
    done <"$work/urls.txt"
} >"$work/mentionwatch/feeds.yaml"

# The machine's busy CPU time in clock ticks: a tool's run minus its own CPU is what other
# processes used meanwhile ("others"), near 0 on a quiet machine.
busy_ticks() { awk '/^cpu /{ print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }

measure() {  # measure LABEL TIMEFILE COMMAND...: prints "LABEL: wall W s, cpu C s, peak P MB, others O CPU s"
    label=$1 file=$2
    shift 2
    ticks=$(busy_ticks)
    /usr/bin/time -v -o "$file" "$@" >"$file.out" 2>&1 || { echo "bench: $label failed, see $file.out" >&2; exit 1; }
    ticks=$(($(busy_ticks) - ticks))
    awk -v label="$label" -v ticks="$ticks" -v hz="$(getconf CLK_TCK)" -F': ' '
        /Elapsed \(wall clock\) time/ { n = split($2, p, ":"); wall = 0; for (i = 1; i <= n; i++) wall = wall * 60 + p[i] }
        /User time \(seconds\)/       { cpu += $2 }
        /System time \(seconds\)/     { cpu += $2 }
        /Maximum resident set size/   { peak = $2 / 1024 }
        END { other = ticks / hz - cpu; if (other < 0) other = 0
              printf "%s: wall %.2f s, cpu %.2f s, peak %.1f MB, others %.1f CPU s\n", label, wall, cpu, peak, other }
    ' "$file"
}

echo "bench: mentionwatch first poll..." >&2
first=$(measure mentionwatch "$work/mentionwatch/time.txt" "$binary" poll --once --config "$work/mentionwatch/feeds.yaml")
second=$(measure "mentionwatch second poll" "$work/mentionwatch/time-again.txt" "$binary" poll --once --all --config "$work/mentionwatch/feeds.yaml")
stored=$(python3 -c "import sqlite3, sys; r = sqlite3.connect(sys.argv[1]).execute('SELECT count(*), sum(mentioned), sum(flagged) FROM items').fetchone(); print(f'{r[0]} items, {r[1]} with mentions, {r[2]} flagged')" "$work/mentionwatch/mentionwatch.sqlite")
failed=$(grep -c FAILED "$work/mentionwatch/time.txt.out" || true)
alerts=$(find "$work/mentionwatch/maildir/mt/new" -type f 2>/dev/null | wc -l)

echo "bench: rss2email first and second poll (takes a while)..." >&2
"$here/rss2email.sh" --again "$work/urls.txt" "$work/rss2email" >"$work/rss2email.out"
r2e_first=$(grep '^rss2email:' "$work/rss2email.out")
r2e_second=$(grep '^rss2email second poll:' "$work/rss2email.out")

echo
echo "$n feeds x $items items from nginx on 127.0.0.1 ($(nproc) cores)"
echo "$first  [$stored; $alerts alert mails; $failed feeds failed]"
echo "$second"
echo "$r2e_first"
echo "$r2e_second"
printf '%s\n%s\n%s\n%s\n' "$first" "$r2e_first" "$second" "$r2e_second" | awk '
    { for (i = 1; i <= NF; i++) { if ($i == "wall") w[NR] = $(i + 1); if ($i == "cpu") c[NR] = $(i + 1); if ($i == "peak") p[NR] = $(i + 1); if ($i == "others") o[NR] = $(i + 1) } }
    END {
        printf "first poll:  mentionwatch is %.1fx faster (wall), uses %.1fx less CPU, peak %.1f MB vs %.1f MB\n", w[2] / w[1], c[2] / c[1], p[1], p[2]
        printf "second poll: mentionwatch is %.1fx faster (wall), uses %.1fx less CPU, peak %.1f MB vs %.1f MB\n", w[4] / w[3], c[4] / c[3], p[3], p[4]
        printf "goals (issue 16): first poll >= 20x by wall: %s; >= 15x less CPU: %s; peak <= 64 MB: %s; second poll >= 10x by wall: %s\n",
            (w[2] / w[1] >= 20 ? "met" : "NOT met"), (c[2] / c[1] >= 15 ? "met" : "NOT met"), (p[1] <= 64 ? "met" : "NOT met"),
            (w[4] / w[3] >= 10 ? "met" : "NOT met")
        for (i = 1; i <= 4; i++) if (o[i] > 1) busy = 1
        if (busy) printf "WARNING: other processes used more than 1 CPU s during a run (\"others\"): the figures may be skewed\n"
    }'
echo "(work files in $work)"
