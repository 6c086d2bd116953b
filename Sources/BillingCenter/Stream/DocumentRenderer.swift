import DocumentModel
import Foundation

/// Renders a stored Folio document (the JSON bytes registered with it, S-7) to PDF bytes.
/// The CLI injects the real renderer; BillingCenter only decides whether rendering may happen.
///
/// ```swift
/// struct FolioRenderer: DocumentRenderer {
///     func renderPDF(storedDocument: Data) throws -> Data { try FolioRenderer.renderPDF(json: storedDocument) }
/// }
/// ```
public protocol DocumentRenderer: Sendable {
    func renderPDF(storedDocument: Data) throws -> Data
}

/// What a request needs from outside the log: the clock for T-5, files for S-7, a renderer.
public struct RequestEnvironment: Sendable {
    /// Wall clock or `--clock` (S-1); read once by the caller, never by the rules.
    public var wallClock: Instant
    public var documents: any DocumentLoading
    public var renderer: any DocumentRenderer
    /// Relative `output` paths resolve against this directory (S-1).
    public var workingDirectory: URL

    public init(wallClock: Instant, documents: any DocumentLoading, renderer: any DocumentRenderer,
                workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        self.wallClock = wallClock
        self.documents = documents
        self.renderer = renderer
        self.workingDirectory = workingDirectory
    }
}

/// A renderer for builds without PDF output yet: every download answers `render_failed`.
public struct UnavailableRenderer: DocumentRenderer {
    public struct NotAvailable: Error, CustomStringConvertible {
        public var description: String { "PDF rendering is not available in this build" }
    }
    public init() {}
    public func renderPDF(storedDocument: Data) throws -> Data { throw NotAvailable() }
}
