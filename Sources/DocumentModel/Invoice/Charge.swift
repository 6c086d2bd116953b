/// Classification grouping charges in the summary of charges.
///
/// ```swift
/// Charge(code: "RES", description: "Residential", publishedAmount: .zero(.usd)).effectiveClassification // .ACC
/// ```
public enum ChargeClassification: String, Sendable, Hashable, Codable, CaseIterable {
    /// Transportation.
    case FRT
    /// Fuel surcharge.
    case FSC
    /// Accessorial.
    case ACC
    /// Government.
    case GOV
    /// Brokerage.
    case BRK
    /// Tax.
    case TAX
    /// Miscellaneous.
    case MSC
    /// Informational (amount 0, excluded from totals).
    case INF
}

/// One charge of a shipment; net amount = published − incentive.
///
/// ```swift
/// let freight = Charge(code: "FRT", description: "Transport UPS Standard",
///                      publishedAmount: Money("31.10", currency: .eur)!,
///                      incentiveAmount: Money("7.78", currency: .eur)!, vatCategory: .S, vatRate: "20")
/// freight.netAmount.plainText // "23.32"
/// ```
public struct Charge: Sendable, Hashable, Codable {
    /// Charge code (a classification such as FRT, or a detail code such as RES).
    public var code: String
    /// Classification for the summary; see `effectiveClassification` for the default.
    public var classification: ChargeClassification?
    /// Description as printed.
    public var description: String
    /// Published (list) amount.
    public var publishedAmount: Money
    /// Incentive credited against the published amount (positive to subtract); absent means 0.
    public var incentiveAmount: Money?
    /// EN 16931 VAT category; absent on every line of a document without VAT.
    public var vatCategory: VATCategory?
    /// VAT rate in percent.
    public var vatRate: ExactDecimal?
    /// Exemption legal reference (category E).
    public var exemptionReason: String?

    /// Creates a charge.
    ///
    /// ```swift
    /// Charge(code: "FSC", description: "Fuel Surcharge", publishedAmount: Money("1.53", currency: .usd)!)
    /// ```
    public init(code: String, classification: ChargeClassification? = nil, description: String, publishedAmount: Money,
                incentiveAmount: Money? = nil, vatCategory: VATCategory? = nil, vatRate: ExactDecimal? = nil, exemptionReason: String? = nil) {
        self.code = code; self.classification = classification; self.description = description
        self.publishedAmount = publishedAmount; self.incentiveAmount = incentiveAmount
        self.vatCategory = vatCategory; self.vatRate = vatRate; self.exemptionReason = exemptionReason
    }

    /// The classification given, else the code when it is a classification, else ACC.
    public var effectiveClassification: ChargeClassification {
        classification ?? ChargeClassification(rawValue: code) ?? .ACC
    }

    /// Net amount = published − incentive.
    public var netAmount: Money { publishedAmount - (incentiveAmount ?? .zero(publishedAmount.currency)) }

    /// Whether this is an informational (INF) line, excluded from totals.
    public var isInformational: Bool { effectiveClassification == .INF }

    static func read(_ r: ObjectReader) -> Charge? {
        let code = r.required("code", .text(max: 6, pattern: "[A-Z][A-Z0-9]{1,5}", what: "a charge code such as \"FRT\""))
        let classification = r.optional("classification", FieldDecoder<ChargeClassification>.oneOf)
        let description = r.required("description", .text(max: 2000))
        let published = r.required("publishedAmount", .money())
        let incentive = r.optional("incentiveAmount", .money())
        let vat = VATFields.read(r)
        if code == "INF" || classification == .INF {
            for key in ["publishedAmount", "incentiveAmount"] {
                if let node = r.node(key), case .string(let text) = node.value, !isZeroText(text) {
                    r.fail(key, "must be 0 on an INF (informational) charge, found \(quoted(text))")
                }
            }
        }
        guard let code, let description, let published else { return nil }
        return Charge(code: code, classification: classification, description: description, publishedAmount: published,
                      incentiveAmount: incentive, vatCategory: vat.category, vatRate: vat.rate, exemptionReason: vat.exemptionReason)
    }

    /// Decodes through the strict reader; amounts need `decoder.userInfo[.folioCurrency]`.
    public init(from decoder: any Decoder) throws { self = try Charge(strictlyFrom: decoder) }
}

extension Charge: ObjectDecodable { static let objectDescription = "a charge" }

/// Whether a decimal string is some spelling of zero (`0`, `-0.00`).
func isZeroText(_ text: String) -> Bool {
    var t = Substring(text)
    if t.hasPrefix("-") { t = t.dropFirst() }
    return !t.isEmpty && t.allSatisfy { $0 == "0" || $0 == "." } && t.first != "." && t.last != "."
}
