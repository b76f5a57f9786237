import Testing

@testable import MentionClassify

/// The counter-speech, report and warning cues of 2026.12.22 (`cues.txt`): each clears a finding in
/// a post that speaks up against abuse, reports it or warns about a fake, and a breach with the same
/// words but without the cue still alerts.
struct CounterSpeechTests {
    typealias Case = ClassificationTableTests.Case

    @Test(arguments: [
        Case(text: "kunnen jullie ophouden met zeggen dat juf Marieke een heks is?"),
        Case(text: "tijd om op te houden met meneer Mulder een sukkel te noemen"),
        Case(text: "niemand hoeft juf Sanne een trut te noemen, ze doet gewoon haar werk"),
        Case(text: "ik vind het verschrikkelijk dat iemand meneer Oosterhuis een kankerlijer noemde"),
        Case(text: "vreselijk dat mensen juf Marieke een kutwijf noemen"),
        Case(text: "wie juf Sanne een heks noemt kent haar niet"),
        Case(text: "iedereen die zegt dat meneer Mulder een sukkel is, heeft nooit les van hem gehad"),
        Case(text: "the way people talk about mr Mulder here (idiot, loser) says more about them"),
        Case(text: "reporting every account that calls juf Fatma a bitch"),
        Case(text: "iemand stuurde me dat juf Marieke een hoer is, geblokt"),
    ])
    func insultSpokenAgainst(_ item: Case) { ClassificationTableTests.expectNoAlarm(.insult, item) }

    @Test(arguments: [
        Case(text: "juf Marieke is een heks en dat blijf ik zeggen"),
        Case(text: "meneer Mulder is en blijft een sukkel"),
        Case(text: "juf Sanne is een trut, iedereen weet het"),
        Case(text: "ik vind juf Marieke echt een kutwijf"),
        Case(text: "ik ken juf Sanne al jaren, ze is een heks"),
    ])
    func insultStillAlerts(_ item: Case) { ClassificationTableTests.expectAlarm(.insult, item) }

    @Test(arguments: [
        Case(text: "to everyone typing 'go back to your country' under the posts about mr El Amrani: he was born here"),
        Case(text: "er is niks mis met flikkers op De Zeehoek"),
    ])
    func discriminationSpokenAgainst(_ item: Case) { ClassificationTableTests.expectNoAlarm(.discrimination, item) }

    @Test(arguments: [
        Case(text: "meneer El Amrani, go back to your country"),
        Case(text: "al die flikkers op De Zeehoek moeten weg"),
    ])
    func discriminationStillAlerts(_ item: Case) { ClassificationTableTests.expectAlarm(.discrimination, item) }

    @Test(arguments: [
        // Others' words reported: what people call the school.
        Case(text: "mensen noemen De Zeehoek een vuilnisbelt, maar ik heb er mijn diploma gehaald"),
        Case(text: "people call Zeehoek a dump for losers, but I got my diploma there"),
    ])
    func insultReported(_ item: Case) { ClassificationTableTests.expectNoAlarm(.insult, item) }

    @Test(arguments: [
        Case(text: "er was een bommelding bij De Zeehoek, iedereen moest naar buiten"),
        Case(text: "there was a bomb threat at De Zeehoek yesterday, everyone went home"),
    ])
    func bombThreatReported(_ item: Case) { ClassificationTableTests.expectNoAlarm(.threat, item) }

    @Test(arguments: [
        Case(text: "ik leg een bom in De Zeehoek"),
        Case(text: "there will be a bomb at De Zeehoek tomorrow"),
    ])
    func bombThreatStillAlerts(_ item: Case) { ClassificationTableTests.expectAlarm(.threat, item) }

    @Test(arguments: [
        Case(text: "let op, er is een nepaccount van meneer Mulder"),
        Case(text: "ouders opgelet: het account van De Zeehoek is gehackt, klik niet op de link"),
        Case(text: "watch out, someone made a fake account of mr Mulder"),
        Case(text: "heads up: there's a fake account of juf Fatma going round"),
        Case(text: "iemand stuurt namens juf Sanne betaalverzoeken, niet betalen"),
        Case(text: "dat account van meneer Oosterhuis is gewoon nep"),
    ])
    func fakeAccountWarnedAbout(_ item: Case) { ClassificationTableTests.expectNoAlarm(.impersonation, item) }

    @Test(arguments: [
        Case(text: "ik heb een nepaccount van meneer Mulder gemaakt"),
        // A fake account's own post is no warning, whatever it says.
        Case(text: "let op allemaal: morgen geen huiswerk!", author: "@juf_marieke_zeehoek"),
    ])
    func impersonationStillAlerts(_ item: Case) { ClassificationTableTests.expectAlarm(.impersonation, item) }
}
