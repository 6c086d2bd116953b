import FolioCore
import Foundation
import PageFrames
import Synchronization
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
    /// A set table cell holds about 1 KB: the memo keeps a paragraph only from its second use, so
    /// one-off cells (tracking numbers, addresses) do not hold 4 MB through a 1,000-shipment
    /// invoice, and its 8,192 entries go to what recurs (a long invoice's dates, services, amounts).
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

    private static let cachedBundled = Mutex<Typesetter?>(nil)

    /// The process-wide typesetter over the bundled fonts.
    public static func bundled() throws(FontError) -> Typesetter {
        if let typesetter = cachedBundled.withLock({ $0 }) { return typesetter }
        let typesetter = Typesetter(registry: try FontRegistry.bundled())
        return cachedBundled.withLock { cached in
            if let cached { return cached }
            cached = typesetter
            return typesetter
        }
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
