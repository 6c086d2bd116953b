/// A company or person with a postal address: seller, bill-to, importer, consignee, vendor.
///
/// ```swift
/// let seller = Party(name: "Vélocité Colis France", city: "Lyon", country: "FR",
///                    legalForm: "SAS", vatId: "FR19812345676", siren: "812345676")
/// ```
public struct Party: Sendable, Hashable, Codable, ObjectDecodable {
    /// Legal or trading name as printed.
    public var name: String
    /// Legal form ("SAS", "GmbH", "Inc.").
    public var legalForm: String?
    /// Share capital as printed, with its currency ("8 000 000 EUR").
    public var shareCapital: String?
    /// Street address lines (1–4).
    public var addressLines: [String]?
    /// Postal code as printed.
    public var postalCode: String?
    /// City or locality.
    public var city: String
    /// State, province or region.
    public var region: String?
    /// ISO 3166-1 alpha-2 country code.
    public var country: String
    /// VAT identification number with country prefix.
    public var vatId: String?
    /// French SIREN (9 digits).
    public var siren: String?
    /// French SIRET (14 digits).
    public var siret: String?
    /// Trade-register mention as printed ("RCS Lyon 812 345 678").
    public var rcs: String?
    /// Other tax or customs identifier as printed.
    public var taxId: String?
    /// E-mail address.
    public var email: String?
    /// Telephone number as printed.
    public var phone: String?

    /// Creates a party; only name, city and country are required.
    ///
    /// ```swift
    /// Party(name: "Harborline Outfitters Inc.", city: "Long Beach", country: "US", region: "CA")
    /// ```
    public init(name: String, city: String, country: String, legalForm: String? = nil, shareCapital: String? = nil,
                addressLines: [String]? = nil, postalCode: String? = nil, region: String? = nil, vatId: String? = nil,
                siren: String? = nil, siret: String? = nil, rcs: String? = nil, taxId: String? = nil,
                email: String? = nil, phone: String? = nil) {
        self.name = name; self.city = city; self.country = country; self.legalForm = legalForm
        self.shareCapital = shareCapital; self.addressLines = addressLines; self.postalCode = postalCode
        self.region = region; self.vatId = vatId; self.siren = siren; self.siret = siret; self.rcs = rcs
        self.taxId = taxId; self.email = email; self.phone = phone
    }

    static let objectDescription = "a party"

    static func read(_ r: ObjectReader) -> Party? {
        let name = r.required("name", .text(max: 140))
        let legalForm = r.optional("legalForm", .text(max: 60))
        let shareCapital = r.optional("shareCapital", .text(max: 60))
        let addressLines = r.optional("addressLines", .array(of: .text(max: 140), min: 1, max: 4))
        let postalCode = r.optional("postalCode", .text(max: 20))
        let city = r.required("city", .text(max: 80))
        let region = r.optional("region", .text(max: 80))
        let country = r.required("country", .country)
        let vatId = r.optional("vatId", .text(max: 20, pattern: "[A-Z]{2}[0-9A-Za-z+*.]{2,18}", what: "a VAT number with country prefix such as \"FR32812345678\""))
        let siren = r.optional("siren", .text(max: 9, pattern: "[0-9]{9}", what: "a SIREN of 9 digits"))
        let siret = r.optional("siret", .text(max: 14, pattern: "[0-9]{14}", what: "a SIRET of 14 digits"))
        let rcs = r.optional("rcs", .text(max: 80))
        let taxId = r.optional("taxId", .text(max: 40))
        let email = r.optional("email", .email)
        let phone = r.optional("phone", .phone)
        guard let name, let city, let country else { return nil }
        return Party(name: name, city: city, country: country, legalForm: legalForm, shareCapital: shareCapital,
                     addressLines: addressLines, postalCode: postalCode, region: region, vatId: vatId, siren: siren,
                     siret: siret, rcs: rcs, taxId: taxId, email: email, phone: phone)
    }

    /// Decodes through the strict reader (see `DocumentDecoder` for full error reports).
    public init(from decoder: any Decoder) throws { self = try Party(strictlyFrom: decoder) }
}

extension FieldDecoder where T == String {
    /// A telephone number as printed, preferably E.164.
    static var phone: FieldDecoder<String> {
        .text(max: 30, pattern: "\\+?[0-9][0-9 ().-]{3,29}", what: "a telephone number such as \"+33 4 72 00 00 00\"")
    }
}
