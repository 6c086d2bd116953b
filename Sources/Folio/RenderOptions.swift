import DocumentModel
import Foundation
import PDFOutput
import Templates
import TextShaping
import Typesetting

/// How to render: fonts, options passed to the templates, and the limits that keep one hostile
/// document from exhausting memory or time.
///
/// | limit | default |
/// |---|---|
/// | `documentLimits` | `DocumentLimits.default` (input size, depth, string and array lengths) |
/// | `maximumPages` | 10,000 pages per document |
/// | `timeBudget` | none (the `render` CLI sets 300 s per document) |
///
/// PDFs are PDF/A-3b unless ``pdfStandard`` is `.none`.
///
/// ```swift
/// var options = RenderOptions(baseDirectory: "/srv/invoices")
/// options.maximumPages = 500
/// options.timeBudget = .seconds(20)
/// options.pdfStandard = .none   // a plain PDF, no XMP or output intent
/// options.taggedPDF = false      // no structure tree (smallest file)
/// let result = try FolioRenderer.renderPDF(json: data, options: options)
/// ```
public struct RenderOptions: Sendable {
    public var templates: TemplateOptions
    /// Extra font files registered besides the bundled ones.
    public var extraFontFiles: [String]
    /// A folder of extra fonts (`render --fonts DIR`).
    public var extraFontDirectory: String?
    /// Limits applied while decoding JSON (``FolioRenderer/renderPDF(json:options:)-9a16p``).
    public var documentLimits: DocumentLimits
    /// Most pages one document may produce; layout stops with an error naming the limit at the
    /// first page beyond it, before the page is written.
    public var maximumPages: Int
    /// Longest one render may take, from the start of layout; checked at every page laid out.
    /// nil means no limit.
    public var timeBudget: Duration?
    /// Lets another thread stop a render between pages (batch interruption).
    public var cancellation: RenderCancellation?
    /// The archival standard of PDF output: PDF/A-3b (the default) or `.none` for a plain PDF
    /// (`render --pdf-standard none|pdf-a-3b`).
    public var pdfStandard: PDFStandard
    /// The e-invoice embedded in an invoice's PDF: by default (`.automatic`) Factur-X for invoices
    /// and credit notes whose seller is in the EU (`render --e-invoice none|factur-x`).
    public var eInvoice: EInvoiceChoice = .automatic
    /// Tagged PDF (PDF/UA-1): a structure tree a screen reader follows, from the templates' roles
    /// (`render --tagged-pdf on|off`). On by default; off gives the smallest file.
    public var taggedPDF: Bool

    /// The default for ``maximumPages``: ten times the longest invoice the schema allows on A4.
    public static let defaultMaximumPages = 10_000

    public init(
        baseDirectory: String? = nil, templates: TemplateOptions? = nil, extraFontFiles: [String] = [], extraFontDirectory: String? = nil,
        documentLimits: DocumentLimits = .default, maximumPages: Int = RenderOptions.defaultMaximumPages, timeBudget: Duration? = nil,
        cancellation: RenderCancellation? = nil, pdfStandard: PDFStandard = .pdfA3b, eInvoice: EInvoiceChoice = .automatic, taggedPDF: Bool = true
    ) {
        self.taggedPDF = taggedPDF
        var templateOptions = templates ?? TemplateOptions()
        if let baseDirectory { templateOptions.baseDirectory = baseDirectory }
        self.templates = templateOptions
        self.extraFontFiles = extraFontFiles
        self.extraFontDirectory = extraFontDirectory
        self.documentLimits = documentLimits
        self.maximumPages = maximumPages
        self.timeBudget = timeBudget
        self.cancellation = cancellation
        self.pdfStandard = pdfStandard
        self.eInvoice = eInvoice
    }

    func typesetter() throws(FolioError) -> Typesetter {
        do {
            if extraFontFiles.isEmpty && extraFontDirectory == nil { return try Typesetter.bundled() }
            for file in extraFontFiles + (extraFontDirectory.map(FontFileCheck.fontFiles(in:)) ?? []) where FileManager.default.fileExists(atPath: file) {
                try FontFileCheck.check(file)
            }
            return Typesetter(registry: try FontRegistry.bundled(adding: extraFontFiles, extraDirectory: extraFontDirectory))
        } catch let error as FontFileCheck.Failure {
            throw FolioError(kind: .environment, issues: [("", error.description)])
        } catch let error as FontError {
            throw FolioError(kind: .environment, issues: [("", error.description)])
        } catch {
            throw FolioError(kind: .environment, issues: [("", "\(error)")])
        }
    }
}
