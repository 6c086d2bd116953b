/// PDF document information; a fixed `creationDate` makes output bytes reproducible.
///
/// ```swift
/// PDFMetadata(title: "Facture 0000F2501087", creationDate: Instant("2025-03-08T06:00:00+01:00"))
/// ```
public struct PDFMetadata: Sendable, Hashable, Codable, ObjectDecodable {
    /// PDF Title.
    public var title: String?
    /// PDF Author.
    public var author: String?
    /// PDF Subject.
    public var subject: String?
    /// PDF Keywords (joined with ", ").
    public var keywords: [String]?
    /// PDF CreationDate and ModDate.
    public var creationDate: Instant?

    /// Creates PDF metadata; every part is optional.
    ///
    /// ```swift
    /// PDFMetadata(keywords: ["facture", "colis"])
    /// ```
    public init(title: String? = nil, author: String? = nil, subject: String? = nil, keywords: [String]? = nil, creationDate: Instant? = nil) {
        self.title = title; self.author = author; self.subject = subject; self.keywords = keywords; self.creationDate = creationDate
    }

    static let objectDescription = "PDF metadata"

    static func read(_ r: ObjectReader) -> PDFMetadata? {
        PDFMetadata(title: r.optional("title", .text(max: 200)), author: r.optional("author", .text(max: 200)),
                    subject: r.optional("subject", .text(max: 200)),
                    keywords: r.optional("keywords", .array(of: .text(max: 60), max: 20)),
                    creationDate: r.optional("creationDate", .instant))
    }

    /// Decodes through the strict reader.
    public init(from decoder: any Decoder) throws { self = try PDFMetadata(strictlyFrom: decoder) }
}
