import MentionMatch

/// Categories that need more than a phrase: media without consent, an account in a staff member's
/// name, personal details, and what staff accounts must not post. The words come from the lexicon's cue lists.
struct CategoryRules {
    let post: Post
    let lexicon: Lexicon
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
        guard post.hasMedia || !search.occurrences(of: "media").isEmpty else { return [] }
        var hits: [Hit] = []
        for recording in search.occurrences(of: "recording") where !isAdverb(recording) {
            let noun = mediaWord(near: words[recording.lowerBound].sentence)
            if post.hasMedia || noun != nil {
                hits.append(
                    Hit(.unconsentedMedia, .medium, words: span(recording, noun), kind: .rule("media+recording")))
            }
        }
        for share in search.occurrences(of: "share") {
            let sentence = words[share.lowerBound].sentence
            for nounSentence in [sentence, sentence - 1] {
                for noun in search.occurrences(of: "media", inSentence: nounSentence) {
                    guard let person = pictured(after: noun) else { continue }
                    var hit = Hit(.unconsentedMedia, .medium, words: share, kind: .rule("media+share"))
                    hit.extraWords = noun
                    hit.aimedAt = [person]
                    hits.append(hit)
                    break
                }
                if hits.last?.words == share { break }
            }
        }
        return hits
    }

    /// A media word in the sentence or next to it.
    private func mediaWord(near sentence: Int) -> Range<Int>? {
        for nearby in [sentence, sentence - 1, sentence + 1] {
            if let noun = search.occurrences(of: "media", inSentence: nearby).first { return noun }
        }
        return nil
    }

    /// The staff member a picture is of: "filmpje van juf Fatma", "the clip of Ms Hoekstra" (the
    /// `pictureof` list). A school's photos of an event where a teacher "stond er ook op" are not about that teacher.
    private func pictured(after noun: Range<Int>) -> Int? {
        let sentence = words[noun.lowerBound].sentence
        let of = lexicon.cueWords("pictureof")
        var index = noun.upperBound
        while index < words.count, index < noun.upperBound + 3, words[index].sentence == sentence {
            if of.contains(words[index].key), index + 1 < words.count,
                let mention = words[index + 1].mention, mentions[mention].entity != "school"
            {
                return mention
            }
            index += 1
        }
        return nil
    }

    /// "stiekem best mooi", "stiekem wel leuk": stiekem as "actually", not "secretly" (a word of the
    /// `actually` list before one of `degree` or `intensifier`).
    private func isAdverb(_ recording: Range<Int>) -> Bool {
        guard recording.count == 1, lexicon.cueWords("actually").contains(words[recording.lowerBound].key),
            recording.upperBound < words.count
        else { return false }
        let next = words[recording.upperBound].key
        return lexicon.cueWords("degree").contains(next) || lexicon.cueWords("intensifier").contains(next)
    }

    /// An author whose name or handle carries a staff member's name, while it is not one of that
    /// member's configured handles ("@jufmarieke_zeehoek" posting as juf Marieke).
    /// The hit comes with the mention the account name makes, for a post that does not name the person itself.
    func impersonation(matcher: Matcher) -> (hit: Hit, mention: Mention)? {
        guard !post.author.isEmpty, authorEntity == nil else { return nil }
        let named = matcher.mentions(
            in: Post(id: post.id, text: post.author), text: post.author, tokens: MatchText.tokens(post.author))
        guard let staff = named.first(where: { $0.entity != "school" && $0.rule != .author }) else { return nil }
        // An account that says what it is ("mulder_fanclub", "hoekstra_parody") does not pose as the person.
        if MatchText.words(post.author).contains(where: Self.declaredAccountWords.contains) { return nil }
        // A display name ("Sanne Hoekstra", "Fans van meneer Mulder") may be the person's own account:
        // only a handle counts, and only a look-alike of a configured one or one with a title in it.
        let isHandle = !post.author.contains(where: \.isWhitespace)
        let hasOwnHandles = matcher.hasHandles(staff.entity)
        guard isHandle, hasOwnHandles || staff.rule == .honorific else { return nil }
        var hit = Hit(.impersonation, .medium, words: 0..<0, kind: .rule("account name"), evidence: post.author)
        hit.aimedAt = mentions.indices.filter { mentions[$0].entity == staff.entity }
        return (hit, Mention(entity: staff.entity, surface: post.author, start: 0, end: 0, rule: .accountName))
    }

    /// Words in an account's name that say it is not the person's own ("fanclub", "parody"). Not "fan"
    /// or "memes": an impersonator adds those as easily ("@meneer_mulder_fan").
    static let declaredAccountWords: Set<String> = Set(
        ["fanclub", "fanpage", "fanaccount", "parodie", "parody", "parodyaccount", "parodieaccount"]
            .flatMap(MatchText.words))

    /// A post that claims to be written by a staff member ("ik ben meneer Mulder", "Groetjes, Dirk-Jan
    /// Mulder") from an account that is not theirs.
    func claimedName(matcher: Matcher) -> [Hit] {
        guard authorEntity == nil else { return [] }
        // Without a claim there is nothing to check the author against (the matcher's pass is costly).
        let claims = search.occurrences(of: "selfname")
        guard !claims.isEmpty else { return [] }
        // The school's own newsletter signed by a teacher, from an account named like the school.
        if !post.author.isEmpty, !matcher.mentions(in: Post(id: post.id, text: post.author)).isEmpty { return [] }
        var hits: [Hit] = []
        for claim in claims {
            let next = claim.upperBound
            let greeting = lexicon.cueWords("greeting").contains(words[claim.lowerBound].key)
            guard next < words.count, words[next].sentence == words[claim.lowerBound].sentence || greeting,
                let mention = words[next].mention, mentions[mention].entity != "school",
                mentions[mention].rule != .author
            else { continue }
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
        for detail in PersonalDetails.find(in: text, lexicon: lexicon) {
            // The words it covers, found by binary search on their starts (a long post has many words).
            var low = 0
            var high = words.count
            while low < high {
                let middle = (low + high) / 2
                if words[middle].end <= detail.start { low = middle + 1 } else { high = middle }
            }
            var last = low
            while last < words.count, words[last].start < detail.end { last += 1 }
            guard low < last else { continue }
            let first = low
            let lastWord = last - 1
            var hit = Hit(.stalking, .medium, words: first..<(lastWord + 1), kind: .detail(detail.kind))
            let sentence = words[first].sentence
            let personNear =
                (sentence - 1...sentence + 1).contains { nearby in
                    text.words(inSentence: nearby).contains {
                        $0.mention.map { mentions[$0].entity != "school" } ?? false
                    }
                }
                || ["person", "pronoun"].contains { list in
                    !search.occurrences(of: list, inSentence: sentence).isEmpty
                        || !search.occurrences(of: list, inSentence: sentence - 1).isEmpty
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
            guard let pupil = pupils.first(where: { abs(words[$0.lowerBound].sentence - sentence) <= 1 }) else {
                continue
            }
            var hit = Hit(.confidentialInfo, .high, words: span(sensitive, pupil), kind: .rule("pupil+sensitive"))
            hit.aimedAtAuthor = true
            // "Ik ben zwanger", "ik heb zelf dyslexie", "my own diabetes": about the writer, no one else.
            if search.hasCue("self", in: sensitive, before: 3) { hit.lower(.ownIdentity) }
            hits.append(hit)
        }
        return hits
    }

    /// Words written as names that are not a found name: a capitalised word inside a sentence, one
    /// followed by a word of `namefrom` ("uit", "van") or by an initial ("Kevin R."). In a staff post
    /// next to something sensitive, likely a pupil.
    private func names() -> [Range<Int>] {
        let scalars = text.scalars
        let from = lexicon.cueWords("namefrom")
        return words.indices.filter { index in
            let word = words[index]
            guard word.mention == nil, word.end - word.start >= 3, scalars[word.start].properties.isUppercase,
                scalars[(word.start + 1)..<word.end].allSatisfy({ !$0.properties.isUppercase })
            else { return false }
            let inside =
                index > 0 && words[index - 1].sentence == word.sentence
                || index + 1 < words.count && from.contains(words[index + 1].key)  // "Bart uit de examenklas"
            let initial =
                index + 1 < words.count && words[index + 1].end - words[index + 1].start == 1
                && scalars[words[index + 1].start].properties.isUppercase
            return inside || initial
        }.map { $0..<($0 + 1) }
    }

    /// "3A", "2b", "4H": a class, which narrows a pupil down to a few people.
    private func classCodes() -> [Range<Int>] {
        let scalars = text.scalars
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
            words[a.lowerBound].sentence == words[b.lowerBound].sentence
        else { return a }
        return min(a.lowerBound, b.lowerBound)..<max(a.upperBound, b.upperBound)
    }
}
