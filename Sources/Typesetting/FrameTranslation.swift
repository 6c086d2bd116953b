import PageFrames

extension FrameItem {
    /// The same item moved by (`dx`, `dy`). Glyph positions are relative to the run origin, so a
    /// run moves without touching (or copying) its glyph array.
    func translated(dx: Double, dy: Double) -> FrameItem {
        switch self {
        case .glyphs(var run):
            run.origin.x += dx
            run.origin.y += dy
            return .glyphs(run)
        case .rule(var rule):
            rule.from.x += dx
            rule.from.y += dy
            rule.to.x += dx
            rule.to.y += dy
            return .rule(rule)
        case .rectangle(var rectangle):
            rectangle.rect.origin.x += dx
            rectangle.rect.origin.y += dy
            return .rectangle(rectangle)
        case .image(var image):
            image.rect.origin.x += dx
            image.rect.origin.y += dy
            return .image(image)
        case .link(var link):
            link.rect.origin.x += dx
            link.rect.origin.y += dy
            return .link(link)
        }
    }
}

extension Array where Element == FrameItem {
    /// Appends `items` moved by (`dx`, `dy`).
    mutating func append(contentsOf items: [FrameItem], dx: Double, dy: Double) {
        reserveCapacity(count + items.count)
        for item in items { append(item.translated(dx: dx, dy: dy)) }
    }
}
