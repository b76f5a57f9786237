/// Personal details written out in a post: a street address, a phone number, a licence plate.
/// Found from the characters as written (the folded words lose digits and dashes).
struct PersonalDetail: Sendable, Equatable {
    enum Kind: String, Sendable { case address, phone, plate }
    var kind: Kind
    /// Offsets in Unicode scalars of the text, end exclusive.
    var start: Int
    var end: Int
}

enum PersonalDetails {
    /// Street addresses use the lexicon's Dutch street-name endings (`streetend`: "Kerkstraat 12", "Van
    /// Goghlaan 5a") and English street words (`streetword`: "12 Elm Road").
    static func find(in text: ClassifyText, lexicon: Lexicon) -> [PersonalDetail] {
        let scalars = text.scalars
        guard scalars.contains(where: { ("0"..."9").contains($0) }) else { return [] }
        return addresses(
            text, scalars, streetEndings: lexicon.cueWords("streetend"), streetWords: lexicon.cueWords("streetword"))
            + runs(scalars)
    }

    /// A word ending in a street ending, then a house number (with an optional letter); or a house
    /// number, a capitalised word and an English street word.
    private static func addresses(
        _ text: ClassifyText, _ scalars: [Unicode.Scalar], streetEndings: Set<String>, streetWords: Set<String>
    ) -> [PersonalDetail] {
        var found: [PersonalDetail] = []
        let words = text.words
        for index in words.indices.dropLast() {
            let word = words[index]
            let next = words[index + 1]
            // Both forms start with a house number or a capitalised word: most words are neither, and
            // are passed over without building their text.
            let nextIsNumber = isHouseNumber(scalars[next.start..<next.end])
            let isNumber = isHouseNumber(scalars[word.start..<word.end])
            guard nextIsNumber || isNumber else { continue }
            if nextIsNumber, let first = scalars[word.start..<word.end].first, first.properties.isUppercase,
                streetEndings.contains(where: { word.key.count > $0.count + 1 && word.key.hasSuffix($0) })
            {
                found.append(PersonalDetail(kind: .address, start: word.start, end: next.end))
            }
            if isNumber, index + 2 < words.count, streetWords.contains(words[index + 2].key),
                scalars[next.start..<next.end].first?.properties.isUppercase == true
            {
                found.append(PersonalDetail(kind: .address, start: word.start, end: words[index + 2].end))
            }
        }
        return found
    }

    private static func isHouseNumber(_ raw: ArraySlice<Unicode.Scalar>) -> Bool {
        let digits = raw.prefix { ("0"..."9").contains($0) }
        let rest = raw.dropFirst(digits.count)
        return (1...4).contains(digits.count) && digits.first != "0" && rest.count <= 1
            && rest.allSatisfy { $0.properties.isAlphabetic }
    }

    /// Runs of digits, letters, dashes and spaces read as a phone number or a Dutch licence plate.
    private static func runs(_ scalars: [Unicode.Scalar]) -> [PersonalDetail] {
        var found: [PersonalDetail] = []
        var index = 0
        while index < scalars.count {
            guard isRunStart(scalars, index) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < scalars.count,
                isRunPart(scalars[end])
                    || (scalars[end] == " " && end + 1 < scalars.count && ("0"..."9").contains(scalars[end + 1])
                        && ("0"..."9").contains(scalars[end - 1]))
            {
                end += 1
            }
            while end > index, scalars[end - 1] == "-" || scalars[end - 1] == " " { end -= 1 }
            // Phones and plates both have digits: a run without (any plain word) is passed over.
            if scalars[index..<end].contains(where: { ("0"..."9").contains($0) }) {
                let run = Array(scalars[index..<end])
                if isPhone(run) {
                    found.append(PersonalDetail(kind: .phone, start: index, end: end))
                } else if isPlate(run) {
                    found.append(PersonalDetail(kind: .plate, start: index, end: end))
                }
            }
            index = max(end, index + 1)
        }
        return found
    }

    private static func isRunStart(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        guard scalars[index] == "+" || isRunPart(scalars[index]), scalars[index] != "-" else { return false }
        return index == 0 || !(isRunPart(scalars[index - 1]) || scalars[index - 1].properties.isAlphabetic)
    }

    private static func isRunPart(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) || scalar == "-"
    }

    /// 06-12345678, 06 1234 5678, +31 6 12345678, 0031612345678, 050-1234567.
    static func isPhone(_ run: [Unicode.Scalar]) -> Bool {
        guard run.allSatisfy({ ("0"..."9").contains($0) || $0 == "+" || $0 == "-" || $0 == " " }) else { return false }
        let digits = String(String.UnicodeScalarView(run.filter { ("0"..."9").contains($0) }))
        if run.first == "+" { return digits.hasPrefix("31") && digits.count == 11 }
        if digits.hasPrefix("0031") { return digits.count == 13 }
        return digits.count == 10 && digits.hasPrefix("0") && !digits.hasPrefix("00")
    }

    /// A Dutch licence plate: three groups of one to three letters or digits, six in all, with
    /// both letters and digits ("12-ABC-3", "XX-99-XX"; a date "2026-11-25" has no letters).
    static func isPlate(_ run: [Unicode.Scalar]) -> Bool {
        let groups = run.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.count == 3, groups.allSatisfy({ (1...3).contains($0.count) }),
            groups.map(\.count).reduce(0, +) == 6
        else { return false }
        for group in groups {
            let letters = group.allSatisfy { $0.properties.isAlphabetic }
            let digits = group.allSatisfy { ("0"..."9").contains($0) }
            if !letters && !digits { return false }
        }
        let hasLetter = run.contains { $0.properties.isAlphabetic }
        let hasDigit = run.contains { ("0"..."9").contains($0) }
        let upper = run.allSatisfy { !$0.properties.isAlphabetic || $0.properties.isUppercase }
        return hasLetter && hasDigit && upper
    }
}
