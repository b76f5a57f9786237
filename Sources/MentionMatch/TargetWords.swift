/// The words for targets beyond one name: the school's staff as a group, and what people call a
/// configured role. Kept as data in one place, because a school's people are written about as
/// "de leraren daar" or "de gymleraar" as often as by name, and which words those are is a matter of
/// usage, not of logic: add words here, and a case to `TargetFormsTests`. `TargetForms` reads them.
/// Every word is compared as a match key (`MatchText`), like the names.
enum TargetWords {
    /// The staff of a school as a group, one unnamed teacher of it, and its pupils.
    static let groups = [
        "leraren", "leraressen", "lerarenkamer", "lerarenteam", "docenten", "docentenkamer", "docententeam",
        "leerkrachten", "juffen", "juffrouwen", "meesters", "mt", "managementteam", "directie", "schooldirectie",
        "schoolleiding", "personeel", "schoolpersoneel", "staf", "teamleiders", "mentoren",
        "teachers", "staff", "staffroom", "management", "faculty",
        // One unnamed teacher of the school is one of its staff ("die leraar van De Zeehoek").
        "leraar", "lerares", "docent", "docente", "leerkracht", "teacher", "juf", "juffrouw", "meester",
        // Its pupils: abuse aimed at them counts as at the school (corpus/LABELS.md).
        "leerlingen", "scholieren", "kinderen", "kids", "jongeren", "pupils", "students",
    ]
    /// The school itself without its name, after one of `schoolDemonstratives`: "die school", "deze
    /// kutschool", "that school" (`TargetForms.Kind.institution`). Any school may be meant, so only a
    /// possible target, and only where no school is named.
    static let schoolItself = [
        "school", "schooltje", "kutschool", "rotschool", "kankerschool", "klereschool", "teringschool",
        "tyfusschool", "kloteschool", "pauperschool", "schoolgebouw",
    ]
    /// Before `schoolItself`: one school pointed at, not "de school" (anyone's) or "onze school".
    static let schoolDemonstratives = ["die", "deze", "dat", "jullie", "that", "this", "your"]
    /// Whole phrases for the people of a place named before: they need no article.
    static let groupPhrases = [
        "iedereen die daar werkt", "iedereen die er werkt", "iedereen die daar lesgeeft", "iedereen daar",
        "everyone who works there", "everybody who works there", "everyone there",
    ]
    /// Before a group: it is a definite group ("het MT", "al die leraren"); "leraren" alone are anyone's.
    static let groupDeterminers = [
        "de", "het", "die", "deze", "dat", "alle", "al", "onze", "jullie", "elke", "iedere", "ieder",
        "the", "those", "these", "that", "all", "our", "your", "every", "each",
    ]
    /// Before a role: an article or a pupil's possessive ("de gymleraar", "mijn mentor").
    static let roleDeterminers = ["de", "die", "deze", "onze", "mijn", "jullie", "the", "that", "our", "my", "your"]
    /// Words before a group or role that make it another one than the school's own now: "de vorige
    /// directrice", "the other gym teacher". Any other adjective keeps it ("die vette directrice").
    static let notTheSame = [
        "andere", "ander", "vorige", "oude", "vroegere", "voormalige", "toenmalige", "volgende", "toekomstige",
        "vervangende", "tijdelijke", "waarnemende", "invallende", "ex", "other", "former", "previous", "old", "last",
        "next", "future", "substitute", "temporary", "acting", "interim",
    ]
    /// English adjectives without a telling ending, seen before a role in abuse ("that fat gym teacher").
    static let shortAdjectives = [
        "fat", "new", "big", "dumb", "weird", "rude", "lame", "bald", "mean", "vile", "evil", "sick", "mad", "bad",
        "sad", "fake",
    ]
    /// After a group or role: the one at the place named before ("de leraren daar").
    static let there = ["daar", "there", "aldaar"]
    /// Before a place: "van De Zeehoek"; before any other place the group or role is not the school's.
    static let placeWords = ["van", "op", "bij", "aan", "at", "of", "from"]
    /// The school without its name, after a place word: "de leraren van die school".
    static let institution = [
        "school", "de school", "die school", "deze school", "jullie school", "onze school", "die tent", "daar",
        "jullie",  // "die gymleraar van jullie": said to the school's own people
        "the school", "that school", "our school", "your school",
    ]

    /// School context whatever `school.context` says: words only a school has ("the zeehoek principal",
    /// "zeehoek teachers"). Not the plain business words of `groups` ("staff", "management", "MT").
    static let schoolContext = [
        "teacher", "teachers", "principal", "headteacher", "headmaster", "headmistress", "pupil", "pupils",
        "leerkracht", "leerkrachten", "lerares", "leraressen", "juffen", "meesters", "mentoren", "directrice",
        "schooldirecteur", "schooldirectrice", "lerarenkamer", "docentenkamer", "schoolplein", "schoolleiding",
        "schooldirectie", "staffroom", "gymles", "gymleraar",
    ]
    /// The school's people, right after its bare name: "Zeehoek-kinderen", "Zeehoek kids", "Zeehoek-docenten".
    static let schoolPeople = [
        "kinderen", "kids", "kid", "leerlingen", "leerling", "scholieren", "jongeren", "jongens", "meiden",
        "pubers", "tieners", "brats", "brat", "pupils", "students", "leraren", "docenten", "teachers", "juffen",
        "meesters", "personeel", "staff",
    ]
    /// After the school's bare name in one word, its people: "Zeehoekers", "zeehoekertjes" (Dutch
    /// names a place's people so when the name ends in a consonant).
    static let demonymEndings = ["er", "ers", "ertje", "ertjes"]
    /// Before the school's bare name, they make it the one meant: "die Zeehoek", "that Zeehoek".
    static let demonstratives = ["die", "deze", "dat", "that", "this"]
    /// Between a demonstrative and the bare name, the whole of it or a curse: "die hele Zeehoek", "die
    /// k@nker Zeehoek", "that shitty zeehoek". Only these: "die gezellige Zeehoek" may be the beach
    /// pavilion, and "this stage" or "that gym" are ordinary words before anything.
    static let beforeBareName = [
        "hele", "whole", "kanker", "kk", "kkr", "kut", "klote", "tering", "tyfus", "pleuris", "kolere", "klere",
        "pokke", "takke", "stomme", "rotte", "kankere", "fucking", "fking", "shitty", "damn", "bloody",
    ]
    /// Words for a teacher: a role "docent SUBJECT" is also "leraar SUBJECT", "SUBJECTleraar", "SUBJECT teacher".
    static let teacherWords = ["docent", "docente", "leraar", "lerares", "juf", "meester", "teacher"]
    /// Words for someone that name a teacher only with a subject joined by "van", "of" or "from" ("die
    /// gast van groen", "that guy from tech"): pupils' words for a teacher. Not "man" or "vrouw": "de
    /// vrouw van Groen" is someone's wife.
    static let personWords = ["gast", "vent", "kerel", "gozer", "wijf", "guy", "dude", "lady", "one"]
    /// Other words for a configured role (`staff[].role`, its bracketed part left out).
    static let roleWords: [String: [String]] = [
        "directeur": [
            "directrice", "schooldirecteur", "schooldirectrice", "director", "principal", "headteacher", "head teacher",
            "headmaster", "headmistress",
        ],
        "directrice": ["directeur", "schooldirectrice", "principal", "headteacher", "headmistress"],
        "mentor": ["mentrix", "mentorjuf"],
        "coordinator sociale veiligheid": [
            "veiligheidscoordinator", "antipestcoordinator", "anti pestcoordinator", "pestcoordinator",
            "anti bullying coordinator", "antibullying coordinator", "bullying coordinator",
        ],
        "concierge": ["conciergemeneer", "caretaker"],
    ]
    /// Other words for a subject: "docent lichamelijke opvoeding" is "de gymleraar", "de gymjuf", "docent LO".
    static let subjectWords: [String: [String]] = [
        "lichamelijke opvoeding": ["gym", "lo", "sport", "pe"],
        "nederlands": ["ned", "dutch"],
        "techniek": ["techniek", "technology", "tech"],
        "groen": ["groen", "gardening"],
        "zorg en welzijn": ["zorg", "zw"],
        "engels": ["english"],
        "wiskunde": ["wis", "math", "maths"],
    ]
}
