/// Totals as stated by the document; each figure given is checked against the computation,
/// each absent one is computed (see `ComputedInvoice`).
///
/// ```swift
/// InvoiceTotals(amountDue: Money("297.00", currency: .eur)!)
/// ```
public struct InvoiceTotals: Sendable, Hashable, Codable {
    /// Σ incentive amounts.
    public var totalIncentives: Money?
    /// Σ net amounts, INF lines excluded (total excl. VAT).
    public var net: Money?
    /// VAT breakdown, one entry per (category, rate) group.
    public var vat: [VATBreakdownLine]?
    /// Σ VAT group amounts.
    public var totalVat: Money?
    /// net + totalVat.
    public var totalInclVat: Money?
    /// Amount already paid (an input, not checked; default 0).
    public var prepaid: Money?
    /// totalInclVat − prepaid.
    public var amountDue: Money?

    /// Creates stated totals; every figure is optional.
    ///
    /// ```swift
    /// InvoiceTotals(net: Money("241.96", currency: .usd)!, prepaid: .zero(.usd))
    /// ```
    public init(totalIncentives: Money? = nil, net: Money? = nil, vat: [VATBreakdownLine]? = nil, totalVat: Money? = nil,
                totalInclVat: Money? = nil, prepaid: Money? = nil, amountDue: Money? = nil) {
        self.totalIncentives = totalIncentives; self.net = net; self.vat = vat; self.totalVat = totalVat
        self.totalInclVat = totalInclVat; self.prepaid = prepaid; self.amountDue = amountDue
    }

    static func read(_ r: ObjectReader) -> InvoiceTotals? {
        InvoiceTotals(totalIncentives: r.optional("totalIncentives", .money()), net: r.optional("net", .money()),
                      vat: r.optional("vat", .array(of: .object(VATBreakdownLine.self), max: 20)),
                      totalVat: r.optional("totalVat", .money()), totalInclVat: r.optional("totalInclVat", .money()),
                      prepaid: r.optional("prepaid", .money()), amountDue: r.optional("amountDue", .money()))
    }

    /// Decodes through the strict reader; amounts need `decoder.userInfo[.folioCurrency]`.
    public init(from decoder: any Decoder) throws { self = try InvoiceTotals(strictlyFrom: decoder) }
}

extension InvoiceTotals: ObjectDecodable { static let objectDescription = "invoice totals" }
