/// What kind of site a feed comes from (`kind:` in feeds.yaml); news is read as reporting.
public enum FeedKind: String, Sendable, Equatable, CaseIterable {
    case news, mastodon, reddit, youtube, blog, forum, alerts
}
