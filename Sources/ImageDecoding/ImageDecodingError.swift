/// Why an image's bytes could not be decoded: what was being done and the decoder's reason.
public struct ImageDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    public var operation: String
    public var reason: String

    public init(operation: String, reason: String) {
        self.operation = operation
        self.reason = reason
    }

    public var description: String { "\(operation): \(reason)" }
}
