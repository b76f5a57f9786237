#!/bin/sh
# serve.sh OUTDIR PORT   start nginx serving OUTDIR at http://127.0.0.1:PORT/ and print its pid
# serve.sh stop          stop that nginx (nothing to do when none runs) and remove its prefix
#
# nginx runs as a daemon (master + 2 workers) with bench/nginx.conf.template filled in under a
# private prefix, $MENTIONWATCH_BENCH_PREFIX or /tmp/mentionwatch-bench-nginx.UID: config, pid file,
# error log and temp files all live there; no system nginx config, log or pid file is touched.
# nginx is installed from Debian (nginx-light, else nginx) when missing, without starting the
# system service. One server per prefix: a second start fails until `serve.sh stop`.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
prefix=${MENTIONWATCH_BENCH_PREFIX:-${TMPDIR:-/tmp}/mentionwatch-bench-nginx.$(id -u)}
pidfile=$prefix/nginx.pid

die() { echo "serve.sh: $*" >&2; exit 1; }

running_pid() {  # the master's pid when it is alive, else nothing
    [ -f "$pidfile" ] || return 0
    pid=$(cat "$pidfile" 2>/dev/null || true)
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then echo "$pid"; fi
}

stop() {
    pid=$(running_pid)
    if [ -n "$pid" ]; then
        kill -QUIT "$pid"  # graceful: workers finish what they are sending
        i=0
        while kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
        if kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid"; sleep 0.5; fi
        echo "serve.sh: stopped nginx (pid $pid)" >&2
    fi
    rm -rf "$prefix"
}

find_nginx() {
    for n in "$(command -v nginx 2>/dev/null || true)" /usr/sbin/nginx; do
        if [ -n "$n" ] && [ -x "$n" ]; then echo "$n"; return; fi
    done
}

install_nginx() {
    [ "$(id -u)" -eq 0 ] || die "nginx is not installed; as root run: apt-get install nginx-light"
    command -v apt-get >/dev/null 2>&1 || die "nginx is not installed and there is no apt-get"
    echo "serve.sh: installing nginx from Debian..." >&2
    # Keep the package from starting the system nginx on port 80 (policy-rc.d 101 = "don't start").
    guard=
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        guard=/usr/sbin/policy-rc.d
        printf '#!/bin/sh\nexit 101\n' >"$guard"
        chmod 755 "$guard"
    fi
    export DEBIAN_FRONTEND=noninteractive
    ok=0
    for pkg in nginx-light nginx; do
        if apt-get install -y -q "$pkg" >&2 || { apt-get update -q >&2 && apt-get install -y -q "$pkg" >&2; }; then
            ok=1; break
        fi
    done
    if [ -n "$guard" ]; then rm -f "$guard"; fi
    [ $ok -eq 1 ] || die "could not install nginx-light or nginx"
}

if [ $# -eq 1 ] && [ "$1" = stop ]; then
    stop
    exit 0
fi
if [ $# -ne 2 ]; then
    echo "usage: serve.sh OUTDIR PORT | serve.sh stop" >&2
    exit 64
fi

root=$(cd "$1" 2>/dev/null && pwd) || die "no such folder: $1"
port=$2
case $port in '' | *[!0-9]*) die "PORT must be a number, not '$port'" ;; esac
[ "$port" -ge 1 ] && [ "$port" -le 65535 ] || die "PORT must be 1..65535"
pid=$(running_pid)
[ -z "$pid" ] || die "nginx already runs from $prefix (pid $pid); run: $0 stop"

nginx=$(find_nginx)
if [ -z "$nginx" ]; then
    install_nginx
    nginx=$(find_nginx)
    [ -n "$nginx" ] || die "nginx still not found after installing it"
fi

rm -rf "$prefix"
mkdir -p "$prefix/tmp"
chmod 755 "$prefix"
# As root, nginx would run its workers as "nobody", who may not read OUTDIR: keep the current user.
user_line=
if [ "$(id -u)" -eq 0 ]; then user_line="user $(id -un) $(id -gn);"; fi
sed -e "s|@PREFIX@|$prefix|g" -e "s|@ROOT@|$root|g" -e "s|@PORT@|$port|g" -e "s|@USER@|$user_line|" \
    "$here/nginx.conf.template" >"$prefix/nginx.conf"

# -e: the startup error log too goes under the prefix (not /var/log/nginx).
if ! "$nginx" -p "$prefix" -c "$prefix/nginx.conf" -e "$prefix/error.log" 2>"$prefix/start.log"; then
    cat "$prefix/start.log" "$prefix/error.log" >&2 2>/dev/null || true
    rm -rf "$prefix"
    die "nginx did not start (is port $port in use?)"
fi
# nginx has bound the port and written its pid file before the command above returns.
pid=$(running_pid)
[ -n "$pid" ] || die "nginx started but left no running master (see $prefix/error.log)"
echo "serve.sh: nginx serves $root at http://127.0.0.1:$port/ (pid $pid, prefix $prefix)" >&2
echo "$pid"
