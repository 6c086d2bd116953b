import CUnicodeBreaks
import Synchronization

/// One ICU break iterator (lines or grapheme clusters) for one locale.
///
/// `@unchecked Sendable`: an iterator holds the text it walks, so it is used by one thread at a
/// time — ``withIterator(_:locale:_:)`` takes it out of the pool for the duration of one call.
final class UnicodeBreakIterator: @unchecked Sendable {
    enum Kind: Hashable, Sendable {
        case line, character
    }

    private let handle: OpaquePointer

    private init?(kind: Kind, locale: String) {
        var status: Int32 = 0
        guard let handle = folio_break_open(kind == .line ? FOLIO_BREAK_LINE : FOLIO_BREAK_CHARACTER, locale, &status) else { return nil }
        self.handle = handle
    }

    deinit { folio_break_close(handle) }

    /// `result[i]`: 0 no boundary, 1 a boundary (a break opportunity for lines), 2 a mandatory
    /// break, for the boundary after byte `i`. nil when ICU reports an error.
    func boundaries(_ utf8: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard let base = utf8.baseAddress, !utf8.isEmpty else { return [] }
        guard utf8.count <= Int(Int32.max) else { return nil }
        var marks = [UInt8](repeating: 0, count: utf8.count)
        let status = marks.withUnsafeMutableBufferPointer { folio_break_utf8(handle, base, Int32(utf8.count), $0.baseAddress) }
        return status == 0 ? marks : nil
    }

    private struct Key: Hashable {
        var kind: Kind
        var locale: String
    }

    /// Idle iterators by kind and locale: opening one loads ICU's rules (tens of microseconds),
    /// far more than walking a table cell. A few per key are kept, one per concurrent render.
    private static let idle = Mutex<[Key: [UnicodeBreakIterator]]>([:])
    private static let idlePerKey = 8

    /// Runs `body` with an iterator of `kind` for `locale` (a BCP 47 tag such as "fr-FR" or nil for
    /// the root rules); nil when ICU cannot open one.
    static func withIterator<Result>(_ kind: Kind, locale: String?, _ body: (UnicodeBreakIterator) -> Result) -> Result? {
        let key = Key(kind: kind, locale: icuLocale(locale))
        let pooled = idle.withLock { $0[key]?.popLast() }
        guard let iterator = pooled ?? UnicodeBreakIterator(kind: kind, locale: key.locale) else { return nil }
        let result = body(iterator)
        idle.withLock { pools in
            if pools[key, default: []].count < idlePerKey { pools[key, default: []].append(iterator) }
        }
        return result
    }

    /// ICU locale IDs use "_" where BCP 47 uses "-"; only the language and region matter to the
    /// break rules, and an absurd tag must not grow the pool without bound.
    static func icuLocale(_ language: String?) -> String {
        guard let language, !language.isEmpty else { return "" }
        // Every paragraph asks; splitting a String walks its grapheme clusters (about 5,000
        // instructions for "fr-FR"). In ASCII every byte is its own character (a CR LF pair is
        // neither a separator nor valid), so bytes give the same answer.
        return asciiLocale(language) ?? localeBySplitting(language)
    }

    /// ``icuLocale(_:)`` by its definition, over characters.
    static func localeBySplitting(_ language: String) -> String {
        let parts = language.split(whereSeparator: { $0 == "-" || $0 == "_" }).prefix(2)
        let locale = parts.joined(separator: "_")
        guard locale.utf8.count <= 16, locale.utf8.allSatisfy({ $0 == 0x5F || (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) else {
            return ""
        }
        return locale
    }

    /// ``icuLocale(_:)`` of an ASCII tag, byte by byte; nil when the tag is not ASCII.
    static func asciiLocale(_ language: String) -> String? {
        // Past the second part a combining mark could still join a separator into one character.
        guard language.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        var locale: [UInt8] = []
        var parts = 0
        var valid = true
        for byte in language.utf8 {
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") {
                // A separator ends a part; empty parts are skipped, as `split` does.
                if locale.last != UInt8(ascii: "_") && !locale.isEmpty {
                    parts += 1
                    if parts == 2 { break }
                    locale.append(UInt8(ascii: "_"))
                }
                continue
            }
            valid = valid && (byte >= 0x30 && byte <= 0x39 || byte >= 0x41 && byte <= 0x5A || byte >= 0x61 && byte <= 0x7A)
            locale.append(byte)
        }
        // What the tag's first two parts leave: a trailing separator joins nothing.
        if locale.last == UInt8(ascii: "_") { locale.removeLast() }
        guard valid, locale.count <= 16 else { return "" }
        return String(decoding: locale, as: UTF8.self)
    }

    /// The Unicode version of ICU's character data ("16.0" for the toolchain's ICU 76).
    static var unicodeVersion: String {
        var buffer = [CChar](repeating: 0, count: 32)
        folio_break_unicode_version(&buffer, Int32(buffer.count))
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
