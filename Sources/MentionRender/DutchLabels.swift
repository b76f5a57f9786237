import MentionClassify

/// The Dutch words people read in alerts and the digest.
public enum DutchLabels {
    public static func category(_ category: ProtocolCategory) -> String {
        switch category {
        case .insult: return "Schelden of beledigen"
        case .gossipAccusation: return "Roddelen of beschuldigen"
        case .threat: return "Bedreigen"
        case .stalking: return "Stalken"
        case .unconsentedMedia: return "Beeld of geluid zonder toestemming"
        case .impersonation: return "Zich voordoen als een ander of gehackt account"
        case .discrimination: return "Discriminatie"
        case .confidentialInfo: return "Vertrouwelijke informatie gedeeld"
        case .unauthorisedStatement: return "Uitspraak namens de school zonder mandaat"
        case .forwarding: return "Doorsturen van zulke berichten"
        }
    }

    public static func severity(_ severity: Severity) -> String {
        switch severity {
        case .low: return "laag"
        case .medium: return "middel"
        case .high: return "hoog"
        case .critical: return "kritiek"
        }
    }

    /// The protocol's next steps for each track (docs/classification.md).
    public static func steps(_ track: ProtocolTrack) -> (title: String, steps: [String]) {
        switch track {
        case .a:
            return (
                "Route A: leerlingen onderling",
                [
                    "De mentor meldt het aan het MT.",
                    "Bewaar de berichten (mentionwatch heeft dit bericht als bewijs opgeslagen).",
                    "Stel vast wie erbij betrokken zijn en hoor hen.",
                    "Informeer de ouders.",
                    "Schakel zo nodig politie of jeugdzorg in en besluit over aangifte.",
                    "Besluit over een sanctie.",
                ]
            )
        case .b:
            return (
                "Route B: leerling tegen personeelslid",
                [
                    "Het personeelslid neemt contact op met het MT.",
                    "Bewaar de berichten (mentionwatch heeft dit bericht als bewijs opgeslagen).",
                    "Het MT hoort beide partijen.",
                    "Informeer de ouders.",
                    "Schakel zo nodig het zorgteam of de politie in.",
                    "Besluit over een sanctie en verwijs het personeelslid naar slachtofferhulp.",
                ]
            )
        case .staff:
            return (
                "Gedragscode personeel",
                [
                    "Het MT bespreekt het bericht met het personeelslid.",
                    "Een schending kan plichtsverzuim zijn en in het personeelsdossier komen.",
                    "Strafbare uitingen worden aan de politie gemeld.",
                ]
            )
        case .none:
            return ("Geen route", ["Beoordeel of het protocol van toepassing is."])
        }
    }
}
