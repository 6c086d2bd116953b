/// The top-level `kind` of a document.
///
/// ```swift
/// DocumentKind(rawValue: "cbsa-b3") // .cbsaB3
/// ```
public enum DocumentKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Carrier invoice or credit note.
    case invoice
    /// U.S. CBP Form 7501 Entry Summary.
    case cbp7501 = "cbp-7501"
    /// CBSA B3-3 Canada Customs Coding Form.
    case cbsaB3 = "cbsa-b3"
}

extension FieldDecoder where T == String {
    /// A BCP 47 tag in canonical case (`fr-FR`); `fr_FR` is refused.
    static var locale: FieldDecoder<String> {
        .text(max: 20, pattern: "[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?", what: "a BCP 47 language tag such as \"fr-FR\"")
    }
}
