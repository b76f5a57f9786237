import MentionMatch

extension Classifier {
    /// A post whose abuse is clear but whose target is not confirmed: it names someone only in a way
    /// that needs the school for context ("die directrice", "zeehoek gaat in de fik", a surname alone) and
    /// the school is not named, or its author's name names the school or its people while the author is
    /// no configured account (`Matcher.authorNameMentions`). The person it may be aimed at is only
    /// possible, so the post goes to review, never to the MT (docs/classification.md, "Possible targets").
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
        let confirmed = Set(mentions.map { "\($0.entity)@\($0.start)" })
        let inText = (possible ?? matcher.possibleMentions(in: post)).first {
            $0.start < $0.end && !confirmed.contains("\($0.entity)@\($0.start)")
        }
        return inText ?? matcher.authorNameMentions(in: post).first
    }

    /// The findings of a post sent to review for a possible target: the rules' own findings as they
    /// are (what was found does not change, only whom it is aimed at is unsure), or else the model's
    /// categories at their severity, as for any review item; each explanation says whom it may be aimed
    /// at and why that is not sure.
    func reviewFindings(
        _ findings: [CategoryFinding], scores: LinearModel.Scores?, possible: Mention, byStaff: Bool
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
        for (category, probability) in ModelDecision.categories(
            scores, byStaff: byStaff, thresholds: thresholds.categories)
        {
            let percent = Int((probability * 100).rounded())
            let words = scores.words.map { "'\($0)'" }.joined(separator: ", ")
            let guess = isGuess(category, probability)
            out.append(
                CategoryFinding(
                    category: category, severity: guess ? .low : Self.modelSeverity(category), evidence: scores.words,
                    spans: scores.words.map { _ in nil },
                    explanation: "alleen het model (kans \(percent) %"
                        + (words.isEmpty ? "" : "; woorden die het zwaarst wogen: \(words)") + ")"
                        + (guess ? Self.unsureCategory : "") + note))
        }
        return out
    }
}
