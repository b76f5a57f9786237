import MentionClassify

/// The protocol part of an alert: what is known about the author, and the steps, written to the MT
/// who receives the mail. Only a configured account tells who wrote a post; anyone else could be a
/// pupil, a parent or an outsider, so the mail does not assume a pupil.
struct AlertProtocol: Equatable {
    enum Author: Equatable {
        case school
        case staff(name: String)
        case unknown
    }

    var title: String
    var author: String
    var steps: [String]

    /// - Parameters:
    ///   - aimedAt: the configured names of the staff the post is about (track B's contact).
    static func make(track: ProtocolTrack, author: Author, aimedAt staff: [String]) -> AlertProtocol {
        let writer: String
        switch author {
        case .school: writer = "het eigen account van de school"
        case .staff(let name): writer = "personeelslid \(name) (een geconfigureerd account)"
        case .unknown: writer = "onbekend (mogelijk een leerling, ouder of buitenstaander)"
        }
        let keep =
            "Bewaar het bewijs: mentionwatch heeft dit bericht opgeslagen; maak zo nodig ook een schermafbeelding."
        var steps: [String]
        let title: String
        switch track {
        case .a:
            title = "Route A: gericht aan de school of leerlingen"
            steps = [
                "Beoordeel of het bericht het protocol schendt.", keep,
                "Stel vast wie het bericht schreef en wie erbij betrokken zijn; vraag zo nodig de mentor.",
                "Is de schrijver een leerling: hoor de betrokkenen en informeer de ouders.",
                "Schakel zo nodig politie of jeugdzorg in en besluit over aangifte.",
                "Besluit over een sanctie of een andere maatregel.",
            ]
        case .b:
            title = "Route B: gericht aan een personeelslid"
            let whom = staff.isEmpty ? "het personeelslid" : staff.joined(separator: " en ")
            steps = [
                "Beoordeel of het bericht het protocol schendt.",
                "Neem contact op met \(whom): weet die al van dit bericht, en wat is nodig?", keep,
                "Stel vast wie het bericht schreef en hoor beide partijen.",
                "Is de schrijver een leerling: informeer de ouders.",
                "Schakel zo nodig het zorgteam of de politie in en besluit over aangifte.",
                "Besluit over een sanctie en wijs \(whom) op slachtofferhulp.",
            ]
        case .staff:
            title = "Gedragscode personeel"
            let name: String
            if case .staff(let member) = author { name = member } else { name = "het personeelslid" }
            steps = [
                "Beoordeel of het bericht de gedragscode schendt.",
                "Neem contact op met \(name) en bespreek het bericht.", keep,
                "Besluit of het plichtsverzuim is en in het personeelsdossier komt.",
                "Meld strafbare uitingen bij de politie.",
            ]
        case .none:
            title = "Geen route"
            steps = ["Beoordeel of het protocol van toepassing is."]
        }
        // The school's own account writing abuse was most likely taken over or misused.
        if author == .school, track != .none {
            steps.insert("Ga na wie het account van de school beheert en of het gehackt is.", at: 1)
        }
        return AlertProtocol(title: title, author: writer, steps: steps)
    }
}
