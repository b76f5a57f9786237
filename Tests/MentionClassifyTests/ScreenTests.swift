import Foundation
import TestSupport
import Testing

@testable import MentionClassify
@testable import MentionConfig
@testable import MentionMatch

/// `Classifier.screen`: the daemon skips the rules and the model on a post that cannot concern the
/// school. Skipping must never lose an alert or a review item.
struct ScreenTests {
    static let classifier = ShippedModelTests.classifier

    @Test(
        .enabled(if: Paths.sharedIsPresent, "../shared is absent: world.yaml (the fictional school) is not there"))
    func noPostThatAlertsOrGoesToReviewIsSkipped() async throws {
        // Every fourth post of the training corpus and every labelled set of Tests/Support, in order,
        // with the forwarding memory filled as the daemon fills it.
        let posts = try Paths.labelledLines(corpusEvery: 4, supportEvery: 1).map {
            try JSONDecoder().decode(LabelledPost.self, from: Data($0.utf8)).post
        }
        // `mayConcernTheSchool` asks only for the possible mentions: they must hold every post with a mention.
        let matcher = Self.classifier.matcher
        for post in posts where !matcher.mentions(in: post).isEmpty {
            #expect(!matcher.possibleMentions(in: post).isEmpty, "\(post.id): a mention, but no possible one")
        }
        var memory = ForwardingMemory()
        var skipped = 0
        var kept = 0
        for (number, post) in posts.enumerated() {
            // A long synchronous loop holds a thread of the shared test pool; let timed tests run.
            if number % 50 == 0 { await Task.yield() }
            let full = Self.classifier.assess(post, forwarding: memory)
            if Self.classifier.mayConcernTheSchool(post) {
                kept += 1
                #expect(Self.classifier.screen(post, forwarding: memory) == full, "\(post.id)")
            } else {
                skipped += 1
                #expect(full.tier == .none, "\(post.id) was skipped, but is \(full.tier): \(post.text)")
                #expect(Self.classifier.screen(post, forwarding: memory).tier == .none)
            }
            Self.classifier.remember(post, full, in: &memory)
        }
        print("screen: \(skipped) of \(posts.count) posts skipped, \(kept) judged")
        #expect(skipped > 100 && kept > 1000)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var author = "@someone"
        var schoolSpecific = false
        var thread = false
        var concerns: Bool
        var testDescription: String { text }
    }

    @Test(arguments: [
        // Positive: something links the post to the school or may.
        Case(text: "Juf Marieke is een topper", concerns: true),
        Case(text: "die directrice is echt een trut", concerns: true),  // a role: a possible target
        Case(text: "wat een lekker weer vandaag", author: "@prozeehoek", concerns: true),  // the school's account
        Case(text: "Zit vandaag thuis met de griep", author: "@djmulder", concerns: true),  // a staff account
        // A handle named like staff: impersonation.
        Case(text: "Ik ben jullie nieuwe juf, volg mij", author: "@juf_marieke", concerns: true),
        Case(text: "wat een lekker weer vandaag", schoolSpecific: true, concerns: true),
        // A surname as one word, split at a capital that is a look-alike letter ("eIAmrani").
        Case(text: "Die eIAmrani = een vieze vuile leugenaar", concerns: true),
        Case(text: "ze is echt dom", thread: true, concerns: true),  // a reply under a post naming staff
        // Negative: nothing of the school.
        Case(text: "wat een lekker weer vandaag", concerns: false),
        Case(text: "Ajax speelde gisteren slecht, de keeper is een kneus", concerns: false),
        Case(text: "Die eIAnders = een vieze vuile leugenaar", concerns: false),
    ])
    func aPostConcernsTheSchoolWhenSomethingLinksIt(_ example: Case) {
        var post = Post(
            id: "t", source: "forum", author: example.author, text: example.text, schoolSpecific: example.schoolSpecific
        )
        if example.thread {
            post.thread = [Mention(entity: "staff-01", surface: "juf Marieke", start: 0, end: 0, rule: .thread)]
        }
        #expect(Self.classifier.mayConcernTheSchool(post) == example.concerns)
    }
}
