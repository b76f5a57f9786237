import MentionMail
import ServiceLifecycle

/// Ends running sendmail children as soon as the daemon stops. A delivery blocks the monitor while
/// sendmail runs, so without this a hung sendmail would hold up the stop until its timeout (60 s).
/// Listed last in the service group: the group stops services in reverse order, so this runs first.
public struct MailChildrenService: Service {
    let children: SendmailChildren

    public init(children: SendmailChildren = .shared) {
        self.children = children
    }

    public func run() async throws {
        // Cancelled instead of shut down gracefully: the children must go all the same.
        try? await gracefulShutdown()
        children.stopAll()
    }
}
