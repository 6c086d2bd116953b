import DocumentModel
import PDFOutput
import PageFrames

extension Folio {
    /// What a document's PDF carries besides its pages: the standard chosen in `options`
    /// (PDF/A-3b by default) and the files to embed — the one place that decides them for every
    /// PDF the façade writes.
    static func archival(_ decoded: DecodedDocument, metadata: DocumentMetadata, options: RenderOptions) -> ArchivalOptions {
        ArchivalOptions(standard: options.pdfStandard, tagged: options.taggedPDF)
    }
}
