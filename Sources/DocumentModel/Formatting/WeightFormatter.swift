/// Formats weights as number plus unit abbreviation per locale.
///
/// ```swift
/// WeightFormatter(locale: .frFR).string(Weight(value: "2.5", unit: .kg))  // "2,5\u{00A0}kg"
/// WeightFormatter(locale: .enUS).string(Weight(value: "1150", unit: .lb)) // "1,150\u{00A0}lb"
/// ```
public struct WeightFormatter: Sendable, Hashable {
    /// The locale's conventions.
    public let locale: FormattingLocale

    /// Creates a formatter.
    ///
    /// ```swift
    /// let formatter = WeightFormatter(locale: .enGB)
    /// ```
    public init(locale: FormattingLocale) { self.locale = locale }

    /// The value as written (trailing zeros dropped, or `fractionDigits` decimals) and the unit.
    ///
    /// ```swift
    /// WeightFormatter(locale: .deDE).string(Weight(value: "12.0", unit: .kg), fractionDigits: 1) // "12,0\u{00A0}kg"
    /// ```
    public func string(_ weight: Weight, fractionDigits: Int? = nil) -> String {
        DecimalFormatter(locale: locale).string(weight.value, fractionDigits: fractionDigits) + locale.unitSpacing + weight.unit.rawValue
    }
}
