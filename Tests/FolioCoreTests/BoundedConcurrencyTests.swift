import Glibc
import Synchronization
import Testing
@testable import FolioCore

@Suite struct BoundedConcurrencyTests {
    /// What the items did: which started, and how many ran at once at most.
    final class Log: Sendable {
        private let state = Mutex((started: [Int](), running: 0, peak: 0))

        func begin(_ index: Int) {
            state.withLock { state in
                state.started.append(index)
                state.running += 1
                state.peak = max(state.peak, state.running)
            }
        }

        func end() { state.withLock { $0.running -= 1 } }
        var started: [Int] { state.withLock { $0.started } }
        var peak: Int { state.withLock { $0.peak } }
    }

    @Test func resultsComeByIndexWithAtMostWidthRunning() async {
        let log = Log()
        let results = await BoundedConcurrency(width: 3).map(20) { index in
            log.begin(index)
            try? await Task.sleep(for: .milliseconds(5))
            log.end()
            return index * index
        }
        #expect(results == (0..<20).map { $0 * $0 })
        #expect(log.started.sorted() == Array(0..<20))
        #expect(log.peak <= 3)
    }

    @Test func cancellingTheTaskStartsNoOtherItem() async {
        let log = Log()
        // Width 2: items 0 and 1 end at once, 2 and 3 wait for the cancellation, which comes once both
        // have started; nothing after them may start.
        let batch = Task {
            await BoundedConcurrency(width: 2).map(50) { index in
                log.begin(index)
                defer { log.end() }
                while index >= 2, !Task.isCancelled { try? await Task.sleep(for: .milliseconds(1)) }
                return index
            }
        }
        while log.started.count < 4 { try? await Task.sleep(for: .milliseconds(1)) }
        batch.cancel()
        let results = await batch.value
        #expect(log.started.sorted() == [0, 1, 2, 3])
        #expect(results.prefix(4).map { $0 } == [0, 1, 2, 3])
        #expect(results.dropFirst(4).allSatisfy { $0 == nil })
    }

    @Test func aStopRequestStartsNoOtherItemFromSynchronousCode() {
        let log = Log()
        let stop = Atomic<Bool>(false)
        let results = BoundedConcurrency(width: 4).mapWaiting(40, stopStarting: { stop.load(ordering: .acquiring) }) { index in
            log.begin(index)
            defer { log.end() }
            if index == 5 { stop.store(true, ordering: .releasing) }
            usleep(2_000)
            return index
        }
        #expect(log.peak <= 4)
        let started = log.started.sorted()
        // Item 5 asks to stop; items started before its request was seen may still be 6…8 (width 4).
        #expect(started.prefix(6) == [0, 1, 2, 3, 4, 5])
        #expect(started.count <= 9, "\(started)")
        #expect(results.compactMap { $0 } == started)
        #expect(results[started.count...].allSatisfy { $0 == nil })
    }
}
