import Foundation

/// Formats exact decimals with a locale's separators and grouping; negatives take a leading `-`.
///
/// ```swift
/// DecimalFormatter(locale: .deDE).string(Decimal(string: "1234567.5")!, fractionDigits: 2) // "1.234.567,50"
/// DecimalFormatter(locale: .enUS).string(ExactDecimal(parsing: "0.3464")!)                         // "0.3464"
/// ```
public struct DecimalFormatter: Sendable, Hashable {
    /// The locale's conventions.
    public let locale: FormattingLocale

    /// Creates a formatter.
    ///
    /// ```swift
    /// let formatter = DecimalFormatter(locale: .frFR)
    /// ```
    public init(locale: FormattingLocale) { self.locale = locale }

    /// `value` with exactly `fractionDigits` decimals (rounded half away from zero), or, when nil,
    /// with as many decimals as it has (trailing zeros dropped).
    ///
    /// ```swift
    /// DecimalFormatter(locale: .frFR).string(Decimal(string: "-1234.5")!, fractionDigits: 2) // "-1 234,50"
    /// ```
    public func string(_ value: Decimal, fractionDigits: Int? = nil) -> String {
        var digits = plainDecimalText(fractionDigits.map { Rounding.halfAwayFromZero(value, scale: $0) } ?? value)
        let negative = digits.hasPrefix("-")
        if negative { digits.removeFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        if let fractionDigits, fraction.count < fractionDigits {
            fraction += String(repeating: "0", count: fractionDigits - fraction.count)
        }
        let grouped = group(String(parts[0]))
        let body = fraction.isEmpty ? grouped : grouped + locale.decimalSeparator + fraction
        return (negative && body.contains(where: { $0 != "0" && $0.isNumber }) ? "-" : "") + body
    }

    /// An exact decimal as written, minus trailing zeros after the point, or with `fractionDigits` decimals.
    ///
    /// ```swift
    /// DecimalFormatter(locale: .frFR).string(ExactDecimal(parsing: "5.50")!) // "5,5"
    /// ```
    public func string(_ value: ExactDecimal, fractionDigits: Int? = nil) -> String {
        if fractionDigits == nil, let plain = PlainNumberText(locale: locale).decimal(value) { return plain }
        return string(value.value, fractionDigits: fractionDigits)
    }

    private func group(_ integer: String) -> String {
        var out = ""
        for (i, ch) in integer.enumerated() {
            if i > 0 && (integer.count - i) % 3 == 0 { out += locale.groupSeparator }
            out.append(ch)
        }
        return out
    }
}
