import FeedKit
import MentionClassify
import MentionConfig
import MentionFetch
import MentionMatch

/// The new items of one fetched feed, to be judged away from `Monitor`, the database's actor:
/// parsing and judging are most of a poll's CPU, so they run for several feeds at once on all
/// cores while the actor stores others (docs/architecture.md, "Polling"). What the judging needs
/// of the database (which items are known, the names of a post replied to) is read before.
struct PollBatch: Sendable {
    struct Entry: Sendable {
        var item: FeedItem
        var post: Post
        /// The names of the post this one replies to, as stored; a post of this batch goes first.
        var storedThread: [Mention]?
    }

    /// One new item, judged.
    struct Judged: Sendable {
        var item: FeedItem
        var post: Post
        var assessment: Assessment
    }

    /// Posts before replies (RFC 4685 `thr:in-reply-to`), so a reply finds its thread's names here.
    var entries: [Entry]
    var classifier: Classifier
    /// The flagged posts remembered when the batch was made, to recognise a forwarded copy.
    var forwarding: ForwardingMemory
    /// `PollPipeline.forwardingVersion` then: when it has changed by the time the batch is stored, a
    /// post flagged elsewhere meanwhile may be forwarded here, and the batch is judged again.
    var forwardingVersion: Int

    /// Parses a fetched body; off the actor.
    static func parse(_ response: FetchedBody) -> Result<Feed, PollPipeline.ProcessingError> {
        do {
            return .success(
                try FeedParser.parse(response.body, contentType: response.contentType, baseURL: response.effectiveURL))
        } catch {
            return .failure(PollPipeline.ProcessingError("\(error)"))
        }
    }

    /// Each entry's post as judged and its assessment, in order; a flagged post is remembered for the
    /// posts after it, as the daemon remembers it once stored.
    func judge() -> [Judged] {
        var namesByIdentity: [String: [Mention]] = [:]
        var memory = forwarding
        var judged: [Judged] = []
        judged.reserveCapacity(entries.count)
        for entry in entries {
            var post = entry.post
            if let parent = entry.item.repliesToIdentity {
                post.thread = namesByIdentity[parent] ?? entry.storedThread ?? []
            }
            var assessment = classifier.screen(post, forwarding: memory)
            if !assessment.mentions.isEmpty { namesByIdentity[entry.item.identity] = assessment.mentions }
            if assessment.tier == .review, assessment.track == .none,
                classifier.matcher.owner(ofAuthor: post.author).map({ $0 != "school" }) ?? false
            {
                assessment.track = .staff  // a staff account's own post: the staff track, should it be promoted
            }
            classifier.remember(post, assessment, in: &memory)
            judged.append(Judged(item: entry.item, post: post, assessment: assessment))
        }
        return judged
    }
}

extension Post {
    /// The post of a feed item, as the classifier reads it.
    init(_ item: FeedItem, of feed: FeedConfig) {
        self.init(
            id: item.identity, source: feed.kind.rawValue,
            author: item.authors.first?.name ?? item.authors.first?.email ?? "",
            title: item.title ?? "", text: item.text, hasMedia: !item.media.isEmpty,
            schoolSpecific: feed.schoolSpecific, feedID: feed.id)
    }
}
