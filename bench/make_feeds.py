#!/usr/bin/env python3
"""Write N deterministic RSS 2.0 feeds of regional Dutch-ish news for the poll benchmark.

Usage: python3 bench/make_feeds.py OUTDIR N ITEMS [--seed S]

Writes into OUTDIR (created if missing):
  feed-0000.xml ... feed-(N-1).xml  RSS 2.0, UTF-8, ITEMS items each (about 10-20 KB for 20 items)
  feeds.txt                         the feed file names, one a line (prefix them with the base URL)
  manifest.json                     what was generated: counts, and every item that mentions the
                                    school or its staff (guid, feed, entities,
                                    staff_name, category: insult, threat or null)

Everything is fictional: the school is Praktijkschool De Zeehoek in Westerveen and the staff are the
made-up people of shared/data/world.yaml (their names are checked against it when the file is there).
Other people appear only by role (de wethouder, een buurtbewoner), never by name.

About 2% of items mention the school or a staff member; about 15% of those also contain an insult
(kankerwijf, sukkel, idioot) or a threat ("ik maak hem af"). About 0.5% of items are hard
negatives: Strandpaviljoen De Zeehoek in Zandvoort, which is not the school. Each item has a guid
(isPermaLink="false"), title, link (http://127.0.0.1/...), pubDate and description; a third of the
descriptions are HTML in CDATA, a third escaped HTML, a third plain text.
Same arguments, same bytes: every feed has its own random generator seeded from S and its number.
"""
import argparse
import datetime
import json
import os
import random
import sys
from xml.sax.saxutils import escape

MENTION_RATE = 0.02    # share of items that mention the school or staff
ABUSE_RATE = 0.15      # share of those mentions that also insult or threaten
NEGATIVE_RATE = 0.005  # share of items about the beach pavilion of the same name (not the school)
BASE_TIME = datetime.datetime(2026, 11, 20, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=1)))

SCHOOL = "Praktijkschool De Zeehoek"
SCHOOL_FORMS = ["Praktijkschool De Zeehoek", "De Zeehoek in Westerveen", "PrO Zeehoek",
                "praktijkschool De Zeehoek", "de Zeehoek-school in Westerveen"]
SCHOOL_TAGS = ["#dezeehoek", "#prozeehoek", "@prozeehoek"]

# The staff of shared/data/world.yaml: (id, full name, male?, ways people write about them).
STAFF = [
    ("staff-01", "Marieke Verbeek-Smit", False, ["juf Marieke", "mevrouw Verbeek", "Marieke Verbeek-Smit"]),
    ("staff-02", "Jan de Vries", True, ["meester Jan", "meneer De Vries", "Jan de Vries"]),
    ("staff-03", "Youssef El Amrani", True, ["meester Youssef", "meneer El Amrani", "Youssef El Amrani"]),
    ("staff-04", "Ingrid van den Berg-Bos", False, ["mevrouw Van den Berg", "Ingrid van den Berg-Bos"]),
    ("staff-05", "Sanne Hoekstra", False, ["Sanne Hoekstra", "mevrouw Hoekstra"]),
    ("staff-06", "Dirk-Jan Mulder", True, ["Dirk-Jan Mulder", "DJ Mulder", "meneer Mulder"]),
    ("staff-07", "Fatma Yılmaz", False, ["Fatma Yılmaz", "mevrouw Yilmaz", "juf Fatma"]),
    ("staff-08", "Pieter Oosterhuis", True, ["meester Pieter", "meneer Oosterhuis", "Pieter Oosterhuis"]),
]

SOURCES = ["Westerveense Courant", "Dagblad Kust en Polder", "Omroep West-Kust", "Buurtblog Oosterwijk",
           "Nieuwsbode Dijkhuizen", "Regio Actueel", "Het Polderlicht", "Kreekdorp Nu",
           "Sportnieuws Regio West", "Forum Westerveen Praat Mee", "De Noordhavense Krant", "Weekblad De Brink"]
TOWNS = ["Westerveen", "Oosterwijk", "Dijkhuizen", "Noordhaven", "Kreekdorp", "Brinkhorst", "Polderend",
         "Zandplaat", "Heggewaard", "Molenbroek"]
ROADS = ["N57", "A44", "Provincialeweg", "Dijkweg", "Havenkade", "Molenstraat", "Kerkplein", "Stationsweg"]
CLUBS = ["VV Westerveen", "SV Oosterwijk '23", "HC Dijkhuizen", "Kreekdorp Boys", "ZVV Noordhaven",
         "Korfbalclub De Brink", "RKVV Heggewaard", "Atletiekvereniging Polderend"]
VENUES = ["het Dorpshuis", "Theater De Schouw", "de bibliotheek", "het Havenmuseum", "Café De Zwaan",
          "de sporthal aan de Molenstraat", "buurthuis De Kreek", "het gemeentehuis"]
ROLES = ["de wethouder", "een woordvoerder van de gemeente", "een buurtbewoner", "de voorzitter van de club",
         "een medewerker van de provincie", "de organisatie", "een omwonende", "de burgemeester"]
OTHER_SCHOOLS = ["het Kustlyceum", "basisschool De Regenboog", "het Polder College", "OBS De Vlinder",
                 "het Noordhaven Vakcollege"]
DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
SUBJECTS = ["de nieuwe fietsbrug", "het plan voor 120 woningen", "de sluiting van het zwembad", "de kermis",
            "de aanleg van glasvezel", "het parkeerbeleid in het centrum", "de renovatie van de haven",
            "de windmolens langs de dijk", "het nieuwe jongerencentrum", "de weekmarkt"]

NEWS = [  # (title, sentences): {x} slots filled from the lists above
    ("Gemeenteraad {town} stemt in met {subject}",
     ["De gemeenteraad van {town} heeft {day}avond ingestemd met {subject}.",
      "Volgens {role} is het besluit \"een belangrijke stap voor het dorp\".",
      "Niet iedereen is enthousiast: enkele partijen vrezen extra kosten van ruim {n} duizend euro.",
      "De uitvoering begint naar verwachting in het voorjaar.",
      "Inwoners kunnen hun ideeën nog tot eind volgende maand doorgeven."]),
    ("Ongeluk op de {road} bij {town}",
     ["Op de {road} bij {town} zijn {day}ochtend twee auto's met elkaar in botsing gekomen.",
      "Een bestuurder is met lichte verwondingen naar het ziekenhuis gebracht.",
      "De weg was ruim {n} minuten afgesloten.",
      "De politie onderzoekt hoe het ongeluk kon gebeuren en zoekt getuigen.",
      "Het is de derde aanrijding op deze plek dit jaar, zegt {role}."]),
    ("{club} wint met {a}-{b} van {club2}",
     ["{club} heeft {day} met {a}-{b} gewonnen van {club2}.",
      "In de eerste helft ging het gelijk op, daarna nam de thuisploeg het initiatief.",
      "De trainer was na afloop tevreden over de inzet van zijn spelers.",
      "Volgende week speelt de club uit in {town}.",
      "Ruim {n} supporters zagen de wedstrijd langs de lijn."]),
    ("Expositie over de geschiedenis van {town} in {venue}",
     ["In {venue} is vanaf {day} een tentoonstelling te zien over de geschiedenis van {town}.",
      "Oude foto's, kaarten en verhalen van bewoners laten zien hoe het dorp veranderde.",
      "Volgens {role} hebben meer dan {n} mensen iets bijgedragen.",
      "De toegang is gratis; de expositie loopt tot het einde van het jaar.",
      "Voor kinderen is er een speurtocht met een kleine prijs."]),
    ("Storm zorgt voor overlast in {town}",
     ["Door de harde wind zijn in {town} en omgeving {n} bomen omgewaaid.",
      "De brandweer rukte {day} meerdere keren uit.",
      "Op de {road} lag een tijd lang een boom over de weg.",
      "Het KNMI verwacht dat de wind vanavond afneemt.",
      "{role} vraagt inwoners schade te melden via de website."]),
    ("Leerlingen van {other} halen geld op voor goed doel",
     ["Leerlingen van {other} in {town} hebben {day} ruim {n}0 euro opgehaald.",
      "Ze verkochten zelfgebakken koekjes en hielden een sponsorloop.",
      "Het geld gaat naar de voedselbank in de regio.",
      "De docenten zijn trots op hun leerlingen, laat de school weten.",
      "Volgend jaar willen ze de actie herhalen."]),
    ("Nieuwe ondernemer op de weekmarkt van {town}",
     ["Op de weekmarkt van {town} staat sinds {day} een nieuwe kaaskraam.",
      "De eigenaar verkoopt kaas van boerderijen uit de polder.",
      "Volgens {role} is de markt de laatste tijd weer drukker.",
      "Er zijn nog {n} plekken vrij voor nieuwe kramen.",
      "De markt is elke week van negen tot één uur."]),
    ("Discussie op het forum: {subject}",
     ["Op het forum wordt flink gediscussieerd over {subject}.",
      "Sommige bewoners vinden het een goed idee, anderen zijn fel tegen.",
      "\"Niemand heeft ons iets gevraagd\", schrijft een inwoner van {town}.",
      "{role} heeft beloofd binnenkort een informatieavond te houden in {venue}.",
      "Het onderwerp staat ook op de agenda van de raad."]),
]

MENTIONS = [  # neutral or positive news about the school: {school}, {staff}, {tag}
    ("Open dag bij {school} trekt veel bezoekers",
     ["Bij {school} kwamen {day} ruim {n} ouders en kinderen kijken op de open dag.",
      "Leerlingen lieten zien wat ze leren in de keuken, de werkplaats en de kas.",
      "{staff} gaf rondleidingen en beantwoordde vragen van ouders.",
      "Op sociale media deelden bezoekers foto's met {tag}."]),
    ("Leerlingen {school} bouwen bankjes voor het dorpsplein",
     ["Leerlingen van {school} hebben bankjes gebouwd voor het plein in {town}.",
      "{staff} begeleidde het project samen met vrijwilligers uit de buurt.",
      "De gemeente betaalde het hout; de leerlingen deden de rest.",
      "\"Ze hebben hier echt iets moois neergezet\", zegt {role}."]),
    ("Compliment voor {staff}",
     ["Een ouder schrijft op het forum een compliment voor {staff} van {school}.",
      "\"Mijn zoon gaat sinds dit jaar weer met plezier naar school.\"",
      "Meer ouders sluiten zich aan bij de reacties onder het bericht.",
      "Ook onder {tag} verschenen lovende berichten."]),
    ("Stage bij lokale bedrijven voor leerlingen {school}",
     ["Twintig leerlingen van {school} lopen deze maand stage bij bedrijven in {town}.",
      "{staff} zoekt ieder jaar samen met de leerlingen een passende plek.",
      "Bedrijven zijn positief: vorig jaar kregen {n} stagiairs een baan aangeboden.",
      "De school hoopt meer bedrijven te vinden via {tag}."]),
]

ABUSE = [  # a mention plus an insult or a threat; {staff} is a form of the person's name
    ("insult", "female", "Reactie op: {school}", "{staff} van {school} is echt een kankerwijf, mijn dochter wordt daar nooit serieus genomen."),
    ("insult", "any", "Wat een school", "Die {staff} van {school} is een sukkel, snapt helemaal niks van onze kinderen."),
    ("insult", "any", "Ervaringen met {school}?", "{staff} is een idioot. Echt, haal je kind weg bij {school}."),
    ("threat", "male", "Ik ben er klaar mee", "Als {staff} van {school} mijn broertje nog één keer straf geeft, ik maak hem af."),
]

NEGATIVE = ("Strandpaviljoen De Zeehoek in Zandvoort opent nieuw terras",
            ["Strandpaviljoen De Zeehoek in Zandvoort heeft een nieuw terras met uitzicht op zee.",
             "De eigenaar verwacht deze zomer veel strandgasten.",
             "Het paviljoen is het hele jaar open, behalve in januari."])

HTML_WRAPS = ["<p>{}</p>", "<p><strong>{}</strong></p>", "<p>{}</p>", "<p><em>{}</em></p>"]


def slots(rng, extra):
    """The slot values of one item: its title and sentences tell one story."""
    club, club2 = rng.sample(CLUBS, 2)
    values = {
        "town": rng.choice(TOWNS), "road": rng.choice(ROADS), "club": club, "club2": club2,
        "venue": rng.choice(VENUES), "role": rng.choice(ROLES), "other": rng.choice(OTHER_SCHOOLS),
        "day": rng.choice(DAYS), "subject": rng.choice(SUBJECTS),
        "n": rng.randint(3, 250), "a": rng.randint(0, 5), "b": rng.randint(0, 4),
    }
    values.update(extra)
    return values


def fill(text, values):
    text = text.format(**values)
    return text[0].upper() + text[1:]


def description(rng, sentences, link):
    """Plain text, escaped HTML or HTML in CDATA: the body of <description>."""
    style = rng.randrange(3)
    if style == 0:
        return escape(" ".join(sentences))
    paras = [rng.choice(HTML_WRAPS).format(escape(s)) for s in sentences]
    paras.append(f'<p><a href="{link}">Lees verder</a> &amp; reageer</p>')
    html = "\n".join(paras)
    if style == 1:
        return escape(html)
    return "<![CDATA[" + html + "]]>"


def make_item(rng, feed_no, item_no, when, stats):
    guid = f"urn:mentionwatch-bench:feed-{feed_no:04d}:item-{item_no:04d}"
    link = f"http://127.0.0.1/nieuws/feed-{feed_no:04d}/item-{item_no:04d}.html"
    roll = rng.random()
    truth = None
    if roll < MENTION_RATE:
        staff = rng.choice(STAFF)
        extra = {"school": rng.choice(SCHOOL_FORMS), "tag": rng.choice(SCHOOL_TAGS), "staff": rng.choice(staff[3])}
        if rng.random() < ABUSE_RATE:
            category, who, title, text = rng.choice(ABUSE)
            if who != "any" and staff[2] != (who == "male"):
                staff = rng.choice([s for s in STAFF if s[2] == (who == "male")])
                extra["staff"] = rng.choice(staff[3])
            values = slots(rng, extra)
            sentences = [fill(text, values), fill(rng.choice(NEWS[7][1][1:]), values)]
            title = fill(title, values)
        else:
            category = None
            title, body = rng.choice(MENTIONS)
            values = slots(rng, extra)
            sentences = [fill(s, values) for s in body]
            title = fill(title, values)
        # Every mention template names both the school and one staff member.
        truth = {"guid": guid, "feed": f"feed-{feed_no:04d}.xml", "entities": ["school", staff[0]],
                 "staff_name": staff[1], "category": category}
    elif roll < MENTION_RATE + NEGATIVE_RATE:
        title, sentences = NEGATIVE
        stats["negatives"] += 1
    else:
        title, body = rng.choice(NEWS)
        values = slots(rng, {})
        sentences = [fill(s, values) for s in body[: rng.randint(3, len(body))]]
        title = fill(title, values)
    item = (
        "  <item>\n"
        f"   <guid isPermaLink=\"false\">{guid}</guid>\n"
        f"   <title>{escape(title)}</title>\n"
        f"   <link>{link}</link>\n"
        f"   <pubDate>{when.strftime('%a, %d %b %Y %H:%M:%S %z')}</pubDate>\n"
        f"   <description>{description(rng, sentences, link)}</description>\n"
        "  </item>\n"
    )
    return item, truth


def make_feed(seed, feed_no, items, stats, truths):
    rng = random.Random(seed * 1_000_003 + feed_no)
    source = rng.choice(SOURCES)
    town = rng.choice(TOWNS)
    when = BASE_TIME - datetime.timedelta(minutes=rng.randint(0, 600))
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        '<rss version="2.0">\n <channel>\n',
        f"  <title>{escape(source)} – {town} (bron {feed_no:04d})</title>\n",
        f"  <link>http://127.0.0.1/nieuws/feed-{feed_no:04d}/</link>\n",
        f"  <description>Nieuws uit {town} en omgeving</description>\n",
        "  <language>nl</language>\n",
        f"  <lastBuildDate>{when.strftime('%a, %d %b %Y %H:%M:%S %z')}</lastBuildDate>\n",
    ]
    for item_no in range(items):  # newest first, as feeds usually are
        text, truth = make_item(rng, feed_no, item_no, when, stats)
        out.append(text)
        if truth:
            truths.append(truth)
        when -= datetime.timedelta(minutes=rng.randint(5, 900))
    out.append(" </channel>\n</rss>\n")
    return "".join(out).encode("utf-8")


def check_world(path):
    """Every staff name used here must be a name in world.yaml (when the file is there)."""
    if not os.path.exists(path):
        return
    with open(path, encoding="utf-8") as f:
        world = f.read()
    missing = [name for _, name, _, _ in STAFF if f"name: {name}" not in world]
    if missing or f"name: {SCHOOL}" not in world:
        sys.exit(f"make_feeds.py: not in {path}: {', '.join(missing) or SCHOOL}")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description="Write N deterministic RSS 2.0 feeds for the poll benchmark.")
    parser.add_argument("outdir")
    parser.add_argument("n", type=int, help="number of feeds")
    parser.add_argument("items", type=int, help="items per feed")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--world", default=os.path.join(here, "..", "..", "shared", "data", "world.yaml"),
                        help="world.yaml to check the staff names against (skipped when missing)")
    args = parser.parse_args()
    if args.n < 1 or args.n > 10000 or args.items < 1:
        parser.error("N must be 1..10000 and ITEMS at least 1")
    check_world(args.world)
    os.makedirs(args.outdir, exist_ok=True)
    stats = {"negatives": 0}
    truths = []
    names = []
    total = 0
    for feed_no in range(args.n):
        body = make_feed(args.seed, feed_no, args.items, stats, truths)
        name = f"feed-{feed_no:04d}.xml"
        with open(os.path.join(args.outdir, name), "wb") as f:
            f.write(body)
        names.append(name)
        total += len(body)
    with open(os.path.join(args.outdir, "feeds.txt"), "w") as f:
        f.write("\n".join(names) + "\n")
    flagged = [t for t in truths if t["category"]]
    manifest = {
        "seed": args.seed, "feeds": args.n, "items_per_feed": args.items, "items": args.n * args.items,
        "bytes": total, "mentions": len(truths), "flagged": len(flagged),
        "insults": sum(t["category"] == "insult" for t in truths),
        "threats": sum(t["category"] == "threat" for t in truths),
        "hard_negatives": stats["negatives"], "mention_items": truths,
    }
    with open(os.path.join(args.outdir, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"make_feeds: {args.n} feeds x {args.items} items = {args.n * args.items} items, "
          f"{total / 1e6:.1f} MB, {len(truths)} mentions ({len(flagged)} with insult or threat), "
          f"{stats['negatives']} hard negatives -> {args.outdir}")


if __name__ == "__main__":
    main()
