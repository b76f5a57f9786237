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

    static func isBusinessName(after index: Int, in words: [String]) -> Bool {
        guard index < words.count else { return false }
        if businessWords.contains(words[index]) { return true }
        // "B.V." is split into "b" and "v".
        return index + 1 < words.count && words[index] == "b" && words[index + 1] == "v"
    }

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
        ].flatMap(MatchText.words))
    // Not "oom" (uncle): keys fold a doubled letter, so it would be "om", and "om Hoekstra op te wachten"
    // is no one else. Not "zn" among `businessWords` either: online it is "z'n" far more than "& Zn".

    static func isSomeoneElse(before index: Int, in words: [String]) -> Bool {
        guard index > 0 else { return false }
        let previous = words[index - 1]
        return otherTitles.contains(previous) || (previous.count == 1 && previous.first?.isLetter == true)
    }
}
