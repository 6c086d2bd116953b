import DocumentModel
import Foundation
import FolioCore

extension FolioRenderer {
    /// Renders a decoded document straight into the file at `url`: pages are written as they are
    /// laid out (memory does not hold the PDF), into a temporary file beside `url` that replaces it
    /// only when the render succeeded — never a partial file.
    ///
    /// The result's `pdf` is empty: the bytes are in the file.
    ///
    /// ```swift
    /// let decoded = try FolioRenderer.decode(data)
    /// let result = try FolioRenderer.renderPDF(decoded, to: URL(fileURLWithPath: "out/invoice.pdf"))
    /// print(result.pageCount, result.warnings)
    /// ```
    public static func renderPDF(_ decoded: DecodedDocument, to url: URL, options: RenderOptions = RenderOptions()) throws(FolioError) -> RenderResult {
        try renderPDF(decoded, to: url, options: options, eInvoicePlainLimit: eInvoicePlainLimit)
    }

    /// The largest e-invoice XML a render to a file collects whole before compressing it (with the
    /// writer's compressor, as a render in memory does); a larger one — an invoice of thousands of
    /// shipments — is deflated as it is written. Every sample's XML is below it, so their PDFs are
    /// the same bytes either way.
    static let eInvoicePlainLimit = 4 << 20

    static func renderPDF(_ decoded: DecodedDocument, to url: URL, options: RenderOptions, eInvoicePlainLimit: Int) throws(FolioError) -> RenderResult {
        let eInvoice = try eInvoiceContent(decoded, choice: options.eInvoice, pdfStandard: options.pdfStandard, plainLimit: eInvoicePlainLimit, compressing: true)
        var result: RenderResult?
        var renderFailure: FolioError?
        do {
            try AtomicFileWriter.write(to: url.path) { descriptor in
                do {
                    result = try writePDF(decoded, options: options, eInvoice: eInvoice, fileDescriptor: descriptor, destination: url.path)
                } catch let error as FolioError {
                    renderFailure = error
                    throw error
                }
            }
        } catch {
            if let renderFailure { throw renderFailure }
            throw FolioError(kind: .output, issues: [("", "\(error)")])
        }
        return result!
    }

    /// Renders the JSON document in the file at `input` into the file at `output`, with memory that
    /// does not grow with the document: the input is read once and then only shipment by shipment
    /// (an invoice of 50,000 shipments never holds them all), and pages go to `output` as they are
    /// laid out, through a temporary file that replaces `output` only when the render succeeded.
    ///
    /// ```swift
    /// let result = try FolioRenderer.renderPDF(contentsOf: URL(fileURLWithPath: "invoice.json"),
    ///                                  to: URL(fileURLWithPath: "invoice.pdf"),
    ///                                  options: RenderOptions(baseDirectory: "."))
    /// print(result.pageCount)
    /// ```
    public static func renderPDF(contentsOf input: URL, to output: URL, options: RenderOptions = RenderOptions()) throws(FolioError) -> RenderResult {
        let source: DocumentSource
        do { source = try DocumentSource(contentsOfFile: input.path) } catch {
            throw FolioError(kind: .environment, issues: [("", error.reason)])
        }
        return try renderPDF(decodeStreaming(source, limits: options.documentLimits), to: output, options: options)
    }

    /// Decodes and renders on the cooperative thread pool. Cancelling the calling task stops the
    /// render at its next page with ``FolioError/Kind/interrupted``.
    ///
    /// ```swift
    /// let result = try await FolioRenderer.renderPDF(json: data, options: RenderOptions(baseDirectory: "."))
    /// ```
    public static func renderPDF(json: Data, options: RenderOptions = RenderOptions()) async throws(FolioError) -> RenderResult {
        let cancellation = options.cancellation ?? RenderCancellation()
        let options = {
            var options = options
            options.cancellation = cancellation
            return options
        }()
        let result: Result<RenderResult, FolioError> = await withTaskCancellationHandler {
            await Task { Result { () throws(FolioError) in try renderPDF(json: json, options: options) } }.value
        } onCancel: {
            cancellation.cancel()
        }
        return try result.get()
    }
}
