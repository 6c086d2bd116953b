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
        var construction = SubsetConstruction(program: program)
        guard let automaton = construction.run() else { return nil }
        self.table = automaton.table
        self.accepting = automaton.accepting
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

    /// The deterministic automaton of a Thompson program, built once per pattern and process.
    ///
    /// It runs when a process first decodes a field with the pattern, so its cost is start-up cost:
    /// states are bitsets of program counters and byte classes are 128-bit masks, so building one takes
    /// word operations on a few small arrays, and no hashed collection of a type the process has not
    /// used yet (each new one makes the Swift runtime scan every protocol conformance record).
    private struct SubsetConstruction {
        let program: [Instruction]
        /// 64-bit words in one state's bitset.
        let words: Int
        /// Per program counter: the byte and match instructions reachable from it without consuming a
        /// byte, computed when first needed.
        private var closures: [[UInt64]?]
        /// The states found so far, in order of discovery (state 0 is the start), with a hash of each.
        private var states: [[UInt64]] = []
        private var hashes: [Int] = []
        private static let maximumStates = 1024

        init(program: [Instruction]) {
            self.program = program
            self.words = (program.count + 63) / 64
            self.closures = Array(repeating: nil, count: program.count)
        }

        /// The transition table over the 95 printable bytes and the accepting states, or nil when the
        /// automaton would need more than `maximumStates` states.
        mutating func run() -> (table: [Int16], accepting: [Bool])? {
            guard state(closure(of: 0)) != nil else { return nil }
            let classes = byteClasses()
            // Each class's lowest byte stands for it.
            let representatives = classes.map { UInt8($0.low != 0 ? $0.low.trailingZeroBitCount : 64 + $0.high.trailingZeroBitCount) }
            // Transitions per state and class; the same scratch set serves every transition.
            var byClass: [Int16] = []
            byClass.reserveCapacity(16 * classes.count)
            var next = [UInt64](repeating: 0, count: words)
            var index = 0
            while index < states.count {
                let members = Self.members(states[index])
                for byte in representatives {
                    var reached = false
                    for word in 0..<words { next[word] = 0 }
                    for pc in members {
                        guard case .byte(let low, let high) = program[pc], FastPattern.contains(low, high, byte) else { continue }
                        let targets = closure(of: pc + 1)
                        for word in 0..<words { next[word] |= targets[word] }
                        reached = true
                    }
                    guard reached else {
                        byClass.append(-1)
                        continue
                    }
                    guard let id = state(next) else { return nil }
                    byClass.append(Int16(id))
                }
                index += 1
            }
            // Spread over the 95 printable bytes, so matching takes one table step per byte.
            var classOf = [Int](repeating: 0, count: 95)
            for (index, mask) in classes.enumerated() {
                for byte in UInt8(0x20)...UInt8(0x7E) where FastPattern.contains(mask.low, mask.high, byte) { classOf[Int(byte - 0x20)] = index }
            }
            let classCount = classes.count
            let table = [Int16](unsafeUninitializedCapacity: states.count * 95) { buffer, initialized in
                for state in 0..<states.count {
                    for byte in 0..<95 { buffer[state * 95 + byte] = byClass[state * classCount + classOf[byte]] }
                }
                initialized = states.count * 95
            }
            let accepting = states.map { Self.members($0).contains { if case .match = program[$0] { true } else { false } } }
            return (table, accepting)
        }

        /// The id of the state `set`, added if new; nil past `maximumStates`.
        private mutating func state(_ set: [UInt64]) -> Int? {
            var hash = 0
            for word in set { hash = (hash &* 31) ^ Int(truncatingIfNeeded: word ^ (word >> 29)) }
            for (id, candidate) in hashes.enumerated() where candidate == hash && states[id] == set { return id }
            guard states.count < Self.maximumStates else { return nil }
            states.append(set)
            hashes.append(hash)
            return states.count - 1
        }

        /// The printable bytes split into the classes that every byte instruction treats alike.
        private func byteClasses() -> [(low: UInt64, high: UInt64)] {
            var classes: [(low: UInt64, high: UInt64)] = [(0xFFFF_FFFF_0000_0000, 0x7FFF_FFFF_FFFF_FFFF)]  // 0x20…0x7E
            for instruction in program {
                guard case .byte(let low, let high) = instruction else { continue }
                var refined: [(low: UInt64, high: UInt64)] = []
                for part in classes {
                    let inside = (low: part.low & low, high: part.high & high)
                    let outside = (low: part.low & ~low, high: part.high & ~high)
                    if inside.low != 0 || inside.high != 0 { refined.append(inside) }
                    if outside.low != 0 || outside.high != 0 { refined.append(outside) }
                }
                classes = refined
            }
            return classes
        }

        /// The byte and match instructions reachable from `pc` without consuming a byte.
        private mutating func closure(of pc: Int) -> [UInt64] {
            if let known = closures[pc] { return known }
            var result = [UInt64](repeating: 0, count: words)
            var seen = [UInt64](repeating: 0, count: words)
            var stack = [pc]
            while let current = stack.popLast() {
                let word = current >> 6
                let bit = UInt64(1) << UInt64(current & 63)
                guard seen[word] & bit == 0 else { continue }
                seen[word] |= bit
                switch program[current] {
                case .jump(let target): stack.append(target)
                case .split(let first, let second): stack.append(second); stack.append(first)
                case .byte, .match: result[word] |= bit
                }
            }
            closures[pc] = result
            return result
        }

        /// The program counters in `set`, in increasing order.
        private static func members(_ set: [UInt64]) -> [Int] {
            var result: [Int] = []
            for (index, word) in set.enumerated() {
                var bits = word
                while bits != 0 {
                    result.append(index * 64 + bits.trailingZeroBitCount)
                    bits &= bits - 1
                }
            }
            return result
        }
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
