/// Fields 47–51 as stated by the document; each figure given is checked.
///
/// ```swift
/// CBSAB3Totals(total: Money("10.58", currency: .cad))
/// ```
public struct CBSAB3Totals: Sendable, Hashable, Codable, ObjectDecodable {
    /// Field 47 — Σ customs duties.
    public var customsDuties: Money?
    /// Field 48 — Σ SIMA.
    public var simaAssessment: Money?
    /// Field 49 — Σ excise tax.
    public var exciseTax: Money?
    /// Field 50 — Σ GST.
    public var gst: Money?
    /// Field 51 — 47 + 48 + 49 + 50.
    public var total: Money?

    /// Creates stated totals; every figure is optional.
    ///
    /// ```swift
    /// CBSAB3Totals(customsDuties: Money("4.60", currency: .cad), gst: Money("5.98", currency: .cad))
    /// ```
    public init(customsDuties: Money? = nil, simaAssessment: Money? = nil, exciseTax: Money? = nil, gst: Money? = nil, total: Money? = nil) {
        self.customsDuties = customsDuties; self.simaAssessment = simaAssessment; self.exciseTax = exciseTax; self.gst = gst; self.total = total
    }

    static let objectDescription = "B3 totals"

    static func read(_ r: ObjectReader) -> CBSAB3Totals? {
        let m = FieldDecoder<Money>.money(nonNegative: true)
        return CBSAB3Totals(customsDuties: r.optional("customsDuties", m), simaAssessment: r.optional("simaAssessment", m),
                            exciseTax: r.optional("exciseTax", m), gst: r.optional("gst", m), total: r.optional("total", m))
    }

    /// Decodes through the strict reader; amounts need `decoder.userInfo[.folioCurrency]` (CAD).
    public init(from decoder: any Decoder) throws { self = try CBSAB3Totals(strictlyFrom: decoder) }
}
