import CairoOutput
import PageFrames
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

/// A rendered PDF and what the caller should know about it.
///
/// ```swift
/// let result = try Folio.renderSpecimenPDF()
/// try Data(result.pdf).write(to: url)
/// print(result.pageCount, result.warnings)
/// ```
public struct RenderResult: Sendable {
    public var pdf: [UInt8]
    public var pageCount: Int
    public var warnings: [RenderWarning]
}

extension RenderWarning {
    init(missing: MissingGlyph, location: String) {
        self.init(location: location, message: missing.description)
    }
}
