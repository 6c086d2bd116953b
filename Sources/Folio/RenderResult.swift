import CairoOutput
import PageFrames
import PDFOutput
import TextShaping

/// Something worth telling the caller about a render that still produced a correct document.
public struct RenderWarning: Hashable, Sendable, CustomStringConvertible {
    /// Where it happened: a JSON path, a sample name, a page.
    public var location: String
    public var message: String
    public init(location: String, message: String) {
        self.location = location
        self.message = message
    }
    public var description: String { location.isEmpty ? message : "\(location): \(message)" }
}

/// A rendered document and what the caller should know about it: the one result of every entry
/// point (PDF bytes, or PNG pages, or both; empty `pdf` when it was streamed to a file).
///
/// ```swift
/// let result = try FolioRenderer.renderPDF(json: data)
/// try Data(result.pdf).write(to: url)
/// print(result.pageCount, result.warnings)
/// if let xml = result.eInvoiceXML { try Data(xml).write(to: xmlURL) } // factur-x.xml, as embedded
/// ```
public struct RenderResult: Sendable {
    public var pdf: [UInt8]
    public var pageCount: Int
    public var warnings: [RenderWarning]
    /// The EN 16931 XML embedded in `pdf` as `factur-x.xml`, byte for byte; nil when the PDF has none.
    ///
    /// A render keeps the XML only in its compressed form (the form it is embedded in), so this
    /// inflates it each time it is read: read it once.
    public var eInvoiceXML: [UInt8]? {
        get {
            switch embeddedEInvoice {
            case nil: return nil
            case .bytes(let bytes): return bytes
            // Inflating what this process deflated fails only when memory does.
            case .deflated(let deflated): return try? deflated.inflated()
            }
        }
        set { embeddedEInvoice = newValue.map { .bytes($0) } }
    }
    /// One PNG per page when pages were rasterised (``FolioRenderer/renderPNG(_:dpi:options:)``,
    /// ``FolioRenderer/renderPDFAndPNG(_:dpi:options:)``); empty otherwise.
    public var pngPages: [[UInt8]]
    /// The embedded XML as the render holds it.
    private var embeddedEInvoice: PDFAttachment.Content?

    package init(pdf: [UInt8], pageCount: Int, warnings: [RenderWarning], eInvoice: PDFAttachment.Content? = nil, pngPages: [[UInt8]] = []) {
        self.pdf = pdf
        self.pageCount = pageCount
        self.warnings = warnings
        self.embeddedEInvoice = eInvoice
        self.pngPages = pngPages
    }
}

extension RenderWarning {
    package init(missing: MissingGlyph, location: String) {
        self.init(location: location, message: missing.description)
    }
}
