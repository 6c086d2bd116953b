import Foundation
import PageFrames
import TextShaping

/// The shared, immutable context of layout: fonts and the shaper. One per process (or per set of
/// extra fonts); safe to use from any number of tasks.
///
/// ```swift
/// let typesetter = try Typesetter.bundled()
/// let layout = typesetter.layout(Paragraph("Bonjour « monde »"), width: 200)
/// ```
public final class Typesetter: Sendable {
    public let registry: FontRegistry
    public let shaper: TextShaper
    private let chains: LockedCache<ChainKey, FontChain>
    /// Set paragraphs shared by every document this typesetter lays out: labels, dates, service
    /// names and column headings recur from one invoice to the next, and setting is a pure function
    /// of paragraph and width, so a hit is exactly what setting the text again would give.
    private let setParagraphs: BoundedMemo<SetParagraphKey, ParagraphLayout>

    private struct SetParagraphKey: Hashable {
        var paragraph: Paragraph
        var width: Double

        /// Only the width and each span's text and size: equal keys still hash alike, and skipping
        /// the family, features, language and colour of every span halves the cost of a lookup
        /// (one or more per table cell). Keys that differ only there compare unequal as before.
        func hash(into hasher: inout Hasher) {
            hasher.combine(width)
            hasher.combine(paragraph.spans.count)
            for span in paragraph.spans {
                hasher.combine(span.text)
                hasher.combine(span.style.size)
            }
        }
    }

    private struct ChainKey: Hashable {
        var family: String
        var style: FontStyle
    }

    public init(registry: FontRegistry) {
        self.registry = registry
        self.shaper = TextShaper(registry: registry)
        self.chains = LockedCache()
        self.setParagraphs = BoundedMemo(capacity: 8192)
    }

    nonisolated(unsafe) private static var cachedBundled: Typesetter?
    private static let bundledLock = NSLock()

    /// The process-wide typesetter over the bundled fonts.
    public static func bundled() throws(FontError) -> Typesetter {
        bundledLock.lock()
        defer { bundledLock.unlock() }
        if let cachedBundled { return cachedBundled }
        let typesetter = Typesetter(registry: try FontRegistry.bundled())
        cachedBundled = typesetter
        return typesetter
    }

    /// The fallback chain for a style's family and weight/slant.
    public func fonts(for style: TextStyle) -> FontChain {
        let key = ChainKey(family: style.family, style: style.style)
        return chains.value(for: key) { registry.fallbackChain(family: key.family, style: key.style) }
    }

    /// Sets `paragraph` into lines no wider than `width` (unlimited when `.infinity`).
    public func layout(_ paragraph: Paragraph, width: Double) -> ParagraphLayout {
        setParagraphs.value(for: SetParagraphKey(paragraph: paragraph, width: width)) {
            ParagraphSetter(typesetter: self, paragraph: paragraph, width: width).layout()
        }
    }

    /// Natural width of `text` on one line.
    public func measure(_ text: String, style: TextStyle) -> Double {
        layout(Paragraph(text, style: style), width: .infinity).width
    }
}

/// A small thread-safe memo table.
final class LockedCache<Key: Hashable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Key: Value] = [:]

    func value(for key: Key, _ make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let value = storage[key] { return value }
        let value = make()
        storage[key] = value
        return value
    }
}

/// A thread-safe memo of bounded size that keeps what is still in use.
///
/// Two generations: lookups try the recent one, then the older one (promoting a hit); when the
/// recent generation is full it becomes the older one and the previous older one is dropped. So
/// memory stays bounded however many distinct values go through it (at most `capacity` entries),
/// and values used again and again — labels, column headers, repeated amounts — survive a flood of
/// one-off paragraphs instead of being forgotten with them. The value is computed outside the lock:
/// two tasks missing the same key at once both compute it (the results are equal), and neither
/// waits on the other.
final class BoundedMemo<Key: Hashable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var recent: [Key: Value] = [:]
    private var older: [Key: Value] = [:]
    private let generationCapacity: Int

    init(capacity: Int) {
        generationCapacity = max(1, capacity / 2)
    }

    func value(for key: Key, _ make: () -> Value) -> Value {
        lock.lock()
        if let hit = recent[key] {
            lock.unlock()
            return hit
        }
        if let hit = older[key] {
            insert(hit, for: key)
            lock.unlock()
            return hit
        }
        lock.unlock()
        let value = make()
        lock.lock()
        insert(value, for: key)
        lock.unlock()
        return value
    }

    /// Entries held now (both generations).
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return recent.count + older.count
    }

    private func insert(_ value: Value, for key: Key) {
        if recent.count >= generationCapacity {
            older = recent
            recent = Dictionary(minimumCapacity: generationCapacity)
        }
        recent[key] = value
    }
}
