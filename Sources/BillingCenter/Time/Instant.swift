/// A point on the one timeline of the billing center (T-1): microseconds since 1970-01-01T00:00:00Z.
///
/// Instants are compared exactly, to the microsecond; there is no rounding and no local-midnight logic.
///
/// ```swift
/// let at = try Instant(rfc3339: "2024-06-03T14:00:00+02:00")
/// at.description // "2024-06-03T12:00:00Z"
/// ```
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Microseconds since the Unix epoch, UTC.
    public let microseconds: Int64

    public init(microseconds: Int64) { self.microseconds = microseconds }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.microseconds < rhs.microseconds }

    /// This instant moved by `duration` (positive or negative).
    public func adding(_ duration: Duration) -> Instant {
        Instant(microseconds: microseconds + duration.microseconds)
    }

    /// The UTC calendar date of this instant (BC-9 uses it for the 45-day validation window).
    public var utcDate: CalendarDate {
        let day = microseconds >= 0 ? microseconds / Self.microsecondsPerDay
            : -((-microseconds + Self.microsecondsPerDay - 1) / Self.microsecondsPerDay)
        return CalendarDate(daysSinceEpoch: Int(day))
    }

    /// The canonical output form of T-1: UTC, `Z`, six fractional digits only when needed.
    public var description: String {
        let date = utcDate
        let inDay = microseconds - Int64(date.daysSinceEpoch) * Self.microsecondsPerDay
        let seconds = inDay / 1_000_000
        let fraction = inDay % 1_000_000
        var text = "\(date)T\(Self.pad(Int(seconds / 3600), 2)):\(Self.pad(Int(seconds / 60 % 60), 2)):\(Self.pad(Int(seconds % 60), 2))"
        if fraction != 0 { text += "." + Self.pad(Int(fraction), 6) }
        return text + "Z"
    }

    static let microsecondsPerDay: Int64 = 86_400 * 1_000_000

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// A signed span of time with microsecond precision, used for the fixed windows of the rules.
public struct Duration: Hashable, Sendable {
    public let microseconds: Int64
    public init(microseconds: Int64) { self.microseconds = microseconds }
    public static func days(_ count: Int64) -> Duration { Duration(microseconds: count * Instant.microsecondsPerDay) }
    public static func seconds(_ count: Int64) -> Duration { Duration(microseconds: count * 1_000_000) }
}
