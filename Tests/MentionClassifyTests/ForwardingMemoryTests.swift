import Testing

@testable import MentionClassify
@testable import MentionMatch

/// Forwarding by memory (issue 13 item 7): a flagged post that comes back from another source or author.
struct ForwardingMemoryTests {
    @Test func forwardedCopyFromAnotherSourceIsForwarding() {
        let classifier = ClassificationTableTests.classifier
        var memory = ForwardingMemory()
        let original = Post(
            id: "p1", source: "forum", author: "xXdennisXx",
            text: "juf Marieke is een kankerwijf en iedereen op school weet het")
        let first = classifier.assess(original, forwarding: memory)
        #expect(first.alert)
        classifier.remember(original, first, in: &memory)
        let copy = Post(
            id: "p2", source: "mastodon", author: "@anon",
            text: "kijk dit 😂 juf Marieke is een kankerwijf en iedereen op school weet het")
        let forwarded = classifier.assess(copy, forwarding: memory)
        let finding = forwarded.categories.first { $0.category == .forwarding }
        #expect(finding?.severity == .high)
        #expect(finding?.explanation.contains("p1") == true)
        #expect(forwarded.alert)
        // The same author on the same source posting it again is not forwarding.
        let again = Post(id: "p3", source: "forum", author: "xXdennisXx", text: original.text)
        #expect(!classifier.assess(again, forwarding: memory).categories.contains { $0.category == .forwarding })
        // Quoting it to speak against it is no forwarding.
        let against = Post(
            id: "p5", source: "blog", author: "@mentor",
            text:
                "Iemand schreef \"juf Marieke is een kankerwijf en iedereen op school weet het\". Schaam je, stop met pesten!"
        )
        #expect(!classifier.assess(against, forwarding: memory).alert)
        // A post that raised no alert is not remembered.
        var fresh = ForwardingMemory()
        let unaimed = Post(
            id: "p6", source: "forum", author: "x",
            text: "Die scheids van gisteren is echt een kankerlijer, iedereen zag het gebeuren")
        classifier.remember(unaimed, classifier.assess(unaimed), in: &fresh)
        #expect(fresh.count == 0)
        // A shared phrase is not a copy.
        let other = Post(id: "p4", source: "blog", text: "Iedereen op school weet het: juf Marieke is de beste mentor")
        #expect(!classifier.assess(other, forwarding: memory).categories.contains { $0.category == .forwarding })
    }

    /// A short flagged post shares most of its shingles with any post that names the same group; only a
    /// post that repeats what it said forwards it.
    @Test func sameTargetIsNoCopyOfAShortPost() {
        let classifier = ClassificationTableTests.classifier
        var memory = ForwardingMemory()
        let original = Post(id: "s1", source: "forum", author: "a", text: "de leraren van de zeehoek zijn ggwn idioten")
        let first = classifier.assess(original, forwarding: memory)
        #expect(first.alert)
        classifier.remember(original, first, in: &memory)
        let praise = Post(
            id: "s2", source: "forum", author: "b", text: "De leraren van De Zeehoek zijn toppers, dankjewel!")
        #expect(!classifier.assess(praise, forwarding: memory).alert)
        let copy = Post(
            id: "s3", source: "forum", author: "c",
            text: "kijk wat ik zag: de leraren van de zeehoek zijn ggwn idioten 😂")
        #expect(classifier.assess(copy, forwarding: memory).categories.contains { $0.category == .forwarding })
    }
}
