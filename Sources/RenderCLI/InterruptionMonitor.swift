import Folio
import Foundation
import Synchronization

/// Turns SIGTERM and SIGINT into a cancellation the renders see at their next page, instead of the
/// default of dying mid-write: no new document starts, documents in progress are abandoned (their
/// output is only ever written whole, after rendering), and the command lists what finished.
///
/// The handler is a plain `sigaction` handler that only stores to atomics, which is safe in a signal
/// handler. A Dispatch signal source did the same at the price of Dispatch's manager thread, an epoll
/// set and a signalfd per signal, all made before the first document was read.
final class InterruptionMonitor: Sendable {
    let cancellation = RenderCancellation()

    init(signals: [Int32] = [SIGTERM, SIGINT]) {
        // The handler reads the cancellation through its address, with no retain: the monitor keeps it
        // alive, and puts the previous handlers back when it goes (its owner keeps it for the command).
        InterruptionMonitor.receivedSignal.store(0, ordering: .relaxed)
        InterruptionMonitor.activeCancellation.store(UInt(bitPattern: Unmanaged.passUnretained(cancellation).toOpaque()), ordering: .releasing)
        var previous: [sigaction] = []
        var mask = sigset_t()
        sigemptyset(&mask)
        for number in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                InterruptionMonitor.receivedSignal.store(number, ordering: .relaxed)
                let address = InterruptionMonitor.activeCancellation.load(ordering: .acquiring)
                guard let pointer = UnsafeRawPointer(bitPattern: address) else { return }
                Unmanaged<RenderCancellation>.fromOpaque(pointer)._withUnsafeGuaranteedRef { $0.cancel() }
            }
            sigemptyset(&action.sa_mask)
            // Reads and writes in progress resume; the renders notice at their next page.
            action.sa_flags = SA_RESTART
            var old = sigaction()
            sigaction(number, &action, &old)
            previous.append(old)
            sigaddset(&mask, number)
        }
        // A parent may start us with these signals blocked (a Dispatch signal source blocks them in
        // its process, and children inherit the mask); blocked, they would never reach the handler.
        // Threads started later inherit this thread's mask.
        pthread_sigmask(SIG_UNBLOCK, &mask, nil)
        self.signals = signals
        self.previousActions = previous
    }

    deinit {
        for (number, action) in zip(signals, previousActions) {
            var action = action
            sigaction(number, &action, nil)
        }
        InterruptionMonitor.activeCancellation.store(0, ordering: .releasing)
    }

    private let signals: [Int32]
    private let previousActions: [sigaction]
    private static let receivedSignal = Atomic<Int32>(0)
    /// The address of the cancellation a signal cancels, 0 when none.
    private static let activeCancellation = Atomic<UInt>(0)

    /// The signal that interrupted the command, if one did.
    var receivedSignal: Int32? {
        let number = InterruptionMonitor.receivedSignal.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }

    /// "render: interrupted by SIGTERM: 3 of 10 documents finished: a.json, b.json, c.json"
    func reportInterruption(signal: Int32, finished: [String], total: Int) {
        let name = signal == SIGTERM ? "SIGTERM" : signal == SIGINT ? "SIGINT" : "signal \(signal)"
        let list = finished.isEmpty ? "" : ": " + finished.joined(separator: ", ")
        FileHandle.standardError.write(Data("render: interrupted by \(name): \(finished.count) of \(total) documents finished\(list)\n".utf8))
    }
}
