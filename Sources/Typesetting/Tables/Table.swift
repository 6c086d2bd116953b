import PageFrames
import TextShaping

/// A table: columns, header rows repeated on every page, body rows (possibly generated lazily, for
/// very long tables), footer rows after the last body row, and optional carried subtotals.
///
/// ```swift
/// let table = Table(
///     columns: [TableColumn(.auto), TableColumn(.fraction(1)), TableColumn(.fixed(80), alignment: .decimal(","))],
///     header: [TableRow(texts: ["Date", "Shipment", "Amount"], style: TextStyle(style: .bold, size: 9))],
///     rows: TableRows(count: lines.count) { index in
///         TableRow(texts: [lines[index].date, lines[index].label, lines[index].amount], payload: lines[index].cents)
///     },
///     subtotals: CarriedSubtotals(zero: 0, add: { $0 + ($1.payload as! Int) }, cells: { [2: format($0)] },
///                                 carriedOutLabel: "À reporter", broughtForwardLabel: "Report"))
/// ```
public struct Table: Sendable {
    public var columns: [TableColumn]
    public var header: [TableRow]
    public var rows: TableRows
    public var footer: [TableRow]
    public var subtotals: CarriedSubtotals?
    public var style: TableStyle
    /// `.rightToLeft` mirrors the column order (first column on the right) and sets cells right to left.
    public var direction: TextDirection
    /// Tells the table apart from its siblings in the structure tree (set by ``StructureKeys``).
    public var structureKey = 0

    public init(
        columns: [TableColumn], header: [TableRow] = [], rows: TableRows, footer: [TableRow] = [],
        subtotals: CarriedSubtotals? = nil, style: TableStyle = TableStyle(), direction: TextDirection = .leftToRight
    ) {
        self.columns = columns
        self.header = header
        self.rows = rows
        self.footer = footer
        self.subtotals = subtotals
        self.style = style
        self.direction = direction
    }
}

/// Width and default cell alignment of a table column.
public struct TableColumn: Hashable, Sendable {
    public var width: ColumnWidth
    public var alignment: CellAlignment
    public init(_ width: ColumnWidth, alignment: CellAlignment = .start) {
        self.width = width
        self.alignment = alignment
    }
}

/// Horizontal alignment of a cell's content.
public enum CellAlignment: Hashable, Sendable {
    case start
    case end
    case center
    /// Amounts: the separator (e.g. "," or ".") of every cell of the column on one vertical line.
    case decimal(Character)
}

/// One cell: a block (usually a paragraph), spanning one or more columns.
public struct TableCell: Sendable {
    public var content: Block
    public var columnSpan: Int
    /// Overrides the column's alignment.
    public var alignment: CellAlignment?

    public init(_ content: Block, columnSpan: Int = 1, alignment: CellAlignment? = nil) {
        self.content = content
        self.columnSpan = max(1, columnSpan)
        self.alignment = alignment
    }

    public init(_ text: String, style: TextStyle = TextStyle(), columnSpan: Int = 1, alignment: CellAlignment? = nil) {
        self.init(.paragraph(Paragraph(text, style: style), lines: .none), columnSpan: columnSpan, alignment: alignment)
    }
}

/// A row of cells, with an optional caller value that carried subtotals add up.
public struct TableRow: Sendable {
    public var cells: [TableCell]
    /// What ``CarriedSubtotals`` sums for this row (an amount in minor units, a `Money`, …).
    public var payload: (any Sendable)?
    /// Overrides the zebra fill.
    public var background: Color?
    /// Never end a page right after this row (a group heading stays with its first row).
    public var keepWithNext: Bool

    public init(_ cells: [TableCell], payload: (any Sendable)? = nil, background: Color? = nil, keepWithNext: Bool = false) {
        self.cells = cells
        self.payload = payload
        self.background = background
        self.keepWithNext = keepWithNext
    }

    /// One single-column text cell per string.
    public init(texts: [String], style: TextStyle = TextStyle(), payload: (any Sendable)? = nil) {
        self.init(texts.map { TableCell($0, style: style) }, payload: payload)
    }
}

/// The body rows of a table: an array, or a count and a function that makes row `i` on demand, so
/// a 100 000-row table never exists in memory at once. Rows are requested in order, possibly twice
/// (once to count pages for "page X of Y").
public struct TableRows: Sendable {
    public let count: Int
    let make: @Sendable (Int) -> TableRow

    public init(count: Int, row: @escaping @Sendable (Int) -> TableRow) {
        self.count = count
        self.make = row
    }

    public init(_ rows: [TableRow]) {
        self.init(count: rows.count) { rows[$0] }
    }

    public subscript(index: Int) -> TableRow { make(index) }
}

/// Lines, fills and padding of a table.
public struct TableStyle: Hashable, Sendable {
    public var cellPadding: EdgeInsets
    public var headerBackground: Color?
    /// Fill of every other body row (the second, fourth, …).
    public var zebra: Color?
    /// Rule under each row (nil: none).
    public var rowRule: Color?
    public var ruleWidth: Double
    /// Body rows looked at, besides the header, the footer and the last 20 rows, for `.auto` widths
    /// and decimal alignment. A later row wider than that wraps (it is never clipped).
    public var sampleRows: Int

    public init(
        cellPadding: EdgeInsets = EdgeInsets(vertical: 2, horizontal: 4), headerBackground: Color? = Color(gray: 0.88),
        zebra: Color? = Color(gray: 0.95), rowRule: Color? = Color(gray: 0.7), ruleWidth: Double = 0.4, sampleRows: Int = 200
    ) {
        self.cellPadding = cellPadding
        self.headerBackground = headerBackground
        self.zebra = zebra
        self.rowRule = rowRule
        self.ruleWidth = ruleWidth
        self.sampleRows = sampleRows
    }
}
