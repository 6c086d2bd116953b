import PageFrames

/// What header and footer blocks know about their page.
public struct PageInfo: Hashable, Sendable {
    /// 1-based.
    public var number: Int
    /// Total number of pages; nil unless a region of the template asked for it (`usesPageCount`).
    public var count: Int?
    /// First and last ``Block/mark(_:)`` placed on the page (running content such as the current
    /// invoice number); when the page has none, the last mark of an earlier page.
    public var firstMark: String?
    public var lastMark: String?

    public var isFirst: Bool { number == 1 }
}

/// A header or footer: a block made per page, in a band of fixed height.
///
/// ```swift
/// let footer = PageRegion(height: 14, usesPageCount: true) { page in
///     .text("Page \(page.number) of \(page.count!)", style: TextStyle(size: 8), paragraph: ParagraphStyle(alignment: .end))
/// }
/// ```
public struct PageRegion: Sendable {
    public var height: Double
    /// Set when the content shows the page count: pagination then knows the total before emitting.
    public var usesPageCount: Bool
    public var content: @Sendable (PageInfo) -> Block

    public init(height: Double, usesPageCount: Bool = false, content: @escaping @Sendable (PageInfo) -> Block) {
        self.height = height
        self.usesPageCount = usesPageCount
        self.content = content
    }
}

/// Margins, header and footer of a kind of page (first page, other pages).
public struct PageLayout: Sendable {
    public var margins: EdgeInsets
    public var header: PageRegion?
    public var footer: PageRegion?
    /// Space between the header/footer band and the body.
    public var gap: Double

    public init(margins: EdgeInsets, header: PageRegion? = nil, footer: PageRegion? = nil, gap: Double = 8) {
        self.margins = margins
        self.header = header
        self.footer = footer
        self.gap = gap
    }
}

/// Page size and the layout of the first and following pages.
///
/// ```swift
/// let template = PageTemplate(
///     size: .a4, margins: EdgeInsets(all: millimetres(15)),
///     header: PageRegion(height: 12) { page in .text(page.isFirst ? "" : "Invoice 123 — continued") },
///     footer: PageRegion(height: 12, usesPageCount: true) { page in .text("Page \(page.number) of \(page.count ?? 0)") })
/// ```
public struct PageTemplate: Sendable {
    public var size: Size
    public var otherPages: PageLayout
    /// A different first page (letterhead, larger top margin); nil: like the others.
    public var firstPage: PageLayout?

    public init(size: Size, otherPages: PageLayout, firstPage: PageLayout? = nil) {
        self.size = size
        self.otherPages = otherPages
        self.firstPage = firstPage
    }

    public init(size: Size = .a4, margins: EdgeInsets, header: PageRegion? = nil, footer: PageRegion? = nil, firstPage: PageLayout? = nil) {
        self.init(size: size, otherPages: PageLayout(margins: margins, header: header, footer: footer), firstPage: firstPage)
    }

    public func layout(ofPage number: Int) -> PageLayout {
        number == 1 ? firstPage ?? otherPages : otherPages
    }

    /// Where the flow goes on page `number`.
    public func body(ofPage number: Int) -> Rect {
        let layout = layout(ofPage: number)
        let top = layout.margins.top + (layout.header.map { $0.height + layout.gap } ?? 0)
        let bottom = size.height - layout.margins.bottom - (layout.footer.map { $0.height + layout.gap } ?? 0)
        return Rect(x: layout.margins.left, y: top, width: size.width - layout.margins.horizontal, height: max(0, bottom - top))
    }

    /// True when a header or footer shows the page count.
    public var countsPages: Bool {
        [firstPage, otherPages].contains { layout in
            layout.map { ($0.header?.usesPageCount ?? false) || ($0.footer?.usesPageCount ?? false) } ?? false
        }
    }
}
