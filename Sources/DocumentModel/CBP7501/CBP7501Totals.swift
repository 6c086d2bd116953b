/// Blocks 39 and 41–44 as stated by the document; each figure given is checked.
///
/// ```swift
/// CBP7501Totals(total: Money("1415.91", currency: .usd))
/// ```
public struct CBP7501Totals: Sendable, Hashable, Codable {
    /// Block 39 — total entered value (whole dollars).
    public var totalEnteredValue: Money?
    /// Block 39 — total other fees.
    public var totalOtherFees: Money?
    /// Block 41 — duty.
    public var duty: Money?
    /// Block 42 — tax.
    public var tax: Money?
    /// Block 43 — other.
    public var other: Money?
    /// Block 44 — total.
    public var total: Money?

    /// Creates stated totals; every figure is optional.
    ///
    /// ```swift
    /// CBP7501Totals(duty: Money("1320.00", currency: .usd))
    /// ```
    public init(totalEnteredValue: Money? = nil, totalOtherFees: Money? = nil, duty: Money? = nil, tax: Money? = nil,
                other: Money? = nil, total: Money? = nil) {
        self.totalEnteredValue = totalEnteredValue; self.totalOtherFees = totalOtherFees; self.duty = duty
        self.tax = tax; self.other = other; self.total = total
    }

    static func read(_ r: ObjectReader) -> CBP7501Totals? {
        let m = FieldDecoder<Money>.money(nonNegative: true)
        return CBP7501Totals(totalEnteredValue: r.optional("totalEnteredValue", m), totalOtherFees: r.optional("totalOtherFees", m),
                             duty: r.optional("duty", m), tax: r.optional("tax", m), other: r.optional("other", m), total: r.optional("total", m))
    }

    /// Decodes through the strict reader; amounts need `decoder.userInfo[.folioCurrency]` (USD).
    public init(from decoder: any Decoder) throws { self = try CBP7501Totals(strictlyFrom: decoder) }
}

extension CBP7501Totals: ObjectDecodable { static let objectDescription = "7501 totals" }
