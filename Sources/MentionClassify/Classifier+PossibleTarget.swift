import MentionMatch

extension Classifier {
    /// A post whose abuse is clear but whose target is not confirmed: it names someone only in a way
    /// that needs the school for context ("die directrice", "zeehoek gaat in de fik", a surname alone) and
    /// the school is not named, or its author's name names the school or its people while the author is
    /// no configured account (`Matcher.authorNameMentions`). The person it may be aimed at is only
    /// possible, so the post goes to review (docs/classification.md, "Possible targets"); one that points
    /// at one person or at the school alerts where the model is sure (`possibleAlertFindings`).
    ///
    /// Abuse likely enough for a person to look: the model holds it more likely than not a breach
    /// (`ModelDecision.possibleTargetBelief`), or a rules hit at `alerts.min_severity` that had no one
    /// to aim at; neither when the rules read the abuse as negated or reported.
    /// `possible`: the post's possible mentions, when known already.
    /// - Returns: the possible target, or nil when the post is not such a case.
    func possibleTarget(
        of post: Post, possible: [Mention]?, mentions: [Mention], hits: [Hit], rules: RulesVerdict, strength: Double?
    ) -> Mention? {
        guard mode != .rules, !rules.alert, !rules.cleared else { return nil }
        let modelSure = (strength ?? 0) >= min(ModelDecision.possibleTargetBelief, thresholds.alert)
        let rulesSure = hits.contains { $0.effectiveSeverity >= minSeverity && $0.category != .forwarding }
        guard modelSure || rulesSure else { return nil }
        return possibleMention(of: post, possible: possible, mentions: mentions)
    }

    /// The first possible mention in the post's words that is no mention already, or else an author
    /// named like the school or its people. Cross-validation asks it too (`CrossValidation.Outcome`).
    /// One that points at one person or at the school comes first ("die juf en de directrice zijn …" is
    /// about the directrice as much as "de directrice en die juf …": helper-105's review).
    public func possibleMention(of post: Post, possible: [Mention]? = nil, mentions: [Mention]) -> Mention? {
        let confirmed = Set(mentions.map { "\($0.entity)@\($0.start)" })
        let inText = (possible ?? matcher.possibleMentions(in: post)).filter {
            $0.start < $0.end && !confirmed.contains("\($0.entity)@\($0.start)")
        }
        let text = post.matchText
        return inText.first { Self.pointsAtOne($0, in: text) } ?? inText.first
            ?? matcher.authorNameMentions(in: post).first
    }

    /// Where a post at a possible target goes: the MT where the target points at one and the model is
    /// sure (`ModelDecision.alertsAtPossibleTarget`; the target then joins the post's mentions), else review.
    func judge(
        _ post: Post, atPossible possible: Mention, findings: [CategoryFinding], scores: LinearModel.Scores?,
        strength: Double?, rules: RulesVerdict, namable: NamableCategories
    ) -> (tier: Tier, findings: [CategoryFinding], alert: Bool) {
        if mode == .combined, let strength, Self.pointsAtOne(possible, in: post.matchText),
            ModelDecision.alertsAtPossibleTarget(rules: rules, strength: strength, thresholds),
            let sure = possibleAlertFindings(findings, scores: scores, possible: possible, namable: namable)
        {
            return (.alert, sure, true)
        }
        return (.review, reviewFindings(findings, scores: scores, possible: possible, namable: namable), false)
    }

    /// The findings of a post sent to review for a possible target: the rules' own findings as they
    /// are (what was found does not change, only whom it is aimed at is unsure), or else the model's
    /// categories at their severity, as for any review item; each explanation says whom it may be aimed
    /// at and why that is not sure.
    func reviewFindings(
        _ findings: [CategoryFinding], scores: LinearModel.Scores?, possible: Mention, namable: NamableCategories
    ) -> [CategoryFinding] {
        let whom = possible.entity == "school" ? "de school" : "iemand van de school"
        let note =
            possible.rule == .accountName
            ? "; het account '\(possible.surface)' draagt de naam van \(whom) maar is geen opgegeven account "
                + "(een nepaccount, een naamgenoot of een account dat niet in de configuratie staat): "
                + "te beoordelen, geen melding aan het MT"
            : "; mogelijk \(possible.entity == "school" ? "over de school" : "gericht aan") '\(possible.surface)', "
                + "maar de school wordt niet genoemd: te beoordelen, geen melding aan het MT"
        var out = findings.map { finding in
            var finding = finding
            finding.explanation += note
            return finding
        }
        guard out.isEmpty, let scores else { return out }
        out = modelFindings(scores, namable: namable, note: note)
        return out
    }

    /// A possible target that points at one person or at the school (`ModelDecision.alertsAtPossibleTarget`):
    /// a role only one staff member has, a misspelt name alone, the school's bare name. Not a group ("die
    /// juf", "de leraren": any school has them), the school's kind ("die praktijkschool": any of that
    /// kind), a first name alone or a common name: in cross-validation, from a belief of 0.85, those were
    /// breaches at the school in 230 of 341 posts, against 480 of 501 (`ModelDecision.alertsAtPossibleTarget`).
    /// Not where the post places it elsewhere (`PlacedElsewhere`). `text`: the post's match text.
    public static func pointsAtOne(_ possible: Mention, in text: String) -> Bool {
        guard possible.start < possible.end, !possible.glued, !possible.byKind,
            !PlacedElsewhere.says(text, possible: possible)
        else { return false }
        switch possible.rule {
        case .role, .misspelling: return possible.entity != "school"
        case .name, .alias, .hashtag, .domain: return possible.entity == "school"
        default: return false
        }
    }

    /// The findings of a post alerted at a possible target: the rules' findings, now aimed at it, or
    /// else the model's categories, each saying why the target counts though the school is not named.
    /// Nil when nothing reaches `alerts.min_severity`: the post goes to review.
    func possibleAlertFindings(
        _ findings: [CategoryFinding], scores: LinearModel.Scores?, possible: Mention, namable: NamableCategories
    ) -> [CategoryFinding]? {
        guard let scores else { return nil }
        let percent = Int((scores.any * 100).rounded())
        let whom: String
        switch possible.rule {
        case .role:
            whom =
                "gericht aan '\(possible.surface)': de school wordt niet genoemd, maar alleen die medewerker heeft "
                + "bij de school die rol"
        case .misspelling:
            whom =
                "gericht aan '\(possible.surface)': de school wordt niet genoemd, maar de naam lijkt op die van "
                + "een medewerker"
        default:
            whom = "over de school ('\(possible.surface)'), al staat de naam er zonder context"
        }
        let note = "; \(whom); het model houdt een overtreding voor zeer waarschijnlijk (\(percent) %)"
        // What the rules set aside ("geen melding: ontkenning") keeps its own word.
        var out = findings.map { finding in
            guard finding.severity > .low else { return finding }
            var finding = finding
            finding.explanation = finding.explanation.replacing(Explanation.aimedAtNoOne, with: "") + note
            return finding
        }
        if !out.contains(where: { $0.severity >= minSeverity }) {
            let model = modelFindings(scores, namable: namable, note: note)
            out.removeAll { finding in model.contains { $0.category == finding.category } }
            out += model
            Self.sortByCategory(&out)
        }
        return out.contains { $0.severity >= minSeverity } ? out : nil
    }

    /// The model's categories as findings, for a post at a possible target; a category below its bar is
    /// a low guess, as in any review item.
    private func modelFindings(_ scores: LinearModel.Scores, namable: NamableCategories, note: String)
        -> [CategoryFinding]
    {
        ModelDecision.categories(scores, namable: namable, thresholds: thresholds.categories).map {
            category, probability in
            let percent = Int((probability * 100).rounded())
            let words = scores.words.map { "'\($0)'" }.joined(separator: ", ")
            let guess = isGuess(category, probability)
            return CategoryFinding(
                category: category, severity: guess ? .low : Self.modelSeverity(category), evidence: scores.words,
                spans: scores.words.map { _ in nil },
                explanation: "alleen het model (kans \(percent) %"
                    + (words.isEmpty ? "" : "; woorden die het zwaarst wogen: \(words)") + ")"
                    + (guess ? Self.unsureCategory : "") + note)
        }
    }
}
