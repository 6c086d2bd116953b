/// Every figure an invoice template prints, computed exactly from the lines.
///
/// ```swift
/// let totals = invoice.computeTotals()
/// totals.net.plainText        // "247.50"
/// totals.totalVat.plainText   // "49.50"
/// totals.amountDue.plainText  // "297.00"
/// ```
public struct ComputedInvoice: Sendable, Hashable {
    /// Currency of every figure.
    public let currency: Currency
    /// Net subtotal of each shipment, in shipment order (INF lines contribute 0).
    public let shipmentSubtotals: [Money]
    /// Σ shipment subtotals.
    public let shipmentsTotal: Money
    /// Σ adjustment net amounts.
    public let adjustmentsTotal: Money
    /// Σ import charges that are disbursements (GOV: duties and import VAT paid for the customer).
    public let disbursementsTotal: Money
    /// Σ other import charges (brokerage fees, import freight…).
    public let importFeesTotal: Money
    /// Summary of shipment charges by classification, in first-appearance order (INF excluded).
    public let chargeSummary: [ClassificationSubtotal]
    /// Σ incentive amounts.
    public let totalIncentives: Money
    /// Σ net amounts, INF lines excluded (total excl. VAT).
    public let net: Money
    /// VAT breakdown in first-appearance order; empty for a document without VAT.
    public let vatGroups: [ComputedVATGroup]
    /// Σ VAT group amounts.
    public let totalVat: Money
    /// net + totalVat.
    public let totalInclVat: Money
    /// Amount already paid (from the document; default 0).
    public let prepaid: Money
    /// totalInclVat − prepaid.
    public let amountDue: Money
}
