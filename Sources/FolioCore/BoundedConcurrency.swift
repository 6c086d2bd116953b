import Dispatch
import Synchronization

/// Runs numbered work items concurrently, at most `width` at a time, starting them in index order:
/// the one batch mechanism behind `FolioRenderer.renderPDFs` and the CLI's `render DIR --jobs N`.
///
/// Before each start it checks whether to stop: once the calling task is cancelled or `stopStarting`
/// answers true, no other item starts and those items get no result (`nil`); items already running
/// are not interrupted here, they end as their own work sees fit (a render stops at its next page
/// when its `RenderCancellation` is cancelled).
///
/// ```swift
/// let pages = await BoundedConcurrency(width: 2).map(files.count) { index in try? render(files[index]) }
/// let statuses = BoundedConcurrency(width: jobs).mapWaiting(files.count, stopStarting: { interrupted }) { index in run(files[index]) }
/// ```
package struct BoundedConcurrency: Sendable {
    /// Most items running at once (at least 1).
    package let width: Int

    package init(width: Int) { self.width = max(1, width) }

    /// Runs `body` for the indices `0..<count` and returns the results by index, `nil` where an item
    /// never started.
    package func map<Output: Sendable>(
        _ count: Int, stopStarting: @escaping @Sendable () -> Bool = { false }, _ body: @escaping @Sendable (Int) async -> Output
    ) async -> [Output?] {
        var results = [Output?](repeating: nil, count: count)
        await withTaskGroup(of: (Int, Output).self) { group in
            var next = 0
            func startNext() -> Bool {
                guard next < count, !Task.isCancelled, !stopStarting() else { return false }
                let index = next
                next += 1
                group.addTask { (index, await body(index)) }
                return true
            }
            while next < width, startNext() {}
            for await (index, output) in group {
                results[index] = output
                _ = startNext()
            }
        }
        return results
    }

    /// `map` for synchronous callers whose items block (the CLI: file reads, renders, writes): items
    /// run on a concurrent Dispatch queue and the calling thread waits for the last one. Not to be
    /// called from a task: waiting would hold one of the few threads that run tasks.
    package func mapWaiting<Output: Sendable>(
        _ count: Int, stopStarting: @escaping @Sendable () -> Bool = { false }, _ body: @escaping @Sendable (Int) -> Output
    ) -> [Output?] {
        let handoff = Handoff<[Output?]>()
        // Items block, so they run on Dispatch threads (the batch's queue of before), never on the
        // few threads that run tasks.
        let threads = DispatchQueue(label: "folio.bounded-concurrency", attributes: .concurrent)
        Task {
            let results = await map(count, stopStarting: stopStarting) { index in
                await withCheckedContinuation { continuation in
                    threads.async { continuation.resume(returning: body(index)) }
                }
            }
            handoff.deliver(results)
        }
        return handoff.wait()
    }
}

/// One value passed from a task to a waiting thread.
private final class Handoff<Value: Sendable>: Sendable {
    private let value = Mutex<Value?>(nil)
    private let delivered = DispatchSemaphore(value: 0)

    func deliver(_ result: Value) {
        value.withLock { $0 = result }
        delivered.signal()
    }

    func wait() -> Value {
        delivered.wait()
        return value.withLock { $0! }
    }
}
