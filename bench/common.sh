# Shared by bench/parse/run.sh and bench/match/run.sh (sourced): install what a benchmark needs.
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
