/// Resource limits applied while reading a document, so that a hostile or broken input fails fast
/// with a clear error instead of exhausting memory or the stack.
///
/// The defaults fit the largest documents the schema allows (50 000 shipments) with room to spare:
///
/// | limit | default |
/// |---|---|
/// | `maxInputBytes` | 64 MiB |
/// | `maxDepth` | 64 nested arrays/objects (the schema's contract) |
/// | `maxStringLength` | 100 000 Unicode scalars per string |
/// | `maxArrayLength` | 100 000 elements per array |
/// | `maxObjectMembers` | 1 000 members per object |
/// | `maxIssues` | 100 reported issues (one more line says how many were left out) |
///
/// ```swift
/// let strict = DocumentDecoder(limits: DocumentLimits(maxInputBytes: 1 << 20))
/// ```
public struct DocumentLimits: Sendable, Hashable {
    /// Largest accepted input in bytes (BOM included).
    public var maxInputBytes: Int
    /// Deepest accepted nesting of arrays and objects; the top-level object is depth 1.
    public var maxDepth: Int
    /// Longest accepted string (key or value), in Unicode scalars.
    public var maxStringLength: Int
    /// Most elements accepted in one array.
    public var maxArrayLength: Int
    /// Most members accepted in one object.
    public var maxObjectMembers: Int
    /// Most issues reported; decoding continues to the end but further issues are only counted.
    public var maxIssues: Int

    /// Creates limits; every parameter defaults to the value of ``default``.
    ///
    /// ```swift
    /// let limits = DocumentLimits(maxDepth: 16)
    /// ```
    public init(
        maxInputBytes: Int = 64 * 1024 * 1024,
        maxDepth: Int = 64,
        maxStringLength: Int = 100_000,
        maxArrayLength: Int = 100_000,
        maxObjectMembers: Int = 1_000,
        maxIssues: Int = 100
    ) {
        self.maxInputBytes = maxInputBytes
        self.maxDepth = maxDepth
        self.maxStringLength = maxStringLength
        self.maxArrayLength = maxArrayLength
        self.maxObjectMembers = maxObjectMembers
        self.maxIssues = maxIssues
    }

    /// The limits used when none are given: `DocumentDecoder()` uses these.
    public static let `default` = DocumentLimits()
}
