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
