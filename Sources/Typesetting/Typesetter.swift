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

    private struct ChainKey: Hashable {
        var family: String
        var style: FontStyle
    }

    public init(registry: FontRegistry) {
        self.registry = registry
        self.shaper = TextShaper(registry: registry)
        self.chains = LockedCache()
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
        ParagraphSetter(typesetter: self, paragraph: paragraph, width: width).layout()
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
