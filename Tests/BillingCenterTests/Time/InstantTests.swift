import DocumentModel
import Testing
@testable import BillingCenter

@Suite("T-1 instants")
struct InstantTests {
    @Test("accepted forms normalise to UTC and print canonically", arguments: [
        ("2024-06-03T14:00:00+02:00", "2024-06-03T12:00:00Z"),
        ("2024-06-03t12:00:00z", "2024-06-03T12:00:00Z"),
        ("2024-06-03T12:00:00.5Z", "2024-06-03T12:00:00.500000Z"),
        ("2024-06-03T12:00:00.000001Z", "2024-06-03T12:00:00.000001Z"),
        ("2024-06-03T12:00:00.000000Z", "2024-06-03T12:00:00Z"),
        ("2024-02-29T23:59:59-23:59", "2024-03-01T23:58:59Z"),
        ("1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z"),
        ("2024-01-01T00:30:00+01:00", "2023-12-31T23:30:00Z"),
    ])
    func accepted(input: String, canonical: String) throws {
        #expect(try Instant(rfc3339: input).description == canonical)
    }

    @Test("rejected forms name the problem", arguments: [
        ("2024-09-10T10:00:00", "no UTC offset"),
        ("2024-09-10T10:00:00-00:00", "unknown local offset -00:00"),
        ("2024-09-10T10:00:00.1234567Z", "more than 6 fractional digits"),
        ("2024-09-10T10:00:60Z", "second 60 is not accepted"),
        ("2023-02-29T10:00:00Z", "impossible date"),
        ("2024-09-10T24:00:00Z", "impossible time"),
        ("2024-09-10T10:00:00+24:00", "offset beyond ±23:59"),
        ("2024-09-10T10:00:00+01:60", "offset beyond ±23:59"),
        ("2024-09-10 10:00:00Z", "not an RFC 3339 instant"),
        ("2024-9-10T10:00:00Z", "not an RFC 3339 instant"),
        ("2024-09-10T10:00:00.Z", "empty fraction of a second"),
        ("2024-09-10T10:00:00+0100", "not an RFC 3339 instant"),
        ("", "not an RFC 3339 instant"),
    ])
    func rejected(input: String, reason: String) {
        #expect(throws: InstantFormatError(reason: reason)) { try Instant(rfc3339: input) }
    }

    @Test("instants compare exactly to the microsecond across offsets")
    func exactComparison() throws {
        let a = try Instant(rfc3339: "2024-06-03T13:00:00.000001+01:00")
        let b = try Instant(rfc3339: "2024-06-03T12:00:00Z")
        #expect(a > b)
        #expect(a.microseconds - b.microseconds == 1)
    }

    @Test("calendar dates: validity and arithmetic")
    func calendarDates() {
        #expect(CalendarDate("2024-02-29")?.adding(days: 1).description == "2024-03-01")
        #expect(CalendarDate("2023-02-29") == nil)
        #expect(CalendarDate("2024-13-01") == nil)
        #expect(CalendarDate("24-01-01") == nil)
        #expect(instant("2024-06-03T23:59:59-05:00").utcDate.description == "2024-06-04")
        #expect(instant("1969-12-31T23:00:00Z").utcDate.description == "1969-12-31")
    }
}
