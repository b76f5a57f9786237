import Testing

@testable import MentionClassify
@testable import MentionMatch

/// The counter-speech, report and warning cues of 2026.12.22 (`cues.txt`): each clears a finding in
/// a post that speaks up against abuse, reports it or warns about a fake, and a breach with the same
/// words but without the cue still alerts. A cue is tied to speaking up: the bare words ("ophouden
/// met", "let op", "geblokkeerd") are also said in abuse.
struct CounterSpeechTests {
    typealias Case = ClassificationTableTests.Case

    @Test(arguments: [
        Case(text: "kunnen jullie ophouden met zeggen dat juf Marieke een heks is?"),
        Case(text: "tijd om op te houden met meneer Mulder een sukkel te noemen"),
        Case(text: "ik vind het verschrikkelijk dat iemand meneer Oosterhuis een kankerlijer noemde"),
        Case(text: "vreselijk dat mensen juf Marieke een kutwijf noemen"),
        Case(text: "wie juf Sanne een heks noemt kent haar niet"),
        Case(text: "the way people talk about mr Mulder here (idiot, loser) says more about them"),
        Case(text: "reporting every account that calls juf Fatma a bitch"),
        Case(text: "iemand boost 'juf Marieke is een hoer', boost ik niet"),
        // 2026.12.35: quoted abuse condemned after it, in the same or another sentence.
        Case(text: "'El Amrani is een aap' stond op de bank. Wie dit doet is zelf het probleem."),
        Case(text: "'kankerschool' stond op de muur van De Zeehoek. Zielig van wie dat doet."),
        Case(text: "'juf Marieke is een kutwijf' stond eronder. Zulke taal hoort nergens."),
        Case(text: "iemand noemde juf Sanne een 'trut' onder haar post, laten we haar steunen"),
        // 2026.12.69: calling it bullying, and people who say it.
        Case(text: "calling @prozeehoek a dump full of losers is just bullying"),
        Case(text: "ppl saying mr Mulder is an idiot should look at themselves"),
        // 2026.12.70: "allesbehalve", "anything but" negate what follows.
        Case(text: "Sanne Hoekstra is allesbehalve een slappeling, ze pakte die pester keihard aan."),
        Case(text: "mr Mulder is anything but a loser"),
        // 2026.12.74: telling them to grow up; the talk must stop.
        Case(text: "People calling De Zeehoek kids 'retards' should grow up"),
        Case(text: "Dat 'De Zeehoek is een vuilnisbelt'-gedoe in deze groep moet stoppen, daar zitten gewoon kinderen"),
    ])
    func insultSpokenAgainst(_ item: Case) { ClassificationTableTests.expectNoAlarm(.insult, item) }

    /// The writer's own account or password (`ownaccount`, 2026.12.56) is no impersonation, and the
    /// explanation says why: the post is about the writer, not against abuse.
    @Test(arguments: [
        "ik ben mijn wachtwoord van de schoolmail van De Zeehoek vergeten, moet ik naar meneer De Vries?",
        "Iemand had mijn account overgenomen en rare dingen over De Zeehoek gepost. Sorry, dat was ik niet!",
    ])
    func theWritersOwnAccountIsAboutTheWriter(_ text: String) throws {
        let post = Post(id: "t", source: "forum", author: "@someone", text: text)
        let finding = try #require(
            ClassificationTableTests.classifier.assess(post).categories.first { $0.category == .impersonation })
        #expect(finding.severity == .low)
        #expect(finding.explanation.hasSuffix("over de schrijver zelf"), "\(finding.explanation)")
    }

    @Test(arguments: [
        Case(text: "stop spreading that post calling DJ Mulder a pedo, there is zero evidence"),
        Case(text: "Er gaat een gerucht rond dat meneer Mulder steelt. Dat is gewoon gelogen."),
        Case(text: "Er gaat een gerucht rond dat meneer Mulder steelt. Dat is gewoon niet waar."),
        Case(text: "Er gaat een gerucht rond dat meneer Mulder steelt. Dat klopt niet."),
        // "niks" and "niets" end a clause after the verb as "niet" does, and negate inside a phrase's gap.
        Case(text: "Meester Jan van De Zeehoek steelt niks, dat gereedschap was gewoon uitgeleend."),
        Case(text: "meneer Mulder steelt niets."),
    ])
    func accusationSpokenAgainst(_ item: Case) { ClassificationTableTests.expectNoAlarm(.gossipAccusation, item) }

    @Test(arguments: [
        Case(text: "stop reposting memes, mr Mulder is a pedo"),
        // Words against quoted abuse, said of someone without a quote, are abuse themselves.
        Case(text: "mr Mulder is a pedo, that's a threat to our kids"),
        Case(text: "meneer Mulder is een pedo, wie zoiets doet is zelf een beest"),
        // "Dat is geen onzin" affirms the rumour; it does not deny it.
        Case(text: "meneer Mulder steelt geld uit de klassenpot. Dat is geen onzin, ik heb het gezien."),
        Case(text: "meneer Mulder steelt geld uit de klassenpot. Dat is echt niet gelogen, ik heb het gezien."),
        Case(text: "meneer Mulder steelt niks anders dan geld uit de klassenpot"),
    ])
    func accusationStillAlerts(_ item: Case) { ClassificationTableTests.expectAlarm(.gossipAccusation, item) }

    @Test(arguments: [
        Case(text: "'meneer Mulder moet dood' stond in de groepsapp, dat is een bedreiging"),
        Case(text: "someone wrote 'juf Fatma should watch her back', that's a threat, I sent it to the school"),
        // "merken wie ze tegen zich hebben" right before a final is a match (2026.12.70).
        Case(text: "het team van meneer El Amrani gaat merken wie ze tegen zich hebben in de finale"),
        // So is finishing off a side with the two sides of a match in the sentence (2026.12.73).
        Case(text: "zeehoek vs het Dalburg College morgen zaalvoetbal, we gaan ze afslachten 🔪⚽ kom kijken!"),
    ])
    func threatSpokenAgainst(_ item: Case) { ClassificationTableTests.expectNoAlarm(.threat, item) }

    @Test(arguments: [
        Case(text: "juf Marieke is een heks en dat blijf ik zeggen"),
        Case(text: "juf Sanne moet ophouden met zeuren, die vuile hoer"),
        Case(text: "vreselijk dat die hoer juf Marieke nog les geeft"),
        Case(text: "iedereen die zegt dat juf Marieke aardig is liegt, ze is een vuile hoer"),
        Case(text: "mensen noemen juf Marieke een hoer en dat klopt"),
        Case(text: "ik ken juf Sanne al jaren, ze is een heks"),
        Case(text: "juf Marieke is een trut en die hoort nergens thuis"),
        Case(text: "juf Marieke is een trut, wie dat niet ziet is zelf blind"),
        // Words against quoted abuse, said of someone without a quote, are abuse themselves.
        Case(text: "Zielig van wie nog op die kankerschool De Zeehoek zit"),
        // Growing up said of the target, without a quote, is no counter-speech (2026.12.74).
        Case(text: "juf Marieke is een trut, dat gedoe moet stoppen"),
        Case(text: "mr Mulder is a loser who should grow up"),
    ])
    func insultStillAlerts(_ item: Case) { ClassificationTableTests.expectAlarm(.insult, item) }

    @Test(arguments: [
        Case(text: "to everyone typing 'go back to your country' under the posts about mr El Amrani: he was born here"),
        // 2026.12.57: the next sentence calls what was said racist (`rebuttal`).
        Case(text: "Onder de post stond dat meneer El Amrani terug naar Marokko moet. Wat een racistische taal."),
        Case(text: "Someone posted that mr El Amrani should go back to his country. What a racist thing to say."),
    ])
    func discriminationSpokenAgainst(_ item: Case) { ClassificationTableTests.expectNoAlarm(.discrimination, item) }

    @Test(arguments: [
        Case(text: "meneer El Amrani, go back to your country"),
        // Not when the writer asks it and answers no (helper-92's review).
        Case(text: "meneer El Amrani moet terug naar zijn land. Wat een racistische opmerking? Nee hoor, de waarheid."),
        // Only racist or hateful words are called so: "wat een onzin" is the writer's own contempt.
        Case(text: "meneer El Amrani moet terug naar zijn land. Wat een onzin dat zo iemand les geeft."),
        Case(text: "juf Fatma is disgusting, go back to your country"),
    ])
    func discriminationStillAlerts(_ item: Case) { ClassificationTableTests.expectAlarm(.discrimination, item) }

    @Test(arguments: [
        Case(text: "er was een bommelding bij De Zeehoek, iedereen moest naar buiten"),
        Case(text: "there was a bomb threat at De Zeehoek yesterday, everyone went home"),
    ])
    func bombThreatReported(_ item: Case) { ClassificationTableTests.expectNoAlarm(.threat, item) }

    @Test(arguments: [
        Case(text: "ik leg een bom in De Zeehoek"),
        Case(text: "there will be a bomb at De Zeehoek tomorrow"),
        Case(text: "Die kanker Mulder heeft me geblokkeerd, ik maak hem af"),
        // A denial does not take a threat back, nor does an affirmation.
        Case(text: "Ik maak je af meneer Mulder. Dat is geen onzin."),
        // A match named in another sentence is no game (2026.12.73).
        Case(text: "De Zeehoek vs Dalburg was gisteren. Meneer Mulder, ik maak je af"),
        // Nor a person against a person (helper-123's review).
        Case(text: "Ik vs meneer Mulder na school bij het fietsenhok, ik maak hem af 🔪"),
        // Calling something racist clears discrimination only (helper-92's review).
        Case(text: "Ik steek de gymzaal van De Zeehoek aan. Wat een racistische onzin allemaal daar."),
    ])
    func threatStillAlerts(_ item: Case) { ClassificationTableTests.expectAlarm(.threat, item) }

    @Test(arguments: [
        Case(text: "let op, er is een nepaccount van meneer Mulder"),
        Case(text: "ouders opgelet: nepmail van meneer Mulder gaat rond"),
        Case(text: "watch out, someone made a fake account of mr Mulder"),
        Case(text: "heads up: there's a fake account of juf Fatma going round"),
        Case(text: "iemand stuurt namens juf Sanne betaalverzoeken, niet betalen"),
    ])
    func fakeAccountWarnedAbout(_ item: Case) { ClassificationTableTests.expectNoAlarm(.impersonation, item) }

    @Test(arguments: [
        Case(text: "ik heb een nepaccount van meneer Mulder gemaakt"),
        // A fake account's own post is no warning, whatever it says.
        Case(text: "let op allemaal: morgen geen huiswerk!", author: "@juf_marieke_zeehoek"),
    ])
    func impersonationStillAlerts(_ item: Case) { ClassificationTableTests.expectAlarm(.impersonation, item) }

    // A bare "let op" opens a post that exposes someone as well: no warning.
    @Test func aWarningWordAloneClearsNoExposure() {
        ClassificationTableTests.expectAlarm(
            .stalking, Case(text: "Let op, dit is het adres van juf Marieke: Duinweg 12, Westerveen. Ga maar langs."))
    }
}
