// `import Folio` gives programs the document model too: they build documents in code and read the
// computed figures without a second import.
@_exported import DocumentModel
