/// How the rules and the learned model decide together (docs/model.md, "The decision").
public enum DecisionMode: String, Sendable, CaseIterable {
    /// An alert when the rules find a breach aimed at a target, or the model is sure and a target is named.
    case combined
    /// The rules alone (the model is not asked): for comparison in `mentionwatch score`.
    case rules
    /// The model alone, with the same target linkage: for comparison.
    case model
}

/// Where a post goes: the MT (alert), the coordinator's digest (review), or nowhere.
public enum Tier: String, Sendable, Equatable, Codable {
    case alert
    /// "te beoordelen": the model suspects a breach aimed at a target, not surely enough to alarm the MT.
    case review
    case none
}

/// The model's thresholds on the probability of a breach. Defaults come from the model file, chosen
/// by cross-validation on the training corpus; `classification.alert_threshold` and
/// `review_threshold` in feeds.yaml override them.
public struct ModelThresholds: Sendable, Equatable {
    public var alert: Double
    public var review: Double
    /// A rule's alert where the model's belief is below this goes to review instead: the model
    /// vouches against it (a laser-game report, a quote in a warning). 0: the rules always alert.
    public var veto: Double
    /// The belief from which a likely threat alerts (`LinearModel.Header.threatThreshold`); 1: off.
    public var threat: Double
    /// Where a category's head is sure enough, the belief from which the post alerts
    /// (`LinearModel.Header.categoryAlertThresholds`): the heads of some categories (stalking, media
    /// without consent) are surer than "any" of what they name. Absent: the alert threshold.
    public var categoryAlert: [ProtocolCategory: CategoryAlert]
    /// Which categories the model names (`LinearModel.Header.categoryThresholds`).
    public var categories: CategoryThresholds
    /// Where set, it decides a post aimed at a target without a rule's alert, in place of the alert,
    /// threat and category thresholds (`LinearModel.Header.alertScore`; `ModelDecision.scored`).
    public var alertScore: AlertScore?
    /// The belief from which a post alerts whose only target is possible but points at one person or at
    /// the school (`Classifier.pointsAtOne`: a role only one staff member has, a misspelt name, the
    /// school's bare name), the rules reading nothing in it as negated or reported. 1: never, as before
    /// 2026.12.66 (`LinearModel.Header.possibleAlertThreshold`; docs/model.md, "Possible targets that point at one").
    public var possibleAlert: Double = 1

    public init(
        alert: Double, review: Double, veto: Double = 0, threat: Double = 1,
        categoryAlert: [ProtocolCategory: CategoryAlert] = [:], categories: CategoryThresholds = .standard
    ) {
        self.alert = alert
        self.review = review
        self.veto = veto
        self.threat = threat
        self.categoryAlert = categoryAlert
        self.categories = categories
    }

    /// The thresholds a model file holds (chosen by cross-validation when it was trained).
    public init(_ header: LinearModel.Header) {
        self.init(
            alert: header.alertThreshold, review: header.reviewThreshold, veto: header.vetoThreshold,
            threat: header.threatThreshold ?? 1,
            categoryAlert: Dictionary(
                uniqueKeysWithValues: (header.categoryAlertThresholds ?? [:]).compactMap { name, bar in
                    ProtocolCategory(rawValue: name).map { ($0, bar) }
                }),
            categories: header.categoryThresholds ?? .standard)
        alertScore = header.alertScore
        possibleAlert = header.possibleAlertThreshold ?? 1
    }
}

/// A category's own alert bar: a post whose head for the category is at least `likely` alerts from a
/// belief ("any") of `belief`, where that is lower than the alert threshold.
public struct CategoryAlert: Codable, Sendable, Equatable {
    public var likely: Double
    public var belief: Double

    public init(likely: Double, belief: Double) {
        self.likely = likely
        self.belief = belief
    }
}

/// What the rules concluded about a post, as the decision needs it.
public struct RulesVerdict: Sendable, Equatable {
    /// A breach aimed at a target, at or above `alerts.min_severity`.
    public var alert = false
    /// One of them critical (a threat to kill, a weapon, a bomb): the model cannot vouch against that,
    /// because a missed threat costs more than a false alarm.
    public var critical = false
    /// The rules read abuse in the post and found every piece of it negated, condemned or reported
    /// ("Stop met juf Marieke uitschelden", a news report, a quote to report it): the model, which
    /// reads words and not their context, cannot alarm the MT on such a post, only put it up for review.
    public var cleared = false
    /// The post is at most `ModelDecision.briefWords` words: the rule's words are nearly all of it, and
    /// the model has too little to vouch against them with ("Juf Marieke is walgelijk." got 0.12: a
    /// post's features are scaled by 1/√(count + 30), so a short one stays near the model's prior).
    public var brief = false
    /// The categories the rules found (any severity), and those they count (above low): the alert
    /// score reads them.
    public var found: Set<ProtocolCategory> = []
    public var counted: Set<ProtocolCategory> = []
    /// The categories the model may name in this post (kept here for cross-validation).
    public var namable = NamableCategories(byStaff: false)

    public init(
        alert: Bool = false, critical: Bool = false, cleared: Bool = false, brief: Bool = false,
        found: Set<ProtocolCategory> = [], counted: Set<ProtocolCategory> = [],
        namable: NamableCategories = NamableCategories(byStaff: false)
    ) {
        self.namable = namable
        self.alert = alert
        self.critical = critical
        self.cleared = cleared
        self.brief = brief
        self.found = found
        self.counted = counted
    }
}

public enum ModelDecision {
    /// Categories only a staff account can commit (its own post): the model's word for them counts
    /// only when a staff account wrote the post.
    static let staffOnly: Set<ProtocolCategory> = [.confidentialInfo, .unauthorisedStatement]

    /// The most words a post may have for the model not to vouch against a rule's alert
    /// (`RulesVerdict.brief`). In cross-validation on 9,562 posts, none of the 96 rule alerts the
    /// veto rightly stopped had 8 words or fewer; 5 of the 30 it wrongly stopped had.
    public static let briefWords = 8

    /// From this belief a post at a possible target goes to review (`Classifier.possibleTarget`): the
    /// model holds it more likely than not a breach. In cross-validation on 14,013 posts, the alert
    /// threshold (0.955) as the bar gave alert-or-review recall 0.90 with 3,535 posts to review (1,415
    /// without a breach); 0.5 gave 0.92 with 3,737 (1,493): three in five of the added posts are
    /// breaches, as on the rest of the list. 0.3 added 62 more, 47 of them without a breach.
    public static let possibleTargetBelief = 0.5

    /// From this belief a post aimed at no one names the model's categories, as the rules name theirs
    /// (`Classifier.untargetedFindings`): a label says what a post commits, whoever it is aimed at.
    /// The post still goes nowhere. In cross-validation on 21,069 posts (2026.12.37) the combined
    /// category macro-F1 was 0.726 without, 0.746 / 0.748 / 0.748 / 0.742 from 0.3 / 0.5 / 0.7 /
    /// the alert threshold: the highest, and of those the one that names least on a set without them.
    public static let untargetedBelief = 0.7

    /// The model's belief in a breach: its "any" head. Not the likeliest category: the category heads
    /// weigh their rare positives up so they can name a category, which makes them overconfident
    /// ("⟨p⟩ is een topper" scored 0.99 as an insult). In cross-validation "any" alone found as many
    /// alerts at the same false-alert rate, with a fifth fewer false review items (docs/model.md).
    public static func strength(_ scores: LinearModel.Scores) -> Double {
        scores.any
    }

    /// The belief from which the model alerts: lower for a post it holds more likely than not a threat,
    /// or surely enough of a category with a bar of its own (never one only a staff account can commit:
    /// the heads' beliefs here do not know who wrote the post).
    public static func alertBelief(_ thresholds: ModelThresholds, heads: [ProtocolCategory: Double]) -> Double {
        var belief = (heads[.threat] ?? 0) >= 0.5 ? min(thresholds.alert, thresholds.threat) : thresholds.alert
        for (category, bar) in thresholds.categoryAlert
        where !staffOnly.contains(category) && (heads[category] ?? 0) >= bar.likely {
            belief = min(belief, bar.belief)
        }
        return belief
    }

    /// The tier of a post. `linked`: the post names a target (the school, a staff member, a group or
    /// a role of the school) or is a staff account's own post. `heads`: the model's belief in each
    /// category; where a head is sure enough (0.5 for a threat), that category's bar (the threat
    /// threshold for a threat) stands in for the alert threshold where it is lower.
    /// `pointsAtOne`: the post is not linked, but a possible target of it points at one person or at the
    /// school (`alertsAtPossibleTarget`).
    public static func tier(
        mode: DecisionMode, rules: RulesVerdict, linked: Bool, strength: Double?, thresholds: ModelThresholds,
        heads: [ProtocolCategory: Double] = [:], pointsAtOne: Bool = false
    ) -> Tier {
        let strength = strength ?? 0
        let alerts = strength >= alertBelief(thresholds, heads: heads)
        switch mode {
        case .rules:
            return rules.alert ? .alert : .none
        case .model:
            guard linked else { return .none }
            return alerts ? .alert : strength >= thresholds.review ? .review : .none
        case .combined:
            if let score = thresholds.alertScore {
                return scored(
                    { score.probability(rules: rules, strength: strength, heads: heads) }, threshold: score.threshold,
                    rules: rules, linked: linked, strength: strength, thresholds: thresholds, pointsAtOne: pointsAtOne)
            }
            if rules.alert { return rules.critical || rules.brief || strength >= thresholds.veto ? .alert : .review }
            guard linked else {
                return pointsAtOne && alertsAtPossibleTarget(rules: rules, strength: strength, thresholds)
                    ? .alert : .none
            }
            if alerts { return rules.cleared ? .review : .alert }
            return strength >= thresholds.review ? .review : .none
        }
    }

    /// The tier by the alert score. A rule's alert is decided as without the score: a rule hit aimed
    /// at a target is strong evidence, which the model can only vouch against below the veto (a
    /// score that could also doubt it found more in cross-validation, but sent plain insults and
    /// threats with a middling belief to review: docs/evaluation.md, 2026.12.59). Otherwise a post
    /// aimed at a target alerts from the score's threshold, or goes to review when the rules read its
    /// abuse as negated, condemned or reported; below that, review; under the review threshold, none.
    /// `probability`: the score of the post, asked only where it decides; training passes the one of
    /// weights fitted without the post's fold (`CrossValidation.chooseAlertScore`), so both decide by
    /// this one function.
    static func scored(
        _ probability: () -> Double, threshold: Double, rules: RulesVerdict, linked: Bool, strength: Double,
        thresholds: ModelThresholds, pointsAtOne: Bool = false
    ) -> Tier {
        if rules.alert { return rules.critical || rules.brief || strength >= thresholds.veto ? .alert : .review }
        guard linked else {
            return pointsAtOne && alertsAtPossibleTarget(rules: rules, strength: strength, thresholds) ? .alert : .none
        }
        // Never from a belief under the review threshold: a category head alone, sure of a surface,
        // could carry the score (helper-102's review); in cross-validation no alert came from there.
        guard strength >= thresholds.review else { return .none }
        if probability() >= threshold {
            return rules.cleared ? .review : .alert
        }
        return .review
    }

    /// Whether a post whose only target is possible, pointing at one person or at the school, alerts:
    /// the model is sure (`ModelThresholds.possibleAlert`) and the rules read nothing in it as negated,
    /// condemned or reported. Where the school is not named, "de directrice" may be another school's;
    /// but a role only one of its staff has, in a feed the school watches, with abuse the model is sure
    /// of, was a breach at the school in 480 of 501 such posts of the training corpus from 0.85 (cross-
    /// validated, 2026.12.66), against 230 of 341 for groups, the school's kind, first names alone and
    /// common names (docs/model.md).
    public static func alertsAtPossibleTarget(rules: RulesVerdict, strength: Double, _ thresholds: ModelThresholds)
        -> Bool
    {
        !rules.alert && !rules.cleared && strength >= thresholds.possibleAlert
    }
}
