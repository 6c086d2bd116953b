/// Something worth telling the author that does not make the document invalid
/// (e.g. French transport payment terms beyond 30 days, a credit note with a positive total).
///
/// ```swift
/// let decoded = try DocumentDecoder().decode(data)
/// for warning in decoded.warnings { print(warning) } // "$.dueDate: …"
/// ```
public struct ValidationWarning: Sendable, Hashable, CustomStringConvertible {
    /// JSON path the warning is about.
    public let path: String
    /// The warning text, one line.
    public let message: String

    /// Creates a warning.
    ///
    /// ```swift
    /// ValidationWarning(path: "$.dueDate", message: "payment term of 45 days exceeds 30 days")
    /// ```
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`.
    public var description: String { "\(path): \(message)" }
}
