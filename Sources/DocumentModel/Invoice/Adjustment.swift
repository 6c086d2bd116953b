/// Category of an adjustment or other charge.
///
/// ```swift
/// AdjustmentCategory(rawValue: "VOID") // .VOID
/// ```
public enum AdjustmentCategory: String, Sendable, Hashable, Codable, CaseIterable {
    /// Shipping charge correction.
    case SCC
    /// Address correction.
    case ADC
    /// Residential adjustment.
    case RADJ
    /// Zone adjustment.
    case ZONE
    /// Credit adjustment.
    case CADJ
    /// Not previously billed.
    case CLB
    /// Void (negative).
    case VOID
    /// Returns.
    case RETURN
    /// Service charge.
    case SERVICE
}

/// An adjustment or other charge referring to an earlier shipment or invoice; net = published − incentive.
///
/// ```swift
/// Adjustment(category: .CADJ, description: "Geste commercial",
///            publishedAmount: Money("-25.00", currency: .eur)!, vatCategory: .S, vatRate: "20")
/// ```
public struct Adjustment: Sendable, Hashable, Codable {
    /// Adjustment category.
    public var category: AdjustmentCategory?
    /// Date of the original shipment or of the adjustment.
    public var date: CalendarDate?
    /// Tracking number of the adjusted shipment.
    public var originalTrackingNumber: String?
    /// Invoice that billed the original charge.
    public var originalInvoiceNumber: String?
    /// Reason as printed.
    public var reason: String?
    /// Description as printed.
    public var description: String
    /// Published amount (negative for credits and voids).
    public var publishedAmount: Money
    /// Incentive credited against the published amount; absent means 0.
    public var incentiveAmount: Money?
    /// EN 16931 VAT category.
    public var vatCategory: VATCategory?
    /// VAT rate in percent.
    public var vatRate: ExactDecimal?
    /// Exemption legal reference (category E).
    public var exemptionReason: String?

    /// Creates an adjustment.
    ///
    /// ```swift
    /// Adjustment(category: .VOID, description: "Annulation", publishedAmount: Money("-14.60", currency: .eur)!)
    /// ```
    public init(category: AdjustmentCategory?, date: CalendarDate? = nil, originalTrackingNumber: String? = nil,
                originalInvoiceNumber: String? = nil, reason: String? = nil, description: String, publishedAmount: Money,
                incentiveAmount: Money? = nil, vatCategory: VATCategory? = nil, vatRate: ExactDecimal? = nil, exemptionReason: String? = nil) {
        self.category = category; self.date = date; self.originalTrackingNumber = originalTrackingNumber
        self.originalInvoiceNumber = originalInvoiceNumber; self.reason = reason; self.description = description
        self.publishedAmount = publishedAmount; self.incentiveAmount = incentiveAmount
        self.vatCategory = vatCategory; self.vatRate = vatRate; self.exemptionReason = exemptionReason
    }

    /// Net amount = published − incentive.
    public var netAmount: Money { publishedAmount - (incentiveAmount ?? .zero(publishedAmount.currency)) }

    static func read(_ r: ObjectReader) -> Adjustment? {
        let category = r.required("category", FieldDecoder<AdjustmentCategory>.oneOf)
        let date = r.optional("date", .date)
        let tracking = r.optional("originalTrackingNumber", .text(max: 35, pattern: "[A-Za-z0-9-]+", what: "a tracking number (letters, digits, hyphens)"))
        let invoice = r.optional("originalInvoiceNumber", .text(max: 32))
        let reason = r.optional("reason", .text(max: 2000))
        let description = r.required("description", .text(max: 2000))
        let published = r.required("publishedAmount", .money())
        let incentive = r.optional("incentiveAmount", .money())
        let vat = VATFields.read(r)
        guard let category, let description, let published else { return nil }
        return Adjustment(category: category, date: date, originalTrackingNumber: tracking, originalInvoiceNumber: invoice,
                          reason: reason, description: description, publishedAmount: published, incentiveAmount: incentive,
                          vatCategory: vat.category, vatRate: vat.rate, exemptionReason: vat.exemptionReason)
    }

    /// Decodes through the strict reader; amounts need `decoder.userInfo[.folioCurrency]`.
    public init(from decoder: any Decoder) throws { self = try Adjustment(strictlyFrom: decoder) }
}

extension Adjustment: ObjectDecodable { static let objectDescription = "an adjustment" }
