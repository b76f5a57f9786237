import MentionMatch

/// The short Dutch sentence that tells the coordinator why a category was found
/// ("scheldwoord 'kankerjuf' gericht aan juf Marieke").
enum Explanation {
    /// Said of a finding aimed at no one of the school.
    static let aimedAtNoOne = ", niet gericht aan de school of haar mensen"

    static func text(for hit: Hit, evidence: String, mentions: [Mention], author: String) -> String {
        var text = "\(what(hit)) '\(evidence)'"
        if case .forwarded(let id) = hit.kind { text = "zelfde inhoud als eerder gemeld bericht \(id): '\(evidence)'" }
        if case .rule("passes on") = hit.kind { text = "geeft andermans bericht door: '\(evidence)'" }
        if hit.aimedAtAuthor {
            text += " in een bericht van \(author)"
        } else if let first = hit.aimedAt.first {
            let mention = mentions[first]
            text +=
                mention.entity == "school" ? " over de school (\(mention.surface))" : " gericht aan \(mention.surface)"
            if mention.rule == .thread { text += " (genoemd in het bericht waarop dit reageert)" }
        } else if hit.category != .impersonation {
            text += aimedAtNoOne
        }
        if let reason = hit.lowered { text += "; geen melding: \(why(reason))" }
        return text
    }

    private static func what(_ hit: Hit) -> String {
        if case .detail(let kind) = hit.kind {
            switch kind {
            case .address: return "adres"
            case .phone: return "telefoonnummer"
            case .plate: return "kenteken"
            }
        }
        switch hit.category {
        case .insult: return "scheldwoord"
        case .gossipAccusation: return "roddel of beschuldiging"
        case .threat: return "bedreiging"
        case .stalking: return "volgen of verblijfplaats"
        case .unconsentedMedia: return "beeld zonder toestemming"
        case .impersonation:
            switch hit.kind {
            case .rule("account name"): return "account op naam van een medewerker"
            case .rule("claims a name"): return "doet zich voor als een medewerker"
            case .rule("speaks as the school"): return "doet zich voor als de school"
            default: return "nepaccount of overgenomen account"
            }
        case .discrimination: return "discriminerende uiting"
        case .confidentialInfo: return "vertrouwelijke informatie over een leerling"
        case .unauthorisedStatement:
            return hit.kind == .rule("staff about school")
                ? "medewerker schaadt de naam van de school" : "spreekt namens de school zonder mandaat"
        case .forwarding: return "doorgestuurd"
        }
    }

    private static func why(_ reason: Hit.LowReason) -> String {
        switch reason {
        case .negated: return "ontkenning"
        case .counterSpeech: return "spreekt zich uit tegen schelden of pesten"
        case .reported: return "neutraal bericht of citaat"
        case .intensifier: return "als versterking gebruikt, niet gericht aan iemand"
        case .ownIdentity: return "over de schrijver zelf"
        case .noTarget: return "niet bij een persoon"
        case .consent: return "met toestemming"
        case .disclaimer: return "als persoonlijke mening aangegeven"
        case .game: return "in een spel of als beeldspraak"
        case .festive: return "als verrassing voor een feest of verjaardag"
        case .conduct: return "over wat iemand doet, niet over wie iemand is"
        }
    }
}
