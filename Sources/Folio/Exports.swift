// `import Folio` gives programs the document model too: they build documents in code and read the
// computed figures without a second import.
@_exported import DocumentModel

// The archival types of PDF output, so `import Folio` is enough to set `RenderOptions.pdfStandard`
// or pass attachments.
@_exported import struct PDFOutput.ArchivalOptions
@_exported import enum PDFOutput.PDFStandard
@_exported import struct PDFOutput.PDFAttachment
@_exported import struct PDFOutput.FacturXMetadata
