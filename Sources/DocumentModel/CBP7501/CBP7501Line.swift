/// Relationship of importer and seller (Block 36C).
///
/// ```swift
/// line.relationship == .N
/// ```
public enum Relationship: String, Sendable, Hashable, Codable, CaseIterable {
    /// Related.
    case Y
    /// Not related.
    case N
}

/// One line item of the entry summary (2024 Blocks 31–38).
///
/// ```swift
/// CBP7501Line(lineNumber: 2, description: "Men's pullovers", htsNumber: "6110.20.2079",
///             netQuantity: NetQuantity(value: "310", unit: "DOZ"), enteredValue: Money("8000.40", currency: .usd)!,
///             relationship: .N, htsRate: .rate(adValorem: "16.5", specific: nil))
/// ```
public struct CBP7501Line: Sendable, Hashable, Codable {
    /// Block 31 — line number, ascending.
    public var lineNumber: Int
    /// Block 32 — description of merchandise.
    public var description: String
    /// Block 33A — HTSUS number.
    public var htsNumber: String
    /// Block 33B — AD/CVD case number.
    public var adCvdNumber: String?
    /// Block 33A — further HTSUS numbers.
    public var additionalTariffs: [AdditionalTariff]?
    /// Manufacturer ID of this line (Block 13 MULTI).
    public var manufacturerId: String?
    /// Country of origin of this line (Block 10 MULTI).
    public var countryOfOrigin: String?
    /// Block 34A — gross weight in kg.
    public var grossWeight: Weight?
    /// Block 34B — manifest quantity.
    public var manifestQuantity: Int?
    /// Block 34B — manifest unit.
    public var manifestUnit: String?
    /// Block 35 — net quantity.
    public var netQuantity: NetQuantity
    /// Block 36A — entered value in USD (printed and dutiable in whole dollars).
    public var enteredValue: Money
    /// Block 36B — freight and insurance charges.
    public var charges: Money?
    /// Block 36C — relationship.
    public var relationship: Relationship
    /// Block 37A — HTSUS rate.
    public var htsRate: USRate
    /// Block 37B — AD/CVD rate.
    public var adCvdRate: USRate?
    /// Block 37C — IRC rate.
    public var ircRate: USRate?
    /// Block 37D — visa number.
    public var visaNumber: String?
    /// Block 38 — duty as stated (checked), else computed.
    public var dutyAmount: Money?
    /// Block 38 — AD/CVD duty as stated (checked against adCvdRate), else computed.
    public var adCvdAmount: Money?
    /// Block 38 — IR tax as stated (checked against ircRate), else computed.
    public var irTax: Money?

    /// Creates a line.
    ///
    /// ```swift
    /// CBP7501Line(lineNumber: 1, description: "Laptops", htsNumber: "8471.30.0100",
    ///             netQuantity: NetQuantity(value: "180", unit: "NO"), enteredValue: Money("12345.67", currency: .usd)!,
    ///             relationship: .N, htsRate: .free)
    /// ```
    public init(lineNumber: Int, description: String, htsNumber: String, adCvdNumber: String? = nil,
                additionalTariffs: [AdditionalTariff]? = nil, manufacturerId: String? = nil, countryOfOrigin: String? = nil,
                grossWeight: Weight? = nil, manifestQuantity: Int? = nil, manifestUnit: String? = nil, netQuantity: NetQuantity,
                enteredValue: Money, charges: Money? = nil, relationship: Relationship, htsRate: USRate, adCvdRate: USRate? = nil,
                ircRate: USRate? = nil, visaNumber: String? = nil, dutyAmount: Money? = nil, adCvdAmount: Money? = nil, irTax: Money? = nil) {
        self.lineNumber = lineNumber; self.description = description; self.htsNumber = htsNumber; self.adCvdNumber = adCvdNumber
        self.additionalTariffs = additionalTariffs; self.manufacturerId = manufacturerId; self.countryOfOrigin = countryOfOrigin
        self.grossWeight = grossWeight; self.manifestQuantity = manifestQuantity; self.manifestUnit = manifestUnit
        self.netQuantity = netQuantity; self.enteredValue = enteredValue; self.charges = charges; self.relationship = relationship
        self.htsRate = htsRate; self.adCvdRate = adCvdRate; self.ircRate = ircRate; self.visaNumber = visaNumber
        self.dutyAmount = dutyAmount; self.adCvdAmount = adCvdAmount; self.irTax = irTax
    }

    static func read(_ r: ObjectReader) -> CBP7501Line? {
        let hts10 = "[0-9]{4}\\.?[0-9]{2}\\.?[0-9]{2}\\.?[0-9]{2}"
        let lineNumber = r.required("lineNumber", .integer(1...999))
        let description = r.required("description", .text(max: 2000))
        let hts = r.required("htsNumber", .text(max: 13, pattern: hts10, what: "a 10-digit HTSUS number such as \"8471.30.0100\""))
        let adCvdNumber = r.optional("adCvdNumber", .text(max: 16, pattern: "[AC]-?[0-9]{3}-[0-9]{3}(-[0-9]{3})?", what: "an AD/CVD case number such as \"A-570-967-000\""))
        let additional = r.optional("additionalTariffs", .array(of: .object("an additional tariff") { t -> AdditionalTariff? in
            let number = t.required("htsNumber", .text(max: 13, pattern: "[0-9]{4}\\.?[0-9]{2}\\.?[0-9]{2}(\\.?[0-9]{2})?", what: "an HTSUS number such as \"9903.88.03\""))
            let rate = t.required("htsRate", .usRate)
            let duty = t.optional("dutyAmount", .money(nonNegative: true))
            guard let number, let rate else { return nil }
            return AdditionalTariff(htsNumber: number, htsRate: rate, dutyAmount: duty)
        }, max: 5))
        let mid = r.optional("manufacturerId", .text(max: 15, pattern: "[A-Z0-9]{2,15}", what: "a manufacturer ID (2–15 upper-case letters or digits)"))
        let origin = r.optional("countryOfOrigin", .country)
        let gross = r.optional("grossWeight", .object("a weight in kg") { Weight.readKilograms($0) })
        let manifestQuantity = r.optional("manifestQuantity", .integer(0...99_999_999))
        let manifestUnit = r.optional("manifestUnit", .text(max: 10))
        let net = r.required("netQuantity", .object("a net quantity") { q -> NetQuantity? in
            let value = q.required("value", .quantity)
            let unit = q.required("unit", .text(max: 10, pattern: "[A-Z0-9.]{1,10}", what: "an HTSUS unit such as \"KG\""))
            guard let value, let unit else { return nil }
            return NetQuantity(value: value, unit: unit)
        })
        let entered = r.required("enteredValue", .money(nonNegative: true))
        let charges = r.optional("charges", .money(nonNegative: true))
        let relationship = r.required("relationship", FieldDecoder<Relationship>.oneOf)
        let htsRate = r.required("htsRate", .usRate)
        let adCvdRate = r.optional("adCvdRate", .usRate)
        let ircRate = r.optional("ircRate", .usRate)
        let visa = r.optional("visaNumber", .text(max: 20))
        let duty = r.optional("dutyAmount", .money(nonNegative: true))
        let adCvd = r.optional("adCvdAmount", .money(nonNegative: true))
        let irTax = r.optional("irTax", .money(nonNegative: true))
        if let net {
            for (key, rate) in [("htsRate", htsRate), ("adCvdRate", adCvdRate), ("ircRate", ircRate)] {
                if case .rate(_, let specific?) = rate, specific.per != net.unit {
                    r.session.report(r.childPath(key) + [.key("specific"), .key("per")], offset: r.node(key)?.offset ?? r.node.offset,
                                     "must equal the line's netQuantity.unit \(quoted(net.unit)), found \(quoted(specific.per))")
                }
            }
        }
        guard let lineNumber, let description, let hts, let net, let entered, let relationship, let htsRate else { return nil }
        return CBP7501Line(lineNumber: lineNumber, description: description, htsNumber: hts, adCvdNumber: adCvdNumber,
                           additionalTariffs: additional, manufacturerId: mid, countryOfOrigin: origin, grossWeight: gross,
                           manifestQuantity: manifestQuantity, manifestUnit: manifestUnit, netQuantity: net, enteredValue: entered,
                           charges: charges, relationship: relationship, htsRate: htsRate, adCvdRate: adCvdRate, ircRate: ircRate,
                           visaNumber: visa, dutyAmount: duty, adCvdAmount: adCvd, irTax: irTax)
    }

    /// Decodes through the strict reader; amounts need `decoder.userInfo[.folioCurrency]` (USD).
    public init(from decoder: any Decoder) throws { self = try CBP7501Line(strictlyFrom: decoder) }
}

extension CBP7501Line: ObjectDecodable { static let objectDescription = "a 7501 line" }
