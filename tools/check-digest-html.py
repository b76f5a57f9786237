#!/usr/bin/env python3
"""Render the digest's HTML part in headless Chromium and check what a reader would see (stdlib only).

Usage: python3 tools/check-digest-html.py FILE.html [--expect TEXT ...] [--screenshot OUT.png]
  FILE.html  the HTML part (mentionwatch digest --html, or a mail's text/html part)
  --expect   text the rendered page must contain (checked in the DOM Chromium builds, in this order)

Checks: Chromium parses the page (--dump-dom) without scripts, images or external references; the
expected texts appear in order; the screenshot exists, is not blank, and shows the chart's two bar
colours (so the HTML-table chart really draws). Prints one line per check; exits 1 on a failure,
2 when Chromium is missing (Debian: apt-get install chromium).
"""
import argparse
import html
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib

# The chart's colours (Sources/MentionRender/DigestChart.swift).
BARS = {"vermeldingen": (0x4A, 0x7F, 0xC1), "gemarkeerd": (0xC0, 0x39, 0x2B)}


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run(browser, args, url):
    # --no-sandbox: CI runs as root in a container, where Chromium's sandbox cannot start.
    base = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run"]
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(base + [f"--user-data-dir={profile}"] + args + [url],
                              capture_output=True, timeout=60)
    return done.stdout.decode("utf-8", "replace")


def pixels(path):
    """Decode an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium writes) into (width, height, rows)."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or color not in (2, 6) or interlace:
                raise ValueError(f"unsupported PNG: depth {depth}, colour type {color}, interlace {interlace}")
            channels = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, stride, rows, prev = zlib.decompress(idat), width * channels, [], bytearray(width * channels)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, corner = prev[i], prev[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append([tuple(line[x * channels:x * channels + 3]) for x in range(width)])
        prev = line
    return width, height, rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("html")
    parser.add_argument("--expect", action="append", default=[])
    parser.add_argument("--screenshot")
    args = parser.parse_args()
    browser = chromium()
    if not browser:
        print("chromium not found (Debian: apt-get install chromium)", file=sys.stderr)
        return 2
    started, failures = time.monotonic(), []

    def check(ok, what):
        print(("ok    " if ok else "FAIL  ") + what)
        if not ok:
            failures.append(what)

    url = "file://" + os.path.abspath(args.html)
    dom = run(browser, ["--dump-dom"], url)
    check("<body" in dom, "Chromium parsed the page (--dump-dom)")
    lowered = dom.lower()
    for banned in ("<script", "<img", "<link", "<iframe", "<object", "<embed", " src=", "url("):
        check(banned not in lowered, f"no {banned.strip()} in the rendered DOM")
    # The page's text as a reader sees it: tags out, entities decoded (escaped feed text shows as typed).
    text = html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", dom)))
    place = 0
    for expected in args.expect:
        found = text.find(expected, place)
        check(found >= 0, f"shows {expected!r} (in order)")
        place = found if found >= 0 else place

    shot = args.screenshot or os.path.join(tempfile.mkdtemp(), "digest.png")
    run(browser, [f"--screenshot={shot}", "--window-size=900,2400"], url)
    check(os.path.exists(shot) and os.path.getsize(shot) > 0, f"screenshot written ({shot})")
    if os.path.exists(shot):
        width, height, rows = pixels(shot)
        colours = {}
        for row in rows:
            for pixel in row:
                colours[pixel] = colours.get(pixel, 0) + 1
        ink = sum(n for c, n in colours.items() if c != (255, 255, 255))
        check(ink > width * height // 200, f"not blank: {100 * ink / (width * height):.1f} % of {width}x{height} drawn")
        for label, colour in BARS.items():
            check(colours.get(colour, 0) > 0, f"the chart draws its {label} bars ({colours.get(colour, 0)} px)")
    print(f"checked in {time.monotonic() - started:.1f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
