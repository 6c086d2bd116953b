/// Visual customisation of the rendered document.
///
/// The logo path's file checks (inside the JSON file's folder, PNG/JPEG magic bytes) and the bundled
/// font check need the file system and the font registry, so they belong to the renderer, not here.
///
/// ```swift
/// Theme(accentColor: "#1F4E79", logo: "logo.png")
/// ```
public struct Theme: Sendable, Hashable, Codable, ObjectDecodable {
    /// Accent colour `#RRGGBB`.
    public var accentColor: String?
    /// Logo path relative to the JSON file's folder (forward slashes, no `..`, not absolute).
    public var logo: String?
    /// Font family name, one bundled in `Fonts/`.
    public var fontFamily: String?

    /// Creates a theme.
    ///
    /// ```swift
    /// Theme(fontFamily: "Noto Sans")
    /// ```
    public init(accentColor: String? = nil, logo: String? = nil, fontFamily: String? = nil) {
        self.accentColor = accentColor; self.logo = logo; self.fontFamily = fontFamily
    }

    static let objectDescription = "a theme"

    static func read(_ r: ObjectReader) -> Theme? {
        Theme(accentColor: r.optional("accentColor", .text(max: 7, pattern: "#[0-9A-Fa-f]{6}", what: "a colour \"#RRGGBB\"")),
              logo: r.optional("logo", .text(max: 255, pattern: "(?![/\\\\])(?![A-Za-z]:)(?!.*\\\\)(?!(.*/)?\\.\\.(/|$))[^\\x{0}-\\x{1f}]+",
                                             what: "a relative path with forward slashes and no \"..\" segment")),
              fontFamily: r.optional("fontFamily", .text(max: 60, pattern: "[A-Za-z0-9][A-Za-z0-9 _-]*", what: "a font family name such as \"Noto Sans\"")))
    }

    /// Decodes through the strict reader.
    public init(from decoder: any Decoder) throws { self = try Theme(strictlyFrom: decoder) }
}
