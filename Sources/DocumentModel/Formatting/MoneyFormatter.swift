/// Formats money with a locale's CLDR currency pattern; the number of decimals is the currency's.
///
/// ```swift
/// MoneyFormatter(locale: .frFR).string(Money("1234.56", currency: .eur)!)  // "1\u{202F}234,56\u{00A0}€"
/// MoneyFormatter(locale: .enUS).string(Money("-1234.56", currency: .usd)!) // "-$1,234.56"
/// MoneyFormatter(locale: .deDE).string(Money("1234.56", currency: .eur)!)  // "1.234,56\u{00A0}€"
/// ```
public struct MoneyFormatter: Sendable, Hashable {
    /// The locale's conventions.
    public let locale: FormattingLocale

    /// Creates a formatter.
    ///
    /// ```swift
    /// let formatter = MoneyFormatter(locale: .enGB)
    /// ```
    public init(locale: FormattingLocale) { self.locale = locale }

    /// The amount with its symbol (or ISO code) placed as the locale does; negatives lead with `-`.
    ///
    /// ```swift
    /// MoneyFormatter(locale: .enCA).string(Money("5", currency: .usd)!) // "US$5.00"
    /// ```
    public func string(_ money: Money) -> String {
        let number = amountString(money.magnitudeMoney)
        let symbol = locale.currencySymbols[money.currency.code] ?? money.currency.code
        let sign = money.minorUnits < 0 ? "-" : ""
        if locale.currencyAfterNumber { return sign + number + locale.currencySpacing + symbol }
        // CLDR puts a no-break space between a leading alphabetic symbol and the digits ("CHF 12.00").
        let separator = symbol.last?.isLetter == true ? "\u{00A0}" : ""
        return sign + symbol + separator + number
    }

    /// The number alone (grouped, with the currency's decimals, leading `-` when negative), for table columns.
    ///
    /// ```swift
    /// MoneyFormatter(locale: .frFR).amountString(Money("-35.95", currency: .eur)!) // "-35,95"
    /// ```
    public func amountString(_ money: Money) -> String {
        PlainNumberText(locale: locale).amount(money) ?? decimalPathAmountString(money)
    }

    /// The general path through `Decimal`, which ``PlainNumberText`` must agree with.
    func decimalPathAmountString(_ money: Money) -> String {
        DecimalFormatter(locale: locale).string(money.decimalValue, fractionDigits: money.currency.minorUnitExponent)
    }
}

extension Money {
    var magnitudeMoney: Money { Money(minorUnits: minorUnits < 0 ? -minorUnits : minorUnits, currency: currency) }
}
