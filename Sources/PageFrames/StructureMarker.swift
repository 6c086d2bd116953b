/// Where logical structure starts and ends among a page's items (tagged PDF).
///
/// Layout emits markers in balanced pairs around the items of one laid-out slice, so a page cut
/// between slices, or columns merged side by side, never splits a pair: every page's item list is
/// balanced on its own. An element that spans several slices or pages appears once per slice with
/// the same ``StructureElement/key`` under the same parent, and the PDF writer joins those parts
/// into one element. Items inside no element and no artifact are artifacts too (decoration).
///
/// ```swift
/// let heading = StructureElement(.h2, key: 7)
/// page.items += [.structure(.begin(heading)), .glyphs(run), .structure(.end)]
/// page.items += [.structure(.beginArtifact(.pagination(.footer))), .glyphs(pageNumber), .structure(.end)]
/// ```
public enum StructureMarker: Hashable, Sendable {
    /// Items up to the matching ``end`` belong to `element` (nested in any enclosing element).
    case begin(StructureElement)
    /// Items up to the matching ``end`` are not content: running headers, repeated table headers.
    /// Elements begun inside an artifact are ignored.
    case beginArtifact(ArtifactKind)
    /// Closes the innermost ``begin(_:)`` or ``beginArtifact(_:)``.
    case end
}

/// One node of the structure tree, as layout knows it.
public struct StructureElement: Hashable, Sendable {
    public var role: StructureRole
    /// Tells this element apart from its siblings: parts with equal role and key under the same
    /// parent are one element (a paragraph continued on the next page).
    public var key: Int
    /// Alternate description (required for figures).
    public var alternateText: String?
    /// BCP 47 language when it differs from the document's (an Arabic party name in a French invoice).
    public var language: String?
    /// For ``StructureRole/tableHeader``: what the header cell heads.
    public var scope: HeaderScope?

    public init(_ role: StructureRole, key: Int = 0, alternateText: String? = nil, language: String? = nil, scope: HeaderScope? = nil) {
        self.role = role
        self.key = key
        self.alternateText = alternateText
        self.language = language
        self.scope = scope
    }
}

/// The standard structure types of ISO 32000-1 § 14.8.4 that documents use (no role map needed).
public enum StructureRole: String, Hashable, Sendable, CaseIterable {
    case document = "Document"
    case part = "Part"
    case section = "Sect"
    case division = "Div"
    case heading1 = "H1"
    case heading2 = "H2"
    case heading3 = "H3"
    case paragraph = "P"
    case label = "Lbl"
    case caption = "Caption"
    case list = "L"
    case listItem = "LI"
    case listBody = "LBody"
    case table = "Table"
    case tableHead = "THead"
    case tableBody = "TBody"
    case tableFoot = "TFoot"
    case tableRow = "TR"
    case tableHeader = "TH"
    case tableData = "TD"
    case figure = "Figure"
    case link = "Link"
    case span = "Span"
}

/// The /Scope of a table header cell.
public enum HeaderScope: String, Hashable, Sendable {
    case column = "Column"
    case row = "Row"
    case both = "Both"
}

/// What kind of non-content an artifact is (ISO 32000-1 § 14.8.2.2).
public enum ArtifactKind: Hashable, Sendable {
    /// Running headers and footers, page numbers, repeated table headers.
    case pagination(PaginationArtifact?)
    /// Rules, backgrounds, borders.
    case layout

    public enum PaginationArtifact: String, Hashable, Sendable {
        case header = "Header"
        case footer = "Footer"
    }
}
