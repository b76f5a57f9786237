#!/usr/bin/env python3
"""Test feed server for mentionwatch integration tests (Python 3.11 stdlib only).

Usage: python3 feedserver.py DIR
Binds 127.0.0.1 on a free port, prints "PORT <n>" as its first stdout line,
and serves until stdin reaches EOF or SIGTERM arrives.

Routes:
  GET /feeds/NAME           file DIR/NAME, re-read each request; ETag + Last-Modified; 304 on match
  GET /status/NNN           status NNN with a short text body
  GET /redirect/NNN?to=URL  status NNN with Location: URL
  GET /big                  50 MB RSS-ish body, Content-Length set (?chunked=1: chunked, no length)
  GET /slow                 headers, then one byte per second for 60 s
  GET /__log                JSON list of every earlier request (except /__log)
HEAD works wherever GET does (no body).
"""
import email.utils
import hashlib
import json
import os
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

FEED_TYPES = {
    ".xml": "application/rss+xml",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".json": "application/feed+json",
}
BIG_SIZE = 50 * 1024 * 1024
BIG_CHUNK = 64 * 1024

LOG = []
LOG_LOCK = threading.Lock()


def etag_matches(header, etag):
    """If-None-Match: '*' or a comma list of (possibly weak) tags; weak comparison per RFC 9110."""
    for tag in header.split(","):
        tag = tag.strip()
        if tag == "*" or tag.removeprefix("W/") == etag:
            return True
    return False


def not_modified_since(header, mtime):
    """True when If-Modified-Since is a valid date at or after the file's mtime (whole seconds)."""
    try:
        since = email.utils.parsedate_to_datetime(header)
    except (TypeError, ValueError, IndexError):
        return False
    if since is None or since.tzinfo is None:
        return False
    return int(mtime) <= since.timestamp()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def version_string(self):
        return "feedserver/1"

    def log_message(self, format, *args):  # quiet: no per-request stderr lines
        pass

    def do_HEAD(self):
        self.route(head=True)

    def do_GET(self):
        self.route(head=False)

    # -- helpers -------------------------------------------------------------

    def record(self, status):
        with LOG_LOCK:
            LOG.append({
                "path": self.path,
                "status": status,
                "if_none_match": self.headers.get("If-None-Match"),
                "if_modified_since": self.headers.get("If-Modified-Since"),
                "user_agent": self.headers.get("User-Agent"),
            })

    def reply(self, status, body=b"", ctype="text/plain; charset=utf-8", headers=()):
        """A complete response with Content-Length (no body for HEAD, 1xx, 204, 304)."""
        self.record(status)
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        no_body = self.head or status in (204, 304) or status < 200
        if status not in (204, 304) and status >= 200:
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not no_body:
            self.wfile.write(body)

    def text(self, status, message):
        self.reply(status, (message + "\n").encode())

    # -- routes --------------------------------------------------------------

    def route(self, head):
        self.head = head
        url = urlsplit(self.path)
        path, query = url.path, parse_qs(url.query)
        try:
            if path == "/__log":
                with LOG_LOCK:
                    body = json.dumps(LOG, indent=1).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if not head:
                    self.wfile.write(body)
            elif path.startswith("/feeds/"):
                self.feed(unquote(path[len("/feeds/"):]))
            elif path.startswith("/status/"):
                status = self.status_code(path[len("/status/"):])
                if status:
                    self.text(status, f"status {status}")
            elif path.startswith("/redirect/"):
                status = self.status_code(path[len("/redirect/"):])
                target = query.get("to", [None])[0]
                if status and not target:
                    self.text(400, "missing ?to=URL")
                elif status:
                    self.reply(status, f"redirect to {target}\n".encode(), headers=[("Location", target)])
            elif path == "/big":
                self.big(chunked=query.get("chunked", ["0"])[0] not in ("0", ""))
            elif path == "/slow":
                self.slow()
            else:
                self.text(404, "not found")
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            self.close_connection = True  # client went away: stop quietly

    def status_code(self, text):
        if text.isdigit() and 200 <= int(text) <= 599:
            return int(text)
        self.text(400, "bad status code")
        return None

    def feed(self, name):
        # NAME is a plain file name inside DIR: no subdirectories, no dot files.
        if not name or "/" in name or "\\" in name or name.startswith("."):
            return self.text(404, "not found")
        file = os.path.join(self.server.root, name)
        try:
            with open(file, "rb") as f:
                body = f.read()
                mtime = os.fstat(f.fileno()).st_mtime
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            return self.text(404, "not found")
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        validators = [("ETag", etag), ("Last-Modified", email.utils.formatdate(mtime, usegmt=True))]
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        if (inm is not None and etag_matches(inm, etag)) or (inm is None and ims and not_modified_since(ims, mtime)):
            return self.reply(304, headers=validators)
        ctype = FEED_TYPES.get(os.path.splitext(name)[1].lower(), "application/octet-stream")
        self.reply(200, body, ctype=ctype, headers=validators)

    def big(self, chunked):
        self.record(200)
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(BIG_SIZE))
        self.end_headers()
        if self.head:
            return
        # Valid-looking XML start, then filler; the document never closes (the client must cut it).
        head = b'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>big</title>\n'
        sent = 0
        while sent < BIG_SIZE:
            chunk = (head if sent == 0 else b"") + b"<!-- " + b"x" * BIG_CHUNK + b" -->\n"
            chunk = chunk[: BIG_SIZE - sent]
            if chunked:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            else:
                self.wfile.write(chunk)
            sent += len(chunk)
        if chunked:
            self.wfile.write(b"0\r\n\r\n")

    def slow(self):
        self.record(200)
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", "60")
        self.end_headers()
        self.wfile.flush()
        if self.head:
            return
        for _ in range(60):
            time.sleep(1)
            self.wfile.write(b" ")
            self.wfile.flush()


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # Disconnects are normal in these tests; anything else still gets a traceback.
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


def main():
    if len(sys.argv) != 2 or not os.path.isdir(sys.argv[1]):
        print("usage: feedserver.py DIR", file=sys.stderr)
        sys.exit(64)
    server = Server(("127.0.0.1", 0), Handler)
    server.root = os.path.abspath(sys.argv[1])
    # Die with the test process: EOF on stdin or SIGTERM ends the server at once.
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))

    def watch_stdin():
        while sys.stdin.buffer.read(4096):
            pass
        os._exit(0)

    threading.Thread(target=watch_stdin, daemon=True).start()
    print(f"PORT {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
