import Foundation

/// State shared by one decoding run: the parsed tree, the issues and warnings found so far
/// (with their byte offsets, so they can be sorted into document order) and the document currency.
///
/// A class because every reader of the run appends to the same lists; it never leaves the run's task.
final class DecodingSession {
    let limits: DocumentLimits
    let root: JSONNode?
    /// Currency of the document's amounts (`currency` at top level), once known and valid.
    var documentCurrency: Currency?
    /// The input of a streaming decode while it runs: its source, its bytes (valid only during the
    /// decode) and the byte ranges of the `shipments` elements, which the tree holds empty.
    var streamedInput: StreamedInput?

    struct StreamedInput {
        let source: DocumentSource
        let bytes: UnsafeBufferPointer<UInt8>
        let shipmentRanges: [Range<Int>]
        /// Shipments taking at most this many bytes of input are kept decoded instead.
        let keepWholeUpTo: Int
        /// Whether the parse only delimited the elements (`parse(_:limits:streaming:skippingElements:)`):
        /// their one check is then the parse of each that decoding makes.
        var elementsUnchecked = false
        /// Set once every element was parsed again without a problem, by the shipments' decoder.
        var elementsChecked = false
    }
    private var issues: [(offset: Int, sequence: Int, issue: DocumentIssue)] = []
    private var warningEntries: [(offset: Int, sequence: Int, warning: ValidationWarning)] = []
    private var sequence = 0

    init(limits: DocumentLimits, root: JSONNode?) {
        self.limits = limits
        self.root = root
    }

    var hasIssues: Bool { !issues.isEmpty }
    var issueCount: Int { issues.count }

    /// Records an issue at a path, located for ordering at `offset`.
    func report(_ path: [PathComponent], offset: Int, _ reason: String) {
        sequence += 1
        issues.append((offset, sequence, DocumentIssue(path: renderPath(path), reason: reason)))
    }

    /// Records an issue at the path of a value being decoded.
    func report(_ path: FieldPath, offset: Int, _ reason: String) {
        report(path.components, offset: offset, reason)
    }

    /// Records an issue at a path, locating it by walking the tree (for rules checked after decoding).
    func report(at path: [PathComponent], _ reason: String) {
        report(path, offset: offset(of: path), reason)
    }

    /// Records a warning at a path.
    func warn(at path: [PathComponent], _ message: String) {
        sequence += 1
        warningEntries.append((offset(of: path), sequence, ValidationWarning(path: renderPath(path), message: message)))
    }

    /// Byte offset of the node at `path`; for a missing node, the end of its nearest existing ancestor.
    func offset(of path: [PathComponent]) -> Int {
        guard var node = root else { return 0 }
        for (depth, component) in path.enumerated() {
            // A streamed shipment is parsed again from the input to find the node inside it.
            if depth == 1, case .index(let i) = component, case .key("shipments") = path[0], let input = streamedInput {
                guard i < input.shipmentRanges.count,
                    let element = StrictJSONParser.parseElement(input.shipmentRanges[i], in: input.bytes, path: Array(path[..<2]), limits: limits).node
                else { return node.endOffset }
                node = element
                continue
            }
            var next: JSONNode?
            switch (component, node.value) {
            case (.key(let key), .object): next = node.member(key)
            case (.index(let i), .array(let items)) where i < items.count: next = items[i]
            default: next = nil
            }
            guard let found = next else { return node.endOffset }
            node = found
        }
        return node.offset
    }

    /// The error to throw: issues in document order, capped at `limits.maxIssues`.
    func error() -> DocumentDecodingError {
        let sorted = issues.sorted { ($0.offset, $0.sequence) < ($1.offset, $1.sequence) }.map(\.issue)
        let cap = max(1, limits.maxIssues)
        return DocumentDecodingError(issues: Array(sorted.prefix(cap)), omittedIssueCount: max(0, sorted.count - cap))
    }

    /// Whether `text` matches `pattern` as a whole (patterns are the schema's, anchors implied).
    func matches(_ text: String, _ pattern: String) -> Bool {
        let compiled = CompiledPatterns.shared.pattern(pattern)
        if let fast = compiled.fast, let answer = fast.matches(text) { return answer }
        return (try? CompiledPatterns.shared.regex(compiled).wholeMatch(in: text)) != nil
    }

    /// Warnings in document order.
    var warnings: [ValidationWarning] {
        warningEntries.sorted { ($0.offset, $0.sequence) < ($1.offset, $1.sequence) }.map(\.warning)
    }
}

/// The schema's patterns compiled once per process: compiling a `Regex` costs far more than matching
/// with it, and the same few dozen patterns serve every document.
///
/// `@unchecked Sendable`: every stored property is read and written under `lock` (a `Regex` is not
/// `Sendable`, so a `Mutex` cannot hold the table).
final class CompiledPatterns: @unchecked Sendable {
    static let shared = CompiledPatterns()
    private let lock = NSLock()
    /// One pattern as a `FastPattern` when it is simple enough (see there), and as a `Regex`, compiled
    /// when first needed if the fast form exists (a pattern `FastPattern` accepts is a valid `Regex`).
    /// `@unchecked Sendable`: `regex` is written once under the `CompiledPatterns` lock, the rest is immutable.
    final class Entry: @unchecked Sendable {
        let source: String
        let fast: FastPattern?
        /// Guarded by the `CompiledPatterns` lock.
        fileprivate var regex: Regex<AnyRegexOutput>?
        init(source: String, regex: Regex<AnyRegexOutput>?, fast: FastPattern?) { self.source = source; self.regex = regex; self.fast = fast }
    }

    /// The `Regex` of `entry`, compiled on first use.
    func regex(_ entry: Entry) -> Regex<AnyRegexOutput> {
        lock.lock()
        defer { lock.unlock() }
        if let regex = entry.regex { return regex }
        guard let regex = try? Regex(entry.source) else { preconditionFailure("bad pattern \(entry.source)") }
        entry.regex = regex
        return regex
    }
    private var compiled: [String: Entry] = [:]
    /// Recently used patterns, found by the String's representation (a literal's is always the same) before
    /// hashing its text. Each slot keeps its String alive, so equal bits always mean the same live text.
    private var recent: [(pattern: String, entry: Entry)?] = Array(repeating: nil, count: 64)

    private static func bits(_ text: String) -> (UInt64, UInt64) { unsafeBitCast(text, to: (UInt64, UInt64).self) }

    /// The compiled forms of `pattern`, compiled on first use.
    func pattern(_ pattern: String) -> Entry {
        let bits = CompiledPatterns.bits(pattern)
        let slot = Int(truncatingIfNeeded: (bits.0 ^ (bits.1 &* 0x9E37_79B9_7F4A_7C15)) >> 58)
        lock.lock()
        defer { lock.unlock() }
        if let cached = recent[slot], CompiledPatterns.bits(cached.pattern) == bits { return cached.entry }
        if let entry = compiled[pattern] {
            recent[slot] = (pattern, entry)
            return entry
        }
        let fast = FastPattern(pattern)
        var regex: Regex<AnyRegexOutput>?
        if fast == nil {
            guard let compiled = try? Regex(pattern) else { preconditionFailure("bad pattern \(pattern)") }
            regex = compiled
        }
        let entry = Entry(source: pattern, regex: regex, fast: fast)
        compiled[pattern] = entry
        recent[slot] = (pattern, entry)
        return entry
    }
}
