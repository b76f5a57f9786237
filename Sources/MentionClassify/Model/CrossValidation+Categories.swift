extension CrossValidation {
    /// What naming a post's categories needs: which decision names them, what the rules found, what
    /// the model believes, and what the label says.
    struct Naming {
        enum Kind {
            /// Nothing the model says changes the categories (no tier, or a possible target the rules
            /// already found something at): those of `counted`.
            case fixed
            /// A rule's alert: the rules' categories and what joins them.
            case joins
            /// The model's alert or review: the rules' categories and what the model names.
            case names
            /// Aimed at no one, the model sure of a breach (`Classifier.untargetedFindings`): what the
            /// model names joins what the rules counted, or names it when they counted nothing.
            case untargeted
        }
        var kind: Kind
        var counted: Set<ProtocolCategory>
        var found: Set<ProtocolCategory>
        var beliefs: LinearModel.Scores?
        var namable: NamableCategories
        var expected: Set<ProtocolCategory>
        var alert = true

        private func joining(_ beliefs: LinearModel.Scores, _ thresholds: CategoryThresholds) -> Set<ProtocolCategory> {
            Set(ModelDecision.joining(beliefs, namable: namable, found: found, thresholds: thresholds).map(\.0))
        }

        func categories(_ thresholds: CategoryThresholds) -> Set<ProtocolCategory> {
            guard let beliefs else { return counted }
            switch kind {
            case .fixed:
                return counted
            case .joins:
                return counted.union(joining(beliefs, thresholds))
            case .names:
                return counted.union(
                    ModelDecision.categories(beliefs, namable: namable, thresholds: thresholds, nearest: alert).map(\.0)
                )
            case .untargeted:
                guard counted.isEmpty else { return counted.union(joining(beliefs, thresholds)) }
                return Set(
                    ModelDecision.categories(beliefs, namable: namable, thresholds: thresholds, nearest: false).map(\.0)
                )
            }
        }
    }

    /// Each post judged by its fold's model with these thresholds, as far as naming needs it.
    func namings(_ thresholds: ModelThresholds) -> [Naming] {
        let classifiers = models.map { classifier($0, thresholds: thresholds, mode: .combined) }
        return posts.indices.map { index in
            let assessment = classifiers[foldOf[index]].assess(posts[index].post)
            let outcome = outcomes[index]
            let kind: Naming.Kind
            var counted = outcome.ruleCounted
            if assessment.tier == .none, !assessment.linked, !assessment.rules.cleared,
                (assessment.modelStrength ?? 0) >= ModelDecision.untargetedBelief
            {
                kind = .untargeted
            } else if assessment.tier == .none {
                kind = .fixed
                counted = Set(assessment.categories.filter { $0.severity > .low }.map(\.category))
            } else if assessment.rules.alert {
                kind = .joins
            } else if assessment.linked || outcome.ruleFindings.isEmpty {
                kind = .names
            } else {
                kind = .fixed  // a possible target: the rules' findings stand as they are
            }
            return Naming(
                kind: kind, counted: counted, found: outcome.ruleFindings, beliefs: assessment.model,
                namable: assessment.rules.namable,
                expected: Set(posts[index].expect.categories.compactMap(ProtocolCategory.init(rawValue:))),
                alert: assessment.tier == .alert)
        }
    }

    /// The mean F1 over the categories labelled or found at least once, as `Scoring.macroF1`.
    static func macroF1(_ namings: [Naming], _ thresholds: CategoryThresholds) -> Double {
        var counts = [ProtocolCategory: (tp: Int, fp: Int, fn: Int)]()
        for naming in namings {
            let found = naming.categories(thresholds)
            for category in found.union(naming.expected) {
                var count = counts[category, default: (0, 0, 0)]
                switch (found.contains(category), naming.expected.contains(category)) {
                case (true, true): count.tp += 1
                case (true, false): count.fp += 1
                default: count.fn += 1
                }
                counts[category] = count
            }
        }
        guard !counts.isEmpty else { return 0 }
        let scores = counts.values.map { Double(2 * $0.tp) / Double(2 * $0.tp + $0.fp + $0.fn) }
        return scores.reduce(0, +) / Double(scores.count)
    }

    /// The bars that name the categories best (category macro-F1) with these tier thresholds: for
    /// each category in turn, its naming bar and then its joining bar (or none), twice over, keeping
    /// a change only when it scores higher. Starts from `CategoryThresholds.standard`.
    public func chooseCategoryThresholds(_ thresholds: ModelThresholds) -> CategoryThresholds {
        let namings = namings(thresholds)
        let bars = stride(from: 10, through: 95, by: 5).map { Double($0) / 100 } + [0.97, 0.99]
        var best = CategoryThresholds.standard
        var bestScore = Self.macroF1(namings, best)
        for _ in 0..<2 {
            for category in ProtocolCategory.allCases {
                for bar in bars {
                    var candidate = best
                    candidate.naming[category.rawValue] = bar
                    let score = Self.macroF1(namings, candidate)
                    if score > bestScore + 1e-9 { (best, bestScore) = (candidate, score) }
                }
                for bar in bars.map(Optional.some) + [nil] {
                    var candidate = best
                    candidate.joining[category.rawValue] = bar
                    let score = Self.macroF1(namings, candidate)
                    if score > bestScore + 1e-9 { (best, bestScore) = (candidate, score) }
                }
            }
        }
        return best
    }
}
