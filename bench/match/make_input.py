#!/usr/bin/env python3
"""Make the name-matching benchmark's input: a mentionwatch config with many staff and a big posts file.

Usage: python3 bench/match/make_input.py OUTDIR [--names 10000] [--mb 100] [--seed 1]

Writes
  OUTDIR/feeds.yaml   a valid config: the school block of Sources/mentionwatch/Demo/school.yaml,
                      NAMES staff `{ id: staff-00001, name: ... }` (tussenvoegsels, double surnames,
                      ~5% `common_name: true`), one feed, storage and alerts.
  OUTDIR/posts.txt    at least MB megabytes (10^6 bytes) of social-media posts, one a line, Dutch and
                      some English; ~10% mention a staff member or the school (full name,
                      juf/meester/meneer/mevrouw + first name or surname, #jufMarieke hashtags, a few %
                      leetspeak or other disguises, a few % misspelt).
  OUTDIR/manifest.json  counts (written last: its presence means the input is complete).

Everyone is fictional: names are random combinations from the lists below, the school is the
fictional Praktijkschool De Zeehoek in Westerveen. Deterministic: same arguments, same bytes
(one random.Random(seed), no hash-order dependence). Python stdlib only.
"""
import argparse
import json
import os
import random

FIRST = """Marieke Sanne Anouk Femke Lotte Eva Iris Lieke Noor Fleur Roos Esther Ingrid Ilse Karin Monique
Petra Wendy Linda Mirjam Hanneke Janneke Marloes Mirthe Sietske Tineke Wietske Annemiek Yvonne Bianca Kim
Jolien Nicole Saskia Miriam Chantal Ellen Astrid Brenda Dewi Priya Fatma Ayşe Naima Samira Leila Yasmina Chloë
Zoë Noëlle Jan Pieter Kees Dirk Bram Joris Sander Thijs Ruben Wouter Bas Jeroen Maarten Niels Sjoerd Tjeerd
Gert Henk Geert Arjen Erik Martijn Rutger Stijn Koen Luuk Daan Jesse Tim Mark Frank Robin Dennis Rik Wim
Youssef Mohamed Mehmet Ahmet Karim Rachid Omar Bilal Hamza Emre Kevin Remco Ronald Marcel Ferdinand Jelle
Siebe Hidde Auke Wiebe Jurre Floris Olivier Hugo Dirk-Jan Jan-Willem Anne-Marie Marie-José""".split()
SURNAMES = """Verbeek Smit Jansen Bakker Visser Meijer Mulder Bos Vos Peters Hendriks Dekker Brouwer Dijkstra
Kok Jacobs Vermeulen Hoekstra Koster Prins Huisman Post Kuiper Veenstra Schouten Willems Timmermans Groen
Boer Kramer Wijnands Blom Koning Sanders Gerritsen Oosterhuis Zwart Postma Hoogland Maas Verhoeven Scholten
Kuipers Haverkamp Wolters Roelofs Evers Westra Jonker Molenaar Schipper Terpstra Nijhuis Bosman Stam Hofman
Lammers Wouters Rietveld Pauw Kroon Ploeg Wiersma Boersma Hoekman Nijland Veldman Everts Claassen Lindeman
Bruinsma Zijlstra Hiemstra Kloosterman Stegeman Haan Laan Veldhuis Koopman Ruiter Beekman Heijnen Bouwman
Aalbers Tuinstra Hazelaar Vlasblom Noordhoek Oudeman Yılmaz Demir Kaya Öztürk Amrani Bouzid Tahiri Benali
Ramdin Soekhoe Tjon Wong Nguyen Pranoto Hartono Wibowo Kartosen""".split()
# Surnames that come with a tussenvoegsel ("Ingrid van den Berg"); the tussenvoegsel is part of the name.
TUSSEN = ["van", "van den", "van der", "de", "den", "ter", "van de", "in 't", "van 't"]
TUSSEN_SURNAMES = """Berg Vries Wit Jong Graaf Leeuw Ridder Brink Heuvel Linden Meer Wal Veen Bosch Horst Dam
Beek Velde Haar Kamp Wiel Steen Laar Weerd Zande Hoeven Maat Veld Akker Poel Bosch""".split()

TOWNS = ["Westerveen", "Oosterwolde", "Dijkhuizen", "Noordmeer", "Zuiderhaven", "Brakel aan Zee", "Kampendal"]
SCHOOL_FORMS = ["Praktijkschool De Zeehoek", "De Zeehoek", "de zeehoek", "PrO Zeehoek", "Praktijkschool Zeehoek",
                "#dezeehoek", "#prozeehoek", "#DeZeehoek", "@prozeehoek", "zeehoek-pro.nl", "de Zeehoek in Westerveen"]

# Ordinary posts: Dutch (mostly) and English templates; {t} is a town, {n} a number, {w} a filler word.
NL = [
    "Wat een weer vandaag in {t}, {w} regen en {n} graden",
    "Iemand nog kaartjes voor zaterdag? Ik zoek er {n} {w}",
    "Bus {n} rijdt weer niet, lekker dan {w} #ns #{t}",
    "Net terug van de markt in {t}, {w} verse aardbeien voor {n} euro",
    "Wie heeft mijn fiets gezien bij het station van {t}? Zwart, {w} mand voorop",
    "Morgen eerste training van het seizoen, om {n} uur bij het sportpark {w}",
    "Huiswerk af en nu netflix, {w} tot morgen",
    "Gemeenteraad {t} stemt vanavond over de nieuwe rotonde {w}",
    "Lol die hond van de buren blaft al {n} minuten {w}",
    "Pfff maandag weer, {w} koffie nodig",
    "Vandaag {n} km gefietst langs de dijk bij {t}, {w} mooi",
    "Wie gaat er mee naar de kermis in {t}? {w}",
    "Stage gevonden bij een garage in {t}, begin over {n} weken {w}",
    "Mijn broertje heeft {n} nieuwe pokemonkaarten, {w} jaloers",
    "File op de A7 bij {t}, {n} minuten vertraging {w}",
    "Die nieuwe snackbar in {t} is echt {w} goed, patat voor {n} euro",
    "Kan iemand mij helpen met wiskunde hoofdstuk {n}? {w}",
    "Oma wordt {n} vandaag, taart {w}",
    "Zwembad {t} dicht wegens onderhoud tot week {n} {w}",
    "Haha kijk dit filmpje nou {w} 😂😂",
    "Het waait echt hard in {t}, windkracht {n} {w}",
    "Bijbaantje bij de Albert Heijn, {n} uur per week {w}",
    "Ik ben zo moe, {n} uur geslapen {w} 😴",
    "Vanavond voetbal kijken met {w} vrienden, {n}-0 voorspelling",
]
EN = [
    "Anyone know a good pizza place in {t}? {w}",
    "Can't believe it's {n} degrees in November {w}",
    "Just finished level {n}, so {w} hard lol",
    "Traffic near {t} is insane today, {n} minutes late {w}",
    "New phone who dis {w} 📱",
]
FILLER = ["echt", "heel", "best", "super", "zo", "wel", "nog", "gewoon", "really", "mega", "toch", "ff", "al", "weer"]
# Framing for mentions; {x} is the name form. Some carry school context words, some insults (as pupils write).
MENTION = [
    "{x} was vandaag weer streng in de les",
    "Zit bij {x} in de klas en het is saai {w}",
    "Wie heeft er ook {x} voor wiskunde?",
    "{x} heeft mijn telefoon afgepakt {w} 😡",
    "Bedankt {x} voor de mooie stage-dag!",
    "{x} is echt de beste mentor {w} ❤️",
    "Huh {x} is ziek? Eerste uur vrij {w}",
    "omg {x} zag me spieken",
    "Ik haat {x} echt {w} wat een sukkel",
    "{x} zet iedereen altijd eruit {w}",
    "Leuke excursie met {x} naar {t} vandaag",
    "Saw {x} at the supermarket lol {w}",
    "{x} gaf me een 4 voor mijn toets {w}",
    "Morgen mondeling bij {x}, spannend {w}",
]
SCHOOL_MENTION = [
    "Open dag bij {x} op zaterdag, welkom! #praktijkschool",
    "Lekker weer op het plein van {x} vandaag {w}",
    "{x} wint het voetbaltoernooi van {t}!",
    "Weer een ruzie bij {x} na schooltijd {w}",
    "Stagemarkt bij {x} in {t}, {n} bedrijven",
]
HONORIFICS_FIRST = ["juf", "meester", "Juf", "Meester", "JUF"]
HONORIFICS_LAST = ["meneer", "mevrouw", "mevr.", "dhr.", "Meneer", "Mevrouw"]
LEET = str.maketrans({"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"})
LOOKALIKE = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с"}  # Cyrillic letters that look Latin


def make_staff(count, rng):
    """`count` distinct fictional names; ~25% with a tussenvoegsel, ~12% a double surname."""
    staff, seen = [], set()
    while len(staff) < count:
        first = rng.choice(FIRST)
        roll = rng.random()
        if roll < 0.25:
            last = rng.choice(TUSSEN) + " " + rng.choice(TUSSEN_SURNAMES)
        elif roll < 0.37:
            a, b = rng.sample(SURNAMES, 2)
            last = a + "-" + b
        else:
            last = rng.choice(SURNAMES)
        name = first + " " + last
        if name in seen:
            continue
        seen.add(name)
        staff.append({"first": first, "last": last, "name": name, "common": rng.random() < 0.05})
    return staff


def surname_core(last):
    """The surname without tussenvoegsel, the way "mevrouw Van den Berg" / "meneer Berg" is written."""
    words = last.split()
    core = [w for w in words if w not in {"van", "den", "der", "de", "ter", "in", "'t", "el"}]
    return " ".join(core) or last


def misspell(word, rng):
    """One typo: a letter dropped, doubled, swapped with the next, or replaced by a neighbour vowel."""
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return word[:i] + word[i + 1:]
    if kind == 1:
        return word[:i] + word[i] + word[i:]
    if kind == 2:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    swap = {"a": "e", "e": "a", "i": "ie", "o": "oo", "u": "uu", "k": "ck", "ij": "y"}
    for old, new in swap.items():
        if old in word[1:]:
            return word[0] + word[1:].replace(old, new, 1)
    return word


def disguise(form, rng):
    """Leetspeak and the other tricks MatchText undoes: spelled out, dotted, look-alikes, zero-width."""
    kind = rng.randrange(5)
    if kind == 0:
        return form.lower().translate(LEET)
    if kind == 1:
        return " ".join(form.replace(" ", "").upper())
    if kind == 2:
        return ".".join(form.replace(" ", "").lower())
    if kind == 3:
        return "".join(LOOKALIKE.get(ch, ch) if rng.random() < 0.5 else ch for ch in form)
    return "\u200b".join(form[i:i + 2] for i in range(0, len(form), 2))


def name_form(person, rng):
    """One realistic way a pupil writes a staff member's name."""
    first, last = person["first"], person["last"]
    roll = rng.random()
    if roll < 0.25:
        form = person["name"]
    elif roll < 0.50:
        form = rng.choice(HONORIFICS_FIRST) + " " + first
    elif roll < 0.70:
        # Tussenvoegsel capitalised without first name ("mevrouw Van den Berg"), or just the core.
        t = last[0].upper() + last[1:] if rng.random() < 0.5 else surname_core(last)
        form = rng.choice(HONORIFICS_LAST) + " " + t
    elif roll < 0.85:
        form = "#" + rng.choice(["juf", "meester"]) + first.replace("-", "")
    elif roll < 0.93:
        form = "@" + first.lower().replace("-", "") + "_" + surname_core(last).lower().replace(" ", "")
    else:
        form = first[0] + ". " + surname_core(last)
    return form


def post(rng, staff, counts):
    fill = {"t": rng.choice(TOWNS), "n": rng.randrange(1, 100), "w": rng.choice(FILLER)}
    if rng.random() < 0.10:  # a mention
        counts["mention_posts"] += 1
        if rng.random() < 0.15:
            counts["school"] += 1
            return rng.choice(SCHOOL_MENTION).format(x=rng.choice(SCHOOL_FORMS), **fill)
        form = name_form(rng.choice(staff), rng)
        roll = rng.random()
        if roll < 0.04:
            counts["disguised"] += 1
            form = disguise(form, rng)
        elif roll < 0.08:
            counts["misspelt"] += 1
            words = form.split(" ")
            j = max(range(len(words)), key=lambda k: len(words[k]))
            words[j] = misspell(words[j], rng)
            form = " ".join(words)
        return rng.choice(MENTION).format(x=form, **fill)
    template = rng.choice(EN) if rng.random() < 0.12 else rng.choice(NL)
    text = template.format(**fill)
    # Longer posts now and then: two sentences.
    if rng.random() < 0.3:
        text += ". " + rng.choice(NL).format(t=rng.choice(TOWNS), n=rng.randrange(1, 100), w=rng.choice(FILLER))
    return text


def school_block():
    """The `school:` block of the demo config, copied verbatim (the shape mentionwatch expects)."""
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "..", "Sources", "mentionwatch", "Demo", "school.yaml")
    lines, inside = [], False
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("school:"):
                inside = True
            elif inside and line[:1] not in (" ", "\n"):
                break
            if inside:
                lines.append(line)
    return "".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir")
    ap.add_argument("--names", type=int, default=10000)
    ap.add_argument("--mb", type=float, default=100)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    rng = random.Random(args.seed)
    staff = make_staff(args.names, rng)

    with open(os.path.join(args.outdir, "feeds.yaml"), "w", encoding="utf-8") as f:
        f.write("# Generated by bench/match/make_input.py: fictional school and staff, for the match benchmark.\n")
        f.write(school_block())
        f.write('feeds:\n  - { id: x, url: "https://example.org/rss" }\nstaff:\n')
        for i, p in enumerate(staff, 1):
            extra = ", common_name: true" if p["common"] else ""
            f.write(f'  - {{ id: staff-{i:05d}, name: "{p["name"]}"{extra} }}\n')
        f.write('storage: { database: db.sqlite }\nalerts: { spool: "maildir:spool" }\n')

    counts = {"posts": 0, "bytes": 0, "mention_posts": 0, "school": 0, "disguised": 0, "misspelt": 0}
    target = int(args.mb * 1e6)
    with open(os.path.join(args.outdir, "posts.txt"), "w", encoding="utf-8", newline="\n") as f:
        while counts["bytes"] < target:
            # Newlines never occur in a post: the templates have none.
            line = post(rng, staff, counts) + "\n"
            f.write(line)
            counts["posts"] += 1
            counts["bytes"] += len(line.encode("utf-8"))
    counts["names"] = len(staff)
    counts["args"] = {"names": args.names, "mb": args.mb, "seed": args.seed}  # run.sh remakes the input when these change
    counts["common_names"] = sum(p["common"] for p in staff)
    with open(os.path.join(args.outdir, "manifest.json"), "w") as f:
        json.dump(counts, f, indent=1, sort_keys=True)
        f.write("\n")
    print(json.dumps(counts, sort_keys=True))


if __name__ == "__main__":
    main()
