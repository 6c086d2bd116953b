/// Number, currency, percent, unit and date conventions of one locale, from CLDR, held as data in
/// the library so output is identical on every machine (no ICU or system locale involved).
///
/// ```swift
/// MoneyFormatter(locale: .frFR).string(Money("1234.56", currency: .eur)!) // "1 234,56 €" (U+202F, U+00A0)
/// FormattingLocale(identifier: "de-DE")?.decimalSeparator                  // ","
/// ```
public struct FormattingLocale: Sendable, Hashable {
    /// BCP 47 tag (`fr-FR`).
    public let identifier: String
    /// Decimal separator.
    public let decimalSeparator: String
    /// Thousands group separator (U+202F in fr-FR, U+00A0 in fr-CA).
    public let groupSeparator: String
    /// Whether the currency symbol follows the number (`1 234,56 €`) or precedes it (`$1,234.56`).
    public let currencyAfterNumber: Bool
    /// Space between number and a trailing currency symbol (U+00A0), empty for a leading symbol.
    public let currencySpacing: String
    /// Text between number and `%` (U+202F in fr-FR, U+00A0 in de-DE and fr-CA, nothing in English).
    public let percentSpacing: String
    /// Text between a number and a unit abbreviation (`2,5 kg`): a no-break space in every locale
    /// (CLDR's English unit patterns have a plain space; a line must not break inside "3 lb").
    public let unitSpacing: String
    /// Currency symbols by ISO code; codes absent here print as the code itself.
    public let currencySymbols: [String: String]
    /// Wide month names, January first, in the form used inside a date.
    public let monthNames: [String]
    /// Pattern of a numeric date (`dd/MM/y`), CLDR skeleton yMd as customary on invoices.
    public let numericDatePattern: String
    /// Pattern of a long date (`d MMMM y`).
    public let longDatePattern: String

    /// French (France): `1 234,56 €`, `20 %`, `08/03/2025`, `8 mars 2025`.
    public static let frFR = FormattingLocale(
        identifier: "fr-FR", decimalSeparator: ",", groupSeparator: "\u{202F}", currencyAfterNumber: true, currencySpacing: "\u{00A0}",
        percentSpacing: "\u{202F}", unitSpacing: "\u{00A0}",
        currencySymbols: ["EUR": "€", "USD": "$US", "GBP": "£GB", "CAD": "$CA", "JPY": "JPY", "CHF": "CHF"],
        monthNames: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
        numericDatePattern: "dd/MM/y", longDatePattern: "d MMMM y")

    /// French (Canada): `1 234,56 $`, `20 %` (U+00A0), `2025-03-08`, `8 mars 2025`.
    public static let frCA = FormattingLocale(
        identifier: "fr-CA", decimalSeparator: ",", groupSeparator: "\u{00A0}", currencyAfterNumber: true, currencySpacing: "\u{00A0}",
        percentSpacing: "\u{00A0}", unitSpacing: "\u{00A0}",
        currencySymbols: ["CAD": "$", "USD": "$\u{00A0}US", "EUR": "€", "GBP": "£", "JPY": "¥"],
        monthNames: frFR.monthNames, numericDatePattern: "y-MM-dd", longDatePattern: "d MMMM y")

    /// English (United States): `$1,234.56`, `20%`, `3/8/2025`, `March 8, 2025`.
    public static let enUS = FormattingLocale(
        identifier: "en-US", decimalSeparator: ".", groupSeparator: ",", currencyAfterNumber: false, currencySpacing: "",
        percentSpacing: "", unitSpacing: "\u{00A0}",
        currencySymbols: ["USD": "$", "EUR": "€", "GBP": "£", "CAD": "CA$", "JPY": "¥"],
        monthNames: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        numericDatePattern: "M/d/y", longDatePattern: "MMMM d, y")

    /// English (United Kingdom): `£1,234.56`, `€1,234.56`, `08/03/2025`, `8 March 2025`.
    public static let enGB = FormattingLocale(
        identifier: "en-GB", decimalSeparator: ".", groupSeparator: ",", currencyAfterNumber: false, currencySpacing: "",
        percentSpacing: "", unitSpacing: "\u{00A0}",
        currencySymbols: ["GBP": "£", "EUR": "€", "USD": "US$", "CAD": "CA$", "JPY": "JP¥"],
        monthNames: enUS.monthNames, numericDatePattern: "dd/MM/y", longDatePattern: "d MMMM y")

    /// English (Canada): `$1,234.56` for CAD, `US$1,234.56`, `2025-03-08`, `March 8, 2025`.
    public static let enCA = FormattingLocale(
        identifier: "en-CA", decimalSeparator: ".", groupSeparator: ",", currencyAfterNumber: false, currencySpacing: "",
        percentSpacing: "", unitSpacing: "\u{00A0}",
        currencySymbols: ["CAD": "$", "USD": "US$", "EUR": "€", "GBP": "£", "JPY": "JP¥"],
        monthNames: enUS.monthNames, numericDatePattern: "y-MM-dd", longDatePattern: "MMMM d, y")

    /// German (Germany): `1.234,56 €`, `20 %`, `08.03.2025`, `8. März 2025`.
    public static let deDE = FormattingLocale(
        identifier: "de-DE", decimalSeparator: ",", groupSeparator: ".", currencyAfterNumber: true, currencySpacing: "\u{00A0}",
        percentSpacing: "\u{00A0}", unitSpacing: "\u{00A0}",
        currencySymbols: ["EUR": "€", "USD": "$", "GBP": "£", "CAD": "CA$", "JPY": "¥"],
        monthNames: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
        numericDatePattern: "dd.MM.y", longDatePattern: "d. MMMM y")

    /// Every supported locale.
    public static let all: [FormattingLocale] = [.frFR, .frCA, .enUS, .enGB, .enCA, .deDE]

    /// The locale for a BCP 47 tag, or `nil` when unsupported.
    ///
    /// ```swift
    /// FormattingLocale(identifier: "en-GB") == .enGB // true
    /// ```
    public init?(identifier: String) {
        guard let found = FormattingLocale.all.first(where: { $0.identifier == identifier }) else { return nil }
        self = found
    }

    /// The locale for a tag, falling back to the same language (`fr-BE` → fr-FR), then to en-US.
    ///
    /// ```swift
    /// FormattingLocale.bestMatch(for: "fr-BE").identifier // "fr-FR"
    /// ```
    public static func bestMatch(for identifier: String) -> FormattingLocale {
        if let exact = FormattingLocale(identifier: identifier) { return exact }
        let language = identifier.split(separator: "-").first.map(String.init) ?? identifier
        return all.first { $0.identifier.hasPrefix(language + "-") } ?? .enUS
    }

    private init(identifier: String, decimalSeparator: String, groupSeparator: String, currencyAfterNumber: Bool, currencySpacing: String,
                 percentSpacing: String, unitSpacing: String, currencySymbols: [String: String], monthNames: [String],
                 numericDatePattern: String, longDatePattern: String) {
        self.identifier = identifier; self.decimalSeparator = decimalSeparator; self.groupSeparator = groupSeparator
        self.currencyAfterNumber = currencyAfterNumber; self.currencySpacing = currencySpacing; self.percentSpacing = percentSpacing
        self.unitSpacing = unitSpacing; self.currencySymbols = currencySymbols; self.monthNames = monthNames
        self.numericDatePattern = numericDatePattern; self.longDatePattern = longDatePattern
    }
}
