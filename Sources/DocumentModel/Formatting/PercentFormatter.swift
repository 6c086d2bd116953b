/// Formats a percentage (a value already in percent: `"20"` means 20 %) per locale.
///
/// ```swift
/// PercentFormatter(locale: .frFR).string(ExactDecimal(parsing: "5.5")!) // "5,5\u{202F}%"
/// PercentFormatter(locale: .enUS).string(ExactDecimal(parsing: "20")!)  // "20%"
/// ```
public struct PercentFormatter: Sendable, Hashable {
    /// The locale's conventions.
    public let locale: FormattingLocale

    /// Creates a formatter.
    ///
    /// ```swift
    /// let formatter = PercentFormatter(locale: .deDE)
    /// ```
    public init(locale: FormattingLocale) { self.locale = locale }

    /// The rate without trailing zeros (or with `fractionDigits` decimals) followed by the locale's `%`.
    ///
    /// ```swift
    /// PercentFormatter(locale: .deDE).string(ExactDecimal(parsing: "20.00")!) // "20\u{00A0}%"
    /// ```
    public func string(_ percent: ExactDecimal, fractionDigits: Int? = nil) -> String {
        DecimalFormatter(locale: locale).string(percent, fractionDigits: fractionDigits) + locale.percentSpacing + "%"
    }
}
