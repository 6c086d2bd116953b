import PageFrames

/// Gives every structure element of a document's flow its key, in reading order, and the roles
/// templates leave implicit: a paragraph in no element is a `P`, a link a `Link` (inside a `P`
/// when it stands alone). Keys only need to differ between siblings; numbering in document order
/// makes them differ everywhere, and the paginator's two passes see the same keys.
///
/// ```swift
/// let flow = StructureKeys.assigned(to: [.tagged(.heading2, .text("Shipments")), .text("…")])
/// // [.tagged(H2 key 1, …), .tagged(P key 2, …)]
/// ```
public enum StructureKeys {
    public static func assigned(to blocks: [Block]) -> [Block] {
        var numbering = Numbering()
        return blocks.map { numbering.assign($0, insideText: false) }
    }

    private struct Numbering {
        var next = 1

        mutating func key() -> Int {
            defer { next += 1 }
            return next
        }

        /// `insideText`: the block is already inside an element that holds text directly (a heading,
        /// a paragraph, a cell), where another `P` would be wrong.
        mutating func assign(_ block: Block, insideText: Bool) -> Block {
            switch block {
            case .paragraph:
                return insideText ? block : .tagged(StructureElement(.paragraph, key: key()), block)
            case .stack(let children, let spacing):
                return .stack(children.map { assign($0, insideText: insideText) }, spacing: spacing)
            case .columns(let columns, let gap):
                // Columns are laid out side by side and their lines interleave on the page; a
                // column of several elements is grouped in a division so that it is read whole,
                // before the next column, not line by line across them.
                return .columns(columns.map { column in
                    var column = column
                    if insideText || column.content.isSingleElement {
                        column.content = assign(column.content, insideText: insideText)
                    } else {
                        let division = StructureElement(.division, key: key())
                        column.content = .tagged(division, assign(column.content, insideText: false))
                    }
                    return column
                }, gap: gap)
            case .box(let content, let style):
                return .box(assign(content, insideText: insideText), style)
            case .keepTogether(let content):
                return .keepTogether(assign(content, insideText: insideText))
            case .keepWithNext(let content):
                return .keepWithNext(assign(content, insideText: insideText))
            case .named(let name, let content):
                return .named(name, assign(content, insideText: insideText))
            case .link(let uri, let content):
                // Keys in reading order: the enclosing paragraph's before the link's.
                let paragraph = insideText ? nil : StructureElement(.paragraph, key: key())
                let link = Block.tagged(StructureElement(.link, key: key()), .link(uri, assign(content, insideText: true)))
                return paragraph.map { .tagged($0, link) } ?? link
            case .tagged(var element, let content):
                element.key = key()
                return .tagged(element, assign(content, insideText: element.role.holdsText))
            case .table(var table):
                table.structureKey = key()
                return .table(table)
            case .formGrid(var grid):
                grid.structureKey = key()
                if var lineItems = grid.lineItems {
                    lineItems.table.structureKey = key()
                    grid.lineItems = lineItems
                }
                return .formGrid(grid)
            case .spacer, .pageBreak, .image, .barcode, .bookmark, .mark:
                return block
            }
        }
    }
}

extension Block {
    /// Whether the block becomes at most one element (a paragraph, one tagged block, a table).
    var isSingleElement: Bool {
        switch self {
        case .paragraph, .tagged, .table, .formGrid, .link, .spacer, .pageBreak, .image, .barcode, .bookmark, .mark: true
        case .box(let content, _), .keepTogether(let content), .keepWithNext(let content), .named(_, let content): content.isSingleElement
        case .stack(let children, _): children.filter { !$0.isInvisible }.count <= 1 && children.allSatisfy(\.isSingleElement)
        case .columns: false
        }
    }

    /// Blocks that draw nothing a reader hears.
    private var isInvisible: Bool {
        switch self {
        case .spacer, .pageBreak, .bookmark, .mark: true
        default: false
        }
    }
}

extension StructureRole {
    /// Elements whose content is text read as one run: paragraphs inside them are not wrapped again.
    var holdsText: Bool {
        switch self {
        case .heading1, .heading2, .heading3, .paragraph, .label, .caption, .listBody, .tableHeader, .tableData, .figure, .link, .span: true
        case .document, .part, .section, .division, .list, .listItem, .table, .tableHead, .tableBody, .tableFoot, .tableRow: false
        }
    }
}
