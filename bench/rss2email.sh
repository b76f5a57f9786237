#!/bin/sh
# rss2email.sh [--again] FEEDS_URL_LIST OUTDIR: one first poll of every feed by rss2email 3.14,
# measured.
#
# FEEDS_URL_LIST  a file with one feed URL a line (blank lines and # comments skipped)
# OUTDIR          receives (created if missing; OUTDIR/Maildir is emptied first):
#                   Maildir/          every mail rss2email delivered (new/)
#                   rss2email.log     what `r2e run` printed
#                   time.txt          the full /usr/bin/time -v report of `r2e run`
#                   result.txt        the result line(s) below
# --again         then measure a second `r2e run` too (conditional GETs: every feed answers 304
#                 when unchanged), printed as "rss2email second poll: ..." (time-again.txt)
#
# Installs rss2email 3.14 (bench/requirements-rss2email.txt, from PyPI) into bench/.venv when
# missing, and Debian's `time` when /usr/bin/time is missing. Config, feed data and lock file live in
# a temporary XDG_CONFIG_HOME / XDG_DATA_HOME / XDG_RUNTIME_DIR that is removed at the end, so no
# user's rss2email setup is read or touched. The config: email-protocol = maildir into OUTDIR/Maildir,
# everything else rss2email's defaults (plain-text mails via html2text, one mail per entry).
# Feeds are added as `r2e add NAME URL` would (without --only-new, so every entry counts as new);
# then one `r2e run` is measured: fetch (sequential, feedparser over urllib), parse, convert,
# deliver. Last line on stdout:
#   rss2email: wall 12.34 s, cpu 10.01 s, peak 85.3 MB, mails 1234
# (cpu = user + sys; peak = maximum resident set size, MB = 1024*1024 bytes).
set -eu

again=0
if [ $# -ge 1 ] && [ "$1" = --again ]; then again=1; shift; fi

here=$(cd "$(dirname "$0")" && pwd)
venv=$here/.venv

die() { echo "rss2email.sh: $*" >&2; exit 1; }

if [ $# -ne 2 ]; then
    echo "usage: rss2email.sh [--again] FEEDS_URL_LIST OUTDIR" >&2
    exit 64
fi
[ -f "$1" ] || die "no such file: $1"
list=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
mkdir -p "$2"
out=$(cd "$2" && pwd)

# -- tools -------------------------------------------------------------------------------------
if [ ! -x /usr/bin/time ]; then
    [ "$(id -u)" -eq 0 ] || die "/usr/bin/time is missing; as root run: apt-get install time"
    echo "rss2email.sh: installing Debian's time..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q time >&2 ||
        { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q time >&2; } ||
        die "could not install the time package"
fi

if ! "$venv/bin/r2e" --version 2>/dev/null | grep -q ' 3\.14$'; then
    echo "rss2email.sh: installing rss2email 3.14 into $venv..." >&2
    if ! python3 -m venv "$venv" >&2; then
        # Debian's python3 needs python3-venv for this.
        [ "$(id -u)" -eq 0 ] || die "python3 -m venv failed; as root run: apt-get install python3-venv"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-venv >&2 || die "could not install python3-venv"
        rm -rf "$venv"
        python3 -m venv "$venv" >&2 || die "python3 -m venv failed"
    fi
    "$venv/bin/pip" install -q --disable-pip-version-check -r "$here/requirements-rss2email.txt" >&2 ||
        die "pip could not install rss2email (see above)"
    "$venv/bin/r2e" --version | grep -q ' 3\.14$' || die "rss2email 3.14 is not what got installed"
fi

# -- a private rss2email setup -------------------------------------------------------------------
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rss2email-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_RUNTIME_DIR="$tmp/run"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
rm -rf "$out/Maildir"
mkdir -p "$out/Maildir/new" "$out/Maildir/cur" "$out/Maildir/tmp"

r2e() { "$venv/bin/r2e" "$@"; }
r2e new bench@localhost 2>"$out/rss2email.log" || die "r2e new failed: $(cat "$out/rss2email.log")"
cfg=$XDG_CONFIG_HOME/rss2email.cfg
[ -f "$cfg" ] || die "r2e new wrote no $cfg"
# Deliver into OUTDIR/Maildir: maildir-path is the parent, maildir-mailbox the folder in it.
"$venv/bin/python" - "$cfg" "$out" <<'EOF'
import configparser, sys
path, out = sys.argv[1:]
config = configparser.ConfigParser(interpolation=None)
config.read(path)
config["DEFAULT"].update({
    "from": "rss2email@localhost",
    "email-protocol": "maildir",
    "maildir-path": out,
    "maildir-mailbox": "Maildir",
})
with open(path, "w") as f:
    config.write(f)
EOF

# Add every feed. `r2e add NAME URL` once per feed costs ~0.3 s of start-up each (5 minutes for
# 1,000 feeds), so this runs the same steps as rss2email's `add` command (Feeds.new_feed, then save
# config and data) for all feeds in one process. Names: the URL's file name without extension.
"$venv/bin/python" - "$list" <<'EOF' 2>>"$out/rss2email.log" || die "adding the feeds failed (see $out/rss2email.log)"
import os, sys, urllib.parse
import rss2email.error
import rss2email.feeds
feeds = rss2email.feeds.Feeds()
feeds.load()  # as r2e does: creates the empty data file
names = set()
with open(sys.argv[1]) as f:
    urls = [line.strip() for line in f if line.strip() and not line.lstrip().startswith("#")]
for i, url in enumerate(urls):
    name = os.path.splitext(os.path.basename(urllib.parse.urlsplit(url).path))[0] or f"feed-{i:05d}"
    if name in names:
        name = f"{name}-{i:05d}"
    names.add(name)
    feed = feeds.new_feed(name=name, url=url)  # as command.add with to=None, only_new=False
    if not feed.to:
        raise rss2email.error.NoToEmailAddress(feed=feed, feeds=feeds)
feeds.save_config()
feeds.save_feeds()
print(f"rss2email.sh: added {len(urls)} feeds", file=sys.stderr)
EOF
count=$(r2e list 2>>"$out/rss2email.log" | grep -c '^[0-9]*: \[\*\]' || true)
[ "$count" -gt 0 ] || die "no feeds configured (is $1 empty?)"

# Warm-up: import everything once so the measured run does not pay for compiling .pyc files.
r2e --version >/dev/null 2>&1

# -- the measured poll -------------------------------------------------------------------------
# The machine's busy CPU time in clock ticks: the run minus its own CPU is what other processes used.
busy_ticks() { awk '/^cpu /{ print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }
measure() {  # measure LABEL TIMEFILE: one `r2e run` under /usr/bin/time -v; prints the result line
    before=$(find "$out/Maildir/new" "$out/Maildir/cur" -type f | wc -l)
    set +e
    ticks=$(busy_ticks)
    /usr/bin/time -v -o "$out/$2" "$venv/bin/r2e" run >>"$out/rss2email.log" 2>&1
    status=$?
    ticks=$(($(busy_ticks) - ticks))
    set -e
    [ $status -eq 0 ] || echo "rss2email.sh: r2e run exited $status (see $out/rss2email.log)" >&2
    mails=$(( $(find "$out/Maildir/new" "$out/Maildir/cur" -type f | wc -l) - before ))
    awk -v label="$1" -v mails="$mails" -v ticks="$ticks" -v hz="$(getconf CLK_TCK)" -F': ' '
        /Elapsed \(wall clock\) time/ { n = split($2, p, ":"); wall = 0; for (i = 1; i <= n; i++) wall = wall * 60 + p[i] }
        /User time \(seconds\)/       { cpu += $2 }
        /System time \(seconds\)/     { cpu += $2 }
        /Maximum resident set size/   { peak = $2 / 1024 }
        END { other = ticks / hz - cpu; if (other < 0) other = 0
              printf "%s: wall %.2f s, cpu %.2f s, peak %.1f MB, mails %d, others %.1f CPU s\n", label, wall, cpu, peak, mails, other }
    ' "$out/$2" | tee -a "$out/result.txt"
    return $status
}

echo "rss2email.sh: r2e run over $count feeds..." >&2
: >"$out/result.txt"
rc=0
measure rss2email time.txt || rc=$?
if [ $again -eq 1 ]; then
    echo "rss2email.sh: second r2e run over $count feeds..." >&2
    measure "rss2email second poll" time-again.txt || rc=$?
fi
problems=$(grep -c -E '\[(WARNING|ERROR|CRITICAL)\]' "$out/rss2email.log" || true)
[ "$problems" -eq 0 ] || echo "rss2email.sh: $problems warnings/errors in $out/rss2email.log" >&2
exit $rc
