/// A small strict JSON (RFC 8259) parser producing `JSONNode` trees with byte offsets.
///
/// Foundation's `JSONSerialization`/`JSONDecoder` silently keep one of two duplicate keys, turn numbers into
/// binary floats and stop at the first error, which the input contract forbids; hence this parser.
/// Syntax errors and exceeded limits are fatal (one issue); duplicate keys are collected and parsing goes on.
package struct StrictJSONParser {
    /// A problem found while parsing, located by byte offset and by JSON path.
    package struct Problem: Error {
        /// What went wrong, for callers with wording of their own (the billing request stream).
        package enum Kind: Sendable, Equatable {
            case notUTF8
            case duplicateKey(String)
            case tooDeep
            case unpairedSurrogate
            case other
        }

        package let offset: Int
        package let path: [PathComponent]
        package let reason: String
        package let kind: Kind

        init(offset: Int, path: [PathComponent], reason: String, kind: Kind = .other) {
            self.offset = offset
            self.path = path
            self.reason = reason
            self.kind = kind
        }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let limits: DocumentLimits
    private var position: Int
    private var path: [PathComponent] = []
    private var depth = 0
    /// Reusable buffers, one per nesting level, in which an object's members and an array's elements
    /// are collected; each container then gets an array of exactly its size (no growth, no slack).
    private var memberScratch: [[JSONNode.Member]] = []
    private var itemScratch: [[JSONNode]] = []
    private(set) var duplicates: [Problem] = []
    /// The array whose elements are checked but not kept (see `parse(_:limits:streaming:)`), and the
    /// byte range of each of its elements once it has been met.
    private var streamedPath: [PathComponent]?
    private(set) var streamedElements: [Range<Int>]?
    /// Whether the streamed array's elements are only delimited (``skipElement()``), not parsed.
    private var skipsStreamedElements = false

    /// Parses `data` in place (no copy of the input): see `parse(_:limits:)` on a buffer.
    package static func parse(_ data: Data, limits: DocumentLimits) -> (root: JSONNode?, problems: [Problem]) {
        data.withUnsafeBytes { raw in parse(raw.bindMemory(to: UInt8.self), limits: limits) }
    }

    /// Parses `data`: size check, UTF-8 BOM skip, UTF-16/32 and invalid UTF-8 rejection, then one JSON value.
    /// The tree holds no reference to `data`.
    package static func parse(_ data: UnsafeBufferPointer<UInt8>, limits: DocumentLimits) -> (root: JSONNode?, problems: [Problem]) {
        let parsed = parse(data, limits: limits, streaming: nil)
        return (parsed.root, parsed.problems)
    }

    /// Parses `data` like `parse(_:limits:)`, except that the elements of the array at `streamed`
    /// (its first occurrence) are parsed, checked against the limits and dropped: the tree holds
    /// that array empty, and `elements` gives the byte range of each element, to be parsed again
    /// one at a time with ``parseElement(_:in:path:limits:)``. This keeps a document of 50,000
    /// shipments from ever holding a tree of them all.
    ///
    /// With `skippingElements`, those elements are only delimited: their brackets and strings are
    /// followed to find where each ends, and nothing in them is checked. A caller that parses every
    /// element again with ``parseElement(_:in:path:limits:)`` checks them there, once instead of
    /// twice; when any element then has a problem, it parses the whole input again without skipping,
    /// so that problems are found, and reported, exactly as they would be without it.
    package static func parse(
        _ data: UnsafeBufferPointer<UInt8>, limits: DocumentLimits, streaming streamed: [PathComponent]?, skippingElements: Bool = false
    ) -> (root: JSONNode?, problems: [Problem], elements: [Range<Int>]?) {
        if data.count > limits.maxInputBytes {
            return (nil, [Problem(offset: 0, path: [], reason: "input is \(data.count) bytes, more than the limit of \(limits.maxInputBytes) bytes")], nil)
        }
        if let encoding = detectWideEncoding(data) {
            return (nil, [Problem(offset: 0, path: [], reason: "input is \(encoding); a document must be UTF-8", kind: .notUTF8)], nil)
        }
        let start = data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if let bad = firstInvalidUTF8(data, from: start) {
            return (nil, [Problem(offset: bad, path: [], reason: "invalid UTF-8 at byte offset \(bad)", kind: .notUTF8)], nil)
        }
        var parser = StrictJSONParser(bytes: data, limits: limits, position: start)
        parser.streamedPath = streamed
        parser.skipsStreamedElements = skippingElements
        do {
            parser.skipWhitespace()
            guard parser.position < data.count else {
                return (nil, [Problem(offset: parser.position, path: [], reason: "empty input: expected a JSON object")], nil)
            }
            let root = try parser.parseValue()
            parser.skipWhitespace()
            if parser.position < data.count {
                throw parser.syntax("unexpected \(parser.describeByte()) after the end of the JSON value")
            }
            return (root, parser.duplicates, parser.streamedElements)
        } catch let problem as Problem {
            return (nil, parser.duplicates + [problem], nil)
        } catch {
            return (nil, [Problem(offset: 0, path: [], reason: "\(error)")], nil)
        }
    }

    /// Parses the one JSON value at `range` of `data` (an element whose range a streaming parse
    /// gave), as if met at `path` inside the whole document: offsets and paths in the tree and in
    /// problems are those of the whole document. The input was checked (size, encoding) by that parse.
    package static func parseElement(
        _ range: Range<Int>, in data: UnsafeBufferPointer<UInt8>, path: [PathComponent], limits: DocumentLimits
    ) -> (node: JSONNode?, problems: [Problem]) {
        guard range.lowerBound >= 0, range.upperBound <= data.count, !range.isEmpty else {
            return (nil, [Problem(offset: max(0, range.lowerBound), path: path, reason: "the element is outside the input")])
        }
        var parser = StrictJSONParser(bytes: UnsafeBufferPointer(rebasing: data[..<range.upperBound]), limits: limits, position: range.lowerBound)
        parser.path = path
        parser.depth = path.count
        do {
            let node = try parser.parseValue()
            parser.skipWhitespace()
            if parser.position < range.upperBound { throw parser.syntax("unexpected \(parser.describeByte()) after the element") }
            return (node, parser.duplicates)
        } catch let problem as Problem {
            return (nil, parser.duplicates + [problem])
        } catch {
            return (nil, [Problem(offset: range.lowerBound, path: path, reason: "\(error)")])
        }
    }

    private static func detectWideEncoding(_ d: UnsafeBufferPointer<UInt8>) -> String? {
        if d.starts(with: [0x00, 0x00, 0xFE, 0xFF]) || d.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return "UTF-32 (byte order mark)" }
        if d.starts(with: [0xFE, 0xFF]) || d.starts(with: [0xFF, 0xFE]) { return "UTF-16 (byte order mark)" }
        if d.count >= 4 && d[0] == 0 && d[1] == 0 && d[2] == 0 && d[3] != 0 { return "UTF-32BE" }
        if d.count >= 4 && d[0] != 0 && d[1] == 0 && d[2] == 0 && d[3] == 0 { return "UTF-32LE" }
        if d.count >= 2 && d[0] == 0 && d[1] != 0 { return "UTF-16BE" }
        if d.count >= 2 && d[0] != 0 && d[1] == 0 { return "UTF-16LE" }
        return nil
    }

    /// Offset of the first byte that does not start or continue a well-formed UTF-8 sequence
    /// (overlong forms, surrogates and code points above U+10FFFF are ill-formed).
    static func firstInvalidUTF8(_ d: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start
        let n = d.count
        while i < n {
            // Eight ASCII bytes at a time while they last.
            if let base = d.baseAddress {
                while i + 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
                if i >= n { break }
            }
            let b = d[i]
            if b < 0x80 { i += 1; continue }
            var need = 0
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; upper = 0x9F
            case 0xF0: need = 3; lower = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; upper = 0x8F
            default: return i
            }
            for k in 1...need {
                guard i + k < n else { return i }
                let c = d[i + k]
                if k == 1 { if c < lower || c > upper { return i } } else if c < 0x80 || c > 0xBF { return i }
            }
            i += need + 1
        }
        return nil
    }

    // MARK: - Values

    private mutating func parseValue() throws -> JSONNode {
        skipWhitespace()
        guard position < bytes.count else { throw syntax("unexpected end of input, expected a value") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""):
            let start = position
            let text = try parseString()
            return JSONNode(value: .string(text), offset: start, endOffset: position - 1)
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw syntax("unexpected \(describeByte()), expected a value")
        }
    }

    private mutating func enter() throws {
        depth += 1
        if depth > limits.maxDepth {
            throw Problem(offset: position, path: path, reason: "nesting deeper than the limit of \(limits.maxDepth) levels", kind: .tooDeep)
        }
    }

    private mutating func parseObject() throws -> JSONNode {
        let start = position
        try enter()
        position += 1
        while memberScratch.count < depth { memberScratch.append([]) }
        var members: [JSONNode.Member] = []
        swap(&members, &memberScratch[depth - 1])
        members.removeAll(keepingCapacity: true)
        var keyIndex: MemberKeyIndex?
        skipWhitespace()
        if peek(UInt8(ascii: "}")) {
            position += 1
            swap(&members, &memberScratch[depth - 1])
            depth -= 1
            return JSONNode(value: .object([]), offset: start, endOffset: position - 1)
        }
        while true {
            skipWhitespace()
            guard peek(UInt8(ascii: "\"")) else { throw syntax("expected a quoted property name, found \(describeByte())") }
            let keyOffset = position
            let key = try parseString()
            skipWhitespace()
            guard peek(UInt8(ascii: ":")) else { throw syntax("expected ':' after property name \(quoted(key)), found \(describeByte())") }
            position += 1
            path.append(.key(key))
            let value = try parseValue()
            // Small objects are searched linearly; beyond 16 members an index takes over. Both compare
            // keys as Strings (canonical equivalence), so a duplicate is the same key either way.
            if members.count == 16 && keyIndex == nil { keyIndex = MemberKeyIndex(members) }
            let first = members.count < 16 ? members.firstIndex(where: { $0.key == key }) : keyIndex!.claim(key, among: members)
            if let first {
                duplicates.append(Problem(
                    offset: keyOffset, path: path, reason: "duplicate key \(quoted(key)) (first at byte offset \(members[first].keyOffset))",
                    kind: .duplicateKey(key)))
            } else {
                members.append(JSONNode.Member(key: key, keyOffset: keyOffset, value: value))
                if members.count > limits.maxObjectMembers {
                    throw Problem(offset: keyOffset, path: path, reason: "object has more than the limit of \(limits.maxObjectMembers) members")
                }
            }
            path.removeLast()
            skipWhitespace()
            guard position < bytes.count else { throw syntax("unexpected end of input, expected ',' or '}'") }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "}") { position += 1; break }
            throw syntax("expected ',' or '}', found \(describeByte())")
        }
        let exact = members.withUnsafeBufferPointer { Array($0) }
        members.removeAll(keepingCapacity: true)
        swap(&members, &memberScratch[depth - 1])
        depth -= 1
        return JSONNode(value: .object(exact), offset: start, endOffset: position - 1)
    }

    private mutating func parseArray() throws -> JSONNode {
        let start = position
        try enter()
        position += 1
        while itemScratch.count < depth { itemScratch.append([]) }
        var items: [JSONNode] = []
        swap(&items, &itemScratch[depth - 1])
        items.removeAll(keepingCapacity: true)
        // The streamed array: elements are parsed (syntax, limits, duplicate keys) and dropped.
        let streams = streamedElements == nil && streamedPath.map { $0 == path } == true
        skipWhitespace()
        if peek(UInt8(ascii: "]")) {
            position += 1
            swap(&items, &itemScratch[depth - 1])
            depth -= 1
            if streams { streamedElements = [] }
            return JSONNode(value: .array([]), offset: start, endOffset: position - 1)
        }
        var ranges: [Range<Int>] = []
        while true {
            let count = streams ? ranges.count : items.count
            if count == limits.maxArrayLength {
                throw Problem(offset: position, path: path, reason: "array has more than the limit of \(limits.maxArrayLength) elements")
            }
            path.append(.index(count))
            skipWhitespace()
            if streams && skipsStreamedElements {
                ranges.append(try skipElement())
            } else {
                let element = try parseValue()
                if streams { ranges.append(element.offset..<(element.endOffset + 1)) } else { items.append(element) }
            }
            path.removeLast()
            skipWhitespace()
            guard position < bytes.count else { throw syntax("unexpected end of input, expected ',' or ']'") }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "]") { position += 1; break }
            throw syntax("expected ',' or ']', found \(describeByte())")
        }
        if streams { streamedElements = ranges }
        let exact = items.withUnsafeBufferPointer { Array($0) }
        items.removeAll(keepingCapacity: true)
        swap(&items, &itemScratch[depth - 1])
        depth -= 1
        return JSONNode(value: .array(exact), offset: start, endOffset: position - 1)
    }

    /// Moves past one value without checking it and returns its byte range: an object or array up
    /// to its matching closing bracket (strings and their escapes followed, bracket kinds not
    /// matched), a string to its closing quote, anything else up to the next delimiter. On valid
    /// JSON the range is the one ``parseValue()`` would give; on invalid JSON it is some range that
    /// ``parseElement(_:in:path:limits:)`` then rejects, or an error here.
    private mutating func skipElement() throws -> Range<Int> {
        let start = position
        guard position < bytes.count else { throw syntax("unexpected end of input, expected a value") }
        switch bytes[position] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 {
                        position += 1
                        return start..<position
                    }
                case UInt8(ascii: "\""):
                    try skipString()
                    continue
                default:
                    break
                }
                position += 1
            }
            throw syntax("unexpected end of input inside a value")
        case UInt8(ascii: "\""):
            try skipString()
            return start..<position
        default:
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), 0x20, 0x09, 0x0A, 0x0D:
                    guard position > start else { throw syntax("unexpected \(describeByte()), expected a value") }
                    return start..<position
                default:
                    position += 1
                }
            }
            throw syntax("unexpected end of input inside a value")
        }
    }

    /// Moves past a string from its opening quote to just after its closing one.
    private mutating func skipString() throws {
        position += 1
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\""):
                position += 1
                return
            case UInt8(ascii: "\\"):
                position += 2
            default:
                position += 1
            }
        }
        throw syntax("unexpected end of input inside a string")
    }

    private mutating func literal(_ word: String, _ value: JSONNode.Value) throws -> JSONNode {
        let start = position
        let utf8 = Array(word.utf8)
        guard position + utf8.count <= bytes.count, Array(bytes[position..<position + utf8.count]) == utf8 else {
            throw syntax("unexpected \(describeByte()), expected a value")
        }
        position += utf8.count
        return JSONNode(value: value, offset: start, endOffset: position - 1)
    }

    private mutating func parseNumber() throws -> JSONNode {
        let start = position
        if peek(UInt8(ascii: "-")) { position += 1 }
        guard position < bytes.count, isDigit(bytes[position]) else { throw syntax("invalid number: expected a digit") }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < bytes.count, isDigit(bytes[position]) { throw syntax("invalid number: leading zero") }
        } else {
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if peek(UInt8(ascii: ".")) {
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else { throw syntax("invalid number: expected a digit after '.'") }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            position += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { position += 1 }
            guard position < bytes.count, isDigit(bytes[position]) else { throw syntax("invalid number: expected a digit in the exponent") }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        return JSONNode(value: .number(text), offset: start, endOffset: position - 1)
    }

    /// Reads a string from its opening quote. Runs of plain characters are taken as they are (the
    /// input is valid UTF-8, checked beforehand); a string without escapes becomes a `String` straight
    /// from the input bytes, one with escapes is assembled in a buffer.
    private mutating func parseString() throws -> String {
        let start = position
        position += 1
        var characters = 0
        var runStart = position
        var hasEscapes = false
        var assembled: [UInt8] = []
        while true {
            characters += scanPlainRun()
            try checkLength(characters, stringStart: start)
            guard position < bytes.count else {
                throw Problem(offset: start, path: path, reason: "unterminated string starting at byte offset \(start)")
            }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let text: String
                if hasEscapes {
                    assembled.append(contentsOf: bytes[runStart..<position])
                    text = String(decoding: assembled, as: UTF8.self)
                } else {
                    text = String(decoding: bytes[runStart..<position], as: UTF8.self)
                }
                position += 1
                return text
            }
            guard byte == UInt8(ascii: "\\") else {
                throw syntax("control character U+\(String(format: "%04X", byte)) inside a string must be escaped")
            }
            hasEscapes = true
            assembled.append(contentsOf: bytes[runStart..<position])
            try appendEscape(to: &assembled)
            characters += 1
            try checkLength(characters, stringStart: start)
            runStart = position
        }
    }

    /// Moves past plain characters (no quote, backslash or control byte) and returns how many
    /// characters they are, counted by their UTF-8 lead bytes.
    private mutating func scanPlainRun() -> Int {
        var characters = 0
        while position < bytes.count {
            let byte = bytes[position]
            guard byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"), byte >= 0x20 else { break }
            if byte & 0xC0 != 0x80 { characters += 1 }
            position += 1
        }
        return characters
    }

    private func checkLength(_ characters: Int, stringStart: Int) throws {
        if characters > limits.maxStringLength {
            throw Problem(offset: stringStart, path: path, reason: "string longer than the limit of \(limits.maxStringLength) characters")
        }
    }

    /// Decodes the escape sequence at `position` (a backslash) into `buffer` as UTF-8.
    private mutating func appendEscape(to buffer: inout [UInt8]) throws {
        position += 1
        guard position < bytes.count else { throw syntax("unterminated escape sequence") }
        let letter = bytes[position]
        position += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(letter)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"): buffer.append(contentsOf: UTF8.encode(try unicodeEscape())!)
        default:
            position -= 1
            throw syntax("invalid escape sequence '\\\(describeByte(quotes: false))'")
        }
    }

    /// The scalar of a `\uXXXX` escape (after the `u`), joining a surrogate pair written as two escapes.
    private mutating func unicodeEscape() throws -> Unicode.Scalar {
        let high = try hex4()
        if (0xDC00...0xDFFF).contains(high) {
            throw syntax("lone low surrogate \\u\(String(format: "%04X", high)) in a string", kind: .unpairedSurrogate)
        }
        guard (0xD800...0xDBFF).contains(high) else { return Unicode.Scalar(high)! }
        guard peek(UInt8(ascii: "\\")), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u") else {
            throw syntax("lone high surrogate \\u\(String(format: "%04X", high)) in a string", kind: .unpairedSurrogate)
        }
        position += 2
        let low = try hex4()
        guard (0xDC00...0xDFFF).contains(low) else { throw syntax("high surrogate not followed by a low surrogate", kind: .unpairedSurrogate) }
        return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
    }

    private mutating func hex4() throws -> UInt32 {
        guard position + 4 <= bytes.count else { throw syntax("incomplete \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[position]
            let digit: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw syntax("invalid hexadecimal digit in \\u escape")
            }
            value = value * 16 + digit
            position += 1
        }
        return value
    }

    // MARK: - Helpers

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    private func peek(_ byte: UInt8) -> Bool { position < bytes.count && bytes[position] == byte }
    private func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    private func describeByte(quotes: Bool = true) -> String {
        guard position < bytes.count else { return "end of input" }
        let b = bytes[position]
        if b >= 0x21 && b < 0x7F {
            let c = String(UnicodeScalar(b))
            return quotes ? "'\(c)'" : c
        }
        return "byte 0x\(String(format: "%02X", b))"
    }

    private func syntax(_ reason: String, kind: Problem.Kind = .other) -> Problem {
        var line = 1
        var column = 1
        for b in bytes[..<min(position, bytes.count)] {
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        return Problem(offset: position, path: path, reason: "invalid JSON at byte offset \(position) (line \(line), column \(column)): \(reason)", kind: kind)
    }
}

import Foundation
