/// Sender or receiver of a shipment as shown in shipment detail (name and place only).
///
/// ```swift
/// ShortParty(name: "Boulangerie du Pont", city: "Grenoble", country: "FR")
/// ```
public struct ShortParty: Sendable, Hashable, Codable, ObjectDecodable {
    /// Name of the sender or receiver.
    public var name: String
    /// City.
    public var city: String?
    /// ISO 3166-1 alpha-2 country code.
    public var country: String?

    /// Creates a sender or receiver.
    ///
    /// ```swift
    /// ShortParty(name: "Ms. Dana Okafor", city: "Green Bay", country: "US")
    /// ```
    public init(name: String, city: String? = nil, country: String? = nil) {
        self.name = name; self.city = city; self.country = country
    }

    static let objectDescription = "a sender or receiver"

    static func read(_ r: ObjectReader) -> ShortParty? {
        let name = r.required("name", .text(max: 140))
        let city = r.optional("city", .text(max: 80))
        let country = r.optional("country", .country)
        guard let name else { return nil }
        return ShortParty(name: name, city: city, country: country)
    }

    /// Decodes through the strict reader.
    public init(from decoder: any Decoder) throws { self = try ShortParty(strictlyFrom: decoder) }
}
