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
