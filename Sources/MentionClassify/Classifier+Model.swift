import MentionMatch

extension Classifier {
    /// The model's part of a judgement: its scores, the tier, and a finding for each category that
    /// only the model found when the post goes to the MT or to review (docs/model.md).
    func judgeWithModel(
        text: String, mentions: [Mention], namable: NamableCategories, rules: RulesVerdict,
        findings: inout [CategoryFinding]
    ) -> (tier: Tier, scores: LinearModel.Scores?, strength: Double?, linked: Bool) {
        let targets = mentions.filter { $0.start < $0.end || $0.rule == .thread }
        let linked = namable.byStaff || !targets.isEmpty
        guard let model, mode != .rules else { return (rules.alert ? .alert : .none, nil, nil, linked) }
        let scores = model.scores(words: TextFeatures.words(in: text, mentions: mentions))
        let strength = ModelDecision.strength(scores)
        var tier = ModelDecision.tier(
            mode: mode, rules: rules, linked: linked, strength: strength,
            thresholds: thresholds, heads: scores.categories)
        if mode == .model {
            findings.removeAll()
        }
        guard tier != .none else { return (tier, scores, strength, linked) }
        let categories: [(ProtocolCategory, Double)]
        if rules.alert, mode != .model {
            // The rules name what their words say; the model adds a category they did not find from
            // its own bar (forwarding, the shape of the whole post, which the rules see in few posts).
            categories = ModelDecision.joining(
                scores, namable: namable, found: Set(findings.map(\.category)), thresholds: thresholds.categories)
        } else {
            categories = ModelDecision.categories(scores, namable: namable, thresholds: thresholds.categories)
            if tier == .alert, !categories.contains(where: { Self.modelSeverity($0.0) >= minSeverity }) {
                tier = .review
            }
        }
        for (category, probability) in categories {
            // The same weight in review as in an alert: the tier says whether the MT hears of it, the
            // severity what the post commits; only a review item's guess below every bar is low.
            let guess = tier == .review && !(rules.alert && mode != .model) && isGuess(category, probability)
            let severity = guess ? .low : Self.modelSeverity(category)
            if let index = findings.firstIndex(where: { $0.category == category }) {
                // The rules' words aimed at no one, in a post the model links and sends on: the finding
                // says so, not "niet gericht" in a mail to the MT.
                if findings[index].explanation.contains(Explanation.aimedAtNoOne) {
                    findings[index].explanation =
                        findings[index].explanation.replacing(Explanation.aimedAtNoOne, with: "")
                        + Self.linkedByModel(probability: strength, target: targets.first, tier: tier)
                    findings[index].severity = max(findings[index].severity, severity)
                    continue
                }
                guard findings[index].severity < severity else { continue }
                findings.remove(at: index)
            }
            findings.append(
                CategoryFinding(
                    category: category, severity: severity, evidence: scores.words,
                    spans: scores.words.map { _ in nil },
                    explanation: Self.modelExplanation(
                        probability: probability, words: scores.words, target: targets.first, tier: tier)
                        + (guess ? Self.unsureCategory : "")))
        }
        Self.sortByCategory(&findings)
        return (tier, scores, strength, linked)
    }

    /// What a post aimed at no one commits, in the model's words: the categories a post names are
    /// what it says, whoever it is aimed at (corpus/LABELS.md), as the rules' own untargeted findings.
    /// Only from `ModelDecision.untargetedBelief`, so a post the model merely suspects names nothing.
    func untargetedFindings(_ findings: [CategoryFinding], scores: LinearModel.Scores, namable: NamableCategories)
        -> [CategoryFinding]
    {
        let counted = findings.filter { $0.severity > .low }
        let categories =
            counted.isEmpty
            ? ModelDecision.categories(scores, namable: namable, thresholds: thresholds.categories)
            : ModelDecision.joining(
                scores, namable: namable, found: Set(findings.map(\.category)), thresholds: thresholds.categories)
        var out = findings
        for (category, probability) in categories {
            let guess = counted.isEmpty && isGuess(category, probability)
            out.removeAll { $0.category == category }
            out.append(
                CategoryFinding(
                    category: category, severity: guess ? .low : Self.modelSeverity(category),
                    evidence: scores.words, spans: scores.words.map { _ in nil },
                    explanation: Self.modelExplanation(
                        probability: probability, words: scores.words, target: nil, tier: .none)
                        + Explanation.aimedAtNoOne + (guess ? Self.unsureCategory : "")))
        }
        Self.sortByCategory(&out)
        return out
    }

    /// Findings in the protocol's order of categories.
    static func sortByCategory(_ findings: inout [CategoryFinding]) {
        let order = ProtocolCategory.allCases
        findings.sort { (order.firstIndex(of: $0.category) ?? 0) < (order.firstIndex(of: $1.category) ?? 0) }
    }

    /// A category the model names below its bar, only as the nearest: a guess. In a review item or a
    /// post aimed at no one it is low, so `score` does not count it and no set is told a category it
    /// never holds; promoted, it weighs as usual (`Store.decide`). In cross-validation on 21,069 posts
    /// the combined category macro-F1 rose from 0.748 to 0.757 with the bars chosen again.
    func isGuess(_ category: ProtocolCategory, _ probability: Double) -> Bool {
        probability < thresholds.categories.naming(category)
    }

    /// Said of a category named as a guess.
    static let unsureCategory = "; welke categorie is onzeker"

    /// Threats and discrimination weigh as in the rules (design §7); the rest is medium.
    static func modelSeverity(_ category: ProtocolCategory) -> Severity {
        switch category {
        case .threat, .discrimination: return .high
        default: return .medium
        }
    }

    /// "; het model houdt een overtreding voor waarschijnlijk (kans 93 %), gericht aan juf Marieke": said
    /// after a rules finding that found no target itself; the chance is that of any breach (`strength`).
    static func linkedByModel(probability: Double, target: Mention?, tier: Tier) -> String {
        var text =
            "; het model houdt een overtreding voor waarschijnlijk (kans \(Int((probability * 100).rounded())) %)"
        if let target {
            text +=
                target.entity == "school" ? ", over de school (\(target.surface))" : ", gericht aan \(target.surface)"
        }
        if tier == .review { text += "; te beoordelen, geen melding aan het MT" }
        return text
    }

    /// "Alleen het model (kans 0,93; woorden die het zwaarst wogen: 'x', 'y'), gericht aan juf Marieke".
    static func modelExplanation(probability: Double, words: [String], target: Mention?, tier: Tier) -> String {
        let percent = Int((probability * 100).rounded())
        var text = "alleen het model (kans \(percent) %"
        if !words.isEmpty {
            text += "; woorden die het zwaarst wogen: " + words.map { "'\($0)'" }.joined(separator: ", ")
        }
        text += ")"
        if let target {
            text += target.entity == "school" ? " over de school (\(target.surface))" : " gericht aan \(target.surface)"
            if target.rule == .thread { text += " (genoemd in het bericht waarop dit reageert)" }
        }
        if tier == .review { text += "; te beoordelen, geen melding aan het MT" }
        return text
    }
}
