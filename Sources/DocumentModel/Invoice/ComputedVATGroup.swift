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
