/// Classification of an import / brokerage charge.
///
/// ```swift
/// ImportCharge(code: "201", description: "Duty", amount: .zero(.eur), vatCategory: .E).effectiveClassification // .GOV
/// ```
public enum ImportChargeClassification: String, Sendable, Hashable, Codable, CaseIterable {
    /// Duties and taxes paid on the customer's behalf (disbursements, outside the VAT base).
    case GOV
    /// Brokerage fee (taxable).
    case BRK
    /// Import freight.
    case FRT
    /// Fuel.
    case FSC
    /// Other.
    case MSC
}

/// A charge of an import / brokerage invoice: a disbursement (duty, import VAT paid for the customer)
/// or a brokerage fee.
///
/// ```swift
/// ImportCharge(code: "201", classification: .GOV, description: "Droits de douane",
///              amount: Money("47.01", currency: .eur)!, vatCategory: .E, vatRate: "0",
///              exemptionReason: "VATEX-EU-79-C")
/// ```
public struct ImportCharge: Sendable, Hashable, Codable {
    /// Customs entry / declaration number this charge belongs to.
    public var entryNumber: String?
    /// Charge code as printed.
    public var code: String
    /// Classification; see `effectiveClassification` for the default.
    public var classification: ImportChargeClassification?
    /// Description as printed.
    public var description: String
    /// Amount.
    public var amount: Money
    /// EN 16931 VAT category.
    public var vatCategory: VATCategory?
    /// VAT rate in percent.
    public var vatRate: ExactDecimal?
    /// Exemption legal reference (category E).
    public var exemptionReason: String?

    /// Creates an import charge.
    ///
    /// ```swift
    /// ImportCharge(code: "ENT", classification: .BRK, description: "Frais de déclaration",
    ///              amount: Money("25.00", currency: .eur)!, vatCategory: .S, vatRate: "20")
    /// ```
    public init(entryNumber: String? = nil, code: String, classification: ImportChargeClassification? = nil, description: String,
                amount: Money, vatCategory: VATCategory? = nil, vatRate: ExactDecimal? = nil, exemptionReason: String? = nil) {
        self.entryNumber = entryNumber; self.code = code; self.classification = classification; self.description = description
        self.amount = amount; self.vatCategory = vatCategory; self.vatRate = vatRate; self.exemptionReason = exemptionReason
    }

    /// The classification given, else GOV when the line is VAT-exempt (a disbursement), else BRK.
    public var effectiveClassification: ImportChargeClassification {
        classification ?? (vatCategory == .E ? .GOV : .BRK)
    }

    /// Whether the line is a disbursement (duties and taxes paid for the customer).
    public var isDisbursement: Bool { effectiveClassification == .GOV }

    static func read(_ r: ObjectReader) -> ImportCharge? {
        let entry = r.optional("entryNumber", .text(max: 40))
        let code = r.required("code", .text(max: 6, pattern: "[A-Z0-9]{1,6}", what: "a charge code such as \"201\""))
        let classification = r.optional("classification", FieldDecoder<ImportChargeClassification>.oneOf)
        let description = r.required("description", .text(max: 2000))
        let amount = r.required("amount", .money())
        let vat = VATFields.read(r)
        guard let code, let description, let amount else { return nil }
        return ImportCharge(entryNumber: entry, code: code, classification: classification, description: description, amount: amount,
                            vatCategory: vat.category, vatRate: vat.rate, exemptionReason: vat.exemptionReason)
    }

    /// Decodes through the strict reader; amounts need `decoder.userInfo[.folioCurrency]`.
    public init(from decoder: any Decoder) throws { self = try ImportCharge(strictlyFrom: decoder) }
}

extension ImportCharge: ObjectDecodable { static let objectDescription = "an import charge" }
