import CairoOutput
import PDFOutput
import PageFrames
import TextShaping
import Typesetting

/// The public façade of Folio.
///
/// ```swift
/// import Folio
/// let result = try Folio.renderPDF(json: invoiceJSON)
/// print(result.pageCount, result.warnings)
/// ```
public enum Folio {
    /// The library's version, printed by `render --version`.
    public static let version = "0.1.0"

    /// Writes `pages` to a PDF in memory, PDF/A-3b unless `archival` says otherwise.
    ///
    /// ```swift
    /// let pdf = try Folio.renderPDF(pages: pages, metadata: metadata, registry: registry, archival: .none)
    /// ```
    public static func renderPDF(
        pages: [Page], metadata: DocumentMetadata, registry: FontRegistry, archival: ArchivalOptions = .pdfA3b
    ) throws(PDFOutputError) -> [UInt8] {
        let writer = try PDFWriter(registry: registry, metadata: metadata, archival: archival)
        for page in pages { try writer.add(page) }
        return try writer.finish()
    }
}
