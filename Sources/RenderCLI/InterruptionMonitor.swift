import Dispatch
import Folio
import Foundation
import Synchronization

/// Turns SIGTERM and SIGINT into a cancellation the renders see at their next page, instead of the
/// default of dying mid-write: no new document starts, documents in progress are abandoned (their
/// output is only ever written whole, after rendering), and the command lists what finished.
final class InterruptionMonitor: Sendable {
    let cancellation = RenderCancellation()
    private let signalNumber = Atomic<Int32>(0)
    /// Set once in `init` and only kept alive afterwards, never touched from another thread.
    private nonisolated(unsafe) let sources: [any DispatchSourceSignal]

    init(signals: [Int32] = [SIGTERM, SIGINT]) {
        var sources: [any DispatchSourceSignal] = []
        let cancellation = self.cancellation
        for number in signals {
            // The default action would kill the process before the handler runs.
            signal(number, SIG_IGN)
            sources.append(DispatchSource.makeSignalSource(signal: number, queue: .global()))
        }
        self.sources = sources
        for (source, number) in zip(sources, signals) {
            source.setEventHandler { [weak self] in
                self?.signalNumber.store(number, ordering: .relaxed)
                cancellation.cancel()
            }
            source.resume()
        }
    }

    /// The signal that interrupted the command, if one did.
    var receivedSignal: Int32? {
        let number = signalNumber.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }

    /// "render: interrupted by SIGTERM: 3 of 10 documents finished: a.json, b.json, c.json"
    func reportInterruption(signal: Int32, finished: [String], total: Int) {
        let name = signal == SIGTERM ? "SIGTERM" : signal == SIGINT ? "SIGINT" : "signal \(signal)"
        let list = finished.isEmpty ? "" : ": " + finished.joined(separator: ", ")
        FileHandle.standardError.write(Data("render: interrupted by \(name): \(finished.count) of \(total) documents finished\(list)\n".utf8))
    }
}
