/// Caller choices that are not part of the document.
///
/// ```swift
/// let options = TemplateOptions(baseDirectory: "/srv/invoices/2025-03")
/// ```
public struct TemplateOptions: Sendable, Hashable {
    /// Folder of the JSON file: `theme.logo` is resolved against it and may not leave it.
    public var baseDirectory: String?
    /// A folder the caller explicitly allows logos to come from, besides `baseDirectory`.
    public var allowedImageRoot: String?
    /// Captions of the CBP 7501 in French as well as English (the official form is English only).
    public var frenchFormCaptions: Bool
    /// Creation date when the document has none (seconds since 1970); nil uses `SOURCE_DATE_EPOCH`
    /// or the fixed epoch, so output never depends on the clock.
    public var fallbackCreationDate: Int64?

    public init(baseDirectory: String? = nil, allowedImageRoot: String? = nil, frenchFormCaptions: Bool = false, fallbackCreationDate: Int64? = nil) {
        self.baseDirectory = baseDirectory
        self.allowedImageRoot = allowedImageRoot
        self.frenchFormCaptions = frenchFormCaptions
        self.fallbackCreationDate = fallbackCreationDate
    }
}
