import PageFrames
import Typesetting

/// What a template makes of a document: the page template, the flow of blocks, the PDF metadata
/// and any warnings. The façade paginates it and hands the pages to an output.
public struct DocumentLayout: Sendable {
    public var template: PageTemplate
    public var content: [Block]
    public var metadata: DocumentMetadata
    public var warnings: [TemplateWarning]

    public init(template: PageTemplate, content: [Block], metadata: DocumentMetadata, warnings: [TemplateWarning] = []) {
        self.template = template
        self.content = content
        self.metadata = metadata
        self.warnings = warnings
    }
}

/// A note about the rendering that is not an error (a field printed shortened, an option ignored).
public struct TemplateWarning: Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
    public var description: String { "\(path): \(message)" }
}

/// A document that is valid JSON but cannot be laid out (a logo that cannot be read, a value that
/// does not fit its form box). Names the field by its JSON path.
public struct TemplateError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    public var description: String { "\(path): \(reason)" }
}
