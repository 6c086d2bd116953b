import DocumentModel
import Typesetting

/// Chooses the template for a document and lays it out.
///
/// ```swift
/// let decoded = try DocumentDecoder().decode(data)
/// let layout = try DocumentTemplates.layout(decoded, typesetter: .bundled(), options: TemplateOptions(baseDirectory: folder))
/// let pages = try Paginator(typesetter: typesetter, template: layout.template).pages(layout.content)
/// ```
public enum DocumentTemplates {
    public static func layout(_ decoded: DecodedDocument, typesetter: Typesetter, options: TemplateOptions = TemplateOptions()) throws -> DocumentLayout {
        switch (decoded.document, decoded.computation) {
        case (.invoice(let invoice), .invoice(let totals)):
            return try InvoiceTemplate(invoice: invoice, totals: totals, typesetter: typesetter, options: options).layout()
        case (.cbp7501(let entry), .cbp7501(let computation)):
            return try CBP7501Template(entry: entry, computation: computation, typesetter: typesetter, options: options).layout()
        case (.cbsaB3(let declaration), .cbsaB3(let computation)):
            return try CBSAB3Template(declaration: declaration, computation: computation, typesetter: typesetter, options: options).layout()
        default:
            preconditionFailure("a decoded document always carries the computation of its own kind")
        }
    }
}
