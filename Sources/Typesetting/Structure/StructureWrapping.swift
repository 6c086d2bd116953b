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

    /// In place, however many markers (a table row gets four at once): the items move along their
    /// own buffer instead of being copied into a new one, which retained and released every glyph
    /// run's arrays at each level of nesting.
    private mutating func enclose<Markers: Collection<StructureMarker>>(in markers: Markers) {
        guard !items.isEmpty, !markers.isEmpty else { return }
        items.reserveCapacity(items.count + 2 * markers.count)
        items.insert(contentsOf: markers.lazy.map { FrameItem.structure($0) }, at: 0)
        items.append(contentsOf: repeatElement(FrameItem.structure(.end), count: markers.count))
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
