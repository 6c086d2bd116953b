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
