/// Categories that need more than a phrase: media without consent, an account in a staff member's
/// name, personal details, and what staff accounts must not post. The words come from the lexicon's cue lists.
struct CategoryRules {
    let post: Post
    let text: ClassifyText
    let search: PhraseSearch
    let mentions: [Mention]
    /// "school" or a staff id when the post is written by one of the configured accounts.
    let authorEntity: String?

    var words: [ClassWord] { text.words }

    /// Media (attached, or a media word) with a recording word ("stiekem", "bewerkt"), or a request
    /// to share media of a named staff member ("upload dat filmpje van juf Fatma"). Consent cancels it
    /// (in `Classifier`, for the lexicon's media entries too).
    func unconsentedMedia() -> [Hit] {
        let media = search.occurrences(of: "media")
        guard post.hasMedia || !media.isEmpty else { return [] }
        var hits: [Hit] = []
        for recording in search.occurrences(of: "recording") {
            let sentence = words[recording.lowerBound].sentence
            let noun = media.first { abs(words[$0.lowerBound].sentence - sentence) <= 1 }
            if post.hasMedia || noun != nil {
                hits.append(Hit(.unconsentedMedia, .medium, words: span(recording, noun), kind: .rule("media+recording")))
            }
        }
        for share in search.occurrences(of: "share") {
            let sentence = words[share.lowerBound].sentence
            guard let noun = media.first(where: { abs(words[$0.lowerBound].sentence - sentence) <= 1 }) else { continue }
            let nounSentence = words[noun.lowerBound].sentence
            // A person's picture: a school's event photos shared by the school are no alarm.
            let people = Set(words.filter { $0.sentence == nounSentence }.compactMap(\.mention).filter { mentions[$0].entity != "school" })
            guard !people.isEmpty else { continue }
            var hit = Hit(.unconsentedMedia, .medium, words: share, kind: .rule("media+share"))
            hit.extraWords = noun
            hit.aimedAt = people.sorted()
            hits.append(hit)
        }
        return hits
    }

    /// An author whose name or handle carries a staff member's name, while it is not one of that
    /// member's configured handles ("@jufmarieke_zeehoek" posting as juf Marieke).
    /// The hit comes with the mention the account name makes, for a post that does not name the person itself.
    func impersonation(matcher: Matcher) -> (hit: Hit, mention: Mention)? {
        guard !post.author.isEmpty, authorEntity == nil else { return nil }
        let named = matcher.mentions(in: Post(id: post.id, text: post.author), text: post.author, tokens: MatchText.tokens(post.author))
        guard let staff = named.first(where: { $0.entity != "school" && $0.rule != .author }) else { return nil }
        var hit = Hit(.impersonation, .medium, words: 0..<0, kind: .rule("account name"), evidence: post.author)
        hit.aimedAt = mentions.indices.filter { mentions[$0].entity == staff.entity }
        return (hit, Mention(entity: staff.entity, surface: post.author, start: 0, end: 0, rule: .accountName))
    }

    /// A post that claims to be written by a staff member ("ik ben meneer Mulder", "Groetjes, Dirk-Jan
    /// Mulder") from an account that is not theirs.
    func claimedName() -> [Hit] {
        guard authorEntity == nil else { return [] }
        var hits: [Hit] = []
        for claim in search.occurrences(of: "selfname") {
            let next = claim.upperBound
            guard next < words.count, words[next].sentence == words[claim.lowerBound].sentence || words[claim.lowerBound].key == "groetjes",
                  let mention = words[next].mention, mentions[mention].entity != "school", mentions[mention].rule != .author else { continue }
            var end = next
            while end < words.count, words[end].mention == mention { end += 1 }
            var hit = Hit(.impersonation, .medium, words: claim.lowerBound..<end, kind: .rule("claims a name"))
            hit.aimedAt = [mention]
            hits.append(hit)
        }
        return hits
    }

    /// Addresses, phone numbers and plates; they count when a person is named or referred to
    /// near them (a school's own address in an announcement is no stalking).
    func personalDetails() -> [Hit] {
        var hits: [Hit] = []
        for detail in PersonalDetails.find(in: text) {
            let covered = words.indices.filter { words[$0].start < detail.end && detail.start < words[$0].end }
            guard let first = covered.first, let last = covered.last else { continue }
            var hit = Hit(.stalking, .medium, words: first..<(last + 1), kind: .detail(detail.kind))
            let sentence = words[first].sentence
            let personNear = words.indices.contains { index in
                let near = (sentence - 1...sentence + 1).contains(words[index].sentence)
                return near && ((words[index].mention.map { mentions[$0].entity != "school" } ?? false))
            } || ["person", "pronoun"].contains { list in
                search.occurrences(of: list).contains { (sentence - 1...sentence).contains(words[$0.lowerBound].sentence) }
            }
            if !personNear { hit.lower(.noTarget) }
            hits.append(hit)
        }
        return hits
    }

    /// A staff account's post that names a pupil (a pupil word or a class code like "3A") together
    /// with something sensitive (an incident, a grade, a diagnosis, a home situation).
    func confidentialInfo() -> [Hit] {
        guard authorEntity != nil else { return [] }
        let pupils = search.occurrences(of: "pupil") + classCodes() + names()
        var hits: [Hit] = []
        for sensitive in search.occurrences(of: "sensitive") {
            let sentence = words[sensitive.lowerBound].sentence
            guard let pupil = pupils.first(where: { abs(words[$0.lowerBound].sentence - sentence) <= 1 }) else { continue }
            var hit = Hit(.confidentialInfo, .high, words: span(sensitive, pupil), kind: .rule("pupil+sensitive"))
            hit.aimedAtAuthor = true
            hits.append(hit)
        }
        return hits
    }

    /// Words written as names that are not a found name: a capitalised word inside a sentence, or
    /// one followed by an initial ("Kevin R."). In a staff post next to something sensitive, likely a pupil.
    private func names() -> [Range<Int>] {
        let scalars = Array(text.text.unicodeScalars)
        return words.indices.filter { index in
            let word = words[index]
            guard word.mention == nil, word.end - word.start >= 3, scalars[word.start].properties.isUppercase,
                  scalars[(word.start + 1)..<word.end].allSatisfy({ !$0.properties.isUppercase }) else { return false }
            let inside = index > 0 && words[index - 1].sentence == word.sentence
            let initial = index + 1 < words.count && words[index + 1].end - words[index + 1].start == 1
                && scalars[words[index + 1].start].properties.isUppercase
            return inside || initial
        }.map { $0..<($0 + 1) }
    }

    /// "3A", "2b", "4H": a class, which narrows a pupil down to a few people.
    private func classCodes() -> [Range<Int>] {
        let scalars = Array(text.text.unicodeScalars)
        return words.indices.filter { index in
            let raw = scalars[words[index].start..<words[index].end]
            guard (2...3).contains(raw.count), let first = raw.first, ("1"..."6").contains(first) else { return false }
            return raw.dropFirst().allSatisfy { $0.properties.isAlphabetic }
        }.map { $0..<($0 + 1) }
    }

    /// Two word ranges as one evidence span (from the first to the last word) when they are close;
    /// otherwise the first alone, so the evidence stays short.
    private func span(_ a: Range<Int>, _ b: Range<Int>?) -> Range<Int> {
        guard let b, max(a.lowerBound, b.lowerBound) - min(a.upperBound, b.upperBound) <= 4,
              words[a.lowerBound].sentence == words[b.lowerBound].sentence else { return a }
        return min(a.lowerBound, b.lowerBound)..<max(a.upperBound, b.upperBound)
    }
}
