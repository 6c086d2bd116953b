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
        case .structure, .deferred:
            // Deferred content comes later in page coordinates: its place holder does not move.
            return self
        }
    }
}

extension FrameItem {
    /// Moves the item by (`dx`, `dy`) where it is stored.
    mutating func translate(dx: Double, dy: Double) {
        switch consume self {
        case .glyphs(var run):
            run.origin.x += dx
            run.origin.y += dy
            self = .glyphs(run)
        case .rule(var rule):
            rule.from.x += dx
            rule.from.y += dy
            rule.to.x += dx
            rule.to.y += dy
            self = .rule(rule)
        case .rectangle(var rectangle):
            rectangle.rect.origin.x += dx
            rectangle.rect.origin.y += dy
            self = .rectangle(rectangle)
        case .image(var image):
            image.rect.origin.x += dx
            image.rect.origin.y += dy
            self = .image(image)
        case .link(var link):
            link.rect.origin.x += dx
            link.rect.origin.y += dy
            self = .link(link)
        case .structure(let marker):
            self = .structure(marker)
        case .deferred(let content):
            self = .deferred(content)
        }
    }
}

extension Array where Element == FrameItem {
    /// Appends `items` moved by (`dx`, `dy`): copied in bulk, then moved in place.
    mutating func append(contentsOf items: [FrameItem], dx: Double, dy: Double) {
        let start = count
        append(contentsOf: items)
        withUnsafeMutableBufferPointer { buffer in
            for index in start..<buffer.count { buffer[index].translate(dx: dx, dy: dy) }
        }
    }
}
