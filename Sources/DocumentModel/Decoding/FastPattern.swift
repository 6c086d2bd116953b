/// A whole-match automaton for the simple schema patterns, run on printable-ASCII text only.
///
/// `Regex` costs thousands of instructions per match, more than the rest of decoding a field. For text
/// made only of bytes 0x20–0x7E every byte is one character (no grapheme clusters, no line breaks), so a
/// byte automaton answers exactly as `Regex.wholeMatch` does. Supported: literals and `\`-escaped
/// punctuation, `.`, bracket classes of literals and ranges, groups with `|`, and the greedy quantifiers
/// `?`, `*`, `+`, `{n}`, `{n,}`, `{n,m}`. A pattern using anything else (anchors, lookarounds, `\s`,
/// `\x{…}`, negated classes, lazy quantifiers) does not compile and is always left to `Regex`.
///
/// The pattern is compiled once to a Thompson automaton, then to a deterministic one (subset
/// construction, at most 1024 states), so matching is one table step per byte whatever the pattern.
struct FastPattern: Sendable {
    enum Instruction: Sendable {
        /// Consume one byte in the set (bit b of the 128-bit mask).
        case byte(low: UInt64, high: UInt64)
        case split(Int, Int)
        case jump(Int)
        case match
    }

    /// Deterministic automaton over the 95 printable bytes: `table[state * 95 + byte - 0x20]` is the next
    /// state, -1 when no match is possible any more; state 0 is the start.
    private let table: [Int16]
    private let accepting: [Bool]

    /// Compiles `pattern`, or returns nil when it uses syntax outside the supported subset (or would
    /// need too many states).
    init?(_ pattern: String) {
        var parser = Parser(bytes: Array(pattern.utf8))
        guard let tree = parser.parseAlternation(), parser.position == parser.bytes.count else { return nil }
        var program: [Instruction] = []
        FastPattern.emit(tree, into: &program)
        program.append(.match)
        guard program.count <= 4096 else { return nil }
        // Subset construction: each state is the set of byte/match instructions alive at once.
        var ids: [[Int]: Int] = [:]
        var states: [[Int]] = []
        var table: [Int16] = []
        var accepting: [Bool] = []
        func state(_ pcs: [Int]) -> Int? {
            if let id = ids[pcs] { return id }
            guard states.count < 1024 else { return nil }
            ids[pcs] = states.count
            states.append(pcs)
            accepting.append(pcs.contains { if case .match = program[$0] { true } else { false } })
            return states.count - 1
        }
        guard state(FastPattern.closure([0], program)) != nil else { return nil }
        // Bytes that every instruction treats alike form one class; transitions are computed per class.
        var classOf: [Int] = []
        var representatives: [UInt8] = []
        var classIDs: [[Bool]: Int] = [:]
        let sets = program.compactMap { instruction -> (UInt64, UInt64)? in
            if case .byte(let low, let high) = instruction { (low, high) } else { nil }
        }
        for byte in UInt8(0x20)...UInt8(0x7E) {
            let signature = sets.map { FastPattern.contains($0.0, $0.1, byte) }
            if let id = classIDs[signature] {
                classOf.append(id)
            } else {
                classIDs[signature] = representatives.count
                classOf.append(representatives.count)
                representatives.append(byte)
            }
        }
        var index = 0
        while index < states.count {
            let pcs = states[index]
            var byClass: [Int16] = []
            for byte in representatives {
                var targets: [Int] = []
                for pc in pcs {
                    if case .byte(let low, let high) = program[pc], FastPattern.contains(low, high, byte) { targets.append(pc + 1) }
                }
                if targets.isEmpty { byClass.append(-1); continue }
                guard let next = state(FastPattern.closure(targets, program)) else { return nil }
                byClass.append(Int16(next))
            }
            for id in classOf { table.append(byClass[id]) }
            index += 1
        }
        self.table = table
        self.accepting = accepting
    }

    /// Whether the whole of `text` matches, or nil when `text` is not only printable ASCII (0x20–0x7E),
    /// which this automaton cannot judge (the caller then asks `Regex`).
    func matches(_ text: String) -> Bool? {
        var text = text
        return text.withUTF8 { bytes -> Bool? in
            var state = 0
            var index = 0
            let count = bytes.count
            return table.withUnsafeBufferPointer { table in
                while index < count {
                    let byte = bytes[index]
                    guard byte >= 0x20 && byte <= 0x7E else { return nil }
                    state = Int(table[state &* 95 &+ Int(byte &- 0x20)])
                    index += 1
                    if state < 0 {
                        // No match possible; the answer still needs the rest to be printable ASCII.
                        while index < count {
                            guard bytes[index] >= 0x20 && bytes[index] <= 0x7E else { return nil }
                            index += 1
                        }
                        return false
                    }
                }
                return accepting[state]
            }
        }
    }

    private static func contains(_ low: UInt64, _ high: UInt64, _ byte: UInt8) -> Bool {
        byte < 64 ? (low >> UInt64(byte)) & 1 == 1 : byte < 128 ? (high >> UInt64(byte - 64)) & 1 == 1 : false
    }

    /// The byte and match instructions reachable from `pcs` without consuming a byte, sorted.
    private static func closure(_ pcs: [Int], _ program: [Instruction]) -> [Int] {
        var seen = Set<Int>()
        var result: [Int] = []
        var stack = pcs.reversed() as [Int]
        while let pc = stack.popLast() {
            guard seen.insert(pc).inserted else { continue }
            switch program[pc] {
            case .jump(let target): stack.append(target)
            case .split(let a, let b): stack.append(b); stack.append(a)
            case .byte, .match: result.append(pc)
            }
        }
        return result.sorted()
    }

    // MARK: - Compilation

    indirect enum Node {
        case set(UInt64, UInt64)
        case sequence([Node])
        case alternation([Node])
        case repeated(Node, min: Int, max: Int?)
    }

    private static func emit(_ node: Node, into program: inout [Instruction]) {
        switch node {
        case .set(let low, let high):
            program.append(.byte(low: low, high: high))
        case .sequence(let items):
            for item in items { emit(item, into: &program) }
        case .alternation(let branches):
            // split L1, next; L1: branch0; jump end; next: split L2, … ; last branch; end:
            var jumps: [Int] = []
            for (i, branch) in branches.enumerated() {
                if i < branches.count - 1 {
                    let split = program.count
                    program.append(.match)  // placeholder
                    emit(branch, into: &program)
                    jumps.append(program.count)
                    program.append(.match)  // placeholder
                    program[split] = .split(split + 1, program.count)
                } else {
                    emit(branch, into: &program)
                }
            }
            for jump in jumps { program[jump] = .jump(program.count) }
        case .repeated(let item, let min, let max):
            for _ in 0..<min { emit(item, into: &program) }
            if let max {
                // Optional copies: split body, end — each skipping to the very end.
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(program.count)
                    program.append(.match)  // placeholder
                    emit(item, into: &program)
                }
                for split in splits { program[split] = .split(split + 1, program.count) }
            } else {
                // Star: L: split body, end; body; jump L; end:
                let split = program.count
                program.append(.match)  // placeholder
                emit(item, into: &program)
                program.append(.jump(split))
                program[split] = .split(split + 1, program.count)
            }
        }
    }

    private struct Parser {
        let bytes: [UInt8]
        var position = 0

        private func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

        mutating func parseAlternation() -> Node? {
            var branches: [Node] = []
            guard let first = parseSequence() else { return nil }
            branches.append(first)
            while peek() == UInt8(ascii: "|") {
                position += 1
                guard let branch = parseSequence() else { return nil }
                branches.append(branch)
            }
            return branches.count == 1 ? first : .alternation(branches)
        }

        mutating func parseSequence() -> Node? {
            var items: [Node] = []
            while let b = peek(), b != UInt8(ascii: "|"), b != UInt8(ascii: ")") {
                guard let atom = parseAtom(), let quantified = parseQuantifier(atom) else { return nil }
                items.append(quantified)
            }
            return .sequence(items)
        }

        mutating func parseAtom() -> Node? {
            guard let b = peek() else { return nil }
            position += 1
            switch b {
            case UInt8(ascii: "("):
                if peek() == UInt8(ascii: "?") { return nil }  // lookarounds, non-capturing and named groups
                guard let inner = parseAlternation(), peek() == UInt8(ascii: ")") else { return nil }
                position += 1
                return inner
            case UInt8(ascii: "["):
                return parseClass()
            case UInt8(ascii: "."):
                return .set(0xFFFF_FFFF_0000_0000, ~0)  // any printable byte: 0x20…0x7F
            case UInt8(ascii: "\\"):
                guard let e = peek(), isEscapablePunctuation(e) else { return nil }
                position += 1
                return single(e)
            case UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"),
                 UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: "|"), UInt8(ascii: ")"):
                return nil
            default:
                guard b >= 0x20 && b < 0x7F else { return nil }
                return single(b)
            }
        }

        private func isEscapablePunctuation(_ b: UInt8) -> Bool {
            switch b {
            case UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "*"), UInt8(ascii: "?"), UInt8(ascii: "("), UInt8(ascii: ")"),
                 UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "\\"), UInt8(ascii: "/"),
                 UInt8(ascii: "-"), UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "$"):
                return true
            default:
                return false
            }
        }

        private func single(_ b: UInt8) -> Node {
            b < 64 ? .set(1 << UInt64(b), 0) : .set(0, 1 << UInt64(b - 64))
        }

        /// `[…]` of literals, `\`-escaped punctuation and ranges; `-` is literal first or last.
        mutating func parseClass() -> Node? {
            var low: UInt64 = 0
            var high: UInt64 = 0
            func insert(_ b: UInt8) { if b < 64 { low |= 1 << UInt64(b) } else { high |= 1 << UInt64(b - 64) } }
            if peek() == UInt8(ascii: "^") || peek() == UInt8(ascii: "]") { return nil }
            var first = true
            while true {
                guard var b = peek() else { return nil }
                position += 1
                if b == UInt8(ascii: "]") { break }
                if b == UInt8(ascii: "[") || b == UInt8(ascii: "&") || b == UInt8(ascii: "~") { return nil }  // set operations
                if b == UInt8(ascii: "\\") {
                    guard let e = peek(), isEscapablePunctuation(e) else { return nil }
                    position += 1
                    b = e
                } else if b == UInt8(ascii: "-") && !first && peek() != UInt8(ascii: "]") {
                    return nil  // a range must start with a literal (handled below)
                }
                guard b >= 0x20 && b < 0x7F else { return nil }
                if peek() == UInt8(ascii: "-"), position + 1 < bytes.count, bytes[position + 1] != UInt8(ascii: "]") {
                    position += 1
                    guard var upper = peek() else { return nil }
                    position += 1
                    if upper == UInt8(ascii: "\\") {
                        guard let e = peek(), isEscapablePunctuation(e) else { return nil }
                        position += 1
                        upper = e
                    } else if upper == UInt8(ascii: "[") {
                        return nil
                    }
                    guard upper >= b, upper < 0x7F else { return nil }
                    for c in b...upper { insert(c) }
                } else {
                    insert(b)
                }
                first = false
            }
            return .set(low, high)
        }

        mutating func parseQuantifier(_ atom: Node) -> Node? {
            guard let b = peek() else { return atom }
            var node: Node
            switch b {
            case UInt8(ascii: "?"): position += 1; node = .repeated(atom, min: 0, max: 1)
            case UInt8(ascii: "*"): position += 1; node = .repeated(atom, min: 0, max: nil)
            case UInt8(ascii: "+"): position += 1; node = .repeated(atom, min: 1, max: nil)
            case UInt8(ascii: "{"):
                position += 1
                guard let min = number() else { return nil }
                var max: Int? = min
                if peek() == UInt8(ascii: ",") {
                    position += 1
                    max = peek() == UInt8(ascii: "}") ? nil : number()
                    if max == nil && peek() != UInt8(ascii: "}") { return nil }
                }
                guard peek() == UInt8(ascii: "}") else { return nil }
                position += 1
                if let max, max < min { return nil }
                guard min <= 100, (max ?? 0) <= 100 else { return nil }
                node = .repeated(atom, min: min, max: max)
            default:
                return atom
            }
            // Lazy and possessive forms, and quantified quantifiers, are left to Regex.
            if let next = peek(), next == UInt8(ascii: "?") || next == UInt8(ascii: "+") || next == UInt8(ascii: "*") || next == UInt8(ascii: "{") {
                return nil
            }
            return node
        }

        private mutating func number() -> Int? {
            var value = 0
            var digits = 0
            while let b = peek(), b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9"), digits < 4 {
                value = value * 10 + Int(b - UInt8(ascii: "0"))
                digits += 1
                position += 1
            }
            return digits == 0 ? nil : value
        }
    }
}
