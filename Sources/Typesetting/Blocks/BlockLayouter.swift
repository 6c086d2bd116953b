import PageFrames

/// Lays blocks out into slices at a given width. Measuring is the same call with
/// `width: .infinity`: the natural width is ``BlockLayout/width``.
///
/// ```swift
/// let layouter = BlockLayouter(typesetter: try .bundled())
/// let layout = try layouter.layout(.text("Total due: 1 234,56 €"), width: 300)
/// let items = layout.frames(at: Point(x: 40, y: 700))
/// ```
public struct BlockLayouter: Sendable {
    public let typesetter: Typesetter

    public init(typesetter: Typesetter) {
        self.typesetter = typesetter
    }

    /// Lays `block` out `width` points wide. Throws ``LayoutError`` naming the block on content that
    /// cannot be laid out (invalid image, barcode content, form text that does not fit).
    public func layout(_ block: Block, width: Double) throws -> BlockLayout {
        try layout(block, width: width, owner: block.kindDescription)
    }

    func layout(_ block: Block, width: Double, owner: String) throws -> BlockLayout {
        switch block {
        case .paragraph(let paragraph, let keeping):
            return paragraphLayout(paragraph, width: width, keeping: keeping, owner: owner)
        case .stack(let children, let spacing):
            return try stack(children, spacing: spacing, width: width, owner: owner)
        case .columns(let columns, let gap):
            return try sideBySide(columns, gap: gap, width: width, owner: owner)
        case .box(let content, let style):
            return try box(content, style: style, width: width, owner: owner)
        case .spacer(let height):
            return BlockLayout(width: 0, slices: [LayoutSlice(height: max(0, height), owner: owner)])
        case .pageBreak:
            return BlockLayout(width: 0, slices: [LayoutSlice(height: 0, breakAfter: .forced, owner: owner)])
        case .keepTogether(let content):
            var layout = try self.layout(content, width: width, owner: owner)
            for index in layout.slices.indices.dropLast() where layout.slices[index].breakAfter == .allowed {
                layout.slices[index].breakAfter = .avoid
            }
            return layout
        case .keepWithNext(let content):
            var layout = try self.layout(content, width: width, owner: owner)
            if let last = layout.slices.indices.last, layout.slices[last].breakAfter == .allowed {
                layout.slices[last].breakAfter = .avoid
            }
            return layout
        case .table(let table):
            return try TableLayouter(layouter: self, table: table, width: width, owner: owner).wholeTable()
        case .image(let image):
            return try image.layout(width: width, owner: owner)
        case .barcode(let barcode):
            return try barcode.layout(width: width, owner: owner, layouter: self)
        case .formGrid(let grid):
            return try grid.layout(width: width, owner: owner, layouter: self)
        case .link(let uri, let content):
            var layout = try self.layout(content, width: width, owner: owner)
            let linkWidth = width == .infinity ? layout.width : width
            for index in layout.slices.indices where layout.slices[index].height > 0 {
                let rect = Rect(x: 0, y: 0, width: linkWidth, height: layout.slices[index].height)
                layout.slices[index].items.append(.link(Link(rect: rect, uri: uri)))
            }
            return layout
        case .bookmark(let title, let level):
            let slice = LayoutSlice(height: 0, outline: [OutlineEntry(title: title, level: level, y: 0)], breakAfter: .avoid, owner: owner)
            return BlockLayout(width: 0, slices: [slice])
        case .mark(let text):
            return BlockLayout(width: 0, slices: [LayoutSlice(height: 0, breakAfter: .avoid, owner: owner, events: [.mark(text)])])
        case .named(let name, let content):
            return try self.layout(content, width: width, owner: name)
        case .tagged(let element, let content):
            var layout = try self.layout(content, width: width, owner: owner)
            layout.slices.enclose(in: .begin(element))
            return layout
        }
    }

    /// One slice per line; widow/orphan control forbids breaks that would strand too few lines.
    func paragraphLayout(_ paragraph: Paragraph, width: Double, keeping: LineKeeping, owner: String) -> BlockLayout {
        slices(of: typesetter.layout(paragraph, width: width), keeping: keeping, owner: owner)
    }

    /// The slices of a set paragraph.
    func slices(of set: ParagraphLayout, keeping: LineKeeping, owner: String) -> BlockLayout {
        let count = set.lines.count
        var slices: [LayoutSlice] = []
        slices.reserveCapacity(count)
        for (index, line) in set.lines.enumerated() {
            var items: [FrameItem] = []
            items.reserveCapacity(line.runs.count + LayoutSlice.enclosureRoom)
            line.appendFrames(to: &items, offsetX: 0, offsetY: -line.top)
            let linesAbove = index + 1
            let linesBelow = count - linesAbove
            let breakable = linesBelow == 0 || (linesAbove >= keeping.orphans && linesBelow >= keeping.widows)
            slices.append(LayoutSlice(height: line.height, items: items, breakAfter: breakable ? .allowed : .avoid, owner: owner))
        }
        return BlockLayout(width: set.width, slices: slices)
    }

    private func stack(_ children: [Block], spacing: Double, width: Double, owner: String) throws -> BlockLayout {
        var slices: [LayoutSlice] = []
        var natural = 0.0
        for (index, child) in children.enumerated() {
            let layout = try self.layout(child, width: width, owner: child.name ?? owner)
            natural = max(natural, layout.width)
            if index > 0, spacing > 0, let previous = slices.last {
                // Spacing keeps a "keep with next" intact and vanishes at a page top.
                let rule: BreakRule = previous.breakAfter == .avoid ? .avoid : .allowed
                slices.append(LayoutSlice(height: spacing, breakAfter: rule, discardableAtPageTop: true, owner: owner))
            }
            slices.append(contentsOf: layout.slices)
        }
        return BlockLayout(width: natural, slices: slices)
    }

    private func sideBySide(_ columns: [Column], gap: Double, width: Double, owner: String) throws -> BlockLayout {
        let widths = try ColumnWidths.resolve(columns.map(\.width), available: width, gap: gap, owner: owner) { index in
            TableLayouter.roundedUp(try self.layout(columns[index].content, width: .infinity, owner: owner).width)
        }
        let total = widths.reduce(0, +) + gap * Double(max(0, columns.count - 1))
        let offsets = ColumnWidths.offsets(widths, gap: gap, total: total, rightToLeft: false)
        var lanes: [SideBySide.Lane] = []
        for (index, column) in columns.enumerated() {
            let layout = try self.layout(column.content, width: widths[index], owner: column.content.name ?? owner)
            lanes.append(SideBySide.Lane(x: offsets[index], slices: layout.slices))
        }
        return BlockLayout(width: total, slices: SideBySide.merge(lanes, inner: .allowed, owner: owner))
    }

    private func box(_ content: Block, style: BoxStyle, width: Double, owner: String) throws -> BlockLayout {
        let padding = style.padding
        var inner = try self.layout(content, width: max(0, width - padding.horizontal), owner: owner)
        let boxWidth = width == .infinity ? inner.width + padding.horizontal : width
        var slices: [LayoutSlice] = []
        slices.reserveCapacity(inner.slices.count + 2)
        slices.append(LayoutSlice(height: padding.top, breakAfter: .avoid, owner: owner))
        for index in inner.slices.indices { inner.slices[index].items.translate(dx: padding.left, dy: 0) }
        slices.append(contentsOf: inner.slices)
        slices[slices.count - 1].breakAfter = slices.count > 1 && slices[slices.count - 1].breakAfter == .forced ? .forced : .avoid
        slices.append(LayoutSlice(height: padding.bottom, owner: owner))
        guard style.background != nil || style.border != nil else { return BlockLayout(width: boxWidth, slices: slices) }
        let half = style.borderWidth / 2
        for index in slices.indices {
            let height = slices[index].height
            var decoration: [FrameItem] = []
            if let background = style.background, height > 0 {
                decoration.append(.rectangle(FilledRectangle(rect: Rect(x: 0, y: 0, width: boxWidth, height: height), fill: background)))
            }
            if let border = style.border {
                if height > 0 {
                    for x in [half, boxWidth - half] {
                        decoration.append(.rule(Rule(from: Point(x: x, y: 0), to: Point(x: x, y: height), thickness: style.borderWidth, color: border)))
                    }
                }
                if index == 0 {
                    decoration.append(.rule(Rule(from: Point(x: 0, y: half), to: Point(x: boxWidth, y: half), thickness: style.borderWidth, color: border)))
                }
                if index == slices.count - 1 {
                    decoration.append(.rule(Rule(
                        from: Point(x: 0, y: height - half), to: Point(x: boxWidth, y: height - half), thickness: style.borderWidth, color: border)))
                }
            }
            slices[index].items.insert(contentsOf: decoration, at: 0)
        }
        return BlockLayout(width: boxWidth, slices: slices)
    }
}

extension Block {
    /// The name given with ``Block/named(_:_:)``, if any.
    var name: String? {
        if case .named(let name, _) = self { return name }
        return nil
    }

    /// What errors call a block that has no name: its kind and the start of its text.
    var kindDescription: String {
        switch self {
        case .paragraph(let paragraph, _): "paragraph “\(paragraph.text.prefix(40))”"
        case .stack: "stack"
        case .columns: "columns"
        case .box(let content, _): "box around \(content.kindDescription)"
        case .spacer: "spacer"
        case .pageBreak: "page break"
        case .keepTogether(let content), .keepWithNext(let content), .link(_, let content), .tagged(_, let content): content.kindDescription
        case .table: "table"
        case .image: "image"
        case .barcode(let barcode): "barcode “\(barcode.content.prefix(40))”"
        case .formGrid: "form grid"
        case .bookmark(let title, _): "bookmark “\(title)”"
        case .mark: "mark"
        case .named(let name, _): name
        }
    }
}
