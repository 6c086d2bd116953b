import PageFrames

/// Follows one page's structure markers while its items are drawn, and wraps what is drawn in
/// marked-content sequences: content inside an element gets the next MCID and becomes part of the
/// element; running headers, repeated table headers, rules and backgrounds become artifacts.
/// Consecutive items of one element share a sequence, which keeps the stream small.
struct PageMarking {
    enum Kind {
        /// Text and images: the element's content when inside one.
        case content
        /// Rules and filled or stroked rectangles: always a layout artifact.
        case decoration
    }

    private enum Level {
        case element(node: Int, role: StructureRole)
        case artifact(ArtifactKind)
        /// An element begun inside an artifact: not part of the tree.
        case ignored
    }

    private enum Sequence: Equatable {
        case element(Int)
        case artifact(ArtifactKind)
    }

    private var levels: [Level] = []
    private var open: Sequence?
    /// The outermost artifact enclosing the current position, if any.
    private var artifact: (kind: ArtifactKind, depth: Int)?
    /// The element owning each MCID of the page, in MCID order.
    private(set) var owners: [Int] = []

    /// The innermost element around the current position (nil inside an artifact or outside all).
    var currentElement: Int? {
        guard artifact == nil else { return nil }
        for level in levels.reversed() {
            if case .element(let node, _) = level { return node }
        }
        return nil
    }

    private var currentRole: StructureRole? {
        for level in levels.reversed() {
            if case .element(_, let role) = level { return role }
        }
        return nil
    }

    mutating func apply(_ marker: StructureMarker, tree: inout StructureTree) {
        switch marker {
        case .begin(let element):
            if artifact != nil {
                levels.append(.ignored)
            } else {
                levels.append(.element(node: tree.node(element, under: currentElement ?? 0), role: element.role))
            }
        case .beginArtifact(let kind):
            if artifact == nil { artifact = (kind, levels.count) }
            levels.append(.artifact(kind))
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
        } else if kind == .content, let element = currentElement {
            wanted = .element(element)
        } else {
            // Decoration, or content no template placed in an element: not read aloud.
            wanted = .artifact(.layout)
        }
        guard wanted != open else { return }
        close(in: &content)
        switch wanted {
        case .element(let node):
            content.beginMarkedContent(currentRole ?? .span, mcid: owners.count)
            owners.append(node)
        case .artifact(let kind):
            content.beginArtifact(kind)
        }
        open = wanted
    }

    /// Ends the open sequence (before the page ends).
    mutating func close(in content: inout PageContent) {
        if open != nil { content.endMarkedContent() }
        open = nil
    }
}
