import CairoOutput
import PDFOutput
import PageFrames
import TextShaping
import Typesetting

/// The public façade of Folio: its entry points are static functions of this namespace. It is not
/// called `Folio`, so `Folio.` always names the module (`Folio.Money`, `Folio.FolioRenderer`).
///
/// ```swift
/// import Folio
/// let result = try FolioRenderer.renderPDF(json: invoiceJSON)
/// print(result.pageCount, result.warnings)
/// ```
public enum FolioRenderer {
    /// The library's version, printed by `render --version`.
    public static let version = "0.1.0"

    /// Writes `pages` to a PDF in memory, PDF/A-3b unless `archival` says otherwise.
    ///
    /// ```swift
    /// let pdf = try FolioRenderer.renderPDF(pages: pages, metadata: metadata, registry: registry, archival: .none)
    /// ```
    public static func renderPDF(
        pages: [Page], metadata: DocumentMetadata, registry: FontRegistry, archival: ArchivalOptions = .pdfA3b
    ) throws(PDFOutputError) -> [UInt8] {
        let writer = try PDFWriter(registry: registry, metadata: metadata, archival: archival)
        for page in pages { try writer.add(page) }
        return try writer.finish()
    }
}
