import CairoOutput
import PDFOutput
import DocumentModel
import Foundation
import PageFrames
import Templates
import TextShaping
import Typesetting

/// Why a document could not be rendered. `path` is the JSON path of the offending field when the
/// document is at fault (exit status 1 in the CLI); output failures carry no path.
public struct FolioError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The document is invalid: decoding, validation or a value that cannot be laid out.
        case invalidDocument
        /// Writing the output failed (disk, permissions, the PDF or PNG writer).
        case output
        /// Fonts, labels or another part of the installation are missing.
        case environment
        /// The render was cancelled through ``RenderOptions/cancellation`` before it finished.
        case interrupted
    }

    public var kind: Kind
    /// One `path: reason` per problem, in document order.
    public var issues: [(path: String, reason: String)]

    public init(kind: Kind, issues: [(path: String, reason: String)]) {
        self.kind = kind
        self.issues = issues
    }

    public var description: String {
        issues.map { $0.path.isEmpty ? $0.reason : "\($0.path): \($0.reason)" }.joined(separator: "\n")
    }
}

extension FolioError: LocalizedError {
    /// Every issue as `path: reason`, one per line — what `localizedDescription` shows.
    ///
    /// ```swift
    /// do { _ = try FolioRenderer.renderPDF(json: data) } catch { print(error.localizedDescription) }
    /// // "$.shipments[3].charges[0].publishedAmount: expected a decimal string such as \"12.34\", …"
    /// ```
    public var errorDescription: String? { description }
}

extension FolioRenderer {
    /// Decodes a JSON document strictly and renders it.
    ///
    /// ```swift
    /// let data = try Data(contentsOf: URL(fileURLWithPath: "invoice.json"))
    /// let result = try FolioRenderer.renderPDF(json: data, options: RenderOptions(baseDirectory: "."))
    /// try Data(result.pdf).write(to: URL(fileURLWithPath: "invoice.pdf"))
    /// ```
    ///
    /// The shipments of an invoice are decoded, checked and summed one at a time and read again from
    /// `json` for layout, so memory beyond `json` itself does not grow with their number.
    public static func renderPDF(json: Data, options: RenderOptions = RenderOptions()) throws(FolioError) -> RenderResult {
        try renderPDF(decodeStreaming(DocumentSource(data: json), limits: options.documentLimits), options: options)
    }

    /// Renders a document built in code (its totals are computed and checked like decoded ones).
    public static func renderPDF(_ document: Document, options: RenderOptions = RenderOptions()) throws(FolioError) -> RenderResult {
        try renderPDF(validate(document, limits: options.documentLimits), options: options)
    }

    /// Renders an already decoded document to PDF bytes in memory.
    public static func renderPDF(_ decoded: DecodedDocument, options: RenderOptions = RenderOptions()) throws(FolioError) -> RenderResult {
        let eInvoice = try eInvoiceContent(decoded, choice: options.eInvoice, pdfStandard: options.pdfStandard, compressing: true)
        return try writePDF(decoded, options: options, eInvoice: eInvoice, fileDescriptor: nil)
    }

    /// Lays `decoded` out and writes its PDF into memory (`fileDescriptor` nil; the result holds the
    /// bytes) or streams it into `fileDescriptor` page by page (the result's `pdf` is empty).
    static func writePDF(
        _ decoded: DecodedDocument, options: RenderOptions, eInvoice: PDFAttachment.Content?, fileDescriptor: Int32?, destination: String? = nil
    ) throws(FolioError) -> RenderResult {
        var pdf: [UInt8] = []
        let outcome = try render(decoded, options: options) { registry, metadata, pages throws(FolioError) in
            do {
                let archival = archival(decoded, metadata: metadata, options: options, eInvoice: eInvoice)
                let writer = if let fileDescriptor {
                    try PDFWriter(registry: registry, metadata: metadata, archival: archival, fileDescriptor: fileDescriptor)
                } else {
                    try PDFWriter(registry: registry, metadata: metadata, archival: archival)
                }
                // Written as they come: a long document's page-count footers are filled in at the end.
                let count = try pages({ page in try writer.add(page) }, { deferred, items in try writer.fillDeferred(deferred, with: items) })
                pdf = try writer.finish()
                return count
            } catch let error as FolioError {
                throw error
            } catch let error as PDFOutputError where error.operation == "writing the PDF" {
                // The file system refused the bytes (full disk, file-size limit): said as the atomic writer says it.
                guard let destination else { throw FolioError.writing(error, document: decoded.document) }
                throw FolioError(kind: .output, issues: [("", "cannot write \(destination): \(error.reason)")])
            } catch {
                throw FolioError.writing(error, document: decoded.document)
            }
        }
        return RenderResult(pdf: pdf, pageCount: outcome.pages, warnings: outcome.warnings, eInvoice: eInvoice)
    }

    /// Renders a decoded document to PNG pages at `dpi`.
    public static func renderPNG(_ decoded: DecodedDocument, dpi: Double, options: RenderOptions = RenderOptions()) throws(FolioError) -> RenderResult {
        var pngs: [[UInt8]] = []
        let outcome = try render(decoded, options: options) { registry, _, pages throws(FolioError) in
            let renderer = PNGRenderer(registry: registry, dpi: dpi)
            do {
                return try pages({ page in pngs.append(try renderer.render(page)) }, nil)
            } catch let error as FolioError {
                throw error
            } catch {
                throw FolioError.writing(error, document: decoded.document)
            }
        }
        return RenderResult(pdf: [], pageCount: outcome.pages, warnings: outcome.warnings, pngPages: pngs)
    }

    /// Renders a decoded document once and writes both the PDF and PNG pages at `dpi` (samples,
    /// visual regression tests).
    public static func renderPDFAndPNG(_ decoded: DecodedDocument, dpi: Double, options: RenderOptions = RenderOptions()) throws(FolioError) -> RenderResult {
        var pdf: [UInt8] = []
        var pngs: [[UInt8]] = []
        let eInvoice = try eInvoiceContent(decoded, choice: options.eInvoice, pdfStandard: options.pdfStandard, compressing: true)
        let outcome = try render(decoded, options: options) { registry, metadata, pages throws(FolioError) in
            do {
                let writer = try PDFWriter(registry: registry, metadata: metadata, archival: archival(decoded, metadata: metadata, options: options, eInvoice: eInvoice))
                let raster = PNGRenderer(registry: registry, dpi: dpi)
                // The raster needs whole pages: no deferred footers.
                let count = try pages({ page in
                    try writer.add(page)
                    pngs.append(try raster.render(page))
                }, nil)
                pdf = try writer.finish()
                return count
            } catch let error as FolioError {
                throw error
            } catch {
                throw FolioError.writing(error, document: decoded.document)
            }
        }
        return RenderResult(pdf: pdf, pageCount: outcome.pages, warnings: outcome.warnings, eInvoice: eInvoice, pngPages: pngs)
    }

    /// Strict decoding with JSON-path errors, within `limits` (input size, nesting depth, string and
    /// array lengths).
    ///
    /// ```swift
    /// let decoded = try FolioRenderer.decode(data, limits: DocumentLimits(maxInputBytes: 1 << 20))
    /// ```
    public static func decode(_ json: Data, limits: DocumentLimits = .default) throws(FolioError) -> DecodedDocument {
        do {
            return try DocumentDecoder(limits: limits).decode(json)
        } catch {
            throw FolioError(invalidDocument: error)
        }
    }

    /// Strict decoding like ``decode(_:limits:)``, keeping none of an invoice's shipments: they are
    /// read back from `source` when the layout asks for them.
    package static func decodeStreaming(
        _ source: DocumentSource, limits: DocumentLimits = .default, keepingShipmentsUpTo keepLimit: Int = 1 << 20
    ) throws(FolioError) -> DecodedDocument {
        do {
            return try DocumentDecoder(limits: limits).decode(streaming: source, keepingShipmentsUpTo: keepLimit)
        } catch {
            throw FolioError(invalidDocument: error)
        }
    }

    /// Feeds an output its pages, and (when the output takes it) deferred content once known:
    /// `(sink, deferredSink)`; see ``Paginator/paginate(_:into:deferred:)``.
    typealias PageFeed = (_ sink: (Page) throws -> Void, _ deferred: ((DeferredContent, [FrameItem]) throws -> Void)?) throws -> Int

    /// Lays the document out and streams its pages to `output`, collecting warnings.
    static func render(
        _ decoded: DecodedDocument, options: RenderOptions,
        output: (FontRegistry, DocumentMetadata, PageFeed) throws(FolioError) -> Int
    ) throws(FolioError) -> (pages: Int, warnings: [RenderWarning]) {
        let budget = RenderBudget(options)
        try budget.check(pageNumber: 0)
        let typesetter = try options.typesetter()
        let layout: DocumentLayout
        do {
            layout = try DocumentTemplates.layout(decoded, typesetter: typesetter, options: options.templates)
        } catch let error as TemplateError {
            throw FolioError(kind: .invalidDocument, issues: [(error.path, error.reason)])
        } catch {
            throw FolioError(kind: .environment, issues: [("", "\(error)")])
        }
        // Building the blocks of a 50,000-shipment invoice takes a while; check before paginating.
        try budget.check(pageNumber: 0)
        var warnings = decoded.warnings.map { RenderWarning(location: $0.path, message: $0.message) }
        warnings += layout.warnings.map { RenderWarning(location: $0.path, message: $0.message) }
        let paginator = Paginator(typesetter: typesetter, template: layout.template, checkpoint: budget.checkpoint)
        var pageNumber = 0
        let count = try output(typesetter.registry, layout.metadata) { sink, deferredSink in
            do {
                let deferred = deferredSink.map { deferredSink in
                    { (content: DeferredContent, items: [FrameItem]) throws in
                        // Keys are page * 2 (+ 1 for a footer): see Paginator.
                        warnings += Self.missingGlyphWarnings(on: items, number: content.key / 2, registry: typesetter.registry)
                        try deferredSink(content, items)
                    }
                }
                return try paginator.paginate(layout.content, into: { page in
                    pageNumber += 1
                    warnings += Self.missingGlyphWarnings(on: page.items, number: pageNumber, registry: typesetter.registry)
                    try sink(page)
                }, deferred: deferred)
            } catch let error as LayoutError {
                throw FolioError(kind: .invalidDocument, issues: [("$", error.description)])
            }
        }
        // A streamed shipment that read back differently: the pages are not the document that was checked.
        if decoded.inputChanged {
            throw FolioError(kind: .invalidDocument, issues: [("$.shipments", "the input changed while it was being rendered; nothing was written")])
        }
        return (count, warnings)
    }

    /// Glyph id 0 (.notdef) on a page means a character no font covers; name it and its text.
    static func missingGlyphWarnings(on items: [FrameItem], number: Int, registry: FontRegistry) -> [RenderWarning] {
        var warnings: [RenderWarning] = []
        for item in items {
            guard case .glyphs(let run) = item, run.glyphs.contains(where: { $0.id == 0 }) else { continue }
            for scalar in run.text.unicodeScalars where !registry.anyFontHasGlyph(for: scalar) && Self.isVisible(scalar) {
                let code = String(scalar.value, radix: 16, uppercase: true)
                warnings.append(RenderWarning(location: "page \(number)", message: "no bundled font has U+\(String(repeating: "0", count: max(0, 4 - code.count)))\(code) in “\(run.text)”"))
            }
        }
        return warnings
    }

    static func isVisible(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.properties.isDefaultIgnorableCodePoint && scalar.properties.generalCategory != .control && scalar.properties.generalCategory != .format
    }
}
