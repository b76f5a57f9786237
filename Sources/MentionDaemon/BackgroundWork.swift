import Foundation
import Synchronization

/// Work started on a thread of its own now and waited for later: a start reads the model file while
/// it reads the word lists, on a machine's second core. A thread, not a dispatch queue, so the wait
/// can never hold up the thread pool the work would need.
final class BackgroundWork<Value: Sendable, Failure: Error>: Sendable {
    private let outcome = Mutex<Result<Value, Failure>?>(nil)
    private let finished = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () throws(Failure) -> Value) {
        Thread.detachNewThread {
            let result = Result(catching: work)
            self.outcome.withLock { $0 = result }
            self.finished.signal()
        }
    }

    /// Waits for the work and hands its value over: kept here no more, a value type is changed in
    /// place, not copied first. Only once.
    func take() -> Value where Failure == Never {
        finished.wait()
        return outcome.withLock {
            let result = $0!
            $0 = nil
            return result.get()
        }
    }

    /// Waits for the work; its value, or what it threw.
    func value() throws(Failure) -> Value {
        finished.wait()
        finished.signal()  // a second wait returns at once
        return try outcome.withLock { $0! }.get()
    }
}
