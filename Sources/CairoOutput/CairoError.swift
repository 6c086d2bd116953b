import CCairo

/// A failure reported by Cairo (its sticky status) or by the output around it.
public struct CairoError: Error, Equatable, CustomStringConvertible {
    /// What Folio was doing, e.g. "finishing the PDF".
    public var operation: String
    /// Cairo's own words for the status, or the system error.
    public var reason: String

    public init(operation: String, reason: String) {
        self.operation = operation
        self.reason = reason
    }

    init(operation: String, status: cairo_status_t) {
        self.init(operation: operation, reason: String(cString: cairo_status_to_string(status)))
    }

    public var description: String { "\(operation) failed: \(reason)" }

    /// Throws when `status` is not success.
    static func check(_ status: cairo_status_t, _ operation: @autoclosure () -> String) throws(CairoError) {
        if status != CAIRO_STATUS_SUCCESS { throw CairoError(operation: operation(), status: status) }
    }
}
