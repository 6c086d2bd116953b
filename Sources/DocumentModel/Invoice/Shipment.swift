/// Why the billed weight was used.
///
/// ```swift
/// BilledWeightType(rawValue: "large-package") // .largePackage
/// ```
public enum BilledWeightType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Actual weight.
    case actual
    /// Dimensional weight.
    case dimensional
    /// Minimum billable weight.
    case minimum
    /// Oversize package.
    case oversize
    /// Large package.
    case largePackage = "large-package"
}

/// One shipment (package or multi-piece shipment) of the shipment detail.
///
/// ```swift
/// let kg = Weight(value: "2", unit: .kg)
/// let shipment = Shipment(date: CalendarDate("2025-03-03")!, trackingNumber: "1Z7X49E21159619393",
///                         service: "UPS Standard", packages: 1, enteredWeight: kg, billedWeight: kg,
///                         charges: [Charge(code: "FRT", description: "Transport", publishedAmount: Money("9.85", currency: .eur)!)])
/// ```
public struct Shipment: Sendable, Hashable, Codable {
    /// Pickup / ship date.
    public var date: CalendarDate
    /// Tracking number.
    public var trackingNumber: String
    /// Lead tracking number of a multi-piece shipment.
    public var leadTrackingNumber: String?
    /// Service name as printed.
    public var service: String
    /// Rating zone as printed.
    public var zone: String?
    /// Number of packages.
    public var packages: Int
    /// Weight entered by the shipper.
    public var enteredWeight: Weight
    /// Weight the charges were billed on.
    public var billedWeight: Weight
    /// Why the billed weight was used.
    public var billedWeightType: BilledWeightType?
    /// Dimensions of the largest package.
    public var dimensions: Dimensions?
    /// Ship-from.
    public var sender: ShortParty?
    /// Ship-to.
    public var receiver: ShortParty?
    /// References, at most 7.
    public var references: [String]?
    /// Charges, in print order (at least one).
    public var charges: [Charge]

    /// Creates a shipment.
    ///
    /// ```swift
    /// Shipment(date: CalendarDate("2025-03-10")!, trackingNumber: "1Z4W7Y910364795286", service: "Ground",
    ///          packages: 1, enteredWeight: Weight(value: "3.0", unit: .lb), billedWeight: Weight(value: "3", unit: .lb), charges: [])
    /// ```
    public init(date: CalendarDate, trackingNumber: String, leadTrackingNumber: String? = nil, service: String, zone: String? = nil,
                packages: Int, enteredWeight: Weight, billedWeight: Weight, billedWeightType: BilledWeightType? = nil,
                dimensions: Dimensions? = nil, sender: ShortParty? = nil, receiver: ShortParty? = nil, references: [String]? = nil,
                charges: [Charge]) {
        self.date = date; self.trackingNumber = trackingNumber; self.leadTrackingNumber = leadTrackingNumber
        self.service = service; self.zone = zone; self.packages = packages; self.enteredWeight = enteredWeight
        self.billedWeight = billedWeight; self.billedWeightType = billedWeightType; self.dimensions = dimensions
        self.sender = sender; self.receiver = receiver; self.references = references; self.charges = charges
    }

    static func read(_ r: ObjectReader) -> Shipment? {
        let tracking = FieldDecoder<String>.text(max: 35, pattern: "[A-Za-z0-9-]+", what: "a tracking number (letters, digits, hyphens)")
        let date = r.required("date", .date)
        let trackingNumber = r.required("trackingNumber", tracking)
        let lead = r.optional("leadTrackingNumber", tracking)
        let service = r.required("service", .text(max: 80))
        let zone = r.optional("zone", .text(max: 8))
        let packages = r.required("packages", .integer(1...9999))
        let entered = r.required("enteredWeight", .object(Weight.self))
        let billed = r.required("billedWeight", .object(Weight.self))
        let billedType = r.optional("billedWeightType", FieldDecoder<BilledWeightType>.oneOf)
        let dimensions = r.optional("dimensions", .object(Dimensions.self))
        let sender = r.optional("sender", .object(ShortParty.self))
        let receiver = r.optional("receiver", .object(ShortParty.self))
        let references = r.optional("references", .array(of: .text(max: 35), max: 7))
        let charges = r.required("charges", .array(of: .object(Charge.self), min: 1, max: 100))
        guard let date, let trackingNumber, let service, let packages, let entered, let billed, let charges else { return nil }
        return Shipment(date: date, trackingNumber: trackingNumber, leadTrackingNumber: lead, service: service, zone: zone,
                        packages: packages, enteredWeight: entered, billedWeight: billed, billedWeightType: billedType,
                        dimensions: dimensions, sender: sender, receiver: receiver, references: references, charges: charges)
    }

    /// Decodes through the strict reader; amounts need `decoder.userInfo[.folioCurrency]`.
    public init(from decoder: any Decoder) throws { self = try Shipment(strictlyFrom: decoder) }
}

extension Shipment: ObjectDecodable { static let objectDescription = "a shipment" }
