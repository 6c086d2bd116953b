import BillingCenter
import Folio
import Foundation

/// Renders a stored document with Folio for `download` (S-7): the same strict decoding and
/// templates as `render FILE`, so a download is byte-identical to rendering the stored JSON.
struct FolioDocumentRenderer: DocumentRenderer {
    func renderPDF(storedDocument: Data) throws -> Data {
        Data(try FolioRenderer.renderPDF(json: storedDocument).pdf)
    }
}
