import Synchronization

/// A whole-match automaton for the simple schema patterns, run on printable-ASCII text only.
///
/// `Regex` costs thousands of instructions per match, more than the rest of decoding a field. For text
/// made only of bytes 0x20–0x7E every byte is one character (no grapheme clusters, no line breaks), so a
/// byte automaton answers exactly as `Regex.wholeMatch` does. Supported: literals and `\`-escaped
/// punctuation, `.`, bracket classes of literals and ranges, groups with `|`, and the greedy quantifiers
/// `?`, `*`, `+`, `{n}`, `{n,}`, `{n,m}`. A pattern using anything else (anchors, lookarounds, `\s`,
/// `\x{…}`, negated classes, lazy quantifiers) does not compile and is always left to `Regex`.
///
/// The pattern is compiled to a Thompson automaton, whose deterministic form (subset construction, at
/// most 1024 states) is built lazily: a state's transition on a byte class is made the first time a
/// match takes it. Building the whole automaton up front cost a process 130,000 instructions per
/// pattern, mostly for states (`{1,35}`-style repetitions make dozens) that no document reaches.
struct FastPattern: Sendable {
    enum Instruction: Sendable {
        /// Consume one byte in the set (bit b of the 128-bit mask).
        case byte(low: UInt64, high: UInt64)
        case split(Int, Int)
        case jump(Int)
        case match
    }

    private let automaton: LazyAutomaton

    /// Compiles `pattern`, or returns nil when it uses syntax outside the supported subset.
    init?(_ pattern: String) {
        var parser = Parser(bytes: Array(pattern.utf8))
        guard let tree = parser.parseAlternation(), parser.position == parser.bytes.count else { return nil }
        var program: [Instruction] = []
        FastPattern.emit(tree, into: &program)
        program.append(.match)
        guard program.count <= 4096 else { return nil }
        automaton = LazyAutomaton(program: program)
    }

    /// Whether the whole of `text` matches, or nil when `text` is not only printable ASCII (0x20–0x7E),
    /// which this automaton cannot judge, or when the automaton would need more states than it may
    /// have (the caller then asks `Regex`).
    func matches(_ text: String) -> Bool? {
        var text = text
        return text.withUTF8 { automaton.matches($0) }
    }

    fileprivate static func contains(_ low: UInt64, _ high: UInt64, _ byte: UInt8) -> Bool {
        byte < 64 ? (low >> UInt64(byte)) & 1 == 1 : byte < 128 ? (high >> UInt64(byte - 64)) & 1 == 1 : false
    }

    /// The deterministic automaton of a Thompson program, grown as matches need it. Patterns are shared
    /// by every decoding thread, so the growing tables sit behind a mutex; a match holds it for one
    /// walk over a short field.
    ///
    /// States are bitsets of program counters and byte classes are 128-bit masks, so growing takes word
    /// operations on a few small arrays, and no hashed collection of a type the process has not used
    /// yet (each new one makes the Swift runtime scan every protocol conformance record).
    private final class LazyAutomaton: Sendable {
        let program: [Instruction]
        /// 64-bit words in one state's bitset.
        let words: Int
        /// The class of each printable byte (index `byte - 0x20`): bytes every byte instruction treats
        /// alike share a class, and so a transition.
        let classOf: [UInt8]
        /// Each class's lowest byte, which stands for it when a transition is made.
        let representatives: [UInt8]
        private let grown: Mutex<Tables>
        private static let maximumStates = 1024
        /// A transition not made yet; -1 is "no match possible any more".
        private static let unknown: Int16 = -2

        struct Tables {
            /// Per program counter: the byte and match instructions reachable from it without consuming
            /// a byte, computed when first needed.
            var closures: [[UInt64]?]
            /// The states found so far, in order of discovery (state 0 is the start), with a hash of each.
            var states: [[UInt64]] = []
            var hashes: [Int] = []
            var accepting: [Bool] = []
            /// `transitions[state * classCount + class]`: the next state, -1, or `unknown`.
            var transitions: [Int16] = []
            /// Set when a transition would pass `maximumStates`: every later match is left to `Regex`.
            var overflowed = false
        }

        init(program: [Instruction]) {
            self.program = program
            self.words = (program.count + 63) / 64
            let classes = LazyAutomaton.byteClasses(of: program)
            var classOf = [UInt8](repeating: 0, count: 95)
            for (index, mask) in classes.enumerated() {
                for byte in UInt8(0x20)...UInt8(0x7E) where FastPattern.contains(mask.low, mask.high, byte) { classOf[Int(byte - 0x20)] = UInt8(index) }
            }
            self.classOf = classOf
            self.representatives = classes.map { UInt8($0.low != 0 ? $0.low.trailingZeroBitCount : 64 + $0.high.trailingZeroBitCount) }
            var tables = Tables(closures: Array(repeating: nil, count: program.count))
            let start = LazyAutomaton.closure(of: 0, program: program, words: words, tables: &tables)
            _ = LazyAutomaton.state(start, program: program, classCount: classes.count, tables: &tables)
            self.grown = Mutex(tables)
        }

        func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
            // The printable check first, so a text the automaton cannot judge grows nothing.
            for byte in bytes where byte < 0x20 || byte > 0x7E { return nil }
            return grown.withLock { tables -> Bool? in
                guard !tables.overflowed else { return nil }
                let classCount = representatives.count
                var state = 0
                for byte in bytes {
                    let slot = state &* classCount &+ Int(classOf[Int(byte &- 0x20)])
                    var next = tables.transitions[slot]
                    if next == LazyAutomaton.unknown {
                        guard let made = transition(from: state, class: Int(classOf[Int(byte &- 0x20)]), tables: &tables) else {
                            tables.overflowed = true
                            return nil
                        }
                        next = made
                        tables.transitions[slot] = next
                    }
                    if next < 0 { return false }
                    state = Int(next)
                }
                return tables.accepting[state]
            }
        }

        /// The state reached from `state` on the bytes of class `byteClass`, -1 for none, or nil past
        /// `maximumStates`.
        private func transition(from state: Int, class byteClass: Int, tables: inout Tables) -> Int16? {
            let byte = representatives[byteClass]
            var next = [UInt64](repeating: 0, count: words)
            var reached = false
            for pc in LazyAutomaton.members(tables.states[state]) {
                guard case .byte(let low, let high) = program[pc], FastPattern.contains(low, high, byte) else { continue }
                let targets = LazyAutomaton.closure(of: pc + 1, program: program, words: words, tables: &tables)
                for word in 0..<words { next[word] |= targets[word] }
                reached = true
            }
            guard reached else { return -1 }
            guard let id = LazyAutomaton.state(next, program: program, classCount: representatives.count, tables: &tables) else { return nil }
            return Int16(id)
        }

        /// The id of the state `set`, added (with no transitions made) if new; nil past `maximumStates`.
        private static func state(_ set: [UInt64], program: [Instruction], classCount: Int, tables: inout Tables) -> Int? {
            var hash = 0
            for word in set { hash = (hash &* 31) ^ Int(truncatingIfNeeded: word ^ (word >> 29)) }
            for (id, candidate) in tables.hashes.enumerated() where candidate == hash && tables.states[id] == set { return id }
            guard tables.states.count < maximumStates else { return nil }
            tables.states.append(set)
            tables.hashes.append(hash)
            tables.accepting.append(members(set).contains { if case .match = program[$0] { true } else { false } })
            tables.transitions.append(contentsOf: repeatElement(unknown, count: classCount))
            return tables.states.count - 1
        }

        /// The printable bytes split into the classes that every byte instruction treats alike.
        private static func byteClasses(of program: [Instruction]) -> [(low: UInt64, high: UInt64)] {
            var classes: [(low: UInt64, high: UInt64)] = [(0xFFFF_FFFF_0000_0000, 0x7FFF_FFFF_FFFF_FFFF)]  // 0x20…0x7E
            // Repetitions copy the same set many times (`{1,35}`): each distinct set refines once.
            var seen: [(low: UInt64, high: UInt64)] = []
            for instruction in program {
                guard case .byte(let low, let high) = instruction, !seen.contains(where: { $0 == (low, high) }) else { continue }
                seen.append((low, high))
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
        private static func closure(of pc: Int, program: [Instruction], words: Int, tables: inout Tables) -> [UInt64] {
            if let known = tables.closures[pc] { return known }
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
            tables.closures[pc] = result
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
