#!/usr/bin/env python3
"""Test feed server for mentionwatch integration tests (Python 3.11 stdlib only).

Usage: python3 feedserver.py DIR [--tls CERT KEY]
Binds 127.0.0.1 on a free port, prints "PORT <n>" as its first stdout line,
and serves until stdin reaches EOF or SIGTERM arrives. With --tls it serves HTTPS
(certificate chain CERT, private key KEY; see make_tls.sh) on the same routes.

Routes:
  GET /feeds/NAME           file DIR/NAME, re-read each request; ETag + Last-Modified; 304 on match
  GET /lm/NAME              as /feeds/NAME but Last-Modified only (no ETag); 304 when If-Modified-Since >= mtime
  GET /cache/NAME?max_age=N as /feeds/NAME plus Cache-Control: max-age=N (default 60)
  GET /late/NAME?seconds=N  as /feeds/NAME, answered after N seconds (at most 10)
  GET /moved/NAME?code=NNN  status NNN (default 301), Location: absolute URL of /feeds/NAME
  GET /status/NNN           status NNN with a short text body
  GET /redirect/NNN?to=URL  status NNN with Location: URL
  GET /chain/N/NNN?to=URL   N redirects in a row with status NNN: /chain/N-1/NNN?to=URL ... /chain/1 -> URL
  GET /loop                 302 to itself, forever
  GET /retry/NNN?after=S    status NNN (429, 503, ...) with Retry-After: S (seconds)
  GET /retry/NNN?date=1     status NNN with Retry-After as an HTTP-date 120 s in the future
                            (neither: no Retry-After header at all)
  GET /big                  50 MB RSS-ish body, Content-Length set (?chunked=1: chunked, no length)
  GET /slow                 headers, then one byte per second for 60 s
  GET /drip                 headers (Content-Length 60), then one byte every 2 s for 120 s
  GET /hang                 headers (logged at once), then nothing until the client disconnects
                            (safety stop after 10 minutes): a transfer in flight for as long as a test needs
  GET /endless              chunked RSS-ish body, no Content-Length, until the client disconnects
                            (safety stop after 10 minutes: the connection is then cut, never finished)
  GET /gzipbomb             Content-Encoding: gzip; ~64 KB on the wire, 64 MiB of zeros decompressed
  GET /truncated            Content-Length 10000, 100 bytes of an RSS document, then the connection closes
  GET /wronglength          Content-Length 50, then a complete 300-byte RSS document, then close
  GET /headers              JSON object of the request headers (names lower-cased; repeats joined by ", ")
  GET /__log                JSON list of every earlier request (except /__log): path, method, status,
                            if_none_match, if_modified_since, user_agent, accept, accept_encoding,
                            time (float, time.time() when the request arrived)
HEAD works wherever GET does (no body).
Absolute Locations use the request's Host header (else 127.0.0.1:PORT) and http or https.
"""
import email.utils
import hashlib
import json
import os
import select
import signal
import ssl
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, quote, unquote, urlsplit

FEED_TYPES = {
    ".xml": "application/rss+xml",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".json": "application/feed+json",
    ".html": "text/html; charset=utf-8",
}
BIG_SIZE = 50 * 1024 * 1024
BIG_CHUNK = 64 * 1024
BOMB_SIZE = 64 * 1024 * 1024  # decompressed size of /gzipbomb: far beyond any body cap a test sets
ENDLESS_LIMIT = 600            # seconds: /endless cuts the connection after this, as a safety net

# /drip sends exactly this valid 60-byte feed, one byte every 2 s.
DRIP_BODY = b'<rss version="2.0"><channel><title>d</title></channel></rss>'
# /truncated and /wronglength send (part of) this document, padded to exactly 300 bytes.
SMALL_RSS = (b'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>small</title>'
             b'<item><guid>small-1</guid><title>Eerste bericht</title><link>http://127.0.0.1/small/1</link>'
             b'</item></channel></rss>\n')
SMALL_RSS = SMALL_RSS[:-1] + b" " * (300 - len(SMALL_RSS)) + b"\n"
assert len(SMALL_RSS) == 300 and len(DRIP_BODY) == 60

LOG = []
LOG_LOCK = threading.Lock()


class GzipBomb:
    """The /gzipbomb body: gzip of BOMB_SIZE zero bytes, built on the first request (under a second
    of CPU), so servers that never serve it spend nothing on it."""

    def __init__(self):
        self.lock = threading.Lock()
        self.built = None

    @property
    def body(self):
        with self.lock:
            if self.built is None:
                z = zlib.compressobj(9, zlib.DEFLATED, 31)  # wbits 31: gzip container
                zeros = bytes(1024 * 1024)
                parts = [z.compress(zeros) for _ in range(BOMB_SIZE // len(zeros))]
                parts.append(z.flush())
                self.built = b"".join(parts)
            return self.built


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
                "method": self.command,
                "status": status,
                "if_none_match": self.headers.get("If-None-Match"),
                "if_modified_since": self.headers.get("If-Modified-Since"),
                "user_agent": self.headers.get("User-Agent"),
                "accept": self.headers.get("Accept"),
                "accept_encoding": self.headers.get("Accept-Encoding"),
                "time": self.arrived,
            })

    def absolute(self, path):
        """An absolute URL on this server for PATH (which starts with /), for Location headers."""
        host = self.headers.get("Host") or f"127.0.0.1:{self.server.server_address[1]}"
        return f"{self.server.scheme}://{host}{path}"

    def start_stream(self, ctype="application/rss+xml", headers=()):
        """Record a 200 and send its headers now; the caller writes the body (unless HEAD)."""
        self.record(200)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.flush()
        return not self.head

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
        self.arrived = time.time()
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
            elif path.startswith("/late/"):
                seconds = query.get("seconds", ["1"])[0]
                if not seconds.replace(".", "", 1).isdigit() or float(seconds) > 10:
                    return self.text(400, "seconds must be a number up to 10")
                time.sleep(float(seconds))  # then the feed, as /feeds/ serves it
                self.feed(unquote(path[len("/late/"):]))
            elif path.startswith("/lm/"):
                self.feed(unquote(path[len("/lm/"):]), etag=False)
            elif path.startswith("/cache/"):
                max_age = query.get("max_age", ["60"])[0]
                if not max_age.isdigit():
                    return self.text(400, "max_age must be a number of seconds")
                self.feed(unquote(path[len("/cache/"):]), headers=[("Cache-Control", f"max-age={max_age}")])
            elif path.startswith("/moved/"):
                self.moved(unquote(path[len("/moved/"):]), query.get("code", ["301"])[0])
            elif path.startswith("/chain/"):
                self.chain(path[len("/chain/"):], query.get("to", [None])[0])
            elif path == "/loop":
                self.redirect(302, self.absolute(self.path))
            elif path.startswith("/retry/"):
                self.retry(path[len("/retry/"):], query)
            elif path == "/big":
                self.big(chunked=query.get("chunked", ["0"])[0] not in ("0", ""))
            elif path == "/slow":
                self.slow()
            elif path == "/drip":
                self.drip()
            elif path == "/hang":
                self.hang()
            elif path == "/endless":
                self.endless()
            elif path == "/gzipbomb":
                self.gzipbomb()
            elif path == "/truncated":
                self.short_body(length=10000, body=SMALL_RSS[:100])
            elif path == "/wronglength":
                self.short_body(length=50, body=SMALL_RSS)
            elif path == "/headers":
                self.request_headers()
            else:
                self.text(404, "not found")
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, ssl.SSLError):
            self.close_connection = True  # client went away: stop quietly

    def status_code(self, text):
        if text.isdigit() and 200 <= int(text) <= 599:
            return int(text)
        self.text(400, "bad status code")
        return None

    def redirect(self, status, location):
        self.reply(status, f"redirect to {location}\n".encode(), headers=[("Location", location)])

    def feed(self, name, etag=True, headers=()):
        """DIR/NAME with Last-Modified (and ETag unless etag=False) and any extra HEADERS; 304 on match.
        Without an ETag only If-Modified-Since is honoured (an If-None-Match is ignored)."""
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
        tag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        validators = [("Last-Modified", email.utils.formatdate(mtime, usegmt=True))]
        inm = self.headers.get("If-None-Match") if etag else None
        if etag:
            validators.insert(0, ("ETag", tag))
        ims = self.headers.get("If-Modified-Since")
        validators += list(headers)
        if (inm is not None and etag_matches(inm, tag)) or (inm is None and ims and not_modified_since(ims, mtime)):
            return self.reply(304, headers=validators)
        ctype = FEED_TYPES.get(os.path.splitext(name)[1].lower(), "application/octet-stream")
        self.reply(200, body, ctype=ctype, headers=validators)

    def moved(self, name, code):
        # /moved/NAME?code=NNN: NNN with an absolute Location of /feeds/NAME.
        status = self.redirect_code(code)
        if status:
            self.redirect(status, self.absolute("/feeds/" + quote(name)))

    def chain(self, rest, target):
        # /chain/N/CODE?to=URL: N >= 1 redirects; each to /chain/N-1/CODE, /chain/1/CODE to URL.
        parts = rest.split("/")
        if len(parts) != 2 or not parts[0].isdigit() or int(parts[0]) < 1:
            return self.text(400, "use /chain/N/CODE?to=URL with N >= 1")
        if not target:
            return self.text(400, "missing ?to=URL")
        status = self.redirect_code(parts[1])
        if not status:
            return
        n = int(parts[0])
        location = target if n == 1 else self.absolute(f"/chain/{n - 1}/{status}?to={quote(target, safe='')}")
        self.redirect(status, location)

    def redirect_code(self, text):
        if text.isdigit() and 300 <= int(text) <= 399:
            return int(text)
        self.text(400, "bad redirect code")
        return None

    def retry(self, code, query):
        # /retry/NNN?after=S or ?date=1: NNN with Retry-After in seconds or as an HTTP-date (+120 s).
        status = self.status_code(code)
        if not status:
            return
        after = query.get("after", [None])[0]
        headers = []
        if query.get("date", ["0"])[0] not in ("0", ""):
            headers.append(("Retry-After", email.utils.formatdate(time.time() + 120, usegmt=True)))
        elif after is not None:
            headers.append(("Retry-After", after))
        self.reply(status, f"status {status}, retry later\n".encode(), headers=headers)

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

    def drip(self):
        # A valid 60-byte feed, one byte every 2 s (120 s): trips a client's low-speed limit.
        if not self.start_stream(headers=[("Content-Length", str(len(DRIP_BODY)))]):
            return
        for i in range(len(DRIP_BODY)):
            time.sleep(2)
            self.wfile.write(DRIP_BODY[i:i + 1])
            self.wfile.flush()

    def endless(self):
        # Chunked, no length, never finished: a feed head, then items until the client hangs up.
        if not self.start_stream(headers=[("Transfer-Encoding", "chunked")]):
            return
        self.close_connection = True
        head = b'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>endless</title>\n'
        item = b"<item><title>nog een</title><description>" + b"x" * 900 + b"</description></item>\n"
        chunk = item * 64  # ~60 KB per chunk
        self.wfile.write(b"%x\r\n%s\r\n" % (len(head), head))
        deadline = time.monotonic() + ENDLESS_LIMIT
        while time.monotonic() < deadline:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))

    def hang(self):
        # Headers, then silence until the client hangs up (a read of EOF) or ENDLESS_LIMIT passes.
        if not self.start_stream(headers=[("Content-Length", "1000")]):
            return
        self.close_connection = True
        deadline = time.monotonic() + ENDLESS_LIMIT
        while time.monotonic() < deadline:
            readable, _, _ = select.select([self.connection], [], [], 0.5)
            if readable and not self.connection.recv(1024):
                return

    def gzipbomb(self):
        # ~64 KB of gzip that inflates to 64 MiB of zeros; sent whatever the Accept-Encoding says.
        self.reply(200, BOMB.body, ctype="application/rss+xml", headers=[("Content-Encoding", "gzip")])

    def short_body(self, length, body):
        # Content-Length LENGTH but BODY sent (shorter: truncated; longer: excess), then close.
        self.record(200)
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(length))
        self.send_header("Connection", "close")
        self.end_headers()
        if not self.head:
            self.wfile.write(body)
        self.wfile.flush()
        self.close_connection = True

    def request_headers(self):
        # The request's headers as JSON: {"user-agent": ..., "accept": ..., ...}.
        seen = {}
        for name, value in self.headers.items():
            key = name.lower()
            seen[key] = f"{seen[key]}, {value}" if key in seen else value
        self.reply(200, json.dumps(seen, indent=1).encode(), ctype="application/json")


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # many parallel connects (curl multi) must not overflow the listen backlog
    scheme = "http"
    tls = None  # an ssl.SSLContext when serving HTTPS

    def finish_request(self, request, client_address):
        # TLS handshake here, in the connection's own thread, so a stalled client blocks no one else.
        if self.tls is not None:
            request.settimeout(30)
            request = self.tls.wrap_socket(request, server_side=True)  # detaches the plain socket
            request.settimeout(None)
            try:
                return super().finish_request(request, client_address)
            finally:
                self.shutdown_request(request)  # the caller can only close the detached plain socket
        super().finish_request(request, client_address)

    def handle_error(self, request, client_address):
        # Disconnects (and refused TLS handshakes) are normal in these tests; anything else still
        # gets a traceback.
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError, ssl.SSLError)):
            super().handle_error(request, client_address)


BOMB = None


def main():
    global BOMB
    args = sys.argv[1:]
    tls = args[2:] if len(args) == 4 and args[1] == "--tls" else None
    if len(args) not in (1, 4) or (len(args) == 4 and tls is None) or not os.path.isdir(args[0]):
        print("usage: feedserver.py DIR [--tls CERT KEY]", file=sys.stderr)
        sys.exit(64)
    server = Server(("127.0.0.1", 0), Handler)
    server.root = os.path.abspath(args[0])
    if tls:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        try:
            context.load_cert_chain(tls[0], tls[1])
        except (OSError, ssl.SSLError) as error:
            print(f"feedserver.py: cannot load certificate {tls[0]} / key {tls[1]}: {error}", file=sys.stderr)
            sys.exit(66)
        server.tls, server.scheme = context, "https"
    BOMB = GzipBomb()
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
