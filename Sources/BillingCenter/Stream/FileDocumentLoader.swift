import DocumentModel
import Foundation

/// Checks that stored bytes are a Folio document.
public protocol DocumentValidating: Sendable {
    /// Throws a message naming the JSON path of the problem.
    func validate(_ bytes: Data) throws(BillingError)
}

/// The render schema's own strict decoder (S-7): what `render` would accept, with every total
/// checked; the first issue's JSON path and reason become the `invalid_document` message.
public struct FolioDocumentValidator: DocumentValidating {
    public init() {}
    public func validate(_ bytes: Data) throws(BillingError) {
        do { _ = try DocumentDecoder().decode(bytes) } catch {
            let first = error.issues.first.map { "\($0.path): \($0.reason)" } ?? "not a Folio document"
            let more = error.issues.count > 1 ? " (and \(error.issues.count - 1) more)" : ""
            throw BillingError(.invalidDocument, first + more)
        }
    }
}

/// Only a strict JSON object with a string `kind`: for tests of the rules that register stand-in
/// documents, never for real stores.
public struct JSONObjectDocumentValidator: DocumentValidating {
    public init() {}
    public func validate(_ bytes: Data) throws(BillingError) {
        var data = [UInt8](bytes)
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data.removeFirst(3) }
        let value: JSONValue
        do { value = try JSONParser.parse(data) } catch {
            throw BillingError(.invalidDocument, "$: \(error.message.replacingOccurrences(of: "line", with: "document"))")
        }
        guard case .object = value else { throw BillingError(.invalidDocument, "$: a document is a JSON object") }
        guard value["kind"]?.stringValue != nil else { throw BillingError(.invalidDocument, "$.kind: missing or not a string") }
    }
}

/// Reads `document` files relative to a working directory (S-1, S-7).
public struct FileDocumentLoader: DocumentLoading {
    public let workingDirectory: URL
    public let validator: any DocumentValidating

    public init(workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                validator: any DocumentValidating = FolioDocumentValidator()) {
        self.workingDirectory = workingDirectory
        self.validator = validator
    }

    public func load(path: String) throws(BillingError) -> Data {
        let url = workingDirectory.resolving(path)
        let bytes: Data
        do { bytes = try Data(contentsOf: url) } catch {
            throw BillingError(.invalidDocument, "cannot read document \(path)")
        }
        try validator.validate(bytes)
        return bytes
    }
}

extension URL {
    /// `path` as given when absolute, else under this directory (S-1), whether or not this URL
    /// ends with a slash.
    func resolving(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : appendingPathComponent(path)
    }
}
