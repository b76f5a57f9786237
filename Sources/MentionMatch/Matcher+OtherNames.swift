/// Words around a name that make it someone or something else: a firm ("Verbeek Transport"), a
/// title ("wethouder Mulder"), another place of the school's name ("lunchroom De Zeehoek"). Kept
/// as data apart from the matching logic that asks for them (`Matcher.fullPass`).
extension Matcher {
    /// Words that make a surname before them a firm's name: "Verbeek Transport", "De Vries Bouw B.V.".
    static let businessWords: Set<String> = Set(
        [
            "transport", "bouw", "bv", "holding", "installatie", "installaties", "installatietechniek", "makelaardij",
            "makelaars",
            "autobedrijf", "autos", "garage", "logistiek", "verhuizingen", "verhuur", "schilders", "schildersbedrijf",
            "loodgieters",
            "advocaten", "notarissen", "accountants", "administratie", "bakkerij", "slagerij", "kapsalon", "tandartsen",
            "fysiotherapie",
            "zonen", "vastgoed", "metaal", "hoveniers", "dakwerken", "elektro", "keukens", "meubelen",
        ].flatMap(MatchText.words))

    /// A firm's word or a title in apposition after a surname: the name is someone else's.
    /// `closed`: the title must end its phrase, before "van", "uit", "in" and the like or a comma:
    /// "meneer El Amrani, de buurman van mijn tante", not "Mevrouw Van den Berg, de advocaat is
    /// ingeschakeld" (she is addressed). For a name said with more than a surname.
    static func isFirmOrTitle(
        after index: Int, _ words: [String], _ tokens: [TextToken], _ scalars: [Unicode.Scalar], closed: Bool = false
    ) -> Bool {
        guard index < words.count else { return false }
        if businessWords.contains(words[index]) { return true }
        // "Mulder de slager", "Oosterhuis, de bakker", "Mulder the Twitch streamer": a title in apposition,
        // with only spaces or a comma before it ("Fuck Oosterhuis. De buurman zegt …" is another sentence).
        if index > 0, appositionOpeners.contains(words[index]),
            scalars[tokens[index - 1].end..<tokens[index].start].allSatisfy({ $0 == "," || $0.properties.isWhitespace })
        {
            if let title = ((index + 1)..<min(index + 3, words.count)).first(where: { appositions.contains(words[$0]) })
            {
                guard closed, title + 1 < words.count else { return true }
                return appositionClosers.contains(words[title + 1])
                    || scalars[tokens[title].end..<tokens[title + 1].start].contains(",")
            }
        }
        // "B.V." is split into "b" and "v".
        return index + 1 < words.count && words[index] == "b" && words[index + 1] == "v"
    }

    private static let appositionClosers: Set<String> = Set(
        ["van", "uit", "in", "te", "bij", "op", "from", "of", "at"].flatMap(MatchText.words))

    /// Before a title in apposition: "Mulder de slager", "Oosterhuis, die vis-youtuber uit Friesland",
    /// "Yilmaz, a dentist".
    static let appositionOpeners: Set<String> = Set(
        ["de", "het", "the", "die", "that", "een", "a", "an"].flatMap(MatchText.words))

    /// Kinds of place before the school's name that make it another place of that name: "lunchroom De
    /// Zeehoek", "camping De Zeehoek" ("de lunchroom van De Zeehoek" is still the school's).
    static let placeKinds: Set<String> = Set(
        [
            "lunchroom", "cafe", "eetcafe", "restaurant", "snackbar", "cafetaria", "strandtent", "strandpaviljoen",
            "paviljoen", "camping", "hotel", "pension", "jachthaven", "manege", "boerderij", "zorgboerderij",
            "vakantiepark", "bungalowpark", "winkel", "kapsalon", "bakkerij", "sportschool", "zwembad", "kinderopvang",
            "creche", "buurthuis", "wijkcentrum", "straat", "bar", "club", "speeltuin",
        ].flatMap(MatchText.words))

    /// Titles and initials that make a surname after them someone else: "wethouder Verbeek",
    /// "dokter Mulder", "M. Verbeek" (initials count as the staff member's only with context).
    static let otherTitles: Set<String> = Set(
        [
            "wethouder", "burgemeester", "dokter", "dr", "huisarts", "tandarts", "minister", "agent", "rechter",
            "notaris", "pastoor", "dominee", "trainer", "coach", "scheidsrechter", "raadslid", "kamerlid", "prof",
            "professor", "advocaat", "tante", "opa", "oma", "buurman", "buurvrouw", "familie", "fam",
            // Relatives, neighbours and trades: "mijn zwager Mulder", "my neighbour Oosterhuis", "slager Mulder".
            // Not "baas" or "boss" (keys "bas", "bos": half of a surname, "het bos"), "neef" (said to a
            // friend: "wollah neef, Mulder is …") or "nicht" (a slur as well).
            "zwager", "uncle", "aunt", "cousin", "neighbour", "neighbor", "mayor", "councillor", "doctor", "dentist",
        ].flatMap(MatchText.words)
    ).union(trades)
    /// After a surname with an article, a title says who the person is: "Mulder de slager", "Yilmaz,
    /// the dentist". Not "trainer" or "coach", which a gym teacher is called too.
    static let appositions: Set<String> = otherTitles.subtracting(["trainer", "coach"].flatMap(MatchText.words))
    /// Trades and callings no school's staff member is known by: "slager Mulder", "Mulder de slager",
    /// "Mulder the Twitch streamer". A title before a surname, or after it with an article.
    static let trades: Set<String> = Set(
        [
            "slager", "bakker", "kapper", "loodgieter", "schilder", "timmerman", "garagehouder", "visboer",
            "groenteboer", "kroegbaas", "streamer", "youtuber", "tiktokker", "influencer", "zanger",
            "voetballer", "politicus", "butcher", "baker", "plumber", "hairdresser", "barber", "singer",
            "footballer", "politician", "landlord", "huisbaas",
        ].flatMap(MatchText.words))
    // Not "rapper": its key is "raper".
    // Not "oom" (uncle): keys fold a doubled letter, so it would be "om", and "om Hoekstra op te wachten"
    // is no one else. Not "zn" among `businessWords` either: online it is "z'n" far more than "& Zn".

    /// `writtenAsOneLetter`: the word before is one letter as written (`isOneLetter`), an initial;
    /// "4A: Yilmaz" is a class, though its key is one letter ("4a" reads as "aa", a doubled letter once).
    /// One letter as written: "M", "4" for an A (leet), "É" also with a combining accent; not "4A".
    static func isOneLetter(_ written: ArraySlice<Unicode.Scalar>) -> Bool {
        written.count == 1
            || (written.filter(\.properties.isAlphabetic).count == 1
                && !written.contains { $0.properties.numericType != nil })
    }

    /// A token that may be an initial: one letter as written, and not the "n" or "t" of "zo'n", "'n" or
    /// "'t" ("Zo'n De Vries hoort niet voor de klas" is him).
    static func isInitial(_ token: TextToken, _ scalars: [Unicode.Scalar]) -> Bool {
        isOneLetter(scalars[token.start..<token.end])
            && !(token.start > 0 && ["'", "\u{2019}", "`"].contains(scalars[token.start - 1]))
    }

    /// Someone said to share the name: "mijn buurvrouw heet ook Marieke Verbeek", "also called Jan de
    /// Vries", and a full name after "a" or "another" ("a Pieter Oosterhuis, a retired bus driver").
    /// Not Dutch "een": its key is that of "en" ("De Vries en El Amrani"), and "die sukkel van een El
    /// Amrani" is him; nor "of a" for the same reason, nor "a juf Marieke".
    static func isNamesake(from: Int, to: Int, in words: [String]) -> Bool {
        guard from > 0 else { return false }
        let previous = words[from - 1]
        if from > 1, previous == alsoWords[0], namedWords.contains(words[from - 2]) { return true }
        if from > 1, namedWords.contains(previous), words[from - 2] == alsoWords[1] { return true }
        return to - from >= 2 && indefinite.contains(previous) && !honorificKeys.contains(words[from])
            && !(from > 1 && ofWords.contains(words[from - 2]))
    }
    private static let alsoWords = MatchText.words("ook also")
    private static let namedWords: Set<String> = Set(MatchText.words("heet heette heten called named"))
    private static let indefinite: Set<String> = Set(MatchText.words("a another"))
    private static let ofWords: Set<String> = Set(MatchText.words("of van"))

    static func isSomeoneElse(before index: Int, in words: [String], writtenAsOneLetter: Bool = true) -> Bool {
        guard index > 0 else { return false }
        let previous = words[index - 1]
        // "v.d. Berg" is "van den Berg" written short, not the initial D.
        let particle = previous == "d" && index > 1 && words[index - 2] == "v"
        return otherTitles.contains(previous)
            || (previous.count == 1 && previous.first?.isLetter == true && writtenAsOneLetter && !particle)
    }
}

extension Matcher {
    /// Words that tie a name to where its bearer belongs: "juf Marieke van De Duinpieper", "Mr Mulder from Lidl".
    /// Not "at": "Mulder at the market" is where he is ("Saw meneer Oosterhuis at the market").
    static let belongingWords: Set<String> = Set(["van", "from"].flatMap(MatchText.words))
    /// Capitalised words after "van" that still mean the school's own: a subject, a class, a year, or
    /// that say whose something is ("de foto's van het Facebook van haar zus").
    static let ownPlaces: Set<String> = {
        let classes = [
            "groep", "klas", "class", "year", "leerjaar", "jaar", "afdeling", "onderbouw", "bovenbouw", "stage",
        ]
        let platforms = [
            "facebook", "instagram", "insta", "tiktok", "snapchat", "snap", "whatsapp", "youtube", "twitter",
            "discord", "linkedin", "google", "marktplaats",
        ]
        let subjects: [String] =
            TargetWords.subjectWords.keys.flatMap { $0.split(separator: " ").map(String.init) }
            + TargetWords.subjectWords.values.joined() + ["engels", "frans", "duits", "geschiedenis", "biologie"]
        return Set((classes + platforms + subjects).flatMap(MatchText.words))
    }()
    /// Clubs and shops after "van de" that make the name someone else's ("van de supermarkt", "van VV …"),
    /// kinds of school written small ("van de mavo", "from uni") and lessons out of school ("van de zwemles").
    static let clubWords: Set<String> = Set(
        [
            "supermarkt", "fc", "vv", "sv", "mavo", "havo", "vwo", "vmbo", "mbo", "hbo", "roc", "lyceum", "gymnasium",
            "atheneum", "uni", "universiteit", "university", "zwemles", "dansles", "rijles", "pianoles", "gitaarles",
            "balletles", "judoles", "turnles", "paardrijles", "tennisles", "zangles",
        ].flatMap(MatchText.words))
    /// Where the writer belongs, after "van mijn", "from my": someone of the writer's own work, study or
    /// club ("Oosterhuis van mijn werk", "mr. Oosterhuis from my uni"); not "van mijn zoon", whose
    /// teacher may well be the school's. "from work" alone says the same.
    /// Not "stage" or "gym", which are the school's own too (`ownPlaces`).
    static let ownElsewhere: Set<String> = Set(
        [
            "werk", "work", "job", "kantoor", "office", "studie", "opleiding", "uni", "universiteit", "university",
            "college", "kerk", "church", "moskee", "mosque", "club", "voetbal", "football", "vereniging",
            "sportschool",
        ].flatMap(MatchText.words))
    /// Words for the writer's own, before such a place: "van mijn werk", "from my uni", "van m'n …".
    static let writersOwn: Set<String> = Set(["mijn", "m", "mn", "my", "ons", "onze", "our"].flatMap(MatchText.words))
    /// A former place of the writer's, before a school: "van mijn oude school", "from my old school".
    static let formerWords: Set<String> = Set(["vorige", "oude", "old", "former", "previous"].flatMap(MatchText.words))
    static let workWords: Set<String> = Set(["werk", "work"].flatMap(MatchText.words))
    /// What a club or firm's word ends in, the word itself included: "club", "caravanclub", "buurtvereniging",
    /// "hoveniersbedrijf" (as keys: "club" is "ciub").
    static let clubEndings = ["club", "vereniging", "bedrijf", "speelzaal", "opvang"].flatMap(MatchText.words)
    /// Bodies and shops whose people are no school's staff: "Hoekstra van de gemeenteraad", "Yilmaz from
    /// the kebab shop".
    static let institutions: Set<String> = Set(
        [
            "gemeenteraad", "gemeente", "provincie", "politie", "kerk", "moskee", "ziekenhuis", "council", "police",
            "church", "mosque", "hospital", "shop", "store", "pub", "bakery", "market", "salon", "factory", "fabriek",
        ].flatMap(MatchText.words))
    /// A compound that ends in "school" is another school ("de dansschool", "de basisschool"), unless
    /// it is the kind the watched school is: that one is `ownKinds`.
    static let schoolEnding = MatchText.words("school")[0]
    static let ownKinds: Set<String> = Set(["praktijkschool", "school"].flatMap(MatchText.words))

    /// A staff name followed by "van" or "from" and another proper name or a club: "juf Marieke van
    /// De Duinpieper", "El Amrani van Kustwijk FC", "meneer Mulder van de Jumbo". People share names,
    /// and the place they are said to belong to tells them apart. Not a surname's particles ("van
    /// den Berg"), not a subject or class ("van Nederlands", "van groep 8"), not an abbreviation
    /// alone ("van LO"), not the school (`schoolAt`: a school form starts at that word).
    static func belongsElsewhere(
        after index: Int, _ words: [String], _ tokens: [TextToken], _ scalars: [Unicode.Scalar],
        schoolAt: (Int) -> Bool
    ) -> Bool {
        guard index < words.count, belongingWords.contains(words[index]) else { return false }
        // "van mijn werk", "from my uni", "from work", "van m'n oude school".
        if index + 1 < words.count, workWords.contains(words[index + 1]) { return true }
        if index + 2 < words.count, writersOwn.contains(words[index + 1]) {
            // "m'n" is two words, "m" and "n".
            var place = words[index + 1] == "m" && words[index + 2] == "n" ? index + 3 : index + 2
            // "van mijn oude school" is another school, unless the school is named after it; "van m'n
            // vorige klas" is a class, the school's own.
            let former = place < words.count && formerWords.contains(words[place])
            if former { place += 1 }
            if place < words.count, !schoolAt(place + 1),
                ownElsewhere.contains(words[place])
                    || (words[place].hasSuffix(schoolEnding) && (former || !ownKinds.contains(words[place])))
            {
                return true
            }
        }
        var at = index + 1
        if at < words.count, ["de", "het", "t", "the"].contains(words[at]) { at += 1 }
        guard at < words.count, !schoolAt(index + 1), !schoolAt(at), !ownPlaces.contains(words[at]) else {
            return false
        }
        if ["der", "den", "ter", "ten"].contains(words[at]) { return false }
        if words[at].hasSuffix(schoolEnding), !ownKinds.contains(words[at]) { return true }
        // "van de slager", "van de gemeenteraad", "from the kebab shop": a club, a trade or a place of
        // another kind, also after one word ("the kebab shop").
        for word in words[at..<min(at + 2, words.count)]
        where clubWords.contains(word) || clubEndings.contains(where: word.hasSuffix) || businessWords.contains(word)
            || placeKinds.contains(word) || trades.contains(word) || institutions.contains(word)
        {
            return true
        }
        let written = scalars[tokens[at].start..<tokens[at].end]
        guard written.first?.properties.isUppercase == true else { return false }
        // "van LO", "van het MT": an abbreviation alone is a subject or a group; "VV Westerveen" is a club.
        let isAbbreviation = written.count <= 4 && written.allSatisfy { !$0.properties.isLowercase }
        if isAbbreviation {
            return at + 1 < words.count && !schoolAt(at + 1)
                && scalars[tokens[at + 1].start].properties.isUppercase
        }
        return true
    }
}

extension Matcher {
    /// Words between the school's name and a town: "De Zeehoek in Harlingen", "De Zeehoek te Almere".
    static let townWords: Set<String> = Set(["in", "te", "uit"].flatMap(MatchText.words))
    /// Capitalised words after those that are no town: articles, months, days, the country (classes,
    /// subjects and platforms are `ownPlaces`).
    static let notTowns: Set<String> = Set(
        [
            "de", "het", "the", "een", "a", "an", "nederland", "holland", "netherlands", "januari", "februari",
            "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december",
            "january", "february", "march", "may", "june", "july", "august", "october", "maandag", "dinsdag",
            "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday", "sunday",
        ].flatMap(MatchText.words))
    /// Street words written apart after the school's name: "de Zeehoek straat" is a street. Not "weg"
    /// ("ik blaas De Zeehoek weg") nor "road". Compared as written as well: the key of "laan" is also
    /// that of "LAN".
    static let streetWords: Set<String> = [
        "straat", "laan", "plein", "kade", "dijk", "singel", "gracht", "street", "lane",
    ]
    static let streetKeys: Set<String> = Set(streetWords.flatMap(MatchText.words))

    /// The school's name in another town or as a street: "aan de Zeehoek in Harlingen", "the Zeehoek in
    /// Almere", "die zeehoek straat": a place that shares the name. A town is a capitalised word after
    /// "in", "te" or "uit", with only spaces between (not "De Zeehoek in. Ik …", not inside a hashtag),
    /// that is not one of the school's own places (a `context` word written with a capital: "De
    /// Zeehoek in Westerveen" is the school), a class, subject or platform (`ownPlaces`), an
    /// abbreviation ("in PE"), or a name found there (`nameAt`: "in Mulder zijn klas"). The caller
    /// leaves hashtags and handles alone: "#prozeehoek in Harlingen" tags the school.
    static func isAnotherPlace(
        after index: Int, _ words: [String], _ tokens: [TextToken], _ scalars: [Unicode.Scalar],
        placeNames: [String: [[String]]], nameAt: (Int) -> Bool
    ) -> Bool {
        guard index < words.count, onlySpaces(before: index, tokens, scalars) else { return false }
        if streetKeys.contains(words[index]) {
            let written = String(String.UnicodeScalarView(scalars[tokens[index].start..<tokens[index].end]))
            return streetWords.contains(written.lowercased())
        }
        let at = index + 1
        guard townWords.contains(words[index]), at < words.count, onlySpaces(before: at, tokens, scalars) else {
            return false
        }
        let town = scalars[tokens[at].start..<tokens[at].end]
        let isAbbreviation = town.count <= 4 && town.allSatisfy { !$0.properties.isLowercase }
        guard town.first?.properties.isUppercase == true, !isAbbreviation, !notTowns.contains(words[at]),
            !ownPlaces.contains(words[at]), !nameAt(at)
        else { return false }
        return placeNames[words[at]]?.contains { matches($0, words, at: at) } != true
    }

    /// Whether only spaces stand between the token before `index` and it.
    static func onlySpaces(before index: Int, _ tokens: [TextToken], _ scalars: [Unicode.Scalar]) -> Bool {
        guard index > 0 else { return false }
        let between = scalars[tokens[index - 1].end..<tokens[index].start]
        return !between.isEmpty && between.allSatisfy(\.properties.isWhitespace)
    }
}

extension Matcher {
    /// Compounds that end in a context word but name another school, trade or office: "burgemeester",
    /// "sportschool" (a gym), "dansschool", "basisschool", "zwemleraar". Their tail says nothing about the
    /// watched school, so they give no context ("De burgemeester vindt Jan de Vries een oplichter").
    /// Matched as the end of a word too: "autorijschool".
    static let elsewhereCompounds: [String] = [
        "burgemeester", "penningmeester", "havenmeester", "ceremoniemeester", "grootmeester", "keurmeester",
        "vuurmeester", "stalmeester", "bouwmeester", "rijschool", "dansschool", "sportschool",
        "zwemschool", "muziekschool", "hondenschool", "balletschool", "boksschool", "voetbalschool", "basisschool",
        "hogeschool", "kleuterschool", "zondagsschool", "taalschool", "kookschool", "rijleraar", "zwemleraar",
        "dansleraar", "pianoleraar", "gitaarleraar", "yogaleraar", "skileraar", "rijdocent", "dansdocent",
        "yogadocent", "pianodocent", "zangdocent",
    ].flatMap(MatchText.words)

    static func isElsewhereCompound(_ word: String) -> Bool {
        elsewhereCompounds.contains { word.hasSuffix($0) }
    }
}
