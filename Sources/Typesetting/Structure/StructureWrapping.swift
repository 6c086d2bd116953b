import PageFrames

extension LayoutSlice {
    /// Encloses the slice's items in `marker` … end. Each slice gets its own balanced pair, so
    /// cutting pages between slices or merging columns side by side keeps every page balanced.
    /// A slice without items stays empty (no element made of nothing).
    mutating func enclose(in marker: StructureMarker) {
        enclose(in: CollectionOfOne(marker))
    }

    /// Encloses the slice's items in `elements`, the first outermost.
    mutating func enclose(in elements: [StructureElement]) {
        enclose(in: elements.lazy.map { StructureMarker.begin($0) })
    }

    /// One copy of the items however many markers: a table row gets four at once.
    private mutating func enclose<Markers: Collection<StructureMarker>>(in markers: Markers) {
        guard !items.isEmpty, !markers.isEmpty else { return }
        var enclosed: [FrameItem] = []
        enclosed.reserveCapacity(items.count + 2 * markers.count)
        for marker in markers { enclosed.append(.structure(marker)) }
        enclosed.append(contentsOf: items)
        for _ in 0..<markers.count { enclosed.append(.structure(.end)) }
        items = enclosed
    }
}

extension Array where Element == LayoutSlice {
    /// Encloses each slice's items in `marker` … end.
    mutating func enclose(in marker: StructureMarker) {
        for index in indices { self[index].enclose(in: marker) }
    }

    /// Encloses each slice in `elements`, the first outermost.
    mutating func enclose(in elements: [StructureElement]) {
        guard !elements.isEmpty else { return }
        for index in indices { self[index].enclose(in: elements) }
    }
}
