import Foundation

/// An instant in RFC 3339 form with an explicit offset (`2024-06-03T09:30:00+02:00`, `…Z`).
/// The text is kept as written; `secondsSince1970` gives the exact instant.
///
/// ```swift
/// let instant = Instant("2025-02-24T10:00:00-08:00")!
/// instant.date                  // 2025-02-24
/// instant.offsetMinutes         // -480
/// Instant("2025-02-24T10:00:00") // nil: no offset
/// ```
public struct Instant: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The RFC 3339 text as written.
    public let text: String
    /// Local calendar date of the instant at its own offset.
    public let date: CalendarDate
    /// Seconds since midnight at its own offset (fractions dropped).
    public let secondOfDay: Int
    /// UTC offset in minutes (`Z` is 0).
    public let offsetMinutes: Int

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; hours 00–23, minutes and seconds 00–59
    /// (no leap second, like the schema's date-time checker), offsets up to ±23:59. Lower-case `t`/`z` are refused, as the contract's pattern does.
    ///
    /// ```swift
    /// Instant("2024-06-03T09:30:00.123Z")?.offsetMinutes // 0
    /// ```
    public init?(_ text: String) {
        let b = Array(text.utf8)
        guard b.count >= 20, b[10] == UInt8(ascii: "T"), b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
              let date = CalendarDate(String(decoding: b[0..<10], as: UTF8.self)),
              let h = asciiInt(b[11..<13]), let mi = asciiInt(b[14..<16]), let s = asciiInt(b[17..<19]),
              h <= 23, mi <= 59, s <= 59 else { return nil }
        var i = 19
        if b[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < b.count, b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") { i += 1 }
            guard i - start >= 1, i - start <= 9 else { return nil }
        }
        guard i < b.count else { return nil }
        var offset = 0
        if b[i] == UInt8(ascii: "Z") {
            guard i + 1 == b.count else { return nil }
        } else {
            guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-"), i + 6 == b.count, b[i + 3] == UInt8(ascii: ":"),
                  let oh = asciiInt(b[(i + 1)..<(i + 3)]), let om = asciiInt(b[(i + 4)..<(i + 6)]), oh <= 23, om <= 59 else { return nil }
            offset = (oh * 60 + om) * (b[i] == UInt8(ascii: "-") ? -1 : 1)
        }
        self.text = text
        self.date = date
        self.secondOfDay = h * 3600 + mi * 60 + s
        self.offsetMinutes = offset
    }

    /// Whole seconds since 1970-01-01T00:00:00Z.
    public var secondsSince1970: Int64 {
        Int64(date.daysSinceEpoch) * 86_400 + Int64(secondOfDay) - Int64(offsetMinutes) * 60
    }

    /// The text as written.
    public var description: String { text }

    /// Encodes the text as written.
    public func encode(to encoder: any Encoder) throws { try encodeText(text, to: encoder) }

    /// Decodes the contract's string form.
    public init(from decoder: any Decoder) throws { self = try decodeText(decoder, "an RFC 3339 instant") { Instant($0) } }
}
