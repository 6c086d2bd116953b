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
/// Its users: the typesetter's paragraph memo (asked once or more per table cell) and the PDF
/// writer's font subsets. Its members are `@inlinable` so that each module specializes them for its
/// own keys: a generic class called unspecialized from another module paid for runtime generic
/// metadata at every lookup (1.4 % of a small invoice). `public`, not `package`: Swift 6.3 does
/// not specialize a `package` inlinable function in another module.
public final class BoundedMemo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    @usableFromInline struct Generations {
        @usableFromInline var recent: [Key: Value] = [:]
        @usableFromInline var older: [Key: Value] = [:]
        /// Hashes of keys asked for once and not kept, in two generations like the values.
        @usableFromInline var seenRecent: Set<Int> = []
        @usableFromInline var seenOlder: Set<Int> = []

        @usableFromInline init() {}
    }

    @usableFromInline let generations = Mutex(Generations())
    @usableFromInline let generationCapacity: Int
    @usableFromInline let seenCapacity: Int
    @usableFromInline let directAdmission: Int

    /// Once the memo holds `capacity / 8` values, a value is kept from the second time its key is
    /// asked for: most paragraphs of a long invoice are set once (tracking numbers, addresses), and
    /// keeping them would only push out what recurs while holding most of the memo's memory. Until
    /// then every value is kept, so a short document sets nothing twice.
    ///
    /// With `keepingEveryValue`, every value is kept from its first use: a small memo of what was
    /// made last, for values asked for again right away (a paragraph measured, then set).
    public init(capacity: Int, keepingEveryValue: Bool = false) {
        generationCapacity = max(1, capacity / 2)
        seenCapacity = max(1, capacity * 2)
        directAdmission = keepingEveryValue ? .max : capacity / 8
    }

    @inlinable public func value(for key: Key, _ make: () -> Value) -> Value {
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
    public var count: Int { generations.withLock { $0.recent.count + $0.older.count } }

    @inlinable func insert(_ value: Value, for key: Key, into state: inout Generations) {
        if state.recent.count >= generationCapacity {
            state.older = state.recent
            state.recent = Dictionary(minimumCapacity: generationCapacity)
        }
        state.recent[key] = value
    }
}
