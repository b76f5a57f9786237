#!/usr/bin/python3
"""A real SMTP server for the tests: aiosmtpd (Debian's python3-aiosmtpd) on 127.0.0.1.

smtpserver.py MAILDIRS [--starttls CERT KEY] [--implicit-tls CERT KEY] [--auth USER:PASSWORD]
              [--rules FILE]

Prints "listening on PORT" once ready and serves until its stdin closes. Each accepted message is
delivered into MAILDIRS/<recipient>/ (a Maildir per recipient, as a mail server would), with
Python's own mailbox module. Every command the server answered is appended to MAILDIRS/log.

The rules file (JSON, read at each command so a test can change it while the server runs):
  {"refuse": [ADDR...]}          RCPT TO:<ADDR> answers 550 (permanent)
  {"defer": [ADDR...]}           RCPT TO:<ADDR> answers 451 (temporary) while listed
  {"drop_in_data": N}            the next N transactions lose their connection halfway through DATA
  {"drop_after_data": N}         the next N transactions lose it after the whole message, before the 250
Counts are decremented in the file as they are used.
"""
import asyncio
import json
import mailbox
import os
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

folder = sys.argv[1]
options = sys.argv[2:]


def option(name, count):
    if name not in options:
        return None
    at = options.index(name)
    return options[at + 1 : at + 1 + count]


rules_file = (option("--rules", 1) or [None])[0]
lock = threading.Lock()


def rules():
    if not rules_file or not os.path.exists(rules_file):
        return {}
    with open(rules_file) as handle:
        return json.load(handle)


def take(counter):
    """Uses up one of a rule's counted occurrences; true when one was left."""
    with lock:
        current = rules()
        if current.get(counter, 0) <= 0:
            return False
        current[counter] -= 1
        with open(rules_file, "w") as handle:
            json.dump(current, handle)
        return True


def log(line):
    with lock, open(os.path.join(folder, "log"), "a") as handle:
        handle.write(line + "\n")


class Handler:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        current = rules()
        if address in current.get("refuse", []):
            log(f"RCPT {address} 550")
            return "550 5.1.1 <%s>: no such mailbox here" % address
        if address in current.get("defer", []):
            log(f"RCPT {address} 451")
            return "451 4.3.0 <%s>: mailbox busy, try again later" % address
        envelope.rcpt_tos.append(address)
        log(f"RCPT {address} 250")
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        for recipient in envelope.rcpt_tos:
            mailbox.Maildir(os.path.join(folder, recipient), create=True).add(envelope.original_content)
        if take("drop_after_data"):
            log("DATA stored, connection dropped before 250")
            server.transport.close()
            return "250 2.0.0 queued (never heard)"
        log(f"DATA {len(envelope.rcpt_tos)} 250")
        return "250 2.0.0 queued"


class DroppingSMTP(SMTP):
    async def smtp_DATA(self, arg):
        if not take("drop_in_data"):
            return await super().smtp_DATA(arg)
        # Say go ahead, read part of the message, then hang up: the transaction never completes.
        await self.push("354 End data with <CR><LF>.<CR><LF>")
        await self._reader.readline()
        log("DATA connection dropped halfway")
        self.transport.close()


def authenticator(server, session, envelope, mechanism, auth_data):
    user, password = (option("--auth", 1) or ["x:y"])[0].split(":", 1)
    ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and auth_data.password.decode() == password
    log(f"AUTH {mechanism} {'ok' if ok else 'refused'}")
    return AuthResult(success=ok, handled=False)


class TestController(Controller):
    def factory(self):
        return DroppingSMTP(self.handler, **self.SMTP_kwargs)

    def _trigger_server(self):
        # Port 0 lets the kernel choose; the readiness probe needs the port it chose.
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


def context(pair):
    certificate, key = pair
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(certificate, key)
    return tls


kwargs = {}
starttls = option("--starttls", 2)
implicit = option("--implicit-tls", 2)
if starttls:
    kwargs.update(tls_context=context(starttls), require_starttls=True)
if option("--auth", 1):
    kwargs.update(authenticator=authenticator, auth_required=True, auth_require_tls=bool(starttls or implicit))
controller = TestController(
    Handler(), hostname="127.0.0.1", port=0, ssl_context=context(implicit) if implicit else None, **kwargs
)
controller.start()
print(f"listening on {controller.port}", flush=True)
sys.stdin.read()
controller.stop()
