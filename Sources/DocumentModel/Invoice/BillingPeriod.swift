/// Period of the shipments covered by an invoice (start ≤ end).
///
/// ```swift
/// BillingPeriod(start: CalendarDate("2025-03-01")!, end: CalendarDate("2025-03-07")!)
/// ```
public struct BillingPeriod: Sendable, Hashable, Codable {
    /// First day.
    public var start: CalendarDate
    /// Last day.
    public var end: CalendarDate

    /// Creates a period.
    ///
    /// ```swift
    /// BillingPeriod(start: CalendarDate("2025-03-09")!, end: CalendarDate("2025-03-15")!)
    /// ```
    public init(start: CalendarDate, end: CalendarDate) { self.start = start; self.end = end }

    static func read(_ r: ObjectReader) -> BillingPeriod? {
        let start = r.required("start", .date)
        let end = r.required("end", .date)
        guard let start, let end else { return nil }
        if end < start { r.fail("end", "billing period ends (\(end)) before it starts (\(start))") }
        return BillingPeriod(start: start, end: end)
    }

    /// Decodes through the strict reader.
    public init(from decoder: any Decoder) throws { self = try BillingPeriod(strictlyFrom: decoder) }
}

extension BillingPeriod: ObjectDecodable { static let objectDescription = "a billing period" }
