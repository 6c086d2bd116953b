import Synchronization

/// A thread-safe memo of bounded size that keeps what is used again and again.
///
/// Two generations: lookups try the recent one, then the older one (promoting a hit); when the
/// recent generation is full it becomes the older one and the previous older one is dropped. So
/// memory stays bounded however many distinct values go through it (at most `capacity` entries),
/// and values used again and again — labels, column headers, repeated amounts — survive a flood of
/// one-off paragraphs instead of being forgotten with them. The value is computed outside the lock:
/// two tasks missing the same key at once both compute it (the results are equal), and neither
/// waits on the other.
///
/// ```swift
/// let memo = BoundedMemo<String, Int>(capacity: 1024)
/// memo.value(for: "Total") { expensiveMeasure("Total") }
/// ```
///
/// It lives beside its one user, the typesetter's paragraph memo (asked once or more per table
/// cell): a generic class called from another module is not specialized, and each lookup then paid
/// for runtime generic metadata (1.4 % of a small invoice).
final class BoundedMemo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Generations {
        var recent: [Key: Value] = [:]
        var older: [Key: Value] = [:]
        /// Hashes of keys asked for once and not kept, in two generations like the values.
        var seenRecent: Set<Int> = []
        var seenOlder: Set<Int> = []
    }

    private let generations = Mutex(Generations())
    private let generationCapacity: Int
    private let seenCapacity: Int
    private let directAdmission: Int

    /// Once the memo holds `capacity / 8` values, a value is kept from the second time its key is
    /// asked for: most paragraphs of a long invoice are set once (tracking numbers, addresses), and
    /// keeping them would only push out what recurs while holding most of the memo's memory. Until
    /// then every value is kept, so a short document sets nothing twice.
    init(capacity: Int) {
        generationCapacity = max(1, capacity / 2)
        seenCapacity = max(1, capacity * 2)
        directAdmission = capacity / 8
    }

    func value(for key: Key, _ make: () -> Value) -> Value {
        let hit: Value? = generations.withLock { state in
            if let hit = state.recent[key] { return hit }
            if let hit = state.older[key] {
                insert(hit, for: key, into: &state)
                return hit
            }
            return nil
        }
        if let hit { return hit }
        let value = make()
        let hash = key.hashValue
        generations.withLock { state in
            if state.recent.count + state.older.count < directAdmission || state.seenRecent.contains(hash) || state.seenOlder.contains(hash) {
                insert(value, for: key, into: &state)
            } else {
                if state.seenRecent.count >= seenCapacity {
                    state.seenOlder = state.seenRecent
                    state.seenRecent = Set(minimumCapacity: seenCapacity)
                }
                state.seenRecent.insert(hash)
            }
        }
        return value
    }

    /// Entries held now (both generations).
    var count: Int { generations.withLock { $0.recent.count + $0.older.count } }

    private func insert(_ value: Value, for key: Key, into state: inout Generations) {
        if state.recent.count >= generationCapacity {
            state.older = state.recent
            state.recent = Dictionary(minimumCapacity: generationCapacity)
        }
        state.recent[key] = value
    }
}
