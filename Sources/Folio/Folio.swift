import CairoOutput
import PDFOutput
import PageFrames
import TextShaping
import Typesetting

/// The public façade of Folio.
///
/// ```swift
/// import Folio
/// let result = try Folio.renderSpecimenPDF()
/// print(result.pageCount)   // 1
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

    /// The typography specimen as a PDF.
    public static func renderSpecimenPDF(
        typesetter: Typesetter? = nil, metadata: DocumentMetadata? = nil, pdfStandard: PDFStandard = .pdfA3b
    ) throws -> RenderResult {
        let typesetter = try typesetter ?? Typesetter.bundled()
        let (page, missing) = Specimen.page(typesetter: typesetter)
        let pdf = try renderPDF(
            pages: [page], metadata: metadata ?? Specimen.metadata, registry: typesetter.registry,
            archival: ArchivalOptions(standard: pdfStandard))
        return RenderResult(pdf: pdf, pageCount: 1, warnings: missing.map { RenderWarning(missing: $0, location: "specimen") })
    }

    /// The typography specimen's page as PNG.
    public static func renderSpecimenPNG(dpi: Double, typesetter: Typesetter? = nil) throws -> [UInt8] {
        let typesetter = try typesetter ?? Typesetter.bundled()
        return try PNGRenderer(registry: typesetter.registry, dpi: dpi).render(Specimen.page(typesetter: typesetter).page)
    }
}

extension Specimen {
    static let metadata = DocumentMetadata(
        title: "Folio typography specimen", author: "Folio", subject: "Shaping, bidi, line breaking and figures",
        keywords: ["specimen", "typography"], language: "fr-FR")
}
