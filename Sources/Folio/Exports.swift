// `import Folio` gives programs the document model too: they build documents in code and read the
// computed figures without a second import.
@_exported import DocumentModel

// The archival types of PDF output, so `import Folio` is enough to set `RenderOptions.pdfStandard`
// or pass attachments.
@_exported import struct PDFOutput.ArchivalOptions
@_exported import enum PDFOutput.PDFStandard
@_exported import struct PDFOutput.PDFAttachment
@_exported import struct PDFOutput.FacturXMetadata

// The e-invoice builder and its error, for programs that want the XML without a PDF.
@_exported import enum EInvoice.FacturX
@_exported import struct EInvoice.EInvoiceError

// What `RenderOptions.templates` holds (logo folders, French captions on the CBP 7501, a fallback
// creation date): a caller names it with `import Folio` alone.
@_exported import struct Templates.TemplateOptions
