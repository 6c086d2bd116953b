/// The error thrown when a document cannot be accepted: every issue found, in document order.
///
/// ```swift
/// do {
///     _ = try DocumentDecoder().decode(data)
/// } catch {
///     for issue in error.issues { print(issue.path, issue.reason) }
///     print(error) // one "path: reason" per line
/// }
/// ```
public struct DocumentDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The issues, in document order (byte offset of the offending value), at most `DocumentLimits.maxIssues`.
    public let issues: [DocumentIssue]
    /// How many further issues were found but not listed because of `DocumentLimits.maxIssues`.
    public let omittedIssueCount: Int

    /// Creates an error from issues.
    ///
    /// ```swift
    /// let error = DocumentDecodingError(issues: [DocumentIssue(path: "$", reason: "empty input")])
    /// ```
    public init(issues: [DocumentIssue], omittedIssueCount: Int = 0) {
        self.issues = issues
        self.omittedIssueCount = omittedIssueCount
    }

    /// One issue per line, `path: reason`, followed by a count of omitted issues if any.
    public var description: String {
        var lines = issues.map(\.description)
        if omittedIssueCount > 0 { lines.append("$: \(omittedIssueCount) more issue(s) not listed") }
        return lines.joined(separator: "\n")
    }
}
