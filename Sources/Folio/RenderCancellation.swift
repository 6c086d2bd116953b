import Synchronization

/// A flag another thread raises to stop renders between pages: a batch interrupted by SIGTERM
/// abandons the documents in progress instead of finishing them.
///
/// ```swift
/// let cancellation = RenderCancellation()
/// let options = RenderOptions(cancellation: cancellation)
/// // on another thread, e.g. a signal handler:
/// cancellation.cancel()   // renders using `options` throw FolioError(kind: .interrupted, …) at their next page
/// ```
public final class RenderCancellation: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    /// Asks every render using this token to stop at its next page.
    public func cancel() { flag.store(true, ordering: .relaxed) }

    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}
