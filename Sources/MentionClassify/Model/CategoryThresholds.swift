/// From which belief the model names each protocol category (docs/model.md, "Naming the breach").
/// The tier is decided by the "any" head; these only say *which* breach. Each category head weighs its
/// rare positives up, so one bar of 0.5 for all names some categories too often and others too
/// seldom: the bars are chosen per category by cross-validation and kept in the model file.
public struct CategoryThresholds: Codable, Sendable, Equatable {
    /// In a post the model alerts on or puts up for review: a category at or above its bar is named.
    /// Absent: 0.5.
    public var naming: [String: Double]
    /// Beside a rule's alert: a category the rules did not find joins at or above its bar. A category
    /// without one never joins (the rules name what their words say).
    public var joining: [String: Double]

    public init(naming: [String: Double], joining: [String: Double]) {
        self.naming = naming
        self.joining = joining
    }

    /// A model file without them (before 2026.12.26): every category named from 0.5, and only
    /// forwarding joins a rule's alert (2026.12.24; the shape of the whole post, which the rules see
    /// in few posts).
    public static let standard = CategoryThresholds(naming: [:], joining: [ProtocolCategory.forwarding.rawValue: 0.5])

    public func naming(_ category: ProtocolCategory) -> Double { naming[category.rawValue] ?? 0.5 }
    public func joining(_ category: ProtocolCategory) -> Double? { joining[category.rawValue] }
}

/// The categories a post can be named at all, whatever the model believes: the heads read words, not
/// who wrote the post or what shape it has.
public struct NamableCategories: Sendable, Equatable {
    /// A staff account's own post: only it can leak confidential information or speak for the school.
    public var byStaff: Bool
    /// The post shows that it carries someone else's words or pictures (`PassingOn.isShown`). Forwarding
    /// is the shape of the whole post; without a quotation or a word for passing on, the forwarding
    /// head was wrong in 9 of the 10 posts it named in rounds 15 and 18 and the functional dev set (2026.12.74).
    public var passesOn: Bool
    /// The post names a protected ground (`ProtectedGround.isNamed`): origin, religion, skin colour,
    /// gender, sexuality, disability, or a slur. Without one, "people like Mr Mulder shouldn't teach"
    /// is an insult, not discrimination, unless the model is nearly sure (`ungroundedBar`).
    public var namesAGround: Bool

    public init(byStaff: Bool, passesOn: Bool = true, namesAGround: Bool = true) {
        self.byStaff = byStaff
        self.passesOn = passesOn
        self.namesAGround = namesAGround
    }

    /// Whether the model may name `category` at this belief. Discrimination without a ground word
    /// needs `ungroundedBar`: a word list cannot hold every way to point at one ("met dat doekje op haar
    /// hoofd", "terug naar waar ze vandaan komt"), and the model is sure of most of those.
    public func allows(_ category: ProtocolCategory, belief: Double) -> Bool {
        switch category {
        case .forwarding: passesOn
        case .discrimination: namesAGround || belief >= Self.ungroundedBar
        default: byStaff || !ModelDecision.staffOnly.contains(category)
        }
    }

    public static let ungroundedBar = 0.9
}

extension ModelDecision {
    /// The categories the model names in a post it alerts on or puts up for review, most likely
    /// first: those at or above their bar that this post can be named, or else (with `nearest`) the
    /// one nearest its bar.
    public static func categories(
        _ scores: LinearModel.Scores, namable: NamableCategories, thresholds: CategoryThresholds = .standard,
        nearest: Bool = true
    ) -> [(ProtocolCategory, Double)] {
        let allowed = scores.categories.filter { namable.allows($0.key, belief: $0.value) }
            .sorted { ($0.value, $0.key.rawValue) > ($1.value, $1.key.rawValue) }
        let sure = allowed.filter { $0.value >= thresholds.naming($0.key) }
        guard sure.isEmpty, nearest else { return sure.map { ($0.key, $0.value) } }
        let nearest = allowed.max { $0.value - thresholds.naming($0.key) < $1.value - thresholds.naming($1.key) }
        return nearest.map { [($0.key, $0.value)] } ?? []
    }

    /// The categories the model adds beside a rule's alert: at or above their joining bar, this post
    /// can be named them, and the rules did not find them.
    public static func joining(
        _ scores: LinearModel.Scores, namable: NamableCategories, found: Set<ProtocolCategory>,
        thresholds: CategoryThresholds
    ) -> [(ProtocolCategory, Double)] {
        scores.categories.filter { category, belief in
            namable.allows(category, belief: belief) && !found.contains(category)
                && thresholds.joining(category).map { belief >= $0 } ?? false
        }
        .sorted { ($0.value, $0.key.rawValue) > ($1.value, $1.key.rawValue) }
        .map { ($0.key, $0.value) }
    }
}
