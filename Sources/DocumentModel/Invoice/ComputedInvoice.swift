/// A VAT group as computed: lines grouped by (category, rate), taxable base summed exactly and
/// the VAT rounded once for the group.
///
/// ```swift
/// let group = invoice.computeTotals().vatGroups[0]
/// print(group.category, group.rate, group.base.plainText, group.amount.plainText) // S 20 247.50 49.50
/// ```
public struct ComputedVATGroup: Sendable, Hashable {
    /// VAT category.
    public let category: VATCategory
    /// Rate in percent, as first written in the document.
    public let rate: ExactDecimal
    /// Σ net amounts of the group's lines.
    public let base: Money
    /// round(base × rate / 100), half away from zero.
    public let amount: Money
    /// Distinct exemption reasons of the group's lines, in document order (category E and others).
    public let exemptionReasons: [String]
}

/// Subtotal of one charge classification in the summary of charges.
///
/// ```swift
/// invoice.computeTotals().chargeSummary.map(\.classification) // [.FRT, .FSC, .ACC]
/// ```
public struct ClassificationSubtotal: Sendable, Hashable {
    /// The classification (FRT, FSC, ACC…).
    public let classification: ChargeClassification
    /// Σ published amounts.
    public let published: Money
    /// Σ incentives.
    public let incentives: Money
    /// Σ net amounts.
    public let net: Money
}

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
