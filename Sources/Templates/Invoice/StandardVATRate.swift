import DocumentModel

/// The standard (highest, general) VAT rate of a country on a date, for telling a reduced rate from
/// the standard one in the VAT breakdown: EN 16931 puts both in category S, and only the rate
/// says which it is. EU member states, the United Kingdom, Switzerland, Norway and Monaco, with the
/// changes since 2018 (a date before 2018 takes the 2018 rate).
///
/// ```swift
/// StandardVATRate.rate(country: "DE", on: CalendarDate("2025-03-08")!) // 19
/// StandardVATRate.rate(country: "DE", on: CalendarDate("2020-10-01")!) // 16
/// StandardVATRate.rate(country: "US", on: CalendarDate("2025-03-08")!) // nil
/// ```
enum StandardVATRate {
    /// The standard rate in force in `country` (ISO 3166-1 alpha-2) on `date`, or nil for a country
    /// not in the table.
    static func rate(country: String, on date: CalendarDate) -> ExactDecimal? {
        guard let history = table[country] else { return nil }
        var rate = history[0].rate
        for change in history.dropFirst() where change.from <= date { rate = change.rate }
        return rate
    }

    private struct Change {
        let from: CalendarDate
        let rate: ExactDecimal
        init(_ from: String, _ rate: ExactDecimal) { self.from = CalendarDate(from)!; self.rate = rate }
    }

    private static func constant(_ rate: ExactDecimal) -> [Change] { [Change("2018-01-01", rate)] }

    /// Rates from the European Commission's "VAT rates applied in the Member States" and the
    /// national laws, with the dates of the changes since 2018.
    private static let table: [String: [Change]] = [
        "AT": constant("20"), "BE": constant("21"), "BG": constant("20"), "CY": constant("19"), "CZ": constant("21"),
        // Germany's second half of 2020: 16 % (Corona-Steuerhilfegesetz).
        "DE": [Change("2018-01-01", "19"), Change("2020-07-01", "16"), Change("2021-01-01", "19")],
        "DK": constant("25"),
        "EE": [Change("2018-01-01", "20"), Change("2024-01-01", "22"), Change("2025-07-01", "24")],
        "ES": constant("21"),
        "FI": [Change("2018-01-01", "24"), Change("2024-09-01", "25.5")],
        "FR": constant("20"), "GR": constant("24"), "HR": constant("25"), "HU": constant("27"),
        "IE": [Change("2018-01-01", "23"), Change("2020-09-01", "21"), Change("2021-03-01", "23")],
        "IT": constant("22"), "LT": constant("21"),
        "LU": [Change("2018-01-01", "17"), Change("2023-01-01", "16"), Change("2024-01-01", "17")],
        "LV": constant("21"), "MT": constant("18"), "NL": constant("21"), "PL": constant("23"), "PT": constant("23"),
        "RO": [Change("2018-01-01", "19"), Change("2025-08-01", "21")],
        "SE": constant("25"), "SI": constant("22"),
        "SK": [Change("2018-01-01", "20"), Change("2025-01-01", "23")],
        "GB": constant("20"), "NO": constant("25"), "MC": constant("20"),
        "CH": [Change("2018-01-01", "7.7"), Change("2024-01-01", "8.1")],
    ]
}
