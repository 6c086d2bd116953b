import Foundation

/// A point on the timeline, exact to the microsecond, with the RFC 3339 text it was written as
/// (`2024-06-03T09:30:00+02:00`, `…Z`).
///
/// Two instants are equal when they are the same point in time, whatever offset they were written
/// with. The text is kept for what is printed (a PDF's creation date keeps its offset); an instant
/// made from a count of microseconds, or read with the billing center's T-1 profile
/// (``init(rfc3339:)``), is written in the canonical UTC form `2024-06-03T12:00:00Z`.
///
/// ```swift
/// let instant = Instant("2025-02-24T10:00:00-08:00")!
/// instant.date                  // 2025-02-24
/// instant.offsetMinutes         // -480
/// Instant("2025-02-24T10:00:00") // nil: no offset
/// try Instant(rfc3339: "2024-06-03T14:00:00+02:00").description // "2024-06-03T12:00:00Z"
/// ```
public struct Instant: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Microseconds since 1970-01-01T00:00:00Z.
    public let microseconds: Int64
    /// UTC offset in minutes the text was written with (`Z` and computed instants: 0).
    public let offsetMinutes: Int
    /// The RFC 3339 text as written, or the canonical UTC form.
    public let text: String

    /// The instant `microseconds` after the Unix epoch, written in canonical UTC form.
    public init(microseconds: Int64) {
        self.microseconds = microseconds
        self.offsetMinutes = 0
        self.text = Self.canonicalText(microseconds)
    }

    private init(microseconds: Int64, offsetMinutes: Int, text: String) {
        self.microseconds = microseconds
        self.offsetMinutes = offsetMinutes
        self.text = text
    }

    /// Parses the document contract's form `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; hours 00–23,
    /// minutes and seconds 00–59 (no leap second, like the schema's date-time checker), offsets up to
    /// ±23:59, at most nine fractional digits (kept to the microsecond). Lower-case `t`/`z` are refused,
    /// as the contract's pattern does. The text is kept as written.
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
        var fraction: Int64 = 0
        if b[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < b.count, b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") { i += 1 }
            guard i - start >= 1, i - start <= 9 else { return nil }
            fraction = Self.microsecondFraction(b[start..<i])
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
        let local = Int64(date.daysSinceEpoch) * 86_400 + Int64(h * 3600 + mi * 60 + s)
        self.init(microseconds: (local - Int64(offset) * 60) * 1_000_000 + fraction, offsetMinutes: offset, text: text)
    }

    /// The first six digits of a fraction of a second as microseconds ("5" → 500 000).
    static func microsecondFraction(_ digits: ArraySlice<UInt8>) -> Int64 {
        var value: Int64 = 0
        for digit in digits.prefix(6) { value = value * 10 + Int64(digit - 0x30) }
        for _ in min(digits.count, 6)..<6 { value *= 10 }
        return value
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.microseconds < rhs.microseconds }
    public static func == (lhs: Instant, rhs: Instant) -> Bool { lhs.microseconds == rhs.microseconds }
    public func hash(into hasher: inout Hasher) { hasher.combine(microseconds) }

    /// Whole seconds since 1970-01-01T00:00:00Z (fractions dropped toward the past).
    public var secondsSince1970: Int64 { Self.floorDivide(microseconds, 1_000_000) }

    /// Local calendar date of the instant at its own offset.
    public var date: CalendarDate { CalendarDate(daysSinceEpoch: Int(Self.floorDivide(localSeconds, 86_400))) }

    /// Seconds since midnight at its own offset (fractions dropped).
    public var secondOfDay: Int { Int(localSeconds - Self.floorDivide(localSeconds, 86_400) * 86_400) }

    /// The UTC calendar date of this instant.
    public var utcDate: CalendarDate { CalendarDate(daysSinceEpoch: Int(Self.floorDivide(microseconds, Self.microsecondsPerDay))) }

    /// This instant moved by `duration` (positive or negative), written in UTC.
    public func adding(_ duration: Duration) -> Instant {
        let (seconds, attoseconds) = duration.components
        return Instant(microseconds: microseconds + seconds * 1_000_000 + attoseconds / 1_000_000_000_000)
    }

    /// The text as written (canonical UTC for computed instants).
    public var description: String { text }

    /// Encodes the text as written.
    public func encode(to encoder: any Encoder) throws { try encodeText(text, to: encoder) }

    /// Decodes the contract's string form.
    public init(from decoder: any Decoder) throws { self = try decodeText(decoder, "an RFC 3339 instant") { Instant($0) } }

    static let microsecondsPerDay: Int64 = 86_400 * 1_000_000

    private var localSeconds: Int64 { secondsSince1970 + Int64(offsetMinutes) * 60 }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }

    /// T-1's output form: UTC, `Z`, six fractional digits only when the instant has a fraction.
    static func canonicalText(_ microseconds: Int64) -> String {
        let date = CalendarDate(daysSinceEpoch: Int(floorDivide(microseconds, microsecondsPerDay)))
        let inDay = microseconds - Int64(date.daysSinceEpoch) * microsecondsPerDay
        let seconds = Int(inDay / 1_000_000)
        let fraction = Int(inDay % 1_000_000)
        var text = "\(date)T\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2))"
        if fraction != 0 { text += "." + pad(fraction, 6) }
        return text + "Z"
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
