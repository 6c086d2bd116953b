/// One entry of the Other Fee Summary (Block 39).
///
/// ```swift
/// CBP7501Fee(classCode: "499")                                        // MPF, computed
/// CBP7501Fee(classCode: "500", amount: Money("10.00", currency: .usd)) // manual surcharge, given
/// ```
public struct CBP7501Fee: Sendable, Hashable, Codable {
    /// Fee class code (499 MPF, 501 HMF, 311 informal MPF, …).
    public var classCode: String
    /// Fee name as printed; default from `CBP7501Fee.catalogue`.
    public var description: String?
    /// Amount: computed for 499 and 501 when absent (checked when present), required for other codes.
    public var amount: Money?

    /// Creates a fee.
    ///
    /// ```swift
    /// CBP7501Fee(classCode: "501", description: "Harbor Maintenance Fee")
    /// ```
    public init(classCode: String, description: String? = nil, amount: Money? = nil) {
        self.classCode = classCode; self.description = description; self.amount = amount
    }

    /// Default names of known fee class codes.
    public static let catalogue: [String: String] = [
        "499": "Merchandise Processing Fee", "501": "Harbor Maintenance Fee", "311": "Informal Merchandise Processing Fee",
        "500": "Manual Surcharge", "496": "Dutiable Mail Fee", "056": "Sugar Fee", "110": "Cotton Fee",
    ]

    /// The description given, else the catalogue name, else nil.
    public var effectiveDescription: String? { description ?? CBP7501Fee.catalogue[classCode] }

    static func read(_ r: ObjectReader) -> CBP7501Fee? {
        let code = r.required("classCode", .text(max: 3, pattern: "[0-9]{3}", what: "a 3-digit fee class code such as \"499\""))
        let description = r.optional("description", .text(max: 80))
        let amount = r.optional("amount", .money(nonNegative: true))
        if let code, code != "499", code != "501" { r.requireByRule("amount", "required for fee class \(code) (only 499 and 501 are computed)") }
        guard let code else { return nil }
        return CBP7501Fee(classCode: code, description: description, amount: amount)
    }

    /// Decodes through the strict reader; amounts need `decoder.userInfo[.folioCurrency]` (USD).
    public init(from decoder: any Decoder) throws { self = try CBP7501Fee(strictlyFrom: decoder) }
}

extension CBP7501Fee: ObjectDecodable { static let objectDescription = "a fee" }

/// Which declaration box of Block 40 is ticked.
///
/// ```swift
/// DeclarantCapacity(rawValue: "importer-of-record") // .importerOfRecord
/// ```
public enum DeclarantCapacity: String, Sendable, Hashable, Codable, CaseIterable {
    /// Importer of record.
    case importerOfRecord = "importer-of-record"
    /// Owner, purchaser or agent thereof.
    case ownerPurchaserOrAgent = "owner-purchaser-or-agent"
}

/// Declarant of the entry summary (Blocks 40 and 45).
///
/// ```swift
/// CBP7501Declarant(name: "Dana M. Whitcombe", title: "Licensed Customs Broker", date: CalendarDate("2025-02-24")!)
/// ```
public struct CBP7501Declarant: Sendable, Hashable, Codable {
    /// Name in the signature box.
    public var name: String
    /// Title.
    public var title: String
    /// Date of the declaration.
    public var date: CalendarDate
    /// Block 40 capacity.
    public var capacity: DeclarantCapacity?
    /// Block 40: obtained pursuant to a purchase or agreement to purchase.
    public var obtainedPursuantToPurchase: Bool?

    /// Creates a declarant.
    ///
    /// ```swift
    /// CBP7501Declarant(name: "A. Broker", title: "Agent", date: CalendarDate("2025-01-02")!, capacity: .ownerPurchaserOrAgent)
    /// ```
    public init(name: String, title: String, date: CalendarDate, capacity: DeclarantCapacity? = nil, obtainedPursuantToPurchase: Bool? = nil) {
        self.name = name; self.title = title; self.date = date; self.capacity = capacity; self.obtainedPursuantToPurchase = obtainedPursuantToPurchase
    }

    static func read(_ r: ObjectReader) -> CBP7501Declarant? {
        let name = r.required("name", .text(max: 140))
        let title = r.required("title", .text(max: 80))
        let date = r.required("date", .date)
        let capacity = r.optional("capacity", FieldDecoder<DeclarantCapacity>.oneOf)
        let purchase = r.optional("obtainedPursuantToPurchase", .boolean)
        guard let name, let title, let date else { return nil }
        return CBP7501Declarant(name: name, title: title, date: date, capacity: capacity, obtainedPursuantToPurchase: purchase)
    }

    /// Decodes through the strict reader.
    public init(from decoder: any Decoder) throws { self = try CBP7501Declarant(strictlyFrom: decoder) }
}

extension CBP7501Declarant: ObjectDecodable { static let objectDescription = "a declarant" }

/// Broker / filer information (Blocks 46–47).
///
/// ```swift
/// CBP7501Broker(name: "Crescent Bay Customs Brokerage LLC", filerCode: "F7Q")
/// ```
public struct CBP7501Broker: Sendable, Hashable, Codable {
    /// Broker/filer name.
    public var name: String
    /// Street address lines (1–3).
    public var addressLines: [String]?
    /// City.
    public var city: String?
    /// State.
    public var region: String?
    /// ZIP code.
    public var postalCode: String?
    /// Phone number.
    public var phone: String?
    /// Three-character filer code.
    public var filerCode: String?
    /// Block 47 — broker/importer file number.
    public var fileNumber: String?

    /// Creates broker information.
    ///
    /// ```swift
    /// CBP7501Broker(name: "Broker LLC", city: "Long Beach", region: "CA")
    /// ```
    public init(name: String, addressLines: [String]? = nil, city: String? = nil, region: String? = nil, postalCode: String? = nil,
                phone: String? = nil, filerCode: String? = nil, fileNumber: String? = nil) {
        self.name = name; self.addressLines = addressLines; self.city = city; self.region = region; self.postalCode = postalCode
        self.phone = phone; self.filerCode = filerCode; self.fileNumber = fileNumber
    }

    static func read(_ r: ObjectReader) -> CBP7501Broker? {
        let name = r.required("name", .text(max: 140))
        let broker = CBP7501Broker(
            name: name ?? "", addressLines: r.optional("addressLines", .array(of: .text(max: 140), min: 1, max: 3)),
            city: r.optional("city", .text(max: 80)), region: r.optional("region", .text(max: 80)),
            postalCode: r.optional("postalCode", .text(max: 20)), phone: r.optional("phone", .phone),
            filerCode: r.optional("filerCode", .text(max: 3, pattern: "[A-Z0-9]{3}", what: "a 3-character filer code")),
            fileNumber: r.optional("fileNumber", .text(max: 30)))
        return name == nil ? nil : broker
    }

    /// Decodes through the strict reader.
    public init(from decoder: any Decoder) throws { self = try CBP7501Broker(strictlyFrom: decoder) }
}

extension CBP7501Broker: ObjectDecodable { static let objectDescription = "broker information" }

/// Blocks 39 and 41–44 as stated by the document; each figure given is checked.
///
/// ```swift
/// CBP7501Totals(total: Money("1415.91", currency: .usd))
/// ```
public struct CBP7501Totals: Sendable, Hashable, Codable {
    /// Block 39 — total entered value (whole dollars).
    public var totalEnteredValue: Money?
    /// Block 39 — total other fees.
    public var totalOtherFees: Money?
    /// Block 41 — duty.
    public var duty: Money?
    /// Block 42 — tax.
    public var tax: Money?
    /// Block 43 — other.
    public var other: Money?
    /// Block 44 — total.
    public var total: Money?

    /// Creates stated totals; every figure is optional.
    ///
    /// ```swift
    /// CBP7501Totals(duty: Money("1320.00", currency: .usd))
    /// ```
    public init(totalEnteredValue: Money? = nil, totalOtherFees: Money? = nil, duty: Money? = nil, tax: Money? = nil,
                other: Money? = nil, total: Money? = nil) {
        self.totalEnteredValue = totalEnteredValue; self.totalOtherFees = totalOtherFees; self.duty = duty
        self.tax = tax; self.other = other; self.total = total
    }

    static func read(_ r: ObjectReader) -> CBP7501Totals? {
        let m = FieldDecoder<Money>.money(nonNegative: true)
        return CBP7501Totals(totalEnteredValue: r.optional("totalEnteredValue", m), totalOtherFees: r.optional("totalOtherFees", m),
                             duty: r.optional("duty", m), tax: r.optional("tax", m), other: r.optional("other", m), total: r.optional("total", m))
    }

    /// Decodes through the strict reader; amounts need `decoder.userInfo[.folioCurrency]` (USD).
    public init(from decoder: any Decoder) throws { self = try CBP7501Totals(strictlyFrom: decoder) }
}

extension CBP7501Totals: ObjectDecodable { static let objectDescription = "7501 totals" }
