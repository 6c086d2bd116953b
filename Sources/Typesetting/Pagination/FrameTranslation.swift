import PageFrames

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
        translate(from: start, dx: dx, dy: dy)
    }

    /// Moves the items from `start` on by (`dx`, `dy`) where they are stored: mapping them into a
    /// new array would copy every item and free the old ones.
    mutating func translate(from start: Int = 0, dx: Double, dy: Double) {
        withUnsafeMutableBufferPointer { buffer in
            for index in start..<buffer.count { buffer[index].translate(dx: dx, dy: dy) }
        }
    }
}
