extension FolioRenderer {
    /// Checks a document built in code as decoding checks JSON (same JSON paths and reasons), within
    /// `limits`, and computes its figures; the model is read directly, no JSON is written.
    static func validate(_ document: Document, limits: DocumentLimits) throws(FolioError) -> DecodedDocument {
        do {
            return try DocumentDecoder(limits: limits).validate(document)
        } catch {
            throw FolioError(invalidDocument: error)
        }
    }
}

extension FolioError {
    /// The façade's error for a document that decoding or validation refused: one issue per path,
    /// and one line at `$` counting the issues beyond the limit.
    init(invalidDocument error: DocumentDecodingError) {
        var issues = error.issues.map { (path: $0.path, reason: $0.reason) }
        if error.omittedIssueCount > 0 { issues.append(("$", "\(error.omittedIssueCount) more issue(s) not listed")) }
        self.init(kind: .invalidDocument, issues: issues)
    }
}
