import Synchronization

/// A memo table safe to share between tasks: each key's value is made once and kept.
///
/// ```swift
/// let chains = LockedCache<String, FontChain>()
/// let chain = chains.value(for: "Noto Sans") { registry.fallbackChain(family: "Noto Sans", style: .regular) }
/// ```
///
/// Its members are `@inlinable` and `public` so that a module may specialize them for its own keys
/// (Swift 6.3 does not specialize a `package` inlinable function in another module); it serves
/// cold paths (fonts, patterns, font chains), the hot paragraph memo is a ``BoundedMemo``.
public final class LockedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    @usableFromInline let storage = Mutex<[Key: Value]>([:])

    public init() {}

    /// The value for `key`, made by `make` the first time (under the lock: `make` must be quick and
    /// must not use this cache).
    @inlinable public func value(for key: Key, _ make: () -> Value) -> Value {
        storage.withLock { storage in
            if let value = storage[key] { return value }
            let value = make()
            storage[key] = value
            return value
        }
    }

    /// The value for `key` if it was made.
    @inlinable public func existing(_ key: Key) -> Value? { storage.withLock { $0[key] } }

    /// Stores `value` for `key` unless one is there already; returns the stored one. For values made
    /// outside the lock (slow to make: a race makes two and keeps the first).
    @inlinable public func insertIfAbsent(_ value: Value, for key: Key) -> Value {
        storage.withLock { storage in
            if let existing = storage[key] { return existing }
            storage[key] = value
            return value
        }
    }
}
