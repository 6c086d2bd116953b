import Foundation
import Testing
@testable import DocumentModel

/// Access to the files under `Fixtures/` (copied as a test resource).
enum Fixture {
    static func url(_ path: String) -> URL {
        let base = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
        return base.appendingPathComponent(path)
    }

    static func data(_ path: String) throws -> Data { try Data(contentsOf: url(path)) }

    static func example(_ name: String) throws -> Data { try data("examples/\(name).json") }

    static let exampleNames = ["cbp-7501", "cbsa-b3", "credit-note-fr", "invoice-delivery-fr", "invoice-delivery-us", "invoice-import-brokerage-fr"]
}

/// Decodes and returns the issues, or an empty list when the document is accepted.
func issues(of json: String, limits: DocumentLimits = .default) -> [DocumentIssue] {
    issues(of: Data(json.utf8), limits: limits)
}

func issues(of data: Data, limits: DocumentLimits = .default) -> [DocumentIssue] {
    do {
        _ = try DocumentDecoder(limits: limits).decode(data)
        return []
    } catch {
        return error.issues
    }
}

/// A JSON object tree as Foundation values, to mutate examples in tests.
func jsonObject(_ data: Data) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: data) as! [String: Any]
}

func jsonData(_ object: Any) throws -> Data {
    try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
}
