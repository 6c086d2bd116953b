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
    /// Paragraphs prepared last (shaped, break opportunities found), for setting them at another
    /// width right after (``prepared(_:)``); a few dozen are enough, and hold little memory.
    private let preparedParagraphs = BoundedMemo<PreparedKey, ParagraphSetter.Prepared?>(capacity: 64, keepingEveryValue: true)

    private struct SetParagraphKey: Hashable {
        let paragraph: Paragraph
        let width: Double
        /// The width and each span's UTF-8 bytes and size, hashed once: a lookup hashes its key up
        /// to four times (both generations, the seen set, the insertion). Hashing the bytes skips
        /// `String`'s normalising hash (about 1,300 instructions for a table cell with an accent);
        /// leaving out the family, features, language and colour of every span halves the rest.
        /// Keys that differ only there compare unequal as before.
        private let digest: Int

        init(paragraph: Paragraph, width: Double) {
            self.paragraph = paragraph
            self.width = width
            var hasher = Hasher()
            hasher.combine(width)
            paragraph.spans.combineCodeUnits(into: &hasher)
            digest = hasher.finalize()
        }

        /// Equal only when every span has the same code units, not merely canonically equivalent
        /// text: "é" typed as one scalar and as "e" + U+0301 are equal `String`s but shape to
        /// different glyphs and extract as different text, so one must not stand for the other.
        static func == (lhs: Self, rhs: Self) -> Bool {
            lhs.digest == rhs.digest && lhs.width == rhs.width && lhs.paragraph.style == rhs.paragraph.style
                && lhs.paragraph.spans.haveSameCodeUnitsAndStyles(as: rhs.paragraph.spans)
        }

        func hash(into hasher: inout Hasher) { hasher.combine(digest) }
    }

    /// What preparing a paragraph depends on: its spans and direction, not its width or alignment.
    private struct PreparedKey: Hashable {
        let spans: [TextSpan]
        let direction: TextDirection
        private let digest: Int

        init(_ paragraph: Paragraph) {
            spans = paragraph.spans
            direction = paragraph.style.direction
            var hasher = Hasher()
            spans.combineCodeUnits(into: &hasher)
            digest = hasher.finalize()
        }

        static func == (lhs: Self, rhs: Self) -> Bool {
            lhs.digest == rhs.digest && lhs.direction == rhs.direction && lhs.spans.haveSameCodeUnitsAndStyles(as: rhs.spans)
        }

        func hash(into hasher: inout Hasher) { hasher.combine(digest) }
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

    /// The shaped text and break opportunities of `paragraph`, made again only when it was not just
    /// made: a column or a cell is measured at unlimited width, then set at the width it gets, and
    /// a quarter of all setting on the benchmark's invoices was that second setting.
    func prepared(_ paragraph: Paragraph) -> ParagraphSetter.Prepared? {
        preparedParagraphs.value(for: PreparedKey(paragraph)) { ParagraphSetter.prepare(paragraph, typesetter: self) }
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

private extension [TextSpan] {
    // By index, reading only the text and size in place: iterating spans copies each one (its
    // text, family, language, features: four retains and releases).

    /// Each span's UTF-8 bytes, their count and its size.
    func combineCodeUnits(into hasher: inout Hasher) {
        hasher.combine(count)
        for index in indices {
            let length = self[index].text.utf8.count
            if self[index].text.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
                for byte in self[index].text.utf8 { hasher.combine(byte) }
            }
            hasher.combine(length)
            hasher.combine(self[index].style.size)
        }
    }

    /// Whether both have as many spans, each with the same code units (not merely canonically
    /// equivalent text) and the same style.
    func haveSameCodeUnitsAndStyles(as other: [TextSpan]) -> Bool {
        guard count == other.count else { return false }
        for index in indices {
            guard Self.sameCodeUnits(self[index].text, other[index].text), self[index].style == other[index].style else { return false }
        }
        return true
    }

    private static func sameCodeUnits(_ first: String, _ second: String) -> Bool {
        let compared = first.utf8.withContiguousStorageIfAvailable { a in
            second.utf8.withContiguousStorageIfAvailable { b in
                a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
            }
        }
        return (compared ?? nil) ?? first.utf8.elementsEqual(second.utf8)
    }
}
