/// One line of a VAT breakdown: a (category, rate) group, its taxable base and its VAT.
///
/// ```swift
/// VATBreakdownLine(category: .S, rate: "20", base: Money("247.50", currency: .eur)!, amount: Money("49.50", currency: .eur)!)
/// ```
public struct VATBreakdownLine: Sendable, Hashable, Codable {
    /// VAT category of the group.
    public var category: VATCategory
    /// VAT rate in percent (`"20"` and `"20.00"` are the same group).
    public var rate: ExactDecimal
    /// Taxable base = Σ net amounts of the group's lines.
    public var base: Money
    /// VAT = round(base × rate / 100), half away from zero, once per group.
    public var amount: Money

    /// Creates a breakdown line.
    ///
    /// ```swift
    /// VATBreakdownLine(category: .E, rate: "0", base: Money("404.66", currency: .eur)!, amount: .zero(.eur))
    /// ```
    public init(category: VATCategory, rate: ExactDecimal, base: Money, amount: Money) {
        self.category = category; self.rate = rate; self.base = base; self.amount = amount
    }

    static func read(_ r: ObjectReader) -> VATBreakdownLine? {
        let category = r.required("category", FieldDecoder<VATCategory>.oneOf)
        let rate = r.required("rate", .vatRate)
        let base = r.required("base", .money())
        let amount = r.required("amount", .money())
        guard let category, let rate, let base, let amount else { return nil }
        return VATBreakdownLine(category: category, rate: rate, base: base, amount: amount)
    }

    /// Decodes through the strict reader; amounts need `decoder.userInfo[.folioCurrency]`.
    public init(from decoder: any Decoder) throws { self = try VATBreakdownLine(strictlyFrom: decoder) }
}

extension VATBreakdownLine: ObjectDecodable { static let objectDescription = "a VAT group" }
