/// Declaration block of the B3.
///
/// ```swift
/// CBSAB3Declarant(name: "Priya Raman", company: "Northgate Customs Brokers Inc.", date: CalendarDate("2025-03-12")!)
/// ```
public struct CBSAB3Declarant: Sendable, Hashable, Codable, ObjectDecodable {
    /// Person declaring.
    public var name: String
    /// Importer or agent the declarant acts for.
    public var company: String
    /// Date of the declaration.
    public var date: CalendarDate

    /// Creates a declarant.
    ///
    /// ```swift
    /// CBSAB3Declarant(name: "A. Agent", company: "Agent Inc.", date: CalendarDate("2025-01-01")!)
    /// ```
    public init(name: String, company: String, date: CalendarDate) { self.name = name; self.company = company; self.date = date }

    static let objectDescription = "a declarant"

    static func read(_ r: ObjectReader) -> CBSAB3Declarant? {
        let name = r.required("name", .text(max: 140))
        let company = r.required("company", .text(max: 140))
        let date = r.required("date", .date)
        guard let name, let company, let date else { return nil }
        return CBSAB3Declarant(name: name, company: company, date: date)
    }

    /// Decodes through the strict reader.
    public init(from decoder: any Decoder) throws { self = try CBSAB3Declarant(strictlyFrom: decoder) }
}
