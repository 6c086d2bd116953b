import Foundation
import Testing
@testable import DocumentModel

@Suite("Locale formatting (pinned CLDR strings)")
struct FormattingTests {
    let amount = Money("1234.56", currency: .eur)!
    let negative = Money("-1234.56", currency: .eur)!

    @Test func money() {
        #expect(MoneyFormatter(locale: .frFR).string(amount) == "1\u{202F}234,56\u{00A0}€")
        #expect(MoneyFormatter(locale: .frFR).string(negative) == "-1\u{202F}234,56\u{00A0}€")
        #expect(MoneyFormatter(locale: .deDE).string(amount) == "1.234,56\u{00A0}€")
        #expect(MoneyFormatter(locale: .deDE).string(negative) == "-1.234,56\u{00A0}€")
        #expect(MoneyFormatter(locale: .enGB).string(amount) == "€1,234.56")
        #expect(MoneyFormatter(locale: .enGB).string(Money("1234.56", currency: .gbp)!) == "£1,234.56")
        #expect(MoneyFormatter(locale: .enUS).string(Money("1234.56", currency: .usd)!) == "$1,234.56")
        #expect(MoneyFormatter(locale: .enUS).string(Money("-1234.56", currency: .usd)!) == "-$1,234.56")
        #expect(MoneyFormatter(locale: .enUS).string(Money("1234567.5", currency: .usd)!) == "$1,234,567.50")
        #expect(MoneyFormatter(locale: .enUS).string(Money("0.05", currency: .usd)!) == "$0.05")
        #expect(MoneyFormatter(locale: .enUS).string(Money("1235", currency: .jpy)!) == "¥1,235")
        #expect(MoneyFormatter(locale: .enUS).string(Money("12.5", currency: Currency("CHF")!)!) == "CHF\u{00A0}12.50")
        #expect(MoneyFormatter(locale: .enUS).string(Money("1.250", currency: Currency("KWD")!)!) == "KWD\u{00A0}1.250")
        #expect(MoneyFormatter(locale: .enCA).string(Money("10.58", currency: .cad)!) == "$10.58")
        #expect(MoneyFormatter(locale: .enCA).string(Money("100", currency: .usd)!) == "US$100.00")
        #expect(MoneyFormatter(locale: .frCA).string(Money("1234.56", currency: .cad)!) == "1\u{00A0}234,56\u{00A0}$")
        #expect(MoneyFormatter(locale: .frFR).string(Money("999.99", currency: .usd)!) == "999,99\u{00A0}$US")
        #expect(MoneyFormatter(locale: .frFR).amountString(Money("-35.95", currency: .eur)!) == "-35,95")
    }

    @Test func dates() {
        let date = CalendarDate("2025-03-08")!
        #expect(CalendarDateFormatter(locale: .frFR).string(date) == "08/03/2025")
        #expect(CalendarDateFormatter(locale: .frFR).string(date, style: .long) == "8 mars 2025")
        #expect(CalendarDateFormatter(locale: .enUS).string(date) == "3/8/2025")
        #expect(CalendarDateFormatter(locale: .enUS).string(date, style: .long) == "March 8, 2025")
        #expect(CalendarDateFormatter(locale: .enGB).string(date) == "08/03/2025")
        #expect(CalendarDateFormatter(locale: .enGB).string(date, style: .long) == "8 March 2025")
        #expect(CalendarDateFormatter(locale: .deDE).string(date) == "08.03.2025")
        #expect(CalendarDateFormatter(locale: .deDE).string(date, style: .long) == "8. März 2025")
        #expect(CalendarDateFormatter(locale: .enCA).string(date) == "2025-03-08")
        #expect(CalendarDateFormatter(locale: .frCA).string(date, style: .long) == "8 mars 2025")
        #expect(CalendarDateFormatter(locale: .frFR).string(CalendarDate("2025-08-01")!, style: .long) == "1 août 2025")
        #expect(CalendarDateFormatter(locale: .frFR).string(date, style: .usForm) == "03/08/2025")
        #expect(CalendarDateFormatter(locale: .deDE).string(date, style: .iso) == "2025-03-08")
    }

    @Test func percentages() {
        #expect(PercentFormatter(locale: .frFR).string("20") == "20\u{202F}%")
        #expect(PercentFormatter(locale: .frFR).string("5.5") == "5,5\u{202F}%")
        #expect(PercentFormatter(locale: .deDE).string("20.00") == "20\u{00A0}%")
        #expect(PercentFormatter(locale: .enUS).string("16.5") == "16.5%")
        #expect(PercentFormatter(locale: .enGB).string("0.3464") == "0.3464%")
        #expect(PercentFormatter(locale: .frCA).string("5") == "5\u{00A0}%")
        #expect(PercentFormatter(locale: .enUS).string("20", fractionDigits: 2) == "20.00%")
    }

    /// The rates of the invoices in each language, pinned: fr U+202F (CLDR fr), de U+00A0, en none.
    @Test(arguments: [
        ("19", "19\u{202F}%", "19%", "19\u{00A0}%"),
        ("7", "7\u{202F}%", "7%", "7\u{00A0}%"),
        ("5.5", "5,5\u{202F}%", "5.5%", "5,5\u{00A0}%"),
        ("0", "0\u{202F}%", "0%", "0\u{00A0}%"),
        ("20", "20\u{202F}%", "20%", "20\u{00A0}%"),
        ("20.00", "20\u{202F}%", "20%", "20\u{00A0}%"),
    ])
    func percentagesInFrenchEnglishAndGerman(_ row: (String, String, String, String)) throws {
        let rate = try #require(ExactDecimal(parsing: row.0))
        #expect(PercentFormatter(locale: .frFR).string(rate) == row.1)
        #expect(PercentFormatter(locale: .enGB).string(rate) == row.2)
        #expect(PercentFormatter(locale: .enUS).string(rate) == row.2)
        #expect(PercentFormatter(locale: .deDE).string(rate) == row.3)
    }

    @Test func weights() {
        #expect(WeightFormatter(locale: .frFR).string(Weight(value: "2.5", unit: .kg)) == "2,5\u{00A0}kg")
        #expect(WeightFormatter(locale: .deDE).string(Weight(value: "1150", unit: .kg)) == "1.150\u{00A0}kg")
        #expect(WeightFormatter(locale: .enUS).string(Weight(value: "1150", unit: .lb)) == "1,150\u{00A0}lb")
        #expect(WeightFormatter(locale: .enGB).string(Weight(value: "12.0", unit: .kg), fractionDigits: 1) == "12.0\u{00A0}kg")
        #expect(WeightFormatter(locale: .frFR).string(Weight(value: "12000.25", unit: .oz)) == "12\u{202F}000,25\u{00A0}oz")
    }

    @Test func decimalsAndLocaleLookup() {
        #expect(DecimalFormatter(locale: .deDE).string(Decimal(string: "1234567.5")!, fractionDigits: 2) == "1.234.567,50")
        #expect(DecimalFormatter(locale: .enUS).string(Decimal(string: "-0.004")!, fractionDigits: 2) == "0.00")
        #expect(DecimalFormatter(locale: .enUS).string(Decimal(string: "-0.005")!, fractionDigits: 2) == "-0.01")
        #expect(FormattingLocale(identifier: "de-DE") == .deDE)
        #expect(FormattingLocale(identifier: "xx-YY") == nil)
        #expect(FormattingLocale.bestMatch(for: "fr-BE") == .frFR)
        #expect(FormattingLocale.bestMatch(for: "ja-JP") == .enUS)
    }
}
