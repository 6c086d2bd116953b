import CairoOutput
import PDFOutput
import DocumentModel

extension FolioError {
    /// A failure of the PDF or PNG writer. The only images on a page are the document's logo, which
    /// layout checks by its header alone; pixels that then cannot be decoded (a truncated or corrupt
    /// file) are the document's fault and are reported at `$.theme.logo`, naming the file. Anything
    /// else is an output failure.
    static func writing(_ error: any Error, document: Document) -> FolioError {
        let decoding: (operation: String, reason: String)? =
            if let cairo = error as? CairoError { (cairo.operation, cairo.reason) }
            else if let pdf = error as? PDFOutputError { (pdf.operation, pdf.reason) }
            else { nil }
        if let decoding, decoding.operation.hasPrefix("decoding a"), let logo = document.theme?.logo {
            return FolioError(kind: .invalidDocument, issues: [(
                "$.theme.logo", "\"\(logo)\" is truncated or corrupt: \(decoding.operation) failed (\(decoding.reason))")])
        }
        return FolioError(kind: .output, issues: [("", "\(error)")])
    }
}

extension Document {
    /// The theme of any kind of document.
    var theme: Theme? {
        switch self {
        case .invoice(let invoice): invoice.theme
        case .cbp7501(let entry): entry.theme
        case .cbsaB3(let declaration): declaration.theme
        }
    }
}
