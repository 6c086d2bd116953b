import DocumentModel

/// A phrase with a count in it, in every plural form its language has ("{count} package",
/// "{count} packages"), from ``Labels/countedPhrase(_:)``.
///
/// ```swift
/// let packages = labels.countedPhrase("shipments.packageCount")
/// packages.string(1, formatted: "1") // "1\u{00A0}package"
/// ```
public struct CountedPhrase: Sendable {
    let rule: PluralRule
    /// Text before and after `{count}`, by category; `.other` is always present.
    let forms: [PluralRule.Category: (String, String)]

    /// The form for `category` with `formatted` in place of `{count}`.
    ///
    /// ```swift
    /// packages.string(.one, formatted: "1") // "1\u{00A0}Paket" (de)
    /// ```
    public func string(_ category: PluralRule.Category, formatted: String) -> String {
        let (before, after) = forms[category] ?? forms[.other] ?? ("", "")
        return before + formatted + after
    }

    /// The form for an integer count.
    ///
    /// ```swift
    /// packages.string(2, formatted: "2") // "2\u{00A0}Pakete" (de), "2\u{00A0}colis" (fr)
    /// ```
    public func string(_ count: Int, formatted: String) -> String { string(rule.category(count), formatted: formatted) }

    /// The form for a decimal count (a weight, a quantity) as ``DecimalFormatter`` prints it.
    ///
    /// ```swift
    /// packages.string(ExactDecimal(parsing: "1.5")!, formatted: "1,5") // "1,5\u{00A0}colis" (fr: i = 1 is "one")
    /// ```
    public func string(_ value: ExactDecimal, formatted: String, fractionDigits: Int? = nil) -> String {
        string(rule.category(value, fractionDigits: fractionDigits), formatted: formatted)
    }

    static func split(_ form: String) -> (String, String) {
        guard let range = form.range(of: "{count}") else { return ("", " " + form) }
        return (String(form[..<range.lowerBound]), String(form[range.upperBound...]))
    }
}
