import CairoOutput
import Folio
import PDFOutput
import PageFrames
import TextShaping
import Typesetting

/// The typography specimen through the façade: the sample `render samples` writes beside the
/// documents, and what the visual regression tests compare.
extension FolioRenderer {
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
