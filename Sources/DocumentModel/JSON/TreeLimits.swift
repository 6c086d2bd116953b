/// The parser's limits applied to a tree built in memory (`ModelTreeEncoder`), with the parser's
/// reasons and paths, so a document built in code is held to the same limits as its JSON text.
extension JSONNode {
    /// The first limit the tree exceeds, in document order, as `StrictJSONParser` would report it for
    /// the compact JSON of the tree: input size first, then nesting, members, elements and string lengths.
    func limitProblem(_ limits: DocumentLimits) -> StrictJSONParser.Problem? {
        let size = compactJSONByteCount
        if size > limits.maxInputBytes {
            return StrictJSONParser.Problem(offset: 0, path: [], reason: "input is \(size) bytes, more than the limit of \(limits.maxInputBytes) bytes")
        }
        var path: [PathComponent] = []
        return limitProblem(limits, depth: 1, path: &path)
    }

    private func limitProblem(_ limits: DocumentLimits, depth: Int, path: inout [PathComponent]) -> StrictJSONParser.Problem? {
        func tooLong(_ text: String) -> Bool { text.unicodeScalars.count > limits.maxStringLength }
        func stringProblem(at offset: Int) -> StrictJSONParser.Problem {
            StrictJSONParser.Problem(offset: offset, path: path, reason: "string longer than the limit of \(limits.maxStringLength) characters")
        }
        switch value {
        case .string(let text):
            return tooLong(text) ? stringProblem(at: offset) : nil
        case .number, .bool, .null:
            return nil
        case .object(let members):
            if depth > limits.maxDepth {
                return StrictJSONParser.Problem(offset: offset, path: path, reason: "nesting deeper than the limit of \(limits.maxDepth) levels", kind: .tooDeep)
            }
            for (index, member) in members.enumerated() {
                // The parser reads the key (with the object's path), then the value, then counts the member.
                if tooLong(member.key) { return stringProblem(at: member.keyOffset) }
                path.append(.key(member.key))
                defer { path.removeLast() }
                if let problem = member.value.limitProblem(limits, depth: depth + 1, path: &path) { return problem }
                if index + 1 > limits.maxObjectMembers {
                    return StrictJSONParser.Problem(offset: member.keyOffset, path: path, reason: "object has more than the limit of \(limits.maxObjectMembers) members")
                }
            }
            return nil
        case .array(let items):
            if depth > limits.maxDepth {
                return StrictJSONParser.Problem(offset: offset, path: path, reason: "nesting deeper than the limit of \(limits.maxDepth) levels", kind: .tooDeep)
            }
            for (index, item) in items.enumerated() {
                if index == limits.maxArrayLength {
                    return StrictJSONParser.Problem(offset: item.offset, path: path, reason: "array has more than the limit of \(limits.maxArrayLength) elements")
                }
                path.append(.index(index))
                defer { path.removeLast() }
                if let problem = item.limitProblem(limits, depth: depth + 1, path: &path) { return problem }
            }
            return nil
        }
    }

    /// The length of the tree written as `JSONEncoder` writes it: no spaces, `/` escaped as `\/`,
    /// the short escapes `\b \f \n \r \t`, other controls as `\u00XX`, everything else as UTF-8.
    var compactJSONByteCount: Int {
        switch value {
        case .string(let text): return JSONNode.encodedLength(text)
        case .number(let text): return text.utf8.count
        case .bool(let flag): return flag ? 4 : 5
        case .null: return 4
        case .object(let members):
            // Braces, one colon per member and a comma between members.
            return members.reduce(2 + 2 * members.count - (members.isEmpty ? 0 : 1)) {
                $0 + JSONNode.encodedLength($1.key) + $1.value.compactJSONByteCount
            }
        case .array(let items):
            return items.reduce(2 + max(0, items.count - 1)) { $0 + $1.compactJSONByteCount }
        }
    }

    private static func encodedLength(_ text: String) -> Int {
        var length = 2
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), 0x08, 0x0C, 0x0A, 0x0D, 0x09: length += 2
            case 0x00..<0x20: length += 6
            default: length += 1
            }
        }
        return length
    }
}
