/// Formats calendar dates per locale from CLDR patterns held as data (no system calendar involved).
///
/// ```swift
/// let date = CalendarDate("2025-03-08")!
/// CalendarDateFormatter(locale: .frFR).string(date)              // "08/03/2025"
/// CalendarDateFormatter(locale: .enUS).string(date, style: .long) // "March 8, 2025"
/// CalendarDateFormatter(locale: .deDE).string(date, style: .long) // "8. März 2025"
/// ```
public struct CalendarDateFormatter: Sendable, Hashable {
    /// Date styles.
    ///
    /// ```swift
    /// CalendarDateFormatter(locale: .frFR).string(date, style: .long) // "8 mars 2025"
    /// ```
    public enum Style: Sendable, Hashable {
        /// Numeric (CLDR yMd as customary on invoices): `08/03/2025`, `3/8/2025`, `08.03.2025`, `2025-03-08`.
        case numeric
        /// Month spelt out: `8 mars 2025`, `March 8, 2025`.
        case long
        /// ISO 8601 `2025-03-08`, whatever the locale.
        case iso
        /// `MM/DD/YYYY`, as printed on the CBP 7501 whatever the locale.
        case usForm
    }

    /// The locale's conventions.
    public let locale: FormattingLocale

    /// Creates a formatter.
    ///
    /// ```swift
    /// let formatter = CalendarDateFormatter(locale: .enGB)
    /// ```
    public init(locale: FormattingLocale) { self.locale = locale }

    /// The date in `style`.
    ///
    /// ```swift
    /// CalendarDateFormatter(locale: .enGB).string(CalendarDate("2025-03-08")!, style: .long) // "8 March 2025"
    /// ```
    public func string(_ date: CalendarDate, style: Style = .numeric) -> String {
        switch style {
        case .numeric: return render(locale.numericDatePattern, date)
        case .long: return render(locale.longDatePattern, date)
        case .iso: return date.description
        case .usForm: return render("MM/dd/y", date)
        }
    }

    /// Renders the CLDR pattern subset used by the tables: d, dd, M, MM, MMMM, y; other characters literal.
    private func render(_ pattern: String, _ date: CalendarDate) -> String {
        func pad(_ n: Int, _ width: Int) -> String { let s = String(n); return String(repeating: "0", count: max(0, width - s.count)) + s }
        var out = ""
        var chars = Array(pattern)[...]
        while let ch = chars.first {
            let run = chars.prefix { $0 == ch }.count
            chars = chars.dropFirst(run)
            switch (ch, run) {
            case ("d", 1): out += String(date.day)
            case ("d", _): out += pad(date.day, 2)
            case ("M", 1): out += String(date.month)
            case ("M", 2): out += pad(date.month, 2)
            case ("M", _): out += locale.monthNames[date.month - 1]
            case ("y", _): out += pad(date.year, 4)
            default: out += String(repeating: ch, count: run)
            }
        }
        return out
    }
}
