import DocumentModel
import Foundation

/// The invoices of the spec examples (the repository's copies) and of the samples.
enum TestInvoices {
    struct Entry: Sendable, CustomStringConvertible {
        let name: String
        let invoice: Invoice
        let totals: ComputedInvoice
        var description: String { name }
    }

    static let all: [Entry] = {
        let root = FacturXValidator.repositoryRoot
        var files: [(String, URL)] = []
        let examples = root.appendingPathComponent("Tests/DocumentModelTests/Fixtures/examples")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: examples.path))?.sorted() ?? [] where name.hasSuffix(".json") {
            files.append(("example " + name, examples.appendingPathComponent(name)))
        }
        let samples = root.appendingPathComponent("Samples")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: samples.path))?.sorted() ?? [] {
            let input = samples.appendingPathComponent(name).appendingPathComponent("input.json")
            if FileManager.default.fileExists(atPath: input.path) { files.append(("sample " + name, input)) }
        }
        return files.compactMap { name, url in
            guard let data = try? Data(contentsOf: url), let decoded = try? DocumentDecoder().decode(data),
                  case .invoice(let invoice) = decoded.document, let totals = decoded.invoiceTotals else { return nil }
            return Entry(name: name, invoice: invoice, totals: totals)
        }
    }()

    static func named(_ name: String) -> Entry? { all.first { $0.name == name } }
}
