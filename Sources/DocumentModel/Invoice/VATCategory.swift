/// EN 16931 VAT category code (UNCL 5305 subset) of a priced line.
///
/// ```swift
/// Charge(code: "FRT", description: "T", publishedAmount: .zero(.eur), vatCategory: .S, vatRate: "20")
/// ```
public enum VATCategory: String, Sendable, Hashable, Codable, CaseIterable {
    /// Standard rate.
    case S
    /// Zero-rated.
    case Z
    /// Exempt (needs an exemption reason).
    case E
    /// Reverse charge, "Autoliquidation" (needs the buyer's VAT id).
    case AE
    /// Intra-community supply.
    case K
    /// Export outside the EU.
    case G
    /// Outside the scope of VAT (cannot be mixed with other categories).
    case O
}

/// The VAT members shared by charges, adjustments and import charges, read with the contract's
/// `vatRules`: a rate or exemption reason needs a category; S needs a rate; every other category
/// has rate 0; E needs an exemption reason.
struct VATFields {
    var category: VATCategory?
    var rate: ExactDecimal?
    var exemptionReason: String?

    static func read(_ r: ObjectReader) -> VATFields {
        let category = r.optional("vatCategory", FieldDecoder<VATCategory>.oneOf)
        let rate = r.optional("vatRate", .vatRate)
        let reason = r.optional("exemptionReason", .text(max: 300))
        if !r.has("vatCategory") {
            if r.has("vatRate") { r.requireByRule("vatCategory", "required because vatRate is given") }
            else if r.has("exemptionReason") { r.requireByRule("vatCategory", "required because exemptionReason is given") }
        }
        if let category {
            if category == .S { r.requireByRule("vatRate", "required for VAT category S") }
            if category != .S, let rate, rate.value != 0 {
                r.fail("vatRate", "must be 0 for VAT category \(category.rawValue), found \(quoted(rate.text))")
            }
            if category == .E { r.requireByRule("exemptionReason", "required for VAT category E") }
        }
        return VATFields(category: category, rate: rate, exemptionReason: reason)
    }
}
