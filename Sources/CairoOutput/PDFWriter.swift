import CCairo
import Foundation
import PageFrames
import TextShaping

/// Writes pages to a PDF as they come, so memory does not grow with the page count.
///
/// PDF 1.5 (on 1.4 Cairo drops `/ActualText` and ligatures would extract as U+FB03); text through
/// `cairo_show_text_glyphs` so extraction gives the source text; fonts embedded as subsets; the
/// Info dictionary set from ``DocumentMetadata`` with explicit dates, so the same pages give the same
/// bytes.
///
/// ```swift
/// let writer = try PDFWriter(registry: registry, metadata: DocumentMetadata(title: "Invoice 42"))
/// try writer.add(page)
/// let pdf: [UInt8] = try writer.finish()
/// ```
public final class PDFWriter {
    private let sink: ByteSink
    private let surface: OpaquePointer
    private let context: OpaquePointer
    private let registry: FontRegistry
    private var fontSet: CairoFontSet?
    private var pageCount = 0
    private var finished = false
    private var outlineParents: [Int: Int32] = [:]

    /// Writes into memory; ``finish()`` returns the bytes.
    public convenience init(registry: FontRegistry, metadata: DocumentMetadata) throws(CairoError) {
        try self.init(registry: registry, metadata: metadata, sink: ByteSink(.memory, repairingPDFCrossReferences: true))
    }

    /// Streams into an open file descriptor (not closed by the writer).
    public convenience init(registry: FontRegistry, metadata: DocumentMetadata, fileDescriptor: Int32) throws(CairoError) {
        try self.init(registry: registry, metadata: metadata, sink: ByteSink(.fileDescriptor(fileDescriptor), repairingPDFCrossReferences: true))
    }

    private init(registry: FontRegistry, metadata: DocumentMetadata, sink: ByteSink) throws(CairoError) {
        self.sink = sink
        self.registry = registry
        let surface = cairo_pdf_surface_create_for_stream(ByteSink.callback, Unmanaged.passUnretained(sink).toOpaque(), Size.a4.width, Size.a4.height)!
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw CairoError(operation: "creating the PDF surface", status: status)
        }
        cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5)
        Self.setMetadata(metadata, on: surface)
        self.surface = surface
        self.context = cairo_create(surface)!
        try CairoError.check(cairo_status(context), "creating the PDF drawing context")
        Self.applyFontOptions(to: context)
    }

    deinit {
        cairo_destroy(context)
        if !finished { cairo_surface_finish(surface) }
        cairo_surface_destroy(surface)
        if let fontSet { CairoFontPool.shared.giveBack(fontSet, registry: registry) }
    }

    /// Draws `page` and emits it.
    public func add(_ page: Page) throws(CairoError) {
        precondition(!finished, "page added after finish()")
        cairo_pdf_surface_set_size(surface, page.size.width, page.size.height)
        let fonts = try borrowedFontSet()
        try PageDrawer(context: context, fonts: fonts, drawsLinks: true, batchesRuns: true).draw(page)
        pageCount += 1
        for entry in page.outline { addOutline(entry) }
        cairo_show_page(context)
        try CairoError.check(cairo_status(context), "emitting page \(pageCount)")
        if let failure = sink.failure { throw CairoError(operation: "writing page \(pageCount)", reason: failure) }
    }

    /// Finishes the PDF (fonts, cross-reference table, trailer) and returns the bytes written to
    /// memory (empty when streaming to a file descriptor).
    @discardableResult
    public func finish() throws(CairoError) -> [UInt8] {
        precondition(!finished, "finish() called twice")
        finished = true
        sink.holdTail()
        cairo_surface_finish(surface)
        let tailStatus = sink.releaseRepairedTail()
        try CairoError.check(tailStatus, "writing the end of the PDF")
        if let failure = sink.failure { throw CairoError(operation: "writing the PDF", reason: failure) }
        try CairoError.check(cairo_surface_status(surface), "finishing the PDF")
        return sink.bytes
    }

    public var pagesWritten: Int { pageCount }

    private func borrowedFontSet() throws(CairoError) -> CairoFontSet {
        if let fontSet { return fontSet }
        let set = try CairoFontPool.shared.take(registry: registry)
        fontSet = set
        return set
    }

    private func addOutline(_ entry: OutlineEntry) {
        let parent = outlineParents[entry.level - 1] ?? 0  // 0 = CAIRO_PDF_OUTLINE_ROOT
        let destination = "page=\(pageCount) pos=[0 \(max(0, entry.y))]"
        let id = cairo_pdf_surface_add_outline(surface, parent, entry.title, destination, cairo_pdf_outline_flags_t(0))
        outlineParents[entry.level] = id
        outlineParents = outlineParents.filter { $0.key <= entry.level }
    }

    static func applyFontOptions(to context: OpaquePointer) {
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_set_font_options(context, options)
        cairo_font_options_destroy(options)
    }

    private static func setMetadata(_ metadata: DocumentMetadata, on surface: OpaquePointer) {
        let date = pdfDate(metadata.date)
        let fields: [(cairo_pdf_metadata_t, String?)] = [
            (CAIRO_PDF_METADATA_TITLE, metadata.title), (CAIRO_PDF_METADATA_AUTHOR, metadata.author),
            (CAIRO_PDF_METADATA_SUBJECT, metadata.subject),
            (CAIRO_PDF_METADATA_KEYWORDS, metadata.keywords.isEmpty ? nil : metadata.keywords.joined(separator: ", ")),
            (CAIRO_PDF_METADATA_CREATOR, metadata.creator), (CAIRO_PDF_METADATA_CREATE_DATE, date),
            (CAIRO_PDF_METADATA_MOD_DATE, date),
        ]
        for case let (key, value?) in fields { cairo_pdf_surface_set_metadata(surface, key, value) }
    }

    /// ISO 8601 in UTC, the form `cairo_pdf_surface_set_metadata` expects for dates.
    static func pdfDate(_ seconds: Int64) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
            Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }
}
