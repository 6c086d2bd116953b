import DocumentModel
import EInvoice
import PDFOutput
import PageFrames

extension FolioRenderer {
    /// What a document's PDF carries besides its pages: the standard chosen in `options`
    /// (PDF/A-3b by default) and the files to embed — the one place that decides them for every
    /// PDF the façade writes. An e-invoice is `factur-x.xml`, related as `/Alternative` (profile
    /// EN 16931), dated with the document's date so the bytes stay reproducible, and described by
    /// the Factur-X XMP schema.
    static func archival(_ decoded: DecodedDocument, metadata: DocumentMetadata, options: RenderOptions, eInvoice: PDFAttachment.Content? = nil) -> ArchivalOptions {
        guard let eInvoice else { return ArchivalOptions(standard: options.pdfStandard, tagged: options.taggedPDF) }
        let attachment = PDFAttachment(
            fileName: FacturX.fileName, description: "Factur-X/ZUGFeRD invoice (EN 16931)", mimeType: "text/xml",
            relationship: .alternative, modificationDate: metadata.date, content: eInvoice)
        return ArchivalOptions(standard: options.pdfStandard, attachments: [attachment], facturX: .en16931, tagged: options.taggedPDF)
    }
}
