#!/usr/bin/env bash
# Debian's Postfix for PostfixRouteTests and PostfixUnderTheUnitTests (run as root, as .ci/run is):
# local-only mail, delivered into the Maildir of a test user, nothing relayed off this machine.
# Safe to run twice.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if ! dpkg -s postfix >/dev/null 2>&1; then
    echo "postfix postfix/main_mailer_type select Local only" | debconf-set-selections
    echo "postfix postfix/mailname string localhost" | debconf-set-selections
    apt-get install -y -qq postfix >/dev/null
fi
# The mailbox the test reads back: /home/mwmail/Maildir.
id mwmail >/dev/null 2>&1 || useradd --create-home --shell /usr/sbin/nologin mwmail
postconf -e \
    'myhostname = localhost' 'mydestination = localhost' 'inet_interfaces = loopback-only' \
    'home_mailbox = Maildir/' 'mailbox_command =' \
    'default_transport = error:this test machine sends no mail out' \
    'relay_transport = error:this test machine sends no mail out'
# Without systemd (a container), start it by hand; the chroot copies are what Debian's init does.
if postfix status >/dev/null 2>&1; then postfix reload >/dev/null 2>&1; else
    mkdir -p /var/spool/postfix/etc
    cp -f /etc/resolv.conf /etc/hosts /etc/services /etc/nsswitch.conf /var/spool/postfix/etc/ 2>/dev/null || true
    postfix start >/dev/null 2>&1
fi
postfix status
