import PageFrames

/// Follows one page's structure markers while its items are drawn, and wraps what is drawn in
/// marked-content sequences: content inside an element gets the next MCID and becomes part of the
/// element; running headers, repeated table headers, rules and backgrounds become artifacts.
/// Consecutive items of one element share a sequence, which keeps the stream small.
struct PageMarking {
    enum Kind {
        /// Text: the element's content when inside one.
        case text
        /// Images: the element's content when inside one.
        case image
        /// Rules and filled or stroked rectangles: a layout artifact, except inside a figure
        /// (a barcode's bars are the figure).
        case decoration
    }

    /// One open marker, with the innermost element in effect inside it (so that the current
    /// element is read, not searched, at every item).
    private struct Level {
        var element: Int?
        var role: StructureRole?
    }

    private enum Sequence: Equatable {
        case element(Int)
        case artifact(ArtifactKind)
    }

    private var levels: [Level] = []
    private var open: Sequence?
    /// Whether the open sequence began inside a text object (and holds only text).
    private var openInsideText = false
    /// The outermost artifact enclosing the current position, if any.
    private var artifact: (kind: ArtifactKind, depth: Int)?
    /// The element owning each MCID of the page, in MCID order.
    private(set) var owners: [Int] = []

    /// The innermost element around the current position (nil inside an artifact or outside all).
    var currentElement: Int? { artifact == nil ? levels.last?.element : nil }

    private var currentRole: StructureRole? { artifact == nil ? levels.last?.role : nil }

    mutating func apply(_ marker: StructureMarker, tree: inout StructureTree) {
        switch marker {
        case .begin(let element):
            if artifact != nil {
                // An element begun inside an artifact: not part of the tree.
                levels.append(Level(element: nil, role: nil))
            } else {
                levels.append(Level(element: tree.node(element, under: levels.last?.element ?? 0), role: element.role))
            }
        case .beginArtifact(let kind):
            if artifact == nil { artifact = (kind, levels.count) }
            levels.append(Level(element: nil, role: nil))
        case .end:
            // Layout emits balanced pairs; a stray end is ignored rather than trusted.
            guard !levels.isEmpty else { return }
            levels.removeLast()
            if let current = artifact, levels.count <= current.depth { artifact = nil }
        }
    }

    /// Opens the sequence the next item belongs to, closing the previous one if it differs.
    mutating func mark(_ kind: Kind, in content: inout PageContent) {
        let wanted: Sequence
        if let artifact {
            wanted = .artifact(artifact.kind)
        } else if let element = currentElement, kind != .decoration || currentRole == .figure {
            wanted = .element(element)
        } else {
            // Decoration, or content no template placed in an element: not read aloud.
            wanted = .artifact(.layout)
        }
        // Graphics end the text object, so they cannot join a sequence opened inside one.
        if wanted == open, kind == .text || !openInsideText { return }
        close(in: &content)
        let insideText = kind == .text
        if insideText { content.beginTextObject() }
        switch wanted {
        case .element(let node):
            content.beginMarkedContent(currentRole ?? .span, mcid: owners.count, insideText: insideText)
            owners.append(node)
        case .artifact(let kind):
            content.beginArtifact(kind, insideText: insideText)
        }
        open = wanted
        openInsideText = insideText
    }

    /// Ends the open sequence (before the page ends).
    mutating func close(in content: inout PageContent) {
        if open != nil { content.endMarkedContent(insideText: openInsideText) }
        open = nil
        openInsideText = false
    }
}
