# Shared by the bench/*/run.sh scripts (sourced): install what a benchmark needs.
# Expects `say` (a log function) to be defined by the caller.

# apt-get update only when a plain install fails (a fresh machine has no package lists).
apt_install() { apt-get install -y -q "$@" >&2 || { apt-get update -q >&2 && apt-get install -y -q "$@" >&2; }; }

# ensure_peers VENV REQUIREMENTS: the venv, and pip only when a pinned version is missing, so a
# warm run does not ask the registry at all.
ensure_peers() {
    venv=$1 requirements=$2
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
    if ! "$venv/bin/python" - "$requirements" <<'EOF'
import sys
from importlib.metadata import version, PackageNotFoundError
pins = [line.split("#")[0].strip().split("==") for line in open(sys.argv[1])]
try:
    sys.exit(any(version(name) != wanted for name, wanted in (p for p in pins if len(p) == 2)))
except PackageNotFoundError:
    sys.exit(1)
EOF
    then
        say "installing the pinned peers into $venv"
        "$venv/bin/pip" install -q -r "$requirements" >&2
    fi
}

# build_binary ROOT NAME: a release build (retried: the sources may be mid-edit), copied into a
# fresh results folder so that a rebuild during the run cannot swap it. Sets $results and $binary.
build_binary() {
    say "building mentionwatch (release)"
    tries=0
    # SCRATCH_PATH: build there instead of ROOT/.build (a helper's own build folder).
    scratch=${SCRATCH_PATH:-$1/.build}
    until (cd "$1" && swift build -c release -q --product mentionwatch --scratch-path "$scratch") >&2; do
        tries=$((tries + 1))
        [ "$tries" -lt 5 ] || { say "swift build failed $tries times, giving up"; exit 1; }
        say "swift build failed, retrying in 60 s"
        sleep 60
    done
    results=$(mktemp -d "${TMPDIR:-/tmp}/mentionwatch-$2.XXXXXX")
    cp "$scratch/release/mentionwatch" "$results/mentionwatch"
    binary=$results/mentionwatch
}

# CPU use of the whole machine, from /proc/stat: the tools are single-threaded, so alone they keep
# one core busy; much more means something else ran too and skewed the figures.
cpu_busy_idle() { awk '/^cpu /{ print $2 + $3 + $4 + $7 + $8, $5 + $6 }' /proc/stat; }

# machine_busy BEFORE AFTER: one line, with a warning above 1.25 cores.
machine_busy() {
    echo "$1 $2" | awk -v cores="$(nproc)" '{ busy = $3 - $1; all = busy + $4 - $2
        printf "machine busy %.2f of %d cores during the runs (the benchmark alone: ~1.0)%s\n", cores * busy / all, cores,
            (cores * busy / all > 1.25 ? "  WARNING: other processes ran too, figures may be low" : "") }'
}
