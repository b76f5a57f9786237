import Foundation

/// One way an entity can be written, as folded words.
struct NamePattern: Sendable {
    var entity: String
    var words: [String]
    var rule: MentionRule
    /// Counts only with school context (common names, a surname alone).
    var needsContext: Bool
    /// An `exclude` word in the post vetoes it (names, not handles or domains).
    var vetoable: Bool
}

/// Generates the patterns for the school and each staff member, including Dutch name forms:
/// honorific + first name ("juf Marieke"), honorific + surname ("meneer El Amrani"), surnames
/// with or without tussenvoegsel, either half of a double surname.
enum NameForms {
    static let honorifics = ["juf", "juffrouw", "meester", "meneer", "mevrouw", "mevr", "mw", "mvr", "dhr", "mr"]
    static let tussenvoegsels: Set<String> = ["van", "de", "den", "der", "het", "t", "ter", "ten", "te", "in", "op", "uit", "vd"]

    static func patterns(school: School, staff: [StaffMember]) -> [NamePattern] {
        var patterns: [NamePattern] = []
        func add(_ entity: String, _ phrase: String, _ rule: MentionRule, context: Bool = false, veto: Bool = true) {
            let words = TextTokens.words(phrase)
            if !words.isEmpty { patterns.append(NamePattern(entity: entity, words: words, rule: rule, needsContext: context, vetoable: veto)) }
        }
        add("school", school.name, .name)
        school.aliases.forEach { add("school", $0, .alias) }
        school.handles.forEach { add("school", $0, .handle, veto: false) }
        school.hashtags.forEach { add("school", $0, .hashtag) }
        school.domains.forEach { add("school", $0, .domain, veto: false) }

        for member in staff {
            let common = member.commonName
            add(member.id, member.name, .name, context: common)
            member.aliases.forEach { add(member.id, $0, .alias, context: common) }
            member.handles.forEach { add(member.id, $0, .handle, veto: false) }
            let (first, surnames) = split(member.name)
            for honorific in honorifics {
                if let first { add(member.id, "\(honorific) \(first)", .honorific, context: common) }
                surnames.forEach { add(member.id, "\(honorific) \($0)", .honorific, context: common) }
            }
            for surname in surnames {
                if let first { add(member.id, "\(first) \(surname)", .name, context: common) }
                add(member.id, surname, .surname, context: true)
            }
        }
        return deduplicated(patterns)
    }

    /// "Ingrid van den Berg-Bos" → ("Ingrid", ["van den Berg-Bos", "Berg-Bos", "van den Berg", "Berg", "Bos"]).
    static func split(_ name: String) -> (first: String?, surnames: [String]) {
        let parts = name.split(separator: " ").map(String.init)
        guard parts.count >= 2 else { return (nil, parts) }
        let surnameParts = Array(parts.dropFirst())
        let prefix = surnameParts.prefix { tussenvoegsels.contains($0.lowercased()) }
        let core = surnameParts.dropFirst(prefix.count)
        guard !core.isEmpty else { return (parts[0], [surnameParts.joined(separator: " ")]) }
        var surnames = [surnameParts.joined(separator: " "), core.joined(separator: " ")]
        // A double surname: either half is used on its own ("Verbeek-Smit" → "Verbeek", "Smit").
        let coreText = core.joined(separator: " ")
        if coreText.contains("-") {
            let halves = coreText.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if let firstHalf = halves.first, !prefix.isEmpty { surnames.append((prefix + [firstHalf]).joined(separator: " ")) }
            surnames += halves
        }
        var seen: Set<String> = []
        return (parts[0], surnames.filter { seen.insert($0.lowercased()).inserted })
    }

    private static func deduplicated(_ patterns: [NamePattern]) -> [NamePattern] {
        var seen: Set<String> = []
        return patterns.filter { seen.insert($0.entity + "\u{1F}" + $0.words.joined(separator: " ")).inserted }
    }
}
