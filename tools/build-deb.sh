#!/usr/bin/env bash
# Builds mentionwatch_VERSION_ARCH.deb with dpkg-deb (no debhelper) from a release binary built with
# the Swift runtime linked in (`make deb`; docs/operations.md, "Debian package").
# Usage: tools/build-deb.sh BINARY VERSION [OUTPUT_FOLDER]   (VERSION with the Debian revision: 0.1.0-1)
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:?the release binary}
version=${2:?the version}
out=${3:-.}
arch=$(dpkg --print-architecture)
# Reproducible: file times and the changelog's date are the last commit's.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}

# The tree in debian/mentionwatch of a scratch folder, where dpkg-shlibdeps expects a package's files.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/debian/mentionwatch
install -d -m 0755 "$root/DEBIAN"

install -D -m 0755 "$binary" "$root/usr/bin/mentionwatch"
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$root/usr/bin/mentionwatch"
install -D -m 0644 model/classifier.mwm "$root/usr/share/mentionwatch/classifier.mwm"
install -d -m 0755 "$root/lib/systemd/system"
sed 's|/usr/local/bin/|/usr/bin/|g' systemd/mentionwatch.service >"$root/lib/systemd/system/mentionwatch.service"
chmod 0644 "$root/lib/systemd/system/mentionwatch.service"
install -D -m 0644 systemd/mentionwatch.sysusers "$root/usr/lib/sysusers.d/mentionwatch.conf"
install -D -m 0644 systemd/mentionwatch.tmpfiles "$root/usr/lib/tmpfiles.d/mentionwatch.conf"
# 0640 root:root in the archive; postinst's statoverride gives it to the service's group.
install -D -m 0640 feeds.yaml "$root/etc/mentionwatch/feeds.yaml"
doc=$root/usr/share/doc/mentionwatch
install -D -m 0644 packaging/deb/copyright "$doc/copyright"
install -D -m 0644 packaging/deb/lintian-overrides "$root/usr/share/lintian/overrides/mentionwatch"
sed -e "s/@VERSION@/$version/" -e "s/@DATE@/$(date -R -u -d "@$SOURCE_DATE_EPOCH")/" packaging/deb/changelog |
    gzip -9n >"$doc/changelog.Debian.gz"
chmod 0644 "$doc/changelog.Debian.gz"
find "$root" -type d -exec chmod 0755 {} +

# The shared libraries the binary needs (libc, libcurl, SQLite, OpenSSL), as dpkg-shlibdeps names them.
printf 'Source: mentionwatch\n\nPackage: mentionwatch\nArchitecture: any\n' >"$work/debian/control"
shlibs=$(cd "$work" && dpkg-shlibdeps -O "$root/usr/bin/mentionwatch" | sed -n 's/^shlibs:Depends=//p')
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)

sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" -e "s/@SHLIBS@/$shlibs/" \
    packaging/deb/control.in >"$root/DEBIAN/control"
install -m 0644 packaging/deb/conffiles "$root/DEBIAN/conffiles"
install -m 0755 packaging/deb/postinst packaging/deb/prerm packaging/deb/postrm "$root/DEBIAN/"
find "$root" -newermt "@$SOURCE_DATE_EPOCH" -exec touch --no-dereference --date="@$SOURCE_DATE_EPOCH" {} +

mkdir -p "$out"
dpkg-deb --root-owner-group -Zxz --build "$root" "$out/mentionwatch_${version}_${arch}.deb"
