import DocumentModel
import PageFrames
import Typesetting

/// What a template makes of a document: the page template, the flow of blocks, the PDF metadata
/// and any warnings. The façade paginates it and hands the pages to an output.
public struct DocumentLayout: Sendable {
    public var template: PageTemplate
    public var content: [Block]
    public var metadata: DocumentMetadata
    /// Notes about the rendering that are not errors, in the model's warning form.
    public var warnings: [ValidationWarning]

    public init(template: PageTemplate, content: [Block], metadata: DocumentMetadata, warnings: [ValidationWarning] = []) {
        self.template = template
        self.content = content
        self.metadata = metadata
        self.warnings = warnings
    }
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
