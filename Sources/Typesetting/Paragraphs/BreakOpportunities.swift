import Foundation

/// Line break opportunities of UAX #14 (ICU's line break iterator, with its dictionaries for
/// Thai, Lao, Khmer, Burmese and the CJK tailorings of the locale), at UTF-8 byte boundaries.
enum BreakOpportunities {
    enum Kind: UInt8 {
        case mandatory, allowed, none
    }

    /// `result[i]` is the opportunity at the boundary after byte `i` (i.e. before byte `i + 1`).
    static func compute(_ utf8: [UInt8], language: String?) -> [Kind] {
        guard !utf8.isEmpty else { return [] }
        let marks = utf8.withUnsafeBufferPointer { bytes in
            UnicodeBreakIterator.withIterator(.line, locale: language) { $0.boundaries(bytes) } ?? nil
        }
        guard let marks else { return fallback(utf8) }
        return marks.map {
            switch $0 {
            case 2: .mandatory
            case 1: .allowed
            default: .none
            }
        }
    }

    /// Without ICU data (it cannot be opened): break after spaces and line feeds only, so text
    /// still sets, never crashes.
    private static func fallback(_ utf8: [UInt8]) -> [Kind] {
        var result = [Kind](repeating: .none, count: utf8.count)
        for index in utf8.indices {
            if utf8[index] == 0x0A {
                result[index] = .mandatory
            } else if utf8[index] == 0x20, index + 1 < utf8.count, utf8[index + 1] != 0x20 {
                result[index] = .allowed
            }
        }
        result[utf8.count - 1] = .mandatory
        return result
    }
}
