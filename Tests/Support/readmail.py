#!/usr/bin/env python3
"""Parse one RFC 5322 message and print it as JSON, for mentionwatch mail tests (stdlib only).

Usage: python3 readmail.py FILE
Output: {"headers", "raw_headers", "defects", "parts", "is_multipart", "content_type"}
  headers      name -> decoded value (RFC 2047 decoded); a list when the name repeats
  raw_headers  name -> value exactly as in the file (still encoded, folding kept)
  defects      every defect of the message, its parts and their headers ("Class: detail")
  parts        every non-multipart leaf: content_type, charset, transfer_encoding, filename (of an attachment), text
Exits 1 with a message on stderr when the file cannot be read or parsed.
"""
import email.policy
import json
import sys
from email.parser import BytesParser


def collect(pairs):
    """(name, value) pairs -> dict keyed by the first spelling of each name; repeats become lists."""
    out, spelling = {}, {}
    for name, value in pairs:
        key = spelling.setdefault(name.lower(), name)
        if key in out:
            if not isinstance(out[key], list):
                out[key] = [out[key]]
            out[key].append(value)
        else:
            out[key] = value
    return out


def clean(value):
    """Undo the parser's surrogateescape: raw 8-bit bytes shown as UTF-8 (invalid bytes as U+FFFD)."""
    return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def describe(defect):
    detail = str(defect)
    return f"{type(defect).__name__}: {detail}" if detail else type(defect).__name__


def part_info(part, defects):
    cte = part.get("Content-Transfer-Encoding")
    info = {
        "content_type": part.get_content_type(),
        "charset": part.get_content_charset(),
        "transfer_encoding": str(cte).strip().lower() if cte is not None else None,
        "filename": part.get_filename(),
        "text": None,
    }
    try:
        content = part.get_content()
    except (LookupError, KeyError) as e:  # unknown charset or content manager: keep going, report it
        defects.append(f"UndecodablePart: {info['content_type']}: {e}")
        content = part.get_payload(decode=True) or b""
    if isinstance(content, bytes):
        # Non-text leaves (images, ...) have no text; text with an unknown charset is shown as UTF-8.
        if part.get_content_maintype() == "text":
            info["text"] = content.decode("utf-8", "replace")
    elif isinstance(content, str):
        info["text"] = content
    return info


def main():
    if len(sys.argv) != 2:
        print("usage: readmail.py FILE", file=sys.stderr)
        return 1
    try:
        with open(sys.argv[1], "rb") as f:
            msg = BytesParser(policy=email.policy.default).parse(f)
        if not msg.keys():
            raise ValueError("no header fields found")
        headers = collect((name, clean(str(value))) for name, value in msg.items())
        raw_headers = collect((name, clean(value)) for name, value in msg.raw_items())
        defects, parts = [], []
        for p in msg.walk():
            if not p.is_multipart():
                parts.append(part_info(p, defects))  # decoding records base64/charset defects
            found = [describe(d) for d in p.defects]
            for (name, value), (_, raw) in zip(p.items(), p.raw_items()):
                found += [describe(d) for d in getattr(value, "defects", ())]
                if not raw.isascii():  # RFC 5322 headers must be ASCII (RFC 2047 for the rest)
                    found.append(f"RawNonASCIIHeader: {name}")
            defects += dict.fromkeys(found)  # once per part, in order
        result = {
            "headers": headers,
            "raw_headers": raw_headers,
            "defects": defects,
            "parts": parts,
            "is_multipart": msg.is_multipart(),
            "content_type": msg.get_content_type(),
        }
    except Exception as e:  # any failure to read or parse is one clear line and exit 1
        print(f"readmail: {sys.argv[1]}: {type(e).__name__}: {e}", file=sys.stderr)
        return 1
    sys.stdout.reconfigure(encoding="utf-8")
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
