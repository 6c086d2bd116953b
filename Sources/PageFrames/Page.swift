/// One finished page: its size and what is drawn on it, in painting order.
///
/// ```swift
/// var page = Page(size: .a4)
/// page.items.append(.rule(Rule(from: Point(x: 40, y: 60), to: Point(x: 555, y: 60), thickness: 0.5)))
/// ```
public struct Page: Hashable, Sendable {
    public var size: Size
    public var items: [FrameItem]
    /// Bookmarks that point into this page.
    public var outline: [OutlineEntry]

    public init(size: Size, items: [FrameItem] = [], outline: [OutlineEntry] = []) {
        self.size = size
        self.items = items
        self.outline = outline
    }
}

/// A bookmark: a title at a level (1 = top) pointing to a vertical position on its page.
public struct OutlineEntry: Hashable, Sendable {
    public var title: String
    public var level: Int
    public var y: Double
    public init(title: String, level: Int = 1, y: Double) {
        self.title = title
        self.level = level
        self.y = y
    }
}

/// Document-level information written into the PDF's Info dictionary.
public struct DocumentMetadata: Hashable, Sendable {
    public var title: String?
    public var author: String?
    public var subject: String?
    public var keywords: [String]
    public var creator: String
    /// Creation and modification instant, seconds since 1970 UTC. Output never reads the clock:
    /// callers pass the document's date, `SOURCE_DATE_EPOCH`, or leave the fixed default.
    public var date: Int64
    /// BCP 47 language of the document (`fr-FR`), the tagged PDF's /Lang; nil when unknown.
    public var language: String?

    /// 2000-01-01T00:00:00Z, used when nothing better is known so output stays reproducible.
    public static let fixedEpoch: Int64 = 946_684_800

    public init(
        title: String? = nil, author: String? = nil, subject: String? = nil, keywords: [String] = [],
        creator: String = "Folio", date: Int64 = DocumentMetadata.fixedEpoch, language: String? = nil
    ) {
        self.language = language
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.creator = creator
        self.date = date
    }
}
