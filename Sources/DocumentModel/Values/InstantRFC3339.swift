/// Why a string is not an instant of the billing center's T-1 profile; the text becomes the message
/// of `invalid_timestamp`.
public struct InstantFormatError: Error, Equatable, Sendable {
    public let reason: String
    public init(reason: String) { self.reason = reason }
}

extension Instant {
    /// Parses the strict RFC 3339 profile of the billing center (T-1):
    /// `YYYY-MM-DDTHH:MM:SS[.f{1,6}](Z|±HH:MM)`, `t` and `z` accepted in lower case; the instant is
    /// written back in canonical UTC form.
    ///
    /// Rejects naive instants, `-00:00`, more than six fractional digits, leap second `60`,
    /// impossible dates and offsets beyond ±23:59.
    ///
    /// ```swift
    /// try Instant(rfc3339: "2024-05-27t10:00:00.5z") // 2024-05-27T10:00:00.500000Z
    /// ```
    public init(rfc3339 text: String) throws(InstantFormatError) {
        let bytes = Array(text.utf8)
        var index = 0
        func digits(_ count: Int) throws(InstantFormatError) -> Int {
            guard index + count <= bytes.count else { throw InstantFormatError(reason: "not an RFC 3339 instant") }
            var value = 0
            for byte in bytes[index..<(index + count)] {
                guard byte >= 0x30, byte <= 0x39 else { throw InstantFormatError(reason: "not an RFC 3339 instant") }
                value = value * 10 + Int(byte - 0x30)
            }
            index += count
            return value
        }
        func expect(_ allowed: Set<UInt8>) throws(InstantFormatError) {
            guard index < bytes.count, allowed.contains(bytes[index]) else {
                throw InstantFormatError(reason: "not an RFC 3339 instant")
            }
            index += 1
        }
        let year = try digits(4); try expect([0x2D])
        let month = try digits(2); try expect([0x2D])
        let day = try digits(2); try expect([0x54, 0x74])
        let hour = try digits(2); try expect([0x3A])
        let minute = try digits(2); try expect([0x3A])
        let second = try digits(2)
        var fraction = 0
        if index < bytes.count, bytes[index] == 0x2E {
            index += 1
            let start = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            let count = index - start
            guard count >= 1 else { throw InstantFormatError(reason: "empty fraction of a second") }
            guard count <= 6 else { throw InstantFormatError(reason: "more than 6 fractional digits") }
            index = start
            fraction = try digits(count)
            for _ in count..<6 { fraction *= 10 }
        }
        guard index < bytes.count else { throw InstantFormatError(reason: "no UTC offset") }
        var offsetSeconds = 0
        switch bytes[index] {
        case 0x5A, 0x7A:
            index += 1
        case 0x2B, 0x2D:
            let negative = bytes[index] == 0x2D
            index += 1
            let offsetHour = try digits(2); try expect([0x3A])
            let offsetMinute = try digits(2)
            guard offsetHour <= 23, offsetMinute <= 59 else { throw InstantFormatError(reason: "offset beyond ±23:59") }
            if negative && offsetHour == 0 && offsetMinute == 0 {
                throw InstantFormatError(reason: "unknown local offset -00:00")
            }
            offsetSeconds = (offsetHour * 3600 + offsetMinute * 60) * (negative ? -1 : 1)
        default:
            throw InstantFormatError(reason: "no UTC offset")
        }
        guard index == bytes.count else { throw InstantFormatError(reason: "not an RFC 3339 instant") }
        guard let date = CalendarDate(year: year, month: month, day: day) else {
            throw InstantFormatError(reason: "impossible date")
        }
        guard hour <= 23, minute <= 59 else { throw InstantFormatError(reason: "impossible time") }
        guard second <= 59 else { throw InstantFormatError(reason: "second 60 is not accepted") }
        let localSeconds = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        self.init(microseconds: (localSeconds - Int64(offsetSeconds)) * 1_000_000 + Int64(fraction))
    }
}
