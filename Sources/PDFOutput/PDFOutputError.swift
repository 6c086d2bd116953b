/// A failure while writing a PDF: a font that cannot be embedded, an image that cannot be decoded,
/// or the output that cannot be written.
public struct PDFOutputError: Error, Equatable, CustomStringConvertible {
    /// What Folio was doing, e.g. "decoding a PNG image".
    public var operation: String
    /// Why it failed, e.g. the system error.
    public var reason: String

    public init(operation: String, reason: String) {
        self.operation = operation
        self.reason = reason
    }

    public var description: String { "\(operation) failed: \(reason)" }
}
