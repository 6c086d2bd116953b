/// A document that cannot become a valid EN 16931 invoice: the business rule it would break and the
/// JSON path of the member that has to change. Thrown instead of writing an XML that validators reject.
///
/// ```swift
/// do {
///     _ = try FacturX.xml(for: invoice, totals: invoice.computeTotals())
/// } catch let error as EInvoiceError {
///     print(error) // $.seller.vatId: BR-S-02: required because $.shipments[0].charges[0] has VAT category S …
/// }
/// ```
public struct EInvoiceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// JSON path of the member to fix (`$.seller.vatId`), in the decoder's notation.
    public let path: String
    /// The EN 16931 rule id (`BR-S-02`, `BR-CO-25`…).
    public let rule: String
    /// Why, in one line.
    public let reason: String

    /// Creates an error.
    ///
    /// ```swift
    /// EInvoiceError(path: "$.seller.vatId", rule: "BR-S-02", reason: "the seller's VAT identifier is required")
    /// ```
    public init(path: String, rule: String, reason: String) {
        self.path = path; self.rule = rule; self.reason = reason
    }

    /// `path: rule: reason`.
    public var description: String { "\(path): \(rule): \(reason)" }
}
