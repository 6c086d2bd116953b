import Foundation

/// Reads a pipe to its end on its own thread, so a child process that fills one pipe (a long
/// sanitizer report on standard error, say) never blocks while the test reads the other.
///
/// `@unchecked Sendable`: `data` is written once by the reading thread before `finished` is
/// signalled, and read only after `wait()` has taken that signal.
public final class PipeDrain: @unchecked Sendable {
    private var data = Data()
    private let finished = DispatchSemaphore(value: 0)

    public init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            finished.signal()
        }
    }

    /// Everything the pipe carried, once the writer closed it.
    public func wait() -> Data {
        finished.wait()
        return data
    }
}
