import PageFrames
import TextShaping

/// Lays out table rows, each exactly once: column widths from the header, footer and first body
/// rows; every row becomes slices that break only between lines of its cells. Cells repeat
/// (services, places, units, the header on every page): the typesetter sets each distinct one once.
struct TableLayouter {
    enum RowKind {
        case header(index: Int)
        case body(index: Int)
        case footer(index: Int)
        /// A carried-out or brought-forward row; `serial` tells the rows of one table apart.
        case subtotal(serial: Int)
    }

    let layouter: BlockLayouter
    let table: Table
    let owner: String
    let widths: [Double]
    let offsets: [Double]
    let totalWidth: Double
    /// Per decimal-aligned column: room kept right of the separator (widest fraction part seen).
    let decimalReserve: [Double]
    /// Structure elements around the table (a tagged section the table streams in), outermost first.
    var enclosing: [StructureElement] = []
    private let rightToLeft: Bool
    /// Body rows `0..<sampledHead` then `sampledTailStart..<count`, made once for sampling.
    private let sampledRows: [TableRow]
    private let sampledHead: Int
    private let sampledTailStart: Int

    init(layouter: BlockLayouter, table: Table, width: Double, owner: String) throws {
        self.layouter = layouter
        self.table = table
        self.owner = owner
        rightToLeft = table.direction == .rightToLeft
        guard !table.columns.isEmpty else { throw LayoutError(.invalidTable, block: owner, reason: "a table needs at least one column") }
        var samples = table.header + table.footer
        // The first rows and the last ones (running numbers and totals grow towards the end).
        let count = table.rows.count
        let head = min(count, table.style.sampleRows)
        let tailStart = max(head, count - 20)
        var sampled: [TableRow] = []
        sampled.reserveCapacity(head + count - tailStart)
        for index in 0..<head { sampled.append(table.rows[index]) }
        for index in tailStart..<count { sampled.append(table.rows[index]) }
        samples += sampled
        // Kept (a few hundred rows at most) so laying the body out does not make them again.
        sampledRows = sampled
        sampledHead = head
        sampledTailStart = tailStart
        let padding = table.style.cellPadding
        let columns = table.columns
        let needsNatural = columns.contains { $0.width == .auto } || width == .infinity
        var natural = [Double](repeating: 0, count: columns.count)
        var reserve = [Double](repeating: 0, count: columns.count)
        for row in samples {
            var column = 0
            for cell in row.cells {
                defer { column += cell.columnSpan }
                guard column < columns.count, cell.columnSpan == 1 else { continue }
                let alignment = cell.alignment ?? columns[column].alignment
                if case .decimal(let separator) = alignment, case .paragraph(let paragraph, _) = cell.content {
                    let set = layouter.typesetter.layout(Self.leftToRightAmount(paragraph), width: .infinity)
                    let line = Self.decimalMeasure(set, separator: separator)
                    reserve[column] = max(reserve[column], line.width - line.separatorX)
                    natural[column] = max(natural[column], Self.roundedUp(line.width) + padding.horizontal)
                } else if needsNatural {
                    let width = try layouter.layout(cell.content, width: .infinity, owner: owner).width
                    natural[column] = max(natural[column], Self.roundedUp(width) + padding.horizontal)
                }
            }
        }
        widths = try ColumnWidths.resolve(columns.map(\.width), available: width, gap: 0, owner: owner) { natural[$0] }
        totalWidth = widths.reduce(0, +)
        offsets = ColumnWidths.offsets(widths, gap: 0, total: totalWidth, rightToLeft: rightToLeft)
        decimalReserve = reserve
    }

    /// Body row `index`: the one made while sampling column widths, or made now.
    func bodyRow(_ index: Int) -> TableRow {
        if index < sampledHead { return sampledRows[index] }
        if index >= sampledTailStart, index < table.rows.count { return sampledRows[sampledHead + index - sampledTailStart] }
        return table.rows[index]
    }

    /// The whole table as one block (tables nested in other blocks: no repeated header).
    func wholeTable() throws -> BlockLayout {
        var slices = try headerSlices()
        for index in 0..<table.rows.count {
            slices += try rowSlices(bodyRow(index), kind: .body(index: index))
        }
        for (index, row) in table.footer.enumerated() { slices += try rowSlices(row, kind: .footer(index: index)) }
        return BlockLayout(width: totalWidth, slices: slices)
    }

    /// Header rows, kept together and with the first body row.
    func headerSlices() throws -> [LayoutSlice] {
        var slices: [LayoutSlice] = []
        for (index, row) in table.header.enumerated() { slices += try rowSlices(row, kind: .header(index: index)) }
        for index in slices.indices where slices[index].breakAfter != .forced { slices[index].breakAfter = .avoid }
        return slices
    }

    /// One row: each cell laid out once in its column(s), merged so a page can end only between
    /// lines of all cells (and, as `.avoid`, only when the row is taller than a page).
    func rowSlices(_ row: TableRow, kind: RowKind) throws -> [LayoutSlice] {
        let padding = table.style.cellPadding
        var lanes: [SideBySide.Lane] = []
        lanes.reserveCapacity(row.cells.count)
        var column = 0
        for cell in row.cells {
            let span = cell.columnSpan
            guard column + span <= table.columns.count else {
                throw LayoutError(.invalidTable, block: owner, reason: "\(describe(kind)) has cells spanning \(column + span) columns; the table has \(table.columns.count)")
            }
            let cellWidth = widths[column..<(column + span)].reduce(0, +)
            let x = offsets[column..<(column + span)].min() ?? 0
            let inner = max(0, cellWidth - padding.horizontal)
            let alignment = cell.alignment ?? table.columns[column].alignment
            var content = try cellContent(cell.content, alignment: alignment, width: inner, lastColumn: column + span - 1)
            // Padding joins the first and last lines, so a row taller than a page is cut only
            // between lines of text, never between a line and the padding.
            if content.isEmpty { content.append(LayoutSlice(height: 0, owner: owner)) }
            for index in content.indices {
                let dy = index == 0 ? padding.top : 0
                content[index].items.translate(dx: padding.left, dy: dy)
            }
            content.enclose(in: .begin(cellElement(kind: kind, column: column)))
            content[0].height += padding.top
            content[content.count - 1].height += padding.bottom
            content[content.count - 1].breakAfter = .allowed
            lanes.append(SideBySide.Lane(x: x, slices: content))
            column += span
        }
        var slices = SideBySide.merge(lanes, inner: .avoid, owner: owner)
        decorate(&slices, row: row, kind: kind)
        slices.enclose(in: enclosing + structure(of: kind))
        if case .body(let index) = kind, !slices.isEmpty { slices[0].events.append(.tableRow(index)) }
        return slices
    }

    /// Table › section › row for a row of `kind`: every table is tagged, whoever built it.
    private func structure(of kind: RowKind) -> [StructureElement] {
        let section: StructureElement
        let row: Int
        switch kind {
        case .header(let index): (section, row) = (StructureElement(.tableHead, key: 0), index)
        case .body(let index): (section, row) = (StructureElement(.tableBody, key: 1), index)
        case .footer(let index): (section, row) = (StructureElement(.tableFoot, key: 2), index)
        // Subtotal rows sit among the body rows, where a reader meets them.
        case .subtotal(let serial): (section, row) = (StructureElement(.tableBody, key: 1), -1 - serial)
        }
        return [StructureElement(.table, key: table.structureKey), section, StructureElement(.tableRow, key: row)]
    }

    /// Header cells head their column; every other cell is data.
    private func cellElement(kind: RowKind, column: Int) -> StructureElement {
        if case .header = kind { return StructureElement(.tableHeader, key: column, scope: .column) }
        return StructureElement(.tableData, key: column)
    }

    private func describe(_ kind: RowKind) -> String {
        switch kind {
        case .header: "a header row"
        case .body(let index): "row \(index + 1)"
        case .footer: "a footer row"
        case .subtotal: "the subtotal row"
        }
    }

    private func decorate(_ slices: inout [LayoutSlice], row: TableRow, kind: RowKind) {
        let fill: Color?
        switch kind {
        case .header: fill = row.background ?? table.style.headerBackground
        case .body(let index): fill = row.background ?? (index % 2 == 1 ? table.style.zebra : nil)
        case .footer, .subtotal: fill = row.background
        }
        for index in slices.indices {
            let height = slices[index].height
            if let fill, height > 0 {
                slices[index].items.insert(.rectangle(FilledRectangle(rect: Rect(x: 0, y: 0, width: totalWidth, height: height), fill: fill)), at: 0)
            }
        }
        if let ruleColor = table.style.rowRule, let last = slices.indices.last {
            let y = slices[last].height
            slices[last].items.append(.rule(Rule(from: Point(x: 0, y: y), to: Point(x: totalWidth, y: y), thickness: table.style.ruleWidth, color: ruleColor)))
        }
    }

    /// A cell's content with the column's alignment applied to paragraphs.
    private func cellContent(_ content: Block, alignment: CellAlignment, width: Double, lastColumn: Int) throws -> [LayoutSlice] {
        guard case .paragraph(var paragraph, let keeping) = content else {
            return try layouter.layout(content, width: width, owner: content.name ?? owner).slices
        }
        if case .decimal = alignment {
            paragraph = Self.leftToRightAmount(paragraph)
        } else if rightToLeft, paragraph.style.direction == .auto {
            // Cells of a right-to-left table start on the right even when they hold only digits.
            paragraph.style.direction = .rightToLeft
        }
        switch alignment {
        case .start: paragraph.style.alignment = paragraph.style.alignment == .justified ? .justified : .start
        case .end: paragraph.style.alignment = .end
        case .center: paragraph.style.alignment = .center
        case .decimal(let separator):
            let set = layouter.typesetter.layout(paragraph, width: .infinity)
            if set.lines.count == 1, set.width <= width {
                let measure = Self.decimalMeasure(set, separator: separator)
                let anchor = width - decimalReserve[lastColumn]
                let shift = min(max(0, anchor - measure.separatorX), width - set.width)
                let line = set.lines[0]
                var items: [FrameItem] = []
                line.appendFrames(to: &items, offsetX: shift, offsetY: -line.top)
                return [LayoutSlice(height: line.height, items: items, owner: owner)]
            }
            // Wider than the cell or several lines: wrap, right-aligned, rather than clip.
            paragraph.style.alignment = .right
        }
        return layouter.slices(of: layouter.typesetter.layout(paragraph, width: width), keeping: keeping, owner: owner).slices
    }

    /// Amounts are set left to right unless the caller chose a direction, so "1 250,00" is not
    /// reordered around its space in a right-to-left table.
    static func leftToRightAmount(_ paragraph: Paragraph) -> Paragraph {
        var paragraph = paragraph
        if paragraph.style.direction == .auto { paragraph.style.direction = .leftToRight }
        return paragraph
    }

    /// A natural width with room for rounding, so setting the text in it gives the same single line.
    static func roundedUp(_ width: Double) -> Double { (width * 100).rounded(.up) / 100 + 0.01 }

    /// Natural width of a one-line amount and the x of its decimal separator (its end when absent).
    static func decimalMeasure(_ set: ParagraphLayout, separator: Character) -> (width: Double, separatorX: Double) {
        guard let line = set.lines.first else { return (0, 0) }
        var separatorText = String(separator)
        for run in line.runs where !run.clustersBackward {
            guard let byteOffset = separatorText.withUTF8({ needle in
                var text = run.text
                return text.withUTF8 { Self.lastIndex(of: needle, in: $0) }
            }) else { continue }
            var bytes = 0
            var glyphIndex = 0
            for cluster in run.clusters {
                if bytes >= byteOffset { break }
                bytes += Int(cluster.byteCount)
                glyphIndex += Int(cluster.glyphCount)
            }
            let x = glyphIndex < run.glyphs.count ? run.origin.x + run.glyphs[glyphIndex].x : run.origin.x + run.width
            return (line.width, x)
        }
        return (line.width, line.width)
    }

    private static func lastIndex(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var index = haystack.count - needle.count
        while index >= 0 {
            var matches = true
            for offset in 0..<needle.count where haystack[index + offset] != needle[offset] {
                matches = false
                break
            }
            if matches { return index }
            index -= 1
        }
        return nil
    }
}
