/// A calendar date without time or time zone (`YYYY-MM-DD`, RFC 3339 full-date), validated
/// against the proleptic Gregorian calendar: `2024-02-30` does not exist.
///
/// ```swift
/// let date = CalendarDate("2025-02-14")!
/// date.year            // 2025
/// date.adding(days: 30) // 2025-03-16
/// CalendarDate("2024-02-30") // nil
/// ```
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Year, 0001–9999 (year 0 does not exist in RFC 3339).
    public let year: Int
    /// Month, 1–12.
    public let month: Int
    /// Day of the month, 1–28…31.
    public let day: Int

    /// A date from its parts, or `nil` when the date does not exist.
    ///
    /// ```swift
    /// CalendarDate(year: 2024, month: 2, day: 29) // leap day: valid
    /// ```
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` after 1970-01-01 (before it when negative), within years 1–9999.
    ///
    /// ```swift
    /// CalendarDate(daysSinceEpoch: 0).description // "1970-01-01"
    /// ```
    public init(daysSinceEpoch days: Int) {
        self = CalendarDate(year: 1970, month: 1, day: 1)!.adding(days: days)
    }

    /// Parses exactly `YYYY-MM-DD`.
    ///
    /// ```swift
    /// CalendarDate("2025-03-08")?.month // 3
    /// ```
    public init?(_ text: String) {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              let y = asciiInt(b[0..<4]), let m = asciiInt(b[5..<7]), let d = asciiInt(b[8..<10]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (negative before); lets dates be subtracted and shifted exactly.
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `days` later (or earlier when negative).
    ///
    /// ```swift
    /// CalendarDate("2024-12-31")!.adding(days: 1) // 2025-01-01
    /// ```
    public func adding(days: Int) -> CalendarDate {
        // Howard Hinnant's civil_from_days.
        let z = daysSinceEpoch + days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return CalendarDate(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)!
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String { let s = String(n); return String(repeating: "0", count: max(0, width - s.count)) + s }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// Encodes as `YYYY-MM-DD`.
    public func encode(to encoder: any Encoder) throws { try encodeText(description, to: encoder) }

    /// Decodes the contract's string form.
    public init(from decoder: any Decoder) throws { self = try decodeText(decoder, "a date YYYY-MM-DD") { CalendarDate($0) } }
}

func asciiInt(_ bytes: ArraySlice<UInt8>) -> Int? {
    var value = 0
    for b in bytes {
        guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
        value = value * 10 + Int(b - UInt8(ascii: "0"))
    }
    return bytes.isEmpty ? nil : value
}
