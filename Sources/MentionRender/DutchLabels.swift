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
}
