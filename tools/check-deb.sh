#!/usr/bin/env bash
# The Debian package, end to end, on this machine (as root; .ci/run calls it after `make test`):
# builds it (`make deb`), runs lintian (no errors allowed), installs it with dpkg -i, checks that the
# service user can read and write what it needs (`check --as-service`), verifies the installed unit
# with systemd-analyze (exposure at most 1.5), then removes and purges it, leaving the machine as it was.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
[ "$(id -u)" = 0 ] || { echo "check-deb: run as root: it installs the package" >&2; exit 1; }
if dpkg -s mentionwatch >/dev/null 2>&1; then
    echo "check-deb: mentionwatch is installed here already; not touching it" >&2
    exit 1
fi
missing=""
for tool in lintian:lintian systemd-analyze:systemd dpkg-shlibdeps:dpkg-dev; do
    command -v "${tool%%:*}" >/dev/null || missing="$missing ${tool#*:}"
done
[ -z "$missing" ] || apt-get install -y -qq $missing >/dev/null

fail() { echo "check-deb: FAIL: $*" >&2; exit 1; }
user_existed=$(getent passwd mentionwatch >/dev/null && echo yes || echo no)
cleanup() {
    dpkg -s mentionwatch >/dev/null 2>&1 && dpkg -P mentionwatch >/dev/null 2>&1 || true
    if [ "$user_existed" = no ] && getent passwd mentionwatch >/dev/null; then
        userdel mentionwatch 2>/dev/null || true
        getent group mentionwatch >/dev/null && groupdel mentionwatch 2>/dev/null || true
    fi
}
trap cleanup EXIT

start=$(date +%s)
make --no-print-directory deb DEB_OUT=.build-deb >/dev/null
built=$(date +%s)
version=$(sed -n 's/^public let mentionwatchVersion = "\(.*\)"/\1/p' Sources/MentionConfig/Version.swift)-1
deb=.build-deb/mentionwatch_${version}_$(dpkg --print-architecture).deb
[ -f "$deb" ] || fail "make deb did not make $deb"
echo "== $deb built in $((built - start)) s"
dpkg-deb --info "$deb" | sed -n 's/^ \(Depends\|Installed-Size\):/  \1:/p'

echo "== lintian $deb"
lintian_out=$(lintian --tag-display-limit 0 "$deb" 2>/dev/null || true)
echo "${lintian_out:-  (nothing to report)}" | sed 's/^/  /'
errors=$(grep -c '^E:' <<<"$lintian_out" || true)
warnings=$(grep -c '^W:' <<<"$lintian_out" || true)
echo "  lintian: $errors errors, $warnings warnings"
[ "$errors" = 0 ] || fail "lintian reports errors"

echo "== dpkg -i"
dpkg -i "$deb" >/dev/null
[ "$(stat -c '%U:%G %a' /etc/mentionwatch/feeds.yaml)" = "root:mentionwatch 640" ] ||
    fail "/etc/mentionwatch/feeds.yaml is $(stat -c '%U:%G %a' /etc/mentionwatch/feeds.yaml), not root:mentionwatch 640"
[ "$(stat -c '%U:%G %a' /var/lib/mentionwatch)" = "mentionwatch:mentionwatch 700" ] || fail "/var/lib/mentionwatch"
[ "$(stat -c '%U:%G %a' /var/spool/mentionwatch)" = "mentionwatch:mentionwatch 755" ] || fail "/var/spool/mentionwatch"
/usr/bin/mentionwatch --version

echo "== mentionwatch check --as-service"
status=0
output=$(/usr/bin/mentionwatch check --config /etc/mentionwatch/feeds.yaml --as-service 2>&1) || status=$?
sed -n '/^as service user/,$p' <<<"$output" | sed 's/^/  /'
[ "$status" = 0 ] || { echo "$output"; fail "check --as-service exited $status"; }

echo "== systemd-analyze verify"
unit=/lib/systemd/system/mentionwatch.service
systemd-analyze verify "$unit" || fail "systemd-analyze verify $unit"
echo "  ok"
echo "== systemd-analyze security --offline=yes"
exposure=$(systemd-analyze security --offline=yes "$unit" 2>&1 | sed -n 's/.*Overall exposure level for mentionwatch.service: \([0-9.]*\).*/\1/p')
[ -n "$exposure" ] || fail "no exposure figure from systemd-analyze security"
echo "  exposure: $exposure"
awk -v e="$exposure" 'BEGIN { exit !(e <= 1.5) }' || fail "exposure $exposure is above 1.5"

echo "== dpkg -i again (an upgrade keeps the config's group through the statoverride)"
dpkg -i "$deb" >/dev/null
[ "$(stat -c '%U:%G %a' /etc/mentionwatch/feeds.yaml)" = "root:mentionwatch 640" ] || fail "reinstall: config owner"

echo "== dpkg -r"
dpkg -r mentionwatch >/dev/null
[ ! -e /usr/bin/mentionwatch ] && [ ! -e "$unit" ] || fail "dpkg -r left the binary or the unit"
[ -e /etc/mentionwatch/feeds.yaml ] || fail "dpkg -r removed the conffile (only purge may)"
echo "== dpkg -P"
dpkg -P mentionwatch >/dev/null
[ ! -e /etc/mentionwatch ] || fail "dpkg -P left /etc/mentionwatch"
[ ! -e /var/lib/mentionwatch ] || fail "dpkg -P left /var/lib/mentionwatch"
! dpkg-statoverride --list /etc/mentionwatch/feeds.yaml >/dev/null || fail "dpkg -P left the statoverride"
for path in /usr/share/mentionwatch /usr/share/doc/mentionwatch /usr/lib/sysusers.d/mentionwatch.conf; do
    [ ! -e "$path" ] || fail "dpkg -P left $path"
done
echo "== the package installs, checks and purges cleanly ($(($(date +%s) - start)) s in all)"
