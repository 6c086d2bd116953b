import PageFrames
import TextShaping

/// Per-page carried subtotals of a table: at the foot of every page but the last, a carried-out row
/// ("À reporter") with the running total of the rows placed so far; at the top of every following
/// page, under the repeated header, the same amounts brought forward ("Report").
///
/// The engine only decides which rows landed on which page; adding and formatting amounts is the
/// caller's (money is not the engine's business). `Total` is any value: minor units, a `Money`,
/// several columns at once.
///
/// ```swift
/// let subtotals = CarriedSubtotals(
///     zero: 0,
///     add: { total, row in total + (row.payload as? Int ?? 0) },
///     cells: { total in [3: formatCents(total)] },
///     carriedOutLabel: "À reporter", broughtForwardLabel: "Report")
/// ```
public struct CarriedSubtotals: Sendable {
    public var carriedOutLabel: String
    public var broughtForwardLabel: String
    /// Column of the label.
    public var labelColumn: Int
    public var style: TextStyle
    public var background: Color?
    let zero: any Sendable
    let add: @Sendable (any Sendable, TableRow) -> any Sendable
    let cells: @Sendable (any Sendable) -> [Int: String]

    public init<Total: Sendable>(
        zero: Total, add: @escaping @Sendable (Total, TableRow) -> Total, cells: @escaping @Sendable (Total) -> [Int: String],
        carriedOutLabel: String, broughtForwardLabel: String, labelColumn: Int = 0,
        style: TextStyle = TextStyle(style: .bold, size: 9), background: Color? = Color(gray: 0.9)
    ) {
        self.zero = zero
        self.add = { total, row in add(total as! Total, row) }
        self.cells = { total in cells(total as! Total) }
        self.carriedOutLabel = carriedOutLabel
        self.broughtForwardLabel = broughtForwardLabel
        self.labelColumn = labelColumn
        self.style = style
        self.background = background
    }

    /// The row showing `total` under `label`.
    func row(label: String, total: any Sendable, columnCount: Int) -> TableRow {
        let amounts = cells(total)
        var cells: [TableCell] = []
        for column in 0..<columnCount {
            let text = column == labelColumn ? label : amounts[column] ?? ""
            cells.append(TableCell(text, style: style))
        }
        return TableRow(cells, background: background)
    }
}
