/// The parser's limits applied to a tree built in memory (`ModelTreeEncoder`), with the parser's
/// reasons and paths, so a document built in code is held to the same limits as its JSON text.
extension JSONNode {
    /// The first limit the tree exceeds, as `StrictJSONParser` would report it for the compact JSON of
    /// the tree: the input size first, else the first of nesting, members, elements and string lengths
    /// in document order.
    func limitProblem(_ limits: DocumentLimits) -> StrictJSONParser.Problem? {
        var walk = LimitWalk(limits: limits)
        walk.visit(self, depth: 1)
        if walk.size > limits.maxInputBytes {
            return StrictJSONParser.Problem(offset: 0, path: [], reason: "input is \(walk.size) bytes, more than the limit of \(limits.maxInputBytes) bytes")
        }
        return walk.firstProblem
    }

    /// The length of the tree written as `JSONEncoder` writes it (see `LimitWalk.measure`).
    var compactJSONByteCount: Int {
        var walk = LimitWalk(limits: DocumentLimits(maxDepth: .max, maxStringLength: .max, maxArrayLength: .max, maxObjectMembers: .max))
        walk.visit(self, depth: 1)
        return walk.size
    }
}

/// One pass over a tree: its JSON length and the first limit it exceeds.
private struct LimitWalk {
    let limits: DocumentLimits
    var size = 0
    var firstProblem: StrictJSONParser.Problem?
    var path: [PathComponent] = []

    init(limits: DocumentLimits) { self.limits = limits }

    private mutating func note(_ offset: Int, _ reason: String, kind: StrictJSONParser.Problem.Kind = .other) {
        if firstProblem == nil { firstProblem = StrictJSONParser.Problem(offset: offset, path: path, reason: reason, kind: kind) }
    }

    private mutating func string(_ text: String, at offset: Int) {
        let (scalars, bytes) = LimitWalk.measure(text)
        size += bytes
        if scalars > limits.maxStringLength { note(offset, "string longer than the limit of \(limits.maxStringLength) characters") }
    }

    mutating func visit(_ node: JSONNode, depth: Int) {
        switch node.value {
        case .string(let text): string(text, at: node.offset)
        case .number(let text): size += text.utf8.count
        case .bool(let flag): size += flag ? 4 : 5
        case .null: size += 4
        case .object(let members):
            if depth > limits.maxDepth { note(node.offset, "nesting deeper than the limit of \(limits.maxDepth) levels", kind: .tooDeep) }
            // Braces, a colon per member and a comma between members.
            size += 2 + 2 * members.count - (members.isEmpty ? 0 : 1)
            for (index, member) in members.enumerated() {
                // The parser reads the key (with the object's path), then the value, then counts the member.
                string(member.key, at: member.keyOffset)
                path.append(.key(member.key))
                visit(member.value, depth: depth + 1)
                if index + 1 > limits.maxObjectMembers { note(member.keyOffset, "object has more than the limit of \(limits.maxObjectMembers) members") }
                path.removeLast()
            }
        case .array(let items):
            if depth > limits.maxDepth { note(node.offset, "nesting deeper than the limit of \(limits.maxDepth) levels", kind: .tooDeep) }
            size += 2 + max(0, items.count - 1)
            for (index, item) in items.enumerated() {
                if index == limits.maxArrayLength { note(item.offset, "array has more than the limit of \(limits.maxArrayLength) elements") }
                path.append(.index(index))
                visit(item, depth: depth + 1)
                path.removeLast()
            }
        }
    }

    /// Unicode scalars of `text`, and its length written as `JSONEncoder` writes strings: quoted, `/`
    /// escaped as `\/`, the short escapes `\b \f \n \r \t`, other controls as `\u00XX`, the rest UTF-8.
    static func measure(_ text: String) -> (scalars: Int, bytes: Int) {
        var scalars = 0
        var bytes = 2
        for byte in text.utf8 {
            if byte & 0xC0 != 0x80 { scalars += 1 }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), 0x08, 0x0C, 0x0A, 0x0D, 0x09: bytes += 2
            case 0x00..<0x20: bytes += 6
            default: bytes += 1
            }
        }
        return (scalars, bytes)
    }
}
