import Foundation
import Testing

@testable import MentionStore

@Suite("Store: each recipient's answer to a mail")
struct RecipientStoreTests {
    @Test func answersAreKeptPerMailAndForgottenAfterTheirTime() throws {
        let (store, _) = try Fixture.store()
        let then = Date(timeIntervalSince1970: 1_795_000_000)
        try store.recordRecipient(messageKey: "a", recipient: "mt@x.example", accepted: true, detail: nil, at: then)
        try store.recordRecipient(
            messageKey: "a", recipient: "dir@x.example", accepted: false, detail: "550 no such mailbox", at: then)
        try store.recordRecipient(
            messageKey: "b", recipient: "mt@x.example", accepted: true, detail: nil, at: then.addingTimeInterval(100))
        let done = try store.recipientsDone(messageKey: "a")
        #expect(done.accepted == ["mt@x.example"] && done.refused == ["dir@x.example"])
        #expect(try store.recipientsDone(messageKey: "c") == ([], []))
        // A refusal later accepted (alerts.to fixed, the server's mailbox made) is the newer answer.
        try store.recordRecipient(messageKey: "a", recipient: "dir@x.example", accepted: true, detail: nil, at: then)
        #expect(try store.recipientsDone(messageKey: "a").accepted == ["mt@x.example", "dir@x.example"])
        // The schema refuses an outcome it does not know.
        #expect(throws: (any Error).self) {
            try store.db.query(
                "INSERT INTO mail_recipients (message_key, recipient, outcome, at) VALUES ('x', 'y', 'maybe', 0)")
        }
        try store.purgeRecipients(before: then.addingTimeInterval(50))
        #expect(try store.recipientsDone(messageKey: "a") == ([], []))
        #expect(try store.recipientsDone(messageKey: "b").accepted == ["mt@x.example"])
    }
}
