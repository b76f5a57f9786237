#!/usr/bin/env python3
"""Write a deterministic corpus of realistic feeds for the parse benchmark (bench/parse/run.sh).

Usage: python3 bench/parse/make_corpus.py OUTDIR [--mb 60] [--seed 1] [--world PATH]

Writes into OUTDIR (created if missing) files of 50-300 KB each until at least --mb MB (10^6 bytes):
  feed-NNNN.xml   RSS 2.0 (about 45%), Atom 1.0 (about 25%) or RSS 1.0 / RDF (about 15%)
  feed-NNNN.json  JSON Feed 1.1 (about 15%)
  files-all.txt, files-xml.txt, files-json.txt  the file names, one a line (all, XML only, JSON only)
  manifest.json   every file (name, format, bytes, items), and total bytes, files and items per format

What is in them, because a parser's cost lies there: RSS 2.0 with content:encoded (HTML in CDATA),
dc:creator, categories, enclosures and Media RSS (media:content, media:thumbnail, media:group);
Atom with text, html (escaped) and xhtml content, authors, several links and xml:base with relative
links on some feeds or entries; RDF with dc:* and content:encoded; JSON Feed with content_html or
content_text, authors, tags and attachments. HTML bodies carry named and numeric entities
(&eacute; &#233; &#x20AC;), links, images with alt text and lists; descriptions are plain text or
escaped HTML. Item counts run from 5 to 200 a file: short summary feeds have many items, full-text
feeds few.

The text is Dutch (some English) regional news and news about the fictional Praktijkschool De
Zeehoek in Westerveen; the staff names are read from shared/data/world.yaml (all fictional).
Hosts are under the reserved .example domain: nothing here is ever fetched.
Same arguments, same bytes: every file has its own random generator seeded from --seed and its number.
"""
import argparse
import datetime
import json
import os
import random
import re
import sys
from xml.sax.saxutils import escape, quoteattr

BASE_TIME = datetime.datetime(2026, 11, 20, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=1)))
FORMATS = [("rss20", 45), ("atom", 25), ("rss10", 15), ("jsonfeed", 15)]  # (format, weight in %)

SOURCES = ["Westerveense Courant", "Dagblad Kust en Polder", "Omroep West-Kust", "Buurtblog Oosterwijk",
           "Nieuwsbode Dijkhuizen", "Regio Actueel", "Het Polderlicht", "Kreekdorp Nu", "Onderwijsblog Kust",
           "Schoolnieuws Westerveen", "De Noordhavense Krant", "Weekblad De Brink"]
TOWNS = ["Westerveen", "Oosterwijk", "Dijkhuizen", "Noordhaven", "Kreekdorp", "Brinkhorst", "Polderend"]
VENUES = ["het Dorpshuis", "Theater De Schouw", "de bibliotheek", "café De Zwaan", "de sporthal", "buurthuis De Kreek"]
ROLES = ["de wethouder", "een woordvoerder van de gemeente", "een ouder", "de voorzitter van de MR",
         "een buurtbewoner", "de organisatie"]
DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
CATEGORIES = ["Onderwijs", "Regio", "Gemeente", "Sport", "Cultuur", "Verkeer", "Jongeren", "Economie", "Education"]

# {school} {staff} {town} {venue} {role} {day} {n}: filled per sentence. Non-ASCII letters and the euro
# sign are here on purpose: the HTML versions write them as named or numeric entities.
SCHOOL_SENTENCES = [
    "Leerlingen van {school} hebben {day} een café geopend in {venue}.",
    "{staff} begeleidde het project samen met vrijwilligers uit {town}.",
    "De opbrengst van ruim € {n} gaat naar een goed doel dat de leerlingen zelf kozen.",
    "Volgens {staff} is het een privé-initiatief van de klas, niet van de school.",
    "Op de open dag van {school} kwamen {n} ouders en kinderen kijken in de keuken en de kas.",
    "De coördinator sociale veiligheid legde uit hoe de school omgaat met pesten.",
    "Ouders reageerden positief op de ideeën van de leerlingenraad.",
    "Er komt een reünie voor oud-leerlingen van {school} in {venue}.",
    "Eén leerling vertelde dat ze dankzij de stage nu een baan heeft in {town}.",
    "{role} noemde de financiële steun van de gemeente \"hard nodig\".",
    "The students of {school} presented their garden project to visitors from {town}.",
    "{staff} said the school will share photos of the day on its website.",
]
NEWS_SENTENCES = [
    "De gemeenteraad van {town} praat {day}avond over de nieuwe fietsbrug.",
    "Volgens {role} kost het plan ruim € {n} duizend.",
    "Op de Dijkweg bij {town} is {day} een boom omgewaaid; de weg was {n} minuten dicht.",
    "In {venue} is een expositie over de geschiedenis van {town} te zien.",
    "De weekmarkt heeft een nieuwe kaaskraam met kaas uit de polder.",
    "\"Niemand heeft ons iets gevraagd\", zegt een inwoner van {town} over de plannen.",
    "De brandweer rukte {day} meerdere keren uit vanwege de storm.",
    "The council of {town} will decide on the new cycle bridge next month.",
    "Het KNMI verwacht voor het weekend regen en een matige wind.",
]
ALT_TEXTS = ["Leerlingen van De Zeehoek in de kas", "Het schoolplein in Westerveen", "Een volle zaal in het Dorpshuis",
             "Kaaskraam op de weekmarkt", "Boom over de Dijkweg", "Students working in the school garden"]

# The HTML forms of non-ASCII characters: named, decimal or hexadecimal entities, or the character itself.
ENTITIES = {
    "é": ["&eacute;", "&#233;", "&#xE9;"], "ë": ["&euml;", "&#235;"], "ö": ["&ouml;", "&#246;"],
    "ü": ["&uuml;", "&#252;"], "€": ["&euro;", "&#8364;", "&#x20AC;"], "É": ["&Eacute;", "&#201;"],
    "ı": ["&#305;", "&#x131;"],
}


def read_world(path):
    """School name and staff names from world.yaml (a plain scan: the stdlib has no YAML reader)."""
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError as error:
        sys.exit(f"make_corpus.py: {error} (pass --world PATH)")
    school = re.search(r"^school:\n(?:  .*\n)*?  name: (.+)$", text, re.M)
    staff = re.findall(r"^  - id: staff-\d+\n    name: (.+)$", text, re.M)
    if not school or not staff:
        sys.exit(f"make_corpus.py: no school or staff names found in {path}")
    return school.group(1).strip(), [name.strip() for name in staff]


class Writer:
    """One file's generator: its own seeded random source, so a file does not depend on the others."""

    def __init__(self, seed, number, school, staff):
        self.rng = random.Random(seed * 1_000_003 + number)
        self.number, self.school, self.staff = number, school, staff
        self.source = self.rng.choice(SOURCES)
        self.host = "https://" + re.sub(r"[^a-z]+", "-", self.source.lower()).strip("-") + ".example"
        self.when = BASE_TIME - datetime.timedelta(minutes=self.rng.randint(0, 6000))

    def sentence(self):
        rng = self.rng
        pool = SCHOOL_SENTENCES if rng.random() < 0.4 else NEWS_SENTENCES
        text = rng.choice(pool).format(
            school=rng.choice([self.school, "De Zeehoek", "PrO Zeehoek"]), staff=rng.choice(self.staff),
            town=rng.choice(TOWNS), venue=rng.choice(VENUES), role=rng.choice(ROLES), day=rng.choice(DAYS),
            n=rng.randint(3, 950))
        return text[0].upper() + text[1:]

    def paragraph(self):
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 5)))

    def entify(self, text):
        """HTML-escape text, writing each non-ASCII character as one of its entity forms (or as itself)."""
        out = escape(text, {'"': "&quot;"})
        for char, forms in ENTITIES.items():
            parts = out.split(char)
            out = parts[0] + "".join(self.rng.choice(forms + [char]) + part for part in parts[1:])
        return out

    def html(self, paragraphs, numeric_only=False):
        """An article body in HTML: paragraphs, a link, sometimes an image, a list or a quote.
        numeric_only keeps to character references that XML knows (for Atom xhtml content)."""
        rng, out = self.rng, []
        for i in range(paragraphs):
            text = self.paragraph()
            body = escape(text) if numeric_only else self.entify(text)
            if numeric_only:
                body = "".join(c if ord(c) < 128 or rng.random() < 0.5 else f"&#{ord(c)};" for c in body)
            out.append(f"<p>{body}</p>")
            roll = rng.random()
            if roll < 0.15:
                out.append(f'<p><img src="{self.host}/fotos/{rng.randint(1, 99999)}.jpg" '
                           f'alt="{escape(rng.choice(ALT_TEXTS))}" width="640" height="427"/></p>')
            elif roll < 0.22:
                out.append("<ul>" + "".join(f"<li>{escape(self.sentence())}</li>" for _ in range(3)) + "</ul>")
            elif roll < 0.27:
                out.append(f"<blockquote><p>{escape(self.sentence())}</p></blockquote>")
        out.append(f'<p><a href="{self.host}/nieuws/{rng.randint(1, 99999)}">Lees verder</a> &amp; reageer '
                   f'<strong>op de site</strong></p>')
        return "\n".join(out)

    def items_and_length(self):
        """How many items (5-200) and paragraphs each: summary feeds have many short items, full-text few long."""
        style = self.rng.random()
        if style < 0.35:
            return self.rng.randint(60, 200), (1, 2)
        if style < 0.75:
            return self.rng.randint(20, 80), (2, 6)
        return self.rng.randint(5, 25), (6, 18)

    def tick(self):
        self.when -= datetime.timedelta(minutes=self.rng.randint(5, 900))
        return self.when

    def title(self):
        words = self.sentence().rstrip(".").split()
        return " ".join(words[: self.rng.randint(5, 10)])

    def rss20(self, count, length):
        rng = self.rng
        out = ['<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
               'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
               'xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n',
               f"<title>{escape(self.source)}</title>\n<link>{self.host}/</link>\n",
               f'<atom:link href="{self.host}/feed.xml" rel="self" type="application/rss+xml"/>\n',
               f"<description>Nieuws uit de regio &#8211; {escape(rng.choice(TOWNS))}</description>\n",
               f"<language>nl-NL</language>\n<lastBuildDate>{rfc822(self.when)}</lastBuildDate>\n"]
        for i in range(count):
            link = f"{self.host}/nieuws/{self.number}/{i}"
            html = self.html(rng.randint(*length))
            parts = [f"<item>\n<title>{escape(self.title())}</title>\n<link>{link}</link>\n",
                     f'<guid isPermaLink="false">{self.host}/id/{self.number}-{i}</guid>\n',
                     f"<pubDate>{rfc822(self.tick())}</pubDate>\n<dc:creator><![CDATA[{rng.choice(self.staff)}]]></dc:creator>\n"]
            parts += [f"<category>{c}</category>\n" for c in rng.sample(CATEGORIES, rng.randint(1, 3))]
            summary = self.paragraph()
            # Description: plain text, or escaped HTML (entities then appear as &amp;eacute; in the XML).
            parts.append(f"<description>{escape(summary) if rng.random() < 0.5 else escape(self.html(1))}</description>\n")
            if rng.random() < 0.7:
                parts.append(f"<content:encoded><![CDATA[{html}]]></content:encoded>\n")
            media = rng.random()
            if media < 0.2:
                parts.append(f'<enclosure url="{self.host}/audio/{self.number}-{i}.mp3" length="{rng.randint(10**5, 10**7)}" type="audio/mpeg"/>\n')
            elif media < 0.45:
                parts.append(f'<media:content url="{self.host}/fotos/{self.number}-{i}.jpg" medium="image" type="image/jpeg" width="1200" height="800">'
                             f"<media:title>{escape(rng.choice(ALT_TEXTS))}</media:title></media:content>\n"
                             f'<media:thumbnail url="{self.host}/fotos/{self.number}-{i}-klein.jpg" width="150" height="100"/>\n')
            elif media < 0.6:
                parts.append("<media:group>\n" + "".join(
                    f'<media:content url="{self.host}/video/{self.number}-{i}-{q}.mp4" type="video/mp4" medium="video" height="{q}"/>\n'
                    for q in (360, 720, 1080)) + f"<media:description>{escape(self.sentence())}</media:description>\n</media:group>\n")
            out.append("".join(parts) + "</item>\n")
        out.append("</channel>\n</rss>\n")
        return "".join(out)

    def atom(self, count, length):
        rng = self.rng
        feed_base = rng.random() < 0.3  # xml:base on the feed: its links are then relative
        out = ['<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl"'
               + (f' xml:base="{self.host}/nieuws/"' if feed_base else "") + ">\n",
               f'<title type="text">{escape(self.source)}</title>\n<id>tag:{self.host[8:]},2026:feed</id>\n',
               f'<link rel="alternate" type="text/html" href="{self.host}/"/>\n<link rel="self" href="{self.host}/atom.xml"/>\n',
               f"<updated>{self.when.isoformat()}</updated>\n<author><name>Redactie {escape(self.source)}</name></author>\n"]
        for i in range(count):
            entry_base = not feed_base and rng.random() < 0.2
            href = f"{i}.html" if feed_base or entry_base else f"{self.host}/nieuws/{self.number}/{i}.html"
            updated = self.tick()
            base = f" xml:base={quoteattr(self.host + '/nieuws/' + str(self.number) + '/')}" if entry_base else ""
            parts = [f"<entry{base}>\n",
                     f'<title type="html">{escape(self.entify(self.title()))}</title>\n' if rng.random() < 0.3 else
                     f"<title>{escape(self.title())}</title>\n",
                     f"<id>tag:{self.host[8:]},2026:{self.number}-{i}</id>\n",
                     f'<link rel="alternate" type="text/html" href="{href}"/>\n',
                     f"<published>{(updated - datetime.timedelta(hours=1)).isoformat()}</published>\n<updated>{updated.isoformat()}</updated>\n"]
            for name in rng.sample(self.staff, rng.randint(1, 2)):
                parts.append(f"<author><name>{escape(name)}</name><uri>{self.host}/auteurs/{rng.randint(1, 40)}</uri></author>\n")
            parts += [f'<category term="{c.lower()}" label="{c}"/>\n' for c in rng.sample(CATEGORIES, rng.randint(1, 3))]
            if rng.random() < 0.2:
                parts.append(f'<link rel="enclosure" type="image/jpeg" length="{rng.randint(10**4, 10**6)}" href="{self.host}/fotos/{i}.jpg"/>\n')
            parts.append(f'<summary type="text">{escape(self.paragraph())}</summary>\n')
            kind = rng.random()
            if kind < 0.5:
                parts.append(f'<content type="html">{escape(self.html(rng.randint(*length)))}</content>\n')
            elif kind < 0.8:
                parts.append('<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">\n'
                             f"{self.html(rng.randint(*length), numeric_only=True)}\n</div></content>\n")
            else:
                text = "\n\n".join(self.paragraph() for _ in range(rng.randint(*length)))
                parts.append(f'<content type="text">{escape(text)}</content>\n')
            out.append("".join(parts) + "</entry>\n")
        out.append("</feed>\n")
        return "".join(out)

    def rss10(self, count, length):
        rng = self.rng
        links = [f"{self.host}/nieuws/{self.number}/{i}" for i in range(count)]
        out = ['<?xml version="1.0" encoding="UTF-8"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
               'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
               'xmlns:content="http://purl.org/rss/1.0/modules/content/">\n',
               f'<channel rdf:about="{self.host}/rdf">\n<title>{escape(self.source)}</title>\n<link>{self.host}/</link>\n',
               f"<description>Berichten uit {escape(rng.choice(TOWNS))}</description>\n<dc:language>nl</dc:language>\n",
               "<items><rdf:Seq>\n" + "".join(f'<rdf:li rdf:resource="{link}"/>\n' for link in links) + "</rdf:Seq></items>\n</channel>\n"]
        for link in links:
            parts = [f'<item rdf:about="{link}">\n<title>{escape(self.title())}</title>\n<link>{link}</link>\n',
                     f"<description>{escape(self.paragraph())}</description>\n",
                     f"<dc:creator>{escape(rng.choice(self.staff))}</dc:creator>\n<dc:date>{self.tick().isoformat()}</dc:date>\n",
                     f"<dc:subject>{rng.choice(CATEGORIES)}</dc:subject>\n"]
            if rng.random() < 0.6:
                parts.append(f"<content:encoded><![CDATA[{self.html(rng.randint(*length))}]]></content:encoded>\n")
            out.append("".join(parts) + "</item>\n")
        out.append("</rdf:RDF>\n")
        return "".join(out)

    def jsonfeed(self, count, length):
        rng = self.rng
        feed = {"version": "https://jsonfeed.org/version/1.1", "title": self.source, "home_page_url": self.host + "/",
                "feed_url": self.host + "/feed.json", "description": "Nieuws uit de regio", "language": "nl-NL",
                "authors": [{"name": "Redactie " + self.source, "url": self.host + "/redactie"}], "items": []}
        for i in range(count):
            when = self.tick()
            item = {"id": f"{self.host}/id/{self.number}-{i}", "url": f"{self.host}/nieuws/{self.number}/{i}",
                    "title": self.title(), "summary": self.paragraph(), "date_published": when.isoformat(),
                    "date_modified": (when + datetime.timedelta(minutes=30)).isoformat(),
                    "authors": [{"name": rng.choice(self.staff)}], "tags": rng.sample(CATEGORIES, rng.randint(1, 3))}
            if rng.random() < 0.75:
                item["content_html"] = self.html(rng.randint(*length))
            else:
                item["content_text"] = "\n\n".join(self.paragraph() for _ in range(rng.randint(*length)))
            if rng.random() < 0.3:
                item["image"] = f"{self.host}/fotos/{self.number}-{i}.jpg"
                item["attachments"] = [{"url": f"{self.host}/audio/{self.number}-{i}.mp3", "mime_type": "audio/mpeg",
                                        "size_in_bytes": rng.randint(10**5, 10**7)}]
            feed["items"].append(item)
        return json.dumps(feed, ensure_ascii=rng.random() < 0.3, indent=1) + "\n"  # some use \u00e9 escapes

    def write(self):
        """(format, text, items): the format by weight, and a file of roughly 50-300 KB."""
        rng = self.rng
        fmt = rng.choices([f for f, _ in FORMATS], [w for _, w in FORMATS])[0]
        count, length = self.items_and_length()
        target = rng.randint(50_000, 300_000)
        for _ in range(5):  # rescale the item count (5-200) until the file is 50-300 KB
            state = (rng.getstate(), self.when)
            text = getattr(self, fmt)(count, length)
            size = len(text.encode())
            wanted = max(5, min(200, round(count * target / size)))
            if 50_000 <= size <= 300_000 or wanted == count:
                break
            rng.setstate(state[0])
            self.when = state[1]
            count = wanted
        return fmt, text, count

def rfc822(when):
    return when.strftime("%a, %d %b %Y %H:%M:%S %z")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description="Write a deterministic feed corpus for the parse benchmark.")
    parser.add_argument("outdir")
    parser.add_argument("--mb", type=float, default=60, help="at least this many MB (10^6 bytes) in all")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--world", default=os.path.join(here, "..", "..", "..", "shared", "data", "world.yaml"))
    args = parser.parse_args()
    school, staff = read_world(args.world)
    os.makedirs(args.outdir, exist_ok=True)
    files, total, number = [], 0, 0
    while total < args.mb * 1e6:
        fmt, text, items = Writer(args.seed, number, school, staff).write()
        name = f"feed-{number:04d}.{'json' if fmt == 'jsonfeed' else 'xml'}"
        data = text.encode("utf-8")
        with open(os.path.join(args.outdir, name), "wb") as f:
            f.write(data)
        files.append({"name": name, "format": fmt, "bytes": len(data), "items": items})
        total += len(data)
        number += 1
    per_format = {fmt: {"files": sum(f["format"] == fmt for f in files),
                        "bytes": sum(f["bytes"] for f in files if f["format"] == fmt),
                        "items": sum(f["items"] for f in files if f["format"] == fmt)} for fmt, _ in FORMATS}
    xml = [f for f in files if f["format"] != "jsonfeed"]
    manifest = {"seed": args.seed, "files": len(files), "bytes": total, "items": sum(f["items"] for f in files),
                "xml_files": len(xml), "xml_bytes": sum(f["bytes"] for f in xml), "xml_items": sum(f["items"] for f in xml),
                "json_items": per_format["jsonfeed"]["items"],
                "per_format": per_format, "file_list": files}
    json_files = [f for f in files if f["format"] == "jsonfeed"]
    for list_name, chosen in (("files-all.txt", files), ("files-xml.txt", xml), ("files-json.txt", json_files)):
        with open(os.path.join(args.outdir, list_name), "w") as f:
            f.write("".join(entry["name"] + "\n" for entry in chosen))
    # manifest.json last: run.sh takes its presence to mean the corpus is complete.
    with open(os.path.join(args.outdir, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")
    summary = ", ".join(f"{k} {v['files']} files/{v['items']} items" for k, v in per_format.items())
    print(f"make_corpus: {len(files)} files, {total / 1e6:.1f} MB, {manifest['items']} items ({summary}) -> {args.outdir}")

if __name__ == "__main__":
    main()
