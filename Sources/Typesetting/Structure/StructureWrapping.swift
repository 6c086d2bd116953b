import PageFrames

extension LayoutSlice {
    /// Encloses the slice's items in `marker` … end. Each slice gets its own balanced pair, so
    /// cutting pages between slices or merging columns side by side keeps every page balanced.
    /// A slice without items stays empty (no element made of nothing).
    mutating func enclose(in marker: StructureMarker) {
        guard !items.isEmpty else { return }
        var enclosed: [FrameItem] = []
        enclosed.reserveCapacity(items.count + 2)
        enclosed.append(.structure(marker))
        enclosed.append(contentsOf: items)
        enclosed.append(.structure(.end))
        items = enclosed
    }

    /// Encloses the slice's items in `elements`, the first outermost.
    mutating func enclose(in elements: [StructureElement]) {
        for element in elements.reversed() { enclose(in: .begin(element)) }
    }
}

extension Array where Element == LayoutSlice {
    /// Encloses each slice's items in `marker` … end.
    mutating func enclose(in marker: StructureMarker) {
        for index in indices { self[index].enclose(in: marker) }
    }

    /// Encloses each slice in `elements`, the first outermost.
    mutating func enclose(in elements: [StructureElement]) {
        for element in elements.reversed() { enclose(in: .begin(element)) }
    }
}
