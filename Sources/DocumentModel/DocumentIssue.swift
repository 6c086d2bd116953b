/// One problem found in a document: where (a JSON path) and why.
///
/// ```swift
/// let issue = DocumentIssue(path: "$.totals.amountDue", reason: "document says 1234.56, computed 1234.57")
/// print(issue) // $.totals.amountDue: document says 1234.56, computed 1234.57
/// ```
public struct DocumentIssue: Sendable, Hashable, CustomStringConvertible {
    /// JSON path of the offending value, e.g. `$.shipments[3].charges[0].publishedAmount`; for a
    /// missing property, the path the property would have; `$` for the whole input.
    public let path: String
    /// What is wrong, in one line.
    public let reason: String

    /// Creates an issue.
    ///
    /// ```swift
    /// DocumentIssue(path: "$.kind", reason: "required property \"kind\" is missing")
    /// ```
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `path: reason`.
    public var description: String { "\(path): \(reason)" }
}
