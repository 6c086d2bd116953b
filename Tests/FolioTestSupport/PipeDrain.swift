import Foundation

/// Reads a pipe to its end on its own thread, so a child process that fills one pipe (a long
/// sanitizer report on standard error, say) never blocks while the test reads the other.
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
