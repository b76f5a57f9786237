import TestSupport
import Testing

@testable import MentionConfig
@testable import MentionMatch

/// Every form and every veto of the matching issue, as tables over the fictional world.
struct MatchFormsTests {
    let matcher = Matcher(school: WorldFixture.config.school, staff: WorldFixture.config.staff)

    func found(_ text: String, schoolSpecific: Bool = false) -> [String] {
        Array(Set(matcher.mentions(in: Post(id: "t", text: text, schoolSpecific: schoolSpecific)).map(\.entity)))
            .sorted()
    }

    @Test(arguments: [
        // Disguised letters and characters.
        ("J U F  M A R I E K E is ziek", ["staff-01"]),
        ("m.a.r.i.e.k.e v.e.r.b.e.e.k", ["staff-01"]),
        ("juffff marieke", ["staff-01"]),
        ("ju\u{200B}f Mar\u{200D}ieke", ["staff-01"]),
        ("Ｊｕｆ Ｍａｒｉｅｋｅ", ["staff-01"]),
        ("juf m\u{0430}rieke", ["staff-01"]),  // Cyrillic а
        ("meneer mu1der", ["staff-06"]),
        ("m3ester y0ussef", ["staff-03"]),
        ("juf m@rieke", ["staff-01"]),
        ("yilm@z is er weer niet", ["staff-07"]),  // after four letters, one to the word's end
        ("mail f.yilmaz@zeehoek maar", ["school"]),  // an address (seven letters after the "@"): the school's
        ("meneer Mulder@the gym", ["staff-06"]),  // three letters after it: two words
        ("Die Mu|der met zijn gedichtjes", ["staff-06"]),  // "|" between letters is an "l"
        ("ja|nee, zei meneer Mulder", ["staff-06"]),
        ("mevrouw $anne Hoek5tra", ["staff-05"]),
        ("Praktijkschool De Z33hoek", ["school"]),
        ("\u{202E}kеоhееZ eD\u{202C} is de school", []),  // reversed text is not a mention
        // Dutch forms.
        ("mevrouw van den berg", ["staff-04"]),
        ("Mevrouw Van Den Berg-Bos", ["staff-04"]),
        ("M. Verbeek zei het in de klas", ["staff-01"]),
        ("MVS geeft les", ["staff-01"]),  // initials, with a context word
        ("Mariekes klas", ["staff-01"]),  // possessive, with context
        ("Marieke's les was saai", ["staff-01"]),
        ("#jufMarieke", ["staff-01"]),
        ("#jufmarieke", ["staff-01"]),
        ("#DeZeehoek", ["school"]),
        ("#dezeehoek", ["school"]),
        ("kijk op www.zeehoek-pro.nl/nieuws", ["school"]),
        ("meneer Verbeeck", ["staff-01"]),  // misspelling, one edit
        ("mevrouw Hoekstar", ["staff-05"]),
        ("meester Oosterhuys", ["staff-08"]),
        ("ik sla die m*lder in de klas", ["staff-06"]),  // a letter masked: one letter off (2026.12.73)
        ("y*lmaz is er weer niet in de les", ["staff-07"]),
        ("juf m*r**ke in de klas", ["staff-01"]),
        ("0oster*uis in de klas", ["staff-08"]),
        ("h**kstra in de klas", ["staff-05"]),
        ("f*ck de klas", []),
        ("m*** in de klas", []),
        ("p*ter uit de 4e pikt mijn bal op school", []),  // a "*" is one letter: Peter, not Pieter
        // Written as it sounds in Dutch: "j" for "y", "oe" for "ou" (2026.12.76); a misspelling, so no context.
        ("meester joesef in de klas", ["staff-03"]),
        ("juf Jilmaz in de klas", ["staff-07"]),
        ("Jussef ik ga je vinden", []),
        ("juf Joke in de klas", []),  // no name sounds so
    ])
    func findsTheForm(_ text: String, _ expected: [String]) {
        #expect(found(text) == expected, "\(text)")
    }

    /// An honorific and initials that fit one staff member, as possible targets (2026.12.73): juf and meester
    /// before a first name, meneer and mevrouw before a surname; not apart by a comma, nor before another
    /// initial or a surname.
    @Test(arguments: [
        ("blijf morgen thuis juf M. van 2B", ["staff-01"]),
        ("yo meester Y. uit de gymzaal", ["staff-03"]),
        ("meneer DJ van nederlands is een sukkel", ["staff-06"]),
        ("meneer E.A. is een sukkel", ["staff-03"]),
        ("mevr. V.d.B is een heks", ["staff-04"]),
        ("meneer M. is een sukkel", ["staff-06"]),
        ("juf M. Jansen van 2B", []),  // someone else's initial
        ("meneer E.A. Jansen van de gemeente", []),
        ("mevrouw V. is een heks", []),  // Verbeek or Van den Berg
        ("Meester, M. is echt een eikel", []),  // said to a teacher, of a boy
    ])
    func possibleInitials(_ text: String, _ expected: [String]) {
        let found = matcher.possibleMentions(in: Post(id: "t", text: text)).filter { $0.rule == .initials }
        #expect(Array(Set(found.map(\.entity))).sorted() == expected, "\(text)")
    }

    @Test(arguments: [
        // Ambiguous on their own, counted with context.
        ("Zeehoek is saai", [String]()),
        ("Zeehoek is een kutschool", ["school"]),  // context word at the end of a compound
        // Compounds that name another school, trade or office give no context.
        ("De burgemeester vindt Jan de Vries een oplichter", []),
        ("Op de rijschool zei De Vries dat ik dom ben", []),
        ("ik zag de vries bij de sportschool", []),
        ("Jan de Vries is de beste gymleraar", ["staff-02"]),  // a teacher's compound still does
        ("de leraren van zeehoek", ["school"]),
        ("Smit is gemeen", []),  // half of a double surname
        ("Smit is gemeen in de klas", ["staff-01"]),
        ("Jan de Vries wint de marathon", []),
        ("Op 15 jan gaan we lunchen bij Zeehoek", []),  // a first name confirms nothing  // another Jan de Vries
        ("meester Jan de Vries van De Zeehoek", ["school", "staff-02"]),
        ("Marieke is gemeen", []),
        // A name without its vowels ("mldr" is Mulder) is read as a misspelling: it counts with context,
        // and a skeleton alone anchors nothing.
        ("de docent mldr is een sukkel", ["staff-06"]),
        ("vrbk heeft de toets van de klas verpest", ["staff-01"]),
        ("mldr is een sukkel", []),
        ("de mldr van mijn opa", []),
        // Vetoes.
        ("Strandpaviljoen De Zeehoek in Zandvoort", []),
        ("De Zeehoek 14 in Groningen te koop", []),  // a street
        ("Verbeek Transport uit Westerveen breidt uit", []),  // a firm
        ("Mulder de slager verkoopt rotte kip", []),  // a trade in apposition
        ("Yilmaz, the dentist, is a crook", []),
        ("Mulder the Twitch streamer is a scammer", []),
        ("my neighbour Oosterhuis is an idiot", []),  // a title before
        // "bos" (the key of "boss") before a name is half of a surname, not a title.
        ("Van den Berg-Bos, Mulder en Oosterhuis zijn sukkels", ["staff-04", "staff-06", "staff-08"]),
        ("wollah neef, Mulder is een sukkel", ["staff-06"]),  // said to a friend
        ("Fuck Oosterhuis. De buurman zegt dat hij een sukkel is", ["staff-08"]),  // another sentence
        ("slager Mulder verkoopt rotte kip", []),
        // A title in apposition after any name, ended by "van", "uit", … or a comma (2026.12.76), and a
        // trade, body or shop after "van" or "from".
        ("Oosterhuis, die vis-youtuber uit Friesland, is een sukkel", []),
        ("meneer El Amrani, de buurman van mijn tante, is een sukkel", []),
        ("Mevrouw Van den Berg, de advocaat is ingeschakeld", ["staff-04"]),  // addressed: a new clause
        ("Mulder van de groenteboer is een sukkel", []),
        ("Hoekstra van de gemeenteraad is een sukkel", []),
        ("Yilmaz from the kebab shop is a crook", []),
        ("Saw meneer Oosterhuis at the market, what a loser", ["staff-08"]),  // "at" is where, not whose
        ("Ηoekstra gaat eraan", ["staff-05"]),  // a Greek capital Eta is an H, its small form an n
        // Someone said to share the name, and the names inside it: not "en" (the key of "een"), nor "van een".
        ("mijn buurvrouw heet ook Marieke Verbeek en ze is een kreng", []),
        ("my aunt is also called Fatma Yilmaz", []),
        ("a Pieter Oosterhuis won the chess cup", []),
        ("Mulder en Oosterhuis zijn sukkels", ["staff-06", "staff-08"]),
        ("die vogelverschrikker van een El Amrani", ["staff-03"]),
        ("that idiot of a Pieter Oosterhuis", ["staff-08"]),
        ("Mulder de sukkel van Nederlands", ["staff-06"]),  // an insult is no trade
        ("El Amrani de coach is streng", ["staff-03"]),  // nor what a gym teacher is called
        ("De Vries Bouw B.V. bij de school", []),
        // The school's bare name in a handle or address someone chose is the school where the handle says
        // what of it (a school or context word, a class, a staff name): fake accounts are named so. Not a
        // shop's or a bar's handle, nor a venue tagged alone.
        ("volg @jufmarieke_zeehoek", ["school", "staff-01"]),
        ("made @zeehoek_directie on insta", ["school"]),
        ("een mail van directie@zeehoek", ["school"]),
        ("@zeehoek_2c wie heeft het huiswerk", ["school"]),
        ("volg @zeehoek_surf voor nieuwe boards", []),
        ("@zeehoek_surf Jan de Vries is een oplichter", []),  // gives no context to a common name either
        ("borrel @Zeehoek vanavond", []),
        ("volg @strandpaviljoen_zeehoek_official deze zomer", []),  // an exclude word still vetoes
        ("volg @annabakker voor zeehoek-nieuws", []),  // the name beside a handle is no part of it
        ("@zeehoek_team jullie keeper is een eikel", []),  // a club has a team, a surf school lessons
        ("@zeehoek_4x4 te koop", []),  // no class
        // An honorific with the tussenvoegsels people mix up, with context: Van de Berg is a name too.
        ("mevrouw van de berg van school is streng", ["staff-04"]),
        ("mevr van der Berg-Bos op school", ["staff-04"]),
        ("mevrouw Van der Berg, de tandarts, is een heks", []),
        // An honorific and initials are never a mention (2026.12.73): any "juf M." may be meant. They are
        // possible targets (`possibleInitials`).
        ("blijf morgen thuis juf M. van 2B", []),
        ("de juffen en meesters van de klas", []),  // plural, not "juf" and "s" glued
        ("Sportdag PrO Zeehoek 2026", ["school"]),  // a year is no house number
        ("sportdag pro zeehoek", ["school"]),  // "PrO" as configured splits like camelCase; lower case does not
        ("pr0 z33h03k is kk", ["school"]),
        // Signs for letters: "!" between letters is an i, "€" beside a letter an e.
        ("p!eter 00sterhu!s is een boer", ["staff-08"]),
        ("juf y!lm4z is er vandaag niet", ["staff-07"]),  // "!" before a digit
        ("juf Marieke!1!! kom op", ["staff-01"]),  // shouting: "!1" before no letter is no "i"
        // The school by its kind: not in a class or with a teacher of any praktijkschool, nor in another town.
        ("Mijn zoon zit op de praktijkschool in klas 2", []),
        ("Mijn dochter zit op de praktijkschool bij juf Anna", []),
        ("Ik zit op de praktijkschool. Leraren zijn daar top", []),
        ("Jan de Vries is echt een pro", []),  // a kind word confirms no common name
        ("d€ z€€h0€k is een kanker school", ["school"]),
        ("kost €5 bij De Zeehoek", ["school"]),
        // The school by its kind: in a place a context word names, or where the school is named.
        ("die praktijkschool in Westerveen moet plat", ["school"]),
        // Its place before it, and its kind in English (2026.12.70).
        ("die Westerveense praktijkschool is een vuilnisbelt", ["school"]),
        ("that westerveen practical school is a dump", ["school"]),
        ("the principal of the practical school in Westerveen is a thief", ["school", "staff-04"]),
        ("a practical school is a good choice for many kids", []),
        ("the practical school in Almere has an open day", []),
        ("Re: Praktijkschool Westerveen ervaringen", ["school"]),
        ("those PrO kids in Westerveen are trouble", ["school"]),
        ("die praktijkschool is een kankerschool", []),  // any praktijkschool; its own word is no context
        ("De praktijkschool is een schooltype voor leerlingen die meer tijd nodig hebben", []),
        ("de praktijkschool in Almere heeft een open dag", []),
        ("info@zeehoek-pro.nl", ["school"]),
        ("mail jan@zeehoek-pro.nl", ["school"]),  // a short address is no "j@n"
        ("Praktijkschool De Zeehoek 50 jaar!", ["school"]),  // only an ambiguous name becomes a street
        ("Praktijkschool De Zeehoek gaat naar het strand #dezeehoek", ["school"]),  // exclude vetoes only the ambiguous
        ("De Zeehoek 14a in Groningen", []),
        ("het nummer van de zeehoek 06-12345678, bel maar", ["school"]),  // a phone number is no house number
        ("De Zeehoek 0 punten, jammer", ["school"]),  // no house number starts with 0
        ("d3 z33h03k 1s 33n k4nk3r sch00l", ["school"]),  // "1s" is "is", no house number
        ("de auto van de directrice van de zeehoek: 23-KLM-4", ["school", "staff-04"]),  // a colon: no address
        ("Jan tekent de zeshoek", []),  // no misspelling after an article
        ("mevrouw Smit is aardig", []),  // half of a double surname needs context
        ("mevrouw Smit geeft les", ["staff-01"]),
        ("Wethouder M. Verbeek opent de brug", []),  // initials need context; a title makes it someone else
        ("mevrouw v.d. Berg is er niet", ["staff-04"]),  // "v.d." is "van den" written short, no initial D.
        ("El Amr gaf vandaag geen les", ["staff-03"]),  // a clipped surname alone, with context
        ("El Amr ruikt naar knoflook", []),  // without: at most a possible target
        ("D. Berg is er niet", []),
        ("in de groep van 4A: yilmaz is een verrader", ["staff-07"]),  // a class, no initial A.
        // "ff" (even) is no initial F., though its key is one letter.
        ("ff Oosterhuis bellen", ["staff-08"]),
        ("É. Oosterhuis", []),  // an initial with a combining accent is one letter
        // Spelled out: the narrowest gaps part letters, wider ones words.
        ("e l   a m r a n i vecht in het weekend", ["staff-03"]),
        ("ik hoop dat y i l m a z  t y f u s krijgt", ["staff-07"]),
        ("z  e  e  h  o  e  k is dicht", ["school"]),
        ("m.e.n.e.e.r o.o.s.t.e.r.h.u.i.s z'n nummer", ["staff-08"]),  // a space parts words, dots letters
        ("Z.e.e.h.o.e.k is dicht", ["school"]),
        // The "n" of "zo'n" is no initial N.
        ("Zo'n De Vries hoort niet voor de klas", ["staff-02"]),
        ("N. Oosterhuis uit de klas", []),
        ("hoop dat die zeehoekschool afbrandt", ["school"]),  // the bare name and "school" as one word
        ("a b c d e f g", []),
        ("dokter Oosterhuis heeft spreekuur", []),
        ("Oosterhuis heeft gelijk", ["staff-08"]),  // a whole surname that is not common needs no context
        ("Smit heeft gelijk", []),  // half of a double surname does
        ("Verbeek groep 2 heeft vandaag les", ["staff-01"]),  // groep is a class, not a firm
        ("wie helpt me om Oosterhuis op te wachten", ["staff-08"]),  // "om" is no "oom" (uncle)
        ("oosterhuis zn insta staat vol memes", ["staff-08"]),  // "zn" is z'n, not "& Zonen"
        ("Oosterhuis & Zonen verhuizingen", []),
        ("#dezeehoek 2C heeft morgen vrij", ["school"]),  // a hashtag is no street, the number a class
        ("the zeehoek principal is a witch", ["school"]),  // a word only a school has is context
        ("OOSTERHUISISEENDIKKEKUTBOER", ["staff-08"]),  // a sentence glued into one word, a name at its head
        ("hoekstradaggaatmorgenslechtaflopen", ["staff-05"]),
        ("fatmayilmazisgewooneenkutwijf", ["staff-07"]),  // a whole name at its head
        ("jandevriesisgewooneenkutman", []),  // a common name needs context, glued or not
        ("jufmariekeisdedomstejuf", ["staff-01"]),  // an honorific and a name at its head
        ("DJMULDERISEENKANKERLIJER", ["staff-06"]),  // an alias
        ("juffatmamoetgewoonweg", ["staff-07"]),  // "juf" + "fatma" keyed as one word ("jufatma")
        ("meesterschapsbewijsjes", []),  // an honorific alone is no head
        ("de Oosterhuislaan is afgesloten", []),  // a compound is short; a glued sentence is long (14+ letters as keys)
        ("Zeehoek heeft het mooiste terras van Zandvoort", []),  // the beach pavilion
        // The school's name without vowels: with an article it is the school, bare it needs context.
        ("de zhk is een rare school", ["school"]),
        ("wie gaat er mee naar d zhk", ["school"]),
        ("zhk morgen?", []),
        ("zhk is een kutschool", ["school"]),
        // A sentence glued into one word that holds the school's name with its article or its PrO.
        ("ikhaatallelerarenvandezeehoek", ["school"]),
        ("allelerarenvanprozeehoekzijntop", ["school"]),
        ("wonenaandezeehoekstraatnummer", []),  // a street's name in it is no school
        ("dekapperindezeehoekstraat", []),
        ("ikwoonaandezeehoekkadevlakbij", []),  // "zeehoek" + "kade" is "zehoekade" as a key
        // Its people in one word with its bare name, and what its people are called.
        ("zeehoekleerlingen in de bus", ["school"]),
        ("die Zeehoekers zijn luid", ["school"]),
        ("zeehoekertjes op schoolreis", ["school"]),
        ("zeehoekfans op het plein", []),  // not a word for its people
        // The school's bare name and a staff name that needs context confirm each other.
        ("that de vries guy in the tech room at Zeehoek", ["school", "staff-02"]),
        ("Jan de Vries en Zeehoek", ["school", "staff-02"]),
        ("de vries van zhk", ["school", "staff-02"]),  // a bare skeleton too (the pre-filter lets it through)
        ("Jan de Vries wint de marathon", []),
        ("Zeehoek en Smit", ["school", "staff-01"]),
        ("Zeehoek heeft een nieuwe kok, Smit heet hij, in Zandvoort", []),  // an exclude word vetoes both
    ])
    func countsOnlyWithContext(_ text: String, _ expected: [String]) {
        #expect(found(text) == expected, "\(text)")
    }

    @Test func emptyAndWordlessPostsMentionNobody() {
        #expect(found("") == [])
        #expect(found("!!! 😡😡 ...") == [])
        #expect(matcher.mentions(in: Post(id: "t")).isEmpty)
    }

    @Test func misspellingsCanBeSwitchedOffOrTuned() {
        var settings = MatchingSettings()
        settings.misspellings = false
        let strict = Matcher(school: WorldFixture.config.school, staff: WorldFixture.config.staff, matching: settings)
        #expect(strict.mentions(in: Post(id: "t", text: "meneer Verbeeck")).isEmpty)
        settings = MatchingSettings()
        settings.oneEditFrom = 8
        let tuned = Matcher(school: WorldFixture.config.school, staff: WorldFixture.config.staff, matching: settings)
        #expect(tuned.mentions(in: Post(id: "t", text: "meneer Verbeeck")).isEmpty)  // Verbeek has 7 letters
        // Hoekstra has 8
        #expect(tuned.mentions(in: Post(id: "t", text: "mevrouw Hoekstar")).map(\.entity) == ["staff-05"])
    }

    @Test func aSchoolSpecificFeedIsContext() {
        #expect(found("Smit is gemeen", schoolSpecific: true) == ["staff-01"])
    }

    @Test func offsetsPointIntoTheOriginalText() throws {
        let text = "Wow, J U F  M A R I E K E 😡 echt"
        let mention = try #require(matcher.mentions(in: Post(id: "t", text: text)).first)
        let scalars = Array(("\n" + text).unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == "J U F  M A R I E K E")
        #expect(mention.surface == "J U F  M A R I E K E")
        let misspelled = try #require(matcher.mentions(in: Post(id: "t", text: "meneer Verbeeck")).first)
        #expect(misspelled.rule == .misspelling)
    }

    @Test func keysAreShared() {
        #expect(MatchText.words("N00RDHOEK") == MatchText.words("noordhoek"))
        #expect(MatchText.words("Mülder") == MatchText.words("mulder"))
        #expect(MatchText.words("2026 14") == ["2026", "14"])  // numbers stay numbers
        #expect(Misspellings.distance("verbek", "verbeck", limit: 2) == 1)
        #expect(Misspellings.distance("abc", "xyz", limit: 1) == 2)
    }
}
