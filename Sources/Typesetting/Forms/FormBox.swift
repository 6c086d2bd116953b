import PageFrames

/// One numbered box of a form.
public struct FormBox: Sendable {
    public var number: String
    public var caption: String
    public var value: String
    /// Position and size relative to the grid's top-left corner.
    public var frame: Rect
    public var valueStyle: TextStyle
    public var captionStyle: TextStyle
    /// Smallest size the value may shrink to before it wraps.
    public var minimumSize: Double
    public var alignment: TextAlignment
    public var padding: Double
    public var border: Color?

    public init(
        number: String, caption: String, value: String, frame: Rect, valueStyle: TextStyle = TextStyle(size: 9),
        captionStyle: TextStyle = TextStyle(size: 5.5, color: Color(gray: 0.3)), minimumSize: Double = 6,
        alignment: TextAlignment = .start, padding: Double = 2, border: Color? = .black
    ) {
        self.number = number
        self.caption = caption
        self.value = value
        self.frame = frame
        self.valueStyle = valueStyle
        self.captionStyle = captionStyle
        self.minimumSize = minimumSize
        self.alignment = alignment
        self.padding = padding
        self.border = border
    }

    var name: String { "box \(number) “\(caption)”" }

    /// Border, "number caption" at the top, the value under it at the largest size that fits.
    func frames(layouter: BlockLayouter) throws -> [FrameItem] {
        var items: [FrameItem] = []
        if let border { items.append(.rectangle(FilledRectangle(rect: frame, stroke: border, strokeWidth: 0.5))) }
        let inner = frame.width - 2 * padding
        let label = Paragraph("\(number)  \(caption)", style: captionStyle)
        let labelLayout = layouter.typesetter.layout(label, width: inner)
        let labelHeight = labelLayout.lines.first?.height ?? 0
        // The caption is set on one line; one that needs two is an error, not clipped.
        guard labelLayout.lines.count <= 1 else {
            throw LayoutError(.textDoesNotFitBox, block: name, reason: "the caption needs \(labelLayout.lines.count) lines in a \(frame.width) pt wide box")
        }
        // Tagged as a division holding the caption (a label) and the value (a paragraph), so a
        // screen reader says "15 Port of entry: Newark" rather than a loose string of words.
        items.append(.structure(.begin(StructureElement(.label))))
        items += labelLayout.frames(at: Point(x: frame.minX + padding, y: frame.minY + padding))
        items.append(.structure(.end))
        guard !value.isEmpty else { return items }
        let available = Size(width: inner, height: frame.height - 2 * padding - labelHeight)
        let fitted = try fit(available: available, layouter: layouter)
        items.append(.structure(.begin(StructureElement(.paragraph))))
        items += fitted.frames(at: Point(x: frame.minX + padding, y: frame.minY + padding + labelHeight))
        items.append(.structure(.end))
        return items
    }

    /// One line at the value's size, else one line shrunk (not below the minimum), else wrapped at
    /// the largest size from the value's size down to the minimum, else an error naming the box.
    func fit(available: Size, layouter: BlockLayouter) throws -> ParagraphLayout {
        let typesetter = layouter.typesetter
        func paragraph(_ size: Double) -> Paragraph {
            Paragraph(value, style: valueStyle.with { $0.size = size }, paragraph: ParagraphStyle(alignment: alignment))
        }
        func fits(_ layout: ParagraphLayout) -> Bool {
            layout.width <= available.width + BlockLayout.tolerance && layout.height <= available.height + BlockLayout.tolerance
        }
        let natural = typesetter.layout(paragraph(valueStyle.size), width: .infinity)
        if natural.lines.count == 1, fits(natural) { return typesetter.layout(paragraph(valueStyle.size), width: available.width) }
        // Width scales with the size: the size that makes the line fit, rounded down to 0.1 pt.
        if natural.lines.count == 1, natural.width > 0 {
            let shrunk = (valueStyle.size * available.width / natural.width * 10).rounded(.down) / 10
            if shrunk >= minimumSize {
                let layout = typesetter.layout(paragraph(shrunk), width: available.width)
                if layout.lines.count == 1, fits(layout) { return layout }
            }
        }
        var size = valueStyle.size
        while size >= minimumSize - 1e-9 {
            let layout = typesetter.layout(paragraph(size), width: available.width)
            if fits(layout) { return layout }
            size -= 0.5
        }
        throw LayoutError(
            .textDoesNotFitBox, block: name,
            reason: "“\(value.prefix(60))” does not fit \(Int(available.width))×\(Int(available.height)) pt even at \(minimumSize) pt, wrapped")
    }
}
