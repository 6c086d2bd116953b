import Foundation

/// Extracted text searched many times: `String.contains` compares grapheme clusters and took a
/// debug build nearly three minutes over the structure text of the sample documents; this compares
/// UTF-8 bytes with `memchr` and `memcmp`. The texts compared come from the same UTF-8 input, so both sides hold
/// the same code units where they agree.
///
/// ```swift
/// let text = SearchableText(ExternalTool.foldingWhitespace(extracted))
/// #expect(text.contains("Total TTC"))
/// ```
public struct SearchableText: Sendable {
    private let bytes: [UInt8]

    public init(_ text: String) { bytes = Array(text.utf8) }

    public func contains(_ part: String) -> Bool {
        let needle = Array(part.utf8)
        guard !needle.isEmpty else { return true }
        guard needle.count <= bytes.count else { return false }
        return bytes.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needle in
                let base = haystack.baseAddress!
                let last = haystack.count - needle.count
                var start = 0
                while start <= last {
                    guard let found = memchr(base + start, Int32(needle[0]), last - start + 1) else { return false }
                    let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + index, needle.baseAddress!, needle.count) == 0 { return true }
                    start = index + 1
                }
                return false
            }
        }
    }
}
